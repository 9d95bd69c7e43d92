/* Line diff of a golden (a) and an actual (b) text, printed as a unified
 * diff with 3 lines of context. Pure: no I/O. Common prefix and suffix are
 * trimmed, the middle is an LCS; a middle too large for the LCS table
 * (over 16M cells) is shown as one replaced block. */
#ifndef DIFF_H
#define DIFF_H

#include "harness/lib/util.h"

/* Append the diff to `out` with ---/+++ headers naming a_label, b_label.
 * Returns 0 when the texts are equal (nothing appended), else 1. */
int diff_unified(const char *a, size_t alen, const char *b, size_t blen,
                 const char *a_label, const char *b_label, struct sbuf *out);

#endif
