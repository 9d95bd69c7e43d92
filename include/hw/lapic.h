/* The CPU's local APIC, as far as a kernel that drives only the 8259 PICs
 * needs it: the MP specification's virtual wire mode, in which LINT0 passes
 * the 8259's INTR through (ExtINT) and LINT1 is NMI. Register map only.
 * Every register is 32 bits wide, at a 16-byte aligned offset from the base
 * in IA32_APIC_BASE, and must be accessed with aligned 32-bit loads/stores. */
#ifndef HW_LAPIC_H
#define HW_LAPIC_H

#define CPUID_LEAF_FEATURES     0x1         /* CPUID leaf: feature flags in EDX */
#define CPUID_FEATURES_EDX_APIC (1u << 9)   /* an on-chip local APIC, and IA32_APIC_BASE */

#define MSR_IA32_APIC_BASE      0x1B        /* RW, 64 bits */
#define APIC_BASE_BSP           (1u << 8)   /* RO: this is the bootstrap processor */
#define APIC_BASE_ENABLE        (1u << 11)  /* RW: global enable */
#define APIC_BASE_ADDR_MASK     0xFFFFF000u /* RW: physical base, 4 KiB aligned
                                             * (bits 35:32 are 0 for this kernel) */

#define LAPIC_REG_TPR           0x080       /* RW: task priority */
#define   LAPIC_TPR_ACCEPT_ALL  0x00        /* priority class 0: nothing held back */
#define LAPIC_REG_SVR           0x0F0       /* RW: spurious-interrupt vector */
#define   LAPIC_SVR_VECTOR      0xFFu       /* vector of a spurious interrupt; bits
                                             * 3:0 read as 1 on P6 and Pentium */
#define   LAPIC_SVR_ENABLE      (1u << 8)   /* software enable; clear, every LVT
                                             * entry stays masked (SDM 3A 11.4.7.2) */
#define LAPIC_REG_LVT_LINT0     0x350       /* RW: local vector table, LINT0 pin */
#define LAPIC_REG_LVT_LINT1     0x360       /* RW: local vector table, LINT1 pin */
#define   LAPIC_LVT_VECTOR      0xFFu       /* vector, Fixed delivery only */
#define   LAPIC_LVT_DM_FIXED    (0u << 8)   /* delivery mode, bits 10:8 */
#define   LAPIC_LVT_DM_NMI      (4u << 8)
#define   LAPIC_LVT_DM_EXTINT   (7u << 8)   /* vector from an external 8259; always
                                             * level triggered */
#define   LAPIC_LVT_LEVEL       (1u << 15)  /* trigger mode, Fixed delivery only */
#define   LAPIC_LVT_MASKED      (1u << 16)

#endif
