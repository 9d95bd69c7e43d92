/* x86 instruction bytes; see x86insn.h. */
#include "harness/lib/x86insn.h"

#define X86_MAX_PREFIXES 14     /* an instruction is at most 15 bytes */

static int is_prefix(uint8_t b)
{
    switch (b) {
    case 0x26: case 0x2e: case 0x36: case 0x3e: case 0x64: case 0x65:  /* segment */
    case 0x66: case 0x67:                                              /* operand, address size */
    case 0xf0: case 0xf2: case 0xf3:                                   /* lock, repne, rep */
        return 1;
    default:
        return 0;
    }
}

/* One-byte opcodes that branch: jcc rel8, loop/jecxz, call/jmp rel and far,
 * ret, iret, int3/int/into, and group 5 (0xff: indirect call and jmp among
 * others, taken as a branch as a whole). */
static int is_branch(uint8_t op)
{
    return (op >= 0x70 && op <= 0x7f) || (op >= 0xe0 && op <= 0xe3) || op == 0xe8 || op == 0xe9 ||
           op == 0xea || op == 0xeb || op == 0x9a || op == 0xc2 || op == 0xc3 || op == 0xca || op == 0xcb ||
           op == 0xcc || op == 0xcd || op == 0xce || op == 0xcf || op == 0xff;
}

int x86_step_may_stay(const uint8_t *code, size_t n)
{
    size_t i = 0;
    for (; i < n && i < X86_MAX_PREFIXES && is_prefix(code[i]); i++)
        if (code[i] == 0xf2 || code[i] == 0xf3)
            return 1;
    if (i >= n)
        return 1;
    if (code[i] == 0x0f)        /* two-byte opcodes: jcc rel32 branch */
        return i + 1 >= n || (code[i + 1] >= 0x80 && code[i + 1] <= 0x8f);
    return is_branch(code[i]);
}
