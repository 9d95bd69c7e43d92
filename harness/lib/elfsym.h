/* The kernel's symbols and debug information, read from its ELF file with
 * elfutils (libelf for the symbol table, libdw for DWARF): what a scenario's
 * `break =` and `watch =` names resolve to, and what the gdb report says
 * about an address (function, inlined copies, source line).
 *
 * A function's code can run in several places: its out-of-line copy (the
 * ELF symbol, and any .part/.constprop clone DWARF names after it) and each
 * copy the compiler inlined into a caller (a DW_TAG_inlined_subroutine).
 * elfsym_locations lists them all, as gdb does for `break NAME`: the start
 * of each out-of-line copy and the entry of each inlined block (its
 * DW_AT_low_pc, or the start of its first range). */
#ifndef HARNESS_LIB_ELFSYM_H
#define HARNESS_LIB_ELFSYM_H

#include <stddef.h>
#include <stdint.h>
#include "harness/lib/util.h"

struct elfsym;

/* Open `path`; NULL with err (file missing, not ELF). DWARF is optional:
 * without it there are no inlined copies and no source lines. */
struct elfsym *elfsym_open(const char *path, char *err, size_t errlen);
void elfsym_close(struct elfsym *e);

/* A symbol by name (functions and objects; a global one before a local
 * one of the same name). 1 and *addr, *size, *is_func; 0 when unknown. */
int elfsym_lookup(const struct elfsym *e, const char *name, uint64_t *addr, uint64_t *size,
                  int *is_func);

/* The names closest to `name` (edit distance, then a shared prefix), at
 * most `max`, space separated into *out; nothing when none is close. */
void elfsym_nearest(const struct elfsym *e, const char *name, int max, struct sbuf *out);

/* One place where a function's code starts. */
struct elfsym_loc {
    uint64_t addr;
    int inlined;            /* an inlined copy (else an out-of-line one) */
};

/* The places where function `name` starts, sorted by address, without
 * duplicates, at most `max`; returns how many there are (may exceed max). */
int elfsym_locations(const struct elfsym *e, const char *name, struct elfsym_loc *out, int max);

/* The function symbol holding `addr`: its name without a clone suffix
 * (".part.0", ".constprop.0", ".isra.0", ".cold"), and *off from its start.
 * NULL when no function holds it. */
const char *elfsym_function_at(const struct elfsym *e, uint64_t addr, uint64_t *off);

/* Copy up to `len` bytes of the image at `addr` (the file's bytes of the
 * loaded section that holds it: code and initialised data) into buf. How
 * many were copied: 0 when no such section holds addr. */
size_t elfsym_read(const struct elfsym *e, uint64_t addr, uint8_t *buf, size_t len);

/* Where `addr` is in the source, for reports: "FILE:LINE", then for each
 * inlined scope around it, innermost first, " in NAME inlined at FILE:LINE".
 * Appends nothing when there is no line information. Kept per address: the
 * DWARF lookup is made once for each. */
void elfsym_describe(struct elfsym *e, uint64_t addr, struct sbuf *out);

#endif
