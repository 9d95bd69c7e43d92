/* unit-sources: libharness */
/* The query-pci oracle: the kernel's pci-v listing and QEMU's query-pci
 * answer parsed into one form and compared. The listing and the JSON are
 * the bridge topology of tests/scenarios/pci.cfg (pci-bridge-qmp), cut down. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "harness/lib/pciview.h"
#include "unit.h"

static const char listing[] =
    "traceos: 2 words\n"
    "00:01.1 0101: 8086:7010\n"
    "\tRegion 4: I/O ports at d000 [size=16]\n"
    "00:02.0 0300: 1234:1111 (rev 02)\n"
    "\tRegion 0: Memory at fd000000 (32-bit, prefetchable) [size=16M]\n"
    "\tRegion 2: Memory at fea10000 (32-bit, non-prefetchable) [size=4K]\n"
    "00:04.0 0604: 1b36:0001\n"
    "\tRegion 0: Memory at fea11000 (64-bit, non-prefetchable) [size=256]\n"
    "\tBus: primary=00, secondary=01, subordinate=01, sec-latency=0\n"
    "01:05.0 00ff: 1234:11e8 (rev 10)\n"
    "\tRegion 0: Memory at <unassigned> (32-bit, non-prefetchable) [size=1M]\n"
    "traceos: verdict pass (0 failed)\n";

/* QEMU's answer for the same functions; %s slots allow edits per test. */
static const char qmp_fmt[] =
    "[{\"bus\": 0, \"devices\": ["
    " {\"bus\": 0, \"slot\": 1, \"function\": 1, \"class_info\": {\"class\": 257},"
    "  \"id\": {\"vendor\": 32902, \"device\": 28688},"
    "  \"regions\": [{\"bar\": 4, \"type\": \"io\", \"address\": 53248, \"size\": 16}]},"
    " {\"bus\": 0, \"slot\": 2, \"function\": 0, \"class_info\": {\"class\": 768},"
    "  \"id\": {\"vendor\": 4660, \"device\": 4369},"
    "  \"regions\": [{\"bar\": 0, \"type\": \"memory\", \"address\": 4244635648, \"size\": %s,"
    "                \"mem_type_64\": false, \"prefetch\": true},"
    "               {\"bar\": 2, \"type\": \"memory\", \"address\": 4271964160, \"size\": 4096,"
    "                \"mem_type_64\": false, \"prefetch\": false},"
    "               {\"bar\": 6, \"type\": \"memory\", \"address\": 4272488448, \"size\": 65536}]},"
    " {\"bus\": 0, \"slot\": 4, \"function\": 0, \"class_info\": {\"class\": 1540},"
    "  \"id\": {\"vendor\": 6966, \"device\": 1},"
    "  \"regions\": [{\"bar\": 0, \"type\": \"memory\", \"address\": 4271968256, \"size\": 256,"
    "                \"mem_type_64\": true, \"prefetch\": false}],"
    "  \"pci_bridge\": {\"bus\": {\"number\": 0, \"secondary\": 1, \"subordinate\": %s},"
    "   \"devices\": [%s]}}]}]";

static const char edu_05[] =
    "{\"bus\": 1, \"slot\": 5, \"function\": 0, \"class_info\": {\"class\": 255},"
    " \"id\": {\"vendor\": 4660, \"device\": 4584},"
    " \"regions\": [{\"bar\": 0, \"type\": \"memory\", \"address\": -1, \"size\": 1048576,"
    "               \"mem_type_64\": false, \"prefetch\": false}]}";

/* Compare the listing with the JSON built from the three edits. */
static int compare(const char *text, const char *size, const char *sub, const char *devs, struct sbuf *why)
{
    char json[4096];
    snprintf(json, sizeof(json), qmp_fmt, size, sub, devs);
    json_error_t jerr;
    json_t *ret = json_loads(json, 0, &jerr);
    if (!ret)
        fail_msg("bad test JSON: %s at %d", jerr.text, jerr.position);
    struct pciview k = { 0 }, q = { 0 };
    assert_int_equal(pciview_parse_listing(text, &k, why), 0);
    assert_int_equal(pciview_parse_qmp(ret, &q, why), 0);
    int n = pciview_compare(&k, &q, why);
    pciview_free(&k);
    pciview_free(&q);
    json_decref(ret);
    return n;
}

