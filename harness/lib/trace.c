/* Trace log normalizer: marker decoding, segment cutting, pointer masking. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "abi/tracedev.h"
#include "harness/lib/trace.h"


const char *trace_phase_name(unsigned phase)
{
#define X(v, N, s) case v: return s;
    switch (phase) { TRACE_PHASES(X) }
#undef X
    return NULL;
}

static const char *kind_name(unsigned kind)
{
#define X(v, N, s) case v: return s;
    switch (kind) { TRACE_KINDS(X) }
#undef X
    return NULL;
}

void trace_marker_text(uint32_t w, uint32_t data, struct sbuf *out)
{
    unsigned kind = TRACEDEV_MARK_KIND(w), phase = TRACEDEV_MARK_PHASE(w), arg = TRACEDEV_MARK_ARG(w);
    const char *kn = kind_name(kind), *pn = trace_phase_name(phase);
    if (TRACEDEV_MARK_MAGIC(w) != TRACEDEV_MAGIC || !kn) {
        sb_printf(out, "== bad-marker 0x%08x", w);
        return;
    }
    if (pn)
        sb_printf(out, "== %s %s", kn, pn);
    else
        sb_printf(out, "== %s phase=0x%02x", kn, phase);
    switch (kind) {
    case TRACE_KIND_END: sb_printf(out, " status=%u", arg); break;
    case TRACE_KIND_CHECK: sb_printf(out, " tag=0x%x value=0x%08x", arg, data); break;
    case TRACE_KIND_ACK: sb_printf(out, " %u", arg); break;
    case TRACE_KIND_VERDICT: sb_printf(out, " %s", arg == 0 ? "pass" : arg == 1 ? "fail" : "?"); break;
    default: if (arg) sb_printf(out, " arg=0x%x", arg);
    }
}

/* Parse hex digits after "0x" at p (bounded by end); returns end of digits. */
static const char *parse_hex(const char *p, const char *end, uint64_t *v)
{
    uint64_t x = 0;
    for (; p < end; p++) {
        unsigned c = (unsigned char)*p, d;
        if (c - '0' < 10) d = c - '0';
        else if ((c | 32) - 'a' < 6) d = (c | 32) - 'a' + 10;
        else break;
        x = x << 4 | d;
    }
    *v = x;
    return p;
}

/* First occurrence of key[0..klen) in [p, end), or NULL. */
static const char *find_str(const char *p, const char *end, const char *key, size_t klen)
{
    while ((size_t)(end - p) >= klen) {
        const char *c = memchr(p, key[0], (size_t)(end - p) - klen + 1);
        if (!c)
            return NULL;
        if (!memcmp(c, key, klen))
            return c;
        p = c + 1;
    }
    return NULL;
}

/* Find " KEY 0x" in [p, end) and parse the number; 0 when absent. */
static int field_hex(const char *p, const char *end, const char *key, size_t klen, uint64_t *v)
{
    const char *f = find_str(p, end, key, klen);
    if (!f)
        return 0;
    parse_hex(f + klen, end, v);
    return 1;
}

static int starts_with(const char *t, size_t n, const struct trace_field *f)
{
    return n >= f->len && !memcmp(t, f->s, f->len);
}

static int tok_is(const char *t, size_t n, const struct trace_field *f)
{
    return n == f->len && !memcmp(t, f->s, n);
}

/* A trace-device write: 1 and *off, *value set. */
static int device_write(const struct trace_rules *r, const char *l, size_t n, uint64_t base,
                        uint64_t *off, uint64_t *value)
{
    size_t en = r->write_event.len;
    if (n < en + 1 || memcmp(l, r->write_event.s, en) || l[en] != ' ')
        return 0;
    const char *end = l + n;
    uint64_t addr;
    if (!field_hex(l + en, end, r->addr_field.s, r->addr_field.len, &addr) ||
        !field_hex(l + en, end, r->value_field.s, r->value_field.len, value))
        return 0;
    if (!(addr >= base && addr < base + 8))
        return 0;
    *off = addr - base;
    return 1;
}

