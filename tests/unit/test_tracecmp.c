/* unit-sources: libharness */
/* tracecmp: two traces' differing lines grouped by sign, event and kind
 * (the --compare-qemu report), merged across scenarios. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "harness/lib/tracecmp.h"
#include "unit.h"

static void cmp(const char *a, const char *b, struct tracecmp *t)
{
    memset(t, 0, sizeof(*t));
    tracecmp_texts(a, strlen(a), b, strlen(b), t);
}

static void test_equal(void **state)
{
    (void)state;
    struct tracecmp t;
    cmp("== begin pci\npci_cfg_read i440FX 00:00.0 @0x0 -> 0x12378086\n",
        "== begin pci\npci_cfg_read i440FX 00:00.0 @0x0 -> 0x12378086\n", &t);
    assert_int_equal(t.n, 0);
    assert_int_equal(t.only_a + t.only_b, 0);
    tracecmp_free(&t);
}

/* QEMU 10.0's reads of absent functions: one group, "+", kind "empty". */
static void test_extra_lines(void **state)
{
    (void)state;
    struct tracecmp t;
    cmp("== begin pci\n"
        "pci_cfg_read PIIX3 00:01.0 @0x0 -> 0x70008086\n"
        "pci_cfg_read piix3-ide 00:01.1 @0x0 -> 0x70108086\n"
        "== end pci status=0\n",
        "== begin pci\n"
        "pci_cfg_read PIIX3 00:01.0 @0x0 -> 0x70008086\n"
        "pci_cfg_read piix3-ide 00:01.1 @0x0 -> 0x70108086\n"
        "pci_cfg_read empty 00:01.2 @0x0 -> 0xffffffff\n"
        "pci_cfg_read empty 00:01.4 @0x0 -> 0xffffffff\n"
        "== end pci status=0\n", &t);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.v[0].sign, '+');
    assert_string_equal(t.v[0].event, "pci_cfg_read");
    assert_string_equal(t.v[0].kind, "empty");
    assert_int_equal(t.v[0].lines, 2);
    assert_string_equal(t.v[0].example, "pci_cfg_read empty 00:01.2 @0x0 -> 0xffffffff");
    assert_int_equal(t.only_a, 0);
    assert_int_equal(t.only_b, 2);
    char l[100];
    tracecmp_label(&t.v[0], l, sizeof(l));
    assert_string_equal(l, "pci_cfg_read empty ...");
    tracecmp_free(&t);
}

/* A changed line is one "-" and one "+"; pointers (P0) and numbers are no
 * kind; markers group as "==" and their kind. */
static void test_kinds(void **state)
{
    (void)state;
    struct tracecmp t;
    cmp("== begin kbd\nps2_put_keycode P0 keycode 0x1c\n== end kbd status=0\n",
        "== begin kbd\nps2_put_keycode P0 keycode 0x1d\n== end kbd status=1\n", &t);
    assert_int_equal(t.n, 4);
    assert_int_equal(t.v[0].sign, '-');
    assert_string_equal(t.v[0].event, "ps2_put_keycode");
    assert_string_equal(t.v[0].kind, "");
    char l[100];
    tracecmp_label(&t.v[0], l, sizeof(l));
    assert_string_equal(l, "ps2_put_keycode ...");
    int markers = 0;
    for (int i = 0; i < t.n; i++)
        markers += !strcmp(t.v[i].event, "==") && !strcmp(t.v[i].kind, "end");
    assert_int_equal(markers, 2);
    assert_int_equal(t.only_a, 2);
    assert_int_equal(t.only_b, 2);
    tracecmp_free(&t);
}

/* Groups of several scenarios add up; a different kind stays apart. */
static void test_merge(void **state)
{
    (void)state;
    struct tracecmp all = { 0 }, t;
    cmp("a x\n", "a x\npci_cfg_read empty 1\n", &t);
    for (int i = 0; i < t.n; i++)
        tracecmp_merge(&all, &t.v[i]);
    tracecmp_free(&t);
    cmp("a x\n", "a x\npci_cfg_read empty 2\npci_cfg_read empty 3\npci_cfg_read VGA 4\n", &t);
    for (int i = 0; i < t.n; i++)
        tracecmp_merge(&all, &t.v[i]);
    tracecmp_free(&t);
    assert_int_equal(all.n, 2);
    assert_int_equal(all.v[0].lines, 3);
    assert_string_equal(all.v[0].example, "pci_cfg_read empty 1");
    assert_string_equal(all.v[1].kind, "VGA");
    assert_int_equal(all.only_b, 4);
    tracecmp_free(&all);
}

/* Text only in a, and a side that is empty. */
static void test_one_side_empty(void **state)
{
    (void)state;
    struct tracecmp t;
    cmp("dma_blk_io dbs=P0 bs=P1 offset=0 to_dev=0\n", "", &t);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.v[0].sign, '-');
    assert_string_equal(t.v[0].kind, "");      /* "dbs=P0" is no name */
    tracecmp_free(&t);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_equal),
    cmocka_unit_test(test_extra_lines),
    cmocka_unit_test(test_kinds),
    cmocka_unit_test(test_merge),
    cmocka_unit_test(test_one_side_empty),
};

UNIT_MAIN("tracecmp", tests)
