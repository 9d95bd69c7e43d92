# Shared helpers of the harness tests (sourced). Each test runs
# build/traceos-test against scenario files it writes into a private
# directory $T, with TMPDIR=$T/tmp, --build $T/build and --expected $T/exp,
# so that every QEMU it causes carries $T in its command line: leftovers are
# found by that marker alone, and other users' QEMU processes are never seen.
# KEEP=1 keeps $T after the test, to look at its files.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HARNESS=${HARNESS:-$ROOT/build/traceos-test}
KERNEL=${KERNEL:-$ROOT/build/kernel.elf}
# Without a private directory nothing below is safe: an empty $T would
# make every path absolute under / and every process match.
T=$(mktemp -d "${TMPDIR:-/tmp}/traceos-htest.XXXXXX") || { echo "$0: mktemp -d failed under ${TMPDIR:-/tmp}; set TMPDIR to a writable directory" >&2; exit 1; }
[ -n "$T" ] && [ -d "$T" ] || { echo "$0: mktemp -d gave '$T', not a directory" >&2; exit 1; }
# "$T/" as a literal in pgrep's extended regex: every special character escaped.
TRE=$(printf '%s/\n' "$T" | sed 's/[][\\.*^$+?(){}|]/\\&/g')
mkdir -p "$T/sc" "$T/exp" "$T/build" "$T/tmp" || exit 1
FAILS=0
CHECKS=0
NAME=$(basename "$0" .sh)

# ours: the processes whose command line holds "$T/" (only what this test started).
ours() { pgrep -f -- "$TRE" 2>/dev/null; }

# A test that mounts something under $T sets ON_CLEANUP to the command that
# undoes it; it runs before $T is removed.
ON_CLEANUP=:
cleanup() {
    [ -n "${KEEP:-}" ] && { echo "kept $T"; return; }
    [ -n "${T:-}" ] && [ -n "${TRE:-}" ] || return
    for p in $(ours); do kill -KILL "$p" 2>/dev/null; done
    $ON_CLEANUP
    rm -rf "$T"
}
trap cleanup EXIT
trap "exit 130" INT
trap "exit 143" TERM
trap "exit 141" PIPE   # the EXIT trap then still cleans up

ok()   { CHECKS=$((CHECKS + 1)); echo "  ok   $*"; }
bad()  { CHECKS=$((CHECKS + 1)); FAILS=$((FAILS + 1)); echo "  FAIL $*"; }
# that DESCRIPTION CONDITION: CONDITION is shell text, all of it checked;
# on a failure the start of $THAT_SHOW (default $T/out) is shown.
that() {
    d=$1; shift
    if eval "$1"; then ok "$d"; else bad "$d"; head -c 2000 "${THAT_SHOW:-$T/out}" | sed 's/^/      /'; fi
}
check() { # check DESCRIPTION COMMAND...
    d=$1; shift
    if "$@"; then ok "$d"; else bad "$d"; fi
}

# harness [ARGS...]: run the harness on $T; output in $T/out, status in $RC.
# The tests bless only into their own temporary directory, so they run
# without CI's refusal (test-bless checks the refusal itself with CI=1).
unset CI

harness() {
    TMPDIR=$T/tmp "$HARNESS" --kernel "$KERNEL" --scenarios "$T/sc" --expected "$T/exp" \
        --build "$T/build" "$@" > "$T/out" 2>&1
    RC=$?
}
# harness_bg [ARGS...]: the same in the background; its process id in $PID
# (the harness itself, so a signal sent to $PID reaches it).
harness_bg() {
    TMPDIR=$T/tmp "$HARNESS" --kernel "$KERNEL" --scenarios "$T/sc" --expected "$T/exp" \
        --build "$T/build" "$@" > "$T/out" 2>&1 &
    PID=$!
}

# section NAME BODY-LINES...: append a section to $T/sc/test.cfg.
section() {
    n=$1; shift
    { echo "[$n]"; for l in "$@"; do echo "$l"; done; echo; } >> "$T/sc/test.cfg"
}
# scenario NAME BODY-LINES...: a section and empty goldens, so that a
# missing golden is never the outcome.
scenario() {
    section "$@"
    : > "$T/exp/$1.trace"; : > "$T/exp/$1.serial"
}

