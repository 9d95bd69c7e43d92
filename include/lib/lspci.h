/* lspci-style formatting and BAR decoding: pure functions, no I/O. */
#ifndef LIB_LSPCI_H
#define LIB_LSPCI_H

#include <stddef.h>
#include <stdint.h>
#include "hw/pci.h"

enum pci_bar_kind { PCI_BAR_NONE, PCI_BAR_KIND_IO, PCI_BAR_KIND_MEM32, PCI_BAR_KIND_MEM1M,
                    PCI_BAR_KIND_MEM64, PCI_BAR_KIND_MEM_TYPE3 };

struct pci_bar {
    enum pci_bar_kind kind;
    int prefetch;
    int disabled;           /* the command register does not decode its space */
    uint64_t addr;
    uint64_t size;
};

/* Decode a BAR from its saved value(s) and what it read back after all-ones
 * was written. For 64-bit BARs pass the upper register's values in *_hi;
 * otherwise pass 0. An unimplemented BAR (reads back 0) gets PCI_BAR_NONE. */
void pci_bar_decode(uint32_t orig_lo, uint32_t probe_lo, uint32_t orig_hi,
                    uint32_t probe_hi, struct pci_bar *bar);

/* "BB:DD.F CCCC: VVVV:DDDD[ (rev RR)]" */
int lspci_format_function(char *buf, size_t size, uint8_t bus, uint8_t dev, uint8_t fn,
                          uint8_t class, uint8_t subclass, uint16_t vendor,
                          uint16_t device, uint8_t revision);
/* "\tRegion N: Memory at ... [size=S]" as lspci -v prints it. */
int lspci_format_region(char *buf, size_t size, int index, const struct pci_bar *bar);
/* "\tBus: primary=PP, secondary=SS, subordinate=UU, sec-latency=L" */
int lspci_format_bus(char *buf, size_t size, uint8_t primary, uint8_t secondary,
                     uint8_t subordinate, uint8_t sec_latency);
/* lspci's size notation: 128K, 16M, 2G, or plain bytes. */
int lspci_format_size(char *buf, size_t size, uint64_t bytes);

#endif
