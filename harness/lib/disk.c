/* Disk image pattern, CRC-32 (IEEE 802.3, as zlib), image files, dma-crc oracle. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include "harness/lib/disk.h"
#include "harness/lib/kcmdline.h"

int disk_parse(const char *s, struct disk_spec *spec, char *err, size_t errlen)
{
    struct strv w = { 0 };
    memset(spec, 0, sizeof(*spec));
    if (split_words(s, &w, err, errlen) < 0) {
        strv_free(&w);
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < w.n && rc == 0; i++) {
        char *v = w.v[i], *end;
        if (!strcmp(v, "sparse")) {
            spec->sparse = 1;
        } else if (!strncmp(v, "size=", 5)) {
            errno = 0;
            unsigned long long n = strtoull(v + 5, &end, 10);
            int shift = size_suffix_shift(*end);
            if (shift)
                end++;
            if (errno || end == v + 5 || *end || n == 0 || n > (1ull << (50 - shift))) {
                snprintf(err, errlen, "bad disk size '%s'; write e.g. size=64M (K, M, G, T suffixes)", v + 5);
                rc = -1;
            }
            spec->size = (uint64_t)n << shift;
        } else if (!strncmp(v, "index=", 6)) {
            unsigned long n = strtoul(v + 6, &end, 10);
            if (end == v + 6 || *end || n > DISK_INDEX_MAX) {
                snprintf(err, errlen, "bad disk index '%s'; write index=N, N from 0 to %d", v + 6,
                         DISK_INDEX_MAX);
                rc = -1;
            }
            spec->index = (unsigned)n;
        } else {
            snprintf(err, errlen, "unknown disk option '%s'; valid: size=SIZE sparse index=N", v);
            rc = -1;
        }
    }
    strv_free(&w);
    if (rc == 0 && (spec->size == 0 || spec->size % DISK_SECTOR)) {
        snprintf(err, errlen, "disk size must be given (size=...) and be a multiple of 512 bytes");
        rc = -1;
    }
    return rc;
}

void disk_sector(uint64_t lba, uint8_t out[DISK_SECTOR])
{
    for (int i = 0; i < 8; i++)
        out[i] = (uint8_t)(lba >> (8 * i));
    memcpy(out + 8, "TRACEOS!", 8);
    for (unsigned i = 16; i < DISK_SECTOR; i++)
        out[i] = (uint8_t)((lba * 31 + i * 7 + (lba >> 8)) & 0xFF);
}

/* zlib takes an unsigned int length: larger buffers go in pieces. */
uint32_t oracle_crc32_update(uint32_t crc, const void *buf, size_t len)
{
    const Bytef *p = buf;
    uLong c = crc;
    while (len) {
        uInt k = len > UINT_MAX ? UINT_MAX : (uInt)len;
        c = crc32(c, p, k);
        p += k;
        len -= k;
    }
    return (uint32_t)c;
}

int disk_dma_words(const char *append, struct dma_range **out)
{
    struct cmdline cl;
    int n = 0;
    *out = NULL;
    kcmdline_parse(append, &cl);
    for (int i = 0; i < cl.ncmds; i++) {
        if (cl.cmds[i].kind != CMD_DMA)
            continue;
        *out = xrealloc(*out, (size_t)(n + 1) * sizeof(**out));
        (*out)[n].lba = cl.cmds[i].a;
        (*out)[n].count = cl.cmds[i].b;
        n++;
    }
    return n;
}

/* Write the pattern for sectors [lba, lba+count) clipped to the image.
 * 0, or -1 with err naming the sector. */
static int write_range(int fd, uint64_t lba, uint64_t count, uint64_t nsect, const char *path,
                       char *err, size_t errlen)
{
    uint8_t buf[64 * DISK_SECTOR];
    while (count && lba < nsect) {
        unsigned k = 0;
        while (k < 64 && k < count && lba + k < nsect) {
            disk_sector(lba + k, buf + (size_t)k * DISK_SECTOR);
            k++;
        }
        size_t len = (size_t)k * DISK_SECTOR;
        errno = 0;
        ssize_t w = pwrite(fd, buf, len, (off_t)(lba * DISK_SECTOR));
        if (w != (ssize_t)len) {
            snprintf(err, errlen, "%s: cannot write disk image: %s at sector %" PRIu64 "; free disk space or shrink the disk",
                     path, w < 0 ? strerror(errno) : "short write", lba);
            return -1;
        }
        lba += k;
        count -= k;
    }
    return 0;
}

/* The description an image was made from, kept beside it as PATH.desc so an
 * unchanged image is not rewritten on every run. */
static void describe(const struct disk_spec *spec, const char *append, struct sbuf *out)
{
    sb_printf(out, "size=%" PRIu64 " sparse=%d", spec->size, spec->sparse);
    if (spec->sparse)
        sb_printf(out, " append=%s", append);
    sb_addc(out, '\n');
}

