/* One hex-dump line: "OFFSET: xx xx ... xx" (offset as `digits` lowercase
 * hex digits, then up to 16 bytes). Pure: formats into a buffer, no I/O. */
#ifndef LIB_HEXDUMP_H
#define LIB_HEXDUMP_H

#include <stddef.h>
#include <stdint.h>

#define HEXDUMP_BYTES_PER_LINE  16
#define HEXDUMP_LINE_MAX        (16 + 2 + 3 * HEXDUMP_BYTES_PER_LINE + 1)

/* Writes at most `size` bytes including the NUL; returns the line length,
 * or -1 when the buffer is too small (buf then holds an empty string). */
int hexdump_line(char *buf, size_t size, uint64_t offset, int digits,
                 const uint8_t *bytes, size_t n);

#endif
