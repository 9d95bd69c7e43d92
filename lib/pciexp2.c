/* The PCI Express capability's version 2 registers (DevCap2 to LnkSta2) as
 * lspci -vv shows them (pciutils ls-caps.c, cap_express_dev2/link2). */
#include "hw/pcie.h"
#include "lib/pcicap_int.h"

#define T(x) (1u << PCI_EXP_TYPE_##x)
#define IS(type, mask) (((1u << (type)) & (mask)) != 0)
#define PICK(table, i) ((unsigned)(i) < sizeof(table) / sizeof(table[0]) && table[i] ? table[i] : "Unknown")

static const char *const timeout_ranges[16] = {
    [0] = "Not Supported", [1] = "Range A", [2] = "Range B", [3] = "Range AB", [6] = "Range BC",
    [7] = "Range ABC", [14] = "Range BCD", [15] = "Range ABCD",
};
static const char *const timeout_values[16] = {
    [0] = "50us to 50ms", [1] = "50us to 100us", [2] = "1ms to 10ms", [5] = "16ms to 55ms",
    [6] = "65ms to 210ms", [9] = "260ms to 900ms", [10] = "1s to 3.5s", [13] = "4s to 13s",
    [14] = "17s to 64s",
};
static const char *const obff_cap[4] = { "Not Supported", "Via message", "Via WAKE#", "Via message/WAKE#" };
static const char *const epr[4] = { "Not Supported", "Dev Specific", "Form Factor Dev Specific", "Reserved" };
static const char *const lncls[4] = { "Not Supported", "64byte cachelines", "128byte cachelines", "Reserved" };
static const char *const tphcomp[4] = { "TPHComp- ExtTPHComp-", "TPHComp+ ExtTPHComp-", "", "TPHComp+ ExtTPHComp+" };
static const char *const obff_ctl[4] = { "Disabled", "Via message A", "Via message B", "Via WAKE#" };
static const char *const target_speed[8] = { "2.5GT/s", "2.5GT/s", "5GT/s", "8GT/s", "16GT/s", "32GT/s", "64GT/s" };
static const char *const deemph[2] = { "-6dB", "-3.5dB" };
static const char *const margin[8] = {
    "Normal Operating Range", "800-1200mV(full-swing)/400-700mV(half-swing)",
    [2 ... 5] = "200-400mV(full-swing)/100-200mV(half-swing)",
};
static const char *const presets[16] = {
    "-6dB de-emphasis, 0dB preshoot", "-3.5dB de-emphasis, 0dB preshoot",
    "-4.4dB de-emphasis, 0dB preshoot", "-2.5dB de-emphasis, 0dB preshoot",
    "0dB de-emphasis, 0dB preshoot", "0dB de-emphasis, 1.9dB preshoot",
    "0dB de-emphasis, 2.5dB preshoot", "-6.0dB de-emphasis, 3.5dB preshoot",
    "-3.5dB de-emphasis, 3.5dB preshoot", "0dB de-emphasis, 3.5dB preshoot",
};
static const char *const crosslink[4] = { "unsupported", "Upstream Port", "Downstream Port", "incomplete" };
static const char *const component[8] = {
    "Link Down - Not Determined", "Link Down - Not Present", "Link Down - Present", "Reserved",
    "Link Up - Present", "Link Up - Present and DRS Received", "Reserved", "Reserved",
};

/* lspci's device_has_memory_space_bar: a memory BAR with a non-zero value. */
static int has_mem_bar(const struct pci_cfg *c)
{
    int n = (cfg8(c, PCI_REG_HEADER_TYPE) & PCI_HEADER_TYPE_MASK) == PCI_HEADER_BRIDGE ?
            PCI_NBARS_BRIDGE : PCI_NBARS_NORMAL;
    for (int i = 0; i < n; i++) {
        uint32_t x = cfg32(c, PCI_REG_BAR(i));
        if (!x || x == 0xFFFFFFFFu)
            continue;
        if (!(x & PCI_BAR_IO))
            return 1;
    }
    return 0;
}

static const char *speed_vector(unsigned v)
{
    if (v & 0x60)
        return "RsvdP";
    static const char *const top[] = { "2.5GT/s", "2.5-5GT/s", "2.5-8GT/s", "2.5-16GT/s", "2.5-32GT/s" };
    for (int i = 4; i >= 0; i--)
        if (v & (1u << i))
            return top[i];
    return "Unknown";
}

