/* query-pci oracle: parse both views, sort, compare. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/pciview.h"

static struct pv_func *add_func(struct pciview *pv, int bus, int dev, int fn)
{
    for (int i = 0; i < pv->n; i++) {
        struct pv_func *f = &pv->v[i];
        if (f->bus == bus && f->dev == dev && f->fn == fn) {
            memset(f, 0, sizeof(*f));
            f->bus = bus, f->dev = dev, f->fn = fn;
            return f;
        }
    }
    if (pv->n == pv->cap) {
        pv->cap = pv->cap ? pv->cap * 2 : 32;
        pv->v = xrealloc(pv->v, (size_t)pv->cap * sizeof(*pv->v));
    }
    struct pv_func *f = &pv->v[pv->n++];
    memset(f, 0, sizeof(*f));
    f->bus = bus, f->dev = dev, f->fn = fn;
    return f;
}

/* "128K" -> 131072; 0 on error. */
static uint64_t parse_size(const char *s)
{
    char *end;
    uint64_t v = strtoull(s, &end, 10);
    int shift = size_suffix_shift(*end);
    return end == s ? 0 : v << shift;
}

static int parse_region(const char *l, struct pv_func *f)
{
    int idx, n = 0;
    if (sscanf(l, "\tRegion %d: %n", &idx, &n) != 1 || n == 0 || idx < 0 || idx >= PCIVIEW_NBARS)
        return -1;
    struct pv_bar *b = &f->bars[idx];
    const char *p = l + n, *sz = strstr(p, "[size=");
    if (!sz)
        return -1;
    memset(b, 0, sizeof(*b));
    b->present = 1;
    b->size = parse_size(sz + 6);
    if (!strncmp(p, "I/O ports at ", 13)) {
        b->io = 1;
        p += 13;
    } else if (!strncmp(p, "Memory at ", 10)) {
        p += 10;
        b->is64 = strstr(p, "(64-bit,") != NULL;
        b->prefetch = strstr(p, ", prefetchable)") != NULL;
        if (!b->is64 && !strstr(p, "(32-bit,") && !strstr(p, "(low-1M,") &&
            !strstr(p, "(type 3,"))                 /* reserved type, as lspci spells it */
            return -1;
    } else {
        return -1;
    }
    if (strncmp(p, "<unassigned>", 12)) {
        char *end;
        b->addr = strtoull(p, &end, 16);
        if (end == p)
            return -1;
        b->assigned = 1;
    }
    if (strstr(p, "[disabled]"))
        b->assigned = 0;
    return 0;
}

/* One serial line; *cur is the index of the function being listed (-1 none). */
static int parse_line(const char *l, struct pciview *out, int *cur, struct sbuf *why)
{
    int bus, dev, fn, n = 0;
    unsigned cls, ven, did, a, b, c;
    if (sscanf(l, "%2x:%2x.%1x %4x: %4x:%4x%n", &bus, &dev, &fn, &cls, &ven, &did, &n) == 6 && n >= 22) {
        struct pv_func *f = add_func(out, bus, dev, fn);
        f->vendor = ven, f->device = did, f->class_code = cls;
        *cur = (int)(f - out->v);
        return 0;
    }
    if (*cur < 0 || l[0] != '\t')
        return 0;
    struct pv_func *f = &out->v[*cur];
    if (!strncmp(l, "\tRegion ", 8) && parse_region(l, f) < 0) {
        sb_printf(why, "pci-v: malformed Region line: '%s'\n", l + 1);
        return 1;
    }
    if (!strncmp(l, "\tBus: ", 6)) {
        if (sscanf(l, "\tBus: primary=%x, secondary=%x, subordinate=%x", &a, &b, &c) != 3) {
            sb_printf(why, "pci-v: malformed Bus line: '%s'\n", l + 1);
            return 1;
        }
        f->is_bridge = 1;
        f->primary = (int)a, f->secondary = (int)b, f->subordinate = (int)c;
    }
    return 0;
}

int pciview_parse_listing(const char *text, struct pciview *out, struct sbuf *why)
{
    int cur = -1, bad = 0;
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, "\n");
        char *line = xstrndup(p, n);
        bad += parse_line(line, out, &cur, why);
        free(line);
        p += n + (p[n] == '\n');
    }
    return bad;
}

