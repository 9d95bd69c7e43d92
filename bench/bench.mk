# `make bench`: harness overhead per scenario against a bare QEMU boot, the
# trace normalizer's throughput, and the suite with -j1 against -j = cores.
# Included by the top Makefile. BENCH_RUNS (default 5) runs per number, median.
# Uses the optimized $(HARNESS), never the sanitizer build. BENCH_ONLY=gdb:
# only the gdb scenarios against themselves without stops; BENCH_ONLY=normalizer:
# only the normalizer's and the decoder's throughput.

BENCH      := $(BUILD)/bench/bench
BENCH_RUNS ?= 5
BENCH_ONLY ?=

$(BENCH): bench/bench.c $(HARNESS_LIB) | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -MMD -MP -o $@ bench/bench.c $(HARNESS_LIB) $(HARNESS_LIBS)

.PHONY: bench
bench: $(BENCH) $(HARNESS) $(KERNEL)
	$(BENCH) $(HARNESS) $(KERNEL) tests/scenarios $(BUILD) $(QEMU) $(BENCH_RUNS) $(BENCH_ONLY)

-include $(BENCH).d
