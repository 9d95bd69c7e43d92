# `make bench`: harness overhead per scenario against a bare QEMU boot, the
# trace normalizer's throughput, and the suite with -j1 against -j = cores.
# Included by the top Makefile. BENCH_RUNS (default 5) runs per number, median.
# Uses the optimized $(HARNESS), never the sanitizer build.

BENCH      := $(BUILD)/bench/bench
BENCH_RUNS ?= 5
BENCH_SRCS := bench/bench.c harness/machine.c harness/scenario.c harness/keys.c harness/disk.c \
              $(HARNESS_CMDLINE_SRCS) harness/trace.c harness/util.c

$(BENCH): $(BENCH_SRCS) $(HARNESS_HDRS) | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ $(BENCH_SRCS)

.PHONY: bench
bench: $(BENCH) $(HARNESS) $(KERNEL)
	$(BENCH) $(HARNESS) $(KERNEL) tests/scenarios $(BUILD) $(QEMU) $(BENCH_RUNS)
