/* Helpers: buffers, string lists, word splitting, file I/O, clocks. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "harness/lib/result.h"
#include "harness/lib/util.h"

static void oom(void)
{
    fputs("traceos-test: out of memory\n", stderr);
    _exit(R_ERROR);            /* a setup problem of the harness itself */
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        oom();
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

void sb_reserve(struct sbuf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

void sb_add(struct sbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

void sb_puts(struct sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

void sb_addc(struct sbuf *b, char c) { sb_add(b, &c, 1); }

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    sb_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void sb_free(struct sbuf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

const char *sb_str(struct sbuf *b) { return b->p ? b->p : ""; }

void strv_pushn(struct strv *s, const char *str, size_t n)
{
    if (s->n + 2 > s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->v = xrealloc(s->v, (size_t)s->cap * sizeof(char *));
    }
    s->v[s->n++] = xstrndup(str, n);
    s->v[s->n] = NULL;
}

void strv_push(struct strv *s, const char *str) { strv_pushn(s, str, strlen(str)); }

void strv_free(struct strv *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    s->v = NULL;
    s->n = s->cap = 0;
}

int split_words(const char *s, struct strv *out, char *err, size_t errlen)
{
    struct sbuf w = { 0 };
    int in_word = 0;
    for (const char *p = s; *p; p++) {
        if (*p == ' ' || *p == '\t') {
            if (in_word)
                strv_pushn(out, sb_str(&w), w.len);
            w.len = 0;
            in_word = 0;
            continue;
        }
        in_word = 1;
        if (*p == '\\' && p[1]) {
            sb_addc(&w, *++p);
        } else if (*p == '\'' || *p == '"') {
            char q = *p;
            const char *end = strchr(p + 1, q);
            if (!end) {
                snprintf(err, errlen, "unterminated %c quote; close it", q);
                sb_free(&w);
                return -1;
            }
            sb_add(&w, p + 1, (size_t)(end - p - 1));
            p = end;
        } else {
            sb_addc(&w, *p);
        }
    }
    if (in_word)
        strv_pushn(out, sb_str(&w), w.len);
    sb_free(&w);
    return 0;
}

int read_file(const char *path, struct sbuf *out, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
        return -1;
    }
    /* One allocation of the file's size when it is known (a 64 MiB log
     * would otherwise end in a 128 MiB buffer), read into in place. */
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        sb_reserve(out, (size_t)st.st_size);
    size_t n;
    do {
        sb_reserve(out, UTIL_IO_CHUNK);
        n = fread(out->p + out->len, 1, out->cap - out->len - 1, f);
        out->len += n;
        out->p[out->len] = 0;
    } while (n > 0);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        snprintf(err, errlen, "%s: read error", path);
        return -1;
    }
    if (!out->p)
        sb_add(out, "", 0);
    return 0;
}

static int write_file_unlocked(const char *path, const char *buf, size_t len, char *err, size_t errlen);

const int stop_signals[NSTOP_SIGNALS] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE };

void block_stop_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (int i = 0; i < NSTOP_SIGNALS; i++)
        sigaddset(&set, stop_signals[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

int write_file(const char *path, const char *buf, size_t len, char *err, size_t errlen)
{
    sigset_t old;
    block_stop_signals(&old);
    int rc = write_file_unlocked(path, buf, len, err, errlen);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return rc;
}

const char *tmp_dir(void)
{
    const char *t = getenv("TMPDIR");
    return t && *t ? t : "/tmp";
}

static int write_file_unlocked(const char *path, const char *buf, size_t len, char *err, size_t errlen)
{
    size_t n = strlen(path) + 16;
    char *tmp = xmalloc(n);
    snprintf(tmp, n, "%s.tmp%d", path, (int)getpid());
    FILE *f = fopen(tmp, "wb");
    int e = f ? 0 : errno, bad = !f;
    if (f) {
        errno = 0;
        bad = fwrite(buf, 1, len, f) != len;
        e = bad ? errno : 0;
        if (fclose(f) != 0 && !bad)         /* always closed; a late error counts too */
            bad = 1, e = errno;
    }
    if (bad) {
        snprintf(err, errlen, "%s: cannot write: %s", path, e ? strerror(e) : "short write");
        unlink(tmp);
        free(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        snprintf(err, errlen, "%s: cannot rename into place: %s", path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

/* One temporary file per target, "PATH.tmpPID", written and fsynced; -1
 * with err naming the target when it cannot be. */
static int write_temp(const char *path, const char *tmp, const char *buf, size_t len,
                      char *err, size_t errlen)
{
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int e = fd < 0 ? errno : 0;
    for (size_t done = 0; !e && done < len;) {
        ssize_t w = write(fd, buf + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        e = w < 0 ? errno : w == 0 ? EIO : 0;
        done += w > 0 ? (size_t)w : 0;
    }
    if (!e && fsync(fd) != 0)
        e = errno;
    if (fd >= 0 && close(fd) != 0 && !e)
        e = errno;
    if (e)
        snprintf(err, errlen, "%s: %s", path, strerror(e));
    return e ? -1 : 0;
}

int write_files_atomic(int n, const char *const paths[], const char *const bufs[],
                       const size_t lens[], char *err, size_t errlen)
{
    sigset_t old;
    block_stop_signals(&old);
    char **tmp = xmalloc(sizeof(char *) * (size_t)(n + 1));
    int made = 0, rc = 0;
    for (; made < n && rc == 0; made++) {
        size_t k = strlen(paths[made]) + 24;
        tmp[made] = xmalloc(k);
        snprintf(tmp[made], k, "%s.tmp%d", paths[made], (int)getpid());
        rc = write_temp(paths[made], tmp[made], bufs[made], lens[made], err, errlen);
    }
    for (int i = 0; i < made && rc == 0; i++)
        if (rename(tmp[i], paths[i]) != 0) {
            snprintf(err, errlen, "%s: cannot rename into place: %s", paths[i], strerror(errno));
            rc = -1;
        }
    for (int i = 0; i < made; i++) {
        if (rc != 0)
            unlink(tmp[i]);     /* gone already when renamed */
        free(tmp[i]);
    }
    free(tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return rc;
}

int mkdir_p(const char *path, char *err, size_t errlen)
{
    if (!*path) {
        snprintf(err, errlen, "cannot create a directory with an empty name; pass a directory path");
        return -1;
    }
    char *p = xstrdup(path);
    for (char *s = p + 1; ; s++) {
        if (*s != '/' && *s)
            continue;
        char c = *s;
        *s = 0;
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            snprintf(err, errlen, "%s: cannot create directory: %s", p, strerror(errno));
            free(p);
            return -1;
        }
        *s = c;
        if (!c)
            break;
    }
    free(p);
    return 0;
}

double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void sleep_s(double s)
{
    struct timespec ts = { (time_t)s, (long)((s - (double)(time_t)s) * 1e9) };
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

int size_suffix_shift(char c)
{
    return c == 'K' ? 10 : c == 'M' ? 20 : c == 'G' ? 30 : c == 'T' ? 40 : 0;
}

int glob_match(const char *pat, const char *s, size_t n)
{
    size_t i = 0;
    const char *star = NULL;
    size_t star_i = 0;
    while (i < n) {
        if (*pat == '?' || (*pat && *pat == s[i])) {
            pat++;
            i++;
        } else if (*pat == '*') {
            star = pat++;
            star_i = i;
        } else if (star) {
            pat = star + 1;
            i = ++star_i;
        } else {
            return 0;
        }
    }
    while (*pat == '*')
        pat++;
    return *pat == 0;
}

int errorf(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}
