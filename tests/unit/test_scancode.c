/* unit-sources: lib/scancode.c */
/* Scancode set 1 decoder and US layout: every printable character, both
 * shifts, caps lock, E0 and E1 sequences, breaks, error bytes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "lib/scancode.h"
#include "unit.h"

/* The US keyboard as a typist sees it: a character, its set 1 make code and
 * whether shift is needed. Written from the keyboard layout, independently
 * of the tables in scancode.c. */
struct typed {
    char ch;
    uint8_t code;
    int shift;
};

static const struct typed us_keys[] = {
    { '1', 0x02, 0 }, { '2', 0x03, 0 }, { '3', 0x04, 0 }, { '4', 0x05, 0 },
    { '5', 0x06, 0 }, { '6', 0x07, 0 }, { '7', 0x08, 0 }, { '8', 0x09, 0 },
    { '9', 0x0A, 0 }, { '0', 0x0B, 0 }, { '-', 0x0C, 0 }, { '=', 0x0D, 0 },
    { '!', 0x02, 1 }, { '@', 0x03, 1 }, { '#', 0x04, 1 }, { '$', 0x05, 1 },
    { '%', 0x06, 1 }, { '^', 0x07, 1 }, { '&', 0x08, 1 }, { '*', 0x09, 1 },
    { '(', 0x0A, 1 }, { ')', 0x0B, 1 }, { '_', 0x0C, 1 }, { '+', 0x0D, 1 },
    { 'q', 0x10, 0 }, { 'w', 0x11, 0 }, { 'e', 0x12, 0 }, { 'r', 0x13, 0 },
    { 't', 0x14, 0 }, { 'y', 0x15, 0 }, { 'u', 0x16, 0 }, { 'i', 0x17, 0 },
    { 'o', 0x18, 0 }, { 'p', 0x19, 0 }, { '[', 0x1A, 0 }, { ']', 0x1B, 0 },
    { '{', 0x1A, 1 }, { '}', 0x1B, 1 },
    { 'a', 0x1E, 0 }, { 's', 0x1F, 0 }, { 'd', 0x20, 0 }, { 'f', 0x21, 0 },
    { 'g', 0x22, 0 }, { 'h', 0x23, 0 }, { 'j', 0x24, 0 }, { 'k', 0x25, 0 },
    { 'l', 0x26, 0 }, { ';', 0x27, 0 }, { '\'', 0x28, 0 }, { '`', 0x29, 0 },
    { ':', 0x27, 1 }, { '"', 0x28, 1 }, { '~', 0x29, 1 },
    { '\\', 0x2B, 0 }, { '|', 0x2B, 1 },
    { 'z', 0x2C, 0 }, { 'x', 0x2D, 0 }, { 'c', 0x2E, 0 }, { 'v', 0x2F, 0 },
    { 'b', 0x30, 0 }, { 'n', 0x31, 0 }, { 'm', 0x32, 0 }, { ',', 0x33, 0 },
    { '.', 0x34, 0 }, { '/', 0x35, 0 }, { '<', 0x33, 1 }, { '>', 0x34, 1 },
    { '?', 0x35, 1 }, { ' ', 0x39, 0 },
};
#define NKEYS (sizeof(us_keys) / sizeof(us_keys[0]))

/* Feed bytes; expect exactly one complete sequence, at the last byte. */
static struct key_event feed(struct sc_decoder *d, const uint8_t *bytes, size_t n)
{
    struct key_event ev;
    memset(&ev, 0xAA, sizeof(ev));
    for (size_t i = 0; i + 1 < n; i++)
        assert_int_equal(sc_feed(d, bytes[i], &ev), SC_MORE);
    assert_int_equal(sc_feed(d, bytes[n - 1], &ev), SC_KEY);
    return ev;
}

static struct key_event feed1(struct sc_decoder *d, uint8_t b)
{
    return feed(d, &b, 1);
}

/* Type a letter-case independent key with or without a shift key held. */
static char type(struct sc_decoder *d, uint8_t code, uint8_t shift_key)
{
    if (shift_key)
        assert_int_equal(feed1(d, shift_key).key, shift_key);
    struct key_event down = feed1(d, code);
    struct key_event up = feed1(d, code | SC_BREAK);
    assert_int_equal(down.key, code);
    assert_int_equal(down.down, 1);
    assert_int_equal(up.key, code);
    assert_int_equal(up.down, 0);
    assert_int_equal(up.ch, 0);
    if (shift_key)
        assert_int_equal(feed1(d, shift_key | SC_BREAK).down, 0);
    return down.ch;
}

