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
/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a libclang-rt-14-dev
"

have() {
    case "$1" in
    /*) [ -e "$1" ] ;;
    *) command -v "$1" >/dev/null 2>&1 ;;
    esac
}

missing=""
# The cross compiler: i686-elf-gcc if present, else Debian's gcc-i686-linux-gnu.
if [ -z "${CROSS:-}" ] && ! have i686-elf-gcc && ! have i686-linux-gnu-gcc; then
    missing="gcc-i686-linux-gnu binutils-i686-linux-gnu"
fi
set -f
for pair in $(echo "$NEEDS" | awk 'NF == 2 { print $1 "=" $2 }'); do
    have "${pair%%=*}" || missing="$missing ${pair#*=}"
done
set +f
missing=$(echo $missing)
[ -n "$missing" ] || exit 0

echo "install-deps: installing Debian packages: $missing"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-deps: error: not root and no sudo; install as root: apt-get install $missing" >&2
    exit 3
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: error: no apt-get (not Debian?); install these packages by hand: $missing" >&2
    exit 3
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null 2>&1 || true
if ! $SUDO apt-get install -y -qq $missing >/dev/null 2>&1; then
    for p in $missing; do
        if ! $SUDO apt-get install -y -qq "$p" >/dev/null 2>&1; then
            echo "install-deps: error: could not install Debian package '$p'; try: apt-get install $p" >&2
            exit 3
        fi
    done
fi
echo "install-deps: done"
