/* Running one scenario: QEMU command line, the live loop (keys, query-pci),
 * classification against `expect`, oracles, goldens and bless.
 *
 * Result classes double as the harness exit statuses (see main.c). */
#ifndef RUN_H
#define RUN_H

#include <jansson.h>
#include <sys/types.h>
#include "qemu.h"
#include "scenario.h"
#include "util.h"

enum rclass {
    R_PASS = 0,
    R_FAIL = 1,             /* golden or oracle mismatch */
    R_GUEST_FAIL = 3,       /* the kernel's own verdict: fail */
    R_CRASH = 4,            /* guest exception, triple fault/reset, QEMU killed by a signal */
    R_TIMEOUT = 5,
    R_ERROR = 6,            /* setup: QEMU, device, trace event, image, golden */
};

const char *rclass_name(enum rclass c);

struct config {
    const char *qemu, *kernel, *expected, *build;
    int bless;
    struct qemu_caps caps;
};

struct result {
    enum rclass cls;
    struct sbuf reason;     /* one line */
    struct sbuf detail;     /* diff, register dump, last lines... */
    double secs;
};


/* Set the class and the one-line reason (printf-style) of a result. */
void result_set(struct result *r, enum rclass c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Files of one run. */
struct paths {
    char dir[1024], trace[1100], serial[1100], qemu_out[1100];
    char actual_trace[1100], actual_serial[1100];
    char golden_trace[1100], golden_serial[1100];
    char image[1100], tmpdir[96], sock[108];     /* sock: sun_path size */
};

/* What happened while QEMU ran (run.c). */
struct live {
    pid_t pid;
    int status;             /* waitpid status */
    int killed;             /* the harness killed it (timeout, QMP problem): its status is no outcome */
    int timed_out, quit_sent;
    int keys_sent;
    int ready, acks, verdict;
    json_t *pci;            /* query-pci answer, or NULL */
    struct sbuf problem;    /* harness-side interaction failure (QMP ...) */
};

/* The worker's QEMU and temp dir, for its signal handler (main.c). */
extern volatile pid_t run_current_qemu;
extern char run_current_tmpdir[96];
extern char run_current_sock[108];

void run_scenario(const struct config *cfg, const struct scenario *s, struct result *r);
/* repeat.c: run it n times; FAIL with the diff when a run's normalized
 * trace or serial differs from the first run's. */
void run_repeated(const struct config *cfg, const struct scenario *s, int n, struct result *r);
void result_free(struct result *r);

/* run.c internals shared with check.c */
void run_paths(const struct config *cfg, const struct scenario *s, struct paths *p);
int run_qemu(const struct config *cfg, const struct scenario *s, const struct paths *p,
             struct live *lv, struct result *r);
void check_outcome(const struct config *cfg, const struct scenario *s, const struct paths *p,
                   struct live *lv, struct result *r);

#endif
