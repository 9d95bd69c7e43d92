/* unit-sources: lib/prd.c */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "unit.h"
#include <stdlib.h>
#include "lib/prd.h"

#define KIB 1024u

static struct prd_entry tab[PRD_MAX_ENTRIES + 1];

/* Every entry: even, inside one 64 KiB block, contiguous with the previous
 * one; EOT on the last only; the lengths add up to len. */
static void check_table(int n, uint32_t phys, uint32_t len)
{
    uint32_t addr = phys, total = 0;
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        uint32_t bytes = prd_entry_bytes(&tab[i]);
        assert_int_equal(tab[i].addr, addr);
        assert_int_equal(tab[i].addr & 1, 0);
        assert_int_equal(bytes & 1, 0);
        assert_true(bytes <= PRD_BOUNDARY);
        assert_int_equal(tab[i].addr / PRD_BOUNDARY, (tab[i].addr + bytes - 1) / PRD_BOUNDARY);
        assert_int_equal((tab[i].count_eot & PRD_EOT) != 0, i == n - 1);
        assert_int_equal(tab[i].count_eot & ~(PRD_EOT | PRD_COUNT_MASK), 0);
        addr += bytes;
        total += bytes;
    }
    assert_int_equal(total, len);
}

static void test_one_sector(void **state)
{
    (void)state;
    int n = prd_build(tab, PRD_MAX_ENTRIES, 0x400000, 512);
    assert_int_equal(n, 1);
    assert_int_equal(tab[0].addr, 0x400000);
    assert_int_equal(tab[0].count_eot, PRD_EOT | 512);
    check_table(n, 0x400000, 512);
}

/* A whole aligned 64 KiB region is one entry whose count field is 0. */
static void test_full_64k_is_count_zero(void **state)
{
    (void)state;
    int n = prd_build(tab, PRD_MAX_ENTRIES, 0x400000, 64 * KIB);
    assert_int_equal(n, 1);
    assert_int_equal(tab[0].count_eot, PRD_EOT | 0);
    assert_int_equal(prd_entry_bytes(&tab[0]), 64 * KIB);
}

/* 256 sectors from an aligned buffer: two entries, split at the boundary. */
static void test_256_sectors_aligned(void **state)
{
    (void)state;
    int n = prd_build(tab, PRD_MAX_ENTRIES, 0x400000, 256 * 512);
    assert_int_equal(n, 2);
    assert_int_equal(tab[1].addr, 0x410000);
    check_table(n, 0x400000, 256 * 512);
}

/* An unaligned start: a short piece up to the boundary, full pieces, a tail. */
static void test_unaligned_start_crosses_boundaries(void **state)
{
    (void)state;
    int n = prd_build(tab, PRD_MAX_ENTRIES, 0x40F000, 200 * KIB);
    assert_int_equal(n, 5);         /* 4 + 64 + 64 + 64 + 4 KiB */
    assert_int_equal(prd_entry_bytes(&tab[0]), 4 * KIB);
    assert_int_equal(prd_entry_bytes(&tab[4]), 4 * KIB);
    check_table(n, 0x40F000, 200 * KIB);
}

/* Ending exactly on a boundary adds no empty entry. */
static void test_ends_on_boundary(void **state)
{
    (void)state;
    int n = prd_build(tab, PRD_MAX_ENTRIES, 0x408000, 32 * KIB);
    assert_int_equal(n, 1);
    check_table(n, 0x408000, 32 * KIB);
}

/* 65536 sectors (32 MiB) from an aligned buffer fill exactly 512 entries. */
static void test_largest_command_fits(void **state)
{
    (void)state;
    uint32_t len = 65536u * 512u;
    int n = prd_build(tab, PRD_MAX_ENTRIES, 0x400000, len);
    assert_int_equal(n, PRD_MAX_ENTRIES);
    check_table(n, 0x400000, len);
    assert_int_equal(prd_build(tab, PRD_MAX_ENTRIES, 0x400200, len), -1);  /* needs 513 */
    assert_int_equal(prd_build(tab, 1, 0x400000, 64 * KIB + 2), -1);
}

static void test_rejects_bad_requests(void **state)
{
    (void)state;
    assert_int_equal(prd_build(tab, PRD_MAX_ENTRIES, 0x400000, 0), -1);
    assert_int_equal(prd_build(tab, PRD_MAX_ENTRIES, 0x400000, 511), -1);
    assert_int_equal(prd_build(tab, PRD_MAX_ENTRIES, 0x400001, 512), -1);
    assert_int_equal(prd_build(tab, PRD_MAX_ENTRIES, 0xFFFFFF00u, 512), -1);     /* wraps */
    assert_int_equal(prd_build(tab, PRD_MAX_ENTRIES, 0xFFFFFE00u, 512), 1);      /* last bytes */
}

static void test_table_placement(void **state)
{
    (void)state;
    assert_true(prd_table_placement_ok(0x3F0000, PRD_MAX_ENTRIES));
    assert_true(prd_table_placement_ok(0x3FFFF8, 1));
    assert_false(prd_table_placement_ok(0x3FFFF8, 2));          /* crosses 0x400000 */
    assert_false(prd_table_placement_ok(0x3F0002, 1));          /* not dword aligned */
    assert_false(prd_table_placement_ok(0x3F0000, 0));
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_one_sector),
    cmocka_unit_test(test_full_64k_is_count_zero),
    cmocka_unit_test(test_256_sectors_aligned),
    cmocka_unit_test(test_unaligned_start_crosses_boundaries),
    cmocka_unit_test(test_ends_on_boundary),
    cmocka_unit_test(test_largest_command_fits),
    cmocka_unit_test(test_rejects_bad_requests),
    cmocka_unit_test(test_table_placement),
};

UNIT_MAIN("prd", tests)
