/* lspci's hex dump (show_hex_dump): the bytes lspci has of a function. */
#include "lib/lspci.h"
#include "lib/pcidump.h"

void pcidump_format(const struct pci_cfg *c, struct lsout *o)
{
    char line[96];
    lspci_format_function(line, sizeof(line), c->bus, c->dev, c->fn, cfg8(c, PCI_REG_CLASS),
                          cfg8(c, PCI_REG_SUBCLASS), cfg16(c, PCI_REG_VENDOR_ID),
                          cfg16(c, PCI_REG_DEVICE_ID), cfg8(c, PCI_REG_REVISION));
    lo_printf(o, "%s\n", line);
    for (unsigned i = 0; i < c->len; i++) {
        if (i % 16 == 0)
            lo_printf(o, "%02x:", i);
        lo_printf(o, " %02x", c->b[i]);
        if (i % 16 == 15)
            lo_printf(o, "\n");
    }
    lo_printf(o, "\n");
}

unsigned pcidump_len(int level, unsigned avail)
{
    if (level >= 4)
        return avail;
    return level == 3 ? PCI_CFG_SPACE_SIZE : PCI_CFG_HEADER_SIZE;
}
