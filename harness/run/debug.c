/* gdb stops during a run; see debug.h. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "abi/tracedev.h"
#include "harness/lib/x86insn.h"
#include "harness/run/debug.h"
#include "harness/vmm/process.h"

#define ANCHOR_EVENT   "gdbstub_hit_break"  /* probed; the words trace gdbstub_hit_* */
#define ANCHOR_PREFIX  "gdbstub_hit_"
#define ANCHOR_FIRST   4096                 /* bytes before the log's end searched for it first */
#define ANCHOR_WINDOW  (256 * 1024)         /* ... and at most */
#define LOST_GRACE_S   2.0                  /* a closed stub is QEMU ending if it exits within this */
#define GDB_STEP_TRIES 4                    /* single steps to leave a breakpoint's address, then an ERROR */

int debug_wanted(const struct scenario *s) { return s->gdb.n > 0; }

void debug_qemu_words(const struct config *cfg, const struct paths *p, struct strv *io)
{
    struct sbuf t = { 0 };
    sb_printf(&t, "socket,path=%s,server=on,wait=off,id=traceos-gdb", p->sock[SOCK_GDB]);
    strv_push(io, "-S");
    strv_push(io, "-chardev"), strv_push(io, t.p);
    strv_push(io, "-gdb"), strv_push(io, "chardev:traceos-gdb");
    if (qemu_has_event(&cfg->caps, ANCHOR_EVENT))
        strv_push(io, "-trace"), strv_push(io, ANCHOR_PREFIX "*");
    sb_free(&t);
}

void debug_init(struct debug *d, const struct config *cfg, const struct scenario *s,
                const struct paths *p, pid_t pid, struct logfollow *follow)
{
    memset(d, 0, sizeof(*d));
    d->cfg = cfg, d->s = s, d->p = p, d->pid = pid;
    d->typed = s->key_events.n > 0;
    d->follow = follow;
    d->g.fd = -1;
    d->anchor = qemu_has_event(&cfg->caps, ANCHOR_EVENT);
    d->hits = xmalloc(sizeof(int) * (size_t)(s->gdb.n + 1));
    d->wold = xmalloc(sizeof(uint64_t) * (size_t)(s->gdb.n + 1));
    memset(d->hits, 0, sizeof(int) * (size_t)(s->gdb.n + 1));
    memset(d->wold, 0, sizeof(uint64_t) * (size_t)(s->gdb.n + 1));
}

static double until(double deadline)
{
    double t = now_s() + GDB_REPLY_TIMEOUT_S;
    return t < deadline ? t : deadline;
}

