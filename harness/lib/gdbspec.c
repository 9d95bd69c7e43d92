/* `break =` and `watch =` values; see gdbspec.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/gdbspec.h"

const char *const gdb_reg_names[REG_COUNT] = {
    [REG_EAX] = "eax", [REG_EBX] = "ebx", [REG_ECX] = "ecx", [REG_EDX] = "edx",
    [REG_ESI] = "esi", [REG_EDI] = "edi", [REG_EBP] = "ebp", [REG_ESP] = "esp",
    [REG_EIP] = "eip", [REG_EFLAGS] = "eflags",
};

#define ARG_MAX 15

static const char *const kind_names[] = {
    [GDB_BREAK] = "break", [GDB_WATCH_WRITE] = "write", [GDB_WATCH_READ] = "read",
    [GDB_WATCH_ACCESS] = "access",
};

const char *gdbspec_kind_name(enum gdb_kind k) { return kind_names[k]; }

static int is_ident(char c)
{
    return c == '_' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A number, decimal or 0x hexadecimal, the whole of s[0..n). */
static int number(const char *s, size_t n, uint64_t *v)
{
    char buf[32], *end;
    if (n == 0 || n >= sizeof(buf) || *s == '-' || *s == '+')
        return 0;
    memcpy(buf, s, n);
    buf[n] = 0;
    *v = strtoull(buf, &end, 0);
    return *end == 0;
}

/* "SYMBOL", "SYMBOL+OFF", "0xADDR", each optionally "/LEN" when `with_len`:
 * into *sym (NULL for an address), *off, *has_off, *addr, *len (0: none). */
static int target(const char *key, const char *t, int with_len, char **sym, uint64_t *off,
                  int *has_off, uint64_t *addr, unsigned *len, char *err, size_t errlen)
{
    size_t n = strlen(t);
    const char *slash = strchr(t, '/');
    *len = 0;
    if (slash) {
        uint64_t l;
        if (!with_len)
            return errorf(err, errlen, "%s: '%s': a length (/LEN) is for watches and memory items; remove it", key, t);
        if (!number(slash + 1, strlen(slash + 1), &l) || !(l == 1 || l == 2 || l == 4 || l == 8))
            return errorf(err, errlen, "%s: length '%s' in '%s' is not 1, 2, 4 or 8; write /1, /2, /4 or /8",
                        key, slash + 1, t);
        *len = (unsigned)l;
        n = (size_t)(slash - t);
    }
    *sym = NULL;
    *off = 0;
    *has_off = 0;
    if (n > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
        if (!number(t, n, addr) || *addr > 0xffffffffu)
            return errorf(err, errlen, "%s: '%.*s' is not a 32-bit address; write 0x followed by up to 8 hex digits",
                        key, (int)n, t);
        return 0;
    }
    const char *plus = memchr(t, '+', n);
    size_t sn = plus ? (size_t)(plus - t) : n;
    for (size_t i = 0; i < sn; i++)
        if (!is_ident(t[i]) || (i == 0 && t[i] >= '0' && t[i] <= '9'))
            return errorf(err, errlen, "%s: '%.*s' is not a symbol name or 0xADDR; write e.g. i8042_irq, i8042_irq+0x4 or 0x00100000",
                        key, (int)n, t);
    if (sn == 0)
        return errorf(err, errlen, "%s: a symbol or 0xADDR is missing; write e.g. %s", key,
                    with_len ? "ring_head" : "i8042_irq");
    if (plus) {
        if (!number(plus + 1, n - sn - 1, off))
            return errorf(err, errlen, "%s: offset '%.*s' is not a number; write SYMBOL+0x10 or SYMBOL+16",
                        key, (int)(n - sn - 1), plus + 1);
        *has_off = 1;
    }
    *sym = xstrndup(t, sn);
    return 0;
}

