/* One PCI function's configuration space as read from the hardware, and the
 * line sink the lspci formatters print into. Pure: no I/O. */
#ifndef LIB_PCICFG_H
#define LIB_PCICFG_H

#include <stddef.h>
#include <stdint.h>
#include "hw/pci.h"

struct pci_cfg {
    uint8_t bus, dev, fn;
    unsigned len;                   /* bytes read: 64, 256 or 4096 */
    uint8_t b[PCI_CFG_SPACE_EXP_SIZE];
};

/* Little-endian fields of the image; bytes past `len` read as 0xFF, as a
 * configuration read that no function answers. */
static inline uint8_t cfg8(const struct pci_cfg *c, unsigned off)
{
    return off < c->len ? c->b[off] : 0xFF;
}

static inline uint16_t cfg16(const struct pci_cfg *c, unsigned off)
{
    return (uint16_t)(cfg8(c, off) | cfg8(c, off + 1) << 8);
}

static inline uint32_t cfg32(const struct pci_cfg *c, unsigned off)
{
    return (uint32_t)cfg16(c, off) | (uint32_t)cfg16(c, off + 2) << 16;
}

/* Line sink: text is gathered with lo_printf and handed to `line` one line
 * at a time, without the newline. A line longer than the buffer is cut. */
struct lsout {
    void (*line)(void *ctx, const char *text);
    void *ctx;
    size_t n;
    char buf[160];
};

void lo_printf(struct lsout *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* lspci's flag notation: NAME followed by '+' when `on`, else '-'. */
static inline char lo_flag(uint32_t value, uint32_t bit)
{
    return (value & bit) ? '+' : '-';
}

/* A table of flags printed in order as " NAME+" or " NAME-". */
struct lo_bit {
    const char *name;
    uint32_t bit;
};
void lo_flags(struct lsout *o, uint32_t value, const struct lo_bit *bits, size_t n);
#define LO_FLAGS(o, value, table) lo_flags(o, value, table, sizeof(table) / sizeof(table[0]))

#endif
