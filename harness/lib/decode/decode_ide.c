/* IDE and ATA: commands (ide_exec_cmd; QEMU 10.0's ide_bus_exec_cmd), the
 * DMA callback and the block-layer requests under it (ide_dma_cb,
 * dma_blk_io, dma_blk_cb), and the task-file port events of hw/ide/core.c.
 * Command codes, status and error bits as ATA/ATAPI-6 and ACS name them
 * (the same codes as QEMU's include/hw/ide/internal.h). */
#include <string.h>
#include "harness/lib/decode/decode_parts.h"

static const struct dec_name commands[] = {
    { 0x00, "NOP" }, { 0x08, "DEVICE RESET" }, { 0x20, "READ SECTORS" },
    { 0x24, "READ SECTORS EXT" }, { 0x25, "READ DMA EXT" }, { 0x27, "READ NATIVE MAX ADDRESS EXT" },
    { 0x29, "READ MULTIPLE EXT" }, { 0x30, "WRITE SECTORS" }, { 0x34, "WRITE SECTORS EXT" },
    { 0x35, "WRITE DMA EXT" }, { 0x40, "READ VERIFY SECTORS" }, { 0x42, "READ VERIFY SECTORS EXT" },
    { 0x90, "EXECUTE DEVICE DIAGNOSTIC" }, { 0x91, "INITIALIZE DEVICE PARAMETERS" },
    { 0xa0, "PACKET" }, { 0xa1, "IDENTIFY PACKET DEVICE" }, { 0xb0, "SMART" },
    { 0xc4, "READ MULTIPLE" }, { 0xc5, "WRITE MULTIPLE" }, { 0xc6, "SET MULTIPLE MODE" },
    { 0xc8, "READ DMA" }, { 0xca, "WRITE DMA" }, { 0xe0, "STANDBY IMMEDIATE" },
    { 0xe1, "IDLE IMMEDIATE" }, { 0xe5, "CHECK POWER MODE" }, { 0xe7, "FLUSH CACHE" },
    { 0xea, "FLUSH CACHE EXT" }, { 0xec, "IDENTIFY DEVICE" }, { 0xef, "SET FEATURES" },
    { 0xf8, "READ NATIVE MAX ADDRESS" }, { .name = NULL },
};

/* What the commands TraceOS issues do. */
static const struct dec_name command_notes[] = {
    { 0x25, "48-bit LBA, 1-65536 sectors, by bus-master DMA" },
    { 0xc8, "28-bit LBA, 1-256 sectors, by bus-master DMA" },
    { 0xec, "512 bytes of device data by PIO" },
    { .name = NULL },
};

static const struct dec_bit status_bits[] = {
    { 0x80, "BSY" }, { 0x40, "DRDY" }, { 0x20, "DF" }, { 0x10, "DSC" },
    { 0x08, "DRQ" }, { 0x04, "CORR" }, { 0x02, "IDX" }, { 0x01, "ERR" }, { 0 },
};

static const struct dec_bit error_bits[] = {
    { 0x80, "ICRC" }, { 0x40, "UNC" }, { 0x20, "MC" }, { 0x10, "IDNF" },
    { 0x08, "MCR" }, { 0x04, "ABRT" }, { 0x02, "TK0NF" }, { 0x01, "AMNF" }, { 0 },
};

static const struct dec_bit devctl_bits[] = {
    { 0x80, "HOB" }, { 0x04, "SRST" }, { 0x02, "nIEN" }, { 0 },
};

static const struct dec_bit device_bits[] = {
    { 0x40, "LBA" }, { 0x10, "DEV1" }, { 0xa0, "obsolete-bits-7-5" }, { 0 },
};

/* Task-file registers by offset from the command block: read, write. */
static const char *const taskfile[8][2] = {
    { "DATA", "DATA" }, { "ERROR", "FEATURES" }, { "SECTOR COUNT", "SECTOR COUNT" },
    { "LBA LOW", "LBA LOW" }, { "LBA MID", "LBA MID" }, { "LBA HIGH", "LBA HIGH" },
    { "DEVICE", "DEVICE" }, { "STATUS", "COMMAND" },
};

void decode_ata_command(unsigned cmd, struct sbuf *out)
{
    const char *n = dec_name(commands, cmd), *note = dec_name(command_notes, cmd);
    say(out, "ATA command 0x%02X %s", cmd, n ? n : "(not a command TraceOS knows)");
    if (note)
        say(out, " (%s)", note);
}

void decode_ata_status(unsigned st, struct sbuf *out)
{
    dec_bits(out, st, status_bits);
    if (st & 0x80)
        say(out, " (busy: the other bits are not valid)");
}

void decode_ata_error(unsigned err, struct sbuf *out) { dec_bits(out, err, error_bits); }

