/* The `pci-x`, `pci-xxx`, `pci-xxxx` and `pci-vv` words: configuration
 * space as `lspci -n -x`, `-xxx`, `-xxxx` and `lspci -n -vv` print it. */
#ifndef PHASES_PCIDUMP_H
#define PHASES_PCIDUMP_H

/* level 1, 3 or 4: the number of x's. Returns the END status (0 passed). */
unsigned pcidump_phase(int level);
unsigned pcivv_phase(void);

#endif
