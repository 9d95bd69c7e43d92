/* Scancode set 1 decoding and the US layout (see scancode.h). Pure: no I/O. */
#include <stdint.h>
#include "lib/scancode.h"

/* US layout, unshifted: set 1 make code -> character. */
static const char keymap_plain[128] = {
    [0x01] = 0x1B,                              /* esc */
    [0x02] = '1', [0x03] = '2', [0x04] = '3', [0x05] = '4', [0x06] = '5',
    [0x07] = '6', [0x08] = '7', [0x09] = '8', [0x0A] = '9', [0x0B] = '0',
    [0x0C] = '-', [0x0D] = '=', [0x0E] = '\b', [0x0F] = '\t',
    [0x10] = 'q', [0x11] = 'w', [0x12] = 'e', [0x13] = 'r', [0x14] = 't',
    [0x15] = 'y', [0x16] = 'u', [0x17] = 'i', [0x18] = 'o', [0x19] = 'p',
    [0x1A] = '[', [0x1B] = ']', [0x1C] = '\n',
    [0x1E] = 'a', [0x1F] = 's', [0x20] = 'd', [0x21] = 'f', [0x22] = 'g',
    [0x23] = 'h', [0x24] = 'j', [0x25] = 'k', [0x26] = 'l',
    [0x27] = ';', [0x28] = '\'', [0x29] = '`', [0x2B] = '\\',
    [0x2C] = 'z', [0x2D] = 'x', [0x2E] = 'c', [0x2F] = 'v', [0x30] = 'b',
    [0x31] = 'n', [0x32] = 'm', [0x33] = ',', [0x34] = '.', [0x35] = '/',
    [0x37] = '*', [0x39] = ' ', [0x4A] = '-', [0x4E] = '+',   /* keypad * - + */
};

/* US layout with shift held; keys absent here type their plain character. */
static const char keymap_shift[128] = {
    [0x02] = '!', [0x03] = '@', [0x04] = '#', [0x05] = '$', [0x06] = '%',
    [0x07] = '^', [0x08] = '&', [0x09] = '*', [0x0A] = '(', [0x0B] = ')',
    [0x0C] = '_', [0x0D] = '+',
    [0x10] = 'Q', [0x11] = 'W', [0x12] = 'E', [0x13] = 'R', [0x14] = 'T',
    [0x15] = 'Y', [0x16] = 'U', [0x17] = 'I', [0x18] = 'O', [0x19] = 'P',
    [0x1A] = '{', [0x1B] = '}',
    [0x1E] = 'A', [0x1F] = 'S', [0x20] = 'D', [0x21] = 'F', [0x22] = 'G',
    [0x23] = 'H', [0x24] = 'J', [0x25] = 'K', [0x26] = 'L',
    [0x27] = ':', [0x28] = '"', [0x29] = '~', [0x2B] = '|',
    [0x2C] = 'Z', [0x2D] = 'X', [0x2E] = 'C', [0x2F] = 'V', [0x30] = 'B',
    [0x31] = 'N', [0x32] = 'M', [0x33] = '<', [0x34] = '>', [0x35] = '?',
};

/* E0-prefixed keys that type a character (keypad enter and slash). */
static const char keymap_e0[128] = {
    [0x1C] = '\n', [0x35] = '/',
};

/* Modifier bit of each modifier key. */
static const uint8_t modifier_bits[256] = {
    [KEY_LSHIFT] = MOD_LSHIFT, [KEY_RSHIFT] = MOD_RSHIFT,
    [KEY_LCTRL] = MOD_LCTRL,   [KEY_RCTRL] = MOD_RCTRL,
    [KEY_LALT] = MOD_LALT,     [KEY_RALT] = MOD_RALT,
};

