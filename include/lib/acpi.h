/* From the ACPI RSDP to the MCFG table's ECAM allocations (hw/acpi.h), with
 * every checksum checked. Pure: physical memory is reached only through the
 * caller's `map`, so the host tests run it over synthetic tables. */
#ifndef LIB_ACPI_H
#define LIB_ACPI_H

#include <stddef.h>
#include <stdint.h>
#include "hw/acpi.h"

struct acpi_mem {
    /* `len` readable bytes at physical `phys`, or NULL when they are not RAM
     * the caller can read. */
    const uint8_t *(*map)(void *ctx, uint64_t phys, uint32_t len);
    void *ctx;
};

#define ACPI_MCFG_MAX_ALLOC 4
#define ACPI_TABLE_MAX_LEN  0x10000u    /* longer tables are refused as bogus */

struct acpi_ecam {
    uint64_t base;
    uint16_t segment;
    uint8_t start_bus, end_bus;
};

struct acpi_mcfg {
    uint64_t rsdp;              /* physical addresses of what was followed */
    uint8_t rsdp_revision;
    int xsdt;                   /* 1: the XSDT was used, 0: the RSDT */
    uint64_t root;
    uint64_t table;             /* the MCFG */
    int nalloc;                 /* allocations found (at most ACPI_MCFG_MAX_ALLOC kept) */
    struct acpi_ecam alloc[ACPI_MCFG_MAX_ALLOC];
};

/* The byte sum of p[0..len) (0 for a valid ACPI structure). */
uint8_t acpi_sum(const uint8_t *p, size_t len);

/* Offset of the first valid RSDP (signature, checksums) on a 16-byte
 * boundary of p[0..len), or -1. */
long acpi_rsdp_scan(const uint8_t *p, size_t len);

/* Check the RSDP at p (len bytes readable); 0, or -1 with *why set. */
int acpi_rsdp_check(const uint8_t *p, size_t len, const char **why);

/* Check the table header and checksum of the table at p, `avail` bytes
 * readable, against the 4-character signature `sig`; 0 or -1 with *why. */
int acpi_sdt_check(const uint8_t *p, size_t avail, const char *sig, const char **why);

/* Follow the RSDP at physical `rsdp` (already checked) to the MCFG table:
 * the XSDT when the RSDP has one (revision >= 2, non-zero), else the RSDT.
 * 0 with *out filled; -1 with a one-line reason in why[] naming the table
 * and its address. */
int acpi_find_mcfg(const struct acpi_mem *m, uint64_t rsdp, struct acpi_mcfg *out,
                   char *why, size_t whylen);

#endif
