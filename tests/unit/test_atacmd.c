/* unit-sources: lib/atacmd.c */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "unit.h"
#include <stdlib.h>
#include <string.h>
#include "hw/ata.h"
#include "lib/atacmd.h"

/* Put an ATA string (two characters a word, first in the high byte). */
static void put_string(uint16_t *w, const char *s, int words)
{
    for (int i = 0; i < words; i++) {
        char a = *s ? *s++ : ' ';
        char b = *s ? *s++ : ' ';
        w[i] = (uint16_t)((uint8_t)a << 8 | (uint8_t)b);
    }
}

/* IDENTIFY data as QEMU's ide_identify() builds it for `sectors`. */
static void make_identify(uint16_t id[ATA_ID_WORDS], uint64_t sectors, int lba48)
{
    memset(id, 0, ATA_ID_WORDS * sizeof id[0]);
    put_string(&id[27], "QEMU HARDDISK", 20);
    id[49] = (1 << 11) | (1 << 9) | (1 << 8);
    uint32_t s28 = sectors >= (1u << 28) ? (1u << 28) - 1 : (uint32_t)sectors;
    id[60] = (uint16_t)s28;
    id[61] = (uint16_t)(s28 >> 16);
    if (lba48)
        id[83] = (1 << 14) | (1 << 13) | (1 << 12) | (1 << 10);
    for (int i = 0; i < 4; i++)
        id[100 + i] = (uint16_t)(sectors >> (16 * i));
}

static void test_identify_small_disk(void **state)
{
    (void)state;
    uint16_t id[ATA_ID_WORDS];
    struct ata_identity d;
    make_identify(id, 131072, 1);
    ata_identity_decode(id, &d);
    assert_string_equal(d.model, "QEMU HARDDISK");
    assert_int_equal(d.sectors28, 131072);
    assert_int_equal(d.sectors48, 131072);
    assert_true(d.lba48 && d.lba && d.dma);
    assert_int_equal(ata_identity_sectors(&d), 131072);
}

/* 200 GiB: LBA28 count saturates at 2^28 - 1, the LBA48 count is exact. */
static void test_identify_big_disk(void **state)
{
    (void)state;
    uint16_t id[ATA_ID_WORDS];
    struct ata_identity d;
    make_identify(id, 419430400ull, 1);
    ata_identity_decode(id, &d);
    assert_int_equal(d.sectors28, (1u << 28) - 1);
    assert_int_equal(d.sectors48, 419430400ull);
    assert_int_equal(ata_identity_sectors(&d), 419430400ull);
    id[102] = 0x0001;                               /* bits 47:32 */
    ata_identity_decode(id, &d);
    assert_int_equal(d.sectors48, 419430400ull + (1ull << 32));
}

static void test_identify_no_lba48(void **state)
{
    (void)state;
    uint16_t id[ATA_ID_WORDS];
    struct ata_identity d;
    make_identify(id, 1000, 0);
    ata_identity_decode(id, &d);
    assert_false(d.lba48);
    assert_int_equal(d.sectors48, 0);
    assert_int_equal(ata_identity_sectors(&d), 1000);
}

/* Byte order within words, all 40 characters, trailing spaces removed. */
static void test_identify_model_string(void **state)
{
    (void)state;
    uint16_t id[ATA_ID_WORDS];
    struct ata_identity d;
    make_identify(id, 8, 1);
    put_string(&id[27], "0123456789abcdefghijklmnopqrstuvwxyzABCD", 20);
    ata_identity_decode(id, &d);
    assert_string_equal(d.model, "0123456789abcdefghijklmnopqrstuvwxyzABCD");
    put_string(&id[27], "AB C", 20);
    ata_identity_decode(id, &d);
    assert_string_equal(d.model, "AB C");
    put_string(&id[27], "", 20);
    ata_identity_decode(id, &d);
    assert_string_equal(d.model, "");
}

static int count_commands(uint64_t lba, uint32_t count, int lba48, struct ata_taskfile *last)
{
    struct ata_request rq;
    assert_int_equal(ata_request_start(&rq, lba, count, lba48), ATA_PLAN_OK);
    int n = 0;
    uint64_t next = lba, total = 0;
    while (ata_request_next(&rq, last)) {
        assert_int_equal(last->lba, next);
        next += last->sectors;
        total += last->sectors;
        n++;
    }
    assert_int_equal(total, count);
    return n;
}

static void test_lba28_one_sector(void **state)
{
    (void)state;
    struct ata_taskfile tf;
    assert_int_equal(count_commands(0x0ABCDEF1, 1, 1, &tf), 1);
    assert_int_equal(tf.command, ATA_CMD_READ_DMA);
    assert_int_equal(tf.device, 0xE0 | 0x0A);
    assert_int_equal(tf.count, 1);
    assert_int_equal(tf.lba_low, 0xF1);
    assert_int_equal(tf.lba_mid, 0xDE);
    assert_int_equal(tf.lba_high, 0xBC);
}

