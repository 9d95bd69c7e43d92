/* QEMU trace log (log backend, no line prefix) to golden text.
 *
 * Keeps only (a) writes to the trace device, i.e. memory_region_ops_write
 * lines whose addr lies in [base, base + 8) (MARK and DATA), decoded into marker lines such as `== begin pci`, and
 * (b) lines of the scenario's events that fall between a phase's BEGIN and
 * END markers (for a glob with a region, its lines on that memory region), and (c) the lines the caller inserts at given places (gdb
 * stops). Pointer fields (for QEMU 7.2: mr, dbs=, bs=, bus, state,
 * IDEState, the first argument of ps2_*; struct trace_rules names them) are
 * renamed P0, P1... in order of first appearance.
 * Pure and allocation-light: one pass over the buffer, no regex. */
#ifndef TRACE_H
#define TRACE_H

#include <stdint.h>
#include "harness/lib/util.h"

/* A literal the normaliser matches byte for byte, with its length. */
struct trace_field {
    const char *s;
    size_t len;
};
#define TRACE_FIELD(str) { .s = (str), .len = sizeof(str) - 1 }

/* An event that a QEMU version logs under another name than the goldens
 * use: lines of `qemu` are read and written as `golden`. */
struct trace_rename {
    const char *qemu, *golden;
};

/* What the normaliser knows of one QEMU version's log: its field names and
 * masking rules. A QEMU version profile (harness/vmm/profile.c) holds one;
 * the normaliser has none of its own. Lists end with an entry whose `s`
 * (or `qemu`) is NULL. */
struct trace_rules {
    /* The marker channel: the event logging MMIO writes, and its fields
     * holding the address and the value (each with its leading blank and
     * the "0x" before the digits). */
    struct trace_field write_event, addr_field, value_field;
    /* The memory-region events' last field, before the region's name and
     * its closing quote (" name '"): what `events = EVENT@REGION` selects on. */
    struct trace_field region_field;
    /* Pointer fields: the token after one of these tokens ("mr 0x..."). */
    const struct trace_field *ptr_after;
    /* Pointer fields: a token starting with one of these ("dbs=0x..."). */
    const struct trace_field *ptr_prefix;
    /* Events (by name prefix, "ps2_") whose first argument is a pointer. */
    const struct trace_field *ptr_first_arg;
    /* An event (name and blank, "dma_blk_io ") whose `field` (a ptr_prefix
     * entry) is a new allocation: it binds a new name even when QEMU hands
     * out the address of a freed object again. */
    struct trace_fresh {
        struct trace_field event, field;
    } fresh;
    const struct trace_rename *renames;
};

/* A line that is not in the log but belongs at a place in it: a gdb stop
 * (harness/run/debug.c), placed before the first log line that starts at
 * or after byte `offset`. */
struct trace_insert {
    uint64_t offset;
    const char *text;           /* one line, no newline */
};

struct trace_opts {
    const struct strv *events;  /* globs of the events to keep (golden names) */
    /* NULL, or parallel to events: a region name, or "" for every line of
     * the glob's events. With a region, only lines whose region field names
     * it are kept; only so are lines of write_event kept inside a phase. */
    const struct strv *regions;
    uint64_t base;              /* trace device base address */
    const struct trace_rules *rules;    /* the QEMU version's log format */
    /* Lines to place among the log's, in ascending offset order; all are
     * kept, inside phases or not (a stop at a function that writes a BEGIN
     * marker comes before that marker, and one caused by an END marker's
     * write after it). */
    const struct trace_insert *inserts;
    size_t ninserts;
};

struct trace_out {
    struct sbuf text;           /* normalized golden text */
    struct sbuf why;            /* problems, one line each (missing END ...) */
    int problems;
    int segments;               /* phases seen with BEGIN */
    int ended;                  /* of those, the ones closed by their END */
    int markers;                /* marker words of any kind written to MARK */
};

/* Normalize buf[0..len). `name` (e.g. the log's path) prefixes problems as
 * "NAME:LINE: ...". Returns the number of problems (also out->problems). */
int trace_normalize(const char *buf, size_t len, const char *name,
                    const struct trace_opts *o, struct trace_out *out);
void trace_out_free(struct trace_out *out);

/* Is this one line (no newline) a write of a marker word to the trace
 * device's MARK register? Returns 1 and sets *word. */
int trace_line_marker(const struct trace_rules *rules, const char *line, size_t n, uint64_t base,
                      uint32_t *word);

/* Decode a marker word into "== begin pci" etc. (no newline); `data` is the
 * last DATA value (for CHECK). */
void trace_marker_text(uint32_t word, uint32_t data, struct sbuf *out);

/* Name of a phase number ("pci"), or NULL. */
const char *trace_phase_name(unsigned phase);

#endif