static int mem_value(struct debug *d, uint64_t addr, unsigned len, uint64_t *v, double deadline,
                     char *err, size_t errlen)
{
    uint8_t b[8];
    if (gdb_mem(&d->g, addr, len, b, until(deadline), err, errlen) < 0)
        return -1;
    *v = 0;
    for (unsigned i = len; i-- > 0;)
        *v = *v << 8 | b[i];
    return 0;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* The index of breakpoint pc in d->bps, or -1. */
static int bp_index(const struct debug *d, uint64_t pc)
{
    const uint64_t *b = bsearch(&pc, d->bps, (size_t)d->nbps, sizeof(uint64_t), cmp_u64);
    return b ? (int)(b - d->bps) : -1;
}

static int has_bp(const struct debug *d, uint64_t pc) { return bp_index(d, pc) >= 0; }

/* The index of spec sp's breakpoint location at pc, or -1 (also for a watch). */
static int break_at(const struct gdb_spec *sp, uint64_t pc)
{
    for (int k = 0; sp->kind == GDB_BREAK && k < sp->nlocs; k++)
        if (sp->locs[k].addr == pc)
            return k;
    return -1;
}

/* May the step over the instruction at pc be done in the harness? Only
 * when it touches registers alone (x86_emulate_regs decodes it) and does
 * not sit in the one-instruction interrupt shadow of an sti, pop ss or
 * register mov to ss just before it: the vCPU would carry the shadow on
 * to the instruction after it. */
static int emulable(const struct debug *d, uint64_t pc, const struct bp_code *c)
{
    struct x86_regs scratch = { 0 };
    uint8_t before[3] = { 0 };
    size_t got = pc >= sizeof(before) ? elfsym_read(d->elf, pc - sizeof(before), before, sizeof(before)) : 0;
    int mov_ss = before[1] == X86_OP_MOV_SREG && X86_MODRM_MOD(before[2]) == X86_MOD_REGISTER &&
                 X86_MODRM_REG(before[2]) == X86_SREG_SS;
    if (got != sizeof(before) || before[2] == X86_OP_STI || before[2] == X86_OP_POP_SS || mov_ss)
        return 0;
    return x86_emulate_regs(c->b, c->n, &scratch) > 0;
}

/* Describe each spec in the report and insert its breakpoints and watchpoints. */
static int setup(struct debug *d, double deadline, char *err, size_t errlen)
{
    const struct gdb_specs *g = &d->s->gdb;
    int total = 0;
    for (int i = 0; i < g->n; i++)
        total += g->v[i].kind == GDB_BREAK ? g->v[i].nlocs : 0;
    d->bps = xmalloc(sizeof(uint64_t) * (size_t)(total + 1));
    sb_printf(&d->report, "gdb stops of %s (%s); stub on %s, %s register layout\n\n", d->s->name,
              d->s->file, d->p->sock[SOCK_GDB], d->g.x86_64 ? "x86-64" : "i386");
    for (int i = 0; i < g->n; i++) {
        const struct gdb_spec *sp = &g->v[i];
        sb_printf(&d->report, "%s = %s  (%s:%d)%s\n", sp->kind == GDB_BREAK ? "break" : "watch", sp->what,
                  d->s->file, sp->line, sp->optional ? " optional" : "");
        if (sp->kind != GDB_BREAK) {
            sb_printf(&d->report, "  0x%08llx, %u bytes, %s\n", (unsigned long long)sp->addr, sp->len,
                      gdbspec_kind_name(sp->kind));
            if (gdb_point(&d->g, 1, sp->kind, sp->addr, sp->len, until(deadline), err, errlen) < 0 ||
                mem_value(d, sp->addr, sp->len, &d->wold[i], deadline, err, errlen) < 0)
                return -1;
            continue;
        }
        for (int k = 0; k < sp->nlocs; k++) {
            struct sbuf where = { 0 };
            elfsym_describe(d->elf, sp->locs[k].addr, &where);
            sb_printf(&d->report, "  0x%08llx %s %s\n", (unsigned long long)sp->locs[k].addr,
                      sp->locs[k].inlined ? "inlined " : "out-of-line", sb_str(&where));
            sb_free(&where);
            d->bps[d->nbps++] = sp->locs[k].addr;
        }
    }
    for (int i = 0; d->typed && i < d->nbps; i++)
        if (d->bps[i] == d->kw.sti + 1)
            return errorf(err, errlen, "a break at 0x%08llx is the hlt of the key wait, where the vCPU sleeps "
                          "until each key (harness/run/keywait.h); break before or after it",
                          (unsigned long long)d->bps[i]);
    if (d->typed) {
        d->bps[d->nbps++] = d->kw.sti;
        sb_printf(&d->report, "key wait, where the vCPU is parked before each key (parks are not stops): 0x%08llx %s in %s\n",
                  (unsigned long long)d->kw.sti, KEYWAIT_INLINE, KEYWAIT_FUNCTION);
    }
    qsort(d->bps, (size_t)d->nbps, sizeof(uint64_t), cmp_u64);
    int k = 0;
    for (int i = 0; i < d->nbps; i++)
        if (k == 0 || d->bps[i] != d->bps[k - 1])
            d->bps[k++] = d->bps[i];
    d->nbps = k;
    d->code = xmalloc(sizeof(*d->code) * (size_t)(k + 1));
    for (int i = 0; i < d->nbps; i++) {
        struct bp_code *c = &d->code[i];
        c->n = elfsym_read(d->elf, d->bps[i], c->b, sizeof(c->b));
        c->emulable = emulable(d, d->bps[i], c);
    }
    for (int i = 0; i < d->nbps; i++)
        if (gdb_point(&d->g, 1, GDB_BREAK, d->bps[i], 1, until(deadline), err, errlen) < 0)
            return -1;
    sb_puts(&d->report, "\n");
    return gdb_resume(&d->g, 0, deadline, err, errlen);
}

/* The end of the last line starting ANCHOR_PREFIX in buf[0..n), whose
 * byte 0 is at a line start when `at_line`; 0 when there is none. */
static size_t anchor_end(const char *buf, size_t n, int at_line)
{
    size_t k = strlen(ANCHOR_PREFIX);
    for (size_t i = n; i-- > 0;) {
        if (!(i == 0 ? at_line : buf[i - 1] == '\n') || n - i <= k || memcmp(buf + i, ANCHOR_PREFIX, k))
            continue;
        const char *nl = memchr(buf + i, '\n', n - i);
        if (nl)
            return (size_t)(nl - buf) + 1;
    }
    return 0;
}

/* The stop's place in trace.log; see debug.h. The anchor line is near the
 * end, so the window grows from ANCHOR_FIRST up to ANCHOR_WINDOW bytes. */
static void place(struct debug *d, uint64_t *offset, uint64_t *loglen)
{
    struct stat st;
    *loglen = stat(d->p->trace, &st) == 0 ? (uint64_t)st.st_size : 0;
    *offset = *loglen;
    int fd = d->anchor ? open(d->p->trace, O_RDONLY | O_CLOEXEC) : -1;
    if (fd < 0)
        return;
    char *buf = xmalloc(ANCHOR_WINDOW);
    for (uint64_t want = ANCHOR_FIRST; want <= ANCHOR_WINDOW; want *= 2) {
        uint64_t from = *loglen > want ? *loglen - want : 0;
        if (from < d->last_offset)
            from = d->last_offset;
        ssize_t got = pread(fd, buf, (size_t)(*loglen - from), (off_t)from);
        size_t end = got > 0 ? anchor_end(buf, (size_t)got, from == 0 || from == d->last_offset) : 0;
        if (end) {
            *offset = from + end;
            break;
        }
        if (from == d->last_offset || from == 0)
            break;
    }
    free(buf);
    close(fd);
}

/* " NAME=0x...": the show= items of a stop. */
static int show_items(struct debug *d, const struct gdb_spec *sp, const uint32_t *regs, int inlined,
                      struct sbuf *line, double deadline, char *err, size_t errlen)
{
    for (int i = 0; i < sp->nshow; i++) {
        const struct gdb_item *it = &sp->show[i];
        uint64_t v;
        if (it->kind == ITEM_REG) {
            sb_printf(line, " %s=0x%08x", it->text, regs[it->reg]);
        } else if (it->kind == ITEM_ARG && inlined) {
            sb_printf(line, " %s=inlined", it->text);   /* an inlined copy has no frame */
        } else if (it->kind == ITEM_ARG) {
            if (mem_value(d, (uint64_t)regs[REG_ESP] + 4 + 4 * (uint64_t)it->arg, 4, &v, deadline, err, errlen) < 0)
                return -1;
            sb_printf(line, " %s=0x%08llx", it->text, (unsigned long long)v);
        } else {
            if (mem_value(d, it->addr, it->len, &v, deadline, err, errlen) < 0)
                return -1;
            sb_printf(line, " %s=0x%0*llx", it->text, (int)it->len * 2, (unsigned long long)v);
        }
    }
    return 0;
}

/* The golden line of a stop of spec i at pc. */
static int hit_line(struct debug *d, int i, const uint32_t *regs, struct sbuf *line, double deadline,
                    char *err, size_t errlen)
{
    const struct gdb_spec *sp = &d->s->gdb.v[i];
    uint64_t off, pc = regs[REG_EIP];
    const char *fn = elfsym_function_at(d->elf, pc, &off);
    int k = break_at(sp, pc), inlined = k >= 0 && sp->locs[k].inlined;
    if (sp->kind == GDB_BREAK) {
        sb_printf(line, "gdb: break %s #%d", sp->what, d->hits[i]);
        if (inlined)
            sb_printf(line, " in %s", fn ? fn : "?");
        return show_items(d, sp, regs, inlined, line, deadline, err, errlen);
    }
    uint64_t v;
    if (mem_value(d, sp->addr, sp->len, &v, deadline, err, errlen) < 0)
        return -1;
    int w = (int)sp->len * 2;
    sb_printf(line, "gdb: watch %s %s #%d by %s: ", sp->what, gdbspec_kind_name(sp->kind), d->hits[i], fn ? fn : "?");
    if (sp->kind == GDB_WATCH_WRITE)
        sb_printf(line, "0x%0*llx -> ", w, (unsigned long long)d->wold[i]);
    sb_printf(line, "0x%0*llx", w, (unsigned long long)v);
    d->wold[i] = v;
    if (sp->addr == d->s->trace_base + TRACEDEV_REG_MARK && sp->len == 4) {
        struct sbuf m = { 0 };
        uint64_t data = 0;      /* a CHECK carries the DATA register, written just before */
        if (TRACEDEV_MARK_KIND((uint32_t)v) == TRACE_KIND_CHECK &&
            mem_value(d, d->s->trace_base + TRACEDEV_REG_DATA, 4, &data, deadline, err, errlen) < 0)
            return -1;
        trace_marker_text((uint32_t)v, (uint32_t)data, &m);
        sb_printf(line, " (%s)", m.p + 3);      /* without "== " */
        sb_free(&m);
    }
    return show_items(d, sp, regs, 0, line, deadline, err, errlen);
}

static void record(struct debug *d, int i, const uint32_t *regs, const char *line, uint64_t offset,
                   uint64_t loglen)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 64;
        d->v = xrealloc(d->v, (size_t)d->cap * sizeof(*d->v));
    }
    d->v[d->n++] = (struct debug_hit){ .offset = offset, .loglen = loglen, .line = xstrdup(line) };
    d->last_offset = offset;
    const struct gdb_spec *sp = &d->s->gdb.v[i];
    uint64_t off;
    const char *fn = elfsym_function_at(d->elf, regs[REG_EIP], &off);
    struct sbuf where = { 0 };
    elfsym_describe(d->elf, regs[REG_EIP], &where);
    sb_printf(&d->report, "stop %d: %s = %s (%s:%d), hit %d\n", d->n, sp->kind == GDB_BREAK ? "break" : "watch",
              sp->what, d->s->file, sp->line, d->hits[i]);
    sb_printf(&d->report, "  pc 0x%08x %s+0x%llx %s\n", regs[REG_EIP], fn ? fn : "?", (unsigned long long)off,
              sb_str(&where));
    sb_printf(&d->report, "  trace.log offset %llu (log length at the stop %llu)\n", (unsigned long long)offset,
              (unsigned long long)loglen);
    sb_puts(&d->report, " ");
    for (int r = 0; r < REG_COUNT; r++)
        sb_printf(&d->report, " %s=0x%08x", gdb_reg_names[r], regs[r]);
    sb_printf(&d->report, "\n  %s\n\n", line);
    sb_free(&where);
}

