/* The PCI Express capability as lspci -vv shows it (pciutils ls-caps.c,
 * cap_express): the lines depend on the device/port type, so each block
 * below says for which types it is printed. */
#include "hw/pcie.h"
#include "lib/pcicap_int.h"

#define T(x) (1u << PCI_EXP_TYPE_##x)
#define IS(type, mask) (((1u << (type)) & (mask)) != 0)

static const char *const type_names[16] = {
    [PCI_EXP_TYPE_ENDPOINT] = "Endpoint",
    [PCI_EXP_TYPE_LEG_END] = "Legacy Endpoint",
    [PCI_EXP_TYPE_ROOT_PORT] = "Root Port",
    [PCI_EXP_TYPE_UPSTREAM] = "Upstream Port",
    [PCI_EXP_TYPE_DOWNSTREAM] = "Downstream Port",
    [PCI_EXP_TYPE_PCI_BRIDGE] = "PCI-Express to PCI/PCI-X Bridge",
    [PCI_EXP_TYPE_PCIE_BRIDGE] = "PCI/PCI-X to PCI-Express Bridge",
    [PCI_EXP_TYPE_ROOT_INT_EP] = "Root Complex Integrated Endpoint",
    [PCI_EXP_TYPE_ROOT_EC] = "Root Complex Event Collector",
};
#define SLOT_TYPES (T(ROOT_PORT) | T(DOWNSTREAM) | T(PCIE_BRIDGE))
#define NO_LINK_TYPES (T(ROOT_INT_EP) | T(ROOT_EC))

static const char *const l0s_lat[8] = { "<64ns", "<128ns", "<256ns", "<512ns", "<1us", "<2us", "<4us", "unlimited" };
static const char *const l1_lat[8] = { "<1us", "<2us", "<4us", "<8us", "<16us", "<32us", "<64us", "unlimited" };
static const char *const speeds[8] = { [1] = "2.5GT/s", [2] = "5GT/s", [3] = "8GT/s", [4] = "16GT/s",
                                       [5] = "32GT/s", [6] = "64GT/s" };

static const char *speed(unsigned s)
{
    return s < 8 && speeds[s] ? speeds[s] : "unknown";
}

/* value * 10^-scale watts, as printf's %g prints it. */
static void power(struct lsout *o, unsigned value, unsigned scale)
{
    if (scale == 0 && value == 0xFF) {
        lo_printf(o, ">600W");
        return;
    }
    if (scale == 0 && value >= 0xF0 && value <= 0xFE)
        value = 250 + 25 * (value - 0xF0);
    unsigned div = scale == 0 ? 1 : scale == 1 ? 10 : scale == 2 ? 100 : 1000;
    unsigned frac = value % div;
    lo_printf(o, "%u", value / div);
    if (frac) {
        int digits = scale;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        lo_printf(o, ".%0*u", digits, frac);
    }
    lo_printf(o, "W");
}

