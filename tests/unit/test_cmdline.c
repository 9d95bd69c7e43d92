/* unit-sources: lib/cmdline.c */
/* cmdline_parse and cmdline_number: the kernel command-line contract. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "unit.h"

#include "lib/cmdline.h"
#include "abi/tracedev.h"

static struct cmdline cl;

/* Parse "kernel WORD": exactly one command, returned. */
static const struct cmd *one(const char *words)
{
    static char line[256];                  /* c->word points into it */
    snprintf(line, sizeof(line), "/boot/kernel.elf %s", words);
    cmdline_parse(line, &cl);
    assert_int_equal(cl.ncmds, 1);
    return &cl.cmds[0];
}

static void assert_word(const struct cmd *c, const char *text)
{
    assert_int_equal(c->len, strlen(text));
    assert_memory_equal(c->word, text, c->len);
}

static void assert_bad(const char *word, const char *why_part)
{
    const struct cmd *c = one(word);
    assert_int_equal(c->kind, CMD_BAD);
    assert_int_equal(cl.nbad, 1);
    assert_int_equal(cl.nphases, 0);
    assert_non_null(c->why);
    if (!strstr(c->why, why_part))
        fail_msg("'%s': why \"%s\" does not say \"%s\"", word, c->why, why_part);
    assert_word(c, word);
}

static void assert_dma(const char *word, uint64_t lba, uint32_t count)
{
    const struct cmd *c = one(word);
    if (c->kind != CMD_DMA)
        fail_msg("'%s' rejected: %s", word, c->why ? c->why : "?");
    assert_int_equal(c->a, lba);
    assert_int_equal(c->b, count);
    assert_int_equal(cl.nbad, 0);
    assert_int_equal(cl.nphases, 1);
}

static void test_null_and_empty(void **state)
{
    (void)state;
    memset(&cl, 0x5A, sizeof(cl));
    assert_int_equal(cmdline_parse(NULL, &cl), 0);
    assert_int_equal(cl.ncmds, 0);
    assert_int_equal(cl.nbad, 0);
    assert_int_equal(cl.has_exit, 0);
    assert_int_equal(cl.nphases, 0);
    assert_int_equal(cl.trace_base, TRACEDEV_DEFAULT_BASE);

    const char *empties[] = { "", " ", " \t\r\n ", "/boot/kernel.elf", "  kernel.elf  \n" };
    for (size_t i = 0; i < sizeof(empties) / sizeof(empties[0]); i++) {
        memset(&cl, 0x5A, sizeof(cl));
        assert_int_equal(cmdline_parse(empties[i], &cl), 0);
        assert_int_equal(cl.ncmds, 0);
        assert_int_equal(cl.nbad, 0);
        assert_int_equal(cl.has_exit, 0);
        assert_int_equal(cl.nphases, 0);
        assert_int_equal(cl.trace_base, TRACEDEV_DEFAULT_BASE);
    }
}

static void test_first_word_skipped(void **state)
{
    (void)state;
    /* The first word is the kernel path, whatever it looks like. */
    assert_int_equal(cmdline_parse("pci exit", &cl), 0);
    assert_int_equal(cl.ncmds, 1);
    assert_int_equal(cl.cmds[0].kind, CMD_EXIT);
    assert_int_equal(cmdline_parse("bogus", &cl), 0);
    assert_int_equal(cl.ncmds, 0);
    assert_int_equal(cmdline_parse("  \t/k pci", &cl), 0);
    assert_int_equal(cl.ncmds, 1);
    assert_int_equal(cl.cmds[0].kind, CMD_PCI);
}

