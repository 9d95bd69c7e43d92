/* The decoder where failures are shown: annotated diffs, the first
 * differing line, the markers of a raw log, annotated last lines. Pure; see
 * decode.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "abi/tracedev.h"
#include "harness/lib/decode/decode_parts.h"
#include "harness/lib/trace.h"

/* Line i (0-based) of text: its start and length; 0 when there is none. */
struct text_lines {
    const char **p;
    size_t *n, count;
};

static void split(const char *t, size_t len, struct text_lines *l)
{
    size_t cap = 0;
    *l = (struct text_lines){ 0 };
    for (const char *p = t, *end = t + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (l->count == cap) {
            cap = cap ? 2 * cap : 256;
            l->p = xrealloc(l->p, cap * sizeof(*l->p));
            l->n = xrealloc(l->n, cap * sizeof(*l->n));
        }
        l->p[l->count] = p;
        l->n[l->count++] = n;
        p += n + 1;
    }
}

static void split_free(struct text_lines *l)
{
    free(l->p);
    free(l->n);
}

void decode_annotate_diff(const char *a, size_t alen, const char *b, size_t blen,
                          const char *diff, size_t dlen, struct sbuf *out)
{
    struct decode_meanings ma, mb;
    decode_meanings(a, alen, &ma);
    decode_meanings(b, blen, &mb);
    size_t ai = 0, bi = 0;
    for (const char *p = diff, *end = diff + dlen; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        size_t as, an, bs, bn;
        char hdr[96];
        snprintf(hdr, sizeof(hdr), "%.*s", (int)(n < 95 ? n : 95), p);
        const char *meaning = NULL;
        if (n > 3 && !memcmp(p, "@@ -", 4) &&
            sscanf(hdr, "@@ -%zu,%zu +%zu,%zu @@", &as, &an, &bs, &bn) == 4) {
            ai = an ? as - 1 : as;
            bi = bn ? bs - 1 : bs;
        } else if (n && p[0] == ' ') {
            ai++, bi++;
        } else if (n && p[0] == '-' && !(n >= 4 && !memcmp(p, "--- ", 4) && ai == 0 && bi == 0)) {
            meaning = ai < ma.n ? ma.v[ai] : NULL;
            ai++;
        } else if (n && p[0] == '+' && !(n >= 4 && !memcmp(p, "+++ ", 4) && ai == 0 && bi == 0)) {
            meaning = bi < mb.n ? mb.v[bi] : NULL;
            bi++;
        }
        decode_annotate(out, p, n, meaning);
        p += n + 1;
    }
    decode_meanings_free(&ma);
    decode_meanings_free(&mb);
}

static void meaning_line(struct decode_state *st, const char *l, size_t n, struct sbuf *m);

/* The meaning of line k of l, after a state-only pass over the lines before
 * it from `st` (which it advances). */
static void meaning_at(struct decode_state *st, const struct text_lines *l, size_t from,
                       size_t k, struct sbuf *m)
{
    for (size_t i = from; i < k; i++)
        decode_line(st, l->p[i], l->n[i], NULL);
    meaning_line(st, l->p[k], l->n[k], m);
}

/* The meaning of one line for a report, or why there is none. */
static void meaning_line(struct decode_state *st, const char *l, size_t n, struct sbuf *m)
{
    m->len = 0;
    enum decode_result r = decode_line(st, l, n, m);
    if (r != DECODE_OK) {
        char name[64];
        decode_event_name(l, n, name, sizeof(name));
        m->len = 0;
        sb_printf(m, r == DECODE_UNKNOWN ? "not decoded: %s" : "undecodable%s", r == DECODE_UNKNOWN ? name : "");
    }
    sb_add(m, "", 0);
}

static size_t line_len(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? (size_t)(nl - p) : (size_t)(end - p);
}

/* Lines are compared in one pass. What a line means depends only on the
 * lines of its own phase (each phase sets its devices up afresh), so the
 * state-only pass starts at the last `== begin` before the difference: a
 * failure costs one segment's decoding, not the whole trace's. */
