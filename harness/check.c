/* After QEMU: classify the outcome against `expect`, run the oracles,
 * compare with (or, when blessing, write) the goldens. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include "crashdump.h"
#include "golden.h"
#include "machine.h"
#include "disk.h"
#include "pciview.h"
#include "report.h"
#include "run.h"
#include "trace.h"

#define TAIL_TRACE   5
#define TAIL_SERIAL 10

enum outcome { OUT_PASS, OUT_FAIL, OUT_CRASH, OUT_TRIPLE, OUT_OTHER };

struct texts {
    struct sbuf log, serial;
    struct sbuf masked;     /* serial with register dumps masked: goldens */
    struct trace_out tr;
};

/* Append the last n lines of text, indented. */
static void tail(struct sbuf *out, const char *title, const char *text, size_t len, int n)
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

/* Read the run's logs and write actual.trace / actual.serial; -1 (ERROR
 * naming the file) when one cannot be written. */
static int load(const struct scenario *s, const struct paths *p, struct texts *t, struct result *r)
{
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
    struct trace_opts o = { &s->events, s->trace_base };
    trace_normalize(t->log.p, t->log.len, p->trace, &o, &t->tr);
    if (write_file(p->actual_trace, t->tr.text.p, t->tr.text.len, err, sizeof(err)) < 0 ||
        write_file(p->actual_serial, t->masked.p, t->masked.len, err, sizeof(err)) < 0) {
        result_set(r, R_ERROR, "%s; make the build directory writable", err);
        return -1;
    }
    return 0;
}

/* enum outcome follows enum expect, whose QEMU statuses machine.c lists. */
static enum outcome outcome_of(const struct live *lv)
{
    if (lv->killed || !WIFEXITED(lv->status))
        return OUT_OTHER;
    int st = WEXITSTATUS(lv->status);
    if (st == 0 && lv->quit_sent)           /* the harness quit it after the verdict */
        return lv->verdict == 0 ? OUT_PASS : lv->verdict == 1 ? OUT_FAIL : OUT_OTHER;
    for (int e = EXPECT_PASS; e <= EXPECT_TRIPLE; e++)
        if (machine_exit_status[e] == st)
            return (enum outcome)e;
    return OUT_OTHER;
}

/* The serial text from the first "exception:" or "panic:" line on. */
static void crash_dump(const struct texts *t, struct sbuf *out)
{
    const char *e = crashdump_line(t->serial.p, t->serial.len, "exception:");
    const char *pn = crashdump_line(t->serial.p, t->serial.len, "panic:");
    if (!e || (pn && pn < e))
        e = pn;
    if (e)
        sb_printf(out, "  kernel register dump (serial):\n%s", e);
    else
        tail(out, "last serial lines", t->serial.p, t->serial.len, TAIL_SERIAL);
}

/* The kernel's own reason for a fail verdict: the first serial line, other
 * than its "traceos:" summaries, that reports a problem (log lines start
 * with the driver name), else the last such line before the verdict. */
static int kernel_reason(const char *text, size_t len, char *buf, size_t n)
{
    static const char *const words[] = { "fail", "error", "unknown", "bad", "not ", "timeout",
                                         "missing", "mismatch", "invalid", "cannot" };
    const char *p = text, *end = text + len, *last = NULL;
    size_t last_n = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t m = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (m && strncmp(p, "traceos:", 8)) {
            char line[512];
            snprintf(line, sizeof(line), "%.*s", (int)m, p);
            for (char *c = line; *c; c++)
                *c = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
            for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
                if (strstr(line, words[w])) {
                    snprintf(buf, n, "%.*s", (int)m, p);
                    return 1;
                }
            last = p, last_n = m;
        } else if (m && !strncmp(p, "traceos: verdict", 16)) {
            break;
        }
        p += m + 1;
    }
    if (last)
        snprintf(buf, n, "%.*s", (int)last_n, last);
    return last != NULL;
}

