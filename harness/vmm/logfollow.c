/* Log following; see logfollow.h. */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>
#include "abi/tracedev.h"
#include "harness/vmm/logfollow.h"

void logfollow_init(struct logfollow *f, const char *path, const struct trace_rules *rules,
                    uint64_t base, int watch)
{
    memset(f, 0, sizeof(*f));
    f->path = path;
    f->rules = rules;
    f->fd = -1;
    f->base = base;
    f->verdict = -1;
    f->ino = -1;
    if (!watch)
        return;
    /* Watch the directory: QEMU creates the log after we start. */
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = '\0';
    f->ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (f->ino >= 0 && inotify_add_watch(f->ino, slash ? dir : ".", IN_MODIFY | IN_CREATE) < 0) {
        close(f->ino);
        f->ino = -1;
    }
}

void logfollow_wait(struct logfollow *f, double max_s)
{
    if (f->ino < 0) {
        sleep_s(max_s);
        return;
    }
    struct pollfd p = { f->ino, POLLIN, 0 };
    int ms = (int)(max_s * 1000);
    if (poll(&p, 1, ms > 0 ? ms : 1) > 0) {
        char buf[4096];
        while (read(f->ino, buf, sizeof(buf)) > 0)
            ;                   /* drain: the events themselves say nothing more */
    }
}

static void on_line(struct logfollow *f, const char *l, size_t n)
{
    uint32_t w;
    if (!trace_line_marker(f->rules, l, n, f->base, &w) || TRACEDEV_MARK_MAGIC(w) != TRACEDEV_MAGIC)
        return;
    switch (TRACEDEV_MARK_KIND(w)) {
    case TRACE_KIND_READY: f->ready++; break;
    case TRACE_KIND_ACK: f->acks++; f->last_ack = TRACEDEV_MARK_ARG(w); break;
    case TRACE_KIND_VERDICT: f->verdict = (int)TRACEDEV_MARK_ARG(w); break;
    default: break;
    }
}

void logfollow_poll(struct logfollow *f)
{
    if (f->fd < 0 && (f->fd = open(f->path, O_RDONLY | O_CLOEXEC)) < 0)
        return;
    char buf[UTIL_IO_CHUNK];
    ssize_t got;
    while ((got = read(f->fd, buf, sizeof(buf))) > 0) {
        const char *p = buf, *end = buf + got;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            if (!nl) {
                sb_add(&f->part, p, (size_t)(end - p));
                break;
            }
            if (f->part.len) {
                sb_add(&f->part, p, (size_t)(nl - p));
                on_line(f, f->part.p, f->part.len);
                f->part.len = 0;
            } else {
                on_line(f, p, (size_t)(nl - p));
            }
            p = nl + 1;
        }
    }
}

void logfollow_close(struct logfollow *f)
{
    if (f->fd >= 0)
        close(f->fd);
    if (f->ino >= 0)
        close(f->ino);
    f->fd = f->ino = -1;
    sb_free(&f->part);
}
