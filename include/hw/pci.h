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

/* Mechanism #1 reaches 256 buses of 32 devices of 8 functions; a type 0
 * header has 6 BARs, a type 1 (bridge) header 2. */
#define PCI_MAX_BUS             256
#define PCI_MAX_DEV             32
#define PCI_MAX_FN              8
#define PCI_NBARS_NORMAL        6
#define PCI_NBARS_BRIDGE        2

#endif
