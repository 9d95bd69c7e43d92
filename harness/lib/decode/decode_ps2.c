/* PS/2 keyboard (hw/input/ps2.c) and the i8042 controller (hw/input/pckbd.c):
 * keyboard commands and their data bytes, the bytes the controller takes
 * from the keyboard, qcodes, set 2 keycodes, LED bits, controller commands,
 * configuration and status bits. Command codes as QEMU's ps2.c and pckbd.c
 * define them (the IBM PS/2 keyboard and 8042 interfaces).
 *
 * `ps2_read_data` does not log the byte; it is the next one in the
 * keyboard's queue, which this file models as ps2.c keeps it: replies to
 * commands (`ps2_write_keyboard`) are read before key bytes, a new command
 * drops unread replies, a reset empties the queue, and with translation on
 * each set 2 byte `ps2_put_keycode` logs is queued as its set 1 byte (0xf0
 * queues nothing and sets bit 7 of the next). */
#include <string.h>
#include "harness/lib/decode/decode_parts.h"
#include "harness/lib/decode/decode_ps2.h"
#include "lib/scancode.h"

static const struct dec_name kbd_commands[] = {
    { 0xed, "set LEDs (an LED byte follows)" },
    { 0xee, "echo" },
    { 0xf0, "get/set scancode set (a set number follows)" },
    { 0xf2, "identify keyboard" },
    { 0xf3, "set typematic rate and delay (a byte follows)" },
    { 0xf4, "enable scanning" },
    { 0xf5, "disable scanning and set defaults" },
    { 0xf6, "set defaults" },
    { 0xfa, "set all keys typematic/make/break" },
    { 0xfc, "set a key make/break (a key follows)" },
    { 0xfe, "resend" },
    { 0xff, "reset and self-test" },
    { .name = NULL },
};

static const struct dec_name kbd_replies[] = {
    { 0xfa, "ACK" }, { 0xaa, "self-test passed" }, { 0xfe, "resend" }, { 0xee, "echo" },
    { 0xfc, "self-test failed" }, { 0xab, "keyboard ID byte 1" }, { 0x00, "error or buffer overrun" },
    { 0xff, "error or buffer overrun" }, { .name = NULL },
};

static const struct dec_bit led_bits[] = {
    { 0x01, "scroll-lock" }, { 0x02, "num-lock" }, { 0x04, "caps-lock" }, { 0 },
};

/* ps2_keyboard_event's `modifier` and `modifiers` (ps2.c MOD_*). */
static const struct dec_bit ps2_mod_bits[] = {
    { 0x01, "ctrl" }, { 0x02, "shift" }, { 0x04, "alt" },
    { 0x08, "ctrl_r" }, { 0x10, "shift_r" }, { 0x20, "alt_r" }, { 0 },
};

static const struct dec_name ctrl_commands[] = {
    { 0x20, "read configuration byte" }, { 0x60, "write configuration byte (next data byte)" },
    { 0xa1, "get version" }, { 0xa7, "disable port 2 (mouse)" }, { 0xa8, "enable port 2 (mouse)" },
    { 0xa9, "test port 2" }, { 0xaa, "controller self-test (answers 0x55)" },
    { 0xab, "test port 1 (answers 0x00)" }, { 0xad, "disable port 1 (keyboard)" },
    { 0xae, "enable port 1 (keyboard)" }, { 0xc0, "read input port" },
    { 0xd0, "read output port" }, { 0xd1, "write output port (next data byte)" },
    { 0xd2, "write port 1 output buffer (next data byte)" },
    { 0xd3, "write port 2 output buffer (next data byte)" },
    { 0xd4, "write the next data byte to port 2 (mouse)" }, { 0xdd, "disable A20" },
    { 0xdf, "enable A20" }, { 0xfe, "pulse reset line (reset the CPU)" }, { 0xff, "no-op" },
    { .name = NULL },
};

static const struct dec_bit config_bits[] = {
    { 0x01, "PORT1-IRQ" }, { 0x02, "PORT2-IRQ" }, { 0x04, "SYS" }, { 0x08, "NO-KEYLOCK" },
    { 0x10, "PORT1-CLOCK-OFF" }, { 0x20, "PORT2-CLOCK-OFF" }, { 0x40, "TRANSLATE" }, { 0 },
};

static const struct dec_bit status_bits[] = {
    { 0x01, "OBF" }, { 0x02, "IBF" }, { 0x04, "SYS" }, { 0x08, "CMD" }, { 0x10, "UNLOCKED" },
    { 0x20, "AUX-OBF" }, { 0x40, "TIMEOUT" }, { 0x80, "PARITY" }, { 0 },
};

