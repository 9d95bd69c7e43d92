/* Intel PIIX IDE (PCI IDE controller, SFF-8038i bus master), as QEMU's
 * `pc` machine has it at 00:01.1 with prog-if 0x80: both channels in
 * compatibility mode at the legacy ISA ports, bus master in BAR4.
 * Register map only.
 *
 *   task file   IDE_PRIMARY_IO   + ATA_REG_*   (hw/ata.h)
 *   control     IDE_PRIMARY_CTRL + ATA_REG_*   (hw/ata.h)
 *   bus master  BAR4 & ~3 (+ BM_SECONDARY)     + BM_REG_*
 * The primary channel interrupts on IDE_PRIMARY_IRQ (ISA IRQ 14, edge);
 * reading its status register (not the alternate status) acknowledges it. */
#ifndef HW_PIIX_H
#define HW_PIIX_H

#define IDE_PRIMARY_IO      0x1F0
#define IDE_PRIMARY_CTRL    0x3F6
#define IDE_PRIMARY_IRQ     14
#define PIIX_BAR_BUS_MASTER 4       /* BAR4: the bus-master I/O block */

/* Bus-master registers, offsets from the channel's base (BAR4 & ~3, plus
 * BM_SECONDARY for the second channel). Bytes 0-3 take byte accesses only;
 * the PRD table address is one 32-bit register. */
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

#endif
