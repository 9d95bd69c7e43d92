/* AHCI command building; the contracts are in ahcicmd.h. */
#include "lib/ahcicmd.h"

static void fis_clear(uint8_t *fis)
{
    for (int i = 0; i < FIS_H2D_SIZE; i++)
        fis[i] = 0;
    fis[FIS_H2D_TYPE] = FIS_TYPE_REG_H2D;
    fis[FIS_H2D_FLAGS] = FIS_H2D_FLAG_C;
}

int ahci_fis_read_dma_ext(uint8_t *fis, uint64_t lba, uint32_t count)
{
    if (count < 1 || count > ATA_LBA48_MAX_COUNT || lba >= ATA_LBA48_LIMIT ||
        lba + count > ATA_LBA48_LIMIT)
        return -1;
    fis_clear(fis);
    fis[FIS_H2D_COMMAND] = ATA_CMD_READ_DMA_EXT;
    fis[FIS_H2D_DEVICE] = ATA_DEVICE_LBA;
    fis[FIS_H2D_LBA0] = (uint8_t)lba;
    fis[FIS_H2D_LBA1] = (uint8_t)(lba >> 8);
    fis[FIS_H2D_LBA2] = (uint8_t)(lba >> 16);
    fis[FIS_H2D_LBA3] = (uint8_t)(lba >> 24);
    fis[FIS_H2D_LBA4] = (uint8_t)(lba >> 32);
    fis[FIS_H2D_LBA5] = (uint8_t)(lba >> 40);
    fis[FIS_H2D_COUNT0] = (uint8_t)count;              /* 65536 -> 0, 0 */
    fis[FIS_H2D_COUNT1] = (uint8_t)(count >> 8);
    return 0;
}

void ahci_fis_identify(uint8_t *fis)
{
    fis_clear(fis);
    fis[FIS_H2D_COMMAND] = ATA_CMD_IDENTIFY;
}

uint32_t ahci_prd_bytes(const struct ahci_prd *e)
{
    return (e->dbc & AHCI_PRD_DBC_MASK) + 1;
}

int ahci_prdt_build(struct ahci_prd *tab, int max, uint32_t phys, uint32_t len)
{
    if (len == 0 || (len & 1) || (phys & 1) || phys + (len - 1) < phys)
        return -1;
    int n = 0;
    uint32_t addr = phys, left = len;
    while (left) {
        if (n == max)
            return -1;
        uint32_t piece = left < AHCI_PRD_MAX_BYTES ? left : AHCI_PRD_MAX_BYTES;
        tab[n].dba = addr;
        tab[n].dbau = 0;
        tab[n].reserved = 0;
        tab[n].dbc = (piece - 1) & AHCI_PRD_DBC_MASK;  /* odd: the count is even */
        n++;
        addr += piece;
        left -= piece;
    }
    return n;
}

void ahci_cmd_header_set(struct ahci_cmd_header *h, unsigned prdtl, uint32_t ctba)
{
    h->flags = (FIS_H2D_SIZE / 4) | (uint32_t)prdtl << AHCI_CMDHDR_PRDTL_SHIFT;
    h->prdbc = 0;
    h->ctba = ctba;
    h->ctbau = 0;
    for (int i = 0; i < 4; i++)
        h->reserved[i] = 0;
}

unsigned ahci_cmd_header_prdtl(const struct ahci_cmd_header *h)
{
    return h->flags >> AHCI_CMDHDR_PRDTL_SHIFT;
}

int ahci_request_start(struct ahci_request *rq, uint64_t lba, uint32_t count, uint32_t max)
{
    if (count < 1 || count > ATA_LBA48_MAX_COUNT || max < 1 || max > ATA_LBA48_MAX_COUNT ||
        lba >= ATA_LBA48_LIMIT || lba + count > ATA_LBA48_LIMIT)
        return -1;
    rq->lba = lba;
    rq->left = count;
    rq->max = max;
    return 0;
}

int ahci_request_next(struct ahci_request *rq, uint64_t *lba, uint32_t *count)
{
    if (rq->left == 0)
        return 0;
    uint32_t n = rq->left < rq->max ? (uint32_t)rq->left : rq->max;
    *lba = rq->lba;
    *count = n;
    rq->lba += n;
    rq->left -= n;
    return 1;
}

/* Most severe first: a fatal error explains the others. */
static const struct {
    uint32_t bit;
    const char *name;
} pis_errors[] = {
    { .bit = AHCI_PIS_HBFS, .name = "HBFS (host bus fatal error)" },
    { .bit = AHCI_PIS_HBDS, .name = "HBDS (host bus data error)" },
    { .bit = AHCI_PIS_IFS, .name = "IFS (interface fatal error)" },
    { .bit = AHCI_PIS_TFES, .name = "TFES (task file error)" },
    { .bit = AHCI_PIS_OFS, .name = "OFS (overflow: more data than the PRDT describes)" },
    { .bit = AHCI_PIS_INFS, .name = "INFS (interface non-fatal error)" },
    { .bit = AHCI_PIS_UFS, .name = "UFS (unknown FIS)" },
};

const char *ahci_pis_error_name(uint32_t pis)
{
    for (unsigned i = 0; i < sizeof(pis_errors) / sizeof(pis_errors[0]); i++)
        if (pis & pis_errors[i].bit)
            return pis_errors[i].name;
    return 0;
}

const char *ahci_ata_error_name(uint8_t error)
{
    if (error & ATA_ERROR_ABRT)
        return "device aborted";
    if (error & ATA_ERROR_IDNF)
        return "sector not found";
    if (error & ATA_ERROR_UNC)
        return "uncorrectable data";
    return "device error";
}
