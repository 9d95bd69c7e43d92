/* Formatting engine shared by the console (kprintf) and string output. */
#include <limits.h>
#include <stdint.h>
#include "lib/printf.h"

struct spec {
    int width;
    int precision;      /* %s: at most this many characters; -1: no limit */
    char pad;           /* ' ' or '0' */
    int left;           /* '-' flag */
};

static int emit_str(putc_fn out, void *ctx, const char *s, int len, const struct spec *sp)
{
    int n = 0;
    if (!sp->left)
        for (; n < sp->width - len; n++)
            out(sp->pad, ctx);
    for (int i = 0; i < len; i++)
        out(s[i], ctx);
    n += len;
    for (; n < sp->width; n++)
        out(' ', ctx);
    return n;
}

static int emit_num(putc_fn out, void *ctx, uint64_t v, unsigned base, int upper,
                    int negative, const struct spec *sp)
{
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char buf[24];
    int i = sizeof(buf);
    do {
        buf[--i] = digits[v % base];
        v /= base;
    } while (v);
    if (negative) {
        if (sp->pad == '0' && !sp->left) {
            out('-', ctx);
            struct spec rest = *sp;
            rest.width = sp->width > 0 ? sp->width - 1 : 0;
            return 1 + emit_str(out, ctx, buf + i, (int)sizeof(buf) - i, &rest);
        }
        buf[--i] = '-';
    }
    return emit_str(out, ctx, buf + i, (int)sizeof(buf) - i, sp);
}

int kvformat(putc_fn out, void *ctx, const char *fmt, va_list ap)
{
    int n = 0;
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            out(*fmt, ctx);
            n++;
            continue;
        }
        struct spec sp = { 0, -1, ' ', 0 };
        fmt++;
        for (;; fmt++) {
            if (*fmt == '0')
                sp.pad = '0';
            else if (*fmt == '-')
                sp.left = 1;
            else
                break;
        }
        if (*fmt == '*') {
            sp.width = va_arg(ap, int);
            if (sp.width < 0) {         /* C: a negative '*' width means '-' */
                sp.left = 1;
                sp.width = sp.width == INT_MIN ? INT_MAX : -sp.width;
            }
            fmt++;
        }
        for (; *fmt >= '0' && *fmt <= '9'; fmt++)
            sp.width = sp.width * 10 + (*fmt - '0');
        if (*fmt == '.') {
            fmt++;
            sp.precision = 0;
            if (*fmt == '*') {
                sp.precision = va_arg(ap, int);
                fmt++;
            }
            for (; *fmt >= '0' && *fmt <= '9'; fmt++)
                sp.precision = sp.precision * 10 + (*fmt - '0');
        }
        int lng = 0;
        for (; *fmt == 'l'; fmt++)
            lng++;
        switch (*fmt) {
        case 'c': {
            char c = (char)va_arg(ap, int);
            n += emit_str(out, ctx, &c, 1, &sp);
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            int len = 0;
            while (s[len] && (sp.precision < 0 || len < sp.precision))
                len++;
            n += emit_str(out, ctx, s, len, &sp);
            break;
        }
        case 'd':
        case 'i': {
            int64_t v = lng >= 2 ? va_arg(ap, int64_t) : lng ? va_arg(ap, long) : va_arg(ap, int);
            uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
            n += emit_num(out, ctx, mag, 10, 0, v < 0, &sp);
            break;
        }
        case 'u':
        case 'x':
        case 'X': {
            uint64_t v = lng >= 2 ? va_arg(ap, uint64_t)
                         : lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
            n += emit_num(out, ctx, v, *fmt == 'u' ? 10 : 16, *fmt == 'X', 0, &sp);
            break;
        }
        case 'p': {
            uintptr_t v = (uintptr_t)va_arg(ap, void *);
            out('0', ctx);
            out('x', ctx);
            sp.pad = '0';
            sp.width = 2 * (int)sizeof(void *);
            n += 2 + emit_num(out, ctx, v, 16, 0, 0, &sp);
            break;
        }
        case '%':
            out('%', ctx);
            n++;
            break;
        case '\0':
            return n;
        default:
            out('%', ctx);
            out(*fmt, ctx);
            n += 2;
        }
    }
    return n;
}

struct strbuf {
    char *buf;
    size_t size;
    size_t len;
};

static void str_putc(char c, void *ctx)
{
    struct strbuf *sb = ctx;
    if (sb->len + 1 < sb->size)
        sb->buf[sb->len] = c;
    sb->len++;
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct strbuf sb = { buf, size, 0 };
    int n = kvformat(str_putc, &sb, fmt, ap);
    if (size)
        buf[sb.len < size ? sb.len : size - 1] = '\0';
    return n;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
