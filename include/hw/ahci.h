/* AHCI 1.3 (Serial ATA Advanced Host Controller Interface): the HBA's
 * memory-mapped registers behind ABAR (PCI BAR5), and the layouts of the
 * structures it reads from and writes to memory: the command list, the
 * command table with its PRDT, and the received-FIS area. Register map
 * only; every register is 32 bits wide and must be accessed as one aligned
 * dword. The ATA commands carried in the FIS are in hw/ata.h.
 *
 *   generic host control   ABAR + AHCI_REG_*
 *   port n                 ABAR + AHCI_PORT_BASE + n * AHCI_PORT_STRIDE + AHCI_PREG_*
 *
 * Access: RO read only, RW read/write, RW1C write 1 to clear. */
#ifndef HW_AHCI_H
#define HW_AHCI_H

#define AHCI_BAR_ABAR           5       /* PCI BAR5: ABAR, a memory BAR */
#define AHCI_CLEAR_ALL          0xFFFFFFFFu /* written to a RW1C register: clears every bit */
#define AHCI_MAX_PORTS          32

/* Generic host control. */
#define AHCI_REG_CAP            0x00    /* RO: host capabilities */
#define AHCI_CAP_NP_MASK        0x1Fu   /*   number of ports - 1 */
#define AHCI_CAP_NCS_SHIFT      8       /*   command slots - 1, bits 12:8 */
#define AHCI_CAP_NCS_MASK       0x1Fu
#define AHCI_CAP_SAM            (1u << 18)  /* AHCI mode only (no legacy IDE) */
#define AHCI_CAP_S64A           (1u << 31)  /* 64-bit addressing */
#define AHCI_REG_GHC            0x04    /* RW: global host control */
#define AHCI_GHC_HR             (1u << 0)   /* HBA reset; clears itself */
#define AHCI_GHC_IE             (1u << 1)   /* interrupt enable */
#define AHCI_GHC_AE             (1u << 31)  /* AHCI enable */
#define AHCI_REG_IS             0x08    /* RW1C: interrupt status, bit n = port n */
#define AHCI_REG_PI             0x0C    /* RO: ports implemented, bit n = port n */
#define AHCI_REG_VS             0x10    /* RO: version, major 31:16, minor 15:0 (BCD) */

/* Port registers. */
#define AHCI_PORT_BASE          0x100
#define AHCI_PORT_STRIDE        0x80
#define AHCI_PREG_CLB           0x00    /* RW: command list base, 1 KiB aligned */
#define AHCI_PREG_CLBU          0x04    /* RW: command list base, bits 63:32 */
#define AHCI_PREG_FB            0x08    /* RW: FIS receive base, 256-byte aligned */
#define AHCI_PREG_FBU           0x0C    /* RW: FIS receive base, bits 63:32 */
#define AHCI_PREG_IS            0x10    /* RW1C: port interrupt status */
#define AHCI_PREG_IE            0x14    /* RW: port interrupt enable, same bits as PxIS */
#define AHCI_PIS_DHRS           (1u << 0)   /* D2H Register FIS received (with I set) */
#define AHCI_PIS_PSS            (1u << 1)   /* PIO Setup FIS received (with I set), data moved */
#define AHCI_PIS_DSS            (1u << 2)   /* DMA Setup FIS received */
#define AHCI_PIS_SDBS           (1u << 3)   /* Set Device Bits FIS received */
#define AHCI_PIS_UFS            (1u << 4)   /* unknown FIS */
#define AHCI_PIS_DPS            (1u << 5)   /* a PRD with I set was processed */
#define AHCI_PIS_PCS            (1u << 6)   /* port connect change */
#define AHCI_PIS_PRCS           (1u << 22)  /* PhyRdy change */
#define AHCI_PIS_OFS            (1u << 24)  /* overflow: more data than the PRDT holds */
#define AHCI_PIS_INFS           (1u << 26)  /* interface non-fatal error */
#define AHCI_PIS_IFS            (1u << 27)  /* interface fatal error */
#define AHCI_PIS_HBDS           (1u << 28)  /* host bus data error */
#define AHCI_PIS_HBFS           (1u << 29)  /* host bus fatal error */
#define AHCI_PIS_TFES           (1u << 30)  /* task file error: status ERR set */
#define AHCI_PIS_CPDS           (1u << 31)  /* cold port detect */
#define AHCI_PREG_CMD           0x18    /* RW: command and status */
#define AHCI_PCMD_ST            (1u << 0)   /* start: process the command list */
#define AHCI_PCMD_SUD           (1u << 1)   /* spin-up device */
#define AHCI_PCMD_POD           (1u << 2)   /* power on device */
#define AHCI_PCMD_FRE           (1u << 4)   /* FIS receive enable */
#define AHCI_PCMD_FR            (1u << 14)  /* RO: FIS receive DMA engine running */
#define AHCI_PCMD_CR            (1u << 15)  /* RO: command list DMA engine running */
#define AHCI_PREG_TFD           0x20    /* RO: task file data */
#define AHCI_TFD_STS_MASK       0xFFu   /*   ATA status (ATA_STATUS_* in hw/ata.h) */
#define AHCI_TFD_ERR_SHIFT      8       /*   ATA error, bits 15:8 (ATA_ERROR_*) */
#define AHCI_PREG_SIG           0x24    /* RO: signature from the first D2H FIS */
#define AHCI_SIG_ATA            0x00000101u /* ATA disk */
#define AHCI_SIG_ATAPI          0xEB140101u /* ATAPI (CD/DVD) */
#define AHCI_PREG_SSTS          0x28    /* RO: SStatus */
#define AHCI_SSTS_DET_MASK      0xFu    /*   device detection */
#define AHCI_SSTS_DET_PRESENT   0x3u    /*   device present, PHY communication up */
#define AHCI_PREG_SCTL          0x2C    /* RW: SControl */
#define AHCI_PREG_SERR          0x30    /* RW1C: SError */
#define AHCI_PREG_SACT          0x34    /* RW1: SActive (NCQ tags outstanding) */
#define AHCI_PREG_CI            0x38    /* RW1: command issue, bit n = slot n; the
                                         * HBA clears it when the command completes */

