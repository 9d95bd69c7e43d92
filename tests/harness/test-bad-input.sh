#!/bin/sh
# Bad input: each case gets one line naming the file, line or value and the
# fix, its documented exit status, and changes nothing on disk (the goldens'
# checksums are the same afterwards, no temporary or partial file is left).
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

# case DESCRIPTION STATUS PATTERN [HARNESS-ARGS...]: run on $T/sc as it is.
case_() {
    d=$1 want=$2 pat=$3; shift 3
    before=$(sums "$T/exp")
    harness "$@"
    if [ "$RC" -eq "$want" ] && grep -q -- "$pat" "$T/out" && [ "$before" = "$(sums "$T/exp")" ] \
        && no_leftovers; then
        ok "$d: status $want, says '$pat'"
    else
        bad "$d: wanted status $want and '$pat'; got status $RC:"; sed 's/^/      /' "$T/out"
    fi
}
fresh() { rm -f "${T:?}/sc"/*.cfg; }

fresh; scenario ok 'append = pci exit'
case_ "unknown scenario name" 2 "unknown scenario 'nope'; .*--list" nope

fresh; scenario dup 'append = pci exit'; scenario dup 'append = pci'
case_ "duplicate scenario names" 2 "test.cfg:4: duplicate scenario name 'dup' (first defined at .*test.cfg:1); rename one"

fresh; scenario k 'append = pci exit' 'keys = ab{foo}'
case_ "unknown key name" 2 "test.cfg:3: keys: unknown key name 'foo'; valid names: enter"

fresh; scenario k 'append = pci exit' 'machin = pc'
case_ "unknown scenario key" 2 "test.cfg:3: unknown key 'machin'; valid keys: machine"

fresh; scenario w 'append = pci bogus exit'
case_ "unknown kernel word" 3 "^GUEST-FAIL w .*verdict is fail: \"cmdline: 'bogus': unknown word: known are pci"

fresh; scenario g 'append = pci exit' 'events = pci_cfg_*'
printf '== begin pci\r\n== end pci status=0\r\n' > "$T/exp/g.trace"
case_ "malformed golden: CR" 6 "g.trace:1: malformed golden: a CR byte.*make bless"
printf '== begin pci\npci_cfg_read x\nthis is not a trace line\n' > "$T/exp/g.trace"
case_ "malformed golden: garbage line" 6 "g.trace:3: malformed golden: a line that is neither"
: > "$T/exp/g.trace"; printf 'traceos: 2 words\n\001\002\377\n' > "$T/exp/g.serial"
case_ "malformed golden: binary" 6 "g.serial:2: malformed golden: a control or binary byte"
rm -f "$T/exp/g.serial"
case_ "missing golden: the bless command with these options" 6 "golden .*g.serial is missing; run \`traceos-test --bless --kernel .* --scenarios $T/sc --expected $T/exp .* g\` to create it"

fresh; scenario d 'append = pci exit' 'disk = size=1M'
mkdir -p "$T/build"; : > "$T/build/images"            # images/ cannot be created
case_ "disk image cannot be made" 6 "images/d.img: cannot create disk image: Not a directory"
rm -f "$T/build/images"

fresh; scenario q 'append = pci exit'
echo "not a kernel" > "$T/notakernel"
case_ "QEMU exits before the kernel starts" 6 "ERROR .*QEMU exited with status 1 before the kernel started" --kernel "$T/notakernel"
check "... and QEMU's own message is shown" grep -q "invalid kernel header" "$T/out"

fresh; scenario e 'append = pci exit' 'events = pci_cfg_* no_such_event'
case_ "trace event QEMU lacks" 6 "trace event 'no_such_event' is not in this QEMU .*fix the events line"

fresh; scenario v 'append = pci exit' 'qemu = -device no-such-device'
case_ "device QEMU lacks" 6 "QEMU lacks device 'no-such-device'"
finish
