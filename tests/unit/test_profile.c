/* unit-sources: libharness */
/* QEMU version profiles: which row a version gets, event names in QEMU's
 * terms, a profile's renames applied by the normaliser, and where the
 * goldens of a profile's golden set live. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "abi/tracedev.h"
#include "harness/lib/golden.h"
#include "harness/lib/trace.h"
#include "harness/vmm/profile.h"
#include "unit.h"

#define BASE 0xff000000ull

static void test_version_rows(void **state)
{
    (void)state;
    const struct qemu_profile *b = qemu_profile_baseline();
    assert_string_equal(b->name, "7.2");
    assert_null(b->golden_set);
    assert_ptr_equal(qemu_profile_for(7, 2), b);
    assert_ptr_equal(qemu_profile_for(7, 1), b);       /* older: the first row */
    assert_ptr_equal(qemu_profile_for(0, 0), b);       /* version unreadable */
    assert_ptr_equal(qemu_profile_for(10, 0), b);      /* no row of its own yet */
    assert_string_equal(b->trace->write_event.s, "memory_region_ops_write");
}

static void test_event_names(void **state)
{
    (void)state;
    const struct qemu_profile *b = qemu_profile_baseline();
    assert_string_equal(qemu_profile_event(b, "ide_exec_cmd"), "ide_exec_cmd");
    assert_string_equal(qemu_profile_event(b, "bmdma_*"), "bmdma_*");
}

static void mark(struct sbuf *b, unsigned kind)
{
    sb_printf(b, "memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0x%llx value 0x%x size 4 "
              "name 'pc-testdev-iomem'\n", BASE, TRACEDEV_MARK(kind, TRACE_PHASE_DMA, 0));
}

/* A profile whose QEMU renamed an event: the log's name is read and
 * written as the golden name, its pointers masked as before. */
static void test_rename_in_normaliser(void **state)
{
    (void)state;
    static const struct trace_rename renames[] = {
        { .qemu = "ide_bus_exec_cmd", .golden = "ide_exec_cmd" }, { 0 },
    };
    struct trace_rules r = *qemu_profile_baseline()->trace;
    r.renames = renames;
    struct strv ev = { 0 };
    strv_push(&ev, "ide_exec_cmd");
    struct sbuf log = { 0 };
    mark(&log, TRACE_KIND_BEGIN);
    sb_puts(&log, "ide_bus_exec_cmd IDE exec cmd: bus 0x55aa00; state 0x55bb00; cmd 0xc8\n");
    sb_puts(&log, "ide_exec_cmd IDE exec cmd: bus 0x55aa00; state 0x55bb00; cmd 0x25\n");
    mark(&log, TRACE_KIND_END);
    struct trace_opts o = { .events = &ev, .base = BASE, .rules = &r };
    struct trace_out out = { 0 };
    trace_normalize(log.p, log.len, "t.log", &o, &out);
    assert_string_equal(sb_str(&out.text),
                        "== begin dma\n"
                        "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0xc8\n"
                        "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0x25\n"
                        "== end dma status=0\n");
    trace_out_free(&out);
    sb_free(&log);
    strv_free(&ev);
}

static void test_golden_path(void **state)
{
    (void)state;
    char buf[256];
    golden_path("expected", "pci-pc", NULL, GOLDEN_TRACE, buf, sizeof(buf));
    assert_string_equal(buf, "expected/pci-pc.trace");
    golden_path("expected", "pci-pc", qemu_profile_baseline()->golden_set, GOLDEN_SERIAL, buf, sizeof(buf));
    assert_string_equal(buf, "expected/pci-pc.serial");
    golden_path("exp", "kbd-q35", "qemu-10.0", GOLDEN_SERIAL, buf, sizeof(buf));
    assert_string_equal(buf, "exp/qemu-10.0/kbd-q35.serial");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_version_rows),
    cmocka_unit_test(test_event_names),
    cmocka_unit_test(test_rename_in_normaliser),
    cmocka_unit_test(test_golden_path),
};

UNIT_MAIN("profile", tests)
