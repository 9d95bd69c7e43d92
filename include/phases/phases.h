/* The command-line words that run a phase. Each phase is bracketed on the
 * trace device by BEGIN and END markers; what a phase does in between
 * (printing, CHECK markers) is its own. To add a word: parse it in
 * lib/cmdline.c, give it a TRACE_PHASE_* in abi/tracedev.h, write its body
 * in kernel/phases/NAME.c, and add its row to phases.c's table. */
#ifndef PHASES_PHASES_H
#define PHASES_PHASES_H

#include "lib/cmdline.h"

/* Run one parsed word; 0 when it passed. Words that are not phases (exit,
 * trace=) pass; a bad word prints its reason and fails. */
int phase_run(const struct cmd *c);

#endif
