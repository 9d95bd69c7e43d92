/* ATA disk on the primary channel of a PCI IDE controller (Intel PIIX in
 * QEMU's `pc` machine), read by bus-master DMA.
 *
 * Port map (legacy/compatibility mode, prog-if 0x80):
 *   task file   ATA_PRIMARY_IO   + ATA_REG_*     8 bits unless noted
 *   control     ATA_PRIMARY_CTRL + ATA_REG_*     8 bits
 *   bus master  BAR4 & ~3 (+ BM_SECONDARY for the second channel) + BM_REG_*
 * The device interrupts on ATA_PRIMARY_IRQ (ISA IRQ 14, edge); reading the
 * status register (not the alternate status) acknowledges it. */
#ifndef ATA_H
#define ATA_H

#include <stdint.h>

#define ATA_PRIMARY_IO      0x1F0
#define ATA_PRIMARY_CTRL    0x3F6
#define ATA_PRIMARY_IRQ     14

/* Task-file registers, offsets from ATA_PRIMARY_IO. */
#define ATA_REG_DATA        0x0     /* RW, 16 bits: PIO data */
#define ATA_REG_ERROR       0x1     /* R: error bits, valid when STATUS_ERR */
#define ATA_ERROR_ABRT      0x04    /*   command aborted (bad command or range) */
#define ATA_ERROR_IDNF      0x10    /*   sector ID not found */
#define ATA_ERROR_UNC       0x40    /*   uncorrectable data */
#define ATA_REG_FEATURES    0x1     /* W */
#define ATA_REG_SECCOUNT    0x2     /* RW: sector count; LBA48: write high byte, then low */
#define ATA_REG_LBA_LOW     0x3     /* RW: LBA 7:0;   LBA48: 31:24 first */
#define ATA_REG_LBA_MID     0x4     /* RW: LBA 15:8;  LBA48: 39:32 first */
#define ATA_REG_LBA_HIGH    0x5     /* RW: LBA 23:16; LBA48: 47:40 first */
#define ATA_REG_DEVICE      0x6     /* RW: device select, LBA mode, LBA28 27:24 */
#define ATA_DEVICE_OBS      0xA0    /*   bits 7 and 5: set by convention */
#define ATA_DEVICE_LBA      0x40    /*   LBA addressing (not CHS) */
#define ATA_DEVICE_DEV1     0x10    /*   0: master, 1: slave */
#define ATA_DEVICE_LBA28_HI 0x0F    /*   LBA28 bits 27:24 */
#define ATA_REG_STATUS      0x7     /* R: status; reading it acknowledges the interrupt */
#define ATA_REG_COMMAND     0x7     /* W: command (ATA_CMD_*) */
#define ATA_STATUS_ERR      0x01    /*   error: see ATA_REG_ERROR */
#define ATA_STATUS_DRQ      0x08    /*   data request: PIO data ready */
#define ATA_STATUS_DSC      0x10    /*   seek complete */
#define ATA_STATUS_DF       0x20    /*   device fault */
#define ATA_STATUS_DRDY     0x40    /*   device ready */
#define ATA_STATUS_BSY      0x80    /*   busy: other bits invalid */
#define ATA_STATUS_NO_DEVICE_0  0x00    /* QEMU: both devices of the channel absent */
#define ATA_STATUS_NO_DEVICE_FF 0xFF    /* real hardware: floating bus */

/* Control-block registers, offsets from ATA_PRIMARY_CTRL. */
#define ATA_REG_ALTSTATUS   0x0     /* R: status without acknowledging the interrupt */
#define ATA_REG_DEVCTL      0x0     /* W: device control */
#define ATA_DEVCTL_NIEN     0x02    /*   1: device interrupt disabled */
#define ATA_DEVCTL_SRST     0x04    /*   software reset */
#define ATA_DEVCTL_HOB      0x80    /*   read the high-order LBA48 bytes */
#define ATA_DEVCTL_IRQ_ON   0x00    /*   nIEN, SRST and HOB clear: interrupts on */

/* Commands. */
#define ATA_CMD_READ_DMA_EXT    0x25    /* LBA48, 1-65536 sectors (count 0 = 65536) */
#define ATA_CMD_READ_DMA        0xC8    /* LBA28, 1-256 sectors (count 0 = 256) */
#define ATA_CMD_IDENTIFY        0xEC    /* PIO in: one 512-byte block of 256 words */

/* IDENTIFY DEVICE data, 16-bit word indices. */
#define ATA_ID_CAPABILITIES     49
#define ATA_ID_CAP_DMA          0x0100  /*   DMA supported */
#define ATA_ID_CAP_LBA          0x0200  /*   LBA supported */
#define ATA_ID_MODEL            27      /* 20 words, ASCII, high byte first, space padded */
#define ATA_ID_MODEL_WORDS      20
#define ATA_ID_LBA28_SECTORS    60      /* 2 words, low word first */
#define ATA_ID_COMMAND_SET_2    83
#define ATA_ID_CMDSET2_LBA48    0x0400  /*   48-bit addressing supported */
#define ATA_ID_LBA48_SECTORS    100     /* 4 words, low word first */
#define ATA_ID_WORDS            256