static int jint(json_t *o, const char *k, json_int_t *v)
{
    json_t *x = json_object_get(o, k);
    if (!json_is_integer(x))
        return -1;
    *v = json_integer_value(x);
    return 0;
}

static int qmp_region(json_t *r, struct pv_func *f, struct sbuf *why)
{
    json_int_t bar, addr, size;
    const char *type = json_string_value(json_object_get(r, "type"));
    if (jint(r, "bar", &bar) || jint(r, "address", &addr) || jint(r, "size", &size) || !type) {
        sb_printf(why, "query-pci: region of %02x:%02x.%x lacks bar/address/size/type\n", f->bus, f->dev, f->fn);
        return 1;
    }
    if (bar < 0 || bar >= PCIVIEW_NBARS)
        return 0;                       /* bar 6: expansion ROM */
    struct pv_bar *b = &f->bars[bar];
    b->present = 1;
    b->io = !strcmp(type, "io");
    b->assigned = addr != -1;
    b->addr = b->assigned ? (uint64_t)addr : 0;
    b->size = (uint64_t)size;
    b->is64 = json_is_true(json_object_get(r, "mem_type_64"));
    b->prefetch = json_is_true(json_object_get(r, "prefetch"));
    return 0;
}

static int qmp_devices(json_t *devs, struct pciview *out, struct sbuf *why);

static int qmp_device(json_t *d, struct pciview *out, struct sbuf *why)
{
    json_int_t bus, slot, fn, cls, ven, did;
    json_t *id = json_object_get(d, "id"), *ci = json_object_get(d, "class_info");
    if (jint(d, "bus", &bus) || jint(d, "slot", &slot) || jint(d, "function", &fn) ||
        jint(ci, "class", &cls) || jint(id, "vendor", &ven) || jint(id, "device", &did)) {
        sb_printf(why, "query-pci: a device lacks bus/slot/function/class/id\n");
        return 1;
    }
    struct pv_func *f = add_func(out, (int)bus, (int)slot, (int)fn);
    f->class_code = (unsigned)cls, f->vendor = (unsigned)ven, f->device = (unsigned)did;
    int bad = 0;
    size_t i;
    json_t *r;
    json_array_foreach(json_object_get(d, "regions"), i, r)
        bad += qmp_region(r, f, why);
    json_t *br = json_object_get(d, "pci_bridge");
    if (!br)
        return bad;
    json_t *b = json_object_get(br, "bus");
    json_int_t pri, sec, sub;
    if (jint(b, "number", &pri) || jint(b, "secondary", &sec) || jint(b, "subordinate", &sub)) {
        sb_printf(why, "query-pci: bridge %02x:%02x.%x lacks bus numbers\n", f->bus, f->dev, f->fn);
        return bad + 1;
    }
    f->is_bridge = 1;
    f->primary = (int)pri, f->secondary = (int)sec, f->subordinate = (int)sub;
    return bad + qmp_devices(json_object_get(br, "devices"), out, why);
}

static int qmp_devices(json_t *devs, struct pciview *out, struct sbuf *why)
{
    int bad = 0;
    size_t i;
    json_t *d;
    json_array_foreach(devs, i, d)
        bad += qmp_device(d, out, why);
    return bad;
}

int pciview_parse_qmp(json_t *ret, struct pciview *out, struct sbuf *why)
{
    if (!json_is_array(ret)) {
        sb_printf(why, "query-pci: the answer is not a list of buses\n");
        return 1;
    }
    int bad = 0;
    size_t i;
    json_t *bus;
    json_array_foreach(ret, i, bus)
        bad += qmp_devices(json_object_get(bus, "devices"), out, why);
    return bad;
}

static int cmp_func(const void *a, const void *b)
{
    const struct pv_func *x = a, *y = b;
    int kx = x->bus << 8 | x->dev << 3 | x->fn, ky = y->bus << 8 | y->dev << 3 | y->fn;
    return (kx > ky) - (kx < ky);
}

