/* --debug NAME: the scenario runs as the suite would run it (command line,
 * disk image, keys typed when the kernel asks), but QEMU starts paused with
 * its gdb stub waiting for a person's gdb, and there is no timeout. The
 * scenario's own break/watch lines become the printed gdb command's. */
#ifndef HARNESS_CLI_ATTACH_H
#define HARNESS_CLI_ATTACH_H

#include "harness/run/run.h"

/* Switch cfg to --debug for s: qemu-system-i386 for a qemu-system-x86_64
 * (its stub's layout is what gdb reads for an i386 ELF), cfg->attach set. */
void attach_prepare(struct config *cfg, struct scenario *s);

#endif
