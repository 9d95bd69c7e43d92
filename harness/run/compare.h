/* --compare-qemu: the selected scenarios on two QEMUs, and what changed
 * between them: per scenario "same" or its differences (trace lines
 * grouped by event and kind, serial, outcome and oracles), the event
 * renames the profile table applied, and the changes over the whole
 * selection; as text on stdout and, when asked, as JSON. Goldens are not
 * read: each QEMU's run is judged by its outcome and oracles only. */
#ifndef HARNESS_RUN_COMPARE_H
#define HARNESS_RUN_COMPARE_H

#include "harness/run/run.h"

/* Exit statuses beyond a scenario's class. */
#define COMPARE_SAME     0
#define COMPARE_DIFFERED 1

/* a and b are probed configs with build directories of their own (and
 * compare set). Runs both pools, prints the report, writes JSON to
 * json_path unless NULL. Returns COMPARE_SAME, COMPARE_DIFFERED, the
 * highest class of a scenario that failed alike on both QEMUs when that is
 * higher (nothing was compared there), R_ERROR when the JSON cannot be
 * written, or 128 + the stop signal. */
int compare_qemus(const struct config *a, const struct config *b, const struct scenario_set *set,
                  const int *sel, int n, int jobs, int repeat, const char *json_path);

#endif
