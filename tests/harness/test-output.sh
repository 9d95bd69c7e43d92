#!/bin/sh
# What a run says, and where: a stdout that is closed or full is reported
# on stderr with a non-zero status (not exit 0 with every line lost); no
# scenario selected (an empty .cfg) is an error; a kernel that never writes
# a marker times out with a message naming the kernel.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"
THAT_SHOW=$T/err
run() { # run ARGS...: the harness with stdout as the caller redirects it, stderr in $T/err
    TMPDIR=$T/tmp "$HARNESS" --kernel "$KERNEL" --scenarios "$T/sc" --expected "$T/exp" \
        --build "$T/build" "$@" 2> "$T/err"
}

scenario p 'append = pci exit' 'events = pci_cfg_*'
harness --bless p
run p > /dev/full; RC=$?
that "stdout is /dev/full: non-zero status (got $RC)" '[ "$RC" -ne 0 ]'
that "... and the write error is on stderr" 'grep -q "^traceos-test: cannot write to standard output: No space left on device" "$T/err"'
run --list > /dev/full; RC=$?
that "--list to /dev/full: non-zero status (got $RC), said on stderr" '[ "$RC" -ne 0 ] && grep -q "cannot write to standard output" "$T/err"'
state() { (cd "$T" && find build exp -type f | sort | xargs sha256sum); }
before=$(state)
run p >&-; RC=$?
that "stdout closed: status 2 (got $RC)" '[ "$RC" -eq 2 ]'
that "... saying so on stderr" 'grep -q "^traceos-test: standard output is closed; " "$T/err"'
that "... and nothing written into a file that took its place" '[ "$before" = "$(state)" ]'
run p > "$T/out"; RC=$?
that "with a writable stdout it passes (status $RC)" '[ "$RC" -eq 0 ] && grep -q "^1 passed, 0 failed" "$T/out"'

mkdir -p "$T/empty"; : > "$T/empty/none.cfg"
TMPDIR=$T/tmp "$HARNESS" --kernel "$KERNEL" --scenarios "$T/empty" --expected "$T/exp" --build "$T/build" > "$T/out" 2> "$T/err"; RC=$?
that "an empty .cfg: status 2 (got $RC)" '[ "$RC" -eq 2 ]'
that "... saying no scenario is selected" 'grep -q "^traceos-test: no scenarios selected: $T/empty has no \[name\] section in its .cfg files; add one" "$T/err"'
that "... and no '0 passed, 0 failed'" '! grep -q "0 passed" "$T/out"'

build_kernel silent 'cli' '.h: hlt' 'jmp .h' || bad "cannot build the silent kernel"
rm -f "$T/sc/test.cfg"; scenario s 'append = pci exit' 'timeout = 1'
harness --kernel "$T/silent.elf" s
that "a kernel that writes no marker: TIMEOUT (status 5, got $RC)" '[ "$RC" -eq 5 ]'
cp "$T/out" "$T/err"
that "... naming the kernel and what to check" 'grep -q "^TIMEOUT *s *no end within 1s; QEMU killed; the kernel $T/silent.elf wrote no marker: check --kernel and the trace device (trace=ADDR)" "$T/out"'
check "no partial file or temporary left" no_leftovers
finish
