# Host harness: $(HARNESS) from harness/*.c, linked with jansson.
# Included by the top Makefile (BUILD, HOSTCC, HOSTCFLAGS, HARNESS, DEPS_OK).

HARNESS_SRCS := $(wildcard harness/*.c)
HARNESS_OBJS := $(patsubst harness/%.c,$(BUILD)/harness/%.o,$(HARNESS_SRCS))
HARNESS_LIBS := -ljansson
TESTFLAGS    ?=

$(BUILD)/harness/%.o: harness/%.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -MMD -MP -c $< -o $@

$(HARNESS): $(HARNESS_OBJS)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ $(HARNESS_OBJS) $(HARNESS_LIBS)

.PHONY: harness
harness: $(HARNESS)

# unit-test comes from tests/unit/unit.mk when present.
ifeq ($(wildcard tests/unit/unit.mk),)
.PHONY: unit-test
unit-test:
endif

# `make harness-test`: the harness's own behaviour (tests/harness/test-*.sh):
# signals, timeouts, bad input, bless refusals, reports. Each runs QEMU on
# scenarios it writes into a private temporary directory.
HARNESS_TESTS := $(sort $(wildcard tests/harness/test-*.sh))
.PHONY: harness-test
harness-test: $(DEPS_OK) $(KERNEL) $(HARNESS)
	@set -e; for t in $(HARNESS_TESTS); do HARNESS=$(abspath $(HARNESS)) KERNEL=$(abspath $(KERNEL)) sh $$t; done

# `make test`: deps, kernel, harness, unit tests, harness tests, then every scenario.
test: $(DEPS_OK) $(KERNEL) $(HARNESS) unit-test harness-test
	$(HARNESS) --kernel $(KERNEL) --build $(BUILD) $(TESTFLAGS)

# `make stress`: the suite STRESS_N times (default 20) under load; not in `make test`.
STRESS_N ?= 20
.PHONY: stress
stress: $(DEPS_OK) $(KERNEL) $(HARNESS)
	STRESS_N=$(STRESS_N) sh tools/stress.sh $(HARNESS) $(KERNEL) $(BUILD) $(TESTFLAGS)

# `make bless`: rewrite the goldens from a fresh run (refused when CI is set).
bless: $(DEPS_OK) $(KERNEL) $(HARNESS)
	$(HARNESS) --bless --kernel $(KERNEL) --build $(BUILD) $(TESTFLAGS)

-include $(HARNESS_OBJS:.o=.d)
