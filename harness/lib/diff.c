/* Unified diff by longest common subsequence. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/diff.h"

#define CONTEXT 3
#define MAX_CELLS (16u * 1024 * 1024)

struct line {
    const char *p;
    size_t n;
};

struct lines {
    struct line *v;
    size_t n;
};

static void split_lines(const char *s, size_t len, struct lines *out)
{
    size_t cap = 64;
    out->v = xmalloc(cap * sizeof(*out->v));
    out->n = 0;
    const char *end = s + len;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
        if (out->n == cap)
            out->v = xrealloc(out->v, (cap *= 2) * sizeof(*out->v));
        out->v[out->n].p = s;
        out->v[out->n++].n = n;
        s += n + 1;
    }
}

static int same(const struct line *x, const struct line *y)
{
    return x->n == y->n && !memcmp(x->p, y->p, x->n);
}

/* Edit script: op ' ' keep, '-' delete a[ai], '+' insert b[bi]. */
struct op {
    char op;
    size_t ai, bi;
};

struct script {
    struct op *v;
    size_t n, cap;
};

static void push_op(struct script *s, char op, size_t ai, size_t bi)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
    }
    s->v[s->n++] = (struct op){ op, ai, bi };
}

/* LCS over a[a0..a1) and b[b0..b1), appending ops. */
static void lcs(const struct lines *a, size_t a0, size_t a1, const struct lines *b,
                size_t b0, size_t b1, struct script *s)
{
    size_t n = a1 - a0, m = b1 - b0;
    if ((n + 1) * (m + 1) > MAX_CELLS) {
        for (size_t i = a0; i < a1; i++)
            push_op(s, '-', i, b0);
        for (size_t j = b0; j < b1; j++)
            push_op(s, '+', a1, j);
        return;
    }
    uint32_t *t = xmalloc((n + 1) * (m + 1) * sizeof(uint32_t));
#define T(i, j) t[(i) * (m + 1) + (j)]
    for (size_t i = n + 1; i-- > 0;)
        for (size_t j = m + 1; j-- > 0;) {
            if (i == n || j == m)
                T(i, j) = 0;
            else if (same(&a->v[a0 + i], &b->v[b0 + j]))
                T(i, j) = T(i + 1, j + 1) + 1;
            else
                T(i, j) = T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
        }
    size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && same(&a->v[a0 + i], &b->v[b0 + j])) {
            push_op(s, ' ', a0 + i++, b0 + j++);
        } else if (i < n && (j == m || T(i + 1, j) >= T(i, j + 1))) {
            push_op(s, '-', a0 + i++, b0 + j);
        } else {
            push_op(s, '+', a0 + i, b0 + j++);
        }
    }
#undef T
    free(t);
}

static void emit_hunk(const struct script *s, size_t from, size_t to, const struct lines *a,
                      const struct lines *b, struct sbuf *out)
{
    size_t an = 0, bn = 0;
    for (size_t k = from; k < to; k++) {
        an += s->v[k].op != '+';
        bn += s->v[k].op != '-';
    }
    size_t as = s->v[from].ai + (an ? 1 : 0), bs = s->v[from].bi + (bn ? 1 : 0);
    sb_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n", as, an, bs, bn);
    for (size_t k = from; k < to; k++) {
        const struct line *l = s->v[k].op == '+' ? &b->v[s->v[k].bi] : &a->v[s->v[k].ai];
        sb_addc(out, s->v[k].op);
        sb_add(out, l->p, l->n);
        sb_addc(out, '\n');
    }
}

static void emit(const struct script *s, const struct lines *a, const struct lines *b, struct sbuf *out)
{
    size_t k = 0;
    while (k < s->n) {
        while (k < s->n && s->v[k].op == ' ')
            k++;
        if (k == s->n)
            break;
        size_t from = k > CONTEXT ? k - CONTEXT : 0, end = k;
        for (;;) {              /* extend while changes are within 2*CONTEXT */
            while (end < s->n && s->v[end].op != ' ')
                end++;
            size_t next = end;
            while (next < s->n && s->v[next].op == ' ' && next - end <= 2 * CONTEXT)
                next++;
            if (next < s->n && s->v[next].op != ' ' && next - end <= 2 * CONTEXT)
                end = next;
            else
                break;
        }
        size_t to = end + CONTEXT < s->n ? end + CONTEXT : s->n;
        emit_hunk(s, from, to, a, b, out);
        k = to;
    }
}

int diff_unified(const char *a, size_t alen, const char *b, size_t blen,
                 const char *a_label, const char *b_label, struct sbuf *out)
{
    if (alen == blen && !memcmp(a, b, alen))
        return 0;
    struct lines la, lb;
    split_lines(a, alen, &la);
    split_lines(b, blen, &lb);
    size_t pre = 0, suf = 0;
    while (pre < la.n && pre < lb.n && same(&la.v[pre], &lb.v[pre]))
        pre++;
    while (suf < la.n - pre && suf < lb.n - pre && same(&la.v[la.n - 1 - suf], &lb.v[lb.n - 1 - suf]))
        suf++;
    struct script s = { 0 };
    for (size_t i = 0; i < pre; i++)
        push_op(&s, ' ', i, i);
    lcs(&la, pre, la.n - suf, &lb, pre, lb.n - suf, &s);
    for (size_t i = suf; i > 0; i--)
        push_op(&s, ' ', la.n - i, lb.n - i);
    sb_printf(out, "--- %s\n+++ %s\n", a_label, b_label);
    if (s.n == 0 || (la.n == lb.n && pre == la.n))
        sb_puts(out, "(the texts differ only in a missing final newline)\n");
    else
        emit(&s, &la, &lb, out);
    free(s.v);
    free(la.v);
    free(lb.v);
    return 1;
}
