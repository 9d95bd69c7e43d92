/* The standard capability list as lspci -vv shows it (pciutils ls-caps.c,
 * show_caps): one decoder per capability ID, a generic line for the IDs
 * decoded nowhere. The walk is lib/pciwalk.c's, bounded. */
#include "hw/pcicap.h"
#include "hw/virtio.h"
#include "lib/pcicap_int.h"
#include "lib/pciwalk.h"

typedef void cap_fn(const struct pci_cfg *c, unsigned where, uint16_t flags, struct lsout *o);

static const struct lo_bit pm_flags[] = {
    { "PMEClk", PCI_PM_PMC_PME_CLOCK }, { "DSI", PCI_PM_PMC_DSI },
    { "D1", PCI_PM_PMC_D1 }, { "D2", PCI_PM_PMC_D2 },
};

static void cap_pm(const struct pci_cfg *c, unsigned where, uint16_t cap, struct lsout *o)
{
    static const unsigned aux_ma[8] = { 0, 55, 100, 160, 220, 270, 320, 375 };
    lo_printf(o, "Power Management version %u\n\t\tFlags:", cap & PCI_PM_PMC_VERSION);
    LO_FLAGS(o, cap, pm_flags);
    lo_printf(o, " AuxCurrent=%umA PME(D0%c,D1%c,D2%c,D3hot%c,D3cold%c)\n",
              aux_ma[(cap >> PCI_PM_PMC_AUX_SHIFT) & 7], lo_flag(cap, PCI_PM_PMC_PME_D0),
              lo_flag(cap, PCI_PM_PMC_PME_D1), lo_flag(cap, PCI_PM_PMC_PME_D2),
              lo_flag(cap, PCI_PM_PMC_PME_D3HOT), lo_flag(cap, PCI_PM_PMC_PME_D3COLD));
    uint16_t t = cfg16(c, where + PCI_PM_CTRL);
    lo_printf(o, "\t\tStatus: D%u NoSoftRst%c PME-Enable%c DSel=%u DScale=%u PME%c\n",
              t & PCI_PM_CTRL_STATE_MASK, lo_flag(t, PCI_PM_CTRL_NO_SOFT_RESET),
              lo_flag(t, PCI_PM_CTRL_PME_ENABLE), (t >> PCI_PM_CTRL_DATA_SEL_SHIFT) & 0xF,
              (t >> PCI_PM_CTRL_DATA_SCALE_SHIFT) & 3, lo_flag(t, PCI_PM_CTRL_PME_STATUS));
    uint8_t b = cfg8(c, where + PCI_PM_BRIDGE);
    if (b)
        lo_printf(o, "\t\tBridge: PM%c B3%c\n", lo_flag(b, PCI_PM_BRIDGE_BPCC),
                  lo_flag((uint8_t)~b, PCI_PM_BRIDGE_B2B3));
}

static void cap_msi(const struct pci_cfg *c, unsigned where, uint16_t cap, struct lsout *o)
{
    int is64 = (cap & PCI_MSI_FLAGS_64BIT) != 0;
    lo_printf(o, "MSI: Enable%c Count=%u/%u Maskable%c 64bit%c\n", lo_flag(cap, PCI_MSI_FLAGS_ENABLE),
              1u << ((cap & PCI_MSI_FLAGS_QSIZE) >> 4), 1u << ((cap & PCI_MSI_FLAGS_QMASK) >> 1),
              lo_flag(cap, PCI_MSI_FLAGS_MASKBIT), lo_flag(cap, PCI_MSI_FLAGS_64BIT));
    lo_printf(o, "\t\tAddress: ");
    if (is64)
        lo_printf(o, "%08x", cfg32(c, where + PCI_MSI_ADDRESS_HI));
    lo_printf(o, "%08x  Data: %04x\n", cfg32(c, where + PCI_MSI_ADDRESS_LO),
              cfg16(c, where + (is64 ? PCI_MSI_DATA_64 : PCI_MSI_DATA_32)));
    if (cap & PCI_MSI_FLAGS_MASKBIT)
        lo_printf(o, "\t\tMasking: %08x  Pending: %08x\n",
                  cfg32(c, where + (is64 ? PCI_MSI_MASK_64 : PCI_MSI_MASK_32)),
                  cfg32(c, where + (is64 ? PCI_MSI_PENDING_64 : PCI_MSI_PENDING_32)));
}

