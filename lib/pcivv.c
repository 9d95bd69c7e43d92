/* `lspci -n -vv` from a configuration space image: the header part
 * (show_terse, show_verbose, show_bases, show_rom, show_htype1 in
 * pciutils' lspci.c); the capabilities are lib/pcicap.c's. */
#include "hw/pcicap.h"
#include "lib/pciclass.h"
#include "lib/pciwalk.h"
#include "lib/pcivv.h"

static const char *devsel(uint16_t status)
{
    static const char *const names[] = {
        [PCI_STATUS_DEVSEL_FAST >> 9] = "fast",
        [PCI_STATUS_DEVSEL_MEDIUM >> 9] = "medium",
        [PCI_STATUS_DEVSEL_SLOW >> 9] = "slow",
        [3] = "??",
    };
    return names[(status & PCI_STATUS_DEVSEL_MASK) >> 9];
}

static const struct lo_bit control_bits[] = {
    { "I/O", PCI_COMMAND_IO }, { "Mem", PCI_COMMAND_MEMORY },
    { "BusMaster", PCI_COMMAND_MASTER }, { "SpecCycle", PCI_COMMAND_SPECIAL },
    { "MemWINV", PCI_COMMAND_INVALIDATE }, { "VGASnoop", PCI_COMMAND_VGA_PALETTE },
    { "ParErr", PCI_COMMAND_PARITY }, { "Stepping", PCI_COMMAND_WAIT },
    { "SERR", PCI_COMMAND_SERR }, { "FastB2B", PCI_COMMAND_FAST_BACK },
    { "DisINTx", PCI_COMMAND_INTX_DISABLE },
};
static const struct lo_bit status_bits_lo[] = {
    { "Cap", PCI_STATUS_CAP_LIST }, { "66MHz", PCI_STATUS_66MHZ },
    { "UDF", PCI_STATUS_UDF }, { "FastB2B", PCI_STATUS_FAST_BACK },
    { "ParErr", PCI_STATUS_PARITY },
};
static const struct lo_bit status_bits_hi[] = {
    { ">TAbort", PCI_STATUS_SIG_TARGET_ABORT }, { "<TAbort", PCI_STATUS_REC_TARGET_ABORT },
    { "<MAbort", PCI_STATUS_REC_MASTER_ABORT }, { ">SERR", PCI_STATUS_SIG_SYSTEM_ERROR },
    { "<PERR", PCI_STATUS_DETECTED_PARITY }, { "INTx", PCI_STATUS_INTX },
};
static const struct lo_bit sec_status_lo[] = {
    { "66MHz", PCI_STATUS_66MHZ }, { "FastB2B", PCI_STATUS_FAST_BACK },
    { "ParErr", PCI_STATUS_PARITY },
};
static const struct lo_bit sec_status_hi[] = {
    { ">TAbort", PCI_STATUS_SIG_TARGET_ABORT }, { "<TAbort", PCI_STATUS_REC_TARGET_ABORT },
    { "<MAbort", PCI_STATUS_REC_MASTER_ABORT }, { "<SERR", PCI_STATUS_SIG_SYSTEM_ERROR },
    { "<PERR", PCI_STATUS_DETECTED_PARITY },
};
static const struct lo_bit bridge_ctl_1[] = {
    { "Parity", PCI_BRIDGE_CTL_PARITY }, { "SERR", PCI_BRIDGE_CTL_SERR },
    { "NoISA", PCI_BRIDGE_CTL_NO_ISA }, { "VGA", PCI_BRIDGE_CTL_VGA },
    { "VGA16", PCI_BRIDGE_CTL_VGA16 }, { "MAbort", PCI_BRIDGE_CTL_MASTER_ABORT },
    { ">Reset", PCI_BRIDGE_CTL_BUS_RESET }, { "FastB2B", PCI_BRIDGE_CTL_FAST_BACK },
};
static const struct lo_bit bridge_ctl_2[] = {
    { "PriDiscTmr", PCI_BRIDGE_CTL_PRI_DISCARD }, { "SecDiscTmr", PCI_BRIDGE_CTL_SEC_DISCARD },
    { "DiscTmrStat", PCI_BRIDGE_CTL_DISCARD_STATUS }, { "DiscTmrSERREn", PCI_BRIDGE_CTL_DISCARD_SERR },
};

