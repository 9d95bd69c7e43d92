/* `make bench`: how much the harness costs on top of QEMU itself, on each
 * of one or more QEMUs, and what each QEMU costs against the first.
 *
 *   bench HARNESS KERNEL SCENARIO-DIR BUILD-DIR RUNS QEMU [QEMU ...]
 *
 * Prints, per QEMU, tables 1 and 3 below, table 2 once, and with more than
 * one QEMU a last table 4; medians of RUNS runs each, the QEMUs' runs
 * interleaved (a round of every command, then the next round), so that
 * other load on the machine weighs on each QEMU alike:
 *  1. per scenario: the harness's wall time for that one scenario (the whole
 *     `traceos-test NAME` process: probes, QEMU with tracing, QMP, checks)
 *     against a bare QEMU boot of the same machine, devices, qemu words and
 *     disk, with kernel command line `exit` only and no trace events; and
 *     against a bare boot running the scenario's own words (plus `exit`), so
 *     the guest's own work (a 32 MiB read, say) is not counted as overhead;
 *  2. the trace normalizer's throughput on a generated log of 1.2 million
 *     lines shaped like a real one (mostly other devices' port writes), and
 *     with the decoding a failing run adds (harness/lib/decode/: the first
 *     line that differs from the golden, decoded after a state-only pass
 *     over the lines before it); the decoder's own speed on --explain;
 *  3. the whole suite's wall time with -j1 and with -j = online CPUs
 *     (budget: 5 s at -j2), beside the sum of table 1's bare boots, which
 *     no harness can go below;
 *  4. per scenario, the harness's wall time on each QEMU against the
 *     first QEMU's (target: 10.0 no more than 1.2x of 7.2), with the bare
 *     boots' ratio beside it, which is QEMU's own share of the change;
 *  5. per scenario with gdb stops (break =, watch =): the harness's time
 *     against the same scenario without its break/watch lines (copied to
 *     BUILD/bench/nogdb/, goldens without their gdb lines), the stops, and
 *     in a typed scenario the parks at the key wait (harness/run/keywait.h),
 *     each a breakpoint stop too; the runs with and without interleaved;
 *     a table per QEMU. Target: 1.5x for up to 100 stops.
 * Numbers are reported, never asserted. BENCH_ONLY=normalizer runs table 2
 * alone, BENCH_ONLY=gdb table 5. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "abi/tracedev.h"
#include "harness/lib/scenario.h"
#include "harness/vmm/machine.h"
#include "harness/lib/decode/decode.h"
#include "harness/lib/golden.h"
#include "harness/lib/paths.h"
#include "harness/lib/trace.h"
#include "harness/vmm/probe.h"
#include "harness/vmm/profile.h"

#define MAXRUNS 15
#define MAXQEMUS 4
#define HARNESS_SLACK_S 60      /* a harness process: probes and checks beyond the boot */
#define TERM_GRACE_S    5       /* after SIGTERM, before SIGKILL */
#define STATUS_TIMEOUT  124     /* as timeout(1) reports it */
#define SUITE_BUDGET_S  5.0     /* the whole suite at -j2, per QEMU */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof(*v), cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Wait for pid until `deadline`; 1 and *st when it ended. */
static int wait_until(pid_t pid, double deadline, int *st)
{
    for (;;) {
        pid_t r = waitpid(pid, st, WNOHANG);
        if (r == pid)
            return 1;
        if (r < 0 || now_s() >= deadline)
            return 0;
        sleep_s(0.002);
    }
}

/* Run argv with stdout/stderr to /dev/null; wall seconds (-1 when it could
 * not start); *status is its exit status (128 + signal when killed). After
 * `limit_s` it is sent SIGTERM (a harness then cleans up), SIGKILL
 * TERM_GRACE_S later, and *status is STATUS_TIMEOUT. */
static double timed_run(char **argv, double limit_s, int *status)
{
    fflush(stdout);             /* or the child's freopen flushes our buffer again */
    double t0 = now_s();
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        FILE *n = freopen("/dev/null", "w", stdout);
        n = n ? freopen("/dev/null", "w", stderr) : n;
        execvp(argv[0], argv);
        _exit(127);
    }
    int st;
    if (!wait_until(pid, t0 + limit_s, &st)) {
        kill(pid, SIGTERM);
        if (!wait_until(pid, now_s() + TERM_GRACE_S, &st)) {
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
        }
        *status = STATUS_TIMEOUT;
        return now_s() - t0;
    }
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    return now_s() - t0;
}

