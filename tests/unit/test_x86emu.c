/* unit-sources: libharness */
/* x86_emulate_regs, the harness's step over a breakpoint: which bytes it
 * takes, and its results and flags against this machine's own CPU running
 * the same operation (the host is x86-64; the flags of a 32-bit add, sub,
 * cmp, and, or, xor and test are the same in either mode). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "harness/lib/x86insn.h"
#include "unit.h"

/* The flags the CPU defines after each operation; AF is undefined after
 * the logic ones (the emulator clears it, as QEMU's TCG does). */
#define DEFINED_ARITH X86_FLAGS_STATUS
#define DEFINED_LOGIC (X86_FLAGS_STATUS & ~X86_FLAG_AF)

enum op { OP_ADD, OP_OR, OP_AND, OP_SUB, OP_XOR, OP_CMP, OP_TEST };

/* a OP b on the host CPU: the result into *a (unless cmp or test), the flags returned. */
static uint32_t native(enum op op, uint32_t *a, uint32_t b)
{
    uint64_t f = 0;
    uint32_t v = *a;
    switch (op) {
    case OP_ADD:  __asm__("addl %2, %0\n\tpushfq\n\tpopq %1" : "+r"(v), "=r"(f) : "r"(b) : "cc"); break;
    case OP_OR:   __asm__("orl %2, %0\n\tpushfq\n\tpopq %1" : "+r"(v), "=r"(f) : "r"(b) : "cc"); break;
    case OP_AND:  __asm__("andl %2, %0\n\tpushfq\n\tpopq %1" : "+r"(v), "=r"(f) : "r"(b) : "cc"); break;
    case OP_SUB:  __asm__("subl %2, %0\n\tpushfq\n\tpopq %1" : "+r"(v), "=r"(f) : "r"(b) : "cc"); break;
    case OP_XOR:  __asm__("xorl %2, %0\n\tpushfq\n\tpopq %1" : "+r"(v), "=r"(f) : "r"(b) : "cc"); break;
    case OP_CMP:  __asm__("cmpl %2, %0\n\tpushfq\n\tpopq %1" : "+r"(v), "=r"(f) : "r"(b) : "cc"); break;
    case OP_TEST: __asm__("testl %2, %0\n\tpushfq\n\tpopq %1" : "+r"(v), "=r"(f) : "r"(b) : "cc"); break;
    }
    *a = v;
    return (uint32_t)f;
}

/* The encodings of `OP %ecx, %eax` (reg ecx, rm eax) and of `OP $imm8, %eax`. */
static const struct { enum op op; uint8_t reg_form; uint8_t digit; int logic; } ops[] = {
    { .op = OP_ADD, .reg_form = 0x01, .digit = 0, .logic = 0 },
    { .op = OP_OR,  .reg_form = 0x09, .digit = 1, .logic = 1 },
    { .op = OP_AND, .reg_form = 0x21, .digit = 4, .logic = 1 },
    { .op = OP_SUB, .reg_form = 0x29, .digit = 5, .logic = 0 },
    { .op = OP_XOR, .reg_form = 0x31, .digit = 6, .logic = 1 },
    { .op = OP_CMP, .reg_form = 0x39, .digit = 7, .logic = 0 },
    { .op = OP_TEST, .reg_form = 0x85, .digit = 0xff, .logic = 1 },
};

#define MODRM(mod, reg, rm) (uint8_t)((mod) << 6 | (reg) << 3 | (rm))

static const uint32_t values[] = { 0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fffffff, 0x80000000, 0x80000001,
                                   0xfffffffe, 0xffffffff, 0x0000000c, 0x00123a6c, 0x0f0f0f0f, 0xdeadbeef };
#define NVALUES (sizeof(values) / sizeof(values[0]))

static void check(const char *what, const uint8_t *code, size_t n, uint32_t a, uint32_t b, int i)
{
    uint32_t want = a, flags = native(ops[i].op, &want, b);
    uint32_t defined = ops[i].logic ? DEFINED_LOGIC : DEFINED_ARITH;
    struct x86_regs r = { .gpr = { [X86_EAX] = a, [X86_ECX] = b }, .eip = 0x1000, .eflags = 0x202 | X86_FLAGS_STATUS };
    assert_int_equal(x86_emulate_regs(code, n, &r), n);
    if (r.gpr[X86_EAX] != want || (r.eflags & defined) != (flags & defined) || r.eip != 0x1000 + n ||
        (r.eflags & ~(uint32_t)X86_FLAGS_STATUS) != 0x202 || (ops[i].logic && (r.eflags & X86_FLAG_AF)))
        fail_msg("%s a=0x%08x b=0x%08x: eax 0x%08x flags 0x%03x, the CPU 0x%08x flags 0x%03x", what, a, b,
                 r.gpr[X86_EAX], r.eflags & defined, want, flags & defined);
}