static void cap_msix(const struct pci_cfg *c, unsigned where, uint16_t cap, struct lsout *o)
{
    lo_printf(o, "MSI-X: Enable%c Count=%u Masked%c\n", lo_flag(cap, PCI_MSIX_FLAGS_ENABLE),
              (cap & PCI_MSIX_FLAGS_QSIZE) + 1u, lo_flag(cap, PCI_MSIX_FLAGS_MASKALL));
    uint32_t t = cfg32(c, where + PCI_MSIX_TABLE), p = cfg32(c, where + PCI_MSIX_PBA);
    lo_printf(o, "\t\tVector table: BAR=%u offset=%08x\n", t & PCI_MSIX_BIR_MASK, t & ~PCI_MSIX_BIR_MASK);
    lo_printf(o, "\t\tPBA: BAR=%u offset=%08x\n", p & PCI_MSIX_BIR_MASK, p & ~PCI_MSIX_BIR_MASK);
}

static void cap_slotid(const struct pci_cfg *c, unsigned where, uint16_t cap, struct lsout *o)
{
    (void)c;
    (void)where;
    uint8_t esr = (uint8_t)cap;
    lo_printf(o, "Slot ID: %u slots, First%c, chassis %02x\n", esr & PCI_SLOTID_ESR_NSLOTS,
              lo_flag(esr, PCI_SLOTID_ESR_FIC), cap >> 8);
}

static void cap_ssvid(const struct pci_cfg *c, unsigned where, uint16_t cap, struct lsout *o)
{
    (void)cap;
    lo_printf(o, "Subsystem: %04x:%04x\n", cfg16(c, where + PCI_SSVID_VENDOR),
              cfg16(c, where + PCI_SSVID_DEVICE));
}

static void cap_hotplug(const struct pci_cfg *c, unsigned where, uint16_t cap, struct lsout *o)
{
    (void)c;
    (void)where;
    (void)cap;
    lo_printf(o, "Hot-plug capable\n");
}

static void cap_sata(const struct pci_cfg *c, unsigned where, uint16_t cap, struct lsout *o)
{
    uint8_t rev = (uint8_t)cap;
    uint32_t bars = cfg32(c, where + PCI_SATA_BAR);
    unsigned loc = bars & PCI_SATA_BAR_LOC_MASK;
    lo_printf(o, "SATA HBA v%u.%u", rev >> 4, rev & 0xF);
    if (loc >= 4 && loc <= 9)   /* BAR0-BAR5 as locations 4-9 */
        lo_printf(o, " BAR%u Offset=%08x\n", loc - 4,
                  (bars >> PCI_SATA_BAR_OFF_SHIFT) & PCI_SATA_BAR_OFF_MASK);
    else if (loc == PCI_SATA_BAR_LOC_INLINE)
        lo_printf(o, " InCfgSpace\n");
    else
        lo_printf(o, " BAR??%u\n", loc);
}

/* virtio's structure locations; 0 when the capability is too short. */
static int vndr_virtio(const struct pci_cfg *c, unsigned where, uint16_t cap, struct lsout *o)
{
    static const char *const names[] = {
        [VIRTIO_PCI_CAP_COMMON_CFG] = "CommonCfg", [VIRTIO_PCI_CAP_NOTIFY_CFG] = "Notify",
        [VIRTIO_PCI_CAP_ISR_CFG] = "ISR", [VIRTIO_PCI_CAP_DEVICE_CFG] = "DeviceCfg",
    };
    unsigned len = cap & 0xFF, type = cap >> 8;
    if (len < VIRTIO_PCI_CAP_MIN_LEN)
        return 0;
    const char *name = type < sizeof(names) / sizeof(names[0]) && names[type] ? names[type] : "<unknown>";
    lo_printf(o, "VirtIO: %s\n\t\tBAR=%u offset=%08x size=%08x", name, cfg8(c, where + VIRTIO_PCI_CAP_BAR),
              cfg32(c, where + VIRTIO_PCI_CAP_OFFSET), cfg32(c, where + VIRTIO_PCI_CAP_LENGTH));
    if (type == VIRTIO_PCI_CAP_NOTIFY_CFG && len >= VIRTIO_PCI_NOTIFY_CAP_LEN)
        lo_printf(o, " multiplier=%08x", cfg32(c, where + VIRTIO_PCI_NOTIFY_MULT));
    lo_printf(o, "\n");
    return 1;
}

