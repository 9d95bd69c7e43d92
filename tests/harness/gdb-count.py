"""Real gdb's count of a breakpoint's hits, for test-gdb.sh: sourced by
gdb (`source tests/harness/gdb-count.py`) once it is attached, with the
breakpoint's location in $COUNT_BREAK. It prints `gdb-hit 0xPC` at each
stop gdb reports at that breakpoint, then `gdb-count N` (the breakpoint's
hit count, as gdb keeps it) and `gdb-stays N` when the session ends.

gdb's own step over a breakpoint inserts the other locations and then
steps; QEMU 7.2's stub was seen to answer such a step now and then with
a stop at the same address, the instruction not carried out, which gdb
takes for one more hit. So the step off a hit is made here: the
breakpoint disabled, `stepi` until the PC leaves the address (each stepi
that does not is counted in gdb-stays), the breakpoint enabled again."""
import os

import gdb

bp = gdb.Breakpoint(os.environ["COUNT_BREAK"])
stays = 0


def pc():
    return int(gdb.parse_and_eval("$pc")) & 0xFFFFFFFF


def resume(command):
    """Run command; whether the inferior is still there to stop again."""
    try:
        gdb.execute(command, to_string=True)
    except gdb.error:       # the remote end closed: QEMU exited
        return False
    inf = gdb.selected_inferior()
    return inf.pid != 0 and len(inf.threads()) > 0


alive = resume("continue")
while alive:
    at = pc()
    print("gdb-hit 0x%08x" % at)
    bp.enabled = False
    alive = resume("stepi")
    while alive and pc() == at:
        stays += 1
        alive = resume("stepi")
    bp.enabled = True
    alive = alive and resume("continue")
print("gdb-count %d" % bp.hit_count)
print("gdb-stays %d" % stays)
