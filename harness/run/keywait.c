/* When a key may be sent in a run with gdb stops; see keywait.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/x86insn.h"
#include "harness/run/keywait.h"

#define MAX_COPIES 64       /* inlined copies of KEYWAIT_INLINE looked at */

int keywait_find(const struct elfsym *e, const char *kernel, struct keywait *kw, char *err, size_t errlen)
{
    struct elfsym_loc locs[MAX_COPIES];
    int n = elfsym_locations(e, KEYWAIT_INLINE, locs, MAX_COPIES), found = 0;
    memset(kw, 0, sizeof(*kw));
    for (int i = 0; i < n && i < MAX_COPIES; i++) {
        uint64_t off;
        const char *fn = elfsym_function_at(e, locs[i].addr, &off);
        if (!locs[i].inlined || !fn || strcmp(fn, KEYWAIT_FUNCTION))
            continue;
        kw->sti = locs[i].addr;
        found++;
    }
    if (found != 1) {
        snprintf(err, errlen, "%s: %s %s inlined in %s, the wait for a typed key where a run with break/watch "
                 "parks the vCPU before each key (harness/run/keywait.h); rebuild the kernel with make",
                 kernel, found ? "more than one" : "no", KEYWAIT_INLINE, KEYWAIT_FUNCTION);
        return -1;
    }
    uint8_t code[2];
    if (elfsym_read(e, kw->sti, code, 2) != 2 || code[0] != X86_OP_STI || code[1] != X86_OP_HLT) {
        snprintf(err, errlen, "%s: the key wait at 0x%08llx (%s in %s) is not sti; hlt; rebuild the kernel with make",
                 kernel, (unsigned long long)kw->sti, KEYWAIT_INLINE, KEYWAIT_FUNCTION);
        return -1;
    }
    return 0;
}

void keywait_park(struct keywait *kw, int ready, int acks)
{
    kw->parked = 1;
    kw->ready = ready;
    kw->acks = acks;
}

void keywait_unpark(struct keywait *kw) { kw->parked = 0; }

int keywait_may_type(const struct keywait *kw, unsigned acks_due)
{
    return kw->parked && kw->ready > 0 && (unsigned)kw->acks >= acks_due;
}

void keywait_typed(struct keywait *kw, unsigned acks)
{
    if (acks > 0)
        kw->parked = 0;     /* its byte wakes the vCPU */
}
