#!/bin/sh
# --explain FILE: every line of a golden with its meaning beside it; a
# malformed or truncated file printed as it is with the bad lines marked,
# never a crash (this runs the sanitizer build); a missing file is one line
# and status 7.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"
G=$ROOT/expected/dma-split.trace

"$HARNESS" --explain "$G" > "$T/out" 2> "$T/err"
RC=$?
check "a golden explains (status $RC)" [ "$RC" -eq 0 ]
check "... one output line per golden line, or two for a long one" \
    [ "$(grep -c '# ' "$T/out")" -eq "$(wc -l < "$G")" ]
check "... every golden line appears as it is" sh -c "grep -v '^ ' '$T/out' | sed 's/  *# .*//' | cmp -s - '$G'"
check "... nothing undecodable" sh -c "! grep -q 'undecodable\|not decoded' '$T/out' && [ ! -s '$T/err' ]"
check "... READ DMA named" grep -q "cmd 0xc8 .*# ATA command 0xC8 READ DMA" "$T/out"
check "... the bus-master status decoded" grep -q "readb 0x2 : 0x04 .*# bus-master STATUS = 0x04: IRQ" "$T/out"

head -c 300 "$G" > "$T/cut.trace"
printf '\nhello, world\n\001\377 bytes\npci_cfg_read i440FX 00:00.0 @0x\nno_such_event P0 x' >> "$T/cut.trace"
"$HARNESS" --explain "$T/cut.trace" > "$T/out" 2> "$T/err"
RC=$?
check "a cut file with garbage explains too (status $RC)" [ "$RC" -eq 0 ]
check "... the garbage printed as it is, marked" grep -q "^hello, world .*# not decoded: \|^hello, world .*# undecodable" "$T/out"
check "... a truncated event marked undecodable" grep -q "^pci_cfg_read i440FX 00:00.0 @0x .*# undecodable: its fields cannot be read" "$T/out"
check "... an unknown event named" grep -q "# not decoded: no_such_event" "$T/out"
check "... the count on stderr" grep -q "line(s) of .*cut.trace did not decode" "$T/err"

"$HARNESS" --explain "$T/none.trace" > "$T/out" 2>&1
RC=$?
check "a missing file: status 7 (got $RC)" [ "$RC" -eq 7 ]
check "... one line naming it" sh -c "[ \$(wc -l < '$T/out') -eq 1 ] && grep -q \"^traceos-test: --explain: $T/none.trace: cannot open\" '$T/out'"
[ -n "${SHOW:-}" ] && cat "$T/out"
finish
