/* unit-sources: libharness */
/* Scenario file parsing: every key, defaults, CRLF, a file without a final
 * newline, long lines, and each error with its FILE:LINE and fix. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "harness/vmm/machine.h"
#include "harness/lib/scenario.h"
#include "unit.h"

static char err[2048];

static int parse(struct scenario_set *set, const char *text, const char *file)
{
    err[0] = 0;
    return scenario_parse(text, strlen(text), file, set, err, sizeof(err));
}

/* Parse `text` as a.cfg expecting an error that starts with `want`. */
static void expect_error(const char *text, const char *want)
{
    struct scenario_set set = { 0 };
    assert_int_equal(parse(&set, text, "a.cfg"), -1);
    assert_prefix(text, err, want);
    scenario_set_free(&set);
}

static void test_all_keys(void **state)
{
    (void)state;
    struct scenario_set set = { 0 };
    const char *text = "# comment\n"
                       "\n"
                       "[kbd-1]\n"
                       "machine = q35,i8042=on\n"
                       "firmware = qboot\n"
                       "qemu = -nic none -device 'edu,addr=0x5' \"a b\"\n"
                       "append = kbd\n"
                       "events = ps2_* pci_cfg_read\n"
                       "timeout = 3600\n"
                       "expect = crash\n"
                       "keys = aB{enter}\n"
                       "disk = size=64M sparse\n"
                       "oracle = kbd-line dma-crc query-pci\n";
    assert_int_equal(parse(&set, text, "a.cfg"), 0);
    assert_int_equal(set.n, 1);
    const struct scenario *s = &set.v[0];
    assert_string_equal(s->name, "kbd-1");
    assert_string_equal(s->file, "a.cfg");
    assert_int_equal(s->line, 3);
    assert_string_equal(s->machine, "q35,i8042=on");
    assert_int_equal(s->firmware, FIRMWARE_QBOOT);
    assert_string_equal(scenario_firmware_name(s->firmware), "qboot");
    assert_int_equal(s->qemu.n, 5);
    assert_string_equal(s->qemu.v[3], "edu,addr=0x5");
    assert_string_equal(s->qemu.v[4], "a b");
    assert_string_equal(s->append, "kbd");
    assert_int_equal(s->has_exit, 0);
    assert_int_equal(s->trace_base, 0xff000000u);
    assert_int_equal(s->events.n, 2);
    assert_string_equal(s->events.v[1], "pci_cfg_read");
    assert_int_equal(s->event_regions.n, 2);
    assert_string_equal(s->event_regions.v[1], "");
    assert_int_equal(s->timeout, 3600);
    assert_int_equal(s->expect, EXPECT_CRASH);
    assert_int_equal(s->key_events.n, 8);      /* a down/up, shift down, b down/up, shift up, enter */
    assert_int_equal(s->has_disk, 1);
    assert_int_equal(s->disk.size, 64ull << 20);
    assert_int_equal(s->disk.sparse, 1);
    assert_int_equal(s->oracles, ORACLE_KBD_LINE | ORACLE_DMA_CRC | ORACLE_QUERY_PCI);
    scenario_set_free(&set);
}

static void test_defaults_crlf_no_newline(void **state)
{
    (void)state;
    struct scenario_set set = { 0 };
    assert_int_equal(parse(&set, "[a]\r\n  append   =   pci exit  \r\n\r\n[b-c_d]\r\nappend=x", "a.cfg"), 0);
    assert_int_equal(set.n, 2);
    assert_string_equal(set.v[0].machine, "pc");
    assert_int_equal(set.v[0].firmware, FIRMWARE_SEABIOS);
    assert_string_equal(set.v[0].append, "pci exit");
    assert_int_equal(set.v[0].timeout, 20);
    assert_int_equal(set.v[0].expect, EXPECT_PASS);
    assert_int_equal(set.v[0].has_disk, 0);
    assert_int_equal(set.v[0].key_events.n, 0);
    assert_int_equal(set.v[0].has_exit, 1);
    assert_int_equal(set.v[0].oracles, 0);
    assert_string_equal(set.v[1].name, "b-c_d");
    assert_string_equal(set.v[1].append, "x");
    assert_int_equal(set.v[1].line, 4);
    scenario_set_free(&set);
}

/* The kernel words are read once, as the kernel reads them. */
static void test_append_words(void **state)
{
    (void)state;
    struct scenario_set set = { 0 };
    assert_int_equal(parse(&set, "[a]\nappend = pci trace=0xfe000000 exit\n[b]\nappend = pci exitx\n", "a.cfg"), 0);
    assert_int_equal(set.v[0].trace_base, 0xfe000000u);
    assert_int_equal(set.v[0].has_exit, 1);
    assert_int_equal(set.v[1].trace_base, 0xff000000u);
    assert_int_equal(set.v[1].has_exit, 0);
    scenario_set_free(&set);
}

