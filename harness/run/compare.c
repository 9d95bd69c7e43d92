/* Two QEMUs compared; see compare.h. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/diff.h"
#include "harness/lib/report.h"
#include "harness/lib/tracecmp.h"
#include "harness/run/compare.h"
#include "harness/run/pool.h"

/* One scenario's run on one QEMU, from its run files. */
struct side {
    char cls[16], reason[1024];
    struct sbuf trace, serial;
    int has_trace, has_serial;
};

/* One scenario on both. */
struct cmp {
    const struct scenario *s;
    struct side a, b;
    struct tracecmp tr;
    struct sbuf serial_diff;
    int outcome_differs, differs;
    struct strv renamed;        /* golden names renamed between the QEMUs */
};

/* An event the profile table names differently on the two QEMUs. */
struct rename {
    char golden[64], a[64], b[64];
    struct strv scenarios;
};

static void run_file(const struct config *c, const struct scenario *s, const char *f, char *buf, size_t n)
{
    snprintf(buf, n, "%s/runs/%s/%s", c->build, s->name, f);
}

static void load_side(const struct config *c, const struct scenario *s, struct side *d)
{
    char path[1200], err[512];
    run_file(c, s, "result.json", path, sizeof(path));
    json_t *j = json_load_file(path, 0, NULL);
    const char *cls = "ERROR", *reason = "the harness worker died unexpectedly";
    json_unpack(j, "{s:s, s:s}", "class", &cls, "reason", &reason);
    snprintf(d->cls, sizeof(d->cls), "%s", cls);
    snprintf(d->reason, sizeof(d->reason), "%s", reason);
    json_decref(j);
    run_file(c, s, "actual.trace", path, sizeof(path));
    d->has_trace = read_file(path, &d->trace, err, sizeof(err)) == 0;
    run_file(c, s, "actual.serial", path, sizeof(path));
    d->has_serial = read_file(path, &d->serial, err, sizeof(err)) == 0;
    if (!d->trace.p)
        sb_add(&d->trace, "", 0);
    if (!d->serial.p)
        sb_add(&d->serial, "", 0);
}

static int class_number(const char *name)
{
    for (int c = R_PASS; c <= R_ERROR; c++)
        if (!strcmp(rclass_name((enum rclass)c), name))
            return c;
    return R_ERROR;
}

/* "QEMU 10.0.2"; two QEMUs of one version are told apart as (a) and (b),
 * which the runs' headers map to their paths. */
static void label_of(const struct config *c, const struct config *other, const char *ab, char *buf, size_t n)
{
    if (strcmp(c->caps.version, other->caps.version))
        snprintf(buf, n, "QEMU %s", c->caps.version);
    else
        snprintf(buf, n, "QEMU %s (%s)", c->caps.version, ab);
}

/* The events of s that the two profiles name differently. */
static void find_renames(const struct config *a, const struct config *b, struct cmp *c,
                         struct rename **rv, int *rn)
{
    for (int i = 0; i < c->s->events.n; i++) {
        const char *ev = c->s->events.v[i];
        const char *na = qemu_profile_event(a->caps.profile, ev), *nb = qemu_profile_event(b->caps.profile, ev);
        if (!strcmp(na, nb))
            continue;
        strv_push(&c->renamed, ev);
        int k = 0;
        while (k < *rn && strcmp((*rv)[k].golden, ev))
            k++;
        if (k == *rn) {
            *rv = xrealloc(*rv, sizeof(**rv) * (size_t)(*rn + 1));
            memset(&(*rv)[k], 0, sizeof(**rv));
            snprintf((*rv)[k].golden, sizeof((*rv)[k].golden), "%s", ev);
            snprintf((*rv)[k].a, sizeof((*rv)[k].a), "%s", na);
            snprintf((*rv)[k].b, sizeof((*rv)[k].b), "%s", nb);
            (*rn)++;
        }
        strv_push(&(*rv)[k].scenarios, c->s->name);
    }
}

