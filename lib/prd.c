/* PRD table building; the rules are in prd.h. */
#include "lib/prd.h"

uint32_t prd_entry_bytes(const struct prd_entry *e)
{
    uint32_t n = e->count_eot & PRD_COUNT_MASK;
    return n ? n : PRD_BOUNDARY;
}

/* Bytes from `addr` up to the next 64 KiB boundary, capped at `left`. */
static uint32_t piece_len(uint32_t addr, uint32_t left)
{
    uint32_t room = PRD_BOUNDARY - (addr & (PRD_BOUNDARY - 1));
    return left < room ? left : room;
}

int prd_build(struct prd_entry *tab, int max, uint32_t phys, uint32_t len)
{
    if (len == 0 || (len & 1) || (phys & 1) || phys + (len - 1) < phys)
        return -1;
    int n = 0;
    uint32_t addr = phys, left = len;
    while (left) {
        if (n == max)
            return -1;
        uint32_t piece = piece_len(addr, left);
        tab[n].addr = addr;
        tab[n].count_eot = piece & PRD_COUNT_MASK;      /* 65536 -> 0 */
        n++;
        addr += piece;
        left -= piece;
    }
    tab[n - 1].count_eot |= PRD_EOT;
    return n;
}

int prd_table_placement_ok(uint32_t phys, int n)
{
    if (n <= 0 || phys % PRD_TABLE_ALIGN)
        return 0;
    uint32_t last = phys + (uint32_t)n * sizeof(struct prd_entry) - 1;
    return last >= phys && phys / PRD_TABLE_BOUNDARY == last / PRD_TABLE_BOUNDARY;
}
