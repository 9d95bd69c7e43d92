/* unit-sources: lib/ahcicmd.c */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "unit.h"
#include <string.h>
#include "hw/ahci.h"
#include "hw/ata.h"
#include "lib/ahcicmd.h"

#define MIB (1024u * 1024u)

static struct ahci_prd tab[16];

/* The structs are the hardware layouts, byte for byte. */
static void test_layout_sizes(void **state)
{
    (void)state;
    assert_int_equal(sizeof(struct ahci_prd), AHCI_PRD_SIZE);
    assert_int_equal(offsetof(struct ahci_prd, dbc), AHCI_PRD_DBC * 4);
    assert_int_equal(sizeof(struct ahci_cmd_header), AHCI_CMDHDR_SIZE);
    assert_int_equal(offsetof(struct ahci_cmd_header, prdbc), AHCI_CMDHDR_PRDBC * 4);
    assert_int_equal(offsetof(struct ahci_cmd_header, ctba), AHCI_CMDHDR_CTBA * 4);
    assert_int_equal(AHCI_CMDLIST_SIZE / AHCI_CMDHDR_SIZE, 32);
}

/* READ DMA EXT: type 0x27, C bit, command 0x25, LBA mode, LBA bytes low
 * first in 4-6 then 8-10, count in 12-13, everything else zero. */
static void test_fis_read_dma_ext(void **state)
{
    (void)state;
    uint8_t fis[FIS_H2D_SIZE];
    memset(fis, 0xEE, sizeof fis);
    assert_int_equal(ahci_fis_read_dma_ext(fis, 0xBA9876543210ull, 0x1234), 0);
    const uint8_t want[FIS_H2D_SIZE] = {
        0x27, 0x80, 0x25, 0x00, 0x10, 0x32, 0x54, 0x40,
        0x76, 0x98, 0xBA, 0x00, 0x34, 0x12, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00,
    };
    assert_memory_equal(fis, want, sizeof want);
}

/* 65536 sectors are written as count 0; one sector as 1. */
static void test_fis_counts(void **state)
{
    (void)state;
    uint8_t fis[FIS_H2D_SIZE];
    assert_int_equal(ahci_fis_read_dma_ext(fis, 0, 65536), 0);
    assert_int_equal(fis[FIS_H2D_COUNT0], 0);
    assert_int_equal(fis[FIS_H2D_COUNT1], 0);
    assert_int_equal(ahci_fis_read_dma_ext(fis, 0, 1), 0);
    assert_int_equal(fis[FIS_H2D_COUNT0], 1);
    assert_int_equal(fis[FIS_H2D_COUNT1], 0);
    assert_int_equal(ahci_fis_read_dma_ext(fis, 0, 256), 0);
    assert_int_equal(fis[FIS_H2D_COUNT0], 0);
    assert_int_equal(fis[FIS_H2D_COUNT1], 1);
}

static void test_fis_range(void **state)
{
    (void)state;
    uint8_t fis[FIS_H2D_SIZE];
    assert_int_equal(ahci_fis_read_dma_ext(fis, 0, 0), -1);
    assert_int_equal(ahci_fis_read_dma_ext(fis, 0, 65537), -1);
    assert_int_equal(ahci_fis_read_dma_ext(fis, (1ull << 48) - 1, 1), 0);
    assert_int_equal(fis[FIS_H2D_LBA5], 0xFF);
    assert_int_equal(ahci_fis_read_dma_ext(fis, (1ull << 48) - 1, 2), -1);
    assert_int_equal(ahci_fis_read_dma_ext(fis, 1ull << 48, 1), -1);
}

static void test_fis_identify(void **state)
{
    (void)state;
    uint8_t fis[FIS_H2D_SIZE];
    memset(fis, 0xEE, sizeof fis);
    ahci_fis_identify(fis);
    uint8_t want[FIS_H2D_SIZE] = { 0x27, 0x80, 0xEC };
    assert_memory_equal(fis, want, sizeof want);
}

/* Entries: contiguous, each at most 4 MiB, count stored minus one (so
 * odd), no I bit, adding up to len. */
