/* How QEMU ended, and the class of an outcome that `expect` did not say. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include "harness/judge/parts.h"
#include "harness/vmm/machine.h"

/* enum outcome follows enum expect, whose QEMU statuses machine.c lists. */
enum outcome judge_outcome_of(const struct live *lv)
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

/* QEMU's own messages (qemu.out), for an ERROR. */
static void qemu_said(const struct paths *p, struct sbuf *out)
{
    struct sbuf q = { 0 };
    char err[512];
    if (read_file(p->qemu_out, &q, err, sizeof(err)) == 0)
        judge_tail(out, "QEMU said", q.p, q.len, TAIL_SERIAL);
    sb_free(&q);
}

static void ended_oddly(const struct live *lv, const struct texts *t, struct result *r)
{
    if (WIFSIGNALED(lv->status))
        result_set(r, R_CRASH, "QEMU was killed by signal %d", WTERMSIG(lv->status));
    else if (t->tr.segments == 0 && lv->verdict < 0)
        result_set(r, R_ERROR, "QEMU exited with status %d before the kernel started; see its messages below",
                   WIFEXITED(lv->status) ? WEXITSTATUS(lv->status) : -1);
    else
        result_set(r, R_CRASH, "QEMU exited with unexpected status %d",
                   WIFEXITED(lv->status) ? WEXITSTATUS(lv->status) : -1);
}

void judge_unexpected(const struct judge_job *j, const struct live *lv, const struct texts *t,
                      enum outcome o, struct result *r)
{
    switch (o) {
    case OUT_PASS:
        result_set(r, R_FAIL, "the kernel passed but the scenario expects %s", scenario_expect_name(j->s->expect));
        break;
    case OUT_FAIL: {
        char why[256];
        if (kernel_reason(t->serial.p, t->serial.len, why, sizeof(why)))
            result_set(r, R_GUEST_FAIL, "the kernel's verdict is fail: \"%s\"", why);
        else
            result_set(r, R_GUEST_FAIL, "the kernel's verdict is fail");
        judge_tail(&r->detail, "last serial lines", t->serial.p, t->serial.len, TAIL_SERIAL);
        break;
    }
    case OUT_CRASH:
        result_set(r, R_CRASH, "guest exception (QEMU status 37)");
        judge_crash_dump(t, &r->detail);
        break;
    case OUT_TRIPLE:
        result_set(r, R_CRASH, "triple fault or reset (QEMU status 0 with -no-reboot)");
        judge_tail(&r->detail, "last serial lines", t->serial.p, t->serial.len, TAIL_SERIAL);
        break;
    case OUT_OTHER:
        ended_oddly(lv, t, r);
        break;
    }
    if (r->cls == R_ERROR)
        qemu_said(j->p, &r->detail);
}
