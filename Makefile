# TraceOS: `make run` boots the GRUB ISO in QEMU; `make test` runs the suite.
# Everything a target needs is installed by tools/install-deps.sh first.

# DEBUG=1: a kernel for stepping through in gdb (-Og keeps arguments and
# locals visible), built with everything else into build/debug/; the goldens
# stay those of the normal build.
DEBUG    ?=
BUILD    := $(if $(filter 1,$(DEBUG)),build/debug,build)
KOPT     := $(if $(filter 1,$(DEBUG)),-Og,-O2)
DEPS_OK  := $(BUILD)/.deps-ok

# QEMU= chooses the QEMU of `make test`, `bless`, `bench`, `stress`, `run` and
# `debug`: a version (7.2, 10.0: the system's QEMU when it is that version,
# else Debian's fetched by tools/install-qemu.sh under build/) or a path. Left
# empty, `make test` and `make bench` run on the system's QEMU and then on
# 10.0 when the system's is another version (Debian 12: 7.2 and 10.0; Debian
# 13: 10.0 alone), and the other targets use the system's. tools/qemus.sh
# resolves it; QEMU_ALSO (default 10.0) lists the versions added when empty.
QEMU     ?=
QEMU_PICK = q=$$(sh tools/qemus.sh $(BUILD) '$(QEMU)') || exit 3;
QEMU_ALL  = qs=$$(sh tools/qemus.sh --all $(BUILD) '$(QEMU)') || exit 3;

# Cross compiler: i686-elf-gcc when present, else Debian's gcc-i686-linux-gnu.
CROSS    ?= $(if $(shell command -v i686-elf-gcc 2>/dev/null),i686-elf-,i686-linux-gnu-)
CC_K     := $(CROSS)gcc
QUIET    ?= @
LD_K     := $(CROSS)ld
NASM     := nasm

KCFLAGS  := -std=gnu11 -m32 -march=i686 -ffreestanding -fno-pic -fno-pie -fno-stack-protector \
            -fno-asynchronous-unwind-tables -fno-builtin -nostdlib -mno-sse -mno-mmx -mno-80387 \
            $(KOPT) -g -Wall -Wextra -Werror -Iinclude -MMD -MP
KLDFLAGS := -m elf_i386 -T $(BUILD)/linker.ld -nostdlib -z noexecstack
LIBGCC    = $(shell $(CC_K) -m32 -print-libgcc-file-name)

KSRCS    := $(wildcard kernel/*.c kernel/phases/*.c drivers/*.c lib/*.c)
KASMS    := boot/boot.asm kernel/isr.asm
KOBJS    := $(patsubst %.c,$(BUILD)/%.o,$(KSRCS)) $(patsubst %.asm,$(BUILD)/%.asm.o,$(KASMS))
KERNEL   := $(BUILD)/kernel.elf
ISO      := $(BUILD)/os.iso

.PHONY: all iso run debug test bless clean deps check-layers
all: $(KERNEL)

deps: $(DEPS_OK)
$(DEPS_OK): tools/install-deps.sh
	@tools/install-deps.sh
	@mkdir -p $(BUILD) && touch $@

$(BUILD)/%.o: %.c | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC_K) $(KCFLAGS) -c $< -o $@

# isr.asm takes its selectors and vector counts from the C header, as -D.
ASM_DEFS := $(shell sed -n 's/^\#define \(GDT_KERNEL_[A-Z]*\|T_IRQ0\|T_NVECTORS\) *\([0-9x]*\).*/-D\1=\2/p' include/kernel/trap.h)

$(BUILD)/%.asm.o: %.asm include/kernel/trap.h | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(NASM) -f elf32 -g -F dwarf $(ASM_DEFS) $< -o $@

# linker.ld goes through the C preprocessor, for the memory map in abi/memmap.h.
$(BUILD)/linker.ld: linker.ld include/abi/memmap.h | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC_K) -E -P -x c -undef -Iinclude $< -o $@

$(KERNEL): $(KOBJS) $(BUILD)/linker.ld
	$(LD_K) $(KLDFLAGS) -o $@ $(KOBJS) $(LIBGCC)
	@grub-file --is-x86-multiboot $@ || { echo "error: $@ is not a multiboot kernel: check boot/boot.asm header and linker.ld" >&2; rm -f $@; exit 1; }

iso: $(ISO)
$(ISO): $(KERNEL) boot/grub.cfg
	@rm -rf $(BUILD)/isodir && mkdir -p $(BUILD)/isodir/boot/grub
	cp $(KERNEL) $(BUILD)/isodir/boot/kernel.elf
	cp boot/grub.cfg $(BUILD)/isodir/boot/grub/grub.cfg
	grub-mkrescue -o $@ $(BUILD)/isodir 2>$(BUILD)/grub-mkrescue.log || { cat $(BUILD)/grub-mkrescue.log >&2; exit 1; }

# The console's `read` needs a disk: a 4 MiB image holding the kernel ELF at LBA 0.
RUN_DISK := $(BUILD)/run-disk.img
$(RUN_DISK): $(KERNEL)
	cp $(KERNEL) $@ && truncate -s 4M $@

