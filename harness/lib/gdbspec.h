/* The scenario keys `break =` and `watch =`: where a run stops the vCPU
 * through QEMU's gdb stub, and what it records at each stop (pure parsing;
 * names are resolved against the kernel's ELF by gdbspec_resolve).
 *
 *   break = SYMBOL | SYMBOL+OFFSET | 0xADDR  [optional] [show=ITEM,...]
 *   watch = SYMBOL[+OFFSET] | 0xADDR  [/LEN]  [write|read|access] [optional] [show=ITEM,...]
 *
 * A break on a function stops wherever its code starts: its out-of-line
 * copy and every inlined copy (as gdb's `break NAME`); SYMBOL+OFFSET and
 * 0xADDR stop at that one address. A watch covers LEN bytes (1, 2, 4 or 8;
 * for a SYMBOL, its size when that is one of these); its kind is write
 * (default), read or access. A stop that is never reached fails the
 * scenario unless `optional`. ITEMs, recorded at every stop:
 *   eax ebx ecx edx esi edi ebp esp eflags   a register
 *   argN                                     the Nth 32-bit stack argument
 *                                            at a function's entry (N 0-15;
 *                                            break = FUNCTION only)
 *   *SYMBOL[+OFFSET][/LEN], *0xADDR[/LEN]    memory (LEN 1, 2, 4 or 8; default 4) */
#ifndef HARNESS_LIB_GDBSPEC_H
#define HARNESS_LIB_GDBSPEC_H

#include <stdint.h>
#include "harness/lib/elfsym.h"

enum gdb_kind { GDB_BREAK, GDB_WATCH_WRITE, GDB_WATCH_READ, GDB_WATCH_ACCESS };

/* Registers as the report and the show= items name them (i386 names). */
enum gdb_reg { REG_EAX, REG_EBX, REG_ECX, REG_EDX, REG_ESI, REG_EDI, REG_EBP, REG_ESP,
               REG_EIP, REG_EFLAGS, REG_COUNT };
extern const char *const gdb_reg_names[REG_COUNT];

enum gdb_item_kind { ITEM_REG, ITEM_ARG, ITEM_MEM };

struct gdb_item {
    enum gdb_item_kind kind;
    char *text;             /* as written: "eax", "arg1", "*ring_head" */
    int reg, arg;           /* ITEM_REG, ITEM_ARG */
    char *sym;              /* ITEM_MEM by name; NULL for an address */
    uint64_t off, addr;     /* ITEM_MEM: +OFFSET, and the address once resolved */
    unsigned len;
};

struct gdb_spec {
    enum gdb_kind kind;
    char *what;             /* the target as written: "i8042_irq", "0xff000000/4" */
    char *sym;              /* NULL for an address */
    uint64_t off;           /* +OFFSET */
    int has_off;
    uint64_t addr;          /* 0xADDR, or the symbol's address + off once resolved */
    unsigned len;           /* watch: bytes; 0 until resolved when given by the symbol's size */
    int optional;
    struct gdb_item *show;
    int nshow;
    int line;               /* in the scenario file */
    struct elfsym_loc *locs;   /* break: where it stops, once resolved */
    int nlocs;
};

struct gdb_specs {
    struct gdb_spec *v;
    int n;
};

/* Parse the value of `break =` (kind GDB_BREAK) or `watch =` into a new
 * entry of *set, remembering `line`. 0, or -1 with err ("what is wrong;
 * fix", without the FILE:LINE, which the scenario parser adds). */
int gdbspec_parse(struct gdb_specs *set, int is_watch, const char *value, int line,
                  char *err, size_t errlen);

/* Resolve every name of *set against the kernel: a break's locations, a
 * watch's address and length, show= memory addresses. 0, or -1 with err
 * naming the spec's line (`file`:LINE) and, for an unknown name, the
 * nearest ones. */
int gdbspec_resolve(struct gdb_specs *set, const struct elfsym *e, const char *file,
                    char *err, size_t errlen);

/* "write", "read", "access" ("break" for GDB_BREAK). */
const char *gdbspec_kind_name(enum gdb_kind k);

void gdbspec_free(struct gdb_specs *set);

#endif
