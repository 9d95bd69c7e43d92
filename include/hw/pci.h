/* PCI configuration space: configuration mechanism #1 and the type 0 and
 * type 1 header registers, as the PCI Local Bus and PCI-to-PCI Bridge
 * specifications define them. Register map only.
 *
 * Ports (32 bits wide): write the address to PCI_CONFIG_ADDRESS, then access
 * the selected dword at PCI_CONFIG_DATA; a 16- or 8-bit access at
 * PCI_CONFIG_DATA + (offset & 3) reaches the bytes within that dword. */
#ifndef HW_PCI_H
#define HW_PCI_H

#define PCI_CONFIG_ADDRESS      0xCF8   /* RW, 32 bits */
#define PCI_CONFIG_DATA         0xCFC   /* RW, 8/16/32 bits */
#define PCI_ADDRESS_ENABLE      0x80000000u
#define PCI_ADDRESS(bus, dev, fn, off) \
    (PCI_ADDRESS_ENABLE | (uint32_t)(bus) << 16 | (uint32_t)(dev) << 11 | \
     (uint32_t)(fn) << 8 | ((off) & 0xFC))

/* Field at config offset `reg` within the dword read from reg & 0xFC. */
#define PCI_CFG_BYTE(dword, reg)    ((uint8_t)((dword) >> 8 * ((reg) & 3)))
#define PCI_CFG_WORD(dword, reg)    ((uint16_t)((dword) >> 8 * ((reg) & 2)))

/* Configuration header, common part (offset, width). */
#define PCI_REG_VENDOR_ID       0x00    /* 16, RO */
#define PCI_VENDOR_NONE         0xFFFF  /*   read when no function answers */
#define PCI_REG_DEVICE_ID       0x02    /* 16, RO */
#define PCI_REG_COMMAND         0x04    /* 16, RW */
#define PCI_COMMAND_IO          0x0001  /* decode I/O BARs */
#define PCI_COMMAND_MEMORY      0x0002  /* decode memory BARs */
#define PCI_COMMAND_MASTER      0x0004  /* bus mastering (DMA) */
#define PCI_COMMAND_INTX_DISABLE 0x0400 /* 1: the INTx# pin is not asserted */
#define PCI_REG_STATUS          0x06    /* 16, RW1C */
#define PCI_REG_REVISION        0x08    /* 8, RO */
#define PCI_REG_PROG_IF         0x09    /* 8, RO */
#define PCI_REG_SUBCLASS        0x0A    /* 8, RO */
#define PCI_REG_CLASS           0x0B    /* 8, RO */
#define PCI_REG_HEADER_TYPE     0x0E    /* 8, RO */
#define PCI_HEADER_TYPE_MASK    0x7F
#define PCI_HEADER_MULTIFUNC    0x80
#define PCI_HEADER_NORMAL       0x00
#define PCI_HEADER_BRIDGE       0x01
#define PCI_REG_BAR0            0x10    /* 32, RW; BAR n at PCI_REG_BAR(n) */
#define PCI_REG_BAR(n)          (PCI_REG_BAR0 + 4 * (n))
#define PCI_BAR_PROBE_ALL_ONES  0xFFFFFFFFu /* written to size a BAR */
#define PCI_REG_INTERRUPT_LINE  0x3C    /* 8, RW: the PIC input the firmware routed INTx to */
#define PCI_INTERRUPT_LINE_NONE 0xFF    /*   no line assigned */
/* Type 1 (PCI-to-PCI bridge) header. */
#define PCI_REG_PRIMARY_BUS     0x18    /* 8, RW */
#define PCI_REG_SECONDARY_BUS   0x19    /* 8, RW */
#define PCI_REG_SUBORDINATE_BUS 0x1A    /* 8, RW */
#define PCI_REG_SEC_LATENCY     0x1B    /* 8, RW */

