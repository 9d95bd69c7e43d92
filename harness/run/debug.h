/* Inside the live loop: a scenario's `break =` and `watch =` stops through
 * QEMU's gdb stub. QEMU starts paused (-S) with its stub on the run's gdb
 * socket; the harness connects, inserts the breakpoints and watchpoints,
 * and resumes the vCPU. At each stop it records the hit (its trace line,
 * placed where the vCPU stopped among the device events; the registers and
 * source line in BUILD/runs/NAME/gdb.txt), steps over a breakpoint and
 * resumes again.
 *
 * Where a stop goes in the trace: QEMU writes its gdbstub_hit_* trace line
 * (traced with -trace gdbstub_hit_*) after the vCPU has stopped and before
 * it sends the stop reply, so when the reply arrives the log holds every
 * line of the vCPU up to the stop. The harness then takes the log's length,
 * and the stop's place is the end of the last gdbstub_hit_ line before that
 * length: lines that the main thread writes between the reply and the look
 * (a block drain of the stop) stay after the stop. Without that event (an
 * older QEMU) the place is the length itself.
 *
 * In a typed run the vCPU also stops at the kernel's wait for a key, and a
 * key is sent only while it is parked there (harness/run/keywait.h). */
#ifndef HARNESS_RUN_DEBUG_H
#define HARNESS_RUN_DEBUG_H

#include <sys/types.h>
#include "harness/judge/judge.h"
#include "harness/lib/elfsym.h"
#include "harness/run/keywait.h"
#include "harness/run/run.h"
#include "harness/vmm/gdb.h"
#include "harness/vmm/logfollow.h"

struct debug_hit {
    uint64_t offset, loglen;    /* its place in trace.log; the log's length at the stop */
    char *line;                 /* "gdb: break i8042_irq #3" */
};

struct bp_code {
    uint8_t b[15];              /* the longest x86 instruction */
    size_t n;
    int emulable;               /* x86_emulate_regs carries it out, and no sti or ss load precedes it */
};

struct debug {
    const struct config *cfg;
    const struct scenario *s;
    const struct paths *p;
    pid_t pid;
    struct elfsym *elf;
    struct gdb g;
    int up, ended, anchor;
    uint64_t *bps;              /* the breakpoint addresses inserted, sorted, once each */
    struct bp_code *code;       /* per bps[]: the kernel's bytes there, for the step over it */
    int emulated;               /* steps done in the harness (x86_emulate_regs), not by the vCPU */
    int stayed;                 /* vCPU steps that left EIP at the breakpoint */
    int nbps;
    uint64_t *wold;             /* per spec: a watch's value at its last stop */
    int *hits;                  /* per spec */
    struct debug_hit *v;
    int n, cap;
    uint64_t last_offset;
    struct sbuf report;         /* gdb.txt */
    int typed;                  /* the scenario types keys: park at the key wait */
    struct keywait kw;
    int parks;                  /* stops at the key wait */
    struct logfollow *follow;   /* the run's log, for the markers at a park */
};

/* Does s stop the vCPU through the gdb stub? */
int debug_wanted(const struct scenario *s);

/* QEMU's words for the stub: -S, the chardev on the run's gdb socket,
 * -gdb, and the trace event that places stops (when this QEMU has it). */
void debug_qemu_words(const struct config *cfg, const struct paths *p, struct strv *io);

void debug_init(struct debug *d, const struct config *cfg, const struct scenario *s,
                const struct paths *p, pid_t pid, struct logfollow *follow);

/* One look: connect and set up the first time, then handle every stop
 * that has arrived. 0, or -1 with lv->problem set (and lv->problem_error
 * when the stub is unreachable or gone while QEMU runs). `quitting`: the
 * harness asked QEMU to quit, so a closed stub is no error. */
int debug_act(struct debug *d, struct live *lv, int quitting, double deadline);

/* A typed run: may the next key go now (keywait_may_type)? And: it went. */
int debug_may_type(const struct debug *d, unsigned acks_due);
void debug_typed(struct debug *d, unsigned acks);

/* Sleep until the stub or the inotify descriptor `ino` (-1: none) has
 * something, or max_s passes. */
void debug_wait(struct debug *d, int ino, double max_s);

/* After QEMU ended: write gdb.txt, hand the trace lines and hit counts to lv. */
void debug_finish(struct debug *d, struct live *lv);

/* Free what debug_finish handed to lv. */
void debug_free_live(struct live *lv);

#endif
