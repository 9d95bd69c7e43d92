/* The worker pool: each selected scenario runs in a forked worker, at most
 * `jobs` at once, and the reports are printed in scenario order. A worker's
 * QEMU dies with it (death signal); on SIGINT/SIGTERM the parent passes
 * SIGTERM on to the workers, which kill their QEMU and remove their
 * temporary files (harness/vmm/process.h) before it returns. */
#ifndef HARNESS_RUN_POOL_H
#define HARNESS_RUN_POOL_H

#include "harness/lib/scenario.h"
#include "harness/run/run.h"

#define POOL_MAX_JOBS 64

/* From here on SIGINT and SIGTERM stop the pool instead of the process;
 * call before any slow preparation (the probe) that a signal should end. */
void pool_catch_stop_signals(void);
/* The stop signal received, or 0. */
int pool_stop_signal(void);

/* Run set->v[sel[i]] for i < n, each `repeat` times; classes[i] is its
 * class, -1 when its worker died. Stops starting workers on a stop signal
 * (then waits for the running ones). */
void pool_run(const struct config *cfg, const struct scenario_set *set, const int *sel, int n,
              int jobs, int repeat, int *classes);

#endif
