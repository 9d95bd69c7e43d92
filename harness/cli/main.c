/* traceos-test: run TraceOS scenarios under QEMU and check them against
 * golden files.
 *
 *   traceos-test [options] [NAME | GLOB | CFG-PATH ...]
 * The options are the table `options[]` below, which --help prints.
 *
 * Exit status: 0 all passed; otherwise the worst class seen, by number:
 *   1 FAIL (golden or oracle mismatch)      4 CRASH (exception, triple fault, QEMU signal)
 *   2 usage or bad input (scenario files,   5 TIMEOUT
 *     unknown name, --bless under CI)       6 ERROR (QEMU/device/event/golden/kernel missing)
 *   3 GUEST-FAIL (the kernel's verdict)     7 --explain: the file cannot be read
 *                                           128+N interrupted by signal N: SIGINT 130,
 *                                             SIGTERM 143, SIGHUP 129, SIGQUIT 131, SIGPIPE 141
 *
 * This file is the only one that knows the options: everything below
 * harness/cli takes plain values (struct config and arguments). Each
 * scenario runs in a forked worker (harness/run/pool.h). */
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "harness/lib/decode/decode.h"
#include "harness/cli/attach.h"
#include "harness/lib/elfsym.h"
#include "harness/lib/golden.h"
#include "harness/lib/scenario.h"
#include "harness/run/compare.h"
#include "harness/run/pool.h"
#include "harness/run/results.h"
#include "harness/run/run.h"

#define EXIT_USAGE 2
#define EXIT_EXPLAIN_UNREADABLE 7   /* --explain FILE: FILE cannot be read */
#define MAX_REPEAT 10000
/* How the user names another QEMU or scenario directory: the end of the
 * messages that suggest one. */
#define CHOOSE_QEMU      "pass --qemu PATH"
#define CHOOSE_SCENARIOS "pass --scenarios DIR"

struct opts {
    struct config cfg;
    const char *scenarios, *tap, *junit, *root, *explain, *debug, *compare_qemu, *compare_json;
    int jobs, list, repeat, help, no_wait;
    int default_kernel;         /* --kernel not given */
    struct strv select;
};

/* The options, in the order --help lists them. A value option sets *str
 * (OPT_STR) or a count from 1 to max (OPT_NUM); a flag sets *flag. */
enum opt_kind { OPT_FLAG, OPT_STR, OPT_NUM };

struct option_row {
    const char *name, *alt;     /* alt: a second spelling (-h) */
    enum opt_kind kind;
    const char *arg, *help;
    size_t field;               /* offsetof(struct opts, ...) */
    long max;                   /* OPT_NUM */
};

