#!/bin/sh
# Golden sets per QEMU version. Wrappers that tell -version they are 7.2,
# 10.0, 9.2 or 8.1 (and run the system's QEMU) choose the set: the base
# expected/NAME.* for 7.2, overrides in expected/qemu-10.0/ for 10.0, the
# nearest set for a version without one. Blessing writes, keeps and removes
# overrides; each set records its blesser. With a real QEMU 10.0 (from
# TEST_QEMUS or the PATH), the rename table: ide_bus_exec_cmd in its log is
# ide_exec_cmd in the goldens, and a truly missing event is still an ERROR.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

fake_qemu "$T/q72" 7.2.0
fake_qemu "$T/q100" 10.0.0
fake_qemu "$T/q92" 9.2.0
fake_qemu "$T/q81" 8.1.0
section p 'append = pci exit' 'events = pci_cfg_*'
O=$T/exp/qemu-10.0
says() { grep -q -- "$1" "$T/out"; }

harness --qemu "$T/q72" --bless p
check "7.2 blesses the base set (status $RC)" [ "$RC" -eq 0 -a -s "$T/exp/p.trace" -a -s "$T/exp/p.serial" ]
check "... records its QEMU in expected/QEMU" [ "$(cat "$T/exp/QEMU")" = "QEMU emulator version 7.2.0 (fake)" ]
check "... and says which set it blesses in its first line" sh -c "head -n 1 '$T/out' | grep -q '^traceos-test: QEMU 7.2.0 ($T/q72), 1 scenario; blessing $T/exp/ (the base set)'"
base=$(sums "$T/exp")

harness --qemu "$T/q100" --bless p
check "10.0 with the base's output: no override written (status $RC)" [ "$RC" -eq 0 -a ! -e "$O/p.trace" -a ! -e "$O/p.serial" ]
check "... the base untouched" [ "$base" = "$(cd "$T/exp" && find . -path ./qemu-10.0 -prune -o -type f -print | sort | xargs -r sha256sum)" ]
check "... and the set records its QEMU" [ "$(cat "$O/QEMU")" = "QEMU emulator version 10.0.0 (fake)" ]

# An override is chosen over the base (for its kind only).
printf 'only in the override\n' > "$O/p.serial"
harness --qemu "$T/q100" p
check "10.0 compares with its override (status $RC)" [ "$RC" -eq 1 ]
check "... the serial override, named in the diff" says "^--- $O/p.serial"
check "... and the base's trace (no trace override)" says "^FAIL .*serial differs from the golden  "
harness --qemu "$T/q72" p
check "7.2 still compares with the base and passes (status $RC)" [ "$RC" -eq 0 ]

# Bless removes an override that equals the base.
harness --qemu "$T/q100" --bless p
check "bless on 10.0 removes the override equal to the base (status $RC)" [ "$RC" -eq 0 -a ! -e "$O/p.serial" ]
check "... and says so" says "blessed $O/p.serial: removed (equals the base $T/exp/p.serial)"

# Bless writes an override where the output differs from the base, and
# keeps it on the next bless.
printf 'base only\n' >> "$T/exp/p.serial"
harness --qemu "$T/q100" --bless p
check "bless on 10.0 writes an override where the base differs (status $RC)" [ "$RC" -eq 0 -a -s "$O/p.serial" ]
check "... saying it differs from the base, with the diff" sh -c "grep -q 'blessed $O/p.serial: created (differs from the base $T/exp/p.serial)' '$T/out' && grep -q '^-base only' '$T/out'"
check "... the base left as it was" grep -q '^base only$' "$T/exp/p.serial"
check "... and the override is the run's serial" [ "$(cat "$O/p.serial")" = "$(cat "$T/build/runs/p/actual.serial")" ]
before=$(sums "$O")
harness --qemu "$T/q100" --bless p
check "a second bless keeps the override (status $RC)" [ "$RC" -eq 0 -a "$before" = "$(sums "$O")" ]
check "... reporting the goldens unchanged" says "^PASS .*goldens unchanged"

