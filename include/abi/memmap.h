/* The fixed physical memory map (physical = virtual: paging is off).
 *
 * Fixed addresses keep the DMA addresses in the trace goldens still when the
 * kernel image grows. linker.ld is run through the C preprocessor with this
 * header and asserts that the image ends below MEMMAP_KERNEL_LIMIT. Plain
 * numbers only: the linker script reads them too.
 *
 *   0x00100000  kernel image (multiboot load address), up to ...
 *   0x003E0000  32 KiB: AHCI command lists, 1 KiB (1 KiB aligned) per port
 *   0x003E8000  8 KiB: AHCI received-FIS areas, 256 bytes (aligned) per port
 *   0x003EA000  4 KiB: AHCI command table (128-byte aligned): the command
 *               FIS, then the PRDT, up to 248 entries of 4 MiB
 *   0x003F0000  4 KiB: PIIX bus-master PRD table (dword aligned, inside one
 *               64 KiB block)
 *   0x00400000  32 MiB: DMA buffer, the destination of each read command,
 *               reused by the next; RAM must reach its end for the longest
 *               command (36 MiB for 65536 sectors) */
#ifndef ABI_MEMMAP_H
#define ABI_MEMMAP_H

#define MEMMAP_KERNEL_LOAD      0x00100000
#define MEMMAP_AHCI_CLB         0x003E0000
#define MEMMAP_AHCI_CLB_SIZE    0x00008000
#define MEMMAP_AHCI_FB          0x003E8000
#define MEMMAP_AHCI_FB_SIZE     0x00002000
#define MEMMAP_AHCI_CTBA        0x003EA000
#define MEMMAP_AHCI_CTBA_SIZE   0x00001000
#define MEMMAP_PRDT             0x003F0000
#define MEMMAP_PRDT_SIZE        0x00001000
#define MEMMAP_DMA_BUF          0x00400000
#define MEMMAP_DMA_BUF_SIZE     0x02000000

/* Where firmware leaves the ACPI RSDP (ACPI 5.2.5.1): a 16-byte boundary in
 * the first KiB of the EBDA (real-mode segment in the BIOS data area word
 * at MEMMAP_BDA_EBDA_SEG), or in the BIOS area up to 1 MiB. */
#define MEMMAP_BDA_EBDA_SEG     0x0000040E
#define MEMMAP_EBDA_SCAN_SIZE   0x00000400
#define MEMMAP_BIOS_AREA        0x000E0000
#define MEMMAP_BIOS_AREA_END    0x00100000

/* The kernel image must end at or below the first fixed area. */
#define MEMMAP_KERNEL_LIMIT     MEMMAP_AHCI_CLB

#endif
