#include <stdarg.h>
#include "kernel/console.h"
#include "lib/printf.h"
#include "drivers/debug_exit.h"
#include "drivers/uart.h"
#include "drivers/vga.h"
#include "kernel/io.h"

/* A page is `lines` rows of the VGA screen, counted as the screen moves
 * (vga_rows_advanced), so a line longer than a row counts for every row it
 * fills, and the question comes in the middle of such a line when it
 * crosses the page's end, as more(1) does: no row scrolls away unseen. */
static struct {
    int (*more)(void);          /* the pager's question; 0: not paging */
    unsigned lines;             /* rows per page */
    unsigned start;             /* vga_rows_advanced() where the page began */
    int asking, dropping;
    int midline;                /* the last character was not a newline */
} pager;

void console_init(void)
{
    uart_init();
    vga_init();
}

void console_screen(int on)
{
    vga_show(on);
}

void console_pager(int (*more)(void), int lines)
{
    pager.more = lines > 0 ? more : 0;     /* a page of no rows: no paging */
    pager.lines = lines > 0 ? (unsigned)lines : 0;
    pager.start = vga_rows_advanced();
    pager.asking = pager.dropping = 0;
}

/* After a full page, ask; its answer decides whether output goes on. A
 * question inside a line starts a line of its own on serial (on the screen
 * the line has just wrapped). */
static void console_page_break(void)
{
    if (pager.midline) {
        uart_putc('\r');
        uart_putc('\n');
    }
    pager.asking = 1;
    vga_sync_cursor();
    pager.dropping = !pager.more();
    pager.asking = 0;
    pager.start = vga_rows_advanced();
}

/* One character to both consoles; the VGA cursor is moved by the caller. */
static void console_emit(char c)
{
    if (pager.dropping)
        return;
    if (c == '\n')
        uart_putc('\r');
    uart_putc(c);
    vga_putc(c);
    pager.midline = c != '\n';
    if (pager.more && !pager.asking && vga_rows_advanced() - pager.start >= pager.lines)
        console_page_break();
}

void console_putc(char c)
{
    console_emit(c);
    vga_sync_cursor();
}

void console_write(const char *s)
{
    while (*s)
        console_emit(*s++);
    vga_sync_cursor();
}

static void console_emit_ctx(char c, void *ctx)
{
    (void)ctx;
    console_emit(c);
}

int kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvformat(console_emit_ctx, 0, fmt, ap);
    va_end(ap);
    vga_sync_cursor();
    return n;
}

void panic(const char *msg)
{
    irq_disable();
    kprintf("panic: %s\n", msg);
    debug_exit(DEBUG_EXIT_CRASH);
}
