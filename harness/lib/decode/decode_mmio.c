/* Port and MMIO accesses, `memory_region_ops_read` / `_write` (QEMU's
 * softmmu/memory.c): "cpu N mr P addr 0xA value 0xV size S name 'REGION'".
 * The region names are QEMU's (measured on -machine pc, QEMU 7.2); for the
 * devices TraceOS drives the register is named too. Other regions (the
 * firmware's) get their name and a short description. */
#include <string.h>
#include "harness/lib/decode/decode_parts.h"
#include "hw/acpi.h"
#include "hw/pci.h"
#include "hw/pcie.h"

struct mmio {
    struct decode_state *st;
    uint64_t addr, val;
    unsigned size;
    int write;
    struct sbuf *out;
};

static void trace_device(const struct mmio *m)
{
    unsigned off = (unsigned)(m->addr & 7);
    if (!m->write) {
        say(m->out, "trace device read at +0x%x = 0x%llx", off, (unsigned long long)m->val);
    } else if (off == 0) {
        say(m->out, "trace device MARK 0x%08llx: ", (unsigned long long)m->val);
        decode_marker_word((uint32_t)m->val, m->st->data, m->out);
    } else if (off == 4) {
        m->st->data = (uint32_t)m->val;
        say(m->out, "trace device DATA = 0x%08llx: the value of the next CHECK marker",
            (unsigned long long)m->val);
    } else {
        say(m->out, "trace device buffer +0x%x <- 0x%llx (not a register)", off,
            (unsigned long long)m->val);
    }
}

static void pci_index(const struct mmio *m)
{
    if (m->write && m->size == 4) {
        m->st->pci_address = (uint32_t)m->val;
        decode_pci_address((uint32_t)m->val, m->out);
    } else {
        say(m->out, "PCI CONFIG_ADDRESS port 0x%llx %s 0x%llx", (unsigned long long)m->addr,
            m->write ? "<-" : "=", (unsigned long long)m->val);
    }
}

static void pci_data(const struct mmio *m)
{
    uint32_t a = m->st->pci_address, off = (a & 0xfc) + (uint32_t)(m->addr & 3);
    const char *reg = decode_pci_register(off, 0);
    say(m->out, "PCI CONFIG_DATA %s, %u byte%s: %02x:%02x.%x config 0x%02x%s%s",
        m->write ? "write" : "read", m->size, m->size == 1 ? "" : "s", a >> 16 & 0xff,
        a >> 11 & 31, a >> 8 & 7, off, reg ? " " : "", reg ? reg : "");
    if (!m->write && m->val == 0xffffffffull && m->size == 4)
        say(m->out, " = all ones: no function there");
    else
        say(m->out, " %s 0x%llx", m->write ? "<-" : "=", (unsigned long long)m->val);
}

static void i8042_data(const struct mmio *m)
{
    unsigned v = (unsigned)m->val & 0xff;
    if (!m->write) {
        say(m->out, "i8042 DATA (port 0x60) read 0x%02x: ", v);
        if (m->st->translate == 0)
            say(m->out, "a set 2 byte or a controller answer");
        else
            decode_ps2_set1_byte(m->st, v, m->out);
    } else if (m->st->i8042_cmd == 0x60) {
        say(m->out, "i8042 DATA (port 0x60) <- 0x%02x: ", v);
        decode_i8042_config(v, m->out);
        m->st->i8042_cmd = -1;
    } else if (m->st->i8042_cmd == 0xd4) {
        say(m->out, "i8042 DATA (port 0x60) <- 0x%02x: a byte for the mouse", v);
        m->st->i8042_cmd = -1;
    } else {
        say(m->out, "i8042 DATA (port 0x60) <- 0x%02x: a byte for the keyboard", v);
    }
}

static void i8042_cmd(const struct mmio *m)
{
    unsigned v = (unsigned)m->val & 0xff;
    if (m->write) {
        m->st->i8042_cmd = (int)v;
        say(m->out, "i8042 COMMAND (port 0x64) <- ");
        decode_i8042_command(v, m->out);
    } else {
        say(m->out, "i8042 STATUS (port 0x64): ");
        decode_i8042_status(v, m->out);
    }
}

static void pic(const struct mmio *m)
{
    unsigned v = (unsigned)m->val & 0xff, port = (unsigned)m->addr;
    const char *which = port >= 0xa0 ? "slave" : "master";
    unsigned base = port >= 0xa0 ? 8 : 0;
    if ((port & 1) && m->write) {
        say(m->out, "8259 %s IMR <- 0x%02x: IRQs unmasked:", which, v);
        int any = 0;
        for (unsigned i = 0; i < 8; i++)
            if (!(v & 1u << i))
                say(m->out, " %u", base + i), any = 1;
        if (!any)
            say(m->out, " none");
    } else if (m->write && v == 0x20) {
        say(m->out, "8259 %s: end of interrupt (non-specific EOI)", which);
    } else {
        say(m->out, "8259 %s %s 0x%02x (%s)", which, m->write ? "<-" : "=", v,
            port & 1 ? "IMR" : m->write ? "ICW1/OCW" : "IRR/ISR");
    }
}

