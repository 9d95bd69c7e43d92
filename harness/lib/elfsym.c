/* Kernel symbols and DWARF through elfutils; see elfsym.h. */
#include <dwarf.h>
#include <elfutils/libdw.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness/lib/elfsym.h"

struct sym {
    char *name;
    uint64_t addr, size;
    int type, bind;
};

/* A place where a function's code starts, from DWARF (`name` points into libdw's data). */
struct dfunc {
    const char *name;
    uint64_t addr;
    int inlined;
};

/* A description already made (elfsym_describe), by address. */
struct memo {
    uint64_t addr;
    char *text;
};

struct elfsym {
    int fd;
    Elf *elf;
    Dwarf *dw;              /* NULL without debug information */
    struct sym *syms;
    int nsyms;
    struct dfunc *funcs;
    int nfuncs, capfuncs;
    struct memo *memo;      /* a run stops at a few addresses, many times */
    int nmemo;
};

static void read_symtab(struct elfsym *e)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(e->elf, scn)) != NULL) {
        GElf_Shdr sh;
        Elf_Data *d;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB || !(d = elf_getdata(scn, NULL)))
            continue;
        size_t n = sh.sh_entsize ? sh.sh_size / sh.sh_entsize : 0;
        e->syms = xrealloc(e->syms, (e->nsyms + n) * sizeof(*e->syms));
        for (size_t i = 0; i < n; i++) {
            GElf_Sym s;
            if (!gelf_getsym(d, (int)i, &s))
                continue;
            const char *name = elf_strptr(e->elf, sh.sh_link, s.st_name);
            int type = GELF_ST_TYPE(s.st_info);
            if (!name || !*name || type == STT_SECTION || type == STT_FILE || s.st_shndx == SHN_UNDEF)
                continue;
            e->syms[e->nsyms++] = (struct sym){ .name = xstrdup(name), .addr = s.st_value,
                                                .size = s.st_size, .type = type,
                                                .bind = GELF_ST_BIND(s.st_info) };
        }
    }
}

static void add_func(struct elfsym *e, const char *name, uint64_t addr, int inlined)
{
    if (e->nfuncs == e->capfuncs) {
        e->capfuncs = e->capfuncs ? e->capfuncs * 2 : 256;
        e->funcs = xrealloc(e->funcs, (size_t)e->capfuncs * sizeof(*e->funcs));
    }
    e->funcs[e->nfuncs++] = (struct dfunc){ .name = name, .addr = addr, .inlined = inlined };
}

/* Where a block's code starts as gdb (13) takes it: DW_AT_low_pc, else the
 * start of its first range; DW_AT_entry_pc is not used, as gdb 13 does not
 * use it either. 0 when it has no code. */
static int block_entry(Dwarf_Die *die, uint64_t *addr)
{
    Dwarf_Addr lo, base, start, end;
    if (dwarf_lowpc(die, &lo) == 0) {
        *addr = lo;
        return 1;
    }
    if (dwarf_ranges(die, 0, &base, &start, &end) > 0) {
        *addr = start;
        return 1;
    }
    return 0;
}

/* The name of a DIE, following DW_AT_abstract_origin and DW_AT_specification. */
static const char *die_name(Dwarf_Die *die)
{
    Dwarf_Attribute a;
    return dwarf_formstring(dwarf_attr_integrate(die, DW_AT_name, &a));
}

static void walk_dies(struct elfsym *e, Dwarf_Die *die)
{
    Dwarf_Die child;
    if (dwarf_child(die, &child) != 0)
        return;
    do {
        int tag = dwarf_tag(&child);
        uint64_t addr;
        if ((tag == DW_TAG_subprogram || tag == DW_TAG_inlined_subroutine) && block_entry(&child, &addr)) {
            const char *name = die_name(&child);
            if (name)
                add_func(e, name, addr, tag == DW_TAG_inlined_subroutine);
        }
        walk_dies(e, &child);
    } while (dwarf_siblingof(&child, &child) == 0);
}

static void read_dwarf(struct elfsym *e)
{
    e->dw = dwarf_begin_elf(e->elf, DWARF_C_READ, NULL);
    if (!e->dw)
        return;
    Dwarf_Off off = 0, next;
    size_t hsize;
    while (dwarf_nextcu(e->dw, off, &next, &hsize, NULL, NULL, NULL) == 0) {
        Dwarf_Die cu;
        if (dwarf_offdie(e->dw, off + hsize, &cu))
            walk_dies(e, &cu);
        off = next;
    }
}

