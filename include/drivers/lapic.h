/* Local APIC driver (hw/lapic.h): the 8259s' path to the CPU. */
#ifndef DRIVERS_LAPIC_H
#define DRIVERS_LAPIC_H

#include <stdint.h>

/* Put the local APIC in virtual wire mode (MP spec 1.4, 3.6.2.2): software
 * enabled with spurious vector `spurious`, accepting every priority, LINT0
 * ExtINT so the 8259's INTR reaches the CPU, LINT1 NMI. Firmware need not
 * have done it: SeaBIOS does, qboot leaves LINT0 masked as at reset, and
 * then no 8259 interrupt is delivered. Returns 1 when done, 0 when the CPU
 * has no local APIC or it is globally disabled (the 8259 then drives INTR
 * directly). */
int lapic_virtual_wire(uint8_t spurious);

#endif
