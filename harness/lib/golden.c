/* Golden comparison and blessing. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness/lib/decode/decode.h"
#include "harness/lib/diff.h"
#include "harness/lib/golden.h"

int golden_path(const char *expected, const char *scenario, const char *golden_set,
                enum golden_kind kind, char *buf, size_t n)
{
    static const char *const ext[] = { [GOLDEN_TRACE] = "trace", [GOLDEN_SERIAL] = "serial" };
    int k = golden_set ? snprintf(buf, n, "%s/%s/%s.%s", expected, golden_set, scenario, ext[kind])
                       : snprintf(buf, n, "%s/%s.%s", expected, scenario, ext[kind]);
    return k < 0 || (size_t)k >= n ? -1 : 0;
}

int golden_lookup(const char *expected, const char *scenario, const char *golden_set,
                  enum golden_kind kind, char *buf, size_t n)
{
    if (golden_set) {
        golden_path(expected, scenario, golden_set, kind, buf, n);
        if (access(buf, F_OK) == 0)
            return 1;
    }
    golden_path(expected, scenario, NULL, kind, buf, n);
    return 0;
}

enum golden_action golden_plan(int override, int base_exists, int base_equal, int own_exists,
                               int own_equal)
{
    if (override && base_exists && base_equal)
        return own_exists ? GOLDEN_REMOVE : GOLDEN_KEEP;
    return own_exists && own_equal ? GOLDEN_KEEP : GOLDEN_WRITE;
}

void golden_record_path(const char *expected, const char *golden_set, char *buf, size_t n)
{
    if (golden_set)
        snprintf(buf, n, "%s/%s/QEMU", expected, golden_set);
    else
        snprintf(buf, n, "%s/QEMU", expected);
}

void golden_record_read(const char *expected, const char *golden_set, char *buf, size_t n)
{
    char path[4200], err[256];
    struct sbuf t = { 0 };
    golden_record_path(expected, golden_set, path, sizeof(path));
    buf[0] = 0;
    if (read_file(path, &t, err, sizeof(err)) == 0)
        snprintf(buf, n, "%.*s", (int)strcspn(t.p, "\n"), t.p);
    sb_free(&t);
}

int golden_record_write(const char *expected, const char *golden_set, const char *line,
                        char *err, size_t errlen)
{
    char path[4200], old[512];
    golden_record_read(expected, golden_set, old, sizeof(old));
    if (!strcmp(old, line))
        return 0;
    golden_record_path(expected, golden_set, path, sizeof(path));
    struct sbuf t = { 0 };
    sb_printf(&t, "%s\n", line);
    int rc = write_file(path, t.p, t.len, err, errlen);
    sb_free(&t);
    return rc;
}

/* An event line of a .trace golden: the name of an event that one of the
 * scenario's `events` globs selects, a blank, its fields. */
static int is_event_line(const char *l, size_t n, const struct strv *events)
{
    size_t i = 0;
    while (i < n && ((l[i] >= 'a' && l[i] <= 'z') || (l[i] >= '0' && l[i] <= '9') || l[i] == '_'))
        i++;
    if (i == 0 || i >= n || l[i] != ' ')
        return 0;
    for (int k = 0; events && k < events->n; k++)
        if (glob_match(events->v[k], l, i))
            return 1;
    return 0;
}

int golden_validate(const char *golden, const char *g, size_t len, const struct strv *events,
                    struct sbuf *out)
{
    size_t tl = strlen(golden);
    int trace = tl > 6 && !strcmp(golden + tl - 6, ".trace");
    int line = 1;
    for (const char *p = g, *end = g + len; p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        const char *why = NULL;
        for (size_t i = 0; i < n && !why; i++)
            if (p[i] == '\r')
                why = "a CR byte (goldens have LF line ends only)";
            else if ((unsigned char)p[i] < 0x20 && p[i] != '\t')
                why = "a control or binary byte";
        if (!why && trace && n && !(n >= 3 && !memcmp(p, "== ", 3)) && !(n >= 5 && !memcmp(p, "gdb: ", 5)) &&
            !is_event_line(p, n, events))
            why = "a line that is neither a `== ` marker, a `gdb: ` stop nor an event of the scenario's `events`";
        if (why) {
            sb_printf(out, "%s:%d: malformed golden: %s; repair it or re-create it with `make bless`\n",
                      golden, line, why);
            return -1;
        }
        p += n + (nl != NULL);
    }
    return 0;
}

int golden_compare(const char *scenario, const char *golden, const char *actual,
                   const char *text, size_t len, struct sbuf *out)
{
    struct sbuf g = { 0 };
    char err[512];
    if (read_file(golden, &g, err, sizeof(err)) < 0) {
        sb_printf(out, "%s; run `make bless` to create it\n", err);
        return -1;
    }

    struct sbuf d = { 0 };
    int differs = diff_unified(g.p, g.len, text, len, golden, actual, &d);
    if (differs) {
        sb_printf(out, "=== %s: %s differs from the golden\n", scenario, actual);
        size_t gl = strlen(golden);
        if (gl > 6 && !strcmp(golden + gl - 6, ".trace"))     /* each changed line decoded */
            decode_annotate_diff(g.p, g.len, text, len, d.p, d.len, out);
        else
            sb_add(out, d.p, d.len);
    }
    sb_free(&d);
    sb_free(&g);
    return differs;
}

