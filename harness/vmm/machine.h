/* The machine every harness QEMU boots, beyond what a scenario says; the
 * bench's bare boot uses the same, so both boot the same machine. */
#ifndef MACHINE_H
#define MACHINE_H

#include "harness/lib/scenario.h"
#include "harness/lib/util.h"

/* QEMU's exit status when the kernel ends as `expect` says, indexed by
 * enum expect: pass 33, fail 35, crash 37 (isa-debug-exit), triple 0. */
extern const int machine_exit_status[4];

/* 1 when the standard VGA without its BIOS is to be added: the scenario's
 * QEMU words choose no display themselves, i.e. have no `-vga X`, and no
 * `-device D,...` or `-global D.prop=...` whose driver D is a display
 * (VGA, *-vga such as cirrus-vga or virtio-vga, bochs-display). Other
 * words are not looked into (a file name containing "vga" chooses nothing). */
int harness_vga_profile(const struct strv *qemu_words);

/* The QEMU command line: qemu, -machine, -bios for a firmware other than
 * SeaBIOS, -m 64, -kernel, -append `append`,
 * -display none, -no-reboot, isa-debug-exit and pc-testdev, a silent
 * -audiodev, the VGA profile, then `io` (the run's own serial, trace, QMP words), the disk
 * `image` as IDE index 0 (NULL: none), and last the scenario's qemu words. */
void machine_cmdline(struct strv *a, const struct scenario *s, const char *qemu, const char *kernel,
                  const char *append, const struct strv *io, const char *image);

#endif
