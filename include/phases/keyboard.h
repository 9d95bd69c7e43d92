/* The keyboard as the kbd phase and the console see it: key events decoded
 * (lib/scancode) from the bytes the i8042 driver delivers, the LEDs kept in
 * step with the lock keys, and typed characters fed to the line editor with
 * their echo. */
#ifndef PHASES_KEYBOARD_H
#define PHASES_KEYBOARD_H

#include "lib/line.h"
#include "lib/scancode.h"

/* Read bytes until they complete one scancode sequence; decode it into *ev. */
void keyboard_read_key(struct sc_decoder *d, struct key_event *ev);

/* Feed a typed character to the line editor and echo what it did; returns
 * line_edit()'s result (enum line_result). */
int keyboard_edit_echo(struct line *l, char ch);

/* If the event toggled a lock key, set the keyboard LEDs to match:
 * 0, or -I8042_E* naming the failed step (already printed). */
int keyboard_update_leds(const struct key_event *ev);

#endif
