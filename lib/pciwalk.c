/* Bounded capability-list walks (lib/pciwalk.h). */
#include <stddef.h>
#include "hw/pcicap.h"
#include "hw/pcie.h"
#include "lib/pciwalk.h"

static void walk_init(struct pciwalk *w, const struct pci_cfg *c, int ext, unsigned first)
{
    w->c = c;
    w->ext = ext;
    w->where = 0;
    w->next = first;
    w->count = 0;
    w->stop = NULL;
    for (size_t i = 0; i < sizeof(w->seen); i++)
        w->seen[i] = 0;
}

void pciwalk_start(struct pciwalk *w, const struct pci_cfg *c)
{
    unsigned first = 0;
    if (cfg16(c, PCI_REG_STATUS) & PCI_STATUS_CAP_LIST)
        first = cfg8(c, PCI_REG_CAP_PTR) & PCI_CAP_PTR_MASK;
    walk_init(w, c, 0, first);
}

void pciwalk_start_ext(struct pciwalk *w, const struct pci_cfg *c)
{
    uint32_t h = cfg32(c, PCI_CFG_SPACE_SIZE);
    walk_init(w, c, 1, c->len > PCI_CFG_SPACE_SIZE && h != 0 && h != 0xFFFFFFFFu ?
                       PCI_CFG_SPACE_SIZE : 0);
}

static int stop(struct pciwalk *w, const char *why)
{
    w->stop = why;
    w->next = 0;
    return 0;
}

unsigned pciwalk_next(struct pciwalk *w)
{
    unsigned p = w->next;
    if (!p)
        return 0;
    w->where = p;
    unsigned low = w->ext ? PCI_CFG_SPACE_SIZE : PCI_CAP_LIST_START;
    int max = w->ext ? PCIE_EXT_CAP_LIST_MAX : PCI_CAP_LIST_MAX;
    if (p < low)
        return stop(w, w->ext ? "pointer below 0x100" : "pointer below 0x40");
    if (p + 4 > w->c->len)
        return stop(w, "pointer past the configuration space read");
    if (w->count == max)
        return stop(w, w->ext ? "more than 480 entries" : "more than 48 entries");
    unsigned bit = p / 4;
    if (w->seen[bit / 8] & (1u << (bit % 8)))
        return stop(w, "chain looped");
    w->seen[bit / 8] |= (uint8_t)(1u << (bit % 8));
    w->count++;
    if (w->ext) {
        uint32_t h = cfg32(w->c, p);
        w->next = PCIE_EXT_CAP_NEXT(h);
        if (h == 0 || h == 0xFFFFFFFFu)
            return stop(w, NULL);
    } else {
        w->next = cfg8(w->c, p + PCI_CAP_NEXT) & PCI_CAP_PTR_MASK;
        if (cfg8(w->c, p + PCI_CAP_ID) == PCI_CAP_ID_BROKEN)
            w->next = 0;
    }
    return p;
}

unsigned pci_find_cap(const struct pci_cfg *c, uint8_t id)
{
    struct pciwalk w;
    unsigned p;
    pciwalk_start(&w, c);
    while ((p = pciwalk_next(&w)) != 0)
        if (cfg8(c, p + PCI_CAP_ID) == id)
            return p;
    return 0;
}

int pci_cfg_may_have_ext(const struct pci_cfg *c)
{
    if (cfg8(c, PCI_REG_CLASS) == PCI_CLASS_BRIDGE && cfg8(c, PCI_REG_SUBCLASS) == PCI_SUBCLASS_HOST)
        return 1;
    if (pci_find_cap(c, PCI_CAP_ID_EXP))
        return 1;
    unsigned x = pci_find_cap(c, PCI_CAP_ID_PCIX);
    return x && (cfg32(c, x + PCI_X_STATUS) & (PCI_X_STATUS_266MHZ | PCI_X_STATUS_533MHZ));
}