void lo_size(struct lsout *o, uint64_t bytes)
{
    char sz[24];
    if (!bytes)
        return;
    lspci_format_size(sz, sizeof(sz), bytes);
    lo_printf(o, " [size=%s]", sz);
}

static void show_function(const struct pci_cfg *c, struct lsout *o)
{
    char line[96];
    uint8_t progif = cfg8(c, PCI_REG_PROG_IF);
    lspci_format_function(line, sizeof(line), c->bus, c->dev, c->fn, cfg8(c, PCI_REG_CLASS),
                          cfg8(c, PCI_REG_SUBCLASS), cfg16(c, PCI_REG_VENDOR_ID),
                          cfg16(c, PCI_REG_DEVICE_ID), cfg8(c, PCI_REG_REVISION));
    const char *name = pci_progif_name(cfg8(c, PCI_REG_CLASS), cfg8(c, PCI_REG_SUBCLASS), progif);
    lo_printf(o, "%s", line);
    if (progif || name)
        lo_printf(o, " (prog-if %02x%s%s%s)", progif, name ? " [" : "", name ? name : "", name ? "]" : "");
    lo_printf(o, "\n");
}

/* The subsystem IDs: in the header of a type 0 function, in the SSVID
 * capability of a bridge. */
static void show_subsystem(const struct pci_cfg *c, int htype, struct lsout *o)
{
    uint16_t sv = 0, sd = 0;
    if (htype == PCI_HEADER_NORMAL) {
        sv = cfg16(c, PCI_REG_SUBSYS_VENDOR);
        sd = cfg16(c, PCI_REG_SUBSYS_ID);
    } else if (htype == PCI_HEADER_BRIDGE) {
        unsigned cap = pci_find_cap(c, PCI_CAP_ID_SSVID);
        if (cap) {
            sv = cfg16(c, cap + PCI_SSVID_VENDOR);
            sd = cfg16(c, cap + PCI_SSVID_DEVICE);
        }
    }
    if (sv && sv != 0xFFFF)
        lo_printf(o, "\tSubsystem: %04x:%04x\n", sv, sd);
}

static void show_control_status(const struct pci_cfg *c, struct lsout *o, int htype)
{
    uint16_t cmd = cfg16(c, PCI_REG_COMMAND), st = cfg16(c, PCI_REG_STATUS);
    lo_printf(o, "\tControl:");
    LO_FLAGS(o, cmd, control_bits);
    lo_printf(o, "\n\tStatus:");
    LO_FLAGS(o, st, status_bits_lo);
    lo_printf(o, " DEVSEL=%s", devsel(st));
    LO_FLAGS(o, st, status_bits_hi);
    lo_printf(o, "\n");
    if (cmd & PCI_COMMAND_MASTER) {
        uint8_t min_gnt = htype == PCI_HEADER_NORMAL ? cfg8(c, PCI_REG_MIN_GNT) : 0;
        uint8_t max_lat = htype == PCI_HEADER_NORMAL ? cfg8(c, PCI_REG_MAX_LAT) : 0;
        uint8_t cache = cfg8(c, PCI_REG_CACHE_LINE);
        lo_printf(o, "\tLatency: %u", cfg8(c, PCI_REG_LATENCY));
        if (min_gnt || max_lat) {
            lo_printf(o, " (");
            if (min_gnt)
                lo_printf(o, "%uns min", min_gnt * 250);
            if (min_gnt && max_lat)
                lo_printf(o, ", ");
            if (max_lat)
                lo_printf(o, "%uns max", max_lat * 250);
            lo_printf(o, ")");
        }
        if (cache)
            lo_printf(o, ", Cache Line Size: %u bytes", cache * 4);
        lo_printf(o, "\n");
    }
    uint8_t pin = cfg8(c, PCI_REG_INTERRUPT_PIN), irq = cfg8(c, PCI_REG_INTERRUPT_LINE);
    if (pin || irq)
        lo_printf(o, "\tInterrupt: pin %c routed to IRQ %u\n", pin ? 'A' + pin - 1 : '?', irq);
    uint8_t bist = cfg8(c, PCI_REG_BIST);
    if (bist & PCI_BIST_CAPABLE) {
        if (bist & PCI_BIST_START)
            lo_printf(o, "\tBIST is running\n");
        else
            lo_printf(o, "\tBIST result: %02x\n", bist & PCI_BIST_CODE_MASK);
    }
}

