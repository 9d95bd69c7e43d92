/* One scenario: pre-flight checks, QEMU command line, the live loop. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "disk.h"
#include "golden.h"
#include "qmp.h"
#include "machine.h"
#include "run.h"

#define POLL_S          0.001   /* at most between looks at the log (inotify wakes sooner) */
#define QUIT_GRACE_S    10.0    /* after QMP quit, QEMU must be gone within this */

volatile pid_t run_current_qemu;
char run_current_tmpdir[96];
char run_current_sock[108];

const char *rclass_name(enum rclass c)
{
    switch (c) {
    case R_PASS: return "PASS";
    case R_FAIL: return "FAIL";
    case R_GUEST_FAIL: return "GUEST-FAIL";
    case R_CRASH: return "CRASH";
    case R_TIMEOUT: return "TIMEOUT";
    case R_ERROR: return "ERROR";
    }
    return "?";
}

void run_paths(const struct config *cfg, const struct scenario *s, struct paths *p)
{
    memset(p, 0, sizeof(*p));
    snprintf(p->dir, sizeof(p->dir), "%s/runs/%s", cfg->build, s->name);
    snprintf(p->trace, sizeof(p->trace), "%s/trace.log", p->dir);
    snprintf(p->serial, sizeof(p->serial), "%s/serial.log", p->dir);
    snprintf(p->qemu_out, sizeof(p->qemu_out), "%s/qemu.out", p->dir);
    snprintf(p->actual_trace, sizeof(p->actual_trace), "%s/actual.trace", p->dir);
    snprintf(p->actual_serial, sizeof(p->actual_serial), "%s/actual.serial", p->dir);
    snprintf(p->golden_trace, sizeof(p->golden_trace), "%s/%s.trace", cfg->expected, s->name);
    snprintf(p->golden_serial, sizeof(p->golden_serial), "%s/%s.serial", cfg->expected, s->name);
    snprintf(p->image, sizeof(p->image), "%s/images/%s.img", cfg->build, s->name);
}

void result_set(struct result *r, enum rclass c, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    r->cls = c;
    r->reason.len = 0;
    sb_puts(&r->reason, buf);
}

/* The devices named by -device in the scenario's extra arguments. */
static int check_setup(const struct config *cfg, const struct scenario *s, struct result *r)
{
    for (int i = 0; i < s->events.n; i++)
        if (!qemu_has_event(&cfg->caps, s->events.v[i])) {
            result_set(r, R_ERROR, "trace event '%s' is not in this QEMU (%s -trace help); fix the events line", s->events.v[i], cfg->qemu);
            return -1;
        }
    for (int i = 0; i + 1 < s->qemu.n; i++) {
        if (strcmp(s->qemu.v[i], "-device"))
            continue;
        char *name = xstrndup(s->qemu.v[i + 1], strcspn(s->qemu.v[i + 1], ","));
        int ok = qemu_has_device(&cfg->caps, name);
        if (!ok)
            result_set(r, R_ERROR, "QEMU lacks device '%s' (%s -device help); install a QEMU that has it or fix the scenario's qemu line", name, cfg->qemu);
        free(name);
        if (!ok)
            return -1;
    }
    return 0;
}

static int check_goldens(const struct config *cfg, const struct scenario *s, const struct paths *p,
                         struct result *r)
{
    if (cfg->bless)
        return 0;
    const char *missing = access(p->golden_trace, R_OK) ? p->golden_trace
                          : access(p->golden_serial, R_OK) ? p->golden_serial : NULL;
    if (missing) {
        result_set(r, R_ERROR, "golden %s is missing; run `make bless` to create it, then review and commit it", missing);
        return -1;
    }
    const char *files[] = { p->golden_trace, p->golden_serial };
    for (int i = 0; i < 2; i++) {           /* malformed: refused before QEMU runs */
        struct sbuf g = { 0 }, why = { 0 };
        char err[512];
        int bad = read_file(files[i], &g, err, sizeof(err)) < 0 ? (sb_puts(&why, err), -1)
                  : golden_validate(files[i], g.p, g.len, &s->events, &why);
        if (bad)
            result_set(r, R_ERROR, "%.*s", (int)strcspn(sb_str(&why), "\n"), sb_str(&why));
        sb_free(&g);
        sb_free(&why);
        if (bad)
            return -1;
    }
    return 0;
}

/* The run's own QEMU words (tracing, log, serial, QMP) on top of the
 * machine every harness QEMU boots. */
