/* QEMU processes: capability probes (-device help, -trace help), spawning
 * with a death signal tied to the harness, bounded waits, killing, and
 * following the growing -D log for trace-device markers. */
#ifndef QEMU_H
#define QEMU_H

#include <stdint.h>
#include <sys/types.h>
#include "util.h"

struct qemu_caps {
    struct sbuf devices;    /* output of `QEMU -device help` */
    struct strv events;     /* names from `QEMU -trace help` */
};

/* Learn the devices and trace events of `qemu` (-device help, -trace help).
 * The answers are kept in `cache_file` (NULL: no cache), keyed by the
 * binary's path, size and mtime, so each QEMU build is probed once.
 * 0, or -1 with err naming the binary and the fix. */
int qemu_probe(const char *qemu, const char *cache_file, struct qemu_caps *caps,
               char *err, size_t errlen);
int qemu_has_device(const struct qemu_caps *caps, const char *name);
/* Does any trace event of this QEMU match `glob`? */
int qemu_has_event(const struct qemu_caps *caps, const char *glob);

/* Start argv[0] with stdin from /dev/null and stdout+stderr to `out_path`,
 * in its own process group, killed by SIGKILL when the harness dies.
 * Returns the pid, or -1 with err. */
pid_t qemu_spawn(char *const argv[], const char *out_path, char *err, size_t errlen);

/* Non-blocking reap: 1 and *status (waitpid status) when it has ended. */
int qemu_reaped(pid_t pid, int *status);
/* Wait until it ends or `deadline`; 1 ended, 0 still running. */
int qemu_wait(pid_t pid, double deadline, int *status);
/* Has it ended? Does not reap it: qemu_reaped still gets its status. */
int qemu_exited(pid_t pid);
/* Unless it has ended already, SIGKILL its process group; reap it either
 * way, with its waitpid status in *status. 1 when it had to be killed, 0
 * when it had ended by itself. */
int qemu_kill(pid_t pid, int *status);

/* Follows a growing log file line by line. */
struct logfollow {
    const char *path;
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
void logfollow_init(struct logfollow *f, const char *path, uint64_t base, int watch);
/* Read what has been appended since the last call and update the marker
 * counters. */
void logfollow_poll(struct logfollow *f);
/* Sleep until the log's directory changes or `max_s` passes, whichever is
 * first (without inotify: `max_s`). Only a latency aid: callers still look. */
void logfollow_wait(struct logfollow *f, double max_s);
void logfollow_close(struct logfollow *f);

#endif
