/* PCI configuration space through configuration mechanism #1.
 *
 * Ports (32 bits wide): write the address to PCI_CONFIG_ADDRESS, then access
 * the selected dword at PCI_CONFIG_DATA; a 16- or 8-bit access at
 * PCI_CONFIG_DATA + (offset & 3) reaches the bytes within that dword. */
#ifndef PCI_H
#define PCI_H

#include <stdint.h>
#include "lib/lspci.h"

#define PCI_CONFIG_ADDRESS      0xCF8   /* RW, 32 bits */
#define PCI_CONFIG_DATA         0xCFC   /* RW, 8/16/32 bits */
#define PCI_ADDRESS_ENABLE      0x80000000u
#define PCI_ADDRESS(bus, dev, fn, off) \
    (PCI_ADDRESS_ENABLE | (uint32_t)(bus) << 16 | (uint32_t)(dev) << 11 | \
     (uint32_t)(fn) << 8 | ((off) & 0xFC))

/* Field at config offset `reg` within the dword read from reg & 0xFC. */
#define PCI_CFG_BYTE(dword, reg)    ((uint8_t)((dword) >> 8 * ((reg) & 3)))
#define PCI_CFG_WORD(dword, reg)    ((uint16_t)((dword) >> 8 * ((reg) & 2)))

/* Configuration header, common part (offset, width). */
#define PCI_REG_VENDOR_ID       0x00    /* 16, RO */
#define PCI_VENDOR_NONE         0xFFFF  /*   read when no function answers */
#define PCI_REG_DEVICE_ID       0x02    /* 16, RO */
#define PCI_REG_COMMAND         0x04    /* 16, RW */
#define PCI_COMMAND_IO          0x0001  /* decode I/O BARs */
#define PCI_COMMAND_MEMORY      0x0002  /* decode memory BARs */
#define PCI_COMMAND_MASTER      0x0004  /* bus mastering (DMA) */
#define PCI_REG_STATUS          0x06    /* 16, RW1C */
#define PCI_REG_REVISION        0x08    /* 8, RO */
#define PCI_REG_PROG_IF         0x09    /* 8, RO */
#define PCI_REG_SUBCLASS        0x0A    /* 8, RO */
#define PCI_REG_CLASS           0x0B    /* 8, RO */
#define PCI_REG_HEADER_TYPE     0x0E    /* 8, RO */
#define PCI_HEADER_TYPE_MASK    0x7F
#define PCI_HEADER_MULTIFUNC    0x80
#define PCI_HEADER_NORMAL       0x00
#define PCI_HEADER_BRIDGE       0x01
#define PCI_REG_BAR0            0x10    /* 32, RW; BAR n at PCI_REG_BAR(n) */
#define PCI_REG_BAR(n)          (PCI_REG_BAR0 + 4 * (n))
#define PCI_BAR_PROBE_ALL_ONES  0xFFFFFFFFu /* written to size a BAR */
/* Type 1 (PCI-to-PCI bridge) header. */
#define PCI_REG_PRIMARY_BUS     0x18    /* 8, RW */
#define PCI_REG_SECONDARY_BUS   0x19    /* 8, RW */
#define PCI_REG_SUBORDINATE_BUS 0x1A    /* 8, RW */
#define PCI_REG_SEC_LATENCY     0x1B    /* 8, RW */

#define PCI_MAX_BUS             256
#define PCI_MAX_DEV             32
#define PCI_MAX_FN              8
#define PCI_NBARS_NORMAL        6
#define PCI_NBARS_BRIDGE        2

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

/* The `pci` and `pci-v` phases: print the bus as lspci -n [-v] does. */
int pci_list(int verbose);

#endif
