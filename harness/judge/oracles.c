/* The oracles: independent checks of a run against another view of the
 * truth than the goldens. A new oracle is a function here, a row in
 * `oracles`, and its `oracle =` word in harness/lib/scenario.c. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness/judge/parts.h"
#include "harness/lib/disk.h"
#include "harness/lib/keys.h"
#include "harness/lib/lspcidump.h"
#include "harness/lib/pciview.h"
#include "harness/vmm/process.h"

#define LSPCI_TIMEOUT_S 20      /* lspci -F decodes a file: it never needs long */

extern char **environ;

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

/* Run `lspci -F dump -nvv` with stdout to `out` and stderr to `err_path`;
 * 0, or -1 with the reason in why. */
static int run_lspci(const char *dump, const char *out, const char *err_path, struct sbuf *why)
{
    char *cmd[] = { "lspci", "-F", (char *)dump, "-nvv", NULL };
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_t pid;
    int rc = posix_spawnp(&pid, "lspci", &fa, NULL, cmd, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        sb_printf(why, "cannot run lspci: %s; install it: apt-get install pciutils", strerror(rc));
        return -1;
    }
    proc_track_child(pid);
    int status;
    int ended = qemu_wait(pid, now_s() + LSPCI_TIMEOUT_S, &status);
    if (!ended)
        qemu_kill(pid, &status);
    proc_untrack_child(pid);
    if (!ended) {
        sb_printf(why, "lspci -F %s gave no answer within %d s", dump, LSPCI_TIMEOUT_S);
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        struct sbuf e = { 0 };
        char rerr[256];
        read_file(err_path, &e, rerr, sizeof(rerr));
        sb_printf(why, "lspci -F %s refused the kernel's dump (status %d): %.*s", dump,
                  WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
                  (int)strcspn(sb_str(&e), "\n"), sb_str(&e));
        sb_free(&e);
        return -1;
    }
    return 0;
}

/* lspci-decode: pciutils' decode of the kernel's own configuration-space
 * dump against the kernel's pci-vv listing, line for line but [size=]. */
static int oracle_lspci(const struct judge_job *j, const struct live *lv, const struct texts *t,
                        struct result *r)
{
    (void)lv;
    struct sbuf dump = { 0 }, vv = { 0 }, why = { 0 }, got = { 0 }, diff = { 0 };
    char dumpf[1200], outf[1200], errf[1200], rerr[512];
    snprintf(dumpf, sizeof(dumpf), "%s/lspci.dump", j->p->dir);
    snprintf(outf, sizeof(outf), "%s/lspci.out", j->p->dir);
    snprintf(errf, sizeof(errf), "%s/lspci.err", j->p->dir);
    int bad = 0;
    if (lspcidump_extract(t->serial.p, &dump, &vv, &why) < 0 ||
        write_file(dumpf, sb_str(&dump), dump.len, rerr, sizeof(rerr)) < 0 ||
        run_lspci(dumpf, outf, errf, &why) < 0 || read_file(outf, &got, rerr, sizeof(rerr)) < 0) {
        result_set(r, R_FAIL, "lspci-decode oracle: %s", why.len ? sb_str(&why) : rerr);
        bad = 1;
    } else if ((bad = lspcidump_compare(sb_str(&got), sb_str(&vv), &diff)) != 0) {
        result_set(r, R_FAIL, "lspci-decode oracle: %d line(s) of pci-vv differ from lspci's decode "
                   "of the kernel's dump (%s)", bad, dumpf);
        sb_add(&r->detail, diff.p, diff.len);
    }
    sb_free(&dump);
    sb_free(&vv);
    sb_free(&why);
    sb_free(&got);
    sb_free(&diff);
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
    { .bit = ORACLE_LSPCI, .check = oracle_lspci },
};

int judge_oracles(const struct judge_job *j, const struct live *lv, const struct texts *t,
                  struct result *r)
{
    for (size_t i = 0; i < sizeof(oracles) / sizeof(oracles[0]); i++)
        if ((j->s->oracles & oracles[i].bit) && oracles[i].check(j, lv, t, r))
            return 1;
    return 0;
}
