/* Golden files under expected/: NAME.trace (normalized trace segments) and
 * NAME.serial (the whole serial output, CR removed), found by golden_path. */
#ifndef GOLDEN_H
#define GOLDEN_H

#include "harness/lib/util.h"

enum golden_kind { GOLDEN_TRACE, GOLDEN_SERIAL };

/* The one place that says where a golden lives: keyed by the scenario and
 * the golden set of the QEMU profile (struct qemu_profile's golden_set).
 * The baseline set (NULL) is EXPECTED/NAME.trace and EXPECTED/NAME.serial;
 * another set is EXPECTED/SET/NAME.trace and .serial. 0, or -1 when it
 * does not fit in buf[n] (never used cut). */
int golden_path(const char *expected, const char *scenario, const char *golden_set,
                enum golden_kind kind, char *buf, size_t n);

/* Is the golden's text well formed? A .trace golden holds only `== `
 * marker lines, `gdb: ` stop lines and event lines (NAME, a blank, fields) whose NAME one of
 * `events` (the scenario's globs) selects; no golden holds CR or control
 * bytes other than tab. 0, or -1 with "FILE:LINE: malformed golden: why;
 * fix" appended to out. */
int golden_validate(const char *golden, const char *g, size_t len, const struct strv *events,
                    struct sbuf *out);

/* Compare `text` with the golden file; on a difference append a header
 * naming the scenario, the golden and the kept artifact, then the unified
 * diff. Returns 0 equal, 1 different, -1 unreadable golden (message in out).
 * Goldens are validated (golden_validate) before QEMU runs. */
int golden_compare(const char *scenario, const char *golden, const char *actual,
                   const char *text, size_t len, struct sbuf *out);

/* Bless n goldens as one change: write texts[i] as goldens[i] where it
 * differs, all of them or none (write_files_atomic: a full disk leaves
 * every old golden as it was); append what changed ("created", or
 * "updated" and the diff) to `report`. An empty text never replaces a
 * non-empty golden. Returns 0, or -1 with the reason ("PATH: why") in
 * `report` and nothing written. */
int golden_bless(int n, const char *const goldens[], const char *const texts[],
                 const size_t lens[], struct sbuf *report);

#endif
