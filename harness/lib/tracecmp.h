/* What changed between two normalized traces of one scenario (two QEMUs'
 * actual.trace): the lines only in one of them, grouped by sign, event and
 * kind. Pure: no I/O.
 *
 * A line's event is its first word (`== ` marker lines: "==" and the
 * marker's kind, "begin"); its kind is the second word when that is a name
 * (a letter, then letters, digits, '-' or '_'; not a masked pointer P0,
 * P1, ...), such as
 * the device name of pci_cfg_read ("empty" for an absent function in QEMU
 * 10.0), else "". */
#ifndef HARNESS_LIB_TRACECMP_H
#define HARNESS_LIB_TRACECMP_H

#include "harness/lib/util.h"

struct tracecmp_group {
    char sign;              /* '-': only in a, '+': only in b */
    char event[64], kind[64];
    int lines;
    char example[256];      /* the first such line */
};

struct tracecmp {
    struct tracecmp_group *v;   /* in order of first appearance */
    int n, cap;
    int only_a, only_b;         /* lines in all groups */
};

/* Group the lines that differ between a and b (a line diff, as
 * diff_unified finds it). Appends to out; none when the texts are equal. */
void tracecmp_texts(const char *a, size_t alen, const char *b, size_t blen, struct tracecmp *out);
/* Add a group's lines to `into` (merging across scenarios: same sign,
 * event and kind). */
void tracecmp_merge(struct tracecmp *into, const struct tracecmp_group *g);
/* "pci_cfg_read empty ..." or "pci_cfg_read ..." (no kind). */
void tracecmp_label(const struct tracecmp_group *g, char *buf, size_t n);
void tracecmp_free(struct tracecmp *c);

#endif