int trace_line_marker(const struct trace_rules *rules, const char *line, size_t n, uint64_t base,
                      uint32_t *word)
{
    uint64_t off, value;
    if (!device_write(rules, line, n, base, &off, &value) || off != TRACEDEV_REG_MARK)
        return 0;
    *word = (uint32_t)value;
    return 1;
}

/* Normalizer state. */
#define EVCACHE 32
struct norm {
    const struct trace_opts *o;
    struct trace_out *out;
    const char *name;
    uint64_t lineno;
    int open_phase;             /* -1 none */
    uint64_t open_line;
    uint32_t data;
    uint64_t *ptrs;             /* pointer bindings, P0 first; an address may recur */
    size_t nptrs, capptrs;
    /* Per event name: keep all its lines (a glob without region), some (a
     * glob with one: by_region), and its golden name. */
    struct { char name[48]; size_t len; int keep, by_region; const char *rename; } ev[EVCACHE];
    int nev;
};

/* The golden name of event l[0..n): a rename's, else NULL (its own). */
static const char *golden_name(const struct trace_rules *r, const char *l, size_t n)
{
    for (const struct trace_rename *x = r->renames; x && x->qemu; x++)
        if (strlen(x->qemu) == n && !memcmp(x->qemu, l, n))
            return x->golden;
    return NULL;
}

static const char *opt_region(const struct trace_opts *o, int i)
{
    return o->regions && i < o->regions->n ? o->regions->v[i] : "";
}

/* Does event `name` (its golden name, gn bytes) have globs that keep all
 * its lines (*all), and globs that keep its lines on one region (*some)? */
static void event_globs(const struct trace_opts *o, const char *name, size_t gn, int *all, int *some)
{
    *all = *some = 0;
    for (int i = 0; i < o->events->n; i++)
        if (glob_match(o->events->v[i], name, gn))
            *(opt_region(o, i)[0] ? some : all) = 1;
}

/* The region a memory-region event's line names ("pcie-mmcfg-mmio"): its
 * start, with its length in *rn; NULL when the line has none. */
static const char *line_region(const struct trace_rules *r, const char *l, size_t n, size_t *rn)
{
    if (!r->region_field.s)
        return NULL;
    const char *f = find_str(l, l + n, r->region_field.s, r->region_field.len);
    if (!f)
        return NULL;
    const char *b = f + r->region_field.len, *q = memchr(b, '\'', (size_t)(l + n - b));
    if (!q)
        return NULL;
    *rn = (size_t)(q - b);
    return b;
}

/* Is line l[0..n) on a region that a glob matching its event's golden
 * name selects? */
static int region_wanted(const struct norm *s, const char *name, size_t gn, const char *l, size_t n)
{
    size_t rn;
    const char *reg = line_region(s->o->rules, l, n, &rn);
    for (int i = 0; reg && i < s->o->events->n; i++) {
        const char *want = opt_region(s->o, i);
        if (want[0] && strlen(want) == rn && !memcmp(want, reg, rn) && glob_match(s->o->events->v[i], name, gn))
            return 1;
    }
    return 0;
}

/* Is line l[0..n), of event l[0..en), one to keep? The globs match its
 * golden name, which goes to *rename (NULL: the name is kept). Lines of
 * the write event (every device's MMIO and port writes) are kept only by
 * a glob with a region. */
static int event_wanted(struct norm *s, const char *l, size_t en, size_t n, int write, const char **rename)
{
    int k = -1;
    for (int i = 0; i < s->nev && k < 0; i++)
        if (s->ev[i].len == en && !memcmp(s->ev[i].name, l, en))
            k = i;
    const char *g = k >= 0 ? s->ev[k].rename : golden_name(s->o->rules, l, en);
    const char *name = g ? g : l;
    size_t gn = g ? strlen(g) : en;
    int all, some;
    if (k >= 0) {
        all = s->ev[k].keep, some = s->ev[k].by_region;
    } else {
        event_globs(s->o, name, gn, &all, &some);
        if (s->nev < EVCACHE && en < sizeof(s->ev[0].name)) {
            memcpy(s->ev[s->nev].name, l, en);
            s->ev[s->nev].len = en;
            s->ev[s->nev].keep = all;
            s->ev[s->nev].by_region = some;
            s->ev[s->nev].rename = g;
            s->nev++;
        }
    }
    *rename = g;
    if (all && !write)
        return 1;
    return some && region_wanted(s, name, gn, l, n);
}

