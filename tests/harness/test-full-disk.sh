#!/bin/sh
# --bless on a full disk writes a scenario's goldens all or not at all: the
# goldens live on a small tmpfs with room for the new .trace but not for the
# .serial after it; both old goldens must stay as they were, no temporary
# file may be left, and the line says which file could not be written.
# (tmpfs: the real disk is never filled. It needs root to mount; without it
# the test says so and checks nothing.)
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

section p 'append = pci-v exit' 'events = pci_cfg_*'
harness --bless p                           # the sizes of p's goldens, on the normal disk
tsize=$(wc -c < "$T/exp/p.trace"); ssize=$(wc -c < "$T/exp/p.serial")
check "p blesses on a normal disk (trace $tsize bytes, serial $ssize)" [ "$RC" -eq 0 -a "$tsize" -gt 4096 ]

mkdir -p "$T/full"
if ! mount -t tmpfs -o size=1m,nr_inodes=64 tmpfs "$T/full" 2>/dev/null; then
    echo "  skip cannot mount a tmpfs here (needs root); nothing checked"
    finish; exit 0
fi
ON_CLEANUP="umount $T/full"
: > "$T/full/p.trace"; printf 'old serial\n' > "$T/full/p.serial"
# Fill the tmpfs, then free exactly the pages the new trace needs (the old
# trace is empty, so replacing it frees nothing): the trace's
# temporary file fits, the serial's does not.
dd if=/dev/zero of="$T/full/filler" bs=4096 2>/dev/null
pages=$(( (tsize + 4095) / 4096 ))
truncate -s "-$((pages * 4096))" "$T/full/filler"
before=$(cd "$T/full" && sha256sum p.trace p.serial)

harness --bless --expected "$T/full" p
check "a full disk: --bless is refused (status 6, got $RC)" [ "$RC" -eq 6 ]
check "... saying which golden could not be written" grep -q "^ERROR .*goldens not written: $T/full/p\.[a-z]*: No space left on device" "$T/out"
check "... and both old goldens are as they were" [ "$before" = "$(cd "$T/full" && sha256sum p.trace p.serial)" ]
left=$(ls -A "$T/full" | grep -v '^p\.trace$\|^p\.serial$\|^filler$')
check "... and no temporary file is left on it${left:+ (left: $left)}" [ -z "$left" ]

rm -f "$T/full/filler"
harness --bless --expected "$T/full" p
check "with room again, both are written (status $RC)" [ "$RC" -eq 0 ]
check "... equal to the normal disk's" cmp -s "$T/full/p.trace" "$T/exp/p.trace"
check "... both of them" cmp -s "$T/full/p.serial" "$T/exp/p.serial"
finish
