/* ECAM configuration reads (drivers/ecam.h). QEMU's q35 answers them from
 * its pcie-mmcfg-mmio region (hw/pci/pcie_host.c), synchronously. */
#include <stdint.h>
#include "hw/acpi.h"
#include "kernel/io.h"
#include "drivers/ecam.h"

static struct ecam_window window;
static int have_window;

void ecam_set(const struct ecam_window *w)
{
    have_window = w != 0;
    if (w)
        window = *w;
}

int ecam_reaches(const struct pci_func *f)
{
    return have_window && f->bus >= window.start_bus && f->bus <= window.end_bus;
}

uint32_t ecam_read32(const struct pci_func *f, unsigned off)
{
    uintptr_t a = window.base + ((uintptr_t)(f->bus - window.start_bus) << ECAM_BUS_SHIFT |
                                 (uintptr_t)f->dev << ECAM_DEV_SHIFT |
                                 (uintptr_t)f->fn << ECAM_FN_SHIFT | (off & 0xFFC));
    return mmio_read32(a);
}
