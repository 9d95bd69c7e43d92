#!/bin/sh
# Bounded output: a kernel that writes to its serial port without end (each
# byte also a line of trace.log) is stopped as soon as a log reaches its cap
# (log-limit, default 64 MiB): a FAIL naming the cap and the key, soon, with
# the log no bigger than the cap and a little; and a golden diff longer than
# 200 lines is shown cut, saying how much was cut and where the whole is.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

build_kernel spew 'mov dx, 0x3f8' '.l: mov al, 0x61' 'out dx, al' 'jmp .l' || bad "cannot build the spewing kernel"
size() { wc -c < "$1"; }

scenario small 'append = pci exit' 'timeout = 20' 'log-limit = 1M'
t0=$(date +%s); harness --kernel "$T/spew.elf" small; t1=$(date +%s)
that "log-limit = 1M: FAIL (status 1, got $RC) after $((t1 - t0)) s, well before the timeout" '[ "$RC" -eq 1 ] && [ $((t1 - t0)) -lt 10 ]'
that "... naming the log, the cap and the key" 'grep -q "^FAIL *small *trace.log reached its cap of 1 MiB (log-limit = 1M) and the run was stopped there; raise log-limit" "$T/out"'
n=$(size "$T/build/runs/small/trace.log")
that "... trace.log holds about the cap ($n bytes)" '[ "$n" -ge 1048576 ] && [ "$n" -lt $((8 << 20)) ]'

rm -f "$T/sc/test.cfg"
scenario default 'append = pci exit' 'timeout = 8'
t0=$(date +%s); harness --kernel "$T/spew.elf" default; t1=$(date +%s)
that "the default cap: FAIL (status 1, got $RC) after $((t1 - t0)) s, before the 8 s timeout" '[ "$RC" -eq 1 ] && [ $((t1 - t0)) -lt 8 ]'
that "... naming 64 MiB and log-limit" 'grep -q "^FAIL *default *trace.log reached its cap of 64 MiB (log-limit = 64M)" "$T/out"'
n=$(size "$T/build/runs/default/trace.log")
that "... trace.log holds about 64 MiB ($n bytes)" '[ "$n" -ge $((64 << 20)) ] && [ "$n" -lt $((80 << 20)) ]'
rm -rf "$T/build/runs/default"

rm -f "$T/sc/test.cfg"
scenario bad 'append = pci exit' 'log-limit = 1X'
harness bad
that "log-limit = 1X: FILE:LINE error (status 2, got $RC)" '[ "$RC" -eq 2 ] && grep -q "test.cfg:3: log-limit .1X. is not a size from 64K to 16G" "$T/out"'

# A golden of 1000 lines that the run's 180 do not match.
rm -f "$T/sc/test.cfg"
section d 'append = pci-v exit' 'events = pci_cfg_*'
harness --bless d
i=0; while [ $i -lt 1000 ]; do echo "pci_cfg_read golden line $i"; i=$((i + 1)); done > "$T/exp/d.trace"
harness d
that "a long golden diff: FAIL (status 1, got $RC)" '[ "$RC" -eq 1 ]'
that "... at most 200 lines of it printed" '[ "$(grep -c "^[-+]pci_cfg_read\|^[-+]== " "$T/out")" -le 200 ]'
that "... saying how much was cut and where the whole is" 'grep -q "^  \.\.\. [0-9]* more lines of the diff not shown ([0-9]* in all); the whole diff is in $T/build/runs/d/golden.diff" "$T/out"'
that "... which holds every line" '[ "$(grep -c "^-pci_cfg_read golden line" "$T/build/runs/d/golden.diff")" -eq 1000 ]'
that "... and report.txt is cut alike" '[ "$(wc -l < "$T/build/runs/d/report.txt")" -lt 260 ]'
check "no partial file or temporary left" no_leftovers
finish
