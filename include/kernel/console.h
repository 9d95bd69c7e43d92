/* Kernel console: every byte goes to COM1 (read by the host harness) and to
 * the VGA text screen (read by a person), unless the screen is off. */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

void console_init(void);
/* on 0: leave the VGA screen as it is and write serial only (vga=off), which
 * spares a trace the screen's memory and CRTC writes, about 1.5 per byte
 * printed. Rows are still counted as the screen would scroll them, so the
 * pager pages as with the screen on. */
void console_screen(int on);
void console_putc(char c);
void console_write(const char *s);
int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Paging: with more() set, it is called after every `lines` rows of the
 * screen that output fills (its own output aside; a long line fills more
 * than one); once it returns 0 the rest is dropped until console_pager(0, 0)
 * ends paging. */
void console_pager(int (*more)(void), int lines);

/* Print "panic: MSG" and leave QEMU with EXIT_CRASH; for broken invariants. */
__attribute__((noreturn)) void panic(const char *msg);

#endif
