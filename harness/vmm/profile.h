/* Per-QEMU-version profiles: what differs between QEMU versions in what the
 * harness asks for and reads back. The probe reads the version (`QEMU
 * -version`) and picks the profile; everything version-dependent is looked
 * up here, so a rule for a new QEMU version is a row in profile.c.
 *
 * A QEMU gets the row of its own major.minor; a version without a row gets
 * the nearest row by version number (major * 100 + minor; a tie goes to the
 * older row), and a version that could not be read gets the first row, the
 * baseline whose goldens are expected/NAME.*. */
#ifndef HARNESS_VMM_PROFILE_H
#define HARNESS_VMM_PROFILE_H

#include "harness/lib/trace.h"

struct qemu_profile {
    const char *name;               /* "7.2" */
    int major, minor;               /* first QEMU version it applies to */
    /* The golden set (see golden_path): NULL for the baseline's goldens,
     * expected/NAME.trace and expected/NAME.serial; another set holds only
     * overrides of the baseline's (expected/SET/NAME.trace, .serial). */
    const char *golden_set;
    /* The log's field names, masking rules and event renames (renames map
     * QEMU's event name to the golden name the scenarios use). */
    const struct trace_rules *trace;
};

/* The profile for QEMU major.minor (see above); never NULL. */
const struct qemu_profile *qemu_profile_for(int major, int minor);
/* Is p the row of QEMU major.minor itself (not the nearest one's)? */
int qemu_profile_is_own(const struct qemu_profile *p, int major, int minor);
/* The first row: the goldens' own QEMU, for callers that probe nothing
 * (the bench's normaliser figure, unit tests, fuzzers). */
const struct qemu_profile *qemu_profile_baseline(void);

/* The name under which this QEMU knows the scenario's event or glob: a
 * rename's QEMU name for an exact golden name, else `event` itself. */
const char *qemu_profile_event(const struct qemu_profile *p, const char *event);

#endif
