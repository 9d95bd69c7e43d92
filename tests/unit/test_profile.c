/* unit-sources: libharness */
/* QEMU version profiles: which row a version gets (its own, else the
 * nearest), event names in QEMU's terms (the rename table), a profile's
 * renames applied by the normaliser, where the goldens of a profile's
 * golden set live, and what blessing does to an override. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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
    assert_string_equal(b->trace->write_event.s, "memory_region_ops_write");
    const struct qemu_profile *t = qemu_profile_for(10, 0);
    assert_string_equal(t->name, "10.0");
    assert_string_equal(t->golden_set, "qemu-10.0");
    assert_true(qemu_profile_is_own(t, 10, 0));
    assert_true(qemu_profile_is_own(b, 7, 2));
    assert_false(qemu_profile_is_own(b, 7, 1));
}

/* A version without a row gets the nearest row by major * 100 + minor; a
 * tie goes to the older row. */
static void test_nearest_version(void **state)
{
    (void)state;
    const struct qemu_profile *b = qemu_profile_baseline(), *t = qemu_profile_for(10, 0);
    assert_ptr_equal(qemu_profile_for(9, 2), t);       /* 902: 98 from 10.0, 200 from 7.2 */
    assert_false(qemu_profile_is_own(qemu_profile_for(9, 2), 9, 2));
    assert_ptr_equal(qemu_profile_for(9, 0), t);       /* 900: 100 against 198 */
    assert_ptr_equal(qemu_profile_for(8, 2), b);       /* 802: 100 against 198 */
    assert_ptr_equal(qemu_profile_for(8, 1), b);
    assert_ptr_equal(qemu_profile_for(8, 51), b);      /* 851: 149 and 149, a tie: the older */
    assert_ptr_equal(qemu_profile_for(8, 52), t);      /* 852: 148 from 10.0 */
    assert_ptr_equal(qemu_profile_for(11, 1), t);      /* newer than every row */
    assert_ptr_equal(qemu_profile_for(6, 0), b);       /* older than every row */
    assert_ptr_equal(qemu_profile_for(10, 1), t);
    assert_false(qemu_profile_is_own(qemu_profile_for(10, 1), 10, 1));
}