/* Region lines as pci-v prints them, with the sizes BAR sizing found. */
static void show_bars(const struct pcivv_sizes *sz, int n, struct lsout *o)
{
    char line[128];
    for (int i = 0; i < n && i < sz->nbars; i++) {
        if (sz->bars[i].kind == PCI_BAR_NONE)
            continue;
        lspci_format_region(line, sizeof(line), i, &sz->bars[i]);
        lo_printf(o, "%s\n", line);
    }
}

static void show_rom(const struct pci_cfg *c, unsigned reg, uint32_t size, struct lsout *o)
{
    uint32_t rom = cfg32(c, reg);
    if (rom == 0xFFFFFFFFu)
        rom = 0;
    if (!rom && !size)
        return;
    lo_printf(o, "\tExpansion ROM at ");
    if (rom & PCI_ROM_ADDR_MASK)
        lo_printf(o, "%08x", rom & PCI_ROM_ADDR_MASK);
    else
        lo_printf(o, "<unassigned>");
    if (!(rom & PCI_ROM_ENABLE))
        lo_printf(o, " [disabled]");
    else if (!(cfg16(c, PCI_REG_COMMAND) & PCI_COMMAND_MEMORY))
        lo_printf(o, " [disabled by cmd]");
    lo_size(o, size);
    lo_printf(o, "\n");
}

/* lspci's show_range: "PREFIX: base-limit [size=S] [N-bit]", [disabled]
 * when the limit is below the base. */
static void show_range(struct lsout *o, const char *prefix, uint64_t base, uint64_t limit, int bits)
{
    int digits = (bits + 3) / 4;
    lo_printf(o, "%s:", prefix);
    if (base <= limit) {
        lo_printf(o, " %0*llx-%0*llx", digits, (unsigned long long)base, digits,
                  (unsigned long long)limit);
        lo_size(o, limit - base + 1);
    } else {
        lo_printf(o, " [disabled]");
    }
    lo_printf(o, " [%d-bit]\n", bits);
}

static void show_windows(const struct pci_cfg *c, struct lsout *o)
{
    uint8_t iob = cfg8(c, PCI_REG_IO_BASE), iol = cfg8(c, PCI_REG_IO_LIMIT);
    unsigned iot = iob & PCI_IO_RANGE_TYPE_MASK;
    if (iot != (iol & PCI_IO_RANGE_TYPE_MASK) || (iot != PCI_IO_RANGE_TYPE_16 && iot != PCI_IO_RANGE_TYPE_32)) {
        lo_printf(o, "\t!!! Unknown I/O range types %x/%x\n", iob, iol);
    } else {
        uint32_t base = (uint32_t)(iob & PCI_IO_RANGE_MASK) << 8, limit = (uint32_t)(iol & PCI_IO_RANGE_MASK) << 8;
        if (iot == PCI_IO_RANGE_TYPE_32) {
            base |= (uint32_t)cfg16(c, PCI_REG_IO_BASE_UPPER) << 16;
            limit |= (uint32_t)cfg16(c, PCI_REG_IO_LIMIT_UPPER) << 16;
        }
        show_range(o, "\tI/O behind bridge", base, limit + 0xFFF, iot == PCI_IO_RANGE_TYPE_32 ? 32 : 16);
    }
    uint16_t mb = cfg16(c, PCI_REG_MEM_BASE), ml = cfg16(c, PCI_REG_MEM_LIMIT);
    if ((mb & PCI_MEM_RANGE_TYPE_MASK) != (ml & PCI_MEM_RANGE_TYPE_MASK) || (mb & PCI_MEM_RANGE_TYPE_MASK))
        lo_printf(o, "\t!!! Unknown memory range types %x/%x\n", mb, ml);
    else
        show_range(o, "\tMemory behind bridge", (uint32_t)(mb & PCI_MEM_RANGE_MASK) << 16,
                   ((uint32_t)(ml & PCI_MEM_RANGE_MASK) << 16) + 0xFFFFF, 32);
    uint16_t pb = cfg16(c, PCI_REG_PREF_BASE), pl = cfg16(c, PCI_REG_PREF_LIMIT);
    unsigned pt = pb & PCI_MEM_RANGE_TYPE_MASK;
    if (pt != (pl & PCI_MEM_RANGE_TYPE_MASK) || (pt != PCI_PREF_RANGE_TYPE_32 && pt != PCI_PREF_RANGE_TYPE_64)) {
        lo_printf(o, "\t!!! Unknown prefetchable memory range types %x/%x\n", pb, pl);
    } else {
        uint64_t base = (uint64_t)(pb & PCI_MEM_RANGE_MASK) << 16, limit = (uint64_t)(pl & PCI_MEM_RANGE_MASK) << 16;
        if (pt == PCI_PREF_RANGE_TYPE_64) {
            base |= (uint64_t)cfg32(c, PCI_REG_PREF_BASE_UPPER) << 32;
            limit |= (uint64_t)cfg32(c, PCI_REG_PREF_LIMIT_UPPER) << 32;
        }
        show_range(o, "\tPrefetchable memory behind bridge", base, limit + 0xFFFFF,
                   pt == PCI_PREF_RANGE_TYPE_64 ? 64 : 32);
    }
}