/* The rest of the header, as lspci -vv decodes it (offset, width, access). */
#define PCI_COMMAND_SPECIAL     0x0008  /* under PCI_REG_COMMAND: special cycles */
#define PCI_COMMAND_INVALIDATE  0x0010  /*   memory write and invalidate */
#define PCI_COMMAND_VGA_PALETTE 0x0020  /*   VGA palette snooping */
#define PCI_COMMAND_PARITY      0x0040  /*   parity error response */
#define PCI_COMMAND_WAIT        0x0080  /*   address/data stepping */
#define PCI_COMMAND_SERR        0x0100  /*   SERR# enable */
#define PCI_COMMAND_FAST_BACK   0x0200  /*   fast back-to-back */
#define PCI_COMMAND_INTX_DISABLE 0x0400 /*   INTx emulation off (PCIe) */
#define PCI_STATUS_INTX         0x0008  /* under PCI_REG_STATUS (and the secondary status) */
#define PCI_STATUS_CAP_LIST     0x0010  /*   PCI_REG_CAP_PTR is valid */
#define PCI_STATUS_66MHZ        0x0020
#define PCI_STATUS_UDF          0x0040
#define PCI_STATUS_FAST_BACK    0x0080
#define PCI_STATUS_PARITY       0x0100  /*   master data parity error */
#define PCI_STATUS_DEVSEL_MASK  0x0600  /*   DEVSEL timing: */
#define PCI_STATUS_DEVSEL_FAST  0x0000
#define PCI_STATUS_DEVSEL_MEDIUM 0x0200
#define PCI_STATUS_DEVSEL_SLOW  0x0400
#define PCI_STATUS_SIG_TARGET_ABORT 0x0800
#define PCI_STATUS_REC_TARGET_ABORT 0x1000
#define PCI_STATUS_REC_MASTER_ABORT 0x2000
#define PCI_STATUS_SIG_SYSTEM_ERROR 0x4000
#define PCI_STATUS_DETECTED_PARITY 0x8000
#define PCI_REG_CACHE_LINE      0x0C    /* 8, RW: in dwords */
#define PCI_REG_LATENCY         0x0D    /* 8, RW: in PCI clocks */
#define PCI_REG_BIST            0x0F    /* 8, RW */
#define PCI_BIST_CODE_MASK      0x0F
#define PCI_BIST_START          0x40
#define PCI_BIST_CAPABLE        0x80
#define PCI_REG_SUBSYS_VENDOR   0x2C    /* 16, RO (type 0) */
#define PCI_REG_SUBSYS_ID       0x2E    /* 16, RO (type 0) */
#define PCI_REG_ROM             0x30    /* 32, RW (type 0) */
#define PCI_ROM_ENABLE          0x1
#define PCI_ROM_ADDR_MASK       0xFFFFF800u
#define PCI_REG_CAP_PTR         0x34    /* 8, RO: first capability (Status bit 4) */
#define PCI_REG_INTERRUPT_LINE  0x3C    /* 8, RW: IRQ the firmware routed */
#define PCI_REG_INTERRUPT_PIN   0x3D    /* 8, RO: 0 none, 1-4 INTA#-INTD# */
#define PCI_REG_MIN_GNT         0x3E    /* 8, RO (type 0): in 250 ns */
#define PCI_REG_MAX_LAT         0x3F    /* 8, RO (type 0): in 250 ns */
/* Type 1: the forwarding windows. I/O: bits 7:4 of base/limit are address
 * bits 15:12, bits 3:0 the type; memory: bits 15:4 are address bits 31:20. */
