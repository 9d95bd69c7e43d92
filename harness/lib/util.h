/* Small helpers shared by the harness modules: a growable byte buffer, a
 * list of strings, shell-like word splitting, whole-file I/O, clocks.
 * Allocation failure is fatal (the harness cannot continue without memory). */
#ifndef UTIL_H
#define UTIL_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

/* Bytes per read() of a file, log or socket: the size of the stack buffers
 * that read_file, the log follower and the QMP client read into. */
#define UTIL_IO_CHUNK 65536
/* Growable buffer; p is always NUL-terminated when len > 0 or after sb_add. */
struct sbuf {
    char *p;
    size_t len, cap;
};

void sb_reserve(struct sbuf *b, size_t extra);
void sb_add(struct sbuf *b, const char *s, size_t n);
void sb_puts(struct sbuf *b, const char *s);
void sb_addc(struct sbuf *b, char c);
void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_free(struct sbuf *b);
const char *sb_str(struct sbuf *b);     /* "" for an empty buffer */

/* A list of owned strings. */
struct strv {
    char **v;
    int n, cap;
};

void strv_push(struct strv *s, const char *str);
void strv_pushn(struct strv *s, const char *str, size_t n);
void strv_free(struct strv *s);

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Split `s` into shell-like words: blanks separate, '...' and "..." quote,
 * backslash escapes the next character. Returns 0, or -1 with `err` set
 * (unterminated quote). */
int split_words(const char *s, struct strv *out, char *err, size_t errlen);

/* Read a whole file into *out (appending). Returns 0 or -1 with err set. */
int read_file(const char *path, struct sbuf *out, char *err, size_t errlen);
/* Write a whole file atomically (temp file + rename); SIGINT and SIGTERM
 * are held off meanwhile so no temporary file is left behind. */
int write_file(const char *path, const char *buf, size_t len, char *err, size_t errlen);
/* Write n files as one change: each to a temporary file beside it, synced,
 * and only when all of them are written, each renamed into place. When one
 * cannot be written (a full disk), every temporary file is removed and no
 * target is touched; -1 with err "PATH: why". Stop signals are held off
 * meanwhile. */
int write_files_atomic(int n, const char *const paths[], const char *const bufs[],
                       const size_t lens[], char *err, size_t errlen);
/* The signals that stop a run, each handled alike: every QEMU killed,
 * temporary files removed, exit 128 + the signal (SIGINT 130, SIGTERM 143,
 * SIGHUP 129, SIGQUIT 131, SIGPIPE 141: a closed stdout pipe). */
#define NSTOP_SIGNALS 5
extern const int stop_signals[NSTOP_SIGNALS];
/* Block the stop signals (old mask into *old; restore it with
 * sigprocmask(SIG_SETMASK, old, NULL)): for the moments between creating a
 * temporary file, directory or process and recording it where the
 * handlers look, so that a signal never leaves one behind. */
void block_stop_signals(sigset_t *old);
/* $TMPDIR when set and not empty, else /tmp. */
const char *tmp_dir(void);
/* Format a message into err[errlen] and return -1: `return errorf(err, ...)`. */
int errorf(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* mkdir -p; returns 0 or -1 with err set. */
int mkdir_p(const char *path, char *err, size_t errlen);

double now_s(void);             /* monotonic seconds */
void sleep_s(double s);

/* The power-of-two shift of a size suffix: 'K' 10, 'M' 20, 'G' 30, 'T' 40,
 * anything else 0 (no suffix). */
int size_suffix_shift(char c);

/* Glob match of `pat` ('*' any run, '?' one char) against s[0..n). */
int glob_match(const char *pat, const char *s, size_t n);

#endif
