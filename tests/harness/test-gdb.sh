#!/bin/sh
# gdb stops (break = / watch =): bad input at parse time, a stop never
# reached, a stub that cannot be reached or dies mid-run (ERROR, nothing
# left behind), the hit count of a breakpoint against real gdb's on the same
# kernel and command line, the step over a breakpoint done in the harness
# or, by a stub without P, by the vCPU, one MARK watch stop per marker written, typed
# keys sent only while the vCPU is parked in the key wait, the gdb
# scenarios' goldens without their stops equal to runs without break/watch,
# and --debug's printed gdb command attaching.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"
CFG=$T/sc/test.cfg

# --- parse-time errors: FILE:LINE, the value, the fix; nothing runs ---
bad_input() { # bad_input DESCRIPTION EXPECTED-TEXT SCENARIO-LINES...
    d=$1 want=$2; shift 2
    : > "$CFG"
    scenario bad 'append = pci exit' 'events = pci_cfg_*' "$@"
    harness bad
    check "$d: status 2 (got $RC)" [ "$RC" -eq 2 ]
    check "... says '$want'" grep -qF -- "$want" "$T/out"
    check "... and runs no QEMU" [ ! -e "$T/build/runs/bad/trace.log" ]
}
bad_input "unknown symbol" "test.cfg:4: break: unknown symbol 'i8042_irqq' in the kernel; nearest names: i8042_irq" 'break = i8042_irqq'
bad_input "unknown watch symbol" "test.cfg:5: watch: unknown symbol 'ring_haed'" 'break = i8042_irq' 'watch = ring_haed'
bad_input "bad LEN" "test.cfg:4: watch: length '3' in '0xff000000/3' is not 1, 2, 4 or 8" 'watch = 0xff000000/3'
bad_input "unknown kind" "test.cfg:4: watch: unknown kind 'writ'; use write, read or access" 'watch = ring_head writ'
bad_input "an object too large to watch" "test.cfg:4: watch: 'ring' is 64 bytes" 'watch = ring'
bad_input "argN off a function entry" "show item 'arg0' reads a stack argument" 'break = 0x100000 show=arg0'

# --- a breakpoint never reached fails, unless optional ---
: > "$CFG"
scenario never 'append = pci exit' 'events = pci_cfg_*' 'break = i8042_irq'
harness --bless never
check "a break never reached fails (status $RC)" [ "$RC" -eq 1 ]
check "... naming it and its line" grep -qF "break i8042_irq was never reached (" "$T/out"
check "... and blesses nothing" [ ! -s "$T/exp/never.trace" ]
: > "$CFG"
section maybe 'append = pci exit' 'events = pci_cfg_*' 'break = i8042_irq optional'
harness --bless maybe
check "the same break, optional, passes (status $RC)" [ "$RC" -eq 0 ]

# --- the stub cannot be reached: QEMU paused without it ---
# drop-qemu OPTION...: the real QEMU without these options and their arguments.
cat > "$T/drop-qemu" <<'EOS'
#!/bin/sh
drop=$DROP skip=0
for a do
    shift
    if [ "$skip" = 1 ]; then skip=0; continue; fi
    case " $drop " in *" $a "*) skip=1; continue ;; esac
    set -- "$@" "$a"
done
exec qemu-system-x86_64 "$@"
EOS
chmod +x "$T/drop-qemu"
: > "$CFG"
scenario nostub 'append = pci exit' 'events = pci_cfg_*' 'break = trace_begin'
export DROP="-gdb -chardev"; harness --qemu "$T/drop-qemu" nostub
check "no stub socket is an ERROR (status $RC)" [ "$RC" -eq 6 ]
check "... naming the socket and the timeout" grep -q "cannot connect to QEMU's gdb stub at .*gdb.sock within 5 s (GDB_CONNECT_TIMEOUT_S)" "$T/out"
check "no QEMU, socket or temporary file left" no_leftovers
DROP="-gdb"; harness --qemu "$T/drop-qemu" nostub
check "a socket that answers nothing is an ERROR (status $RC)" [ "$RC" -eq 6 ]
check "... naming the packet and the timeout" grep -q "gdb stub: 'qSupported:.*' not acknowledged within 5 s (GDB_REPLY_TIMEOUT_S)" "$T/out"
check "no QEMU, socket or temporary file left" no_leftovers