static void serial(const struct mmio *m)
{
    unsigned r = (unsigned)(m->addr & 7), v = (unsigned)m->val & 0xff;
    if (r == 0 && m->write)
        say(m->out, "COM1 THR <- 0x%02x: transmits %s%c%s", v, v >= 0x20 && v < 0x7f ? "'" : "",
            v >= 0x20 && v < 0x7f ? (char)v : ' ', v >= 0x20 && v < 0x7f ? "'" : "(a control byte)");
    else if (r == 5 && !m->write)
        say(m->out, "COM1 LSR = 0x%02x: %s%s%s", v, v & 0x20 ? "THRE (can send) " : "",
            v & 0x40 ? "TEMT " : "", v & 0x01 ? "DR (a byte arrived)" : "");
    else
        say(m->out, "COM1 register %u %s 0x%02x", r, m->write ? "<-" : "=", v);
}

static void ide(const struct mmio *m)
{
    decode_ide_port((unsigned)m->addr, (unsigned)m->val, m->write, m->out);
}

static void bmdma(const struct mmio *m)
{
    decode_bmdma_reg((unsigned)(m->addr & 0xf), (unsigned)m->val, m->write, m->out);
}

static void bmdma_prdt(const struct mmio *m)
{
    say(m->out, "bus-master PRD table address %s 0x%08llx", m->write ? "<-" : "=",
        (unsigned long long)m->val);
}

static void pit(const struct mmio *m)
{
    unsigned v = (unsigned)m->val & 0xff, r = (unsigned)(m->addr & 3);
    if (r == 3 && m->write && (v & 0xc0) == 0xc0)
        say(m->out, "8254 read-back command 0x%02x", v);
    else if (r == 3 && m->write)
        say(m->out, "8254 control word 0x%02x: channel %u, mode %u", v, v >> 6, v >> 1 & 7);
    else
        say(m->out, "8254 channel %u %s 0x%02x", r, m->write ? "<-" : "=", v);
}

static void debug_exit(const struct mmio *m)
{
    say(m->out, "isa-debug-exit <- 0x%llx: QEMU exits with status %llu", (unsigned long long)m->val,
        (unsigned long long)((m->val << 1) | 1));
}

static void vga_text(const struct mmio *m)
{
    unsigned v = (unsigned)m->val & 0xff;
    if (m->addr >= 0xb8000 && m->addr < 0xc0000) {
        unsigned cell = (unsigned)(m->addr - 0xb8000) / 2;
        if (m->addr & 1)
            say(m->out, "VGA text row %u column %u: attribute 0x%02x", cell / 80, cell % 80, v);
        else
            say(m->out, "VGA text row %u column %u: character 0x%02x", cell / 80, cell % 80, v);
    } else {
        say(m->out, "VGA memory 0x%llx %s 0x%x", (unsigned long long)m->addr, m->write ? "<-" : "=", v);
    }
}

/* ECAM, QEMU's `pcie-mmcfg-mmio` region on q35: the logged address is the
 * window's base + bus << 20 | device << 15 | function << 12 | offset. The
 * window is aligned to its size; 256 buses (QEMU's default PCIEXBAR, and the
 * most there can be) take 28 bits, so those bits of the address are read as
 * the function and offset. */
#define ECAM_WINDOW_MASK (((uint32_t)ECAM_BUS_MAX << ECAM_BUS_SHIFT) - 1)

static const struct dec_name ext_caps[] = {
    { .value = PCI_EXT_CAP_ID_AER, .name = "Advanced Error Reporting" },
    { .value = PCI_EXT_CAP_ID_DSN, .name = "Device Serial Number" },
    { .value = PCI_EXT_CAP_ID_ACS, .name = "Access Control Services" },
    { .value = PCI_EXT_CAP_ID_ARI, .name = "Alternative Routing-ID Interpretation" },
    { .value = PCI_EXT_CAP_ID_ATS, .name = "Address Translation Service" },
    { .value = PCI_EXT_CAP_ID_SRIOV, .name = "Single Root I/O Virtualization" },
    { .name = NULL },
};

