/* PCI configuration space access and bus walk (see hw/pci.h). */
#ifndef DRIVERS_PCI_H
#define DRIVERS_PCI_H

#include <stdint.h>
#include "hw/pci.h"
#include "lib/lspci.h"

struct pci_func {
    uint8_t bus, dev, fn;
    uint16_t vendor, device;
    uint8_t class, subclass, prog_if, revision, header_type;
};

uint32_t pci_read32(const struct pci_func *f, uint8_t off);
uint16_t pci_read16(const struct pci_func *f, uint8_t off);
uint8_t pci_read8(const struct pci_func *f, uint8_t off);
void pci_write32(const struct pci_func *f, uint8_t off, uint32_t v);
void pci_write16(const struct pci_func *f, uint8_t off, uint16_t v);

/* Visit every function reachable from bus 0 in depth-first order: a bridge's
 * secondary bus right after the bridge. Returns the number visited. */
typedef void (*pci_visit_fn)(const struct pci_func *f, void *ctx);
int pci_enumerate(pci_visit_fn visit, void *ctx);

/* First function of the given class and subclass; 0 when found, -1 if none. */
int pci_find_class(uint8_t class, uint8_t subclass, struct pci_func *out);

/* Size every BAR of `f` (each: save, write all-ones, read back, restore),
 * with I/O and memory decoding turned off once around all of them. bars[i]
 * describes BAR i; the upper half of a 64-bit BAR and an unimplemented BAR
 * get PCI_BAR_NONE. Returns the number of BAR registers (6, or 2 for a bridge). */
int pci_bars_probe(const struct pci_func *f, struct pci_bar bars[PCI_NBARS_NORMAL]);

/* The first `len` bytes (a multiple of 4, at most 256) of f's configuration
 * space into buf, one dword read at a time by mechanism #1. */
void pci_read_header(const struct pci_func *f, uint8_t *buf, unsigned len);

/* Size the expansion ROM BAR (save, write the address mask with the enable
 * bit clear, read back, restore); *size 0 when there is none. Returns the
 * register's offset (0x30, or 0x38 for a bridge). */
int pci_rom_probe(const struct pci_func *f, uint32_t *size);

/* Header type 1: a PCI-to-PCI bridge. */
int pci_is_bridge(const struct pci_func *f);

#endif
