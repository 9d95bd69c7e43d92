/* Repeated runs: run one scenario N times; every run must have the outcome of a
 * single run (PASS) and the same normalized trace and serial as the first. */
#include <stdio.h>
#include <string.h>
#include "harness/lib/decode/decode.h"
#include "harness/lib/diff.h"
#include "harness/run/run.h"

/* The normalized texts of the run just finished (actual.trace, actual.serial). */
static void texts_of(const struct paths *p, struct sbuf *tr, struct sbuf *se)
{
    char err[512];
    tr->len = se->len = 0;
    if (read_file(p->actual_trace, tr, err, sizeof(err)) < 0)
        sb_add(tr, "", 0);
    if (read_file(p->actual_serial, se, err, sizeof(err)) < 0)
        sb_add(se, "", 0);
}

void run_repeated(const struct config *cfg, const struct scenario *s, int n, struct result *r)
{
    struct paths p;
    struct sbuf tr0 = { 0 }, se0 = { 0 }, tr = { 0 }, se = { 0 };
    double secs = 0;
    int runs = 0;
    char err[PATHS_MAX + 128];
    if (run_paths(cfg, s, &p, err, sizeof(err)) < 0) {
        result_set(r, R_ERROR, "%s; use a shorter build or expected directory", err);   /* checked first by the command line */
        return;
    }
    struct config later = *cfg;
    later.bless = 0;                /* only run 1 may bless; the others check it */
    for (int i = 1; i <= n; i++) {
        result_free(r);
        memset(r, 0, sizeof(*r));
        run_scenario(i == 1 ? cfg : &later, s, r);
        secs += r->secs;
        runs = i;
        if (i == 1 && r->cls != R_PASS)
            break;
        texts_of(&p, i == 1 ? &tr0 : &tr, i == 1 ? &se0 : &se);
        if (i == 1)
            continue;
        struct sbuf d = { 0 }, dse = { 0 };
        char name[64];
        snprintf(name, sizeof(name), "run %d", i);
        int dt = diff_unified(tr0.p, tr0.len, tr.p, tr.len, "run 1 (trace)", name, &d);
        int ds = diff_unified(se0.p, se0.len, se.p, se.len, "run 1 (serial)", name, &dse);
        if (dt || ds) {
            r->cls = R_FAIL;
            r->reason.len = 0;
            sb_printf(&r->reason, "run %d of %d: %s from run 1 (flaky)", i, n,
                      dt && ds ? "trace and serial differ" : dt ? "trace differs" : "serial differs");
            r->detail.len = 0;      /* the run-to-run diff says more than the golden's */
            if (dt)                 /* each changed trace line decoded */
                decode_annotate_diff(tr0.p, tr0.len, tr.p, tr.len, d.p, d.len, &r->detail);
            sb_add(&r->detail, dse.p, dse.len);
            sb_printf(&r->detail, "  kept: %s/{trace.log,serial.log,actual.trace,actual.serial} (run %d)\n",
                      p.dir, i);
            sb_free(&d), sb_free(&dse);
            break;
        }
        sb_free(&d), sb_free(&dse);
        if (r->cls != R_PASS)
            break;
    }
    if (r->cls != R_PASS) {
        char why[1100];
        snprintf(why, sizeof(why), "%s", sb_str(&r->reason));
        if (strncmp(why, "run ", 4)) {
            r->reason.len = 0;
            sb_printf(&r->reason, "run %d of %d: %s", runs, n, why);
        }
    } else {
        char last[1100];
        snprintf(last, sizeof(last), "%s", sb_str(&r->reason));
        r->reason.len = 0;
        sb_printf(&r->reason, "%d runs identical; %s", n, last);
    }
    r->secs = secs;
    sb_free(&tr0), sb_free(&se0), sb_free(&tr), sb_free(&se);
}
