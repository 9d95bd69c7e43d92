/* lspci output formats, as pciutils prints them (show_terse, show_bases). */
#include "lib/lspci.h"
#include "lib/printf.h"

void pci_bar_decode(uint32_t orig_lo, uint32_t probe_lo, uint32_t orig_hi,
                    uint32_t probe_hi, struct pci_bar *bar)
{
    bar->prefetch = 0;
    bar->disabled = 0;
    if (orig_lo & PCI_BAR_IO) {
        uint32_t mask = probe_lo & PCI_BAR_IO_MASK;
        if (mask && !(mask & 0xFFFF0000u))
            mask |= 0xFFFF0000u;        /* a 16-bit decoder leaves the top clear */
        bar->kind = mask ? PCI_BAR_KIND_IO : PCI_BAR_NONE;
        bar->addr = orig_lo & PCI_BAR_IO_MASK;
        bar->size = mask ? (uint32_t)(~mask + 1) : 0;
        return;
    }
    uint64_t mask = probe_lo & PCI_BAR_MEM_MASK;
    bar->addr = orig_lo & PCI_BAR_MEM_MASK;
    switch (orig_lo & PCI_BAR_MEM_TYPE_MASK) {
    case PCI_BAR_MEM_TYPE_64:
        bar->kind = PCI_BAR_KIND_MEM64;
        mask |= (uint64_t)probe_hi << 32;
        bar->addr |= (uint64_t)orig_hi << 32;
        break;
    case PCI_BAR_MEM_TYPE_1M:
        bar->kind = PCI_BAR_KIND_MEM1M;
        mask |= 0xFFFFFFFF00000000ull;
        break;
    case PCI_BAR_MEM_TYPE_3:            /* sized as 32 bits, as lspci does */
        bar->kind = PCI_BAR_KIND_MEM_TYPE3;
        mask |= 0xFFFFFFFF00000000ull;
        break;
    default:
        bar->kind = PCI_BAR_KIND_MEM32;
        mask |= 0xFFFFFFFF00000000ull;
    }
    if ((mask & 0xFFFFFFFFull) == 0 && (bar->kind != PCI_BAR_KIND_MEM64 || probe_hi == 0)) {
        bar->kind = PCI_BAR_NONE;
        bar->size = 0;
        return;
    }
    bar->prefetch = (orig_lo & PCI_BAR_MEM_PREFETCH) != 0;
    bar->size = ~mask + 1;
}

int lspci_format_function(char *buf, size_t size, uint8_t bus, uint8_t dev, uint8_t fn,
                          uint8_t class, uint8_t subclass, uint16_t vendor,
                          uint16_t device, uint8_t revision)
{
    char rev[sizeof(" (rev ff)")] = "";
    if (revision)
        ksnprintf(rev, sizeof(rev), " (rev %02x)", revision);
    return ksnprintf(buf, size, "%02x:%02x.%x %02x%02x: %04x:%04x%s",
                     bus, dev, fn, class, subclass, vendor, device, rev);
}

int lspci_format_size(char *buf, size_t size, uint64_t bytes)
{
    static const char *const suffix[] = { "", "K", "M", "G", "T" };
    unsigned i = 0;
    while (i + 1 < sizeof(suffix) / sizeof(suffix[0]) && bytes && bytes % 1024 == 0) {
        bytes /= 1024;
        i++;
    }
    return ksnprintf(buf, size, "%u%s", (unsigned)bytes, suffix[i]);
}

static const char *lspci_mem_type(enum pci_bar_kind kind)
{
    switch (kind) {
    case PCI_BAR_KIND_MEM64: return "64-bit";
    case PCI_BAR_KIND_MEM1M: return "low-1M";
    case PCI_BAR_KIND_MEM_TYPE3: return "type 3";
    default: return "32-bit";
    }
}

int lspci_format_region(char *buf, size_t size, int index, const struct pci_bar *bar)
{
    char sz[16], at[24];
    lspci_format_size(sz, sizeof(sz), bar->size);
    const char *dis = bar->disabled ? " [disabled]" : "";
    int io = bar->kind == PCI_BAR_KIND_IO;
    /* lspci: a memory address 0 is unassigned; an I/O address 0 only when
     * I/O decoding is off too. */
    if (bar->addr || (io && !bar->disabled))
        ksnprintf(at, sizeof(at), io ? "%04llx" : "%08llx", (unsigned long long)bar->addr);
    else
        ksnprintf(at, sizeof(at), "<unassigned>");
    if (io)
        return ksnprintf(buf, size, "\tRegion %d: I/O ports at %s%s [size=%s]",
                         index, at, dis, sz);
    return ksnprintf(buf, size, "\tRegion %d: Memory at %s (%s, %sprefetchable)%s [size=%s]",
                     index, at, lspci_mem_type(bar->kind), bar->prefetch ? "" : "non-", dis, sz);
}

int lspci_format_bus(char *buf, size_t size, uint8_t primary, uint8_t secondary,
                     uint8_t subordinate, uint8_t sec_latency)
{
    return ksnprintf(buf, size, "\tBus: primary=%02x, secondary=%02x, subordinate=%02x, sec-latency=%u",
                     primary, secondary, subordinate, sec_latency);
}