static void test_every_word_kind_in_order(void **state)
{
    (void)state;
    const char *line = "/boot/kernel.elf pci pci-v kbd dma=8:2 fault=gp trace=0xfe000000 "
                       "console exit";
    assert_int_equal(cmdline_parse(line, &cl), 0);
    assert_int_equal(cl.ncmds, 8);
    static const enum cmd_kind kinds[] = { CMD_PCI, CMD_PCI_V, CMD_KBD, CMD_DMA, CMD_FAULT,
                                           CMD_TRACE, CMD_CONSOLE, CMD_EXIT };
    static const char *const words[] = { "pci", "pci-v", "kbd", "dma=8:2", "fault=gp",
                                          "trace=0xfe000000", "console", "exit" };
    for (int i = 0; i < 8; i++) {
        assert_int_equal(cl.cmds[i].kind, kinds[i]);
        assert_word(&cl.cmds[i], words[i]);
        assert_null(cl.cmds[i].why);
    }
    assert_ptr_equal(cl.cmds[0].word, strstr(line, "pci"));    /* points into the line */
    assert_int_equal(cl.nbad, 0);
    assert_int_equal(cl.has_exit, 1);
    assert_int_equal(cl.nphases, 6);        /* pci pci-v kbd dma fault console; not trace, exit */
    assert_int_equal(cl.trace_base, 0xfe000000u);
}

/* The configuration space words: one phase each, in order. */
static void test_pci_dump_words(void **state)
{
    (void)state;
    assert_int_equal(cmdline_parse("k pci-x pci-xxx pci-xxxx pci-vv exit", &cl), 0);
    assert_int_equal(cl.ncmds, 5);
    static const enum cmd_kind kinds[] = { CMD_PCI_X, CMD_PCI_XXX, CMD_PCI_XXXX, CMD_PCI_VV, CMD_EXIT };
    for (int i = 0; i < 5; i++)
        assert_int_equal(cl.cmds[i].kind, kinds[i]);
    assert_int_equal(cl.nphases, 4);
    assert_int_equal(cl.has_exit, 1);
}

static void test_phase_count_and_exit(void **state)
{
    (void)state;
    assert_int_equal(cmdline_parse("k exit", &cl), 0);
    assert_int_equal(cl.has_exit, 1);
    assert_int_equal(cl.nphases, 0);
    assert_int_equal(cmdline_parse("k pci pci", &cl), 0);
    assert_int_equal(cl.has_exit, 0);
    assert_int_equal(cl.nphases, 2);
    assert_int_equal(cmdline_parse("k nope trace=0x1000", &cl), 1);
    assert_int_equal(cl.nphases, 0);        /* bad words and trace= run no phase */
    /* A second parse starts from scratch. */
    assert_int_equal(cmdline_parse("k", &cl), 0);
    assert_int_equal(cl.ncmds, 0);
    assert_int_equal(cl.trace_base, TRACEDEV_DEFAULT_BASE);
}

static void test_dma_decimal_and_hex(void **state)
{
    (void)state;
    assert_dma("dma=0:1", 0, 1);
    assert_dma("dma=100:8", 100, 8);
    assert_dma("dma=0x10:0x8", 16, 8);
    assert_dma("dma=0X1f:0XA", 31, 10);
    assert_dma("dma=0xAbC:0x1", 0xabc, 1);
    assert_dma("dma=1:65536", 1, 65536);
    assert_dma("dma=0x0:0x10000", 0, 65536);
    assert_dma("dma=007:010", 7, 10);       /* leading zeros are decimal */
}

static void test_dma_count_bounds(void **state)
{
    (void)state;
    assert_bad("dma=1:0", "COUNT must be 1 to 65536");
    assert_bad("dma=1:0x0", "COUNT must be 1 to 65536");
    assert_bad("dma=1:65537", "COUNT must be 1 to 65536");
    assert_bad("dma=1:0x10001", "COUNT must be 1 to 65536");
    assert_bad("dma=1:4294967297", "COUNT must be 1 to 65536");    /* not wrapped to 1 */
}

static void test_dma_lba48_end(void **state)
{
    (void)state;
    /* LBA48 sectors are 0 .. 2^48 - 1; the range must end by 2^48. */
    assert_dma("dma=281474976710655:1", 281474976710655ull, 1);
    assert_dma("dma=0xffffffffffff:1", 0xffffffffffffull, 1);
    assert_dma("dma=0xffffffff0000:65536", 0xffffffff0000ull, 65536);
    assert_bad("dma=281474976710655:2", "beyond LBA 2^48");
    assert_bad("dma=0xffffffff0001:65536", "beyond LBA 2^48");
    assert_bad("dma=0x1000000000000:1", "beyond LBA 2^48");
    assert_bad("dma=0xffffffffffffffff:1", "beyond LBA 2^48");
}

