/* ATA disk reads by PCI IDE bus-master DMA (primary channel, master device).
 *
 * Flow of one read command (the trace lines each step produces are shown in
 * docs/dma.md):
 *   1. PRD table at ATA_PRDT_PHYS describing the buffer at ATA_DMA_PHYS;
 *      bus master: clear ERR/IRQ status, load the table address, set the
 *      direction (device to memory).
 *   2. Task file: device, count, LBA (LBA48: high bytes first), command.
 *   3. Bus master START: the controller walks the PRD table and the disk
 *      data lands in memory; at the end the device raises IRQ 14.
 *   4. The CPU halts with only IRQ 14 and the PIT deadline unmasked; the IRQ
 *      handler reads the ATA status, which acknowledges the interrupt.
 *   5. Bus-master status (ERR, IRQ, ACTIVE), STOP, clear; then ATA ERR/DF.
 * Nothing polls the device while it works: the CPU sleeps until IRQ 14. */
#include <stdint.h>
#include "drivers/ata.h"
#include "lib/atacmd.h"
#include "kernel/console.h"
#include "lib/crc32.h"
#include "lib/hexdump.h"
#include "kernel/io.h"
#include "drivers/pci.h"
#include "drivers/pic.h"
#include "drivers/pit.h"
#include "lib/prd.h"
#include "lib/printf.h"
#include "drivers/tracedev.h"
#include "kernel/trap.h"

/* One interrupt may take this many PIT one-shots (about 5.5 s) to come. */
#define ATA_TIMEOUT_ONESHOTS    100
#define ATA_TIMEOUT_MS          (ATA_TIMEOUT_ONESHOTS * PIT_ONESHOT_MS)
/* Reads of the alternate status after selecting the device: the 400 ns the
 * ATA spec asks for before the status is valid (no polling: a fixed count). */
#define ATA_SELECT_SETTLE_READS 4
#define ATA_MEM_PROBE           0x5AA5C33Cu
#define ATA_CHECK_CRC32         1       /* trace CHECK tag: the CRC of a dma= word */
#define ATA_DUMP_BYTES          32      /* bytes shown after each dma= word */


static struct {
    int ready;                          /* probe succeeded */
    uint16_t bm;                        /* primary channel bus-master base */
    struct ata_identity id;
} ata;

static volatile int irq_seen;
static volatile uint8_t irq_status;     /* ATA status read by the IRQ handler */

static void ata_irq(void)
{
    irq_status = inb(ATA_PRIMARY_IO + ATA_REG_STATUS);     /* acknowledges */
    irq_seen = 1;
}

/* Sleep until IRQ 14. The caller cleared irq_seen and unmasked the lines
 * (ata_irq_window) before starting the command. */
static int ata_wait_irq(void)
{
    int shots = 0;
    pit_oneshot_arm();
    while (!irq_seen) {
        if (pit_oneshot_expired()) {
            if (++shots == ATA_TIMEOUT_ONESHOTS)
                return -ATA_E_TIMEOUT;
            pit_oneshot_arm();
        }
        wait_for_interrupt();
    }
    return 0;
}

/* Open IRQ 14 (and the PIT deadline on IRQ 0) only; returns the old mask. */
static unsigned ata_irq_window(void)
{
    irq_seen = 0;
    irq_status = 0;
    return pic_set_mask(1u << ATA_PRIMARY_IRQ | 1u << PIT_IRQ);
}