static const char *qcode_name(unsigned q)
{
    return q < DECODE_NQCODES ? decode_qcode_names[q] : NULL;
}

/* The qcode name of set 2 code (0xe0NN for E0 keys), or NULL. */
static const char *set2_name(unsigned code)
{
    for (const struct decode_set2 *s = decode_set2_codes; s->code; s++)
        if (s->code == code)
            return qcode_name(s->qcode);
    return NULL;
}

void decode_i8042_command(unsigned cmd, struct sbuf *out)
{
    const char *n = dec_name(ctrl_commands, cmd);
    if (!n && cmd >= 0xf0)
        n = "pulse output lines";
    say(out, "i8042 command 0x%02X: %s", cmd, n ? n : "unknown");
}

void decode_i8042_config(unsigned cfg, struct sbuf *out)
{
    say(out, "configuration byte 0x%02x: ", cfg);
    dec_bits(out, cfg, config_bits);
    say(out, " (translation %s)", cfg & 0x40 ? "on: the CPU reads set 1" : "off: the CPU reads set 2");
}

void decode_i8042_status(unsigned s, struct sbuf *out)
{
    say(out, "i8042 status 0x%02x: ", s);
    dec_bits(out, s, status_bits);
    if (s == 0xff)
        say(out, " (no controller: an unclaimed port reads 0xff)");
}

/* --- the keyboard's output queue --- */

static void queue_reply(struct decode_state *st, unsigned cmd, unsigned b)
{
    if (st->nreply < (int)(sizeof(st->reply) / sizeof(st->reply[0])))
        st->reply[st->nreply++] = (struct decode_ps2_byte){ .byte = (uint8_t)b, .reply_to = (int16_t)cmd };
}

static void queue_key(struct decode_state *st, unsigned b)
{
    if (st->nreply + st->nkey < DECODE_PS2_QUEUE)     /* ps2_queue drops the rest */
        st->key[st->nkey++] = (struct decode_ps2_byte){ .byte = (uint8_t)b, .reply_to = -1 };
}

/* A byte the CPU reads with translation on (set 1). */
void decode_ps2_set1_byte(struct decode_state *st, unsigned b, struct sbuf *out)
{
    char buf[16];
    if (b == 0xe0 || b == 0xe1) {
        st->set1_e0 = b == 0xe0;
        say(out, "set 1 prefix 0x%02x (%s)", b, b == 0xe0 ? "an extended key follows" : "pause key");
        return;
    }
    unsigned key = (b & 0x7f) | (st->set1_e0 ? 0x80 : 0);
    st->set1_e0 = 0;
    say(out, "set 1 %s of %s", b & 0x80 ? "break" : "make", sc_key_name((uint8_t)key, buf));
}

/* A set 2 byte the CPU reads (translation off), or one ps2_put_keycode logs. */
static void set2_byte(struct decode_state *st, unsigned b, struct sbuf *out, const char *what)
{
    if (b == 0xe0 || b == 0xe1) {
        st->set2_prefix = (int)(b << 8 | (b == 0xe1 ? 2 : 0));
        say(out, "%sprefix 0x%02x (%s)", what, b, b == 0xe0 ? "an extended key follows" : "pause key");
        return;
    }
    if (b == 0xf0) {
        st->set2_break = 1;
        say(out, "%sbreak prefix 0xf0 (the key below was released)", what);
        return;
    }
    int prefix = st->set2_prefix >> 8, brk = st->set2_break;
    if (prefix == 0xe1) {
        say(out, "%s0x%02x, part of the pause key sequence", what, b);
        if ((st->set2_prefix & 0xff) > 1)
            st->set2_prefix--;
        else
            st->set2_prefix = 0;
        st->set2_break = 0;
        return;
    }
    const char *n = set2_name(prefix == 0xe0 ? 0xe000 | b : b);
    say(out, "%s%s of %s", what, brk ? "break" : "make", n ? n : "an unknown key");
    st->set2_prefix = 0;
    st->set2_break = 0;
}

