/* unit-sources: lib/printf.c */
/* kvformat / ksnprintf / kvsnprintf: every conversion, flags, widths,
 * precision, length modifiers, truncation and NUL termination.
 *
 * Where the C standard defines the result, check() also asks the host's
 * snprintf, so an expectation written here cannot drift from C. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/printf.h"
#include "unit.h"

/* ksnprintf(fmt, ...) must give the fixed string `want` and return its
 * length; the host's snprintf must print `want` too, so the expectation is
 * what C defines. Failures name the calling line. */
/* Format with the kernel (into got, length *n) and with the host's libc
 * (into libc, length *m), from the same arguments. */
static void format_both(char got[256], char libc[256], int *n, int *m, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    *n = kvsnprintf(got, 256, fmt, ap);
    *m = vsnprintf(libc, 256, fmt, ap2);
    va_end(ap2);
}

#define check(...) check_at(__LINE__, __VA_ARGS__)
#define check_kernel(...) check_kernel_at(__LINE__, __VA_ARGS__)

static void check_at(int line, const char *want, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void check_at(int line, const char *want, const char *fmt, ...)
{
    char got[256], libc[256];
    va_list ap;
    va_start(ap, fmt);
    int n, m;
    format_both(got, libc, &n, &m, fmt, ap);
    va_end(ap);
    /* the expectation itself must be what C prints */
    _assert_string_equal(libc, want, __FILE__, line);
    _assert_int_equal((unsigned long)m, strlen(want), __FILE__, line);
    _assert_string_equal(got, want, __FILE__, line);
    _assert_int_equal((unsigned long)n, strlen(want), __FILE__, line);
}

/* Where the answer depends on the host's type sizes (long is 32 or 64
 * bits): the kernel's output must be what the host's snprintf prints. */
#define check_libc(...) check_libc_at(__LINE__, __VA_ARGS__)
static void check_libc_at(int line, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void check_libc_at(int line, const char *fmt, ...)
{
    char got[256], libc[256];
    va_list ap;
    va_start(ap, fmt);
    int n, m;
    format_both(got, libc, &n, &m, fmt, ap);
    va_end(ap);
    _assert_string_equal(got, libc, __FILE__, line);
    _assert_int_equal((unsigned long)n, (unsigned long)m, __FILE__, line);
}

/* For the kernel's own choices, where C has no (defined) answer. */
static void check_kernel_at(int line, const char *want, const char *fmt, ...)
{
    char got[256];
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(got, sizeof(got), fmt, ap);
    va_end(ap);
    _assert_string_equal(got, want, __FILE__, line);
    _assert_int_equal((unsigned long)n, strlen(want), __FILE__, line);
}

static void test_plain_text_and_percent(void **state)
{
    (void)state;
    check("", "%s", "");
    check("hello, world", "hello, world");
    check("100%", "100%%");
    check("%%", "%%%%");
    check("a%b", "a%%b");
}

static void test_char(void **state)
{
    (void)state;
    check("x", "%c", 'x');
    check("[  x]", "[%3c]", 'x');
    check("[x  ]", "[%-3c]", 'x');
    check("ab", "%c%c", 'a', 'b');
    check("\xff", "%c", 0xff);
}

static void test_string(void **state)
{
    (void)state;
    check("abc", "%s", "abc");
    check("[  abc]", "[%5s]", "abc");
    check("[abc  ]", "[%-5s]", "abc");
    check("[abcdef]", "[%3s]", "abcdef");      /* width is a minimum */
    check("[ab]", "[%.2s]", "abcdef");
    check("[]", "[%.0s]", "abcdef");
    check("[abc]", "[%.9s]", "abc");
    check("[   ab]", "[%5.2s]", "abcdef");
    check("[ab   ]", "[%-5.2s]", "abcdef");
    check("[abcd]", "[%.*s]", 4, "abcdefgh");
    check("[abcdefgh]", "[%.*s]", -1, "abcdefgh");  /* negative: no limit */
    /* %.*s need not see a NUL within the precision. */
    char unterminated[3] = { 'x', 'y', 'z' };
    check("xy", "%.2s", unterminated);
}

static void test_string_null(void **state)
{
    (void)state;
    check_kernel("(null)", "%s", (char *)NULL);
    check_kernel("[  (null)]", "[%8s]", (char *)NULL);
}

static void test_signed_decimal(void **state)
{
    (void)state;
    check("0", "%d", 0);
    check("42", "%d", 42);
    check("-42", "%d", -42);
    check("7", "%i", 7);
    check("-7", "%i", -7);
    check("2147483647", "%d", INT_MAX);
    check("-2147483648", "%d", INT_MIN);
    check("-1", "%d", -1);
}

static void test_signed_width_and_flags(void **state)
{
    (void)state;
    check("[   42]", "[%5d]", 42);
    check("[  -42]", "[%5d]", -42);
    check("[00042]", "[%05d]", 42);
    check("[-0042]", "[%05d]", -42);          /* sign before the zeros */
    check("[42   ]", "[%-5d]", 42);
    check("[-42  ]", "[%-5d]", -42);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
    check("[-42  ]", "[%-05d]", -42);         /* '-' wins over '0' */
#pragma GCC diagnostic pop
    check("[-42]", "[%2d]", -42);             /* no truncation */
    check("[-42]", "[%03d]", -42);            /* exactly fits */
    check("[-2147483648]", "[%05d]", INT_MIN);
    check("[-0000000000002147483648]", "[%023d]", INT_MIN);
    check("[0]", "[%0d]", 0);
}

static void test_unsigned_and_hex(void **state)
{
    (void)state;
    check("0", "%u", 0u);
    check("4294967295", "%u", UINT_MAX);
    check("0", "%x", 0u);
    check("deadbeef", "%x", 0xdeadbeefu);
    check("DEADBEEF", "%X", 0xdeadbeefu);
    check("0000beef", "%08x", 0xbeefu);
    check("    beef", "%8x", 0xbeefu);
    check("beef    |", "%-8x|", 0xbeefu);
    check("12345", "%2x", 0x12345u);
    check("ffffffff", "%x", (unsigned)-1);
    check("00:1f.7", "%02x:%02x.%x", 0u, 0x1fu, 7u);
    check("abcdef ABCDEF", "%x %X", 0xabcdefu, 0xabcdefu);
}

static void test_long(void **state)
{
    (void)state;
    check("-9", "%ld", -9L);
    check("123456789", "%lu", 123456789UL);
    check_libc("%ld %lu %lx", LONG_MIN, ULONG_MAX, ULONG_MAX);
    check_libc("%ld", LONG_MAX);
}

static void test_long_long_64bit(void **state)
{
    (void)state;
    check("-9223372036854775808", "%lld", (long long)INT64_MIN);
    check("9223372036854775807", "%lld", (long long)INT64_MAX);
    check("18446744073709551615", "%llu", (unsigned long long)UINT64_MAX);
    check("ffffffffffffffff", "%llx", (unsigned long long)UINT64_MAX);
    check("FFFFFFFFFFFFFFFF", "%llX", (unsigned long long)UINT64_MAX);
    check("0000004000000000", "%016llx", (unsigned long long)0x4000000000ull);
    check("4000000000", "%08llx", (unsigned long long)0x4000000000ull);
    check("100000000", "%llx", (unsigned long long)1 << 32);
    check("-4294967296", "%lld", -((long long)1 << 32));
    check("[-0000000004294967296]", "[%020lld]", -((long long)1 << 32));
    /* a 64-bit argument does not disturb the ones after it */
    check("1 2 3", "%d %llu %d", 1, (unsigned long long)2, 3);
}

static void test_star_width(void **state)
{
    (void)state;
    check("[   42]", "[%*d]", 5, 42);
    check("[42   ]", "[%-*d]", 5, 42);
    check("[00042]", "[%0*d]", 5, 42);
    check("[  ab]", "[%*s]", 4, "ab");
    check("[42   ]", "[%*d]", -5, 42);      /* negative: '-' and the magnitude */
    check("[ab  ]", "[%*s]", -4, "ab");
    check("[ab   ]", "[%*.*s]", -5, 2, "abcdef");
}

static void test_pointer(void **state)
{
    (void)state;
    char want[64];
    /* Always 0x and every hex digit of a pointer, whatever the machine. */
    snprintf(want, sizeof(want), "0x%0*llx", (int)(2 * sizeof(void *)), 0x1234ull);
    check_kernel(want, "%p", (void *)(uintptr_t)0x1234);
    snprintf(want, sizeof(want), "0x%0*llx", (int)(2 * sizeof(void *)), 0ull);
    check_kernel(want, "%p", (void *)0);
    snprintf(want, sizeof(want), "[0x%llx]", (unsigned long long)UINTPTR_MAX);
    check_kernel(want, "[%p]", (void *)UINTPTR_MAX);
}

static void test_unknown_conversion_and_trailing_percent(void **state)
{
    (void)state;
    check_kernel("%q", "%q");
    check_kernel("a%qb", "a%qb");
    check_kernel("abc", "abc%");                /* a lone '%' at the end prints nothing */
    check_kernel("abc", "abc%-5");
    check_kernel("abc", "abc%ll");
}

static void test_truncation(void **state)
{
    (void)state;
    char buf[16];

    memset(buf, '#', sizeof(buf));
    assert_int_equal(ksnprintf(buf, 6, "hello world"), 11);
    assert_string_equal(buf, "hello");
    assert_int_equal(buf[6], '#');              /* nothing past size */

    memset(buf, '#', sizeof(buf));
    assert_int_equal(ksnprintf(buf, 1, "abc"), 3);
    assert_int_equal(buf[0], '\0');
    assert_int_equal(buf[1], '#');

    memset(buf, '#', sizeof(buf));
    assert_int_equal(ksnprintf(buf, 4, "abc"), 3);  /* exactly fits */
    assert_string_equal(buf, "abc");
    assert_int_equal(buf[4], '#');

    memset(buf, '#', sizeof(buf));
    assert_int_equal(ksnprintf(buf, 3, "abc"), 3);  /* one short */
    assert_string_equal(buf, "ab");

    memset(buf, '#', sizeof(buf));
    assert_int_equal(ksnprintf(buf, 5, "%08x", 0xbeefu), 8);
    assert_string_equal(buf, "0000");

    memset(buf, '#', sizeof(buf));
    assert_int_equal(ksnprintf(buf, 4, "%d", INT_MIN), 11);
    assert_string_equal(buf, "-21");

    memset(buf, '#', sizeof(buf));
    assert_int_equal(ksnprintf(buf, 0, "abc"), 3);  /* size 0 writes nothing */
    assert_int_equal(buf[0], '#');
    assert_int_equal(ksnprintf(NULL, 0, "%s-%d", "abc", 12), 6);

    memset(buf, '#', sizeof(buf));
    assert_int_equal(ksnprintf(buf, sizeof(buf), "%s", ""), 0);
    assert_string_equal(buf, "");
}

/* kvformat hands every character to the callback, no NUL, and counts them. */
struct sink {
    char buf[64];
    int len;
};

static void sink_putc(char c, void *ctx)
{
    struct sink *s = ctx;
    if (s->len < (int)sizeof(s->buf))
        s->buf[s->len] = c;
    s->len++;
}

static int format_to_sink(struct sink *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvformat(sink_putc, s, fmt, ap);
    va_end(ap);
    return n;
}

static void test_kvformat_callback(void **state)
{
    (void)state;
    struct sink s = { .len = 0 };
    int n = format_to_sink(&s, "%s=%05d|%-3c|%%", "v", -7, 'z');
    assert_int_equal(n, 13);
    assert_int_equal(s.len, 13);                /* no terminating NUL emitted */
    assert_memory_equal(s.buf, "v=-0007|z  |%", 13);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_plain_text_and_percent),
    cmocka_unit_test(test_char),
    cmocka_unit_test(test_string),
    cmocka_unit_test(test_string_null),
    cmocka_unit_test(test_signed_decimal),
    cmocka_unit_test(test_signed_width_and_flags),
    cmocka_unit_test(test_unsigned_and_hex),
    cmocka_unit_test(test_long),
    cmocka_unit_test(test_long_long_64bit),
    cmocka_unit_test(test_star_width),
    cmocka_unit_test(test_pointer),
    cmocka_unit_test(test_unknown_conversion_and_trailing_percent),
    cmocka_unit_test(test_truncation),
    cmocka_unit_test(test_kvformat_callback),
};

UNIT_MAIN("printf", tests)
