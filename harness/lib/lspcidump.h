/* The lspci-decode oracle's pure part: the kernel's configuration-space dump
 * (the pci-x/pci-xxx/pci-xxxx words, in `lspci -xxx` text form) and its
 * pci-vv listing, cut out of the serial output, and the comparison with
 * what pciutils' `lspci -F DUMP -nvv` makes of that dump. No I/O. */
#ifndef HARNESS_LIB_LSPCIDUMP_H
#define HARNESS_LIB_LSPCIDUMP_H

#include "harness/lib/util.h"

/* The last dump and the last pci-vv listing in `serial`, each the lines
 * after its header line ("pci-xxx: N functions as lspci ...", "pci-vv: N
 * functions as lspci ..."). 0, or -1 with the reason and the fix in why. */
int lspcidump_extract(const char *serial, struct sbuf *dump, struct sbuf *vv, struct sbuf *why);

/* Compare lspci's decode with the kernel's listing, line for line, after
 * dropping " [size=...]" from both (a dump cannot know BAR sizes). 0 when
 * equal; else the number of differing lines, a unified diff in `diff`. */
int lspcidump_compare(const char *lspci, const char *kernel, struct sbuf *diff);

#endif
