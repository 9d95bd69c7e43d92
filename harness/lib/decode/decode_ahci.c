/* The AHCI HBA as QEMU's hw/ide/ahci.c traces it: port and global register
 * accesses (QEMU names the register: "[reg:PxCMD]"), interrupt status
 * changes, and each command's way through the model. The bits are AHCI 1.3's
 * as include/hw/ahci.h lists them; a bit it does not name shows as hex. */
#include <string.h>
#include "harness/lib/decode/decode_parts.h"
#include "hw/ahci.h"

static const struct dec_bit ghc_bits[] = {
    { AHCI_GHC_HR, "HR" }, { AHCI_GHC_IE, "IE" }, { AHCI_GHC_AE, "AE" }, { 0 },
};

static const struct dec_bit pis_bits[] = {
    { AHCI_PIS_DHRS, "DHRS" }, { AHCI_PIS_PSS, "PSS" }, { AHCI_PIS_DSS, "DSS" },
    { AHCI_PIS_SDBS, "SDBS" }, { AHCI_PIS_UFS, "UFS" }, { AHCI_PIS_DPS, "DPS" },
    { AHCI_PIS_PCS, "PCS" }, { AHCI_PIS_PRCS, "PRCS" }, { AHCI_PIS_OFS, "OFS" },
    { AHCI_PIS_INFS, "INFS" }, { AHCI_PIS_IFS, "IFS" }, { AHCI_PIS_HBDS, "HBDS" },
    { AHCI_PIS_HBFS, "HBFS" }, { AHCI_PIS_TFES, "TFES" }, { AHCI_PIS_CPDS, "CPDS" }, { 0 },
};

static const struct dec_bit pcmd_bits[] = {
    { AHCI_PCMD_ST, "ST" }, { AHCI_PCMD_SUD, "SUD" }, { AHCI_PCMD_POD, "POD" },
    { AHCI_PCMD_FRE, "FRE" }, { AHCI_PCMD_FR, "FR" }, { AHCI_PCMD_CR, "CR" }, { 0 },
};

static const struct dec_bit cap_bits[] = {
    { AHCI_CAP_SAM, "SAM" }, { AHCI_CAP_S64A, "S64A" }, { 0 },
};

/* What a named register's value means. */
static void reg_value(const char *reg, size_t n, unsigned v, struct sbuf *out)
{
#define IS(name) (n == sizeof(name) - 1 && !memcmp(reg, name, n))
    if (IS("GHC")) {
        dec_bits(out, v, ghc_bits);
    } else if (IS("CAP")) {
        say(out, "%u ports, %u command slots, ", (v & AHCI_CAP_NP_MASK) + 1,
            ((v >> AHCI_CAP_NCS_SHIFT) & AHCI_CAP_NCS_MASK) + 1);
        dec_bits(out, v & (AHCI_CAP_SAM | AHCI_CAP_S64A), cap_bits);
    } else if (IS("IS") || IS("PI")) {
        say(out, "ports (bit n = port n)");
    } else if (IS("PxIS") || IS("PXIE") || IS("PxIE")) {
        dec_bits(out, v, pis_bits);
    } else if (IS("PxCMD")) {
        dec_bits(out, v, pcmd_bits);
        say(out, v & (AHCI_PCMD_CR | AHCI_PCMD_FR) ? " (DMA engines running)" : " (port idle)");
    } else if (IS("PxTFD")) {
        say(out, "ATA status 0x%02x: ", v & AHCI_TFD_STS_MASK);
        decode_ata_status(v & AHCI_TFD_STS_MASK, out);
        say(out, ", error 0x%02x", (v >> AHCI_TFD_ERR_SHIFT) & 0xFF);
    } else if (IS("PxSIG")) {
        say(out, v == AHCI_SIG_ATA ? "ATA disk" : v == AHCI_SIG_ATAPI ? "ATAPI device" : "signature");
    } else if (IS("PxSSTS")) {
        unsigned det = v & AHCI_SSTS_DET_MASK;
        say(out, "DET=%u (%s)", det, det == AHCI_SSTS_DET_PRESENT ? "device present, PHY up"
                                     : det == 0 ? "no device" : "device, no PHY communication");
    } else if (IS("PxCI")) {
        say(out, "command slots issued (bit n = slot n)");
    } else if (IS("PxCLB") || IS("PxFB")) {
        say(out, "physical address %s", IS("PxCLB") ? "of the command list" : "of the received-FIS area");
    } else if (IS("PxCLBU") || IS("PxFBU")) {
        say(out, "address bits 63:32");
    } else if (IS("PxSERR")) {
        say(out, v ? "SATA errors (write 1 to clear)" : "no SATA error");
    } else {
        say(out, "register");
    }
#undef IS
}

/* "ahci(P0)[N]: port read [reg:PxCMD] @ 0x18: 0x0000c017" and the global
 * "ahci(P0): mem read [reg:GHC] @ 0x4: 0x80000000" / "... write4 [reg:GHC] ...". */
