/* VGA text console: scrolling, newline, tab and backspace. */
#include <stdint.h>
#include "kernel/io.h"
#include "drivers/vga.h"

/* Scrolling moves the CRTC display start down one row of the 32 KiB text
 * buffer instead of copying the screen up (2000 reads and writes per line);
 * only when the buffer is used up are the visible rows copied back to its
 * top. `top` is the buffer row shown first; `row` counts from it.
 *
 * QEMU's VGA takes the text buffer one byte at a time (each byte written is
 * one memory_region_ops_write line in a trace), and so does the hardware's
 * odd/even plane pair. `cell` holds what each cell of the buffer holds
 * (attribute << 8 | character), read back from the buffer the first time
 * the cell is used (VGA_CELL_UNREAD until then), so that a cell is written
 * only when it changes, by its character byte alone where its attribute
 * is already the default. A cell of 0x0000 (character 0, black on black:
 * what QEMU's video memory holds from power-on until something writes it)
 * shows as a blank, so clearing it writes nothing; only the cell under the
 * cursor gets the default attribute, for the cursor takes its colour from
 * the cell. The copy back to the buffer's top reads `cell`, never the
 * buffer. */
#define VGA_BUF_ROWS ((int)(VGA_TEXT_SIZE / sizeof(uint16_t) / VGA_COLS))
#define VGA_CELL_UNREAD 0xffff  /* a cell may hold it too: that one is read again at each use */
#define VGA_BLANK VGA_CELL(VGA_ATTR_DEFAULT, ' ')

static int top, row, col;
static int shown = 1;           /* vga_show(): 0, no buffer or CRTC access */
static unsigned advanced;       /* vga_rows_advanced() */
static uint16_t cell[VGA_BUF_ROWS * VGA_COLS];

static uintptr_t vga_cell_addr(int i) { return VGA_TEXT_BASE + sizeof(uint16_t) * (uintptr_t)i; }

/* What buffer cell i (row * VGA_COLS + column) holds. */
static uint16_t vga_buf_get(int i)
{
    if (cell[i] == VGA_CELL_UNREAD)
        cell[i] = mmio_read16(vga_cell_addr(i));
    return cell[i];
}

/* Write v to buffer cell i, by its character byte alone where the
 * attribute stays. */
static void vga_buf_put(int i, uint16_t v)
{
    if (VGA_CELL_ATTR(vga_buf_get(i)) == VGA_CELL_ATTR(v))
        mmio_write8(vga_cell_addr(i), VGA_CELL_CHAR(v));
    else
        mmio_write16(vga_cell_addr(i), v);
    cell[i] = v;
}

/* Buffer cell i to v, unless it shows v already (a blank shows on 0x0000). */
static void vga_buf_set(int i, uint16_t v)
{
    uint16_t now = vga_buf_get(i);
    if (now != v && !(v == VGA_BLANK && now == 0))
        vga_buf_put(i, v);
}

static void vga_buf_cell(int i, uint8_t ch) { vga_buf_set(i, VGA_CELL(VGA_ATTR_DEFAULT, ch)); }

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

void vga_show(int on) { shown = on; }

void vga_sync_cursor(void)
{
    if (!shown)
        return;
    int i = (top + row) * VGA_COLS + col;
    if (vga_buf_get(i) == 0)    /* a 0x0000 cell would hide the cursor */
        vga_buf_put(i, VGA_BLANK);
    vga_crtc16(VGA_CRTC_CURSOR_HI, VGA_CRTC_CURSOR_LO, (uint16_t)i);
}

static void vga_scroll(void)
{
    if (!shown) {
        row = VGA_ROWS - 1;
        return;
    }
    if (top + VGA_ROWS < VGA_BUF_ROWS) {
        top++;
    } else {
        for (int r = 1; r < VGA_ROWS; r++)
            for (int c = 0; c < VGA_COLS; c++)
                vga_buf_set((r - 1) * VGA_COLS + c, vga_buf_get((top + r) * VGA_COLS + c));
        top = 0;
    }
    for (int c = 0; c < VGA_COLS; c++)
        vga_cell(VGA_ROWS - 1, c, ' ');
    row = VGA_ROWS - 1;
    vga_crtc16(VGA_CRTC_START_HI, VGA_CRTC_START_LO, (uint16_t)(top * VGA_COLS));
}

void vga_init(void)
{
    for (int i = 0; i < VGA_BUF_ROWS * VGA_COLS; i++)
        cell[i] = VGA_CELL_UNREAD;
    top = 0;
    for (int r = 0; r < VGA_ROWS; r++)
        for (int c = 0; c < VGA_COLS; c++)
            vga_cell(r, c, ' ');
    row = col = 0;
    advanced = 0;
    vga_crtc16(VGA_CRTC_START_HI, VGA_CRTC_START_LO, 0);
    vga_sync_cursor();
}

void vga_putc(char ch)
{
    int was = row;
    switch (ch) {
    case '\n': col = 0; row++; break;
    case '\r': col = 0; break;
    case '\t': col = (col + 8) & ~7; break;
    case '\b':
        if (col > 0)
            col--;
        break;
    default:
        if (shown)
            vga_cell(row, col, ch);
        col++;
    }
    if (col >= VGA_COLS) {
        col = 0;
        row++;
    }
    advanced += (unsigned)(row - was);
    if (row >= VGA_ROWS)
        vga_scroll();
}

unsigned vga_rows_advanced(void) { return advanced; }
