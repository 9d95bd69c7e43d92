/* The gdb stops a scenario asked for; see parts.h. */
#include "harness/judge/parts.h"

int judge_gdb_hits(const struct judge_job *j, const struct live *lv, struct result *r)
{
    const struct gdb_specs *g = &j->s->gdb;
    int missed = 0;
    for (int i = 0; i < g->n; i++) {
        const struct gdb_spec *sp = &g->v[i];
        if (sp->optional || (lv->gdb_hits && lv->gdb_hits[i] > 0))
            continue;
        if (!missed++)
            result_set(r, R_FAIL, "%s %s%s%s was never reached (%s:%d); mark it optional if it may be missed",
                       sp->kind == GDB_BREAK ? "break" : "watch", sp->what,
                       sp->kind == GDB_BREAK ? "" : " ", sp->kind == GDB_BREAK ? "" : gdbspec_kind_name(sp->kind),
                       j->s->file, sp->line);
        sb_printf(&r->detail, "  never reached: %s = %s (%s:%d)\n", sp->kind == GDB_BREAK ? "break" : "watch",
                  sp->what, j->s->file, sp->line);
    }
    if (missed)
        sb_printf(&r->detail, "  the stops are listed in %s/gdb.txt\n", j->p->dir);
    return missed ? -1 : 0;
}
