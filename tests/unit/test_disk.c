/* unit-sources: libharness */
/* Disk images: the `disk =` syntax, the sector pattern, CRC-32 (zlib's),
 * the dma= words of a command line, and the dma-crc oracle on a small
 * image file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "harness/lib/disk.h"
#include "unit.h"
#include "harness/lib/kcmdline.h"

static void expect_size(const char *s, uint64_t size, int sparse)
{
    struct disk_spec d;
    char err[256];
    if (disk_parse(s, &d, err, sizeof(err)) < 0)
        fail_msg("disk '%s': %s", s, err);
    assert_int_equal(d.size, size);
    assert_int_equal(d.sparse, sparse);
}

static void expect_bad(const char *s, const char *want)
{
    struct disk_spec d;
    char err[256] = "";
    assert_int_equal(disk_parse(s, &d, err, sizeof(err)), -1);
    assert_prefix(s, err, want);
}

static void test_parse(void **state)
{
    (void)state;
    expect_size("size=512", 512, 0);
    expect_size("size=64M", 64ull << 20, 0);
    expect_size("sparse size=200G", 200ull << 30, 1);
    expect_size("size=1T sparse", 1ull << 40, 1);
    expect_size("size=2K", 2048, 0);
    expect_bad("", "disk size must be given");
    expect_bad("sparse", "disk size must be given");
    expect_bad("size=100", "disk size must be given (size=...) and be a multiple of 512");
    expect_bad("size=64m", "bad disk size '64m'");
    expect_bad("size=M", "bad disk size 'M'");
    expect_bad("size=", "bad disk size ''");
    expect_bad("size=0", "bad disk size '0'");
    expect_bad("size=2048T", "bad disk size '2048T'");
    expect_bad("size=99999999999999999999", "bad disk size");
    expect_bad("size=64M compressed", "unknown disk option 'compressed'");
    expect_bad("size='64M", "unterminated");
    expect_bad("size=64M index=6", "bad disk index '6'; write index=N, N from 0 to 5");
    expect_bad("size=64M index=", "bad disk index ''");
    expect_bad("size=64M index=x", "bad disk index 'x'");
}

static void test_index(void **state)
{
    (void)state;
    struct disk_spec d;
    char err[256];
    assert_int_equal(disk_parse("size=64M", &d, err, sizeof(err)), 0);
    assert_int_equal(d.index, 0);
    assert_int_equal(disk_parse("index=2 size=64M sparse", &d, err, sizeof(err)), 0);
    assert_int_equal(d.index, 2);
    assert_int_equal(d.sparse, 1);
}

/* Sector L: L little-endian, "TRACEOS!", then (L*31 + i*7 + (L>>8)) & 0xFF. */
static void test_sector_pattern(void **state)
{
    (void)state;
    uint8_t s[DISK_SECTOR];
    disk_sector(0, s);
    static const uint8_t head0[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 'T', 'R', 'A', 'C', 'E', 'O', 'S', '!' };
    assert_memory_equal(s, head0, 16);
    assert_int_equal(s[16], 112);                           /* 16 * 7 */
    assert_int_equal(s[511], (511 * 7) & 0xFF);
    disk_sector(0x0102030405060708ull, s);
    static const uint8_t head1[8] = { 8, 7, 6, 5, 4, 3, 2, 1 };
    assert_memory_equal(s, head1, 8);
    uint64_t L = 0x0102030405060708ull;
    assert_int_equal(s[100], (uint8_t)((L * 31 + 700 + (L >> 8)) & 0xFF));
    disk_sector(300, s);
    assert_int_equal(s[20], (300 * 31 + 140 + 1) & 0xFF);   /* L >> 8 == 1 */
}

static void test_crc32(void **state)
{
    (void)state;
    assert_int_equal(oracle_crc32_update(0, "123456789", 9), 0xCBF43926u);  /* the check value */
    assert_int_equal(oracle_crc32_update(0, "", 0), 0);
    assert_int_equal(oracle_crc32_update(0, "a", 1), 0xE8B7BE43u);
    /* Chaining: the CRC of a whole equals the CRC updated piece by piece. */
    uint32_t c = oracle_crc32_update(0, "1234", 4);
    assert_int_equal(oracle_crc32_update(c, "56789", 5), 0xCBF43926u);
    uint8_t s[DISK_SECTOR];
    disk_sector(7, s);
    uint32_t whole = oracle_crc32_update(0, s, sizeof(s));
    uint32_t parts = oracle_crc32_update(oracle_crc32_update(0, s, 100), s + 100, sizeof(s) - 100);
    assert_int_equal(whole, parts);
}

