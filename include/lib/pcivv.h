/* `lspci -n -vv` of one function, from its configuration space image and
 * the sizes that BAR sizing found (which a dump alone cannot know). Pure. */
#ifndef LIB_PCIVV_H
#define LIB_PCIVV_H

#include "lib/lspci.h"
#include "lib/pcicfg.h"

struct pcivv_sizes {
    struct pci_bar bars[PCI_NBARS_NORMAL];  /* as pci_bars_probe() fills them */
    int nbars;
    uint32_t rom_size;                      /* 0: unknown or none */
};

/* Every line lspci -n -vv prints from configuration space for this
 * function, ending with the empty line. */
void pcivv_format(const struct pci_cfg *c, const struct pcivv_sizes *sizes, struct lsout *o);

/* The capability lists (lib/pcicap.c, lib/pciecap.c): standard, then
 * extended when the function has a PCI Express or PCI-X capability. */
void pcicap_show(const struct pci_cfg *c, struct lsout *o);

/* lspci's " [size=N]" (nothing for 0) and a power in watts as %g prints it. */
void lo_size(struct lsout *o, uint64_t bytes);

#endif
