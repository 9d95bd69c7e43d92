#!/bin/sh
# Everything that becomes a path is whole or refused: a long --expected is
# used as it is (never cut), one beyond PATH_MAX is an error naming it;
# scenario names are plain names (letters, digits, '-', '_'; at most 64), so
# `[..]` cannot write into the build root and a 1 MB name is a parse error,
# each a FILE:LINE error (status 2) that writes nothing.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

# A 1000-byte --expected is used whole; a 1091-byte one (the goldens'
# paths would be 1100 bytes and more) is refused, naming the path.
longdir() { # longdir BYTES: a path under $T of that many bytes
    d="$T/x"; while [ $(($1 - ${#d})) -gt 201 ]; do d="$d/$(printf '%0200d' 0)"; done
    echo "$d/$(printf '%0*d' $(($1 - ${#d} - 1)) 0)"
}
long=$(longdir 1000); mkdir -p "$long"
section p 'append = pci exit' 'events = pci_cfg_*'
harness --bless --expected "$long" p
that "a ${#long}-byte --expected: bless passes (status $RC)" '[ "$RC" -eq 0 ]'
that "... and writes p.trace and p.serial there, whole names" '[ "$(ls "$long" | grep '"'"'^p'"'"' | tr "\n" " ")" = "p.serial p.trace " ]'
that "... non-empty, each its own text" '[ -s "$long/p.trace" -a -s "$long/p.serial" ] && ! cmp -s "$long/p.trace" "$long/p.serial"'
long=$(longdir 1091); mkdir -p "$long" || bad "mkdir -p of a ${#long}-byte path"
harness --bless --expected "$long" p
that "a ${#long}-byte --expected: status 2 (got $RC)" '[ "$RC" -eq 2 ]'
that "... naming the golden's path and the limit" 'grep -q "^traceos-test: .*0/p\.serial: a path of 1100 bytes, more than 1099; use a shorter --expected" "$T/out"'
that "... and nothing is written there" '[ -z "$(ls -A "$long")" ]'

toolong="$T/$(printf '%04200d' 0)"
harness --bless --expected "$toolong" p
that "a 4200-byte --expected: status 2 (got $RC)" '[ "$RC" -eq 2 ]'
that "... naming the path and the limit" 'grep -q "^traceos-test: .*: a path of [0-9]* bytes, more than 1099; use a shorter --expected" "$T/out"'
harness --build "$toolong/b" p
that "a 4200-byte --build: status 2 (got $RC)" '[ "$RC" -eq 2 ] && grep -q "more than 1099; use a shorter --build" "$T/out"'

bad_name() { # bad_name DESCRIPTION HEADER
    rm -f "$T/sc/test.cfg"; printf '%s\nappend = pci exit\n' "$2" > "$T/sc/test.cfg"
    before=$(cd "$T" && find build exp | sort)
    harness --bless
    that "$1: status 2 (got $RC)" '[ "$RC" -eq 2 ]'
    that "$1: a FILE:LINE error naming the rule" 'grep -q "test.cfg:1: bad section header .*a scenario name is 1 to 64 letters, digits, .-. or ._.; rename it" "$T/out"'
    that "$1: one short line" '[ "$(wc -l < "$T/out")" -eq 1 ] && [ "$(wc -c < "$T/out")" -lt 400 ]'
    that "$1: nothing written" '[ "$before" = "$(cd "$T" && find build exp | sort)" ]'
}
bad_name "[..]" '[..]'
bad_name "a dot in a name" '[pci.pc]'
bad_name "a 65-character name" "[$(printf '%065d' 0)]"
bad_name "a 1 MB name" "[$(head -c 1048576 /dev/zero | tr '\0' a)]"
that "[..] left nothing in the build root" '[ ! -e "$T/build/serial.log" -a ! -e "$T/build/report.txt" -a ! -e "$T/exp/..trace" ]'

rm -f "$T/sc/test.cfg"; section "$(printf '%064d' 0)" 'append = pci exit'
harness --list
that "a 64-character name is accepted (status $RC)" '[ "$RC" -eq 0 ]'
check "no partial file or temporary left" no_leftovers
finish