static void build_argv(const struct config *cfg, const struct scenario *s, const struct paths *p,
                       struct strv *a)
{
    struct strv io = { 0 };
    struct sbuf t = { 0 };
    strv_push(&io, "-trace"), strv_push(&io, "memory_region_ops_write");
    for (int i = 0; i < s->events.n; i++)
        strv_push(&io, "-trace"), strv_push(&io, s->events.v[i]);
    strv_push(&io, "-D"), strv_push(&io, p->trace);
    sb_printf(&t, "file:%s", p->serial);
    strv_push(&io, "-serial"), strv_push(&io, t.p);
    t.len = 0;
    sb_printf(&t, "unix:%s,server=on,wait=off", p->sock);
    strv_push(&io, "-qmp"), strv_push(&io, t.p);
    machine_argv(a, s, cfg->qemu, cfg->kernel, s->append, &io, s->has_disk ? p->image : NULL);
    strv_free(&io);
    sb_free(&t);
}

/* 0 connected; 1 QEMU has exited (the live loop reaps it and its status
 * tells what happened); -1 a QMP problem (lv->problem). */
static int ensure_qmp(struct qmp *q, int *up, const struct paths *p, double deadline, struct live *lv)
{
    char err[512];
    if (*up)
        return 0;
    if (qmp_connect(q, p->sock, lv->pid, deadline, err, sizeof(err)) < 0) {
        if (q->lost)
            return 1;
        sb_printf(&lv->problem, "%s", err);
        return -1;
    }
    *up = 1;
    return 0;
}

/* Next key once the guest is ready and has acknowledged every event so far. */
static int step_keys(const struct scenario *s, struct logfollow *f, struct qmp *q, int *up,
                     const struct paths *p, double deadline, struct live *lv)
{
    if (!f->ready || lv->keys_sent >= s->key_events.n || f->acks < lv->keys_sent)
        return 0;
    if (lv->keys_sent && f->last_ack != ((unsigned)lv->keys_sent & 0xFFF)) {
        sb_printf(&lv->problem, "guest ACK carries count %u after %d key events; expected %d",
                  f->last_ack, lv->keys_sent, lv->keys_sent & 0xFFF);
        return -1;
    }
    char err[512];
    const struct key_event *k = &s->key_events.v[lv->keys_sent];
    int rc = ensure_qmp(q, up, p, deadline, lv);
    if (rc)
        return rc < 0 ? -1 : 0;
    /* The last event may end the run: the kernel finishes its phase and
     * leaves QEMU before QEMU writes the reply. Its outcome is still judged
     * by the END marker, the ACK count and the oracles. */
    int last = lv->keys_sent + 1 == s->key_events.n;
    if (qmp_send_key(q, k->qcode, k->down, deadline, err, sizeof(err)) < 0 &&
        !(last && q->lost)) {
        sb_printf(&lv->problem, "sending key %s %s: %s", k->qcode, k->down ? "down" : "up", err);
        return -1;
    }
    lv->keys_sent++;
    return 0;
}

/* After the VERDICT marker: query-pci, then quit. */
static int step_pci(struct logfollow *f, struct qmp *q, int *up, const struct paths *p,
                    double deadline, struct live *lv)
{
    char err[512];
    if (f->verdict < 0 || lv->quit_sent)
        return 0;
    int rc = ensure_qmp(q, up, p, deadline, lv);
    if (rc)
        return rc < 0 ? -1 : 0;
    lv->pci = qmp_execute(q, "query-pci", NULL, deadline, err, sizeof(err));
    if (!lv->pci) {
        sb_printf(&lv->problem, "%s", err);
        return -1;
    }
    json_t *ok = qmp_execute(q, "quit", NULL, deadline, err, sizeof(err));
    json_decref(ok);            /* QEMU may close the socket before answering */
    lv->quit_sent = 1;
    return 0;
}