static int parse_item(const char *key, const char *t, size_t n, struct gdb_item *it, int arg_ok,
                      char *err, size_t errlen)
{
    memset(it, 0, sizeof(*it));
    it->text = xstrndup(t, n);
    for (int r = 0; r < REG_COUNT; r++)
        if (r != REG_EIP && strlen(gdb_reg_names[r]) == n && !memcmp(gdb_reg_names[r], t, n)) {
            it->kind = ITEM_REG;
            it->reg = r;
            return 0;
        }
    uint64_t a;
    if (n > 3 && !memcmp(t, "arg", 3) && number(t + 3, n - 3, &a) && a <= ARG_MAX) {
        if (!arg_ok)
            return errorf(err, errlen, "%s: show item '%s' reads a stack argument at a function's entry; use it with break = FUNCTION (no +OFFSET, no address)",
                        key, it->text);
        it->kind = ITEM_ARG;
        it->arg = (int)a;
        return 0;
    }
    if (n > 1 && t[0] == '*') {
        int has_off;
        it->kind = ITEM_MEM;
        if (target(key, it->text + 1, 1, &it->sym, &it->off, &has_off, &it->addr, &it->len, err, errlen) < 0)
            return -1;
        if (!it->len)
            it->len = 4;
        return 0;
    }
    return errorf(err, errlen, "%s: unknown show item '%s'; use a register (eax ebx ecx edx esi edi ebp esp eflags), arg0 to arg%d, or *SYMBOL / *0xADDR[/LEN]",
                key, it->text, ARG_MAX);
}

static int parse_show(const char *key, struct gdb_spec *sp, const char *v, char *err, size_t errlen)
{
    int arg_ok = sp->kind == GDB_BREAK && sp->sym && !sp->has_off;
    if (!*v)
        return errorf(err, errlen, "%s: show= lists nothing; write e.g. show=eax,*ring_head", key);
    while (*v) {
        size_t n = strcspn(v, ",");
        if (n == 0)
            return errorf(err, errlen, "%s: empty item in show=; separate items by one comma", key);
        sp->show = xrealloc(sp->show, (size_t)(sp->nshow + 1) * sizeof(*sp->show));
        if (parse_item(key, v, n, &sp->show[sp->nshow++], arg_ok, err, errlen) < 0)
            return -1;
        v += n + (v[n] == ',');
    }
    return 0;
}

static int parse_words(const char *key, int is_watch, struct gdb_spec *sp, const struct strv *w,
                       char *err, size_t errlen)
{
    int kind_seen = 0;
    if (target(key, w->v[0], is_watch, &sp->sym, &sp->off, &sp->has_off, &sp->addr, &sp->len, err, errlen) < 0)
        return -1;
    for (int i = 1; i < w->n; i++) {
        const char *t = w->v[i];
        int k = -1;
        for (int j = GDB_WATCH_WRITE; j <= GDB_WATCH_ACCESS; j++)
            if (!strcmp(t, kind_names[j]))
                k = j;
        if (k >= 0 && is_watch && !kind_seen) {
            sp->kind = (enum gdb_kind)k;
            kind_seen = 1;
        } else if (k >= 0) {
            return errorf(err, errlen, is_watch ? "%s: a second kind '%s'; give one of write, read, access"
                                              : "%s: '%s' is a watch kind; a break takes only optional and show=...", key, t);
        } else if (!strcmp(t, "optional")) {
            sp->optional = 1;
        } else if (!strncmp(t, "show=", 5)) {
            if (parse_show(key, sp, t + 5, err, errlen) < 0)
                return -1;
        } else if (is_watch && i == 1) {
            return errorf(err, errlen, "%s: unknown kind '%s'; use write, read or access", key, t);
        } else {
            return errorf(err, errlen, "%s: unknown word '%s'; after the %s come %soptional and show=ITEM,...", key, t,
                        is_watch ? "address" : "symbol", is_watch ? "write|read|access, " : "");
        }
    }
    return 0;
}

int gdbspec_parse(struct gdb_specs *set, int is_watch, const char *value, int line,
                  char *err, size_t errlen)
{
    const char *key = is_watch ? "watch" : "break";
    struct strv w = { 0 };
    if (split_words(value, &w, err, errlen) < 0) {
        strv_free(&w);
        return -1;
    }
    if (w.n == 0) {
        strv_free(&w);
        return errorf(err, errlen, "%s: empty; write e.g. %s", key, is_watch ? "watch = ring_head write" : "break = i8042_irq");
    }
    set->v = xrealloc(set->v, (size_t)(set->n + 1) * sizeof(*set->v));
    struct gdb_spec *sp = &set->v[set->n++];
    memset(sp, 0, sizeof(*sp));
    sp->kind = is_watch ? GDB_WATCH_WRITE : GDB_BREAK;
    sp->what = xstrdup(w.v[0]);
    sp->line = line;
    int rc = parse_words(key, is_watch, sp, &w, err, errlen);
    strv_free(&w);
    return rc;
}