static void ecam(const struct mmio *m)
{
    uint32_t a = (uint32_t)m->addr & ECAM_WINDOW_MASK, off = a & (PCI_CFG_SPACE_EXP_SIZE - 1);
    uint32_t v = (uint32_t)m->val;
    say(m->out, "ECAM %s, %u byte%s: %02x:%02x.%x config 0x%03x", m->write ? "write" : "read", m->size,
        m->size == 1 ? "" : "s", a >> ECAM_BUS_SHIFT, a >> ECAM_DEV_SHIFT & ECAM_DEV_MASK,
        a >> ECAM_FN_SHIFT & ECAM_FN_MASK, off);
    const char *reg = off < PCI_CFG_SPACE_SIZE ? decode_pci_register(off, 0) : NULL;
    if (reg)
        say(m->out, " %s", reg);
    if (!m->write && m->size == 4 && v == 0xffffffffu) {
        say(m->out, " = all ones: %s", off < PCI_CFG_SPACE_SIZE ? "no function there" : "no extended space there");
    } else if (!m->write && m->size == 4 && off == PCI_CFG_SPACE_SIZE) {
        const char *n = dec_name(ext_caps, PCIE_EXT_CAP_ID(v));
        say(m->out, " = 0x%08x: first extended capability: ID 0x%04x (%s), version %u, next at 0x%03x", v,
            PCIE_EXT_CAP_ID(v), n ? n : "not named here", PCIE_EXT_CAP_VER(v), PCIE_EXT_CAP_NEXT(v));
    } else {
        say(m->out, " %s 0x%x", m->write ? "<-" : "=", v);
    }
}

/* Regions by name: a decoder, or a description. */
static const struct region {
    const char *name;
    void (*fn)(const struct mmio *m);
    const char *what;
} regions[] = {
    { .name = "pc-testdev-iomem", .fn = trace_device },
    { .name = "pci-conf-idx", .fn = pci_index },
    { .name = "pci-conf-data", .fn = pci_data },
    { .name = "pcie-mmcfg-mmio", .fn = ecam },
    { .name = "i8042-data", .fn = i8042_data },
    { .name = "i8042-cmd", .fn = i8042_cmd },
    { .name = "pic", .fn = pic },
    { .name = "serial", .fn = serial },
    { .name = "ide", .fn = ide },
    { .name = "piix-bmdma", .fn = bmdma },
    { .name = "bmdma", .fn = bmdma_prdt },
    { .name = "pit", .fn = pit },
    { .name = "isa-debug-exit", .fn = debug_exit },
    { .name = "vga-lowmem", .fn = vga_text },
    { .name = "vga", .what = "VGA registers" },
    { .name = "acpi-tmr", .what = "ACPI PM timer" },
    { .name = "rtc-index", .what = "CMOS/RTC index" },
    { .name = "rtc", .what = "CMOS/RTC data" },
    { .name = "port92", .what = "system control port A (A20, reset)" },
    { .name = "fwcfg", .what = "QEMU firmware configuration" },
    { .name = "fwcfg.dma", .what = "QEMU firmware configuration DMA" },
    { .name = "apm-io", .what = "APM control" },
    { .name = "apic-msi", .what = "local APIC / MSI" },
    { .name = "kvmvapic", .what = "virtual APIC option ROM" },
    { .name = "dma-cont", .what = "ISA DMA controller" },
    { .name = "elcr", .what = "8259 edge/level control" },
    { .name = "parallel", .what = "parallel port" },
    { .name = "io", .what = "unclaimed I/O port" },
};

static enum decode_result ops(struct decode_state *st, const struct dline *d, struct sbuf *out,
                              int write)
{
    uint64_t addr, val, size;
    const char *name;
    size_t nn;
    if (!dec_num(d, "addr 0x", &addr) || !dec_num(d, "value 0x", &val) ||
        !dec_num(d, "size ", &size) || !dec_word(d, "name '", '\'', &name, &nn))
        return DECODE_MALFORMED;
    struct mmio m = { .st = st, .addr = addr, .val = val, .size = (unsigned)size, .write = write,
                      .out = out };
    for (size_t i = 0; i < sizeof(regions) / sizeof(regions[0]); i++)
        if (strlen(regions[i].name) == nn && !memcmp(regions[i].name, name, nn)) {
            if (regions[i].fn)
                regions[i].fn(&m);
            else
                say(out, "%s: %s 0x%llx %s 0x%llx", regions[i].what, write ? "write" : "read",
                    (unsigned long long)addr, write ? "<-" : "=", (unsigned long long)val);
            return DECODE_OK;
        }
    say(out, "%s of %llu byte(s) at 0x%llx in region '%.*s' (no register map for it)",
        write ? "write" : "read", (unsigned long long)size, (unsigned long long)addr, (int)nn, name);
    return DECODE_OK;
}

static enum decode_result ops_read(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    return ops(st, d, out, 0);
}

static enum decode_result ops_write(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    return ops(st, d, out, 1);
}

const struct decode_event decode_mmio_events[] = {
    { .name = "memory_region_ops_read", .fn = ops_read },
    { .name = "memory_region_ops_write", .fn = ops_write },
    { .name = NULL },
};
