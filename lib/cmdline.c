#include "lib/cmdline.h"
#include "abi/tracedev.h"
#include "hw/ata.h"
#include "lib/text.h"

/* Highest trace= address: the last register (DATA, 4 bytes) must end at or
 * below 4 GiB - 1. */
#define TRACE_BASE_MAX      (0xFFFFFFFFull - TRACEDEV_REG_DATA - 3)

static int word_is(const char *w, size_t len, const char *lit)
{
    size_t i = 0;
    for (; i < len && lit[i]; i++)
        if (w[i] != lit[i])
            return 0;
    return i == len && lit[i] == '\0';
}

int cmdline_number(const char *s, size_t len, uint64_t *out)
{
    unsigned base = 10;
    if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
        len -= 2;
    }
    if (len == 0)
        return -1;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        unsigned d;
        if (c >= '0' && c <= '9')
            d = (unsigned)(c - '0');
        else if (base == 16 && c >= 'a' && c <= 'f')
            d = (unsigned)(c - 'a' + 10);
        else if (base == 16 && c >= 'A' && c <= 'F')
            d = (unsigned)(c - 'A' + 10);
        else
            return -1;
        if (v > (UINT64_MAX - d) / base)
            return -1;
        v = v * base + d;
    }
    *out = v;
    return 0;
}

static int bad(struct cmdline *cl, struct cmd *c, const char *why)
{
    c->kind = CMD_BAD;
    c->why = why;
    cl->nbad++;
    return -1;
}

static int parse_dma(struct cmdline *cl, struct cmd *c, const char *v, size_t vlen)
{
    size_t colon = 0;
    while (colon < vlen && v[colon] != ':')
        colon++;
    uint64_t lba, count;
    if (colon == vlen || cmdline_number(v, colon, &lba) < 0 ||
        cmdline_number(v + colon + 1, vlen - colon - 1, &count) < 0)
        return bad(cl, c, "bad dma word: write dma=LBA:COUNT");
    if (count < 1 || count > CMDLINE_DMA_MAX_SECTORS)
        return bad(cl, c, "dma COUNT must be 1 to " XSTR(CMDLINE_DMA_MAX_SECTORS));
    if (lba >= ATA_LBA48_LIMIT || lba + count > ATA_LBA48_LIMIT)
        return bad(cl, c, "dma range ends beyond LBA 2^48");
    c->kind = CMD_DMA;
    c->a = lba;
    c->b = (uint32_t)count;
    return 0;
}

static const char *const fault_names[] = {
    [FAULT_DE] = "de", [FAULT_UD] = "ud", [FAULT_GP] = "gp",
    [FAULT_PF] = "pf", [FAULT_TRIPLE] = "triple",
};
#define NFAULTS (sizeof(fault_names) / sizeof(fault_names[0]))

const char *fault_name(enum fault_kind kind)
{
    return (unsigned)kind < NFAULTS ? fault_names[kind] : "?";
}

static int parse_fault(struct cmdline *cl, struct cmd *c, const char *v, size_t vlen)
{
    for (unsigned i = 0; i < NFAULTS; i++) {
        if (word_is(v, vlen, fault_names[i])) {
            c->kind = CMD_FAULT;
            c->a = i;
            return 0;
        }
    }
    return bad(cl, c, "unknown fault: use fault=de, ud, gp, pf or triple");
}

static int parse_trace(struct cmdline *cl, struct cmd *c, const char *v, size_t vlen)
{
    uint64_t addr;
    if (cmdline_number(v, vlen, &addr) < 0 || addr > TRACE_BASE_MAX || (addr & 3))
        return bad(cl, c, "bad trace address: use a 4-byte aligned 32-bit address");
    c->kind = CMD_TRACE;
    cl->trace_base = (uintptr_t)addr;
    return 0;
}

/* The disk drivers disk= may name (drivers/blk.c's table). */
static const char *const disk_names[] = { "ata", "ahci" };