static void test_listing(void **state)
{
    (void)state;
    struct pciview k = { 0 };
    struct sbuf why = { 0 };
    assert_int_equal(pciview_parse_listing(listing, &k, &why), 0);
    assert_int_equal(k.n, 4);
    const struct pv_func *vga = &k.v[1];
    assert_int_equal(vga->dev, 2);
    assert_int_equal(vga->vendor, 0x1234);
    assert_int_equal(vga->class_code, 0x0300);
    assert_int_equal(vga->bars[0].present, 1);
    assert_int_equal(vga->bars[0].addr, 0xfd000000);
    assert_int_equal(vga->bars[0].size, 16 << 20);
    assert_int_equal(vga->bars[0].prefetch, 1);
    assert_int_equal(vga->bars[1].present, 0);
    assert_int_equal(k.v[2].is_bridge, 1);
    assert_int_equal(k.v[2].bars[0].is64, 1);
    assert_int_equal(k.v[2].secondary, 1);
    assert_int_equal(k.v[3].bars[0].assigned, 0);
    pciview_free(&k);
    sb_free(&why);
}

static void test_equal_and_crlf(void **state)
{
    (void)state;
    struct sbuf why = { 0 }, crlf = { 0 };
    assert_int_equal(compare(listing, "16777216", "1", edu_05, &why), 0);
    assert_string_equal(sb_str(&why), "");
    sb_crlf(&crlf, listing, strlen(listing));
    assert_int_equal(compare(crlf.p, "16777216", "1", edu_05, &why), 0);
    /* Truncated: the listing cut before its last function's Region line. */
    char cut[sizeof(listing)];
    memcpy(cut, listing, sizeof(listing));
    *strstr(cut, "\tRegion 0: Memory at <unassigned>") = 0;
    assert_int_equal(compare(cut, "16777216", "1", edu_05, &why), 1);
    assert_string_equal(sb_str(&why), "query-pci: 01:05.0 BAR0: kernel lists none, QEMU has memory at "
                                      "unassigned size 1048576 32-bit non-prefetchable\n");
    sb_free(&why);
    sb_free(&crlf);
}

static void test_differences(void **state)
{
    (void)state;
    struct sbuf why = { 0 };
    assert_int_equal(compare(listing, "8388608", "2", edu_05, &why), 2);
    assert_string_equal(sb_str(&why),
                        "query-pci: 00:02.0 BAR0: kernel lists memory at fd000000 size 16777216 32-bit "
                        "prefetchable, QEMU has memory at fd000000 size 8388608 32-bit prefetchable\n"
                        "query-pci: 00:04.0: kernel lists bridge buses 00/01/01, QEMU has 00/01/02\n");
    why.len = 0;
    assert_int_equal(compare(listing, "16777216", "1", "", &why), 1);
    assert_non_null(strstr(sb_str(&why), "01:05.0 1234:11e8 is listed by the kernel but QEMU has no such function"));
    sb_free(&why);
}

static void test_malformed(void **state)
{
    (void)state;
    struct pciview k = { 0 };
    struct sbuf why = { 0 };
    const char *bad = "00:02.0 0300: 1234:1111\n"
                      "\tRegion 0: Memory at zz (32-bit, prefetchable) [size=16M]\n"
                      "\tRegion 9: I/O ports at d000 [size=16]\n"
                      "\tBus: primary=00\n"
                      "\tRegion 1: Memory at fd000000 [size=16M]\n"
                      "garbage \x01\xff\n";
    assert_int_equal(pciview_parse_listing(bad, &k, &why), 4);
    assert_non_null(strstr(sb_str(&why), "pci-v: malformed Region line: 'Region 9: I/O ports at d000 [size=16]'"));
    assert_non_null(strstr(sb_str(&why), "pci-v: malformed Bus line: 'Bus: primary=00'"));
    pciview_free(&k);
    why.len = 0;
    /* A reserved memory type is a memory BAR, spelled as lspci does. */
    assert_int_equal(pciview_parse_listing("00:02.0 0300: 1234:1111\n"
                                           "\tRegion 0: Memory at fd000000 (type 3, non-prefetchable) [size=16M]\n",
                                           &k, &why), 0);
    pciview_free(&k);
    json_t *j = json_loads("[{\"devices\": [{\"bus\": 0}]}]", 0, NULL);
    struct pciview q = { 0 };
    assert_int_equal(pciview_parse_qmp(j, &q, &why), 1);
    assert_string_equal(sb_str(&why), "query-pci: a device lacks bus/slot/function/class/id\n");
    json_decref(j);
    j = json_loads("{}", 0, NULL);
    assert_int_equal(pciview_parse_qmp(j, &q, &why), 1);
    json_decref(j);
    pciview_free(&q);
    sb_free(&why);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_listing),
    cmocka_unit_test(test_equal_and_crlf),
    cmocka_unit_test(test_differences),
    cmocka_unit_test(test_malformed),
};

UNIT_MAIN("pciview", tests)
