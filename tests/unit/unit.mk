# Host unit tests of the kernel's pure logic and of the harness, built
# natively with cmocka. Included by the top Makefile after
# harness/harness.mk (BUILD, HOSTCC, HOSTCFLAGS, DEPS_OK, HARNESS_LIB).
#
# Every tests/unit/test_NAME.c becomes $(BUILD)/unit/test_NAME. Its first
# line names what it is linked with: lib/ sources, or the harness library
# (the archive the harness itself links, and jansson):
#     /* unit-sources: lib/printf.c lib/lspci.c */
#     /* unit-sources: libharness */
# Tests include harness headers by path, as "harness/lib/trace.h".
#
#   make unit-test                  build and run them all; fails if any fails
#   make unit-test UNIT=printf      only test_printf
#   UNIT_FILTER='*region*' make unit-test UNIT=lspci   only matching cases

UNIT_DIR    := tests/unit
UNIT_OBJ    := $(BUILD)/unit/obj
UNIT_ALL    := $(patsubst $(UNIT_DIR)/%.c,%,$(sort $(wildcard $(UNIT_DIR)/test_*.c)))
UNIT_NAMES  := $(if $(UNIT),$(filter $(addprefix test_,$(UNIT)) $(UNIT),$(UNIT_ALL)),$(UNIT_ALL))
UNIT_BINS   := $(addprefix $(BUILD)/unit/,$(UNIT_NAMES))
UNIT_CFLAGS := $(HOSTCFLAGS) -MMD -MP
UNIT_LIBS   := -lcmocka

# $(call unit_line,FILE): the first line when it is a unit-sources comment.
unit_line = $(shell sed -n '1{/^\/\* unit-sources:.*\*\/[[:space:]]*$$/p;}' $(1))
# $(call unit_sources,FILE): the words listed on that line.
unit_sources = $(filter-out /* unit-sources: */,$(call unit_line,$(1)))

# One link rule per test program; a missing or malformed unit-sources line,
# or a listed source that does not exist, fails that program with file:line.
define unit_rule
$(1)_WORDS := $$(call unit_sources,$(UNIT_DIR)/$(1).c)
$(1)_SRCS := $$(filter-out libharness,$$($(1)_WORDS))
$(1)_LIB := $$(if $$(filter libharness,$$($(1)_WORDS)),$(HARNESS_LIB))
$(1)_MISSING := $$(filter-out $$(wildcard $$($(1)_SRCS)),$$($(1)_SRCS))
$(1)_ERROR := $$(if $$(call unit_line,$(UNIT_DIR)/$(1).c),$$(if $$($(1)_MISSING),no such file: $$($(1)_MISSING) (fix the unit-sources line)),the first line must be /* unit-sources: lib/FILE.c ... */ or /* unit-sources: libharness */)
$(BUILD)/unit/$(1): $(UNIT_OBJ)/$(UNIT_DIR)/$(1).o $$(patsubst %.c,$(UNIT_OBJ)/%.o,$$(wildcard $$($(1)_SRCS))) $$($(1)_LIB)
	$$(if $$($(1)_ERROR),@echo "$(UNIT_DIR)/$(1).c:1: error: $$($(1)_ERROR)" >&2; exit 2)
	$$(HOSTCC) $$(HOSTCFLAGS) -o $$@ $$^ $$(UNIT_LIBS) $$(if $$($(1)_LIB),$(HARNESS_LIBS))
endef
$(foreach t,$(UNIT_ALL),$(eval $(call unit_rule,$(t))))

$(UNIT_OBJ)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(UNIT_CFLAGS) -c $< -o $@

.PHONY: unit-test
unit-test: $(UNIT_BINS) | $(DEPS_OK)
	@$(if $(UNIT_NAMES),,echo "unit: no test matches UNIT='$(UNIT)' (have: $(UNIT_ALL))" >&2; exit 2;) \
	pass=0; fail=0; \
	for t in $(UNIT_BINS); do \
	    if $$t; then pass=$$((pass + 1)); \
	    else echo "unit: FAIL $$t (exit $$?)" >&2; fail=$$((fail + 1)); fi; \
	done; \
	echo "unit: $$pass passed, $$fail failed"; \
	[ $$fail -eq 0 ]

# `make test` runs the unit tests too.
test: unit-test

-include $(patsubst %,$(UNIT_OBJ)/$(UNIT_DIR)/%.d,$(UNIT_ALL)) $(wildcard $(UNIT_OBJ)/lib/*.d)
