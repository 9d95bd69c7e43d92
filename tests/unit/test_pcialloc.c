/* unit-sources: lib/pcialloc.c */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "lib/pcialloc.h"
#include "unit.h"

static const struct pcialloc_win windows[PCIALLOC_NKINDS] = {
    [PCIALLOC_IO] = { 0xC000, 0xFFFF },
    [PCIALLOC_MEM] = { 0xE0000000u, 0xFEBFFFFFu },
};

/* What qboot leaves on -machine pc: e1000 (128K memory, 64 I/O ports), VGA
 * (16M and 4K memory), PIIX IDE bus master (16 ports). Biggest first, each
 * on a multiple of its size; equal sizes keep their order. */
static void test_pc_machine(void **state)
{
    (void)state;
    struct pcialloc_req r[] = {
        { PCIALLOC_MEM, 0x1000000, 0 }, { PCIALLOC_MEM, 0x1000, 0 },
        { PCIALLOC_IO, 0x10, 0 },
        { PCIALLOC_MEM, 0x20000, 0 }, { PCIALLOC_IO, 0x40, 0 },
    };
    assert_int_equal(pcialloc_plan(r, 5, windows), 0);
    assert_int_equal(r[0].addr, 0xE0000000u);
    assert_int_equal(r[3].addr, 0xE1000000u);
    assert_int_equal(r[1].addr, 0xE1020000u);
    assert_int_equal(r[4].addr, 0xC000);
    assert_int_equal(r[2].addr, 0xC040);
}

/* Small memory BARs still get a page of their own; small I/O BARs do not. */
static void test_alignment(void **state)
{
    (void)state;
    struct pcialloc_req r[] = {
        { PCIALLOC_MEM, 0x10, 0 }, { PCIALLOC_MEM, 0x10, 0 },
        { PCIALLOC_IO, 0x4, 0 }, { PCIALLOC_IO, 0x8, 0 }, { PCIALLOC_IO, 0x4, 0 },
    };
    assert_int_equal(pcialloc_plan(r, 5, windows), 0);
    assert_int_equal(r[0].addr, 0xE0000000u);
    assert_int_equal(r[1].addr, 0xE0001000u);
    assert_int_equal(r[3].addr, 0xC000);
    assert_int_equal(r[2].addr, 0xC008);
    assert_int_equal(r[4].addr, 0xC00C);

    /* A window base that is not aligned: the first BAR moves up to its size. */
    const struct pcialloc_win odd[PCIALLOC_NKINDS] = {
        [PCIALLOC_IO] = { 0xC004, 0xFFFF }, [PCIALLOC_MEM] = { 0xE0000800u, 0xFEBFFFFFu },
    };
    struct pcialloc_req s[] = { { PCIALLOC_IO, 0x10, 0 }, { PCIALLOC_MEM, 0x2000, 0 } };
    assert_int_equal(pcialloc_plan(s, 2, odd), 0);
    assert_int_equal(s[0].addr, 0xC010);
    assert_int_equal(s[1].addr, 0xE0002000u);
}

/* A window used up, a size that is no power of two, too many requests:
 * each names the request that failed. */
static void test_refusals(void **state)
{
    (void)state;
    struct pcialloc_req full[] = {
        { PCIALLOC_IO, 0x2000, 0 }, { PCIALLOC_IO, 0x2000, 0 }, { PCIALLOC_IO, 0x4, 0 },
    };
    assert_int_equal(pcialloc_plan(full, 2, windows), 0);      /* 0xC000-0xFFFF exactly */
    assert_int_equal(full[1].addr, 0xE000);
    assert_int_equal(pcialloc_plan(full, 3, windows), -1 - 2);
    struct pcialloc_req big[] = { { PCIALLOC_MEM, 0x40000000, 0 } };  /* 1 GiB > the window */
    assert_int_equal(pcialloc_plan(big, 1, windows), -1);
    struct pcialloc_req odd[] = { { PCIALLOC_IO, 0x10, 0 }, { PCIALLOC_MEM, 0x3000, 0 } };
    assert_int_equal(pcialloc_plan(odd, 2, windows), -1 - 1);
    struct pcialloc_req zero[] = { { PCIALLOC_MEM, 0, 0 } };
    assert_int_equal(pcialloc_plan(zero, 1, windows), -1);
    static struct pcialloc_req many[PCIALLOC_MAX + 1];
    for (int i = 0; i <= PCIALLOC_MAX; i++)
        many[i] = (struct pcialloc_req){ PCIALLOC_IO, 4, 0 };
    assert_int_equal(pcialloc_plan(many, PCIALLOC_MAX, windows), 0);
    assert_int_equal(many[PCIALLOC_MAX - 1].addr, 0xC000 + 4 * (PCIALLOC_MAX - 1));
    assert_int_equal(pcialloc_plan(many, PCIALLOC_MAX + 1, windows), -1 - (PCIALLOC_MAX + 1));
}

/* A window that ends at the top of the 64-bit space does not wrap. */
static void test_no_wrap(void **state)
{
    (void)state;
    const struct pcialloc_win top[PCIALLOC_NKINDS] = {
        [PCIALLOC_IO] = { 0xC000, 0xFFFF },
        [PCIALLOC_MEM] = { 0xFFFFFFFFFFFFF000ull, 0xFFFFFFFFFFFFFFFFull },
    };
    struct pcialloc_req r[] = { { PCIALLOC_MEM, 0x1000, 0 }, { PCIALLOC_MEM, 0x1000, 0 } };
    assert_int_equal(pcialloc_plan(r, 1, top), 0);
    assert_int_equal(r[0].addr, 0xFFFFFFFFFFFFF000ull);
    assert_int_equal(pcialloc_plan(r, 2, top), -1 - 1);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_pc_machine),
    cmocka_unit_test(test_alignment),
    cmocka_unit_test(test_refusals),
    cmocka_unit_test(test_no_wrap),
};

UNIT_MAIN("pcialloc", tests)
