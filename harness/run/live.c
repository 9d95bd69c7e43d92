/* QEMU's command line for a run, and the live loop; see live.h. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "harness/run/debug.h"
#include "harness/run/live.h"
#include "harness/vmm/logfollow.h"
#include "harness/vmm/machine.h"
#include "harness/vmm/process.h"
#include "harness/vmm/qmp.h"

#define POLL_S          0.001   /* at most between looks at the log (inotify wakes sooner) */
#define QUIT_GRACE_S    10.0    /* after QMP quit, QEMU must be gone within this */
#define LIVE_ATTACH_TIMEOUT_S 86400.0   /* --debug: a person drives the run from gdb */

/* The run's own QEMU words (tracing, log, serial, QMP) on top of the
 * machine every harness QEMU boots, in the names of this QEMU's profile. */
static void qemu_words(const struct config *cfg, const struct scenario *s, const struct paths *p,
                       struct strv *a)
{
    const struct qemu_profile *prof = cfg->caps.profile;
    struct strv io = { 0 };
    struct sbuf t = { 0 };
    strv_push(&io, "-trace"), strv_push(&io, prof->trace->write_event.s);
    for (int i = 0; i < s->events.n; i++)
        strv_push(&io, "-trace"), strv_push(&io, qemu_profile_event(prof, s->events.v[i]));
    strv_push(&io, "-D"), strv_push(&io, p->trace);
    sb_printf(&t, "file:%s", p->serial);
    strv_push(&io, "-serial"), strv_push(&io, t.p);
    t.len = 0;
    sb_printf(&t, "unix:%s,server=on,wait=off", p->sock[SOCK_QMP]);
    strv_push(&io, "-qmp"), strv_push(&io, t.p);
    if (debug_wanted(s) || cfg->attach)
        debug_qemu_words(cfg, p, &io);
    machine_cmdline(a, s, cfg->qemu, cfg->kernel, s->append, &io, s->has_disk ? p->image : NULL);
    strv_free(&io);
    sb_free(&t);
}

/* The live loop's state. */
struct loop {
    const struct scenario *s;
    const struct paths *p;
    pid_t pid;
    struct logfollow f;
    struct qmp q;
    int up;                 /* QMP connected */
    double deadline;
    struct live *lv;
    const struct trace_rules *rules;
    struct debug dbg;       /* the gdb stops, for a scenario with break/watch */
    int gdb;                /* a gdb (the harness's or a person's) may hold the vCPU stopped */
};

/* 0 connected; 1 QEMU has exited (the live loop reaps it and its status
 * tells what happened); -1 a QMP problem (lv->problem). */
static int ensure_qmp(struct loop *c)
{
    char err[512];
    if (c->up)
        return 0;
    if (qmp_connect(&c->q, c->p->sock[SOCK_QMP], c->pid, c->deadline, err, sizeof(err)) < 0) {
        if (c->q.lost)
            return 1;
        sb_printf(&c->lv->problem, "%s", err);
        return -1;
    }
    c->up = 1;
    return 0;
}

