/* The `dma=LBA:COUNT` word and the console's `read`. */
#ifndef PHASES_DMA_H
#define PHASES_DMA_H

#include <stdint.h>

#define DMA_TAG_CRC32   0x1     /* trace CHECK tag of phase dma: the range's CRC-32 */

/* The console's `read` hex-dumps at most this many sectors of the range. */
#define DMA_CONSOLE_DUMP_SECTORS 8

/* The word's body: read, print `dma: lba=L count=C crc32=X` and the first 32
 * bytes, write the CRC as a CHECK. 0 or a BLK_E_* error (the END status). */
int dma_phase(uint64_t lba, uint32_t count);

/* The console's `read LBA [COUNT]`: read and hex-dump the range (its first
 * DMA_CONSOLE_DUMP_SECTORS sectors) and its CRC. 0 or BLK_E_*. */
int dma_console_read(uint64_t lba, uint32_t count);

#endif
