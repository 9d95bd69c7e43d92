/* The files of one run; see paths.h. */
#include <stdio.h>
#include <string.h>
#include "harness/lib/golden.h"
#include "harness/lib/paths.h"

void paths_init(struct paths *p, const char *build, const char *expected, const char *scenario,
                const char *golden_set)
{
    memset(p, 0, sizeof(*p));
    snprintf(p->dir, sizeof(p->dir), "%s/runs/%s", build, scenario);
    snprintf(p->trace, sizeof(p->trace), "%s/trace.log", p->dir);
    snprintf(p->serial, sizeof(p->serial), "%s/serial.log", p->dir);
    snprintf(p->qemu_out, sizeof(p->qemu_out), "%s/qemu.out", p->dir);
    snprintf(p->actual_trace, sizeof(p->actual_trace), "%s/actual.trace", p->dir);
    snprintf(p->actual_serial, sizeof(p->actual_serial), "%s/actual.serial", p->dir);
    golden_lookup(expected, scenario, golden_set, GOLDEN_TRACE, p->golden_trace, sizeof(p->golden_trace));
    golden_lookup(expected, scenario, golden_set, GOLDEN_SERIAL, p->golden_serial, sizeof(p->golden_serial));
    golden_path(expected, scenario, NULL, GOLDEN_TRACE, p->base_trace, sizeof(p->base_trace));
    golden_path(expected, scenario, NULL, GOLDEN_SERIAL, p->base_serial, sizeof(p->base_serial));
    golden_path(expected, scenario, golden_set, GOLDEN_TRACE, p->own_trace, sizeof(p->own_trace));
    golden_path(expected, scenario, golden_set, GOLDEN_SERIAL, p->own_serial, sizeof(p->own_serial));
    p->override_set = golden_set != NULL;
    snprintf(p->qemu_cmd, sizeof(p->qemu_cmd), "%s/qemu.cmd", p->dir);
    snprintf(p->gdb_report, sizeof(p->gdb_report), "%s/gdb.txt", p->dir);
    snprintf(p->image, sizeof(p->image), "%s/images/%s.img", build, scenario);
}