/* Vendor-specific layouts lspci knows, by vendor and device ID range. */
static const struct vndr_decoder {
    uint16_t vendor, dev_min, dev_max;
    int (*show)(const struct pci_cfg *c, unsigned where, uint16_t cap, struct lsout *o);
} vndr_decoders[] = {
    { .vendor = VIRTIO_PCI_VENDOR, .dev_min = VIRTIO_PCI_DEVICE_MIN,
      .dev_max = VIRTIO_PCI_DEVICE_MAX, .show = vndr_virtio },
};

static void cap_vndr(const struct pci_cfg *c, unsigned where, uint16_t cap, struct lsout *o)
{
    uint16_t ven = cfg16(c, PCI_REG_VENDOR_ID), dev = cfg16(c, PCI_REG_DEVICE_ID);
    lo_printf(o, "Vendor Specific Information: ");
    for (unsigned i = 0; i < sizeof(vndr_decoders) / sizeof(vndr_decoders[0]); i++) {
        const struct vndr_decoder *v = &vndr_decoders[i];
        if (v->vendor == ven && dev >= v->dev_min && dev <= v->dev_max && v->show(c, where, cap, o))
            return;
    }
    lo_printf(o, "Len=%02x <?>\n", cap & 0xFF);
}

static const struct cap_decoder {
    cap_fn *show;
    const char *line;           /* or a fixed line */
} decoders[256] = {
    [PCI_CAP_ID_NULL] = { .line = "Null" },
    [PCI_CAP_ID_PM] = { .show = cap_pm },
    [PCI_CAP_ID_SLOTID] = { .show = cap_slotid },
    [PCI_CAP_ID_MSI] = { .show = cap_msi },
    [PCI_CAP_ID_CHSWP] = { .line = "CompactPCI hot-swap <?>" },
    [PCI_CAP_ID_VNDR] = { .show = cap_vndr },
    [PCI_CAP_ID_CCRC] = { .line = "CompactPCI central resource control <?>" },
    [PCI_CAP_ID_HOTPLUG] = { .show = cap_hotplug },
    [PCI_CAP_ID_SSVID] = { .show = cap_ssvid },
    [PCI_CAP_ID_AGP3] = { .line = "AGP3 <?>" },
    [PCI_CAP_ID_SECURE] = { .line = "Secure device <?>" },
    [PCI_CAP_ID_MSIX] = { .show = cap_msix },
    [PCI_CAP_ID_SATA] = { .show = cap_sata },
};

void pcicap_show(const struct pci_cfg *c, struct lsout *o)
{
    struct pciwalk w;
    unsigned p;
    int ext = 0, type = -1;
    pciwalk_start(&w, c);
    while ((p = pciwalk_next(&w)) != 0) {
        uint8_t id = cfg8(c, p + PCI_CAP_ID);
        uint16_t flags = cfg16(c, p + PCI_CAP_FLAGS);
        lo_printf(o, "\tCapabilities: [%02x] ", p);
        if (id == PCI_CAP_ID_BROKEN) {
            lo_printf(o, "<chain broken>\n");
        } else if (id == PCI_CAP_ID_EXP) {
            type = pciexp_show(c, p, flags, o);
            ext = 1;
        } else if (decoders[id].show) {
            decoders[id].show(c, p, flags, o);
        } else if (decoders[id].line) {
            lo_printf(o, "%s\n", decoders[id].line);
        } else {
            /* lspci decodes some of these (AGP, VPD, PCI-X, HT, debug port,
             * AF, EA): not here; their IDs are printed as for an unknown one. */
            lo_printf(o, "Capability ID 0x%x [%04x]\n", id, flags);
            ext |= id == PCI_CAP_ID_PCIX;
        }
    }
    if (w.stop)
        lo_printf(o, "\tCapabilities: [%02x] <%s>\n", w.where, w.stop);
    if (ext)
        pciecap_show(c, type, o);
}