static void check_prdt(int n, uint32_t phys, uint32_t len)
{
    uint32_t addr = phys, total = 0;
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        uint32_t bytes = ahci_prd_bytes(&tab[i]);
        assert_int_equal(tab[i].dba, addr);
        assert_int_equal(tab[i].dba & 1, 0);
        assert_int_equal(tab[i].dbc & 1, 1);
        assert_int_equal(tab[i].dbau, 0);
        assert_int_equal(tab[i].dbc & ~AHCI_PRD_DBC_MASK, 0);
        assert_true(bytes <= AHCI_PRD_MAX_BYTES);
        addr += bytes;
        total += bytes;
    }
    assert_int_equal(total, len);
}

static void test_prdt_one_sector(void **state)
{
    (void)state;
    int n = ahci_prdt_build(tab, 16, 0x400000, 512);
    assert_int_equal(n, 1);
    assert_int_equal(tab[0].dba, 0x400000);
    assert_int_equal(tab[0].dbc, 511);
    check_prdt(n, 0x400000, 512);
}

/* No 64 KiB rule in AHCI: 128 KiB is one entry. */
static void test_prdt_no_64k_split(void **state)
{
    (void)state;
    int n = ahci_prdt_build(tab, 16, 0x400000, 256 * 512);
    assert_int_equal(n, 1);
    assert_int_equal(tab[0].dbc, 0x1FFFF);
}

/* 4 MiB exactly is one entry (count field 0x3FFFFF, the most); one more
 * sector makes two. 32 MiB: 8 entries of 4 MiB. */
static void test_prdt_4mib_limit(void **state)
{
    (void)state;
    int n = ahci_prdt_build(tab, 16, 0x400000, 4 * MIB);
    assert_int_equal(n, 1);
    assert_int_equal(tab[0].dbc, AHCI_PRD_DBC_MASK);
    n = ahci_prdt_build(tab, 16, 0x400000, 4 * MIB + 512);
    assert_int_equal(n, 2);
    assert_int_equal(tab[1].dba, 0x800000);
    assert_int_equal(tab[1].dbc, 511);
    check_prdt(n, 0x400000, 4 * MIB + 512);
    n = ahci_prdt_build(tab, 16, 0x400000, 32 * MIB);
    assert_int_equal(n, 8);
    check_prdt(n, 0x400000, 32 * MIB);
    n = ahci_prdt_build(tab, 16, 0x400000, 20000 * 512);
    assert_int_equal(n, 3);
    assert_int_equal(ahci_prd_bytes(&tab[2]), 20000 * 512 - 8 * MIB);
    check_prdt(n, 0x400000, 20000 * 512);
}

static void test_prdt_errors(void **state)
{
    (void)state;
    assert_int_equal(ahci_prdt_build(tab, 16, 0x400000, 0), -1);
    assert_int_equal(ahci_prdt_build(tab, 16, 0x400000, 511), -1);
    assert_int_equal(ahci_prdt_build(tab, 16, 0x400001, 512), -1);
    assert_int_equal(ahci_prdt_build(tab, 16, 0xFFFFFE00u, 1024), -1);
    assert_int_equal(ahci_prdt_build(tab, 7, 0x400000, 32 * MIB), -1);
    assert_int_equal(ahci_prdt_build(tab, 8, 0x400000, 32 * MIB), 8);
}

static void test_cmd_header(void **state)
{
    (void)state;
    struct ahci_cmd_header h;
    memset(&h, 0xEE, sizeof h);
    ahci_cmd_header_set(&h, 8, 0x3EA000);
    assert_int_equal(h.flags, 5u | 8u << 16);     /* CFL 5 dwords, read, PRDTL 8 */
    assert_int_equal(h.flags & AHCI_CMDHDR_W, 0);
    assert_int_equal(ahci_cmd_header_prdtl(&h), 8);
    assert_int_equal(h.prdbc, 0);
    assert_int_equal(h.ctba, 0x3EA000);
    assert_int_equal(h.ctbau, 0);
    for (int i = 0; i < 4; i++)
        assert_int_equal(h.reserved[i], 0);
}