static void compare_one(struct cmp *c, const char *la, const char *lb)
{
    c->outcome_differs = strcmp(c->a.cls, c->b.cls) || strcmp(c->a.reason, c->b.reason);
    tracecmp_texts(c->a.trace.p, c->a.trace.len, c->b.trace.p, c->b.trace.len, &c->tr);
    diff_unified(c->a.serial.p, c->a.serial.len, c->b.serial.p, c->b.serial.len, la, lb, &c->serial_diff);
    c->differs = c->outcome_differs || c->tr.n > 0 || c->serial_diff.len > 0;
}

static void print_scenario(const struct cmp *c, const char *la, const char *lb)
{
    struct sbuf why = { 0 };
    if (c->outcome_differs)
        sb_printf(&why, "%soutcome", why.len ? ", " : "");
    if (c->tr.n) {
        sb_printf(&why, "%strace (", why.len ? ", " : "");
        if (c->tr.only_a)
            sb_printf(&why, "-%d lines only in %s%s", c->tr.only_a, la, c->tr.only_b ? ", " : "");
        if (c->tr.only_b)
            sb_printf(&why, "+%d lines only in %s", c->tr.only_b, lb);
        sb_puts(&why, ")");
    }
    if (c->serial_diff.len)
        sb_printf(&why, "%sserial", why.len ? ", " : "");
    if (c->differs)
        printf("%-10s %-24s %s\n", "differs", c->s->name, why.p);
    else if (c->renamed.n)
        printf("%-10s %-24s (with the rename of %s, see below)\n", "same", c->s->name, c->renamed.v[0]);
    else
        printf("%-10s %s\n", "same", c->s->name);
    if (c->outcome_differs)
        printf("             %s: %s %s\n             %s: %s %s\n", la, c->a.cls, c->a.reason, lb, c->b.cls,
               c->b.reason);
    for (int i = 0; i < c->tr.n; i++) {
        char l[200];
        const struct tracecmp_group *g = &c->tr.v[i];
        tracecmp_label(g, l, sizeof(l));
        printf("             %c%d %s only in %s  (first: %s)\n", g->sign, g->lines, l,
               g->sign == '+' ? lb : la, g->example);
    }
    if (c->serial_diff.len) {
        const char *p = c->serial_diff.p;
        while (*p) {
            size_t k = strcspn(p, "\n");
            printf("             %.*s\n", (int)k, p);
            p += k + (p[k] == '\n');
        }
    }
    sb_free(&why);
}

static json_t *json_groups(const struct tracecmp *t, const char *la, const char *lb)
{
    json_t *arr = json_array();
    for (int i = 0; i < t->n; i++) {
        const struct tracecmp_group *g = &t->v[i];
        struct sbuf ex = { 0 };
        report_clean(&ex, g->example);
        char sign[2] = { g->sign, 0 };
        json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:i, s:s, s:s}", "sign", sign,
                                             "event", g->event, "kind", g->kind, "lines", g->lines,
                                             "only_in", g->sign == '+' ? lb : la, "example", ex.p));
        sb_free(&ex);
    }
    return arr;
}

static json_t *json_strv(const struct strv *v)
{
    json_t *arr = json_array();
    for (int i = 0; i < v->n; i++)
        json_array_append_new(arr, json_string(v->v[i]));
    return arr;
}

static json_t *json_side(const struct side *d)
{
    struct sbuf r = { 0 };
    report_clean(&r, d->reason);
    json_t *j = json_pack("{s:s, s:s}", "class", d->cls, "reason", r.p);
    sb_free(&r);
    return j;
}

static json_t *json_qemu(const struct config *c, const char *label)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s?}", "label", label, "version", c->caps.version, "binary", c->qemu,
                     "version_line", c->caps.version_line, "golden_set", c->caps.profile->golden_set);
}

/* The changes over the selection: each rename once, each trace group
 * (sign, event, kind) once with its scenarios, serial and outcome
 * differences with theirs. Printed and added to `changes`; returns how many. */
