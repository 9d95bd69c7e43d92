/* The line sink of the lspci formatters (lib/pcicfg.h). */
#include <stdarg.h>
#include "lib/pcicfg.h"
#include "lib/printf.h"

static void lo_putc(char c, void *ctx)
{
    struct lsout *o = ctx;
    if (c == '\n') {
        o->buf[o->n] = '\0';
        o->line(o->ctx, o->buf);
        o->n = 0;
    } else if (o->n + 1 < sizeof(o->buf)) {
        o->buf[o->n++] = c;
    }
}

void lo_printf(struct lsout *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kvformat(lo_putc, o, fmt, ap);
    va_end(ap);
}

void lo_flags(struct lsout *o, uint32_t value, const struct lo_bit *bits, size_t n)
{
    for (size_t i = 0; i < n; i++)
        lo_printf(o, " %s%c", bits[i].name, lo_flag(value, bits[i].bit));
}