/* The 26 letters do not appear in us_keys with shift: derive them. */
static void test_every_printable_char(void **state)
{
    (void)state;
    int seen[128] = { 0 };
    for (uint8_t shift_key = KEY_LSHIFT; shift_key; shift_key = shift_key == KEY_LSHIFT ? KEY_RSHIFT : 0) {
        struct sc_decoder d;
        sc_init(&d);
        for (size_t i = 0; i < NKEYS; i++) {
            const struct typed *k = &us_keys[i];
            char got = type(&d, k->code, k->shift ? shift_key : 0);
            assert_int_equal(got, k->ch);
            seen[(int)k->ch] = 1;
            if (k->ch >= 'a' && k->ch <= 'z') {
                assert_int_equal(type(&d, k->code, shift_key), k->ch - 'a' + 'A');
                seen[k->ch - 'a' + 'A'] = 1;
            }
        }
    }
    for (int c = ' '; c < 0x7F; c++)
        if (!seen[c])
            fail_msg("printable character '%c' (0x%02x) is never typed", c, c);
}

static void test_control_keys(void **state)
{
    (void)state;
    struct sc_decoder d;
    sc_init(&d);
    assert_int_equal(type(&d, KEY_ENTER, 0), '\n');
    assert_int_equal(type(&d, KEY_BACKSPACE, 0), '\b');
    assert_int_equal(type(&d, KEY_TAB, 0), '\t');
    assert_int_equal(type(&d, KEY_ESC, 0), 0x1B);
    assert_int_equal(type(&d, KEY_SPACE, KEY_LSHIFT), ' ');
    assert_int_equal(type(&d, 0x3B, 0), 0);                     /* F1 */
}

static void test_caps_lock_toggles_letters_only(void **state)
{
    (void)state;
    struct sc_decoder d;
    sc_init(&d);
    struct key_event ev = feed1(&d, KEY_CAPSLOCK);
    assert_int_equal(ev.leds_changed, 1);
    assert_int_equal(ev.mods & MOD_CAPSLOCK, MOD_CAPSLOCK);
    assert_int_equal(sc_leds(ev.mods), LED_CAPSLOCK);
    ev = feed1(&d, KEY_CAPSLOCK | SC_BREAK);
    assert_int_equal(ev.leds_changed, 0);
    assert_int_equal(ev.mods & MOD_CAPSLOCK, MOD_CAPSLOCK);  /* a toggle, not held */
    assert_int_equal(type(&d, 0x1E, 0), 'A');
    assert_int_equal(type(&d, 0x1E, KEY_LSHIFT), 'a');          /* shift inverts caps */
    assert_int_equal(type(&d, 0x02, 0), '1');                   /* digits unaffected */
    assert_int_equal(type(&d, 0x02, KEY_RSHIFT), '!');
    assert_int_equal(type(&d, 0x1A, 0), '[');
    ev = feed1(&d, KEY_CAPSLOCK);
    assert_int_equal(ev.leds_changed, 1);
    assert_int_equal(ev.mods & MOD_CAPSLOCK, 0);
    assert_int_equal(sc_leds(ev.mods), 0);
    feed1(&d, KEY_CAPSLOCK | SC_BREAK);
    assert_int_equal(type(&d, 0x1E, 0), 'a');
}

static void test_modifiers_tracked(void **state)
{
    (void)state;
    struct sc_decoder d;
    sc_init(&d);
    assert_int_equal(feed1(&d, KEY_LSHIFT).mods, MOD_LSHIFT);
    assert_int_equal(feed1(&d, KEY_RSHIFT).mods, MOD_LSHIFT | MOD_RSHIFT);
    assert_int_equal(feed1(&d, KEY_LSHIFT | SC_BREAK).mods, MOD_RSHIFT);
    assert_int_equal(type(&d, 0x1E, 0), 'A');                   /* right shift still held */
    assert_int_equal(feed1(&d, KEY_RSHIFT | SC_BREAK).mods, 0);
    assert_int_equal(feed1(&d, KEY_LCTRL).mods, MOD_LCTRL);
    assert_int_equal(feed1(&d, KEY_LALT).mods, MOD_LCTRL | MOD_LALT);
    assert_int_equal(type(&d, 0x2E, 0), 'c');                   /* ctrl, alt: same char */
    assert_int_equal(feed1(&d, KEY_LCTRL | SC_BREAK).mods, MOD_LALT);
    assert_int_equal(feed1(&d, KEY_LALT | SC_BREAK).mods, 0);
}