static void dev2(const struct pci_cfg *c, unsigned w, int type, struct lsout *o)
{
    uint32_t l = cfg32(c, w + PCI_EXP_DEVCAP2);
    int mem = has_mem_bar(c);
    lo_printf(o, "\t\tDevCap2: Completion Timeout: %s, TimeoutDis%c NROPrPrP%c LTR%c",
              PICK(timeout_ranges, l & PCI_EXP_DEVCAP2_TIMEOUT_RANGE), lo_flag(l, PCI_EXP_DEVCAP2_TIMEOUT_DIS),
              lo_flag(l, PCI_EXP_DEVCAP2_NROPRPRP), lo_flag(l, PCI_EXP_DEVCAP2_LTR));
    lo_printf(o, "\n\t\t\t 10BitTagComp%c 10BitTagReq%c OBFF %s, ExtFmt%c EETLPPrefix%c",
              lo_flag(l, PCI_EXP_DEVCAP2_10BIT_TAG_COMP), lo_flag(l, PCI_EXP_DEVCAP2_10BIT_TAG_REQ),
              obff_cap[(l >> PCI_EXP_DEVCAP2_OBFF_SHIFT) & 3], lo_flag(l, PCI_EXP_DEVCAP2_EXTFMT),
              lo_flag(l, PCI_EXP_DEVCAP2_EE_TLP));
    if (l & PCI_EXP_DEVCAP2_EE_TLP) {
        unsigned m = (l >> PCI_EXP_DEVCAP2_MEE_TLP_SHIFT) & 3;
        lo_printf(o, ", MaxEETLPPrefixes %u", m ? m : 4);
    }
    lo_printf(o, "\n\t\t\t EmergencyPowerReduction %s, EmergencyPowerReductionInit%c",
              epr[(l >> PCI_EXP_DEVCAP2_EPR_SHIFT) & 3], lo_flag(l, PCI_EXP_DEVCAP2_EPR_INIT));
    lo_printf(o, "\n\t\t\t FRS%c", lo_flag(l, PCI_EXP_DEVCAP2_FRS));
    if (type == PCI_EXP_TYPE_ROOT_PORT)
        lo_printf(o, " LN System CLS %s,", lncls[(l >> PCI_EXP_DEVCAP2_LN_CLS_SHIFT) & 3]);
    if (IS(type, T(ROOT_PORT) | T(ENDPOINT)))
        lo_printf(o, " %s", tphcomp[(l >> PCI_EXP_DEVCAP2_TPH_SHIFT) & 3]);
    if (IS(type, T(ROOT_PORT) | T(DOWNSTREAM)))
        lo_printf(o, " ARIFwd%c", lo_flag(l, PCI_EXP_DEVCAP2_ARI));
    lo_printf(o, "\n");
    int switchy = IS(type, T(ROOT_PORT) | T(UPSTREAM) | T(DOWNSTREAM));
    if (switchy || mem) {
        lo_printf(o, "\t\t\t AtomicOpsCap:");
        if (switchy)
            lo_printf(o, " Routing%c", lo_flag(l, PCI_EXP_DEVCAP2_ATOMICOP_ROUTING));
        if (type == PCI_EXP_TYPE_ROOT_PORT || mem)
            lo_printf(o, " 32bit%c 64bit%c 128bitCAS%c", lo_flag(l, PCI_EXP_DEVCAP2_32BIT_ATOMICOP),
                      lo_flag(l, PCI_EXP_DEVCAP2_64BIT_ATOMICOP), lo_flag(l, PCI_EXP_DEVCAP2_128BIT_CAS));
        lo_printf(o, "\n");
    }
    uint16_t x = cfg16(c, w + PCI_EXP_DEVCTL2);
    lo_printf(o, "\t\tDevCtl2: Completion Timeout: %s, TimeoutDis%c LTR%c 10BitTagReq%c OBFF %s,",
              PICK(timeout_values, x & PCI_EXP_DEVCTL2_TIMEOUT_VALUE), lo_flag(x, PCI_EXP_DEVCTL2_TIMEOUT_DIS),
              lo_flag(x, PCI_EXP_DEVCTL2_LTR), lo_flag(x, PCI_EXP_DEVCTL2_10BIT_TAG_REQ),
              obff_ctl[(x >> PCI_EXP_DEVCTL2_OBFF_SHIFT) & 3]);
    if (IS(type, T(ROOT_PORT) | T(DOWNSTREAM)))
        lo_printf(o, " ARIFwd%c", lo_flag(x, PCI_EXP_DEVCTL2_ARI));
    lo_printf(o, "\n");
    int req = IS(type, T(ROOT_PORT) | T(ENDPOINT) | T(ROOT_INT_EP) | T(LEG_END));
    if (switchy || req) {
        lo_printf(o, "\t\t\t AtomicOpsCtl:");
        if (req)
            lo_printf(o, " ReqEn%c", lo_flag(x, PCI_EXP_DEVCTL2_ATOMICOP_REQ));
        if (switchy)
            lo_printf(o, " EgressBlck%c", lo_flag(x, PCI_EXP_DEVCTL2_ATOMICOP_EGRESS_BLOCK));
        lo_printf(o, "\n");
    }
}

