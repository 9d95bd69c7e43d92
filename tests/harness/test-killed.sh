#!/bin/sh
# A QEMU that the harness itself had to kill is never an expected outcome:
# a typed scenario whose QEMU offers no QMP socket (a wrapper drops -qmp)
# cannot be typed into, so the harness kills QEMU; with `expect = triple`
# that must still FAIL and bless nothing, not pass as the awaited reset.
. "$(dirname "$0")/lib.sh"
echo "$NAME:"

cat > "$T/no-qmp-qemu" <<'EOS'
#!/bin/sh
# The real QEMU without the -qmp option and its argument.
skip=0
for a do
    shift
    if [ "$skip" = 1 ]; then skip=0; continue; fi
    if [ "$a" = "-qmp" ]; then skip=1; continue; fi
    set -- "$@" "$a"
done
exec qemu-system-x86_64 "$@"
EOS
chmod +x "$T/no-qmp-qemu"

section killed 'append = kbd exit' 'events = ps2_*' 'keys = a{enter}' 'expect = triple' 'timeout = 3'
harness --qemu "$T/no-qmp-qemu" --bless killed
check "a killed QEMU under expect = triple fails (status $RC)" [ "$RC" -eq 1 ]
check "... naming the QMP problem" grep -q "^FAIL .*QMP" "$T/out"
check "... and blesses nothing" [ "$(goldens_of killed)" -eq 0 ]
check "no QEMU or temporary file left" no_leftovers
[ -n "${SHOW:-}" ] && cat "$T/out"
finish