/* Next key once the guest is ready and has acknowledged every event so far. */
static int act_keys(struct loop *c)
{
    struct live *lv = c->lv;
    const struct scenario *s = c->s;
    if (!c->f.ready || lv->keys_sent >= s->key_events.n || (unsigned)c->f.acks < lv->acks_due)
        return 0;
    if (lv->acks_due && c->f.last_ack != (lv->acks_due & 0xFFF)) {
        sb_printf(&lv->problem, "guest ACK carries count %u after %d key events; expected %u",
                  c->f.last_ack, lv->keys_sent, lv->acks_due & 0xFFF);
        return -1;
    }
    if (debug_wanted(s) && !debug_may_type(&c->dbg, lv->acks_due))
        return 0;               /* the vCPU is not parked in the key wait (keywait.h) */
    char err[512];
    const struct key_event *k = &s->key_events.v[lv->keys_sent];
    int rc = ensure_qmp(c);
    if (rc)
        return rc < 0 ? -1 : 0;
    /* The last event may end the run: the kernel finishes its phase and
     * leaves QEMU before QEMU writes the reply. Its outcome is still judged
     * by the END marker, the ACK count and the oracles. */
    int last = lv->keys_sent + 1 == s->key_events.n;
    int rc_send = qmp_send_key(&c->q, k->qcode, k->down, c->deadline, err, sizeof(err));
    if (rc_send < 0 && c->gdb && strstr(err, "VM not running"))
        return 0;               /* stopped at a gdb stop: sent again once it resumes */
    if (rc_send < 0 && !(last && c->q.lost)) {
        sb_printf(&lv->problem, "sending key %s %s: %s", k->qcode, k->down ? "down" : "up", err);
        return -1;
    }
    lv->acks_due += k->acks;
    lv->keys_sent++;
    if (debug_wanted(s))
        debug_typed(&c->dbg, k->acks);
    return 0;
}

/* After the VERDICT marker: query-pci, then quit; QEMU then has
 * QUIT_GRACE_S to go. */
static int act_query_pci(struct loop *c)
{
    struct live *lv = c->lv;
    char err[512];
    if (c->f.verdict < 0 || lv->quit_sent)
        return 0;
    int rc = ensure_qmp(c);
    if (rc)
        return rc < 0 ? -1 : 0;
    lv->pci = qmp_execute(&c->q, "query-pci", NULL, c->deadline, err, sizeof(err));
    if (!lv->pci) {
        sb_printf(&lv->problem, "%s", err);
        return -1;
    }
    json_t *ok = qmp_execute(&c->q, "quit", NULL, c->deadline, err, sizeof(err));
    json_decref(ok);            /* QEMU may close the socket before answering */
    lv->quit_sent = 1;
    if (c->deadline > now_s() + QUIT_GRACE_S)
        c->deadline = now_s() + QUIT_GRACE_S;
    return 0;
}

static int act_gdb(struct loop *c) { return debug_act(&c->dbg, c->lv, c->lv->quit_sent, c->deadline); }

/* "64 MiB" and "64M": a size as people read it and as log-limit takes it. */
static void size_words(uint64_t n, char *human, char *key, size_t len)
{
    static const char *const units[] = { "G", "M", "K" };
    for (int i = 0; i < 3; i++) {
        int shift = 30 - 10 * i;
        if (n >= (1ull << shift) && n % (1ull << shift) == 0) {
            snprintf(human, len, "%llu %siB", (unsigned long long)(n >> shift), units[i]);
            snprintf(key, len, "%llu%s", (unsigned long long)(n >> shift), units[i]);
            return;
        }
    }
    snprintf(human, len, "%llu bytes", (unsigned long long)n);
    snprintf(key, len, "%llu", (unsigned long long)n);
}

/* Each log within the scenario's log-limit: a run whose kernel writes
 * without end is stopped as soon as one reaches it, before it fills the
 * disk and the judge's memory. */
static int act_log_limit(struct loop *c)
{
    const char *const files[] = { c->p->trace, c->p->serial };
    for (int i = 0; i < 2; i++) {
        struct stat st;
        if (stat(files[i], &st) != 0 || (uint64_t)st.st_size < c->s->log_limit)
            continue;
        char human[32], key[32];
        size_words(c->s->log_limit, human, key, sizeof(human));
        const char *name = strrchr(files[i], '/') ? strrchr(files[i], '/') + 1 : files[i];
        sb_printf(&c->lv->problem, "%s reached its cap of %s (log-limit = %s) and the run was stopped there; "
                  "raise log-limit in the scenario if it needs more", name, human, key);
        return -1;
    }
    return 0;
}

static int always(const struct scenario *s) { (void)s; return 1; }
static int typed(const struct scenario *s) { return s->key_events.n > 0; }
static int asks_pci(const struct scenario *s) { return (s->oracles & ORACLE_QUERY_PCI) != 0; }

