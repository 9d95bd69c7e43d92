/* The cause of a failure, shown whatever stage decided it (judge.c calls
 * this for FAIL, GUEST-FAIL and TIMEOUT): an ACK count, an oracle or the
 * kernel's verdict may end the judgement before the goldens are compared,
 * yet the first trace line that differs from the golden is often what says
 * why. */
#include <string.h>
#include "harness/judge/parts.h"
#include "harness/lib/decode/decode.h"

static int has(const struct sbuf *b, const char *s)
{
    return b->p && strstr(b->p, s) != NULL;
}

void judge_show_cause(const struct judge_job *j, const struct texts *t, struct result *r)
{
    const struct paths *p = j->p;
    if (!has(&r->detail, "first trace difference") && !has(&r->detail, "trace: the same as")) {
        struct sbuf g = { 0 };
        char err[512];
        if (j->bless || read_file(p->golden_trace, &g, err, sizeof(err)) < 0)
            sb_printf(&r->detail, "  trace: no golden to compare with (%s)\n",
                      j->bless ? "blessing" : err);
        else
            decode_first_difference(g.p, g.len, t->tr.text.p, t->tr.text.len, "  ", &r->detail);
        sb_free(&g);
    }
    if (!has(&r->detail, "last serial lines:") && !has(&r->detail, "kernel register dump"))
        judge_tail(&r->detail, "last serial lines", t->serial.p, t->serial.len, TAIL_SERIAL);
    if (!has(&r->detail, "  kept: "))
        sb_printf(&r->detail, "  kept: %s/{trace.log,serial.log,actual.trace,actual.serial}\n", p->dir);
}
