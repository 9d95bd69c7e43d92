/* Deliberate CPU faults, so that the harness's crash reporting is tested. */
#ifndef FAULT_H
#define FAULT_H

#include "lib/cmdline.h"

/* Raise the fault; returns only if the CPU did not fault (a kernel bug). */
void fault_raise(enum fault_kind kind);

#endif
