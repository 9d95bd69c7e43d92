/* Golden files under expected/: NAME.trace (normalized trace segments) and
 * NAME.serial (the whole serial output, CR removed). */
#ifndef GOLDEN_H
#define GOLDEN_H

#include "util.h"

/* Compare `text` with the golden file; on a difference append a header
 * naming the scenario, the golden and the kept artifact, then the unified
 * diff. Returns 0 equal, 1 different, -1 unreadable golden (message in out). */
int golden_compare(const char *scenario, const char *golden, const char *actual,
                   const char *text, size_t len, struct sbuf *out);

/* Write `text` as the golden when it differs; append what changed
 * ("created", "unchanged", or "updated" and the diff) to `report`.
 * Returns 0, or -1 with the reason in `report`. */
int golden_bless(const char *golden, const char *text, size_t len, struct sbuf *report);

#endif