/* Command list: up to 32 command headers of 32 bytes at PxCLB (1 KiB,
 * 1 KiB aligned); slot n's header is at PxCLB + 32 n. Dwords: */
#define AHCI_CMDLIST_SIZE       1024
#define AHCI_CMDLIST_ALIGN      1024
#define AHCI_CMDHDR_SIZE        32
#define AHCI_CMDHDR_DW0         0       /* flags and PRDT length: */
#define AHCI_CMDHDR_CFL_MASK    0x1Fu   /*   command FIS length in dwords (2-16) */
#define AHCI_CMDHDR_A           (1u << 5)   /* ATAPI */
#define AHCI_CMDHDR_W           (1u << 6)   /* write: memory to device */
#define AHCI_CMDHDR_P           (1u << 7)   /* prefetchable */
#define AHCI_CMDHDR_C           (1u << 10)  /* clear busy upon R_OK */
#define AHCI_CMDHDR_PRDTL_SHIFT 16      /*   PRDT entries, bits 31:16 */
#define AHCI_CMDHDR_PRDBC       1       /* dword 1: bytes transferred, written by the HBA */
#define AHCI_CMDHDR_CTBA        2       /* dword 2: command table base, 128-byte aligned */
#define AHCI_CMDHDR_CTBAU       3       /* dword 3: command table base, bits 63:32 */

/* Command table (at CTBA): the command FIS, an ATAPI command, then the
 * PRDT. Byte offsets: */
#define AHCI_CMDTBL_ALIGN       128
#define AHCI_CMDTBL_CFIS        0x00    /* 64 bytes: the command FIS */
#define AHCI_CMDTBL_ACMD        0x40    /* 16 bytes: ATAPI command */
#define AHCI_CMDTBL_PRDT        0x80    /* PRDT entries, 16 bytes each */
#define AHCI_CMDTBL_MAX_PRDTL   65535

/* PRDT entry (Physical Region Descriptor), four dwords: */
#define AHCI_PRD_SIZE           16
#define AHCI_PRD_DBA            0       /* dword 0: data base address; bit 0 must be 0 */
#define AHCI_PRD_DBAU           1       /* dword 1: data base address, bits 63:32 */
#define AHCI_PRD_DBC            3       /* dword 3 (dword 2 reserved): */
#define AHCI_PRD_DBC_MASK       0x003FFFFFu /* byte count - 1; bit 0 must be 1 (even count) */
#define AHCI_PRD_I              (1u << 31)  /* interrupt (PxIS.DPS) when this entry is done */
#define AHCI_PRD_MAX_BYTES      0x400000u   /* 4 MiB per entry */

/* Received-FIS area (at PxFB, 256 bytes, 256-byte aligned). Byte offsets: */
#define AHCI_RFIS_SIZE          256
#define AHCI_RFIS_ALIGN         256
#define AHCI_RFIS_DSFIS         0x00    /* DMA Setup FIS */
#define AHCI_RFIS_PSFIS         0x20    /* PIO Setup FIS */
#define AHCI_RFIS_RFIS          0x40    /* D2H Register FIS */
#define AHCI_RFIS_SDBFIS        0x58    /* Set Device Bits FIS */
#define AHCI_RFIS_UFIS          0x60    /* unknown FIS */

/* FIS types (Serial ATA), byte 0 of every FIS. */
#define FIS_TYPE_REG_H2D        0x27    /* Register, host to device: a command */
#define FIS_TYPE_REG_D2H        0x34    /* Register, device to host: status */
#define FIS_TYPE_DMA_ACT        0x39
#define FIS_TYPE_DMA_SETUP      0x41
#define FIS_TYPE_DATA           0x46
#define FIS_TYPE_BIST           0x58
#define FIS_TYPE_PIO_SETUP      0x5F
#define FIS_TYPE_DEV_BITS       0xA1    /* Set Device Bits */

/* Register H2D FIS, 20 bytes (5 dwords). Byte offsets: */
#define FIS_H2D_SIZE            20
#define FIS_H2D_TYPE            0       /* FIS_TYPE_REG_H2D */
#define FIS_H2D_FLAGS           1       /* bits 3:0 port multiplier port; bit 7: */
#define FIS_H2D_FLAG_C          0x80    /*   1: the command register is updated */
#define FIS_H2D_COMMAND         2
#define FIS_H2D_FEATURES        3       /* features 7:0 */
#define FIS_H2D_LBA0            4       /* LBA 7:0 */
#define FIS_H2D_LBA1            5       /* LBA 15:8 */
#define FIS_H2D_LBA2            6       /* LBA 23:16 */
#define FIS_H2D_DEVICE          7       /* ATA_DEVICE_* */
#define FIS_H2D_LBA3            8       /* LBA 31:24 */
#define FIS_H2D_LBA4            9       /* LBA 39:32 */
#define FIS_H2D_LBA5            10      /* LBA 47:40 */
#define FIS_H2D_FEATURES_EXP    11      /* features 15:8 */
#define FIS_H2D_COUNT0          12      /* count 7:0 */
#define FIS_H2D_COUNT1          13      /* count 15:8 */
#define FIS_H2D_ICC             14
#define FIS_H2D_CONTROL         15

#endif
