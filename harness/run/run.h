/* Running one scenario: the runner's steps (runner.c), the live loop that
 * answers the guest while QEMU runs (live.c), and repeated runs (repeat.c).
 * The judge (harness/judge/judge.h) decides the result; the runner only
 * calls it. */
#ifndef HARNESS_RUN_RUN_H
#define HARNESS_RUN_RUN_H

#include "harness/lib/paths.h"
#include "harness/lib/result.h"
#include "harness/lib/scenario.h"
#include "harness/vmm/probe.h"

/* What every run of this harness process shares. */
struct config {
    const char *qemu, *kernel, *expected, *build;
    int bless;
    int compare;            /* --compare-qemu: judge outcome and oracles, no goldens */
    /* How a person blesses one scenario with these options: the command up
     * to the scenario's name ("make bless TESTFLAGS="); NULL: `make bless`. */
    const char *bless_cmd;
    struct qemu_caps caps;  /* probed once; caps.profile picks the goldens and log rules */
    /* --debug: QEMU starts paused with its gdb stub for a person's gdb (not
     * the harness's), without the scenario's timeout; called with the run's
     * paths just before QEMU starts, to say how to attach. NULL: a test run. */
    void (*attach)(const struct config *cfg, const struct scenario *s, const struct paths *p);
};

/* Run s once and set r (class, reason, details, time). */
void run_scenario(const struct config *cfg, const struct scenario *s, struct result *r);
/* Run it n times; FAIL with the diff when a run's normalized trace or
 * serial differs from the first run's. */
void run_repeated(const struct config *cfg, const struct scenario *s, int n, struct result *r);
/* The files of a run of s, its goldens those of the QEMU's profile. 0, or
 * PATHS_LONG_* with err naming a path that does not fit (paths_init). */
int run_paths(const struct config *cfg, const struct scenario *s, struct paths *p, char *err, size_t errlen);

#endif
