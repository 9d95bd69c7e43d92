/* AHCI SATA driver (AHCI 1.3; QEMU's model is hw/ide/ahci.c). The steps,
 * each shown next to the trace it produces in docs/ahci.md:
 *   1. PCI: the function of class 01.06.01, ABAR = BAR5 (memory), memory
 *      decoding and bus mastering on, INTx on the line the firmware wrote
 *      to the Interrupt Line register.
 *   2. HBA: GHC.AE set; CAP and PI read.
 *   3. Each implemented port: brought to idle (ST and FRE off, CR and FR
 *      clear), its command list and received-FIS area set to fixed
 *      addresses (abi/memmap.h), FRE on, PxSERR and PxIS cleared; PxSSTS
 *      (DET = 3) and PxSIG (0x00000101) tell whether an ATA disk is there.
 *   4. The first disk's port: PxIE, GHC.IE, then ST (the HBA processes the
 *      command list).
 *   5. A command: command FIS and PRDT in the command table, the header
 *      in slot 0, PxCI bit 0 set; the CPU halts with only the controller's
 *      line and the PIT deadline unmasked (kernel/wait.h). The interrupt
 *      handler clears PxIS, then IS, and says done once PxCI bit 0 is
 *      clear or an error bit came.
 *   6. Errors (PxIS.TFES and the others, PxTFD) and a byte count (PRDBC)
 *      short of the transfer are reported by name; then the port is
 *      stopped and started again so that the next command can run.
 * Nothing polls the device while it works. The driver returns data and
 * errors; the dma phase prints the results. */
#include <stdint.h>
#include "abi/memmap.h"
#include "drivers/ahci.h"
#include "drivers/pci.h"
#include "drivers/pciassign.h"
#include "drivers/pit.h"
#include "hw/ahci.h"
#include "hw/ata.h"
#include "kernel/console.h"
#include "kernel/io.h"
#include "kernel/trap.h"
#include "kernel/wait.h"
#include "lib/ahcicmd.h"
#include "lib/atacmd.h"
#include "lib/printf.h"
#include "lib/text.h"

/* One command's interrupt may take this long to come. */
#define AHCI_TIMEOUT_MS         5500
/* CR and FR must clear within 500 ms of clearing ST and FRE (AHCI 1.3, 10.1.2). */
#define AHCI_ENGINE_TIMEOUT_MS  500
#define AHCI_SLOT               0       /* the one command slot used */
#define AHCI_PRDT_MAX           ((MEMMAP_AHCI_CTBA_SIZE - AHCI_CMDTBL_PRDT) / AHCI_PRD_SIZE)
/* One READ DMA EXT moves at most 65536 sectors, which is also what the DMA
 * buffer holds, and what 8 of the PRDT's entries describe. */
#define AHCI_CMD_MAX_SECTORS    ATA_LBA48_MAX_COUNT
#define AHCI_PORT_INTERRUPTS    (AHCI_PIS_DHRS | AHCI_PIS_PSS | AHCI_PIS_ERRORS)

_Static_assert(AHCI_CMD_MAX_SECTORS * ATA_SECTOR_SIZE <= MEMMAP_DMA_BUF_SIZE,
               "one command's data must fit the DMA buffer");
_Static_assert(AHCI_CMD_MAX_SECTORS * ATA_SECTOR_SIZE / AHCI_PRD_MAX_BYTES <= AHCI_PRDT_MAX,
               "one command's PRDT must fit the command table");
_Static_assert(AHCI_MAX_PORTS * AHCI_CMDLIST_SIZE <= MEMMAP_AHCI_CLB_SIZE &&
               AHCI_MAX_PORTS * AHCI_RFIS_SIZE <= MEMMAP_AHCI_FB_SIZE,
               "a command list and a received-FIS area for every port");
_Static_assert(MEMMAP_AHCI_CLB % AHCI_CMDLIST_ALIGN == 0 && MEMMAP_AHCI_FB % AHCI_RFIS_ALIGN == 0 &&
               MEMMAP_AHCI_CTBA % AHCI_CMDTBL_ALIGN == 0, "AHCI structures aligned");

static struct {
    uintptr_t abar;
    int irq;
    int port;                           /* the disk's port */
    struct ata_identity id;
} ahci;

static volatile int irq_done;
static volatile uint32_t irq_pxis;      /* the PxIS bits the handler cleared */

