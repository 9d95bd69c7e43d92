/* Scenario file parser (pure) and directory loader. */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/kcmdline.h"
#include "harness/lib/scenario.h"

static const char *const expect_names[] = { "pass", "fail", "crash", "triple" };

const char *scenario_expect_name(enum expect e) { return expect_names[e]; }

static const char *const firmware_names[] = {
    [FIRMWARE_SEABIOS] = "seabios",
    [FIRMWARE_QBOOT] = "qboot",
};

const char *scenario_firmware_name(enum firmware f) { return firmware_names[f]; }

/* Context of one parse, for error messages. */
struct ctx {
    const char *file;
    int line;
    char *err;
    size_t errlen;
    unsigned seen;          /* bit per key, for duplicate keys */
    int oracle_line;        /* line of this section's `oracle =`, for its prerequisites */
};

/* Set the error "FILE:LINE: " + printf-style message; returns -1. */
static int fail(struct ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct ctx *c, const char *fmt, ...)
{
    int n = snprintf(c->err, c->errlen, "%s:%d: ", c->file, c->line);
    if (n > 0 && (size_t)n < c->errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static struct scenario *add_scenario(struct scenario_set *set)
{
    if (set->n == set->cap) {
        set->cap = set->cap ? set->cap * 2 : 16;
        set->v = xrealloc(set->v, (size_t)set->cap * sizeof(*set->v));
    }
    struct scenario *s = &set->v[set->n++];
    memset(s, 0, sizeof(*s));
    s->machine = xstrdup("pc");
    s->timeout = 20;
    s->log_limit = SCENARIO_LOG_LIMIT_DEFAULT;
    return s;
}

static int set_machine(struct ctx *c, struct scenario *s, const char *v)
{
    size_t base = strcspn(v, ",");
    if (!((base == 2 && !strncmp(v, "pc", 2)) || (base == 3 && !strncmp(v, "q35", 3))))
        return fail(c, "machine '%s' is not supported; use pc or q35", v);
    free(s->machine);
    s->machine = xstrdup(v);
    return 0;
}

static int set_firmware(struct ctx *c, struct scenario *s, const char *v)
{
    for (size_t i = 0; i < sizeof(firmware_names) / sizeof(firmware_names[0]); i++) {
        if (!strcmp(v, firmware_names[i])) {
            s->firmware = (enum firmware)i;
            return 0;
        }
    }
    return fail(c, "firmware '%s' is unknown; use seabios (assigns PCI BARs) or qboot (boots faster, assigns none)", v);
}

/* The `oracle =` words and their bits; the judge's oracle table
 * (harness/judge/oracles.c) says what each one checks. */
static const struct {
    const char *name;
    unsigned bit;
} oracle_names[] = {
    { "query-pci", ORACLE_QUERY_PCI },
    { "kbd-line", ORACLE_KBD_LINE },
    { "dma-crc", ORACLE_DMA_CRC },
    { "lspci-decode", ORACLE_LSPCI },
};
#define NORACLES (sizeof(oracle_names) / sizeof(oracle_names[0]))

unsigned scenario_oracle_bit(const char *name)
{
    for (size_t i = 0; i < NORACLES; i++)
        if (!strcmp(name, oracle_names[i].name))
            return oracle_names[i].bit;
    return 0;
}

/* "query-pci kbd-line dma-crc": the valid words, for error messages. */
static const char *oracle_list(void)
{
    static char list[128];
    if (!list[0])
        for (size_t i = 0; i < NORACLES; i++)
            snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? " " : "",
                     oracle_names[i].name);
    return list;
}

static int set_oracles(struct ctx *c, struct scenario *s, const char *v)
{
    struct strv w = { 0 };
    char e[128];
    int rc = split_words(v, &w, e, sizeof(e)) < 0 ? fail(c, "oracle: %s", e) : 0;
    c->oracle_line = c->line;
    for (int i = 0; i < w.n && rc == 0; i++) {
        unsigned bit = scenario_oracle_bit(w.v[i]);
        if (bit)
            s->oracles |= bit;
        else
            rc = fail(c, "unknown oracle '%s'; valid: %s", w.v[i], oracle_list());
    }
    strv_free(&w);
    return rc;
}

static int set_append(struct ctx *c, struct scenario *s, const char *v)
{
    if (strlen(v) > SCENARIO_ARG_MAX)
        return fail(c, "append: %zu bytes, more than %d (SCENARIO_ARG_MAX); QEMU would not start with it; shorten it",
                    strlen(v), SCENARIO_ARG_MAX);
    s->append = xstrdup(v);
    return 0;
}

static int set_timeout(struct ctx *c, struct scenario *s, const char *v)
{
    char *end;
    long t = strtol(v, &end, 10);
    if (*end || end == v || t < 1 || t > 3600)
        return fail(c, "timeout '%s' is not a number of seconds; write 1 to 3600", v);
    s->timeout = (int)t;
    return 0;
}

/* log-limit = SIZE: bytes with an optional K, M or G suffix. */
static int set_log_limit(struct ctx *c, struct scenario *s, const char *v)
{
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    int shift = size_suffix_shift(*end);
    if (shift && end[1] == 0 && n <= (SCENARIO_LOG_LIMIT_MAX >> shift))
        n <<= shift, end++;
    if (end == v || *end || *v == '-' || n < SCENARIO_LOG_LIMIT_MIN || n > SCENARIO_LOG_LIMIT_MAX)
        return fail(c, "log-limit '%.40s' is not a size from 64K to 16G; write e.g. log-limit = 128M", v);
    s->log_limit = n;
    return 0;
}

static int set_expect(struct ctx *c, struct scenario *s, const char *v)
{
    for (int i = 0; i < 4; i++)
        if (!strcmp(v, expect_names[i])) {
            s->expect = (enum expect)i;
            return 0;
        }
    return fail(c, "expect '%s' is unknown; use pass, fail, crash or triple", v);
}

static int set_words(struct ctx *c, const char *key, struct strv *out, const char *v)
{
    char e[1024];
    if (split_words(v, out, e, sizeof(e)) < 0)
        return fail(c, "%s: %s", key, e);
    return 0;
}

/* `qemu =` words that would take from the harness what it owns: the
 * process (detaching outlives the harness), its channels (trace log,
 * serial, QMP, the gdb stub), the kernel and its words, a display, a
 * start that never comes. Each is refused, with why. Spelt with one dash
 * or two (QEMU takes both). */
static const struct {
    const char *word, *why;
} refused_qemu[] = {
    { "-daemonize", "QEMU would detach from the harness and outlive it" },
    { "-D", "the harness sends QEMU's log to BUILD/runs/NAME/trace.log, the marker channel" },
    { "-serial", "the harness owns the serial port (serial.log)" },
    { "-nographic", "it re-routes the serial port and the monitor to the harness's stdio" },
    { "-qmp", "the harness owns QMP (its own socket)" },
    { "-qmp-pretty", "the harness owns QMP (its own socket)" },
    { "-monitor", "a monitor could stop, resume or re-route the machine the harness watches" },
    { "-mon", "a monitor could stop, resume or re-route the machine the harness watches" },
    { "-pidfile", "the harness tracks QEMU by its own process" },
    { "-gdb", "the harness owns the gdb stub; use break = or watch =" },
    { "-s", "the harness owns the gdb stub; use break = or watch =" },
    { "-S", "QEMU would wait paused with nobody to start it; break = and watch = start it paused" },
    { "-display", "the harness runs QEMU without a display" },
    { "-kernel", "the harness boots --kernel" },
    { "-append", "the kernel's words are the append = line" },
    { "-bios", "the firmware is the firmware = line (seabios or qboot)" },
    { "-readconfig", "a config file can re-route what the harness owns unseen" },
};

/* Why a `qemu =` word (and the value after it) is refused, or NULL. */
static const char *qemu_word_refused(const char *w, const char *next)
{
    const char *opt = w[0] == '-' && w[1] == '-' ? w + 1 : w;
    for (size_t i = 0; i < sizeof(refused_qemu) / sizeof(refused_qemu[0]); i++)
        if (!strcmp(opt, refused_qemu[i].word))
            return refused_qemu[i].why;
    if (!strcmp(opt, "-trace") && next && strstr(next, "file="))
        return "its file= moves the trace log, the marker channel, away from the harness";
    if (!strcmp(opt, "-chardev") && next && strstr(next, "id=" SCENARIO_RESERVED_ID))
        return "ids starting with " SCENARIO_RESERVED_ID " are the harness's own (its gdb stub's chardev)";
    return NULL;
}

static int set_qemu(struct ctx *c, struct scenario *s, const char *v)
{
    if (set_words(c, "qemu", &s->qemu, v) < 0)
        return -1;
    size_t total = 0;
    for (int i = 0; i < s->qemu.n; i++) {
        const char *w = s->qemu.v[i], *why = qemu_word_refused(w, s->qemu.v[i + 1]);
        size_t n = strlen(w);
        total += n + 1;
        if (n > SCENARIO_ARG_MAX)
            return fail(c, "qemu: a word of %zu bytes, more than %d (SCENARIO_ARG_MAX); QEMU would not start with it; shorten it",
                        n, SCENARIO_ARG_MAX);
        if (why)
            return fail(c, "qemu: '%.64s' is refused: %s; remove it", w, why);
    }
    if (total > SCENARIO_QEMU_MAX)
        return fail(c, "qemu: %zu bytes of words, more than %d (SCENARIO_QEMU_MAX); shorten the line",
                    total, SCENARIO_QEMU_MAX);
    return 0;
}

/* QEMU's events whose lines end `name 'REGION'`: the only ones a region selects. */
static const char *const region_events[] = { "memory_region_ops_read", "memory_region_ops_write" };

static int region_event(const char *glob)
{
    for (size_t i = 0; i < sizeof(region_events) / sizeof(region_events[0]); i++)
        if (glob_match(glob, region_events[i], strlen(region_events[i])))
            return 1;
    return 0;
}

/* `events =` words: GLOB, or GLOB@REGION for QEMU's memory-region events,
 * whose lines end `name 'REGION'`. The region is split off here; QEMU is
 * given the glob. */
static int set_events(struct ctx *c, struct scenario *s, const char *v)
{
    struct strv w = { 0 };
    if (set_words(c, "events", &w, v) < 0) {
        strv_free(&w);
        return -1;
    }
    for (int i = 0; i < w.n; i++) {
        char *at = strchr(w.v[i], '@');
        const char *region = at ? at + 1 : "";
        if (at && (!*region || strspn(region, SCENARIO_REGION_CHARS) != strlen(region))) {
            fail(c, "events: '%.80s': the region after @ is empty or has a character other than letters, digits, . _ -; write EVENT@REGION, "
                 "e.g. memory_region_ops_read@pcie-mmcfg-mmio", w.v[i]);
            strv_free(&w);
            return -1;
        }
        if (at)
            *at = 0;
        if (at && !region_event(w.v[i])) {
            fail(c, "events: '%.64s@%.64s': a region selects lines of memory_region_ops_read or "
                 "memory_region_ops_write only; drop @%.64s", w.v[i], region, region);
            strv_free(&w);
            return -1;
        }
        strv_push(&s->events, w.v[i]);
        strv_push(&s->event_regions, region);
    }
    strv_free(&w);
    return 0;
}

static int set_keys(struct ctx *c, struct scenario *s, const char *v)
{
    char e[1024];
    if (keys_parse(v, &s->key_events, e, sizeof(e)) < 0)
        return fail(c, "keys: %s", e);
    return 0;
}

static int set_disk(struct ctx *c, struct scenario *s, const char *v)
{
    char e[1024];
    s->has_disk = 1;
    if (disk_parse(v, &s->disk, e, sizeof(e)) < 0)
        return fail(c, "disk: %s", e);
    return 0;
}

static int set_gdb(struct ctx *c, struct scenario *s, const char *v, int is_watch)
{
    char e[1024];
    if (gdbspec_parse(&s->gdb, is_watch, v, c->line, e, sizeof(e)) < 0)
        return fail(c, "%s", e);
    return 0;
}

/* break and watch may be given more than once. */
static int set_break(struct ctx *c, struct scenario *s, const char *v) { return set_gdb(c, s, v, 0); }

static int set_watch(struct ctx *c, struct scenario *s, const char *v) { return set_gdb(c, s, v, 1); }

/* The scenario keys; the index is the key's bit in ctx.seen. */
static const struct {
    const char *name;
    int (*set)(struct ctx *c, struct scenario *s, const char *v);
} keys[] = {
    { "machine", set_machine }, { "firmware", set_firmware }, { "qemu", set_qemu }, { "append", set_append },
    { "events", set_events }, { "timeout", set_timeout }, { "expect", set_expect },
    { "keys", set_keys }, { "disk", set_disk }, { "oracle", set_oracles },
    { "break", set_break }, { "watch", set_watch }, { "log-limit", set_log_limit },
};
#define NKEYS ((int)(sizeof(keys) / sizeof(keys[0])))

static int set_key(struct ctx *c, struct scenario *s, const char *key, const char *v)
{
    for (int i = 0; i < NKEYS; i++) {
        if (strcmp(key, keys[i].name))
            continue;
        if (c->seen & 1u << i && keys[i].set != set_break && keys[i].set != set_watch)
            return fail(c, "key '%s' given twice in this scenario; keep one", key);
        c->seen |= 1u << i;
        return keys[i].set(c, s, v);
    }
    char valid[128] = "";
    for (int i = 0; i < NKEYS; i++)
        snprintf(valid + strlen(valid), sizeof(valid) - strlen(valid), "%s%s", i ? " " : "", keys[i].name);
    return fail(c, "unknown key '%s'; valid keys: %s", key, valid);
}

/* A scenario name becomes file names (BUILD/runs/NAME/, EXPECTED/NAME.trace,
 * BUILD/images/NAME.img): plain, so that it names no other place ('..',
 * '/') and fits. */
static int valid_name(const char *n, size_t len)
{
    if (len == 0 || len > SCENARIO_NAME_MAX)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!(n[i] == '-' || n[i] == '_' || (n[i] >= '0' && n[i] <= '9') ||
              (n[i] >= 'a' && n[i] <= 'z') || (n[i] >= 'A' && n[i] <= 'Z')))
            return 0;
    return 1;
}