static void link2(const struct pci_cfg *c, unsigned w, int type, struct lsout *o)
{
    uint32_t l = 0;
    /* Link Capabilities 2 was reserved before PCIe 3.0: lspci skips it on
     * endpoints other than function 0 of device 0. */
    if (!(IS(type, T(ENDPOINT) | T(LEG_END)) && (c->dev != 0 || c->fn != 0))) {
        l = cfg32(c, w + PCI_EXP_LNKCAP2);
        if (l)
            lo_printf(o, "\t\tLnkCap2: Supported Link Speeds: %s, Crosslink%c Retimer%c 2Retimers%c DRS%c\n",
                      speed_vector((l >> PCI_EXP_LNKCAP2_SPEED_SHIFT) & 0x7F),
                      lo_flag(l, PCI_EXP_LNKCAP2_CROSSLINK), lo_flag(l, PCI_EXP_LNKCAP2_RETIMER),
                      lo_flag(l, PCI_EXP_LNKCAP2_2RETIMERS), lo_flag(l, PCI_EXP_LNKCAP2_DRS));
        uint16_t x = cfg16(c, w + PCI_EXP_LNKCTL2);
        lo_printf(o, "\t\tLnkCtl2: Target Link Speed: %s, EnterCompliance%c SpeedDis%c",
                  PICK(target_speed, x & PCI_EXP_LNKCTL2_SPEED), lo_flag(x, PCI_EXP_LNKCTL2_CMPLNC),
                  lo_flag(x, PCI_EXP_LNKCTL2_SPEED_DIS));
        if (type == PCI_EXP_TYPE_DOWNSTREAM)
            lo_printf(o, ", Selectable De-emphasis: %s", deemph[(x & PCI_EXP_LNKCTL2_DEEMPHASIS) != 0]);
        lo_printf(o, "\n\t\t\t Transmit Margin: %s, EnterModifiedCompliance%c ComplianceSOS%c\n",
                  PICK(margin, (x >> PCI_EXP_LNKCTL2_MARGIN_SHIFT) & 7), lo_flag(x, PCI_EXP_LNKCTL2_MOD_CMPLNC),
                  lo_flag(x, PCI_EXP_LNKCTL2_CMPLNC_SOS));
        lo_printf(o, "\t\t\t Compliance Preset/De-emphasis: %s\n",
                  PICK(presets, x >> PCI_EXP_LNKCTL2_COM_DEEMPHASIS_SHIFT));
    }
    uint16_t x = cfg16(c, w + PCI_EXP_LNKSTA2);
    lo_printf(o, "\t\tLnkSta2: Current De-emphasis Level: %s, EqualizationComplete%c EqualizationPhase1%c\n",
              deemph[x & PCI_EXP_LNKSTA2_DEEMPHASIS], lo_flag(x, PCI_EXP_LNKSTA2_EQU_COMP),
              lo_flag(x, PCI_EXP_LNKSTA2_EQU_PHASE1));
    lo_printf(o, "\t\t\t EqualizationPhase2%c EqualizationPhase3%c LinkEqualizationRequest%c\n",
              lo_flag(x, PCI_EXP_LNKSTA2_EQU_PHASE2), lo_flag(x, PCI_EXP_LNKSTA2_EQU_PHASE3),
              lo_flag(x, PCI_EXP_LNKSTA2_EQU_REQ));
    lo_printf(o, "\t\t\t Retimer%c 2Retimers%c CrosslinkRes: %s", lo_flag(x, PCI_EXP_LNKSTA2_RETIMER),
              lo_flag(x, PCI_EXP_LNKSTA2_2RETIMERS), crosslink[(x >> PCI_EXP_LNKSTA2_CROSSLINK_SHIFT) & 3]);
    if (IS(type, T(ROOT_PORT) | T(DOWNSTREAM) | T(PCIE_BRIDGE)) && (l & PCI_EXP_LNKCAP2_DRS))
        lo_printf(o, ", DRS%c\n\t\t\t DownstreamComp: %s\n", lo_flag(x, PCI_EXP_LNKSTA2_DRS_RCVD),
                  component[(x >> PCI_EXP_LNKSTA2_COMPONENT_SHIFT) & 7]);
    else
        lo_printf(o, "\n");
}

void pciexp_show2(const struct pci_cfg *c, unsigned w, int type, int has_link, int has_slot, struct lsout *o)
{
    (void)has_slot;             /* Slot Capabilities 2: nothing lspci prints */
    dev2(c, w, type, o);
    if (has_link)
        link2(c, w, type, o);
}
