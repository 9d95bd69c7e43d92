#include <string.h>
#include "machine.h"

/* The machine's standard VGA without its BIOS: the VGA BIOS's mode set
 * writes VGA memory ~41,000 times before the kernel starts, each one a
 * memory_region_ops_write line (97% of the log, a third of the run time).
 * The tests read serial, not the screen; `make run` keeps the BIOS.
 * (`-vga std` is needed: any -global for VGA drops the default VGA.) */
const char *const harness_vga_args[] = { "-vga", "std", "-global", "VGA.romfile=", NULL };

int harness_vga_profile(const struct strv *qemu_words)
{
    for (int i = 0; i < qemu_words->n; i++) {
        const char *w = qemu_words->v[i];     /* -vga X, -device VGA, virtio-vga ... */
        if (strstr(w, "vga") || strstr(w, "VGA"))
            return 0;       /* the scenario chooses its display itself */
    }
    return 1;
}
