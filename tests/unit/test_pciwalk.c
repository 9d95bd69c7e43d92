/* unit-sources: lib/pciwalk.c lib/pcicap.c lib/pciexp.c lib/pciexp2.c lib/pciecap.c lib/pcivv.c lib/pciclass.c lib/pcidump.c lib/lsout.c lib/lspci.c lib/printf.c */
/* The bounded capability walk and the lspci formats on synthetic
 * configuration spaces: lists QEMU cannot produce (a loop, a pointer into
 * the header, more than 48 entries, a 0xFF ID), and the lines of known
 * capabilities, checked against what pciutils 3.9 prints for the same bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "hw/pcicap.h"
#include "lib/pcidump.h"
#include "lib/pcivv.h"
#include "lib/pciwalk.h"

static struct pci_cfg cfg;
static char out[16384];

static void collect(void *ctx, const char *text)
{
    (void)ctx;
    strncat(out, text, sizeof(out) - strlen(out) - 2);
    strcat(out, "\n");
}

/* A type 0 function 1234:5678 with the capability list bit set. */
static void fresh(void)
{
    memset(&cfg, 0, sizeof(cfg));
    cfg.len = PCI_CFG_SPACE_SIZE;
    cfg.b[0] = 0x34, cfg.b[1] = 0x12, cfg.b[2] = 0x78, cfg.b[3] = 0x56;
    cfg.b[PCI_REG_STATUS] = PCI_STATUS_CAP_LIST;
    out[0] = '\0';
}

static void cap(unsigned at, uint8_t id, uint8_t next)
{
    cfg.b[at] = id;
    cfg.b[at + 1] = next;
}

static void show_caps(void)
{
    struct lsout o = { .line = collect };
    pcicap_show(&cfg, &o);
}

static void test_walk_ends(void **state)
{
    (void)state;
    fresh();
    cfg.b[PCI_REG_CAP_PTR] = 0x40;
    cap(0x40, PCI_CAP_ID_HOTPLUG, 0x50);
    cap(0x50, PCI_CAP_ID_HOTPLUG, 0x00);
    show_caps();
    assert_string_equal(out, "\tCapabilities: [40] Hot-plug capable\n"
                             "\tCapabilities: [50] Hot-plug capable\n");
}

static void test_walk_no_list_without_status_bit(void **state)
{
    (void)state;
    fresh();
    cfg.b[PCI_REG_STATUS] = 0;
    cfg.b[PCI_REG_CAP_PTR] = 0x40;
    cap(0x40, PCI_CAP_ID_HOTPLUG, 0);
    show_caps();
    assert_string_equal(out, "");
}

static void test_walk_stops_on_loop(void **state)
{
    (void)state;
    fresh();
    cfg.b[PCI_REG_CAP_PTR] = 0x40;
    cap(0x40, PCI_CAP_ID_HOTPLUG, 0x60);
    cap(0x60, PCI_CAP_ID_HOTPLUG, 0x40);
    show_caps();
    assert_string_equal(out, "\tCapabilities: [40] Hot-plug capable\n"
                             "\tCapabilities: [60] Hot-plug capable\n"
                             "\tCapabilities: [40] <chain looped>\n");
}

static void test_walk_stops_on_pointer_into_header(void **state)
{
    (void)state;
    fresh();
    cfg.b[PCI_REG_CAP_PTR] = 0x40;
    cap(0x40, PCI_CAP_ID_HOTPLUG, 0x10);
    show_caps();
    assert_string_equal(out, "\tCapabilities: [40] Hot-plug capable\n"
                             "\tCapabilities: [10] <pointer below 0x40>\n");
    fresh();
    cfg.b[PCI_REG_CAP_PTR] = 0x3C;      /* the very first pointer */
    show_caps();
    assert_string_equal(out, "\tCapabilities: [3c] <pointer below 0x40>\n");
}

static void test_walk_stops_after_48(void **state)
{
    (void)state;
    fresh();
    cfg.b[PCI_REG_CAP_PTR] = 0x40;
    for (unsigned p = 0x40; p <= 0xFC; p += 4)      /* all 48 slots, the last back to 0x40 */
        cap(p, PCI_CAP_ID_HOTPLUG, (uint8_t)(p == 0xFC ? 0x40 : p + 4));
    struct pciwalk w;
    int n = 0;
    pciwalk_start(&w, &cfg);
    while (pciwalk_next(&w))
        n++;
    assert_int_equal(n, PCI_CAP_LIST_MAX);
    assert_string_equal(w.stop, "more than 48 entries");
    assert_int_equal(w.where, 0x40);
}

static void test_walk_broken_id(void **state)
{
    (void)state;
    fresh();
    cfg.b[PCI_REG_CAP_PTR] = 0x40;
    cap(0x40, PCI_CAP_ID_BROKEN, 0x50);
    cap(0x50, PCI_CAP_ID_HOTPLUG, 0);
    show_caps();
    assert_string_equal(out, "\tCapabilities: [40] <chain broken>\n");
}

