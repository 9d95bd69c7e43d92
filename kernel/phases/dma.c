/* The `dma=LBA:COUNT` word and the console's `read LBA [COUNT]`: read a range
 * from the disk through the block layer (drivers/blk.h), CRC-32 it as it
 * arrives, and print the result. The dma word also writes the CRC to the
 * trace device as a CHECK, which the harness's dma-crc oracle recomputes
 * from the disk image. */
#include <stdint.h>
#include "drivers/blk.h"
#include "drivers/tracedev.h"
#include "hw/ata.h"
#include "kernel/console.h"
#include "lib/crc32.h"
#include "lib/hexdump.h"
#include "phases/dma.h"

#define DMA_DUMP_BYTES  32      /* bytes shown after each dma= word */

struct dma_sum {
    const char *who;            /* the driver's name: prefix of the dump lines */
    uint32_t crc;
    uint64_t dump_bytes;        /* dump the range's first dump_bytes bytes as read */
    uint8_t head[DMA_DUMP_BYTES];   /* the range's first bytes, kept for later */
};

static void dma_dump(const char *prefix, uint64_t offset, const uint8_t *data, uint32_t n,
                     int digits)
{
    char line[HEXDUMP_LINE_MAX];
    for (uint32_t i = 0; i < n; i += HEXDUMP_BYTES_PER_LINE) {
        uint32_t len = n - i < HEXDUMP_BYTES_PER_LINE ? n - i : HEXDUMP_BYTES_PER_LINE;
        hexdump_line(line, sizeof line, offset + i, digits, data + i, len);
        kprintf("%s: %s\n", prefix, line);
    }
}

/* One command's data, at byte `offset` of the range: CRC, head, dump. */
static void dma_sum_chunk(void *ctx, uint64_t offset, const uint8_t *data, uint32_t bytes)
{
    struct dma_sum *s = ctx;
    s->crc = crc32_update(s->crc, data, bytes);
    if (offset == 0)
        for (int i = 0; i < DMA_DUMP_BYTES; i++)
            s->head[i] = data[i];                   /* bytes >= one sector > DMA_DUMP_BYTES */
    if (offset < s->dump_bytes) {
        uint64_t left = s->dump_bytes - offset;
        dma_dump(s->who, offset, data, left < bytes ? (uint32_t)left : bytes, 8);
    }
}

/* Open the disk (its identify line the first time), then read into *s. */
static int dma_read(uint64_t lba, uint32_t count, struct dma_sum *s)
{
    const struct blk_driver *drv;
    const struct blk_disk *disk;
    int fresh;
    int err = blk_open(&drv, &disk, &fresh);
    if (err)
        return err;
    if (fresh)
        kprintf("%s: %s%smodel \"%s\" sectors=%llu\n", drv->name, disk->where,
                disk->where[0] ? ": " : "", disk->model, (unsigned long long)disk->sectors);
    s->who = drv->name;
    return blk_read(drv, lba, count, dma_sum_chunk, s);
}

int dma_phase(uint64_t lba, uint32_t count)
{
    struct dma_sum s = { .crc = CRC32_INIT, .dump_bytes = 0 };
    int err = dma_read(lba, count, &s);
    if (err)
        return err;
    kprintf("dma: lba=%llu count=%u crc32=%08x\n", (unsigned long long)lba, count, s.crc);
    trace_check(TRACE_PHASE_DMA, DMA_TAG_CRC32, s.crc);
    dma_dump("dma", 0, s.head, DMA_DUMP_BYTES, 4);
    return 0;
}

int dma_console_read(uint64_t lba, uint32_t count)
{
    uint32_t shown = count < DMA_CONSOLE_DUMP_SECTORS ? count : DMA_CONSOLE_DUMP_SECTORS;
    struct dma_sum s = { .crc = CRC32_INIT, .dump_bytes = (uint64_t)shown * ATA_SECTOR_SIZE };
    int err = dma_read(lba, count, &s);
    if (err)
        return err;
    kprintf("%s: read lba=%llu count=%u crc32=%08x", s.who, (unsigned long long)lba, count,
            s.crc);
    if (shown < count)
        kprintf(" (first %u sectors shown)", shown);
    kprintf("\n");
    return 0;
}
