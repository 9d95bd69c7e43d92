/* ATA disk reads by PCI IDE bus-master DMA (primary channel, master device).
 *
 * Flow of one read command (the trace lines each step produces are shown in
 * docs/dma.md):
 *   1. PRD table at MEMMAP_PRDT describing the buffer at MEMMAP_DMA_BUF;
 *      bus master: clear ERR/IRQ status, load the table address, set the
 *      direction (device to memory).
 *   2. Task file: device, count, LBA (LBA48: high bytes first), command.
 *   3. Bus master START: the controller walks the PRD table and the disk
 *      data lands in memory; at the end the device raises IRQ 14.
 *   4. The CPU halts with only IRQ 14 and the PIT deadline unmasked
 *      (kernel/wait.h); the IRQ handler reads the ATA status, which
 *      acknowledges the interrupt.
 *   5. Bus-master status (ERR, IRQ, ACTIVE), STOP, clear; then ATA ERR/DF.
 * Nothing polls the device while it works: the CPU sleeps until IRQ 14.
 * The driver returns data and errors; the dma phase prints the results. */
#include <stdint.h>
#include "abi/memmap.h"
#include "drivers/ata.h"
#include "drivers/pci.h"
#include "drivers/pciassign.h"
#include "hw/ata.h"
#include "hw/piix.h"
#include "kernel/console.h"
#include "kernel/io.h"
#include "kernel/trap.h"
#include "kernel/wait.h"
#include "lib/atacmd.h"
#include "lib/prd.h"
#include "lib/printf.h"
#include "lib/text.h"

/* One interrupt may take this long to come. */
#define ATA_TIMEOUT_MS          5500
/* Reads of the alternate status after selecting the device: the 400 ns the
 * ATA spec asks for before the status is valid (no polling: a fixed count). */
#define ATA_SELECT_SETTLE_READS 4

static struct {
    uint16_t bm;                        /* primary channel bus-master base */
    struct pci_func ctrl;               /* the IDE controller's PCI function */
    struct ata_identity id;
} ata;

static volatile int irq_seen;
static volatile uint8_t irq_status;     /* ATA status read by the IRQ handler */

static void ata_irq(void)
{
    irq_status = inb(IDE_PRIMARY_IO + ATA_REG_STATUS);     /* acknowledges */
    irq_seen = 1;
}

static int ata_present(void)
{
    struct pci_func f;
    return pci_find_class(PCI_CLASS_STORAGE, PCI_SUBCLASS_IDE, &f) == 0;
}

static int ata_find_controller(void)
{
    struct pci_func f;
    if (pci_find_class(PCI_CLASS_STORAGE, PCI_SUBCLASS_IDE, &f) != 0) {
        kprintf("ata: no PCI IDE controller (class 01 subclass 01); use -machine pc\n");
        return -BLK_E_NO_CONTROLLER;
    }
    if (f.prog_if & PCI_PROGIF_IDE_PRIMARY_NATIVE) {
        kprintf("ata: %02x:%02x.%x prog-if 0x%02x: primary channel in native mode, "
                "only compatibility mode (0x1F0) is supported\n", f.bus, f.dev, f.fn, f.prog_if);
        return -BLK_E_NO_CONTROLLER;
    }
    pci_assign_root();          /* a no-op after firmware that assigns BARs */
    uint32_t bar4 = pci_read32(&f, PCI_REG_BAR(PIIX_BAR_BUS_MASTER));
    if (!(bar4 & PCI_BAR_IO) || (bar4 & PCI_BAR_IO_MASK) == 0) {
        kprintf("ata: %02x:%02x.%x BAR4=0x%08x is not an assigned I/O BAR\n",
                f.bus, f.dev, f.fn, bar4);
        return -BLK_E_NO_CONTROLLER;
    }
    ata.bm = (uint16_t)(bar4 & PCI_BAR_IO_MASK);
    ata.ctrl = f;
    uint16_t cmd = pci_read16(&f, PCI_REG_COMMAND);
    pci_write16(&f, PCI_REG_COMMAND, cmd | PCI_COMMAND_IO | PCI_COMMAND_MASTER);
    return 0;
}

static uint8_t ata_select_master(void)
{
    outb(IDE_PRIMARY_IO + ATA_REG_DEVICE, ATA_DEVICE_OBS);
    outb(IDE_PRIMARY_CTRL + ATA_REG_DEVCTL, ATA_DEVCTL_IRQ_ON);
    for (int i = 0; i < ATA_SELECT_SETTLE_READS; i++)
        inb(IDE_PRIMARY_CTRL + ATA_REG_ALTSTATUS);
    return inb(IDE_PRIMARY_IO + ATA_REG_STATUS);
}

/* IDENTIFY DEVICE by PIO. QEMU answers at once (cmd_identify fills the
 * buffer, sets DRQ and raises the IRQ inside the command write); the code
 * still waits for IRQ 14 as real disks need. */
