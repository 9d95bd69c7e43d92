/* The result of one scenario: its class, a one-line reason and details.
 *
 * Result classes double as the harness exit statuses (the highest class
 * seen is the exit status; see harness/README.md). */
#ifndef HARNESS_LIB_RESULT_H
#define HARNESS_LIB_RESULT_H

#include "harness/lib/util.h"

enum rclass {
    R_PASS = 0,
    R_FAIL = 1,             /* golden or oracle mismatch */
    R_GUEST_FAIL = 3,       /* the kernel's own verdict: fail */
    R_CRASH = 4,            /* guest exception, triple fault/reset, QEMU killed by a signal */
    R_TIMEOUT = 5,
    R_ERROR = 6,            /* setup: QEMU, device, trace event, image, golden */
};

/* "PASS", "FAIL", ...; "?" for a value outside the enum. */
const char *rclass_name(enum rclass c);

struct result {
    enum rclass cls;
    struct sbuf reason;     /* one line */
    struct sbuf detail;     /* diff, register dump, last lines... */
    double secs;
};

/* Set the class and the one-line reason (printf-style) of a result. */
void result_set(struct result *r, enum rclass c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void result_free(struct result *r);

#endif
