#!/bin/sh
# `qemu =` words that would take from the harness what it owns are refused
# at parse time with FILE:LINE, the word and why (status 2), and nothing
# runs: -daemonize leaked a QEMU that outlived the harness, -D sent the
# marker channel elsewhere (and bless wrote an empty trace), and so on.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

refused() { # refused WORDS PATTERN: a scenario with `qemu = WORDS` is refused naming PATTERN
    rm -f "$T/sc/test.cfg"
    scenario w 'append = pci exit' "qemu = $1"
    before=$(sums "$T/exp")
    harness --bless w
    if [ "$RC" -eq 2 ] && grep -q "test.cfg:3: qemu: '$2' is refused: .*; remove it" "$T/out" &&
        [ "$before" = "$(sums "$T/exp")" ] && [ -z "$(our_qemus)" ]; then
        ok "qemu = $1: refused (status 2) naming '$2' and why"
    else
        bad "qemu = $1: wanted status 2 and \"test.cfg:3: qemu: '$2' is refused: ...\"; got $RC:"
        sed 's/^/      /' "$T/out" | head -5
        for p in $(our_qemus); do kill -KILL "$p"; done
    fi
}
refused "-daemonize" "-daemonize"
refused "--daemonize" "--daemonize"
refused "-D $T/other.log" "-D"
refused "-serial file:$T/s.log" "-serial"
refused "-nographic" "-nographic"
refused "-qmp unix:$T/q.sock,server=on,wait=off" "-qmp"
refused "-monitor stdio" "-monitor"
refused "-mon chardev=c0" "-mon"
refused "-pidfile $T/pid" "-pidfile"
refused "-gdb tcp::1234" "-gdb"
refused "-s" "-s"
refused "-S" "-S"
refused "-display curses" "-display"
refused "-kernel $T/other.elf" "-kernel"
refused "-append quit" "-append"
refused "-qmp-pretty unix:$T/q.sock" "-qmp-pretty"
refused "-readconfig $T/x.cfg" "-readconfig"
refused "-trace events=$T/ev,file=$T/t.log" "-trace"
refused "-chardev socket,path=$T/g.sock,server=on,wait=off,id=traceos-gdb" "-chardev"

# What stays allowed: devices, -trace without file=, a chardev of one's own.
rm -f "$T/sc/test.cfg"
scenario ok 'append = pci exit' "qemu = -nic none -trace pci_cfg_read -chardev null,id=mine -device isa-debugcon,chardev=mine,iobase=0x402"
harness --list
check "allowed words still parse (status $RC)" [ "$RC" -eq 0 ]
check "no QEMU left by any of them" [ -z "$(our_qemus)" ]
check "no partial file or temporary left" no_leftovers
finish
