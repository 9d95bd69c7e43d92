#!/bin/sh
# tools/qemus.sh [--all] BUILD-DIR [CHOICE]
#
# Prints the qemu-system-x86_64 binaries that a make target runs on, one
# path a line. CHOICE is the QEMU= of make:
# - a version, such as 7.2 or 10.0: tools/install-qemu.sh VERSION BUILD-DIR
#   (the system's QEMU when it is that version, else Debian's unpacked
#   under BUILD-DIR);
# - a path (anything with a '/') or a command name: that binary;
# - empty: the system's qemu-system-x86_64, and with --all also every
#   version in QEMU_ALSO (default: 10.0) that the system's is not, so that
#   on Debian 12 `make test` runs on 7.2 and 10.0, and on Debian 13 on 10.0.
# Messages go to stderr; exit 3 when a QEMU cannot be had.
set -u
all=
[ "${1:-}" = --all ] && { all=1; shift; }
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: tools/qemus.sh [--all] BUILD-DIR [CHOICE]" >&2; exit 2; }
build=$1 choice=${2:-}
here=$(dirname "$0")
die() { echo "qemus: error: $*" >&2; exit 3; }

version_of() { "$1" -version 2>/dev/null | sed -n '1s/^QEMU emulator version \([0-9]*\.[0-9]*\).*/\1/p'; }

case "$choice" in
'')
    sys=$(command -v qemu-system-x86_64) ||
        die "qemu-system-x86_64 not found; install Debian package qemu-system-x86 (make deps), or name one with QEMU=PATH"
    echo "$sys"
    [ -n "$all" ] || exit 0
    have=$(version_of "$sys")
    for v in ${QEMU_ALSO-10.0}; do
        [ "$v" = "$have" ] && continue
        sh "$here/install-qemu.sh" "$v" "$build" ||
            die "QEMU $v could not be installed (above); run on one QEMU with QEMU=PATH or QEMU=$have, or set QEMU_ALSO="
    done
    ;;
*/*)
    [ -x "$choice" ] || die "QEMU=$choice: no such executable; give a path to a qemu-system-x86_64 or a version (7.2, 10.0)"
    echo "$choice"
    ;;
[0-9]*.[0-9]*)
    sh "$here/install-qemu.sh" "$choice" "$build" || exit 3
    ;;
*)
    p=$(command -v "$choice") ||
        die "QEMU=$choice: neither a version (7.2, 10.0) nor a path nor a command on the PATH"
    echo "$p"
    ;;
esac
