/* The `pci` and `pci-v` words: list the PCI bus as `lspci -n` and
 * `lspci -nv` print it, sorted by bus, device, function as lspci sorts it
 * (the walk itself visits a bridge's secondary bus right after the bridge).
 * `pci-v` adds each function's Region lines (sizes from BAR sizing) and, for
 * bridges, the Bus line. */
#include <stdint.h>
#include "drivers/pci.h"
#include "kernel/console.h"
#include "lib/lspci.h"
#include "phases/pci.h"

/* Printed after pci_bars_probe() restored the command register: nothing but
 * configuration accesses happens while a function's decoding is off. */
static void pci_print_bars(const struct pci_func *f)
{
    char line[96];
    struct pci_bar bars[PCI_NBARS_NORMAL];
    int nbars = pci_bars_probe(f, bars);
    for (int i = 0; i < nbars; i++) {
        if (bars[i].kind != PCI_BAR_NONE) {
            lspci_format_region(line, sizeof(line), i, &bars[i]);
            kprintf("%s\n", line);
        }
    }
}

static void pci_print_function(const struct pci_func *f, int verbose)
{
    char line[96];
    lspci_format_function(line, sizeof(line), f->bus, f->dev, f->fn, f->class,
                          f->subclass, f->vendor, f->device, f->revision);
    kprintf("%s\n", line);
    if (!verbose)
        return;
    pci_print_bars(f);
    if (pci_is_bridge(f)) {
        uint32_t buses = pci_read32(f, PCI_REG_PRIMARY_BUS);
        lspci_format_bus(line, sizeof(line), PCI_CFG_BYTE(buses, PCI_REG_PRIMARY_BUS),
                         PCI_CFG_BYTE(buses, PCI_REG_SECONDARY_BUS),
                         PCI_CFG_BYTE(buses, PCI_REG_SUBORDINATE_BUS),
                         PCI_CFG_BYTE(buses, PCI_REG_SEC_LATENCY));
        kprintf("%s\n", line);
    }
}

#define PCI_LIST_MAX 256

struct pci_listing {
    struct pci_func funcs[PCI_LIST_MAX];
    int n;
    int dropped;
};

static struct pci_listing listing;

static uint32_t pci_sort_key(const struct pci_func *f)
{
    return (uint32_t)f->bus << 8 | (uint32_t)f->dev << 3 | f->fn;
}

static void pci_collect_visit(const struct pci_func *f, void *ctx)
{
    struct pci_listing *l = ctx;
    if (l->n == PCI_LIST_MAX) {
        l->dropped++;
        return;
    }
    int i = l->n++;
    for (; i > 0 && pci_sort_key(&l->funcs[i - 1]) > pci_sort_key(f); i--)
        l->funcs[i] = l->funcs[i - 1];
    l->funcs[i] = *f;
}

int pci_phase_collect(const struct pci_func **funcs)
{
    listing.n = listing.dropped = 0;
    pci_enumerate(pci_collect_visit, &listing);
    if (listing.dropped)
        kprintf("pci: %d functions not listed (more than %d)\n", listing.dropped, PCI_LIST_MAX);
    *funcs = listing.funcs;
    return listing.n;
}

int pci_phase_list(int verbose)
{
    listing.n = listing.dropped = 0;
    pci_enumerate(pci_collect_visit, &listing);
    for (int i = 0; i < listing.n; i++)
        pci_print_function(&listing.funcs[i], verbose);
    if (listing.dropped)
        kprintf("pci: %d functions not listed (more than %d)\n", listing.dropped, PCI_LIST_MAX);
    return listing.n;
}