/* The file's text into t; 1 when it exists, 0 when not, -1 (reason in
 * report) when it cannot be read. */
static int read_if_there(const char *path, struct sbuf *t, struct sbuf *report)
{
    char err[512];
    if (access(path, F_OK) != 0)
        return 0;
    if (read_file(path, t, err, sizeof(err)) < 0) {
        sb_printf(report, "%s\n", err);
        return -1;
    }
    return 1;
}

static int same_text(const struct sbuf *t, const char *text, size_t len)
{
    return t->len == len && (len == 0 || !memcmp(t->p, text, len));
}

/* What blessing one golden does (golden_plan), and the lines that say so
 * in `note`; -1 with the reason in report. */
static int plan_one(const struct golden_bless_item *it, int override, enum golden_action *a,
                    struct sbuf *note, struct sbuf *report)
{
    struct sbuf b = { 0 }, o = { 0 }, d = { 0 };
    int hb = override ? read_if_there(it->base, &b, report) : 0;
    int ho = hb < 0 ? -1 : read_if_there(it->own, &o, report);
    int rc = hb < 0 || ho < 0 ? -1 : 0;
    size_t had = ho > 0 ? o.len : hb > 0 ? b.len : 0;   /* what a run of this QEMU compares with */
    if (rc == 0 && it->len == 0 && had > 0) {
        sb_printf(report, "%s: refusing to replace a non-empty golden with an empty text; check the run's kernel and its markers\n",
                  ho > 0 ? it->own : it->base);
        rc = -1;
    }
    if (rc == 0)
        *a = golden_plan(override, hb, hb && same_text(&b, it->text, it->len), ho,
                         ho && same_text(&o, it->text, it->len));
    if (rc < 0 || *a == GOLDEN_KEEP) {
        ;
    } else if (*a == GOLDEN_REMOVE) {
        sb_printf(note, "  blessed %s: removed (equals the base %s)\n", it->own, it->base);
    } else if (ho) {                            /* what changed in the golden */
        sb_printf(note, "  blessed %s: updated\n", it->own);
        diff_unified(o.p, o.len, it->text, it->len, it->own, "new", &d);
    } else if (!override) {                     /* what the new golden holds */
        sb_printf(note, "  blessed %s: created\n", it->own);
        diff_unified("", 0, it->text, it->len, "/dev/null", it->own, &d);
    } else if (hb) {                            /* what this QEMU changes from the base */
        sb_printf(note, "  blessed %s: created (differs from the base %s)\n", it->own, it->base);
        diff_unified(b.p, b.len, it->text, it->len, it->base, it->own, &d);
    } else {
        sb_printf(note, "  blessed %s: created; the base %s is missing: bless the scenario with the base set's QEMU too\n",
                  it->own, it->base);
        diff_unified("", 0, it->text, it->len, "/dev/null", it->own, &d);
    }
    if (d.len)
        sb_add(note, d.p, d.len);
    sb_free(&b), sb_free(&o), sb_free(&d);
    return rc;
}

/* The directory a golden goes in, made when missing (an override set's;
 * the base set's is the --expected directory itself). */
static int make_dir_of(const char *path, char *err, size_t errlen)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return 0;
    char *dir = xstrndup(path, (size_t)(slash - path));
    int rc = *dir ? mkdir_p(dir, err, errlen) : 0;
    free(dir);
    return rc;
}

int golden_bless(int n, const struct golden_bless_item *items, int override, struct sbuf *report)
{
    enum golden_action *a = xmalloc(sizeof(*a) * (size_t)(n + 1));
    struct sbuf note = { 0 };
    const char **wp = xmalloc(sizeof(char *) * (size_t)(n + 1)), **wt = xmalloc(sizeof(char *) * (size_t)(n + 1));
    size_t *wl = xmalloc(sizeof(size_t) * (size_t)(n + 1));
    char err[1200];
    int nw = 0, rc = 0;
    for (int i = 0; i < n && rc == 0; i++) {
        rc = plan_one(&items[i], override, &a[i], &note, report);
        if (rc == 0 && a[i] == GOLDEN_WRITE) {
            wp[nw] = items[i].own, wt[nw] = items[i].text, wl[nw++] = items[i].len;
            if (override && make_dir_of(items[i].own, err, sizeof(err)) < 0) {
                sb_printf(report, "%s\n", err);
                rc = -1;
            }
        }
    }
    /* every write, or none; then the removals of overrides made needless */
    if (rc == 0 && nw && write_files_atomic(nw, wp, wt, wl, err, sizeof(err)) < 0) {
        sb_printf(report, "%s\n", err);
        rc = -1;
    }
    for (int i = 0; i < n && rc == 0; i++)
        if (a[i] == GOLDEN_REMOVE && unlink(items[i].own) < 0) {
            sb_printf(report, "%s: cannot remove: %s\n", items[i].own, strerror(errno));
            rc = -1;
        }
    if (rc == 0)
        sb_add(report, sb_str(&note), note.len);
    sb_free(&note);
    free(a), free(wp), free(wt), free(wl);
    return rc;
}
