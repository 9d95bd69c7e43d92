/* BAR placement: biggest first, naturally aligned; see lib/pcialloc.h. */
#include "lib/pcialloc.h"

static uint64_t align_of(const struct pcialloc_req *r)
{
    if (r->kind == PCIALLOC_MEM && r->size < PCIALLOC_MEM_MIN_ALIGN)
        return PCIALLOC_MEM_MIN_ALIGN;
    return r->size;
}

/* Does request a go before b: by kind, then bigger alignment, then the
 * callers' order (the indexes)? */
static int goes_before(const struct pcialloc_req *req, int a, int b)
{
    if (req[a].kind != req[b].kind)
        return req[a].kind < req[b].kind;
    if (align_of(&req[a]) != align_of(&req[b]))
        return align_of(&req[a]) > align_of(&req[b]);
    return a < b;
}

int pcialloc_plan(struct pcialloc_req *req, int n, const struct pcialloc_win win[PCIALLOC_NKINDS])
{
    if (n > PCIALLOC_MAX)
        return -1 - n;
    int order[PCIALLOC_MAX];
    for (int i = 0; i < n; i++) {
        uint64_t s = req[i].size;
        if (s == 0 || (s & (s - 1)) || (unsigned)req[i].kind >= PCIALLOC_NKINDS)
            return -1 - i;
        int j = i;                      /* insertion sort: n is small */
        for (; j > 0 && goes_before(req, i, order[j - 1]); j--)
            order[j] = order[j - 1];
        order[j] = i;
    }
    uint64_t next[PCIALLOC_NKINDS];     /* first free address */
    int full[PCIALLOC_NKINDS];          /* the window's last address is taken */
    for (int k = 0; k < PCIALLOC_NKINDS; k++)
        next[k] = win[k].base, full[k] = 0;
    for (int j = 0; j < n; j++) {
        struct pcialloc_req *r = &req[order[j]];
        uint64_t a = align_of(r), lim = win[r->kind].limit;
        uint64_t at = (next[r->kind] + a - 1) & ~(a - 1);
        if (full[r->kind] || at < next[r->kind] || at > lim || r->size - 1 > lim - at)
            return -1 - order[j];
        r->addr = at;
        full[r->kind] = r->size - 1 == lim - at;
        next[r->kind] = at + r->size;
    }
    return 0;
}
