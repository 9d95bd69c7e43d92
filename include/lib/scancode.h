/* Scancode set 1 decoder (the codes an i8042 delivers with translation on)
 * and the US keyboard layout. Pure: no I/O, so host unit tests drive it.
 *
 * Set 1 byte stream:
 *   0x01-0x7F            make code of a key (key pressed)
 *   make | 0x80          break code (key released)
 *   0xE0, code           an "extended" key (arrows, right ctrl/alt, keypad
 *                        enter, home/end/pgup/pgdn/insert/delete, ...)
 *   0xE1, code, code     the pause key (sent as a make half and a break half)
 *   0x00, 0xFF           key detection error / buffer overrun
 *
 * Key numbers: the make code for plain keys, KEY_E0 | make code for
 * E0-prefixed ones, so every key is one byte and breaks map to the same key. */
#ifndef LIB_SCANCODE_H
#define LIB_SCANCODE_H

#include <stdint.h>

#define SC_PREFIX_E0        0xE0    /* next byte is an extended key */
#define SC_PREFIX_E1        0xE1    /* next two bytes: pause key half */
#define SC_BREAK            0x80    /* set in a break code */
#define SC_ERROR            0x00    /* key detection error */
#define SC_OVERRUN          0xFF    /* keyboard buffer overrun */

#define KEY_E0              0x80    /* key number bit: E0-prefixed key */
#define KEY_NONE            0x00    /* error bytes and unknown sequences */

/* Keys with a meaning beyond their character (set 1 make codes). */
#define KEY_ESC             0x01
#define KEY_BACKSPACE       0x0E
#define KEY_TAB             0x0F
#define KEY_ENTER           0x1C
#define KEY_LCTRL           0x1D
#define KEY_LSHIFT          0x2A
#define KEY_C               0x2E    /* ctrl-c in the console */
#define KEY_RSHIFT          0x36
#define KEY_LALT            0x38
#define KEY_SPACE           0x39
#define KEY_CAPSLOCK        0x3A
#define KEY_F1              0x3B    /* F1-F10 are 0x3B-0x44 */
#define KEY_NUMLOCK         0x45
#define KEY_SCROLLLOCK      0x46
#define KEY_F11             0x57
#define KEY_F12             0x58
#define KEY_KPENTER         (KEY_E0 | 0x1C)
#define KEY_RCTRL           (KEY_E0 | 0x1D)
#define KEY_KPSLASH         (KEY_E0 | 0x35)
#define KEY_PRINTSCREEN     (KEY_E0 | 0x37)
#define KEY_RALT            (KEY_E0 | 0x38)
#define KEY_PAUSE           (KEY_E0 | 0x45)    /* reached through 0xE1 */
#define KEY_HOME            (KEY_E0 | 0x47)
#define KEY_UP              (KEY_E0 | 0x48)
#define KEY_PGUP            (KEY_E0 | 0x49)
#define KEY_LEFT            (KEY_E0 | 0x4B)
#define KEY_RIGHT           (KEY_E0 | 0x4D)
#define KEY_END             (KEY_E0 | 0x4F)
#define KEY_DOWN            (KEY_E0 | 0x50)
#define KEY_PGDN            (KEY_E0 | 0x51)
#define KEY_INSERT          (KEY_E0 | 0x52)
#define KEY_DELETE          (KEY_E0 | 0x53)

/* Modifier state bits (struct sc_decoder.mods, struct key_event.mods). */
#define MOD_LSHIFT          0x01
#define MOD_RSHIFT          0x02
#define MOD_LCTRL           0x04
#define MOD_RCTRL           0x08
#define MOD_LALT            0x10
#define MOD_RALT            0x20
#define MOD_CAPSLOCK        0x40    /* caps lock toggled on */
#define MOD_SHIFT           (MOD_LSHIFT | MOD_RSHIFT)
#define MOD_CTRL            (MOD_LCTRL | MOD_RCTRL)
#define MOD_ALT             (MOD_LALT | MOD_RALT)

/* Keyboard LED bits, as the 0xED command's data byte carries them. */
#define LED_SCROLLLOCK      0x01
#define LED_NUMLOCK         0x02
#define LED_CAPSLOCK        0x04

struct sc_decoder {
    uint8_t prefix;         /* 0, SC_PREFIX_E0 or SC_PREFIX_E1 */
    uint8_t pending;        /* E1: bytes still to come */
    uint8_t e1_first;       /* E1: the first byte after the prefix */
    uint8_t mods;           /* MOD_* */
};

struct key_event {
    uint8_t key;            /* KEY_* number; KEY_NONE for error bytes */
    uint8_t down;           /* 1 make, 0 break */
    uint8_t mods;           /* MOD_* after this event */
    uint8_t leds_changed;   /* the event toggled a lock: send new LEDs */
    char ch;                /* character typed on a make, else 0 */
};

enum sc_result {
    SC_MORE = 0,            /* a prefix: the sequence is not complete */
    SC_KEY = 1,             /* one complete sequence; *ev is filled in */
};

void sc_init(struct sc_decoder *d);

/* Feed one byte from the controller; SC_KEY when it completed a sequence. */
enum sc_result sc_feed(struct sc_decoder *d, uint8_t byte, struct key_event *ev);

/* Character of `key` on a US layout given MOD_* state: shift for all keys,
 * caps lock inverting shift for letters only. Ctrl and Alt do not change
 * the character (the consumer decides what a combination means). 0 for keys
 * that type nothing (modifiers, arrows, function keys). */
char sc_key_char(uint8_t key, uint8_t mods);

/* LED byte (LED_*) for the lock state in `mods`. */
uint8_t sc_leds(uint8_t mods);

/* Readable name of a key ("a", "enter", "up", "f5", "key 0x7b"); `buf`
 * holds at least 12 bytes and backs names that are not constant. */
const char *sc_key_name(uint8_t key, char *buf);

#endif
