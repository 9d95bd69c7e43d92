#!/bin/sh
# --repeat N: N identical runs pass; a run whose normalized serial or trace
# differs from the first fails, with the run-to-run diff. The difference is
# made by a QEMU wrapper that gives the kernel `pci-v` instead of `pci` from
# its second boot on (a stand-in for a flaky guest).
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

cat > "$T/flaky-qemu" <<EOS
#!/bin/sh
# Counts the boots (not the -machine none probes); from boot 2 on, pci -> pci-v.
case " \$* " in *" -kernel "*) echo x >> "$T/boots" ;; esac
n=\$(cat "$T/boots" 2>/dev/null | wc -l)
for a do
    shift
    [ "\$a" = "pci exit" ] && [ "\$n" -ge 2 ] && a="pci-v exit"
    set -- "\$@" "\$a"
done
exec qemu-system-x86_64 "\$@"
EOS
chmod +x "$T/flaky-qemu"

section steady 'append = pci exit' 'events = pci_cfg_*'
harness --bless steady
check "blessed the goldens of a steady scenario" [ "$RC" -eq 0 ]
harness --repeat 3 steady
check "--repeat 3 of a steady scenario passes (status $RC)" [ "$RC" -eq 0 ]
check "... and says all runs were identical" grep -q "^PASS .*3 runs identical" "$T/out"

before=$(sums "$T/exp")
harness --repeat 3 --qemu "$T/flaky-qemu" steady
check "--repeat 3 with a run that differs fails (status $RC)" [ "$RC" -eq 1 ]
check "... naming the run" grep -q "^FAIL .*run 2 of 3: trace and serial differ from run 1 (flaky)" "$T/out"
# pci-v adds a tab-indented Region line under each function with a BAR.
check "... with the run-to-run diff" grep -q "^+$(printf '\t')Region " "$T/out"
check "... the goldens unchanged" [ "$before" = "$(sums "$T/exp")" ]
check "no QEMU or temporary file left" no_leftovers
[ -n "${SHOW:-}" ] && cat "$T/out"
finish
