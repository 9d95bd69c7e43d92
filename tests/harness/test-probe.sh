#!/bin/sh
# The QEMU probe: an answer cut short (a full TMPDIR cuts `-trace help` at
# 64 KiB, or keeps none of it) is an error and is never cached, so the next
# run is not poisoned; a probe that hangs is killed at its named timeout,
# whose message gives the real number, and Ctrl-C during it ends the harness
# at once (130) with nothing left; a --qemu that is a directory or not
# executable is called what it is.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

real=$(command -v qemu-system-x86_64)
section p 'append = pci exit'
: > "$T/exp/p.trace"; : > "$T/exp/p.serial"

# A QEMU that is the real one, but while $T/cut says so its answer to
# `-trace help` (or `-device help`) is cut as a full TMPDIR cuts it.
cat > "$T/qemu-cut" <<EOF
#!/bin/sh
mode=\$(cat "$T/cut" 2>/dev/null)
case "\$mode \$*" in
    "events-cut "*"-trace help"*) "$real" "\$@" | head -c 65536; exit 0 ;;
    "events-none "*"-trace help"*) exit 0 ;;
    "devices-cut "*"-device help"*) "$real" "\$@" | head -c 4000; exit 0 ;;
esac
exec "$real" "\$@"
EOF
chmod +x "$T/qemu-cut"
for mode in events-cut events-none devices-cut; do
    echo "$mode" > "$T/cut"
    harness --qemu "$T/qemu-cut" p
    that "$mode: the run is an ERROR (status 6, got $RC)" '[ "$RC" -eq 6 ]'
    that "$mode: saying the answer was cut short" 'grep -q "^traceos-test: .*help. is cut short (.*no final newline); is TMPDIR ($T/tmp) full? Nothing was cached" "$T/out"'
    rm -f "$T/cut"
    harness --qemu "$T/qemu-cut" p
    that "$mode: the next run, whole answers, is not poisoned (status $RC)" '[ "$RC" -eq 1 ] && grep -q "^FAIL *p " "$T/out"'
    rm -f "$T/build"/qemu-probe*.cache
done

# A QEMU whose probes hang.
printf '#!/bin/sh\nwhile :; do sleep 1; done\n' > "$T/qemu-hang"; chmod +x "$T/qemu-hang"
probing() { pgrep -f -- "${TRE}qemu-hang" >/dev/null; }
harness_bg --qemu "$T/qemu-hang" p
if poll 20 probing; then ok "a hanging probe runs"; else bad "a hanging probe never started"; fi
t0=$(date +%s); kill -INT "$PID"; wait "$PID"; RC=$?; t1=$(date +%s)
that "Ctrl-C during the probe: exit 130 at once (got $RC after $((t1 - t0)) s)" '[ "$RC" -eq 130 ] && [ $((t1 - t0)) -le 3 ]'
that "... saying it was interrupted" 'grep -q "interrupted by signal 2" "$T/out"'
check "... and nothing is left (process, temporary file)" no_leftovers

t0=$(date +%s); harness --qemu "$T/qemu-hang" p; t1=$(date +%s)
that "a hanging probe: ERROR after its timeout (status $RC, $((t1 - t0)) s)" '[ "$RC" -eq 6 ] && [ $((t1 - t0)) -lt 40 ]'
that "... whose message names it and the real number" 'grep -q "did not finish within 30 s (PROBE_TIMEOUT_S) and was killed" "$T/out"'
check "... and nothing is left" no_leftovers

harness --qemu "$T" p
that "--qemu a directory: status 6 and says so" '[ "$RC" -eq 6 ] && grep -q "^traceos-test: --qemu $T is a directory; pass the path of a QEMU binary" "$T/out"'
printf '#!/bin/sh\n' > "$T/not-exec"; chmod 644 "$T/not-exec"
harness --qemu "$T/not-exec" p
that "--qemu a file that is not executable: status 6 and says so" '[ "$RC" -eq 6 ] && grep -q "^traceos-test: --qemu $T/not-exec is not executable (mode 0644); chmod +x it or pass the path of a QEMU binary" "$T/out"'
harness --qemu "$T/no-such-qemu" p
that "--qemu a missing file: not found, as before (status $RC)" '[ "$RC" -eq 6 ] && grep -q "QEMU binary .*no-such-qemu. not found" "$T/out"'
finish
