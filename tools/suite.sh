#!/bin/sh
# tools/suite.sh BUILD-DIR CHOICE HARNESS [HARNESS-ARGS...]
#
# `make test`'s scenario suite: `HARNESS --qemu Q HARNESS-ARGS...` for each
# QEMU Q that `tools/qemus.sh --all BUILD-DIR CHOICE` names, one pass after
# the other. Each pass begins with the harness's own first line, which names
# its QEMU, and ends with its `N passed, N failed`. With more than one
# pass, one line per pass and a last `N passed, N failed` summing them
# follow (CI reads the last such line). Exit status: the highest of the
# passes' (0 when every pass passed); a pass ended by SIGINT or SIGTERM
# (130, 143) ends the suite.
set -u
[ $# -ge 3 ] || { echo "usage: tools/suite.sh BUILD-DIR CHOICE HARNESS [HARNESS-ARGS...]" >&2; exit 2; }
build=$1 choice=$2 harness=$3
shift 3
list=$(sh "$(dirname "$0")/qemus.sh" --all "$build" "$choice") || exit 3
log=$build/suite-pass.log
rcf=$build/suite-pass.rc
npass=0 tp=0 tf=0 worst=0 summary=
nl='
'
old_ifs=$IFS
IFS=$nl
set -f
for q in $list; do
    IFS=$old_ifs
    npass=$((npass + 1))
    { "$harness" --qemu "$q" "$@"; echo $? >"$rcf"; } | tee "$log"
    rc=$(cat "$rcf" 2>/dev/null || echo 6)
    case $rc in 130|143) rm -f "$log" "$rcf"; exit "$rc" ;; esac
    [ "$rc" -gt "$worst" ] && worst=$rc
    counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    if [ -n "$counts" ]; then
        p=${counts%% passed*}
        f=${counts#*passed, }
        f=${f%% failed}
    else    # it stopped before running any scenario: all of them failed
        p=0
        f=$("$harness" --list "$@" 2>/dev/null | wc -l)
        counts="$p passed, $f failed (status $rc before any scenario ran)"
    fi
    tp=$((tp + p))
    tf=$((tf + f))
    v=$(sed -n '1s/^traceos-test: \(QEMU [^ ]*\).*/\1/p' "$log")
    summary="${summary}suite: ${v:-$q}: $counts$nl"
    IFS=$nl
done
IFS=$old_ifs
rm -f "$log" "$rcf"
if [ "$npass" -gt 1 ]; then
    printf '%s' "$summary"
    echo "$tp passed, $tf failed"
fi
exit "$worst"
