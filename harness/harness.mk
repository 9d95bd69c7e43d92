# Host harness: $(HARNESS) from harness/cli/ and the harness library.
# Included by the top Makefile (BUILD, HOSTCC, HOSTCFLAGS, HARNESS, DEPS_OK).
#
# HARNESS_LIB_SRCS is the one list of the harness library's sources: every
# directory below harness/ but cli/ (run, judge, vmm, lib), and the kernel's
# own command-line parser (pure), so that both sides read words alike, and
# its scancode decoder (key names for the trace decoder). It is
# built once per compiler flavour into an archive, which the harness, the
# unit tests, the bench ($(HARNESS_LIB)) and the fuzzers (fuzz/fuzz.mk)
# link. Objects mirror the source paths: $(BUILD)/host/harness/lib/trace.o.

HARNESS_LIB_SRCS := $(sort $(wildcard harness/lib/*.c harness/vmm/*.c harness/judge/*.c harness/run/*.c)) \
                    $(sort $(wildcard harness/lib/decode/*.c)) lib/cmdline.c lib/scancode.c
HARNESS_CLI_SRCS := $(wildcard harness/cli/*.c)
HARNESS_LIBS     := -ljansson -ldw -lelf -lz

HOST_OBJ     := $(BUILD)/host
HARNESS_LIB  := $(HOST_OBJ)/libharness.a
HARNESS_OBJS := $(patsubst %.c,$(HOST_OBJ)/%.o,$(HARNESS_CLI_SRCS))
HARNESS_LIB_OBJS := $(patsubst %.c,$(HOST_OBJ)/%.o,$(HARNESS_LIB_SRCS))

# The same sources built with AddressSanitizer and UndefinedBehaviorSanitizer:
# any finding aborts (no recovery). QEMU children are not instrumented; they
# only inherit ASAN_OPTIONS/UBSAN_OPTIONS, which they ignore (libasan is a
# DT_NEEDED library of the harness, not an LD_PRELOAD).
HARNESS_SAN  := $(BUILD)/san/traceos-test
SAN_FLAGS    := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
SAN_OBJ      := $(BUILD)/san
SAN_LIB      := $(SAN_OBJ)/libharness.a
SAN_OBJS     := $(patsubst %.c,$(SAN_OBJ)/%.o,$(HARNESS_CLI_SRCS))
SAN_LIB_OBJS := $(patsubst %.c,$(SAN_OBJ)/%.o,$(HARNESS_LIB_SRCS))
SAN_ENV      := ASAN_OPTIONS=detect_leaks=0:exitcode=86 \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
TESTFLAGS    ?=

$(HOST_OBJ)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) -MMD -MP -c $< -o $@

$(HARNESS_LIB): $(HARNESS_LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $(HARNESS_LIB_OBJS)

$(HARNESS): $(HARNESS_OBJS) $(HARNESS_LIB)
	$(HOSTCC) $(HOSTCFLAGS) -o $@ $(HARNESS_OBJS) $(HARNESS_LIB) $(HARNESS_LIBS)

$(SAN_OBJ)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(HOSTCC) $(HOSTCFLAGS) $(SAN_FLAGS) -MMD -MP -c $< -o $@

$(SAN_LIB): $(SAN_LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $(SAN_LIB_OBJS)

$(HARNESS_SAN): $(SAN_OBJS) $(SAN_LIB)
	$(HOSTCC) $(HOSTCFLAGS) $(SAN_FLAGS) -o $@ $(SAN_OBJS) $(SAN_LIB) $(HARNESS_LIBS)

.PHONY: harness harness-san
harness: $(HARNESS)
harness-san: $(HARNESS_SAN)

# unit-test comes from tests/unit/unit.mk when present.
ifeq ($(wildcard tests/unit/unit.mk),)
.PHONY: unit-test
unit-test:
endif

# `make harness-test`: the harness's own behaviour (tests/harness/test-*.sh):
# signals, timeouts, bad input, bless refusals, reports. Each runs QEMU on
# scenarios it writes into a private temporary directory. They drive the
# sanitizer build, so the error and signal paths are checked under ASan and
# UBSan too. Every script runs; the failed ones are named at the end.
# TEST_QEMUS: the QEMUs of the QEMU= choice, one path a line, for the tests
# that run more than one (test-compare, test-qemu-versions).
HARNESS_TESTS := $(sort $(wildcard tests/harness/test-*.sh))
.PHONY: harness-test
harness-test: $(DEPS_OK) $(KERNEL) $(HARNESS_SAN)
	@$(QEMU_ALL) failed=; for t in $(HARNESS_TESTS); do \
	    $(SAN_ENV) HARNESS=$(abspath $(HARNESS_SAN)) KERNEL=$(abspath $(KERNEL)) TEST_QEMUS="$$qs" \
	        sh $$t || failed="$$failed $$t"; \
	done; \
	[ -z "$$failed" ] || { echo "harness-test: failed:$$failed" >&2; exit 1; }

# `make test`: deps, kernel, GRUB ISO, both harness builds, unit tests,
# harness tests, then every scenario, run by the sanitizer build (so CI
# proves the harness clean under ASan and UBSan) once per QEMU of the QEMU=
# choice (tools/suite.sh: Debian 12 7.2 then 10.0, Debian 13 10.0; the last
# line sums the passes). `make bless`, `make stress` and `make bench` use the
# optimized $(HARNESS).
test: $(DEPS_OK) $(KERNEL) $(ISO) $(HARNESS) $(HARNESS_SAN) unit-test harness-test
	$(SAN_ENV) sh tools/suite.sh $(BUILD) '$(QEMU)' $(HARNESS_SAN) --kernel $(KERNEL) --build $(BUILD) $(TESTFLAGS)

# `make stress`: the suite STRESS_N times (default 20) under load; not in `make test`.
STRESS_N ?= 20
.PHONY: stress
stress: $(DEPS_OK) $(KERNEL) $(HARNESS)
	@$(QEMU_PICK) echo "STRESS_N=$(STRESS_N) sh tools/stress.sh $(HARNESS) $(KERNEL) $(BUILD) --qemu $$q $(TESTFLAGS)"; \
	STRESS_N=$(STRESS_N) sh tools/stress.sh $(HARNESS) $(KERNEL) $(BUILD) --qemu "$$q" $(TESTFLAGS)

# `make bless`: rewrite the goldens of the chosen QEMU's set from a fresh run
# (refused when CI is set): QEMU=10.0 writes expected/qemu-10.0/ overrides
# where 10.0's output differs from the base, and removes those equal to it.
bless: $(DEPS_OK) $(KERNEL) $(HARNESS)
	@$(QEMU_PICK) echo "$(HARNESS) --bless --qemu $$q --kernel $(KERNEL) --build $(BUILD) $(TESTFLAGS)"; \
	$(HARNESS) --bless --qemu "$$q" --kernel $(KERNEL) --build $(BUILD) $(TESTFLAGS)

-include $(HARNESS_OBJS:.o=.d) $(HARNESS_LIB_OBJS:.o=.d) $(SAN_OBJS:.o=.d) $(SAN_LIB_OBJS:.o=.d)
