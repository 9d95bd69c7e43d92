/* Kernel entry: bring up the core, then run the command-line words in order.
 *
 * Every phase is bracketed on the trace device by BEGIN and END markers; the
 * last marker is the kernel's own VERDICT. With `exit` the kernel then leaves
 * QEMU through isa-debug-exit (status 33 pass, 35 fail); a CPU exception
 * leaves with 37 (see debug_exit.h). */
#include <stdint.h>
#include "drivers/ata.h"
#include "lib/cmdline.h"
#include "kernel/console.h"
#include "drivers/debug_exit.h"
#include "phases/fault.h"
#include "kernel/io.h"
#include "phases/kbd.h"
#include "drivers/pci.h"
#include "phases/shell.h"
#include "drivers/tracedev.h"
#include "kernel/trap.h"

#define MULTIBOOT_LOADER_MAGIC  0x2BADB002u
#define MULTIBOOT_INFO_CMDLINE  0x004       /* flags bit: cmdline is valid */

struct multiboot_info {
    uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
};

static struct cmdline cl;

/* Run one phase word; returns 0 when it passed. */
static int run_word(const struct cmd *c)
{
    switch (c->kind) {
    case CMD_PCI:
    case CMD_PCI_V: {
        enum trace_phase ph = c->kind == CMD_PCI ? TRACE_PHASE_PCI : TRACE_PHASE_PCI_V;
        trace_begin(ph);
        int n = pci_list(c->kind == CMD_PCI_V);
        trace_end(ph, n > 0 ? 0 : 1);
        return n > 0 ? 0 : -1;
    }
    case CMD_FAULT:
        trace_begin(TRACE_PHASE_FAULT);
        fault_raise((enum fault_kind)c->a);
        kprintf("fault: the CPU did not fault\n");
        trace_end(TRACE_PHASE_FAULT, 1);
        return -1;
    case CMD_BAD:
        kprintf("cmdline: '%.*s': %s\n", (int)c->len, c->word, c->why);
        return -1;
    case CMD_DMA: {
        trace_begin(TRACE_PHASE_DMA);
        int err = ata_dma_word(c->a, c->b);
        trace_end(TRACE_PHASE_DMA, (unsigned)err);
        return err ? -1 : 0;
    }
    case CMD_KBD:
        return kbd_phase();
    case CMD_EXIT:
    case CMD_TRACE:
        return 0;
    }
    panic("run_word: unhandled word kind");
}

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
    kprintf("traceos: %d word%s\n", cl.ncmds, cl.ncmds == 1 ? "" : "s");
    tracedev_init(cl.trace_base);

    int failures = 0;
    for (int i = 0; i < cl.ncmds; i++)
        if (run_word(&cl.cmds[i]) != 0)
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