static void dev(const struct pci_cfg *c, unsigned w, int type, struct lsout *o)
{
    uint32_t t = cfg32(c, w + PCI_EXP_DEVCAP);
    int ep = IS(type, T(ENDPOINT) | T(LEG_END));
    lo_printf(o, "\t\tDevCap:\tMaxPayload %u bytes, PhantFunc %u", 128u << (t & PCI_EXP_DEVCAP_PAYLOAD),
              (1u << ((t & PCI_EXP_DEVCAP_PHANTOM) >> 3)) - 1);
    if (ep)
        lo_printf(o, ", Latency L0s %s, L1 %s", l0s_lat[(t & PCI_EXP_DEVCAP_L0S) >> 6],
                  l1_lat[(t & PCI_EXP_DEVCAP_L1) >> 9]);
    lo_printf(o, "\n\t\t\tExtTag%c", lo_flag(t, PCI_EXP_DEVCAP_EXT_TAG));
    if (IS(type, T(ENDPOINT) | T(LEG_END) | T(UPSTREAM) | T(PCI_BRIDGE)))
        lo_printf(o, " AttnBtn%c AttnInd%c PwrInd%c", lo_flag(t, PCI_EXP_DEVCAP_ATN_BUT),
                  lo_flag(t, PCI_EXP_DEVCAP_ATN_IND), lo_flag(t, PCI_EXP_DEVCAP_PWR_IND));
    lo_printf(o, " RBE%c", lo_flag(t, PCI_EXP_DEVCAP_RBE));
    int flr_types = IS(type, T(ENDPOINT) | T(LEG_END) | T(ROOT_INT_EP));
    if (flr_types)
        lo_printf(o, " FLReset%c", lo_flag(t, PCI_EXP_DEVCAP_FLRESET));
    if (IS(type, T(ENDPOINT) | T(UPSTREAM) | T(PCI_BRIDGE))) {
        lo_printf(o, " SlotPowerLimit ");
        power(o, (t & PCI_EXP_DEVCAP_PWR_VAL) >> 18, (t & PCI_EXP_DEVCAP_PWR_SCL) >> 26);
    }
    uint16_t x = cfg16(c, w + PCI_EXP_DEVCTL);
    lo_printf(o, "\n\t\tDevCtl:\tCorrErr%c NonFatalErr%c FatalErr%c UnsupReq%c\n",
              lo_flag(x, PCI_EXP_DEVCTL_CERE), lo_flag(x, PCI_EXP_DEVCTL_NFERE),
              lo_flag(x, PCI_EXP_DEVCTL_FERE), lo_flag(x, PCI_EXP_DEVCTL_URRE));
    lo_printf(o, "\t\t\tRlxdOrd%c ExtTag%c PhantFunc%c AuxPwr%c NoSnoop%c",
              lo_flag(x, PCI_EXP_DEVCTL_RELAXED), lo_flag(x, PCI_EXP_DEVCTL_EXT_TAG),
              lo_flag(x, PCI_EXP_DEVCTL_PHANTOM), lo_flag(x, PCI_EXP_DEVCTL_AUX_PME),
              lo_flag(x, PCI_EXP_DEVCTL_NOSNOOP));
    if (type == PCI_EXP_TYPE_PCI_BRIDGE)
        lo_printf(o, " BrConfRtry%c", lo_flag(x, PCI_EXP_DEVCTL_BCRE));
    if (flr_types && (t & PCI_EXP_DEVCAP_FLRESET))
        lo_printf(o, " FLReset%c", lo_flag(x, PCI_EXP_DEVCTL_FLRESET));
    lo_printf(o, "\n\t\t\tMaxPayload %u bytes, MaxReadReq %u bytes\n",
              128u << ((x & PCI_EXP_DEVCTL_PAYLOAD) >> 5), 128u << ((x & PCI_EXP_DEVCTL_READRQ) >> 12));
    x = cfg16(c, w + PCI_EXP_DEVSTA);
    lo_printf(o, "\t\tDevSta:\tCorrErr%c NonFatalErr%c FatalErr%c UnsupReq%c AuxPwr%c TransPend%c\n",
              lo_flag(x, PCI_EXP_DEVSTA_CED), lo_flag(x, PCI_EXP_DEVSTA_NFED),
              lo_flag(x, PCI_EXP_DEVSTA_FED), lo_flag(x, PCI_EXP_DEVSTA_URD),
              lo_flag(x, PCI_EXP_DEVSTA_AUXPD), lo_flag(x, PCI_EXP_DEVSTA_TRPND));
}

static const char *compare(int type, unsigned sta, unsigned cap)
{
    if (sta > cap)
        return " (overdriven)";
    if (sta == cap || IS(type, SLOT_TYPES))
        return "";
    return " (downgraded)";
}

