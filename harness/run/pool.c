/* Worker processes; see pool.h. */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness/run/pool.h"
#include "harness/run/results.h"
#include "harness/vmm/process.h"

#define NOT_FINISHED (-2)

static pid_t workers[POOL_MAX_JOBS];
static int nworkers_max;
static volatile sig_atomic_t got_signal;
static pid_t harness_pid;

static void parent_on_signal(int sig)
{
    got_signal = sig;
    proc_request_stop(sig);     /* a probe being waited for ends at once */
    for (int i = 0; i < nworkers_max; i++)
        if (workers[i] > 0)
            kill(workers[i], SIGTERM);
}

void pool_catch_stop_signals(void)
{
    struct sigaction sa = { .sa_handler = parent_on_signal };
    for (int i = 0; i < NSTOP_SIGNALS; i++)     /* SIGPIPE too: stdout closed under us */
        sigaction(stop_signals[i], &sa, NULL);
    harness_pid = getpid();
}

int pool_stop_signal(void) { return got_signal; }

static void worker(const struct config *cfg, const struct scenario *s, int repeat, const sigset_t *mask)
{
    proc_cleanup_on_stop_signals();
    prctl(PR_SET_PDEATHSIG, SIGTERM);   /* harness killed outright: clean up too */
    if (getppid() != harness_pid || got_signal)
        proc_cleanup_exit(SIGTERM);
    sigprocmask(SIG_SETMASK, mask, NULL);
    struct result r = { 0 };
    char err[512] = "";
    if (repeat > 1)
        run_repeated(cfg, s, repeat, &r);
    else
        run_scenario(cfg, s, &r);
    if (results_write(cfg, s, &r, err, sizeof(err)) < 0) {
        fprintf(stderr, "traceos-test: %s\n", err);
        _exit(R_ERROR);
    }
    _exit(r.cls);
}

/* A worker could not be started: its report says why. */
static void fork_failed(const struct config *cfg, const struct scenario *s, int e)
{
    struct result r = { 0 };
    char err[512] = "";
    result_set(&r, R_ERROR, "cannot start a worker process: fork: %s; close other programs or lower -j", strerror(e));
    if (results_write(cfg, s, &r, err, sizeof(err)) < 0)
        fprintf(stderr, "traceos-test: %s\n", err);
    result_free(&r);
}

/* Start the worker for sc; its pid, or -1 after fork_failed. */
static pid_t start_worker(const struct config *cfg, const struct scenario *sc, int jobs, int repeat)
{
    results_remove(cfg, sc);
    sigset_t old;
    block_stop_signals(&old);   /* until the worker has its handlers and is in workers[] */
    pid_t pid = fork();
    if (pid == 0)
        worker(cfg, sc, repeat, &old);
    int fork_errno = errno;
    if (pid > 0)
        for (int w = 0; w < jobs; w++)
            if (workers[w] <= 0) {
                workers[w] = pid;
                break;
            }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (pid < 0)
        fork_failed(cfg, sc, fork_errno);
    return pid;
}

/* The class a worker's exit status reports, -1 when it died otherwise. */
static int class_of(int status)
{
    return WIFEXITED(status) && WEXITSTATUS(status) <= R_ERROR ? WEXITSTATUS(status) : -1;
}

/* The order to start sel[0..n) in: longest last run first (a scenario never
 * run counts as longest), so that the long ones do not end the suite alone.
 * Ties keep the selection's order. Reports still print in that order. */
struct start {
    int i;
    double secs;
};

static int by_secs(const void *a, const void *b)
{
    const struct start *x = a, *y = b;
    return x->secs > y->secs ? -1 : x->secs < y->secs ? 1 : x->i - y->i;
}

static int *start_order(const struct config *cfg, const struct scenario_set *set, const int *sel, int n)
{
    struct start *st = xmalloc(sizeof(*st) * (size_t)(n + 1));
    int *ord = xmalloc(sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        double secs = results_last_secs(cfg, &set->v[sel[i]]);
        st[i] = (struct start){ .i = i, .secs = secs < 0 ? HUGE_VAL : secs };
    }
    qsort(st, (size_t)n, sizeof(*st), by_secs);
    for (int i = 0; i < n; i++)
        ord[i] = st[i].i;
    free(st);
    return ord;
}

void pool_run(const struct config *cfg, const struct scenario_set *set, const int *sel, int n,
              int jobs, int repeat, int *classes)
{
    int next = 0, printed = 0, running = 0;
    pid_t *pids = xmalloc(sizeof(pid_t) * (size_t)(n + 1));
    int *ord = start_order(cfg, set, sel, n);
    nworkers_max = jobs;
    for (int i = 0; i < n; i++)
        classes[i] = NOT_FINISHED, pids[i] = 0;
    while (printed < n && !got_signal) {
        while (running < jobs && next < n && !got_signal) {
            int k = ord[next++];
            pid_t pid = start_worker(cfg, &set->v[sel[k]], jobs, repeat);
            if (pid < 0) {
                classes[k] = R_ERROR;
                continue;
            }
            pids[k] = pid;
            running++;
        }
        int status;
        pid_t done = running ? waitpid(-1, &status, 0) : -1;
        if (done > 0) {
            for (int w = 0; w < jobs; w++)
                if (workers[w] == done)
                    workers[w] = 0;
            for (int i = 0; i < n; i++)
                if (classes[i] == NOT_FINISHED && pids[i] == done)
                    classes[i] = class_of(status);
            running--;
        }
        while (printed < n && classes[printed] != NOT_FINISHED) {
            results_print(cfg, &set->v[sel[printed]], classes[printed] >= 0);
            printed++;
        }
    }
    while (running > 0) {                       /* interrupted: reap the workers */
        int status;
        if (waitpid(-1, &status, 0) > 0 || errno == ECHILD)
            running--;
    }
    free(pids);
    free(ord);
}
