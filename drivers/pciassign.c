/* PCI resource assignment on bus 0: what SeaBIOS does before the kernel
 * runs, and qboot leaves undone (see drivers/pciassign.h). */
#include <stdint.h>
#include "drivers/pci.h"
#include "drivers/pciassign.h"
#include "kernel/console.h"
#include "lib/pcialloc.h"

/* Where unassigned BARs go: the windows SeaBIOS uses by default (its
 * config.h and pciinit.c). I/O from 0xc000, above every legacy ISA port;
 * memory from 0xe0000000, above this kernel's RAM and the q35's ECAM
 * (0xb0000000-0xbfffffff), up to the chipset's fixed range at 0xfec00000
 * (I/O APIC, HPET, local APIC; pc-testdev's trace device at 0xff000000). */
static const struct pcialloc_win windows[PCIALLOC_NKINDS] = {
    [PCIALLOC_IO] = { .base = 0xC000, .limit = 0xFFFF },
    [PCIALLOC_MEM] = { .base = 0xE0000000u, .limit = 0xFEBFFFFFu },
};

#define ASSIGN_MAX_FUNCS 32

/* Bus 0's functions with a type 0 header, and whether the firmware assigned
 * any of their BARs. */
static struct {
    struct pci_func f[ASSIGN_MAX_FUNCS];
    int n, overflow, firmware_assigned;
    struct pci_func bridge;     /* the first bridge on bus 0 */
    int nbridges;
} root;

static int bar_assigned(uint32_t v)
{
    return (v & PCI_BAR_IO) ? (v & PCI_BAR_IO_MASK) != 0 : (v & PCI_BAR_MEM_MASK) != 0;
}

static void collect(const struct pci_func *f, void *ctx)
{
    (void)ctx;
    if (f->bus != 0)
        return;
    if (pci_is_bridge(f)) {
        if (root.nbridges++ == 0)
            root.bridge = *f;
        return;
    }
    uint16_t cmd = pci_read16(f, PCI_REG_COMMAND);
    if (cmd & (PCI_COMMAND_IO | PCI_COMMAND_MEMORY))
        for (int i = 0; i < PCI_NBARS_NORMAL && !root.firmware_assigned; i++)
            root.firmware_assigned = bar_assigned(pci_read32(f, (uint8_t)PCI_REG_BAR(i)));
    if (root.n == ASSIGN_MAX_FUNCS)
        root.overflow = 1;
    else
        root.f[root.n++] = *f;
}

/* Which function and BAR each request is. */
static struct {
    uint8_t func, bar;
    enum pci_bar_kind kind;
    int prefetch;
} owner[PCIALLOC_MAX];

/* The requests of every implemented BAR the plan can place; count in *n. */
static int requests(struct pcialloc_req *req, int *n)
{
    *n = 0;
    for (int i = 0; i < root.n; i++) {
        struct pci_bar bars[PCI_NBARS_NORMAL];
        int nbars = pci_bars_probe(&root.f[i], bars);
        for (int b = 0; b < nbars; b++) {
            const struct pci_bar *bar = &bars[b];
            if (bar->kind == PCI_BAR_NONE || bar->kind == PCI_BAR_KIND_MEM1M ||
                bar->kind == PCI_BAR_KIND_MEM_TYPE3)
                continue;
            if (*n == PCIALLOC_MAX) {
                kprintf("pci: more than %d BARs on bus 0; nothing assigned\n", PCIALLOC_MAX);
                return -1;
            }
            req[*n] = (struct pcialloc_req){
                .kind = bar->kind == PCI_BAR_KIND_IO ? PCIALLOC_IO : PCIALLOC_MEM,
                .size = bar->size,
            };
            owner[*n].func = (uint8_t)i;
            owner[*n].bar = (uint8_t)b;
            owner[*n].kind = bar->kind;
            owner[*n].prefetch = bar->prefetch;
            (*n)++;
        }
    }
    return 0;
}

static void program(const struct pcialloc_req *r, int k)
{
    const struct pci_func *f = &root.f[owner[k].func];
    int bar = owner[k].bar, is64 = owner[k].kind == PCI_BAR_KIND_MEM64, io = r->kind == PCIALLOC_IO;
    /* The type and prefetch bits are read-only: writing the address keeps them. */
    pci_write32(f, (uint8_t)PCI_REG_BAR(bar), (uint32_t)r->addr);
    if (is64)
        pci_write32(f, (uint8_t)PCI_REG_BAR(bar + 1), (uint32_t)(r->addr >> 32));
    int width = io ? 4 : 8;
    kprintf("pci: %02x:%02x.%x BAR %d: assigned [%s 0x%0*x-0x%0*x%s%s]\n", f->bus, f->dev, f->fn,
            bar, io ? "io" : "mem", width, (uint32_t)r->addr, width, (uint32_t)(r->addr + r->size - 1),
            is64 ? " 64bit" : "", owner[k].prefetch ? " pref" : "");
}

int pci_assign_root(void)
{
    static int done;
    if (done)
        return 0;
    done = 1;
    pci_enumerate(collect, 0);
    if (root.firmware_assigned)
        return 0;
    if (root.overflow) {
        kprintf("pci: more than %d functions on bus 0; nothing assigned\n", ASSIGN_MAX_FUNCS);
        return -1;
    }
    static struct pcialloc_req req[PCIALLOC_MAX];
    int n;
    if (requests(req, &n) < 0)
        return -1;
    int rc = pcialloc_plan(req, n, windows);
    if (rc < 0) {
        int k = -1 - rc;
        const struct pci_func *f = &root.f[owner[k].func];
        char size[16];
        lspci_format_size(size, sizeof(size), req[k].size);
        kprintf("pci: %02x:%02x.%x BAR %u [size=%s] does not fit in the %s window "
                "0x%x-0x%x with the BARs before it; nothing assigned\n", f->bus, f->dev, f->fn,
                owner[k].bar, size, req[k].kind == PCIALLOC_IO ? "I/O" : "memory",
                (uint32_t)windows[req[k].kind].base, (uint32_t)windows[req[k].kind].limit);
        return -1;
    }
    for (int k = 0; k < n; k++)
        program(&req[k], k);
    if (root.nbridges)
        kprintf("pci: %02x:%02x.%x (the first of %d bridges on bus 0) and what is behind "
                "them left unassigned\n", root.bridge.bus, root.bridge.dev, root.bridge.fn,
                root.nbridges);
    return n;
}