static int header(struct ctx *c, struct scenario_set *set, const char *s, size_t len)
{
    if (len < 2 || s[len - 1] != ']' || !valid_name(s + 1, len - 2))
        return fail(c, "bad section header '%.72s%s'; a scenario name is 1 to %d letters, digits, '-' or '_'; rename it",
                    s, len > 72 ? "..." : "", SCENARIO_NAME_MAX);
    for (int i = 0; i < set->n; i++) {
        const struct scenario *o = &set->v[i];
        if (strlen(o->name) == len - 2 && !memcmp(o->name, s + 1, len - 2)) {
            return fail(c, "duplicate scenario name '%s' (first defined at %s:%d); rename one",
                        o->name, o->file, o->line);
        }
    }
    struct scenario *sc = add_scenario(set);
    sc->name = xstrndup(s + 1, len - 2);
    sc->file = xstrdup(c->file);
    sc->line = c->line;
    c->seen = 0;
    c->oracle_line = 0;
    return 0;
}

/* What each oracle needs from the rest of the scenario. */
static int check_oracles(struct ctx *c, const struct scenario *s)
{
    const char *why =
        (s->oracles & ORACLE_DMA_CRC) && !s->has_disk
            ? "oracle dma-crc needs a disk image; add a line such as disk = size=64M"
        : (s->oracles & ORACLE_QUERY_PCI) && s->has_exit
            ? "oracle query-pci asks QEMU after the kernel's verdict, but append has `exit`, so QEMU is gone by then; remove exit"
        : (s->oracles & ORACLE_KBD_LINE) && s->key_events.n == 0
            ? "oracle kbd-line needs typed keys; add a keys = line"
        : (s->oracles & ORACLE_LSPCI) && !(s->has_pci_dump && s->has_pci_vv)
            ? "oracle lspci-decode needs the kernel's dump and listing; add the words pci-xxx (pci-xxxx on q35) and pci-vv to append"
            : NULL;
    if (!why)
        return 0;
    c->line = c->oracle_line;
    return fail(c, "%s", why);
}