/* Record the hits of a stop: the watch that fired, or every break at pc. */
static int hits_of(struct debug *d, const struct gdb_stop *st, const uint32_t *regs, double deadline,
                   char *err, size_t errlen)
{
    const struct gdb_specs *g = &d->s->gdb;
    uint64_t offset = 0, loglen = 0;
    int placed = 0;
    for (int i = 0; i < g->n; i++) {
        const struct gdb_spec *sp = &g->v[i];
        int hit = st->watch ? sp->kind != GDB_BREAK && sp->addr == st->waddr : break_at(sp, regs[REG_EIP]) >= 0;
        if (!hit)
            continue;
        if (!placed++)
            place(d, &offset, &loglen);
        d->hits[i]++;
        struct sbuf line = { 0 };
        int rc = hit_line(d, i, regs, &line, deadline, err, errlen);
        if (rc == 0)
            record(d, i, regs, line.p, offset, loglen);
        sb_free(&line);
        if (rc < 0)
            return -1;
        if (st->watch)
            break;              /* one watchpoint fired */
    }
    return 0;
}

/* The registers of the debug names, in the encoding order of x86insn.h. */
static const enum gdb_reg gpr_reg[X86_NGPR] = {
    [X86_EAX] = REG_EAX, [X86_ECX] = REG_ECX, [X86_EDX] = REG_EDX, [X86_EBX] = REG_EBX,
    [X86_ESP] = REG_ESP, [X86_EBP] = REG_EBP, [X86_ESI] = REG_ESI, [X86_EDI] = REG_EDI,
};

