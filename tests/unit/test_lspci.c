/* unit-sources: lib/lspci.c lib/printf.c */
/* BAR decoding and the lspci line formats.
 *
 * BAR vectors marked "QEMU" are the values QEMU 7.2 returned to pci_bars_probe
 * on `-machine pc` (see docs/pci.md for the trace); Region strings follow
 * pciutils' show_bases/show_size as printed by `lspci -vv`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "lib/lspci.h"

#define KiB 1024ull
#define MiB (1024 * KiB)
#define GiB (1024 * MiB)

static struct pci_bar decode(uint32_t orig_lo, uint32_t probe_lo, uint32_t orig_hi,
                             uint32_t probe_hi)
{
    struct pci_bar bar;
    memset(&bar, 0xA5, sizeof(bar));        /* decode must set every field */
    pci_bar_decode(orig_lo, probe_lo, orig_hi, probe_hi, &bar);
    return bar;
}

static void assert_bar(const struct pci_bar *bar, enum pci_bar_kind kind, uint64_t addr,
                       uint64_t size, int prefetch)
{
    assert_int_equal(bar->kind, kind);
    assert_int_equal(bar->addr, addr);
    assert_int_equal(bar->size, size);
    assert_int_equal(bar->prefetch, prefetch);
    assert_int_equal(bar->disabled, 0);
}

/* ---- pci_bar_decode ---- */

static void test_decode_io_32bit_decoder(void **state)
{
    (void)state;
    struct pci_bar b = decode(0xd041, 0xfffffff1, 0, 0);       /* QEMU piix3-ide BAR4 */
    assert_bar(&b, PCI_BAR_KIND_IO, 0xd040, 16, 0);
    b = decode(0xd001, 0xffffffc1, 0, 0);                      /* QEMU e1000 BAR1 */
    assert_bar(&b, PCI_BAR_KIND_IO, 0xd000, 64, 0);
    b = decode(0x10001, 0xffff0001, 0, 0);                     /* above 64K, 64K long */
    assert_bar(&b, PCI_BAR_KIND_IO, 0x10000, 64 * KiB, 0);
}

static void test_decode_io_16bit_decoder(void **state)
{
    (void)state;
    /* Bits 31:16 read back zero: only the low 16 bits count for the size. */
    struct pci_bar b = decode(0xd041, 0x0000fff1, 0, 0);
    assert_bar(&b, PCI_BAR_KIND_IO, 0xd040, 16, 0);
    b = decode(0xc001, 0x0000ff01, 0, 0);
    assert_bar(&b, PCI_BAR_KIND_IO, 0xc000, 256, 0);
    b = decode(0x0001, 0x0000fffd, 0, 0);                      /* bit 1 reserved */
    assert_bar(&b, PCI_BAR_KIND_IO, 0, 4, 0);
}

static void test_decode_mem32(void **state)
{
    (void)state;
    struct pci_bar b = decode(0xfea40000, 0xfffe0000, 0, 0);   /* QEMU e1000 BAR0 */
    assert_bar(&b, PCI_BAR_KIND_MEM32, 0xfea40000, 128 * KiB, 0);
    b = decode(0xfea70000, 0xfffff000, 0, 0);                  /* QEMU VGA BAR2 */
    assert_bar(&b, PCI_BAR_KIND_MEM32, 0xfea70000, 4 * KiB, 0);
    b = decode(0xfe800000, 0xfff00000, 0, 0);                  /* QEMU edu BAR0 */
    assert_bar(&b, PCI_BAR_KIND_MEM32, 0xfe800000, 1 * MiB, 0);
    b = decode(0x80000000, 0x80000000, 0, 0);                  /* the largest: 2G */
    assert_bar(&b, PCI_BAR_KIND_MEM32, 0x80000000, 2 * GiB, 0);
    b = decode(0x00000000, 0xfffffff0, 0, 0);                  /* 16 bytes, unassigned */
    assert_bar(&b, PCI_BAR_KIND_MEM32, 0, 16, 0);
}

