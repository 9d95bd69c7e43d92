/* PCI capabilities (PCI Local Bus 3.0 6.7, PCI Bus Power Management 1.2,
 * PCI-to-PCI Bridge 1.2, SHPC 1.0): the list in configuration space and the
 * registers of those lspci decodes here. Offsets from the capability's
 * start, width and access noted; register map only. */
#ifndef HW_PCICAP_H
#define HW_PCICAP_H

/* Every capability starts with an ID byte and a next pointer (bits 1:0 are
 * reserved and masked off); the list begins at PCI_REG_CAP_PTR. */
#define PCI_CAP_ID              0x0     /* 8, RO */
#define PCI_CAP_NEXT            0x1     /* 8, RO: 0 ends the list */
#define PCI_CAP_FLAGS           0x2     /* 16, RO: the capability's own */
#define PCI_CAP_PTR_MASK        0xFC
#define PCI_CAP_LIST_START      0x40    /* capabilities live in 0x40-0xFF */
#define PCI_CAP_LIST_MAX        48      /* (256 - 64) / 4 entries at most */

#define PCI_CAP_ID_NULL         0x00
#define PCI_CAP_ID_PM           0x01    /* Power Management */
#define PCI_CAP_ID_AGP          0x02
#define PCI_CAP_ID_VPD          0x03
#define PCI_CAP_ID_SLOTID       0x04    /* Slot Identification */
#define PCI_CAP_ID_MSI          0x05
#define PCI_CAP_ID_CHSWP        0x06    /* CompactPCI hot swap */
#define PCI_CAP_ID_PCIX         0x07
#define PCI_CAP_ID_HT           0x08    /* HyperTransport */
#define PCI_CAP_ID_VNDR         0x09    /* vendor specific */
#define PCI_CAP_ID_DBG          0x0A    /* debug port */
#define PCI_CAP_ID_CCRC         0x0B    /* CompactPCI central resource control */
#define PCI_CAP_ID_HOTPLUG      0x0C    /* PCI Standard Hot-Plug Controller (SHPC) */
#define PCI_CAP_ID_SSVID        0x0D    /* bridge subsystem vendor/device ID */
#define PCI_CAP_ID_AGP3         0x0E
#define PCI_CAP_ID_SECURE       0x0F
#define PCI_CAP_ID_EXP          0x10    /* PCI Express (hw/pcie.h) */
#define PCI_CAP_ID_MSIX         0x11
#define PCI_CAP_ID_SATA         0x12    /* Serial ATA HBA (AHCI 1.3 2.4) */
#define PCI_CAP_ID_AF           0x13    /* conventional PCI advanced features */
#define PCI_CAP_ID_EA           0x14    /* enhanced allocation */
#define PCI_CAP_ID_BROKEN       0xFF    /* lspci: "<chain broken>" */

/* Power Management (ID 0x01). */
#define PCI_PM_PMC              0x2     /* 16, RO: capabilities */
#define PCI_PM_PMC_VERSION      0x0007
#define PCI_PM_PMC_PME_CLOCK    0x0008
#define PCI_PM_PMC_DSI          0x0020
#define PCI_PM_PMC_AUX_SHIFT    6       /*   bits 8:6: aux current */
#define PCI_PM_PMC_D1           0x0200
#define PCI_PM_PMC_D2           0x0400
#define PCI_PM_PMC_PME_D0       0x0800  /*   bits 15:11: PME# from D0, D1, D2, D3hot, D3cold */
#define PCI_PM_PMC_PME_D1       0x1000
#define PCI_PM_PMC_PME_D2       0x2000
#define PCI_PM_PMC_PME_D3HOT    0x4000
#define PCI_PM_PMC_PME_D3COLD   0x8000
#define PCI_PM_CTRL             0x4     /* 16, RW: control/status */
#define PCI_PM_CTRL_STATE_MASK  0x0003  /*   D0-D3hot */
#define PCI_PM_CTRL_NO_SOFT_RESET 0x0008
#define PCI_PM_CTRL_PME_ENABLE  0x0100
#define PCI_PM_CTRL_DATA_SEL_SHIFT 9    /*   bits 12:9 */
#define PCI_PM_CTRL_DATA_SCALE_SHIFT 13 /*   bits 14:13 */
#define PCI_PM_CTRL_PME_STATUS  0x8000  /*   RW1C */
#define PCI_PM_BRIDGE           0x6     /* 8, RO: PCI-to-PCI bridge support */
#define PCI_PM_BRIDGE_B2B3      0x40
#define PCI_PM_BRIDGE_BPCC      0x80