/* A bare boot: what the harness starts minus tracing, QMP and checks, with
 * the kernel command line `words`. */
static void bare_argv(const struct scenario *s, const char *qemu, const char *kernel,
                      const char *build, const char *words, struct strv *a)
{
    struct strv io = { 0 };
    struct sbuf img = { 0 };
    strv_push(&io, "-serial");
    strv_push(&io, "null");
    sb_printf(&img, "%s/images/%s.img", build, s->name);
    machine_cmdline(a, s, qemu, kernel, words, &io, s->has_disk ? img.p : NULL);
    strv_free(&io);
    sb_free(&img);
}

struct row {
    double harness, bare, same;     /* same < 0: the scenario needs typed keys */
    int hodd, bodd, sodd;
};

/* What every measurement needs: the command line's paths and one QEMU. */
struct bench {
    const char *harness, *kernel, *scenarios, *build, *qemu;
    int runs;
    const char *golden_set;     /* the QEMU profile's overrides under expected/ */
};

/* A command timed once per round; the rounds of several commands
 * interleave (round 1 of each, round 2 of each, ...), so that a change in
 * the machine's load while the bench runs falls on every QEMU alike. */
struct timed {
    struct strv argv;       /* empty: not measured */
    double limit;
    int want, odd;
    double t[MAXRUNS];
};

static void time_round(struct timed *x, int round)
{
    int st = -1;
    if (!x->argv.n)
        return;
    x->t[round] = timed_run(x->argv.v, x->limit, &st);
    if (st != x->want)
        x->odd = st;
}

/* Per scenario and QEMU, three ways: the harness; a bare boot with `exit`
 * only (the baseline); and a bare boot running the scenario's own
 * words (plus `exit`), which leaves the guest's work out of the harness's
 * overhead. rows[q][i]: QEMU q, scenario i. */
static void bench_all(const struct scenario_set *set, const struct bench *bc, int nq, struct row **rows)
{
    for (int i = 0; i < set->n; i++) {
        const struct scenario *s = &set->v[i];
        struct timed t[MAXQEMUS][3];
        memset(t, 0, sizeof(t));
        for (int q = 0; q < nq; q++) {
            const char *hv[] = { bc[q].harness, "--qemu", bc[q].qemu, "--kernel", bc[q].kernel, "--scenarios",
                                 bc[q].scenarios, "--build", bc[q].build, s->name, NULL };
            for (int k = 0; hv[k]; k++)
                strv_push(&t[q][0].argv, hv[k]);
            t[q][0].limit = s->timeout + HARNESS_SLACK_S;
            bare_argv(s, bc[q].qemu, bc[q].kernel, bc[q].build, "exit", &t[q][1].argv);
            t[q][1].limit = s->timeout;
            t[q][1].want = machine_exit_status[EXPECT_PASS];
            if (s->key_events.n == 0) {
                struct sbuf words = { 0 };
                sb_printf(&words, "%s%s", s->append, s->has_exit ? "" : " exit");
                bare_argv(s, bc[q].qemu, bc[q].kernel, bc[q].build, words.p, &t[q][2].argv);
                t[q][2].limit = s->timeout;
                t[q][2].want = machine_exit_status[s->expect];
                sb_free(&words);
            }
        }
        for (int r = 0; r < bc[0].runs; r++)
            for (int q = 0; q < nq; q++)
                for (int k = 0; k < 3; k++)
                    time_round(&t[q][k], r);
        for (int q = 0; q < nq; q++) {
            struct row *w = &rows[q][i];
            w->harness = median(t[q][0].t, bc[q].runs);
            w->bare = median(t[q][1].t, bc[q].runs);
            w->same = t[q][2].argv.n ? median(t[q][2].t, bc[q].runs) : -1;
            w->hodd = t[q][0].odd, w->bodd = t[q][1].odd, w->sodd = t[q][2].odd;
            for (int k = 0; k < 3; k++)
                strv_free(&t[q][k].argv);
        }
    }
}

