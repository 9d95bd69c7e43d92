/* PCI configuration space: `pci_cfg_read NAME BB:DD.F @0xOFF -> 0xVAL` and
 * `pci_cfg_write ... <- 0xVAL` (hw/pci/pci.c), named as the PCI Local Bus
 * Specification 3.0 and the PCI-to-PCI Bridge Architecture Specification
 * 1.2 name the header registers; class names as pciutils' pci.ids.
 *
 * The trace gives the offset and the value but not the access width: a
 * value wider than the register at that offset is read as the dword that
 * starts there (VENDOR_ID with DEVICE_ID, the class dword, the bridge's bus
 * numbers). Offsets 0x10-0x3f mean different registers in a type 0 and a
 * type 1 header: the header type read earlier from that function decides
 * (type 0 until one was seen). */
#include <string.h>
#include "harness/lib/decode/decode_parts.h"

enum { T0 = 1, T1 = 2, TALL = 3 };      /* header types a register exists in */

struct pci_op {
    struct decode_state *st;
    uint32_t bdf, off, val;
    int write, htype;
    struct sbuf *out;
};

static const struct dec_bit command_bits[] = {
    { 0x0001, "IO" },           /* I/O space enable */
    { 0x0002, "MEM" },          /* memory space enable */
    { 0x0004, "MASTER" },       /* bus master enable */
    { 0x0008, "SPECIAL" },      /* special cycles */
    { 0x0010, "MWI" },          /* memory write and invalidate */
    { 0x0020, "VGA-SNOOP" },    /* VGA palette snoop */
    { 0x0040, "PARITY" },       /* parity error response */
    { 0x0080, "STEPPING" },     /* IDSEL stepping / wait cycle control */
    { 0x0100, "SERR" },         /* SERR# enable */
    { 0x0200, "FAST-B2B" },     /* fast back-to-back enable */
    { 0x0400, "INTX-OFF" },     /* interrupt disable */
    { 0 },
};

static const struct dec_bit status_bits[] = {
    { 0x0008, "INTX" },         /* interrupt status */
    { 0x0010, "CAP-LIST" },     /* capabilities list */
    { 0x0020, "66MHZ" },
    { 0x0080, "FAST-B2B" },
    { 0x0100, "MASTER-PARITY-ERR" },
    { 0x0200, "DEVSEL-MEDIUM" },
    { 0x0400, "DEVSEL-SLOW" },
    { 0x0800, "SIG-TARGET-ABORT" },
    { 0x1000, "RCV-TARGET-ABORT" },
    { 0x2000, "RCV-MASTER-ABORT" },
    { 0x4000, "SIG-SYSTEM-ERR" },
    { 0x8000, "PARITY-ERR" },
    { 0 },
};

static const struct dec_name classes[] = {
    { 0x00, "unclassified" }, { 0x01, "mass storage" }, { 0x02, "network" },
    { 0x03, "display" }, { 0x04, "multimedia" }, { 0x05, "memory" }, { 0x06, "bridge" },
    { 0x07, "communication" }, { 0x08, "system peripheral" }, { 0x09, "input" },
    { 0x0c, "serial bus" }, { 0xff, "unassigned" }, { .name = NULL },
};

/* class << 8 | subclass */
static const struct dec_name subclasses[] = {
    { 0x0000, "non-VGA unclassified" }, { 0x0001, "VGA-compatible unclassified" },
    { 0x0100, "SCSI" }, { 0x0101, "IDE" }, { 0x0102, "floppy" }, { 0x0104, "RAID" },
    { 0x0105, "ATA" }, { 0x0106, "SATA" }, { 0x0108, "NVM" }, { 0x0180, "other storage" },
    { 0x0200, "Ethernet" }, { 0x0280, "other network" },
    { 0x0300, "VGA-compatible" }, { 0x0380, "other display" },
    { 0x0401, "audio" }, { 0x0403, "audio device" },
    { 0x0600, "host bridge" }, { 0x0601, "ISA bridge" }, { 0x0604, "PCI-to-PCI bridge" },
    { 0x0680, "other bridge" }, { 0x0700, "serial" }, { 0x0880, "other system peripheral" },
    { 0x0c03, "USB" }, { 0x0c05, "SMBus" }, { .name = NULL },
};