/* Poll log and process until QEMU ends, the deadline passes, or a step fails. */
static void live_loop(const struct scenario *s, const struct paths *p, struct live *lv, double deadline)
{
    struct logfollow f;
    struct qmp q = { .fd = -1 };
    int up = 0, broken = 0;
    logfollow_init(&f, p->trace, s->trace_base, s->key_events.n > 0);
    for (;;) {
        logfollow_poll(&f);
        if (qemu_reaped(lv->pid, &lv->status))
            break;
        if (!broken && s->key_events.n)
            broken = step_keys(s, &f, &q, &up, p, deadline, lv) < 0;
        if (!broken && (s->oracles & ORACLE_QUERY_PCI)) {
            broken = step_pci(&f, &q, &up, p, deadline, lv) < 0;
            if (lv->quit_sent && deadline > now_s() + QUIT_GRACE_S)
                deadline = now_s() + QUIT_GRACE_S;
        }
        if (broken || now_s() >= deadline) {
            lv->timed_out = !broken;
            lv->killed = qemu_kill(lv->pid, &lv->status);
            break;
        }
        logfollow_wait(&f, POLL_S);
    }
    logfollow_poll(&f);
    lv->ready = f.ready, lv->acks = f.acks, lv->verdict = f.verdict;
    logfollow_close(&f);
    qmp_close(&q);
}

int run_qemu(const struct config *cfg, const struct scenario *s, const struct paths *p,
             struct live *lv, struct result *r)
{
    struct strv argv = { 0 };
    char err[512];
    build_argv(cfg, s, p, &argv);
    unlink(p->trace);
    unlink(p->serial);
    double start = now_s();
    lv->pid = qemu_spawn(argv.v, p->qemu_out, err, sizeof(err));
    strv_free(&argv);
    if (lv->pid < 0) {
        result_set(r, R_ERROR, "%s", err);
        return -1;
    }
    run_current_qemu = lv->pid;
    live_loop(s, p, lv, start + s->timeout);
    run_current_qemu = 0;
    return 0;
}

/* The QMP socket's private directory, published for the signal handler
 * with SIGINT/SIGTERM held off, so that a signal never leaves it behind. */
static int make_tmp(struct paths *p, struct result *r)
{
    const char *t = tmp_dir();
    size_t max_dir = sizeof(p->tmpdir) - sizeof("/traceos-XXXXXX");
    size_t max_sock = sizeof(p->sock) - sizeof("/traceos-XXXXXX/qmp.sock");
    size_t max = max_dir < max_sock ? max_dir : max_sock;
    if (strlen(t) > max) {
        result_set(r, R_ERROR, "TMPDIR %s is too long for the QMP socket's directory (%zu bytes; at most %zu); set a shorter TMPDIR",
                   t, strlen(t), max);
        return -1;
    }
    snprintf(p->tmpdir, sizeof(p->tmpdir), "%s/traceos-XXXXXX", t);
    sigset_t old;
    block_stop_signals(&old);
    if (!mkdtemp(p->tmpdir)) {
        int e = errno;
        sigprocmask(SIG_SETMASK, &old, NULL);
        result_set(r, R_ERROR, "cannot create a temporary directory in %s: %s; set TMPDIR to a writable directory",
            t, strerror(e));
        return -1;
    }
    snprintf(p->sock, sizeof(p->sock), "%s/qmp.sock", p->tmpdir);
    memcpy(run_current_sock, p->sock, sizeof(run_current_sock));
    memcpy(run_current_tmpdir, p->tmpdir, sizeof(run_current_tmpdir));
    sigprocmask(SIG_SETMASK, &old, NULL);
    return 0;
}

static void remove_tmp(struct paths *p)
{
    unlink(p->sock);
    rmdir(p->tmpdir);
    run_current_tmpdir[0] = 0;
}

void run_scenario(const struct config *cfg, const struct scenario *s, struct result *r)
{
    struct paths p;
    struct live lv = { 0 };
    char err[512];
    double t0 = now_s();
    run_paths(cfg, s, &p);
    r->cls = R_PASS;
    if (mkdir_p(p.dir, err, sizeof(err)) < 0) {
        result_set(r, R_ERROR, "%s", err);
    } else if (check_setup(cfg, s, r) == 0 && check_goldens(cfg, s, &p, r) == 0) {
        if (s->has_disk) {
            snprintf(err, sizeof(err), "%s/images", cfg->build);
            if (mkdir_p(err, err, sizeof(err)) < 0 ||
                disk_make_image(p.image, &s->disk, s->append, err, sizeof(err)) < 0)
                result_set(r, R_ERROR, "%s", err);
        }
        if (r->cls == R_PASS && make_tmp(&p, r) == 0) {
            if (run_qemu(cfg, s, &p, &lv, r) == 0)
                check_outcome(cfg, s, &p, &lv, r);
            remove_tmp(&p);
        }
    }
    json_decref(lv.pci);
    sb_free(&lv.problem);
    r->secs = now_s() - t0;
}

void result_free(struct result *r)
{
    sb_free(&r->reason);
    sb_free(&r->detail);
}
