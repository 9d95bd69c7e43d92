/* AHCI logic with no I/O: the command FIS (Register H2D) for IDENTIFY
 * DEVICE and READ DMA EXT, the PRDT describing a buffer, the command
 * header, splitting a request into commands, and naming the error bits of
 * PxIS and the ATA error register. The layouts are hw/ahci.h's; these
 * structs are them in C, little-endian as the HBA reads them. Host unit
 * tests drive it (tests/unit/test_ahcicmd.c). */
#ifndef LIB_AHCICMD_H
#define LIB_AHCICMD_H

#include <stdint.h>
#include "hw/ahci.h"
#include "hw/ata.h"

/* One PRDT entry (AHCI_PRD_SIZE bytes). */
struct ahci_prd {
    uint32_t dba;           /* data base address, even */
    uint32_t dbau;          /* bits 63:32: 0 here */
    uint32_t reserved;
    uint32_t dbc;           /* byte count - 1 (AHCI_PRD_DBC_MASK), AHCI_PRD_I */
};

/* One command header (AHCI_CMDHDR_SIZE bytes) of the command list. */
struct ahci_cmd_header {
    uint32_t flags;         /* CFL, A, W, P, C ... and PRDTL in bits 31:16 */
    uint32_t prdbc;         /* bytes transferred: written by the HBA */
    uint32_t ctba;          /* command table base, 128-byte aligned */
    uint32_t ctbau;
    uint32_t reserved[4];
};

/* Fill fis[0..FIS_H2D_SIZE) with a Register H2D FIS (C bit set) for
 * READ DMA EXT of `count` sectors (1-65536; 65536 is written as 0) from
 * `lba` (below 2^48): 0, or -1 for a count or LBA out of range. */
int ahci_fis_read_dma_ext(uint8_t *fis, uint64_t lba, uint32_t count);
/* The same for IDENTIFY DEVICE (no LBA, no count). */
void ahci_fis_identify(uint8_t *fis);

/* Describe `len` bytes at physical address `phys` in tab[0..max-1]: one
 * entry per AHCI_PRD_MAX_BYTES (4 MiB), the last one shorter, no I bits.
 * Returns the number of entries, or -1 when len is 0 or odd, phys is odd,
 * the region wraps past 4 GiB, or more than `max` entries are needed. */
int ahci_prdt_build(struct ahci_prd *tab, int max, uint32_t phys, uint32_t len);
/* Bytes an entry describes (its count field plus one). */
uint32_t ahci_prd_bytes(const struct ahci_prd *e);

/* Command header for a command FIS of FIS_H2D_SIZE bytes, `prdtl` PRDT
 * entries, the table at `ctba`, device to memory; PRDBC cleared. */
void ahci_cmd_header_set(struct ahci_cmd_header *h, unsigned prdtl, uint32_t ctba);
/* PRDTL of a header. */
unsigned ahci_cmd_header_prdtl(const struct ahci_cmd_header *h);

/* A request of `left` sectors from `lba`, in commands of at most `max`. */
struct ahci_request {
    uint64_t lba;
    uint64_t left;
    uint32_t max;
};

/* Start a request: 0, or -1 when count is not 1 to ATA_LBA48_MAX_COUNT,
 * the range ends beyond LBA 2^48, or max is not 1 to ATA_LBA48_MAX_COUNT. */
int ahci_request_start(struct ahci_request *rq, uint64_t lba, uint32_t count, uint32_t max);
/* The next command's first sector and count: 1, or 0 when the request is done. */
int ahci_request_next(struct ahci_request *rq, uint64_t *lba, uint32_t *count);

/* The PxIS bits that report an error (TFES, HBFS, HBDS, IFS, INFS, OFS,
 * UFS). */
#define AHCI_PIS_ERRORS (AHCI_PIS_TFES | AHCI_PIS_HBFS | AHCI_PIS_HBDS | AHCI_PIS_IFS | \
                         AHCI_PIS_INFS | AHCI_PIS_OFS | AHCI_PIS_UFS)
/* Name and meaning of the most severe error bit in `pis`, as
 * "TFES (task file error)"; NULL when none of AHCI_PIS_ERRORS is set. */
const char *ahci_pis_error_name(uint32_t pis);
/* What an ATA error register value says: "device aborted" (ABRT),
 * "sector not found" (IDNF), "uncorrectable data" (UNC), else "device error". */
const char *ahci_ata_error_name(uint8_t error);

#endif
