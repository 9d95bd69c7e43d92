/* The QEMU version profiles; see profile.h. */
#include <string.h>
#include "harness/vmm/profile.h"

/* QEMU 7.2 (Debian 12's), the version the goldens were recorded with. */
static const struct trace_field ptr_after_72[] = {
    TRACE_FIELD("mr"), TRACE_FIELD("bus"), TRACE_FIELD("state"), TRACE_FIELD("IDEState"), { 0 },
};
static const struct trace_field ptr_prefix_72[] = {
    TRACE_FIELD("dbs="), TRACE_FIELD("bs="), TRACE_FIELD("ahci("), { 0 },
};
static const struct trace_field ptr_first_arg_72[] = {
    TRACE_FIELD("ps2_"), { 0 },
};
static const struct trace_rename renames_72[] = {
    { 0 },
};

static const struct trace_rules trace_72 = {
    .write_event = TRACE_FIELD("memory_region_ops_write"),
    .addr_field = TRACE_FIELD(" addr 0x"),
    .value_field = TRACE_FIELD(" value 0x"),
    .ptr_after = ptr_after_72,
    .ptr_prefix = ptr_prefix_72,
    .ptr_first_arg = ptr_first_arg_72,
    /* dma_blk_io starts a DMA request: its dbs is a new allocation. */
    .fresh = { .event = TRACE_FIELD("dma_blk_io "), .field = TRACE_FIELD("dbs=") },
    .renames = renames_72,
};

/* In ascending version order. A newer QEMU gets a row of its own when its
 * log differs: e.g. 10.0 names ide_exec_cmd ide_bus_exec_cmd, which is a
 * renames entry { .qemu = "ide_bus_exec_cmd", .golden = "ide_exec_cmd" }
 * in rules of its own, and golden_set names its goldens when they differ. */
static const struct qemu_profile profiles[] = {
    { .name = "7.2", .major = 7, .minor = 2, .golden_set = NULL, .trace = &trace_72 },
};
#define NPROFILES (sizeof(profiles) / sizeof(profiles[0]))

const struct qemu_profile *qemu_profile_baseline(void) { return &profiles[0]; }

const struct qemu_profile *qemu_profile_for(int major, int minor)
{
    const struct qemu_profile *p = &profiles[0];
    for (size_t i = 1; i < NPROFILES; i++)
        if (major > profiles[i].major || (major == profiles[i].major && minor >= profiles[i].minor))
            p = &profiles[i];
    return p;
}

const char *qemu_profile_event(const struct qemu_profile *p, const char *event)
{
    for (const struct trace_rename *r = p->trace->renames; r->qemu; r++)
        if (!strcmp(r->golden, event))
            return r->qemu;
    return event;
}
