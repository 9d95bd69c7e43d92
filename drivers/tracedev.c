/* Trace device driver: each call is one (CHECK: two) 32-bit MMIO writes. */
#include "kernel/io.h"
#include "drivers/tracedev.h"

static uintptr_t trace_base = TRACEDEV_DEFAULT_BASE;

void tracedev_init(uintptr_t base)
{
    trace_base = base;
}

static void trace_mark(enum trace_kind kind, enum trace_phase phase, unsigned arg)
{
    mmio_write32(trace_base + TRACEDEV_REG_MARK, TRACEDEV_MARK(kind, phase, arg));
}

void trace_begin(enum trace_phase phase) { trace_mark(TRACE_KIND_BEGIN, phase, 0); }
void trace_end(enum trace_phase phase, unsigned status) { trace_mark(TRACE_KIND_END, phase, status); }
void trace_ready(enum trace_phase phase) { trace_mark(TRACE_KIND_READY, phase, 0); }
void trace_ack(enum trace_phase phase, unsigned count) { trace_mark(TRACE_KIND_ACK, phase, count); }
void trace_verdict(int pass) { trace_mark(TRACE_KIND_VERDICT, TRACE_PHASE_RUN, pass ? 0 : 1); }

void trace_check(enum trace_phase phase, unsigned tag, uint32_t value)
{
    mmio_write32(trace_base + TRACEDEV_REG_DATA, value);
    trace_mark(TRACE_KIND_CHECK, phase, tag);
}
