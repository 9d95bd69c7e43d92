/* Physical Region Descriptor tables for PCI IDE bus-master DMA
 * (SFF-8038i / Intel PIIX). Pure: builds the table in memory, no I/O.
 *
 * A PRD entry is two little-endian dwords:
 *   dword 0  physical address of the memory region (bit 0 must be 0)
 *   dword 1  bits 15:0 byte count (bit 0 must be 0; 0 means 64 KiB),
 *            bit 31 end of table (EOT): the last entry of the table
 * Rules: a region must not cross a 64 KiB physical boundary (so it is at
 * most 64 KiB); the table itself must be dword aligned and must not cross a
 * 64 KiB boundary. QEMU's PIIX model reads at most one 4 KiB page of entries
 * (512) from the table address before it gives up: PRD_MAX_ENTRIES. */
#ifndef LIB_PRD_H
#define LIB_PRD_H

#include <stddef.h>
#include <stdint.h>

struct prd_entry {
    uint32_t addr;          /* physical address, even */
    uint32_t count_eot;     /* PRD_COUNT_MASK | PRD_EOT */
};

#define PRD_COUNT_MASK      0x0000FFFFu     /* byte count; 0 = 65536 */
#define PRD_EOT             0x80000000u     /* end of table */
#define PRD_BOUNDARY        0x10000u        /* regions may not cross 64 KiB */
#define PRD_TABLE_ALIGN     4u              /* dword aligned ... */
#define PRD_TABLE_BOUNDARY  0x10000u        /* ... and within one 64 KiB block */
#define PRD_MAX_ENTRIES     512             /* 4 KiB of entries */

/* Byte count an entry describes (65536 when the count field is 0). */
uint32_t prd_entry_bytes(const struct prd_entry *e);

/* Describe `len` bytes at physical address `phys` in tab[0..max-1], one
 * entry per piece between 64 KiB boundaries, EOT on the last.
 * Returns the number of entries, or -1 when len is 0 or odd, phys is odd,
 * the region wraps past 4 GiB, or more than `max` entries would be needed. */
int prd_build(struct prd_entry *tab, int max, uint32_t phys, uint32_t len);

/* 1 when a table of `n` entries at physical address `phys` obeys the table
 * rules (alignment, no 64 KiB crossing), else 0. */
int prd_table_placement_ok(uint32_t phys, int n);

#endif
