/* lspci -x / -xxx / -xxxx: a function's configuration space in hex. Pure. */
#ifndef LIB_PCIDUMP_H
#define LIB_PCIDUMP_H

#include "lib/pcicfg.h"

/* The function line as `lspci -n` prints it, then c->len bytes in rows of
 * 16 ("00: 86 80 ..."), then the empty line lspci ends every function with. */
void pcidump_format(const struct pci_cfg *c, struct lsout *o);

/* How many bytes `lspci -x` (level 1), -xxx (3) and -xxxx (4) show of a
 * function whose readable space is `avail` bytes (256, or 4096 with
 * extended space): 64, 256, and min(avail, 4096). */
unsigned pcidump_len(int level, unsigned avail);

#endif
