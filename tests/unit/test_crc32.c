/* unit-sources: lib/crc32.c */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "lib/crc32.h"
#include "unit.h"

/* The standard check value of CRC-32/ISO-HDLC (zlib's crc32). */
static void test_check_value(void **state)
{
    (void)state;
    assert_int_equal(crc32_update(CRC32_INIT, "123456789", 9), 0xCBF43926u);
}

static void test_empty_is_init(void **state)
{
    (void)state;
    assert_int_equal(crc32_update(CRC32_INIT, "", 0), 0x00000000u);
    assert_int_equal(crc32_update(0x12345678u, "x", 0), 0x12345678u);
}

/* Values from zlib.crc32() on the host. */
static void test_known_values(void **state)
{
    (void)state;
    static uint8_t zeros[512];
    assert_int_equal(crc32_update(CRC32_INIT, "a", 1), 0xE8B7BE43u);
    assert_int_equal(crc32_update(CRC32_INIT, zeros, sizeof zeros), 0xB2AA7578u);
    assert_int_equal(crc32_update(CRC32_INIT, "The quick brown fox jumps over the lazy dog", 43),
                     0x414FA339u);
}

/* Feeding the data in pieces gives the CRC of the whole. */
static void test_incremental(void **state)
{
    (void)state;
    const char *s = "The quick brown fox jumps over the lazy dog";
    size_t n = strlen(s);
    uint32_t whole = crc32_update(CRC32_INIT, s, n);
    for (size_t cut = 0; cut <= n; cut++) {
        uint32_t c = crc32_update(CRC32_INIT, s, cut);
        assert_int_equal(crc32_update(c, s + cut, n - cut), whole);
    }
}

/* One flipped bit anywhere changes the CRC. */
static void test_bit_flip_detected(void **state)
{
    (void)state;
    uint8_t buf[64];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(i * 37);
    uint32_t ref = crc32_update(CRC32_INIT, buf, sizeof buf);
    for (size_t bit = 0; bit < 8 * sizeof buf; bit++) {
        buf[bit / 8] ^= (uint8_t)(1u << (bit % 8));
        assert_int_not_equal(crc32_update(CRC32_INIT, buf, sizeof buf), ref);
        buf[bit / 8] ^= (uint8_t)(1u << (bit % 8));
    }
}

/* The definition, bit by bit: the reference for the table-driven code. */
static uint32_t crc32_bitwise(const uint8_t *p, size_t len)
{
    uint32_t c = 0xFFFFFFFFu;
    while (len--) {
        c ^= *p++;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (CRC32_POLY_REFLECTED & (0u - (c & 1)));
    }
    return ~c;
}

/* Eight bytes a step: every length around the step's multiples, at every
 * alignment, and one long buffer, agree with the bitwise definition. */
static void test_slices_agree_with_definition(void **state)
{
    (void)state;
    static uint8_t buf[4096 + 8];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (uint8_t)(x >> 16);
    }
    for (size_t off = 0; off < 8; off++)
        for (size_t len = 0; len <= 67; len++)
            assert_int_equal(crc32_update(CRC32_INIT, buf + off, len), crc32_bitwise(buf + off, len));
    assert_int_equal(crc32_update(CRC32_INIT, buf + 3, 4096), crc32_bitwise(buf + 3, 4096));
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_check_value),
    cmocka_unit_test(test_empty_is_init),
    cmocka_unit_test(test_known_values),
    cmocka_unit_test(test_incremental),
    cmocka_unit_test(test_bit_flip_detected),
    cmocka_unit_test(test_slices_agree_with_definition),
};

UNIT_MAIN("crc32", tests)
