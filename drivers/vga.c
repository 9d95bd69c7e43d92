/* VGA text console: scrolling, newline, tab and backspace. */
#include <stdint.h>
#include "kernel/io.h"
#include "drivers/vga.h"

/* Scrolling moves the CRTC display start down one row of the 32 KiB text
 * buffer (80 cell writes to clear the new row) instead of copying the
 * screen up (2000 reads and writes per line); only when the buffer is used
 * up are the visible rows copied back to its top. `top` is the buffer row
 * shown first; `row` counts from it.
 *
 * QEMU's VGA takes the text buffer one byte at a time (each byte is one
 * memory_region_ops_write line in a trace), and so does the hardware's
 * odd/even plane pair. `shown` remembers each cell's character, so a cell
 * is written only when it changes, and then by its character byte alone:
 * its attribute is already the default. A cell not yet written since boot
 * (shown 0) may hold any attribute and gets both bytes. The copy back to
 * the buffer's top reads `shown`, never the frame buffer. */
#define VGA_BUF_ROWS ((int)(VGA_TEXT_SIZE / sizeof(uint16_t) / VGA_COLS))

static int top, row, col;
static uint8_t shown[VGA_BUF_ROWS * VGA_COLS];

/* Buffer cell i (row * VGA_COLS + column): 16 bits, the character in the
 * low byte, the attribute in the high. */
static void vga_buf_cell(int i, uint8_t ch)
{
    uintptr_t addr = VGA_TEXT_BASE + sizeof(uint16_t) * (uintptr_t)i;
    if (shown[i] == ch && ch)
        return;
    if (shown[i])
        mmio_write8(addr, ch);
    else
        mmio_write16(addr, (uint16_t)(VGA_ATTR_DEFAULT << 8 | ch));
    shown[i] = ch;
}

/* Cell (r, c) of the screen. */
static void vga_cell(int r, int c, char ch)
{
    vga_buf_cell((top + r) * VGA_COLS + c, (uint8_t)ch);
}

static void vga_crtc16(uint8_t hi_reg, uint8_t lo_reg, uint16_t v)
{
    outb(VGA_CRTC_INDEX, hi_reg);
    outb(VGA_CRTC_DATA, v >> 8);
    outb(VGA_CRTC_INDEX, lo_reg);
    outb(VGA_CRTC_DATA, v & 0xff);
}

void vga_sync_cursor(void)
{
    vga_crtc16(VGA_CRTC_CURSOR_HI, VGA_CRTC_CURSOR_LO, (uint16_t)((top + row) * VGA_COLS + col));
}

static void vga_scroll(void)
{
    if (top + VGA_ROWS < VGA_BUF_ROWS) {
        top++;
    } else {
        for (int r = 1; r < VGA_ROWS; r++)
            for (int c = 0; c < VGA_COLS; c++)
                vga_buf_cell((r - 1) * VGA_COLS + c, shown[(top + r) * VGA_COLS + c]);
        top = 0;
    }
    for (int c = 0; c < VGA_COLS; c++)
        vga_cell(VGA_ROWS - 1, c, ' ');
    row = VGA_ROWS - 1;
    vga_crtc16(VGA_CRTC_START_HI, VGA_CRTC_START_LO, (uint16_t)(top * VGA_COLS));
}

void vga_init(void)
{
    top = 0;
    for (int r = 0; r < VGA_ROWS; r++)
        for (int c = 0; c < VGA_COLS; c++)
            vga_cell(r, c, ' ');
    row = col = 0;
    vga_crtc16(VGA_CRTC_START_HI, VGA_CRTC_START_LO, 0);
    vga_sync_cursor();
}

void vga_putc(char ch)
{
    switch (ch) {
    case '\n': col = 0; row++; break;
    case '\r': col = 0; break;
    case '\t': col = (col + 8) & ~7; break;
    case '\b':
        if (col > 0)
            col--;
        break;
    default:
        vga_cell(row, col, ch);
        col++;
    }
    if (col >= VGA_COLS) {
        col = 0;
        row++;
    }
    if (row >= VGA_ROWS)
        vga_scroll();
}