static int ata_find_controller(void)
{
    struct pci_func f;
    if (pci_find_class(PCI_CLASS_STORAGE, PCI_SUBCLASS_IDE, &f) != 0) {
        kprintf("ata: no PCI IDE controller (class 01 subclass 01); use -machine pc\n");
        return -ATA_E_NO_CONTROLLER;
    }
    if (f.prog_if & PCI_PROGIF_IDE_PRIMARY_NATIVE) {
        kprintf("ata: %02x:%02x.%x prog-if 0x%02x: primary channel in native mode, "
                "only compatibility mode (0x1F0) is supported\n", f.bus, f.dev, f.fn, f.prog_if);
        return -ATA_E_NO_CONTROLLER;
    }
    uint32_t bar4 = pci_read32(&f, PCI_REG_BAR(PCI_BAR4));
    if (!(bar4 & PCI_BAR_IO) || (bar4 & PCI_BAR_IO_MASK) == 0) {
        kprintf("ata: %02x:%02x.%x BAR4=0x%08x is not an assigned I/O BAR\n",
                f.bus, f.dev, f.fn, bar4);
        return -ATA_E_NO_CONTROLLER;
    }
    ata.bm = (uint16_t)(bar4 & PCI_BAR_IO_MASK);
    uint16_t cmd = pci_read16(&f, PCI_REG_COMMAND);
    pci_write16(&f, PCI_REG_COMMAND, cmd | PCI_COMMAND_IO | PCI_COMMAND_MASTER);
    return 0;
}

static uint8_t ata_select_master(void)
{
    outb(ATA_PRIMARY_IO + ATA_REG_DEVICE, ATA_DEVICE_OBS);
    outb(ATA_PRIMARY_CTRL + ATA_REG_DEVCTL, ATA_DEVCTL_IRQ_ON);
    for (int i = 0; i < ATA_SELECT_SETTLE_READS; i++)
        inb(ATA_PRIMARY_CTRL + ATA_REG_ALTSTATUS);
    return inb(ATA_PRIMARY_IO + ATA_REG_STATUS);
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
        return -ATA_E_NO_DISK;
    }
    if (st & ATA_STATUS_BSY) {
        kprintf("ata: primary master busy before IDENTIFY (status 0x%02x); "
                "the disk did not finish its reset: reboot the machine\n", st);
        return -ATA_E_IDENTIFY;
    }
    unsigned old = ata_irq_window();
    outb(ATA_PRIMARY_IO + ATA_REG_COMMAND, ATA_CMD_IDENTIFY);
    int err = ata_wait_irq();
    pic_set_mask(old);
    if (err) {
        kprintf("ata: IDENTIFY: no interrupt within %d ms (timeout; status 0x%02x): "
                "is nIEN set or IRQ 14 routed elsewhere?\n", ATA_TIMEOUT_MS,
                inb(ATA_PRIMARY_CTRL + ATA_REG_ALTSTATUS));
        return err;
    }
    st = irq_status;
    if ((st & (ATA_STATUS_ERR | ATA_STATUS_DRQ)) != ATA_STATUS_DRQ) {
        kprintf("ata: IDENTIFY failed (status 0x%02x error 0x%02x): not an ATA disk?\n",
                st, inb(ATA_PRIMARY_IO + ATA_REG_ERROR));
        return -ATA_E_IDENTIFY;
    }
    for (int i = 0; i < ATA_ID_WORDS; i++)
        id[i] = inw(ATA_PRIMARY_IO + ATA_REG_DATA);
    return 0;
}

/* Find the controller and identify the disk once; prints the model line. */
static int ata_probe(void)
{
    static uint16_t id[ATA_ID_WORDS];
    if (ata.ready)
        return 0;
    int err = ata_find_controller();
    if (err)
        return err;
    irq_register(ATA_PRIMARY_IRQ, ata_irq);
    if ((err = ata_identify(id)) != 0)
        return err;
    ata_identity_decode(id, &ata.id);
    if (!ata.id.lba || !ata.id.dma) {
        kprintf("ata: \"%s\" lacks %s (IDENTIFY word 49 = 0x%04x)\n", ata.id.model,
                ata.id.lba ? "DMA" : "LBA", id[ATA_ID_CAPABILITIES]);
        return -ATA_E_IDENTIFY;
    }
    kprintf("ata: model \"%s\" sectors=%llu\n", ata.id.model,
            (unsigned long long)ata_identity_sectors(&ata.id));
    ata.ready = 1;
    return 0;
}