static void test_e0_keys(void **state)
{
    (void)state;
    static const uint8_t e0_keys[] = {
        KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_PGUP,
        KEY_PGDN, KEY_INSERT, KEY_DELETE, KEY_RCTRL, KEY_RALT,
    };
    struct sc_decoder d;
    sc_init(&d);
    for (size_t i = 0; i < sizeof(e0_keys); i++) {
        uint8_t code = e0_keys[i] & ~KEY_E0;
        uint8_t make[] = { SC_PREFIX_E0, code };
        uint8_t brk[] = { SC_PREFIX_E0, (uint8_t)(code | SC_BREAK) };
        struct key_event ev = feed(&d, make, 2);
        assert_int_equal(ev.key, e0_keys[i]);
        assert_int_equal(ev.down, 1);
        assert_int_equal(ev.ch, 0);
        ev = feed(&d, brk, 2);
        assert_int_equal(ev.key, e0_keys[i]);
        assert_int_equal(ev.down, 0);
    }
    assert_int_equal(d.mods, 0);
}

static void test_e0_right_modifiers_and_keypad(void **state)
{
    (void)state;
    struct sc_decoder d;
    sc_init(&d);
    uint8_t rctrl[] = { SC_PREFIX_E0, 0x1D }, rctrl_up[] = { SC_PREFIX_E0, 0x9D };
    uint8_t ralt[] = { SC_PREFIX_E0, 0x38 }, kpenter[] = { SC_PREFIX_E0, 0x1C };
    assert_int_equal(feed(&d, rctrl, 2).mods, MOD_RCTRL);
    assert_int_equal(feed(&d, rctrl_up, 2).mods, 0);
    assert_int_equal(feed(&d, ralt, 2).mods, MOD_RALT);
    struct key_event ev = feed(&d, kpenter, 2);
    assert_int_equal(ev.key, KEY_KPENTER);
    assert_int_equal(ev.ch, '\n');
    /* E0 2A is the fake shift of print screen: not a shift */
    uint8_t fake[] = { SC_PREFIX_E0, 0x2A };
    assert_int_equal(feed(&d, fake, 2).mods & MOD_SHIFT, 0);
    assert_int_equal(type(&d, 0x1E, 0), 'a');
}

static void test_e1_pause_and_errors(void **state)
{
    (void)state;
    struct sc_decoder d;
    sc_init(&d);
    uint8_t make[] = { SC_PREFIX_E1, 0x1D, 0x45 }, brk[] = { SC_PREFIX_E1, 0x9D, 0xC5 };
    struct key_event ev = feed(&d, make, 3);
    assert_int_equal(ev.key, KEY_PAUSE);
    assert_int_equal(ev.down, 1);
    ev = feed(&d, brk, 3);
    assert_int_equal(ev.key, KEY_PAUSE);
    assert_int_equal(ev.down, 0);
    ev = feed1(&d, SC_ERROR);
    assert_int_equal(ev.key, KEY_NONE);
    assert_int_equal(ev.ch, 0);
    ev = feed1(&d, SC_OVERRUN);
    assert_int_equal(ev.key, KEY_NONE);
    assert_int_equal(type(&d, 0x10, 0), 'q');       /* decoder still in step */
}

static void test_key_names(void **state)
{
    (void)state;
    char buf[12];
    assert_string_equal(sc_key_name(0x1E, buf), "a");
    assert_string_equal(sc_key_name(0x28, buf), "'");
    assert_string_equal(sc_key_name(KEY_UP, buf), "up");
    assert_string_equal(sc_key_name(KEY_ENTER, buf), "enter");
    assert_string_equal(sc_key_name(0x44, buf), "f10");
    assert_string_equal(sc_key_name(0x7B, buf), "key 0x7b");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_every_printable_char),
    cmocka_unit_test(test_control_keys),
    cmocka_unit_test(test_caps_lock_toggles_letters_only),
    cmocka_unit_test(test_modifiers_tracked),
    cmocka_unit_test(test_e0_keys),
    cmocka_unit_test(test_e0_right_modifiers_and_keypad),
    cmocka_unit_test(test_e1_pause_and_errors),
    cmocka_unit_test(test_key_names),
};

UNIT_MAIN("scancode", tests)
