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

/* Append a diff to the run's details, cut after DIFF_SHOW_MAX lines: a
 * golden of a few hundred MB would otherwise put as much on stdout, in
 * report.txt and in result.json. The whole diff is then kept in
 * DIR/golden.diff, and the cut says so. */
#define DIFF_SHOW_MAX 200
static void add_diff(const struct paths *p, const struct sbuf *d, struct sbuf *detail)
{
    const char *s = sb_str((struct sbuf *)d), *cut = NULL;
    size_t lines = 0;
    for (const char *q = s; q < s + d->len; q++)
        if (*q == '\n' && ++lines == DIFF_SHOW_MAX)
            cut = q + 1;
    if (!cut || cut == s + d->len) {
        sb_add(detail, s, d->len);
        return;
    }
    char path[PATHS_MAX + 16], err[PATHS_MAX + 128];
    snprintf(path, sizeof(path), "%s/golden.diff", p->dir);
    sb_add(detail, s, (size_t)(cut - s));
    if (write_file(path, s, d->len, err, sizeof(err)) < 0)
        sb_printf(detail, "  ... %zu more lines of the diff not shown (%zu in all); the whole diff could not be kept: %s\n",
                  lines - DIFF_SHOW_MAX, lines, err);
    else
        sb_printf(detail, "  ... %zu more lines of the diff not shown (%zu in all); the whole diff is in %s\n",
                  lines - DIFF_SHOW_MAX, lines, path);
}

/* A run that recorded no phase from its BEGIN to its END (or, when a crash
 * is expected, none that began) has nothing to bless: its goldens would be
 * empty. The kernel did not speak the contract (a wrong --kernel, another
 * trace= address, a log sent elsewhere). */
static int nothing_recorded(const struct judge_job *j, const struct texts *t)
{
    int cut_short = j->s->expect == EXPECT_CRASH || j->s->expect == EXPECT_TRIPLE;
    return t->tr.ended == 0 && !(cut_short && t->tr.segments > 0);
}

/* The scenario's trace and serial goldens as one change (golden_bless):
 * the base set's written where they differ; an override set's only where
 * this QEMU's output differs from the base (golden_plan). */
static void bless(const struct judge_job *j, const struct texts *t, struct result *r)
{
    const struct paths *p = j->p;
    struct sbuf out = { 0 };
    if (nothing_recorded(j, t)) {
        result_set(r, R_FAIL, "no phase began and ended; the kernel wrote no BEGIN/END markers: check --kernel and the trace device (trace=ADDR)");
        return;
    }
    const struct golden_bless_item items[] = {
        { .base = p->base_trace, .own = p->own_trace, .text = sb_str((struct sbuf *)&t->tr.text), .len = t->tr.text.len },
        { .base = p->base_serial, .own = p->own_serial, .text = sb_str((struct sbuf *)&t->masked), .len = t->masked.len },
    };
    if (golden_bless(2, items, p->override_set, &out) < 0)
        result_set(r, R_ERROR, GOLDENS_NOT_WRITTEN ": %.*s", (int)strcspn(sb_str(&out), "\n"), sb_str(&out));
    else
        result_set(r, R_PASS, "%s", out.len ? "goldens written (see below)" : "goldens unchanged");
    if (out.len && r->cls == R_PASS)
        add_diff(p, &out, &r->detail);
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
        add_diff(p, &out, &r->detail);
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