static int changes(const struct cmp *cv, int n, const struct rename *rv, int rn, const char *la,
                   const char *lb, json_t *changes)
{
    int k = 0;
    printf("== changes from %s to %s\n", la, lb);
    for (int i = 0; i < rn; i++) {
        printf("%d. rename: trace event %s of %s is %s in %s; the profile table (harness/vmm/profile.c) maps it, so scenarios and goldens name it %s (%d scenarios:",
               ++k, rv[i].a, la, rv[i].b, lb, rv[i].golden, rv[i].scenarios.n);
        for (int j = 0; j < rv[i].scenarios.n; j++)
            printf(" %s", rv[i].scenarios.v[j]);
        printf(")\n");
        json_array_append_new(changes, json_pack("{s:s, s:s, s:s, s:s, s:o}", "type", "rename", "event", rv[i].golden,
                                                 "a", rv[i].a, "b", rv[i].b, "scenarios", json_strv(&rv[i].scenarios)));
    }
    struct tracecmp all = { 0 };
    for (int i = 0; i < n; i++)
        for (int g = 0; g < cv[i].tr.n; g++)
            tracecmp_merge(&all, &cv[i].tr.v[g]);
    for (int g = 0; g < all.n; g++) {
        const struct tracecmp_group *t = &all.v[g];
        char l[200];
        tracecmp_label(t, l, sizeof(l));
        json_t *sc = json_array();
        int ns = 0;
        for (int i = 0; i < n; i++)
            for (int h = 0; h < cv[i].tr.n; h++)
                if (cv[i].tr.v[h].sign == t->sign && !strcmp(cv[i].tr.v[h].event, t->event) &&
                    !strcmp(cv[i].tr.v[h].kind, t->kind))
                    ns++;
        printf("%d. trace: %c%d %s only in %s (%d scenarios:", ++k, t->sign, t->lines, l,
               t->sign == '+' ? lb : la, ns);
        for (int i = 0; i < n; i++)
            for (int h = 0; h < cv[i].tr.n; h++) {
                const struct tracecmp_group *x = &cv[i].tr.v[h];
                if (x->sign == t->sign && !strcmp(x->event, t->event) && !strcmp(x->kind, t->kind)) {
                    printf(" %s %c%d", cv[i].s->name, x->sign, x->lines);
                    json_array_append_new(sc, json_pack("{s:s, s:i}", "name", cv[i].s->name, "lines", x->lines));
                }
            }
        printf(")\n");
        struct sbuf ex = { 0 };
        report_clean(&ex, t->example);
        char sign[2] = { t->sign, 0 };
        json_array_append_new(changes, json_pack("{s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:o}", "type", "trace",
                                                 "sign", sign, "event", t->event, "kind", t->kind,
                                                 "lines", t->lines, "only_in", t->sign == '+' ? lb : la,
                                                 "example", ex.p, "scenarios", sc));
        sb_free(&ex);
    }
    tracecmp_free(&all);
    static const char *const what[] = { "serial", "outcome" };
    for (int w = 0; w < 2; w++) {
        struct strv names = { 0 };
        for (int i = 0; i < n; i++)
            if (w == 0 ? cv[i].serial_diff.len > 0 : cv[i].outcome_differs)
                strv_push(&names, cv[i].s->name);
        if (names.n) {
            printf("%d. %s differs (%d scenarios:", ++k, what[w], names.n);
            for (int i = 0; i < names.n; i++)
                printf(" %s", names.v[i]);
            printf(")\n");
            json_array_append_new(changes, json_pack("{s:s, s:o}", "type", what[w], "scenarios", json_strv(&names)));
        }
        strv_free(&names);
    }
    if (!k)
        printf("none\n");
    return k;
}

static json_t *json_scenario(const struct cmp *c, const char *la, const char *lb)
{
    struct sbuf sd = { 0 };
    report_clean(&sd, sb_str((struct sbuf *)&c->serial_diff));
    json_t *j = json_pack("{s:s, s:b, s:o, s:o, s:b, s:o, s:s?, s:o}", "name", c->s->name, "same", !c->differs,
                          "a", json_side(&c->a), "b", json_side(&c->b), "outcome_differs", c->outcome_differs,
                          "trace", json_groups(&c->tr, la, lb), "serial_diff", c->serial_diff.len ? sd.p : NULL,
                          "renamed", json_strv(&c->renamed));
    sb_free(&sd);
    return j;
}