static uint32_t hba_read(uint32_t reg)
{
    return mmio_read32(ahci.abar + reg);
}

static void hba_write(uint32_t reg, uint32_t v)
{
    mmio_write32(ahci.abar + reg, v);
}

static uint32_t port_read(int port, uint32_t reg)
{
    return mmio_read32(ahci.abar + AHCI_PORT_BASE + (uint32_t)port * AHCI_PORT_STRIDE + reg);
}

static void port_write(int port, uint32_t reg, uint32_t v)
{
    mmio_write32(ahci.abar + AHCI_PORT_BASE + (uint32_t)port * AHCI_PORT_STRIDE + reg, v);
}

static struct ahci_cmd_header *slot_header(int port)
{
    return (struct ahci_cmd_header *)(MEMMAP_AHCI_CLB + (uint32_t)port * AHCI_CMDLIST_SIZE) +
           AHCI_SLOT;
}

/* The line may be shared (PCI INTx): only our port's IS bit is ours.
 * Port status first, then the HBA's summary bit (AHCI 1.3, 5.6.4). */
static void ahci_irq(void)
{
    uint32_t bit = 1u << ahci.port;
    if (!(hba_read(AHCI_REG_IS) & bit))
        return;
    uint32_t pis = port_read(ahci.port, AHCI_PREG_IS);
    port_write(ahci.port, AHCI_PREG_IS, pis);
    hba_write(AHCI_REG_IS, bit);
    irq_pxis |= pis;
    if ((pis & AHCI_PIS_ERRORS) || !(port_read(ahci.port, AHCI_PREG_CI) & (1u << AHCI_SLOT)))
        irq_done = 1;
}

static int ahci_function(struct pci_func *f)
{
    return pci_find_class(PCI_CLASS_STORAGE, PCI_SUBCLASS_SATA, f) == 0 &&
           f->prog_if == PCI_PROGIF_AHCI ? 0 : -1;
}

static int ahci_present(void)
{
    struct pci_func f;
    return ahci_function(&f) == 0;
}

/* Step 1. */
static int ahci_find_controller(void)
{
    struct pci_func f;
    if (ahci_function(&f) != 0) {
        kprintf("ahci: no AHCI controller (PCI class 01 subclass 06 prog-if 01); "
                "use -machine q35 or add -device ich9-ahci\n");
        return -BLK_E_NO_CONTROLLER;
    }
    pci_assign_root();          /* a no-op after firmware that assigns BARs */
    uint32_t bar5 = pci_read32(&f, PCI_REG_BAR(AHCI_BAR_ABAR));
    if ((bar5 & PCI_BAR_IO) || (bar5 & PCI_BAR_MEM_MASK) == 0) {
        kprintf("ahci: %02x:%02x.%x BAR5=0x%08x is not an assigned memory BAR\n",
                f.bus, f.dev, f.fn, bar5);
        return -BLK_E_NO_CONTROLLER;
    }
    uint8_t line = pci_read8(&f, PCI_REG_INTERRUPT_LINE);
    if (line == 0 || line == 2 || line >= 16) {
        kprintf("ahci: %02x:%02x.%x Interrupt Line 0x%02x is not a usable 8259 input "
                "(1, 3-15): the firmware did not route INTx\n", f.bus, f.dev, f.fn, line);
        return -BLK_E_NO_CONTROLLER;
    }
    ahci.abar = bar5 & PCI_BAR_MEM_MASK;
    ahci.irq = line;
    uint16_t cmd = pci_read16(&f, PCI_REG_COMMAND);
    pci_write16(&f, PCI_REG_COMMAND, (uint16_t)((cmd & ~PCI_COMMAND_INTX_DISABLE) |
                                                PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER));
    return 0;
}

/* Wait until PxCMD has none of `bits`, at most `ms`; *cmd is its last
 * value. QEMU clears CR and FR inside the PxCMD write that clears ST or FRE
 * (ahci_port_write -> ahci_cond_start_engines, hw/ide/ahci.c), so there the
 * first read shows them clear: one read, whatever the host's timing. */