static int image_current(const char *path, const char *desc_path, const struct sbuf *want,
                         uint64_t size)
{
    struct stat st;
    struct sbuf have = { 0 };
    char err[256];
    int ok = stat(path, &st) == 0 && (uint64_t)st.st_size == size &&
             read_file(desc_path, &have, err, sizeof(err)) == 0 &&
             have.len == want->len && !memcmp(have.p, want->p, want->len);
    sb_free(&have);
    return ok;
}

static int make_image(const char *path, const struct disk_spec *spec, const char *append,
                      char *err, size_t errlen)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot create disk image: %s", path, strerror(errno));
        return -1;
    }
    uint64_t nsect = spec->size / DISK_SECTOR;
    int rc = ftruncate(fd, (off_t)spec->size);
    if (rc != 0)
        snprintf(err, errlen, "%s: cannot size disk image: %s; free disk space or shrink the disk", path, strerror(errno));
    if (rc == 0 && !spec->sparse) {
        rc = write_range(fd, 0, nsect, nsect, path, err, errlen);
    } else if (rc == 0) {
        struct dma_range *r;
        int n = disk_dma_words(append, &r);
        for (int i = 0; i < n && rc == 0; i++)
            rc = write_range(fd, r[i].lba, r[i].count, nsect, path, err, errlen);
        free(r);
    }
    if (close(fd) != 0 && rc == 0) {
        snprintf(err, errlen, "%s: cannot write disk image: %s", path, strerror(errno));
        rc = -1;
    }
    if (rc != 0) {
        unlink(path);
        return -1;
    }
    return 0;
}

int disk_make_image(const char *path, const struct disk_spec *spec, const char *append,
                    char *err, size_t errlen)
{
    struct sbuf desc = { 0 }, desc_path = { 0 };
    describe(spec, append, &desc);
    sb_printf(&desc_path, "%s.desc", path);
    if (image_current(path, desc_path.p, &desc, spec->size)) {
        sb_free(&desc);
        sb_free(&desc_path);
        return 0;
    }
    unlink(desc_path.p);
    int rc = make_image(path, spec, append, err, errlen);
    if (rc == 0)
        rc = write_file(desc_path.p, desc.p, desc.len, err, errlen);
    sb_free(&desc);
    sb_free(&desc_path);
    return rc;
}

/* CRC of sectors [lba, lba+count) of the image file; -1 when out of range. */
static int image_crc(int fd, uint64_t lba, uint64_t count, uint32_t *crc)
{
    uint8_t buf[64 * DISK_SECTOR];
    uint32_t c = 0;
    while (count) {
        size_t k = count < 64 ? (size_t)count : 64;
        ssize_t got = pread(fd, buf, k * DISK_SECTOR, (off_t)(lba * DISK_SECTOR));
        if (got != (ssize_t)(k * DISK_SECTOR))
            return -1;
        c = oracle_crc32_update(c, buf, k * DISK_SECTOR);
        lba += k;
        count -= k;
    }
    *crc = c;
    return 0;
}

/* Does the guest report a line for range r? Fills *crc from it. */
static int find_line(const char *serial, const struct dma_range *r, uint32_t *crc)
{
    char want[96];
    snprintf(want, sizeof(want), "dma: lba=%" PRIu64 " count=%" PRIu64 " crc32=", r->lba, r->count);
    for (const char *p = serial; (p = strstr(p, want)) != NULL; p++) {
        if (p != serial && p[-1] != '\n')
            continue;
        char *end;
        unsigned long v = strtoul(p + strlen(want), &end, 16);
        if (end == p + strlen(want) + 8) {
            *crc = (uint32_t)v;
            return 1;
        }
    }
    return 0;
}

int disk_crc_oracle(const char *serial, const char *append, const char *img,
                    int allow_missing, struct sbuf *why)
{
    struct dma_range *r;
    int n = disk_dma_words(append, &r), bad = 0;
    int fd = open(img, O_RDONLY);
    if (fd < 0 && n) {
        sb_printf(why, "dma-crc: cannot open image %s: %s\n", img, strerror(errno));
        free(r);
        return 1;
    }
    for (int i = 0; i < n; i++) {
        uint32_t guest, host;
        if (!find_line(serial, &r[i], &guest)) {
            if (!allow_missing) {
                sb_printf(why, "dma-crc: no line 'dma: lba=%" PRIu64 " count=%" PRIu64 " crc32=...' on serial for dma=%" PRIu64 ":%" PRIu64 "\n",
                          r[i].lba, r[i].count, r[i].lba, r[i].count);
                bad++;
            }
            continue;
        }
        if (image_crc(fd, r[i].lba, r[i].count, &host) < 0) {
            sb_printf(why, "dma-crc: guest reported crc32=%08x for lba=%" PRIu64 " count=%" PRIu64 ", a range past the end of %s\n",
                      guest, r[i].lba, r[i].count, img);
            bad++;
        } else if (host != guest) {
            sb_printf(why, "dma-crc: lba=%" PRIu64 " count=%" PRIu64 ": guest crc32=%08x, image crc32=%08x\n",
                      r[i].lba, r[i].count, guest, host);
            bad++;
        }
    }
    if (fd >= 0)
        close(fd);
    free(r);
    return bad;
}
