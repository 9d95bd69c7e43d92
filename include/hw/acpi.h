/* ACPI tables that lead to PCI Express ECAM: the RSDP, the RSDT/XSDT and the
 * MCFG table, as the ACPI specification (5.2) and the PCI Firmware
 * specification (4.1.2, MCFG) lay them out. Offsets in bytes, little-endian.
 * Table layout only: tables are read from memory, never written. */
#ifndef HW_ACPI_H
#define HW_ACPI_H

/* Root System Description Pointer: on a 16-byte boundary in the first KiB of
 * the EBDA or in the BIOS area 0xE0000-0xFFFFF (addresses in abi/memmap.h). */
#define ACPI_RSDP_SIGNATURE     "RSD PTR "  /* 8 bytes at offset 0 */
#define ACPI_RSDP_ALIGN         16
#define ACPI_RSDP_CHECKSUM      8       /* 8: the first 20 bytes sum to 0 */
#define ACPI_RSDP_OEMID         9       /* 6 bytes */
#define ACPI_RSDP_REVISION      15      /* 8: 0 ACPI 1.0 (20 bytes), 2 and up: 36 bytes */
#define ACPI_RSDP_RSDT          16      /* 32: physical address of the RSDT */
#define ACPI_RSDP_V1_SIZE       20
#define ACPI_RSDP_LENGTH        20      /* 32 (rev >= 2): whole structure */
#define ACPI_RSDP_XSDT          24      /* 64 (rev >= 2): physical address of the XSDT */
#define ACPI_RSDP_EXT_CHECKSUM  32      /* 8 (rev >= 2): all LENGTH bytes sum to 0 */
#define ACPI_RSDP_V2_SIZE       36

/* System Description Table header, common to the RSDT, XSDT and MCFG. */
#define ACPI_SDT_SIGNATURE      0       /* 4 bytes: "RSDT", "XSDT", "MCFG" ... */
#define ACPI_SDT_LENGTH         4       /* 32: whole table, header included */
#define ACPI_SDT_REVISION       8       /* 8 */
#define ACPI_SDT_CHECKSUM       9       /* 8: all LENGTH bytes sum to 0 */
#define ACPI_SDT_OEMID          10      /* 6 bytes */
#define ACPI_SDT_HEADER_SIZE    36
/* RSDT: 32-bit table addresses after the header; XSDT: 64-bit ones. */
#define ACPI_RSDT_ENTRY_SIZE    4
#define ACPI_XSDT_ENTRY_SIZE    8

/* MCFG: a reserved 8 bytes after the header, then 16-byte allocations, one
 * per PCI segment group and bus range. */
#define ACPI_MCFG_ALLOC0        44
#define ACPI_MCFG_ALLOC_SIZE    16
#define ACPI_MCFG_BASE          0       /* 64: ECAM base of bus 0 of the segment */
#define ACPI_MCFG_SEGMENT       8       /* 16: PCI segment group */
#define ACPI_MCFG_START_BUS     10      /* 8 */
#define ACPI_MCFG_END_BUS       11      /* 8 */

/* ECAM (PCI Express Base 7.2.2): function (bus, dev, fn)'s 4 KiB at
 * base + (bus - start_bus) << 20 | dev << 15 | fn << 12. */
#define ECAM_BUS_SHIFT          20
#define ECAM_DEV_SHIFT          15
#define ECAM_FN_SHIFT           12
#define ECAM_BUS_MAX            256     /* buses one window can map (8 bits) */
#define ECAM_DEV_MASK           0x1F    /* after >> ECAM_DEV_SHIFT */
#define ECAM_FN_MASK            0x7     /* after >> ECAM_FN_SHIFT */

#endif
