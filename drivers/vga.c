/* VGA text console: scrolling, newline, tab and backspace. */
#include <stdint.h>
#include "kernel/io.h"
#include "drivers/vga.h"

static int row, col;

/* Cell (r, c): 16 bits, the character in the low byte, the attribute in the high. */
static uintptr_t vga_cell_addr(int r, int c)
{
    return VGA_TEXT_BASE + sizeof(uint16_t) * (uintptr_t)(r * VGA_COLS + c);
}

static void vga_cell(int r, int c, char ch)
{
    mmio_write16(vga_cell_addr(r, c), (uint16_t)(VGA_ATTR_DEFAULT << 8 | (uint8_t)ch));
}

void vga_sync_cursor(void)
{
    uint16_t pos = (uint16_t)(row * VGA_COLS + col);
    outb(VGA_CRTC_INDEX, VGA_CRTC_CURSOR_HI);
    outb(VGA_CRTC_DATA, pos >> 8);
    outb(VGA_CRTC_INDEX, VGA_CRTC_CURSOR_LO);
    outb(VGA_CRTC_DATA, pos & 0xff);
}

static void vga_scroll(void)
{
    for (int r = 1; r < VGA_ROWS; r++)
        for (int c = 0; c < VGA_COLS; c++)
            mmio_write16(vga_cell_addr(r - 1, c), mmio_read16(vga_cell_addr(r, c)));
    for (int c = 0; c < VGA_COLS; c++)
        vga_cell(VGA_ROWS - 1, c, ' ');
    row = VGA_ROWS - 1;
}

void vga_init(void)
{
    for (int r = 0; r < VGA_ROWS; r++)
        for (int c = 0; c < VGA_COLS; c++)
            vga_cell(r, c, ' ');
    row = col = 0;
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