#define OPT_AT(f) offsetof(struct opts, f)
static const struct option_row options[] = {
    { .name = "--list", .kind = OPT_FLAG, .field = OPT_AT(list),
      .help = "list the selected scenarios (name, file:line) and exit" },
    { .name = "-j", .kind = OPT_NUM, .arg = "N", .field = OPT_AT(jobs), .max = POOL_MAX_JOBS,
      .help = "run N scenarios in parallel, 1 to 64 (default 1); -jN works too" },
    { .name = "--bless", .kind = OPT_FLAG, .field = OPT_AT(cfg.bless),
      .help = "write the goldens from this run (refused when CI is set)" },
    { .name = "--kernel", .kind = OPT_STR, .arg = "PATH", .field = OPT_AT(cfg.kernel),
      .help = "the kernel to boot (default ROOT/build/kernel.elf)" },
    { .name = "--scenarios", .kind = OPT_STR, .arg = "DIR", .field = OPT_AT(scenarios),
      .help = "the scenario files, *.cfg (default ROOT/tests/scenarios)" },
    { .name = "--expected", .kind = OPT_STR, .arg = "DIR", .field = OPT_AT(cfg.expected),
      .help = "the goldens (default ROOT/expected)" },
    { .name = "--build", .kind = OPT_STR, .arg = "DIR", .field = OPT_AT(cfg.build),
      .help = "artifacts, under DIR/runs/NAME/ (default ROOT/build)" },
    { .name = "--root", .kind = OPT_STR, .arg = "DIR", .field = OPT_AT(root),
      .help = "where the defaults above are (default: this directory if it is the "
              "repository,\n                     else the repository this program was built in)" },
    { .name = "--no-wait", .kind = OPT_FLAG, .field = OPT_AT(no_wait),
      .help = "when another run holds BUILD/.lock, exit 2 instead of waiting for it" },
    { .name = "--qemu", .kind = OPT_STR, .arg = "PATH", .field = OPT_AT(cfg.qemu),
      .help = "the QEMU to run (default qemu-system-x86_64 on the PATH)" },
    { .name = "--repeat", .kind = OPT_NUM, .arg = "N", .field = OPT_AT(repeat), .max = MAX_REPEAT,
      .help = "run each scenario N times; a run that differs from the first fails" },
    { .name = "--tap", .kind = OPT_STR, .arg = "FILE", .field = OPT_AT(tap),
      .help = "also write a TAP version 13 report" },
    { .name = "--junit", .kind = OPT_STR, .arg = "FILE", .field = OPT_AT(junit),
      .help = "also write a JUnit XML report" },
    { .name = "--explain", .kind = OPT_STR, .arg = "FILE", .field = OPT_AT(explain),
      .help = "print each line of a trace (a golden, an actual.trace or a raw trace.log)\n"
              "                     with its meaning, and exit (7 when FILE cannot be read)" },
    { .name = "--debug", .kind = OPT_STR, .arg = "NAME", .field = OPT_AT(debug),
      .help = "run one scenario as the suite would, QEMU paused with its gdb stub for\n"
              "                     your gdb (the command to attach is printed)" },
    { .name = "--compare-qemu", .kind = OPT_STR, .arg = "PATH", .field = OPT_AT(compare_qemu),
      .help = "run the scenarios on --qemu and on PATH and report what changed\n"
              "                     (exit 0 same, 1 something differed)" },
    { .name = "--compare-json", .kind = OPT_STR, .arg = "FILE", .field = OPT_AT(compare_json),
      .help = "with --compare-qemu: the changes as JSON too" },
    { .name = "--help", .alt = "-h", .kind = OPT_FLAG, .field = OPT_AT(help),
      .help = "show this text and exit" },
};
#define NOPTIONS (sizeof(options) / sizeof(options[0]))

static void print_usage(FILE *f)
{
    fprintf(f, "usage: traceos-test [options] [NAME | GLOB | CFG-PATH ...]\n");
}

static void help(void)
{
    print_usage(stdout);
    printf("\nRuns each selected scenario (default: all) under QEMU and compares its trace and\n"
           "serial output with the goldens. NAME is a scenario name, GLOB a shell pattern over\n"
           "the names (quote it: 'pci-*'), CFG-PATH a scenario file.\n\noptions:\n");
    for (size_t i = 0; i < NOPTIONS; i++) {
        char left[64];
        snprintf(left, sizeof(left), "%s%s%s%s%s", options[i].alt ? options[i].alt : "",
                 options[i].alt ? ", " : "", options[i].name, options[i].arg ? " " : "",
                 options[i].arg ? options[i].arg : "");
        printf("  %-18s %s\n", left, options[i].help);
    }
    printf("\nexit status: 0 all passed; else the worst class seen: 1 FAIL, 2 usage or bad input,\n"
           "3 GUEST-FAIL, 4 CRASH, 5 TIMEOUT, 6 ERROR, 128+N interrupted by signal N (130 SIGINT,\n"
           "143 SIGTERM, 129 SIGHUP, 131 SIGQUIT, 141 SIGPIPE; harness/README.md)\n");
}

static void usage(const char *why)
{
    fprintf(stderr, "traceos-test: %s\n", why);
    print_usage(stderr);
    fprintf(stderr, "`traceos-test --help` describes every option\n");
    exit(EXIT_USAGE);
}