/* The header type of function bdf: the last one read, else type 0. */
static int htype_of(const struct decode_state *st, uint32_t bdf)
{
    for (int i = 0; i < st->npci; i++)
        if (st->pci[i].bdf == bdf)
            return st->pci[i].htype & 0x7f;
    return 0;
}

static void remember_htype(struct decode_state *st, uint32_t bdf, uint8_t h)
{
    int i = 0;
    while (i < st->npci && st->pci[i].bdf != bdf)
        i++;
    if (i == st->npci) {
        if (st->npci == DECODE_PCI_FUNCS)
            return;
        st->npci++;
    }
    st->pci[i].bdf = bdf;
    st->pci[i].htype = h;
}

/* The last value written at (bdf, off); 1 when there is one. */
static int last_write(const struct decode_state *st, uint32_t bdf, uint32_t off, uint32_t *v)
{
    for (int i = st->npciw; i-- > 0;)
        if (st->pciw[i].bdf == bdf && st->pciw[i].off == off) {
            *v = st->pciw[i].val;
            return 1;
        }
    return 0;
}

static void remember_write(struct decode_state *st, uint32_t bdf, uint32_t off, uint32_t v)
{
    if (st->npciw == DECODE_PCI_WRITES) {
        memmove(st->pciw, st->pciw + 1, sizeof(st->pciw[0]) * (DECODE_PCI_WRITES - 1));
        st->npciw--;
    }
    st->pciw[st->npciw].bdf = bdf;
    st->pciw[st->npciw].off = off;
    st->pciw[st->npciw].val = v;
    st->npciw++;
}

static const char *eq(const struct pci_op *o) { return o->write ? " <- " : " = "; }

/* A BAR size as lspci prints it: the largest of K, M, G that divides it. */
static void size_text(struct sbuf *out, uint64_t n)
{
    static const char units[] = "KMG";
    int u = -1;
    while (u < 2 && n >= 1024 && n % 1024 == 0)
        n /= 1024, u++;
    say(out, "size %llu%s%s", (unsigned long long)n, u >= 0 ? (char[]){ units[u], 0 } : "",
        u >= 0 ? "" : " bytes");
}

static void id_value(const struct pci_op *o)
{
    if (o->val == 0xffffffff)
        say(o->out, ": all ones, no function here");
    else if (o->val > 0xffff)
        say(o->out, " and DEVICE_ID: vendor %04x, device %04x", o->val & 0xffff, o->val >> 16);
    else
        say(o->out, ": %s %04x", o->off == 0 ? "vendor" : "device", o->val);
}

static void command_value(const struct pci_op *o)
{
    unsigned c = o->val & 0xffff;
    say(o->out, "%s0x%04x: ", eq(o), c);
    dec_bits(o->out, c, command_bits);
    if (!(c & 0x3))
        say(o->out, " (I/O and memory decoding off)");
    if (o->val > 0xffff) {
        say(o->out, "; STATUS = 0x%04x: ", o->val >> 16);
        dec_bits(o->out, o->val >> 16, status_bits);
    }
}

static void status_value(const struct pci_op *o)
{
    say(o->out, "%s0x%04x: ", eq(o), o->val & 0xffff);
    dec_bits(o->out, o->val & 0xffff, status_bits);
    if (o->write)
        say(o->out, " (write 1 to clear)");
}

static void class_names(struct sbuf *out, unsigned cls, unsigned sub)
{
    const char *c = dec_name(classes, cls), *s = dec_name(subclasses, cls << 8 | sub);
    say(out, "class %02x (%s), subclass %02x%s%s%s", cls, c ? c : "?", sub,
        s ? " (" : "", s ? s : "", s ? ")" : "");
}

static void class_value(const struct pci_op *o)
{
    uint32_t v = o->val;
    if (o->off == 0x08 && v > 0xff) {
        say(o->out, " and class code: ");
        class_names(o->out, v >> 24, v >> 16 & 0xff);
        say(o->out, ", prog-if %02x, revision %02x", v >> 8 & 0xff, v & 0xff);
    } else if (o->off == 0x0a && v > 0xff) {
        say(o->out, " and CLASS: ");
        class_names(o->out, v >> 8, v & 0xff);
    } else {
        say(o->out, " = 0x%02x", v);
    }
}