/* "FILE:LINE: KEY: unknown symbol 'x'; nearest: a b c" */
static int unknown(const struct elfsym *e, const char *file, int line, const char *key,
                   const char *sym, char *err, size_t errlen)
{
    struct sbuf near = { 0 };
    elfsym_nearest(e, sym, 5, &near);
    errorf(err, errlen, "%s:%d: %s: unknown symbol '%s' in the kernel; %s%s", file, line, key, sym,
         near.len ? "nearest names: " : "no name is close (nm build/kernel.elf lists them)",
         near.len ? near.p : "");
    sb_free(&near);
    return -1;
}

static int resolve_item(struct gdb_item *it, const struct elfsym *e, const char *file, int line,
                        const char *key, char *err, size_t errlen)
{
    uint64_t a, size;
    int is_func;
    if (it->kind != ITEM_MEM || !it->sym)
        return 0;
    if (!elfsym_lookup(e, it->sym, &a, &size, &is_func))
        return unknown(e, file, line, key, it->sym, err, errlen);
    it->addr = a + it->off;
    return 0;
}

static int resolve_one(struct gdb_spec *sp, const struct elfsym *e, const char *file,
                       char *err, size_t errlen)
{
    const char *key = sp->kind == GDB_BREAK ? "break" : "watch";
    uint64_t a = sp->addr, size = 0;
    int is_func = 0;
    int known = sp->sym && elfsym_lookup(e, sp->sym, &a, &size, &is_func);
    free(sp->locs);
    sp->locs = NULL;
    sp->nlocs = 0;
    if (sp->kind == GDB_BREAK && sp->sym && !sp->has_off) {
        int n = elfsym_locations(e, sp->sym, NULL, 0);
        if (n == 0 && !known)
            return unknown(e, file, sp->line, key, sp->sym, err, errlen);
        if (n == 0)
            return errorf(err, errlen, "%s:%d: break: '%s' is data, not code; watch it instead (watch = %s)",
                        file, sp->line, sp->sym, sp->sym);
        sp->locs = xmalloc((size_t)n * sizeof(*sp->locs));
        sp->nlocs = elfsym_locations(e, sp->sym, sp->locs, n);
        sp->addr = sp->locs[0].addr;
    } else {
        if (sp->sym && !known)
            return unknown(e, file, sp->line, key, sp->sym, err, errlen);
        sp->addr = a + sp->off;
        if (sp->kind == GDB_BREAK) {
            sp->locs = xmalloc(sizeof(*sp->locs));
            sp->locs[0] = (struct elfsym_loc){ .addr = sp->addr };
            sp->nlocs = 1;
        } else if (!sp->len && sp->sym && (size == 1 || size == 2 || size == 4 || size == 8) && !sp->has_off) {
            sp->len = (unsigned)size;
        } else if (!sp->len && sp->sym) {
            return errorf(err, errlen, "%s:%d: watch: '%s' is %llu bytes; a watch covers 1, 2, 4 or 8: write e.g. %s/4",
                        file, sp->line, sp->what, (unsigned long long)size, sp->what);
        } else if (!sp->len) {
            sp->len = 4;
        }
    }
    for (int i = 0; i < sp->nshow; i++)
        if (resolve_item(&sp->show[i], e, file, sp->line, key, err, errlen) < 0)
            return -1;
    return 0;
}

int gdbspec_resolve(struct gdb_specs *set, const struct elfsym *e, const char *file,
                    char *err, size_t errlen)
{
    for (int i = 0; i < set->n; i++)
        if (resolve_one(&set->v[i], e, file, err, errlen) < 0)
            return -1;
    return 0;
}

void gdbspec_free(struct gdb_specs *set)
{
    for (int i = 0; i < set->n; i++) {
        struct gdb_spec *sp = &set->v[i];
        for (int j = 0; j < sp->nshow; j++) {
            free(sp->show[j].text);
            free(sp->show[j].sym);
        }
        free(sp->show);
        free(sp->what);
        free(sp->sym);
        free(sp->locs);
    }
    free(set->v);
    set->v = NULL;
    set->n = 0;
}