static void show_bridge(const struct pci_cfg *c, const struct pcivv_sizes *sz, struct lsout *o)
{
    show_bars(sz, PCI_NBARS_BRIDGE, o);
    lo_printf(o, "\tBus: primary=%02x, secondary=%02x, subordinate=%02x, sec-latency=%u\n",
              cfg8(c, PCI_REG_PRIMARY_BUS), cfg8(c, PCI_REG_SECONDARY_BUS),
              cfg8(c, PCI_REG_SUBORDINATE_BUS), cfg8(c, PCI_REG_SEC_LATENCY));
    show_windows(c, o);
    uint16_t ss = cfg16(c, PCI_REG_SEC_STATUS), brc = cfg16(c, PCI_REG_BRIDGE_CONTROL);
    lo_printf(o, "\tSecondary status:");
    LO_FLAGS(o, ss, sec_status_lo);
    lo_printf(o, " DEVSEL=%s", devsel(ss));
    LO_FLAGS(o, ss, sec_status_hi);
    lo_printf(o, "\n");
    show_rom(c, PCI_REG_ROM_BRIDGE, sz->rom_size, o);
    lo_printf(o, "\tBridgeCtl:");
    LO_FLAGS(o, brc, bridge_ctl_1);
    lo_printf(o, "\n\t\t");
    for (unsigned i = 0; i < sizeof(bridge_ctl_2) / sizeof(bridge_ctl_2[0]); i++)
        lo_printf(o, "%s%s%c", i ? " " : "", bridge_ctl_2[i].name, lo_flag(brc, bridge_ctl_2[i].bit));
    lo_printf(o, "\n");
}

void pcivv_format(const struct pci_cfg *c, const struct pcivv_sizes *sz, struct lsout *o)
{
    int htype = cfg8(c, PCI_REG_HEADER_TYPE) & PCI_HEADER_TYPE_MASK;
    int is_bridge_class = cfg8(c, PCI_REG_CLASS) == PCI_CLASS_BRIDGE;
    show_function(c, o);
    show_subsystem(c, htype, o);
    if (htype == PCI_HEADER_NORMAL && is_bridge_class && cfg8(c, PCI_REG_SUBCLASS) == PCI_SUBCLASS_PCI_BRIDGE)
        lo_printf(o, "\t!!! Invalid class %02x%02x for header type %02x\n", cfg8(c, PCI_REG_CLASS),
                  cfg8(c, PCI_REG_SUBCLASS), htype);
    if (htype == PCI_HEADER_BRIDGE && !is_bridge_class)
        lo_printf(o, "\t!!! Invalid class %02x%02x for header type %02x\n", cfg8(c, PCI_REG_CLASS),
                  cfg8(c, PCI_REG_SUBCLASS), htype);
    if (htype != PCI_HEADER_NORMAL && htype != PCI_HEADER_BRIDGE) {
        lo_printf(o, "\t!!! Header type %02x is not decoded here\n", htype);
    } else {
        show_control_status(c, o, htype);
        if (htype == PCI_HEADER_NORMAL) {
            show_bars(sz, PCI_NBARS_NORMAL, o);
            show_rom(c, PCI_REG_ROM, sz->rom_size, o);
        } else {
            show_bridge(c, sz, o);
        }
        pcicap_show(c, o);
    }
    lo_printf(o, "\n");
}
