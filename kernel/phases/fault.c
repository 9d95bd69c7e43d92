/* Each fault is raised by the instruction that the architecture defines to
 * raise it, so the exception handler's report can be compared with a golden:
 *   de      DIV by zero                          #DE, vector 0
 *   ud      UD2                                  #UD, vector 6
 *   gp      load of a selector beyond the GDT    #GP, vector 13, err = selector
 *   pf      read of a not-present page           #PF, vector 14, CR2 = address
 *   triple  INT3 with an empty IDT: #GP cannot be delivered, nor #DF, so the
 *           CPU shuts down (QEMU with -no-reboot exits with status 0) */
#include <stdint.h>
#include "kernel/console.h"
#include "phases/fault.h"
#include "kernel/trap.h"

#define FAULT_GP_SELECTOR   0x28        /* past the 3-entry GDT */
#define FAULT_PF_ADDRESS    0x40000000u /* the 4 MiB page left not present */
#define PDE_PRESENT         0x001
#define PDE_WRITE           0x002
#define PDE_4MIB            0x080
#define CR0_PG              0x80000000u
#define CR4_PSE             0x00000010u

static uint32_t page_dir[1024] __attribute__((aligned(4096)));

/* Identity-map all 4 GiB with 4 MiB pages except FAULT_PF_ADDRESS. */
static void paging_enable_with_hole(void)
{
    for (uint32_t i = 0; i < 1024; i++)
        page_dir[i] = (i << 22) | PDE_PRESENT | PDE_WRITE | PDE_4MIB;
    page_dir[FAULT_PF_ADDRESS >> 22] = 0;
    uint32_t cr4, cr0;
    __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
    __asm__ volatile("mov %0, %%cr4" : : "r"(cr4 | CR4_PSE));
    __asm__ volatile("mov %0, %%cr3" : : "r"(page_dir));
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | CR0_PG) : "memory");
}

static void fault_raise(enum fault_kind kind)
{
    kprintf("fault: raising %s\n", fault_name(kind));
    switch (kind) {
    case FAULT_DE: {
        uint32_t zero = 0;
        __asm__ volatile("xor %%edx, %%edx; mov $1, %%eax; divl %0" : : "r"(zero) : "eax", "edx");
        break;
    }
    case FAULT_UD:
        __asm__ volatile("ud2");
        break;
    case FAULT_GP:
        __asm__ volatile("mov %0, %%ds" : : "r"(FAULT_GP_SELECTOR));
        break;
    case FAULT_PF:
        paging_enable_with_hole();
        (void)*(volatile uint32_t *)FAULT_PF_ADDRESS;
        break;
    case FAULT_TRIPLE: {
        struct table_ptr empty = { 0, 0 };
        __asm__ volatile("lidt %0; int3" : : "m"(empty));
        break;
    }
    }
}

unsigned fault_phase(enum fault_kind kind)
{
    fault_raise(kind);
    kprintf("fault: the CPU did not fault\n");
    return 1;
}
