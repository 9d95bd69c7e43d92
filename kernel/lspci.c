/* lspci output formats, as pciutils prints them (show_terse, show_bases). */
#include "lspci.h"
#include "printf.h"

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
    int n = ksnprintf(buf, size, "%02x:%02x.%x %02x%02x: %04x:%04x",
                      bus, dev, fn, class, subclass, vendor, device);
    if (revision && n >= 0 && (size_t)n < size)
        n += ksnprintf(buf + n, size - (size_t)n, " (rev %02x)", revision);
    return n;
}

int lspci_format_size(char *buf, size_t size, uint64_t bytes)
{
    static const char *const suffix[] = { "", "K", "M", "G", "T" };
    unsigned i = 0;
    while (i < 4 && bytes && bytes % 1024 == 0) {
        bytes /= 1024;
        i++;
    }
    return ksnprintf(buf, size, "%u%s", (unsigned)bytes, suffix[i]);
}

int lspci_format_region(char *buf, size_t size, int index, const struct pci_bar *bar)
{
    char sz[16];
    lspci_format_size(sz, sizeof(sz), bar->size);
    const char *dis = bar->disabled ? " [disabled]" : "";
    if (bar->kind == PCI_BAR_KIND_IO) {
        if (bar->addr || !bar->disabled)
            return ksnprintf(buf, size, "\tRegion %d: I/O ports at %04llx%s [size=%s]",
                             index, (unsigned long long)bar->addr, dis, sz);
        return ksnprintf(buf, size, "\tRegion %d: I/O ports at <unassigned>%s [size=%s]",
                         index, dis, sz);
    }
    const char *type = bar->kind == PCI_BAR_KIND_MEM64 ? "64-bit"
                       : bar->kind == PCI_BAR_KIND_MEM1M ? "low-1M" : "32-bit";
    const char *pf = bar->prefetch ? "" : "non-";
    if (bar->addr)
        return ksnprintf(buf, size, "\tRegion %d: Memory at %08llx (%s, %sprefetchable)%s [size=%s]",
                         index, (unsigned long long)bar->addr, type, pf, dis, sz);
    return ksnprintf(buf, size, "\tRegion %d: Memory at <unassigned> (%s, %sprefetchable)%s [size=%s]",
                     index, type, pf, dis, sz);
}

int lspci_format_bus(char *buf, size_t size, uint8_t primary, uint8_t secondary,
                     uint8_t subordinate, uint8_t sec_latency)
{
    return ksnprintf(buf, size, "\tBus: primary=%02x, secondary=%02x, subordinate=%02x, sec-latency=%u",
                     primary, secondary, subordinate, sec_latency);
}
