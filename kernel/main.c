/* Kernel entry: bring up the core, then run the command-line words in order
 * (kernel/phases/phases.c).
 *
 * Every phase is bracketed on the trace device by BEGIN and END markers; the
 * last marker is the kernel's own VERDICT. With `exit` the kernel then leaves
 * QEMU through isa-debug-exit (status 33 pass, 35 fail); a CPU exception
 * leaves with 37 (see abi/exit.h). */
#include <stdint.h>
#include "abi/exit.h"
#include "drivers/blk.h"
#include "drivers/debug_exit.h"
#include "drivers/tracedev.h"
#include "kernel/console.h"
#include "kernel/io.h"
#include "kernel/trap.h"
#include "lib/cmdline.h"
#include "phases/phases.h"
#include "phases/shell.h"

#define MULTIBOOT_LOADER_MAGIC  0x2BADB002u
#define MULTIBOOT_INFO_CMDLINE  0x004       /* flags bit: cmdline is valid */

struct multiboot_info {
    uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
};

static struct cmdline cl;

void kmain(uint32_t magic, const struct multiboot_info *mbi);
void kmain(uint32_t magic, const struct multiboot_info *mbi)
{
    console_init();
    trap_init();
    if (magic != MULTIBOOT_LOADER_MAGIC) {
        kprintf("kmain: loaded with magic 0x%08x, not 0x%08x: boot through GRUB's "
                "multiboot or qemu -kernel\n", magic, MULTIBOOT_LOADER_MAGIC);
        panic("kmain: not loaded by a multiboot loader");
    }
    const char *line = (mbi->flags & MULTIBOOT_INFO_CMDLINE) ? (const char *)mbi->cmdline : 0;
    cmdline_parse(line, &cl);
    console_screen(!cl.vga_off);
    kprintf("traceos: %d word%s\n", cl.ncmds, cl.ncmds == 1 ? "" : "s");
    tracedev_init(cl.trace_base);
    blk_choose(cl.disk);

    int failures = 0;
    for (int i = 0; i < cl.ncmds; i++)
        if (phase_run(&cl.cmds[i]) != 0)
            failures++;
    if (cl.dropped) {
        kprintf("cmdline: %d words past the first %d were not run; split the command line\n",
                cl.dropped, CMDLINE_MAX_WORDS);
        failures++;
    }

    if (cl.nphases == 0 && !cl.has_exit) {
        shell_run();
        halt_forever();
    }
    kprintf("traceos: verdict %s (%d failed)\n", failures ? "fail" : "pass", failures);
    if (!cl.has_exit)
        kprintf("traceos: done; halted (add the word `exit` to leave QEMU)\n");
    /* VERDICT is the last thing the kernel does: the host may quit QEMU as
     * soon as it sees it, so every serial line must be out before. */
    trace_verdict(failures == 0);
    if (cl.has_exit)
        debug_exit(failures ? DEBUG_EXIT_FAIL : DEBUG_EXIT_PASS);
    halt_forever();
}