/* The name of pointer v: its latest binding, or a new one when `fresh` says
 * that the line allocates a new object that may reuse a freed address. */
static size_t ptr_index(struct norm *s, uint64_t v, int fresh)
{
    for (size_t i = s->nptrs; i-- > 0 && !fresh;)
        if (s->ptrs[i] == v)
            return i;
    if (s->nptrs == s->capptrs) {
        s->capptrs = s->capptrs ? s->capptrs * 2 : 16;
        s->ptrs = xrealloc(s->ptrs, s->capptrs * sizeof(*s->ptrs));
    }
    s->ptrs[s->nptrs] = v;
    return s->nptrs++;
}

/* Does the token [t, t+n) hold a pointer, and where do its hex digits
 * start? `prev` is the token before it, `idx` its place in the line (0 is
 * the event name), `first_arg` whether the event's first argument is one. */
static const char *pointer_at(const struct trace_rules *r, const char *t, size_t n,
                              const char *prev, size_t pn, int idx, int first_arg)
{
    const char *h = NULL;
    for (const struct trace_field *f = r->ptr_prefix; f->s && !h; f++)
        if (starts_with(t, n, f))
            h = t + f->len;
    if (!h && first_arg && idx == 1)
        h = t;
    for (const struct trace_field *f = r->ptr_after; f->s && !h && prev; f++)
        if (tok_is(prev, pn, f))
            h = t;
    if (h && (size_t)(t + n - h) > 2 && h[0] == '0' && h[1] == 'x')
        return h;
    return NULL;
}

static int any_prefix(const struct trace_field *f, const char *l, size_t n)
{
    for (; f->s; f++)
        if (starts_with(l, n, f))
            return 1;
    return 0;
}

/* Copy one event line to the output with pointer fields masked and the
 * event's name replaced by `rename` (NULL: kept). */
static void emit_masked(struct norm *s, const char *l, size_t n, const char *rename)
{
    const struct trace_rules *r = s->o->rules;
    struct sbuf *o = &s->out->text;
    const char *end = l + n, *p = l, *prev = NULL;
    size_t pn = 0;
    int idx = 0, first_arg = any_prefix(r->ptr_first_arg, l, n);
    /* A new allocation (dma_blk_io's dbs on 7.2) may reuse a freed address. */
    int fresh_line = r->fresh.event.s && starts_with(l, n, &r->fresh.event);
    sb_reserve(o, n + 16);
    while (p < end) {
        const char *t = p;
        while (p < end && *p != ' ')
            p++;
        size_t tn = (size_t)(p - t);
        const char *h = pointer_at(r, t, tn, prev, pn, idx, first_arg);
        if (idx == 0 && rename) {
            sb_puts(o, rename);
        } else if (h) {
            uint64_t v;
            const char *after = parse_hex(h + 2, p, &v);
            sb_add(o, t, (size_t)(h - t));
            int fresh = fresh_line && starts_with(t, tn, &r->fresh.field);
            sb_printf(o, "P%zu", ptr_index(s, v, fresh));
            sb_add(o, after, (size_t)(p - after));
        } else {
            sb_add(o, t, tn);
        }
        if (p < end)
            sb_addc(o, *p++);
        prev = t;
        pn = tn;
        idx++;
    }
    sb_addc(o, '\n');
}

