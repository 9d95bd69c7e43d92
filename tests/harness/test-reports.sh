#!/bin/sh
# --tap and --junit: one entry per scenario with its class and reason; the
# JUnit XML is well formed (xmllint) even when the serial output holds
# markup characters, control bytes and invalid UTF-8, and its counts agree.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"
command -v xmllint >/dev/null || { echo "  xmllint missing: apt-get install libxml2-utils (make deps)"; exit 1; }

section good 'append = pci exit'
section drift 'append = pci exit'
# The kernel echoes the unknown word: markup, a control byte, a bare 0xff.
printf "[weird]\nappend = pci <a&b>\"'\001\377 exit\n\n" >> "$T/sc/test.cfg"
section crashes 'append = fault=ud exit'
section hangs 'append = pci' 'timeout = 1'
section no-event 'append = pci exit' 'events = no_such_event'
harness --bless good drift
printf 'changed\n' >> "$(golden drift serial)"
for n in weird crashes hangs no-event; do : > "$T/exp/$n.trace"; : > "$T/exp/$n.serial"; done
harness -j 2 --tap "$T/r.tap" --junit "$T/r.xml"
check "the run's status is the highest class, ERROR (got $RC)" [ "$RC" -eq 6 ]

check "JUnit: xmllint finds it well formed" xmllint --noout "$T/r.xml"
x() { xmllint --xpath "$1" "$T/r.xml" 2>/dev/null; }
check "JUnit: tests=6 failures=4 errors=1" [ "$(x 'concat(//testsuite/@tests,",",//testsuite/@failures,",",//testsuite/@errors)')" = "6,4,1" ]
check "JUnit: one testcase per scenario" [ "$(x 'count(//testcase)')" = 6 ]
check "JUnit: the passing case has no failure" [ "$(x 'count(//testcase[@name="good"]/failure)')" = 0 ]
check "JUnit: failure message is the reason" sh -c "xmllint --xpath 'string(//testcase[@name=\"drift\"]/failure/@message)' '$T/r.xml' | grep -q 'serial differs from the golden'"
check "JUnit: the failure holds the diff" sh -c "xmllint --xpath 'string(//testcase[@name=\"drift\"]/failure)' '$T/r.xml' | grep -q '^-changed'"
check "JUnit: GUEST-FAIL message quotes the kernel" sh -c "xmllint --xpath 'string(//testcase[@name=\"weird\"]/failure/@message)' '$T/r.xml' | grep -q \"cmdline: '<a&b>\\\"'\""
check "JUnit: control bytes written as \\x01, \\xff" sh -c "xmllint --xpath 'string(//testcase[@name=\"weird\"]/system-out)' '$T/r.xml' | grep -qF '\\x01\\xff'"
check "JUnit: ERROR is an <error>" [ "$(x 'count(//testcase[@name="no-event"]/error)')" = 1 ]
check "JUnit: system-out holds the serial output" sh -c "xmllint --xpath 'string(//testcase[@name=\"good\"]/system-out)' '$T/r.xml' | grep -q '^traceos: verdict pass'"

check "TAP: version 13 and plan 1..6" [ "$(head -2 "$T/r.tap" | tr '\n' ' ')" = "TAP version 13 1..6 " ]
check "TAP: test points in scenario order" [ "$(grep -E '^(not )?ok ' "$T/r.tap" | sed 's/ - .*//' | tr '\n' ,)" = "ok 1,not ok 2,not ok 3,not ok 4,not ok 5,not ok 6," ]
check "TAP: YAML block with class, reason, time" sh -c "sed -n '/^not ok 5 - hangs/,/^  \.\.\./p' '$T/r.tap' | grep -q '^  class: \"TIMEOUT\"' && sed -n '/^not ok 5/,/^  \.\.\./p' '$T/r.tap' | grep -q '^  reason: \"no end within 1s' && sed -n '/^not ok 5/,/^  \.\.\./p' '$T/r.tap' | grep -q '^  time: [0-9]'"
check "TAP: names the QEMU after the plan" sh -c "sed -n 3p '$T/r.tap' | grep -q '^# QEMU [0-9][0-9.]* (qemu-system-x86_64)\$'"
check "JUnit: the QEMU's version and binary as testsuite properties" sh -c "xmllint --xpath 'string(//testsuite/properties/property[@name=\"qemu.version\"]/@value)' '$T/r.xml' | grep -q '^[0-9][0-9.]*\$' && [ \"\$(xmllint --xpath 'string(//testsuite/properties/property[@name=\"qemu.binary\"]/@value)' '$T/r.xml')\" = qemu-system-x86_64 ]"
check "TAP: the report is there" [ -f "$T/r.tap" -a -r "$T/r.tap" ]
no_raw_bytes() { [ -r "$1" ] && ! LC_ALL=C grep -q "$(printf '[\001\377]')" "$1"; }
check "TAP: no raw control byte (0x01) or 0xff; escaped" no_raw_bytes "$T/r.tap"
check "no QEMU or temporary file left" no_leftovers
[ -n "${SHOW:-}" ] && cat "$T/r.tap" "$T/r.xml"
finish
