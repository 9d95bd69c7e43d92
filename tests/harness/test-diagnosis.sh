#!/bin/sh
# Failures show their cause, whatever check decided them. Two kernels are
# built here from a copy of the tree with one driver line changed on
# purpose (nothing of it is committed; the line is checked to exist first,
# so a change to the driver fails this test instead of testing nothing):
#  1. i8042 translation left off: drivers/i8042.c clears I8042_CFG_TRANSLATE
#     in the final configuration byte. The keyboard's set 2 bytes reach the
#     kernel, which decodes them as set 1; the run fails on the ACK count
#     (or the kbd-line oracle) before the goldens are compared. The report
#     must still show the first trace line that differs from the golden,
#     decoded (line 4: `mode 1` became `mode 0`), the serial tail, the kept
#     artifacts, and result.json's detail must not be empty.
#  2. PCI bus mastering left off: drivers/ata.c does not set
#     PCI_COMMAND_MASTER. GUEST-FAIL; the kernel names the cause (bus
#     mastering off, PCI COMMAND bit 2 clear) and the report shows the first
#     trace difference decoded.
# The goldens are the suite's own (expected/kbd-lower.*, expected/dma-one.*).
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

# variant NAME FILE OLD NEW: the kernel with the line OLD of FILE replaced
# by NEW, built under $T/NAME; its path in $VKERNEL.
variant() {
    rm -rf "$T/$1"
    mkdir -p "$T/$1"
    (cd "$ROOT" && cp -r boot kernel drivers lib include linker.ld Makefile "$T/$1/") || return 1
    if ! grep -qF -- "$3" "$T/$1/$2"; then
        echo "    $2 no longer has the line '$3'; update $NAME.sh to the driver"
        return 1
    fi
    OLD=$3 NEW=$4 awk '{ i = index($0, ENVIRON["OLD"]);
        if (i) $0 = substr($0, 1, i - 1) ENVIRON["NEW"] substr($0, i + length(ENVIRON["OLD"])); print }' \
        "$T/$1/$2" > "$T/$1/edit" && mv "$T/$1/edit" "$T/$1/$2"
    VKERNEL=$T/$1/build/kernel.elf
    make -s -C "$T/$1" BUILD="$T/$1/build" DEPS_OK= "$VKERNEL" > "$T/$1/make.log" 2>&1 ||
        { cat "$T/$1/make.log"; return 1; }
}

golden() { cp "$ROOT/expected/$1.trace" "$ROOT/expected/$1.serial" "$T/exp/"; }
detail_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["detail"])' "$1"; }

# 1. translation off
section kbd-lower 'append = kbd exit' 'events = ps2_*' 'keys = hello world{tab}ok{enter}' \
    'oracle = kbd-line' 'timeout = 30'
golden kbd-lower
check "a kernel with i8042 translation off builds" variant xlate-off drivers/i8042.c \
    'cfg &= ~(I8042_CFG_PORT2_IRQ | I8042_CFG_PORT1_CLOCK_OFF);' \
    'cfg &= ~(I8042_CFG_PORT2_IRQ | I8042_CFG_PORT1_CLOCK_OFF | I8042_CFG_TRANSLATE);'
TMPDIR=$T/tmp "$HARNESS" --kernel "$VKERNEL" --scenarios "$T/sc" --expected "$T/exp" \
    --build "$T/build" kbd-lower > "$T/out" 2>&1
RC=$?
check "translation off fails (status $RC)" [ "$RC" -eq 1 ]
check "... its first line names what decided it" grep -q "^FAIL .*kbd-lower" "$T/out"
check "... the first trace difference is line 4" grep -q "first trace difference, line 4:" "$T/out"
check "... the golden's line, decoded: translation on" \
    grep -q "golden: ps2_keyboard_set_translation P0 mode 1 .*# i8042 translation on" "$T/out"
check "... the actual line, decoded: translation off" \
    grep -q "actual: ps2_keyboard_set_translation P0 mode 0 .*# i8042 translation off" "$T/out"
check "... the serial tail" grep -q "last serial lines:" "$T/out"
check "... the kept artifacts" grep -q "kept: .*runs/kbd-lower/" "$T/out"
detail_of "$T/build/runs/kbd-lower/result.json" > "$T/detail" 2>/dev/null
check "... result.json's detail is not empty and has the difference" grep -q "first trace difference" "$T/detail"
[ -n "${SHOW:-}" ] && cat "$T/out"

# 2. bus mastering off
section dma-one 'disk = size=64M' 'append = dma=0:1 exit' \
    'events = ide_exec_cmd bmdma_* ide_dma_cb dma_blk_io dma_blk_cb' 'oracle = dma-crc' 'expect = pass'
golden dma-one
check "a kernel that leaves bus mastering off builds" variant master-off drivers/ata.c \
    'pci_write16(&f, PCI_REG_COMMAND, cmd | PCI_COMMAND_IO | PCI_COMMAND_MASTER);' \
    'pci_write16(&f, PCI_REG_COMMAND, cmd | PCI_COMMAND_IO);'
TMPDIR=$T/tmp "$HARNESS" --kernel "$VKERNEL" --scenarios "$T/sc" --expected "$T/exp" \
    --build "$T/build" dma-one > "$T/out" 2>&1
RC=$?
check "bus mastering off is a GUEST-FAIL (status $RC)" [ "$RC" -eq 3 ]
check "... the kernel names the cause" \
    grep -q "^GUEST-FAIL .*bus mastering off (PCI COMMAND bit 2 clear)" "$T/out"
check "... the first trace difference, decoded: the bus master still ACTIVE" \
    grep -q "actual: bmdma_read bmdma: readb 0x2 : 0x05 .*ACTIVE IRQ" "$T/out"
check "... the serial tail and the kept artifacts" sh -c "grep -q 'last serial lines:' '$T/out' && grep -q 'kept: ' '$T/out'"
check "no QEMU or temporary file left" no_leftovers
[ -n "${SHOW:-}" ] && cat "$T/out"
finish
