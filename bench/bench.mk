# `make bench`: harness overhead per scenario against a bare QEMU boot, the
# trace normalizer's throughput, and the suite with -j1 against -j = cores,
# on each QEMU of the QEMU= choice (Debian 12: 7.2 and 10.0), then the
# per-scenario cost of each QEMU against the first's.
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
	@$(QEMU_ALL) echo $(BENCH) $(HARNESS) $(KERNEL) tests/scenarios $(BUILD) $(BENCH_RUNS) $$qs; \
	BENCH_ONLY=$(BENCH_ONLY) $(BENCH) $(HARNESS) $(KERNEL) tests/scenarios $(BUILD) $(BENCH_RUNS) $$qs

-include $(BENCH).d
