/* ATA (AT Attachment, ACS) register and command set, shared by every ATA
 * transport: the task-file registers of a parallel IDE channel, the
 * commands, the IDENTIFY DEVICE data layout and the addressing limits.
 * Register map only; 8-bit registers unless noted. */
#ifndef HW_ATA_H
#define HW_ATA_H

/* Task-file (command block) registers, offsets from the channel's command
 * block base (IDE_PRIMARY_IO on a PIIX in compatibility mode). */
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

/* Control-block registers, offsets from the channel's control block base
 * (IDE_PRIMARY_CTRL). */
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
#define ATA_LBA48_MAX_COUNT     65536   /* plain number: stringified in messages */

#endif
