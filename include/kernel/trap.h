/* Descriptor tables, CPU exceptions and hardware interrupt routing. */
#ifndef KERNEL_TRAP_H
#define KERNEL_TRAP_H

#include <stddef.h>
#include <stdint.h>

/* Plain numbers: the Makefile hands GDT_*, T_IRQ0 and T_NVECTORS to NASM
 * for isr.asm, so that they are written once. */
#define GDT_KERNEL_CODE     0x08
#define GDT_KERNEL_DATA     0x10

#define T_PGFLT     14      /* #PF */
#define T_IRQ0      32      /* vector of IRQ 0 after the PIC remap */
#define T_NIRQS     16      /* PIC lines 0-15: vectors T_IRQ0 to T_IRQ0 + 15 */
#define T_LAPIC_SPURIOUS 63 /* local APIC spurious vector: low 4 bits set, as
                             * P6 and Pentium APICs force them */
#define T_NVECTORS  64

/* Operand of LGDT and LIDT: table size in bytes minus one, then its address. */
struct table_ptr {
    uint16_t limit;
    uint32_t base;
} __attribute__((packed));

/* Frame built by isr.asm, lowest address first. */
struct trapframe {
    uint32_t es, ds;
    uint32_t edi, esi, ebp, esp_at_pushad, ebx, edx, ecx, eax;
    uint32_t vector, err;
    uint32_t eip, cs, eflags;
};

/* ESP before the interrupt: PUSHAD saved ESP after the stub and the CPU had
 * pushed the 5 dwords vector, err, eip, cs, eflags (same privilege level, so
 * no ss:esp) above the general registers. */
#define TF_ESP_BEFORE(tf) \
    ((tf)->esp_at_pushad + (uint32_t)(sizeof(struct trapframe) - offsetof(struct trapframe, vector)))

typedef void (*irq_handler)(void);

void trap_init(void);
/* Route IRQ line `irq` (0-15) to `fn`; the line stays masked until the caller
 * opens it with pic_set_mask() for its wait. */
void irq_register(int irq, irq_handler fn);

#endif