static void test_decode_mem32_prefetchable(void **state)
{
    (void)state;
    struct pci_bar b = decode(0xfd000008, 0xff000008, 0, 0);   /* QEMU VGA BAR0 */
    assert_bar(&b, PCI_BAR_KIND_MEM32, 0xfd000000, 16 * MiB, 1);
}

static void test_decode_mem64(void **state)
{
    (void)state;
    /* QEMU pci-bridge BAR0/1: 64-bit, below 4 GiB, 256 bytes. */
    struct pci_bar b = decode(0xfea71004, 0xffffff04, 0x0, 0xffffffff);
    assert_bar(&b, PCI_BAR_KIND_MEM64, 0xfea71000, 256, 0);
    /* Above 4 GiB: the upper register carries address bits 63:32. */
    b = decode(0x00000004, 0xfff80004, 0x40, 0xffffffff);
    assert_bar(&b, PCI_BAR_KIND_MEM64, 0x4000000000ull, 512 * KiB, 0);
    b = decode(0x0000400c, 0xffffc00c, 0x8, 0xffffffff);
    assert_bar(&b, PCI_BAR_KIND_MEM64, 0x800004000ull, 16 * KiB, 1);
    /* Larger than 4 GiB: the size bits reach into the upper register. */
    b = decode(0x0000000c, 0x0000000c, 0x4, 0xfffffffe);
    assert_bar(&b, PCI_BAR_KIND_MEM64, 0x400000000ull, 8 * GiB, 1);
}

static void test_decode_mem_1m(void **state)
{
    (void)state;
    struct pci_bar b = decode(0x000d0002, 0xffff0002, 0, 0);
    assert_bar(&b, PCI_BAR_KIND_MEM1M, 0xd0000, 64 * KiB, 0);
}

/* Memory type 3 (bits 2:1 = 11) is reserved; lspci sizes it as 32 bits and
 * names it "type 3". */
static void test_decode_mem_type3(void **state)
{
    (void)state;
    struct pci_bar b = decode(0xfebf0006, 0xfffff006, 0, 0);
    assert_bar(&b, PCI_BAR_KIND_MEM_TYPE3, 0xfebf0000, 4 * KiB, 0);
    b = decode(0xe000000e, 0xf000000e, 0x12345678, 0xffffffff);  /* upper dword ignored */
    assert_bar(&b, PCI_BAR_KIND_MEM_TYPE3, 0xe0000000, 256 * MiB, 1);
}

static void test_decode_unimplemented(void **state)
{
    (void)state;
    struct pci_bar b = decode(0, 0, 0, 0);                      /* QEMU i440FX BAR0 */
    assert_int_equal(b.kind, PCI_BAR_NONE);
    assert_int_equal(b.size, 0);
    assert_int_equal(b.prefetch, 0);
    assert_int_equal(b.disabled, 0);
    b = decode(0x0000000c, 0x0000000c, 0, 0);                   /* only type bits stick */
    assert_int_equal(b.kind, PCI_BAR_NONE);
    b = decode(0x00000001, 0x00000001, 0, 0);                   /* I/O with no address bits */
    assert_int_equal(b.kind, PCI_BAR_NONE);
}

/* ---- lspci_format_size ---- */

static void check_size(uint64_t bytes, const char *want)
{
    char buf[32];
    int n = lspci_format_size(buf, sizeof(buf), bytes);
    assert_string_equal(buf, want);
    assert_int_equal(n, (int)strlen(want));
}

