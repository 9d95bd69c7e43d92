/* The `pci` and `pci-v` words, and the console's `lspci`. */
#ifndef PHASES_PCI_H
#define PHASES_PCI_H

/* Print every function (`verbose`: with Region and Bus lines); returns how
 * many were listed. */
int pci_phase_list(int verbose);

/* Walk the bus and sort what it found as lspci does (bus, device,
 * function); *funcs points at the sorted functions. Returns how many. */
struct pci_func;
int pci_phase_collect(const struct pci_func **funcs);

#endif
