/* The run files a worker leaves for the parent; see results.h. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness/lib/report.h"
#include "harness/run/results.h"

static void run_file(const struct config *cfg, const struct scenario *s, const char *file,
                     char *buf, size_t n)
{
    snprintf(buf, n, "%s/runs/%s/%s", cfg->build, s->name, file);
}

static int write_json(const char *path, const struct result *r, char *err, size_t errlen)
{
    struct sbuf reason = { 0 }, detail = { 0 };
    report_clean(&reason, sb_str((struct sbuf *)&r->reason));     /* JSON strings are UTF-8 */
    /* a result without details repeats its reason: `detail` is never empty */
    report_clean(&detail, sb_str((struct sbuf *)(r->detail.len ? &r->detail : &r->reason)));
    json_t *j = json_pack("{s:s, s:s, s:s, s:f}", "class", rclass_name(r->cls), "reason", reason.p,
                          "detail", detail.p, "secs", r->secs);
    char *text = j ? json_dumps(j, JSON_INDENT(1)) : NULL;
    int rc = text ? write_file(path, text, strlen(text), err, errlen) : -1;
    if (!text)
        snprintf(err, errlen, "%.400s: cannot encode the result as JSON", path);
    free(text);
    json_decref(j);
    sb_free(&reason), sb_free(&detail);
    return rc;
}

int results_write(const struct config *cfg, const struct scenario *s, const struct result *r,
                  char *err, size_t errlen)
{
    char path[1200];
    struct sbuf out = { 0 };
    sb_printf(&out, "%-10s %-24s %s  (%.2fs)\n", rclass_name(r->cls), s->name,
              sb_str((struct sbuf *)&r->reason), r->secs);
    sb_add(&out, r->detail.p ? r->detail.p : "", r->detail.len);
    run_file(cfg, s, "report.txt", path, sizeof(path));
    int rc = write_file(path, out.p, out.len, err, errlen);
    sb_free(&out);
    if (rc < 0)
        return -1;
    run_file(cfg, s, "result.json", path, sizeof(path));
    return write_json(path, r, err, errlen);
}

void results_remove(const struct config *cfg, const struct scenario *s)
{
    static const char *const files[] = { "report.txt", "result.json", "serial.log", "trace.log",
                                         "actual.trace", "actual.serial", "golden.diff" };
    char path[1200];
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        run_file(cfg, s, files[i], path, sizeof(path));
        unlink(path);
    }
}

double results_last_secs(const struct config *cfg, const struct scenario *s)
{
    char path[1200];
    double secs = -1;
    run_file(cfg, s, "result.json", path, sizeof(path));
    json_t *js = json_load_file(path, 0, NULL);
    if (json_unpack(js, "{s:F}", "secs", &secs) < 0 || secs < 0)
        secs = -1;
    json_decref(js);
    return secs;
}

void results_print(const struct config *cfg, const struct scenario *s, int finished)
{
    char path[1200], err[512] = "no report";
    struct sbuf t = { 0 };
    run_file(cfg, s, "report.txt", path, sizeof(path));
    if (finished && read_file(path, &t, err, sizeof(err)) == 0)
        fputs(t.p, stdout);
    else
        printf("%-10s %-24s the harness worker died unexpectedly (%s)\n", "ERROR", s->name, err);
    fflush(stdout);
    sb_free(&t);
}

/* One scenario's entry: its result.json (kept alive in *js) and serial text
 * (all from this run: results_remove cleared the previous one's files). */
static void load_item(const struct config *cfg, const struct scenario *s, int finished,
                      struct report_item *it, json_t **js, struct sbuf *serial)
{
    char path[1200], err[512];
    struct sbuf raw = { 0 };
    run_file(cfg, s, "result.json", path, sizeof(path));
    *js = finished ? json_load_file(path, 0, NULL) : NULL;
    *it = (struct report_item){ s->name, "ERROR", "the harness worker died unexpectedly", "", "", 0 };
    json_unpack(*js, "{s:s, s:s, s:s, s:F}", "class", &it->cls, "reason", &it->reason,
                "detail", &it->detail, "secs", &it->secs);
    *serial = (struct sbuf){ 0 };
    sb_add(serial, "", 0);
    run_file(cfg, s, "actual.serial", path, sizeof(path));     /* the golden form: dumps masked */
    if (read_file(path, serial, err, sizeof(err)) < 0) {
        run_file(cfg, s, "serial.log", path, sizeof(path));    /* no checks ran: the raw log */
        if (read_file(path, &raw, err, sizeof(err)) == 0)
            serial_text(raw.p, raw.len, serial);
    }
    sb_free(&raw);
    it->serial = serial->p;
}

int results_ci_reports(const struct config *cfg, const char *tap, const char *junit,
                       const struct scenario_set *set, const int *sel, int n, const int *classes)
{
    struct report_item *items = xmalloc(sizeof(*items) * (size_t)(n + 1));
    json_t **js = xmalloc(sizeof(json_t *) * (size_t)(n + 1));
    struct sbuf *serial = xmalloc(sizeof(struct sbuf) * (size_t)(n + 1));
    char err[1024];
    int rc = 0;
    const struct report_qemu q = { cfg->caps.version, cfg->qemu, cfg->caps.version_line };
    for (int i = 0; i < n; i++)
        load_item(cfg, &set->v[sel[i]], classes[i] >= 0, &items[i], &js[i], &serial[i]);
    if ((tap && report_tap(tap, &q, items, n, err, sizeof(err)) < 0) ||
        (junit && report_junit(junit, &q, items, n, err, sizeof(err)) < 0)) {
        fprintf(stderr, "traceos-test: %s; check the report path\n", err);
        rc = -1;
    }
    for (int i = 0; i < n; i++) {
        json_decref(js[i]);
        sb_free(&serial[i]);
    }
    free(items), free(js), free(serial);
    return rc;
}