/* Outcome differs from `expect` (or QEMU ended abnormally): classify. */
static void unexpected(const struct scenario *s, const struct live *lv, const struct texts *t,
                       enum outcome o, struct result *r)
{
    switch (o) {
    case OUT_PASS:
        result_set(r, R_FAIL, "the kernel passed but the scenario expects %s", scenario_expect_name(s->expect));
        break;
    case OUT_FAIL: {
        char why[256];
        if (kernel_reason(t->serial.p, t->serial.len, why, sizeof(why)))
            result_set(r, R_GUEST_FAIL, "the kernel's verdict is fail: \"%s\"", why);
        else
            result_set(r, R_GUEST_FAIL, "the kernel's verdict is fail");
        tail(&r->detail, "last serial lines", t->serial.p, t->serial.len, TAIL_SERIAL);
        break;
    }
    case OUT_CRASH:
        result_set(r, R_CRASH, "guest exception (QEMU status 37)");
        crash_dump(t, &r->detail);
        break;
    case OUT_TRIPLE:
        result_set(r, R_CRASH, "triple fault or reset (QEMU status 0 with -no-reboot)");
        tail(&r->detail, "last serial lines", t->serial.p, t->serial.len, TAIL_SERIAL);
        break;
    case OUT_OTHER:
        if (WIFSIGNALED(lv->status))
            result_set(r, R_CRASH, "QEMU was killed by signal %d", WTERMSIG(lv->status));
        else if (t->tr.segments == 0 && lv->verdict < 0)
            result_set(r, R_ERROR, "QEMU exited with status %d before the kernel started; see its messages below",
                       WIFEXITED(lv->status) ? WEXITSTATUS(lv->status) : -1);
        else
            result_set(r, R_CRASH, "QEMU exited with unexpected status %d",
                       WIFEXITED(lv->status) ? WEXITSTATUS(lv->status) : -1);
        break;
    }
}

static void qemu_said(const struct paths *p, struct sbuf *out)
{
    struct sbuf q = { 0 };
    char err[512];
    if (read_file(p->qemu_out, &q, err, sizeof(err)) == 0)
        tail(out, "QEMU said", q.p, q.len, TAIL_SERIAL);
    sb_free(&q);
}

static int oracle_pci(const struct live *lv, const struct texts *t, struct result *r)
{
    struct pciview k = { 0 }, q = { 0 };
    struct sbuf why = { 0 };
    int bad;
    if (!lv->pci) {
        result_set(r, R_FAIL, "query-pci: QEMU gave no answer (no VERDICT marker?)");
        return 1;
    }
    bad = pciview_parse_listing(t->serial.p, &k, &why);
    bad += pciview_parse_qmp(lv->pci, &q, &why);
    if (k.n == 0) {
        sb_puts(&why, "query-pci: the serial output has no pci-v listing\n");
        bad++;
    }
    bad += pciview_compare(&k, &q, &why);
    if (bad) {
        result_set(r, R_FAIL, "query-pci oracle: %d difference(s) between the kernel's pci-v listing and QEMU", bad);
        sb_add(&r->detail, why.p, why.len);
    }
    pciview_free(&k);
    pciview_free(&q);
    sb_free(&why);
    return bad;
}

static int oracle_kbd(const struct scenario *s, const struct texts *t, struct result *r)
{
    struct sbuf want = { 0 }, esc = { 0 };
    keys_expected_line(&s->key_events, &want);
    sb_puts(&esc, "kbd: line \"");
    keys_escape(sb_str(&want), want.len, &esc);
    sb_puts(&esc, "\"\n");
    const char *hit = strstr(t->serial.p, esc.p);
    int bad = !(hit && (hit == t->serial.p || hit[-1] == '\n'));
    if (bad) {
        esc.p[esc.len - 1] = 0;
        const char *got = strstr(t->serial.p, "kbd: line \"");
        result_set(r, R_FAIL, "kbd-line oracle: expected serial line '%s'; %s", esc.p,
            got ? "the guest printed a different line (see below)" : "the guest printed no kbd: line");
        if (got)
            sb_printf(&r->detail, "  guest: %.*s\n  typed: %s\n", (int)strcspn(got, "\n"), got, esc.p);
    }
    sb_free(&want);
    sb_free(&esc);
    return bad;
}

static int oracles(const struct scenario *s, const struct paths *p, const struct live *lv,
                   const struct texts *t, struct result *r)
{
    if ((s->oracles & ORACLE_QUERY_PCI) && oracle_pci(lv, t, r))
        return 1;
    if ((s->oracles & ORACLE_KBD_LINE) && oracle_kbd(s, t, r))
        return 1;
    if (s->oracles & ORACLE_DMA_CRC) {
        struct sbuf why = { 0 };
        int bad = disk_crc_oracle(t->serial.p, s->append, p->image,
                                  s->expect == EXPECT_FAIL, &why);
        if (bad) {
            result_set(r, R_FAIL, "dma-crc oracle: %.*s", (int)strcspn(why.p, "\n"), why.p);
            sb_add(&r->detail, why.p, why.len);
        }
        sb_free(&why);
        return bad;
    }
    return 0;
}