/* Table 1 for one QEMU, from its rows. */
static void bench_scenarios(const struct scenario_set *set, const struct row *rows)
{
    printf("%-24s %10s %10s %7s %10s %7s\n", "scenario", "harness s", "bare s", "ratio",
           "same s", "ratio");
    double worst = 0, worst_same = 0;
    for (int i = 0; i < set->n; i++) {
        const struct scenario *s = &set->v[i];
        struct row r = rows[i];
        double rb = r.bare > 0 ? r.harness / r.bare : 0;
        double rs = r.same > 0 ? r.harness / r.same : 0;
        worst = rb > worst ? rb : worst;
        worst_same = rs > worst_same ? rs : worst_same;
        printf("%-24s %10.3f %10.3f %6.2fx", s->name, r.harness, r.bare, rb);
        if (r.same > 0)
            printf(" %10.3f %6.2fx", r.same, rs);
        else
            printf(" %10s %7s", "(keys)", "-");
        printf("%s%s%s\n", r.hodd ? "  (harness did not pass)" : "",
               r.bodd ? "  (bare boot did not exit 33)" : "",
               r.sodd ? "  (same-words boot ended unexpectedly)" : "");
    }
    printf("%-24s %29.2fx  (target <= 1.30x)\n", "worst vs bare boot", worst);
    printf("%-24s %29.2fx  (without the guest's own work; typed scenarios left out)\n\n",
           "worst vs same words", worst_same);
}

/* A log shaped like QEMU's: per block 40 writes of other devices (outside
 * and inside phases), a phase with 30 config reads, DMA and keyboard lines
 * with pointers, CHECK with DATA, END. */
static void make_log(struct sbuf *b, uint64_t want_lines, uint64_t *lines)
{
    uint64_t n = 0, blk = 0;
    while (n < want_lines) {
        for (int i = 0; i < 30; i++, n++)
            sb_printf(b, "memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0x%x value 0x%x size 1 name '%s'\n",
                      i % 2 ? 0x3f8 : 0x20, (unsigned)(blk + i) & 0xff, i % 2 ? "serial" : "pic");
        sb_puts(b, "memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0xff000000 value 0x7a101000 size 4 name 'pc-testdev-iomem'\n");
        n++;
        for (int i = 0; i < 30; i++, n++)
            sb_printf(b, "pci_cfg_read i440FX 00:%02x.0 @0x%x -> 0x%x\n", i, i * 4, (unsigned)(blk * 31 + i));
        for (int i = 0; i < 10; i++, n++)
            sb_printf(b, "memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0x3f8 value 0x%x size 1 name 'serial'\n", i);
        sb_printf(b, "dma_blk_io dbs=0x7f00000%05x bs=0x55aa00004000 offset=%llu to_dev=0\n"
                     "ps2_put_keycode 0x55aa00006000 keycode 0x1c\n"
                     "memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0xff000004 value 0x%x size 4 name 'pc-testdev-iomem'\n"
                     "memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0xff000000 value 0x7a301001 size 4 name 'pc-testdev-iomem'\n"
                     "memory_region_ops_write cpu 0 mr 0x55d0c1a3e2f0 addr 0xff000000 value 0x7a201000 size 4 name 'pc-testdev-iomem'\n",
                  (unsigned)(blk & 0xfffff), (unsigned long long)blk * 512, (unsigned)blk);
        n += 5;
        blk++;
    }
    *lines = n;
}

