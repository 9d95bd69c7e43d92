/* The files of one run; see paths.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/golden.h"
#include "harness/lib/paths.h"

void paths_too_long(const char *path, size_t len, size_t max, char *err, size_t errlen)
{
    size_t n = strlen(path);
    if (n > 100)            /* the head and the tail name it; the middle would flood the line */
        snprintf(err, errlen, "%.60s...%s: a path of %zu bytes, more than %zu", path, path + n - 30, len, max);
    else
        snprintf(err, errlen, "%s: a path of %zu bytes, more than %zu", path, len, max);
}

/* One member: formatted whole, or `which` (PATHS_LONG_*: the input that
 * makes it long) with err naming it. */
static int put(char *buf, int which, char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static int put(char *buf, int which, char *err, size_t errlen, const char *fmt, ...)
{
    struct sbuf whole = { 0 };
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, PATHS_MAX, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < PATHS_MAX)
        return 0;
    sb_reserve(&whole, n > 0 ? (size_t)n : 0);
    va_start(ap, fmt);
    vsnprintf(whole.p, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
    va_end(ap);
    paths_too_long(whole.p, n < 0 ? 0 : (size_t)n, PATHS_MAX - 1, err, errlen);
    buf[0] = 0;
    sb_free(&whole);
    return which;
}

int paths_init(struct paths *p, const char *build, const char *expected, const char *scenario,
               const char *golden_set, char *err, size_t errlen)
{
    memset(p, 0, sizeof(*p));
    if (strlen(build) >= PATHS_MAX || strlen(expected) >= PATHS_MAX) {
        int b = strlen(build) >= PATHS_MAX;
        paths_too_long(b ? build : expected, strlen(b ? build : expected), PATHS_MAX - 1, err, errlen);
        return b ? PATHS_LONG_BUILD : PATHS_LONG_EXPECTED;
    }
    /* The goldens' paths whole (golden_lookup and golden_path say where
     * they live), then checked like the rest: in effect, base, own. */
    size_t gn = strlen(expected) + (golden_set ? strlen(golden_set) : 0) + strlen(scenario) + 16;
    char *g[6];
    for (int k = 0; k < 6; k++) {
        enum golden_kind kind = k % 2 ? GOLDEN_SERIAL : GOLDEN_TRACE;
        g[k] = xmalloc(gn);
        if (k < 2)
            golden_lookup(expected, scenario, golden_set, kind, g[k], gn);
        else if (golden_path(expected, scenario, k < 4 ? NULL : golden_set, kind, g[k], gn) < 0)
            g[k][0] = 0;    /* cannot be: gn holds every part */
    }
    p->override_set = golden_set != NULL;
    const int b = PATHS_LONG_BUILD, e = PATHS_LONG_EXPECTED;
    int rc = put(p->dir, b, err, errlen, "%s/runs/%s", build, scenario);   /* the first that does not fit */
    if (!rc)
        rc = put(p->trace, b, err, errlen, "%s/trace.log", p->dir);
    if (!rc)
        rc = put(p->serial, b, err, errlen, "%s/serial.log", p->dir);
    if (!rc)
        rc = put(p->qemu_out, b, err, errlen, "%s/qemu.out", p->dir);
    if (!rc)
        rc = put(p->actual_trace, b, err, errlen, "%s/actual.trace", p->dir);
    if (!rc)
        rc = put(p->actual_serial, b, err, errlen, "%s/actual.serial", p->dir);
    if (!rc)
        rc = put(p->golden_trace, e, err, errlen, "%s", g[0]);
    if (!rc)
        rc = put(p->golden_serial, e, err, errlen, "%s", g[1]);
    if (!rc)
        rc = put(p->base_trace, e, err, errlen, "%s", g[2]);
    if (!rc)
        rc = put(p->base_serial, e, err, errlen, "%s", g[3]);
    if (!rc)
        rc = put(p->own_trace, e, err, errlen, "%s", g[4]);
    if (!rc)
        rc = put(p->own_serial, e, err, errlen, "%s", g[5]);
    if (!rc)
        rc = put(p->qemu_cmd, b, err, errlen, "%s/qemu.cmd", p->dir);
    if (!rc)
        rc = put(p->gdb_report, b, err, errlen, "%s/gdb.txt", p->dir);
    if (!rc)
        rc = put(p->image, b, err, errlen, "%s/images/%s.img", build, scenario);
    for (int k = 0; k < 6; k++)
        free(g[k]);
    return rc;
}
