/* The IDE bus master (SFF-8038i, as QEMU's PIIX model implements it in
 * hw/ide/piix.c and hw/ide/pci.c): bmdma_read / bmdma_write of the command
 * and status bytes, bmdma_cmd_writeb, bmdma_addr_write of the PRD table
 * address. Offsets are from the channel's base (BAR4, + 8 for the second
 * channel). */
#include "harness/lib/decode/decode_parts.h"

static const struct dec_bit command_bits[] = {
    { 0x01, "START" },          /* bit 0: start/stop bus master */
    { 0x08, "READ" },           /* bit 3: 1 = device to memory (a disk read) */
    { 0 },
};

static const struct dec_bit status_bits[] = {
    { 0x01, "ACTIVE" },         /* bit 0: transfer in progress */
    { 0x02, "ERR" },            /* bit 1: error, write 1 to clear */
    { 0x04, "IRQ" },            /* bit 2: the device raised its interrupt, write 1 to clear */
    { 0x20, "DRV0-DMA" },       /* bit 5: drive 0 DMA capable */
    { 0x40, "DRV1-DMA" },       /* bit 6: drive 1 DMA capable */
    { 0x80, "SIMPLEX" },        /* bit 7: simplex only */
    { 0 },
};

static void command(unsigned v, struct sbuf *out)
{
    say(out, "bus-master COMMAND = 0x%02x: ", v);
    dec_bits(out, v, command_bits);
    say(out, " (%s, direction %s)", v & 1 ? "running" : "stopped",
        v & 8 ? "device to memory: a disk read" : "memory to device: a disk write");
}

void decode_bmdma_reg(unsigned off, unsigned val, int write, struct sbuf *out)
{
    unsigned r = off & 7, ch = off & 8;
    if (ch)
        say(out, "secondary channel: ");
    if (r == 0) {
        command(val, out);
    } else if (r == 2 && write) {
        say(out, "bus-master STATUS <- 0x%02x: clear ", val);
        dec_bits(out, val & 0x06, status_bits);
        say(out, " (write 1 to clear), keep ");
        dec_bits(out, val & 0x60, status_bits);
    } else if (r == 2) {
        say(out, "bus-master STATUS = 0x%02x: ", val);
        dec_bits(out, val, status_bits);
        if ((val & 0x05) == 0x04)
            say(out, " (transfer done, interrupt raised)");
        else if (val & 0x01)
            say(out, " (still active)");
    } else if (r >= 4) {
        say(out, "bus-master PRD table address byte %u = 0x%02x", r - 4, val);
    } else {
        say(out, "bus-master register 0x%x (device-specific) = 0x%02x", r, val);
    }
}

static enum decode_result rw(struct decode_state *st, const struct dline *d, struct sbuf *out,
                             int write)
{
    (void)st;
    uint64_t off, val;
    if (!dec_num(d, "b 0x", &off) || !dec_num(d, ": 0x", &val))
        return DECODE_MALFORMED;
    decode_bmdma_reg((unsigned)off, (unsigned)val, write, out);
    return DECODE_OK;
}

static enum decode_result bm_read(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    return rw(st, d, out, 0);
}

static enum decode_result bm_write(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    return rw(st, d, out, 1);
}

static enum decode_result cmd_writeb(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t v;
    if (!dec_num(d, "val: 0x", &v))
        return DECODE_MALFORMED;
    say(out, "the channel applies ");
    command((unsigned)v & 0xff, out);
    return DECODE_OK;
}

static enum decode_result addr(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t v;
    if (!dec_num(d, "data: 0x", &v))
        return DECODE_MALFORMED;
    say(out, "bus-master PRD table address = 0x%08llx%s", (unsigned long long)v,
        v & 3 ? " (not dword aligned)" : "");
    return DECODE_OK;
}

static enum decode_result bm_reset(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st, (void)d;
    say(out, "bus master reset: stopped, status and PRD table address cleared");
    return DECODE_OK;
}

const struct decode_event decode_bmdma_events[] = {
    { .name = "bmdma_read", .fn = bm_read },
    { .name = "bmdma_write", .fn = bm_write },
    { .name = "bmdma_cmd_writeb", .fn = cmd_writeb },
    { .name = "bmdma_addr_write", .fn = addr },
    { .name = "bmdma_addr_read", .fn = addr },
    { .name = "bmdma_reset", .fn = bm_reset },
    { .name = NULL },
};
