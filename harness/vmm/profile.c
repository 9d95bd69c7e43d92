/* The QEMU version profiles; see profile.h. */
#include <stdlib.h>
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

/* The field rules of 7.2's format strings, with a version's renames. */
#define TRACE_RULES_72(renames_table) {                                             \
    .write_event = TRACE_FIELD("memory_region_ops_write"),                          \
    .addr_field = TRACE_FIELD(" addr 0x"),                                          \
    .value_field = TRACE_FIELD(" value 0x"),                                        \
    .region_field = TRACE_FIELD(" name '"),                                         \
    .ptr_after = ptr_after_72,                                                      \
    .ptr_prefix = ptr_prefix_72,                                                    \
    .ptr_first_arg = ptr_first_arg_72,                                              \
    /* dma_blk_io starts a DMA request: its dbs is a new allocation. */           \
    .fresh = { .event = TRACE_FIELD("dma_blk_io "), .field = TRACE_FIELD("dbs=") }, \
    .renames = renames_table,                                                       \
}

static const struct trace_rules trace_72 = TRACE_RULES_72(renames_72);

/* QEMU 10.0 (Debian 13's, and bookworm-backports'). The format strings of
 * every event family the scenarios use (pci_cfg_*, ide_*, bmdma_*,
 * dma_blk_*, ps2_*, memory_region_ops_write) are those of 7.2 but one:
 * ide_exec_cmd is called ide_bus_exec_cmd, with the same fields. So the
 * field rules are 7.2's, and the rename table below makes the scenarios
 * and goldens name the event once, as 7.2 does. */
static const struct trace_rename renames_100[] = {
    { .qemu = "ide_bus_exec_cmd", .golden = "ide_exec_cmd" },
    { 0 },
};

static const struct trace_rules trace_100 = TRACE_RULES_72(renames_100);

/* In ascending version order. A newer QEMU gets a row of its own when its
 * log differs (rules of its own: field names, masking, renames) or its
 * goldens do (golden_set: the directory of its overrides under expected/). */
static const struct qemu_profile profiles[] = {
    { .name = "7.2", .major = 7, .minor = 2, .golden_set = NULL, .trace = &trace_72 },
    { .name = "10.0", .major = 10, .minor = 0, .golden_set = "qemu-10.0", .trace = &trace_100 },
};
#define NPROFILES (sizeof(profiles) / sizeof(profiles[0]))

const struct qemu_profile *qemu_profile_baseline(void) { return &profiles[0]; }

/* A version as one number, for the distance between versions. */
static long version_key(int major, int minor) { return (long)major * 100 + minor; }

const struct qemu_profile *qemu_profile_for(int major, int minor)
{
    const struct qemu_profile *p = &profiles[0];
    if (major <= 0)
        return p;                           /* unreadable: the baseline */
    long want = version_key(major, minor), best = -1;
    for (size_t i = 0; i < NPROFILES; i++) {
        long d = labs(version_key(profiles[i].major, profiles[i].minor) - want);
        if (best < 0 || d < best)           /* ascending rows: a tie keeps the older */
            p = &profiles[i], best = d;
    }
    return p;
}

int qemu_profile_is_own(const struct qemu_profile *p, int major, int minor)
{
    return p->major == major && p->minor == minor;
}

const char *qemu_profile_event(const struct qemu_profile *p, const char *event)
{
    for (const struct trace_rename *r = p->trace->renames; r->qemu; r++)
        if (!strcmp(r->golden, event))
            return r->qemu;
    return event;
}
