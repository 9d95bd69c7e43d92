/* QEMU capability probes and their cache; see probe.h. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness/vmm/probe.h"
#include "harness/vmm/process.h"

#define PROBE_TIMEOUT_S 30.0
#define CACHE_FORMAT    3       /* bump when the cache file's layout changes */

/* One probe: `qemu WORDS...` with its output captured in a temporary file. */
struct capture {
    const char *words[5];   /* after the binary; NULL-terminated */
    char path[PROC_PATH_MAX];
    pid_t pid;
    int fatal;              /* timed out or interrupted: an error even for -version */
};

/* "-machine none -device help": the probe's words, for messages. */
static void capture_words(const struct capture *c, char *buf, size_t n)
{
    buf[0] = 0;
    for (int i = 0; c->words[i]; i++)
        snprintf(buf + strlen(buf), n - strlen(buf), "%s%s", i ? " " : "", c->words[i]);
}

/* Start the probe; 0, or -1 with err set. The child and its output file
 * are in the stop-signal handler's registry (process.h) until they are
 * gone, so that a signal leaves neither. */
static int capture_start(const char *qemu, const char *hint, struct capture *c, char *err, size_t errlen)
{
    c->pid = -1;
    if ((size_t)snprintf(c->path, sizeof(c->path), "%s/traceos-probe-XXXXXX", tmp_dir()) >= sizeof(c->path)) {
        snprintf(err, errlen, "TMPDIR is too long for a temporary file (%zu bytes); set a shorter TMPDIR", strlen(tmp_dir()));
        c->path[0] = 0;
        return -1;
    }
    sigset_t old;
    block_stop_signals(&old);
    int fd = mkstemp(c->path);
    if (fd < 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        snprintf(err, errlen, "cannot create a temporary file in %s: %s; set TMPDIR to a writable directory",
                 tmp_dir(), strerror(errno));
        c->path[0] = 0;
        return -1;
    }
    close(fd);
    proc_track_path(c->path);
    char *cmd[6] = { (char *)qemu };
    for (int i = 0; c->words[i]; i++)
        cmd[i + 1] = (char *)c->words[i];
    int e = 0;
    c->pid = qemu_spawn(cmd, c->path, err, errlen);
    if (c->pid > 0)
        proc_track_child(c->pid);
    else
        e = errno;
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (c->pid < 0 && e == ENOENT)
        snprintf(err, errlen, "QEMU binary '%s' not found; install Debian package qemu-system-x86 (make deps) or %s", qemu, hint);
    else if (c->pid < 0 && e == EACCES)
        snprintf(err, errlen, "QEMU binary '%s' cannot be run: %s; %s", qemu, strerror(e), hint);
    return c->pid > 0 ? 0 : -1;
}

