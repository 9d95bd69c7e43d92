/* The lspci-decode oracle's pure part; see lspcidump.h. */
#include <ctype.h>
#include <string.h>
#include "harness/lib/diff.h"
#include "harness/lib/lspcidump.h"

/* "BB:DD.F " at the start of a line. */
static int is_function_line(const char *l, size_t n)
{
    static const char shape[] = "xx:xx.x ";
    if (n < sizeof(shape) - 1)
        return 0;
    for (size_t i = 0; i < sizeof(shape) - 1; i++)
        if (shape[i] == 'x' ? !isxdigit((unsigned char)l[i]) : l[i] != shape[i])
            return 0;
    return 1;
}

/* "OO: xx xx ..." or "OOO: ...": a row of 16 bytes. */
static int is_row(const char *l, size_t n)
{
    size_t i = 0;
    while (i < n && isxdigit((unsigned char)l[i]))
        i++;
    return (i == 2 || i == 3) && i + 1 < n && l[i] == ':' && l[i + 1] == ' ';
}

static int is_header(const char *l, size_t n, const char *word)
{
    size_t w = strlen(word);
    const char *tail = " functions as lspci";
    if (n <= w + 2 || memcmp(l, word, w) || l[w] != ':' || l[w + 1] != ' ')
        return 0;
    size_t i = w + 2;
    while (i < n && isdigit((unsigned char)l[i]))
        i++;
    return i > w + 2 && n - i >= strlen(tail) && !memcmp(l + i, tail, strlen(tail));
}

/* The body after the last header for which is_head() holds; 1 when found. */
static int cut(const char *serial, int (*is_head)(const char *, size_t),
               int (*is_body)(const char *, size_t), struct sbuf *out)
{
    int found = 0, on = 0;
    for (const char *l = serial; *l;) {
        size_t n = strcspn(l, "\n");
        if (is_head(l, n)) {
            found = on = 1;
            out->len = 0;
            if (out->p)
                out->p[0] = 0;
        } else if (on && (n == 0 || is_body(l, n))) {
            sb_add(out, l, n);
            sb_addc(out, '\n');
        } else {
            on = 0;
        }
        l += n + (l[n] == '\n');
    }
    return found;
}

static int dump_head(const char *l, size_t n)
{
    return is_header(l, n, "pci-x") || is_header(l, n, "pci-xxx") || is_header(l, n, "pci-xxxx");
}
static int vv_head(const char *l, size_t n) { return is_header(l, n, "pci-vv"); }
static int dump_body(const char *l, size_t n) { return is_function_line(l, n) || is_row(l, n); }
static int vv_body(const char *l, size_t n) { return is_function_line(l, n) || l[0] == '\t'; }

int lspcidump_extract(const char *serial, struct sbuf *dump, struct sbuf *vv, struct sbuf *why)
{
    if (!cut(serial, dump_head, dump_body, dump)) {
        sb_puts(why, "no pci-xxx or pci-xxxx dump on serial; add the word pci-xxx (pci-xxxx on q35) to append");
        return -1;
    }
    if (!cut(serial, vv_head, vv_body, vv)) {
        sb_puts(why, "no pci-vv listing on serial; add the word pci-vv to append");
        return -1;
    }
    if (!strstr(sb_str(dump), ":"))
        sb_puts(why, "the dump lists no function");
    return why->len ? -1 : 0;
}

static void strip_sizes(const char *s, struct sbuf *out)
{
    for (const char *p = s; *p;) {
        const char *q = strstr(p, " [size=");
        const char *e = q ? strchr(q, ']') : NULL;
        if (!e) {
            sb_puts(out, p);
            return;
        }
        sb_add(out, p, (size_t)(q - p));
        p = e + 1;
    }
}

int lspcidump_compare(const char *lspci, const char *kernel, struct sbuf *diff)
{
    struct sbuf a = { 0 }, b = { 0 };
    strip_sizes(lspci, &a);
    strip_sizes(kernel, &b);
    int bad = 0;
    size_t from = diff->len;
    if (diff_unified(sb_str(&a), a.len, sb_str(&b), b.len, "lspci -F dump -nvv", "kernel pci-vv", diff)) {
        for (const char *l = sb_str(diff) + from; *l;) {
            size_t n = strcspn(l, "\n");
            bad += (l[0] == '-' || l[0] == '+') && strncmp(l, "---", 3) && strncmp(l, "+++", 3);
            l += n + (l[n] == '\n');
        }
    }
    sb_free(&a);
    sb_free(&b);
    return bad;
}
