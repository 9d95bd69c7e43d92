# libFuzzer targets for the harness's parsers, built with clang.
# Included by the top Makefile (BUILD, DEPS_OK) after harness/harness.mk
# (HARNESS_LIB_SRCS, HARNESS_LIBS).
#
#   make fuzz                  run each target for FUZZ_SECONDS (default 60)
#   make fuzz FUZZ=trace FUZZ_SECONDS=600
#   make fuzz-smoke            the committed corpus plus a short bounded pass
#                              (part of `make test`)
#
# fuzz/fuzz_NAME.c is linked with the harness library, built from
# HARNESS_LIB_SRCS with the fuzzers' flags into $(BUILD)/fuzz/libharness.a
# (only the objects a target needs are linked in). Seeds live in
# fuzz/corpus/NAME/ (committed, never written); what a run finds goes to
# $(BUILD)/fuzz/corpus/NAME/, crashes to $(BUILD)/fuzz/NAME-crash-*;
# reproduce with `$(BUILD)/fuzz/fuzz_NAME FILE`.

FUZZ_CC      ?= clang
FUZZ_SAN     := address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS  := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 -I. -Iinclude \
                -Wall -Wextra -Werror -MMD -MP
FUZZ_OBJ     := $(BUILD)/fuzz/obj
FUZZ_LIB     := $(BUILD)/fuzz/libharness.a
FUZZ_LIB_OBJS := $(patsubst %.c,$(FUZZ_OBJ)/%.o,$(HARNESS_LIB_SRCS))
FUZZ_ALL     := trace scenario keys decode
FUZZ         ?= $(FUZZ_ALL)
FUZZ_SECONDS ?= 60
FUZZ_OPTS    := -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
FUZZ_SMOKE   := -runs=3000 -max_total_time=20

# The library's objects: instrumented for coverage, without libFuzzer's main.
$(FUZZ_OBJ)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,$(FUZZ_SAN) -c $< -o $@

$(FUZZ_LIB): $(FUZZ_LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $(FUZZ_LIB_OBJS)

$(BUILD)/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_LIB) | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SAN) -o $@ $< $(FUZZ_LIB) $(HARNESS_LIBS)

FUZZ_BINS := $(addprefix $(BUILD)/fuzz/fuzz_,$(FUZZ))

.PHONY: fuzz fuzz-smoke fuzz-build
fuzz-build: $(FUZZ_BINS)

# Each target for FUZZ_SECONDS, growing its working corpus from the seeds.
fuzz: $(FUZZ_BINS)
	@for t in $(FUZZ); do \
	    mkdir -p $(BUILD)/fuzz/corpus/$$t; \
	    echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
	    $(BUILD)/fuzz/fuzz_$$t $(FUZZ_OPTS) -max_total_time=$(FUZZ_SECONDS) \
	        -artifact_prefix=$(BUILD)/fuzz/$$t- $(BUILD)/fuzz/corpus/$$t fuzz/corpus/$$t \
	        2>$(BUILD)/fuzz/$$t.log || { tail -40 $(BUILD)/fuzz/$$t.log >&2; \
	        echo "fuzz: $$t FAILED; input saved as $(BUILD)/fuzz/$$t-{crash,leak,timeout,oom}-*; log $(BUILD)/fuzz/$$t.log" >&2; exit 1; }; \
	    grep -E '^stat::number_of_executed_units|^Done' $(BUILD)/fuzz/$$t.log | tr '\n' ' '; echo; \
	done

# The committed seeds, then a short bounded pass from them (cannot hang:
# -runs and -max_total_time both bound it; -timeout bounds one input).
fuzz-smoke: $(FUZZ_BINS)
	@for t in $(FUZZ); do \
	    rm -rf $(BUILD)/fuzz/smoke/$$t; mkdir -p $(BUILD)/fuzz/smoke/$$t; \
	    $(BUILD)/fuzz/fuzz_$$t $(FUZZ_OPTS) $(FUZZ_SMOKE) -artifact_prefix=$(BUILD)/fuzz/$$t- \
	        $(BUILD)/fuzz/smoke/$$t fuzz/corpus/$$t 2>$(BUILD)/fuzz/smoke-$$t.log \
	    || { tail -40 $(BUILD)/fuzz/smoke-$$t.log >&2; \
	        echo "fuzz-smoke: $$t FAILED; input saved as $(BUILD)/fuzz/$$t-{crash,leak,timeout,oom}-*" >&2; exit 1; }; \
	    echo "fuzz-smoke: $$t ok ($$(ls fuzz/corpus/$$t | wc -l) seeds, $$(sed -n 's/^stat::number_of_executed_units: //p' $(BUILD)/fuzz/smoke-$$t.log) runs)"; \
	done

test: fuzz-smoke

-include $(FUZZ_LIB_OBJS:.o=.d) $(patsubst %,$(BUILD)/fuzz/fuzz_%.d,$(FUZZ_ALL))
