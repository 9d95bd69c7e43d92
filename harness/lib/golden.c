/* Golden comparison and blessing. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "harness/lib/decode/decode.h"
#include "harness/lib/diff.h"
#include "harness/lib/golden.h"

void golden_path(const char *expected, const char *scenario, const char *golden_set,
                 enum golden_kind kind, char *buf, size_t n)
{
    static const char *const ext[] = { [GOLDEN_TRACE] = "trace", [GOLDEN_SERIAL] = "serial" };
    if (golden_set)
        snprintf(buf, n, "%s/%s/%s.%s", expected, golden_set, scenario, ext[kind]);
    else
        snprintf(buf, n, "%s/%s.%s", expected, scenario, ext[kind]);
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

int golden_bless(const char *golden, const char *text, size_t len, struct sbuf *report)
{
    struct sbuf g = { 0 };
    char err[512];
    int existed = access(golden, F_OK) == 0;
    if (existed && read_file(golden, &g, err, sizeof(err)) < 0) {
        sb_printf(report, "%s\n", err);
        return -1;
    }
    struct sbuf d = { 0 };
    int differs = !existed || diff_unified(g.p ? g.p : "", g.len, text, len, golden, "new", &d);
    int rc = 0;
    if (differs && write_file(golden, text, len, err, sizeof(err)) < 0) {
        sb_printf(report, "%s\n", err);
        rc = -1;
    } else if (!existed) {
        sb_printf(report, "  blessed %s: created\n", golden);
    } else if (differs) {
        sb_printf(report, "  blessed %s: updated\n", golden);
        sb_add(report, d.p, d.len);
    }
    sb_free(&d);
    sb_free(&g);
    return rc;
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

int golden_bless_override(const char *base, const char *own, const char *text, size_t len,
                          struct sbuf *report)
{
    struct sbuf b = { 0 }, o = { 0 }, d = { 0 };
    char err[512], dir[1200];
    int hb = read_if_there(base, &b, report), ho = hb < 0 ? -1 : read_if_there(own, &o, report);
    int rc = 0;
    if (hb < 0 || ho < 0) {
        rc = -1;
    } else {
        switch (golden_plan(1, hb, hb && same_text(&b, text, len), ho, ho && same_text(&o, text, len))) {
        case GOLDEN_KEEP:
            break;
        case GOLDEN_REMOVE:
            if (unlink(own) < 0) {
                sb_printf(report, "%s: cannot remove: %s\n", own, strerror(errno));
                rc = -1;
            } else {
                sb_printf(report, "  blessed %s: removed (equals the base %s)\n", own, base);
            }
            break;
        case GOLDEN_WRITE:
            snprintf(dir, sizeof(dir), "%.*s", (int)(strrchr(own, '/') ? strrchr(own, '/') - own : 1),
                     strrchr(own, '/') ? own : ".");
            if (mkdir_p(dir, err, sizeof(err)) < 0 || write_file(own, text, len, err, sizeof(err)) < 0) {
                sb_printf(report, "%s\n", err);
                rc = -1;
                break;
            }
            if (ho) {                           /* what changed in the override */
                sb_printf(report, "  blessed %s: updated\n", own);
                diff_unified(o.p, o.len, text, len, own, "new", &d);
            } else if (hb) {                    /* what this QEMU changes from the base */
                sb_printf(report, "  blessed %s: created (differs from the base %s)\n", own, base);
                diff_unified(b.p, b.len, text, len, base, own, &d);
            } else {
                sb_printf(report, "  blessed %s: created; the base %s is missing: bless the scenario with the base set's QEMU too\n",
                          own, base);
            }
            if (d.len)
                sb_add(report, d.p, d.len);
            break;
        }
    }
    sb_free(&b), sb_free(&o), sb_free(&d);
    return rc;
}