# A version without a set of its own: the nearest (9.2 -> 10.0, 8.1 -> 7.2).
harness --qemu "$T/q92" p
check "9.2 uses 10.0's set and passes with its override (status $RC)" [ "$RC" -eq 0 ]
check "... its first line says whose goldens" sh -c "head -n 1 '$T/out' | grep -q '^traceos-test: QEMU 9.2.0 ($T/q92), 1 scenario; no golden set of its own: the goldens of QEMU 10.0, the nearest version'"
printf 'changed\n' > "$O/p.serial"
harness --qemu "$T/q92" p
check "on a mismatch 9.2 fails (status $RC)" [ "$RC" -eq 1 ]
check "... the reason says whose goldens" says "^FAIL .*serial differs from the golden (the goldens of QEMU 10.0: see below)"
check "... and how to bless a set for it" says "blessed by QEMU emulator version 10.0.0 (fake)): QEMU 9.2.0 ($T/q92) has no golden set of its own.*add a row for 9.2 to \`profiles\` in harness/vmm/profile.c, then run \`make bless QEMU=$T/q92 TESTFLAGS=p\`"
harness --qemu "$T/q81" p
check "8.1 uses the base set (status $RC)" sh -c "[ $RC -eq 1 ] && grep -q '^--- $T/exp/p.serial' '$T/out' && grep -q 'the goldens are QEMU 7.2.s set' '$T/out'"
before=$(sums "$T/exp")
harness --qemu "$T/q92" --bless p
check "bless with 9.2 is refused (status $RC)" [ "$RC" -eq 2 ]
check "... naming the row to add" says "QEMU 9.2.0 ($T/q92) has no golden set of its own (it is compared with QEMU 10.0's, the nearest); add a row for 9.2"
check "... and writes nothing" [ "$before" = "$(sums "$T/exp")" ]

# The rename table, on a real QEMU 10.0.
Q10=$(qemu_of 10.0)
if [ -n "$Q10" ]; then
    rm -f "${T:?}/sc/test.cfg"
    section d 'append = dma=0:1 exit' 'disk = size=1M' 'events = ide_exec_cmd bmdma_cmd_writeb'
    harness --qemu "$Q10" --bless d
    check "10.0: a scenario naming ide_exec_cmd runs (status $RC)" [ "$RC" -eq 0 ]
    check "... QEMU logs ide_bus_exec_cmd" grep -q '^ide_bus_exec_cmd ' "$T/build/runs/d/trace.log"
    check "... the golden text names it ide_exec_cmd" sh -c "grep -q '^ide_exec_cmd IDE exec cmd: bus P0; state P1; cmd 0xc8' '$T/build/runs/d/actual.trace' && ! grep -q ide_bus_exec_cmd '$T/build/runs/d/actual.trace'"
    Q72=$(qemu_of 7.2)
    if [ -n "$Q72" ]; then
        harness --qemu "$Q72" --bless d
        check "7.2 writes the base golden of the same scenario (status $RC)" [ "$RC" -eq 0 -a -s "$T/exp/d.trace" ]
        harness --qemu "$Q10" --bless d
        check "... and 10.0's equals it: no trace override left (status $RC)" [ "$RC" -eq 0 -a ! -e "$O/d.trace" ]
        rm -f "${T:?}/sc/test.cfg"
        scenario n 'append = dma=0:1 exit' 'disk = size=1M' 'events = ide_bus_exec_cmd'
        harness --qemu "$Q72" n
        check "7.2: a scenario naming 10.0's name is an ERROR (status $RC)" [ "$RC" -eq 6 ]
        check "... naming the event" says "trace event 'ide_bus_exec_cmd' is not in this QEMU"
    else
        echo "  (no QEMU 7.2 here: the 7.2 side of the rename not checked)"
    fi
    rm -f "${T:?}/sc/test.cfg"
    scenario m 'append = dma=0:1 exit' 'disk = size=1M' 'events = ide_exec_cmd no_such_event'
    harness --qemu "$Q10" m
    check "10.0: an event truly missing is still an ERROR (status $RC)" [ "$RC" -eq 6 ]
    check "... naming it" says "trace event 'no_such_event' is not in this QEMU"
else
    echo "  (no QEMU 10.0 in TEST_QEMUS or on the PATH: the rename table not checked on one)"
fi
check "no QEMU or temporary file left" no_leftovers
[ -n "${SHOW:-}" ] && cat "$T/out"
finish