int decode_first_difference(const char *golden, size_t glen, const char *actual, size_t alen,
                            const char *indent, struct sbuf *out)
{
    const char *g = golden, *ge = golden + glen, *a = actual, *ae = actual + alen, *seg = golden;
    size_t k = 0;
    while (g < ge && a < ae) {
        size_t gn = line_len(g, ge), an = line_len(a, ae);
        if (gn != an || memcmp(g, a, gn))
            break;
        if (gn > 9 && !memcmp(g, "== begin ", 9))
            seg = g;
        g += gn + 1, a += an + 1, k++;
    }
    if (g >= ge && a >= ae) {
        sb_printf(out, "%strace: the same as the golden (%zu lines)\n", indent, k);
        return 0;
    }
    struct decode_state st, st2;
    struct sbuf m = { 0 }, line = { 0 };
    decode_init(&st);
    for (const char *p = seg; p < g;) {         /* the common part of the phase: one state */
        size_t n = line_len(p, g);
        decode_line(&st, p, n, NULL);
        p += n + 1;
    }
    st2 = st;
    sb_printf(out, "%sfirst trace difference, line %zu:\n", indent, k + 1);
    const char *const who[] = { "golden: ", "actual: " }, *at[] = { g, a }, *end[] = { ge, ae };
    struct decode_state *sp[] = { &st, &st2 };
    for (int s = 0; s < 2; s++) {
        line.len = 0;
        sb_printf(&line, "%s  %s", indent, who[s]);
        if (at[s] < end[s]) {
            size_t n = line_len(at[s], end[s]);
            meaning_line(sp[s], at[s], n, &m);
            sb_add(&line, at[s], n);
            decode_annotate(out, line.p, line.len, m.p);
        } else {
            sb_printf(out, "%s(no line %zu: the %s ends here)\n", line.p, k + 1, s ? "actual trace" : "golden");
        }
    }
    sb_free(&m);
    sb_free(&line);
    return 1;
}

void decode_tail(const char *title, const char *text, size_t len, int n, const char *indent,
                 struct sbuf *out)
{
    struct text_lines l;
    struct decode_state st;
    struct sbuf m = { 0 }, line = { 0 };
    split(text, len, &l);
    decode_init(&st);
    size_t from = l.count > (size_t)n ? l.count - (size_t)n : 0;
    sb_printf(out, "%s%s:\n", indent, title);
    for (size_t i = 0; i < l.count; i++) {
        if (i < from) {
            decode_line(&st, l.p[i], l.n[i], NULL);
            continue;
        }
        meaning_at(&st, &l, i, i, &m);
        line.len = 0;
        sb_printf(&line, "%s  %.*s", indent, (int)l.n[i], l.p[i]);
        decode_annotate(out, line.p, line.len, m.p);
    }
    sb_free(&m);
    sb_free(&line);
    split_free(&l);
}

static int has(const char *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (p[i] == s[0] && !memcmp(p + i, s, k))
            return 1;
    return 0;
}

/* One marker of a raw log, for decode_markers_seen. */
struct seen_marker {
    uint32_t word, data;
};

static void marker_entry(const struct seen_marker *s, size_t run, const char *indent, struct sbuf *out)
{
    struct sbuf t = { 0 }, m = { 0 };
    trace_marker_text(s->word, s->data, &t);
    if (run > 1)
        sb_printf(&t, " ... (%zu ACKs in a row)", run);
    decode_marker_word(s->word, s->data, &m);
    const char *meaning = strstr(sb_str(&m), ": ");
    struct sbuf line = { 0 };
    sb_printf(&line, "%s  %s", indent, sb_str(&t));
    decode_annotate(out, line.p, line.len, meaning ? meaning + 2 : sb_str(&m));
    sb_free(&t);
    sb_free(&m);
    sb_free(&line);
}

int decode_markers_seen(const struct trace_rules *rules, uint64_t base, const char *log, size_t len,
                        const char *indent, struct sbuf *out)
{
    struct decode_state st;
    struct seen_marker *v = NULL;
    size_t nv = 0, cap = 0;
    decode_init(&st);
    for (const char *p = log, *end = log + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        uint32_t w;
        if (trace_line_marker(rules, p, n, base, &w)) {
            if (nv == cap) {
                cap = cap ? 2 * cap : 64;
                v = xrealloc(v, cap * sizeof(*v));
            }
            v[nv++] = (struct seen_marker){ .word = w, .data = st.data };
        } else if (n > rules->write_event.len && !memcmp(p, rules->write_event.s, rules->write_event.len) &&
                   has(p, n, "'pc-testdev-iomem'")) {
            decode_line(&st, p, n, NULL);       /* DATA: the value of the next CHECK */
        }
        p += n + 1;
    }
    if (nv == 0)
        sb_printf(out, "%smarkers in the log: none (the kernel wrote no marker: did it start?)\n", indent);
    else
        sb_printf(out, "%smarkers in the log (%zu), decoded:\n", indent, nv);
    for (size_t i = 0; i < nv;) {
        size_t run = 1;
        while (TRACEDEV_MARK_KIND(v[i].word) == TRACE_KIND_ACK && i + run < nv &&
               TRACEDEV_MARK_KIND(v[i + run].word) == TRACE_KIND_ACK &&
               TRACEDEV_MARK_PHASE(v[i + run].word) == TRACEDEV_MARK_PHASE(v[i].word))
            run++;
        if (run > 2) {
            marker_entry(&v[i], 1, indent, out);
            marker_entry(&v[i + run - 1], run, indent, out);
        } else {
            for (size_t k = 0; k < run; k++)
                marker_entry(&v[i + k], 1, indent, out);
        }
        i += run;
    }
    free(v);
    return (int)nv;
}
