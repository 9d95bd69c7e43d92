/* unit-sources: lib/hexdump.c */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include "lib/hexdump.h"
#include "unit.h"

static const uint8_t bytes[16] = {
    0x00, 0x01, 0x7f, 0x80, 0xff, 0x54, 0x52, 0x41, 0x43, 0x45, 0x4f, 0x53, 0x21, 0xa0, 0x0a, 0x10,
};

static void test_full_line(void **state)
{
    (void)state;
    char buf[HEXDUMP_LINE_MAX];
    int n = hexdump_line(buf, sizeof buf, 0x10, 4, bytes, 16);
    assert_string_equal(buf, "0010: 00 01 7f 80 ff 54 52 41 43 45 4f 53 21 a0 0a 10");
    assert_int_equal(n, 4 + 1 + 16 * 3);
}

static void test_short_line_and_wide_offset(void **state)
{
    (void)state;
    char buf[HEXDUMP_LINE_MAX];
    hexdump_line(buf, sizeof buf, 0x1234abcdull, 8, bytes, 3);
    assert_string_equal(buf, "1234abcd: 00 01 7f");
    hexdump_line(buf, sizeof buf, 0x12345, 4, bytes, 0);
    assert_string_equal(buf, "2345:");              /* offset cut to 4 digits */
}

/* More than 16 bytes are cut to one line; a small buffer is refused. */
static void test_limits(void **state)
{
    (void)state;
    char buf[HEXDUMP_LINE_MAX], small[8] = "junk";
    uint8_t many[40] = {0};
    assert_int_equal(hexdump_line(buf, sizeof buf, 0, 4, many, 40), 4 + 1 + 16 * 3);
    assert_int_equal(hexdump_line(small, sizeof small, 0, 4, bytes, 2), -1);
    assert_string_equal(small, "");
    assert_int_equal(hexdump_line(buf, sizeof buf, 0, 0, bytes, 2), -1);
    assert_int_equal(hexdump_line(buf, 4 + 1 + 3 * 2 + 1, 0, 4, bytes, 2), 4 + 1 + 3 * 2);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_full_line),
    cmocka_unit_test(test_short_line_and_wide_offset),
    cmocka_unit_test(test_limits),
};

UNIT_MAIN("hexdump", tests)