/* MSI (ID 0x05). The layout after the control word depends on its bits:
 * address low, [address high if 64-bit], data, [mask, pending if masking]. */
#define PCI_MSI_FLAGS           0x2     /* 16, RW: message control */
#define PCI_MSI_FLAGS_ENABLE    0x0001
#define PCI_MSI_FLAGS_QMASK     0x000E  /*   bits 3:1: log2 vectors capable */
#define PCI_MSI_FLAGS_QSIZE     0x0070  /*   bits 6:4: log2 vectors enabled */
#define PCI_MSI_FLAGS_64BIT     0x0080
#define PCI_MSI_FLAGS_MASKBIT   0x0100  /*   per-vector masking */
#define PCI_MSI_ADDRESS_LO      0x4     /* 32, RW */
#define PCI_MSI_ADDRESS_HI      0x8     /* 32, RW (64-bit only) */
#define PCI_MSI_DATA_32         0x8     /* 16, RW */
#define PCI_MSI_DATA_64         0xC     /* 16, RW */
#define PCI_MSI_MASK_32         0xC     /* 32, RW */
#define PCI_MSI_MASK_64         0x10    /* 32, RW */
#define PCI_MSI_PENDING_32      0x10    /* 32, RO */
#define PCI_MSI_PENDING_64      0x14    /* 32, RO */

/* MSI-X (ID 0x11). */
#define PCI_MSIX_FLAGS          0x2     /* 16, RW: message control */
#define PCI_MSIX_FLAGS_QSIZE    0x07FF  /*   table size - 1 */
#define PCI_MSIX_FLAGS_MASKALL  0x4000
#define PCI_MSIX_FLAGS_ENABLE   0x8000
#define PCI_MSIX_TABLE          0x4     /* 32, RO: BIR in bits 2:0, offset above */
#define PCI_MSIX_PBA            0x8     /* 32, RO: likewise */
#define PCI_MSIX_BIR_MASK       0x7

/* Slot Identification (ID 0x04): expansion slot count and chassis. */
#define PCI_SLOTID_ESR          0x2     /* 8, RO */
#define PCI_SLOTID_ESR_NSLOTS   0x1F
#define PCI_SLOTID_ESR_FIC      0x20    /* first in chassis */
#define PCI_SLOTID_CHASSIS      0x3     /* 8, RW */

/* Bridge subsystem vendor/device ID (ID 0x0D). */
#define PCI_SSVID_VENDOR        0x4     /* 16, RO */
#define PCI_SSVID_DEVICE        0x6     /* 16, RO */

/* Vendor specific (ID 0x09): the length byte, then the vendor's data. */
#define PCI_VNDR_LEN            0x2     /* 8, RO */

/* PCI-X (ID 0x07): only what says whether extended space exists. */
#define PCI_X_STATUS            0x4     /* 32, RO */
#define PCI_X_STATUS_266MHZ     0x40000000u
#define PCI_X_STATUS_533MHZ     0x80000000u

/* Serial ATA HBA (ID 0x12). */
#define PCI_SATA_REVISION       0x2     /* 8, RO: major in bits 7:4, minor 3:0 */
#define PCI_SATA_BAR            0x4     /* 32, RO: BAR location in bits 3:0, offset in 23:4 */
#define PCI_SATA_BAR_LOC_MASK   0xF
#define PCI_SATA_BAR_LOC_INLINE 0xF     /*   the index-data pair follows */
#define PCI_SATA_BAR_OFF_SHIFT  4
#define PCI_SATA_BAR_OFF_MASK   0xFFFFF

#endif
