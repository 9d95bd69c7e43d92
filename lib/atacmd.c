/* IDENTIFY decoding and READ DMA command planning; see atacmd.h. */
#include "hw/ata.h"
#include "lib/atacmd.h"

/* ATA strings hold two characters per word, the first in the high byte. */
static void decode_model(const uint16_t *w, char *out)
{
    int n = 0;
    for (int i = 0; i < ATA_ID_MODEL_WORDS; i++) {
        out[n++] = (char)(w[i] >> 8);
        out[n++] = (char)(w[i] & 0xFF);
    }
    while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\0'))
        n--;
    out[n] = '\0';
}

void ata_identity_decode(const uint16_t id[ATA_ID_WORDS], struct ata_identity *out)
{
    decode_model(&id[ATA_ID_MODEL], out->model);
    out->sectors28 = (uint32_t)id[ATA_ID_LBA28_SECTORS] |
                     (uint32_t)id[ATA_ID_LBA28_SECTORS + 1] << 16;
    out->lba48 = (id[ATA_ID_COMMAND_SET_2] & ATA_ID_CMDSET2_LBA48) != 0;
    out->sectors48 = 0;
    if (out->lba48)
        for (int i = 3; i >= 0; i--)
            out->sectors48 = out->sectors48 << 16 | id[ATA_ID_LBA48_SECTORS + i];
    out->lba = (id[ATA_ID_CAPABILITIES] & ATA_ID_CAP_LBA) != 0;
    out->dma = (id[ATA_ID_CAPABILITIES] & ATA_ID_CAP_DMA) != 0;
}

uint64_t ata_identity_sectors(const struct ata_identity *id)
{
    return id->lba48 ? id->sectors48 : id->sectors28;
}

enum ata_plan_result ata_request_start(struct ata_request *rq, uint64_t lba,
                                       uint32_t count, int dev_lba48)
{
    if (count == 0)
        return ATA_PLAN_EMPTY;
    if (lba >= ATA_LBA48_LIMIT || count > ATA_LBA48_LIMIT - lba)
        return ATA_PLAN_TOO_FAR;
    rq->lba = lba;
    rq->left = count;
    rq->lba48 = lba + count > ATA_LBA28_LIMIT;      /* last sector >= 2^28 - 1 */
    if (rq->lba48 && !dev_lba48)
        return ATA_PLAN_NO_LBA48;
    return ATA_PLAN_OK;
}

static void encode_lba28(struct ata_taskfile *tf)
{
    tf->command = ATA_CMD_READ_DMA;
    tf->device = ATA_DEVICE_OBS | ATA_DEVICE_LBA |
                 (uint8_t)((tf->lba >> 24) & ATA_DEVICE_LBA28_HI);
    tf->hob_count = tf->hob_lba_low = tf->hob_lba_mid = tf->hob_lba_high = 0;
    tf->count = (uint8_t)tf->sectors;                   /* 256 -> 0 */
}

static void encode_lba48(struct ata_taskfile *tf)
{
    tf->command = ATA_CMD_READ_DMA_EXT;
    tf->device = ATA_DEVICE_OBS | ATA_DEVICE_LBA;
    tf->hob_count = (uint8_t)(tf->sectors >> 8);        /* 65536 -> 0, 0 */
    tf->hob_lba_low = (uint8_t)(tf->lba >> 24);
    tf->hob_lba_mid = (uint8_t)(tf->lba >> 32);
    tf->hob_lba_high = (uint8_t)(tf->lba >> 40);
    tf->count = (uint8_t)tf->sectors;
}

int ata_request_next(struct ata_request *rq, struct ata_taskfile *tf)
{
    if (rq->left == 0)
        return 0;
    uint32_t max = rq->lba48 ? ATA_LBA48_MAX_COUNT : ATA_LBA28_MAX_COUNT;
    tf->lba = rq->lba;
    tf->sectors = rq->left < max ? (uint32_t)rq->left : max;
    if (rq->lba48)
        encode_lba48(tf);
    else
        encode_lba28(tf);
    tf->lba_low = (uint8_t)tf->lba;
    tf->lba_mid = (uint8_t)(tf->lba >> 8);
    tf->lba_high = (uint8_t)(tf->lba >> 16);
    rq->lba += tf->sectors;
    rq->left -= tf->sectors;
    return 1;
}
