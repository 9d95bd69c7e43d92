/* The table of phase words; see phases.h. */
#include "drivers/tracedev.h"
#include "kernel/console.h"
#include "phases/dma.h"
#include "phases/fault.h"
#include "phases/kbd.h"
#include "phases/pci.h"
#include "phases/pcidump.h"
#include "phases/phases.h"
#include "phases/shell.h"

struct phase {
    enum trace_phase phase;
    unsigned (*run)(const struct cmd *c);   /* the END status: 0 passed */
};

static unsigned run_pci(const struct cmd *c)
{
    return pci_phase_list(c->kind == CMD_PCI_V) > 0 ? 0 : 1;
}

static unsigned run_pcidump(const struct cmd *c)
{
    return pcidump_phase(c->kind == CMD_PCI_X ? 1 : c->kind == CMD_PCI_XXX ? 3 : 4);
}

static unsigned run_pcivv(const struct cmd *c)
{
    (void)c;
    return pcivv_phase();
}

static unsigned run_kbd(const struct cmd *c)
{
    (void)c;
    return kbd_phase();
}

static unsigned run_console(const struct cmd *c)
{
    (void)c;
    return console_phase();
}

static unsigned run_dma(const struct cmd *c)
{
    return (unsigned)dma_phase(c->a, c->b);
}

static unsigned run_fault(const struct cmd *c)
{
    return fault_phase((enum fault_kind)c->a);
}

static const struct phase phases[] = {
    [CMD_PCI] = { .phase = TRACE_PHASE_PCI, .run = run_pci },
    [CMD_PCI_V] = { .phase = TRACE_PHASE_PCI_V, .run = run_pci },
    [CMD_KBD] = { .phase = TRACE_PHASE_KBD, .run = run_kbd },
    [CMD_CONSOLE] = { .phase = TRACE_PHASE_CONSOLE, .run = run_console },
    [CMD_DMA] = { .phase = TRACE_PHASE_DMA, .run = run_dma },
    [CMD_FAULT] = { .phase = TRACE_PHASE_FAULT, .run = run_fault },
    [CMD_EXIT] = { .run = 0 },      /* not phases: exit is main's, trace=, disk= and vga= the parser's */
    [CMD_TRACE] = { .run = 0 },
    [CMD_DISK] = { .run = 0 },
    [CMD_VGA] = { .run = 0 },
    [CMD_BAD] = { .run = 0 },
    [CMD_PCI_X] = { .phase = TRACE_PHASE_PCI_X, .run = run_pcidump },
    [CMD_PCI_XXX] = { .phase = TRACE_PHASE_PCI_XXX, .run = run_pcidump },
    [CMD_PCI_XXXX] = { .phase = TRACE_PHASE_PCI_XXXX, .run = run_pcidump },
    [CMD_PCI_VV] = { .phase = TRACE_PHASE_PCI_VV, .run = run_pcivv },
};

int phase_run(const struct cmd *c)
{
    if (c->kind == CMD_BAD) {
        kprintf("cmdline: '%.*s': %s\n", (int)c->len, c->word, c->why);
        return -1;
    }
    if ((unsigned)c->kind >= sizeof(phases) / sizeof(phases[0]))
        panic("phase_run: word kind outside the phase table");
    const struct phase *p = &phases[c->kind];
    if (!p->run)
        return 0;
    trace_begin(p->phase);
    unsigned status = p->run(c);
    trace_end(p->phase, status);
    return status ? -1 : 0;
}