static int parse_disk(struct cmdline *cl, struct cmd *c, const char *v, size_t vlen)
{
    for (unsigned i = 0; i < sizeof(disk_names) / sizeof(disk_names[0]); i++) {
        if (word_is(v, vlen, disk_names[i])) {
            c->kind = CMD_DISK;
            cl->disk = disk_names[i];
            return 0;
        }
    }
    return bad(cl, c, "unknown disk driver: use disk=ata (PIIX IDE) or disk=ahci");
}

static int parse_vga(struct cmdline *cl, struct cmd *c, const char *v, size_t vlen)
{
    if (!word_is(v, vlen, "on") && !word_is(v, vlen, "off"))
        return bad(cl, c, "unknown vga setting: use vga=on (the default) or vga=off (serial only)");
    c->kind = CMD_VGA;
    cl->vga_off = word_is(v, vlen, "off");
    return 0;
}

/* Length of `prefix` when the word starts with it, else 0. */
static size_t starts_with(const char *w, size_t len, const char *prefix)
{
    size_t i = 0;
    for (; prefix[i]; i++)
        if (i >= len || w[i] != prefix[i])
            return 0;
    return i;
}

static void parse_word(struct cmdline *cl, const char *w, size_t len)
{
    if (cl->ncmds == CMDLINE_MAX_WORDS) {
        cl->dropped++;
        return;
    }
    struct cmd *c = &cl->cmds[cl->ncmds++];
    c->a = 0;
    c->b = 0;
    c->word = w;
    c->len = len;
    c->why = 0;
    size_t p;
    if (word_is(w, len, "pci"))
        c->kind = CMD_PCI;
    else if (word_is(w, len, "pci-v"))
        c->kind = CMD_PCI_V;
    else if (word_is(w, len, "pci-vv"))
        c->kind = CMD_PCI_VV;
    else if (word_is(w, len, "pci-x"))
        c->kind = CMD_PCI_X;
    else if (word_is(w, len, "pci-xxx"))
        c->kind = CMD_PCI_XXX;
    else if (word_is(w, len, "pci-xxxx"))
        c->kind = CMD_PCI_XXXX;
    else if (word_is(w, len, "kbd"))
        c->kind = CMD_KBD;
    else if (word_is(w, len, "console"))
        c->kind = CMD_CONSOLE;
    else if (word_is(w, len, "exit"))
        c->kind = CMD_EXIT;
    else if ((p = starts_with(w, len, "dma=")) != 0)
        parse_dma(cl, c, w + p, len - p);
    else if ((p = starts_with(w, len, "fault=")) != 0)
        parse_fault(cl, c, w + p, len - p);
    else if ((p = starts_with(w, len, "trace=")) != 0)
        parse_trace(cl, c, w + p, len - p);
    else if ((p = starts_with(w, len, "disk=")) != 0)
        parse_disk(cl, c, w + p, len - p);
    else if ((p = starts_with(w, len, "vga=")) != 0)
        parse_vga(cl, c, w + p, len - p);
    else
        bad(cl, c, "unknown word: known are pci, pci-v, pci-vv, pci-x, pci-xxx, pci-xxxx, kbd, console, dma=LBA:COUNT, fault=KIND, trace=ADDR, disk=ata|ahci, vga=on|off, exit");
    if (c->kind == CMD_EXIT)
        cl->has_exit = 1;
    else if (c->kind != CMD_TRACE && c->kind != CMD_DISK && c->kind != CMD_VGA && c->kind != CMD_BAD)
        cl->nphases++;
}

int cmdline_parse(const char *line, struct cmdline *cl)
{
    cl->ncmds = cl->nbad = cl->dropped = cl->has_exit = cl->nphases = 0;
    cl->trace_base = TRACEDEV_DEFAULT_BASE;
    cl->disk = 0;
    cl->vga_off = 0;
    if (!line)
        return 0;
    int first = 1;
    while (*line) {
        while (is_space(*line))
            line++;
        if (!*line)
            break;
        const char *w = line;
        while (*line && !is_space(*line))
            line++;
        if (first)
            first = 0;          /* the kernel path */
        else
            parse_word(cl, w, (size_t)(line - w));
    }
    return cl->nbad + cl->dropped;
}
