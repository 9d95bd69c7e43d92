/* unit-sources: libharness */
/* The trace normalizer: marker decoding, segment cutting, pointer masking,
 * and what it does with broken logs (CRLF, no final newline, garbage, NUL
 * bytes, lines over 64 KiB, markers missing their END or BEGIN).
 *
 * Log lines are built the way QEMU 7.2's log backend prints them, e.g.
 *   memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0xff000000 value 0x7a101000 size 4 name 'pc-testdev-iomem' */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "abi/tracedev.h"
#include "harness/lib/trace.h"
#include "harness/vmm/profile.h"
#include "unit.h"

#define RULES (qemu_profile_baseline()->trace)
#define BASE 0xff000000ull

/* A write of `value` to trace device offset `off` as QEMU logs it. */
static void dev_write(struct sbuf *b, unsigned off, uint32_t value)
{
    sb_printf(b, "memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0x%llx value 0x%x size 4 "
              "name 'pc-testdev-iomem'\n", BASE + off, value);
}

static void mark(struct sbuf *b, unsigned kind, unsigned phase, unsigned arg)
{
    dev_write(b, TRACEDEV_REG_MARK, TRACEDEV_MARK(kind, phase, arg));
}

/* Normalize `len` bytes keeping the events in `globs` (space separated). */
static struct trace_out norm_n(const char *text, size_t len, const char *globs)
{
    struct strv ev = { 0 };
    char err[64];
    assert_int_equal(split_words(globs, &ev, err, sizeof(err)), 0);
    struct trace_opts o = { .events = &ev, .base = BASE, .rules = qemu_profile_baseline()->trace };
    struct trace_out out = { 0 };
    trace_normalize(text, len, "t.log", &o, &out);
    strv_free(&ev);
    return out;
}

/* An MMIO or port access of region `name` as QEMU logs it. */
static void ops(struct sbuf *b, const char *ev, unsigned long long addr, const char *name)
{
    sb_printf(b, "%s cpu 0 mr 0x55d0c1a3e400 addr 0x%llx value 0x14020001 size 4 name '%s'\n", ev, addr, name);
}

/* `events = memory_region_ops_read@REGION`: of a memory-region event, only
 * the lines on that region; the write event (every device's writes) only
 * with a region; a plain glob keeps all the lines of its event. */