/* Commands of at most `max` sectors, contiguous, adding up to the count. */
static void check_split(uint64_t lba, uint32_t count, uint32_t max, int want_cmds)
{
    struct ahci_request rq;
    assert_int_equal(ahci_request_start(&rq, lba, count, max), 0);
    uint64_t at = lba, l;
    uint32_t n, total = 0;
    int cmds = 0;
    while (ahci_request_next(&rq, &l, &n)) {
        assert_int_equal(l, at);
        assert_true(n >= 1 && n <= max);
        at += n;
        total += n;
        cmds++;
    }
    assert_int_equal(total, count);
    assert_int_equal(cmds, want_cmds);
    assert_int_equal(ahci_request_next(&rq, &l, &n), 0);
}

static void test_split(void **state)
{
    (void)state;
    check_split(0, 1, 65536, 1);
    check_split(100, 300, 65536, 1);
    check_split(0, 65536, 65536, 1);
    check_split(100, 300, 256, 2);
    check_split(7, 65536, 1000, 66);
    check_split(0, 65536, 1, 65536);
    check_split((1ull << 48) - 65536, 65536, 65536, 1);
    check_split((1ull << 48) - 3, 3, 2, 2);
}

static void test_request_errors(void **state)
{
    (void)state;
    struct ahci_request rq;
    assert_int_equal(ahci_request_start(&rq, 0, 0, 65536), -1);
    assert_int_equal(ahci_request_start(&rq, 0, 65537, 65536), -1);
    assert_int_equal(ahci_request_start(&rq, 0, 1, 0), -1);
    assert_int_equal(ahci_request_start(&rq, 0, 1, 65537), -1);
    assert_int_equal(ahci_request_start(&rq, (1ull << 48) - 1, 1, 65536), 0);
    assert_int_equal(ahci_request_start(&rq, (1ull << 48) - 1, 2, 65536), -1);
    assert_int_equal(ahci_request_start(&rq, 1ull << 48, 1, 65536), -1);
    assert_int_equal(ahci_request_start(&rq, UINT64_MAX, 1, 65536), -1);
}

static void test_error_names(void **state)
{
    (void)state;
    assert_null(ahci_pis_error_name(0));
    assert_null(ahci_pis_error_name(AHCI_PIS_DHRS | AHCI_PIS_PSS | AHCI_PIS_DPS));
    assert_string_equal(ahci_pis_error_name(AHCI_PIS_TFES | AHCI_PIS_DHRS),
                        "TFES (task file error)");
    assert_string_equal(ahci_pis_error_name(AHCI_PIS_TFES | AHCI_PIS_HBFS),
                        "HBFS (host bus fatal error)");
    assert_string_equal(ahci_pis_error_name(AHCI_PIS_OFS),
                        "OFS (overflow: more data than the PRDT describes)");
    assert_string_equal(ahci_ata_error_name(ATA_ERROR_ABRT), "device aborted");
    assert_string_equal(ahci_ata_error_name(ATA_ERROR_IDNF), "sector not found");
    assert_string_equal(ahci_ata_error_name(ATA_ERROR_UNC), "uncorrectable data");
    assert_string_equal(ahci_ata_error_name(0), "device error");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_layout_sizes),
    cmocka_unit_test(test_fis_read_dma_ext),
    cmocka_unit_test(test_fis_counts),
    cmocka_unit_test(test_fis_range),
    cmocka_unit_test(test_fis_identify),
    cmocka_unit_test(test_prdt_one_sector),
    cmocka_unit_test(test_prdt_no_64k_split),
    cmocka_unit_test(test_prdt_4mib_limit),
    cmocka_unit_test(test_prdt_errors),
    cmocka_unit_test(test_cmd_header),
    cmocka_unit_test(test_split),
    cmocka_unit_test(test_request_errors),
    cmocka_unit_test(test_error_names),
};

UNIT_MAIN("ahcicmd", tests)