struct elfsym *elfsym_open(const char *path, char *err, size_t errlen)
{
    elf_version(EV_CURRENT);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot open the kernel to read its symbols; run make", path);
        return NULL;
    }
    Elf *elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
    if (!elf || elf_kind(elf) != ELF_K_ELF) {
        snprintf(err, errlen, "%s: not an ELF file (%s); rebuild it with make", path, elf_errmsg(-1));
        if (elf)
            elf_end(elf);
        close(fd);
        return NULL;
    }
    struct elfsym *e = xmalloc(sizeof(*e));
    memset(e, 0, sizeof(*e));
    e->fd = fd;
    e->elf = elf;
    read_symtab(e);
    read_dwarf(e);
    return e;
}

void elfsym_close(struct elfsym *e)
{
    if (!e)
        return;
    for (int i = 0; i < e->nsyms; i++)
        free(e->syms[i].name);
    free(e->syms);
    free(e->funcs);
    for (int i = 0; i < e->nmemo; i++)
        free(e->memo[i].text);
    free(e->memo);
    if (e->dw)
        dwarf_end(e->dw);
    elf_end(e->elf);
    close(e->fd);
    free(e);
}

int elfsym_lookup(const struct elfsym *e, const char *name, uint64_t *addr, uint64_t *size,
                  int *is_func)
{
    const struct sym *best = NULL;
    for (int i = 0; i < e->nsyms; i++)
        if (!strcmp(e->syms[i].name, name) && (!best || (best->bind == STB_LOCAL && e->syms[i].bind != STB_LOCAL)))
            best = &e->syms[i];
    if (!best)
        return 0;
    *addr = best->addr;
    *size = best->size;
    *is_func = best->type == STT_FUNC;
    return 1;
}

/* The length of a name without its clone suffix (".part.0", ...). */
static size_t base_len(const char *name)
{
    const char *dot = strchr(name, '.');
    return dot && dot != name ? (size_t)(dot - name) : strlen(name);
}

static int base_is(const char *sym, const char *name)
{
    size_t n = base_len(sym);
    return n == strlen(name) && !memcmp(sym, name, n);
}

static int cmp_loc(const void *a, const void *b)
{
    const struct elfsym_loc *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

int elfsym_locations(const struct elfsym *e, const char *name, struct elfsym_loc *out, int max)
{
    int n = 0, cap = e->nfuncs + e->nsyms;
    struct elfsym_loc *all = xmalloc((size_t)(cap ? cap : 1) * sizeof(*all));
    for (int i = 0; i < e->nfuncs; i++)
        if (!strcmp(e->funcs[i].name, name))
            all[n++] = (struct elfsym_loc){ .addr = e->funcs[i].addr, .inlined = e->funcs[i].inlined };
    for (int i = 0; i < e->nsyms; i++)
        if ((e->syms[i].type == STT_FUNC || e->syms[i].type == STT_NOTYPE) && base_is(e->syms[i].name, name) &&
            (e->syms[i].type == STT_FUNC || !strcmp(e->syms[i].name, name)))
            all[n++] = (struct elfsym_loc){ .addr = e->syms[i].addr, .inlined = 0 };
    qsort(all, (size_t)n, sizeof(*all), cmp_loc);
    int k = 0;
    for (int i = 0; i < n; i++)
        if (k == 0 || all[i].addr != all[k - 1].addr)
            all[k++] = all[i];
    for (int i = 0; i < k && i < max; i++)
        out[i] = all[i];
    free(all);
    return k;
}

const char *elfsym_function_at(const struct elfsym *e, uint64_t addr, uint64_t *off)
{
    const struct sym *best = NULL, *near = NULL;
    for (int i = 0; i < e->nsyms; i++) {
        const struct sym *s = &e->syms[i];
        if (s->addr > addr || (s->type != STT_FUNC && s->type != STT_NOTYPE))
            continue;
        if (s->type == STT_FUNC && addr < s->addr + s->size && (!best || s->addr > best->addr))
            best = s;
        if (!near || s->addr > near->addr)
            near = s;
    }
    if (!best && near && addr - near->addr < 4096 && near->type == STT_NOTYPE)
        best = near;            /* assembly labels carry no size */
    if (!best)
        return NULL;
    static char buf[128];
    snprintf(buf, sizeof(buf), "%.*s", (int)base_len(best->name), best->name);
    *off = addr - best->addr;
    return buf;
}

size_t elfsym_read(const struct elfsym *e, uint64_t addr, uint8_t *buf, size_t len)
{
    Elf_Scn *scn = NULL;
    while ((scn = elf_nextscn(e->elf, scn)) != NULL) {
        GElf_Shdr sh;
        Elf_Data *d;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_PROGBITS || !(sh.sh_flags & SHF_ALLOC) ||
            addr < sh.sh_addr || addr - sh.sh_addr >= sh.sh_size || !(d = elf_getdata(scn, NULL)))
            continue;
        uint64_t off = addr - sh.sh_addr;
        if (off >= d->d_size)
            return 0;
        size_t n = d->d_size - off < len ? (size_t)(d->d_size - off) : len;
        memcpy(buf, (const uint8_t *)d->d_buf + off, n);
        return n;
    }
    return 0;
}