/* Step over the breakpoint at regs' EIP without a second VM stop: carry
 * its instruction out on the registers and write back what changed (P).
 * Each vCPU stop costs QEMU a tb_flush and the code after it is translated
 * again, so this halves a break's cost. 1 done, 2 done and the vCPU
 * resumed, 0 not possible here (not emulable, or the stub has no P, before
 * anything was written), -1. */
static int emulate_over(struct debug *d, const uint32_t *regs, double deadline, char *err, size_t errlen)
{
    int i = bp_index(d, regs[REG_EIP]);
    if (i < 0 || !d->code[i].emulable || d->g.no_set_reg)
        return 0;
    struct x86_regs r = { .eip = regs[REG_EIP], .eflags = regs[REG_EFLAGS] };
    for (int k = 0; k < X86_NGPR; k++)
        r.gpr[k] = regs[gpr_reg[k]];
    if (x86_emulate_regs(d->code[i].b, d->code[i].n, &r) == 0)
        return 0;
    enum gdb_reg which[REG_COUNT] = { REG_EIP };
    uint32_t value[REG_COUNT] = { r.eip };
    int n = 1;
    for (int k = 0; k < X86_NGPR; k++)
        if (r.gpr[k] != regs[gpr_reg[k]])
            which[n] = gpr_reg[k], value[n++] = r.gpr[k];
    if (r.eflags != regs[REG_EFLAGS])
        which[n] = REG_EFLAGS, value[n++] = r.eflags;
    int rc = gdb_set_regs(&d->g, n, which, value, 1, until(deadline), err, errlen);
    d->emulated += rc > 0;
    return rc;
}