static void goldens(const struct config *cfg, const struct scenario *s, const struct paths *p,
                    const struct texts *t, struct result *r)
{
    struct sbuf out = { 0 };
    char exc[256] = "";
    if (s->expect == EXPECT_CRASH && !crashdump_exception(t->serial.p, t->serial.len, exc, sizeof(exc))) {
        result_set(r, R_FAIL, "QEMU status 37 as expected, but the serial has no `exception:` line (a panic?)");
        crash_dump(t, &r->detail);
        return;
    }
    if (cfg->bless) {
        if (golden_bless(p->golden_trace, t->tr.text.p, t->tr.text.len, &out) < 0 ||
            golden_bless(p->golden_serial, t->masked.p, t->masked.len, &out) < 0)
            result_set(r, R_ERROR, "cannot write goldens: %s", sb_str(&out));
        else
            result_set(r, R_PASS, "%s", out.len ? "goldens written (see below)" : "goldens unchanged");
        sb_add(&r->detail, out.p, out.len);
        sb_free(&out);
        return;
    }
    int dt = golden_compare(s->name, p->golden_trace, p->actual_trace, t->tr.text.p, t->tr.text.len, &out);
    int ds = golden_compare(s->name, p->golden_serial, p->actual_serial, t->masked.p, t->masked.len, &out);
    if (dt < 0 || ds < 0)
        result_set(r, R_ERROR, "%.*s", (int)strcspn(out.p, "\n"), out.p);
    else if (dt || ds)
        result_set(r, R_FAIL, "%s from the golden", dt && ds ? "trace and serial differ" : dt ? "trace differs" : "serial differs");
    else if (s->expect == EXPECT_CRASH)
        result_set(r, R_PASS, "crashed as expected: %s; trace and serial match", exc);
    else if (s->expect == EXPECT_TRIPLE)
        result_set(r, R_PASS, "triple fault as expected; trace and serial match");
    else
        result_set(r, R_PASS, "trace and serial match the goldens");
    if (dt || ds) {
        sb_add(&r->detail, out.p, out.len);
        sb_printf(&r->detail, "  kept: %s/{trace.log,serial.log,actual.trace,actual.serial}\n", p->dir);
    }
    sb_free(&out);
}

void check_outcome(const struct config *cfg, const struct scenario *s, const struct paths *p,
                   struct live *lv, struct result *r)
{
    struct texts t = { 0 };
    enum outcome o = outcome_of(lv);
    int crashed_as_expected = (o == OUT_CRASH && s->expect == EXPECT_CRASH) ||
                              (o == OUT_TRIPLE && s->expect == EXPECT_TRIPLE);
    if (load(s, p, &t, r) < 0) {
        ;                                       /* ERROR set */
    } else if (lv->timed_out) {
        result_set(r, R_TIMEOUT, "no end within %ds; QEMU killed", s->timeout);
        sb_printf(&r->detail, "  markers seen: ready=%d acks=%d verdict=%d\n", lv->ready, lv->acks, lv->verdict);
        tail(&r->detail, "last trace lines", t.log.p, t.log.len, TAIL_TRACE);
        tail(&r->detail, "last serial lines", t.serial.p, t.serial.len, TAIL_SERIAL);
    } else if (lv->problem.len && !crashed_as_expected && o != OUT_CRASH) {
        result_set(r, R_FAIL, "%s", lv->problem.p);
    } else if ((int)o != (int)s->expect) {      /* enum outcome follows enum expect */
        unexpected(s, lv, &t, o, r);
        if (r->cls == R_ERROR)
            qemu_said(p, &r->detail);
    } else if (t.tr.problems && !crashed_as_expected) {
        result_set(r, R_FAIL, "trace: %.*s", (int)strcspn(t.tr.why.p, "\n"), t.tr.why.p);
        sb_add(&r->detail, t.tr.why.p, t.tr.why.len);
    } else if (oracles(s, p, lv, &t, r) == 0) {
        goldens(cfg, s, p, &t, r);
    }
    if (cfg->bless && r->cls != R_PASS)
        sb_puts(&r->reason, " (goldens not written)");
    sb_free(&t.log);
    sb_free(&t.serial);
    sb_free(&t.masked);
    trace_out_free(&t.tr);
}
