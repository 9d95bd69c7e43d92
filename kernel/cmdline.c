#include "cmdline.h"
#include "tracedev.h"

#define DMA_MAX_SECTORS     65536u
#define LBA48_LIMIT         (1ull << 48)

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

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

static int parse_dma(struct cmdline *cl, struct cmd *c, const char *w, size_t len)
{
    const char *v = w + 4;              /* after "dma=" */
    size_t vlen = len - 4, colon = 0;
    while (colon < vlen && v[colon] != ':')
        colon++;
    uint64_t lba, count;
    if (colon == vlen || cmdline_number(v, colon, &lba) < 0 ||
        cmdline_number(v + colon + 1, vlen - colon - 1, &count) < 0)
        return bad(cl, c, "bad dma word: write dma=LBA:COUNT");
    if (count < 1 || count > DMA_MAX_SECTORS)
        return bad(cl, c, "dma COUNT must be 1 to 65536");
    if (lba >= LBA48_LIMIT || lba + count > LBA48_LIMIT)
        return bad(cl, c, "dma range ends beyond LBA 2^48");
    c->kind = CMD_DMA;
    c->a = lba;
    c->b = (uint32_t)count;
    return 0;
}

static int parse_fault(struct cmdline *cl, struct cmd *c, const char *w, size_t len)
{
    static const char *const names[] = {
        [FAULT_DE] = "de", [FAULT_UD] = "ud", [FAULT_GP] = "gp",
        [FAULT_PF] = "pf", [FAULT_TRIPLE] = "triple",
    };
    for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (word_is(w + 6, len - 6, names[i])) {
            c->kind = CMD_FAULT;
            c->a = i;
            return 0;
        }
    }
    return bad(cl, c, "unknown fault: use fault=de, ud, gp, pf or triple");
}

static int parse_trace(struct cmdline *cl, struct cmd *c, const char *w, size_t len)
{
    uint64_t addr;
    if (cmdline_number(w + 6, len - 6, &addr) < 0 || addr > 0xFFFFFFF8u || (addr & 3))
        return bad(cl, c, "bad trace address: use a 4-byte aligned 32-bit address");
    c->kind = CMD_TRACE;
    c->a = addr;
    cl->trace_base = (uintptr_t)addr;
    return 0;
}

static int starts_with(const char *w, size_t len, const char *prefix)
{
    size_t i = 0;
    for (; prefix[i]; i++)
        if (i >= len || w[i] != prefix[i])
            return 0;
    return 1;
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
    if (word_is(w, len, "pci"))
        c->kind = CMD_PCI;
    else if (word_is(w, len, "pci-v"))
        c->kind = CMD_PCI_V;
    else if (word_is(w, len, "kbd"))
        c->kind = CMD_KBD;
    else if (word_is(w, len, "exit"))
        c->kind = CMD_EXIT;
    else if (starts_with(w, len, "dma="))
        parse_dma(cl, c, w, len);
    else if (starts_with(w, len, "fault="))
        parse_fault(cl, c, w, len);
    else if (starts_with(w, len, "trace="))
        parse_trace(cl, c, w, len);
    else
        bad(cl, c, "unknown word: known are pci, pci-v, kbd, dma=LBA:COUNT, fault=KIND, trace=ADDR, exit");
    if (c->kind == CMD_EXIT)
        cl->has_exit = 1;
    else if (c->kind != CMD_TRACE && c->kind != CMD_BAD)
        cl->nphases++;
}

int cmdline_parse(const char *line, struct cmdline *cl)
{
    cl->ncmds = cl->nbad = cl->dropped = cl->has_exit = cl->nphases = 0;
    cl->trace_base = TRACEDEV_DEFAULT_BASE;
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