static void test_format_size(void **state)
{
    (void)state;
    check_size(1, "1");
    check_size(16, "16");
    check_size(256, "256");
    check_size(1023, "1023");
    check_size(1024, "1K");
    check_size(1536, "1536");               /* not a multiple of 1K: bytes */
    check_size(4 * KiB, "4K");
    check_size(6 * KiB, "6K");
    check_size(128 * KiB, "128K");
    check_size(1 * MiB, "1M");
    check_size(16 * MiB, "16M");
    check_size(1536 * KiB, "1536K");
    check_size(2 * GiB, "2G");
    check_size(8 * GiB, "8G");
    check_size(1024 * GiB, "1T");
    check_size(1024 * 1024 * GiB, "1024T"); /* T is the last unit */
}

/* ---- lspci_format_region ---- */

static void check_region(int index, enum pci_bar_kind kind, uint64_t addr, uint64_t size,
                         int prefetch, int disabled, const char *want)
{
    struct pci_bar bar = { kind, prefetch, disabled, addr, size };
    char buf[128];
    int n = lspci_format_region(buf, sizeof(buf), index, &bar);
    assert_string_equal(buf, want);
    assert_int_equal(n, (int)strlen(want));
}

static void test_region_io(void **state)
{
    (void)state;
    check_region(4, PCI_BAR_KIND_IO, 0xd040, 16, 0, 0,
                 "\tRegion 4: I/O ports at d040 [size=16]");
    check_region(1, PCI_BAR_KIND_IO, 0xd000, 64, 0, 0,
                 "\tRegion 1: I/O ports at d000 [size=64]");
    check_region(0, PCI_BAR_KIND_IO, 0x60, 8, 0, 0,      /* at least 4 digits */
                 "\tRegion 0: I/O ports at 0060 [size=8]");
    check_region(2, PCI_BAR_KIND_IO, 0x10000, 4 * KiB, 0, 0,
                 "\tRegion 2: I/O ports at 10000 [size=4K]");
}

static void test_region_io_disabled_and_unassigned(void **state)
{
    (void)state;
    check_region(0, PCI_BAR_KIND_IO, 0xc000, 32, 0, 1,
                 "\tRegion 0: I/O ports at c000 [disabled] [size=32]");
    check_region(0, PCI_BAR_KIND_IO, 0, 32, 0, 1,
                 "\tRegion 0: I/O ports at <unassigned> [disabled] [size=32]");
    /* Address 0 with I/O decoding on is a real address to lspci. */
    check_region(0, PCI_BAR_KIND_IO, 0, 32, 0, 0,
                 "\tRegion 0: I/O ports at 0000 [size=32]");
}

static void test_region_memory(void **state)
{
    (void)state;
    check_region(0, PCI_BAR_KIND_MEM32, 0xfebc0000, 128 * KiB, 0, 0,
                 "\tRegion 0: Memory at febc0000 (32-bit, non-prefetchable) [size=128K]");
    check_region(2, PCI_BAR_KIND_MEM32, 0xfea70000, 4 * KiB, 0, 0,
                 "\tRegion 2: Memory at fea70000 (32-bit, non-prefetchable) [size=4K]");
    check_region(0, PCI_BAR_KIND_MEM32, 0xfd000000, 16 * MiB, 1, 0,
                 "\tRegion 0: Memory at fd000000 (32-bit, prefetchable) [size=16M]");
    check_region(1, PCI_BAR_KIND_MEM32, 0x80000000, 2 * GiB, 1, 0,
                 "\tRegion 1: Memory at 80000000 (32-bit, prefetchable) [size=2G]");
    check_region(0, PCI_BAR_KIND_MEM32, 0x000a0000, 16, 0, 0,   /* 8 digits */
                 "\tRegion 0: Memory at 000a0000 (32-bit, non-prefetchable) [size=16]");
    check_region(0, PCI_BAR_KIND_MEM1M, 0xd0000, 64 * KiB, 0, 0,
                 "\tRegion 0: Memory at 000d0000 (low-1M, non-prefetchable) [size=64K]");
}