#define ATA_SECTOR_SIZE         512
/* LBA28 commands address sectors 0 to 2^28 - 2: IDENTIFY words 60-61 count
 * at most 0x0FFFFFFF sectors, so sector 0x0FFFFFFF is LBA48's (as in Linux). */
#define ATA_LBA28_LIMIT         ((1ull << 28) - 1)  /* first sector LBA28 cannot address */
#define ATA_LBA48_LIMIT         (1ull << 48)
#define ATA_LBA28_MAX_COUNT     256u
#define ATA_LBA48_MAX_COUNT     65536u

/* PCI IDE bus master, offsets from the channel's base. Bytes 0-3 take byte
 * accesses only; the PRD table address is one 32-bit register. */
#define BM_SECONDARY        0x8     /* second channel's registers */
#define BM_REG_CMD          0x0     /* RW, 8 bits */
#define BM_CMD_START        0x01    /*   start (1) / stop (0) the transfer */
#define BM_CMD_READ         0x08    /*   direction: 1 = device to memory (a disk read) */
#define BM_REG_STATUS       0x2     /* RW, 8 bits */
#define BM_STATUS_ACTIVE    0x01    /*   RO: transfer in progress (or PRDs longer than it) */
#define BM_STATUS_ERR       0x02    /*   RW1C: PCI error during the transfer */
#define BM_STATUS_IRQ       0x04    /*   RW1C: the device raised its interrupt line */
#define BM_STATUS_DRV0_DMA  0x20    /*   RW: firmware says drive 0 can DMA */
#define BM_STATUS_DRV1_DMA  0x40    /*   RW: firmware says drive 1 can DMA */
#define BM_STATUS_W1C       (BM_STATUS_ERR | BM_STATUS_IRQ)
#define BM_STATUS_KEEP      (BM_STATUS_DRV0_DMA | BM_STATUS_DRV1_DMA)
#define BM_REG_PRDT         0x4     /* RW, 32 bits: PRD table physical address */
#define PCI_BAR4            4       /* the bus-master BAR of a PCI IDE function */
#define PCI_CLASS_STORAGE   0x01
#define PCI_SUBCLASS_IDE    0x01
#define PCI_PROGIF_IDE_PRIMARY_NATIVE 0x01  /* prog-if bit 0: primary channel in PCI native mode */

/* Memory the driver owns (physical = virtual; paging is off). Fixed, so the
 * addresses in traces do not move when the kernel image changes:
 *   ATA_PRDT_PHYS   4 KiB: the PRD table (dword aligned, inside one 64 KiB block)
 *   ATA_DMA_PHYS    32 MiB: destination of each command, reused by the next
 * The kernel image (from 1 MiB) must end below ATA_PRDT_PHYS, and RAM must
 * reach ATA_DMA_PHYS + one command's bytes (36 MiB for 65536 sectors). */
#define ATA_PRDT_PHYS       0x003F0000u
#define ATA_DMA_PHYS        0x00400000u

/* Errors. The driver's internal functions return them negated (-ATA_E_*);
 * ata_dma_word() and ata_console_read() return them as they are, since that
 * value is the dma phase's END status on the trace device. */
enum ata_error {
    ATA_OK = 0,
    ATA_E_NO_CONTROLLER = 1,    /* no PCI IDE function */
    ATA_E_NO_DISK = 2,          /* primary master absent */
    ATA_E_IDENTIFY = 3,         /* IDENTIFY failed or the device cannot DMA */
    ATA_E_RANGE = 4,            /* range not addressable (no LBA48, or bad count) */
    ATA_E_ABORTED = 5,          /* device set ERR (e.g. beyond the end of the disk) */
    ATA_E_FAULT = 6,            /* device fault (DF) */
    ATA_E_BUS_MASTER = 7,       /* bus-master error bit, or no interrupt bit */
    ATA_E_TIMEOUT = 8,          /* no interrupt before the deadline */
    ATA_E_MEMORY = 9,           /* DMA area not backed by RAM or overlaps the kernel */
};

/* The `dma=LBA:COUNT` phase body: probe once (printing the model line), read,
 * print `dma: lba=L count=C crc32=X` and the first 32 bytes. 0 or an error. */
int ata_dma_word(uint64_t lba, uint32_t count);

/* The console's `read LBA [COUNT]`: read and hex-dump the range (the first
 * ATA_CONSOLE_DUMP_SECTORS sectors of it) and its CRC. 0 or an error. */
#define ATA_CONSOLE_DUMP_SECTORS 8
int ata_console_read(uint64_t lba, uint32_t count);

#endif