/* dma= words as the kernel reads them: decimal or 0x hex, COUNT 1-65536. */
static void test_dma_words(void **state)
{
    (void)state;
    struct dma_range *r;
    int n = disk_dma_words("pci dma=0:1 dma=0x10:0x2 dma=010:3 exit dma=5 dma=:1 dma=1: dma=1:2x "
                           "dma=-1:1 dma=+1:1 dma=1:-1 dma= 1:1 dma=0:0 dma=0:65537", &r);
    assert_int_equal(n, 3);
    assert_int_equal(r[0].lba, 0);
    assert_int_equal(r[0].count, 1);
    assert_int_equal(r[1].lba, 16);
    assert_int_equal(r[1].count, 2);
    assert_int_equal(r[2].lba, 10);
    assert_int_equal(r[2].count, 3);
    free(r);
    assert_int_equal(disk_dma_words("", &r), 0);
    assert_null(r);
    assert_int_equal(disk_dma_words("dma='1:1", &r), 0);
    free(r);
}

/* The oracle against a real 4-sector image: a right CRC, a wrong one, a
 * missing line, a range past the end, a line not at a line start. */
struct image {
    struct sbuf path;   /* $TMPDIR/traceos-unit-disk-XXXXXX, made unique */
    struct sbuf desc;   /* PATH.desc, which disk_make_image may write */
};

/* A unique empty file under $TMPDIR (default /tmp) for one test. */
static int image_setup(void **state)
{
    struct image *im = calloc(1, sizeof(*im));
    if (!im)
        return -1;
    const char *dir = getenv("TMPDIR");
    sb_printf(&im->path, "%s/traceos-unit-disk-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(im->path.p);
    if (fd < 0) {
        print_error("mkstemp %s: cannot create a temporary file; set TMPDIR to a writable directory\n",
                    im->path.p);
        sb_free(&im->path);
        free(im);
        return -1;
    }
    close(fd);
    sb_printf(&im->desc, "%s.desc", im->path.p);
    *state = im;
    return 0;
}

/* Runs after the test, also when one of its assertions failed. */
static int image_teardown(void **state)
{
    struct image *im = *state;
    unlink(im->path.p);
    unlink(im->desc.p);
    sb_free(&im->path);
    sb_free(&im->desc);
    free(im);
    return 0;
}

/* The parsed words point into the caller's append text, not a copy. */
static void test_kcmdline_words(void **state)
{
    (void)state;
    const char *append = "dma=8:2  exit";
    struct cmdline cl;
    kcmdline_parse(append, &cl);
    assert_int_equal(cl.ncmds, 2);
    assert_ptr_equal(cl.cmds[0].word, append);
    assert_int_equal(cl.cmds[0].len, 7);
    assert_ptr_equal(cl.cmds[1].word, append + 9);
    assert_int_equal(cl.has_exit, 1);
}

static void test_crc_oracle(void **state)
{
    const char *path = ((struct image *)*state)->path.p;
    struct disk_spec spec = { .size = 4 * DISK_SECTOR, .sparse = 0 };
    char err[256];
    assert_int_equal(disk_make_image(path, &spec, "dma=1:2", err, sizeof(err)), 0);
    uint8_t s[2 * DISK_SECTOR];
    disk_sector(1, s);
    disk_sector(2, s + DISK_SECTOR);
    uint32_t crc = oracle_crc32_update(0, s, sizeof(s));
    char serial[256];
    snprintf(serial, sizeof(serial), "ata: ready\ndma: lba=1 count=2 crc32=%08x\n", crc);
    struct sbuf why = { 0 };
    assert_int_equal(disk_crc_oracle(serial, "dma=1:2 exit", path, 0, &why), 0);
    assert_int_equal(why.len, 0);
    snprintf(serial, sizeof(serial), "dma: lba=1 count=2 crc32=%08x\n", crc ^ 1);
    assert_int_equal(disk_crc_oracle(serial, "dma=1:2", path, 0, &why), 1);
    assert_non_null(strstr(sb_str(&why), "lba=1 count=2: guest crc32="));
    why.len = 0;
    snprintf(serial, sizeof(serial), "x dma: lba=1 count=2 crc32=%08x\n", crc);
    assert_int_equal(disk_crc_oracle(serial, "dma=1:2", path, 0, &why), 1);
    assert_non_null(strstr(sb_str(&why), "no line 'dma: lba=1 count=2 crc32=...'"));
    assert_int_equal(disk_crc_oracle(serial, "dma=1:2", path, 1, &why), 0);
    why.len = 0;
    assert_int_equal(disk_crc_oracle("dma: lba=3 count=2 crc32=00000000\n", "dma=3:2", path, 0, &why), 1);
    assert_non_null(strstr(sb_str(&why), "a range past the end"));
    sb_free(&why);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_parse),
    cmocka_unit_test(test_index),
    cmocka_unit_test(test_sector_pattern),
    cmocka_unit_test(test_crc32),
    cmocka_unit_test(test_dma_words),
    cmocka_unit_test(test_kcmdline_words),
    cmocka_unit_test_setup_teardown(test_crc_oracle, image_setup, image_teardown),
};

UNIT_MAIN("disk", tests)
