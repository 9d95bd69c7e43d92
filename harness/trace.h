/* QEMU trace log (log backend, no line prefix) to golden text.
 *
 * Keeps only (a) writes to the trace device, i.e. memory_region_ops_write
 * lines whose addr lies in [base, base + 8) (MARK and DATA), decoded into marker lines such as `== begin pci`, and
 * (b) lines of the scenario's events that fall between a phase's BEGIN and
 * END markers. Pointer fields (mr, dbs=, bs=, bus, state, IDEState, the first
 * argument of ps2_*) are renamed P0, P1... in order of first appearance.
 * Pure and allocation-light: one pass over the buffer, no regex. */
#ifndef TRACE_H
#define TRACE_H

#include <stdint.h>
#include "util.h"

struct trace_opts {
    const struct strv *events;  /* globs of the events to keep */
    uint64_t base;              /* trace device base address */
};

struct trace_out {
    struct sbuf text;           /* normalized golden text */
    struct sbuf why;            /* problems, one line each (missing END ...) */
    int problems;
    int segments;               /* phases seen with BEGIN */
};

/* Normalize buf[0..len). `name` (e.g. the log's path) prefixes problems as
 * "NAME:LINE: ...". Returns the number of problems (also out->problems). */
int trace_normalize(const char *buf, size_t len, const char *name,
                    const struct trace_opts *o, struct trace_out *out);
void trace_out_free(struct trace_out *out);

/* Is this one line (no newline) a write of a marker word to the trace
 * device's MARK register? Returns 1 and sets *word. */
int trace_line_marker(const char *line, size_t n, uint64_t base, uint32_t *word);

/* Decode a marker word into "== begin pci" etc. (no newline); `data` is the
 * last DATA value (for CHECK). */
void trace_marker_text(uint32_t word, uint32_t data, struct sbuf *out);

/* Name of a phase number ("pci"), or NULL. */
const char *trace_phase_name(unsigned phase);

#endif
