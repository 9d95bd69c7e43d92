/* CRC-32 (IEEE 802.3 / zlib), byte-at-a-time with a 256-entry table that is
 * computed on first use from the polynomial. */
#include "lib/crc32.h"

static uint32_t table[256];
static int table_ready;

static void crc32_make_table(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? CRC32_POLY_REFLECTED ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    table_ready = 1;
}

uint32_t crc32_update(uint32_t crc, const void *data, size_t len)
{
    const uint8_t *p = data;
    if (!table_ready)
        crc32_make_table();
    crc = ~crc;
    while (len--)
        crc = table[(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return ~crc;
}
