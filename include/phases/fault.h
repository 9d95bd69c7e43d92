/* Deliberate CPU faults, so that the harness's crash reporting is tested. */
#ifndef PHASES_FAULT_H
#define PHASES_FAULT_H

#include "lib/cmdline.h"

/* The `fault=KIND` word: raise the fault. Returns (END status 1) only if the
 * CPU did not fault, which is a kernel bug. */
unsigned fault_phase(enum fault_kind kind);

#endif
