#!/usr/bin/env python3
"""A gdb stub that dies mid-run, for test-gdb.sh: listen on LISTEN, forward
every byte to and from QEMU's real stub at REAL, and close both sides after
QEMU's second stop reply (the first answers `?` at the start; the second is
the first breakpoint hit), while QEMU itself goes on running."""
import os
import select
import socket
import sys
import time

listen, real = sys.argv[1], sys.argv[2]
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
stops = 0
while stops < 2:
    ready, _, _ = select.select([client, qemu], [], [], 20)
    if not ready:
        break
    for s in ready:
        data = s.recv(65536)
        if not data:
            stops = 2
            break
        if s is qemu:
            stops += data.count(b"$T05")
            client.sendall(data)
        else:
            qemu.sendall(data)
client.close()
qemu.close()
srv.close()
os.unlink(listen)
