/* The machine every harness QEMU boots, beyond what a scenario says. */
#ifndef MACHINE_H
#define MACHINE_H

#include "util.h"

/* QEMU words for the standard VGA without its BIOS, added unless the
 * scenario's own QEMU words choose a display (harness_vga_profile). The
 * bench's bare boot uses the same, so both boot the same machine. */
extern const char *const harness_vga_args[];
int harness_vga_profile(const struct strv *qemu_words);

#endif
