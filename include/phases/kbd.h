/* The `kbd` phase: type a line on the PS/2 keyboard, read it back.
 *
 * Trace checkpoints of the phase (CHECK markers of phase kbd), one per
 * decoded key sequence, then one per LED update:
 *   KBD_TAG_MAKE   a key went down    value = KBD_VALUE(key, ch, mods)
 *   KBD_TAG_BREAK  a key went up      value = KBD_VALUE(key, 0, mods)
 *   KBD_TAG_LEDS   LEDs were set      value = the LED byte (LED_* bits)
 *   KBD_TAG_LINE   Enter completed    value = length of the line
 * with key a KEY_* number (scancode.h: set 1 make code, 0x80 set for
 * E0-prefixed keys), ch the character typed (0: none), mods the MOD_* bits
 * after the event. After each sequence's work the kernel writes one ACK. */
#ifndef PHASES_KBD_H
#define PHASES_KBD_H

#define KBD_TAG_MAKE    0x1
#define KBD_TAG_BREAK   0x2
#define KBD_TAG_LEDS    0x3
#define KBD_TAG_LINE    0x4

#define KBD_VALUE(key, ch, mods) \
    ((unsigned)(key) | (unsigned)(unsigned char)(ch) << 8 | (unsigned)(mods) << 16)

/* Run the phase; 0 when a line was read, else the i8042 error number
 * (the END status). */
unsigned kbd_phase(void);

#endif
