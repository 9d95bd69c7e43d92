#!/bin/sh
# Process hygiene: a guest that never finishes (TIMEOUT), and a harness
# interrupted by SIGINT or SIGTERM while `-j 2` runs two QEMUs, leave no QEMU,
# no worker, no temporary directory or file behind; so do SIGHUP and SIGQUIT
# sent to the harness's whole process group (a closed terminal; Ctrl-\) and
# a stdout pipe closed under it (SIGPIPE), with statuses 129, 131 and 141.
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

# SIGHUP and SIGQUIT to the process group: the harness and every worker get
# it. setsid gives the harness a group of its own (its pid is the group's).
for sig in HUP QUIT; do
    TMPDIR=$T/tmp setsid "$HARNESS" --kernel "$KERNEL" --scenarios "$T/sc" --expected "$T/exp" \
        --build "$T/build" -j 2 > "$T/out" 2>&1 &
    pid=$!
    if poll 60 two_qemus; then ok "SIG$sig: two QEMUs running under -j 2"; else bad "SIG$sig: two QEMUs never appeared"; fi
    pgid=$(ps -o pgid= -p "$pid" | tr -d ' ')
    if [ "$pgid" = "$pid" ]; then
        /bin/kill -s "$sig" -- "-$pgid"   # (dash's kill takes no negative pid)
    else
        bad "SIG$sig: the harness has no process group of its own (pgid '$pgid'); signalling it alone"
        kill -"$sig" "$pid"
    fi
    wait "$pid"
    RC=$?
    want=$([ "$sig" = HUP ] && echo 129 || echo 131)
    check "SIG$sig to the group: harness exits $want (got $RC)" [ "$RC" -eq "$want" ]
    check "SIG$sig: says it was interrupted" grep -q "interrupted by signal" "$T/out"
    check "SIG$sig: no QEMU, worker or temporary file left" no_leftovers
done

# SIGPIPE: stdout is a pipe whose reader leaves after the first line; the
# next result line (the quick scenario's) meets the closed pipe.
rm -f "$T/sc/test.cfg"
scenario quick 'append = pci exit'
for n in hang-a hang-b; do scenario "$n" 'append = pci' 'timeout = 120'; done
{ TMPDIR=$T/tmp "$HARNESS" --kernel "$KERNEL" --scenarios "$T/sc" --expected "$T/exp" \
      --build "$T/build" -j 2 2> "$T/err"; echo $? > "$T/rc"; } | head -n 1 > "$T/out"
RC=$(cat "$T/rc")
check "SIGPIPE on stdout: harness exits 141 (got $RC)" [ "$RC" -eq 141 ]
check "SIGPIPE: says it was interrupted, on stderr" grep -q "interrupted by signal 13" "$T/err"
check "SIGPIPE: no QEMU, worker or temporary file left" no_leftovers
finish
