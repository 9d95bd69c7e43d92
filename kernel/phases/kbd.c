/* The `kbd` phase (see kbd.h): set the keyboard up, signal READY, then
 * decode each scancode sequence the host types, echo it, and ACK it. Enter
 * prints the line; the phase ends when that Enter key is released, so the
 * host's release is consumed here and not left for whoever reads next. */
#include <stdint.h>
#include "drivers/i8042.h"
#include "drivers/tracedev.h"
#include "kernel/console.h"
#include "lib/line.h"
#include "lib/scancode.h"
#include "phases/kbd.h"
#include "phases/keyboard.h"

enum kbd_state { KBD_TYPING, KBD_WAIT_RELEASE, KBD_DONE };

struct kbd_phase {
    struct sc_decoder dec;
    struct line line;
    enum kbd_state state;
    uint8_t enter_key;          /* the Enter key that completed the line */
};

static void kbd_print_line(const struct line *l)
{
    static char esc[2 * LINE_CAP + 1];
    line_escape(l->text, l->len, esc, sizeof(esc));
    kprintf("\nkbd: line \"%s\"\n", esc);
    trace_check(TRACE_PHASE_KBD, KBD_TAG_LINE, (uint32_t)l->len);
}

/* A typed character while the line is open: edit, echo; Enter prints it. */
static void kbd_type(struct kbd_phase *p, const struct key_event *ev)
{
    if (keyboard_edit_echo(&p->line, ev->ch) != LINE_DONE)
        return;
    kbd_print_line(&p->line);
    p->enter_key = ev->key;
    p->state = KBD_WAIT_RELEASE;
}

/* All the work one key sequence causes; 0 or -I8042_E*. */
static int kbd_event(struct kbd_phase *p, const struct key_event *ev)
{
    trace_check(TRACE_PHASE_KBD, ev->down ? KBD_TAG_MAKE : KBD_TAG_BREAK,
                KBD_VALUE(ev->key, ev->ch, ev->mods));
    if (ev->leds_changed) {
        int r = keyboard_update_leds(ev);
        if (r != 0)
            return r;
        trace_check(TRACE_PHASE_KBD, KBD_TAG_LEDS, sc_leds(ev->mods));
    }
    if (p->state == KBD_TYPING && ev->down && ev->ch)
        kbd_type(p, ev);
    else if (p->state == KBD_WAIT_RELEASE && !ev->down && ev->key == p->enter_key)
        p->state = KBD_DONE;
    return 0;
}

unsigned kbd_phase(void)
{
    static struct kbd_phase p;
    int r = i8042_init();
    if (r != 0) {
        kprintf("kbd: no keyboard: i8042 set-up failed (error %d)\n", -r);
        return (unsigned)-r;
    }
    sc_init(&p.dec);
    line_init(&p.line);
    p.state = KBD_TYPING;
    kprintf("kbd: ready\n");
    trace_ready(TRACE_PHASE_KBD);
    for (unsigned count = 1; r == 0 && p.state != KBD_DONE; count++) {
        struct key_event ev;
        keyboard_read_key(&p.dec, &ev);
        r = kbd_event(&p, &ev);
        trace_ack(TRACE_PHASE_KBD, count);
    }
    if (r != 0)
        kprintf("kbd: keyboard stopped answering (error %d)\n", -r);
    return (unsigned)-r;
}
