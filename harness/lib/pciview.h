/* The query-pci oracle: the kernel's `pci-v` serial listing and QEMU's QMP
 * query-pci answer parsed into the same form and compared function by
 * function (bus:dev.fn, vendor:device, class, every BAR's kind, address,
 * size, 64-bit and prefetchable flags, and a bridge's bus numbers).
 * Pure: no I/O. ROMs (QEMU's "bar": 6) are not BARs and are skipped. */
#ifndef PCIVIEW_H
#define PCIVIEW_H

#include <jansson.h>
#include <stdint.h>
#include "harness/lib/util.h"

#define PCIVIEW_NBARS 6

struct pv_bar {
    int present;
    int io;                 /* 1 I/O ports, 0 memory */
    int assigned;           /* 0: <unassigned> or not mapped */
    uint64_t addr, size;
    int is64, prefetch;
};

struct pv_func {
    int bus, dev, fn;
    unsigned vendor, device, class_code;    /* class_code = class << 8 | subclass */
    struct pv_bar bars[PCIVIEW_NBARS];
    int is_bridge, primary, secondary, subordinate;
};

struct pciview {
    struct pv_func *v;
    int n, cap;
};

/* Parse lspci-style lines from serial text. Lines that are not listing lines
 * are ignored; a function listed twice keeps its last listing. Malformed
 * Region/Bus lines are reported in `why`. Returns problems found. */
int pciview_parse_listing(const char *text, struct pciview *out, struct sbuf *why);

/* Parse the "return" value of query-pci, recursing into bridges. */
int pciview_parse_qmp(json_t *ret, struct pciview *out, struct sbuf *why);

/* Compare; one line per difference in `why`; returns the count. */
int pciview_compare(const struct pciview *kernel, const struct pciview *qemu, struct sbuf *why);

void pciview_free(struct pciview *pv);

#endif
