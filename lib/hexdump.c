#include "lib/hexdump.h"

static const char hex[] = "0123456789abcdef";

int hexdump_line(char *buf, size_t size, uint64_t offset, int digits,
                 const uint8_t *bytes, size_t n)
{
    if (n > HEXDUMP_BYTES_PER_LINE)
        n = HEXDUMP_BYTES_PER_LINE;
    if (digits < 1 || digits > 16 || size < (size_t)digits + 1 + 3 * n + 1) {
        if (size)
            buf[0] = '\0';
        return -1;
    }
    int len = 0;
    for (int d = digits - 1; d >= 0; d--)
        buf[len++] = hex[(offset >> (4 * d)) & 0xF];
    buf[len++] = ':';
    for (size_t i = 0; i < n; i++) {
        buf[len++] = ' ';
        buf[len++] = hex[bytes[i] >> 4];
        buf[len++] = hex[bytes[i] & 0xF];
    }
    buf[len] = '\0';
    return len;
}
