/* Block-device layer: the table of disk drivers and the one disk in use. */
#include <stdint.h>
#include "abi/memmap.h"
#include "drivers/ata.h"
#include "drivers/blk.h"
#include "kernel/console.h"

#define BLK_MEM_PROBE   0x5AA5C33Cu     /* written to, and read back from, the buffer's end */

/* Disk drivers in the order blk_open() tries them. */
static const struct blk_driver *const blk_drivers[] = {
    &ata_driver,
};

static struct {
    const struct blk_driver *drv;       /* set once a probe succeeded */
    struct blk_disk disk;
} blk;

int blk_open(const struct blk_driver **drv, const struct blk_disk **disk, int *fresh)
{
    *fresh = 0;
    if (!blk.drv) {
        int err = blk_drivers[0]->probe(&blk.disk);
        if (err)
            return -err;
        blk.drv = blk_drivers[0];
        *fresh = 1;
    }
    *drv = blk.drv;
    *disk = &blk.disk;
    return 0;
}

int blk_read(uint64_t lba, uint32_t count, blk_chunk_fn fn, void *ctx)
{
    const struct blk_driver *drv;
    const struct blk_disk *disk;
    int fresh;
    int err = blk_open(&drv, &disk, &fresh);
    if (err)
        return err;
    return -drv->read(lba, count, fn, ctx);
}

/* linker.ld asserts that the buffer lies above the kernel image; here the
 * machine's RAM must reach its end. */
int blk_check_buffer(const char *who, uint32_t bytes)
{
    volatile uint32_t *last = (volatile uint32_t *)(MEMMAP_DMA_BUF + bytes - sizeof(uint32_t));
    *last = BLK_MEM_PROBE;
    if (*last == BLK_MEM_PROBE)
        return 0;
    unsigned mib = (unsigned)((MEMMAP_DMA_BUF + bytes + (1u << 20) - 1) >> 20);
    kprintf("%s: no RAM at 0x%08x: the DMA buffer needs the first %u MiB; "
            "give QEMU -m %u or more\n", who, (unsigned)(uintptr_t)last, mib, mib);
    return -BLK_E_MEMORY;
}