static void test_event_names(void **state)
{
    (void)state;
    const struct qemu_profile *b = qemu_profile_baseline();
    assert_string_equal(qemu_profile_event(b, "ide_exec_cmd"), "ide_exec_cmd");
    assert_string_equal(qemu_profile_event(b, "bmdma_*"), "bmdma_*");
    /* 10.0's rename table: the scenario's name is asked for as QEMU's. */
    const struct qemu_profile *t = qemu_profile_for(10, 0);
    assert_string_equal(qemu_profile_event(t, "ide_exec_cmd"), "ide_bus_exec_cmd");
    assert_string_equal(qemu_profile_event(t, "ide_dma_cb"), "ide_dma_cb");
    assert_string_equal(qemu_profile_event(t, "ide_*"), "ide_*");     /* globs are not renamed */
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

/* 10.0's own rules (not a copy made here) read its log as the goldens'. */
static void test_rename_100(void **state)
{
    (void)state;
    struct strv ev = { 0 };
    strv_push(&ev, "ide_exec_cmd");
    strv_push(&ev, "ide_dma_cb");
    struct sbuf log = { 0 };
    mark(&log, TRACE_KIND_BEGIN);
    sb_puts(&log, "ide_bus_exec_cmd IDE exec cmd: bus 0x55aa00; state 0x55bb00; cmd 0xc8\n");
    sb_puts(&log, "ide_dma_cb IDEState 0x55bb00; sector_num=0 n=8 cmd=DMA READ\n");
    mark(&log, TRACE_KIND_END);
    struct trace_opts o = { .events = &ev, .base = BASE, .rules = qemu_profile_for(10, 0)->trace };
    struct trace_out out = { 0 };
    trace_normalize(log.p, log.len, "t.log", &o, &out);
    assert_string_equal(sb_str(&out.text),
                        "== begin dma\n"
                        "ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0xc8\n"
                        "ide_dma_cb IDEState P1; sector_num=0 n=8 cmd=DMA READ\n"
                        "== end dma status=0\n");
    trace_out_free(&out);
    /* The baseline's rules know no such event: the line is not kept. */
    o.rules = qemu_profile_baseline()->trace;
    trace_normalize(log.p, log.len, "t.log", &o, &out);
    assert_null(strstr(sb_str(&out.text), "exec cmd"));
    trace_out_free(&out);
    sb_free(&log);
    strv_free(&ev);
}

/* Blessing: the base set writes where it differs; an override set writes
 * only where the output differs from the base and removes an override
 * equal to the base. */
static void test_golden_plan(void **state)
{
    (void)state;
    /* base set: golden_plan(0, base_exists, base_equal, own_exists, own_equal), own == base */
    assert_int_equal(golden_plan(0, 0, 0, 0, 0), GOLDEN_WRITE);    /* new golden */
    assert_int_equal(golden_plan(0, 1, 1, 1, 1), GOLDEN_KEEP);     /* unchanged */
    assert_int_equal(golden_plan(0, 1, 0, 1, 0), GOLDEN_WRITE);    /* updated */
    /* override set */
    assert_int_equal(golden_plan(1, 1, 1, 0, 0), GOLDEN_KEEP);     /* equals the base: none needed */
    assert_int_equal(golden_plan(1, 1, 1, 1, 0), GOLDEN_REMOVE);   /* an override that now equals the base */
    assert_int_equal(golden_plan(1, 1, 0, 0, 0), GOLDEN_WRITE);    /* differs from the base: created */
    assert_int_equal(golden_plan(1, 1, 0, 1, 1), GOLDEN_KEEP);     /* the same override again */
    assert_int_equal(golden_plan(1, 1, 0, 1, 0), GOLDEN_WRITE);    /* a changed override */
    assert_int_equal(golden_plan(1, 0, 0, 0, 0), GOLDEN_WRITE);    /* no base: the run's own text */
}

/* golden_lookup: the override where its file exists, else the base. */
static void test_golden_lookup(void **state)
{
    (void)state;
    char buf[1024], err[256], want[1024];
    const char *tmp = getenv("TMPDIR");
    char tdir[256];
    snprintf(tdir, sizeof(tdir), "%s/traceos-unit-golden-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(tdir));
    snprintf(buf, sizeof(buf), "%s/qemu-10.0", tdir);
    assert_int_equal(mkdir_p(buf, err, sizeof(err)), 0);
    snprintf(buf, sizeof(buf), "%s/qemu-10.0/s.trace", tdir);
    assert_int_equal(write_file(buf, "x\n", 2, err, sizeof(err)), 0);
    assert_int_equal(golden_lookup(tdir, "s", "qemu-10.0", GOLDEN_TRACE, buf, sizeof(buf)), 1);
    snprintf(want, sizeof(want), "%s/qemu-10.0/s.trace", tdir);
    assert_string_equal(buf, want);
    assert_int_equal(golden_lookup(tdir, "s", "qemu-10.0", GOLDEN_SERIAL, buf, sizeof(buf)), 0);
    snprintf(want, sizeof(want), "%s/s.serial", tdir);
    assert_string_equal(buf, want);                     /* no override: the base */
    assert_int_equal(golden_lookup(tdir, "s", NULL, GOLDEN_TRACE, buf, sizeof(buf)), 0);
    snprintf(want, sizeof(want), "%s/s.trace", tdir);
    assert_string_equal(buf, want);                     /* the base set never looks elsewhere */
    /* The set's record of its QEMU. */
    assert_int_equal(golden_record_write(tdir, "qemu-10.0", "QEMU emulator version 10.0.2", err, sizeof(err)), 0);
    golden_record_read(tdir, "qemu-10.0", buf, sizeof(buf));
    assert_string_equal(buf, "QEMU emulator version 10.0.2");
    golden_record_read(tdir, NULL, buf, sizeof(buf));
    assert_string_equal(buf, "");
    snprintf(buf, sizeof(buf), "rm -rf '%s'", tdir);
    assert_int_equal(system(buf), 0);
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
    cmocka_unit_test(test_nearest_version),
    cmocka_unit_test(test_event_names),
    cmocka_unit_test(test_rename_in_normaliser),
    cmocka_unit_test(test_rename_100),
    cmocka_unit_test(test_golden_path),
    cmocka_unit_test(test_golden_plan),
    cmocka_unit_test(test_golden_lookup),
};

UNIT_MAIN("profile", tests)
