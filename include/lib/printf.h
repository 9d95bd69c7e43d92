/* Minimal formatted output, no libc.
 *
 * Conversions: %c %s %d %i %u %x %X %p %%, flags '0' and '-', a field width
 * (number or '*'), a precision
 * for %s ('.N' or '.*': at most N characters), the 'l' and 'll' length modifiers (64-bit with 'll').
 * kvsnprintf is pure (no I/O) so host unit tests can drive it. */
#ifndef LIB_PRINTF_H
#define LIB_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

typedef void (*putc_fn)(char c, void *ctx);

int kvformat(putc_fn out, void *ctx, const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
