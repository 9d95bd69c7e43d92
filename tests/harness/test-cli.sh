#!/bin/sh
# The command line as a newcomer meets it: --help, a missing value, glob
# selection, and the defaults found from any directory.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

"$HARNESS" --help > "$T/out" 2>&1; RC=$?
missing=""
for o in --list -j --bless --kernel --scenarios --expected --build --root --qemu --repeat --tap --junit --help; do
    grep -q -- "^  .*$o" "$T/out" || missing="$missing $o"
done
that "--help exits 0 and describes every option${missing:+ (missing:$missing)}" '[ "$RC" -eq 0 ] && [ -z "$missing" ]'
"$HARNESS" -h > "$T/out2" 2>&1
check "-h is --help" cmp -s "$T/out" "$T/out2"

"$HARNESS" -j > "$T/out" 2>&1; RC=$?
that "-j without a value names the option (status 2)" '[ "$RC" -eq 2 ] && grep -q "option -j needs a value: -j N" "$T/out"'

section pci-a 'append = pci exit'
section pci-b 'append = pci exit'
section kbd-a 'append = kbd exit'
harness --list 'pci-*'
that "a glob selects by name" '[ "$RC" -eq 0 ] && [ "$(awk '\''{print $1}'\'' "$T/out" | tr '\''\n'\'' '\'' '\'')" = "pci-a pci-b " ]'
harness --list 'nothing-*'
that "a glob matching nothing is status 2 and says so" '[ "$RC" -eq 2 ] && grep -q "no scenario name matches '\''nothing-\*'\''" "$T/out"'

# From another directory the defaults are the repository's (the one this
# harness was built in), so --list shows the repository's scenarios.
(cd "$T/tmp" && "$HARNESS" --list > "$T/out" 2>&1); RC=$?
that "from another directory: the repository's scenarios" '[ "$RC" -eq 0 ] && grep -q "^pci-pc .*tests/scenarios/pci.cfg" "$T/out"'
(cd "$T/tmp" && "$HARNESS" --root "$ROOT" --list pci-pc > "$T/out" 2>&1); RC=$?
that "--root names the repository" '[ "$RC" -eq 0 ] && grep -q "^pci-pc  *$ROOT/tests/scenarios/pci.cfg" "$T/out"'

harness --kernel "$T/nonexist.elf" pci-a
that "--kernel to a missing file names it and the reason (status 6)" '[ "$RC" -eq 6 ] && grep -q -- "--kernel $T/nonexist.elf: No such file or directory" "$T/out"'

# In the repository with its default paths, a missing golden names
# `make bless TESTFLAGS=NAME`.
mkdir -p "$T/repo/tests/scenarios" "$T/repo/expected" "$T/repo/build"
cp "$KERNEL" "$T/repo/build/kernel.elf"
printf '[fresh-one]\nappend = pci exit\nevents = pci_cfg_*\n' > "$T/repo/tests/scenarios/x.cfg"
(cd "$T/repo" && TMPDIR=$T/tmp "$HARNESS" fresh-one > "$T/out" 2>&1); RC=$?
that "defaults: a missing golden says make bless TESTFLAGS=NAME" '[ "$RC" -eq 6 ] && grep -q "golden expected/fresh-one.trace is missing; run \`make bless TESTFLAGS=fresh-one\`" "$T/out"'

finish
