/* unit-sources: libharness */
/* The golden diff: unified format with 3 lines of context, deletions before
 * insertions, empty sides, a missing final newline, CR, NUL bytes, and a
 * middle too large for the LCS table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "harness/lib/diff.h"
#include "unit.h"

static void expect_diff_n(const char *a, size_t alen, const char *b, size_t blen,
                          const char *want, size_t wlen)
{
    struct sbuf out = { 0 };
    int rc = diff_unified(a, alen, b, blen, "expected/x.trace", "actual", &out);
    assert_int_equal(rc, want != NULL);
    if (want) {
        assert_int_equal(out.len, wlen);
        assert_memory_equal(out.p, want, out.len);
    } else {
        assert_int_equal(out.len, 0);
    }
    sb_free(&out);
}

static size_t len_or_0(const char *s) { return s ? strlen(s) : 0; }
#define DIFF(a, b, want) expect_diff_n(a, sizeof(a) - 1, b, sizeof(b) - 1, want, len_or_0(want))
#define HEAD "--- expected/x.trace\n+++ actual\n"

static void test_equal(void **state)
{
    (void)state;
    DIFF("", "", NULL);
    DIFF("a\nb\n", "a\nb\n", NULL);
}

static void test_one_change(void **state)
{
    (void)state;
    DIFF("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n",
         HEAD "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
    DIFF("a\nb\nc\n", "a\nc\n", HEAD "@@ -1,3 +1,2 @@\n a\n-b\n c\n");
    DIFF("a\n", "a\nb\n", HEAD "@@ -1,1 +1,2 @@\n a\n+b\n");
}

/* Changes more than 2 * 3 lines apart make two hunks. */
static void test_two_hunks(void **state)
{
    (void)state;
    DIFF("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n",
         "x\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\ny\n",
         HEAD "@@ -1,4 +1,4 @@\n-1\n+x\n 2\n 3\n 4\n@@ -12,4 +12,4 @@\n 12\n 13\n 14\n-15\n+y\n");
    DIFF("1\n2\n3\n4\n5\n6\n7\n8\n", "x\n2\n3\n4\n5\n6\n7\ny\n",
         HEAD "@@ -1,8 +1,8 @@\n-1\n+x\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+y\n");
}

static void test_empty_sides(void **state)
{
    (void)state;
    DIFF("", "x\n", HEAD "@@ -0,0 +1,1 @@\n+x\n");
    DIFF("x\ny\n", "", HEAD "@@ -1,2 +0,0 @@\n-x\n-y\n");
}

static void test_final_newline_cr_nul(void **state)
{
    (void)state;
    DIFF("x\ny\n", "x\ny", HEAD "(the texts differ only in a missing final newline)\n");
    DIFF("a\r\nb\n", "a\nb\n", HEAD "@@ -1,2 +1,2 @@\n-a\r\n+a\n b\n");
    static const char a[] = "k\0one\nz\n", b[] = "k\0two\nz\n";
    static const char want[] = HEAD "@@ -1,2 +1,2 @@\n-k\0one\n+k\0two\n z\n";
    expect_diff_n(a, sizeof(a) - 1, b, sizeof(b) - 1, want, sizeof(want) - 1);
}

/* 5000 lines against 5000 other lines: past the LCS table limit, shown as
 * one replaced block between the common prefix and suffix. */
static void test_too_large(void **state)
{
    (void)state;
    struct sbuf a = { 0 }, b = { 0 }, out = { 0 };
    sb_puts(&a, "same\n");
    sb_puts(&b, "same\n");
    for (int i = 0; i < 5000; i++) {
        sb_printf(&a, "a%d\n", i);
        sb_printf(&b, "b%d\n", i);
    }
    sb_puts(&a, "tail\n");
    sb_puts(&b, "tail\n");
    assert_int_equal(diff_unified(a.p, a.len, b.p, b.len, "x", "y", &out), 1);
    assert_non_null(strstr(out.p, "@@ -1,5002 +1,5002 @@\n same\n-a0\n-a1\n"));
    assert_non_null(strstr(out.p, "-a4999\n+b0\n"));
    assert_non_null(strstr(out.p, "+b4999\n tail\n"));
    sb_free(&a);
    sb_free(&b);
    sb_free(&out);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_equal),
    cmocka_unit_test(test_one_change),
    cmocka_unit_test(test_two_hunks),
    cmocka_unit_test(test_empty_sides),
    cmocka_unit_test(test_final_newline_cr_nul),
    cmocka_unit_test(test_too_large),
};

UNIT_MAIN("diff", tests)