static int finish(struct ctx *c, struct scenario_set *set, int first)
{
    if (set->n <= first)
        return 0;
    struct scenario *s = &set->v[set->n - 1];
    if (!s->append) {
        c->line = s->line;
        return fail(c, "scenario '%s' has no 'append =' line; add the kernel words, e.g. append = pci exit",
                    s->name);
    }
    struct cmdline cl;
    kcmdline_parse(s->append, &cl);
    s->trace_base = cl.trace_base;
    s->has_exit = cl.has_exit;
    for (int i = 0; i < cl.ncmds; i++) {
        enum cmd_kind k = cl.cmds[i].kind;
        s->has_pci_dump |= k == CMD_PCI_X || k == CMD_PCI_XXX || k == CMD_PCI_XXXX;
        s->has_pci_vv |= k == CMD_PCI_VV;
    }
    return check_oracles(c, s);
}

static int parse_line(struct ctx *c, struct scenario_set *set, int first, char *s)
{
    size_t len = strlen(s);
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        s[--len] = 0;
    while (*s == ' ' || *s == '\t')
        s++, len--;
    if (len == 0 || *s == '#')
        return 0;
    if (*s == '[')
        return finish(c, set, first) < 0 ? -1 : header(c, set, s, len);
    char *eq = strchr(s, '=');
    if (!eq)
        return fail(c, "expected 'key = value' or '[name]', got '%s'; fix the line", s);
    if (set->n <= first)
        return fail(c, "'%s' comes before any [name] section; start the scenario with [name]", s);
    char *v = eq + 1, *k_end = eq;
    while (k_end > s && (k_end[-1] == ' ' || k_end[-1] == '\t'))
        k_end--;
    *k_end = 0;
    while (*v == ' ' || *v == '\t')
        v++;
    return set_key(c, &set->v[set->n - 1], s, v);
}