static void test_alu_against_cpu(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
        for (size_t x = 0; x < NVALUES; x++)
            for (size_t y = 0; y < NVALUES; y++) {
                uint8_t reg[2] = { ops[i].reg_form, MODRM(X86_MOD_REGISTER, X86_ECX, X86_EAX) };
                check("register form", reg, sizeof(reg), values[x], values[y], (int)i);
                if (ops[i].digit == 0xff)
                    continue;
                uint8_t imm8 = (uint8_t)values[y];
                uint8_t imm[3] = { 0x83, MODRM(X86_MOD_REGISTER, ops[i].digit, X86_EAX), imm8 };
                check("imm8 form", imm, sizeof(imm), values[x], (uint32_t)(int32_t)(int8_t)imm8, (int)i);
            }
}

static void test_moves(void **state)
{
    (void)state;
    struct x86_regs r = { .gpr = { 1, 2, 3, 4, 5, 6, 7, 8 }, .eip = 0x104848, .eflags = 0x246 };
    static const uint8_t mov_imm[] = { 0xba, 0xf8, 0x0c, 0x00, 0x00 };        /* mov $0xcf8,%edx */
    assert_int_equal(x86_emulate_regs(mov_imm, sizeof(mov_imm), &r), 5);
    assert_int_equal(r.gpr[X86_EDX], 0xcf8);
    assert_int_equal(r.eip, 0x10484d);
    static const uint8_t mov_rr[] = { 0x89, 0xc8 };                           /* mov %ecx,%eax */
    assert_int_equal(x86_emulate_regs(mov_rr, sizeof(mov_rr), &r), 2);
    assert_int_equal(r.gpr[X86_EAX], 2);
    static const uint8_t mov_rr2[] = { 0x8b, 0xfe };                          /* mov %esi,%edi */
    assert_int_equal(x86_emulate_regs(mov_rr2, sizeof(mov_rr2), &r), 2);
    assert_int_equal(r.gpr[X86_EDI], 7);
    static const uint8_t sub_esp[] = { 0x83, 0xec, 0x0c };                    /* sub $0xc,%esp */
    assert_int_equal(x86_emulate_regs(sub_esp, sizeof(sub_esp), &r), 3);
    assert_int_equal(r.gpr[X86_ESP], (uint32_t)(5 - 0xc));
    assert_int_equal(r.eflags & X86_FLAG_CF, X86_FLAG_CF);
    static const uint8_t nop[] = { 0x90 };
    assert_int_equal(x86_emulate_regs(nop, 1, &r), 1);
    assert_int_equal(r.eflags & 0x200, 0x200);                                /* IF kept */
}

/* Everything that touches memory, a port, the stack, control flow or an
 * interrupt, and whatever the bytes cut short, is left to the vCPU. */
static void test_refused(void **state)
{
    (void)state;
    static const struct { uint8_t code[8]; size_t n; } cases[] = {
        { { 0x8b, 0x54, 0x24, 0x04 }, 4 },      /* mov 0x4(%esp),%edx: memory */
        { { 0x0f, 0xb6, 0x07 }, 3 },            /* movzbl (%edi),%eax */
        { { 0x89, 0x07 }, 2 },                  /* mov %eax,(%edi) */
        { { 0x83, 0x07, 0x01 }, 3 },            /* addl $1,(%edi) */
        { { 0x11, 0xc8 }, 2 },                  /* adc %ecx,%eax: reads CF */
        { { 0x83, 0xd0, 0x01 }, 3 },            /* adc $1,%eax */
        { { 0x19, 0xc8 }, 2 },                  /* sbb %ecx,%eax */
        { { 0x66, 0x89, 0xc8 }, 3 },            /* mov %cx,%ax: a prefix */
        { { 0x55 }, 1 },                        /* push %ebp: the stack */
        { { 0xef }, 1 },                        /* out %eax,(%dx) */
        { { 0xfb }, 1 },                        /* sti */
        { { 0xf4 }, 1 },                        /* hlt */
        { { 0xc3 }, 1 },                        /* ret */
        { { 0xe8, 0, 0, 0, 0 }, 5 },            /* call */
        { { 0xba, 0xf8, 0x0c }, 3 },            /* mov $imm32 cut short */
        { { 0x83, 0xec }, 2 },                  /* sub $imm8 cut short */
        { { 0x89 }, 1 },                        /* no ModRM */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct x86_regs r = { .gpr = { 1, 2, 3, 4, 5, 6, 7, 8 }, .eip = 0x1000, .eflags = 0x202 }, was = r;
        if (x86_emulate_regs(cases[i].code, cases[i].n, &r) != 0 || memcmp(&r, &was, sizeof(r)))
            fail_msg("case %zu (0x%02x) was carried out", i, cases[i].code[0]);
    }
    assert_int_equal(x86_emulate_regs(NULL, 0, NULL), 0);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_alu_against_cpu),
    cmocka_unit_test(test_moves),
    cmocka_unit_test(test_refused),
};

UNIT_MAIN("x86emu", tests)
