/* PCI bus walk through configuration mechanism #1. */
#include <stdint.h>
#include "console.h"
#include "io.h"
#include "pci.h"

static void pci_select(const struct pci_func *f, uint8_t off)
{
    outl(PCI_CONFIG_ADDRESS, PCI_ADDRESS(f->bus, f->dev, f->fn, off));
}

uint32_t pci_read32(const struct pci_func *f, uint8_t off)
{
    pci_select(f, off);
    return inl(PCI_CONFIG_DATA);
}

uint16_t pci_read16(const struct pci_func *f, uint8_t off)
{
    pci_select(f, off);
    return inw(PCI_CONFIG_DATA + (off & 2));
}

uint8_t pci_read8(const struct pci_func *f, uint8_t off)
{
    pci_select(f, off);
    return inb(PCI_CONFIG_DATA + (off & 3));
}

void pci_write32(const struct pci_func *f, uint8_t off, uint32_t v)
{
    pci_select(f, off);
    outl(PCI_CONFIG_DATA, v);
}

void pci_write16(const struct pci_func *f, uint8_t off, uint16_t v)
{
    pci_select(f, off);
    outw(PCI_CONFIG_DATA + (off & 2), v);
}

/* Fill *f from its header; 0 when a function answers, -1 for no function. */
static int pci_probe(struct pci_func *f)
{
    uint32_t id = pci_read32(f, PCI_REG_VENDOR_ID);
    if ((id & 0xFFFF) == 0xFFFF)
        return -1;
    f->vendor = id & 0xFFFF;
    f->device = id >> 16;
    uint32_t cls = pci_read32(f, PCI_REG_REVISION);
    f->revision = cls & 0xFF;
    f->prog_if = (cls >> 8) & 0xFF;
    f->subclass = (cls >> 16) & 0xFF;
    f->class = cls >> 24;
    f->header_type = pci_read8(f, PCI_REG_HEADER_TYPE);
    return 0;
}

struct walk {
    pci_visit_fn visit;
    void *ctx;
    int count;
    uint8_t seen[PCI_MAX_BUS / 8];      /* guards against bridge loops */
};

static void pci_walk_bus(struct walk *w, uint8_t bus);

static void pci_walk_function(struct walk *w, const struct pci_func *f)
{
    w->visit(f, w->ctx);
    w->count++;
    if ((f->header_type & PCI_HEADER_TYPE_MASK) != PCI_HEADER_BRIDGE)
        return;
    uint8_t secondary = pci_read8(f, PCI_REG_SECONDARY_BUS);
    if (secondary != 0)
        pci_walk_bus(w, secondary);
}

static void pci_walk_bus(struct walk *w, uint8_t bus)
{
    if (w->seen[bus / 8] & (1u << (bus % 8)))
        return;
    w->seen[bus / 8] |= (uint8_t)(1u << (bus % 8));
    for (uint8_t dev = 0; dev < PCI_MAX_DEV; dev++) {
        struct pci_func f = { .bus = bus, .dev = dev, .fn = 0 };
        if (pci_probe(&f) < 0)
            continue;
        pci_walk_function(w, &f);
        if (!(f.header_type & PCI_HEADER_MULTIFUNC))
            continue;
        for (uint8_t fn = 1; fn < PCI_MAX_FN; fn++) {
            struct pci_func g = { .bus = bus, .dev = dev, .fn = fn };
            if (pci_probe(&g) == 0)
                pci_walk_function(w, &g);
        }
    }
}

int pci_enumerate(pci_visit_fn visit, void *ctx)
{
    struct walk w = { .visit = visit, .ctx = ctx };
    pci_walk_bus(&w, 0);
    return w.count;
}

struct find {
    uint8_t class, subclass;
    int found;
    struct pci_func *out;
};

static void pci_find_visit(const struct pci_func *f, void *ctx)
{
    struct find *q = ctx;
    if (!q->found && f->class == q->class && f->subclass == q->subclass) {
        *q->out = *f;
        q->found = 1;
    }
}

int pci_find_class(uint8_t class, uint8_t subclass, struct pci_func *out)
{
    struct find q = { class, subclass, 0, out };
    pci_enumerate(pci_find_visit, &q);
    return q.found ? 0 : -1;
}

int pci_bar_probe(const struct pci_func *f, int index, struct pci_bar *bar)
{
    uint8_t reg = (uint8_t)(PCI_REG_BAR0 + 4 * index);
    int nbars = (f->header_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_BRIDGE
                ? PCI_NBARS_BRIDGE : PCI_NBARS_NORMAL;
    uint16_t cmd = pci_read16(f, PCI_REG_COMMAND);
    pci_write16(f, PCI_REG_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));

    uint32_t orig_lo = pci_read32(f, reg), orig_hi = 0, probe_hi = 0;
    pci_write32(f, reg, 0xFFFFFFFF);
    uint32_t probe_lo = pci_read32(f, reg);
    pci_write32(f, reg, orig_lo);
    int is_64 = !(orig_lo & PCI_BAR_IO) &&
                (orig_lo & PCI_BAR_MEM_TYPE_MASK) == PCI_BAR_MEM_TYPE_64 &&
                index + 1 < nbars;
    if (is_64) {
        orig_hi = pci_read32(f, (uint8_t)(reg + 4));
        pci_write32(f, (uint8_t)(reg + 4), 0xFFFFFFFF);
        probe_hi = pci_read32(f, (uint8_t)(reg + 4));
        pci_write32(f, (uint8_t)(reg + 4), orig_hi);
    }
    pci_write16(f, PCI_REG_COMMAND, cmd);

    pci_bar_decode(orig_lo, probe_lo, orig_hi, probe_hi, bar);
    bar->disabled = !(cmd & (bar->kind == PCI_BAR_KIND_IO ? PCI_COMMAND_IO : PCI_COMMAND_MEMORY));
    return is_64 ? 2 : 1;
}

static void pci_print_bars(const struct pci_func *f)
{
    char line[96];
    int nbars = (f->header_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_BRIDGE
                ? PCI_NBARS_BRIDGE : PCI_NBARS_NORMAL;
    for (int i = 0; i < nbars;) {
        struct pci_bar bar;
        int span = pci_bar_probe(f, i, &bar);
        if (bar.kind != PCI_BAR_NONE) {
            lspci_format_region(line, sizeof(line), i, &bar);
            kprintf("%s\n", line);
        }
        i += span;
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
    if ((f->header_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_BRIDGE) {
        uint32_t buses = pci_read32(f, PCI_REG_PRIMARY_BUS);
        lspci_format_bus(line, sizeof(line), buses & 0xFF, (buses >> 8) & 0xFF,
                         (buses >> 16) & 0xFF, buses >> 24);
        kprintf("%s\n", line);
    }
}

/* The listing is sorted by bus, device, function, as lspci sorts it; the
 * walk itself visits a bridge's secondary bus right after the bridge. */
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

int pci_list(int verbose)
{
    listing.n = listing.dropped = 0;
    pci_enumerate(pci_collect_visit, &listing);
    for (int i = 0; i < listing.n; i++)
        pci_print_function(&listing.funcs[i], verbose);
    if (listing.dropped)
        kprintf("pci: %d functions not listed (more than %d)\n", listing.dropped, PCI_LIST_MAX);
    return listing.n;
}
