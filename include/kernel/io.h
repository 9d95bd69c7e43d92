/* Port and MMIO accessors: the only way the kernel touches hardware.
 *
 * Argument order everywhere: address first, value second.
 *     outb(port, value)        mmio_write32(address, value)
 * Port accessors compile to a single IN/OUT; MMIO accessors to a single
 * volatile load or store of exactly the named width, so a device sees one
 * access of the size its register expects. */
#ifndef KERNEL_IO_H
#define KERNEL_IO_H

#include <stdint.h>

static inline void outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outw(uint16_t port, uint16_t v)
{
    __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t v)
{
    __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint8_t inb(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline uint16_t inw(uint16_t port)
{
    uint16_t v;
    __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline uint32_t inl(uint16_t port)
{
    uint32_t v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline void mmio_write32(uintptr_t addr, uint32_t v)
{
    *(volatile uint32_t *)addr = v;
}

static inline void mmio_write8(uintptr_t addr, uint8_t v)
{
    *(volatile uint8_t *)addr = v;
}

static inline void mmio_write16(uintptr_t addr, uint16_t v)
{
    *(volatile uint16_t *)addr = v;
}

static inline uint16_t mmio_read16(uintptr_t addr)
{
    return *(volatile uint16_t *)addr;
}

static inline uint32_t mmio_read32(uintptr_t addr)
{
    return *(volatile uint32_t *)addr;
}

/* Model-specific register `msr` (RDMSR: EDX:EAX). */
static inline uint64_t rdmsr(uint32_t msr)
{
    uint32_t lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return (uint64_t)hi << 32 | lo;
}

/* EDX of CPUID `leaf` (sub-leaf 0). */
static inline uint32_t cpuid_edx(uint32_t leaf)
{
    uint32_t a, b, c, d;
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(leaf), "c"(0));
    return d;
}

/* Wait for an interrupt. Enables interrupts for the HLT only, so an IRQ that
 * arrives between the caller's check and the HLT still wakes it (STI's
 * one-instruction shadow covers the HLT). Returns with interrupts disabled. */
static inline void wait_for_interrupt(void)
{
    __asm__ volatile("sti; hlt; cli" ::: "memory");
}

static inline void irq_disable(void) { __asm__ volatile("cli" ::: "memory"); }

/* Stop the CPU for good: interrupts off, so nothing but NMI wakes the HLT,
 * and the loop halts again if one does. */
static inline __attribute__((noreturn)) void halt_forever(void)
{
    for (;;)
        __asm__ volatile("cli; hlt" ::: "memory");
}

#endif