/* The value of a counted option: a number from 1 to max, else exit 2 naming
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

static const struct option_row *find_option(const char *a)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (!strcmp(a, options[i].name) || (options[i].alt && !strcmp(a, options[i].alt)))
            return &options[i];
    return NULL;
}

static void set_option(struct opts *o, const struct option_row *r, const char *value)
{
    char *at = (char *)o + r->field;
    if (r->kind == OPT_FLAG)
        *(int *)at = 1;
    else if (r->kind == OPT_STR)
        *(const char **)at = value;
    else
        *(int *)at = count_arg(r->name, value, r->max);
}

static void parse_args(int argc, char **argv, struct opts *o)
{
    o->jobs = 1;
    o->repeat = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const struct option_row *r = find_option(a);
        if (r && r->kind != OPT_FLAG) {
            if (i + 1 >= argc) {
                char why[160];
                snprintf(why, sizeof(why), "option %s needs a value: %s %s", a, a, r->arg);
                usage(why);
            }
            set_option(o, r, argv[++i]);
        } else if (r) {
            set_option(o, r, NULL);
        } else if (!strncmp(a, "-j", 2) && a[2]) {
            o->jobs = count_arg("-j", a + 2, POOL_MAX_JOBS);
        } else if (a[0] == '-') {
            char why[160];
            snprintf(why, sizeof(why), "unknown option '%.100s'", a);
            usage(why);
        } else {
            strv_push(&o->select, a);
        }
    }
    if (o->compare_json && !o->compare_qemu)
        usage("--compare-json goes with --compare-qemu PATH");
    if (o->compare_qemu && (o->cfg.bless || o->tap || o->junit))
        usage("--compare-qemu compares two QEMUs' runs with each other: not with --bless, --tap or --junit (use --compare-json)");
}

/* A directory that holds the repository's scenarios and goldens. */
static int is_repo(const char *dir)
{
    char p[PATH_MAX];
    snprintf(p, sizeof(p), "%s/tests/scenarios", dir);
    if (access(p, R_OK | X_OK) != 0)
        return 0;
    snprintf(p, sizeof(p), "%s/expected", dir);
    return access(p, R_OK | X_OK) == 0;
}

/* The repository this program was built in: the nearest directory above
 * its own file that is one (build/traceos-test, build/san/traceos-test). */
static const char *own_repo(void)
{
    static char dir[PATH_MAX];
    if (!realpath("/proc/self/exe", dir))
        return NULL;
    for (char *slash; (slash = strrchr(dir, '/')) != NULL && slash != dir;) {
        *slash = 0;
        if (is_repo(dir))
            return dir;
    }
    return NULL;
}

/* ROOT/rest, or rest itself without a root; never truncated. */
static const char *under(const char *root, const char *rest)
{
    if (!root)
        return rest;
    size_t n = strlen(root) + 1 + strlen(rest) + 1;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s", root, rest);
    return p;
}

/* The defaults of the path options: under --root, else the current
 * directory when it is the repository (relative names, as before), else the
 * repository this program belongs to. */
static void set_defaults(struct opts *o)
{
    const char *root = o->root;
    if (!root)
        root = is_repo(".") ? NULL : own_repo();
    if (!o->cfg.kernel)
        o->cfg.kernel = under(root, "build/kernel.elf"), o->default_kernel = 1;
    if (!o->scenarios)
        o->scenarios = under(root, "tests/scenarios");
    if (!o->cfg.expected)
        o->cfg.expected = under(root, "expected");
    if (!o->cfg.build)
        o->cfg.build = under(root, "build");
    if (!o->cfg.qemu)
        o->cfg.qemu = "qemu-system-x86_64";
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
            if (ra ? real[i] && !strcmp(ra, real[i])
                   : !is_path(a) && fnmatch(a, set->v[i].name, 0) == 0)
                add_once(sel, n, taken, i), found = 1;
        }
        free(ra);
        if (!found && is_path(a))
            fprintf(stderr, "traceos-test: %s: no scenarios there (not under --scenarios %s, or empty); check the path\n", a, o->scenarios);
        else if (!found && strpbrk(a, "*?["))
            fprintf(stderr, "traceos-test: no scenario name matches '%s'; `traceos-test --list` shows the names\n", a);
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

