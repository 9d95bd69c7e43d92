/* Grouping of two traces' differing lines; see tracecmp.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/diff.h"
#include "harness/lib/tracecmp.h"

/* The word at l[0..n) starting at *i (blanks skipped); its length. */
static size_t word(const char *l, size_t n, size_t *i)
{
    while (*i < n && l[*i] == ' ')
        (*i)++;
    size_t s = *i;
    while (*i < n && l[*i] != ' ')
        (*i)++;
    return *i - s;
}

/* A masked pointer: P and digits only. */
static int is_pointer_name(const char *w, size_t n)
{
    if (n < 2 || w[0] != 'P')
        return 0;
    for (size_t i = 1; i < n; i++)
        if (w[i] < '0' || w[i] > '9')
            return 0;
    return 1;
}

static int is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* A name: a letter, then letters, digits, '-' and '_' ("piix3-ide"). */
static int is_name(const char *w, size_t n)
{
    if (!n || !is_letter(w[0]) || is_pointer_name(w, n))
        return 0;
    for (size_t i = 1; i < n; i++)
        if (!is_letter(w[i]) && !(w[i] >= '0' && w[i] <= '9') && w[i] != '-' && w[i] != '_')
            return 0;
    return 1;
}

static void line_key(const char *l, size_t n, char *event, char *kind, size_t cap)
{
    size_t i = 0, en = word(l, n, &i);
    const char *e = l + i - en;
    size_t kn = word(l, n, &i);
    const char *k = l + i - kn;
    snprintf(event, cap, "%.*s", (int)en, e);
    if (is_name(k, kn))
        snprintf(kind, cap, "%.*s", (int)kn, k);
    else
        kind[0] = 0;
}

static struct tracecmp_group *find(struct tracecmp *c, char sign, const char *event, const char *kind)
{
    for (int i = 0; i < c->n; i++)
        if (c->v[i].sign == sign && !strcmp(c->v[i].event, event) && !strcmp(c->v[i].kind, kind))
            return &c->v[i];
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 8;
        c->v = xrealloc(c->v, (size_t)c->cap * sizeof(*c->v));
    }
    struct tracecmp_group *g = &c->v[c->n++];
    memset(g, 0, sizeof(*g));
    g->sign = sign;
    snprintf(g->event, sizeof(g->event), "%s", event);
    snprintf(g->kind, sizeof(g->kind), "%s", kind);
    return g;
}

void tracecmp_merge(struct tracecmp *into, const struct tracecmp_group *g)
{
    struct tracecmp_group *t = find(into, g->sign, g->event, g->kind);
    if (!t->lines)
        snprintf(t->example, sizeof(t->example), "%s", g->example);
    t->lines += g->lines;
    if (g->sign == '-')
        into->only_a += g->lines;
    else
        into->only_b += g->lines;
}

void tracecmp_texts(const char *a, size_t alen, const char *b, size_t blen, struct tracecmp *out)
{
    struct sbuf d = { 0 };
    if (!diff_unified(a, alen, b, blen, "a", "b", &d))
        return;
    /* After the ---/+++ headers every line is a hunk header (@@), context
     * (' '), or a line only in a ('-') or only in b ('+'). */
    const char *p = d.p, *end = d.p + d.len;
    for (int skip = 2; p < end; ) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (skip > 0)
            skip--;
        else if (n && (p[0] == '-' || p[0] == '+')) {
            struct tracecmp_group g = { .sign = p[0], .lines = 1 };
            line_key(p + 1, n - 1, g.event, g.kind, sizeof(g.event));
            snprintf(g.example, sizeof(g.example), "%.*s", (int)(n - 1), p + 1);
            tracecmp_merge(out, &g);
        }
        p += n + 1;
    }
    sb_free(&d);
}

void tracecmp_label(const struct tracecmp_group *g, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s%s ...", g->event, g->kind[0] ? " " : "", g->kind);
}

void tracecmp_free(struct tracecmp *c)
{
    free(c->v);
    memset(c, 0, sizeof(*c));
}
