/* Local APIC: virtual wire mode, so the 8259 PICs reach the CPU. */
#include <stdint.h>
#include "drivers/lapic.h"
#include "hw/lapic.h"
#include "kernel/io.h"

int lapic_virtual_wire(uint8_t spurious)
{
    if (!(cpuid_edx(CPUID_LEAF_FEATURES) & CPUID_FEATURES_EDX_APIC))
        return 0;               /* no local APIC, and no IA32_APIC_BASE to read */
    uint64_t msr = rdmsr(MSR_IA32_APIC_BASE);
    if (!(msr & APIC_BASE_ENABLE))
        return 0;
    uintptr_t base = (uintptr_t)(msr & APIC_BASE_ADDR_MASK);

    /* Enable first: while software disabled, LVT mask bits cannot be cleared. */
    mmio_write32(base + LAPIC_REG_SVR, LAPIC_SVR_ENABLE | spurious);
    mmio_write32(base + LAPIC_REG_TPR, LAPIC_TPR_ACCEPT_ALL);
    mmio_write32(base + LAPIC_REG_LVT_LINT0, LAPIC_LVT_DM_EXTINT);
    mmio_write32(base + LAPIC_REG_LVT_LINT1, LAPIC_LVT_DM_NMI);
    return 1;
}
