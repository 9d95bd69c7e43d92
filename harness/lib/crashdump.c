/* Masking of the kernel's register dump; see crashdump.h. */
#include <string.h>
#include "harness/lib/crashdump.h"

#define EXC_PREFIX "exception: "

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int is_name(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* One indented register line [l, l+n): mask values, keep cs= and cr2=. */
static void mask_line(const char *l, size_t n, struct sbuf *out)
{
    size_t i = 0;
    while (i < n) {
        if (l[i] == '=' && i + 2 < n && l[i + 1] == '0' && l[i + 2] == 'x') {
            size_t s = i;
            while (s > 0 && is_name(l[s - 1]))
                s--;
            int keep = (i - s == 2 && !memcmp(l + s, "cs", 2)) || (i - s == 3 && !memcmp(l + s, "cr2", 3));
            sb_add(out, l + i, 3);
            i += 3;
            while (i < n && is_hex(l[i])) {
                sb_addc(out, keep ? l[i] : '#');
                i++;
            }
            continue;
        }
        sb_addc(out, l[i++]);
    }
}

void crashdump_mask(const char *text, size_t len, struct sbuf *out)
{
    const char *p = text, *end = text + len;
    int in_dump = 0;
    sb_add(out, "", 0);
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n >= strlen(EXC_PREFIX) && !memcmp(p, EXC_PREFIX, strlen(EXC_PREFIX))) {
            in_dump = 1;
            sb_add(out, p, n);
        } else if (in_dump && n >= 2 && p[0] == ' ' && p[1] == ' ') {
            mask_line(p, n, out);
        } else {
            in_dump = 0;
            sb_add(out, p, n);
        }
        if (nl)
            sb_addc(out, '\n');
        p += n + (nl != NULL);
    }
}

const char *crashdump_line(const char *text, size_t len, const char *prefix)
{
    const char *p = text, *end = text + len;
    size_t k = strlen(prefix);
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t m = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (m >= k && !memcmp(p, prefix, k))
            return p;
        p += m + 1;
    }
    return NULL;
}

int crashdump_exception(const char *text, size_t len, char *buf, size_t n)
{
    const char *p = crashdump_line(text, len, EXC_PREFIX);
    if (!p)
        return 0;
    size_t k = strlen(EXC_PREFIX);
    const char *nl = memchr(p + k, '\n', (size_t)(text + len - (p + k)));
    size_t m = (size_t)((nl ? nl : text + len) - (p + k));
    size_t c = m < n - 1 ? m : n - 1;
    memcpy(buf, p + k, c);
    buf[c] = 0;
    return 1;
}