static void link(const struct pci_cfg *c, unsigned w, int type, struct lsout *o)
{
    static const char *const aspm_sup[4] = { "not supported", "L0s", "L1", "L0s L1" };
    static const char *const aspm_en[4] = { "Disabled", "L0s Enabled", "L1 Enabled", "L0s L1 Enabled" };
    uint32_t t = cfg32(c, w + PCI_EXP_LNKCAP);
    unsigned aspm = (t & PCI_EXP_LNKCAP_ASPM) >> 10, cs = t & PCI_EXP_LNKCAP_SPEED;
    unsigned cw = (t & PCI_EXP_LNKCAP_WIDTH) >> 4;
    lo_printf(o, "\t\tLnkCap:\tPort #%u, Speed %s, Width x%u, ASPM %s", t >> PCI_EXP_LNKCAP_PORT_SHIFT,
              speed(cs), cw, aspm_sup[aspm]);
    if (aspm) {
        lo_printf(o, ", Exit Latency ");
        if (aspm & 1)
            lo_printf(o, "L0s %s", l0s_lat[(t & PCI_EXP_LNKCAP_L0S) >> 12]);
        if (aspm & 2)
            lo_printf(o, "%sL1 %s", (aspm & 1) ? ", " : "", l1_lat[(t & PCI_EXP_LNKCAP_L1) >> 15]);
    }
    lo_printf(o, "\n\t\t\tClockPM%c Surprise%c LLActRep%c BwNot%c ASPMOptComp%c\n",
              lo_flag(t, PCI_EXP_LNKCAP_CLOCKPM), lo_flag(t, PCI_EXP_LNKCAP_SURPRISE),
              lo_flag(t, PCI_EXP_LNKCAP_DLLA), lo_flag(t, PCI_EXP_LNKCAP_LBNC), lo_flag(t, PCI_EXP_LNKCAP_AOC));
    uint16_t x = cfg16(c, w + PCI_EXP_LNKCTL);
    lo_printf(o, "\t\tLnkCtl:\tASPM %s;", aspm_en[x & PCI_EXP_LNKCTL_ASPM]);
    if (IS(type, T(ROOT_PORT) | T(ENDPOINT) | T(LEG_END) | T(PCI_BRIDGE)))
        lo_printf(o, " RCB %u bytes,", (x & PCI_EXP_LNKCTL_RCB) ? 128 : 64);
    lo_printf(o, " Disabled%c CommClk%c\n\t\t\tExtSynch%c ClockPM%c AutWidDis%c BWInt%c AutBWInt%c\n",
              lo_flag(x, PCI_EXP_LNKCTL_DISABLE), lo_flag(x, PCI_EXP_LNKCTL_CLOCK),
              lo_flag(x, PCI_EXP_LNKCTL_XSYNCH), lo_flag(x, PCI_EXP_LNKCTL_CLOCKPM),
              lo_flag(x, PCI_EXP_LNKCTL_HWAUTWD), lo_flag(x, PCI_EXP_LNKCTL_BWMIE),
              lo_flag(x, PCI_EXP_LNKCTL_AUTBWIE));
    x = cfg16(c, w + PCI_EXP_LNKSTA);
    unsigned ss = x & PCI_EXP_LNKSTA_SPEED, sw = (x & PCI_EXP_LNKSTA_WIDTH) >> 4;
    lo_printf(o, "\t\tLnkSta:\tSpeed %s%s, Width x%u%s\n", speed(ss), compare(type, ss, cs), sw,
              compare(type, sw, cw));
    lo_printf(o, "\t\t\tTrErr%c Train%c SlotClk%c DLActive%c BWMgmt%c ABWMgmt%c\n",
              lo_flag(x, PCI_EXP_LNKSTA_TR_ERR), lo_flag(x, PCI_EXP_LNKSTA_TRAIN),
              lo_flag(x, PCI_EXP_LNKSTA_SL_CLK), lo_flag(x, PCI_EXP_LNKSTA_DL_ACT),
              lo_flag(x, PCI_EXP_LNKSTA_BWMGMT), lo_flag(x, PCI_EXP_LNKSTA_AUTBW));
}

static void slot(const struct pci_cfg *c, unsigned w, struct lsout *o)
{
    static const char *const ind[4] = { "Unknown", "On", "Blink", "Off" };
    uint32_t t = cfg32(c, w + PCI_EXP_SLTCAP);
    lo_printf(o, "\t\tSltCap:\tAttnBtn%c PwrCtrl%c MRL%c AttnInd%c PwrInd%c HotPlug%c Surprise%c\n",
              lo_flag(t, PCI_EXP_SLTCAP_ATNB), lo_flag(t, PCI_EXP_SLTCAP_PWRC), lo_flag(t, PCI_EXP_SLTCAP_MRL),
              lo_flag(t, PCI_EXP_SLTCAP_ATNI), lo_flag(t, PCI_EXP_SLTCAP_PWRI), lo_flag(t, PCI_EXP_SLTCAP_HPC),
              lo_flag(t, PCI_EXP_SLTCAP_HPS));
    lo_printf(o, "\t\t\tSlot #%u, PowerLimit ", t >> PCI_EXP_SLTCAP_PSN_SHIFT);
    power(o, (t & PCI_EXP_SLTCAP_PWR_VAL) >> 7, (t & PCI_EXP_SLTCAP_PWR_SCL) >> 15);
    lo_printf(o, "; Interlock%c NoCompl%c\n", lo_flag(t, PCI_EXP_SLTCAP_INTERLOCK),
              lo_flag(t, PCI_EXP_SLTCAP_NOCMDCOMP));
    uint16_t x = cfg16(c, w + PCI_EXP_SLTCTL);
    lo_printf(o, "\t\tSltCtl:\tEnable: AttnBtn%c PwrFlt%c MRL%c PresDet%c CmdCplt%c HPIrq%c LinkChg%c\n",
              lo_flag(x, PCI_EXP_SLTCTL_ATNB), lo_flag(x, PCI_EXP_SLTCTL_PWRF), lo_flag(x, PCI_EXP_SLTCTL_MRLS),
              lo_flag(x, PCI_EXP_SLTCTL_PRSD), lo_flag(x, PCI_EXP_SLTCTL_CMDC), lo_flag(x, PCI_EXP_SLTCTL_HPIE),
              lo_flag(x, PCI_EXP_SLTCTL_LLCHG));
    lo_printf(o, "\t\t\tControl: AttnInd %s, PwrInd %s, Power%c Interlock%c\n",
              ind[(x & PCI_EXP_SLTCTL_ATNI) >> 6], ind[(x & PCI_EXP_SLTCTL_PWRI) >> 8],
              lo_flag(x, PCI_EXP_SLTCTL_PWRC), lo_flag(x, PCI_EXP_SLTCTL_INTERLOCK));
    x = cfg16(c, w + PCI_EXP_SLTSTA);
    lo_printf(o, "\t\tSltSta:\tStatus: AttnBtn%c PowerFlt%c MRL%c CmdCplt%c PresDet%c Interlock%c\n",
              lo_flag(x, PCI_EXP_SLTSTA_ATNB), lo_flag(x, PCI_EXP_SLTSTA_PWRF), lo_flag(x, PCI_EXP_SLTSTA_MRL_ST),
              lo_flag(x, PCI_EXP_SLTSTA_CMDC), lo_flag(x, PCI_EXP_SLTSTA_PRES),
              lo_flag(x, PCI_EXP_SLTSTA_INTERLOCK));
    lo_printf(o, "\t\t\tChanged: MRL%c PresDet%c LinkState%c\n", lo_flag(x, PCI_EXP_SLTSTA_MRLS),
              lo_flag(x, PCI_EXP_SLTSTA_PRSD), lo_flag(x, PCI_EXP_SLTSTA_LLCHG));
}