int scenario_parse(const char *buf, size_t len, const char *file,
                   struct scenario_set *set, char *err, size_t errlen)
{
    struct ctx c = { .file = file, .err = err, .errlen = errlen };
    int first = set->n;
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(buf + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (buf + pos)) : len - pos;
        c.line++;
        if (memchr(buf + pos, 0, n))
            return fail(&c, "NUL byte in scenario file; remove it");
        char *line = xstrndup(buf + pos, n);
        int rc = parse_line(&c, set, first, line);
        free(line);
        if (rc < 0)
            return -1;
        pos += n + 1;
    }
    return finish(&c, set, first);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int scenario_load_dir(const char *dir, struct scenario_set *set, char *err, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s: cannot open scenario directory", dir);
        return SCENARIO_NO_DIR;
    }
    struct strv names = { 0 };
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 4 && !strcmp(e->d_name + n - 4, ".cfg"))
            strv_push(&names, e->d_name);
    }
    closedir(d);
    if (names.n)
        qsort(names.v, (size_t)names.n, sizeof(char *), cmp_str);
    int rc = 0;
    for (int i = 0; i < names.n && rc == 0; i++) {
        struct sbuf path = { 0 }, text = { 0 };
        sb_printf(&path, "%s/%s", dir, names.v[i]);
        rc = read_file(path.p, &text, err, errlen);
        if (rc == 0)
            rc = scenario_parse(text.p, text.len, path.p, set, err, errlen);
        sb_free(&path);
        sb_free(&text);
    }
    strv_free(&names);
    return rc;
}

void scenario_set_free(struct scenario_set *set)
{
    for (int i = 0; i < set->n; i++) {
        struct scenario *s = &set->v[i];
        free(s->name);
        free(s->file);
        free(s->machine);
        free(s->append);
        strv_free(&s->qemu);
        strv_free(&s->events);
        strv_free(&s->event_regions);
        keys_free(&s->key_events);
        gdbspec_free(&s->gdb);
    }
    free(set->v);
    set->v = NULL;
    set->n = set->cap = 0;
}
