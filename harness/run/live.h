/* Inside the runner: QEMU's run from spawn to reap, answering the guest
 * meanwhile (typed keys after each ACK, query-pci after the VERDICT). */
#ifndef HARNESS_RUN_LIVE_H
#define HARNESS_RUN_LIVE_H

#include "harness/judge/judge.h"
#include "harness/run/run.h"

/* Start QEMU for s and follow it until it ends, the timeout passes (it is
 * killed) or an interaction fails; *lv says what happened. 0, or -1 with r
 * set (ERROR) when QEMU could not be started. */
int live_run(const struct config *cfg, const struct scenario *s, const struct paths *p,
             struct live *lv, struct result *r);

#endif