/* Single-step off breakpoint address pc. QEMU lets a single step pass its
 * own breakpoints (accel/tcg/cpu-exec.c, check_for_breakpoints: "Singlestep
 * overrides breakpoints"), which saves two packets per stop. EIP is read
 * after every step: a REP string instruction does one iteration per step
 * and a branch may go to itself, and QEMU's stub may answer a step at
 * once, the instruction not carried out (docs/debugging.md, "Counted as
 * gdb counts"). While EIP is still pc, the breakpoint is removed around
 * the next step, as gdb does, at most GDB_STEP_TRIES steps in all.
 * 1 and *st the step's stop, or -1. */
static int step_over(struct debug *d, uint64_t pc, struct gdb_stop *st, double deadline, char *err, size_t errlen)
{
    uint32_t regs[REG_COUNT];
    for (int tries = 0; tries < GDB_STEP_TRIES; tries++) {
        int lifted = tries > 0;
        if (lifted && gdb_point(&d->g, 0, GDB_BREAK, pc, 1, until(deadline), err, errlen) < 0)
            return -1;
        if (gdb_resume(&d->g, 1, deadline, err, errlen) < 0)
            return -1;
        int got = gdb_stop(&d->g, st, until(deadline), err, errlen);
        if (got == 0)
            snprintf(err, errlen, "gdb stub: a single step at 0x%08llx did not stop within %.0f s (GDB_REPLY_TIMEOUT_S)",
                     (unsigned long long)pc, GDB_REPLY_TIMEOUT_S);
        if (got <= 0)
            return -1;
        if (lifted && gdb_point(&d->g, 1, GDB_BREAK, pc, 1, until(deadline), err, errlen) < 0)
            return -1;
        if (st->sig == 'W' || st->sig == 'X' || st->watch)
            return 1;
        if (gdb_regs(&d->g, regs, until(deadline), err, errlen) < 0)
            return -1;
        if (regs[REG_EIP] != pc)
            return 1;
        d->stayed++;
    }
    const struct gdb_spec *sp = d->s->gdb.v;     /* the break at pc (step_over runs on one) */
    while (sp < d->s->gdb.v + d->s->gdb.n - 1 && break_at(sp, pc) < 0)
        sp++;
    snprintf(err, errlen,
             "%s:%d: break = %s: gdb stub: %d single steps did not leave 0x%08llx (GDB_STEP_TRIES); a REP "
             "string instruction there repeats once per step: break after it",
             d->s->file, sp->line, sp->what, GDB_STEP_TRIES, (unsigned long long)pc);
    return -1;
}