static void root(const struct pci_cfg *c, unsigned w, struct lsout *o)
{
    uint16_t x = cfg16(c, w + PCI_EXP_RTCAP);
    lo_printf(o, "\t\tRootCap: CRSVisible%c\n", lo_flag(x, PCI_EXP_RTCAP_CRSVIS));
    x = cfg16(c, w + PCI_EXP_RTCTL);
    lo_printf(o, "\t\tRootCtl: ErrCorrectable%c ErrNon-Fatal%c ErrFatal%c PMEIntEna%c CRSVisible%c\n",
              lo_flag(x, PCI_EXP_RTCTL_SECEE), lo_flag(x, PCI_EXP_RTCTL_SENFEE), lo_flag(x, PCI_EXP_RTCTL_SEFEE),
              lo_flag(x, PCI_EXP_RTCTL_PMEIE), lo_flag(x, PCI_EXP_RTCTL_CRSVIS));
    uint32_t t = cfg32(c, w + PCI_EXP_RTSTA);
    lo_printf(o, "\t\tRootSta: PME ReqID %04x, PMEStatus%c PMEPending%c\n", t & PCI_EXP_RTSTA_PME_REQID,
              lo_flag(t, PCI_EXP_RTSTA_PME_STATUS), lo_flag(t, PCI_EXP_RTSTA_PME_PENDING));
}

int pciexp_show(const struct pci_cfg *c, unsigned w, uint16_t flags, struct lsout *o)
{
    int type = (flags & PCI_EXP_FLAGS_TYPE_MASK) >> PCI_EXP_FLAGS_TYPE_SHIFT;
    int has_slot = IS(type, SLOT_TYPES) && (flags & PCI_EXP_FLAGS_SLOT);
    int has_link = !IS(type, NO_LINK_TYPES);
    lo_printf(o, "Express (v%u) ", flags & PCI_EXP_FLAGS_VERS);
    if (type_names[type])
        lo_printf(o, "%s", type_names[type]);
    else
        lo_printf(o, "Unknown type %d", type);
    if (IS(type, SLOT_TYPES))
        lo_printf(o, " (Slot%c)", lo_flag(flags, PCI_EXP_FLAGS_SLOT));
    lo_printf(o, ", MSI %02x\n", (flags & PCI_EXP_FLAGS_IRQ_MASK) >> PCI_EXP_FLAGS_IRQ_SHIFT);
    dev(c, w, type, o);
    if (has_link)
        link(c, w, type, o);
    if (has_slot)
        slot(c, w, o);
    if (type == PCI_EXP_TYPE_ROOT_PORT || type == PCI_EXP_TYPE_ROOT_EC)
        root(c, w, o);
    if ((flags & PCI_EXP_FLAGS_VERS) >= 2)
        pciexp_show2(c, w, type, has_link, has_slot, o);
    return type;
}