static int ahci_wait_cmd_clear(int port, uint32_t bits, unsigned ms, uint32_t *cmd)
{
    unsigned shots = (ms + PIT_ONESHOT_MS - 1) / PIT_ONESHOT_MS, fired = 0;
    pit_oneshot_arm();
    while ((*cmd = port_read(port, AHCI_PREG_CMD)) & bits) {
        if (pit_oneshot_expired()) {
            if (++fired >= shots) {
                kprintf("ahci: port %d: PxCMD 0x%08x: %s still set %d ms after clearing %s\n",
                        port, *cmd, bits == AHCI_PCMD_CR ? "CR" : "FR", ms,
                        bits == AHCI_PCMD_CR ? "ST" : "FRE");
                return -BLK_E_NO_DISK;
            }
            pit_oneshot_arm();
        }
    }
    return 0;
}

/* ST off, wait for CR; FRE off, wait for FR (AHCI 1.3, 10.1.2). */
static int ahci_port_idle(int port)
{
    uint32_t cmd = port_read(port, AHCI_PREG_CMD);
    int err = 0;
    if (cmd & (AHCI_PCMD_ST | AHCI_PCMD_CR)) {
        port_write(port, AHCI_PREG_CMD, cmd & ~AHCI_PCMD_ST);
        if ((err = ahci_wait_cmd_clear(port, AHCI_PCMD_CR, AHCI_ENGINE_TIMEOUT_MS, &cmd)) != 0)
            return err;
    }
    if (cmd & (AHCI_PCMD_FRE | AHCI_PCMD_FR)) {
        port_write(port, AHCI_PREG_CMD, cmd & ~AHCI_PCMD_FRE);
        err = ahci_wait_cmd_clear(port, AHCI_PCMD_FR, AHCI_ENGINE_TIMEOUT_MS, &cmd);
    }
    return err;
}

static void zero(uintptr_t addr, uint32_t bytes)
{
    for (uint32_t i = 0; i < bytes; i += 4)
        *(volatile uint32_t *)(addr + i) = 0;
}

/* Step 3 for one port: 1 when an ATA disk is attached, 0 when not, or
 * -BLK_E_* when the port cannot be brought to idle. */
static int ahci_port_setup(int port)
{
    int err = ahci_port_idle(port);
    if (err)
        return err;
    uint32_t clb = MEMMAP_AHCI_CLB + (uint32_t)port * AHCI_CMDLIST_SIZE;
    uint32_t fb = MEMMAP_AHCI_FB + (uint32_t)port * AHCI_RFIS_SIZE;
    zero(clb, AHCI_CMDLIST_SIZE);
    zero(fb, AHCI_RFIS_SIZE);
    port_write(port, AHCI_PREG_CLB, clb);
    port_write(port, AHCI_PREG_CLBU, 0);
    port_write(port, AHCI_PREG_FB, fb);
    port_write(port, AHCI_PREG_FBU, 0);
    port_write(port, AHCI_PREG_CMD, port_read(port, AHCI_PREG_CMD) | AHCI_PCMD_FRE);
    port_write(port, AHCI_PREG_SERR, AHCI_CLEAR_ALL);
    port_write(port, AHCI_PREG_IS, AHCI_CLEAR_ALL);
    if ((port_read(port, AHCI_PREG_SSTS) & AHCI_SSTS_DET_MASK) != AHCI_SSTS_DET_PRESENT)
        return 0;
    uint32_t sig = port_read(port, AHCI_PREG_SIG);
    if (sig != AHCI_SIG_ATA) {
        kprintf("ahci: port %d: %s (PxSIG 0x%08x), not an ATA disk (0x%08x): skipped\n", port,
                sig == AHCI_SIG_ATAPI ? "ATAPI device" : "unknown device", sig, AHCI_SIG_ATA);
        return 0;
    }
    return 1;
}

/* Step 4: interrupts on, then the command engine. The device must not be
 * busy when ST is set (AHCI 1.3, 10.3.1). */
static int ahci_port_start(int port)
{
    uint32_t tfd = port_read(port, AHCI_PREG_TFD);
    if (tfd & (ATA_STATUS_BSY | ATA_STATUS_DRQ)) {
        kprintf("ahci: port %d: device busy (PxTFD 0x%08x); it needs a COMRESET\n", port, tfd);
        return -BLK_E_IDENTIFY;
    }
    port_write(port, AHCI_PREG_IE, AHCI_PORT_INTERRUPTS);
    hba_write(AHCI_REG_GHC, hba_read(AHCI_REG_GHC) | AHCI_GHC_IE);
    port_write(port, AHCI_PREG_CMD, port_read(port, AHCI_PREG_CMD) | AHCI_PCMD_ST);
    return 0;
}

/* After an error: stop the engine (which drops the command), clear the
 * errors, start again (AHCI 1.3, 6.2.2.1). */
