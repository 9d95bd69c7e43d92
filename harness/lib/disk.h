/* Disk images for the `disk =` key, the sector pattern, CRC-32 and the
 * dma-crc oracle.
 *
 * `disk = size=SIZE [sparse]`: SIZE is a number of bytes with an optional
 * K, M, G or T suffix (powers of 1024), a multiple of 512. Sector L, byte i
 * is byte i of the block whose bytes 0-7 are L little-endian, bytes 8-15 are
 * "TRACEOS!", and byte i >= 16 is (L * 31 + i * 7 + (L >> 8)) & 0xFF.
 * Sparse images hold the pattern only in the sectors that the scenario's
 * dma= words read; every other sector reads as zeros. */
#ifndef DISK_H
#define DISK_H

#include <stdint.h>
#include "harness/lib/util.h"

#define DISK_SECTOR 512

struct disk_spec {
    uint64_t size;          /* bytes */
    int sparse;
    unsigned index;         /* -drive if=ide,index=N: 0 the PIIX primary master or
                             * AHCI port 0 (q35 puts drive N on its port N) */
};

#define DISK_INDEX_MAX 5    /* q35's AHCI has 6 ports; pc's two IDE channels 4 drives */

struct dma_range {
    uint64_t lba;
    uint64_t count;
};

/* Pure parts. */
int disk_parse(const char *s, struct disk_spec *spec, char *err, size_t errlen);
void disk_sector(uint64_t lba, uint8_t out[DISK_SECTOR]);
/* CRC-32 (IEEE 802.3) by zlib's crc32(), apart from the kernel's
 * lib/crc32.c, so that the dma-crc oracle checks the guest against an
 * independent implementation. Start with 0; chains like crc32(). */
uint32_t oracle_crc32_update(uint32_t crc, const void *buf, size_t len);
/* The dma=LBA:COUNT words of a kernel command line, as the kernel parses
 * them (words it rejects are skipped: it reports those itself). Returns the
 * count; *out is malloc'd. */
int disk_dma_words(const char *append, struct dma_range **out);

/* Compare the guest's `dma: lba=L count=C crc32=X` lines in `serial` with the
 * CRC of the same ranges read from the image at `img`; every dma= word of the
 * command line must have its line unless `allow_missing`. Appends one line
 * per problem to `why`; returns the number of problems. */
int disk_crc_oracle(const char *serial, const char *append, const char *img,
                    int allow_missing, struct sbuf *why);

/* Create or refresh the image at `path` (I/O). Returns 0 or -1 with err. */
int disk_make_image(const char *path, const struct disk_spec *spec, const char *append,
                    char *err, size_t errlen);

#endif
