/* Block-device layer: the table of disk drivers and the one disk in use. */
#include <stdint.h>
#include "abi/memmap.h"
#include "drivers/ahci.h"
#include "drivers/ata.h"
#include "drivers/blk.h"
#include "kernel/console.h"

#define BLK_MEM_PROBE   0x5AA5C33Cu     /* written to, and read back from, the buffer's end */

/* Disk drivers in the order blk_open() tries them: with no disk= word, the
 * first whose controller is present (PIIX IDE first, so `pc` plus an
 * added AHCI keeps reading through PIIX). */
static const struct blk_driver *const blk_drivers[] = {
    &ata_driver,
    &ahci_driver,
};
#define BLK_NDRIVERS (sizeof(blk_drivers) / sizeof(blk_drivers[0]))

static struct {
    const struct blk_driver *drv;       /* set once a probe succeeded */
    struct blk_disk disk;
    const char *want;                   /* disk=NAME, or NULL */
} blk;

static int name_is(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

void blk_choose(const char *name)
{
    blk.want = name;
}

/* The driver to probe, or NULL (said why) when there is none. */
static const struct blk_driver *blk_pick(void)
{
    for (unsigned i = 0; i < BLK_NDRIVERS; i++)
        if (blk.want ? name_is(blk_drivers[i]->name, blk.want) : blk_drivers[i]->present())
            return blk_drivers[i];
    if (blk.want)
        kprintf("blk: no disk driver named '%s': known are ata, ahci\n", blk.want);
    else
        kprintf("blk: no disk controller: neither a PCI IDE controller (class 01 subclass 01) "
                "nor an AHCI one (01.06.01); use -machine pc or q35\n");
    return 0;
}

int blk_open(const struct blk_driver **drv, const struct blk_disk **disk, int *fresh)
{
    *fresh = 0;
    if (!blk.drv) {
        const struct blk_driver *d = blk_pick();
        if (!d)
            return BLK_E_NO_CONTROLLER;
        int err = d->probe(&blk.disk);
        if (err)
            return -err;
        blk.drv = d;
        *fresh = 1;
    }
    *drv = blk.drv;
    *disk = &blk.disk;
    return 0;
}

int blk_read(const struct blk_driver *drv, uint64_t lba, uint32_t count, blk_chunk_fn fn, void *ctx)
{
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
