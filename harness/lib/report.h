/* Reports for CI: TAP version 13 and JUnit XML, one entry per scenario,
 * written after the run from each scenario's result. */
#ifndef REPORT_H
#define REPORT_H

#include "harness/lib/util.h"

struct report_item {
    const char *name;
    const char *cls;        /* PASS, FAIL, GUEST-FAIL, CRASH, TIMEOUT, ERROR */
    const char *reason;     /* one line */
    const char *detail;     /* diff, register dump, last lines ("" when none) */
    const char *serial;     /* the serial output, CR removed ("" when none) */
    double secs;
};

/* The QEMU the scenarios ran on, as the reports name it. */
struct report_qemu {
    const char *version;    /* "10.0.2" */
    const char *binary;     /* the path the harness started */
    const char *line;       /* its `-version` line */
};

/* Write the report to `path` (atomically). 0, or -1 with err. TAP names
 * the QEMU in a `# QEMU ...` comment after the plan; JUnit in the
 * testsuite's properties (qemu.version, qemu.binary, qemu.version-line). */
int report_tap(const char *path, const struct report_qemu *q, const struct report_item *v, int n,
               char *err, size_t errlen);
int report_junit(const char *path, const struct report_qemu *q, const struct report_item *v, int n,
                 char *err, size_t errlen);

/* Serial output as goldens (and reports) hold it: CR dropped, control
 * bytes other than tab and newline (a backspace echo, say) written as the
 * text \xNN; other bytes kept. Pure. */
void serial_text(const char *raw, size_t len, struct sbuf *out);

/* Append `s` XML-escaped: & < > " ' as entities; bytes XML 1.0 cannot hold
 * (control characters other than tab and newline, CR, invalid UTF-8) as
 * the text \xNN (lower-case hex). Pure. */
void report_xml_escape(struct sbuf *out, const char *s);

/* Append `s` with every byte that is not tab, newline, printable ASCII or
 * valid UTF-8 written as the text \xNN, lower-case hex (for JSON, TAP and
 * XML). Pure. */
void report_clean(struct sbuf *out, const char *s);

#endif
