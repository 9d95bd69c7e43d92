/* The `pci-x`, `pci-xxx`, `pci-xxxx` and `pci-vv` words. Each reads every
 * function's configuration space into an image, offsets 0x00-0xFF by
 * mechanism #1 and, where the function has extended space, 0x100-0xFFF by
 * ECAM, and prints what lib/pcidump.c or lib/pcivv.c make of it. ECAM comes
 * from ACPI's MCFG table, cross-checked against the q35 MCH's PCIEXBAR. */
#include <stdint.h>
#include "drivers/acpi.h"
#include "drivers/ecam.h"
#include "drivers/pci.h"
#include "hw/q35.h"
#include "kernel/console.h"
#include "lib/pcidump.h"
#include "lib/pcivv.h"
#include "lib/pciwalk.h"
#include "phases/pci.h"
#include "phases/pcidump.h"

static struct pci_cfg image;

static void print_line(void *ctx, const char *text)
{
    (void)ctx;
    kprintf("%s\n", text);
}

/* The q35 MCH's own view of ECAM; 0 when 00:00.0 is not a q35 MCH. */
static void pciexbar_check(const struct pci_func *host, const struct acpi_ecam *e)
{
    if (host->vendor != Q35_MCH_VENDOR || host->device != Q35_MCH_DEVICE)
        return;
    uint32_t lo = pci_read32(host, Q35_MCH_PCIEXBAR), hi = pci_read32(host, Q35_MCH_PCIEXBAR + 4);
    static const unsigned buses[] = {
        [Q35_PCIEXBAR_LENGTH_256 >> 1] = 256, [Q35_PCIEXBAR_LENGTH_128 >> 1] = 128,
        [Q35_PCIEXBAR_LENGTH_64 >> 1] = 64, [3] = 0,
    };
    unsigned n = buses[(lo & Q35_PCIEXBAR_LENGTH_MASK) >> 1];
    uint64_t base = ((uint64_t)hi << 32 | lo) & ~(uint64_t)((n ? n : 1) * (1u << ECAM_BUS_SHIFT) - 1);
    int agree = (lo & Q35_PCIEXBAR_ENABLE) && n && e && base == e->base &&
                e->start_bus == 0 && e->end_bus == n - 1;
    kprintf("pci: MCH PCIEXBAR 0x%08x%08x: ECAM %s at 0x%08llx for %u buses: %s\n", hi, lo,
            (lo & Q35_PCIEXBAR_ENABLE) ? "on" : "off", (unsigned long long)base, n,
            !e ? "MCFG gave none" : agree ? "as MCFG says" : "MCFG says otherwise");
}

/* Find ECAM and say on serial which mechanism reaches which offsets. */
static void ecam_setup(const struct pci_func *funcs, int n)
{
    struct acpi_mcfg m;
    char why[128];
    const struct acpi_ecam *e = 0;
    ecam_set(0);
    if (acpi_mcfg_find(&m, why, sizeof(why)) < 0) {
        kprintf("%s\n", why);
    } else {
        e = &m.alloc[0];
        kprintf("acpi: RSDP at 0x%08llx (revision %u), %s at 0x%08llx, MCFG at 0x%08llx\n",
                (unsigned long long)m.rsdp, m.rsdp_revision, m.xsdt ? "XSDT" : "RSDT",
                (unsigned long long)m.root, (unsigned long long)m.table);
        kprintf("acpi: MCFG: ECAM at 0x%08llx, segment %u, buses %02x-%02x\n",
                (unsigned long long)e->base, e->segment, e->start_bus, e->end_bus);
    }
    if (n > 0 && funcs[0].bus == 0 && funcs[0].dev == 0 && funcs[0].fn == 0)
        pciexbar_check(&funcs[0], e);
    if (e && (e->segment != 0 || e->base >= (uint64_t)UINT32_MAX + 1 - (1u << ECAM_BUS_SHIFT))) {
        kprintf("pci: ECAM at 0x%08llx segment %u is out of reach: not used\n",
                (unsigned long long)e->base, e->segment);
        e = 0;
    }
    if (e) {
        struct ecam_window w = { .base = (uintptr_t)e->base, .start_bus = e->start_bus,
                                 .end_bus = e->end_bus };
        ecam_set(&w);
        kprintf("pci: offsets 0x00-0xff by mechanism #1 (ports 0xcf8/0xcfc), 0x100-0xfff by ECAM\n");
    } else {
        kprintf("pci: offsets 0x00-0xff by mechanism #1 (ports 0xcf8/0xcfc) only: no extended space\n");
    }
}

/* Read f into `image`: `want` bytes (64, 256, or 4096 where the function
 * has extended space). Returns 1 when ECAM was used. */
static int read_image(const struct pci_func *f, unsigned want)
{
    image.bus = f->bus;
    image.dev = f->dev;
    image.fn = f->fn;
    image.len = want < PCI_CFG_SPACE_SIZE ? want : PCI_CFG_SPACE_SIZE;
    pci_read_header(f, image.b, image.len);
    if (want <= PCI_CFG_SPACE_SIZE || !ecam_reaches(f) || !pci_cfg_may_have_ext(&image))
        return 0;
    /* Linux's test: a function without extended space reads all ones at 0x100. */
    uint32_t first = ecam_read32(f, PCI_CFG_SPACE_SIZE);
    if (first == 0xFFFFFFFFu)
        return 0;
    for (unsigned off = PCI_CFG_SPACE_SIZE; off < PCI_CFG_SPACE_EXP_SIZE; off += 4) {
        uint32_t v = off == PCI_CFG_SPACE_SIZE ? first : ecam_read32(f, off);
        for (unsigned i = 0; i < 4; i++)
            image.b[off + i] = (uint8_t)(v >> 8 * i);
    }
    image.len = PCI_CFG_SPACE_EXP_SIZE;
    return 1;
}

unsigned pcidump_phase(int level)
{
    const struct pci_func *funcs;
    int n = pci_phase_collect(&funcs), ext = 0;
    if (level >= 4)
        ecam_setup(funcs, n);
    unsigned want = pcidump_len(level, PCI_CFG_SPACE_EXP_SIZE);
    const char *xs = level >= 4 ? "xxxx" : level == 3 ? "xxx" : "x";
    kprintf("pci-%s: %d functions as lspci -n -%s prints them\n", xs, n, xs);
    struct lsout o = { .line = print_line };
    for (int i = 0; i < n; i++) {
        ext += read_image(&funcs[i], want);
        pcidump_format(&image, &o);
    }
    if (level >= 4)
        kprintf("pci-xxxx: extended space of %d functions read by ECAM\n", ext);
    return n > 0 ? 0 : 1;
}

unsigned pcivv_phase(void)
{
    const struct pci_func *funcs;
    int n = pci_phase_collect(&funcs), ext = 0;
    ecam_setup(funcs, n);
    kprintf("pci-vv: %d functions as lspci -n -vv prints them\n", n);
    struct lsout o = { .line = print_line };
    for (int i = 0; i < n; i++) {
        const struct pci_func *f = &funcs[i];
        ext += read_image(f, PCI_CFG_SPACE_EXP_SIZE);
        struct pcivv_sizes sz;
        sz.nbars = pci_bars_probe(f, sz.bars);
        pci_rom_probe(f, &sz.rom_size);
        pcivv_format(&image, &sz, &o);
    }
    kprintf("pci-vv: extended space of %d functions read by ECAM\n", ext);
    return n > 0 ? 0 : 1;
}