/* The DMA area must be backed by RAM (linker.ld asserts that it lies above
 * the kernel image). */
static int ata_check_memory(uint32_t bytes)
{
    volatile uint32_t *last = (volatile uint32_t *)(ATA_DMA_PHYS + bytes - sizeof(uint32_t));
    *last = ATA_MEM_PROBE;
    if (*last == ATA_MEM_PROBE)
        return 0;
    unsigned mib = (unsigned)((ATA_DMA_PHYS + bytes + (1u << 20) - 1) >> 20);
    kprintf("ata: no RAM at 0x%08x: the DMA buffer needs the first %u MiB; "
            "give QEMU -m %u or more\n", (unsigned)(uintptr_t)last, mib, mib);
    return -ATA_E_MEMORY;
}

static void ata_write_taskfile(const struct ata_taskfile *tf)
{
    uint16_t io = ATA_PRIMARY_IO;
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

/* Step 1: PRD table for `bytes` at ATA_DMA_PHYS, bus master loaded and idle. */
static void ata_bm_setup(uint32_t bytes)
{
    struct prd_entry *prdt = (struct prd_entry *)ATA_PRDT_PHYS;
    int n = prd_build(prdt, PRD_MAX_ENTRIES, ATA_DMA_PHYS, bytes);
    if (n < 0 || !prd_table_placement_ok(ATA_PRDT_PHYS, n))
        panic("ata_bm_setup: PRD table does not fit");
    ata_bm_ack(inb(ata.bm + BM_REG_STATUS));
    __asm__ volatile("" ::: "memory");      /* the table is in memory before the device looks */
    outl(ata.bm + BM_REG_PRDT, ATA_PRDT_PHYS);
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
                inb(ATA_PRIMARY_CTRL + ATA_REG_ALTSTATUS), bst);
        return -ATA_E_TIMEOUT;
    }
    const char *why;
    char buf[80];
    int err;
    if (bst & BM_STATUS_ERR) {
        why = "bus-master error (PCI transfer failed)";
        err = -ATA_E_BUS_MASTER;
    } else if (irq_status & ATA_STATUS_DF) {
        why = "device fault (DF)";
        err = -ATA_E_FAULT;
    } else if (irq_status & ATA_STATUS_ERR) {
        uint8_t e = inb(ATA_PRIMARY_IO + ATA_REG_ERROR);
        ksnprintf(buf, sizeof buf, "%s (error 0x%02x; the disk has %llu sectors)",
                  (e & ATA_ERROR_ABRT) ? "device aborted" : "device error", e,
                  (unsigned long long)ata_identity_sectors(&ata.id));
        why = buf;
        err = -ATA_E_ABORTED;
    } else if ((bst & (BM_STATUS_IRQ | BM_STATUS_ACTIVE)) != BM_STATUS_IRQ) {
        why = "bus master not finished (PRD table longer than the transfer?)";
        err = -ATA_E_BUS_MASTER;
    } else {
        return 0;
    }
    kprintf("ata: read lba=%llu count=%u: %s (ata status 0x%02x, bm status 0x%02x)\n",
            (unsigned long long)tf->lba, tf->sectors, why, irq_status, bst);
    return err;
}

/* One READ DMA / READ DMA EXT command into ATA_DMA_PHYS. */
static int ata_dma_command(const struct ata_taskfile *tf)
{
    ata_bm_setup(tf->sectors * ATA_SECTOR_SIZE);
    unsigned old = ata_irq_window();
    ata_write_taskfile(tf);
    outb(ata.bm + BM_REG_CMD, BM_CMD_READ | BM_CMD_START);
    int waited = ata_wait_irq();
    pic_set_mask(old);
    return ata_bm_finish(tf, waited);
}

struct ata_sum {
    uint32_t crc;
    uint64_t dump_bytes;        /* dump the range's first dump_bytes bytes as read */
    uint8_t head[ATA_DUMP_BYTES];   /* the range's first bytes, kept for later */
};

