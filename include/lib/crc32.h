/* CRC-32 as IEEE 802.3 and zlib define it: reflected polynomial 0xEDB88320,
 * initial value and final XOR 0xFFFFFFFF. Pure: no I/O.
 *
 * Incremental use, as zlib's crc32(): start with CRC32_INIT and feed the data
 * in pieces; the result equals one call over the concatenation.
 *     uint32_t c = CRC32_INIT;
 *     c = crc32_update(c, part1, n1);
 *     c = crc32_update(c, part2, n2);
 * Check value: crc32_update(CRC32_INIT, "123456789", 9) == 0xCBF43926. */
#ifndef LIB_CRC32_H
#define LIB_CRC32_H

#include <stddef.h>
#include <stdint.h>

#define CRC32_INIT          0x00000000u     /* CRC of no data */
#define CRC32_POLY_REFLECTED 0xEDB88320u

uint32_t crc32_update(uint32_t crc, const void *data, size_t len);

#endif
