/* Descriptor tables, CPU exceptions and hardware interrupt routing. */
#ifndef TRAP_H
#define TRAP_H

#include <stdint.h>

#define GDT_KERNEL_CODE     0x08
#define GDT_KERNEL_DATA     0x10

#define T_DIVIDE    0       /* #DE */
#define T_INVALID   6       /* #UD */
#define T_DOUBLE    8       /* #DF */
#define T_GPFLT     13      /* #GP */
#define T_PGFLT     14      /* #PF */
#define T_IRQ0      32      /* vector of IRQ 0 after the PIC remap */
#define T_NVECTORS  48

/* Frame built by isr.asm, lowest address first. */
struct trapframe {
    uint32_t es, ds;
    uint32_t edi, esi, ebp, esp_at_pushad, ebx, edx, ecx, eax;
    uint32_t vector, err;
    uint32_t eip, cs, eflags;
};

typedef void (*irq_handler)(void);

void trap_init(void);
/* Route IRQ line `irq` (0-15) to `fn`; the line stays masked until irq_unmask. */
void irq_register(int irq, irq_handler fn);

#endif