static void test_dma_malformed(void **state)
{
    (void)state;
    const char *words[] = { "dma=", "dma=5", "dma=:5", "dma=5:", "dma=x:1", "dma=1:y",
                            "dma=1:2:3", "dma=0x:1", "dma=1:0x", "dma=-1:1", "dma=+1:1",
                            "dma=0x1g:1", "dma=1a:1",
                            "dma=18446744073709551616:1" };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        assert_bad(words[i], "write dma=LBA:COUNT");
}

static void test_fault_kinds(void **state)
{
    (void)state;
    static const struct { const char *word; enum fault_kind kind; } faults[] = {
        { "fault=de", FAULT_DE }, { "fault=ud", FAULT_UD }, { "fault=gp", FAULT_GP },
        { "fault=pf", FAULT_PF }, { "fault=triple", FAULT_TRIPLE },
    };
    for (size_t i = 0; i < sizeof(faults) / sizeof(faults[0]); i++) {
        const struct cmd *c = one(faults[i].word);
        assert_int_equal(c->kind, CMD_FAULT);
        assert_int_equal(c->a, faults[i].kind);
        assert_int_equal(cl.nphases, 1);
        /* fault.c prints the kind by the same name the word used. */
        assert_string_equal(fault_name(faults[i].kind), faults[i].word + strlen("fault="));
    }
    assert_string_equal(fault_name((enum fault_kind)(FAULT_TRIPLE + 1)), "?");
    const char *bad[] = { "fault=", "fault=DE", "fault=d", "fault=dee", "fault=trip",
                          "fault=triples", "fault=gp,pf" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        assert_bad(bad[i], "unknown fault");
}

static void test_trace_address(void **state)
{
    (void)state;
    const struct cmd *c = one("trace=0xff000000");
    assert_int_equal(c->kind, CMD_TRACE);
    assert_int_equal(cl.trace_base, 0xff000000u);
    c = one("trace=4261412864");            /* decimal 0xfe000000 */
    assert_int_equal(c->kind, CMD_TRACE);
    assert_int_equal(cl.trace_base, 0xfe000000u);
    c = one("trace=0xfffffff8");            /* MARK and DATA still below 4 GiB */
    assert_int_equal(c->kind, CMD_TRACE);
    assert_int_equal(cl.trace_base, 0xfffffff8u);
    c = one("trace=0xfe000004");
    assert_int_equal(c->kind, CMD_TRACE);
    assert_int_equal(cl.nphases, 0);

    const char *bad[] = { "trace=", "trace=0xff000001", "trace=0xff000002",
                          "trace=0xff000003", "trace=0xfffffffc", "trace=0x100000000",
                          "trace=ff000000", "trace=0x" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_bad(bad[i], "4-byte aligned 32-bit address");
        assert_int_equal(cl.trace_base, TRACEDEV_DEFAULT_BASE);    /* unchanged */
    }

    /* The last valid trace= wins. */
    assert_int_equal(cmdline_parse("k trace=0x1000 trace=0x2000 trace=0x3", &cl), 1);
    assert_int_equal(cl.trace_base, 0x2000u);
}

static void test_disk_driver(void **state)
{
    (void)state;
    assert_int_equal(cmdline_parse("k dma=0:1", &cl), 0);
    assert_null(cl.disk);                   /* no disk=: the block layer picks */
    const struct cmd *c = one("disk=ahci");
    assert_int_equal(c->kind, CMD_DISK);
    assert_string_equal(cl.disk, "ahci");
    assert_int_equal(cl.nphases, 0);        /* a setting, not a phase */
    c = one("disk=ata");
    assert_int_equal(c->kind, CMD_DISK);
    assert_string_equal(cl.disk, "ata");

    const char *bad[] = { "disk=", "disk=AHCI", "disk=ahci2", "disk=at", "disk=piix",
                          "disk=ata,ahci" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_bad(bad[i], "use disk=ata (PIIX IDE) or disk=ahci");
        assert_null(cl.disk);
    }

    /* Wherever it stands, the last valid disk= wins; dma words still count. */
    assert_int_equal(cmdline_parse("k dma=0:1 disk=ata dma=1:1 disk=ahci disk=x exit", &cl), 1);
    assert_string_equal(cl.disk, "ahci");
    assert_int_equal(cl.nphases, 2);
    assert_int_equal(cl.ncmds, 6);
}

static void test_vga(void **state)
{
    (void)state;
    assert_int_equal(cmdline_parse("k pci", &cl), 0);
    assert_int_equal(cl.vga_off, 0);        /* the screen is on by default */
    const struct cmd *c = one("vga=off");
    assert_int_equal(c->kind, CMD_VGA);
    assert_int_equal(cl.vga_off, 1);
    assert_int_equal(cl.nphases, 0);        /* a setting, not a phase */
    c = one("vga=on");
    assert_int_equal(c->kind, CMD_VGA);
    assert_int_equal(cl.vga_off, 0);
    const char *bad[] = { "vga=", "vga=OFF", "vga=0", "vga=none", "vga=offf" };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        assert_bad(bad[i], "use vga=on (the default) or vga=off (serial only)");
        assert_int_equal(cl.vga_off, 0);
    }
    /* The last valid one wins. */
    assert_int_equal(cmdline_parse("k vga=off pci vga=on vga=off vga=x exit", &cl), 1);
    assert_int_equal(cl.vga_off, 1);
    assert_int_equal(cl.nphases, 1);
}

