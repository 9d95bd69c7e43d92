/* GDT (flat 4 GiB code and data), IDT for CPU exceptions and remapped PIC
 * IRQs, and the common C dispatcher behind isr.asm. An exception prints its
 * vector, error code and registers on the console, then leaves QEMU with
 * DEBUG_EXIT_CRASH: the kernel never tries to recover from one. */
#include <stdint.h>
#include "kernel/console.h"
#include "drivers/debug_exit.h"
#include "drivers/lapic.h"
#include "drivers/pic.h"
#include "kernel/trap.h"

struct gdt_entry {
    uint16_t limit_lo, base_lo;
    uint8_t base_mid, access, flags_limit_hi, base_hi;
} __attribute__((packed));

struct idt_entry {
    uint16_t offset_lo, selector;
    uint8_t zero, type_attr;
    uint16_t offset_hi;
} __attribute__((packed));

#define GDT_ACCESS_CODE     0x9A    /* present, ring 0, code, readable */
#define GDT_ACCESS_DATA     0x92    /* present, ring 0, data, writable */
#define GDT_FLAGS_4K_32BIT  0xCF    /* 4 KiB granularity, 32-bit, limit 19:16 = 0xF */
#define IDT_INTERRUPT_GATE  0x8E    /* present, ring 0, 32-bit interrupt gate */

static struct gdt_entry gdt[3] = {
    [GDT_KERNEL_CODE / 8] = { 0xFFFF, 0, 0, GDT_ACCESS_CODE, GDT_FLAGS_4K_32BIT, 0 },
    [GDT_KERNEL_DATA / 8] = { 0xFFFF, 0, 0, GDT_ACCESS_DATA, GDT_FLAGS_4K_32BIT, 0 },
};
static struct idt_entry idt[T_NVECTORS];
static irq_handler irq_handlers[T_NIRQS];

extern const uint32_t isr_table[T_NVECTORS];
void gdt_load(struct table_ptr *p);

static const char *const exception_names[T_IRQ0] = {
    [0] = "#DE divide error",       [1] = "#DB debug",
    [2] = "NMI",                    [3] = "#BP breakpoint",
    [4] = "#OF overflow",           [5] = "#BR bound range",
    [6] = "#UD invalid opcode",     [7] = "#NM no math coprocessor",
    [8] = "#DF double fault",       [10] = "#TS invalid TSS",
    [11] = "#NP segment not present", [12] = "#SS stack fault",
    [13] = "#GP general protection", [14] = "#PF page fault",
    [16] = "#MF x87 error",         [17] = "#AC alignment check",
    [18] = "#MC machine check",     [19] = "#XM SIMD error",
};

void trap_init(void)
{
    struct table_ptr gp = { sizeof(gdt) - 1, (uint32_t)gdt };
    gdt_load(&gp);

    for (int v = 0; v < T_NVECTORS; v++) {
        idt[v].offset_lo = isr_table[v] & 0xFFFF;
        idt[v].offset_hi = isr_table[v] >> 16;
        idt[v].selector = GDT_KERNEL_CODE;
        idt[v].type_attr = IDT_INTERRUPT_GATE;
    }
    struct table_ptr ip = { sizeof(idt) - 1, (uint32_t)idt };
    __asm__ volatile("lidt %0" : : "m"(ip));

    lapic_virtual_wire(T_LAPIC_SPURIOUS);
    pic_init(T_IRQ0);
}

void irq_register(int irq, irq_handler fn)
{
    irq_handlers[irq] = fn;
}

static uint32_t read_cr2(void)
{
    uint32_t v;
    __asm__ volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}

static __attribute__((noreturn)) void exception(const struct trapframe *tf)
{
    const char *name = exception_names[tf->vector];
    kprintf("exception: %s (vector %u) err=0x%08x\n",
            name ? name : "reserved", tf->vector, tf->err);
    kprintf("  eip=0x%08x cs=0x%04x eflags=0x%08x\n", tf->eip, tf->cs, tf->eflags);
    kprintf("  eax=0x%08x ebx=0x%08x ecx=0x%08x edx=0x%08x\n",
            tf->eax, tf->ebx, tf->ecx, tf->edx);
    kprintf("  esi=0x%08x edi=0x%08x ebp=0x%08x esp=0x%08x\n",
            tf->esi, tf->edi, tf->ebp, TF_ESP_BEFORE(tf));
    if (tf->vector == T_PGFLT)
        kprintf("  cr2=0x%08x\n", read_cr2());
    debug_exit(DEBUG_EXIT_CRASH);
}

void interrupt_dispatch(struct trapframe *tf);
void interrupt_dispatch(struct trapframe *tf)
{
    if (tf->vector < T_IRQ0)
        exception(tf);
    if (tf->vector == T_LAPIC_SPURIOUS)
        return;                 /* the local APIC wants no EOI for it */
    int irq = (int)(tf->vector - T_IRQ0);
    if (irq >= T_NIRQS)
        panic("interrupt_dispatch: vector with no source");
    if (pic_spurious(irq))
        return;
    if (irq_handlers[irq])
        irq_handlers[irq]();
    pic_eoi(irq);
}