static void header_value(const struct pci_op *o)
{
    unsigned h = o->off == 0x0c ? o->val >> 16 & 0xff : o->val & 0xff;
    static const char *const kinds[] = { "type 0 (device)", "type 1 (PCI-to-PCI bridge)",
                                         "type 2 (CardBus bridge)" };
    if (!o->write && (o->off == 0x0e || o->val > 0xffff))
        remember_htype(o->st, o->bdf, (uint8_t)h);
    if (o->off == 0x0c)
        say(o->out, ": header type 0x%02x", h);
    else
        say(o->out, " = 0x%02x", h);
    say(o->out, ": %s, %s", (h & 0x7f) < 3 ? kinds[h & 0x7f] : "reserved type",
        h & 0x80 ? "multi-function" : "single-function");
}

/* A BAR (the BAR index n) or its read-back after all ones. */
static void bar_value(const struct pci_op *o, int n)
{
    uint32_t v = o->val, prev, lower;
    int upper = last_write(o->st, o->bdf, o->off - 4, &lower) && o->off > 0x10 &&
                !(lower & 1) && (lower & 6) == 4;
    if (o->write) {
        if (v == 0xffffffff)
            say(o->out, " <- all ones: sizing (read back which bits stick)");
        else if (upper)
            say(o->out, " <- 0x%08x: restore (upper 32 bits of BAR%d)", v, n - 1);
        else
            say(o->out, " <- 0x%08x: restore the saved value", v);
        remember_write(o->st, o->bdf, o->off, v);
        return;
    }
    int sizing = last_write(o->st, o->bdf, o->off, &prev) && prev == 0xffffffff;
    if (upper) {
        say(o->out, ": upper 32 bits of 64-bit BAR%d%s = 0x%08x", n - 1,
            sizing ? " read back" : "", v);
    } else if (sizing && v == 0) {
        say(o->out, " read back 0: not implemented");
    } else if (sizing && (v & 1)) {
        uint32_t m = v & 0xfffffffc;
        if (!(m >> 16))
            m |= 0xffff0000u;      /* a 16-bit I/O decoder */
        say(o->out, " read back 0x%08x: I/O, ", v);
        size_text(o->out, (uint32_t)(~m + 1));
    } else if (sizing) {
        uint32_t m = v & 0xfffffff0;
        say(o->out, " read back 0x%08x: memory, ", v);
        size_text(o->out, (uint32_t)(~m + 1));
        if ((v & 6) == 4)
            say(o->out, " if the upper half reads back all ones");
    } else if (v == 0) {
        say(o->out, " = 0: unassigned or not implemented");
    } else if (v & 1) {
        say(o->out, " = 0x%08x: I/O ports at 0x%x", v, v & 0xfffffffc);
    } else {
        static const char *const type[] = { "32-bit", "below 1M", "64-bit", "reserved type 3" };
        say(o->out, " = 0x%08x: memory at 0x%08x, %s, %sprefetchable", v, v & 0xfffffff0,
            type[v >> 1 & 3], v & 8 ? "" : "non-");
    }
}

static void bar_n(const struct pci_op *o) { bar_value(o, (int)(o->off - 0x10) / 4); }

static void bus_value(const struct pci_op *o)
{
    uint32_t v = o->val;
    if (o->off == 0x18 && v > 0xff)
        say(o->out, " and SECONDARY_BUS, SUBORDINATE_BUS, SEC_LATENCY: primary %02x, "
            "secondary %02x, subordinate %02x, sec-latency %u", v & 0xff, v >> 8 & 0xff,
            v >> 16 & 0xff, v >> 24);
    else
        say(o->out, " = 0x%02x", v & 0xff);
    if (o->off == 0x19 && v <= 0xff)
        say(o->out, ": bus %u behind the bridge", v);
}

static void plain_value(const struct pci_op *o) { say(o->out, "%s0x%x", eq(o), o->val); }