/* A stop at the key wait's sti is a park, with the markers the log holds
 * now (the vCPU wrote them before it stopped); any other stop ends one. */
static void park_or_not(struct debug *d, const struct gdb_stop *st, uint64_t pc)
{
    if (!d->typed || st->watch || pc != d->kw.sti) {
        keywait_unpark(&d->kw);
        return;
    }
    logfollow_poll(d->follow);
    keywait_park(&d->kw, d->follow->ready, d->follow->acks);
    d->parks++;
}

/* Handle one stop and resume: a breakpoint's own address is stepped over
 * (QEMU would stop there again at once). */
static int on_stop(struct debug *d, struct gdb_stop *st, double deadline, char *err, size_t errlen)
{
    uint32_t regs[REG_COUNT];
    for (int steps = 0;; steps++) {
        if (st->sig == 'W' || st->sig == 'X') {
            d->ended = 1;
            return 0;
        }
        if (gdb_regs(&d->g, regs, until(deadline), err, errlen) < 0)
            return -1;
        if (steps == 0)
            park_or_not(d, st, regs[REG_EIP]);
        if (hits_of(d, st, regs, deadline, err, errlen) < 0)
            return -1;
        if (steps > 0 || st->watch || !has_bp(d, regs[REG_EIP]))
            break;
        int done = emulate_over(d, regs, deadline, err, errlen);
        if (done < 0)
            return -1;
        if (done == 2)
            return 0;           /* resumed with the registers */
        if (done)
            break;
        if (step_over(d, regs[REG_EIP], st, deadline, err, errlen) < 0)
            return -1;
        if (st->sig == 'W' || st->sig == 'X') {
            d->ended = 1;
            return 0;
        }
        if (!st->watch)
            break;              /* the step itself hit nothing */
    }
    if (gdb_resume(&d->g, 0, deadline, err, errlen) < 0)
        return -1;
    /* parked: a key may go next, once the VM runs */
    return d->kw.parked ? gdb_settle(&d->g, until(deadline), err, errlen) : 0;
}

/* The stub closed: QEMU ending (fine), or the stub gone while QEMU runs. */
static int lost(struct debug *d, struct live *lv, int quitting, const char *err)
{
    double t = now_s() + LOST_GRACE_S;
    while (!quitting && !qemu_exited(d->pid) && now_s() < t)
        sleep_s(0.005);
    d->ended = 1;
    if (quitting || qemu_exited(d->pid))
        return 0;
    sb_printf(&lv->problem, "%s while QEMU still runs (after %d stops); QEMU killed", err, d->n);
    lv->problem_error = 1;
    return -1;
}

