/* Golden comparison and blessing. */
#include <stdio.h>
#include <unistd.h>
#include "diff.h"
#include "golden.h"

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
