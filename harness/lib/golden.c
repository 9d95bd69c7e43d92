/* Golden comparison and blessing. */
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

/* What blessing one golden would change: 1 (d holds the diff when it
 * existed) or 0; -1 with the reason in report. */
static int bless_change(const char *golden, const char *text, size_t len, int *existed,
                        struct sbuf *d, struct sbuf *report)
{
    struct sbuf g = { 0 };
    char err[512];
    *existed = access(golden, F_OK) == 0;
    if (*existed && read_file(golden, &g, err, sizeof(err)) < 0) {
        sb_printf(report, "%s\n", err);
        return -1;
    }
    int differs = !*existed || diff_unified(g.p ? g.p : "", g.len, text, len, golden, "new", d);
    int rc = differs;
    if (differs && len == 0 && g.len > 0) {
        sb_printf(report, "%s: refusing to replace a non-empty golden with an empty text; check the run's kernel and its markers\n", golden);
        rc = -1;
    }
    sb_free(&g);
    return rc;
}

int golden_bless(int n, const char *const goldens[], const char *const texts[],
                 const size_t lens[], struct sbuf *report)
{
    struct sbuf *d = xmalloc(sizeof(struct sbuf) * (size_t)(n + 1));
    int *existed = xmalloc(sizeof(int) * (size_t)(n + 1)), *changed = xmalloc(sizeof(int) * (size_t)(n + 1));
    const char **wp = xmalloc(sizeof(char *) * (size_t)(n + 1)), **wt = xmalloc(sizeof(char *) * (size_t)(n + 1));
    size_t *wl = xmalloc(sizeof(size_t) * (size_t)(n + 1));
    int nw = 0, rc = 0;
    for (int i = 0; i < n; i++) {
        d[i] = (struct sbuf){ 0 };
        changed[i] = rc < 0 ? 0 : bless_change(goldens[i], texts[i], lens[i], &existed[i], &d[i], report);
        if (changed[i] < 0)
            rc = -1;
        else if (changed[i])
            wp[nw] = goldens[i], wt[nw] = texts[i], wl[nw++] = lens[i];
    }
    char err[1200];
    if (rc == 0 && nw && write_files_atomic(nw, wp, wt, wl, err, sizeof(err)) < 0) {
        sb_printf(report, "%s\n", err);
        rc = -1;
    }
    for (int i = 0; i < n; i++) {
        if (rc == 0 && changed[i] > 0 && !existed[i])
            sb_printf(report, "  blessed %s: created\n", goldens[i]);
        else if (rc == 0 && changed[i] > 0) {
            sb_printf(report, "  blessed %s: updated\n", goldens[i]);
            sb_add(report, d[i].p ? d[i].p : "", d[i].len);
        }
        sb_free(&d[i]);
    }
    free(d), free(existed), free(changed), free(wp), free(wt), free(wl);
    return rc;
}
