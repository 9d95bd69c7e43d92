#!/bin/sh
# tools/check-docs.sh (make check-docs): the docs' marked trace excerpts pass
# as committed, and an excerpt changed by one character, or moved out of
# order, fails naming the doc, the excerpt and the line.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"
CD=$ROOT/tools/check-docs.sh

"$CD" > "$T/out" 2>&1
RC=$?
check "the committed docs pass (status $RC)" [ "$RC" -eq 0 ]
check "... dma.md, keyboard.md and pci.md have checked excerpts" \
    sh -c "grep -q 'dma.md: [1-9][0-9]* excerpt' '$T/out' && grep -q 'keyboard.md: [1-9]' '$T/out' && grep -q 'pci.md: [1-9]' '$T/out'"

# One value changed in the first excerpt of docs/dma.md (the CRC of dma-256).
sed 's/value=0x17b4a908/value=0x17b4a909/' "$ROOT/docs/dma.md" > "$T/dma.md"
check "the copy differs from the doc" sh -c "! cmp -s '$ROOT/docs/dma.md' '$T/dma.md'"
"$CD" "$T/dma.md" > "$T/out" 2>&1
RC=$?
check "a changed excerpt fails (status $RC)" [ "$RC" -eq 1 ]
check "... naming the doc, the marker's line and the excerpt line" \
    grep -q "^check-docs: $T/dma.md:[0-9]*: excerpt line 1 is not in expected/dma-256.trace (in this order): == check dma tag=0x1 value=0x17b4a909" "$T/out"

# Two lines of a pci.md excerpt swapped.
awk '/^    pci_cfg_read VGA 00:02.0 @0x10 -> 0xfd000008$/ { held = $0; next }
     held != "" { print; print held; held = ""; next } { print }' "$ROOT/docs/pci.md" > "$T/pci.md"
"$CD" "$T/pci.md" > "$T/out" 2>&1
RC=$?
check "an excerpt out of order fails (status $RC)" [ "$RC" -eq 1 ]
check "... naming the golden" grep -q "is not in expected/pci-bridge.trace" "$T/out"

# A marker naming a golden that does not exist.
printf '<!-- golden: expected/no-such.trace -->\n\n    == begin pci\n' > "$T/bad.md"
"$CD" "$T/bad.md" > "$T/out" 2>&1
RC=$?
check "a marker naming no golden fails (status $RC)" sh -c "[ $RC -eq 1 ] && grep -q 'golden expected/no-such.trace is missing' '$T/out'"
[ -n "${SHOW:-}" ] && cat "$T/out"
finish