static int ata_identify(uint16_t id[ATA_ID_WORDS])
{
    uint8_t st = ata_select_master();
    if (st == ATA_STATUS_NO_DEVICE_0 || st == ATA_STATUS_NO_DEVICE_FF) {
        kprintf("ata: no disk on the primary master (status 0x%02x); "
                "attach one with -drive file=IMG,format=raw,if=ide,index=0\n", st);
        return -BLK_E_NO_DISK;
    }
    if (st & ATA_STATUS_BSY) {
        kprintf("ata: primary master busy before IDENTIFY (status 0x%02x); "
                "the disk did not finish its reset: reboot the machine\n", st);
        return -BLK_E_IDENTIFY;
    }
    struct irq_window w;
    irq_window_open(&w, IDE_PRIMARY_IRQ, &irq_seen);
    irq_status = 0;
    outb(IDE_PRIMARY_IO + ATA_REG_COMMAND, ATA_CMD_IDENTIFY);
    if (irq_window_wait(&w, ATA_TIMEOUT_MS) != 0) {
        kprintf("ata: IDENTIFY: no interrupt within %d ms (timeout; status 0x%02x): "
                "is nIEN set or IRQ 14 routed elsewhere?\n", ATA_TIMEOUT_MS,
                inb(IDE_PRIMARY_CTRL + ATA_REG_ALTSTATUS));
        return -BLK_E_TIMEOUT;
    }
    st = irq_status;
    if ((st & (ATA_STATUS_ERR | ATA_STATUS_DRQ)) != ATA_STATUS_DRQ) {
        kprintf("ata: IDENTIFY failed (status 0x%02x error 0x%02x): not an ATA disk?\n",
                st, inb(IDE_PRIMARY_IO + ATA_REG_ERROR));
        return -BLK_E_IDENTIFY;
    }
    for (int i = 0; i < ATA_ID_WORDS; i++)
        id[i] = inw(IDE_PRIMARY_IO + ATA_REG_DATA);
    return 0;
}

/* Find the controller and identify the disk. */
static int ata_probe(struct blk_disk *disk)
{
    static uint16_t id[ATA_ID_WORDS];
    int err = ata_find_controller();
    if (err)
        return err;
    irq_register(IDE_PRIMARY_IRQ, ata_irq);
    if ((err = ata_identify(id)) != 0)
        return err;
    ata_identity_decode(id, &ata.id);
    if (!ata.id.lba || !ata.id.dma) {
        kprintf("ata: \"%s\" lacks %s (IDENTIFY word 49 = 0x%04x)\n", ata.id.model,
                ata.id.lba ? "DMA" : "LBA", id[ATA_ID_CAPABILITIES]);
        return -BLK_E_IDENTIFY;
    }
    for (int i = 0; i < BLK_MODEL_MAX; i++)
        disk->model[i] = ata.id.model[i];
    disk->sectors = ata_identity_sectors(&ata.id);
    return 0;
}

static void ata_write_taskfile(const struct ata_taskfile *tf)
{
    uint16_t io = IDE_PRIMARY_IO;
    outb(io + ATA_REG_DEVICE, tf->device);
    if (tf->command == ATA_CMD_READ_DMA_EXT) {
        outb(io + ATA_REG_SECCOUNT, tf->hob_count);
        outb(io + ATA_REG_LBA_LOW, tf->hob_lba_low);
        outb(io + ATA_REG_LBA_MID, tf->hob_lba_mid);
        outb(io + ATA_REG_LBA_HIGH, tf->hob_lba_high);
    }
    outb(io + ATA_REG_SECCOUNT, tf->count);
    outb(io + ATA_REG_LBA_LOW, tf->lba_low);
    outb(io + ATA_REG_LBA_MID, tf->lba_mid);
    outb(io + ATA_REG_LBA_HIGH, tf->lba_high);
    outb(io + ATA_REG_COMMAND, tf->command);
}

/* Clear the ERR and IRQ bits of bus-master status `st` (write 1 to clear),
 * keeping its drive-capable bits. */
static void ata_bm_ack(uint8_t st)
{
    outb(ata.bm + BM_REG_STATUS, (st & BM_STATUS_KEEP) | BM_STATUS_W1C);
}

/* Step 1: PRD table for `bytes` at MEMMAP_DMA_BUF, bus master loaded and idle. */
static void ata_bm_setup(uint32_t bytes)
{
    struct prd_entry *prdt = (struct prd_entry *)MEMMAP_PRDT;
    int n = prd_build(prdt, PRD_MAX_ENTRIES, MEMMAP_DMA_BUF, bytes);
    if (n < 0 || !prd_table_placement_ok(MEMMAP_PRDT, n))
        panic("ata_bm_setup: PRD table does not fit");
    ata_bm_ack(inb(ata.bm + BM_REG_STATUS));
    __asm__ volatile("" ::: "memory");      /* the table is in memory before the device looks */
    outl(ata.bm + BM_REG_PRDT, MEMMAP_PRDT);
    outb(ata.bm + BM_REG_CMD, BM_CMD_READ);
}