/* 256 sectors are one LBA28 command with count register 0; 300 split 256+44. */
static void test_lba28_split(void **state)
{
    (void)state;
    struct ata_taskfile tf;
    struct ata_request rq;
    assert_int_equal(count_commands(0, 256, 1, &tf), 1);
    assert_int_equal(tf.count, 0);
    assert_int_equal(ata_request_start(&rq, 100, 300, 1), ATA_PLAN_OK);
    assert_int_equal(ata_request_next(&rq, &tf), 1);
    assert_int_equal(tf.sectors, 256);
    assert_int_equal(tf.command, ATA_CMD_READ_DMA);
    assert_int_equal(ata_request_next(&rq, &tf), 1);
    assert_int_equal(tf.lba, 356);
    assert_int_equal(tf.sectors, 44);
    assert_int_equal(tf.count, 44);
    assert_int_equal(ata_request_next(&rq, &tf), 0);
    assert_int_equal(count_commands(0, 65536, 1, &tf), 256);
}

/* The last LBA28 sector (2^28 - 2) still uses READ DMA; the next one,
 * 0x0FFFFFFF, needs READ DMA EXT. */
static void test_lba48_choice(void **state)
{
    (void)state;
    struct ata_taskfile tf;
    assert_int_equal(count_commands((1u << 28) - 2, 1, 1, &tf), 1);
    assert_int_equal(tf.command, ATA_CMD_READ_DMA);
    assert_int_equal(tf.device, 0xEF);
    assert_int_equal(count_commands((1u << 28) - 1, 1, 1, &tf), 1);
    assert_int_equal(tf.command, ATA_CMD_READ_DMA_EXT);
    assert_int_equal(count_commands((1u << 28) - 4, 16, 1, &tf), 1);
    assert_int_equal(tf.command, ATA_CMD_READ_DMA_EXT);
    assert_int_equal(tf.device, 0xE0);
    assert_int_equal(tf.hob_lba_low, 0x0F);
    assert_int_equal(tf.lba_high, 0xFF);
    assert_int_equal(tf.lba_low, 0xFC);
    assert_int_equal(tf.count, 16);
    assert_int_equal(tf.hob_count, 0);
}

static void test_lba48_encoding(void **state)
{
    (void)state;
    struct ata_taskfile tf;
    assert_int_equal(count_commands(0x123456789ABCull, 65536, 1, &tf), 1);
    assert_int_equal(tf.command, ATA_CMD_READ_DMA_EXT);
    assert_int_equal(tf.count, 0);
    assert_int_equal(tf.hob_count, 0);                      /* 65536 */
    assert_int_equal(tf.lba_low, 0xBC);
    assert_int_equal(tf.lba_mid, 0x9A);
    assert_int_equal(tf.lba_high, 0x78);
    assert_int_equal(tf.hob_lba_low, 0x56);
    assert_int_equal(tf.hob_lba_mid, 0x34);
    assert_int_equal(tf.hob_lba_high, 0x12);
    assert_int_equal(count_commands(1ull << 28, 300, 1, &tf), 1);
    assert_int_equal(tf.hob_count, 1);
    assert_int_equal(tf.count, 300 - 256);
}

static void test_plan_errors(void **state)
{
    (void)state;
    struct ata_request rq;
    assert_int_equal(ata_request_start(&rq, 0, 0, 1), ATA_PLAN_EMPTY);
    assert_int_equal(ata_request_start(&rq, 1ull << 28, 1, 0), ATA_PLAN_NO_LBA48);
    assert_int_equal(ata_request_start(&rq, (1ull << 28) - 1, 2, 0), ATA_PLAN_NO_LBA48);
    assert_int_equal(ata_request_start(&rq, (1ull << 48) - 1, 1, 1), ATA_PLAN_OK);
    assert_int_equal(ata_request_start(&rq, (1ull << 48) - 1, 2, 1), ATA_PLAN_TOO_FAR);
    assert_int_equal(ata_request_start(&rq, 1ull << 48, 1, 1), ATA_PLAN_TOO_FAR);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_identify_small_disk),
    cmocka_unit_test(test_identify_big_disk),
    cmocka_unit_test(test_identify_no_lba48),
    cmocka_unit_test(test_identify_model_string),
    cmocka_unit_test(test_lba28_one_sector),
    cmocka_unit_test(test_lba28_split),
    cmocka_unit_test(test_lba48_choice),
    cmocka_unit_test(test_lba48_encoding),
    cmocka_unit_test(test_plan_errors),
};

UNIT_MAIN("atacmd", tests)