/* Edit distance, capped: names are short. */
static int distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 63 || m > 63)
        return 99;
    int d[64][64];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int c = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            int del = d[i - 1][j] + 1, ins = d[i][j - 1] + 1;
            d[i][j] = c < del ? (c < ins ? c : ins) : (del < ins ? del : ins);
        }
    return d[n][m];
}

void elfsym_nearest(const struct elfsym *e, const char *name, int max, struct sbuf *out)
{
    struct strv names = { 0 };
    int *score = NULL;
    for (int i = 0; i < e->nsyms + e->nfuncs; i++) {
        const char *s = i < e->nsyms ? e->syms[i].name : e->funcs[i - e->nsyms].name;
        int dup = 0;
        for (int j = 0; j < names.n && !dup; j++)
            dup = !strcmp(names.v[j], s);
        if (dup || strchr(s, '.'))
            continue;
        int d = distance(name, s);
        if (strstr(s, name) || strstr(name, s))
            d = d < 2 ? d : 2;
        if (d > 3 && d * 3 > (int)strlen(name))
            continue;
        strv_push(&names, s);
        score = xrealloc(score, (size_t)names.n * sizeof(*score));
        score[names.n - 1] = d;
    }
    for (int k = 0; k < max; k++) {
        int best = -1;
        for (int j = 0; j < names.n; j++)
            if (score[j] >= 0 && (best < 0 || score[j] < score[best] ||
                                  (score[j] == score[best] && strcmp(names.v[j], names.v[best]) < 0)))
                best = j;
        if (best < 0)
            break;
        sb_printf(out, "%s%s", k ? " " : "", names.v[best]);
        score[best] = -1;
    }
    free(score);
    strv_free(&names);
}

/* "FILE:LINE" of DW_AT_call_file/DW_AT_call_line of an inlined block. */
static void call_site(Dwarf_Die *cu, Dwarf_Die *die, struct sbuf *out)
{
    Dwarf_Attribute a;
    Dwarf_Word file = 0, line = 0;
    Dwarf_Files *files;
    size_t nfiles;
    const char *name = NULL;
    if (dwarf_formudata(dwarf_attr(die, DW_AT_call_file, &a), &file) == 0 &&
        dwarf_getsrcfiles(cu, &files, &nfiles) == 0 && file < nfiles)
        name = dwarf_filesrc(files, file, NULL, NULL);
    dwarf_formudata(dwarf_attr(die, DW_AT_call_line, &a), &line);
    sb_printf(out, "%s:%llu", name ? name : "?", (unsigned long long)line);
}

static void describe(struct elfsym *e, uint64_t addr, struct sbuf *out)
{
    Dwarf_Die cu, *scopes = NULL;
    if (!e->dw || !dwarf_addrdie(e->dw, addr, &cu))
        return;
    Dwarf_Line *l = dwarf_getsrc_die(&cu, addr);
    int line = 0;
    if (l && dwarf_lineno(l, &line) == 0)
        sb_printf(out, "%s:%d", dwarf_linesrc(l, NULL, NULL), line);
    int n = dwarf_getscopes(&cu, addr, &scopes);
    for (int i = 0; i < n; i++) {
        int tag = dwarf_tag(&scopes[i]);
        const char *name = die_name(&scopes[i]);
        if (tag == DW_TAG_inlined_subroutine) {
            sb_printf(out, " in %s inlined at ", name ? name : "?");
            call_site(&cu, &scopes[i], out);
        } else if (tag == DW_TAG_subprogram) {
            sb_printf(out, " in %s", name ? name : "?");
            break;
        }
    }
    free(scopes);
}

void elfsym_describe(struct elfsym *e, uint64_t addr, struct sbuf *out)
{
    for (int i = 0; i < e->nmemo; i++)
        if (e->memo[i].addr == addr) {
            sb_puts(out, e->memo[i].text);
            return;
        }
    struct sbuf t = { 0 };
    describe(e, addr, &t);
    e->memo = xrealloc(e->memo, (size_t)(e->nmemo + 1) * sizeof(*e->memo));
    e->memo[e->nmemo++] = (struct memo){ .addr = addr, .text = xstrdup(sb_str(&t)) };
    sb_puts(out, e->memo[e->nmemo - 1].text);
    sb_free(&t);
}
