#!/usr/bin/env python3
"""A gdb stub in front of QEMU's, for test-gdb.sh: listen on LISTEN and
forward every byte to and from QEMU's real stub at REAL. MODE:
  dies  close both sides after QEMU's second stop reply (the first answers
        `?` at the start; the second is the first breakpoint hit), while
        QEMU itself goes on running;
  no-P  answer every P packet (write a register) with the empty packet, as
        a stub without P does, and forward the rest until either side ends;
  stay  as no-P, and answer the 1st and the 5th single step (s, vCont;s)
        with a stop at once, the vCPU not moved, as QEMU's stub was seen to
        answer gdb's step over a breakpoint now and then;
  stuck as stay, for every single step."""
import os
import select
import socket
import sys
import time

listen, real = sys.argv[1], sys.argv[2]
mode = sys.argv[3] if len(sys.argv) > 3 else "dies"
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(listen)
srv.listen(1)
srv.settimeout(20)
client, _ = srv.accept()
qemu = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
for _ in range(400):
    try:
        qemu.connect(real)
        break
    except OSError:
        time.sleep(0.01)


STAY_AT = (1, 5)
STOP = b"T05thread:01;"
STOP_PKT = b"+$" + STOP + b"#%02x" % (sum(STOP) % 256)
steps = 0
swallow = 0     # the client's acks of the stop replies made here


def from_client(buf):
    """Split the client's bytes into what goes to QEMU and the answers
    made here: "+$#00" for each whole P packet taken out, and in stay and
    stuck mode a stop reply for the chosen steps; an unfinished packet
    stays in buf."""
    global steps, swallow
    out, taken = b"", b""
    while buf:
        while swallow and buf[:1] == b"+":
            buf, swallow = buf[1:], swallow - 1
        i = buf.find(b"$")
        if i < 0:
            out, buf = out + buf, b""
            break
        out, buf = out + buf[:i], buf[i:]
        h = buf.find(b"#")
        if h < 0 or len(buf) < h + 3:
            break
        pkt, buf = buf[:h + 3], buf[h + 3:]
        if pkt.startswith(b"$P"):
            taken += b"+$#00"
        elif mode in ("stay", "stuck") and (pkt.startswith(b"$s#") or pkt.startswith(b"$vCont;s")):
            steps += 1
            if mode == "stuck" or steps in STAY_AT:
                taken += STOP_PKT
                swallow += 1
            else:
                out += pkt
        else:
            out += pkt
    return out, taken, buf


stops, pending, done = 0, b"", False
while not done and (mode != "dies" or stops < 2):
    ready, _, _ = select.select([client, qemu], [], [], 20)
    if not ready:
        break
    for s in ready:
        data = s.recv(65536)
        if not data:
            done = True
            break
        if s is qemu:
            stops += data.count(b"$T05")
            client.sendall(data)
        elif mode in ("no-P", "stay", "stuck"):
            out, taken, pending = from_client(pending + data)
            if out:
                qemu.sendall(out)
            client.sendall(taken)
        else:
            qemu.sendall(data)
client.close()
qemu.close()
srv.close()
os.unlink(listen)
