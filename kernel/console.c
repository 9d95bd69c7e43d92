#include <stdarg.h>
#include "kernel/console.h"
#include "lib/printf.h"
#include "drivers/debug_exit.h"
#include "drivers/uart.h"
#include "drivers/vga.h"
#include "kernel/io.h"

static struct {
    int (*more)(void);          /* the pager's question; 0: not paging */
    int lines, left;            /* lines per page; lines left on this one */
    int asking, dropping;
} pager;

void console_init(void)
{
    uart_init();
    vga_init();
}

void console_pager(int (*more)(void), int lines)
{
    pager.more = more;
    pager.lines = pager.left = lines;
    pager.asking = pager.dropping = 0;
}

/* After a full page, ask; its answer decides whether output goes on. */
static void console_page_break(void)
{
    pager.asking = 1;
    vga_sync_cursor();
    pager.dropping = !pager.more();
    pager.asking = 0;
    pager.left = pager.lines;
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
    if (c == '\n' && pager.more && !pager.asking && --pager.left == 0)
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
