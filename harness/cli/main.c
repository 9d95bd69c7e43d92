/* traceos-test: run TraceOS scenarios under QEMU and check them against
 * golden files.
 *
 *   traceos-test [options] [SCENARIO-NAME | CFG-PATH ...]
 *     --list            list the scenarios (name, file:line) and exit
 *     -j N              run N scenarios in parallel (default 1)
 *     --bless           rewrite the goldens from this run (refused when CI is set)
 *     --kernel PATH     default build/kernel.elf
 *     --scenarios DIR   default tests/scenarios
 *     --expected DIR    default expected
 *     --build DIR       default build (runs under DIR/runs/NAME/)
 *     --qemu PATH       default qemu-system-x86_64
 *     --repeat N        run each scenario N times; a run differing from the first fails
 *     --tap FILE        also write a TAP version 13 report
 *     --junit FILE      also write a JUnit XML report
 *     --compare-qemu PATH   run on --qemu and on PATH; report what changed
 *                       (exit 0 same, 1 something differed)
 *     --compare-json FILE   with --compare-qemu: the changes as JSON too
 *
 * Exit status: 0 all passed; otherwise the worst class seen, by number:
 *   1 FAIL (golden or oracle mismatch)      4 CRASH (exception, triple fault, QEMU signal)
 *   2 usage or bad input (scenario files,   5 TIMEOUT
 *     unknown name, --bless under CI)       6 ERROR (QEMU/device/event/golden/kernel missing)
 *   3 GUEST-FAIL (the kernel's verdict)     130/143 interrupted by SIGINT/SIGTERM
 *
 * This file is the only one that knows the options: everything below
 * harness/cli takes plain values (struct config and arguments). Each
 * scenario runs in a forked worker (harness/run/pool.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness/lib/golden.h"
#include "harness/lib/scenario.h"
#include "harness/run/compare.h"
#include "harness/run/pool.h"
#include "harness/run/results.h"
#include "harness/run/run.h"

#define EXIT_USAGE 2
#define MAX_REPEAT 10000
/* How the user names another QEMU or scenario directory: the end of the
 * messages that suggest one. */
#define CHOOSE_QEMU      "pass --qemu PATH"
#define CHOOSE_SCENARIOS "pass --scenarios DIR"

struct opts {
    struct config cfg;
    const char *scenarios, *tap, *junit, *compare_qemu, *compare_json;
    int jobs, list, repeat;
    struct strv select;
};

static void usage(const char *why)
{
    fprintf(stderr, "traceos-test: %s\nusage: traceos-test [--list] [-j N] [--bless] [--kernel PATH] "
            "[--scenarios DIR] [--expected DIR] [--build DIR] [--qemu PATH] [--repeat N] [--tap FILE] "
            "[--junit FILE] [--compare-qemu PATH [--compare-json FILE]] [NAME|CFG-PATH ...]\n", why);
    exit(EXIT_USAGE);
}

/* The value of -j or --repeat: a number from 1 to max, else exit 2 naming
 * the value and the range. */
static int count_arg(const char *opt, const char *v, long max)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (!*v || *end || n < 1 || n > max) {
        char why[256];
        snprintf(why, sizeof(why), "%s '%.100s': takes a number from 1 to %ld", opt, v, max);
        usage(why);
    }
    return (int)n;
}