void decode_ide_port(unsigned addr, unsigned val, int write, struct sbuf *out)
{
    if ((addr & 0x37f) == 0x376) {          /* 0x3f6 / 0x376: control block */
        say(out, "%s = 0x%02x: ", write ? "DEVICE CONTROL" : "ALTERNATE STATUS", val);
        if (write)
            dec_bits(out, val, devctl_bits);
        else
            decode_ata_status(val, out);
        return;
    }
    unsigned r = addr & 7;
    say(out, "task file %s", taskfile[r][write]);
    if (r == 7 && write) {
        say(out, ": ");
        decode_ata_command(val, out);
    } else if (r == 7) {
        say(out, " = 0x%02x (reading it acknowledges the interrupt): ", val);
        decode_ata_status(val, out);
    } else if (r == 1 && !write) {
        say(out, " = 0x%02x: ", val);
        decode_ata_error(val, out);
    } else if (r == 6) {
        say(out, " = 0x%02x: ", val);
        dec_bits(out, val & 0xf0, device_bits);
        say(out, ", %s, LBA28 bits 27:24 = %x", val & 0x10 ? "device 1" : "device 0", val & 15);
    } else {
        say(out, " = 0x%x", val);
    }
}

static enum decode_result exec_cmd(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t cmd;
    if (!dec_num(d, "cmd 0x", &cmd) || cmd > 0xff)
        return DECODE_MALFORMED;
    decode_ata_command((unsigned)cmd, out);
    return DECODE_OK;
}

static enum decode_result dma_cb(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    int64_t sector, n;
    const char *cmd;
    size_t cn;
    if (!dec_int(d, "sector_num=", &sector) || !dec_int(d, "n=", &n) ||
        !dec_word(d, "cmd=", 0, &cmd, &cn))
        return DECODE_MALFORMED;
    say(out, "IDE DMA step (%.*s): at sector %lld, %lld sector%s still to move", (int)(d->end - cmd),
        cmd, (long long)sector, (long long)n, n == 1 ? "" : "s");
    return DECODE_OK;
}

static enum decode_result blk_io(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    int64_t off, to_dev;
    if (!dec_int(d, "offset=", &off) || !dec_int(d, "to_dev=", &to_dev))
        return DECODE_MALFORMED;
    say(out, "block request at image byte %lld (sector %lld): %s", (long long)off,
        (long long)(off / 512), to_dev ? "memory to disk (write)" : "disk to memory (read)");
    return DECODE_OK;
}

static enum decode_result blk_cb(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    int64_t ret;
    if (!dec_int(d, "ret=", &ret))
        return DECODE_MALFORMED;
    if (ret == 0)
        say(out, "block request step done: success");
    else
        say(out, "block request failed: error %lld (a negative errno)", (long long)ret);
    return DECODE_OK;
}

static enum decode_result pio(struct decode_state *st, const struct dline *d, struct sbuf *out,
                              int write)
{
    (void)st;
    uint64_t addr, val;
    if (!dec_num(d, "@ 0x", &addr) || !dec_num(d, "val 0x", &val))
        return DECODE_MALFORMED;
    decode_ide_port((unsigned)addr, (unsigned)val, write, out);
    return DECODE_OK;
}

static enum decode_result pio_read(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    return pio(st, d, out, 0);
}

static enum decode_result pio_write(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    return pio(st, d, out, 1);
}

static enum decode_result pio_data(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    uint64_t val;
    if (!dec_num(d, "val 0x", &val))
        return DECODE_MALFORMED;
    say(out, "PIO data %s 0x%llx", d->name[9] == 'r' ? "in:" : "out:", (unsigned long long)val);
    return DECODE_OK;
}

static enum decode_result sectors(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st;
    int64_t s, n;
    if (!dec_int(d, "sector=", &s) || !dec_int(d, "nsectors=", &n))
        return DECODE_MALFORMED;
    say(out, "PIO transfer of %lld sector(s) from sector %lld", (long long)n, (long long)s);
    return DECODE_OK;
}

static enum decode_result reset(struct decode_state *st, const struct dline *d, struct sbuf *out)
{
    (void)st, (void)d;
    say(out, "IDE device reset (registers to their power-on values)");
    return DECODE_OK;
}

const struct decode_event decode_ide_events[] = {
    { .name = "ide_exec_cmd", .fn = exec_cmd },
    { .name = "ide_bus_exec_cmd", .fn = exec_cmd },
    { .name = "ide_dma_cb", .fn = dma_cb },
    { .name = "dma_blk_io", .fn = blk_io },
    { .name = "dma_blk_cb", .fn = blk_cb },
    { .name = "ide_ioport_read", .fn = pio_read },
    { .name = "ide_status_read", .fn = pio_read },
    { .name = "ide_ioport_write", .fn = pio_write },
    { .name = "ide_ctrl_write", .fn = pio_write },
    { .name = "ide_data_readw", .fn = pio_data },
    { .name = "ide_data_writew", .fn = pio_data },
    { .name = "ide_data_readl", .fn = pio_data },
    { .name = "ide_data_writel", .fn = pio_data },
    { .name = "ide_sector_read", .fn = sectors },
    { .name = "ide_sector_write", .fn = sectors },
    { .name = "ide_reset", .fn = reset },
    { .name = NULL },
};
