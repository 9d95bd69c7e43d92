/* Trace device driver: writes marker words (encoded as abi/tracedev.h says)
 * to the MARK register at the base set by tracedev_init(). */
#ifndef DRIVERS_TRACEDEV_H
#define DRIVERS_TRACEDEV_H

#include <stdint.h>
#include "abi/tracedev.h"

void tracedev_init(uintptr_t base);
void trace_begin(enum trace_phase phase);
void trace_end(enum trace_phase phase, unsigned status);
void trace_check(enum trace_phase phase, unsigned tag, uint32_t value);
void trace_ready(enum trace_phase phase);
void trace_ack(enum trace_phase phase, unsigned count);
void trace_verdict(int pass);

#endif
