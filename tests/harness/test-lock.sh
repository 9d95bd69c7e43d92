#!/bin/sh
# Two runs in one build directory never clobber each other: the first holds
# BUILD/.lock for its whole run; a second one waits for it, saying so once
# with the holder's pid, or with --no-wait refuses (status 2). --list takes
# no lock. A plain run and a bless run started together both pass and leave
# every golden as it was.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

# run_to FILE ARGS...: the harness on $T in the background, output in FILE.
run_to() {
    f=$1; shift
    TMPDIR=$T/tmp "$HARNESS" --kernel "$KERNEL" --scenarios "$T/sc" --expected "$T/exp" \
        --build "$T/build" "$@" > "$f" 2>&1 &
    PID=$!
}
one_qemu() { [ "$(count_qemus)" -ge 1 ]; }

scenario slow 'append = pci' 'timeout = 4'
run_to "$T/a.out" slow; a=$PID
check "run A's QEMU starts" poll 30 one_qemu

harness --no-wait slow
check "--no-wait while A runs: status 2 (got $RC)" [ "$RC" -eq 2 ]
check "... naming the lock and A's pid" grep -q "^traceos-test: another run holds $T/build/.lock (pid $a); not waiting (--no-wait)" "$T/out"
harness --list
listed() { [ "$RC" -eq 0 ] && grep -q '^slow ' "$T/out"; }
check "--list while A runs takes no lock (status $RC)" listed

run_to "$T/b.out" slow; b=$PID
says_waiting() { grep -q "^traceos-test: another run holds $T/build/.lock (pid $a); waiting" "$T/b.out"; }
check "run B says it waits, naming A's pid" poll 10 says_waiting
check "... and starts no QEMU while A runs" [ "$(count_qemus)" -eq 1 ]
wait "$a"; rca=$?
wait "$b"; rcb=$?
a_own() { [ "$rca" -eq 5 ] && [ "$(grep -c '^TIMEOUT *slow ' "$T/a.out")" -eq 1 ]; }
b_own() { [ "$rcb" -eq 5 ] && [ "$(grep -c '^TIMEOUT *slow ' "$T/b.out")" -eq 1 ]; }
check "A ends as its own TIMEOUT (status $rca, one result line)" a_own
check "B waited, then ran its own (status $rcb, one result line)" b_own
check "B said waiting once" [ "$(grep -c 'waiting' "$T/b.out")" -eq 1 ]

rm -f "$T/sc/test.cfg"
for n in p1 p2 p3; do section "$n" 'append = pci exit' 'events = pci_cfg_*'; done
harness --bless -j2
check "p1-p3 blessed (status $RC)" [ "$RC" -eq 0 ]
before=$(sums "$T/exp")
for round in 1 2; do
    run_to "$T/plain.out" -j2; p=$PID
    run_to "$T/bless.out" -j2 --bless; q=$PID
    wait "$p"; rcp=$?; wait "$q"; rcq=$?
    all_passed() { [ "$1" -eq 0 ] && grep -q '^3 passed, 0 failed' "$2"; }
    check "round $round: plain run passes (status $rcp)" all_passed "$rcp" "$T/plain.out"
    check "round $round: bless run passes (status $rcq)" all_passed "$rcq" "$T/bless.out"
    check "round $round: every golden as it was" [ "$before" = "$(sums "$T/exp")" ]
done
check "no QEMU, lock holder or temporary file left" no_leftovers
finish
