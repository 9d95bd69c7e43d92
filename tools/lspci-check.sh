#!/bin/sh
# Check the kernel's pci-vv listing against pciutils' own decode of the
# kernel's configuration space dump.
#
#   tools/lspci-check.sh SERIAL-LOG
#
# SERIAL-LOG holds the output of a `pci-xxx` (or `pci-xxxx`) word and of a
# `pci-vv` word (raw serial or a harness .serial golden). The dump is fed to
# `lspci -F DUMP -nvv`; its output must equal the pci-vv listing line for
# line, except for " [size=...]", which lspci cannot know from a dump.
# Exit 0 agree, 1 any difference (a unified diff on stdout), 2 bad input,
# 3 no lspci (apt-get install pciutils).
set -u
[ $# -eq 1 ] || { echo "usage: tools/lspci-check.sh SERIAL-LOG" >&2; exit 2; }
log=$1
[ -r "$log" ] || { echo "lspci-check: $log: cannot read it" >&2; exit 2; }
command -v lspci >/dev/null 2>&1 || { echo "lspci-check: no lspci; install it: apt-get install pciutils" >&2; exit 3; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lspci-check.XXXXXX") || { echo "lspci-check: mktemp failed" >&2; exit 2; }
trap 'rm -rf "$tmp"' EXIT

# The listing after the phase's header line ("pci-vv: N functions as ...",
# "pci-xxx: N functions as ..."): function lines, their rows, empty lines.
# The last such listing in the log counts.
extract() {     # $1: header regex, $2: body regex
    tr -d '\r' < "$log" | awk -v head="$1" -v body="$2" '
        $0 ~ head { n++; on = 1; out = ""; next }
        on && ($0 == "" || $0 ~ body) { out = out $0 "\n"; next }
        on { on = 0 }
        END { if (n) printf "%s", out; else exit 1 }'
}
FN='^[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]\.[0-7] '
extract '^pci-xxxx?: [0-9]+ functions as lspci' "$FN|^[0-9a-f][0-9a-f][0-9a-f]?:( [0-9a-f][0-9a-f])+\$" > "$tmp/dump" ||
    { echo "lspci-check: $log: no pci-xxx or pci-xxxx listing (run the word pci-xxx or pci-xxxx)" >&2; exit 2; }
extract '^pci-vv: [0-9]+ functions as lspci' "$FN|^	" > "$tmp/vv" ||
    { echo "lspci-check: $log: no pci-vv listing (run the word pci-vv)" >&2; exit 2; }
grep -q . "$tmp/dump" || { echo "lspci-check: $log: the dump lists no function" >&2; exit 2; }

if ! lspci -F "$tmp/dump" -nvv > "$tmp/lspci" 2> "$tmp/err"; then
    echo "lspci-check: lspci -F refused the dump: $(grep -v libkmod "$tmp/err" | head -n 1)" >&2
    exit 1
fi
sed 's/ \[size=[^]]*\]//g' "$tmp/vv" > "$tmp/kernel.vv"
sed 's/ \[size=[^]]*\]//g' "$tmp/lspci" > "$tmp/lspci.vv"
if ! diff -u --label "lspci -F dump -nvv" --label "kernel pci-vv" "$tmp/lspci.vv" "$tmp/kernel.vv"; then
    echo "lspci-check: $log: pci-vv differs from lspci's decode of the dump" >&2
    exit 1
fi
echo "lspci-check: $log: $(grep -c "$FN" "$tmp/vv") functions, $(wc -l < "$tmp/vv") lines agree with lspci -F -nvv"