static void ahci_port_recover(int port)
{
    uint32_t cmd = port_read(port, AHCI_PREG_CMD);
    port_write(port, AHCI_PREG_CMD, cmd & ~AHCI_PCMD_ST);
    if (ahci_wait_cmd_clear(port, AHCI_PCMD_CR, AHCI_ENGINE_TIMEOUT_MS, &cmd) != 0)
        return;
    port_write(port, AHCI_PREG_SERR, AHCI_CLEAR_ALL);
    port_write(port, AHCI_PREG_IS, AHCI_CLEAR_ALL);
    hba_write(AHCI_REG_IS, 1u << port);
    ahci_port_start(port);
}

/* Step 6: what went wrong with the command called `what`, or 0. */
static int ahci_finish(const char *what, uint32_t bytes, int timed_out)
{
    int p = ahci.port;
    uint32_t pis = irq_pxis, done = slot_header(p)->prdbc;
    if (timed_out) {
        kprintf("ahci: port %d: %s: no interrupt within %d ms (timeout; PxIS 0x%08x PxTFD "
                "0x%08x PxSERR 0x%08x PxCI 0x%08x): is IRQ %d masked or routed elsewhere?\n",
                p, what, AHCI_TIMEOUT_MS, port_read(p, AHCI_PREG_IS), port_read(p, AHCI_PREG_TFD),
                port_read(p, AHCI_PREG_SERR), port_read(p, AHCI_PREG_CI), ahci.irq);
        ahci_port_recover(p);
        return -BLK_E_TIMEOUT;
    }
    const char *name = ahci_pis_error_name(pis);
    if (name) {
        uint32_t tfd = port_read(p, AHCI_PREG_TFD);
        uint8_t st = (uint8_t)(tfd & AHCI_TFD_STS_MASK), er = (uint8_t)(tfd >> AHCI_TFD_ERR_SHIFT);
        uint64_t sectors = ata_identity_sectors(&ahci.id);
        char size[40] = "";
        if (sectors)
            ksnprintf(size, sizeof size, "; the disk has %llu sectors", (unsigned long long)sectors);
        kprintf("ahci: port %d: %s: %s: %s (status 0x%02x error 0x%02x%s) (PxIS 0x%08x PxSERR "
                "0x%08x)\n", p, what, name,
                (st & ATA_STATUS_DF) ? "device fault" : ahci_ata_error_name(er), st, er, size,
                pis, port_read(p, AHCI_PREG_SERR));
        ahci_port_recover(p);
        if (!(pis & AHCI_PIS_TFES))
            return -BLK_E_BUS_MASTER;
        return (st & ATA_STATUS_DF) ? -BLK_E_FAULT : -BLK_E_ABORTED;
    }
    if (done != bytes) {
        kprintf("ahci: port %d: %s: short transfer: PRDBC %u of %u bytes (PxIS 0x%08x)\n",
                p, what, done, bytes, pis);
        return -BLK_E_BUS_MASTER;
    }
    return 0;
}

/* Step 5: one command whose data (`bytes`, device to memory) lands at
 * MEMMAP_DMA_BUF. */
static int ahci_command(const uint8_t *fis, uint32_t bytes, const char *what)
{
    uint8_t *tbl = (uint8_t *)MEMMAP_AHCI_CTBA;
    for (int i = 0; i < AHCI_CMDTBL_PRDT; i++)
        tbl[i] = 0;
    for (int i = 0; i < FIS_H2D_SIZE; i++)
        tbl[AHCI_CMDTBL_CFIS + i] = fis[i];
    int n = ahci_prdt_build((struct ahci_prd *)(tbl + AHCI_CMDTBL_PRDT), AHCI_PRDT_MAX,
                            MEMMAP_DMA_BUF, bytes);
    if (n < 0)
        panic("ahci_command: PRDT does not fit the command table");
    ahci_cmd_header_set(slot_header(ahci.port), (unsigned)n, MEMMAP_AHCI_CTBA);
    __asm__ volatile("" ::: "memory");      /* the tables are in memory before the HBA looks */
    struct irq_window w;
    irq_pxis = 0;
    irq_window_open(&w, ahci.irq, &irq_done);
    port_write(ahci.port, AHCI_PREG_CI, 1u << AHCI_SLOT);
    int timed_out = irq_window_wait(&w, AHCI_TIMEOUT_MS);
    return ahci_finish(what, bytes, timed_out);
}

