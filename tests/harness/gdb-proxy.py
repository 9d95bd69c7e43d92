#!/usr/bin/env python3
"""A gdb stub in front of QEMU's, for test-gdb.sh: listen on LISTEN and
forward every byte to and from QEMU's real stub at REAL. MODE:
  dies  close both sides after QEMU's second stop reply (the first answers
        `?` at the start; the second is the first breakpoint hit), while
        QEMU itself goes on running;
  no-P  answer every P packet (write a register) with the empty packet, as
        a stub without P does, and forward the rest until either side ends."""
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


def without_p(buf):
    """Split the client's bytes into what goes to QEMU and the count of
    whole P packets taken out; an unfinished packet stays in buf."""
    out, taken = b"", 0
    while buf:
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
            taken += 1
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
        elif mode == "no-P":
            out, taken, pending = without_p(pending + data)
            if out:
                qemu.sendall(out)
            client.sendall(b"+$#00" * taken)
        else:
            qemu.sendall(data)
client.close()
qemu.close()
srv.close()
os.unlink(listen)