/* An oracle whose prerequisite is missing is refused before anything runs,
 * at the oracle's line (the prerequisite may come later in the section). */
static void test_oracle_prerequisites(void **state)
{
    (void)state;
    expect_error("[a]\nappend = dma=0:1 exit\noracle = dma-crc\n",
                 "a.cfg:3: oracle dma-crc needs a disk image; add a line such as disk = size=64M");
    expect_error("[a]\noracle = query-pci\nappend = pci-v exit\n",
                 "a.cfg:2: oracle query-pci asks QEMU after the kernel's verdict, but append has `exit`");
    expect_error("[a]\nappend = kbd exit\noracle = kbd-line\n[b]\nappend = x\n",
                 "a.cfg:3: oracle kbd-line needs typed keys; add a keys = line");
    struct scenario_set set = { 0 };
    assert_int_equal(parse(&set, "[a]\noracle = dma-crc kbd-line query-pci\nappend = kbd pci-v dma=0:1\n"
                                 "keys = x\ndisk = size=1M\n", "a.cfg"), 0);
    scenario_set_free(&set);
}

static void test_empty_and_comments(void **state)
{
    (void)state;
    struct scenario_set set = { 0 };
    assert_int_equal(parse(&set, "", "a.cfg"), 0);
    assert_int_equal(parse(&set, "# only\n\n  # comments\n", "a.cfg"), 0);
    assert_int_equal(set.n, 0);
    scenario_set_free(&set);
}

/* Long lines parse; what would reach QEMU's command line is bounded
 * (SCENARIO_ARG_MAX per word and for append, SCENARIO_QEMU_MAX in all). */
static void test_long_line(void **state)
{
    (void)state;
    struct sbuf b = { 0 };
    sb_puts(&b, "[long]\nappend = ");
    for (int i = 0; i < SCENARIO_ARG_MAX; i++)
        sb_addc(&b, (char)('a' + i % 26));
    sb_puts(&b, "\nqemu =");
    for (int i = 0; i < 20000; i++)
        sb_puts(&b, " -x");
    struct scenario_set set = { 0 };
    assert_int_equal(parse(&set, b.p, "a.cfg"), 0);
    assert_int_equal(strlen(set.v[0].append), SCENARIO_ARG_MAX);
    assert_int_equal(set.v[0].qemu.n, 20000);
    scenario_set_free(&set);
    b.len = 0;
    sb_puts(&b, "[long]\nappend = ");
    for (int i = 0; i < 70000; i++)
        sb_addc(&b, (char)('a' + i % 26));
    expect_error(b.p, "a.cfg:2: append: 70000 bytes, more than 4096 (SCENARIO_ARG_MAX)");
    b.len = 0;
    sb_puts(&b, "[long]\nappend = x\nqemu =");
    for (int i = 0; i < 30000; i++)
        sb_puts(&b, " -x");
    expect_error(b.p, "a.cfg:3: qemu: 90000 bytes of words, more than 65536 (SCENARIO_QEMU_MAX)");
    sb_free(&b);
}

