/* The goldens' part of the judgement: their check before QEMU runs, and
 * the compare (or bless) after it. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "harness/judge/parts.h"
#include "harness/lib/crashdump.h"
#include "harness/lib/golden.h"

int judge_goldens_ready(const struct judge_job *j, struct result *r)
{
    const struct paths *p = j->p;
    if (j->bless || j->compare)
        return 0;
    const char *missing = access(p->golden_trace, R_OK) ? p->golden_trace
                          : access(p->golden_serial, R_OK) ? p->golden_serial : NULL;
    if (missing) {
        result_set(r, R_ERROR, "golden %s is missing; run `%s%s` to create it, then review and commit it",
                   missing, j->bless_cmd ? j->bless_cmd : "make bless TESTFLAGS=", j->s->name);
        return -1;
    }
    const char *files[] = { p->golden_trace, p->golden_serial };
    for (int i = 0; i < 2; i++) {           /* malformed: refused before QEMU runs */
        struct sbuf g = { 0 }, why = { 0 };
        char err[512];
        int bad = read_file(files[i], &g, err, sizeof(err)) < 0 ? (sb_puts(&why, err), -1)
                  : golden_validate(files[i], g.p, g.len, &j->s->events, &why);
        if (bad)
            result_set(r, R_ERROR, "%.*s", (int)strcspn(sb_str(&why), "\n"), sb_str(&why));
        sb_free(&g);
        sb_free(&why);
        if (bad)
            return -1;
    }
    return 0;
}

/* The base set's goldens are written where they differ; an override set's
 * only where this QEMU's output differs from the base (golden_plan). */
static int bless_one(const struct paths *p, enum golden_kind k, const struct sbuf *text, struct sbuf *out)
{
    const char *base = k == GOLDEN_TRACE ? p->base_trace : p->base_serial;
    const char *own = k == GOLDEN_TRACE ? p->own_trace : p->own_serial;
    if (!p->override_set)
        return golden_bless(own, text->p, text->len, out);
    return golden_bless_override(base, own, text->p, text->len, out);
}

static void bless(const struct judge_job *j, const struct texts *t, struct result *r)
{
    struct sbuf out = { 0 };
    if (bless_one(j->p, GOLDEN_TRACE, &t->tr.text, &out) < 0 ||
        bless_one(j->p, GOLDEN_SERIAL, &t->masked, &out) < 0)
        result_set(r, R_ERROR, "cannot write goldens: %s", sb_str(&out));
    else
        result_set(r, R_PASS, "%s", out.len ? "goldens written (see below)" : "goldens unchanged");
    if (out.len)
        sb_add(&r->detail, out.p, out.len);
    sb_free(&out);
}

static void compare(const struct judge_job *j, const struct texts *t, const char *exc,
                    struct result *r)
{
    const struct scenario *s = j->s;
    const struct paths *p = j->p;
    struct sbuf out = { 0 };
    int dt = golden_compare(s->name, p->golden_trace, p->actual_trace, t->tr.text.p, t->tr.text.len, &out);
    int ds = golden_compare(s->name, p->golden_serial, p->actual_serial, t->masked.p, t->masked.len, &out);
    if (dt < 0 || ds < 0)
        result_set(r, R_ERROR, "%.*s", (int)strcspn(out.p, "\n"), out.p);
    else if ((dt || ds) && j->golden_note)
        result_set(r, R_FAIL, "%s from the golden (the goldens of %s: see below)",
                   dt && ds ? "trace and serial differ" : dt ? "trace differs" : "serial differs", j->golden_from);
    else if (dt || ds)
        result_set(r, R_FAIL, "%s from the golden", dt && ds ? "trace and serial differ" : dt ? "trace differs" : "serial differs");
    else if (s->expect == EXPECT_CRASH)
        result_set(r, R_PASS, "crashed as expected: %s; trace and serial match", exc);
    else if (s->expect == EXPECT_TRIPLE)
        result_set(r, R_PASS, "triple fault as expected; trace and serial match");
    else
        result_set(r, R_PASS, "trace and serial match the goldens");
    if ((dt || ds) && j->golden_note)
        sb_printf(&r->detail, "%s\n", j->golden_note);
    if (dt || ds) {
        sb_add(&r->detail, out.p, out.len);
        sb_printf(&r->detail, "  kept: %s/{trace.log,serial.log,actual.trace,actual.serial}\n", p->dir);
    }
    sb_free(&out);
}

void judge_goldens(const struct judge_job *j, const struct texts *t, struct result *r)
{
    char exc[256] = "";
    if (j->s->expect == EXPECT_CRASH && !crashdump_exception(t->serial.p, t->serial.len, exc, sizeof(exc))) {
        result_set(r, R_FAIL, "QEMU status 37 as expected, but the serial has no `exception:` line (a panic?)");
        judge_crash_dump(t, &r->detail);
        return;
    }
    if (j->bless)
        bless(j, t, r);
    else if (j->compare)
        result_set(r, R_PASS, "outcome and oracles as expected (goldens not read: QEMUs compared)");
    else
        compare(j, t, exc, r);
}
