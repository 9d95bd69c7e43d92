#!/bin/sh
# --bless never empties or damages a golden: a kernel that writes no
# BEGIN/END marker (it only leaves through isa-debug-exit with the pass
# status) is refused, naming why, and the goldens stay as they were; so is a
# trace log sent elsewhere by the scenario (`qemu = -D FILE`).
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

build_kernel exit33 'mov al, 0x10' 'out 0xf4, al' '.h: cli' 'hlt' 'jmp .h' ||
    { bad "cannot build the exit-only kernel with nasm and ld"; finish; exit 1; }

section p 'append = pci exit' 'events = pci_cfg_*'
harness --bless p
check "the real kernel blesses p (status 0, got $RC)" [ "$RC" -eq 0 ]
check "... with non-empty goldens" [ -s "$T/exp/p.trace" -a -s "$T/exp/p.serial" ]
before=$(sums "$T/exp")

harness --bless --kernel "$T/exit33.elf" p
check "an exit-only kernel: --bless is refused (status 1, got $RC)" [ "$RC" -eq 1 ]
check "... naming why" grep -q "^FAIL .*no phase began and ended; the kernel wrote no BEGIN/END markers: check --kernel and the trace device (trace=ADDR) (goldens not written)" "$T/out"
check "... and no golden changed" [ "$before" = "$(sums "$T/exp")" ]

harness --kernel "$T/exit33.elf" p
check "an exit-only kernel without --bless fails too (status 1, got $RC)" [ "$RC" -eq 1 ]

# A new scenario has no golden to lose, but an exit-only run still writes none.
section q 'append = pci exit' 'events = pci_cfg_*'
harness --bless --kernel "$T/exit33.elf" q
check "no golden is created from a run without phases" [ ! -e "$T/exp/q.trace" -a ! -e "$T/exp/q.serial" ]

rm -f "$T/sc/test.cfg"
section p 'append = pci exit' 'events = pci_cfg_*' "qemu = -D $T/other.log"
harness --bless p
check "qemu = -D elsewhere: --bless writes nothing (status $RC)" [ "$RC" -ne 0 ]
check "... and no golden changed" [ "$before" = "$(sums "$T/exp")" ]
check "no partial file or temporary left" no_leftovers
finish
