/* RSDP -> RSDT/XSDT -> MCFG (lib/acpi.h). */
#include "lib/acpi.h"
#include "lib/printf.h"

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const uint8_t *p)
{
    return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static int same(const uint8_t *p, const char *sig, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != (uint8_t)sig[i])
            return 0;
    return 1;
}

uint8_t acpi_sum(const uint8_t *p, size_t len)
{
    uint8_t s = 0;
    for (size_t i = 0; i < len; i++)
        s = (uint8_t)(s + p[i]);
    return s;
}

int acpi_rsdp_check(const uint8_t *p, size_t len, const char **why)
{
    if (len < ACPI_RSDP_V1_SIZE || !same(p, ACPI_RSDP_SIGNATURE, 8)) {
        *why = "no \"RSD PTR \" signature";
        return -1;
    }
    if (acpi_sum(p, ACPI_RSDP_V1_SIZE)) {
        *why = "RSDP checksum (first 20 bytes) is not 0";
        return -1;
    }
    if (p[ACPI_RSDP_REVISION] < 2)
        return 0;
    uint32_t full = len >= ACPI_RSDP_V2_SIZE ? le32(p + ACPI_RSDP_LENGTH) : 0;
    if (full < ACPI_RSDP_V2_SIZE || full > len) {
        *why = "RSDP revision 2 length is not 36 to the bytes readable";
        return -1;
    }
    if (acpi_sum(p, full)) {
        *why = "RSDP extended checksum is not 0";
        return -1;
    }
    return 0;
}

long acpi_rsdp_scan(const uint8_t *p, size_t len)
{
    const char *why;
    for (size_t off = 0; off + ACPI_RSDP_V1_SIZE <= len; off += ACPI_RSDP_ALIGN)
        if (acpi_rsdp_check(p + off, len - off, &why) == 0)
            return (long)off;
    return -1;
}

int acpi_sdt_check(const uint8_t *p, size_t avail, const char *sig, const char **why)
{
    if (avail < ACPI_SDT_HEADER_SIZE || !same(p + ACPI_SDT_SIGNATURE, sig, 4)) {
        *why = "wrong signature";
        return -1;
    }
    uint32_t len = le32(p + ACPI_SDT_LENGTH);
    if (len < ACPI_SDT_HEADER_SIZE || len > avail) {
        *why = "length shorter than its header or past the table";
        return -1;
    }
    if (acpi_sum(p, len)) {
        *why = "checksum is not 0";
        return -1;
    }
    return 0;
}

/* Map and check the table at phys; NULL with why[] filled. */
static const uint8_t *map_table(const struct acpi_mem *m, uint64_t phys, const char *sig,
                                char *why, size_t whylen)
{
    const char *reason = "not in readable memory";
    const uint8_t *h = phys ? m->map(m->ctx, phys, ACPI_SDT_HEADER_SIZE) : 0;
    if (h) {
        uint32_t len = le32(h + ACPI_SDT_LENGTH);
        const uint8_t *t = len <= ACPI_TABLE_MAX_LEN ? m->map(m->ctx, phys, len) : 0;
        if (!t && len > ACPI_TABLE_MAX_LEN)
            reason = "length over 64 KiB";
        if (t && acpi_sdt_check(t, len, sig, &reason) == 0)
            return t;
    }
    ksnprintf(why, whylen, "acpi: %.4s at 0x%08llx: %s", sig, (unsigned long long)phys, reason);
    return 0;
}

static void mcfg_allocs(const uint8_t *t, struct acpi_mcfg *out)
{
    uint32_t len = le32(t + ACPI_SDT_LENGTH);
    out->nalloc = 0;
    for (uint32_t off = ACPI_MCFG_ALLOC0; off + ACPI_MCFG_ALLOC_SIZE <= len;
         off += ACPI_MCFG_ALLOC_SIZE) {
        if (out->nalloc < ACPI_MCFG_MAX_ALLOC) {
            struct acpi_ecam *e = &out->alloc[out->nalloc];
            e->base = le64(t + off + ACPI_MCFG_BASE);
            e->segment = (uint16_t)(t[off + ACPI_MCFG_SEGMENT] | t[off + ACPI_MCFG_SEGMENT + 1] << 8);
            e->start_bus = t[off + ACPI_MCFG_START_BUS];
            e->end_bus = t[off + ACPI_MCFG_END_BUS];
        }
        out->nalloc++;
    }
}

int acpi_find_mcfg(const struct acpi_mem *m, uint64_t rsdp, struct acpi_mcfg *out,
                   char *why, size_t whylen)
{
    const uint8_t *r = m->map(m->ctx, rsdp, ACPI_RSDP_V1_SIZE);
    if (!r) {
        ksnprintf(why, whylen, "acpi: RSDP at 0x%08llx: not in readable memory",
                  (unsigned long long)rsdp);
        return -1;
    }
    out->rsdp = rsdp;
    out->rsdp_revision = r[ACPI_RSDP_REVISION];
    out->xsdt = 0;
    out->root = le32(r + ACPI_RSDP_RSDT);
    if (out->rsdp_revision >= 2) {
        const uint8_t *r2 = m->map(m->ctx, rsdp, ACPI_RSDP_V2_SIZE);
        uint64_t x = r2 ? le64(r2 + ACPI_RSDP_XSDT) : 0;
        if (x) {
            out->xsdt = 1;
            out->root = x;
        }
    }
    const char *rsig = out->xsdt ? "XSDT" : "RSDT";
    const uint8_t *root = map_table(m, out->root, rsig, why, whylen);
    if (!root)
        return -1;
    unsigned esz = out->xsdt ? ACPI_XSDT_ENTRY_SIZE : ACPI_RSDT_ENTRY_SIZE;
    uint32_t len = le32(root + ACPI_SDT_LENGTH);
    for (uint32_t off = ACPI_SDT_HEADER_SIZE; off + esz <= len; off += esz) {
        uint64_t phys = out->xsdt ? le64(root + off) : le32(root + off);
        const uint8_t *h = phys ? m->map(m->ctx, phys, ACPI_SDT_HEADER_SIZE) : 0;
        if (!h || !same(h, "MCFG", 4))
            continue;
        const uint8_t *t = map_table(m, phys, "MCFG", why, whylen);
        if (!t)
            return -1;
        out->table = phys;
        mcfg_allocs(t, out);
        if (out->nalloc == 0) {
            ksnprintf(why, whylen, "acpi: MCFG at 0x%08llx: no allocation", (unsigned long long)phys);
            return -1;
        }
        return 0;
    }
    ksnprintf(why, whylen, "acpi: %s at 0x%08llx: no MCFG table among its %u entries", rsig,
              (unsigned long long)out->root, (unsigned)((len - ACPI_SDT_HEADER_SIZE) / esz));
    return -1;
}