static void test_ext_walk_stops(void **state)
{
    (void)state;
    fresh();
    cfg.len = PCI_CFG_SPACE_EXP_SIZE;
    /* 0x100: ID 0x0003 v1 -> 0x140; 0x140: ID 0x0003 v1 -> 0x100 (a loop). */
    uint32_t h1 = 0x0003 | 1u << 16 | 0x140u << 20, h2 = 0x0003 | 1u << 16 | 0x100u << 20;
    memcpy(&cfg.b[0x100], &h1, 4);
    memcpy(&cfg.b[0x140], &h2, 4);
    struct pciwalk w;
    pciwalk_start_ext(&w, &cfg);
    assert_int_equal(pciwalk_next(&w), 0x100);
    assert_int_equal(pciwalk_next(&w), 0x140);
    assert_int_equal(pciwalk_next(&w), 0);
    assert_string_equal(w.stop, "chain looped");
    h2 = 0x0003 | 1u << 16 | 0x0F0u << 20;      /* back into standard space */
    memcpy(&cfg.b[0x140], &h2, 4);
    pciwalk_start_ext(&w, &cfg);
    pciwalk_next(&w);
    pciwalk_next(&w);
    assert_int_equal(pciwalk_next(&w), 0);
    assert_string_equal(w.stop, "pointer below 0x100");
}

/* MSI, 64-bit with per-vector masking, and MSI-X: lspci 3.9's lines. */
static void test_msi_and_msix(void **state)
{
    (void)state;
    fresh();
    cfg.b[PCI_REG_CAP_PTR] = 0x50;
    cap(0x50, PCI_CAP_ID_MSI, 0x70);
    cfg.b[0x52] = 0x81, cfg.b[0x53] = 0x01;    /* enable, 64-bit, maskable, 1/1 */
    cfg.b[0x54] = 0x00, cfg.b[0x55] = 0x10, cfg.b[0x56] = 0xe0, cfg.b[0x57] = 0xfe;
    cfg.b[0x5c] = 0x41;                         /* data 0x0041 */
    cfg.b[0x60] = 0x01;                         /* mask bit 0 */
    cap(0x70, PCI_CAP_ID_MSIX, 0);
    cfg.b[0x72] = 0x03, cfg.b[0x73] = 0x80;    /* enable, 4 vectors */
    cfg.b[0x74] = 0x01;                         /* table in BAR1 at 0 */
    cfg.b[0x78] = 0x01, cfg.b[0x79] = 0x08;    /* PBA in BAR1 at 0x800 */
    show_caps();
    assert_string_equal(out,
        "\tCapabilities: [50] MSI: Enable+ Count=1/1 Maskable+ 64bit+\n"
        "\t\tAddress: 00000000fee01000  Data: 0041\n"
        "\t\tMasking: 00000001  Pending: 00000000\n"
        "\tCapabilities: [70] MSI-X: Enable+ Count=4 Masked-\n"
        "\t\tVector table: BAR=1 offset=00000000\n"
        "\t\tPBA: BAR=1 offset=00000800\n");
}

static void test_unknown_capability(void **state)
{
    (void)state;
    fresh();
    cfg.b[PCI_REG_CAP_PTR] = 0x40;
    cap(0x40, 0x15, 0);
    cfg.b[0x42] = 0x34, cfg.b[0x43] = 0x12;
    show_caps();
    assert_string_equal(out, "\tCapabilities: [40] Capability ID 0x15 [1234]\n");
}

/* The hex rows of lspci -xxx, and the dump length rules. */
static void test_dump_rows(void **state)
{
    (void)state;
    fresh();
    cfg.len = PCI_CFG_HEADER_SIZE;
    cfg.b[PCI_REG_REVISION] = 2, cfg.b[PCI_REG_CLASS] = 0x06;
    struct lsout o = { .line = collect };
    pcidump_format(&cfg, &o);
    assert_string_equal(out,
        "00:00.0 0600: 1234:5678 (rev 02)\n"
        "00: 34 12 78 56 00 00 10 00 02 00 00 06 00 00 00 00\n"
        "10: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n"
        "20: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n"
        "30: 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00\n"
        "\n");
    assert_int_equal(pcidump_len(1, 4096), 64);
    assert_int_equal(pcidump_len(3, 4096), 256);
    assert_int_equal(pcidump_len(4, 4096), 4096);
    assert_int_equal(pcidump_len(4, 256), 256);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_walk_ends),
    cmocka_unit_test(test_walk_no_list_without_status_bit),
    cmocka_unit_test(test_walk_stops_on_loop),
    cmocka_unit_test(test_walk_stops_on_pointer_into_header),
    cmocka_unit_test(test_walk_stops_after_48),
    cmocka_unit_test(test_walk_broken_id),
    cmocka_unit_test(test_ext_walk_stops),
    cmocka_unit_test(test_msi_and_msix),
    cmocka_unit_test(test_unknown_capability),
    cmocka_unit_test(test_dump_rows),
};

UNIT_MAIN("pciwalk", tests)