/* Step 5: stop the bus master, clear its status; report what went wrong. */
static int ata_bm_finish(const struct ata_taskfile *tf, int waited)
{
    uint8_t bst = inb(ata.bm + BM_REG_STATUS);
    outb(ata.bm + BM_REG_CMD, BM_CMD_READ);                 /* START = 0 */
    ata_bm_ack(bst);
    if (waited) {
        kprintf("ata: read lba=%llu count=%u: no interrupt within %d ms (timeout; ata status "
                "0x%02x, bm status 0x%02x): is nIEN set or IRQ 14 routed elsewhere?\n",
                (unsigned long long)tf->lba, tf->sectors, ATA_TIMEOUT_MS,
                inb(IDE_PRIMARY_CTRL + ATA_REG_ALTSTATUS), bst);
        return -BLK_E_TIMEOUT;
    }
    const char *why;
    char buf[80];
    int err;
    if (bst & BM_STATUS_ERR) {
        why = "bus-master error (PCI transfer failed)";
        err = -BLK_E_BUS_MASTER;
    } else if (irq_status & ATA_STATUS_DF) {
        why = "device fault (DF)";
        err = -BLK_E_FAULT;
    } else if (irq_status & ATA_STATUS_ERR) {
        uint8_t e = inb(IDE_PRIMARY_IO + ATA_REG_ERROR);
        ksnprintf(buf, sizeof buf, "%s (error 0x%02x; the disk has %llu sectors)",
                  (e & ATA_ERROR_ABRT) ? "device aborted" : "device error", e,
                  (unsigned long long)ata_identity_sectors(&ata.id));
        why = buf;
        err = -BLK_E_ABORTED;
    } else if ((bst & (BM_STATUS_IRQ | BM_STATUS_ACTIVE)) != BM_STATUS_IRQ) {
        /* No progress: a controller that may not master the bus cannot
         * reach memory at all (QEMU: the DMA address space is disabled). */
        if (!(pci_read16(&ata.ctrl, PCI_REG_COMMAND) & PCI_COMMAND_MASTER))
            why = "bus mastering off (PCI COMMAND bit 2 clear): the controller cannot reach memory";
        else
            why = "bus master not finished (PRD table longer than the transfer?)";
        err = -BLK_E_BUS_MASTER;
    } else {
        return 0;
    }
    kprintf("ata: read lba=%llu count=%u: %s (ata status 0x%02x, bm status 0x%02x)\n",
            (unsigned long long)tf->lba, tf->sectors, why, irq_status, bst);
    return err;
}

/* One READ DMA / READ DMA EXT command into MEMMAP_DMA_BUF. */
static int ata_dma_command(const struct ata_taskfile *tf)
{
    ata_bm_setup(tf->sectors * ATA_SECTOR_SIZE);
    struct irq_window w;
    irq_window_open(&w, IDE_PRIMARY_IRQ, &irq_seen);
    irq_status = 0;
    ata_write_taskfile(tf);
    outb(ata.bm + BM_REG_CMD, BM_CMD_READ | BM_CMD_START);
    int waited = irq_window_wait(&w, ATA_TIMEOUT_MS);
    return ata_bm_finish(tf, waited);
}

/* Read `count` sectors from `lba`, one command at a time; each command's
 * data goes to fn() before the next command reuses the buffer. */
static int ata_read(uint64_t lba, uint32_t count, blk_chunk_fn fn, void *ctx)
{
    struct ata_request rq;
    struct ata_taskfile tf;
    enum ata_plan_result plan = ata_request_start(&rq, lba, count, ata.id.lba48);
    if (plan != ATA_PLAN_OK) {
        kprintf("ata: read lba=%llu count=%u: %s\n", (unsigned long long)lba, count,
                plan == ATA_PLAN_NO_LBA48 ? "needs LBA48, which the disk lacks"
                                          : "count must be 1 to " XSTR(ATA_LBA48_MAX_COUNT)
                                            " within LBA 2^48");
        return -BLK_E_RANGE;
    }
    uint32_t most = rq.lba48 ? ATA_LBA48_MAX_COUNT : ATA_LBA28_MAX_COUNT;
    int err = blk_check_buffer("ata", (count < most ? count : most) * ATA_SECTOR_SIZE);
    if (err)
        return err;
    uint64_t offset = 0;
    while (ata_request_next(&rq, &tf)) {
        uint32_t bytes = tf.sectors * ATA_SECTOR_SIZE;
        if ((err = ata_dma_command(&tf)) != 0)
            return err;
        fn(ctx, offset, (const uint8_t *)MEMMAP_DMA_BUF, bytes);
        offset += bytes;
    }
    return 0;
}

const struct blk_driver ata_driver = {
    .name = "ata",
    .present = ata_present,
    .probe = ata_probe,
    .read = ata_read,
};
