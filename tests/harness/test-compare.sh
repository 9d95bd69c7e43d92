#!/bin/sh
# --compare-qemu PATH: the scenarios on two QEMUs and what changed. On the
# same QEMU twice everything is "same" (status 0). A wrapper that boots
# `pci-v` for `pci` stands in for a changed guest: serial and trace differ
# (status 1). On the real QEMU 7.2 and 10.0 (from TEST_QEMUS or the PATH)
# it shows the two known changes, 10.0's reads of absent PCI functions and
# the rename of ide_exec_cmd, and nothing else; the same in --compare-json.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

REAL=$(command -v qemu-system-x86_64)
section p 'append = pci exit' 'events = pci_cfg_*'
section d 'append = dma=0:8 exit' 'disk = size=1M' 'events = ide_exec_cmd bmdma_* ide_dma_cb dma_blk_io dma_blk_cb' 'oracle = dma-crc'
section f 'append = fault=ud exit' 'expect = crash'
says() { grep -q -- "$1" "$T/out"; }
json() { grep -q -- "$1" "$T/c.json"; }

harness --qemu "$REAL" --compare-qemu "$REAL" --compare-json "$T/c.json"
check "the same QEMU twice: status 0 (got $RC)" [ "$RC" -eq 0 ]
check "... every scenario same" [ "$(grep -c '^same  ' "$T/out")" -eq 3 ]
check "... no change" says "^compare: 0 changes from QEMU [0-9.]* (a) to QEMU [0-9.]* (b); 3 scenarios same, 0 differ"
check "... JSON says the same" sh -c "grep -q '\"differ\": 0' '$T/c.json' && grep -q '\"changes\": \[\]' '$T/c.json'"
check "... goldens were not needed (there are none)" [ -z "$(ls "$T/exp")" ]

cat > "$T/pciv-qemu" <<EOS
#!/bin/sh
# The kernel boots pci-v where the scenario says pci: a guest that changed.
for a do
    shift
    [ "\$a" = "pci exit" ] && a="pci-v exit"
    set -- "\$@" "\$a"
done
exec "$REAL" "\$@"
EOS
chmod +x "$T/pciv-qemu"
harness --qemu "$REAL" --compare-qemu "$T/pciv-qemu" p f
check "a changed guest: status 1 (got $RC)" [ "$RC" -eq 1 ]
check "... the scenario differs in its trace and serial" says "^differs    p  *trace (-2 lines only in QEMU [0-9.]* (a), +[0-9]* lines only in QEMU [0-9.]* (b)), serial$"
check "... the markers of the phases that changed" sh -c "grep -q '^  *-1 == begin \.\.\. only in QEMU [0-9.]* (a)  (first: == begin pci)' '$T/out' && grep -q '^  *+1 == begin \.\.\. only in QEMU [0-9.]* (b)  (first: == begin pci-v)' '$T/out'"
check "... the trace lines grouped by event and kind" says "^  *+[0-9]* pci_cfg_write i440FX \.\.\. only in QEMU"
check "... the serial diff" says "^  *+	Region 4: I/O ports at"
check "... the other scenario same" says "^same       f$"

Q72=$(qemu_of 7.2) Q10=$(qemu_of 10.0)
if [ -n "$Q72" ] && [ -n "$Q10" ]; then
    harness --qemu "$Q72" --compare-qemu "$Q10" --compare-json "$T/c.json" -j 2
    v72=$("$Q72" -version | sed -n '1s/^QEMU emulator version \([^ ]*\).*/\1/p')
    v10=$("$Q10" -version | sed -n '1s/^QEMU emulator version \([^ ]*\).*/\1/p')
    check "7.2 against 10.0: status 1, something changed (got $RC)" [ "$RC" -eq 1 ]
    check "... the PCI scenario differs: reads of absent functions only in 10.0" says "^differs    p  *trace (+[0-9]* lines only in QEMU $v10)$"
    check "... grouped as pci_cfg_read empty" says "^  *+[0-9]* pci_cfg_read empty \.\.\. only in QEMU $v10  (first: pci_cfg_read empty 00:01.2 @0x0 -> 0xffffffff)"
    check "... the DMA scenario the same, through the rename" says "^same       d  *(with the rename of ide_exec_cmd, see below)"
    check "... the crash the same" says "^same       f$"
    check "... the rename reported once as a change" sh -c "[ \$(grep -c 'rename: trace event ide_exec_cmd of QEMU $v72 is ide_bus_exec_cmd in QEMU $v10' '$T/out') -eq 1 ]"
    check "... the two known changes and nothing else" says "^compare: 2 changes from QEMU $v72 to QEMU $v10; 2 scenarios same, 1 differ"
    check "... as the second change, pci_cfg_read empty" says "^2\. trace: +[0-9]* pci_cfg_read empty \.\.\. only in QEMU $v10 (1 scenarios: p +[0-9]*)$"
    check "JSON: the rename" sh -c "grep -q '\"type\": \"rename\"' '$T/c.json' && grep -q '\"b\": \"ide_bus_exec_cmd\"' '$T/c.json'"
    check "JSON: the trace change with its event and kind" sh -c "grep -q '\"event\": \"pci_cfg_read\"' '$T/c.json' && grep -q '\"kind\": \"empty\"' '$T/c.json' && grep -q '\"differ\": 1' '$T/c.json'"
    check "JSON: exactly two changes" [ "$(grep -c '"type": ' "$T/c.json")" -eq 2 ]
else
    echo "  (QEMU 7.2 and 10.0 are not both here, e.g. on Debian 13: the comparison of the two not checked)"
fi

harness --compare-json "$T/x.json"
check "--compare-json without --compare-qemu: usage error (status $RC)" sh -c "[ $RC -eq 2 ] && grep -q 'goes with --compare-qemu' '$T/out'"
harness --compare-qemu "$REAL" --bless
check "--compare-qemu with --bless: usage error (status $RC)" [ "$RC" -eq 2 ]
harness --compare-qemu "$T/no-such-qemu"
check "a missing second QEMU: ERROR (status $RC)" sh -c "[ $RC -eq 6 ] && grep -q 'no-such-qemu' '$T/out'"
check "no QEMU or temporary file left" no_leftovers
[ -n "${SHOW:-}" ] && cat "$T/out"
finish