/* Wait for a started probe and read its output; the file is removed. */
static int capture_finish(const char *qemu, const char *hint, struct capture *c, struct sbuf *out,
                          double deadline, char *err, size_t errlen)
{
    int status = 0, rc = -1;
    char words[128], opt[64];
    capture_words(c, words, sizeof(words));
    snprintf(opt, sizeof(opt), "%s", c->words[2] ? c->words[2] : c->words[0]);
    if (c->pid > 0 && !qemu_wait(c->pid, deadline, &status)) {
        qemu_kill(c->pid, &status);
        c->fatal = 1;
        if (proc_stop_requested())
            snprintf(err, errlen, "'%s %s' interrupted by signal %d", qemu, words, proc_stop_requested());
        else
            snprintf(err, errlen, "'%s %s' did not finish within %.0f s (PROBE_TIMEOUT_S) and was killed; run it by hand to see why QEMU hangs, or %s",
                     qemu, words, PROBE_TIMEOUT_S, hint);
    } else if (c->pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        rc = read_file(c->path, out, err, errlen);
        /* Every answer but -version's is a list of lines: one without its
         * final newline was cut (QEMU's stdout in a full TMPDIR loses the
         * rest without a word). */
        if (rc == 0 && c->words[2] && (out->len == 0 || out->p[out->len - 1] != '\n')) {
            snprintf(err, errlen, "'%s %s' is cut short (%zu bytes, no final newline); is TMPDIR (%s) full? Nothing was cached; free some space or set TMPDIR elsewhere",
                     qemu, words, out->len, tmp_dir());
            rc = -1;
        }
    } else if (c->pid > 0) {
        snprintf(err, errlen, "'%s %s%s' failed (status %d); check the QEMU installation", qemu, opt,
                 c->words[2] ? " help" : "", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    }
    if (c->path[0]) {
        unlink(c->path);
        proc_untrack_path(c->path);
    }
    return rc;
}

/* The probes, run at once: they are independent, and each costs a QEMU
 * start (~0.1 s), which is a third of a whole scenario's boot. */
enum { PROBE_DEVICES, PROBE_EVENTS, PROBE_VERSION, NPROBES };

static const struct capture probe_words[NPROBES] = {
    [PROBE_DEVICES] = { .words = { "-machine", "none", "-device", "help" } },
    [PROBE_EVENTS] = { .words = { "-machine", "none", "-trace", "help" } },
    [PROBE_VERSION] = { .words = { "-version" } },
};

/* Run the probes whose bit is in `which`, at once; out[PROBE_*]: the
 * outputs. The version probe is best effort (its output stays empty when
 * it fails); the first failing other one sets err. */
static int probe_run(const char *qemu, const char *hint, unsigned which, struct sbuf out[NPROBES],
                     double deadline, char *err, size_t errlen)
{
    struct capture c[NPROBES];
    char errs[NPROBES][512];
    int bad[NPROBES] = { 0 };
    for (int i = 0; i < NPROBES; i++) {
        c[i] = probe_words[i];
        errs[i][0] = 0;
        c[i].pid = -1;
        c[i].path[0] = 0;
        if (which & 1u << i)
            bad[i] = capture_start(qemu, hint, &c[i], errs[i], sizeof(errs[i])) < 0;
    }
    for (int i = 0; i < NPROBES; i++) {
        if (!(which & 1u << i))
            continue;
        bad[i] = capture_finish(qemu, hint, &c[i], &out[i], deadline, errs[i], sizeof(errs[i])) < 0 || bad[i];
        if (c[i].pid > 0)
            proc_untrack_child(c[i].pid);
        if (bad[i] && i == PROBE_VERSION)
            out[i].len = 0;
    }
    for (int i = 0; i < NPROBES; i++)
        if (bad[i] && (i != PROBE_VERSION || c[i].fatal || c[i].pid < 0)) {
            snprintf(err, errlen, "%s", errs[i]);
            return -1;
        }
    return 0;
}

/* The cache key of a QEMU binary: its resolved path, size and mtime, so a
 * new QEMU is probed again. 0, or -1 when the binary cannot be found (then
 * the probe itself reports it). */
static int probe_key(const char *qemu, const char *version_line, struct sbuf *key)
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
    sb_printf(key, "traceos-probe %d %s %lld %lld.%09ld\n%s\n", CACHE_FORMAT, path, (long long)st.st_size,
              (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec, version_line);
    return 0;
}

static const char *const cache_labels[NPROBES] = {
    [PROBE_DEVICES] = "devices", [PROBE_EVENTS] = "events", [PROBE_VERSION] = "version",
};

/* Cache file: the key line, then per probe "LABEL N\n" and N bytes, in
 * enum order, to the end of the file. */
static int probe_cache_read(const char *file, const struct sbuf *key, struct sbuf out[NPROBES])
{
    struct sbuf c = { 0 };
    char err[256], want[32];
    int ok = 0;
    if (read_file(file, &c, err, sizeof(err)) == 0 && c.len > key->len &&
        !memcmp(c.p, key->p, key->len)) {
        const char *p = c.p + key->len, *end = c.p + c.len;
        ok = 1;
        for (int i = 0; i < NPROBES && ok; i++) {
            size_t n;
            int used = 0;
            snprintf(want, sizeof(want), "%s %%zu\n%%n", cache_labels[i]);
            ok = p < end && sscanf(p, want, &n, &used) == 1 && used > 0 &&
                 n <= (size_t)(end - p - used);
            if (ok) {
                sb_add(&out[i], p + used, n);
                p += used + n;
            }
        }
        ok = ok && p == end;
    }
    sb_free(&c);
    if (!ok)
        for (int i = 0; i < NPROBES; i++)
            out[i].len = 0;
    return ok ? 0 : -1;
}

static void probe_cache_write(const char *file, const struct sbuf *key, const struct sbuf out[NPROBES])
{
    struct sbuf c = { 0 };
    char err[256];
    sb_add(&c, key->p, key->len);
    for (int i = 0; i < NPROBES; i++) {
        sb_printf(&c, "%s %zu\n", cache_labels[i], out[i].len);
        sb_add(&c, out[i].p ? out[i].p : "", out[i].len);
    }
    write_file(file, c.p, c.len, err, sizeof(err));     /* a cache: failing to write is harmless */
    sb_free(&c);
}

/* From "QEMU emulator version 7.2.22 (Debian ...)\n...": 7, 2, "7.2.22"
 * and the first line; else 0, 0, "unknown" and "". */
static void parse_version(const struct sbuf *out, struct qemu_caps *caps)
{
    const char *p = out->p ? out->p : "";
    snprintf(caps->version_line, sizeof(caps->version_line), "%.*s", (int)strcspn(p, "\r\n"), p);
    const char *v = strstr(caps->version_line, "version ");
    int used = 0;
    caps->major = caps->minor = 0;
    snprintf(caps->version, sizeof(caps->version), "unknown");
    if (v && sscanf(v, "version %d.%d%n", &caps->major, &caps->minor, &used) == 2 && caps->major > 0)
        snprintf(caps->version, sizeof(caps->version), "%.*s", (int)strcspn(v + 8, " \t"), v + 8);
    else
        caps->major = caps->minor = 0;
}

/* Answers worth caching: each holds an entry every QEMU the harness can
 * use has (its fixed devices, the marker event), so that an answer that
 * was cut or garbled is asked again next time instead of poisoning every
 * later run. The run itself still reports what is missing. */
static int probe_sane(const struct sbuf out[NPROBES], const struct qemu_profile *prof)
{
    char ev[128];
    snprintf(ev, sizeof(ev), "\n%s\n", prof->trace->write_event.s);
    const char *d = sb_str((struct sbuf *)&out[PROBE_DEVICES]), *e = sb_str((struct sbuf *)&out[PROBE_EVENTS]);
    return strstr(d, "name \"isa-debug-exit\"") && strstr(d, "name \"pc-testdev\"") &&
           (strstr(e, ev) || !strncmp(e, ev + 1, strlen(ev) - 1));
}

int qemu_probe(const char *qemu, const char *cache_file, const char *choose_hint,
               struct qemu_caps *caps, char *err, size_t errlen)
{
    struct sbuf key = { 0 }, out[NPROBES] = { { 0 } };
    const unsigned version = 1u << PROBE_VERSION, others = 1u << PROBE_DEVICES | 1u << PROBE_EVENTS;
    memset(caps, 0, sizeof(*caps));
    /* The version first when there is a cache: it is part of the key. */
    /* One deadline for every probe of this QEMU: a hanging one costs
     * PROBE_TIMEOUT_S in all, as its message says. */
    double deadline = now_s() + PROBE_TIMEOUT_S;
    int vrc = cache_file ? probe_run(qemu, choose_hint, version, out, deadline, err, errlen) : 1;
    if (vrc < 0) {                  /* not found, hung or interrupted: no other probe would do better */
        sb_free(&out[PROBE_VERSION]);
        return -1;
    }
    int keyed = vrc == 0;
    struct sbuf ver = out[PROBE_VERSION];
    out[PROBE_VERSION] = (struct sbuf){ 0 };
    parse_version(&ver, caps);
    keyed = keyed && probe_key(qemu, caps->version_line, &key) == 0;
    int rc = 0, fresh = 0;
    if (!keyed || probe_cache_read(cache_file, &key, out) < 0) {
        rc = probe_run(qemu, choose_hint, keyed ? others : others | version, out, deadline, err, errlen);
        if (keyed) {
            sb_free(&out[PROBE_VERSION]);
            out[PROBE_VERSION] = ver;           /* the cache keeps the version probed now */
            ver = (struct sbuf){ 0 };
        }
        fresh = rc == 0 && keyed;
    }
    if (rc == 0)
        parse_version(&out[PROBE_VERSION], caps);
    if (fresh && probe_sane(out, qemu_profile_for(caps->major, caps->minor)))
        probe_cache_write(cache_file, &key, out);
    sb_free(&key);
    sb_free(&ver);
    sb_free(&out[PROBE_VERSION]);
    if (rc < 0) {
        sb_free(&out[PROBE_DEVICES]);
        sb_free(&out[PROBE_EVENTS]);
        return -1;
    }
    caps->devices = out[PROBE_DEVICES];
    caps->profile = qemu_profile_for(caps->major, caps->minor);
    caps->own_profile = qemu_profile_is_own(caps->profile, caps->major, caps->minor);
    struct sbuf *ev = &out[PROBE_EVENTS];
    if (!ev->p)
        sb_add(ev, "", 0);
    char *save = NULL;
    for (char *l = strtok_r(ev->p, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
        if (*l && !strchr(l, ' '))
            strv_push(&caps->events, l);
    sb_free(ev);
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
