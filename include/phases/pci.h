/* The `pci` and `pci-v` words, and the console's `lspci`. */
#ifndef PHASES_PCI_H
#define PHASES_PCI_H

/* Print every function (`verbose`: with Region and Bus lines); returns how
 * many were listed. */
int pci_phase_list(int verbose);

#endif