static void bar_text(const struct pv_bar *b, char *buf, size_t n)
{
    if (!b->present) {
        snprintf(buf, n, "none");
        return;
    }
    char addr[24] = "unassigned";
    if (b->assigned)
        snprintf(addr, sizeof(addr), "%" PRIx64, b->addr);
    if (b->io)
        snprintf(buf, n, "I/O at %s size %" PRIu64, addr, b->size);
    else
        snprintf(buf, n, "memory at %s size %" PRIu64 " %s %sprefetchable", addr, b->size,
                 b->is64 ? "64-bit" : "32-bit", b->prefetch ? "" : "non-");
}

static int bar_equal(const struct pv_bar *a, const struct pv_bar *b)
{
    if (a->present != b->present)
        return 0;
    if (!a->present)
        return 1;
    return a->io == b->io && a->assigned == b->assigned && a->size == b->size &&
           (!a->assigned || a->addr == b->addr) &&
           (a->io || (a->is64 == b->is64 && a->prefetch == b->prefetch));
}

static int compare_func(const struct pv_func *k, const struct pv_func *q, struct sbuf *why)
{
    int bad = 0;
    char where[16];
    snprintf(where, sizeof(where), "%02x:%02x.%x", k->bus, k->dev, k->fn);
    if (k->vendor != q->vendor || k->device != q->device) {
        sb_printf(why, "query-pci: %s: kernel lists %04x:%04x, QEMU has %04x:%04x\n", where,
                  k->vendor, k->device, q->vendor, q->device);
        bad++;
    }
    if (k->class_code != q->class_code) {
        sb_printf(why, "query-pci: %s: kernel lists class %04x, QEMU has %04x\n", where,
                  k->class_code, q->class_code);
        bad++;
    }
    for (int i = 0; i < PCIVIEW_NBARS; i++) {
        if (bar_equal(&k->bars[i], &q->bars[i]))
            continue;
        char a[96], b[96];
        bar_text(&k->bars[i], a, sizeof(a));
        bar_text(&q->bars[i], b, sizeof(b));
        sb_printf(why, "query-pci: %s BAR%d: kernel lists %s, QEMU has %s\n", where, i, a, b);
        bad++;
    }
    if (k->is_bridge != q->is_bridge ||
        (k->is_bridge && (k->primary != q->primary || k->secondary != q->secondary ||
                          k->subordinate != q->subordinate))) {
        sb_printf(why, "query-pci: %s: kernel lists bridge buses %02x/%02x/%02x, QEMU has %02x/%02x/%02x%s\n",
                  where, k->primary, k->secondary, k->subordinate, q->primary, q->secondary,
                  q->subordinate, k->is_bridge == q->is_bridge ? "" : " (bridge on one side only)");
        bad++;
    }
    return bad;
}

int pciview_compare(const struct pciview *kernel, const struct pciview *qemu, struct sbuf *why)
{
    qsort(kernel->v, (size_t)kernel->n, sizeof(*kernel->v), cmp_func);
    qsort(qemu->v, (size_t)qemu->n, sizeof(*qemu->v), cmp_func);
    int i = 0, j = 0, bad = 0;
    while (i < kernel->n || j < qemu->n) {
        const struct pv_func *k = i < kernel->n ? &kernel->v[i] : NULL;
        const struct pv_func *q = j < qemu->n ? &qemu->v[j] : NULL;
        int c = !k ? 1 : !q ? -1 : cmp_func(k, q);
        if (c < 0) {
            sb_printf(why, "query-pci: %02x:%02x.%x %04x:%04x is listed by the kernel but QEMU has no such function\n",
                      k->bus, k->dev, k->fn, k->vendor, k->device);
            i++;
        } else if (c > 0) {
            sb_printf(why, "query-pci: %02x:%02x.%x %04x:%04x exists in QEMU but is missing from the kernel's pci-v listing\n",
                      q->bus, q->dev, q->fn, q->vendor, q->device);
            j++;
        } else {
            bad += compare_func(k, q, why);
            i++, j++;
            continue;
        }
        bad++;
    }
    return bad;
}

void pciview_free(struct pciview *pv)
{
    free(pv->v);
    pv->v = NULL;
    pv->n = pv->cap = 0;
}