static void test_unknown_words(void **state)
{
    (void)state;
    const char *words[] = { "bogus", "PCI", "pc", "pcix", "pci-", "pci-vvv", "pci-xx", "pci-xxxxx",
                            "pci-x=1", "pci-V", "kbd=1", "exit2", "dma", "fault", "trace", "disk",
                            "=", "-", "consoles", "vga" };
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        assert_bad(words[i], "unknown word");
    const struct cmd *c = one("bogus");
    assert_string_equal(c->why, "unknown word: known are pci, pci-v, pci-vv, pci-x, pci-xxx, "
                                "pci-xxxx, kbd, console, dma=LBA:COUNT, "
                                "fault=KIND, trace=ADDR, disk=ata|ahci, vga=on|off, exit");
}

static void test_whitespace(void **state)
{
    (void)state;
    const char *line = "kernel\tpci\n\nexit\r\n  \tpci-v\t";
    assert_int_equal(cmdline_parse(line, &cl), 0);
    assert_int_equal(cl.ncmds, 3);
    assert_int_equal(cl.cmds[0].kind, CMD_PCI);
    assert_word(&cl.cmds[0], "pci");
    assert_int_equal(cl.cmds[1].kind, CMD_EXIT);
    assert_word(&cl.cmds[1], "exit");
    assert_int_equal(cl.cmds[2].kind, CMD_PCI_V);
    assert_word(&cl.cmds[2], "pci-v");
}

static void test_bad_words_counted_and_kept_in_order(void **state)
{
    (void)state;
    assert_int_equal(cmdline_parse("k pci what dma=1:0 exit fault=xx", &cl), 3);
    assert_int_equal(cl.ncmds, 5);
    assert_int_equal(cl.nbad, 3);
    assert_int_equal(cl.cmds[0].kind, CMD_PCI);
    assert_int_equal(cl.cmds[1].kind, CMD_BAD);
    assert_word(&cl.cmds[1], "what");
    assert_int_equal(cl.cmds[2].kind, CMD_BAD);
    assert_word(&cl.cmds[2], "dma=1:0");
    assert_int_equal(cl.cmds[3].kind, CMD_EXIT);
    assert_int_equal(cl.cmds[4].kind, CMD_BAD);
    assert_int_equal(cl.nphases, 1);
    assert_int_equal(cl.has_exit, 1);
}