/* What the harness does while QEMU runs, in this order on every look at
 * the log. `act` returns 0, or -1 when the run is broken (lv->problem):
 * QEMU is then killed. */
static const struct action {
    int (*wanted)(const struct scenario *s);
    int (*act)(struct loop *c);
} actions[] = {
    { .wanted = always, .act = act_log_limit },     /* first: a log at its cap ends the run */
    { .wanted = debug_wanted, .act = act_gdb },     /* keys wait while the vCPU is stopped */
    { .wanted = typed, .act = act_keys },
    { .wanted = asks_pci, .act = act_query_pci },
};

/* Poll log and process until QEMU ends, the deadline passes, or an action fails. */
static void loop_run(struct loop *c)
{
    struct live *lv = c->lv;
    int broken = 0;
    logfollow_init(&c->f, c->p->trace, c->rules, c->s->trace_base, typed(c->s));
    for (;;) {
        logfollow_poll(&c->f);
        if (qemu_reaped(c->pid, &lv->status))
            break;
        for (size_t i = 0; i < sizeof(actions) / sizeof(actions[0]) && !broken; i++)
            if (actions[i].wanted(c->s))
                broken = actions[i].act(c) < 0;
        if (broken || now_s() >= c->deadline) {
            lv->timed_out = !broken;
            lv->killed = qemu_kill(c->pid, &lv->status);
            break;
        }
        if (debug_wanted(c->s))
            debug_wait(&c->dbg, c->f.ino, POLL_S);
        else
            logfollow_wait(&c->f, POLL_S);
    }
    logfollow_poll(&c->f);
    lv->ready = c->f.ready, lv->acks = c->f.acks, lv->verdict = c->f.verdict;
    logfollow_close(&c->f);
    qmp_close(&c->q);
    if (debug_wanted(c->s))
        debug_finish(&c->dbg, lv);
}

/* QEMU's command line, one shell-quoted word after another, in qemu.cmd. */
static void save_cmdline(const struct paths *p, const struct strv *cmd)
{
    struct sbuf t = { 0 };
    char err[512];
    for (int i = 0; i < cmd->n; i++) {
        const char *w = cmd->v[i];
        int plain = *w && strspn(w, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=,:+@%") == strlen(w);
        if (i)
            sb_addc(&t, ' ');
        if (plain) {
            sb_puts(&t, w);
            continue;
        }
        sb_addc(&t, '\'');
        for (; *w; w++)
            *w == '\'' ? sb_puts(&t, "'\\''") : sb_addc(&t, *w);
        sb_addc(&t, '\'');
    }
    sb_addc(&t, '\n');
    write_file(p->qemu_cmd, t.p, t.len, err, sizeof(err));    /* a record for people: failing is harmless */
    sb_free(&t);
}

int live_run(const struct config *cfg, const struct scenario *s, const struct paths *p,
             struct live *lv, struct result *r)
{
    struct strv cmd = { 0 };
    char err[512];
    qemu_words(cfg, s, p, &cmd);
    save_cmdline(p, &cmd);
    if (cfg->attach)
        cfg->attach(cfg, s, p);
    unlink(p->trace);
    unlink(p->serial);
    double start = now_s();
    pid_t pid = qemu_spawn(cmd.v, p->qemu_out, err, sizeof(err));
    strv_free(&cmd);
    if (pid < 0) {
        result_set(r, R_ERROR, "%s", err);
        return -1;
    }
    proc_track_child(pid);
    struct loop c = { .s = s, .p = p, .pid = pid, .q = { .fd = -1 },
                      .deadline = start + (cfg->attach ? LIVE_ATTACH_TIMEOUT_S : s->timeout),
                      .lv = lv, .rules = cfg->caps.profile->trace, .gdb = debug_wanted(s) || cfg->attach != NULL };
    if (debug_wanted(s))
        debug_init(&c.dbg, cfg, s, p, pid, &c.f);
    loop_run(&c);
    proc_untrack_child(pid);
    return 0;
}