#define PCI_REG_IO_BASE         0x1C    /* 8, RW */
#define PCI_REG_IO_LIMIT        0x1D    /* 8, RW */
#define PCI_IO_RANGE_TYPE_MASK  0x0F
#define PCI_IO_RANGE_TYPE_16    0x00
#define PCI_IO_RANGE_TYPE_32    0x01
#define PCI_IO_RANGE_MASK       0xF0
#define PCI_REG_SEC_STATUS      0x1E    /* 16, RW1C: PCI_STATUS_* bits */
#define PCI_REG_MEM_BASE        0x20    /* 16, RW */
#define PCI_REG_MEM_LIMIT       0x22    /* 16, RW */
#define PCI_MEM_RANGE_TYPE_MASK 0x000F
#define PCI_MEM_RANGE_MASK      0xFFF0
#define PCI_REG_PREF_BASE       0x24    /* 16, RW */
#define PCI_REG_PREF_LIMIT      0x26    /* 16, RW */
#define PCI_PREF_RANGE_TYPE_32  0x0
#define PCI_PREF_RANGE_TYPE_64  0x1
#define PCI_REG_PREF_BASE_UPPER 0x28    /* 32, RW */
#define PCI_REG_PREF_LIMIT_UPPER 0x2C   /* 32, RW */
#define PCI_REG_IO_BASE_UPPER   0x30    /* 16, RW */
#define PCI_REG_IO_LIMIT_UPPER  0x32    /* 16, RW */
#define PCI_REG_ROM_BRIDGE      0x38    /* 32, RW */
#define PCI_REG_BRIDGE_CONTROL  0x3E    /* 16, RW */
#define PCI_BRIDGE_CTL_PARITY   0x0001
#define PCI_BRIDGE_CTL_SERR     0x0002
#define PCI_BRIDGE_CTL_NO_ISA   0x0004
#define PCI_BRIDGE_CTL_VGA      0x0008
#define PCI_BRIDGE_CTL_VGA16    0x0010
#define PCI_BRIDGE_CTL_MASTER_ABORT 0x0020
#define PCI_BRIDGE_CTL_BUS_RESET 0x0040
#define PCI_BRIDGE_CTL_FAST_BACK 0x0080
#define PCI_BRIDGE_CTL_PRI_DISCARD 0x0100
#define PCI_BRIDGE_CTL_SEC_DISCARD 0x0200
#define PCI_BRIDGE_CTL_DISCARD_STATUS 0x0400
#define PCI_BRIDGE_CTL_DISCARD_SERR 0x0800
#define PCI_HEADER_CARDBUS      0x02    /* header type 2 (not decoded here) */

/* Configuration space sizes: the header and capabilities (mechanism #1),
 * and PCI Express extended space (ECAM only, from 0x100 up). */
#define PCI_CFG_HEADER_SIZE     0x40
#define PCI_CFG_SPACE_SIZE      0x100
#define PCI_CFG_SPACE_EXP_SIZE  0x1000

/* BAR register bits (low dword), under PCI_REG_BAR(n). */
#define PCI_BAR_IO              0x1     /* 1: I/O space, 0: memory */
#define PCI_BAR_IO_MASK         0xFFFFFFFCu
#define PCI_BAR_MEM_TYPE_MASK   0x6
#define PCI_BAR_MEM_TYPE_32     0x0
#define PCI_BAR_MEM_TYPE_1M     0x2
#define PCI_BAR_MEM_TYPE_64     0x4
#define PCI_BAR_MEM_TYPE_3      0x6     /* reserved; lspci prints "type 3" */
#define PCI_BAR_MEM_PREFETCH    0x8
#define PCI_BAR_MEM_MASK        0xFFFFFFF0u

/* Class codes (PCI_REG_CLASS, PCI_REG_SUBCLASS, PCI_REG_PROG_IF). */
#define PCI_CLASS_STORAGE       0x01
#define PCI_SUBCLASS_IDE        0x01
#define PCI_PROGIF_IDE_PRIMARY_NATIVE 0x01  /* IDE prog-if bit 0: primary channel in PCI native mode */
#define PCI_SUBCLASS_SATA       0x06
#define PCI_PROGIF_AHCI         0x01    /* SATA prog-if: AHCI 1.0 */
#define PCI_CLASS_BRIDGE        0x06
#define PCI_SUBCLASS_HOST       0x00
#define PCI_SUBCLASS_PCI_BRIDGE 0x04

/* Mechanism #1 reaches 256 buses of 32 devices of 8 functions; a type 0
 * header has 6 BARs, a type 1 (bridge) header 2. */
#define PCI_MAX_BUS             256
#define PCI_MAX_DEV             32
#define PCI_MAX_FN              8
#define PCI_NBARS_NORMAL        6
#define PCI_NBARS_BRIDGE        2

#endif