/* Registers by offset and header type (first match wins). */
static const struct pci_reg {
    uint8_t off, types;
    const char *name;
    void (*value)(const struct pci_op *o);
} regs[] = {
    { .off = 0x00, .types = TALL, .name = "VENDOR_ID", .value = id_value },
    { .off = 0x02, .types = TALL, .name = "DEVICE_ID", .value = id_value },
    { .off = 0x04, .types = TALL, .name = "COMMAND", .value = command_value },
    { .off = 0x06, .types = TALL, .name = "STATUS", .value = status_value },
    { .off = 0x08, .types = TALL, .name = "REVISION_ID", .value = class_value },
    { .off = 0x09, .types = TALL, .name = "PROG_IF", .value = class_value },
    { .off = 0x0a, .types = TALL, .name = "SUBCLASS", .value = class_value },
    { .off = 0x0b, .types = TALL, .name = "CLASS", .value = class_value },
    { .off = 0x0c, .types = TALL, .name = "CACHE_LINE_SIZE", .value = header_value },
    { .off = 0x0d, .types = TALL, .name = "LATENCY_TIMER", .value = plain_value },
    { .off = 0x0e, .types = TALL, .name = "HEADER_TYPE", .value = header_value },
    { .off = 0x0f, .types = TALL, .name = "BIST", .value = plain_value },
    { .off = 0x10, .types = TALL, .name = "BAR0", .value = bar_n },
    { .off = 0x14, .types = TALL, .name = "BAR1", .value = bar_n },
    { .off = 0x18, .types = T0, .name = "BAR2", .value = bar_n },
    { .off = 0x1c, .types = T0, .name = "BAR3", .value = bar_n },
    { .off = 0x20, .types = T0, .name = "BAR4", .value = bar_n },
    { .off = 0x24, .types = T0, .name = "BAR5", .value = bar_n },
    { .off = 0x28, .types = T0, .name = "CARDBUS_CIS", .value = plain_value },
    { .off = 0x2c, .types = T0, .name = "SUBSYSTEM_VENDOR_ID", .value = plain_value },
    { .off = 0x2e, .types = T0, .name = "SUBSYSTEM_ID", .value = plain_value },
    { .off = 0x30, .types = T0, .name = "ROM_ADDRESS", .value = plain_value },
    { .off = 0x18, .types = T1, .name = "PRIMARY_BUS", .value = bus_value },
    { .off = 0x19, .types = T1, .name = "SECONDARY_BUS", .value = bus_value },
    { .off = 0x1a, .types = T1, .name = "SUBORDINATE_BUS", .value = bus_value },
    { .off = 0x1b, .types = T1, .name = "SEC_LATENCY_TIMER", .value = bus_value },
    { .off = 0x1c, .types = T1, .name = "IO_BASE", .value = plain_value },
    { .off = 0x1d, .types = T1, .name = "IO_LIMIT", .value = plain_value },
    { .off = 0x1e, .types = T1, .name = "SEC_STATUS", .value = status_value },
    { .off = 0x20, .types = T1, .name = "MEMORY_BASE", .value = plain_value },
    { .off = 0x22, .types = T1, .name = "MEMORY_LIMIT", .value = plain_value },
    { .off = 0x24, .types = T1, .name = "PREF_MEMORY_BASE", .value = plain_value },
    { .off = 0x26, .types = T1, .name = "PREF_MEMORY_LIMIT", .value = plain_value },
    { .off = 0x28, .types = T1, .name = "PREF_BASE_UPPER32", .value = plain_value },
    { .off = 0x2c, .types = T1, .name = "PREF_LIMIT_UPPER32", .value = plain_value },
    { .off = 0x30, .types = T1, .name = "IO_BASE_UPPER16", .value = plain_value },
    { .off = 0x32, .types = T1, .name = "IO_LIMIT_UPPER16", .value = plain_value },
    { .off = 0x38, .types = T1, .name = "ROM_ADDRESS1", .value = plain_value },
    { .off = 0x3e, .types = T1, .name = "BRIDGE_CONTROL", .value = plain_value },
    { .off = 0x34, .types = TALL, .name = "CAP_PTR", .value = plain_value },
    { .off = 0x3c, .types = TALL, .name = "INTERRUPT_LINE", .value = plain_value },
    { .off = 0x3d, .types = TALL, .name = "INTERRUPT_PIN", .value = plain_value },
    { .off = 0x3e, .types = T0, .name = "MIN_GNT", .value = plain_value },
    { .off = 0x3f, .types = T0, .name = "MAX_LAT", .value = plain_value },
};