static void bench_normalizer(int runs)
{
    struct sbuf log = { 0 }, golden = { 0 };
    uint64_t lines;
    make_log(&log, 1200000, &lines);
    struct strv ev = { 0 };
    strv_push(&ev, "pci_cfg_*");
    strv_push(&ev, "dma_*");
    strv_push(&ev, "ps2_*");
    struct trace_opts o = { .events = &ev, .base = TRACEDEV_DEFAULT_BASE,
                            .rules = qemu_profile_baseline()->trace };
    double t[MAXRUNS], tf[MAXRUNS], te[MAXRUNS];
    size_t out_len = 0, out_lines = 0;
    /* One warm-up pass, then each run times the normalizer, and apart the
     * decoding a failure adds to it, so that both see the same warm
     * allocator and caches. */
    for (int i = -1; i < runs; i++) {
        struct trace_out out = { 0 };
        double t0 = now_s();
        trace_normalize(log.p, log.len, "bench.log", &o, &out);
        double tn = now_s() - t0;
        out_len = out.text.len;
        if (!golden.len) {                  /* the golden: its last line differs */
            sb_add(&golden, out.text.p, out.text.len);
            sb_puts(&golden, "== end pci status=1\n");
        }
        trace_out_free(&out);
        struct trace_out out2 = { 0 };
        struct sbuf why = { 0 };
        trace_normalize(log.p, log.len, "bench.log", &o, &out2);
        t0 = now_s();                       /* the decoding alone: the totals are noisier than it */
        decode_first_difference(golden.p, golden.len, out2.text.p, out2.text.len, "  ", &why);
        double tnf = now_s() - t0;
        sb_free(&why);
        struct sbuf ex = { 0 };
        t0 = now_s();
        decode_explain(out2.text.p, out2.text.len, &ex);
        double tex = now_s() - t0;
        out_lines = 0;
        for (size_t k = 0; k < out2.text.len; k++)
            out_lines += out2.text.p[k] == '\n';
        sb_free(&ex);
        trace_out_free(&out2);
        if (i >= 0)
            t[i] = tn, tf[i] = tnf, te[i] = tex;
    }
    double m = median(t, runs), mf = median(tf, runs), me = median(te, runs);
    printf("normalizer: %llu lines (%.1f MB) -> %.1f MB golden text in %.3f s: %.2f million lines/s  (target >= 2)\n",
           (unsigned long long)lines, log.len / 1e6, out_len / 1e6, m, lines / m / 1e6);
    printf("normalizer + decoding a failure's first difference (%.3f s): %.3f s: %.2f million lines/s, %+.1f%%  (target <= +10%%)\n",
           mf, m + mf, lines / (m + mf) / 1e6, mf / m * 100);
    printf("decoder (--explain of the %zu golden lines, every meaning written): %.3f s: %.2f million lines/s\n\n",
           out_lines, me, out_lines / me / 1e6);
    strv_free(&ev);
    sb_free(&log);
    sb_free(&golden);
}

/* Table 3 for each QEMU: the whole suite with -j1 and -j = online CPUs,
 * the rounds interleaved as in bench_all. */
static void bench_suites(const struct scenario_set *set, const struct bench *bc, int nq, char names[][48],
                         struct row **rows)
{
    double limit = HARNESS_SLACK_S;         /* -j1 runs them one after another */
    for (int i = 0; i < set->n; i++)
        limit += set->v[i].timeout;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    char jn[16];
    snprintf(jn, sizeof(jn), "%ld", cores);
    struct timed t[MAXQEMUS][2];
    memset(t, 0, sizeof(t));
    for (int q = 0; q < nq; q++)
        for (int k = 0; k < 2; k++) {
            const char *v[] = { bc[q].harness, "--qemu", bc[q].qemu, "--kernel", bc[q].kernel, "--scenarios",
                                bc[q].scenarios, "--build", bc[q].build, "-j", k ? jn : "1", NULL };
            for (int w = 0; v[w]; w++)
                strv_push(&t[q][k].argv, v[w]);
            t[q][k].limit = limit;
        }
    for (int r = 0; r < bc[0].runs; r++)
        for (int q = 0; q < nq; q++)
            for (int k = 0; k < 2; k++)
                time_round(&t[q][k], r);
    for (int q = 0; q < nq; q++) {
        double t1 = median(t[q][0].t, bc[q].runs), tn = median(t[q][1].t, bc[q].runs);
        double bare = 0;
        for (int i = 0; i < set->n; i++)
            bare += rows[q][i].bare;
        printf("suite on %s: -j1 %.2f s, -j%ld %.2f s: %.2fx faster  (target >= 1.6x)%s\n", names[q], t1, cores, tn,
               tn > 0 ? t1 / tn : 0, t[q][0].odd || t[q][1].odd ? "  (a suite run did not pass)" : "");
        double floor_s = bare / (double)cores;
        printf("  -j%ld %.2f s  (budget < %.1f s at -j2); floor %.2f s (table 1's %d bare boots, %.2f s, on %ld CPUs):"
               " %.2fx the floor\n", cores, tn, SUITE_BUDGET_S, floor_s, set->n, bare, cores,
               floor_s > 0 ? tn / floor_s : 0);
        strv_free(&t[q][0].argv);
        strv_free(&t[q][1].argv);
    }
    printf("\n");
}

