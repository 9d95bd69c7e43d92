/* Golden files under expected/: NAME.trace (normalized trace segments) and
 * NAME.serial (the whole serial output, CR removed), found by golden_path.
 *
 * Golden sets: the base set is EXPECTED/NAME.*; another set (a QEMU
 * version's, e.g. "qemu-10.0") holds overrides only, EXPECTED/SET/NAME.*,
 * where that QEMU's output differs from the base. For each kind, the
 * override is the golden when it exists, else the base's. Each set records
 * the QEMU that blessed it in EXPECTED[/SET]/QEMU (its `-version` line). */
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

/* The golden in effect for a set: its override when that file exists, else
 * the base's (golden_set NULL: the base's). Returns 1 when it is the
 * override. */
int golden_lookup(const char *expected, const char *scenario, const char *golden_set,
                  enum golden_kind kind, char *buf, size_t n);

/* What blessing does to a set's own file. Pure. `override`: the set is not
 * the base; `base_exists`/`base_equal`: the base golden exists and equals
 * the new text; `own_exists`/`own_equal`: the set's own file (the base
 * golden itself for the base set). The base set writes its golden when it
 * differs; an override is written only where the new text differs from
 * the base, and removed where it equals the base. */
enum golden_action { GOLDEN_KEEP, GOLDEN_WRITE, GOLDEN_REMOVE };
enum golden_action golden_plan(int override, int base_exists, int base_equal, int own_exists,
                               int own_equal);

/* The path of a set's record of the QEMU that blessed it. */
void golden_record_path(const char *expected, const char *golden_set, char *buf, size_t n);
/* Its one line (no newline) into buf; "" when there is none. */
void golden_record_read(const char *expected, const char *golden_set, char *buf, size_t n);
/* Write `line` as the record when it differs; 0, or -1 with err. */
int golden_record_write(const char *expected, const char *golden_set, const char *line,
                        char *err, size_t errlen);

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

/* One golden to bless: the run's text for `own` (the set's file); `base`
 * is the base set's file of an override set (else NULL). */
struct golden_bless_item {
    const char *base, *own;
    const char *text;
    size_t len;
};

/* Bless a scenario's goldens as one change. In the base set (`override`
 * 0) each `own` is written where its text differs; in an override set as
 * golden_plan says: written where this QEMU's text differs from the base,
 * removed where an override now equals the base. Every write happens or
 * none does (write_files_atomic: a full disk leaves every old golden as it
 * was), removals only after them. An empty text never replaces a non-empty
 * golden. Appends what changed ("created", "updated" with the diff,
 * "created (differs from the base ...)", "removed (equals the base ...)")
 * to `report`; nothing when all are kept. Returns 0, or -1 with the reason
 * ("PATH: why") in `report` and nothing changed. */
int golden_bless(int n, const struct golden_bless_item *items, int override, struct sbuf *report);

#endif
