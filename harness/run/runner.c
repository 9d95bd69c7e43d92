/* One scenario as a table of steps; see run.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/judge/judge.h"
#include "harness/lib/disk.h"
#include "harness/run/debug.h"
#include "harness/lib/golden.h"
#include "harness/run/live.h"
#include "harness/vmm/sockets.h"

/* One run's state, handed from step to step. */
struct run {
    const struct config *cfg;
    const struct scenario *s;
    struct paths p;
    struct judge_job job;
    struct live lv;
    struct result *r;
};

int run_paths(const struct config *cfg, const struct scenario *s, struct paths *p, char *err, size_t errlen)
{
    return paths_init(p, cfg->build, cfg->expected, s->name, cfg->caps.profile->golden_set, err, errlen);
}

static int step_run_dir(struct run *c)
{
    char err[512];
    if (mkdir_p(c->p.dir, err, sizeof(err)) < 0) {
        result_set(c->r, R_ERROR, "%s", err);
        return -1;
    }
    return 0;
}

/* This QEMU has the scenario's trace events (in its profile's names) and
 * the devices named by -device in the scenario's extra arguments. */
static int step_setup(struct run *c)
{
    const struct config *cfg = c->cfg;
    const struct scenario *s = c->s;
    for (int i = 0; i < s->events.n; i++)
        if (!qemu_has_event(&cfg->caps, qemu_profile_event(cfg->caps.profile, s->events.v[i]))) {
            result_set(c->r, R_ERROR, "trace event '%s' is not in this QEMU (%s -trace help); fix the events line", s->events.v[i], cfg->qemu);
            return -1;
        }
    for (int i = 0; i + 1 < s->qemu.n; i++) {
        if (strcmp(s->qemu.v[i], "-device"))
            continue;
        char *name = xstrndup(s->qemu.v[i + 1], strcspn(s->qemu.v[i + 1], ","));
        int ok = qemu_has_device(&cfg->caps, name);
        if (!ok)
            result_set(c->r, R_ERROR, "QEMU lacks device '%s' (%s -device help); install a QEMU that has it or fix the scenario's qemu line", name, cfg->qemu);
        free(name);
        if (!ok)
            return -1;
    }
    return 0;
}

/* --debug runs a scenario that may have no goldens yet. */
static int step_goldens(struct run *c) { return c->cfg->attach ? 0 : judge_goldens_ready(&c->job, c->r); }

static int step_disk(struct run *c)
{
    char err[512];
    if (!c->s->has_disk)
        return 0;
    snprintf(err, sizeof(err), "%s/images", c->cfg->build);
    if (mkdir_p(err, err, sizeof(err)) < 0 ||
        disk_make_image(c->p.image, &c->s->disk, c->s->append, err, sizeof(err)) < 0) {
        result_set(c->r, R_ERROR, "%s", err);
        return -1;
    }
    return 0;
}

static int step_sockets(struct run *c)
{
    char err[512];
    if (sockets_make(&c->p, err, sizeof(err)) < 0) {
        result_set(c->r, R_ERROR, "%s", err);
        return -1;
    }
    return 0;
}

static void undo_sockets(struct run *c) { sockets_remove(&c->p); }

static int step_qemu(struct run *c) { return live_run(c->cfg, c->s, &c->p, &c->lv, c->r); }

static int step_judge(struct run *c)
{
    judge_outcome(&c->job, &c->lv, c->r);
    return 0;
}

/* In order. `run` returns 0 to go on, or -1 with the result set; `undo`
 * (optional) runs for every step that succeeded, in reverse order, once
 * the run stops. */
static const struct step {
    int (*run)(struct run *c);
    void (*undo)(struct run *c);
} steps[] = {
    { .run = step_run_dir },                        /* BUILD/runs/NAME/ */
    { .run = step_setup },                          /* QEMU has the events and devices */
    { .run = step_goldens },                        /* goldens present and well formed */
    { .run = step_disk },                           /* the disk image, when there is one */
    { .run = step_sockets, .undo = undo_sockets },  /* the private socket directory */
    { .run = step_qemu },                           /* QEMU runs; the live loop */
    { .run = step_judge },                          /* outcome, oracles, goldens */
};
#define NSTEPS ((int)(sizeof(steps) / sizeof(steps[0])))

/* For a QEMU without a golden set of its own: whose goldens these are, and
 * how to bless a set for this QEMU. */
static void golden_note(const struct config *cfg, const struct scenario *s, struct sbuf *note,
                        char *from, size_t fromlen)
{
    const struct qemu_caps *q = &cfg->caps;
    const char *set = q->profile->golden_set;
    char rec[512];
    golden_record_read(cfg->expected, set, rec, sizeof(rec));
    snprintf(from, fromlen, "QEMU %s", q->profile->name);
    sb_printf(note, "  the goldens are QEMU %s's set (%s/%s%s, blessed by %s): QEMU %s (%s) has no golden set of its own, "
              "and %s is the nearest version. To bless a set for it: add a row for %d.%d to `profiles` in "
              "harness/vmm/profile.c, then run `make bless QEMU=%s TESTFLAGS=%s`",
              q->profile->name, cfg->expected, set ? set : "", set ? "/" : "", rec[0] ? rec : "an unrecorded QEMU",
              q->version, cfg->qemu, q->profile->name, q->major, q->minor, cfg->qemu, s->name);
}

void run_scenario(const struct config *cfg, const struct scenario *s, struct result *r)
{
    struct run c = { .cfg = cfg, .s = s, .r = r };
    struct sbuf note = { 0 };
    char from[64];
    double t0 = now_s();
    char err[PATHS_MAX + 128];
    c.job = (struct judge_job){ .s = s, .p = &c.p, .rules = cfg->caps.profile->trace, .kernel = cfg->kernel, .bless = cfg->bless,
                                .compare = cfg->compare, .bless_cmd = cfg->bless_cmd };
    if (!cfg->caps.own_profile && !cfg->compare) {
        golden_note(cfg, s, &note, from, sizeof(from));
        c.job.golden_note = note.p;
        c.job.golden_from = from;
    }
    r->cls = R_PASS;
    int done = 0, placed = run_paths(cfg, s, &c.p, err, sizeof(err)) == 0;
    if (!placed)                            /* the command line checks them first */
        result_set(r, R_ERROR, "%s; use a shorter build or expected directory", err);
    while (placed && done < NSTEPS && steps[done].run(&c) == 0)
        done++;
    while (done-- > 0)
        if (steps[done].undo)
            steps[done].undo(&c);
    json_decref(c.lv.pci);
    debug_free_live(&c.lv);
    sb_free(&c.lv.problem);
    sb_free(&note);
    r->secs = now_s() - t0;
}
