/* x86 instruction bytes; see x86insn.h. */
#include "harness/lib/x86insn.h"

/* The ALU operation of opcodes 0x00-0x3f (bits 5:3) and of the /digit of
 * 0x81 and 0x83. */
enum alu { ALU_ADD, ALU_OR, ALU_ADC, ALU_SBB, ALU_AND, ALU_SUB, ALU_XOR, ALU_CMP, ALU_TEST };


static int parity_even(uint32_t v)
{
    v &= 0xff;
    v ^= v >> 4, v ^= v >> 2, v ^= v >> 1;
    return !(v & 1);
}

/* a OP b into *res (unless cmp or test) and the status flags into *eflags;
 * 0 for an operation left to the CPU (adc, sbb: they read CF). */
static int alu(enum alu op, uint32_t *res, uint32_t b, uint32_t *eflags)
{
    uint32_t a = *res, v, f = 0;
    switch (op) {
    case ALU_ADD:
        v = a + b;
        f |= (v < a ? X86_FLAG_CF : 0) | ((((a ^ v) & (b ^ v)) >> 31) ? X86_FLAG_OF : 0);
        f |= (a ^ b ^ v) & X86_FLAG_AF;
        break;
    case ALU_SUB: case ALU_CMP:
        v = a - b;
        f |= (a < b ? X86_FLAG_CF : 0) | ((((a ^ b) & (a ^ v)) >> 31) ? X86_FLAG_OF : 0);
        f |= (a ^ b ^ v) & X86_FLAG_AF;
        break;
    case ALU_OR:  v = a | b; break;
    case ALU_AND: case ALU_TEST: v = a & b; break;
    case ALU_XOR: v = a ^ b; break;
    default:
        return 0;
    }
    f |= (v == 0 ? X86_FLAG_ZF : 0) | (v >> 31 ? X86_FLAG_SF : 0) | (parity_even(v) ? X86_FLAG_PF : 0);
    *eflags = (*eflags & ~(uint32_t)X86_FLAGS_STATUS) | f;
    if (op != ALU_CMP && op != ALU_TEST)
        *res = v;
    return 1;
}

static uint32_t imm32(const uint8_t *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

size_t x86_emulate_regs(const uint8_t *code, size_t n, struct x86_regs *r)
{
    if (n == 0)
        return 0;
    uint8_t op = code[0], m = n > 1 ? code[1] : 0;
    struct x86_regs t = *r;
    size_t len = 0;
    if (op == 0x90) {                                           /* nop */
        len = 1;
    } else if (op >= 0xb8 && op <= 0xbf && n >= 5) {            /* mov $imm32, r32 */
        t.gpr[op & 7] = imm32(code + 1), len = 5;
    } else if (n < 2 || X86_MODRM_MOD(m) != X86_MOD_REGISTER) {
        return 0;
    } else if (op == 0x89) {                                    /* mov r32, r/m32 */
        t.gpr[X86_MODRM_RM(m)] = t.gpr[X86_MODRM_REG(m)], len = 2;
    } else if (op == 0x8b) {                                    /* mov r/m32, r32 */
        t.gpr[X86_MODRM_REG(m)] = t.gpr[X86_MODRM_RM(m)], len = 2;
    } else if (op < 0x40 && (op & 7) == 1) {                    /* OP r32, r/m32 */
        len = alu((enum alu)(op >> 3), &t.gpr[X86_MODRM_RM(m)], t.gpr[X86_MODRM_REG(m)], &t.eflags) ? 2 : 0;
    } else if (op < 0x40 && (op & 7) == 3) {                    /* OP r/m32, r32 */
        len = alu((enum alu)(op >> 3), &t.gpr[X86_MODRM_REG(m)], t.gpr[X86_MODRM_RM(m)], &t.eflags) ? 2 : 0;
    } else if (op == 0x85) {                                    /* test r32, r/m32 */
        len = alu(ALU_TEST, &t.gpr[X86_MODRM_RM(m)], t.gpr[X86_MODRM_REG(m)], &t.eflags) ? 2 : 0;
    } else if (op == 0x83 && n >= 3) {                          /* OP $imm8 (sign-extended), r/m32 */
        len = alu((enum alu)X86_MODRM_REG(m), &t.gpr[X86_MODRM_RM(m)], (uint32_t)(int32_t)(int8_t)code[2], &t.eflags) ? 3 : 0;
    } else if (op == 0x81 && n >= 6) {                          /* OP $imm32, r/m32 */
        len = alu((enum alu)X86_MODRM_REG(m), &t.gpr[X86_MODRM_RM(m)], imm32(code + 2), &t.eflags) ? 6 : 0;
    }
    if (len) {
        t.eip += (uint32_t)len;
        *r = t;
    }
    return len;
}
