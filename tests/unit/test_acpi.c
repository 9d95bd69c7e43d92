/* unit-sources: lib/acpi.c lib/printf.c */
/* RSDP -> RSDT/XSDT -> MCFG over synthetic firmware memory: the chain QEMU's
 * q35 builds (RSDP revision 0, RSDT), an XSDT, and every bad table lib/acpi.c
 * must refuse with a message naming it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "lib/acpi.h"

/* 64 KiB of "physical memory" at physical address MEM_BASE. */
#define MEM_BASE 0x100000u
static uint8_t mem[0x10000];

static const uint8_t *map(void *ctx, uint64_t phys, uint32_t len)
{
    (void)ctx;
    if (phys < MEM_BASE || phys + len > MEM_BASE + sizeof(mem))
        return NULL;
    return mem + (phys - MEM_BASE);
}

static const struct acpi_mem m = { .map = map };

#define RSDP_AT 0x0000u
#define ROOT_AT 0x1000u
#define FACP_AT 0x2000u
#define MCFG_AT 0x3000u

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }

static void fix_sum(uint8_t *p, size_t len, size_t at)
{
    p[at] = 0;
    p[at] = (uint8_t)(0x100 - acpi_sum(p, len));
}

static void header(uint32_t at, const char *sig, uint32_t len)
{
    memcpy(mem + at, sig, 4);
    put32(mem + at + ACPI_SDT_LENGTH, len);
    mem[at + ACPI_SDT_REVISION] = 1;
    memcpy(mem + at + ACPI_SDT_OEMID, "TRACE ", 6);
}

/* RSDP (revision 0 or 2), a root table listing FACP and MCFG, and an MCFG
 * with one allocation: ECAM at 0xb0000000, buses 0-255. */
static void build(int xsdt)
{
    memset(mem, 0, sizeof(mem));
    uint8_t *r = mem + RSDP_AT;
    memcpy(r, "RSD PTR ", 8);
    memcpy(r + ACPI_RSDP_OEMID, "TRACE ", 6);
    put32(r + ACPI_RSDP_RSDT, MEM_BASE + ROOT_AT);
    if (xsdt) {
        r[ACPI_RSDP_REVISION] = 2;
        put32(r + ACPI_RSDP_RSDT, 0);
        put32(r + ACPI_RSDP_LENGTH, ACPI_RSDP_V2_SIZE);
        put64(r + ACPI_RSDP_XSDT, MEM_BASE + ROOT_AT);
    }
    fix_sum(r, ACPI_RSDP_V1_SIZE, ACPI_RSDP_CHECKSUM);
    if (xsdt)
        fix_sum(r, ACPI_RSDP_V2_SIZE, ACPI_RSDP_EXT_CHECKSUM);

    unsigned esz = xsdt ? 8 : 4;
    header(ROOT_AT, xsdt ? "XSDT" : "RSDT", ACPI_SDT_HEADER_SIZE + 2 * esz);
    uint8_t *e = mem + ROOT_AT + ACPI_SDT_HEADER_SIZE;
    if (xsdt) {
        put64(e, MEM_BASE + FACP_AT);
        put64(e + 8, MEM_BASE + MCFG_AT);
    } else {
        put32(e, MEM_BASE + FACP_AT);
        put32(e + 4, MEM_BASE + MCFG_AT);
    }
    fix_sum(mem + ROOT_AT, ACPI_SDT_HEADER_SIZE + 2 * esz, ACPI_SDT_CHECKSUM);

    header(FACP_AT, "FACP", ACPI_SDT_HEADER_SIZE);
    fix_sum(mem + FACP_AT, ACPI_SDT_HEADER_SIZE, ACPI_SDT_CHECKSUM);

    uint32_t mlen = ACPI_MCFG_ALLOC0 + ACPI_MCFG_ALLOC_SIZE;
    header(MCFG_AT, "MCFG", mlen);
    uint8_t *a = mem + MCFG_AT + ACPI_MCFG_ALLOC0;
    put64(a + ACPI_MCFG_BASE, 0xb0000000u);
    a[ACPI_MCFG_START_BUS] = 0;
    a[ACPI_MCFG_END_BUS] = 0xff;
    fix_sum(mem + MCFG_AT, mlen, ACPI_SDT_CHECKSUM);
}

static int find(struct acpi_mcfg *out, char *why, size_t n)
{
    long off = acpi_rsdp_scan(mem, 0x1000);
    if (off < 0) {
        snprintf(why, n, "no RSDP");
        return -1;
    }
    return acpi_find_mcfg(&m, MEM_BASE + (uint64_t)off, out, why, n);
}

