/* Inside the judge: the run's texts and the stages that judge.c runs in
 * order. Not for use outside harness/judge/. */
#ifndef HARNESS_JUDGE_PARTS_H
#define HARNESS_JUDGE_PARTS_H

#include "harness/judge/judge.h"
#include "harness/lib/trace.h"

#define TAIL_TRACE   5
#define TAIL_SERIAL 10
/* What a blessing run that wrote nothing says: its reason's suffix, or the
 * start of the reason when writing itself failed. */
#define GOLDENS_NOT_WRITTEN "goldens not written"

/* The run's texts, read once. */
struct texts {
    struct sbuf log, serial;
    struct sbuf masked;     /* serial with register dumps masked: goldens */
    struct trace_out tr;
};

/* Append the last n lines of text, indented, under `title`. */
void judge_tail(struct sbuf *out, const char *title, const char *text, size_t len, int n);
/* The serial text from the first "exception:" or "panic:" line on, else
 * its last lines. */
void judge_crash_dump(const struct texts *t, struct sbuf *out);

/* outcome.c: how QEMU ended, in the terms of enum expect. */
enum outcome { OUT_PASS, OUT_FAIL, OUT_CRASH, OUT_TRIPLE, OUT_OTHER };
enum outcome judge_outcome_of(const struct live *lv);
/* The outcome differs from `expect` (or QEMU ended abnormally): classify. */
void judge_unexpected(const struct judge_job *j, const struct live *lv, const struct texts *t,
                      enum outcome o, struct result *r);

/* oracles.c: the scenario's oracles in table order; the first that
 * disagrees sets r (FAIL). Returns 0 when all agree. */
int judge_oracles(const struct judge_job *j, const struct live *lv, const struct texts *t,
                  struct result *r);

/* gdbhits.c: every gdb stop the scenario asked for was reached, unless it
 * is optional; else r is set (FAIL) and -1 returned. */
int judge_gdb_hits(const struct judge_job *j, const struct live *lv, struct result *r);

/* goldens.c: compare with the goldens, or write them when blessing. */
void judge_goldens(const struct judge_job *j, const struct texts *t, struct result *r);

/* explain.c: what every FAIL, GUEST-FAIL and TIMEOUT shows, whatever
 * decided it: the first trace line that differs from the golden (decoded),
 * the serial tail and the kept artifacts, each unless r's detail has it. */
void judge_show_cause(const struct judge_job *j, const struct texts *t, struct result *r);

#endif
