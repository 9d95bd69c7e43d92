/* Following QEMU's growing -D log for the trace device's markers (READY,
 * ACK, VERDICT) while it runs. */
#ifndef HARNESS_VMM_LOGFOLLOW_H
#define HARNESS_VMM_LOGFOLLOW_H

#include <stdint.h>
#include "harness/lib/trace.h"
#include "harness/lib/util.h"

struct logfollow {
    const char *path;
    const struct trace_rules *rules;    /* the QEMU version's log format */
    int fd;
    struct sbuf part;       /* incomplete last line */
    uint64_t base;          /* trace device base */
    int ready;              /* READY markers seen */
    int acks;               /* ACK markers seen */
    unsigned last_ack;      /* argument of the last ACK */
    int verdict;            /* -1, else VERDICT argument */
    int ino;                /* inotify on the log's directory, or -1 */
};

/* `watch`: wake logfollow_wait as soon as the log grows (inotify), for runs
 * that answer each marker (typed keys); otherwise it just sleeps, which
 * leaves the CPU to QEMU while the log grows by thousands of lines. */
void logfollow_init(struct logfollow *f, const char *path, const struct trace_rules *rules,
                    uint64_t base, int watch);
/* Read what has been appended since the last call and update the marker
 * counters. */
void logfollow_poll(struct logfollow *f);
/* Sleep until the log's directory changes or `max_s` passes, whichever is
 * first (without inotify: `max_s`). Only a latency aid: callers still look. */
void logfollow_wait(struct logfollow *f, double max_s);
void logfollow_close(struct logfollow *f);

#endif
