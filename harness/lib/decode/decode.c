/* The decoder's dispatch and shared helpers; see decode.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/decode/decode_parts.h"

/* Lines up to this long get their meaning beside them; longer ones under. */
#define ANNOTATE_COLUMN 56

static const struct decode_event *const families[] = {
    decode_pci_events, decode_ide_events, decode_bmdma_events, decode_ahci_events, decode_ps2_events,
    decode_mmio_events,
};

void decode_init(struct decode_state *st)
{
    memset(st, 0, sizeof(*st));
    st->last_read = -1;
    st->translate = -1;
    st->kbd_cmd = -1;
    st->i8042_cmd = -1;
}

void say(struct sbuf *out, const char *fmt, ...)
{
    if (!out)
        return;
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    sb_puts(out, buf);
}

void dec_bits(struct sbuf *out, unsigned v, const struct dec_bit *t)
{
    if (!out)
        return;
    if (!v) {
        sb_puts(out, "none");
        return;
    }
    int first = 1;
    for (; t->mask; t++)
        if ((v & t->mask) == t->mask) {
            sb_printf(out, "%s%s", first ? "" : " ", t->name);
            v &= ~t->mask;
            first = 0;
        }
    if (v)
        sb_printf(out, "%s0x%x", first ? "" : " ", v);
}

const char *dec_name(const struct dec_name *t, unsigned v)
{
    for (; t->name; t++)
        if (t->value == v)
            return t->name;
    return NULL;
}

static const char *find(const struct dline *d, const char *key)
{
    size_t k = strlen(key);
    for (const char *p = d->args; (size_t)(d->end - p) >= k; p++)
        if (*p == key[0] && !memcmp(p, key, k))
            return p + k;
    return NULL;
}

/* Digits at p (hexadecimal or decimal) up to end; 1 when there is one. */
static int digits_at(const char *p, const char *end, int hex, uint64_t *v)
{
    uint64_t x = 0;
    int digits = 0;
    for (; p && p < end && digits < 20; p++, digits++) {
        unsigned c = (unsigned char)*p, dv;
        if (c - '0' < 10)
            dv = c - '0';
        else if (hex && (c | 32) - 'a' < 6)
            dv = (c | 32) - 'a' + 10;
        else
            break;
        x = hex ? x << 4 | dv : x * 10 + dv;
    }
    *v = x;
    return digits > 0;
}

int dec_num(const struct dline *d, const char *key, uint64_t *v)
{
    size_t k = strlen(key);
    int hex = k >= 2 && key[k - 2] == '0' && key[k - 1] == 'x';
    return digits_at(find(d, key), d->end, hex, v);
}

int dec_int(const struct dline *d, const char *key, int64_t *v)
{
    const char *p = find(d, key);
    uint64_t u;
    if (!p || p >= d->end)
        return 0;
    int neg = *p == '-';
    if (!digits_at(p + neg, d->end, 0, &u))
        return 0;
    u &= 0x7fffffffffffffffull;
    *v = neg ? -(int64_t)u : (int64_t)u;
    return 1;
}

int dec_word(const struct dline *d, const char *key, char stop, const char **w, size_t *n)
{
    const char *p = find(d, key), *q = p;
    if (!p)
        return 0;
    while (q < d->end && *q != ' ' && *q != stop)
        q++;
    *w = p;
    *n = (size_t)(q - p);
    return q > p;
}

/* Skip a `-msg timestamp=on` prefix ("TID@SEC.USEC:"). */
static size_t timestamp_prefix(const char *l, size_t n)
{
    size_t i = 0;
    while (i < n && l[i] >= '0' && l[i] <= '9')
        i++;
    if (i == 0 || i >= n || l[i] != '@')
        return 0;
    for (i++; i < n && ((l[i] >= '0' && l[i] <= '9') || l[i] == '.'); i++)
        ;
    return i < n && l[i] == ':' ? i + 1 : 0;
}

static size_t name_len(const char *l, size_t n)
{
    size_t i = 0;
    while (i < n && ((l[i] >= 'a' && l[i] <= 'z') || (l[i] >= '0' && l[i] <= '9') || l[i] == '_'))
        i++;
    return i;
}

/* NAME, then a blank or the end: a line that names an event (a marker line counts). */
static int event_shaped(const char *l, size_t n)
{
    size_t skip = timestamp_prefix(l, n);
    l += skip, n -= skip;
    if ((n >= 3 && !memcmp(l, "== ", 3)) || (n >= 5 && !memcmp(l, "gdb: ", 5)))
        return 1;
    size_t k = name_len(l, n);
    return k > 0 && (k == n || l[k] == ' ');
}

void decode_event_name(const char *line, size_t n, char *name, size_t size)
{
    size_t skip = timestamp_prefix(line, n);
    size_t k = name_len(line + skip, n - skip);
    if (k >= size)
        k = size - 1;
    memcpy(name, line + skip, k);
    name[k] = 0;
}

