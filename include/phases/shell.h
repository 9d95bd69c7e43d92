/* The console on the VGA screen and COM1, typed on the PS/2 keyboard: a
 * prompt, line editing, and the commands in shell.c's table. Interactive
 * after boot without phase words; the `console` word runs it as a phase. */
#ifndef PHASES_SHELL_H
#define PHASES_SHELL_H

/* Trace checkpoint tag written by the `trace VALUE` command (phase console). */
#define CONSOLE_TAG_USER    0x1

/* Run the console; returns only when the keyboard cannot be set up. */
void shell_run(void);

/* The `console` word: READY, then typed lines run as commands, each key
 * sequence ACKed, until `quit`. 0, or the i8042 error (the END status). */
unsigned console_phase(void);

#endif
