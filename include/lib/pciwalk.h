/* Walking a function's capability lists in a configuration space image
 * (lib/pcicfg.h), bounded: the standard list stops on a pointer below 0x40,
 * a pointer seen before, a 0xFF ID and after 48 entries; the extended list
 * (from 0x100) on a pointer below 0x100, a loop and after 480 entries.
 * Pure. */
#ifndef LIB_PCIWALK_H
#define LIB_PCIWALK_H

#include "lib/pcicfg.h"

#define PCIE_EXT_CAP_LIST_MAX   480     /* (4096 - 256) / 8 */

struct pciwalk {
    const struct pci_cfg *c;
    int ext;                    /* extended list */
    unsigned where;             /* the entry pciwalk_next returned */
    unsigned next;              /* where the walk goes next; 0 at the end */
    int count;
    const char *stop;           /* why the walk stopped early, or NULL */
    uint8_t seen[PCI_CFG_SPACE_EXP_SIZE / 4 / 8];
};

/* Start at the list of c (nothing when Status says there is none), or at
 * the extended list (nothing when the image has no extended space). */
void pciwalk_start(struct pciwalk *w, const struct pci_cfg *c);
void pciwalk_start_ext(struct pciwalk *w, const struct pci_cfg *c);

/* The offset of the next entry, or 0: the end, or a stop with w->stop set
 * (w->where then names the offending pointer). An entry with ID 0xFF also
 * stops the walk: it is returned, and the next call returns 0. */
unsigned pciwalk_next(struct pciwalk *w);

/* Offset of the first standard capability with that ID, or 0. */
unsigned pci_find_cap(const struct pci_cfg *c, uint8_t id);

/* Whether the function may have extended space, as Linux decides before it
 * reads offset 0x100 at all: a host bridge, a PCI Express function, or a
 * PCI-X 266/533 one. */
int pci_cfg_may_have_ext(const struct pci_cfg *c);

#endif
