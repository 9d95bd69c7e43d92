/* PCI configuration space access and the bus walk, through configuration
 * mechanism #1 (hw/pci.h). Returns what it finds; the pci phases print it. */
#include <stdint.h>
#include "kernel/io.h"
#include "drivers/pci.h"

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
    if (PCI_CFG_WORD(id, PCI_REG_VENDOR_ID) == PCI_VENDOR_NONE)
        return -1;
    f->vendor = PCI_CFG_WORD(id, PCI_REG_VENDOR_ID);
    f->device = PCI_CFG_WORD(id, PCI_REG_DEVICE_ID);
    uint32_t cls = pci_read32(f, PCI_REG_REVISION);
    f->revision = PCI_CFG_BYTE(cls, PCI_REG_REVISION);
    f->prog_if = PCI_CFG_BYTE(cls, PCI_REG_PROG_IF);
    f->subclass = PCI_CFG_BYTE(cls, PCI_REG_SUBCLASS);
    f->class = PCI_CFG_BYTE(cls, PCI_REG_CLASS);
    f->header_type = pci_read8(f, PCI_REG_HEADER_TYPE);
    return 0;
}

int pci_is_bridge(const struct pci_func *f)
{
    return (f->header_type & PCI_HEADER_TYPE_MASK) == PCI_HEADER_BRIDGE;
}

/* BAR registers in the header: a bridge has room for two only. */
static int pci_nbars(const struct pci_func *f)
{
    return pci_is_bridge(f) ? PCI_NBARS_BRIDGE : PCI_NBARS_NORMAL;
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
    if (!pci_is_bridge(f))
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

/* Write `ones` to BAR register `reg`, read back what sticks, restore it. */
static uint32_t pci_bar_size_mask(const struct pci_func *f, uint8_t reg, uint32_t ones,
                                  uint32_t orig)
{
    pci_write32(f, reg, ones);
    uint32_t probe = pci_read32(f, reg);
    pci_write32(f, reg, orig);
    return probe;
}

/* Size BAR `index` while decoding is off; returns the registers it spans
 * (2 for a 64-bit BAR). */
static int pci_bar_size(const struct pci_func *f, int index, struct pci_bar *bar)
{
    uint8_t reg = (uint8_t)PCI_REG_BAR(index);
    uint32_t orig_lo = pci_read32(f, reg), orig_hi = 0, probe_hi = 0;
    uint32_t probe_lo = pci_bar_size_mask(f, reg, PCI_BAR_PROBE_ALL_ONES, orig_lo);
    int is_64 = !(orig_lo & PCI_BAR_IO) &&
                (orig_lo & PCI_BAR_MEM_TYPE_MASK) == PCI_BAR_MEM_TYPE_64 &&
                index + 1 < pci_nbars(f);
    if (is_64) {
        uint8_t reg_hi = (uint8_t)PCI_REG_BAR(index + 1);
        orig_hi = pci_read32(f, reg_hi);
        probe_hi = pci_bar_size_mask(f, reg_hi, PCI_BAR_PROBE_ALL_ONES, orig_hi);
    }
    pci_bar_decode(orig_lo, probe_lo, orig_hi, probe_hi, bar);
    return is_64 ? 2 : 1;
}

int pci_bars_probe(const struct pci_func *f, struct pci_bar bars[PCI_NBARS_NORMAL])
{
    int nbars = pci_nbars(f);
    /* While a BAR holds all ones the device must not claim what it points at. */
    uint16_t cmd = pci_read16(f, PCI_REG_COMMAND);
    pci_write16(f, PCI_REG_COMMAND, cmd & ~(PCI_COMMAND_IO | PCI_COMMAND_MEMORY));
    for (int i = 0; i < nbars;) {
        int span = pci_bar_size(f, i, &bars[i]);
        if (span == 2)
            bars[i + 1].kind = PCI_BAR_NONE;
        i += span;
    }
    pci_write16(f, PCI_REG_COMMAND, cmd);

    for (int i = 0; i < nbars; i++)
        bars[i].disabled = !(cmd & (bars[i].kind == PCI_BAR_KIND_IO ? PCI_COMMAND_IO
                                                                     : PCI_COMMAND_MEMORY));
    return nbars;
}

void pci_read_header(const struct pci_func *f, uint8_t *buf, unsigned len)
{
    for (unsigned off = 0; off < len && off < PCI_CFG_SPACE_SIZE; off += 4) {
        uint32_t v = pci_read32(f, (uint8_t)off);
        for (unsigned i = 0; i < 4; i++)
            buf[off + i] = (uint8_t)(v >> 8 * i);
    }
}

int pci_rom_probe(const struct pci_func *f, uint32_t *size)
{
    uint8_t reg = pci_is_bridge(f) ? PCI_REG_ROM_BRIDGE : PCI_REG_ROM;
    uint32_t orig = pci_read32(f, reg);
    /* The enable bit stays 0 while the address bits hold all ones. */
    uint32_t probe = pci_bar_size_mask(f, reg, PCI_ROM_ADDR_MASK, orig) & PCI_ROM_ADDR_MASK;
    *size = probe ? ~probe + 1 : 0;
    return reg;
}
