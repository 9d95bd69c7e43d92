/* unit-sources: libharness */
/* The `keys =` syntax (single key events for QMP input-send-event) and the
 * kbd-line oracle's model of the guest's line editor. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "harness/lib/keys.h"
#include "unit.h"

/* Events as "+shift +a -a -shift" for easy comparison. */
static void events_text(const struct key_list *k, struct sbuf *out)
{
    for (int i = 0; i < k->n; i++)
        sb_printf(out, "%s%c%s", i ? " " : "", k->v[i].down ? '+' : '-', k->v[i].qcode);
}

static void expect_events(const char *keys, const char *want)
{
    struct key_list k = { 0 };
    struct sbuf t = { 0 };
    char err[512];
    if (keys_parse(keys, &k, err, sizeof(err)) < 0)
        fail_msg("keys '%s': %s", keys, err);
    events_text(&k, &t);
    assert_string_equal(sb_str(&t), want);
    sb_free(&t);
    keys_free(&k);
}

/* The ACKs each event owes: one per scancode sequence QEMU sends. */
static void test_acks_per_event(void **state)
{
    (void)state;
    struct key_list k = { 0 };
    char err[512];
    assert_int_equal(keys_parse("a{pause}{printscreen}{+lshift}", &k, err, sizeof(err)), 0);
    static const unsigned want[] = { 1, 1, 2, 0, 2, 2, 1 };    /* a down, a up, pause, print, shift */
    assert_int_equal(k.n, 7);
    for (int i = 0; i < k.n; i++)
        assert_int_equal(k.v[i].acks, want[i]);
    assert_string_equal(k.v[2].qcode, "pause");
    assert_string_equal(k.v[4].qcode, "print");
    keys_free(&k);
}

static void expect_parse_error(const char *keys, const char *want)
{
    struct key_list k = { 0 };
    char err[512] = "";
    assert_int_equal(keys_parse(keys, &k, err, sizeof(err)), -1);
    assert_prefix(keys, err, want);
    keys_free(&k);
}

/* The line the model expects, and whether Enter ended it. */
static void expect_line(const char *keys, const char *want, int entered)
{
    struct key_list k = { 0 };
    struct sbuf line = { 0 };
    char err[512];
    if (keys_parse(keys, &k, err, sizeof(err)) < 0)
        fail_msg("keys '%s': %s", keys, err);
    assert_int_equal(keys_expected_line(&k, &line), entered);
    assert_string_equal(sb_str(&line), want);
    sb_free(&line);
    keys_free(&k);
}

static void test_parse(void **state)
{
    (void)state;
    expect_events("", "");
    expect_events("a", "+a -a");
    expect_events("A!", "+shift +a -a -shift +shift +1 -1 -shift");
    expect_events("{enter}", "+ret -ret");
    expect_events(" \t", "+spc -spc +tab -tab");
    expect_events("{{}}", "+shift +bracket_left -bracket_left -shift +shift +bracket_right -bracket_right -shift");
    expect_events("{+lshift}ab{-lshift}", "+shift +a -a +b -b -shift");
    expect_events("{+rshift}X{-rshift}", "+shift_r +x -x -shift_r");
    expect_events("{+lctrl}c{-lctrl}", "+ctrl +c -c -ctrl");
    expect_events("{capslock}{kpenter}{f12}{delete}", "+caps_lock -caps_lock +kp_enter -kp_enter +f12 -f12 +delete -delete");
    expect_events("\"~", "+shift +apostrophe -apostrophe -shift +shift +grave_accent -grave_accent -shift");
}

static void test_parse_errors(void **state)
{
    (void)state;
    expect_parse_error("{entr}", "unknown key name 'entr'; valid names: enter backspace");
    expect_parse_error("{}", "unknown key name ''");
    expect_parse_error("{+}", "unknown key name ''");
    expect_parse_error("ab{enter", "unterminated '{' in keys");
    expect_parse_error("{", "unterminated '{' in keys");
    expect_parse_error("a}b", "lone '}' in keys");
    expect_parse_error("}", "lone '}' in keys");
    expect_parse_error("\x7f", "character 0x7f in keys is not printable US ASCII");
    expect_parse_error("\xc3\xa9", "character 0xc3 in keys");
    expect_parse_error("\r", "character 0x0d in keys");
    /* The list of valid names fits a short buffer without overflowing. */
    struct key_list k = { 0 };
    char small[40];
    memset(small, 'x', sizeof(small));
    assert_int_equal(keys_parse("{nope}", &k, small, 32), -1);
    assert_int_equal(strlen(small), 31);
    assert_int_equal(small[32], 'x');
    keys_free(&k);
}

static void test_expected_line(void **state)
{
    (void)state;
    expect_line("Hello{enter}", "Hello", 1);
    expect_line("Hello", "Hello", 0);
    expect_line("ab{backspace}c{enter}", "ac", 1);
    expect_line("{backspace}{backspace}x{enter}", "x", 1);
    expect_line("{capslock}ab1{capslock}c{enter}", "AB1c", 1);
    expect_line("{capslock}{+lshift}a1{-lshift}{enter}", "a!", 1);
    expect_line("{+rshift}a{-rshift}a{enter}", "Aa", 1);
    expect_line("{+lshift}{+rshift}a{-lshift}b{-rshift}c{enter}", "ABc", 1);
    expect_line("{+lctrl}x{-lctrl}{+lalt}y{-lalt}{enter}", "xy", 1);
    expect_line("ab{kpenter}cd{enter}", "ab", 1);
    expect_line("a{up}{left}{f1}{esc}b{enter}", "ab", 1);
    expect_line("say \"hi\\\"{enter}", "say \"hi\\\"", 1);
}

static void test_escape(void **state)
{
    (void)state;
    struct sbuf b = { 0 };
    keys_escape("a\"b\\c", 5, &b);
    assert_string_equal(sb_str(&b), "a\\\"b\\\\c");
    sb_free(&b);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_parse),
    cmocka_unit_test(test_parse_errors),
    cmocka_unit_test(test_expected_line),
    cmocka_unit_test(test_escape),
    cmocka_unit_test(test_acks_per_event),
};

UNIT_MAIN("keys", tests)
