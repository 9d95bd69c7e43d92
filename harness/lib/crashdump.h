/* The kernel's exception report on the serial console (kernel/trap.c):
 *
 *   exception: #GP general protection (vector 13) err=0x00000028
 *     eip=0x001009a5 cs=0x0008 eflags=0x00000093
 *     eax=... ebx=... ecx=... edx=...
 *     esi=... edi=... ebp=... esp=...
 *     cr2=0x40000000                      (page faults only)
 *
 * The exception line and CR2 are facts of the fault; the other register
 * values move whenever unrelated kernel code changes (addresses, stack depth,
 * scratch registers). Pure functions, no I/O. */
#ifndef CRASHDUMP_H
#define CRASHDUMP_H

#include <stddef.h>
#include "harness/lib/util.h"

/* Copy `text` to `out` with the register values of every dump masked:
 * on the indented lines right after an `exception:` line, each NAME=0xHEX
 * other than cs= and cr2= becomes NAME=0x######## (same width). */
void crashdump_mask(const char *text, size_t len, struct sbuf *out);

/* The first line of text[0..len) that starts with `prefix`, or NULL. */
const char *crashdump_line(const char *text, size_t len, const char *prefix);

/* The first `exception:` line without its prefix, e.g. "#GP general
 * protection (vector 13) err=0x00000028", into buf; 0 when there is none. */
int crashdump_exception(const char *text, size_t len, char *buf, size_t n);

#endif
