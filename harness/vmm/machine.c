/* What every harness QEMU boots beyond the scenario; see machine.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/vmm/machine.h"

const int machine_exit_status[4] = {
    [EXPECT_PASS] = 33,     /* isa-debug-exit 0x10: (0x10 << 1) | 1 */
    [EXPECT_FAIL] = 35,     /* 0x11 */
    [EXPECT_CRASH] = 37,    /* 0x12: the kernel's exception handler */
    [EXPECT_TRIPLE] = 0,    /* a triple fault resets; -no-reboot makes QEMU exit 0 */
};

/* The machine's standard VGA without its BIOS: the VGA BIOS's mode set
 * writes VGA memory ~41,000 times before the kernel starts, each one a
 * memory_region_ops_write line (97% of the log, a third of the run time).
 * The tests read serial, not the screen; `make run` keeps the BIOS.
 * (`-vga std` is needed: any -global for VGA drops the default VGA.) */
static const char *const vga_args[] = { "-vga", "std", "-global", "VGA.romfile=", NULL };

/* A display device's QEMU name: VGA, *-vga (cirrus-vga, ati-vga,
 * virtio-vga, secondary-vga ...) or bochs-display; n bytes of name. */
static int display_driver(const char *name, size_t n)
{
    return (n == 3 && !memcmp(name, "VGA", 3)) || (n > 4 && !memcmp(name + n - 4, "-vga", 4)) ||
           (n == 13 && !memcmp(name, "bochs-display", 13));
}

int harness_vga_profile(const struct strv *w)
{
    for (int i = 0; i + 1 < w->n; i++) {
        const char *opt = w->v[i], *val = w->v[i + 1];
        if (!strcmp(opt, "-vga"))
            return 0;
        if (!strcmp(opt, "-device") && display_driver(val, strcspn(val, ",")))
            return 0;
        if (!strcmp(opt, "-global") && display_driver(val, strcspn(val, ".")))
            return 0;
    }
    return 1;
}

/* One silent audio backend. Without any -audiodev, QEMU 10.0 probes the
 * audio backends at every start by loading each module (pipewire, pa,
 * alsa, jack, oss, sdl, ...): measured 0.139 s against 0.104 s for a bare
 * boot with this, which is what 7.2 takes either way (0.10 s). The guest's
 * PC speaker, the only sound device, plays into it. */
static const char *const audio_args[] = { "-audiodev", "none,id=noaudio", NULL };

/* The firmware's ROM, which QEMU looks for in its data directory (-L);
 * NULL: QEMU's default, SeaBIOS (bios-256k.bin). qboot boots a -kernel in
 * about half of SeaBIOS's time (0.046 s against 0.086 s for a bare boot
 * here, 20 boots each), because it skips the option ROMs, the boot menu and the PCI
 * resource assignment: it numbers the buses, routes the interrupt lines and
 * builds the ACPI tables, but leaves every BAR at 0 and its function's
 * decoding off. Nor does it set the local APIC's LINT0 to ExtINT; the
 * kernel does (drivers/lapic.c). */
static const char *const firmware_rom[] = {
    [FIRMWARE_SEABIOS] = NULL,
    [FIRMWARE_QBOOT] = "qboot.rom",
};

static void push2(struct strv *a, const char *opt, const char *val)
{
    strv_push(a, opt);
    strv_push(a, val);
}

void machine_cmdline(struct strv *a, const struct scenario *s, const char *qemu, const char *kernel,
                  const char *append, const struct strv *io, const char *image)
{
    strv_push(a, qemu);
    push2(a, "-machine", s->machine);
    if (firmware_rom[s->firmware])
        push2(a, "-bios", firmware_rom[s->firmware]);
    push2(a, "-m", "64");
    push2(a, "-kernel", kernel);
    push2(a, "-append", append);
    push2(a, "-display", "none");
    strv_push(a, "-no-reboot");
    push2(a, "-device", "isa-debug-exit,iobase=0xf4,iosize=4");
    push2(a, "-device", "pc-testdev");
    for (int i = 0; audio_args[i]; i++)
        strv_push(a, audio_args[i]);
    if (harness_vga_profile(&s->qemu))
        for (int i = 0; vga_args[i]; i++)
            strv_push(a, vga_args[i]);
    for (int i = 0; i < io->n; i++)
        strv_push(a, io->v[i]);
    if (image) {
        size_t n = strlen(image) + sizeof("file=,format=raw,if=ide,index=4294967295");
        char *v = xmalloc(n);
        snprintf(v, n, "file=%s,format=raw,if=ide,index=%u", image, s->disk.index);
        push2(a, "-drive", v);
        free(v);
    }
    for (int i = 0; i < s->qemu.n; i++)
        strv_push(a, s->qemu.v[i]);
}