static void problem(struct norm *s, uint64_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void problem(struct norm *s, uint64_t line, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    sb_printf(&s->out->why, "%s:%llu: %s", s->name, (unsigned long long)line, buf);
    sb_addc(&s->out->why, '\n');
    s->out->problems++;
}

#define PNAME_MAX sizeof("0xff")

/* A phase's name, or its number (8 bits) in buf[PNAME_MAX]. */
static const char *pname(unsigned phase, char *buf)
{
    const char *n = trace_phase_name(phase);
    if (n)
        return n;
    snprintf(buf, PNAME_MAX, "0x%02x", phase & 0xFFu);
    return buf;
}

static void on_marker(struct norm *s, uint32_t w)
{
    unsigned kind = TRACEDEV_MARK_KIND(w), phase = TRACEDEV_MARK_PHASE(w);
    char b1[PNAME_MAX], b2[PNAME_MAX];
    s->out->markers++;
    if (kind == TRACE_KIND_BEGIN) {
        if (s->open_phase >= 0) {
            problem(s, s->open_line, "phase %s began here but has no END marker before phase %s began",
                    pname((unsigned)s->open_phase, b1), pname(phase, b2));
            sb_puts(&s->out->text, "== missing end\n");
        }
        s->open_phase = (int)phase;
        s->open_line = s->lineno;
        s->out->segments++;
    } else if (s->open_phase < 0) {
        if (kind == TRACE_KIND_END)
            problem(s, s->lineno, "END marker of phase %s without a BEGIN", pname(phase, b1));
        return;
    }
    trace_marker_text(w, s->data, &s->out->text);
    sb_addc(&s->out->text, '\n');
    if (kind == TRACE_KIND_END) {
        if ((int)phase != s->open_phase)
            problem(s, s->lineno, "END marker of phase %s inside phase %s",
                    pname(phase, b1), pname((unsigned)s->open_phase, b2));
        else
            s->out->ended++;
        s->open_phase = -1;
    }
}

static void one_line(struct norm *s, const char *l, size_t n)
{
    uint64_t off, value;
    if (n && l[n - 1] == '\r')
        n--;
    const struct trace_rules *r = s->o->rules;
    if (device_write(r, l, n, s->o->base, &off, &value)) {
        if (off == TRACEDEV_REG_MARK)
            on_marker(s, (uint32_t)value);
        else if (off == TRACEDEV_REG_DATA)
            s->data = (uint32_t)value;
        return;
    }
    if (s->open_phase < 0)
        return;
    const char *sp = memchr(l, ' ', n);
    size_t en = sp ? (size_t)(sp - l) : n;
    const char *rename;
    if (en && event_wanted(s, l, en, n, tok_is(l, en, &r->write_event), &rename))
        emit_masked(s, l, n, rename);
}

/* The inserts placed before byte `at` of the log (all of them at its end). */
static void inserts_before(struct norm *s, size_t *next, uint64_t at)
{
    const struct trace_opts *o = s->o;
    for (; *next < o->ninserts && o->inserts[*next].offset <= at; (*next)++) {
        sb_puts(&s->out->text, o->inserts[*next].text);
        sb_addc(&s->out->text, '\n');
    }
}

int trace_normalize(const char *buf, size_t len, const char *name,
                    const struct trace_opts *o, struct trace_out *out)
{
    struct norm s = { .o = o, .out = out, .name = name, .open_phase = -1 };
    const char *p = buf, *end = buf + len;
    size_t next = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        inserts_before(&s, &next, (uint64_t)(p - buf));
        s.lineno++;
        one_line(&s, p, n);
        p += n + 1;
    }
    inserts_before(&s, &next, UINT64_MAX);
    if (s.open_phase >= 0) {
        char b1[PNAME_MAX];
        problem(&s, s.open_line, "phase %s began here but has no END marker",
                pname((unsigned)s.open_phase, b1));
    }
    free(s.ptrs);
    if (!out->text.p)
        sb_add(&out->text, "", 0);
    return out->problems;
}

void trace_out_free(struct trace_out *out)
{
    sb_free(&out->text);
    sb_free(&out->why);
}