/* Names of keys that do not type a printable character. */
static const char *const key_names[256] = {
    [KEY_ESC] = "esc", [KEY_BACKSPACE] = "backspace", [KEY_TAB] = "tab",
    [KEY_ENTER] = "enter", [KEY_LCTRL] = "lctrl", [KEY_LSHIFT] = "lshift",
    [KEY_RSHIFT] = "rshift", [KEY_LALT] = "lalt", [KEY_SPACE] = "space",
    [KEY_CAPSLOCK] = "capslock", [KEY_NUMLOCK] = "numlock",
    [KEY_SCROLLLOCK] = "scrolllock",
    [KEY_F1] = "f1", [KEY_F1 + 1] = "f2", [KEY_F1 + 2] = "f3", [KEY_F1 + 3] = "f4",
    [KEY_F1 + 4] = "f5", [KEY_F1 + 5] = "f6", [KEY_F1 + 6] = "f7", [KEY_F1 + 7] = "f8",
    [KEY_F1 + 8] = "f9", [KEY_F1 + 9] = "f10", [KEY_F11] = "f11", [KEY_F12] = "f12",
    [KEY_KPENTER] = "kpenter", [KEY_RCTRL] = "rctrl", [KEY_KPSLASH] = "kp/",
    [KEY_PRINTSCREEN] = "printscreen", [KEY_RALT] = "ralt",
    [KEY_PAUSE] = "pause", [KEY_HOME] = "home", [KEY_UP] = "up",
    [KEY_PGUP] = "pgup", [KEY_LEFT] = "left", [KEY_RIGHT] = "right",
    [KEY_END] = "end", [KEY_DOWN] = "down", [KEY_PGDN] = "pgdn",
    [KEY_INSERT] = "insert", [KEY_DELETE] = "delete",
};

void sc_init(struct sc_decoder *d)
{
    d->prefix = 0;
    d->pending = 0;
    d->e1_first = 0;
    d->mods = 0;
}

static int is_letter(char c)
{
    return c >= 'a' && c <= 'z';
}

char sc_key_char(uint8_t key, uint8_t mods)
{
    if (key & KEY_E0)
        return keymap_e0[key & ~KEY_E0];
    char plain = keymap_plain[key];
    int shift = (mods & MOD_SHIFT) != 0;
    if (is_letter(plain) && (mods & MOD_CAPSLOCK))
        shift = !shift;
    if (shift && keymap_shift[key])
        return keymap_shift[key];
    return plain;
}

uint8_t sc_leds(uint8_t mods)
{
    return (mods & MOD_CAPSLOCK) ? LED_CAPSLOCK : 0;
}

/* Apply a complete key event to the modifier state and fill in *ev. */
static void sc_key(struct sc_decoder *d, uint8_t key, int down, struct key_event *ev)
{
    uint8_t bit = modifier_bits[key];
    ev->leds_changed = 0;
    if (bit)
        d->mods = down ? (d->mods | bit) : (d->mods & ~bit);
    if (key == KEY_CAPSLOCK && down) {
        d->mods ^= MOD_CAPSLOCK;
        ev->leds_changed = 1;
    }
    ev->key = key;
    ev->down = (uint8_t)down;
    ev->mods = d->mods;
    ev->ch = down ? sc_key_char(key, d->mods) : 0;
}

/* Pause: E1 1D 45 (make half) or E1 9D C5 (break half): E1, then the codes
 * of left ctrl and num lock. */
static enum sc_result sc_feed_e1(struct sc_decoder *d, uint8_t byte, struct key_event *ev)
{
    if (--d->pending) {
        d->e1_first = byte;
        return SC_MORE;
    }
    d->prefix = 0;
    if ((d->e1_first & ~SC_BREAK) == KEY_LCTRL && (byte & ~SC_BREAK) == KEY_NUMLOCK)
        sc_key(d, KEY_PAUSE, !(byte & SC_BREAK), ev);
    else
        sc_key(d, KEY_NONE, 0, ev);
    return SC_KEY;
}

enum sc_result sc_feed(struct sc_decoder *d, uint8_t byte, struct key_event *ev)
{
    if (d->prefix == SC_PREFIX_E1)
        return sc_feed_e1(d, byte, ev);
    if (byte == SC_PREFIX_E0 || byte == SC_PREFIX_E1) {
        d->prefix = byte;
        d->pending = byte == SC_PREFIX_E1 ? 2 : 1;
        return SC_MORE;
    }
    uint8_t key = byte & ~SC_BREAK;
    if (d->prefix == SC_PREFIX_E0)
        key |= KEY_E0;
    d->prefix = 0;
    if (byte == SC_ERROR || byte == SC_OVERRUN)
        key = KEY_NONE;
    sc_key(d, key, key != KEY_NONE && !(byte & SC_BREAK), ev);
    return SC_KEY;
}

static void hex_name(uint8_t key, char *buf)
{
    static const char hex[] = "0123456789abcdef";
    const char *p = "key 0x";
    while (*p)
        *buf++ = *p++;
    *buf++ = hex[key >> 4];
    *buf++ = hex[key & 0xF];
    *buf = 0;
}

const char *sc_key_name(uint8_t key, char *buf)
{
    if (key_names[key])
        return key_names[key];
    char c = sc_key_char(key, 0);
    if (c > ' ' && c < 0x7F) {
        buf[0] = c;
        buf[1] = 0;
    } else {
        hex_name(key, buf);
    }
    return buf;
}