/* Table 4: each QEMU's harness time per scenario against the first's. */
static int find_scenario(const struct scenario_set *set, const char *name)
{
    for (int i = 0; i < set->n; i++)
        if (!strcmp(set->v[i].name, name))
            return i;
    return -1;
}

/* The same reads through both disk drivers: each ahci-X scenario against
 * dma-X (AHCI on q35 against PIIX on pc), harness time and bare boot; a
 * pair whose firmwares differ says so. */
static void bench_disks(const struct scenario_set *set, const char *qname, const struct row *rows)
{
    printf("\n%-24s %10s %10s %7s   (%s; target: ahci-lba48-max, a 32 MiB read, <= 1.00x)\n",
           "same reads", "PIIX s", "AHCI s", "ratio", qname);
    for (int i = 0; i < set->n; i++) {
        const char *n = set->v[i].name;
        if (strncmp(n, "ahci-", 5))
            continue;
        char piix[64];
        snprintf(piix, sizeof(piix), "dma-%s", n + 5);
        int k = find_scenario(set, piix);
        if (k < 0)
            continue;
        double r = rows[k].harness > 0 ? rows[i].harness / rows[k].harness : 0;
        printf("%-24s %10.3f %10.3f %6.2fx", n + 5, rows[k].harness, rows[i].harness, r);
        if (set->v[k].firmware != set->v[i].firmware)   /* a boot's cost differs by ~0.04 s */
            printf("   firmware %s / %s", scenario_firmware_name(set->v[k].firmware),
                   scenario_firmware_name(set->v[i].firmware));
        printf("\n");
    }
}

static void bench_versions(const struct scenario_set *set, char names[][48], int nq, struct row **rows)
{
    printf("%-24s", "harness s per scenario");
    for (int q = 0; q < nq; q++)
        printf(" %12s", names[q]);
    for (int q = 1; q < nq; q++)
        printf("   %s/%s harness, bare", names[q], names[0]);
    printf("\n");
    double worst[MAXQEMUS] = { 0 }, sum[MAXQEMUS] = { 0 };
    for (int i = 0; i < set->n; i++) {
        printf("%-24s", set->v[i].name);
        for (int q = 0; q < nq; q++) {
            printf(" %12.3f", rows[q][i].harness);
            sum[q] += rows[q][i].harness;
        }
        for (int q = 1; q < nq; q++) {
            double rh = rows[0][i].harness > 0 ? rows[q][i].harness / rows[0][i].harness : 0;
            double rb = rows[0][i].bare > 0 ? rows[q][i].bare / rows[0][i].bare : 0;
            worst[q] = rh > worst[q] ? rh : worst[q];
            printf("   %16.2fx %6.2fx", rh, rb);
        }
        printf("\n");
    }
    printf("%-24s", "sum");
    for (int q = 0; q < nq; q++)
        printf(" %12.3f", sum[q]);
    for (int q = 1; q < nq; q++)
        printf("   %16.2fx", sum[0] > 0 ? sum[q] / sum[0] : 0);
    printf("\n");
    for (int q = 1; q < nq; q++)
        printf("worst scenario on %s against %s: %.2fx  (target <= 1.20x)\n", names[q], names[0], worst[q]);
}

/* Medians of `runs` timed runs each of a and b, a run of a then one of b,
 * so that other load on the machine weighs on both alike; *oa, *ob a
 * status other than 0 when one came. */
static void median_pair(char **a, char **b, double limit_s, int runs, double *ta, double *tb, int *oa, int *ob)
{
    double t[2][MAXRUNS];
    char **argv[2] = { a, b };
    int *odd[2] = { oa, ob };
    *oa = *ob = 0;
    for (int i = 0; i < runs; i++)
        for (int k = 0; k < 2; k++) {
            int st = -1;
            t[k][i] = timed_run(argv[k], limit_s, &st);
            if (st != 0)
                *odd[k] = st;
        }
    *ta = median(t[0], runs);
    *tb = median(t[1], runs);
}