static void ata_dump(const char *prefix, uint64_t offset, const uint8_t *data, uint32_t n,
                     int digits)
{
    char line[HEXDUMP_LINE_MAX];
    for (uint32_t i = 0; i < n; i += HEXDUMP_BYTES_PER_LINE) {
        uint32_t len = n - i < HEXDUMP_BYTES_PER_LINE ? n - i : HEXDUMP_BYTES_PER_LINE;
        hexdump_line(line, sizeof line, offset + i, digits, data + i, len);
        kprintf("%s%s\n", prefix, line);
    }
}

/* One command's data, at byte `offset` of the range: CRC, head, dump. */
static void ata_sum_chunk(struct ata_sum *s, uint64_t offset, const uint8_t *data, uint32_t bytes)
{
    s->crc = crc32_update(s->crc, data, bytes);
    if (offset == 0)
        for (int i = 0; i < ATA_DUMP_BYTES; i++)
            s->head[i] = data[i];                   /* bytes >= 512 > ATA_DUMP_BYTES */
    if (offset < s->dump_bytes) {
        uint64_t left = s->dump_bytes - offset;
        ata_dump("ata: ", offset, data, left < bytes ? (uint32_t)left : bytes, 8);
    }
}

/* Read `count` sectors from `lba`, one command at a time, each command's
 * data summed into *s before the next command reuses the buffer. */
static int ata_read(uint64_t lba, uint32_t count, struct ata_sum *s)
{
    struct ata_request rq;
    struct ata_taskfile tf;
    int err = ata_probe();
    if (err)
        return err;
    enum ata_plan_result plan = ata_request_start(&rq, lba, count, ata.id.lba48);
    if (plan != ATA_PLAN_OK) {
        kprintf("ata: read lba=%llu count=%u: %s\n", (unsigned long long)lba, count,
                plan == ATA_PLAN_NO_LBA48 ? "needs LBA48, which the disk lacks"
                                          : "count must be 1 to 65536 within LBA 2^48");
        return -ATA_E_RANGE;
    }
    uint32_t most = rq.lba48 ? ATA_LBA48_MAX_COUNT : ATA_LBA28_MAX_COUNT;
    if ((err = ata_check_memory((count < most ? count : most) * ATA_SECTOR_SIZE)) != 0)
        return err;
    uint64_t offset = 0;
    while (ata_request_next(&rq, &tf)) {
        uint32_t bytes = tf.sectors * ATA_SECTOR_SIZE;
        if ((err = ata_dma_command(&tf)) != 0)
            return err;
        ata_sum_chunk(s, offset, (const uint8_t *)ATA_DMA_PHYS, bytes);
        offset += bytes;
    }
    return 0;
}

int ata_dma_word(uint64_t lba, uint32_t count)
{
    struct ata_sum s = { .crc = CRC32_INIT, .dump_bytes = 0 };
    int err = ata_read(lba, count, &s);
    if (err)
        return -err;
    kprintf("dma: lba=%llu count=%u crc32=%08x\n", (unsigned long long)lba, count, s.crc);
    trace_check(TRACE_PHASE_DMA, ATA_CHECK_CRC32, s.crc);
    ata_dump("dma: ", 0, s.head, ATA_DUMP_BYTES, 4);
    return 0;
}

int ata_console_read(uint64_t lba, uint32_t count)
{
    uint32_t shown = count < ATA_CONSOLE_DUMP_SECTORS ? count : ATA_CONSOLE_DUMP_SECTORS;
    struct ata_sum s = { .crc = CRC32_INIT, .dump_bytes = (uint64_t)shown * ATA_SECTOR_SIZE };
    int err = ata_read(lba, count, &s);
    if (err)
        return -err;
    kprintf("ata: read lba=%llu count=%u crc32=%08x", (unsigned long long)lba, count, s.crc);
    if (shown < count)
        kprintf(" (first %u sectors shown)", shown);
    kprintf("\n");
    return 0;
}
