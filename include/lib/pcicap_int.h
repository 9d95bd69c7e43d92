/* Shared by the capability decoders (lib/pcicap.c, pciexp.c, pciecap.c). */
#ifndef LIB_PCICAP_INT_H
#define LIB_PCICAP_INT_H

#include "lib/pcivv.h"

/* The PCI Express capability at `where`; returns the device/port type. */
int pciexp_show(const struct pci_cfg *c, unsigned where, uint16_t flags, struct lsout *o);
/* Its version 2 registers (lib/pciexp2.c). */
void pciexp_show2(const struct pci_cfg *c, unsigned where, int type, int has_link, int has_slot,
                  struct lsout *o);
/* The extended capability list; `type` is the PCIe port type, or -1. */
void pciecap_show(const struct pci_cfg *c, int type, struct lsout *o);

#endif