static void parse_args(int argc, char **argv, struct opts *o)
{
    o->cfg = (struct config){ .qemu = "qemu-system-x86_64", .kernel = "build/kernel.elf",
                              .expected = "expected", .build = "build" };
    o->scenarios = "tests/scenarios";
    o->jobs = 1;
    o->repeat = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **val = !strcmp(a, "--kernel") ? &o->cfg.kernel : !strcmp(a, "--expected") ? &o->cfg.expected
                           : !strcmp(a, "--build") ? &o->cfg.build : !strcmp(a, "--qemu") ? &o->cfg.qemu
                           : !strcmp(a, "--scenarios") ? &o->scenarios : !strcmp(a, "--tap") ? &o->tap
                           : !strcmp(a, "--junit") ? &o->junit : !strcmp(a, "--compare-qemu") ? &o->compare_qemu
                           : !strcmp(a, "--compare-json") ? &o->compare_json : NULL;
        int is_num = !strcmp(a, "-j") || !strcmp(a, "--repeat");
        if ((val || is_num) && i + 1 >= argc)
            usage("option needs a value");
        if (val) {
            *val = argv[++i];
        } else if (!strcmp(a, "-j")) {
            o->jobs = count_arg("-j", argv[++i], POOL_MAX_JOBS);
        } else if (!strcmp(a, "--repeat")) {
            o->repeat = count_arg("--repeat", argv[++i], MAX_REPEAT);
        } else if (!strncmp(a, "-j", 2) && a[2]) {
            o->jobs = count_arg("-j", a + 2, POOL_MAX_JOBS);
        } else if (!strcmp(a, "--list")) {
            o->list = 1;
        } else if (!strcmp(a, "--bless")) {
            o->cfg.bless = 1;
        } else if (a[0] == '-') {
            fprintf(stderr, "traceos-test: unknown option '%s'\n", a);
            usage("see the options below");
        } else {
            strv_push(&o->select, a);
        }
    }
    if (o->compare_json && !o->compare_qemu)
        usage("--compare-json goes with --compare-qemu PATH");
    if (o->compare_qemu && (o->cfg.bless || o->tap || o->junit))
        usage("--compare-qemu compares two QEMUs' runs with each other: not with --bless, --tap or --junit (use --compare-json)");
}

/* A CFG-PATH argument rather than a scenario name. */
static int is_path(const char *a)
{
    size_t n = strlen(a);
    return strchr(a, '/') || (n > 4 && !strcmp(a + n - 4, ".cfg"));
}

/* Add scenario i unless already selected (a name given twice, or a name and
 * its file, runs once: two runs would share build/runs/NAME). */
static void add_once(int *sel, int *n, char *taken, int i)
{
    if (!taken[i])
        sel[(*n)++] = i, taken[i] = 1;
}

/* Indices of the selected scenarios, each once, in the order first named;
 * exits with status 2 on a bad argument. */
static int *select_scenarios(struct opts *o, struct scenario_set *set, int *n)
{
    int *sel = xmalloc(sizeof(int) * (size_t)(set->n + 1));
    char *taken = xmalloc((size_t)set->n + 1);
    char **real = xmalloc(sizeof(char *) * (size_t)(set->n + 1));  /* realpath of each file, once */
    memset(taken, 0, (size_t)set->n + 1);
    memset(real, 0, sizeof(char *) * (size_t)(set->n + 1));
    *n = 0;
    if (o->select.n == 0)
        for (int i = 0; i < set->n; i++)
            add_once(sel, n, taken, i);
    for (int k = 0; k < o->select.n; k++) {
        const char *a = o->select.v[k];
        char *ra = is_path(a) ? realpath(a, NULL) : NULL;
        int found = 0;
        for (int i = 0; i < set->n; i++) {
            if (ra && !real[i])
                real[i] = realpath(set->v[i].file, NULL);
            if (ra ? real[i] && !strcmp(ra, real[i]) : !is_path(a) && !strcmp(a, set->v[i].name))
                add_once(sel, n, taken, i), found = 1;
        }
        free(ra);
        if (!found && is_path(a))
            fprintf(stderr, "traceos-test: %s: no scenarios there (not under --scenarios %s, or empty); check the path\n", a, o->scenarios);
        else if (!found)
            fprintf(stderr, "traceos-test: unknown scenario '%s'; `traceos-test --list` shows the names\n", a);
        if (!found)
            exit(EXIT_USAGE);
    }
    for (int i = 0; i < set->n; i++)
        free(real[i]);
    free(real);
    free(taken);
    return sel;
}

static void preflight_kernel(struct opts *o)
{
    if (strpbrk(o->cfg.kernel, " \t\n\v\f\r")) {
        /* QEMU puts the kernel's path first on its command line, where the
         * kernel would read each blank-separated piece as a word. */
        fprintf(stderr, "traceos-test: --kernel '%s' contains whitespace, which the kernel would read as extra command-line words; use a path without blanks\n",
                o->cfg.kernel);
        exit(EXIT_USAGE);
    }
    if (access(o->cfg.kernel, R_OK) != 0) {
        fprintf(stderr, "traceos-test: kernel %s is not built; run `make` first\n", o->cfg.kernel);
        exit(R_ERROR);
    }
}