static void test_errors(void **state)
{
    (void)state;
    expect_error("[a]\nappend = x\nmachin = pc\n", "a.cfg:3: unknown key 'machin'; valid keys: machine firmware qemu");
    expect_error("[a]\nappend = x\nappend = y\n", "a.cfg:3: key 'append' given twice");
    expect_error("[a]\nappend = x\nevents = pci_cfg_*@pcie-mmcfg-mmio\n",
                 "a.cfg:3: events: 'pci_cfg_*@pcie-mmcfg-mmio': a region selects lines of memory_region_ops_read or memory_region_ops_write only");
    expect_error("[a]\nappend = x\nevents = memory_region_ops_read@\n", "a.cfg:3: events: 'memory_region_ops_read@': the region after @ is empty");
    expect_error("[a]\nappend = x\nevents = memory_region_ops_read@a/b\n", "a.cfg:3: events: 'memory_region_ops_read@a/b': the region after @ is empty or has a character other");
    expect_error("append = x\n[a]\n", "a.cfg:1: 'append = x' comes before any [name] section");
    expect_error("[a b]\nappend = x\n", "a.cfg:1: bad section header '[a b]'");
    expect_error("[]\nappend = x\n", "a.cfg:1: bad section header '[]'");
    expect_error("[a\nappend = x\n", "a.cfg:1: bad section header '[a'");
    /* names become file names: no '.', no '/', at most 64 characters */
    expect_error("[a]\nappend = x\nqemu = -nic none --daemonize\n",
                 "a.cfg:3: qemu: '--daemonize' is refused: QEMU would detach from the harness and outlive it; remove it");
    expect_error("[a]\nappend = x\nqemu = -trace enable=x,file=t.log\n", "a.cfg:3: qemu: '-trace' is refused: its file=");
    expect_error("[..]\nappend = x\n", "a.cfg:1: bad section header '[..]'; a scenario name is 1 to 64 letters, digits, '-' or '_'; rename it");
    expect_error("[a.b]\nappend = x\n", "a.cfg:1: bad section header '[a.b]'");
    expect_error("[a/b]\nappend = x\n", "a.cfg:1: bad section header '[a/b]'");
    expect_error("[0123456789012345678901234567890123456789012345678901234567890123x]\nappend = x\n",
                 "a.cfg:1: bad section header '[0123456789012345678901234567890123456789012345678901234567890123x]'");
    expect_error("[a]\nappend x\n", "a.cfg:2: expected 'key = value' or '[name]', got 'append x'");
    expect_error("[a]\nmachine = pc\n[b]\nappend = x\n", "a.cfg:1: scenario 'a' has no 'append =' line");
    expect_error("[a]\nappend = x\n\n[b]\n", "a.cfg:4: scenario 'b' has no 'append =' line");
    expect_error("[a]\nappend = x\ntimeout = 0\n", "a.cfg:3: timeout '0' is not a number");
    expect_error("[a]\nappend = x\ntimeout = 20s\n", "a.cfg:3: timeout '20s' is not a number");
    expect_error("[a]\nappend = x\ntimeout = 3601\n", "a.cfg:3: timeout '3601'");
    expect_error("[a]\nappend = x\ntimeout =\n", "a.cfg:3: timeout '' is not a number");
    expect_error("[a]\nappend = x\nexpect = passed\n", "a.cfg:3: expect 'passed' is unknown");
    expect_error("[a]\nappend = x\nmachine = pcx\n", "a.cfg:3: machine 'pcx' is not supported");
    expect_error("[a]\nappend = x\nmachine = virt\n", "a.cfg:3: machine 'virt' is not supported");
    expect_error("[a]\nappend = x\nfirmware = ovmf\n",
                 "a.cfg:3: firmware 'ovmf' is unknown; use seabios (assigns PCI BARs) or qboot (boots faster, assigns none)");
    expect_error("[a]\nappend = x\nfirmware = seabios\nfirmware = qboot\n", "a.cfg:4: key 'firmware' given twice");
    expect_error("[a]\nappend = x\nqemu = -bios qboot.rom\n",
                 "a.cfg:3: qemu: '-bios' is refused: the firmware is the firmware = line (seabios or qboot); remove it");
    expect_error("[a]\nappend = x\noracle = kbd-line crc\n", "a.cfg:3: unknown oracle 'crc'");
    expect_error("[a]\nappend = x\noracle = 'kbd-line\n", "a.cfg:3: oracle: unterminated ' quote");
    expect_error("[a]\nappend = x\nqemu = -device 'edu\n", "a.cfg:3: qemu: ");
    expect_error("[a]\nappend = x\nkeys = {entr}\n", "a.cfg:3: keys: unknown key name 'entr'");
    expect_error("[a]\nappend = x\ndisk = size=100\n", "a.cfg:3: disk: disk size must be");
    expect_error("[a]\r\nappend = x\r\nfoo = 1\r\n", "a.cfg:3: unknown key 'foo'");
    static const char nul[] = "[a]\nappend = x\0y\n";
    struct scenario_set set = { 0 };
    assert_int_equal(scenario_parse(nul, sizeof(nul) - 1, "a.cfg", &set, err, sizeof(err)), -1);
    assert_string_equal(err, "a.cfg:2: NUL byte in scenario file; remove it");
    scenario_set_free(&set);
}

/* A name defined twice, in one file or across files, names both places. */
static void test_duplicate_names(void **state)
{
    (void)state;
    struct scenario_set set = { 0 };
    assert_int_equal(parse(&set, "[a]\nappend = x\n", "one.cfg"), 0);
    assert_int_equal(parse(&set, "\n[b]\nappend = x\n\n[a]\nappend = y\n", "two.cfg"), -1);
    assert_string_equal(err, "two.cfg:5: duplicate scenario name 'a' (first defined at one.cfg:1); rename one");
    scenario_set_free(&set);
    expect_error("[a]\nappend = x\n[a]\nappend = x\n", "a.cfg:3: duplicate scenario name 'a' (first defined at a.cfg:1)");
}

