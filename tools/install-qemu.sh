#!/bin/sh
# tools/install-qemu.sh VERSION BUILD-DIR
#
# Makes Debian's QEMU VERSION available beside the system's, from Debian
# packages only, and prints the path of a qemu-system-x86_64 that runs it:
# - when the system's qemu-system-x86_64 already is VERSION (QEMU 10.0 on
#   Debian 13), that one;
# - else, for a version that the table below finds in a suite of the
#   system's own Debian mirror (10.0 in bookworm-backports for Debian 12),
#   its packages are fetched with `apt-get download` under a private apt
#   state (BUILD-DIR/qemu-VERSION/apt: sources, lists, cache; the system's
#   apt setup is never touched), unpacked with `dpkg-deb -x` under
#   BUILD-DIR/qemu-VERSION/root, and started through the wrapper
#   BUILD-DIR/qemu-VERSION/bin/qemu-system-x86_64 (qemu-system-i386 beside
#   it, for make debug).
# The wrapper sets QEMU_MODULE_DIR to the unpacked modules (QEMU would else
# load the system's modules of another build and abort) and passes -L for
# the unpacked seabios and data (another seabios hangs q35 boots).
# Messages go to stderr; exit 3 with the step named when something fails.
set -u

# version  Debian release  suite                packages (all of the same version but seabios)
TABLE="
10.0       bookworm        bookworm-backports   qemu-system-x86 qemu-system-common qemu-system-data qemu-system-gui qemu-system-modules-spice qemu-system-modules-opengl qemu-block-extra
"

die() { echo "install-qemu: error: $*" >&2; exit 3; }
[ $# -eq 2 ] || { echo "usage: tools/install-qemu.sh VERSION BUILD-DIR" >&2; exit 2; }
want=$1
mkdir -p "$2" && build=$(cd "$2" && pwd) || die "cannot create the build directory '$2'"

# "10.0" from "QEMU emulator version 10.0.2 (Debian ...)".
qemu_version() { "$1" --version 2>/dev/null | sed -n '1s/^QEMU emulator version \([0-9]*\.[0-9]*\).*/\1/p'; }

sys=$(command -v qemu-system-x86_64 || true)
if [ -n "$sys" ] && [ "$(qemu_version "$sys")" = "$want" ]; then
    echo "$sys"
    exit 0
fi

row=$(echo "$TABLE" | awk -v v="$want" '$1 == v')
[ -n "$row" ] || die "QEMU $want: not in the table of tools/install-qemu.sh (known: $(echo "$TABLE" | awk 'NF { printf "%s ", $1 }')); add a row naming its Debian suite"
release=$(echo "$row" | awk '{ print $2 }')
suite=$(echo "$row" | awk '{ print $3 }')
pkgs=$(echo "$row" | awk '{ for (i = 4; i <= NF; i++) printf "%s ", $i }')

dir=$build/qemu-$want
wrapper=$dir/bin/qemu-system-x86_64
if [ -x "$wrapper" ] && [ -x "$dir/bin/qemu-system-i386" ] && [ "$(qemu_version "$wrapper")" = "$want" ]; then
    echo "$wrapper"
    exit 0
fi

codename=$(. /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")
[ "$codename" = "$release" ] ||
    die "QEMU $want comes from $suite, made for Debian '$release', but this system is '${codename:-unknown}'; install a qemu-system-x86 of version $want by hand"
for c in apt-get apt-cache dpkg-deb; do
    command -v $c >/dev/null 2>&1 || die "$c not found: this step needs Debian's apt and dpkg"
done

# The system's own mirror for the release, so that no address is written here.
uri=$(apt-get indextargets --format '$(RELEASE) $(REPO_URI)' 'Created-By: Packages' 2>/dev/null |
      awk -v r="$release" '$1 == r { print $2; exit }')
[ -n "$uri" ] || die "no apt source for Debian '$release' is configured (apt-get indextargets); add one, then run again"

echo "install-qemu: fetching QEMU $want from $suite into $dir" >&2
rm -rf "$dir.new" && mkdir -p "$dir.new/apt/lists/partial" "$dir.new/apt/cache/archives/partial" \
    "$dir.new/apt/sources.list.d" "$dir.new/debs" ||
    die "cannot create $dir.new"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -f "$keyring" ] || die "$keyring is missing: apt-get install debian-archive-keyring"
echo "deb [signed-by=$keyring] $uri $suite main" >"$dir.new/apt/sources.list"
APT="-o Dir::Etc::sourcelist=$dir.new/apt/sources.list -o Dir::Etc::sourceparts=$dir.new/apt/sources.list.d \
     -o Dir::State::Lists=$dir.new/apt/lists -o Dir::Cache=$dir.new/apt/cache -o APT::Sandbox::User=root"
LOG=$dir.new/apt.log
# shellcheck disable=SC2086
apt-get $APT update >"$LOG" 2>&1 || die "apt-get update of $suite failed: $(tail -n 1 "$LOG")"

# The version of qemu-system-x86 that the suite carries; every QEMU package at that version.
in_suite() { apt-cache $APT madison "$1" 2>/dev/null | awk -v s="$suite" '$0 ~ s { print $3; exit }'; }
ver=$(in_suite qemu-system-x86)
case "$ver" in
*:"$want".*) ;;
*) die "$suite carries qemu-system-x86 '${ver:-none}', not $want" ;;
esac
bios=$(in_suite seabios)
[ -n "$bios" ] || die "$suite carries no seabios"
list="seabios=$bios"
for p in $pkgs; do list="$list $p=$ver"; done
# shellcheck disable=SC2086
(cd "$dir.new/debs" && apt-get $APT download $list) >>"$LOG" 2>&1 ||
    die "apt-get download failed: $(tail -n 1 "$LOG")"
for d in "$dir.new"/debs/*.deb; do
    dpkg-deb -x "$d" "$dir.new/root" || die "dpkg-deb -x $d failed"
done
rm -rf "$dir.new/debs"

mkdir -p "$dir.new/bin"
# One wrapper per system emulator that make uses: x86_64 (the harness, make
# run) and i386 (make debug: its gdb stub speaks the i386 register layout).
for emu in qemu-system-x86_64 qemu-system-i386; do
    cat >"$dir.new/bin/$emu" <<EOF
#!/bin/sh
# QEMU unpacked by tools/install-qemu.sh: its own modules, seabios and data.
root=\$(cd "\$(dirname "\$0")/../root" && pwd)
QEMU_MODULE_DIR=\$root/usr/lib/x86_64-linux-gnu/qemu
export QEMU_MODULE_DIR
exec "\$root/usr/bin/$emu" -L "\$root/usr/share/seabios" -L "\$root/usr/share/qemu" "\$@"
EOF
    chmod +x "$dir.new/bin/$emu"
done

missing=$(ldd "$dir.new/root/usr/bin/qemu-system-x86_64" 2>/dev/null | awk '/not found/ { print $1 }')
[ -z "$missing" ] || die "QEMU $want needs libraries this system lacks: $missing; install the packages that hold them (apt-get install qemu-system-x86 pulls most)"

rm -rf "$dir" && mv "$dir.new" "$dir" || die "cannot move $dir.new to $dir"
got=$(qemu_version "$wrapper")
[ "$got" = "$want" ] || die "$wrapper --version says '${got:-nothing}', not $want"
echo "install-qemu: QEMU $want ready: $wrapper" >&2
echo "$wrapper"