static void test_region_memory_64bit(void **state)
{
    (void)state;
    check_region(0, PCI_BAR_KIND_MEM64, 0xfea71000, 256, 0, 0,
                 "\tRegion 0: Memory at fea71000 (64-bit, non-prefetchable) [size=256]");
    /* as lspci -vv prints a virtio device of the machine these were written on */
    check_region(0, PCI_BAR_KIND_MEM64, 0x4000000000ull, 512 * KiB, 0, 0,
                 "\tRegion 0: Memory at 4000000000 (64-bit, non-prefetchable) [size=512K]");
    check_region(2, PCI_BAR_KIND_MEM64, 0x800004000ull, 16 * KiB, 1, 0,
                 "\tRegion 2: Memory at 800004000 (64-bit, prefetchable) [size=16K]");
    check_region(4, PCI_BAR_KIND_MEM64, 0x400000000ull, 8 * GiB, 1, 0,
                 "\tRegion 4: Memory at 400000000 (64-bit, prefetchable) [size=8G]");
}

static void test_region_memory_disabled_and_unassigned(void **state)
{
    (void)state;
    check_region(1, PCI_BAR_KIND_MEM32, 0xfebd0000, 4 * KiB, 0, 1,
                 "\tRegion 1: Memory at febd0000 (32-bit, non-prefetchable) [disabled] [size=4K]");
    check_region(0, PCI_BAR_KIND_MEM32, 0, 1 * MiB, 0, 1,
                 "\tRegion 0: Memory at <unassigned> (32-bit, non-prefetchable) [disabled] [size=1M]");
    /* For memory, address 0 is unassigned whatever the command register says. */
    check_region(0, PCI_BAR_KIND_MEM64, 0, 16 * KiB, 1, 0,
                 "\tRegion 0: Memory at <unassigned> (64-bit, prefetchable) [size=16K]");
}

static void test_region_memory_type3(void **state)
{
    (void)state;
    check_region(3, PCI_BAR_KIND_MEM_TYPE3, 0xfebf0000, 4 * KiB, 0, 0,
                 "\tRegion 3: Memory at febf0000 (type 3, non-prefetchable) [size=4K]");
    check_region(0, PCI_BAR_KIND_MEM_TYPE3, 0, 256 * MiB, 1, 1,
                 "\tRegion 0: Memory at <unassigned> (type 3, prefetchable) [disabled] [size=256M]");
}

static void test_region_from_decode(void **state)
{
    (void)state;
    /* decode then format, as pci_print_bars does */
    char buf[128];
    struct pci_bar b = decode(0xfea71004, 0xffffff04, 0x0, 0xffffffff);
    lspci_format_region(buf, sizeof(buf), 0, &b);
    assert_string_equal(buf, "\tRegion 0: Memory at fea71000 (64-bit, non-prefetchable) [size=256]");
    b = decode(0xd041, 0xfffffff1, 0, 0);
    lspci_format_region(buf, sizeof(buf), 4, &b);
    assert_string_equal(buf, "\tRegion 4: I/O ports at d040 [size=16]");
    b = decode(0xfebf0006, 0xfffff006, 0, 0);
    lspci_format_region(buf, sizeof(buf), 1, &b);
    assert_string_equal(buf, "\tRegion 1: Memory at febf0000 (type 3, non-prefetchable) [size=4K]");
}

static void test_region_truncated(void **state)
{
    (void)state;
    struct pci_bar bar = { PCI_BAR_KIND_IO, 0, 0, 0xd040, 16 };
    char buf[12];
    memset(buf, '#', sizeof(buf));
    int n = lspci_format_region(buf, 10, 4, &bar);
    assert_int_equal(n, (int)strlen("\tRegion 4: I/O ports at d040 [size=16]"));
    assert_string_equal(buf, "\tRegion 4");
    assert_int_equal(buf[10], '#');
}

/* ---- lspci_format_function ---- */

