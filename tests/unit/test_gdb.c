/* unit-sources: libharness */
/* gdb stops: the break = / watch = syntax and its errors, the scenario keys
 * given more than once, gdb lines placed in the normalised trace, and when a
 * typed key may be sent in a run with stops, and where a single step may
 * leave EIP in place. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "harness/lib/gdbspec.h"
#include "harness/lib/scenario.h"
#include "harness/lib/trace.h"
#include "harness/lib/x86insn.h"
#include "harness/run/keywait.h"
#include "harness/vmm/profile.h"
#include "unit.h"

static char err[1024];

/* A key goes only after a park that came after READY and every ACK due;
 * a key that raises IRQ 1 ends the park, one that QEMU turns into no byte
 * does not; any other stop ends it. */
static void test_key_wait_rule(void **state)
{
    (void)state;
    struct keywait kw = { .sti = 0x104180 };
    assert_false(keywait_may_type(&kw, 0));         /* never parked */
    keywait_park(&kw, 0, 0);
    assert_false(keywait_may_type(&kw, 0));         /* parked before READY */
    keywait_park(&kw, 1, 0);
    assert_true(keywait_may_type(&kw, 0));
    keywait_typed(&kw, 1);
    assert_false(keywait_may_type(&kw, 1));         /* its byte wakes the vCPU */
    keywait_park(&kw, 1, 0);
    assert_false(keywait_may_type(&kw, 1));         /* a park before the key's ACK */
    keywait_park(&kw, 1, 1);
    assert_true(keywait_may_type(&kw, 1));
    keywait_typed(&kw, 0);
    assert_true(keywait_may_type(&kw, 1));          /* no byte: still parked */
    keywait_unpark(&kw);
    assert_false(keywait_may_type(&kw, 1));
}

static void test_break_forms(void **state)
{
    (void)state;
    struct gdb_specs g = { 0 };
    assert_int_equal(gdbspec_parse(&g, 0, "i8042_irq", 3, err, sizeof(err)), 0);
    assert_int_equal(gdbspec_parse(&g, 0, "pci_read32+0x10 optional", 4, err, sizeof(err)), 0);
    assert_int_equal(gdbspec_parse(&g, 0, "0x00100000", 5, err, sizeof(err)), 0);
    assert_int_equal(gdbspec_parse(&g, 0, "trace_begin show=arg0,eax,*ring_head/1,*0x3f0000/8", 6, err, sizeof(err)), 0);
    assert_int_equal(g.n, 4);
    assert_string_equal(g.v[0].sym, "i8042_irq");
    assert_int_equal(g.v[0].kind, GDB_BREAK);
    assert_int_equal(g.v[0].line, 3);
    assert_string_equal(g.v[1].sym, "pci_read32");
    assert_int_equal(g.v[1].has_off, 1);
    assert_int_equal(g.v[1].off, 0x10);
    assert_int_equal(g.v[1].optional, 1);
    assert_null(g.v[2].sym);
    assert_int_equal(g.v[2].addr, 0x100000);
    assert_int_equal(g.v[3].nshow, 4);
    assert_int_equal(g.v[3].show[0].kind, ITEM_ARG);
    assert_int_equal(g.v[3].show[1].kind, ITEM_REG);
    assert_int_equal(g.v[3].show[1].reg, REG_EAX);
    assert_int_equal(g.v[3].show[2].kind, ITEM_MEM);
    assert_int_equal(g.v[3].show[2].len, 1);
    assert_int_equal(g.v[3].show[3].addr, 0x3f0000);
    assert_int_equal(g.v[3].show[3].len, 8);
    gdbspec_free(&g);
}

static void test_watch_forms(void **state)
{
    (void)state;
    struct gdb_specs g = { 0 };
    assert_int_equal(gdbspec_parse(&g, 1, "ring_head", 1, err, sizeof(err)), 0);
    assert_int_equal(gdbspec_parse(&g, 1, "0xff000000/4 write", 2, err, sizeof(err)), 0);
    assert_int_equal(gdbspec_parse(&g, 1, "trace_base read", 3, err, sizeof(err)), 0);
    assert_int_equal(gdbspec_parse(&g, 1, "ring+8/2 access optional", 4, err, sizeof(err)), 0);
    assert_int_equal(g.v[0].kind, GDB_WATCH_WRITE);
    assert_int_equal(g.v[0].len, 0);            /* from the symbol's size */
    assert_int_equal(g.v[1].addr, 0xff000000u);
    assert_int_equal(g.v[1].len, 4);
    assert_int_equal(g.v[2].kind, GDB_WATCH_READ);
    assert_int_equal(g.v[3].kind, GDB_WATCH_ACCESS);
    assert_int_equal(g.v[3].off, 8);
    assert_int_equal(g.v[3].len, 2);
    assert_int_equal(g.v[3].optional, 1);
    gdbspec_free(&g);
}