const char *decode_pci_register(unsigned off, int htype)
{
    for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
        if (regs[i].off == off && (regs[i].types & (htype == 1 ? T1 : T0)))
            return regs[i].name;
    return NULL;
}

/* "BB:DD.F" in the line: bus << 8 | dev << 3 | fn. */
static int parse_bdf(const struct dline *d, uint32_t *bdf)
{
    for (const char *p = d->args; p + 7 <= d->end; p++) {
        unsigned v[3] = { 0 }, k = 0;
        const char *q = p;
        static const char sep[] = ":. ";
        for (int f = 0; f < 3; f++) {
            int digits = 0;
            for (; q < d->end && digits < 2; q++, digits++) {
                unsigned c = (unsigned char)*q;
                if (c - '0' < 10) v[f] = v[f] << 4 | (c - '0');
                else if ((c | 32) - 'a' < 6) v[f] = v[f] << 4 | ((c | 32) - 'a' + 10);
                else break;
            }
            if (!digits || q >= d->end || *q != sep[f])
                break;
            q++;
            k++;
        }
        if (k == 3 && (p == d->args || p[-1] == ' ') && v[1] < 32 && v[2] < 8) {
            *bdf = v[0] << 8 | v[1] << 3 | v[2];
            return 1;
        }
    }
    return 0;
}

static enum decode_result cfg(struct decode_state *st, const struct dline *d, struct sbuf *out,
                              int write)
{
    uint64_t off, val;
    uint32_t bdf;
    if (!parse_bdf(d, &bdf) || !dec_num(d, "@0x", &off) ||
        !dec_num(d, write ? "<- 0x" : "-> 0x", &val) || off > 0xfff)
        return DECODE_MALFORMED;
    struct pci_op o = { .st = st, .bdf = bdf, .off = (uint32_t)off, .val = (uint32_t)val,
                        .write = write, .htype = htype_of(st, bdf), .out = out };
    const struct pci_reg *r = NULL;
    for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]) && !r; i++)
        if (regs[i].off == off && (regs[i].types & (o.htype == 1 ? T1 : T0)))
            r = &regs[i];
    if (!r) {
        if (write)
            remember_write(st, bdf, o.off, o.val);
        say(out, "%s %02x:%02x.%x config 0x%02x (%s) %s 0x%x", write ? "write" : "read",
            bdf >> 8, bdf >> 3 & 31, bdf & 7, o.off,
            off >= 0x40 ? "device-specific or capability" : "reserved", write ? "<-" : "=", o.val);
        return DECODE_OK;
    }
    if (!out) {                 /* state only */
        if (write)
            remember_write(st, bdf, o.off, o.val);
        else if (r->value == header_value)
            header_value(&o);
        return DECODE_OK;
    }
    say(out, "%s %02x:%02x.%x %s", write ? "write" : "read", bdf >> 8, bdf >> 3 & 31, bdf & 7,
        r->name);
    r->value(&o);               /* a BAR write remembers itself, after its decoding */
    if (write && r->value != bar_n)
        remember_write(st, bdf, o.off, o.val);
    return DECODE_OK;
}

static enum decode_result cfg_read(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    return cfg(st, d, out, 0);
}

static enum decode_result cfg_write(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    return cfg(st, d, out, 1);
}

void decode_pci_address(uint32_t a, struct sbuf *out)
{
    say(out, "CONFIG_ADDRESS = 0x%08x: %s, bus %02x, device %02x, function %x, offset 0x%02x",
        a, a & 0x80000000u ? "enabled" : "not enabled (the data port is not config space)",
        a >> 16 & 0xff, a >> 11 & 31, a >> 8 & 7, a & 0xfc);
}

const struct decode_event decode_pci_events[] = {
    { .name = "pci_cfg_read", .fn = cfg_read },
    { .name = "pci_cfg_write", .fn = cfg_write },
    { .name = NULL },
};