/* Every path a selected scenario's run builds fits (struct paths), else
 * exit 2 naming it: a path is never cut. */
static void check_paths(const struct config *cfg, const struct scenario_set *set, const int *sel, int n)
{
    struct paths *p = xmalloc(sizeof(*p));
    char err[PATHS_MAX + 256];
    int rc;
    for (int i = 0; i < n; i++)
        if ((rc = run_paths(cfg, &set->v[sel[i]], p, err, sizeof(err))) < 0) {
            fprintf(stderr, "traceos-test: %s; use a shorter %s\n", err, rc == PATHS_LONG_BUILD ? "--build" : "--expected");
            exit(EXIT_USAGE);
        }
    free(p);
}

/* The pid the holder of the lock wrote into it, or "unknown". The holder
 * writes it just after taking the lock: a message-only wait of at most
 * LOCK_PID_WAIT_S for it. */
#define LOCK_PID_WAIT_S 0.2
static void lock_holder(int fd, char *pid, size_t n)
{
    char buf[32] = "";
    for (double end = now_s() + LOCK_PID_WAIT_S; !*buf && now_s() < end; sleep_s(0.01)) {
        ssize_t got = pread(fd, buf, sizeof(buf) - 1, 0);
        buf[got > 0 ? got : 0] = 0;
        buf[strcspn(buf, "\n")] = 0;
    }
    snprintf(pid, n, "%s", *buf && strspn(buf, "0123456789") == strlen(buf) ? buf : "unknown");
}

/* A run owns the build directory (run directories, disk images, the probe
 * cache) from here to its exit: an exclusive flock on BUILD/.lock, which
 * holds the holder's pid. A second run waits for it, saying so once, or
 * with --no-wait exits 2. Workers share the lock; QEMU does not inherit it. */
static void lock_build(const struct opts *o)
{
    char path[PATHS_MAX], err[PATHS_MAX + 128], pid[32];
    int len = snprintf(path, sizeof(path), "%s/.lock", o->cfg.build);
    if (len < 0 || (size_t)len >= sizeof(path)) {
        struct sbuf whole = { 0 };
        sb_printf(&whole, "%s/.lock", o->cfg.build);
        paths_too_long(whole.p, whole.len, sizeof(path) - 1, err, sizeof(err));
        fprintf(stderr, "traceos-test: %s; use a shorter --build\n", err);
        exit(EXIT_USAGE);
    }
    if (mkdir_p(o->cfg.build, err, sizeof(err)) < 0) {
        fprintf(stderr, "traceos-test: %s\n", err);
        exit(R_ERROR);
    }
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        fprintf(stderr, "traceos-test: %s: cannot open the build directory's lock: %s; make --build writable\n", path, strerror(errno));
        exit(R_ERROR);
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        lock_holder(fd, pid, sizeof(pid));
        if (o->no_wait) {
            fprintf(stderr, "traceos-test: another run holds %s (pid %s); not waiting (--no-wait)\n", path, pid);
            exit(EXIT_USAGE);
        }
        fprintf(stderr, "traceos-test: another run holds %s (pid %s); waiting\n", path, pid);
        while (flock(fd, LOCK_EX) != 0)
            if (errno != EINTR || pool_stop_signal())
                exit(errno == EINTR ? 128 + pool_stop_signal() : R_ERROR);
    }
    char me[32];
    int n = snprintf(me, sizeof(me), "%d\n", (int)getpid());
    if (ftruncate(fd, 0) == 0 && pwrite(fd, me, (size_t)n, 0) == n) {
        /* the pid is for messages only: a failure to write it is harmless */
    }
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
    if (access(o->cfg.kernel, R_OK) != 0 && o->default_kernel) {
        fprintf(stderr, "traceos-test: kernel %s is not built; run `make` first\n", o->cfg.kernel);
        exit(R_ERROR);
    }
    if (access(o->cfg.kernel, R_OK) != 0) {
        fprintf(stderr, "traceos-test: --kernel %s: %s; check the path\n", o->cfg.kernel, strerror(errno));
        exit(R_ERROR);
    }
}