static int ahci_identify(void)
{
    uint8_t fis[FIS_H2D_SIZE];
    int err = blk_check_buffer("ahci", ATA_ID_WORDS * 2);
    if (err)
        return err;
    ahci_fis_identify(fis);
    if ((err = ahci_command(fis, ATA_ID_WORDS * 2, "IDENTIFY")) != 0)
        return err == -BLK_E_TIMEOUT ? err : -BLK_E_IDENTIFY;
    ata_identity_decode((const uint16_t *)MEMMAP_DMA_BUF, &ahci.id);
    if (!ahci.id.lba48 || !ahci.id.dma) {
        kprintf("ahci: port %d: \"%s\" lacks %s, which READ DMA EXT needs\n", ahci.port,
                ahci.id.model, ahci.id.dma ? "LBA48" : "DMA");
        return -BLK_E_IDENTIFY;
    }
    return 0;
}

/* Steps 1-4 and IDENTIFY, on the first port with an ATA disk. */
static int ahci_probe(struct blk_disk *disk)
{
    int err = ahci_find_controller();
    if (err)
        return err;
    hba_write(AHCI_REG_GHC, hba_read(AHCI_REG_GHC) | AHCI_GHC_AE);
    uint32_t cap = hba_read(AHCI_REG_CAP), pi = hba_read(AHCI_REG_PI);
    int disk_port = -1;
    for (int p = 0; p < AHCI_MAX_PORTS; p++) {
        if (!(pi & (1u << p)))
            continue;
        int r = ahci_port_setup(p);
        if (r < 0)
            return r;
        if (r == 1 && disk_port < 0)
            disk_port = p;
    }
    if (disk_port < 0) {
        kprintf("ahci: no ATA disk on any implemented port (CAP 0x%08x PI 0x%08x); attach one "
                "as -drive file=IMG,format=raw,if=none,id=D -device ide-hd,drive=D,bus=AHCI.N "
                "(port N; on q35 also -drive file=IMG,format=raw,if=ide,index=N)\n", cap, pi);
        return -BLK_E_NO_DISK;
    }
    ahci.port = disk_port;
    irq_register(ahci.irq, ahci_irq);
    if ((err = ahci_port_start(disk_port)) != 0 || (err = ahci_identify()) != 0)
        return err;
    for (int i = 0; i < BLK_MODEL_MAX; i++)
        disk->model[i] = ahci.id.model[i];
    disk->sectors = ata_identity_sectors(&ahci.id);
    ksnprintf(disk->where, sizeof disk->where, "port %d", disk_port);
    return 0;
}

/* Read `count` sectors from `lba`, one READ DMA EXT at a time; each
 * command's data goes to fn() before the next command reuses the buffer. */
static int ahci_read(uint64_t lba, uint32_t count, blk_chunk_fn fn, void *ctx)
{
    struct ahci_request rq;
    if (ahci_request_start(&rq, lba, count, AHCI_CMD_MAX_SECTORS) != 0) {
        kprintf("ahci: port %d: read lba=%llu count=%u: count must be 1 to "
                XSTR(ATA_LBA48_MAX_COUNT) " within LBA 2^48\n", ahci.port,
                (unsigned long long)lba, count);
        return -BLK_E_RANGE;
    }
    int err = blk_check_buffer("ahci", (count < AHCI_CMD_MAX_SECTORS ? count : AHCI_CMD_MAX_SECTORS) *
                                       ATA_SECTOR_SIZE);
    if (err)
        return err;
    uint64_t offset = 0, at;
    uint32_t n;
    while (ahci_request_next(&rq, &at, &n)) {
        uint8_t fis[FIS_H2D_SIZE];
        char what[48];
        uint32_t bytes = n * ATA_SECTOR_SIZE;
        if (ahci_fis_read_dma_ext(fis, at, n) != 0)
            panic("ahci_read: command outside the checked request");
        ksnprintf(what, sizeof what, "read lba=%llu count=%u", (unsigned long long)at, n);
        if ((err = ahci_command(fis, bytes, what)) != 0)
            return err;
        fn(ctx, offset, (const uint8_t *)MEMMAP_DMA_BUF, bytes);
        offset += bytes;
    }
    return 0;
}

const struct blk_driver ahci_driver = {
    .name = "ahci",
    .present = ahci_present,
    .probe = ahci_probe,
    .read = ahci_read,
};