static enum decode_result put_keycode(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    uint64_t k;
    if (!dec_num(d, "keycode 0x", &k) || k > 0xff)
        return DECODE_MALFORMED;
    set2_byte(st, (unsigned)k, out, "keyboard sends set 2 ");
    if (st->translate == 1) {
        if (k == 0xf0) {
            st->need_high_bit = 1;
        } else {
            unsigned b = decode_set2_to_set1[k] | (st->need_high_bit ? 0x80 : 0);
            queue_key(st, b);
            st->need_high_bit = 0;
            say(out, "; queued as set 1 0x%02x", b);
        }
    } else if (st->translate == 0) {
        queue_key(st, (unsigned)k);
    }
    return DECODE_OK;
}

static enum decode_result read_data(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)d;
    struct decode_ps2_byte b;
    const char *from = "";
    if (st->nreply) {
        b = st->reply[0];
        memmove(st->reply, st->reply + 1, sizeof(b) * (size_t)--st->nreply);
    } else if (st->nkey) {
        b = st->key[0];
        memmove(st->key, st->key + 1, sizeof(b) * (size_t)--st->nkey);
    } else if (st->last_read >= 0) {
        b = (struct decode_ps2_byte){ .byte = (uint8_t)st->last_read, .reply_to = -2 };
        from = "the queue is empty: it repeats ";
    } else {
        say(out, "the i8042 takes the keyboard's next byte (not known from the lines before)");
        return DECODE_OK;
    }
    st->last_read = b.byte;
    say(out, "the i8042 takes %s0x%02x: ", from, b.byte);
    if (b.reply_to >= 0) {
        const char *r = dec_name(kbd_replies, b.byte);
        say(out, "%s, the keyboard's answer to 0x%02X", r ? r : "a reply", (unsigned)b.reply_to);
    } else if (st->translate == 0) {
        set2_byte(st, b.byte, out, "set 2 (translation off) ");
    } else {
        decode_ps2_set1_byte(st, b.byte, out);
    }
    return DECODE_OK;
}

static enum decode_result write_keyboard(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    uint64_t v;
    if (!dec_num(d, "val ", &v) || v > 0xff)
        return DECODE_MALFORMED;
    st->nreply = 0;                         /* ps2_cqueue_reset */
    if (st->kbd_cmd >= 0) {
        unsigned c = (unsigned)st->kbd_cmd;
        st->kbd_cmd = -1;
        say(out, "data byte 0x%02x for keyboard command 0x%02X: ", (unsigned)v, c);
        if (c == 0xed) {
            say(out, "LEDs ");
            dec_bits(out, (unsigned)v, led_bits);
        } else if (c == 0xf0) {
            say(out, v ? "use scancode set %u" : "which set is in use?", (unsigned)v);
        } else {
            say(out, "0x%02x", (unsigned)v);
        }
        queue_reply(st, c, 0xfa);
        return DECODE_OK;
    }
    const char *n = dec_name(kbd_commands, (unsigned)v);
    say(out, "keyboard command 0x%02X: %s", (unsigned)v, n ? n : "not a command (answered resend)");
    if (v == 0xed || v == 0xf0 || v == 0xf3 || v == 0xfc)
        st->kbd_cmd = (int)v;
    if (v == 0xff) {
        queue_reply(st, 0xff, 0xfa);
        queue_reply(st, 0xff, 0xaa);
    } else if (v == 0xf2) {
        queue_reply(st, 0xf2, 0xfa);
        queue_reply(st, 0xf2, 0xab);
        queue_reply(st, 0xf2, st->translate == 1 ? 0x41 : 0x83);
    } else if (v == 0xee) {
        queue_reply(st, 0xee, 0xee);
    } else {
        queue_reply(st, (unsigned)v, (n || v == 0) && v != 0xfe ? 0xfa : 0xfe);
    }
    return DECODE_OK;
}

static enum decode_result reset_keyboard(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)d;
    st->nkey = 0;               /* the reset's own replies are queued after it */
    st->need_high_bit = 0;
    say(out, "keyboard reset: scanning on, scancode set 2, queue emptied, LEDs off");
    return DECODE_OK;
}

static enum decode_result ledstate(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t v;
    if (!dec_num(d, "ledstate ", &v))
        return DECODE_MALFORMED;
    say(out, "keyboard LEDs now 0x%x: ", (unsigned)v);
    dec_bits(out, (unsigned)v, led_bits);
    return DECODE_OK;
}

static enum decode_result translation(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    uint64_t v;
    if (!dec_num(d, "mode ", &v))
        return DECODE_MALFORMED;
    st->translate = v != 0;
    say(out, "i8042 translation %s (configuration bit 6 written %u)",
        v ? "on: the CPU reads scancode set 1" : "off: the CPU reads set 2 as the keyboard sends it",
        (unsigned)(v != 0));
    return DECODE_OK;
}

