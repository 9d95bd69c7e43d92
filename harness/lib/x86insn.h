/* What the harness needs to know of one x86 instruction's bytes (pure). */
#ifndef HARNESS_LIB_X86INSN_H
#define HARNESS_LIB_X86INSN_H

#include <stddef.h>
#include <stdint.h>

/* Can a single step of the instruction at code[0..n) leave EIP where it
 * was? Every instruction that retires moves EIP on, to the next one or to
 * an exception's handler, except a string instruction with a REP or REPNE
 * prefix (one iteration per step) and a branch, which may go to itself.
 * So: 1 for either, or when the bytes end before the opcode; 0 otherwise.
 * Prefixes of 32-bit code are skipped; the opcode is not decoded further. */
int x86_step_may_stay(const uint8_t *code, size_t n);

#define X86_OP_STI 0xfb         /* one-byte opcodes the harness looks for */
#define X86_OP_HLT 0xf4

#endif