int debug_act(struct debug *d, struct live *lv, int quitting, double deadline)
{
    char err[512] = "";
    if (d->ended)
        return 0;
    if (!d->up) {
        if (!d->elf && !(d->elf = elfsym_open(d->cfg->kernel, err, sizeof(err)))) {
            sb_printf(&lv->problem, "%s", err);
            lv->problem_error = 1;
            return -1;
        }
        if (gdb_connect(&d->g, d->p->sock[SOCK_GDB], d->pid, deadline, err, sizeof(err)) < 0) {
            if (d->g.lost)
                return d->ended = 1, 0;         /* QEMU is gone: its status tells why */
            sb_printf(&lv->problem, "%s", err);
            lv->problem_error = 1;
            return -1;
        }
        d->up = 1;
        if (d->typed && keywait_find(d->elf, d->cfg->kernel, &d->kw, err, sizeof(err)) < 0) {
            sb_printf(&lv->problem, "%s", err);
            lv->problem_error = 1;
            return -1;
        }
        if (setup(d, deadline, err, sizeof(err)) < 0)
            return d->g.lost ? lost(d, lv, quitting, err) : (sb_printf(&lv->problem, "%s", err), lv->problem_error = 1, -1);
    }
    for (;;) {
        struct gdb_stop st;
        int got = gdb_stop(&d->g, &st, 0, err, sizeof(err));
        if (got == 0)
            return 0;
        if (got > 0 && on_stop(d, &st, deadline, err, sizeof(err)) == 0) {
            if (d->ended)
                return 0;
            continue;
        }
        if (d->g.lost)
            return lost(d, lv, quitting, err);
        sb_printf(&lv->problem, "%s", err);
        lv->problem_error = 1;
        return -1;
    }
}

int debug_may_type(const struct debug *d, unsigned acks_due)
{
    return d->up && !d->ended && keywait_may_type(&d->kw, acks_due);
}

void debug_typed(struct debug *d, unsigned acks) { keywait_typed(&d->kw, acks); }

void debug_wait(struct debug *d, int ino, double max_s)
{
    struct pollfd p[2] = { { d->g.fd, POLLIN, 0 }, { ino, POLLIN, 0 } };
    int ms = (int)(max_s * 1000);
    int n = d->up && !d->ended ? 1 : 0;
    if (ino >= 0)
        p[n++] = (struct pollfd){ ino, POLLIN, 0 };
    if (n == 0) {
        sleep_s(max_s);
        return;
    }
    if (poll(p, (nfds_t)n, ms > 0 ? ms : 1) > 0 && ino >= 0 && (p[n - 1].revents & POLLIN)) {
        char buf[4096];
        while (read(ino, buf, sizeof(buf)) > 0)
            ;
    }
}

void debug_finish(struct debug *d, struct live *lv)
{
    char err[512];
    gdb_close(&d->g);
    if (!d->report.len)
        sb_printf(&d->report, "gdb stops of %s: the stub was never set up\n", d->s->name);
    if (d->typed)
        sb_printf(&d->report, "%d parks at the key wait\n", d->parks);
    sb_printf(&d->report, "%d stops\n", d->n);
    sb_printf(&d->report, "%d steps over a breakpoint done in the harness (registers only, no vCPU stop)\n",
              d->emulated);
    sb_printf(&d->report, "%d single steps by the vCPU that left EIP at the breakpoint (stepped again)\n", d->stayed);
    if (write_file(d->p->gdb_report, d->report.p, d->report.len, err, sizeof(err)) < 0 && !lv->problem.len) {
        sb_printf(&lv->problem, "%s", err);
        lv->problem_error = 1;
    }
    lv->gdb_lines = xmalloc(sizeof(*lv->gdb_lines) * (size_t)(d->n + 1));
    for (int i = 0; i < d->n; i++)
        lv->gdb_lines[i] = (struct trace_insert){ .offset = d->v[i].offset, .text = d->v[i].line };
    lv->ngdb_lines = d->n;
    lv->gdb_hits = d->hits;
    free(d->v);
    free(d->bps);
    free(d->code);
    free(d->wold);
    sb_free(&d->report);
    elfsym_close(d->elf);
    memset(d, 0, sizeof(*d));
}

void debug_free_live(struct live *lv)
{
    for (int i = 0; i < lv->ngdb_lines; i++)
        free((char *)lv->gdb_lines[i].text);
    free(lv->gdb_lines);
    free(lv->gdb_hits);
    lv->gdb_lines = NULL;
    lv->gdb_hits = NULL;
    lv->ngdb_lines = 0;
}
