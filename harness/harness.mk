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

# `make test`: deps, kernel, harness, unit tests, then every scenario.
test: $(DEPS_OK) $(KERNEL) $(HARNESS) unit-test
	$(HARNESS) --kernel $(KERNEL) --build $(BUILD) $(TESTFLAGS)

# `make bless`: rewrite the goldens from a fresh run (refused when CI is set).
bless: $(DEPS_OK) $(KERNEL) $(HARNESS)
	$(HARNESS) --bless --kernel $(KERNEL) --build $(BUILD) $(TESTFLAGS)

-include $(HARNESS_OBJS:.o=.d)