static enum decode_result key_event(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    uint64_t q, down, mod, mods, set, xlate;
    if (!dec_num(d, "qcode ", &q) || !dec_num(d, "down ", &down) ||
        !dec_num(d, "modifier 0x", &mod) || !dec_num(d, "modifiers 0x", &mods) ||
        !dec_num(d, "set ", &set) || !dec_num(d, "xlate ", &xlate))
        return DECODE_MALFORMED;
    st->translate = xlate != 0;
    const char *n = qcode_name((unsigned)q);
    say(out, "host key %s %s (qcode %u)", n ? n : "?", down ? "down" : "up", (unsigned)q);
    if (mod) {
        say(out, ", a modifier: ");
        dec_bits(out, (unsigned)mod, ps2_mod_bits);
    }
    if (mods) {
        say(out, "; held before: ");
        dec_bits(out, (unsigned)mods, ps2_mod_bits);
    }
    say(out, "; set %u, translation %s", (unsigned)set, xlate ? "on" : "off");
    return DECODE_OK;
}

static enum decode_result write_mouse(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t v;
    if (!dec_num(d, "val ", &v))
        return DECODE_MALFORMED;
    say(out, "byte 0x%02x for the mouse (port 2)", (unsigned)v);
    return DECODE_OK;
}

static enum decode_result kbd_reset(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)d;
    st->nkey = st->nreply = 0;
    say(out, "keyboard device reset (machine reset)");
    return DECODE_OK;
}

/* pckbd_* (hw/input/pckbd.c): "0x%02x" values. */
static int pckbd_value(const struct dline *d, uint64_t *v)
{
    return dec_num(d, "0x", v) && *v <= 0xff;
}

static enum decode_result pckbd_read_data(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    uint64_t v;
    if (!pckbd_value(d, &v))
        return DECODE_MALFORMED;
    say(out, "CPU reads 0x%02x from port 0x60: ", (unsigned)v);
    if (st->translate == 0)
        set2_byte(st, (unsigned)v, out, "set 2 ");
    else
        decode_ps2_set1_byte(st, (unsigned)v, out);
    return DECODE_OK;
}

static enum decode_result pckbd_status(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t v;
    if (!pckbd_value(d, &v))
        return DECODE_MALFORMED;
    decode_i8042_status((unsigned)v, out);
    return DECODE_OK;
}

static enum decode_result pckbd_command(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    uint64_t v;
    if (!pckbd_value(d, &v))
        return DECODE_MALFORMED;
    st->i8042_cmd = (int)v;
    decode_i8042_command((unsigned)v, out);
    return DECODE_OK;
}

static enum decode_result pckbd_data(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    uint64_t v;
    if (!pckbd_value(d, &v))
        return DECODE_MALFORMED;
    if (st->i8042_cmd == 0x60)
        decode_i8042_config((unsigned)v, out);
    else
        say(out, "data byte 0x%02x for the keyboard or the last controller command", (unsigned)v);
    st->i8042_cmd = -1;
    return DECODE_OK;
}

static enum decode_result pckbd_outport(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t v;
    if (!pckbd_value(d, &v))
        return DECODE_MALFORMED;
    say(out, "i8042 output port = 0x%02x: %s, A20 %s", (unsigned)v, v & 1 ? "system running" : "CPU reset",
        v & 2 ? "on" : "off");
    return DECODE_OK;
}

const struct decode_event decode_ps2_events[] = {
    { .name = "ps2_put_keycode", .fn = put_keycode },
    { .name = "ps2_read_data", .fn = read_data },
    { .name = "ps2_write_keyboard", .fn = write_keyboard },
    { .name = "ps2_reset_keyboard", .fn = reset_keyboard },
    { .name = "ps2_set_ledstate", .fn = ledstate },
    { .name = "ps2_keyboard_set_translation", .fn = translation },
    { .name = "ps2_keyboard_event", .fn = key_event },
    { .name = "ps2_write_mouse", .fn = write_mouse },
    { .name = "ps2_kbd_reset", .fn = kbd_reset },
    { .name = "pckbd_kbd_read_data", .fn = pckbd_read_data },
    { .name = "pckbd_kbd_read_status", .fn = pckbd_status },
    { .name = "pckbd_kbd_write_command", .fn = pckbd_command },
    { .name = "pckbd_kbd_write_data", .fn = pckbd_data },
    { .name = "pckbd_outport_write", .fn = pckbd_outport },
    { .name = NULL },
};
