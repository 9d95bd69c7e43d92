#!/bin/sh
# make stress: run the suite STRESS_N times (default 20) with --repeat, while
# one busy loop per online CPU, started here, loads them all; report any run that differs
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
CPUS=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc 2>/dev/null || echo 1)
case "$CPUS" in ''|*[!0-9]*|0) CPUS=1 ;; esac
i=0
while [ "$i" -lt "$CPUS" ]; do
    sh -c 'while :; do :; done' &
    LOADS="$LOADS $!"
    i=$((i + 1))
done
echo "stress: $N runs of every scenario, $CPUS online CPUs loaded by busy loops (pids$LOADS)"
"$HARNESS" --kernel "$KERNEL" --build "$BUILD" --repeat "$N" "$@"
rc=$?
stop_load
if [ "$rc" -eq 0 ]; then
    echo "stress: no difference in $N runs"
else
    echo "stress: FAILED (status $rc): see the runs above; a 'differs from run 1' line is a flake"
fi
exit "$rc"