# A window when a display exists; otherwise the VGA console in the terminal (curses).
# make run WORDS="pci-v kbd": boot with those kernel words (through -kernel: the
# ISO's GRUB entry passes none). make run TRACE='pci_cfg_*,ps2_*': record those
# trace events, and the trace device's markers among them (every
# memory_region_ops_write; grep pc-testdev-iomem), in build/run-trace.log.
# make run MACHINE=q35: the q35 machine (PCI Express, ECAM, AHCI) instead of pc.
WORDS    ?=
TRACE    ?=
MACHINE  ?= pc
comma    := ,
RUN_BOOT  = $(if $(WORDS),-kernel $(KERNEL) -append '$(WORDS)',-cdrom $(ISO))
RUN_TRACE = $(if $(TRACE),-trace memory_region_ops_write $(foreach e,$(subst $(comma), ,$(TRACE)),-trace '$(e)') -D $(BUILD)/run-trace.log)
QEMU_RUN  = "$$q" -machine $(MACHINE) -m 128 $(RUN_BOOT) -serial file:$(BUILD)/serial.log -no-reboot \
            -drive file=$(RUN_DISK),format=raw,if=ide,index=0 \
            -device isa-debug-exit,iobase=0xf4,iosize=4 -device pc-testdev $(RUN_TRACE)
DISPLAY_OPT = $(if $(DISPLAY)$(WAYLAND_DISPLAY),,-display curses)

run: $(ISO) $(RUN_DISK)
	@$(QEMU_PICK) echo "run: the console is on screen; in a terminal leave QEMU with Esc 2, then: quit"; \
	echo "$(QEMU_RUN) $(DISPLAY_OPT)"; \
	$(QEMU_RUN) $(DISPLAY_OPT); s=$$?; \
	$(if $(TRACE),echo "run: the trace is in $(BUILD)/run-trace.log";) \
	case $$s in 0|33) ;; 35) echo "run: a word failed (status 35); see $(BUILD)/serial.log";; \
	    37) echo "run: CPU exception or panic (status 37); see $(BUILD)/serial.log";; \
	    *) echo "run: QEMU exited with status $$s"; exit $$s;; esac

# make debug SCENARIO=NAME: that scenario exactly as the suite runs it
# (command line, disk image, keys typed when the kernel asks), QEMU paused
# with its gdb stub; the harness prints the gdb command that attaches.
# make debug: the interactive console, paused, with a stub on :1234; without
# a display, serial and QEMU's monitor share this terminal (-serial
# mon:stdio; Ctrl-a c switches, `sendkey` types), so the command stays visible.
# qemu-system-i386: its gdb stub speaks the 32-bit register layout that gdb
# expects for an i386 ELF (qemu-system-x86_64's does not); the one beside the
# chosen qemu-system-x86_64.
SCENARIO ?=
DEBUG_RUN = $(if $(DISPLAY)$(WAYLAND_DISPLAY),$(QEMU_RUN),$(subst -serial file:$(BUILD)/serial.log,-serial mon:stdio -display none,$(QEMU_RUN)))
debug: $(if $(SCENARIO),$(KERNEL) $(BUILD)/traceos-test,$(ISO) $(RUN_DISK))
ifneq ($(SCENARIO),)
	@$(QEMU_PICK) $(HARNESS) --debug $(SCENARIO) --qemu "$$q" --kernel $(KERNEL) --build $(BUILD)
else
	@$(QEMU_PICK) q=$${q%qemu-system-x86_64}qemu-system-i386; \
	echo "debug: QEMU is paused with a gdb stub on localhost:1234. In another terminal:"; \
	echo "  gdb -q $(KERNEL) -x tools/gdb/traceos.py -ex 'target remote localhost:1234' -ex 'break kmain' -ex continue"; \
	echo "$(DEBUG_RUN) -s -S"; \
	$(DEBUG_RUN) -s -S
endif

# Host side: the harness (harness/harness.mk) and the unit tests (tests/unit/unit.mk).
HOSTCC     ?= cc
HOSTCFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O2 -g -Wall -Wextra -Werror -I. -Iinclude
HARNESS    := $(BUILD)/traceos-test
-include harness/harness.mk
-include tests/unit/unit.mk
-include fuzz/fuzz.mk
-include bench/bench.mk

# For editors (clangd): every kernel compile command, recorded by bear.
compile_commands.json: $(KSRCS) | $(DEPS_OK)
	@command -v bear >/dev/null || { echo "compile_commands.json: needs bear: apt-get install bear" >&2; exit 3; }
	bear --output $@ -- $(MAKE) -B $(KERNEL) DEPS_OK= >/dev/null

# The harness's contract on a kernel from elsewhere (examples/minimal, see
# docs/contract.md): built by nasm and ld alone, run by `make test`.
MINIMAL := $(BUILD)/minimal/kernel.elf
$(MINIMAL): examples/minimal/kernel.asm | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(NASM) -f elf32 $< -o $(BUILD)/minimal/kernel.o
	$(LD_K) -m elf_i386 -Ttext=0x100000 -e _start -z noexecstack -o $@ $(BUILD)/minimal/kernel.o
.PHONY: test-minimal
test-minimal: $(MINIMAL) $(HARNESS_SAN)
	@$(QEMU_PICK) echo "$(SAN_ENV) $(HARNESS_SAN) --qemu $$q --kernel $(MINIMAL) ..."; \
	$(SAN_ENV) $(HARNESS_SAN) --qemu "$$q" --kernel $(MINIMAL) --scenarios examples/minimal \
	    --expected examples/minimal/expected --build $(BUILD)/minimal
test: test-minimal

# The layering rules of the tree (tools/check-layers.sh); part of `make test`.
check-layers:
	@tools/check-layers.sh
test: check-layers

# The docs' marked trace excerpts appear in their goldens (tools/check-docs.sh);
# part of `make test`.
.PHONY: check-docs
check-docs:
	@tools/check-docs.sh
test: check-docs

clean:
	rm -rf $(BUILD)

-include $(KOBJS:.o=.d)
