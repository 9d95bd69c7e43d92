#!/bin/sh
# Install what the build and the tests need, from Debian packages only.
# Says what it installs; exits 3 with the package named when it cannot.
set -u

# command-or-file  package
NEEDS="
nasm                            nasm
grub-mkrescue                   grub-common
/usr/lib/grub/i386-pc/moddep.lst grub-pc-bin
xorriso                         xorriso
mformat                         mtools
qemu-system-x86_64              qemu-system-x86
cc                              gcc
make                            make
/usr/include/jansson.h          libjansson-dev
/usr/include/cmocka.h           libcmocka-dev
xmllint                         libxml2-utils
pgrep                           procps
clang                           clang
lspci                           pciutils
/usr/include/elfutils/libdw.h   libdw-dev
/usr/include/zlib.h             zlib1g-dev
gdb                             gdb
"

die() { echo "install-deps: error: $*" >&2; exit 3; }

have() {
    case "$1" in
    /*) [ -e "$1" ] ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
    esac
}

# A cross prefix given by hand must name a compiler that exists.
if [ -n "${CROSS:-}" ] && ! have "${CROSS}gcc"; then
    die "CROSS=$CROSS: ${CROSS}gcc not found; unset CROSS to use gcc-i686-linux-gnu"
fi

# The libFuzzer runtime of the installed clang: where clang itself looks for
# it, in the package named after clang's major version.
# Prints its package when missing, nothing when present or clang is absent.
fuzzer_missing() {
    have clang || return 0
    f=$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null)
    case "$f" in /*) [ -e "$f" ] && return 0 ;; esac
    major=$(clang --version 2>/dev/null | sed -n '1s/.*clang version \([0-9][0-9]*\).*/\1/p')
    [ -n "$major" ] || die "cannot read the version from 'clang --version'; install the libFuzzer runtime (libclang-rt-N-dev) by hand"
    echo "libclang-rt-$major-dev"
}

# Prints the packages still missing, space separated.
missing_packages() {
    m=""
    # The cross compiler: i686-elf-gcc if present, else Debian's gcc-i686-linux-gnu.
    if [ -z "${CROSS:-}" ] && ! have i686-elf-gcc && ! have i686-linux-gnu-gcc; then
        m="gcc-i686-linux-gnu binutils-i686-linux-gnu"
    fi
    set -f
    for pair in $(echo "$NEEDS" | awk 'NF == 2 { print $1 "=" $2 }'); do
        have "${pair%%=*}" || m="$m ${pair#*=}"
    done
    set +f
    fz=$(fuzzer_missing) || exit 3
    echo $m $fz
}

missing=$(missing_packages) || exit 3
[ -n "$missing" ] || { echo "install-deps: every package needed is present"; exit 0; }

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    sudo -n true 2>/dev/null || die "sudo needs a password: run as root or configure sudo (needed: apt-get install $missing)"
    SUDO="sudo"
else
    die "not root and no sudo; install as root: apt-get install $missing"
fi
command -v apt-get >/dev/null 2>&1 || die "no apt-get (not Debian?); install these packages by hand: $missing"

# apt's messages go to a log; its last line is shown when a step fails.
LOG=$(mktemp "${TMPDIR:-/tmp}/install-deps.XXXXXX") || die "mktemp failed under ${TMPDIR:-/tmp}; set TMPDIR to a writable directory"
trap 'rm -f "$LOG"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
apt() { $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "$@" >/dev/null 2>"$LOG"; }
last() { tail -n 1 "$LOG"; }

UPDATE_FAILED=""
if ! apt update -qq; then
    UPDATE_FAILED=" (apt-get update had failed: $(last))"
    echo "install-deps: warning: apt-get update failed: $(last); trying the package lists already present" >&2
fi

# Two rounds: clang installed in the first may name its fuzzer runtime only then.
for round in 1 2; do
    echo "install-deps: installing Debian packages: $missing"
    if ! apt install -y -qq $missing; then
        for p in $missing; do
            apt install -y -qq "$p" ||
                die "could not install Debian package '$p': $(last)$UPDATE_FAILED; try: apt-get install $p"
        done
    fi
    missing=$(missing_packages) || exit 3
    [ -n "$missing" ] || break
done
[ -z "$missing" ] || die "still missing after installing: $missing$UPDATE_FAILED; install them by hand"
echo "install-deps: done"