/* Probe cfg's QEMU (cache in its build directory) and check the fixed
 * devices and the marker event; exits with ERROR naming the fix. */
static void preflight_qemu(struct config *cfg, const char *hint)
{
    char err[1024] = "", cache[4200];
    /* A cache file per QEMU path: runs that alternate QEMUs in one build
     * directory (make test's passes, the bench) each keep theirs. */
    unsigned long long h = 14695981039346656037ull;         /* FNV-1a */
    for (const char *c = cfg->qemu; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ull;
    snprintf(cache, sizeof(cache), "%s/qemu-probe-%016llx.cache", cfg->build, h);
    if (qemu_probe(cfg->qemu, cache, hint, &cfg->caps, err, sizeof(err)) < 0) {
        fprintf(stderr, "traceos-test: %s\n", err);
        exit(R_ERROR);
    }
    static const char *const devices[] = { "isa-debug-exit", "pc-testdev" };
    for (int i = 0; i < 2; i++)
        if (!qemu_has_device(&cfg->caps, devices[i])) {
            fprintf(stderr, "traceos-test: QEMU %s lacks device '%s' (-device help); install Debian's qemu-system-x86 7.2\n",
                    cfg->qemu, devices[i]);
            exit(R_ERROR);
        }
    const char *marker_event = cfg->caps.profile->trace->write_event.s;
    if (!qemu_has_event(&cfg->caps, marker_event)) {
        fprintf(stderr, "traceos-test: QEMU %s lacks trace event %s (-trace help); install a QEMU built with the log trace backend\n",
                cfg->qemu, marker_event);
        exit(R_ERROR);
    }
}

/* Blessing writes the set of this QEMU's own profile row: a QEMU that only
 * borrows the nearest version's goldens must get a row first. */
static void preflight_bless(const struct config *cfg)
{
    const struct qemu_caps *q = &cfg->caps;
    if (!cfg->bless || q->own_profile)
        return;
    if (q->major == 0)
        fprintf(stderr, "traceos-test: --bless: QEMU %s does not tell its version (-version), so no golden set is its own; bless with a QEMU that does\n",
                cfg->qemu);
    else
        fprintf(stderr, "traceos-test: --bless: QEMU %s (%s) has no golden set of its own (it is compared with QEMU %s's, the nearest); add a row for %d.%d to `profiles` in harness/vmm/profile.c, then bless again\n",
                q->version, cfg->qemu, q->profile->name, q->major, q->minor);
    exit(EXIT_USAGE);
}

/* The first line: which QEMU, and whose goldens when not its own. */
static void header(const struct config *cfg, int n)
{
    const struct qemu_caps *q = &cfg->caps;
    printf("traceos-test: QEMU %s (%s), %d scenario%s", q->version, cfg->qemu, n, n == 1 ? "" : "s");
    if (!q->own_profile)
        printf("; no golden set of its own: the goldens of QEMU %s, the nearest version", q->profile->name);
    else if (cfg->bless)
        printf("; blessing %s/%s%s", cfg->expected, q->profile->golden_set ? q->profile->golden_set : "",
               q->profile->golden_set ? "/ (overrides of the base)" : " (the base set)");
    printf("\n");
    fflush(stdout);
}

/* After blessing: the set records the QEMU that blessed it. */
static void record_blesser(const struct config *cfg, const int *classes, int n)
{
    char err[1024], path[4200];
    int any = 0;
    for (int i = 0; i < n; i++)
        any |= classes[i] == R_PASS;
    if (!any)
        return;
    const char *set = cfg->caps.profile->golden_set;
    golden_record_path(cfg->expected, set, path, sizeof(path));
    char dir[4200];
    snprintf(dir, sizeof(dir), "%.*s", (int)(strlen(path) - strlen("/QEMU")), path);
    if (mkdir_p(dir, err, sizeof(err)) < 0 ||
        golden_record_write(cfg->expected, set, cfg->caps.version_line, err, sizeof(err)) < 0)
        fprintf(stderr, "traceos-test: %s\n", err);
}

/* --compare-qemu: both QEMUs' runs in build directories of their own. */
static int compare(struct opts *o, struct scenario_set *set, const int *sel, int n)
{
    struct config a = o->cfg, b = o->cfg;
    char da[4200], db[4200], err[1024];
    snprintf(da, sizeof(da), "%s/compare/a", o->cfg.build);
    snprintf(db, sizeof(db), "%s/compare/b", o->cfg.build);
    if (mkdir_p(da, err, sizeof(err)) < 0 || mkdir_p(db, err, sizeof(err)) < 0) {
        fprintf(stderr, "traceos-test: %s; make the build directory writable\n", err);
        return R_ERROR;
    }
    a.build = da, b.build = db;
    a.compare = b.compare = 1;
    b.qemu = o->compare_qemu;
    preflight_qemu(&a, CHOOSE_QEMU);
    preflight_qemu(&b, "pass another --compare-qemu PATH");
    printf("traceos-test: comparing QEMU %s (%s) with QEMU %s (%s), %d scenario%s\n", a.caps.version, a.qemu,
           b.caps.version, b.qemu, n, n == 1 ? "" : "s");
    int rc = compare_qemus(&a, &b, set, sel, n, o->jobs, o->repeat, o->compare_json);
    if (rc >= 128)
        fprintf(stderr, "traceos-test: interrupted by signal %d; QEMU processes killed\n", rc - 128);
    return rc;
}

static void list(struct scenario_set *set, const int *sel, int n)
{
    for (int i = 0; i < n; i++) {
        const struct scenario *s = &set->v[sel[i]];
        printf("%-24s %s:%d\n", s->name, s->file, s->line);
    }
}

int main(int argc, char **argv)
{
    struct opts o = { 0 };
    struct scenario_set set = { 0 };
    char err[2048] = "";
    parse_args(argc, argv, &o);
    if (o.cfg.bless && getenv("CI") && *getenv("CI")) {
        fprintf(stderr, "traceos-test: --bless is refused when CI is set: goldens are reviewed changes; bless locally and commit them\n");
        return EXIT_USAGE;
    }
    int rc = scenario_load_dir(o.scenarios, &set, err, sizeof(err));
    if (rc < 0) {
        fprintf(stderr, "traceos-test: %s%s\n", err, rc == SCENARIO_NO_DIR ? "; " CHOOSE_SCENARIOS : "");
        return EXIT_USAGE;
    }
    int n;
    int *sel = select_scenarios(&o, &set, &n);
    if (o.list) {
        list(&set, sel, n);
        return 0;
    }
    pool_catch_stop_signals();
    preflight_kernel(&o);
    if (o.compare_qemu)
        return compare(&o, &set, sel, n);
    preflight_qemu(&o.cfg, CHOOSE_QEMU);        /* a signal here ends it after the probe */
    preflight_bless(&o.cfg);
    header(&o.cfg, n);
    int *classes = xmalloc(sizeof(int) * (size_t)(n + 1));
    pool_run(&o.cfg, &set, sel, n, o.jobs, o.repeat, classes);
    if (pool_stop_signal()) {
        fprintf(stderr, "traceos-test: interrupted by signal %d; QEMU processes killed\n", pool_stop_signal());
        return 128 + pool_stop_signal();
    }
    int passed = 0, worst = 0;
    for (int i = 0; i < n; i++) {
        int c = classes[i] < 0 ? R_ERROR : classes[i];
        passed += c == R_PASS;
        worst = c > worst ? c : worst;
    }
    if (o.cfg.bless)
        record_blesser(&o.cfg, classes, n);
    printf("%d passed, %d failed\n", passed, n - passed);
    if ((o.tap || o.junit) && results_ci_reports(&o.cfg, o.tap, o.junit, &set, sel, n, classes) < 0)
        return worst > R_ERROR ? worst : R_ERROR;
    return worst;
}
