/* The files a scenario's run leaves for the harness's parent process:
 * build/runs/NAME/report.txt (the printed lines) and result.json (class,
 * reason, detail, time: what the TAP and JUnit reports are made from). */
#ifndef RESULTS_H
#define RESULTS_H

#include "harness/lib/scenario.h"
#include "harness/run/run.h"

/* In the worker: write both files. 0, or -1 with err. */
int results_write(const struct config *cfg, const struct scenario *s, const struct result *r,
                  char *err, size_t errlen);
/* Before a run: remove the files of an earlier one (report.txt, result.json,
 * serial.log, trace.log, actual.trace, actual.serial), so that nothing stale
 * is reported for this one. */
void results_remove(const struct config *cfg, const struct scenario *s);
/* The time the last run of s took (its result.json), or -1 when there is
 * none: the pool starts long scenarios first. */
double results_last_secs(const struct config *cfg, const struct scenario *s);
/* Print report.txt; `finished` 0 (or no file): the worker died. */
void results_print(const struct config *cfg, const struct scenario *s, int finished);
/* Write the TAP and JUnit reports (path NULL: not asked) for the selected scenarios;
 * classes[i] < 0: that worker did not finish. 0, or -1 after a message. */
int results_ci_reports(const struct config *cfg, const char *tap, const char *junit,
                       const struct scenario_set *set, const int *sel, int n, const int *classes);

#endif
