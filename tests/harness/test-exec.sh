#!/bin/sh
# An argument too long for QEMU's command line is refused at parse time
# (FILE:LINE, status 2), and a QEMU that cannot be started is reported as
# what happened ("cannot start QEMU: Argument list too long", "Permission
# denied" before the run: test-probe.sh), not as an exit status 127 with
# nothing after "QEMU said:".
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

mb=$(head -c 1048576 /dev/zero | tr '\0' a)
scenario big-word 'append = pci exit' "qemu = -device $mb"
harness big-word
that "a 1 MB qemu = word: status 2 (got $RC)" '[ "$RC" -eq 2 ]'
that "... FILE:LINE naming the limit, in one short line" 'grep -q "test.cfg:3: qemu: a word of 1048576 bytes, more than 4096 (SCENARIO_ARG_MAX)" "$T/out" && [ "$(wc -c < "$T/out")" -lt 400 ]'
rm -f "$T/sc/test.cfg"
scenario big-append "append = pci $mb exit"
harness big-append
that "a 1 MB append: status 2 (got $RC)" '[ "$RC" -eq 2 ] && grep -q "test.cfg:2: append: 1048585 bytes, more than 4096 (SCENARIO_ARG_MAX)" "$T/out"'
rm -f "$T/sc/test.cfg"
words=$(i=0; while [ $i -lt 20 ]; do printf -- '-device %04000d ' 0; i=$((i + 1)); done)
scenario many-words 'append = pci exit' "qemu = $words"
harness many-words
that "qemu = words of 80 KB in all: status 2 (got $RC)" '[ "$RC" -eq 2 ] && grep -q "test.cfg:3: qemu: 80[0-9]* bytes of words, more than 65536 (SCENARIO_QEMU_MAX)" "$T/out"'

# E2BIG at exec for real: a 128 KiB argument+environment limit (a 512 KiB
# stack: the kernel allows a quarter, at least 128 KiB), 100 KiB of it
# environment; the harness and the probes start, the run's QEMU, with 15
# words of 4000 bytes (within the scenario limits), does not fit.
rm -f "$T/sc/test.cfg"
words=$(i=0; while [ $i -lt 15 ]; do printf -- "-name %04000d " 0; i=$((i + 1)); done)
scenario e2big 'append = pci exit' "qemu = $words"
pad=$(head -c 102400 /dev/zero | tr '\0' p)
(ulimit -s 512 && PAD=$pad harness e2big; echo "$RC" > "$T/rc")
RC=$(cat "$T/rc")
that "exec refused with E2BIG: ERROR (status 6, got $RC)" '[ "$RC" -eq 6 ]'
that "... saying so, not a status 127" 'grep -q "^ERROR *e2big *cannot start QEMU: Argument list too long" "$T/out" && ! grep -q "status 127" "$T/out"'
check "no partial file or temporary left" no_leftovers
finish
