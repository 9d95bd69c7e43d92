#!/bin/sh
# make stress: run the suite STRESS_N times (default 20) with --repeat, while
# two busy loops started here load both cores; report any run that differs
# from the first or fails. The busy loops are always killed (trap on EXIT).
#   tools/stress.sh HARNESS KERNEL BUILD [traceos-test options and names]
set -u
HARNESS=$1 KERNEL=$2 BUILD=$3
shift 3
N=${STRESS_N:-20}
LOADS=""
stop_load() { for p in $LOADS; do kill "$p" 2>/dev/null; done; LOADS=""; }
trap stop_load EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
for i in 1 2; do
    sh -c 'while :; do :; done' &
    LOADS="$LOADS $!"
done
echo "stress: $N runs of every scenario, both cores loaded by busy loops (pids$LOADS)"
"$HARNESS" --kernel "$KERNEL" --build "$BUILD" --repeat "$N" "$@"
rc=$?
stop_load
if [ "$rc" -eq 0 ]; then
    echo "stress: no difference in $N runs"
else
    echo "stress: FAILED (status $rc): see the runs above; a 'differs from run 1' line is a flake"
fi
exit "$rc"
