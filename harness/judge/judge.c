/* The judge's order of stages; see judge.h. */
#include <stdio.h>
#include <string.h>
#include "harness/judge/parts.h"
#include "harness/lib/crashdump.h"
#include "harness/lib/decode/decode.h"
#include "harness/lib/report.h"

void judge_tail(struct sbuf *out, const char *title, const char *text, size_t len, int n)
{
    const char *p = text + len;
    if (p > text && p[-1] == '\n')
        p--;
    while (p > text && n > 0)
        if (*--p == '\n')
            n--;
    if (*p == '\n')
        p++;
    sb_printf(out, "  %s:\n", title);
    while (p < text + len) {
        size_t k = strcspn(p, "\n");
        sb_printf(out, "    %.*s\n", (int)k, p);
        p += k + (p[k] == '\n');
    }
}

void judge_crash_dump(const struct texts *t, struct sbuf *out)
{
    const char *e = crashdump_line(t->serial.p, t->serial.len, "exception:");
    const char *pn = crashdump_line(t->serial.p, t->serial.len, "panic:");
    if (!e || (pn && pn < e))
        e = pn;
    if (e)
        sb_printf(out, "  kernel register dump (serial):\n%s", e);
    else
        judge_tail(out, "last serial lines", t->serial.p, t->serial.len, TAIL_SERIAL);
}

/* Read the run's logs and write actual.trace / actual.serial; -1 (ERROR
 * naming the file) when one cannot be written. */
static int load(const struct judge_job *j, const struct live *lv, struct texts *t, struct result *r)
{
    const struct paths *p = j->p;
    char err[512];
    struct sbuf raw = { 0 };
    if (read_file(p->trace, &t->log, err, sizeof(err)) < 0)
        sb_add(&t->log, "", 0);
    if (read_file(p->serial, &raw, err, sizeof(err)) < 0)
        sb_add(&raw, "", 0);
    serial_text(raw.p, raw.len, &t->serial);
    if (!t->serial.p)
        sb_add(&t->serial, "", 0);
    sb_free(&raw);
    crashdump_mask(t->serial.p, t->serial.len, &t->masked);
    struct trace_opts o = { .events = &j->s->events, .regions = &j->s->event_regions, .base = j->s->trace_base, .rules = j->rules,
                            .inserts = lv->gdb_lines, .ninserts = (size_t)lv->ngdb_lines };
    trace_normalize(t->log.p, t->log.len, p->trace, &o, &t->tr);
    if (write_file(p->actual_trace, t->tr.text.p, t->tr.text.len, err, sizeof(err)) < 0 ||
        write_file(p->actual_serial, t->masked.p, t->masked.len, err, sizeof(err)) < 0) {
        result_set(r, R_ERROR, "%s; make the build directory writable", err);
        return -1;
    }
    return 0;
}

static void timed_out(const struct judge_job *j, const struct live *lv, const struct texts *t,
                      struct result *r)
{
    if (t->tr.markers == 0)     /* not this kernel's slowness: it never spoke the contract */
        result_set(r, R_TIMEOUT, "no end within %ds; QEMU killed; the kernel %s wrote no marker: check --kernel and the trace device (trace=ADDR)",
                   j->s->timeout, j->kernel ? j->kernel : "");
    else
        result_set(r, R_TIMEOUT, "no end within %ds; QEMU killed", j->s->timeout);
    sb_printf(&r->detail, "  markers seen: ready=%d acks=%d verdict=%d\n", lv->ready, lv->acks, lv->verdict);
    decode_markers_seen(j->rules, j->s->trace_base, t->log.p, t->log.len, "  ", &r->detail);
    decode_tail("last trace lines", t->log.p, t->log.len, TAIL_TRACE, "  ", &r->detail);
    judge_tail(&r->detail, "last serial lines", t->serial.p, t->serial.len, TAIL_SERIAL);
}

/* The stages in order; the first that decides the class ends the run's
 * judgement. */
void judge_outcome(const struct judge_job *j, const struct live *lv, struct result *r)
{
    const struct scenario *s = j->s;
    struct texts t = { 0 };
    enum outcome o = judge_outcome_of(lv);
    int crashed_as_expected = (o == OUT_CRASH && s->expect == EXPECT_CRASH) ||
                              (o == OUT_TRIPLE && s->expect == EXPECT_TRIPLE);
    if (load(j, lv, &t, r) < 0) {
        ;                                       /* ERROR set */
    } else if (lv->timed_out) {
        timed_out(j, lv, &t, r);
    } else if (lv->problem.len && lv->problem_error) {
        result_set(r, R_ERROR, "%s", lv->problem.p);
    } else if (lv->problem.len && !crashed_as_expected && o != OUT_CRASH) {
        result_set(r, R_FAIL, "%s", lv->problem.p);
    } else if ((int)o != (int)s->expect) {      /* enum outcome follows enum expect */
        judge_unexpected(j, lv, &t, o, r);
    } else if (t.tr.problems && !crashed_as_expected) {
        result_set(r, R_FAIL, "trace: %.*s", (int)strcspn(t.tr.why.p, "\n"), t.tr.why.p);
        sb_add(&r->detail, t.tr.why.p, t.tr.why.len);
    } else if (judge_gdb_hits(j, lv, r) == 0 && judge_oracles(j, lv, &t, r) == 0) {
        judge_goldens(j, &t, r);
    }
    if (r->cls == R_FAIL || r->cls == R_GUEST_FAIL || r->cls == R_TIMEOUT)
        judge_show_cause(j, &t, r);
    if (j->bless && r->cls != R_PASS && strncmp(sb_str(&r->reason), GOLDENS_NOT_WRITTEN, strlen(GOLDENS_NOT_WRITTEN)))
        sb_puts(&r->reason, " (" GOLDENS_NOT_WRITTEN ")");
    sb_free(&t.log);
    sb_free(&t.serial);
    sb_free(&t.masked);
    trace_out_free(&t.tr);
}
