#!/bin/sh
# `--bless` (make bless) writes goldens only from a run whose outcome matched
# `expect` and whose oracles agreed: never after an unexpected crash, a
# timeout, a failed oracle or the kernel's own fail verdict.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

section crashes 'append = fault=ud exit'
section times-out 'append = pci' 'timeout = 1'
# query-pci needs the pci-v listing; `pci` prints the short one: oracle fails.
section oracle-fails 'append = pci' 'oracle = query-pci'
section guest-fails 'append = pci fault=nope exit'
section passes 'append = pci exit' 'events = pci_cfg_*'
harness --bless -j 2
line() { grep "^$1 *$2 " "$T/out" | grep -q "$3"; }
check "unexpected crash: CRASH, goldens not written" line CRASH crashes "(goldens not written)"
check "timeout: TIMEOUT, goldens not written" line TIMEOUT times-out "(goldens not written)"
check "failed oracle: FAIL, goldens not written" line FAIL oracle-fails "query-pci oracle.*(goldens not written)"
check "kernel verdict fail: GUEST-FAIL, goldens not written" line GUEST-FAIL guest-fails "(goldens not written)"
check "the passing scenario is blessed" line PASS passes "goldens written"
check "exit status is the worst class, TIMEOUT (got $RC)" [ "$RC" -eq 5 ]
for n in crashes times-out oracle-fails guest-fails; do
    check "no golden for $n" [ "$(goldens_of $n)" -eq 0 ]
done
check "goldens for passes: trace and serial" [ -s "$(golden passes trace)" -a -s "$(golden passes serial)" ]
check "nothing else in expected/ but the set's QEMU record" [ "$(find "$T/exp" -type f ! -name QEMU | wc -l)" -eq 2 ]
check "the set records the QEMU that blessed it" sh -c "cat '$T'/exp/QEMU '$T'/exp/qemu-*/QEMU 2>/dev/null | grep -q '^QEMU emulator version'"

# An existing golden is left as it was when the new run fails.
printf 'old\n' > "$T/exp/crashes.serial"; printf 'old\n' > "$T/exp/crashes.trace"
harness --bless crashes
check "a failing run is CRASH (status 4, got $RC)" [ "$RC" -eq 4 ]
check "... and leaves the existing serial golden untouched" grep -qx old "$T/exp/crashes.serial"
check "... and the existing trace golden untouched" grep -qx old "$T/exp/crashes.trace"

CI=1 harness --bless passes
check "--bless under CI is refused with status 2 (got $RC)" [ "$RC" -eq 2 ]
check "... naming the fix" grep -q "bless locally and commit" "$T/out"
check "no partial file or temporary left" no_leftovers

section firsttime 'append = pci exit' 'events = pci_cfg_*'
harness --bless firsttime
check "a golden blessed for the first time is shown: what it holds, as added lines" \
    grep -q "^ *+== begin pci" "$T/out"
finish