static void expect_err(int is_watch, const char *v, const char *want)
{
    struct gdb_specs g = { 0 };
    err[0] = 0;
    assert_int_equal(gdbspec_parse(&g, is_watch, v, 1, err, sizeof(err)), -1);
    assert_prefix(v, err, want);
    gdbspec_free(&g);
}

static void test_errors(void **state)
{
    (void)state;
    expect_err(1, "0xff000000/3", "watch: length '3' in '0xff000000/3' is not 1, 2, 4 or 8");
    expect_err(1, "ring_head/16 write", "watch: length '16'");
    expect_err(1, "ring_head/x", "watch: length 'x'");
    expect_err(1, "ring_head writ", "watch: unknown kind 'writ'; use write, read or access");
    expect_err(1, "ring_head write read", "watch: a second kind 'read'");
    expect_err(0, "i8042_irq write", "break: 'write' is a watch kind");
    expect_err(0, "i8042_irq/4", "break: 'i8042_irq/4': a length (/LEN) is for watches");
    expect_err(0, "0x1000000000", "break: '0x1000000000' is not a 32-bit address");
    expect_err(0, "i8042-irq", "break: 'i8042-irq' is not a symbol name");
    expect_err(0, "f+zz", "break: offset 'zz' is not a number");
    expect_err(0, "", "break: empty");
    expect_err(0, "f show=", "break: show= lists nothing");
    expect_err(0, "f show=eax,,ebx", "break: empty item in show=");
    expect_err(0, "f show=eip", "break: unknown show item 'eip'");
    expect_err(0, "f show=arg16", "break: unknown show item 'arg16'");
    expect_err(0, "f+4 show=arg0", "break: show item 'arg0' reads a stack argument");
    expect_err(1, "ring_head show=arg0", "watch: show item 'arg0' reads a stack argument");
    expect_err(0, "f bogus", "break: unknown word 'bogus'");
}

static void test_scenario_keys(void **state)
{
    (void)state;
    struct scenario_set set = { 0 };
    const char *text = "[s]\nappend = pci exit\nbreak = a\nbreak = b optional\nwatch = 0xff000000 write\n";
    assert_int_equal(scenario_parse(text, strlen(text), "a.cfg", &set, err, sizeof(err)), 0);
    assert_int_equal(set.v[0].gdb.n, 3);
    assert_int_equal(set.v[0].gdb.v[1].line, 4);
    scenario_set_free(&set);
    text = "[s]\nappend = pci exit\nwatch = ring_head bad\n";
    assert_int_equal(scenario_parse(text, strlen(text), "a.cfg", &set, err, sizeof(err)), -1);
    assert_prefix("bad kind", err, "a.cfg:3: watch: unknown kind 'bad'");
    scenario_set_free(&set);
}

/* The gdb lines go before the first log line at or after their offset,
 * inside a phase or not, in order. */
static void test_trace_inserts(void **state)
{
    (void)state;
    const char *log =
        "memory_region_ops_write cpu 0 mr 0x1 addr 0xff000000 value 0x7a101000 size 4 name 'pc-testdev-iomem'\n"
        "pci_cfg_read i440FX 00:00.0 @0x0 -> 0x12378086\n"
        "memory_region_ops_write cpu 0 mr 0x1 addr 0xff000000 value 0x7a201000 size 4 name 'pc-testdev-iomem'\n";
    size_t first = strchr(log, '\n') - log + 1;
    size_t second = strchr(log + first, '\n') - log + 1;
    struct trace_insert ins[] = {
        { 0, "gdb: break trace_begin #1" },
        { first, "gdb: watch 0xff000000 write #1" },
        { second + 1, "gdb: break a #1" },          /* mid-line: before the next line */
        { strlen(log), "gdb: watch 0xff000000 write #2" },
    };
    struct strv ev = { 0 };
    strv_push(&ev, "pci_cfg_*");
    struct trace_opts o = { .events = &ev, .base = 0xff000000u, .rules = qemu_profile_baseline()->trace,
                            .inserts = ins, .ninserts = 4 };
    struct trace_out out = { 0 };
    assert_int_equal(trace_normalize(log, strlen(log), "t", &o, &out), 0);
    assert_string_equal(out.text.p,
                        "gdb: break trace_begin #1\n"
                        "== begin pci\n"
                        "gdb: watch 0xff000000 write #1\n"
                        "pci_cfg_read i440FX 00:00.0 @0x0 -> 0x12378086\n"
                        "== end pci status=0\n"
                        "gdb: break a #1\n"
                        "gdb: watch 0xff000000 write #2\n");
    trace_out_free(&out);
    strv_free(&ev);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_key_wait_rule),
    cmocka_unit_test(test_break_forms),
    cmocka_unit_test(test_watch_forms),
    cmocka_unit_test(test_errors),
    cmocka_unit_test(test_scenario_keys),
    cmocka_unit_test(test_trace_inserts),
};

UNIT_MAIN("gdb", tests)
