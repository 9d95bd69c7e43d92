/* PCI Express extended capabilities (0x100-0xFFF) as lspci -vv shows them
 * (pciutils ls-ecaps.c): those QEMU's devices carry are decoded, the rest
 * get lspci's name line or its unknown-ID line. */
#include "hw/pcie.h"
#include "lib/pcicap_int.h"
#include "lib/pciwalk.h"


static const struct lo_bit unc_bits[] = {
    { "DLP", PCI_ERR_UNC_DLP }, { "SDES", PCI_ERR_UNC_SDES }, { "TLP", PCI_ERR_UNC_POISON_TLP },
    { "FCP", PCI_ERR_UNC_FCP }, { "CmpltTO", PCI_ERR_UNC_COMP_TIME },
    { "CmpltAbrt", PCI_ERR_UNC_COMP_ABORT }, { "UnxCmplt", PCI_ERR_UNC_UNX_COMP },
    { "RxOF", PCI_ERR_UNC_RX_OVER }, { "MalfTLP", PCI_ERR_UNC_MALF_TLP }, { "ECRC", PCI_ERR_UNC_ECRC },
    { "UnsupReq", PCI_ERR_UNC_UNSUP }, { "ACSViol", PCI_ERR_UNC_ACS_VIOL },
};
static const struct lo_bit cor_bits[] = {
    { "RxErr", PCI_ERR_COR_RCVR }, { "BadTLP", PCI_ERR_COR_BAD_TLP }, { "BadDLLP", PCI_ERR_COR_BAD_DLLP },
    { "Rollover", PCI_ERR_COR_REP_ROLL }, { "Timeout", PCI_ERR_COR_REP_TIMER },
    { "AdvNonFatalErr", PCI_ERR_COR_REP_ANFE },
};
static const struct lo_bit acs_bits[] = {
    { "SrcValid", PCI_ACS_SV }, { "TransBlk", PCI_ACS_TB }, { "ReqRedir", PCI_ACS_RR },
    { "CmpltRedir", PCI_ACS_CR }, { "UpstreamFwd", PCI_ACS_UF }, { "EgressCtrl", PCI_ACS_EC },
    { "DirectTrans", PCI_ACS_DT },
};

/* "\t\tNAME:\tA+ B- ..." (the tab instead of the first flag's space). */
static void flag_line(struct lsout *o, const char *name, uint32_t v, const struct lo_bit *b, size_t n)
{
    lo_printf(o, "\t\t%s:\t", name);
    for (size_t i = 0; i < n; i++)
        lo_printf(o, "%s%s%c", i ? " " : "", b[i].name, lo_flag(v, b[i].bit));
    lo_printf(o, "\n");
}
#define FLAG_LINE(o, name, v, table) flag_line(o, name, v, table, sizeof(table) / sizeof(table[0]))

static void aer(const struct pci_cfg *c, unsigned w, int type, struct lsout *o)
{
    lo_printf(o, "Advanced Error Reporting\n");
    FLAG_LINE(o, "UESta", cfg32(c, w + PCI_ERR_UNCOR_STATUS), unc_bits);
    FLAG_LINE(o, "UEMsk", cfg32(c, w + PCI_ERR_UNCOR_MASK), unc_bits);
    FLAG_LINE(o, "UESvrt", cfg32(c, w + PCI_ERR_UNCOR_SEVER), unc_bits);
    FLAG_LINE(o, "CESta", cfg32(c, w + PCI_ERR_COR_STATUS), cor_bits);
    FLAG_LINE(o, "CEMsk", cfg32(c, w + PCI_ERR_COR_MASK), cor_bits);
    uint32_t l = cfg32(c, w + PCI_ERR_CAP);
    lo_printf(o, "\t\tAERCap:\tFirst Error Pointer: %02x, ECRCGenCap%c ECRCGenEn%c ECRCChkCap%c ECRCChkEn%c\n",
              l & PCI_ERR_CAP_FEP_MASK, lo_flag(l, PCI_ERR_CAP_ECRC_GENC), lo_flag(l, PCI_ERR_CAP_ECRC_GENE),
              lo_flag(l, PCI_ERR_CAP_ECRC_CHKC), lo_flag(l, PCI_ERR_CAP_ECRC_CHKE));
    lo_printf(o, "\t\t\tMultHdrRecCap%c MultHdrRecEn%c TLPPfxPres%c HdrLogCap%c\n",
              lo_flag(l, PCI_ERR_CAP_MULT_HDRC), lo_flag(l, PCI_ERR_CAP_MULT_HDRE),
              lo_flag(l, PCI_ERR_CAP_TLP_PREFIX), lo_flag(l, PCI_ERR_CAP_HDR_LOG));
    lo_printf(o, "\t\tHeaderLog: %08x %08x %08x %08x\n", cfg32(c, w + PCI_ERR_HEADER_LOG),
              cfg32(c, w + PCI_ERR_HEADER_LOG + 4), cfg32(c, w + PCI_ERR_HEADER_LOG + 8),
              cfg32(c, w + PCI_ERR_HEADER_LOG + 12));
    if (type != PCI_EXP_TYPE_ROOT_PORT && type != PCI_EXP_TYPE_ROOT_EC)
        return;
    l = cfg32(c, w + PCI_ERR_ROOT_COMMAND);
    lo_printf(o, "\t\tRootCmd: CERptEn%c NFERptEn%c FERptEn%c\n", lo_flag(l, PCI_ERR_ROOT_CMD_COR_EN),
              lo_flag(l, PCI_ERR_ROOT_CMD_NONFATAL_EN), lo_flag(l, PCI_ERR_ROOT_CMD_FATAL_EN));
    l = cfg32(c, w + PCI_ERR_ROOT_STATUS);
    lo_printf(o, "\t\tRootSta: CERcvd%c MultCERcvd%c UERcvd%c MultUERcvd%c\n", lo_flag(l, PCI_ERR_ROOT_COR_RCV),
              lo_flag(l, PCI_ERR_ROOT_MULTI_COR_RCV), lo_flag(l, PCI_ERR_ROOT_UNCOR_RCV),
              lo_flag(l, PCI_ERR_ROOT_MULTI_UNCOR_RCV));
    lo_printf(o, "\t\t\t FirstFatal%c NonFatalMsg%c FatalMsg%c IntMsg %u\n", lo_flag(l, PCI_ERR_ROOT_FIRST_FATAL),
              lo_flag(l, PCI_ERR_ROOT_NONFATAL_RCV), lo_flag(l, PCI_ERR_ROOT_FATAL_RCV),
              l >> PCI_ERR_ROOT_MSG_SHIFT);
    l = cfg32(c, w + PCI_ERR_ROOT_ERR_SRC);
    lo_printf(o, "\t\tErrorSrc: ERR_COR: %04x ERR_FATAL/NONFATAL: %04x\n", l & 0xFFFF, l >> 16);
}

