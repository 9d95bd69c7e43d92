/* Result classes and the result record; see result.h. */
#include <stdarg.h>
#include <stdio.h>
#include "harness/lib/result.h"

const char *rclass_name(enum rclass c)
{
    static const char *const names[] = {
        [R_PASS] = "PASS", [R_FAIL] = "FAIL", [R_GUEST_FAIL] = "GUEST-FAIL",
        [R_CRASH] = "CRASH", [R_TIMEOUT] = "TIMEOUT", [R_ERROR] = "ERROR",
    };
    unsigned i = (unsigned)c;
    return i < sizeof(names) / sizeof(names[0]) && names[i] ? names[i] : "?";
}

void result_set(struct result *r, enum rclass c, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    r->cls = c;
    r->reason.len = 0;
    sb_puts(&r->reason, buf);
}

void result_free(struct result *r)
{
    sb_free(&r->reason);
    sb_free(&r->detail);
}