# poll SECONDS COMMAND...: true as soon as COMMAND succeeds, false at the
# deadline (the sleep only paces the looking; it synchronizes nothing).
poll() {
    end=$(( $(date +%s) + $1 )); shift
    while ! "$@"; do
        [ "$(date +%s)" -lt "$end" ] || return 1
        sleep 0.05
    done
}

# Our QEMU processes (command line names $T and is a QEMU).
our_qemus() { pgrep -f -- "qemu-system.*$TRE" 2>/dev/null; }
count_qemus() { our_qemus | wc -l; }
no_leftovers() {
    [ -z "$(ours)" ] || { echo "    left running:"; pgrep -af -- "$TRE" | sed 's/^/      /'; return 1; }
    [ -z "$(ls -A "$T/tmp")" ] || { echo "    left in TMPDIR: $(ls -A "$T/tmp")"; return 1; }
    left=$(find "$T/build" "$T/exp" -name '*.tmp*' 2>/dev/null)
    [ -z "$left" ] || { echo "    partial files: $left"; return 1; }
}

# build_kernel NAME INSTRUCTIONS...: a multiboot v1 kernel $T/NAME.elf made
# of a header and the given NASM lines (as examples/minimal/ is built: nasm
# and ld alone), for kernels that break the contract on purpose.
build_kernel() {
    k=$1; shift
    { printf 'align 4\n    dd 0x1BADB002, 0, -(0x1BADB002)\nglobal _start\n_start:\n'
      for l in "$@"; do printf '    %s\n' "$l"; done
      printf 'section .note.GNU-stack noalloc noexec nowrite progbits\n'; } > "$T/$k.asm"
    ld_k=$(command -v i686-elf-ld || command -v i686-linux-gnu-ld || echo ld)
    nasm -f elf32 "$T/$k.asm" -o "$T/$k.o" &&
        "$ld_k" -m elf_i386 -Ttext=0x100000 -e _start -z noexecstack -o "$T/$k.elf" "$T/$k.o"
}

sums() { (cd "$1" && find . -type f | sort | xargs -r sha256sum); }

# golden NAME EXT: the golden in effect for NAME: an override in a QEMU
# version's set ($T/exp/qemu-*/, written when the harness's QEMU is not the
# base set's) when there is one, else the base $T/exp/NAME.EXT.
golden() {
    for f in "$T"/exp/qemu-*/"$1.$2"; do [ -e "$f" ] && { echo "$f"; return; }; done
    echo "$T/exp/$1.$2"
}
# goldens_of NAME: how many golden files NAME has in any set.
goldens_of() { find "$T/exp" -type f \( -name "$1.trace" -o -name "$1.serial" \) | wc -l; }

# qemu_version BINARY: "10.0" from its -version line.
qemu_version() { "$1" -version 2>/dev/null | sed -n '1s/^QEMU emulator version \([0-9]*\.[0-9]*\).*/\1/p'; }
# qemu_of VERSION: the binary of TEST_QEMUS (make harness-test passes the
# QEMUs of the QEMU= choice, one a line) or on the PATH with that version;
# empty when there is none.
qemu_of() {
    for q in ${TEST_QEMUS:-} $(command -v qemu-system-x86_64); do
        [ "$(qemu_version "$q")" = "$1" ] && { echo "$q"; return; }
    done
}
# fake_qemu FILE VERSION: a wrapper that says it is QEMU VERSION to
# -version and runs the system's qemu-system-x86_64 for everything else
# (the golden set a version chooses, without that QEMU).
fake_qemu() {
    cat > "$1" <<EOS
#!/bin/sh
case "\$1" in -version|--version) echo "QEMU emulator version $2 (fake)"; exit 0 ;; esac
exec qemu-system-x86_64 "\$@"
EOS
    chmod +x "$1"
}

finish() {
    echo "$NAME: $((CHECKS - FAILS)) of $CHECKS checks passed"
    [ "$FAILS" -eq 0 ]
}