# --- the stub dies mid-run: a proxy closes it after the first stop ---
cat > "$T/dying-qemu" <<EOS
#!/bin/sh
# QEMU's stub moves to $T/real.sock; a proxy on the harness's gdb socket
# forwards to it and hangs up after the first stop (PROXY_MODE=no-P: answers
# P itself, as a stub without P does; tests/harness/gdb-proxy.py).
listen=
for a do
    shift
    case "\$a" in
    socket,path=*gdb.sock,*) listen=\${a#socket,path=}; listen=\${listen%%,*}
        a="socket,path=$T/real.sock,server=on,wait=off,id=traceos-gdb" ;;
    esac
    set -- "\$@" "\$a"
done
[ -n "\$listen" ] && python3 "$ROOT/tests/harness/gdb-proxy.py" "\$listen" "$T/real.sock" \$PROXY_MODE &
exec qemu-system-x86_64 "\$@"
EOS
chmod +x "$T/dying-qemu"
: > "$CFG"
scenario dies 'append = pci exit' 'events = pci_cfg_*' 'break = trace_begin' 'timeout = 20'
harness --qemu "$T/dying-qemu" dies
check "a stub gone mid-run is an ERROR (status $RC)" [ "$RC" -eq 6 ]
check "... while QEMU still runs" grep -q "gdb stub: .*connection closed.* while QEMU still runs (after 0 stops); QEMU killed" "$T/out"
rm -f "$T/real.sock"
check "no QEMU, proxy, socket or temporary file left" no_leftovers

# --- a breakpoint's hits against real gdb's on the same kernel and command line ---
: > "$CFG"
section hits 'append = pci-v exit' 'events = pci_cfg_*' 'break = pci_read32'
harness --bless hits
check "break = pci_read32 passes (status $RC)" [ "$RC" -eq 0 ]
ours_n=$(grep -c '^gdb: break pci_read32 #' "$T/build/runs/hits/actual.trace")
# The run's own command line (qemu.cmd), on qemu-system-i386, whose stub
# sends the layout gdb reads for an i386 ELF; the stub on a socket of the
# test, no QMP (the run's socket directory is gone), no gdbstub tracing.
sed -e 's/^qemu-system-x86_64 /qemu-system-i386 /' \
    -e "s|socket,path=[^,]*gdb.sock,|socket,path=$T/ref.sock,|" \
    -e 's/ -qmp [^ ]*//' -e "s/ -trace 'gdbstub_hit_\*'//" \
    -e "s|$T/build/runs/hits/|$T/ref-|g" "$T/build/runs/hits/qemu.cmd" > "$T/ref.cmd"
# gdb steps off each hit itself (tests/harness/gdb-count.py says why).
cat > "$T/count.gdb" <<EOS
set pagination off
set confirm off
file $KERNEL
target remote $T/ref.sock
source $ROOT/tests/harness/gdb-count.py
EOS
(eval "$(cat "$T/ref.cmd")") > "$T/ref.out" 2>&1 &
poll 10 test -S "$T/ref.sock"
COUNT_BREAK=pci_read32 timeout 120 gdb -q -batch -nx -x "$T/count.gdb" > "$T/gdb.out" 2>&1
wait
gdb_n=$(sed -n 's/^gdb-count //p' "$T/gdb.out")   # printed when QEMU exits and the session ends
stays=$(sed -n 's/^gdb-stays //p' "$T/gdb.out")
echo "    pci_read32: harness $ours_n hits, gdb ${gdb_n:-?} hits (${stays:-?} of gdb's steps answered at the same address)"
check "gdb counted hits" [ -n "$gdb_n" ] && [ "${gdb_n:-0}" -gt 0 ]
check "the harness counts what gdb counts" [ "$ours_n" = "${gdb_n:-none}" ]
if [ "$ours_n" != "${gdb_n:-none}" ]; then     # where they differ: hits per address, harness then gdb
    sed -n 's/^  pc \(0x[0-9a-f]*\) .*/\1/p' "$T/build/runs/hits/gdb.txt" | sort | uniq -c
    sed -n 's/^gdb-hit //p' "$T/gdb.out" | sort | uniq -c
    tail -n 5 "$T/gdb.out"
fi
rm -f "$T/ref.sock"

# --- the step over a breakpoint: in the harness, or by the vCPU where the stub has no P ---
# reported TEXT: the number gdb.txt gives in front of its line "N TEXT ...".
reported() { sed -n "s/^\([0-9]*\) $1 .*/\1/p" "$T/build/runs/hits/gdb.txt"; }
# proxied MODE: the `hits` run through gdb-proxy.py in MODE.
proxied() { PROXY_MODE=$1; export PROXY_MODE; harness --qemu "$T/dying-qemu" hits; unset PROXY_MODE; rm -f "$T/real.sock"; }
e=$(reported "steps over a breakpoint done in the harness")
check "the steps over pci_read32's breaks are done in the harness ($ours_n hits, ${e:-no} steps)" [ "${e:-0}" -eq "$ours_n" ]
proxied no-P
e=$(reported "steps over a breakpoint done in the harness")
check "with a stub that has no P, the vCPU steps and the golden still matches (status $RC)" [ "$RC" -eq 0 ]
check "... with no step done in the harness (${e:-none})" [ "${e:-x}" = 0 ]
proxied stay
stayed=$(reported "single steps by the vCPU that left EIP at the breakpoint")
check "a step the stub answers at once, the vCPU not moved, is stepped again: the golden still matches (status $RC)" [ "$RC" -eq 0 ]
check "... after 2 such steps (${stayed:-none})" [ "${stayed:-x}" = 2 ]
proxied stuck
check "a step that never leaves the breakpoint is an ERROR (status $RC)" [ "$RC" -eq 6 ]
check "... after GDB_STEP_TRIES steps, saying what to do" \
    grep -q "test.cfg:[0-9]*: break = pci_read32: gdb stub: 4 single steps did not leave 0x[0-9a-f]* (GDB_STEP_TRIES); .*: break after it" "$T/out"
check "no QEMU, proxy, socket or temporary file left" no_leftovers

# --- one MARK watch stop per marker the kernel writes ---
: > "$CFG"
section mark 'append = pci-v exit' 'events = pci_cfg_*' 'watch = 0xff000000/4 write'
harness --bless mark
marks=$(grep -c "addr 0xff000000 value .* name 'pc-testdev-iomem'" "$T/build/runs/mark/trace.log")
stops=$(grep -c '^gdb: watch 0xff000000/4 write #' "$T/build/runs/mark/actual.trace")
check "a MARK watch stops once per marker written ($marks markers, $stops stops)" [ "$marks" -gt 0 ] && [ "$marks" -eq "$stops" ]

# --- typed keys: each sent while the vCPU is parked in the key wait ---
: > "$CFG"
section typed 'append = kbd exit' 'events = ps2_*' 'keys = hi{enter}' 'oracle = kbd-line' 'watch = 0xff000000/4 write'
harness --bless typed
check "a typed run with a MARK watch passes (status $RC)" [ "$RC" -eq 0 ]
parks=$(sed -n 's/^\([0-9]*\) parks at the key wait$/\1/p' "$T/build/runs/typed/gdb.txt")
check "... and parks the vCPU once per key event (6, got ${parks:-none})" [ "${parks:-0}" -eq 6 ]
sti=$(sed -n 's/^key wait, .*: \(0x[0-9a-f]*\) wait_for_interrupt in i8042_read$/\1/p' "$T/build/runs/typed/gdb.txt")
: > "$CFG"
scenario hlt 'append = kbd exit' 'events = ps2_*' 'keys = hi{enter}' "break = $(printf '0x%x' $((${sti:-0} + 1)))"
harness hlt
check "a break on the key wait's hlt is an ERROR (status $RC)" [ "$RC" -eq 6 ]
check "... saying why" grep -q "is the hlt of the key wait, where the vCPU sleeps until each key" "$T/out"
check "no QEMU, socket or temporary file left" no_leftovers

# --- stops leave the device events as they were ---
: > "$CFG"
awk '!/^(break|watch) *=/' "$ROOT/tests/scenarios/gdb.cfg" > "$CFG"
for g in "$ROOT"/expected/gdb-*.trace; do
    n=$(basename "$g" .trace)
    grep -v '^gdb: ' "$g" > "$T/exp/$n.trace"
    cp "$ROOT/expected/$n.serial" "$T/exp/$n.serial"
done
harness -j2
check "each gdb scenario without break/watch gives its golden without the gdb lines (status $RC)" [ "$RC" -eq 0 ]
[ "$RC" -eq 0 ] || sed -n '/^FAIL/,$p' "$T/out" | head -20

# --- --debug: the printed command attaches a real gdb ---
: > "$CFG"
scenario dbg 'append = pci exit' 'events = pci_cfg_*' 'break = trace_begin'
harness_bg --debug dbg
poll 10 grep -q '^  gdb -q ' "$T/out"
cmd=$(sed -n 's/^  gdb -q /gdb -q -batch -nx /p' "$T/out")
check "--debug prints a gdb command with the scenario's break" sh -c "echo \"\$1\" | grep -q \"-ex 'break trace_begin'\"" sh "$cmd"
(cd "$ROOT" && eval "timeout 60 $cmd") > "$T/dbg-gdb.out" 2>&1
check "... which attaches and stops at trace_begin" grep -q "Breakpoint 1, trace_begin" "$T/dbg-gdb.out"
wait "$PID"
check "... and the run ends with gdb (no QEMU left)" no_leftovers
[ -n "${SHOW:-}" ] && cat "$T/out"
finish
