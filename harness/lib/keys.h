/* The `keys =` syntax of a scenario, turned into single key events for QMP
 * input-send-event, and the line the kbd-line oracle expects back.
 *
 * Syntax: printable ASCII is typed on a US layout (shift is pressed around
 * shifted characters unless a shift is already held); {name} presses and
 * releases a named key; {+name} presses and holds; {-name} releases;
 * {{ and }} are literal braces. Pure: no I/O. */
#ifndef KEYS_H
#define KEYS_H

#include "harness/lib/util.h"

struct key_event {
    const char *qcode;      /* QMP QKeyCode name (static string) */
    int down;               /* 1 press, 0 release */
    unsigned acks;          /* scancode sequences QEMU sends for it, so ACKs the
                             * guest writes: 1, but Pause 2 down and 0 up,
                             * PrintScreen 2 each way */
};

struct key_list {
    struct key_event *v;
    int n, cap;
};

/* Parse `text`; 0, or -1 with err ("unknown key name 'x'; valid names: ..."). */
int keys_parse(const char *text, struct key_list *out, char *err, size_t errlen);
void keys_free(struct key_list *k);

/* The text the guest's line editor should end up with: characters from key
 * presses up to the first Enter, modelling both shifts, caps lock (letters
 * only) and backspace. Ctrl and Alt do not change characters. Returns 1 when
 * an Enter ends the line, 0 when the events never press Enter. */
int keys_expected_line(const struct key_list *k, struct sbuf *out);

/* Escape TEXT as the guest prints it in `kbd: line "TEXT"`: \" and \\. */
void keys_escape(const char *s, size_t n, struct sbuf *out);

#endif
