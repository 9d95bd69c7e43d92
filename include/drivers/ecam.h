/* PCI Express ECAM (memory-mapped configuration, hw/acpi.h): the 4 KiB
 * configuration space of each function as MMIO. Found through ACPI
 * (drivers/acpi.h); physical = virtual, paging is off. */
#ifndef DRIVERS_ECAM_H
#define DRIVERS_ECAM_H

#include <stdint.h>
#include "drivers/pci.h"

struct ecam_window {
    uintptr_t base;             /* address of start_bus's device 0 function 0 */
    uint8_t start_bus, end_bus;
};

/* Use `w` from now on; NULL: no ECAM (mechanism #1 only). */
void ecam_set(const struct ecam_window *w);
/* 1 when ECAM reaches f's bus. */
int ecam_reaches(const struct pci_func *f);
/* The dword at `off` (4-aligned, below 4096) of f; ecam_reaches(f) first. */
uint32_t ecam_read32(const struct pci_func *f, unsigned off);

#endif