/* s's section of its file without its break/watch lines, appended to *out;
 * the goldens in effect for golden_set (an override where there is one),
 * without their gdb lines, into exp/ as the base set's. */
static void copy_without_gdb(const struct scenario *s, const char *expected, const char *golden_set,
                             const char *exp, struct sbuf *out)
{
    struct sbuf text = { 0 }, g = { 0 }, path = { 0 }, keep = { 0 };
    char err[512];
    if (read_file(s->file, &text, err, sizeof(err)) < 0)
        return;
    int line = 0, in = 0;
    for (char *l = text.p, *nl; l && *l; l = nl ? nl + 1 : NULL) {
        nl = strchr(l, '\n');
        int n = nl ? (int)(nl - l) : (int)strlen(l);
        line++;
        if (l[0] == '[')
            in = line == s->line;
        if (in && strncmp(l, "break", 5) && strncmp(l, "watch", 5))
            sb_printf(out, "%.*s\n", n, l);
    }
    for (int k = 0; k < 2; k++) {
        const char *ext = k ? "serial" : "trace";
        char in_effect[PATHS_MAX];
        g.len = keep.len = 0;
        golden_lookup(expected, s->name, golden_set, k ? GOLDEN_SERIAL : GOLDEN_TRACE, in_effect, sizeof(in_effect));
        if (read_file(in_effect, &g, err, sizeof(err)) < 0)
            continue;
        for (char *l = g.p, *nl; l && *l; l = nl ? nl + 1 : NULL) {
            nl = strchr(l, '\n');
            int n = nl ? (int)(nl - l) + 1 : (int)strlen(l);
            if (k || strncmp(l, "gdb: ", 5))
                sb_add(&keep, l, (size_t)n);
        }
        path.len = 0;
        sb_printf(&path, "%s/%s.%s", exp, s->name, ext);
        write_file(path.p, keep.p ? keep.p : "", keep.len, err, sizeof(err));
    }
    sb_free(&text), sb_free(&g), sb_free(&path), sb_free(&keep);
}

/* The number that starts the line "N WORDS" of a run's gdb.txt ("87 stops";
 * "6 parks at the key wait" in a typed run); -1 when there is none. */
static int count_of(const char *build, const char *name, const char *words)
{
    struct sbuf t = { 0 }, p = { 0 };
    char err[512];
    int n = -1;
    sb_printf(&p, "%s/runs/%s/gdb.txt", build, name);
    if (read_file(p.p, &t, err, sizeof(err)) == 0)
        for (char *l = t.p; l && *l && n < 0; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
            char *end;
            long v = strtol(l, &end, 10);
            size_t k = strlen(words);
            if (end != l && *end == ' ' && !strncmp(end + 1, words, k) && end[1 + k] == '\n')
                n = (int)v;
        }
    sb_free(&t), sb_free(&p);
    return n;
}

/* Table 5 for one QEMU: its gdb scenarios with and without their stops. */
static void bench_gdb(const struct scenario_set *set, const struct bench *bc, const char *name)
{
    struct sbuf dir = { 0 }, exp = { 0 }, cfg = { 0 }, text = { 0 };
    char err[512];
    sb_printf(&dir, "%s/bench/nogdb", bc->build);
    sb_printf(&exp, "%s/bench/nogdb/expected", bc->build);
    if (mkdir_p(exp.p, err, sizeof(err)) < 0) {
        printf("gdb stops: %s\n", err);
        return;
    }
    for (int i = 0; i < set->n; i++)
        if (set->v[i].gdb.n)
            copy_without_gdb(&set->v[i], "expected", bc->golden_set, exp.p, &text);
    sb_printf(&cfg, "%s/gdb.cfg", dir.p);
    write_file(cfg.p, text.p ? text.p : "", text.len, err, sizeof(err));
    printf("\n== %s (%s)\n%-24s %10s %10s %7s %6s %6s\n", name, bc->qemu, "scenario with stops", "harness s",
           "no stops", "ratio", "stops", "parks");
    double worst = 0;
    for (int i = 0; i < set->n; i++) {
        const struct scenario *s = &set->v[i];
        if (!s->gdb.n)
            continue;
        const char *a[] = { bc->harness, "--qemu", bc->qemu, "--kernel", bc->kernel, "--scenarios", bc->scenarios,
                            "--build", bc->build, s->name, NULL };
        const char *b[] = { bc->harness, "--qemu", bc->qemu, "--kernel", bc->kernel, "--scenarios", dir.p,
                            "--expected", exp.p, "--build", dir.p, s->name, NULL };
        int oa, ob;
        double ta, tb;
        median_pair((char **)a, (char **)b, s->timeout + HARNESS_SLACK_S, bc->runs, &ta, &tb, &oa, &ob);
        double r = tb > 0 ? ta / tb : 0;
        int stops = count_of(bc->build, s->name, "stops"),
            parks = count_of(bc->build, s->name, "parks at the key wait");
        worst = stops <= 100 && r > worst ? r : worst;
        printf("%-24s %10.3f %10.3f %6.2fx %6d %6d%s%s\n", s->name, ta, tb, r, stops, parks < 0 ? 0 : parks,
               oa ? "  (with stops: did not pass)" : "", ob ? "  (without: did not pass)" : "");
    }
    printf("%-24s %29.2fx  (target <= 1.50x for up to 100 stops)\n", "worst", worst);
    sb_free(&dir), sb_free(&exp), sb_free(&cfg), sb_free(&text);
}