static void make_words(char *line, size_t size, int n)
{
    size_t len = (size_t)snprintf(line, size, "kernel");
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(line + len, size - len, " pci");
}

static void test_word_limit(void **state)
{
    (void)state;
    char line[512];
    make_words(line, sizeof(line), CMDLINE_MAX_WORDS);
    assert_int_equal(cmdline_parse(line, &cl), 0);
    assert_int_equal(cl.ncmds, CMDLINE_MAX_WORDS);
    assert_int_equal(cl.nbad, 0);

    make_words(line, sizeof(line), CMDLINE_MAX_WORDS + 1);
    assert_int_equal(cmdline_parse(line, &cl), 1);
    assert_int_equal(cl.ncmds, CMDLINE_MAX_WORDS);
    assert_int_equal(cl.nbad, 0);
    assert_int_equal(cl.dropped, 1);
    assert_int_equal(cl.nphases, CMDLINE_MAX_WORDS);

    make_words(line, sizeof(line), CMDLINE_MAX_WORDS + 8);
    strcat(line, " exit");                  /* beyond the limit: not seen */
    assert_int_equal(cmdline_parse(line, &cl), 9);
    assert_int_equal(cl.ncmds, CMDLINE_MAX_WORDS);
    assert_int_equal(cl.dropped, 9);
    assert_int_equal(cl.has_exit, 0);
}

static void check_number(const char *s, int ok, uint64_t want)
{
    uint64_t v = 0xdeadbeef;
    int r = cmdline_number(s, strlen(s), &v);
    if (ok && r != 0)
        fail_msg("cmdline_number(\"%s\") rejected", s);
    if (!ok && r == 0)
        fail_msg("cmdline_number(\"%s\") accepted as %llu", s, (unsigned long long)v);
    assert_int_equal(v, ok ? want : 0xdeadbeef);    /* untouched on error */
}

static void test_number(void **state)
{
    (void)state;
    check_number("0", 1, 0);
    check_number("42", 1, 42);
    check_number("0x0", 1, 0);
    check_number("0x2a", 1, 42);
    check_number("0X2A", 1, 42);
    check_number("18446744073709551615", 1, UINT64_MAX);
    check_number("0xffffffffffffffff", 1, UINT64_MAX);
    check_number("", 0, 0);
    check_number("0x", 0, 0);
    check_number("x1", 0, 0);
    check_number("12a", 0, 0);
    check_number("0xg", 0, 0);
    check_number("1 ", 0, 0);
    check_number("-1", 0, 0);
    check_number("18446744073709551616", 0, 0);
    check_number("0x10000000000000000", 0, 0);
    /* only `len` characters are read */
    uint64_t v;
    assert_int_equal(cmdline_number("123", 2, &v), 0);
    assert_int_equal(v, 12);
    assert_int_equal(cmdline_number("0x1f", 3, &v), 0);
    assert_int_equal(v, 1);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_null_and_empty),
    cmocka_unit_test(test_first_word_skipped),
    cmocka_unit_test(test_every_word_kind_in_order),
    cmocka_unit_test(test_pci_dump_words),
    cmocka_unit_test(test_phase_count_and_exit),
    cmocka_unit_test(test_dma_decimal_and_hex),
    cmocka_unit_test(test_dma_count_bounds),
    cmocka_unit_test(test_dma_lba48_end),
    cmocka_unit_test(test_dma_malformed),
    cmocka_unit_test(test_fault_kinds),
    cmocka_unit_test(test_trace_address),
    cmocka_unit_test(test_disk_driver),
    cmocka_unit_test(test_vga),
    cmocka_unit_test(test_unknown_words),
    cmocka_unit_test(test_whitespace),
    cmocka_unit_test(test_bad_words_counted_and_kept_in_order),
    cmocka_unit_test(test_word_limit),
    cmocka_unit_test(test_number),
};

UNIT_MAIN("cmdline", tests)
