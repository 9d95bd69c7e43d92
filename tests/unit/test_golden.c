/* unit-sources: libharness */
/* Blessing as one change (golden_bless): a set of goldens is written all or
 * not at all, and an empty text never replaces a non-empty golden. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "harness/lib/golden.h"
#include "unit.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof(dir), "/tmp/test_golden.XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    return system(cmd);
}

static void put(const char *name, const char *text)
{
    char p[128], err[256];
    snprintf(p, sizeof(p), "%s/%s", dir, name);
    assert_int_equal(write_file(p, text, strlen(text), err, sizeof(err)), 0);
}

static void assert_file(const char *name, const char *want)
{
    char p[128], err[256];
    struct sbuf b = { 0 };
    snprintf(p, sizeof(p), "%s/%s", dir, name);
    assert_int_equal(read_file(p, &b, err, sizeof(err)), 0);
    assert_string_equal(sb_str(&b), want);
    sb_free(&b);
}

/* The second golden cannot be written (its directory does not exist): the
 * first is left as it was, and the reason names the second. */
static void test_all_or_none(void **state)
{
    (void)state;
    put("a.trace", "old\n");
    char a[128], b[128];
    snprintf(a, sizeof(a), "%s/a.trace", dir);
    snprintf(b, sizeof(b), "%s/no-such-dir/a.serial", dir);
    const struct golden_bless_item it[] = { { .own = a, .text = "new\n", .len = 4 },
                                            { .own = b, .text = "new serial\n", .len = 11 } };
    struct sbuf rep = { 0 };
    assert_int_equal(golden_bless(2, it, 0, &rep), -1);
    assert_prefix("reason", sb_str(&rep), b);
    assert_non_null(strstr(sb_str(&rep), "No such file or directory"));
    assert_file("a.trace", "old\n");
    char tmp[160];
    snprintf(tmp, sizeof(tmp), "%s.tmp%d", a, (int)getpid());
    assert_int_equal(access(tmp, F_OK), -1);        /* its temporary file is gone */
    sb_free(&rep);
}

static void test_pair_written(void **state)
{
    (void)state;
    char a[128], b[128];
    snprintf(a, sizeof(a), "%s/b.trace", dir);
    snprintf(b, sizeof(b), "%s/b.serial", dir);
    const struct golden_bless_item it[] = { { .own = a, .text = "t\n", .len = 2 }, { .own = b, .text = "s\n", .len = 2 } };
    struct sbuf rep = { 0 };
    assert_int_equal(golden_bless(2, it, 0, &rep), 0);
    assert_non_null(strstr(sb_str(&rep), "b.trace: created"));
    assert_non_null(strstr(sb_str(&rep), "b.serial: created"));
    assert_file("b.trace", "t\n");
    assert_file("b.serial", "s\n");
    sb_free(&rep);
}

static void test_empty_never_replaces(void **state)
{
    (void)state;
    put("c.trace", "== begin pci\n== end pci status=0\n");
    put("c.serial", "old\n");
    char a[128], b[128];
    snprintf(a, sizeof(a), "%s/c.trace", dir);
    snprintf(b, sizeof(b), "%s/c.serial", dir);
    const struct golden_bless_item it[] = { { .own = a, .text = "", .len = 0 }, { .own = b, .text = "new\n", .len = 4 } };
    struct sbuf rep = { 0 };
    assert_int_equal(golden_bless(2, it, 0, &rep), -1);
    assert_non_null(strstr(sb_str(&rep), "refusing to replace a non-empty golden with an empty text"));
    assert_file("c.trace", "== begin pci\n== end pci status=0\n");
    assert_file("c.serial", "old\n");
    sb_free(&rep);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_all_or_none),
    cmocka_unit_test(test_pair_written),
    cmocka_unit_test(test_empty_never_replaces),
};

int main(void)
{
    const char *filter = getenv("UNIT_FILTER");
    if (filter && *filter)
        cmocka_set_test_filter(filter);
    return cmocka_run_group_tests_name("golden", tests, setup, teardown);
}
