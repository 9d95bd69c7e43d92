#!/bin/sh
# Process hygiene: a guest that never finishes (TIMEOUT), and a harness
# interrupted by SIGINT or SIGTERM while `-j 2` runs two QEMUs, leave no QEMU,
# no worker, no temporary directory or file behind.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

# Without `exit` the kernel halts after its verdict: QEMU runs until killed.
scenario never-ends 'append = pci' 'timeout = 1'
harness never-ends
check "a guest that never finishes is TIMEOUT (status 5, got $RC)" [ "$RC" -eq 5 ]
check "the TIMEOUT line says QEMU was killed" grep -q '^TIMEOUT .*no end within 1s; QEMU killed' "$T/out"
check "after TIMEOUT: no QEMU, no temporary file" no_leftovers

rm -f "$T/sc/test.cfg"
for n in hang-a hang-b hang-c; do scenario "$n" 'append = pci' 'timeout = 120'; done
two_qemus() { [ "$(count_qemus)" -ge 2 ]; }
for sig in INT TERM; do
    harness_bg -j 2
    pid=$PID
    if poll 60 two_qemus; then
        ok "SIG$sig: two QEMUs running under -j 2 ($(our_qemus | tr '\n' ' '))"
    else
        bad "SIG$sig: two QEMUs never appeared"; cat "$T/out"
    fi
    kill -"$sig" "$pid"
    wait "$pid"
    RC=$?
    want=$([ "$sig" = INT ] && echo 130 || echo 143)
    check "SIG$sig: harness exits $want (got $RC)" [ "$RC" -eq "$want" ]
    check "SIG$sig: says it was interrupted" grep -q "interrupted by signal" "$T/out"
    check "SIG$sig: no QEMU, worker or temporary file left" no_leftovers
done
finish
