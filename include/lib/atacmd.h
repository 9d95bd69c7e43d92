/* ATA logic with no I/O: decoding IDENTIFY DEVICE data, choosing READ DMA or
 * READ DMA EXT, splitting a request into commands, and encoding each command
 * as task-file register values. Host unit tests drive it. */
#ifndef LIB_ATACMD_H
#define LIB_ATACMD_H

#include <stdint.h>
#include "hw/ata.h"

struct ata_identity {
    char model[41];         /* words 27-46, byte-swapped, trailing spaces cut */
    uint32_t sectors28;     /* words 60-61: sectors addressable by LBA28 */
    uint64_t sectors48;     /* words 100-103; 0 without LBA48 */
    int lba48;              /* word 83 bit 10 */
    int lba, dma;           /* word 49 bits 9 and 8 */
};

void ata_identity_decode(const uint16_t id[ATA_ID_WORDS], struct ata_identity *out);
/* Capacity in sectors: the LBA48 count when supported, else the LBA28 one. */
uint64_t ata_identity_sectors(const struct ata_identity *id);

/* A request of `left` sectors from `lba`, consumed one command at a time.
 * READ DMA EXT (LBA48) is used when the range reaches sector 2^28 - 1
 * (ATA_LBA28_LIMIT) or beyond; otherwise READ DMA (LBA28), which every ATA
 * disk has. */
struct ata_request {
    uint64_t lba;
    uint64_t left;
    int lba48;
};

/* One command's task file, in the order the registers are written. For LBA48
 * the high-order bytes (hob_*) are written first, then the low-order ones. */
struct ata_taskfile {
    uint8_t command;
    uint8_t device;
    uint8_t hob_count, hob_lba_low, hob_lba_mid, hob_lba_high;     /* LBA48 only */
    uint8_t count, lba_low, lba_mid, lba_high;
    uint64_t lba;           /* first sector of this command */
    uint32_t sectors;       /* 1-256 (LBA28) or 1-65536 (LBA48) */
};

enum ata_plan_result {
    ATA_PLAN_OK = 0,
    ATA_PLAN_EMPTY = -1,        /* count is 0 */
    ATA_PLAN_NO_LBA48 = -2,     /* range needs LBA48, the device has none */
    ATA_PLAN_TOO_FAR = -3,      /* range ends beyond 2^48 */
};

/* Start a request; `dev_lba48` says whether the device supports LBA48. */
enum ata_plan_result ata_request_start(struct ata_request *rq, uint64_t lba,
                                       uint32_t count, int dev_lba48);
/* Fill *tf with the next command: 1, or 0 when the request is done. */
int ata_request_next(struct ata_request *rq, struct ata_taskfile *tf);

#endif
