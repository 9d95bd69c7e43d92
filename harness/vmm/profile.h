/* Per-QEMU-version profiles: what differs between QEMU versions in what the
 * harness asks for and reads back. The probe reads the version (`QEMU
 * -version`) and picks the profile; everything version-dependent is looked
 * up here, so a rule for a new QEMU version is a row in profile.c.
 *
 * A profile applies from its version up to the next row's: rows are in
 * ascending version order, and a QEMU older than the first row (or whose
 * version could not be read) gets the first row, the baseline that the
 * goldens under expected/ were recorded with. */
#ifndef HARNESS_VMM_PROFILE_H
#define HARNESS_VMM_PROFILE_H

#include "harness/lib/trace.h"

struct qemu_profile {
    const char *name;               /* "7.2" */
    int major, minor;               /* first QEMU version it applies to */
    /* The golden set (see golden_path): NULL for the baseline's goldens,
     * expected/NAME.trace and expected/NAME.serial. */
    const char *golden_set;
    /* The log's field names, masking rules and event renames (renames map
     * QEMU's event name to the golden name the scenarios use). */
    const struct trace_rules *trace;
};

/* The profile for QEMU major.minor (see above); never NULL. */
const struct qemu_profile *qemu_profile_for(int major, int minor);
/* The first row: the goldens' own QEMU, for callers that probe nothing
 * (the bench's normaliser figure, unit tests, fuzzers). */
const struct qemu_profile *qemu_profile_baseline(void);

/* The name under which this QEMU knows the scenario's event or glob: a
 * rename's QEMU name for an exact golden name, else `event` itself. */
const char *qemu_profile_event(const struct qemu_profile *p, const char *event);

#endif
