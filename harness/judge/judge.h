/* The judge: everything decided about a run once QEMU has ended; classify
 * the outcome against `expect`, run the scenario's oracles, compare the
 * trace and serial with (or, when blessing, write) the goldens. Also the
 * goldens' check before QEMU starts.
 *
 * The runner (harness/run/) calls the judge through this header only; the
 * judge calls nothing of the runner. */
#ifndef HARNESS_JUDGE_JUDGE_H
#define HARNESS_JUDGE_JUDGE_H

#include <jansson.h>
#include "harness/lib/paths.h"
#include "harness/lib/result.h"
#include "harness/lib/scenario.h"
#include "harness/lib/trace.h"

/* What happened while QEMU ran, as the runner saw it. */
struct live {
    int status;             /* waitpid status */
    int killed;             /* the harness killed it (timeout, QMP problem): its status is no outcome */
    int timed_out, quit_sent;
    int keys_sent;
    unsigned acks_due;      /* ACKs the guest owes for the events sent (key_event.acks) */
    int ready, acks, verdict;   /* markers seen; verdict -1 when none */
    json_t *pci;            /* query-pci answer, or NULL */
    struct sbuf problem;    /* harness-side interaction failure (QMP ...) */
    int problem_error;      /* `problem` is a setup failure (the gdb stub): ERROR, not FAIL */
    /* gdb stops (harness/run/debug.c): their trace lines in log order, and
     * the hits of each of the scenario's gdb specs (NULL without any). */
    struct trace_insert *gdb_lines;
    int ngdb_lines;
    int *gdb_hits;
};

/* One run to judge. */
struct judge_job {
    const struct scenario *s;
    const struct paths *p;
    const struct trace_rules *rules;    /* the QEMU version's log format */
    const char *kernel;     /* the kernel booted, for messages */
    int bless;              /* write the goldens instead of comparing */
    int compare;            /* neither: QEMUs are compared with each other (--compare-qemu) */
    /* When this QEMU has no golden set of its own: which QEMU's goldens
     * these are and how to bless a set for this one (shown on a
     * mismatch); NULL otherwise. */
    const char *golden_note;
    const char *golden_from;    /* with golden_note: "QEMU 10.0" */
    const char *bless_cmd;      /* struct config's: the command up to the scenario's name */
};

/* Before QEMU runs: unless blessing, both goldens exist and are well
 * formed. 0, or -1 with r set (ERROR). */
int judge_goldens_ready(const struct judge_job *j, struct result *r);

/* After QEMU ended: read the run's logs, write actual.trace and
 * actual.serial, and set r's class, reason and details. */
void judge_outcome(const struct judge_job *j, const struct live *lv, struct result *r);

#endif