static void dsn(const struct pci_cfg *c, unsigned w, struct lsout *o)
{
    uint32_t lo = cfg32(c, w + PCI_DSN_LOW), hi = cfg32(c, w + PCI_DSN_HIGH);
    lo_printf(o, "Device Serial Number %02x-%02x-%02x-%02x-%02x-%02x-%02x-%02x\n", hi >> 24,
              (hi >> 16) & 0xFF, (hi >> 8) & 0xFF, hi & 0xFF, lo >> 24, (lo >> 16) & 0xFF,
              (lo >> 8) & 0xFF, lo & 0xFF);
}

static void acs(const struct pci_cfg *c, unsigned w, struct lsout *o)
{
    lo_printf(o, "Access Control Services\n");
    FLAG_LINE(o, "ACSCap", cfg16(c, w + PCI_ACS_CAP), acs_bits);
    FLAG_LINE(o, "ACSCtl", cfg16(c, w + PCI_ACS_CTRL), acs_bits);
}

static void ari(const struct pci_cfg *c, unsigned w, struct lsout *o)
{
    uint16_t cap = cfg16(c, w + PCI_ARI_CAP), ctl = cfg16(c, w + PCI_ARI_CTRL);
    lo_printf(o, "Alternative Routing-ID Interpretation (ARI)\n");
    lo_printf(o, "\t\tARICap:\tMFVC%c ACS%c, Next Function: %u\n", lo_flag(cap, PCI_ARI_CAP_MFVC),
              lo_flag(cap, PCI_ARI_CAP_ACS), cap >> PCI_ARI_CAP_NFN_SHIFT);
    lo_printf(o, "\t\tARICtl:\tMFVC%c ACS%c, Function Group: %u\n", lo_flag(ctl, PCI_ARI_CTRL_MFVC),
              lo_flag(ctl, PCI_ARI_CTRL_ACS), (ctl >> PCI_ARI_CTRL_FG_SHIFT) & 7);
}

/* IDs lspci names without decoding them further ("<?>"). */
static const char *const named[0x30] = {
    [0x0000] = "Null", [0x0004] = "Power Budgeting <?>", [0x0006] = "Root Complex Internal Link <?>",
    [0x0008] = "Multi-Function Virtual Channel <?>", [0x000A] = "Root Complex Register Block <?>",
    [0x0011] = "Multi-Root I/O Virtualization <?>", [0x0016] = "Dynamic Power Allocation <?>",
    [0x001A] = "Protocol Multiplexing <?>", [0x001C] = "LN Requester <?>",
    [0x0020] = "PCI Express over M_PHY <?>", [0x0021] = "FRS Queueing <?>",
    [0x0022] = "Readiness Time Reporting <?>", [0x0025] = "Data Link Feature <?>",
    [0x0026] = "Physical Layer 16.0 GT/s <?>", [0x0027] = "Lane Margining at the Receiver <?>",
    [0x0028] = "Hierarchy ID <?>", [0x0029] = "Native PCIe Enclosure Management <?>",
};

void pciecap_show(const struct pci_cfg *c, int type, struct lsout *o)
{
    struct pciwalk w;
    unsigned p;
    pciwalk_start_ext(&w, c);
    while ((p = pciwalk_next(&w)) != 0) {
        uint32_t h = cfg32(c, p);
        unsigned id = PCIE_EXT_CAP_ID(h);
        lo_printf(o, "\tCapabilities: [%03x v%u] ", p, PCIE_EXT_CAP_VER(h));
        switch (id) {
        case PCI_EXT_CAP_ID_AER: aer(c, p, type, o); break;
        case PCI_EXT_CAP_ID_DSN: dsn(c, p, o); break;
        case PCI_EXT_CAP_ID_ACS: acs(c, p, o); break;
        case PCI_EXT_CAP_ID_ARI: ari(c, p, o); break;
        default:
            /* Decoded by lspci but not here (VC, SR-IOV, ATS, LTR ...): the
             * ID alone, as lspci prints an ID it does not know. */
            if (id < sizeof(named) / sizeof(named[0]) && named[id])
                lo_printf(o, "%s\n", named[id]);
            else
                lo_printf(o, "Extended Capability ID 0x%x\n", id);
        }
    }
    if (w.stop)
        lo_printf(o, "\tCapabilities: [%03x] <%s>\n", w.where, w.stop);
}
