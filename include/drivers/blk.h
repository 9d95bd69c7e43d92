/* Block devices: a disk that reads by DMA into the fixed buffer at
 * MEMMAP_DMA_BUF (abi/memmap.h). A disk driver fills in one struct
 * blk_driver; the dma phase and the console's `read` reach the disk only
 * through blk_open() and blk_read(), so a second driver slots in beside the
 * first by adding its row to blk.c's table. */
#ifndef DRIVERS_BLK_H
#define DRIVERS_BLK_H

#include <stdint.h>

/* Errors, returned negated by the drivers and as they are by blk_read(),
 * since that value is the dma phase's END status on the trace device. */
enum blk_error {
    BLK_OK = 0,
    BLK_E_NO_CONTROLLER = 1,    /* no disk controller on the PCI bus */
    BLK_E_NO_DISK = 2,          /* the controller has no disk attached */
    BLK_E_IDENTIFY = 3,         /* IDENTIFY failed or the device cannot DMA */
    BLK_E_RANGE = 4,            /* range not addressable (no LBA48, or bad count) */
    BLK_E_ABORTED = 5,          /* device set ERR (e.g. beyond the end of the disk) */
    BLK_E_FAULT = 6,            /* device fault (DF) */
    BLK_E_BUS_MASTER = 7,       /* DMA engine error, or no completion seen */
    BLK_E_TIMEOUT = 8,          /* no interrupt before the deadline */
    BLK_E_MEMORY = 9,           /* DMA buffer not backed by RAM */
};

#define BLK_MODEL_MAX   41      /* ATA model string: 40 characters and a NUL */
#define BLK_WHERE_MAX   16

struct blk_disk {
    char model[BLK_MODEL_MAX];
    uint64_t sectors;
    char where[BLK_WHERE_MAX];  /* where on the controller, as "port 2"; "" when implied */
};

/* Called once per command with the data it moved, at byte `offset` of the
 * request, before the next command reuses the buffer. */
typedef void (*blk_chunk_fn)(void *ctx, uint64_t offset, const uint8_t *data, uint32_t bytes);

struct blk_driver {
    const char *name;           /* log prefix and disk= word: "ata" */
    /* 1 when the machine has this driver's controller; silent, no side effects. */
    int (*present)(void);
    /* Find the controller and identify the disk: 0 or -BLK_E_*. */
    int (*probe)(struct blk_disk *disk);
    /* Read `count` sectors from `lba`, one command at a time: 0 or -BLK_E_*. */
    int (*read)(uint64_t lba, uint32_t count, blk_chunk_fn fn, void *ctx);
};

/* Choose the driver by name (the disk= word), or NULL: the first driver
 * whose controller is present. Takes effect at the first blk_open(). */
void blk_choose(const char *name);

/* The disk, probed on first use; later calls return the same one. *fresh is
 * 1 on the call that probed it. 0, or BLK_E_* when no disk could be opened. */
int blk_open(const struct blk_driver **drv, const struct blk_disk **disk, int *fresh);

/* The opened driver's read (blk_open): 0 or BLK_E_*. */
int blk_read(const struct blk_driver *drv, uint64_t lba, uint32_t count, blk_chunk_fn fn, void *ctx);

/* For drivers: 0 when RAM backs the first `bytes` of the DMA buffer, else
 * -BLK_E_MEMORY with a line naming the -m the machine needs. */
int blk_check_buffer(const char *who, uint32_t bytes);

#endif