int main(int argc, char **argv)
{
    if (argc < 7 || argc - 6 > MAXQEMUS) {
        fprintf(stderr, "usage: %s HARNESS KERNEL SCENARIO-DIR BUILD-DIR RUNS QEMU [QEMU ...] (at most %d QEMUs)\n",
                argv[0], MAXQEMUS);
        return 2;
    }
    int runs = atoi(argv[5]);
    if (runs < 1 || runs > MAXRUNS) {
        fprintf(stderr, "bench: RUNS '%s' must be 1 to %d; set BENCH_RUNS\n", argv[5], MAXRUNS);
        return 2;
    }
    struct scenario_set set = { 0 };
    char err[1024];
    if (scenario_load_dir(argv[3], &set, err, sizeof(err)) < 0) {
        fprintf(stderr, "bench: %s\n", err);
        return 2;
    }
    int nq = argc - 6;
    char names[MAXQEMUS][48];
    struct row *rows[MAXQEMUS];
    struct bench bc[MAXQEMUS];
    printf("bench: medians of %d runs; the QEMUs' runs interleaved\n\n", runs);
    const char *only = getenv("BENCH_ONLY");
    only = only ? only : "";
    if (*only && strcmp(only, "normalizer") && strcmp(only, "gdb")) {
        fprintf(stderr, "bench: BENCH_ONLY='%s': only normalizer or gdb can run alone; unset it for all\n", only);
        return 2;
    }
    if (!*only || !strcmp(only, "normalizer"))
        bench_normalizer(runs);
    if (!strcmp(only, "normalizer"))
        return 0;               /* no QEMU needed */
    for (int q = 0; q < nq; q++) {
        bc[q] = (struct bench){ .harness = argv[1], .kernel = argv[2], .scenarios = argv[3], .build = argv[4],
                                .qemu = argv[6 + q], .runs = runs };
        struct qemu_caps caps;
        if (qemu_probe(bc[q].qemu, NULL, "name another QEMU", &caps, err, sizeof(err)) < 0) {
            fprintf(stderr, "bench: %s\n", err);
            return 6;
        }
        snprintf(names[q], sizeof(names[q]), "QEMU %s", caps.version);
        bc[q].golden_set = caps.profile->golden_set;
        sb_free(&caps.devices);
        strv_free(&caps.events);
        rows[q] = xmalloc(sizeof(struct row) * (size_t)(set.n + 1));
    }
    if (!*only) {
        bench_all(&set, bc, nq, rows);
        for (int q = 0; q < nq; q++) {
            printf("== %s (%s)\n", names[q], bc[q].qemu);
            bench_scenarios(&set, rows[q]);
            bench_disks(&set, names[q], rows[q]);
        }
        bench_suites(&set, bc, nq, names, rows);
        if (nq > 1)
            bench_versions(&set, names, nq, rows);
    }
    for (int q = 0; q < nq; q++)          /* the gdb table: with the rest or alone */
        bench_gdb(&set, &bc[q], names[q]);
    for (int q = 0; q < nq; q++)
        free(rows[q]);
    scenario_set_free(&set);
    return 0;
}