static enum decode_result reg_access(const struct dline *d, struct sbuf *out, int write, int port)
{
    const char *reg;
    size_t rn;
    uint64_t portno = 0, v;
    if (!dec_word(d, "[reg:", ']', &reg, &rn) || !dec_num(d, ": 0x", &v) ||
        (port && !dec_num(d, ")[", &portno)))
        return DECODE_MALFORMED;
    if (port)
        say(out, "port %u ", (unsigned)portno);
    say(out, "%s %.*s %s 0x%08llx: ", write ? "writes" : "reads", (int)rn, reg, write ? "<-" : "=",
        (unsigned long long)v);
    reg_value(reg, rn, (unsigned)v, out);
    return DECODE_OK;
}

static enum decode_result port_read(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    return reg_access(d, out, 0, 1);
}

static enum decode_result port_write(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    return reg_access(d, out, 1, 1);
}

static enum decode_result mem_read(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    return reg_access(d, out, 0, 0);
}

static enum decode_result mem_write(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    return reg_access(d, out, 1, 0);
}

/* "trigger irq +TFES (0x40000000); irqstat: 0x0 --> 0x40000000; effective: ..." */
static enum decode_result trigger(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t bit, to, port;
    if (!dec_num(d, "(0x", &bit) || !dec_num(d, "--> 0x", &to) || !dec_num(d, ")[", &port))
        return DECODE_MALFORMED;
    say(out, "port %u raises PxIS.", (unsigned)port);
    dec_bits(out, (unsigned)bit, pis_bits);
    say(out, "; PxIS now ");
    dec_bits(out, (unsigned)to, pis_bits);
    return DECODE_OK;
}

/* "check irq 0x00000000 --> 0x00000001": the global IS before and after. */
static enum decode_result check_irq(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t from, to;
    if (!dec_num(d, "check irq 0x", &from) || !dec_num(d, "--> 0x", &to))
        return DECODE_MALFORMED;
    say(out, "the HBA recomputes IS: 0x%08llx -> 0x%08llx (ports with an enabled interrupt pending)",
        (unsigned long long)from, (unsigned long long)to);
    return DECODE_OK;
}

static enum decode_result said(const struct dline *d, struct sbuf *out, const char *what)
{
    uint64_t port;
    if (dec_num(d, ")[", &port))
        say(out, "port %u: ", (unsigned)port);
    say(out, "%s", what);
    return DECODE_OK;
}

#define SAY_EVENT(fn, text)                                                                   \
    static enum decode_result fn(struct decode_state *st, const struct dline *d, struct sbuf *out) \
    {                                                                                         \
        (void)st;                                                                             \
        return said(d, out, text);                                                            \
    }
SAY_EVENT(irq_raise, "the HBA asserts its interrupt line (INTx)")
SAY_EVENT(irq_lower, "the HBA deasserts its interrupt line")
SAY_EVENT(fis_dump, "the command FIS read from the command table (its bytes follow in the log)")
SAY_EVENT(pio_transfer, "PIO data moved through the PRDT (IDENTIFY's 512 bytes)")
SAY_EVENT(start_dma, "the ATA core starts the DMA transfer")
SAY_EVENT(sglist, "the HBA reads the command's PRDT")
SAY_EVENT(cmd_done, "command done: PxCI's bit clears when it succeeded")
SAY_EVENT(misuse, "an AHCI error or misuse QEMU reports; a correct driver never causes it")

/* "prepare buf limit=512 prepared=512": bytes the PRDT describes. */
static enum decode_result prepare_buf(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t limit, prepared, port;
    if (!dec_num(d, "limit=", &limit) || !dec_num(d, "prepared=", &prepared) || !dec_num(d, ")[", &port))
        return DECODE_MALFORMED;
    say(out, "port %u: the PRDT maps %llu of the %llu bytes asked for", (unsigned)port,
        (unsigned long long)prepared, (unsigned long long)limit);
    return DECODE_OK;
}

const struct decode_event decode_ahci_events[] = {
    { .name = "ahci_port_read", .fn = port_read },
    { .name = "ahci_port_write", .fn = port_write },
    { .name = "ahci_mem_read_32_host", .fn = mem_read },
    { .name = "ahci_mem_write_host", .fn = mem_write },
    { .name = "ahci_trigger_irq", .fn = trigger },
    { .name = "ahci_check_irq", .fn = check_irq },
    { .name = "ahci_irq_raise", .fn = irq_raise },
    { .name = "ahci_irq_lower", .fn = irq_lower },
    { .name = "handle_cmd_fis_dump", .fn = fis_dump },
    { .name = "ahci_pio_transfer", .fn = pio_transfer },
    { .name = "ahci_start_dma", .fn = start_dma },
    { .name = "ahci_populate_sglist", .fn = sglist },
    { .name = "ahci_dma_prepare_buf", .fn = prepare_buf },
    { .name = "ahci_cmd_done", .fn = cmd_done },
    { .name = "handle_cmd_busy", .fn = misuse },
    { .name = "handle_cmd_nolist", .fn = misuse },
    { .name = "handle_cmd_badport", .fn = misuse },
    { .name = "handle_cmd_badfis", .fn = misuse },
    { .name = "handle_cmd_badmap", .fn = misuse },
    { .name = "handle_cmd_unhandled_fis", .fn = misuse },
    { .name = "ahci_populate_sglist_no_map", .fn = misuse },
    { .name = "ahci_populate_sglist_short_map", .fn = misuse },
    { .name = "ahci_populate_sglist_bad_offset", .fn = misuse },
    { .name = "ahci_dma_prepare_buf_fail", .fn = misuse },
    { .name = NULL },
};
