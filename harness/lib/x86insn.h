/* What the harness needs to know of one x86 instruction's bytes (pure). */
#ifndef HARNESS_LIB_X86INSN_H
#define HARNESS_LIB_X86INSN_H

#include <stddef.h>
#include <stdint.h>

/* The general registers in their encoding order (ModRM reg and rm fields,
 * the low three bits of 0xb8+r), EIP and EFLAGS of 32-bit code. */
enum x86_gpr { X86_EAX, X86_ECX, X86_EDX, X86_EBX, X86_ESP, X86_EBP, X86_ESI, X86_EDI, X86_NGPR };
struct x86_regs {
    uint32_t gpr[X86_NGPR];
    uint32_t eip, eflags;
};

/* EFLAGS bits that add, sub, cmp and the logic instructions set. */
#define X86_FLAG_CF 0x001
#define X86_FLAG_PF 0x004
#define X86_FLAG_AF 0x010
#define X86_FLAG_ZF 0x040
#define X86_FLAG_SF 0x080
#define X86_FLAG_OF 0x800
#define X86_FLAGS_STATUS (X86_FLAG_CF | X86_FLAG_PF | X86_FLAG_AF | X86_FLAG_ZF | X86_FLAG_SF | X86_FLAG_OF)

/* Carry out the instruction at code[0..n), fetched at r->eip, on *r when
 * it reads and writes general registers and EFLAGS alone: nop; mov
 * register to register or an immediate to a register; add, or, and, sub,
 * xor, cmp and test between registers or with an immediate (0x81, 0x83),
 * both operands registers. Flags as the CPU leaves them (AF clear after
 * the logic instructions, as QEMU's TCG has it). Returns the length and
 * moves r->eip past it; 0, *r untouched, for anything else (a prefix, a
 * memory operand, adc and sbb, every other opcode). */
size_t x86_emulate_regs(const uint8_t *code, size_t n, struct x86_regs *r);

#define X86_OP_STI      0xfb     /* one-byte opcodes the harness looks for */
#define X86_OP_HLT      0xf4
#define X86_OP_POP_SS   0x17
#define X86_OP_MOV_SREG 0x8e     /* mov r/m16, Sreg: the ModRM reg field names the segment */
#define X86_SREG_SS     2

/* ModRM: mod (bits 7:6), reg (5:3), rm (2:0). */
#define X86_MODRM_MOD(b) ((b) >> 6)
#define X86_MODRM_REG(b) (((b) >> 3) & 7)
#define X86_MODRM_RM(b)  ((b) & 7)
#define X86_MOD_REGISTER 3      /* mod 11: rm names a register, no memory operand */

#endif