static int write_json(const char *path, json_t *root)
{
    char err[512];
    char *text = json_dumps(root, JSON_INDENT(2));
    int rc = text ? write_file(path, text, strlen(text), err, sizeof(err)) : -1;
    if (rc < 0)
        fprintf(stderr, "traceos-test: --compare-json: %s; check the path\n", text ? err : "cannot encode JSON");
    free(text);
    return rc;
}

int compare_qemus(const struct config *a, const struct config *b, const struct scenario_set *set,
                  const int *sel, int n, int jobs, int repeat, const char *json_path)
{
    char la[160], lb[160];
    label_of(a, b, "a", la, sizeof(la));
    label_of(b, a, "b", lb, sizeof(lb));
    int *classes = xmalloc(sizeof(int) * (size_t)(n + 1));
    const struct config *cfgs[2] = { a, b };
    for (int k = 0; k < 2; k++) {
        printf("== runs on %s: %s, in %s/runs\n", k ? lb : la, cfgs[k]->qemu, cfgs[k]->build);
        fflush(stdout);
        pool_run(cfgs[k], set, sel, n, jobs, repeat, classes);
        if (pool_stop_signal()) {
            free(classes);
            return 128 + pool_stop_signal();
        }
    }
    free(classes);
    struct cmp *cv = xmalloc(sizeof(*cv) * (size_t)(n + 1));
    memset(cv, 0, sizeof(*cv) * (size_t)(n + 1));
    struct rename *rv = NULL;
    int rn = 0, differ = 0, status = COMPARE_SAME;
    json_t *root = json_object(), *scen = json_array(), *chg = json_array();
    printf("== what changed from %s to %s, per scenario\n", la, lb);
    for (int i = 0; i < n; i++) {
        struct cmp *c = &cv[i];
        c->s = &set->v[sel[i]];
        load_side(a, c->s, &c->a);
        load_side(b, c->s, &c->b);
        find_renames(a, b, c, &rv, &rn);
        compare_one(c, la, lb);
        print_scenario(c, la, lb);
        differ += c->differs;
        if (c->differs)
            status = status > COMPARE_DIFFERED ? status : COMPARE_DIFFERED;
        else if (strcmp(c->a.cls, "PASS") && class_number(c->a.cls) > status)
            status = class_number(c->a.cls);   /* failed alike on both: nothing compared */
        json_array_append_new(scen, json_scenario(c, la, lb));
    }
    int nchanges = changes(cv, n, rv, rn, la, lb, chg);
    if (rn && status == COMPARE_SAME)
        status = COMPARE_DIFFERED;                  /* a rename is a change too */
    json_object_set_new(root, "a", json_qemu(a, la));
    json_object_set_new(root, "b", json_qemu(b, lb));
    json_object_set_new(root, "changes", chg);
    json_object_set_new(root, "scenarios", scen);
    json_object_set_new(root, "same", json_integer(n - differ));
    json_object_set_new(root, "differ", json_integer(differ));
    if (json_path && write_json(json_path, root) < 0 && status < R_ERROR)
        status = R_ERROR;
    printf("compare: %d change%s from %s to %s; %d scenario%s same, %d differ%s%s\n", nchanges,
           nchanges == 1 ? "" : "s", la, lb, n - differ, n - differ == 1 ? "" : "s", differ,
           json_path ? "; JSON in " : "", json_path ? json_path : "");
    json_decref(root);
    for (int i = 0; i < n; i++) {
        sb_free(&cv[i].a.trace), sb_free(&cv[i].a.serial), sb_free(&cv[i].b.trace), sb_free(&cv[i].b.serial);
        tracecmp_free(&cv[i].tr);
        sb_free(&cv[i].serial_diff);
        strv_free(&cv[i].renamed);
    }
    for (int i = 0; i < rn; i++)
        strv_free(&rv[i].scenarios);
    free(rv);
    free(cv);
    return status;
}
