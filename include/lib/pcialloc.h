/* Placing BARs in address windows, as firmware does before an OS boots:
 * pure, no I/O (drivers/pciassign.c programs the result).
 *
 * Each request is one BAR: its kind and size (a power of two, as BAR sizing
 * finds it). pcialloc_plan places the requests of each kind in that kind's
 * window, biggest first, each at a multiple of its size (memory at least
 * of PCIALLOC_MEM_MIN_ALIGN, so that no two devices share a page), upward
 * from the window's base: biggest first, every alignment divides those
 * before it, so the only gaps are the rests of pages under memory BARs
 * smaller than one. Equal alignments keep the callers' order. */
#ifndef LIB_PCIALLOC_H
#define LIB_PCIALLOC_H

#include <stdint.h>

#define PCIALLOC_MAX            64          /* requests in one plan */
#define PCIALLOC_MEM_MIN_ALIGN  0x1000u     /* one 4 KiB page */

enum pcialloc_kind { PCIALLOC_IO, PCIALLOC_MEM, PCIALLOC_NKINDS };

struct pcialloc_req {
    enum pcialloc_kind kind;
    uint64_t size;          /* bytes, a power of two */
    uint64_t addr;          /* out: where it was placed */
};

/* [base, limit]: the addresses a kind's BARs may take, both ends included. */
struct pcialloc_win {
    uint64_t base, limit;
};

/* Place req[0..n). Returns 0; or -1 - i when request i does not fit (its
 * size is not a power of two, or its window is used up), or -1 - n when n
 * exceeds PCIALLOC_MAX; then no addr is meaningful. */
int pcialloc_plan(struct pcialloc_req *req, int n, const struct pcialloc_win win[PCIALLOC_NKINDS]);

#endif