static void check_function(uint8_t bus, uint8_t dev, uint8_t fn, uint8_t class,
                           uint8_t subclass, uint16_t vendor, uint16_t device,
                           uint8_t rev, const char *want)
{
    char buf[64];
    int n = lspci_format_function(buf, sizeof(buf), bus, dev, fn, class, subclass,
                                  vendor, device, rev);
    assert_string_equal(buf, want);
    assert_int_equal(n, (int)strlen(want));
}

static void test_function_line(void **state)
{
    (void)state;
    check_function(0, 1, 1, 0x01, 0x01, 0x8086, 0x7010, 0x00, "00:01.1 0101: 8086:7010");
    check_function(0, 0, 0, 0x06, 0x00, 0x8086, 0x1237, 0x02, "00:00.0 0600: 8086:1237 (rev 02)");
    check_function(1, 1, 0, 0x00, 0xff, 0x1234, 0x11e8, 0x10, "01:01.0 00ff: 1234:11e8 (rev 10)");
    check_function(0, 0x1f, 2, 0x01, 0x06, 0x8086, 0x2922, 0x02, "00:1f.2 0106: 8086:2922 (rev 02)");
    check_function(0xff, 0x1f, 7, 0xff, 0xff, 0xffff, 0xfffe, 0xff,
                   "ff:1f.7 ffff: ffff:fffe (rev ff)");
    check_function(0x0a, 0x0b, 0, 0x0c, 0x0d, 0x00e0, 0x000f, 0x01,
                   "0a:0b.0 0c0d: 00e0:000f (rev 01)");
}

static void test_function_line_truncated(void **state)
{
    (void)state;
    char buf[16];
    memset(buf, '#', sizeof(buf));
    int n = lspci_format_function(buf, 11, 0, 0, 0, 6, 0, 0x8086, 0x1237, 2);
    assert_string_equal(buf, "00:00.0 06");
    assert_int_equal(buf[11], '#');
    /* the length the whole line needs, as snprintf returns it */
    assert_int_equal(n, (int)strlen("00:00.0 0600: 8086:1237 (rev 02)"));
}

/* ---- lspci_format_bus ---- */

static void test_bus_line(void **state)
{
    (void)state;
    char buf[96];
    int n = lspci_format_bus(buf, sizeof(buf), 0, 1, 1, 0);
    assert_string_equal(buf, "\tBus: primary=00, secondary=01, subordinate=01, sec-latency=0");
    assert_int_equal(n, (int)strlen(buf));
    lspci_format_bus(buf, sizeof(buf), 0x01, 0x0a, 0x1f, 32);   /* latency in decimal */
    assert_string_equal(buf, "\tBus: primary=01, secondary=0a, subordinate=1f, sec-latency=32");
    lspci_format_bus(buf, sizeof(buf), 0xff, 0xfe, 0xfd, 255);
    assert_string_equal(buf, "\tBus: primary=ff, secondary=fe, subordinate=fd, sec-latency=255");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_decode_io_32bit_decoder),
    cmocka_unit_test(test_decode_io_16bit_decoder),
    cmocka_unit_test(test_decode_mem32),
    cmocka_unit_test(test_decode_mem32_prefetchable),
    cmocka_unit_test(test_decode_mem64),
    cmocka_unit_test(test_decode_mem_1m),
    cmocka_unit_test(test_decode_mem_type3),
    cmocka_unit_test(test_decode_unimplemented),
    cmocka_unit_test(test_format_size),
    cmocka_unit_test(test_region_io),
    cmocka_unit_test(test_region_io_disabled_and_unassigned),
    cmocka_unit_test(test_region_memory),
    cmocka_unit_test(test_region_memory_64bit),
    cmocka_unit_test(test_region_memory_disabled_and_unassigned),
    cmocka_unit_test(test_region_memory_type3),
    cmocka_unit_test(test_region_from_decode),
    cmocka_unit_test(test_region_truncated),
    cmocka_unit_test(test_function_line),
    cmocka_unit_test(test_function_line_truncated),
    cmocka_unit_test(test_bus_line),
};

UNIT_MAIN("lspci", tests)
