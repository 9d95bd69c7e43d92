/* VGA text console (hw/vga.h). */
#ifndef DRIVERS_VGA_H
#define DRIVERS_VGA_H

#include "hw/vga.h"

void vga_init(void);
/* Put one character; the hardware cursor moves only on vga_sync_cursor(),
 * so that a line costs four CRTC writes, not four per character. */
void vga_putc(char c);
void vga_sync_cursor(void);
/* on 0: touch the hardware no more; the cursor still moves in the driver's
 * model of the screen, so that vga_rows_advanced() counts on. */
void vga_show(int on);
/* Rows the cursor has moved down since vga_init, by newline or by a line
 * that filled the row: how far the screen has scrolled what it showed. */
unsigned vga_rows_advanced(void);

#endif
