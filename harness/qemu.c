/* QEMU process control and log following. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "abi/tracedev.h"
#include "qemu.h"
#include "trace.h"

#define PROBE_TIMEOUT_S 30.0

/* `qemu -machine none OPT help` with its output captured in a temporary file. */
struct capture {
    const char *opt;
    char path[4096];
    pid_t pid;
};

/* Start the probe; 0, or -1 with err set. */
static int capture_start(const char *qemu, struct capture *c, char *err, size_t errlen)
{
    snprintf(c->path, sizeof(c->path), "%s/traceos-probe-XXXXXX", tmp_dir());
    int fd = mkstemp(c->path);
    c->pid = -1;
    if (fd < 0) {
        snprintf(err, errlen, "cannot create a temporary file in %s: %s; set TMPDIR to a writable directory",
                 tmp_dir(), strerror(errno));
        c->path[0] = 0;
        return -1;
    }
    close(fd);
    char *argv[] = { (char *)qemu, "-machine", "none", (char *)c->opt, "help", NULL };
    c->pid = qemu_spawn(argv, c->path, err, errlen);
    return c->pid > 0 ? 0 : -1;
}

/* Wait for a started probe and read its output; the file is removed. */
static int capture_finish(const char *qemu, struct capture *c, struct sbuf *out, char *err, size_t errlen)
{
    int status = 0, rc = -1;
    const char *opt = c->opt;
    if (c->pid > 0 && !qemu_wait(c->pid, now_s() + PROBE_TIMEOUT_S, &status)) {
        qemu_kill(c->pid, &status);
        snprintf(err, errlen, "'%s -machine none %s help' did not finish within %.0f s and was killed; run it by hand to see why QEMU hangs, or pass --qemu PATH",
                 qemu, opt, PROBE_TIMEOUT_S);
    } else if (c->pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 127)
        snprintf(err, errlen, "QEMU binary '%s' not found; install Debian package qemu-system-x86 (make deps) or pass --qemu PATH", qemu);
    else if (c->pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
        rc = read_file(c->path, out, err, errlen);
    else if (c->pid > 0)
        snprintf(err, errlen, "'%s %s help' failed (status %d); check the QEMU installation", qemu, opt,
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    if (c->path[0])
        unlink(c->path);
    return rc;
}

/* Both probes run at once: they are independent, and each costs a QEMU
 * start (~0.1 s), which is a third of a whole scenario's boot. */
static int probe_run(const char *qemu, struct sbuf *devices, struct sbuf *events,
                     char *err, size_t errlen)
{
    struct capture dev = { .opt = "-device" }, tr = { .opt = "-trace" };
    char err2[512] = "";
    int r1 = capture_start(qemu, &dev, err, errlen);
    int r2 = capture_start(qemu, &tr, err2, sizeof(err2));
    r1 = capture_finish(qemu, &dev, devices, err, errlen) < 0 || r1 < 0;
    r2 = capture_finish(qemu, &tr, events, err2, sizeof(err2)) < 0 || r2 < 0;
    if (r1 || r2) {
        if (!r1)
            snprintf(err, errlen, "%s", err2);
        return -1;
    }
    return 0;
}

/* The cache key of a QEMU binary: its resolved path, size and mtime, so a
 * new QEMU is probed again. 0, or -1 when the binary cannot be found (then
 * the probe itself reports it). */
static int probe_key(const char *qemu, struct sbuf *key)
{
    char path[4096];
    struct stat st;
    if (strchr(qemu, '/')) {
        snprintf(path, sizeof(path), "%s", qemu);
        if (stat(path, &st) != 0)
            return -1;
    } else {
        const char *dirs = getenv("PATH");
        int found = 0;
        for (const char *d = dirs ? dirs : ""; *d && !found;) {
            size_t n = strcspn(d, ":");
            snprintf(path, sizeof(path), "%.*s/%s", (int)n, d, qemu);
            found = stat(path, &st) == 0 && S_ISREG(st.st_mode);
            d += n + (d[n] == ':');
        }
        if (!found)
            return -1;
    }
    sb_printf(key, "traceos-probe 1 %s %lld %lld.%09ld\n", path, (long long)st.st_size,
              (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    return 0;
}

/* Cache file: the key line, "devices N\n" and N bytes, "events N\n" and N bytes. */
static int probe_cache_read(const char *file, const struct sbuf *key, struct sbuf *devices,
                            struct sbuf *events)
{
    struct sbuf c = { 0 };
    char err[256];
    int ok = 0;
    if (read_file(file, &c, err, sizeof(err)) == 0 && c.len > key->len &&
        !memcmp(c.p, key->p, key->len)) {
        const char *p = c.p + key->len, *end = c.p + c.len;
        size_t nd, ne;
        int used;
        if (sscanf(p, "devices %zu\n%n", &nd, &used) == 1 && nd <= (size_t)(end - p - used)) {
            p += used;
            sb_add(devices, p, nd);
            p += nd;
            if (p < end && sscanf(p, "events %zu\n%n", &ne, &used) == 1 &&
                ne == (size_t)(end - p - used)) {
                sb_add(events, p + used, ne);
                ok = 1;
            }
        }
    }
    sb_free(&c);
    if (!ok)
        devices->len = events->len = 0;
    return ok ? 0 : -1;
}

static void probe_cache_write(const char *file, const struct sbuf *key, const struct sbuf *devices,
                              const struct sbuf *events)
{
    struct sbuf c = { 0 };
    char err[256];
    sb_add(&c, key->p, key->len);
    sb_printf(&c, "devices %zu\n", devices->len);
    sb_add(&c, devices->p ? devices->p : "", devices->len);
    sb_printf(&c, "events %zu\n", events->len);
    sb_add(&c, events->p ? events->p : "", events->len);
    write_file(file, c.p, c.len, err, sizeof(err));     /* a cache: failing to write is harmless */
    sb_free(&c);
}

int qemu_probe(const char *qemu, const char *cache_file, struct qemu_caps *caps,
               char *err, size_t errlen)
{
    struct sbuf key = { 0 }, ev = { 0 };
    memset(caps, 0, sizeof(*caps));
    int keyed = cache_file && probe_key(qemu, &key) == 0;
    if (!keyed || probe_cache_read(cache_file, &key, &caps->devices, &ev) < 0) {
        if (probe_run(qemu, &caps->devices, &ev, err, errlen) < 0) {
            sb_free(&key);
            sb_free(&ev);
            return -1;
        }
        if (keyed)
            probe_cache_write(cache_file, &key, &caps->devices, &ev);
    }
    sb_free(&key);
    if (!ev.p)
        sb_add(&ev, "", 0);
    char *save = NULL;
    for (char *l = strtok_r(ev.p, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
        if (*l && !strchr(l, ' '))
            strv_push(&caps->events, l);
    sb_free(&ev);
    return 0;
}

int qemu_has_device(const struct qemu_caps *caps, const char *name)
{
    char want[256];
    snprintf(want, sizeof(want), "name \"%s\"", name);
    return strstr(sb_str((struct sbuf *)&caps->devices), want) != NULL;
}

int qemu_has_event(const struct qemu_caps *caps, const char *glob)
{
    for (int i = 0; i < caps->events.n; i++)
        if (glob_match(glob, caps->events.v[i], strlen(caps->events.v[i])))
            return 1;
    return 0;
}

pid_t qemu_spawn(char *const argv[], const char *out_path, char *err, size_t errlen)
{
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, errlen, "fork failed: %s", strerror(errno));
        return -1;
    }
    if (pid > 0) {
        setpgid(pid, pid);      /* also in the child: whichever runs first */
        return pid;
    }
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(126);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    int in = open("/dev/null", O_RDONLY);
    int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0)
        _exit(126);
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    execvp(argv[0], argv);
    _exit(127);
}

int qemu_reaped(pid_t pid, int *status)
{
    pid_t r;
    do
        r = waitpid(pid, status, WNOHANG);
    while (r < 0 && errno == EINTR);
    return r == pid;
}

int qemu_wait(pid_t pid, double deadline, int *status)
{
    while (!qemu_reaped(pid, status)) {
        if (now_s() >= deadline)
            return 0;
        sleep_s(0.002);
    }
    return 1;
}

int qemu_exited(pid_t pid)
{
    siginfo_t si;
    memset(&si, 0, sizeof(si));
    return waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == pid;
}

int qemu_kill(pid_t pid, int *status)
{
    if (qemu_reaped(pid, status))
        return 0;
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
    while (waitpid(pid, status, 0) < 0 && errno == EINTR)
        ;
    return 1;
}

void logfollow_init(struct logfollow *f, const char *path, uint64_t base, int watch)
{
    memset(f, 0, sizeof(*f));
    f->path = path;
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
    if (!trace_line_marker(l, n, f->base, &w) || TRACEDEV_MARK_MAGIC(w) != TRACEDEV_MAGIC)
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
    char buf[65536];
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