/* A stop the harness recorded through QEMU's gdb stub (run/debug.c):
 * "gdb: break SYMBOL #N ..." or "gdb: watch WHAT KIND #N by FUNCTION: ...". */
static enum decode_result gdb_line(const char *l, size_t n, struct sbuf *out)
{
    const char *p = l + 5, *end = l + n;
    int brk = end - p > 6 && !memcmp(p, "break ", 6);
    if (!brk && !(end - p > 6 && !memcmp(p, "watch ", 6)))
        return DECODE_MALFORMED;
    p += 6;
    const char *what = p;
    while (p < end && *p != ' ')
        p++;
    if (brk) {
        say(out, "the vCPU stopped at the breakpoint on %.*s (QEMU's gdb stub), here among the "
            "device events", (int)(p - what), what);
        return DECODE_OK;
    }
    const char *kind = ++p;
    while (p < end && *p != ' ')
        p++;
    if (kind >= end)
        return DECODE_MALFORMED;
    say(out, "the %.*s watchpoint on %.*s fired (QEMU's gdb stub)", (int)(p - kind), kind,
        (int)(kind - 1 - what), what);
    const char *by = strstr(p, " by ");
    if (by && by < end) {
        const char *f = by + 4, *fe = f;
        while (fe < end && *fe != ':' && *fe != ' ')
            fe++;
        say(out, " in %.*s", (int)(fe - f), f);
    }
    return DECODE_OK;
}

enum decode_result decode_line(struct decode_state *st, const char *l, size_t n, struct sbuf *out)
{
    if (n && l[n - 1] == '\r')
        n--;
    size_t skip = timestamp_prefix(l, n);
    l += skip, n -= skip;
    if (n >= 3 && !memcmp(l, "== ", 3))
        return decode_marker_line(st, l, n, out);
    if (n >= 5 && !memcmp(l, "gdb: ", 5))
        return gdb_line(l, n, out);
    size_t k = name_len(l, n);
    if (k == 0 || (k < n && l[k] != ' '))
        return DECODE_MALFORMED;
    struct dline d = { .name = l, .nlen = k, .args = l + (k < n ? k + 1 : k), .end = l + n };
    for (size_t f = 0; f < sizeof(families) / sizeof(families[0]); f++)
        for (const struct decode_event *e = families[f]; e->name; e++)
            if (e->name[0] == l[0] && !strncmp(e->name, l, k) && e->name[k] == 0)
                return e->fn(st, &d, out);
    return DECODE_UNKNOWN;
}

void decode_annotate(struct sbuf *out, const char *line, size_t n, const char *meaning)
{
    sb_add(out, line, n);
    if (!meaning || !*meaning) {
        sb_addc(out, '\n');
        return;
    }
    if (n <= ANNOTATE_COLUMN)
        sb_printf(out, "%*s  # %s\n", (int)(ANNOTATE_COLUMN - n), "", meaning);
    else
        sb_printf(out, "\n%*s  # %s\n", ANNOTATE_COLUMN, "", meaning);
}

/* The meaning of one line for display: the decoding, or why there is none. */
static enum decode_result meaning_of(struct decode_state *st, const char *l, size_t n,
                                     struct sbuf *m)
{
    m->len = 0;
    enum decode_result r = n ? decode_line(st, l, n, m) : DECODE_OK;
    if (r != DECODE_OK) {
        char name[64];
        decode_event_name(l, n, name, sizeof(name));
        m->len = 0;
        if (r == DECODE_UNKNOWN)
            sb_printf(m, "not decoded: %s", name);
        else
            sb_printf(m, "undecodable: %s", event_shaped(l, n) ? "its fields cannot be read" : "not a trace line");
    }
    sb_add(m, "", 0);
    return r;
}

int decode_explain(const char *text, size_t len, struct sbuf *out)
{
    struct decode_state st;
    struct sbuf m = { 0 };
    int bad = 0;
    decode_init(&st);
    for (const char *p = text, *end = text + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        bad += meaning_of(&st, p, n, &m) != DECODE_OK;
        decode_annotate(out, p, n && p[n - 1] == '\r' ? n - 1 : n, m.p);
        p += n + 1;
    }
    sb_free(&m);
    return bad;
}

void decode_meanings(const char *text, size_t len, struct decode_meanings *mm)
{
    struct decode_state st;
    struct sbuf m = { 0 };
    size_t cap = 0;
    decode_init(&st);
    mm->v = NULL;
    mm->n = 0;
    for (const char *p = text, *end = text + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        meaning_of(&st, p, n, &m);
        if (mm->n == cap) {
            cap = cap ? 2 * cap : 64;
            mm->v = xrealloc(mm->v, cap * sizeof(*mm->v));
        }
        mm->v[mm->n++] = xstrndup(m.p, m.len);
        p += n + 1;
    }
    sb_free(&m);
}

void decode_meanings_free(struct decode_meanings *mm)
{
    for (size_t i = 0; i < mm->n; i++)
        free(mm->v[i]);
    free(mm->v);
    mm->v = NULL;
    mm->n = 0;
}