/* A tiny error buffer truncates the message but never overflows. */
static void test_small_error_buffer(void **state)
{
    (void)state;
    struct scenario_set set = { 0 };
    char small[12];
    memset(small, 'x', sizeof(small));
    const char *t = "[a]\nappend = x\nbogus = 1\n";
    assert_int_equal(scenario_parse(t, strlen(t), "a.cfg", &set, small, 8), -1);
    assert_string_equal(small, "a.cfg:3");
    assert_int_equal(small[8], 'x');
    scenario_set_free(&set);
}

static int vga_profile(const char *qemu)
{
    struct strv w = { 0 };
    char e[128];
    assert_int_equal(split_words(qemu, &w, e, sizeof(e)), 0);
    int r = harness_vga_profile(&w);
    strv_free(&w);
    return r;
}

/* The BIOS-less VGA is added unless the qemu words choose a display: -vga,
 * or a VGA-like device by -device or -global; other words that merely
 * contain "vga" do not count. */
static void test_vga_profile(void **state)
{
    (void)state;
    static const char *const own[] = { "-vga none", "-nic none -vga std", "-device VGA", "-device cirrus-vga,addr=5",
                                       "-device virtio-vga", "-device ati-vga", "-device secondary-vga",
                                       "-device bochs-display", "-global VGA.vgamem_mb=8",
                                       "-global cirrus-vga.vgamem_mb=8", NULL };
    static const char *const ours[] = { "", "-nic none", "-drive file=/tmp/vga.img,format=raw",
                                        "-device pci-testdev,id=vga0", "-device edu", "-nographic-vga",
                                        "-global isa-debug-exit.iobase=0xf4", "-device", "-vga", NULL };
    for (int i = 0; own[i]; i++)
        if (vga_profile(own[i]))
            fail_msg("'%s' chooses a display", own[i]);
    for (int i = 0; ours[i]; i++)
        if (!vga_profile(ours[i]))
            fail_msg("'%s' does not choose a display", ours[i]);
}

/* The command line shared by the harness and the bench: the run's own
 * words come before the disk, and the scenario's words last. */
static void test_machine_cmdline(void **state)
{
    (void)state;
    struct scenario_set set = { 0 };
    assert_int_equal(parse(&set, "[a]\nappend = dma=0:1 exit\nqemu = -nic none\ndisk = size=1M\n", "a.cfg"), 0);
    struct strv io = { 0 }, a = { 0 };
    strv_push(&io, "-serial");
    strv_push(&io, "null");
    machine_cmdline(&a, &set.v[0], "qemu", "k.elf", "exit", &io, "d.img");
    struct sbuf line = { 0 };
    for (int i = 0; i < a.n; i++)
        sb_printf(&line, "%s%s", i ? " " : "", a.v[i]);
    assert_string_equal(line.p, "qemu -machine pc -m 64 -kernel k.elf -append exit -display none -no-reboot "
                        "-device isa-debug-exit,iobase=0xf4,iosize=4 -device pc-testdev "
                        "-audiodev none,id=noaudio -vga std -global VGA.romfile= -serial null "
                        "-drive file=d.img,format=raw,if=ide,index=0 -nic none");
    scenario_set_free(&set);
    set = (struct scenario_set){ 0 };
    sb_free(&line);
    line = (struct sbuf){ 0 };
    strv_free(&a);
    assert_int_equal(parse(&set, "[a]\nappend = kbd\nfirmware = qboot\n", "a.cfg"), 0);
    machine_cmdline(&a, &set.v[0], "qemu", "k.elf", "kbd", &io, NULL);
    for (int i = 0; i < a.n; i++)
        sb_printf(&line, "%s%s", i ? " " : "", a.v[i]);
    assert_string_equal(line.p, "qemu -machine pc -bios qboot.rom -m 64 -kernel k.elf -append kbd -display none -no-reboot "
                        "-device isa-debug-exit,iobase=0xf4,iosize=4 -device pc-testdev "
                        "-audiodev none,id=noaudio -vga std -global VGA.romfile= -serial null");
    assert_int_equal(machine_exit_status[EXPECT_PASS], 33);
    assert_int_equal(machine_exit_status[EXPECT_TRIPLE], 0);
    sb_free(&line);
    strv_free(&a);
    strv_free(&io);
    scenario_set_free(&set);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_all_keys),
    cmocka_unit_test(test_defaults_crlf_no_newline),
    cmocka_unit_test(test_append_words),
    cmocka_unit_test(test_oracle_prerequisites),
    cmocka_unit_test(test_empty_and_comments),
    cmocka_unit_test(test_long_line),
    cmocka_unit_test(test_errors),
    cmocka_unit_test(test_duplicate_names),
    cmocka_unit_test(test_small_error_buffer),
    cmocka_unit_test(test_vga_profile),
    cmocka_unit_test(test_machine_cmdline),
};

UNIT_MAIN("scenario", tests)