/* Probe cfg's QEMU (cache in its build directory) and check the fixed
 * devices and the marker event; exits with ERROR naming the fix. */
/* A QEMU named by its path (--qemu, --compare-qemu) that is a directory or
 * not executable is called what it is, before anything tries to run it.
 * (A name without a slash is looked up on the PATH by the probe.) */
static void check_qemu_file(const char *opt, const char *qemu)
{
    struct stat st;
    if (!strchr(qemu, '/') || stat(qemu, &st) != 0)
        return;                                 /* missing: the probe says "not found" */
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "traceos-test: %s %s is a directory; pass the path of a QEMU binary\n", opt, qemu);
        exit(R_ERROR);
    }
    if (access(qemu, X_OK) != 0) {
        fprintf(stderr, "traceos-test: %s %s is not executable (mode %04o); chmod +x it or pass the path of a QEMU binary\n",
                opt, qemu, (unsigned)(st.st_mode & 07777));
        exit(R_ERROR);
    }
}

static void preflight_qemu(struct config *cfg, const char *hint)
{
    char err[1024] = "", cache[4200];
    /* A cache file per QEMU path: runs that alternate QEMUs in one build
     * directory (make test's passes, the bench) each keep theirs. */
    unsigned long long h = 14695981039346656037ull;         /* FNV-1a */
    for (const char *c = cfg->qemu; *c; c++)
        h = (h ^ (unsigned char)*c) * 1099511628211ull;
    snprintf(cache, sizeof(cache), "%s/qemu-probe-%016llx.cache", cfg->build, h);
    int probed = qemu_probe(cfg->qemu, cache, hint, &cfg->caps, err, sizeof(err));
    if (probed < 0 && pool_stop_signal()) {
        fprintf(stderr, "traceos-test: interrupted by signal %d during the QEMU probe (%s); QEMU processes killed\n",
                pool_stop_signal(), err);
        exit(128 + pool_stop_signal());
    } else if (probed < 0) {
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

/* How a person blesses one scenario with these options, up to its name:
 * `make bless` when every path is the repository's default, else the
 * harness's own command line. */
static void set_bless_cmd(struct opts *o)
{
    const struct qemu_profile *p = o->cfg.caps.profile;
    struct sbuf b = { 0 };
    if (!o->root && o->default_kernel && !strcmp(o->scenarios, "tests/scenarios") &&
        !strcmp(o->cfg.expected, "expected") && !strcmp(o->cfg.build, "build")) {
        sb_puts(&b, "make bless ");
        if (p->golden_set)
            sb_printf(&b, "QEMU=%s ", p->name);
        sb_puts(&b, "TESTFLAGS=");
    } else {
        sb_printf(&b, "traceos-test --bless --kernel %s --scenarios %s --expected %s --build %s --qemu %s ",
                  o->cfg.kernel, o->scenarios, o->cfg.expected, o->cfg.build, o->cfg.qemu);
    }
    o->cfg.bless_cmd = b.p;
}

/* --explain FILE: every line with its meaning on stdout; lines that do not
 * decode are printed as they are and counted on stderr. */
static int explain(const char *path)
{
    struct sbuf text = { 0 }, out = { 0 };
    char err[1200];
    if (read_file(path, &text, err, sizeof(err)) < 0) {
        fprintf(stderr, "traceos-test: --explain: %s; pass a golden (expected/NAME.trace) or a kept "
                "build/runs/NAME/actual.trace or trace.log\n", err);
        return EXIT_EXPLAIN_UNREADABLE;
    }
    int bad = decode_explain(text.p, text.len, &out);
    fwrite(out.p ? out.p : "", 1, out.len, stdout);
    if (bad)
        fprintf(stderr, "traceos-test: --explain: %d line(s) of %s did not decode (marked above)\n",
                bad, path);
    sb_free(&text);
    sb_free(&out);
    return 0;
}

/* --debug NAME: one scenario, once, for a person's gdb. */
static void debug_session(struct opts *o, struct scenario_set *set, const int *sel, int n)
{
    if (n != 1 || o->select.n != 1)
        usage("--debug takes one scenario name, and no other names");
    if (o->repeat != 1 || o->cfg.bless || o->jobs != 1)
        usage("--debug runs one scenario once; drop --repeat, --bless and -j");
    attach_prepare(&o->cfg, &set->v[sel[0]]);
}

/* The names in each selected scenario's break/watch lines, against the
 * kernel's symbols: FILE:LINE errors (exit 2) before anything runs. */
static void resolve_gdb(struct opts *o, struct scenario_set *set, const int *sel, int n)
{
    char err[1024];
    struct elfsym *e = NULL;
    for (int i = 0; i < n; i++) {
        struct scenario *s = &set->v[sel[i]];
        if (!s->gdb.n)
            continue;
        if (!e && !(e = elfsym_open(o->cfg.kernel, err, sizeof(err)))) {
            fprintf(stderr, "traceos-test: %s\n", err);
            exit(R_ERROR);
        }
        if (gdbspec_resolve(&s->gdb, e, s->file, err, sizeof(err)) < 0) {
            fprintf(stderr, "traceos-test: %s\n", err);
            exit(EXIT_USAGE);
        }
    }
    elfsym_close(e);
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
    check_qemu_file("--compare-qemu", b.qemu);
    preflight_qemu(&a, CHOOSE_QEMU);
    preflight_qemu(&b, "pass another --compare-qemu PATH");
    check_paths(&a, set, sel, n);
    check_paths(&b, set, sel, n);
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

/* Standard input, output and error are open before anything else is:
 * with fd 1 closed, the first file opened (a lock, a golden's temporary
 * file) would take its number and receive the output. A closed stdout is
 * refused; a closed stdin or stderr gets /dev/null. */
static void check_std_fds(void)
{
    if (fcntl(0, F_GETFD) < 0 && open("/dev/null", O_RDONLY) != 0)
        exit(R_ERROR);
    if (fcntl(1, F_GETFD) < 0) {
        fprintf(stderr, "traceos-test: standard output is closed; run with >/dev/null to discard what it says\n");
        exit(EXIT_USAGE);
    }
    if (fcntl(2, F_GETFD) < 0 && open("/dev/null", O_WRONLY) != 2)
        exit(R_ERROR);
}

/* The exit status once everything is said: a write to stdout that failed
 * (a full disk, /dev/full, EIO) is reported on stderr and is an ERROR at
 * least. */
static int flushed(int rc)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return rc;
    fprintf(stderr, "traceos-test: cannot write to standard output: %s; what the run said is lost\n", strerror(errno));
    return rc > R_ERROR ? rc : R_ERROR;
}

static int run_main(int argc, char **argv);

int main(int argc, char **argv)
{
    check_std_fds();
    return flushed(run_main(argc, argv));
}

static int run_main(int argc, char **argv)
{
    struct opts o = { 0 };
    struct scenario_set set = { 0 };
    char err[2048] = "";
    parse_args(argc, argv, &o);
    if (o.help) {
        help();
        return 0;
    }
    set_defaults(&o);
    if (o.explain)
        return explain(o.explain);
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
    if (o.debug)
        strv_push(&o.select, o.debug);
    int *sel = select_scenarios(&o, &set, &n);
    if (n == 0) {
        fprintf(stderr, "traceos-test: no scenarios selected: %s has no [name] section in its .cfg files; add one or %s\n",
                o.scenarios, CHOOSE_SCENARIOS);
        return EXIT_USAGE;
    }
    if (o.list) {
        list(&set, sel, n);
        return 0;
    }
    pool_catch_stop_signals();
    preflight_kernel(&o);
    resolve_gdb(&o, &set, sel, n);
    check_qemu_file("--qemu", o.cfg.qemu);
    lock_build(&o);                             /* from here to the exit: --list, --explain take none */
    if (o.compare_qemu)
        return compare(&o, &set, sel, n);
    if (o.debug)
        debug_session(&o, &set, sel, n);
    preflight_qemu(&o.cfg, CHOOSE_QEMU);        /* a signal here ends it after the probe */
    check_paths(&o.cfg, &set, sel, n);
    preflight_bless(&o.cfg);
    set_bless_cmd(&o);
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
