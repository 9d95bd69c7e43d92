/* The oracles: independent checks of a run against another view of the
 * truth than the goldens. A new oracle is a function here, a row in
 * `oracles`, and its `oracle =` word in harness/lib/scenario.c. */
#include <stdio.h>
#include <string.h>
#include "harness/judge/parts.h"
#include "harness/lib/disk.h"
#include "harness/lib/keys.h"
#include "harness/lib/pciview.h"

/* query-pci: the kernel's pci-v listing against QEMU's QMP answer. */
static int oracle_pci(const struct judge_job *j, const struct live *lv, const struct texts *t,
                      struct result *r)
{
    (void)j;
    struct pciview k = { 0 }, q = { 0 };
    struct sbuf why = { 0 };
    int bad;
    if (!lv->pci) {
        result_set(r, R_FAIL, "query-pci: QEMU gave no answer (no VERDICT marker?)");
        return 1;
    }
    bad = pciview_parse_listing(t->serial.p, &k, &why);
    bad += pciview_parse_qmp(lv->pci, &q, &why);
    if (k.n == 0) {
        sb_puts(&why, "query-pci: the serial output has no pci-v listing\n");
        bad++;
    }
    bad += pciview_compare(&k, &q, &why);
    if (bad) {
        result_set(r, R_FAIL, "query-pci oracle: %d difference(s) between the kernel's pci-v listing and QEMU", bad);
        sb_add(&r->detail, why.p, why.len);
    }
    pciview_free(&k);
    pciview_free(&q);
    sb_free(&why);
    return bad;
}

/* kbd-line: the line the typed keys make, against the guest's echo. */
static int oracle_kbd(const struct judge_job *j, const struct live *lv, const struct texts *t,
                      struct result *r)
{
    (void)lv;
    struct sbuf want = { 0 }, esc = { 0 };
    keys_expected_line(&j->s->key_events, &want);
    sb_puts(&esc, "kbd: line \"");
    keys_escape(sb_str(&want), want.len, &esc);
    sb_puts(&esc, "\"\n");
    const char *hit = strstr(t->serial.p, esc.p);
    int bad = !(hit && (hit == t->serial.p || hit[-1] == '\n'));
    if (bad) {
        esc.p[esc.len - 1] = 0;
        const char *got = strstr(t->serial.p, "kbd: line \"");
        result_set(r, R_FAIL, "kbd-line oracle: expected serial line '%s'; %s", esc.p,
            got ? "the guest printed a different line (see below)" : "the guest printed no kbd: line");
        if (got)
            sb_printf(&r->detail, "  guest: %.*s\n  typed: %s\n", (int)strcspn(got, "\n"), got, esc.p);
    }
    sb_free(&want);
    sb_free(&esc);
    return bad;
}

/* dma-crc: the guest's CRC of each dma= range against the image's. */
static int oracle_dma(const struct judge_job *j, const struct live *lv, const struct texts *t,
                      struct result *r)
{
    (void)lv;
    struct sbuf why = { 0 };
    int bad = disk_crc_oracle(t->serial.p, j->s->append, j->p->image,
                              j->s->expect == EXPECT_FAIL, &why);
    if (bad) {
        result_set(r, R_FAIL, "dma-crc oracle: %.*s", (int)strcspn(why.p, "\n"), why.p);
        sb_add(&r->detail, why.p, why.len);
    }
    sb_free(&why);
    return bad;
}

/* In the order they run. `check` returns the problems found and sets r
 * (FAIL, with details) when there are any. */
static const struct oracle {
    unsigned bit;           /* ORACLE_* of the scenario's `oracle =` */
    int (*check)(const struct judge_job *j, const struct live *lv, const struct texts *t,
                 struct result *r);
} oracles[] = {
    { .bit = ORACLE_QUERY_PCI, .check = oracle_pci },
    { .bit = ORACLE_KBD_LINE, .check = oracle_kbd },
    { .bit = ORACLE_DMA_CRC, .check = oracle_dma },
};

int judge_oracles(const struct judge_job *j, const struct live *lv, const struct texts *t,
                  struct result *r)
{
    for (size_t i = 0; i < sizeof(oracles) / sizeof(oracles[0]); i++)
        if ((j->s->oracles & oracles[i].bit) && oracles[i].check(j, lv, t, r))
            return 1;
    return 0;
}