static void test_rsdt_chain(void **state)
{
    (void)state;
    struct acpi_mcfg out;
    char why[128] = "";
    build(0);
    assert_int_equal(find(&out, why, sizeof(why)), 0);
    assert_int_equal(out.xsdt, 0);
    assert_int_equal(out.root, MEM_BASE + ROOT_AT);
    assert_int_equal(out.table, MEM_BASE + MCFG_AT);
    assert_int_equal(out.nalloc, 1);
    assert_int_equal(out.alloc[0].base, 0xb0000000u);
    assert_int_equal(out.alloc[0].end_bus, 0xff);
}

static void test_xsdt_chain(void **state)
{
    (void)state;
    struct acpi_mcfg out;
    char why[128] = "";
    build(1);
    assert_int_equal(find(&out, why, sizeof(why)), 0);
    assert_int_equal(out.xsdt, 1);
    assert_int_equal(out.rsdp_revision, 2);
    assert_int_equal(out.alloc[0].base, 0xb0000000u);
}

static void test_rsdp_on_16_byte_boundary_only(void **state)
{
    (void)state;
    build(0);
    memmove(mem + 0x28, mem, ACPI_RSDP_V1_SIZE);    /* 8 bytes off the grid */
    memset(mem, 0, 0x28);
    assert_int_equal(acpi_rsdp_scan(mem, 0x1000), -1);
    memmove(mem + 0x30, mem + 0x28, ACPI_RSDP_V1_SIZE);
    assert_int_equal(acpi_rsdp_scan(mem, 0x1000), 0x30);
}

static void test_bad_rsdp_checksum(void **state)
{
    (void)state;
    const char *why = NULL;
    build(0);
    mem[RSDP_AT + ACPI_RSDP_OEMID] ^= 1;
    assert_int_equal(acpi_rsdp_check(mem, 0x1000, &why), -1);
    assert_string_equal(why, "RSDP checksum (first 20 bytes) is not 0");
    assert_int_equal(acpi_rsdp_scan(mem, 0x1000), -1);
    build(1);
    mem[RSDP_AT + ACPI_RSDP_XSDT + 7] ^= 1;          /* only the extended sum breaks */
    assert_int_equal(acpi_rsdp_check(mem, 0x1000, &why), -1);
    assert_string_equal(why, "RSDP extended checksum is not 0");
}

static void test_bad_mcfg_checksum(void **state)
{
    (void)state;
    struct acpi_mcfg out;
    char why[128] = "";
    build(0);
    mem[MCFG_AT + ACPI_MCFG_ALLOC0] ^= 0x10;
    assert_int_equal(find(&out, why, sizeof(why)), -1);
    assert_string_equal(why, "acpi: MCFG at 0x00103000: checksum is not 0");
}

static void test_bad_root_table(void **state)
{
    (void)state;
    struct acpi_mcfg out;
    char why[128] = "";
    build(0);
    memcpy(mem + ROOT_AT, "XXXX", 4);
    fix_sum(mem + ROOT_AT, ACPI_SDT_HEADER_SIZE + 8, ACPI_SDT_CHECKSUM);
    assert_int_equal(find(&out, why, sizeof(why)), -1);
    assert_string_equal(why, "acpi: RSDT at 0x00101000: wrong signature");
    build(0);
    put32(mem + ROOT_AT + ACPI_SDT_LENGTH, 0x20000);   /* longer than any table we take */
    assert_int_equal(find(&out, why, sizeof(why)), -1);
    assert_string_equal(why, "acpi: RSDT at 0x00101000: length over 64 KiB");
    build(0);
    put32(mem + RSDP_AT + ACPI_RSDP_RSDT, 0x7000000);  /* outside memory */
    fix_sum(mem + RSDP_AT, ACPI_RSDP_V1_SIZE, ACPI_RSDP_CHECKSUM);
    assert_int_equal(find(&out, why, sizeof(why)), -1);
    assert_string_equal(why, "acpi: RSDT at 0x07000000: not in readable memory");
}

static void test_no_mcfg(void **state)
{
    (void)state;
    struct acpi_mcfg out;
    char why[128] = "";
    build(0);
    memcpy(mem + MCFG_AT, "APIC", 4);                 /* pc: no MCFG at all */
    fix_sum(mem + MCFG_AT, ACPI_MCFG_ALLOC0 + ACPI_MCFG_ALLOC_SIZE, ACPI_SDT_CHECKSUM);
    assert_int_equal(find(&out, why, sizeof(why)), -1);
    assert_string_equal(why, "acpi: RSDT at 0x00101000: no MCFG table among its 2 entries");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rsdt_chain),
    cmocka_unit_test(test_xsdt_chain),
    cmocka_unit_test(test_rsdp_on_16_byte_boundary_only),
    cmocka_unit_test(test_bad_rsdp_checksum),
    cmocka_unit_test(test_bad_mcfg_checksum),
    cmocka_unit_test(test_bad_root_table),
    cmocka_unit_test(test_no_mcfg),
};

UNIT_MAIN("acpi", tests)
