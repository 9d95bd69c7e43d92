/* What a QEMU binary offers, learnt once per binary: its devices (`-device
 * help`), trace events (`-trace help`) and version (`-version`), which
 * picks its profile (profile.h). `-version` runs every time (a few ms); the
 * other answers are cached in a file keyed by the binary's path, size and
 * mtime and that version line, so each QEMU build is probed once, even
 * behind a wrapper script that stays the same. */
#ifndef HARNESS_VMM_PROBE_H
#define HARNESS_VMM_PROBE_H

#include "harness/lib/util.h"
#include "harness/vmm/profile.h"

struct qemu_caps {
    struct sbuf devices;    /* output of `QEMU -device help` */
    struct strv events;     /* names from `QEMU -trace help` */
    int major, minor;       /* from `QEMU -version`; 0.0 when unreadable */
    char version[32];       /* "10.0.2"; "unknown" when unreadable */
    char version_line[256]; /* its first line: "QEMU emulator version 10.0.2 (Debian ...)" */
    const struct qemu_profile *profile;     /* never NULL after a probe */
    int own_profile;        /* profile is this version's own row, not the nearest one */
};

/* Probe `qemu` (cached in `cache_file`; NULL: no cache). 0, or -1 with err
 * naming the binary and the fix; `choose_hint` ends the messages that
 * suggest another binary (how the user names one, e.g. an option). The
 * version is best effort: a QEMU that does not tell it gets the baseline
 * profile. */
int qemu_probe(const char *qemu, const char *cache_file, const char *choose_hint,
               struct qemu_caps *caps, char *err, size_t errlen);
int qemu_has_device(const struct qemu_caps *caps, const char *name);
/* Does any trace event of this QEMU match `glob`? */
int qemu_has_event(const struct qemu_caps *caps, const char *glob);

#endif