static void test_region_filter(void **state)
{
    (void)state;
    struct sbuf b = { 0 };
    mark(&b, TRACE_KIND_BEGIN, TRACE_PHASE_PCI, 0);
    ops(&b, "memory_region_ops_read", 0xb0010100, "pcie-mmcfg-mmio");
    ops(&b, "memory_region_ops_read", 0x3fd, "serial");
    ops(&b, "memory_region_ops_write", 0xb0010104, "pcie-mmcfg-mmio");
    ops(&b, "memory_region_ops_write", 0x3f8, "serial");
    ops(&b, "memory_region_ops_read", 0xb0010108, "pcie-mmcfg-mmio-x");
    mark(&b, TRACE_KIND_END, TRACE_PHASE_PCI, 0);
    static const struct { const char *globs, *regions, *want; } cases[] = {
        { "memory_region_ops_read", "pcie-mmcfg-mmio",
          "== begin pci\n"
          "memory_region_ops_read cpu 0 mr P0 addr 0xb0010100 value 0x14020001 size 4 name 'pcie-mmcfg-mmio'\n"
          "== end pci status=0\n" },
        { "memory_region_ops_*", "pcie-mmcfg-mmio",
          "== begin pci\n"
          "memory_region_ops_read cpu 0 mr P0 addr 0xb0010100 value 0x14020001 size 4 name 'pcie-mmcfg-mmio'\n"
          "memory_region_ops_write cpu 0 mr P0 addr 0xb0010104 value 0x14020001 size 4 name 'pcie-mmcfg-mmio'\n"
          "== end pci status=0\n" },
        { "memory_region_ops_read", "",
          "== begin pci\n"
          "memory_region_ops_read cpu 0 mr P0 addr 0xb0010100 value 0x14020001 size 4 name 'pcie-mmcfg-mmio'\n"
          "memory_region_ops_read cpu 0 mr P0 addr 0x3fd value 0x14020001 size 4 name 'serial'\n"
          "memory_region_ops_read cpu 0 mr P0 addr 0xb0010108 value 0x14020001 size 4 name 'pcie-mmcfg-mmio-x'\n"
          "== end pci status=0\n" },
        { "memory_region_ops_write", "", "== begin pci\n== end pci status=0\n" },
        { "memory_region_ops_write", "serial",
          "== begin pci\n"
          "memory_region_ops_write cpu 0 mr P0 addr 0x3f8 value 0x14020001 size 4 name 'serial'\n"
          "== end pci status=0\n" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct strv ev = { 0 }, rg = { 0 };
        strv_push(&ev, cases[i].globs);
        strv_push(&rg, cases[i].regions);
        struct trace_opts o = { .events = &ev, .regions = &rg, .base = BASE, .rules = RULES };
        struct trace_out out = { 0 };
        assert_int_equal(trace_normalize(b.p, b.len, "t.log", &o, &out), 0);
        assert_string_equal(sb_str(&out.text), cases[i].want);
        trace_out_free(&out);
        strv_free(&ev);
        strv_free(&rg);
    }
    sb_free(&b);
}

static struct trace_out norm(const struct sbuf *b, const char *globs)
{
    return norm_n(b->p ? b->p : "", b->len, globs);
}

static void test_marker_text(void **state)
{
    (void)state;
    static const struct { uint32_t w, data; const char *text; } cases[] = {
        { TRACEDEV_MARK(TRACE_KIND_BEGIN, TRACE_PHASE_PCI, 0), 0, "== begin pci" },
        { TRACEDEV_MARK(TRACE_KIND_END, TRACE_PHASE_PCI_V, 0), 0, "== end pci-v status=0" },
        { TRACEDEV_MARK(TRACE_KIND_END, TRACE_PHASE_DMA, 5), 0, "== end dma status=5" },
        { TRACEDEV_MARK(TRACE_KIND_CHECK, TRACE_PHASE_KBD, 1), 0x1e, "== check kbd tag=0x1 value=0x0000001e" },
        { TRACEDEV_MARK(TRACE_KIND_READY, TRACE_PHASE_KBD, 0), 0, "== ready kbd" },
        { TRACEDEV_MARK(TRACE_KIND_ACK, TRACE_PHASE_KBD, 3), 0, "== ack kbd 3" },
        { TRACEDEV_MARK(TRACE_KIND_ACK, TRACE_PHASE_KBD, 0xfff), 0, "== ack kbd 4095" },
        { TRACEDEV_MARK(TRACE_KIND_VERDICT, TRACE_PHASE_RUN, 0), 0, "== verdict run pass" },
        { TRACEDEV_MARK(TRACE_KIND_VERDICT, TRACE_PHASE_RUN, 1), 0, "== verdict run fail" },
        { TRACEDEV_MARK(TRACE_KIND_BEGIN, 0x42, 0), 0, "== begin phase=0x42" },
        { 0x12101000, 0, "== bad-marker 0x12101000" },          /* wrong magic */
        { 0x7a901000, 0, "== bad-marker 0x7a901000" },          /* kind 9 */
        { 0x7a001000, 0, "== bad-marker 0x7a001000" },          /* kind 0 */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct sbuf b = { 0 };
        trace_marker_text(cases[i].w, cases[i].data, &b);
        assert_string_equal(sb_str(&b), cases[i].text);
        sb_free(&b);
    }
}

static void test_line_marker(void **state)
{
    (void)state;
    uint32_t w = 0;
    const char *l = "memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0xff000000 value 0x7a101000 "
                    "size 4 name 'pc-testdev-iomem'";
    assert_int_equal(trace_line_marker(RULES, l, strlen(l), BASE, &w), 1);
    assert_int_equal(w, 0x7a101000);
    /* The DATA register is not a marker. */
    const char *d = "memory_region_ops_write cpu 0 mr 0x1 addr 0xff000004 value 0x7a101000 size 4 "
                    "name 'pc-testdev-iomem'";
    assert_int_equal(trace_line_marker(RULES, d, strlen(d), BASE, &w), 0);
    /* Another device's write of the same value (serial port). */
    const char *s = "memory_region_ops_write cpu 0 mr 0x1 addr 0x3f8 value 0x7a101000 size 1 name 'serial'";
    assert_int_equal(trace_line_marker(RULES, s, strlen(s), BASE, &w), 0);
    /* A moved trace base (trace=ADDR) is found by address alone. */
    const char *m = "memory_region_ops_write cpu 0 mr 0x1 addr 0xfe000000 value 0x7a102000 size 4 name 'x'";
    assert_int_equal(trace_line_marker(RULES, m, strlen(m), 0xfe000000ull, &w), 1);
    assert_int_equal(w, 0x7a102000);
    /* Truncated in the middle of the line, and a read of the device. */
    assert_int_equal(trace_line_marker(RULES, l, 60, BASE, &w), 0);
    const char *r = "memory_region_ops_read cpu 0 mr 0x1 addr 0xff000000 value 0x7a101000 size 4 "
                    "name 'pc-testdev-iomem'";
    assert_int_equal(trace_line_marker(RULES, r, strlen(r), BASE, &w), 0);
}

/* Only lines of wanted events between BEGIN and END are kept; other writes
 * (serial, PIC) inside a phase are dropped; CHECK carries the last DATA. */
static void test_segments(void **state)
{
    (void)state;
    struct sbuf b = { 0 };
    sb_puts(&b, "pci_cfg_read firmware 00:00.0 @0x0 -> 0x12378086\n");
    mark(&b, TRACE_KIND_BEGIN, TRACE_PHASE_PCI, 0);
    sb_puts(&b, "pci_cfg_read i440FX 00:00.0 @0x0 -> 0x12378086\n");
    sb_puts(&b, "memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0x3f8 value 0x61 size 1 name 'serial'\n");
    sb_puts(&b, "ps2_read_data 0x55d0c1a3e2f0\n");
    dev_write(&b, TRACEDEV_REG_DATA, 0xdeadbeef);
    mark(&b, TRACE_KIND_CHECK, TRACE_PHASE_PCI, 2);
    mark(&b, TRACE_KIND_END, TRACE_PHASE_PCI, 0);
    sb_puts(&b, "pci_cfg_read after 00:00.0 @0x0 -> 0x1\n");
    mark(&b, TRACE_KIND_VERDICT, TRACE_PHASE_RUN, 1);
    struct trace_out o = norm(&b, "pci_cfg_*");
    assert_string_equal(sb_str(&o.text), "== begin pci\n"
                                         "pci_cfg_read i440FX 00:00.0 @0x0 -> 0x12378086\n"
                                         "== check pci tag=0x2 value=0xdeadbeef\n"
                                         "== end pci status=0\n");
    assert_int_equal(o.problems, 0);
    assert_int_equal(o.segments, 1);
    trace_out_free(&o);
    sb_free(&b);
}

/* Pointer fields become P0, P1... in order of first appearance; a pointer
 * seen again keeps its number; real values that look alike stay. */
static void test_masking(void **state)
{
    (void)state;
    struct sbuf b = { 0 };
    mark(&b, TRACE_KIND_BEGIN, TRACE_PHASE_DMA, 0);
    sb_puts(&b, "ide_exec_cmd IDE exec cmd: bus 0x55aa00001000; state 0x55aa00002000; cmd 0xc8\n"
                "dma_blk_io dbs=0x7f0000003000 bs=0x55aa00004000 offset=0 to_dev=0\n"
                "bmdma_addr_write data: 0x0000000000080000\n"
                "ide_dma_cb IDEState 0x55aa00002000; sector_num=0 n=1 cmd=DMA READ\n"
                "dma_blk_cb dbs=0x7f0000003000 ret=0\n"
                "memory_region_ops_read cpu 0 mr 0x55aa00005000 addr 0xc002 value 0x4 size 1 name 'bmdma'\n"
                "ps2_put_keycode 0x55aa00006000 keycode 0x1c\n"
                "ps2_keyboard_event 0x55aa00006000 qcode 31 down 1 modifier 0x0 modifiers 0x0 set 2 xlate 1\n"
                "bmdma_write bmdma: writeb 0x0 : 0x09\n"
                "dma_blk_io dbs=(nil) bs=0x55aa00004000 offset=512 to_dev=0\n");
    mark(&b, TRACE_KIND_END, TRACE_PHASE_DMA, 0);
    struct trace_out o = norm(&b, "ide_* dma_* bmdma_* memory_region_ops_read ps2_*");
    assert_string_equal(sb_str(&o.text),
                        "== begin dma\n"
                        "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0xc8\n"
                        "dma_blk_io dbs=P2 bs=P3 offset=0 to_dev=0\n"
                        "bmdma_addr_write data: 0x0000000000080000\n"
                        "ide_dma_cb IDEState P1; sector_num=0 n=1 cmd=DMA READ\n"
                        "dma_blk_cb dbs=P2 ret=0\n"
                        "memory_region_ops_read cpu 0 mr P4 addr 0xc002 value 0x4 size 1 name 'bmdma'\n"
                        "ps2_put_keycode P5 keycode 0x1c\n"
                        "ps2_keyboard_event P5 qcode 31 down 1 modifier 0x0 modifiers 0x0 set 2 xlate 1\n"
                        "bmdma_write bmdma: writeb 0x0 : 0x09\n"
                        "dma_blk_io dbs=(nil) bs=P3 offset=512 to_dev=0\n"
                        "== end dma status=0\n");
    assert_int_equal(o.problems, 0);
    trace_out_free(&o);
    sb_free(&b);
}

/* A dma_blk_io allocates a new request: a dbs address QEMU reuses after
 * the previous request finished gets a new name; bs keeps its name, and a
 * dma_blk_cb names the latest request at its address. */
static void test_dbs_reuse(void **state)
{
    (void)state;
    struct sbuf b = { 0 };
    mark(&b, TRACE_KIND_BEGIN, TRACE_PHASE_DMA, 0);
    sb_puts(&b, "dma_blk_io dbs=0x7f0000003000 bs=0x55aa00004000 offset=0 to_dev=0\n"
                "dma_blk_cb dbs=0x7f0000003000 ret=0\n"
                "dma_blk_io dbs=0x7f0000003000 bs=0x55aa00004000 offset=512 to_dev=0\n"
                "dma_blk_cb dbs=0x7f0000003000 ret=0\n");
    mark(&b, TRACE_KIND_END, TRACE_PHASE_DMA, 0);
    struct trace_out o = norm(&b, "dma_*");
    assert_string_equal(sb_str(&o.text), "== begin dma\n"
                                         "dma_blk_io dbs=P0 bs=P1 offset=0 to_dev=0\n"
                                         "dma_blk_cb dbs=P0 ret=0\n"
                                         "dma_blk_io dbs=P2 bs=P1 offset=512 to_dev=0\n"
                                         "dma_blk_cb dbs=P2 ret=0\n"
                                         "== end dma status=0\n");
    trace_out_free(&o);
    sb_free(&b);
}

/* The same log with CRLF line ends, and with its last line cut before the
 * newline, gives the same text. */
static void test_crlf_and_truncated(void **state)
{
    (void)state;
    struct sbuf lf = { 0 }, crlf = { 0 };
    mark(&lf, TRACE_KIND_BEGIN, TRACE_PHASE_PCI, 0);
    sb_puts(&lf, "pci_cfg_read VGA 00:02.0 @0x0 -> 0x11111234\n");
    mark(&lf, TRACE_KIND_END, TRACE_PHASE_PCI, 0);
    sb_crlf(&crlf, lf.p, lf.len);
    struct trace_out a = norm(&lf, "pci_cfg_*"), c = norm(&crlf, "pci_cfg_*");
    struct trace_out t = norm_n(lf.p, lf.len - 1, "pci_cfg_*");
    assert_string_equal(sb_str(&c.text), sb_str(&a.text));
    assert_string_equal(sb_str(&t.text), sb_str(&a.text));
    assert_int_equal(a.problems + c.problems + t.problems, 0);
    /* Cut inside the END line before its value: the phase is unfinished. */
    const char *end_line = strrchr(lf.p, '\n');
    while (end_line > lf.p && end_line[-1] != '\n')
        end_line--;
    const char *cut = strstr(end_line, " value ");
    struct trace_out u = norm_n(lf.p, (size_t)(cut - lf.p), "pci_cfg_*");
    assert_int_equal(u.problems, 1);
    assert_non_null(strstr(sb_str(&u.why), "t.log:1: phase pci began here but has no END marker"));
    trace_out_free(&a);
    trace_out_free(&c);
    trace_out_free(&t);
    trace_out_free(&u);
    sb_free(&lf);
    sb_free(&crlf);
}

static void test_empty(void **state)
{
    (void)state;
    struct trace_out o = norm_n("", 0, "pci_cfg_*");
    assert_non_null(o.text.p);
    assert_string_equal(sb_str(&o.text), "");
    assert_int_equal(o.problems, 0);
    trace_out_free(&o);
    struct trace_out n = norm_n("\n\n\r\n", 4, "*");
    assert_string_equal(sb_str(&n.text), "");
    trace_out_free(&n);
}

/* Garbage, NUL bytes and a 100 KiB line inside a phase: wanted lines are
 * copied byte for byte, the rest is dropped, nothing is read past the end. */
static void test_garbage_nul_long(void **state)
{
    (void)state;
    struct sbuf b = { 0 }, want = { 0 };
    mark(&b, TRACE_KIND_BEGIN, TRACE_PHASE_KBD, 0);
    sb_puts(&b, "\x01\x02\xff garbage\n\n   \n=\nmemory_region_ops_write\nmemory_region_ops_write addr 0x\n");
    sb_add(&b, "ps2_read_data 0x10\0after-nul\n", 29);
    sb_puts(&b, "ps2_read_data");          /* no arguments at all */
    sb_addc(&b, '\n');
    size_t long_at = b.len;
    sb_puts(&b, "ps2_write_keyboard 0x20 val");
    for (int i = 0; i < 100 * 1024; i++)
        sb_addc(&b, (char)('a' + i % 26));
    sb_addc(&b, '\n');
    mark(&b, TRACE_KIND_END, TRACE_PHASE_KBD, 0);
    struct trace_out o = norm(&b, "ps2_*");
    sb_puts(&want, "== begin kbd\n");
    sb_add(&want, "ps2_read_data P0\0after-nul\n", 27);
    sb_puts(&want, "ps2_read_data\nps2_write_keyboard P1 val");
    sb_add(&want, b.p + long_at + 27, 100 * 1024);
    sb_puts(&want, "\n== end kbd status=0\n");
    assert_int_equal(o.text.len, want.len);
    assert_memory_equal(o.text.p, want.p, want.len);
    assert_int_equal(o.problems, 0);
    trace_out_free(&o);
    sb_free(&b);
    sb_free(&want);
}

static void test_missing_end(void **state)
{
    (void)state;
    struct sbuf b = { 0 };
    sb_puts(&b, "pci_cfg_read x 00:00.0 @0x0 -> 0x1\n");
    mark(&b, TRACE_KIND_BEGIN, TRACE_PHASE_PCI, 0);        /* line 2 */
    sb_puts(&b, "pci_cfg_read x 00:00.0 @0x0 -> 0x1\n");
    struct trace_out o = norm(&b, "pci_cfg_*");
    assert_int_equal(o.problems, 1);
    assert_string_equal(sb_str(&o.why), "t.log:2: phase pci began here but has no END marker\n");
    assert_string_equal(sb_str(&o.text), "== begin pci\npci_cfg_read x 00:00.0 @0x0 -> 0x1\n");
    trace_out_free(&o);
    sb_free(&b);
}

static void test_end_without_begin(void **state)
{
    (void)state;
    struct sbuf b = { 0 };
    mark(&b, TRACE_KIND_END, TRACE_PHASE_DMA, 0);
    sb_puts(&b, "pci_cfg_read x 00:00.0 @0x0 -> 0x1\n");
    struct trace_out o = norm(&b, "pci_cfg_*");
    assert_int_equal(o.problems, 1);
    assert_string_equal(sb_str(&o.why), "t.log:1: END marker of phase dma without a BEGIN\n");
    assert_string_equal(sb_str(&o.text), "");
    trace_out_free(&o);
    sb_free(&b);
}

/* BEGIN inside an open phase, and an END of another phase inside one. */
static void test_nested_overlapping(void **state)
{
    (void)state;
    struct sbuf b = { 0 };
    mark(&b, TRACE_KIND_BEGIN, TRACE_PHASE_PCI, 0);        /* 1 */
    mark(&b, TRACE_KIND_BEGIN, TRACE_PHASE_KBD, 0);        /* 2 */
    mark(&b, TRACE_KIND_END, TRACE_PHASE_PCI, 0);          /* 3 */
    mark(&b, TRACE_KIND_END, TRACE_PHASE_KBD, 0);          /* 4 */
    struct trace_out o = norm(&b, "*");
    assert_string_equal(sb_str(&o.text), "== begin pci\n== missing end\n== begin kbd\n== end pci status=0\n");
    assert_string_equal(sb_str(&o.why),
                        "t.log:1: phase pci began here but has no END marker before phase kbd began\n"
                        "t.log:3: END marker of phase pci inside phase kbd\n"
                        "t.log:4: END marker of phase kbd without a BEGIN\n");
    assert_int_equal(o.problems, 3);
    assert_int_equal(o.segments, 2);
    trace_out_free(&o);
    sb_free(&b);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_marker_text),
    cmocka_unit_test(test_line_marker),
    cmocka_unit_test(test_segments),
    cmocka_unit_test(test_masking),
    cmocka_unit_test(test_region_filter),
    cmocka_unit_test(test_dbs_reuse),
    cmocka_unit_test(test_crlf_and_truncated),
    cmocka_unit_test(test_empty),
    cmocka_unit_test(test_garbage_nul_long),
    cmocka_unit_test(test_missing_end),
    cmocka_unit_test(test_end_without_begin),
    cmocka_unit_test(test_nested_overlapping),
};

UNIT_MAIN("trace", tests)
