/* A client of QEMU's gdb stub (the GDB remote serial protocol) over the
 * run's unix socket: packets `$DATA#CK` with their checksums and `+`/`-`
 * acknowledgements, qSupported, the target description (which register
 * layout `g` answers with), `?`, Z0-Z4/z0-z4, vCont;c or c, s, g, m.
 *
 * Every wait is bounded by an absolute deadline (now_s() clock) and ends
 * in an error message naming the packet. qemu-system-x86_64's stub sends
 * the x86-64 register layout even while the guest runs 32-bit code, and
 * qemu-system-i386's the i386 one; gdb_regs reads either into i386 names. */
#ifndef HARNESS_VMM_GDB_H
#define HARNESS_VMM_GDB_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "harness/lib/gdbspec.h"
#include "harness/lib/util.h"

#define GDB_CONNECT_TIMEOUT_S 5.0   /* QEMU creates the socket at start; then it must accept */
#define GDB_REPLY_TIMEOUT_S   5.0   /* the stub answers a packet (not a continue) within this */

struct gdb {
    int fd;
    struct sbuf in;         /* bytes received, not yet parsed */
    int lost;               /* the connection broke */
    int x86_64;             /* `g` answers in the x86-64 layout */
    int vcont;              /* vCont;c is supported */
    struct sbuf unacked;    /* a resume packet sent, its `+` not seen yet */
    int naks;               /* times the stub refused it */
    int ack_due;            /* a reply came; its `+` goes before the next packet */
    int no_set_reg;         /* the stub answered P with "" (it has no P) */
    int set_reg_ok;         /* a P has been answered OK */
};

/* Connect to `path` (retrying while QEMU `pid` has not made it, until
 * `deadline`), read the stub's features and its register layout, and ask
 * `?` (QEMU started with -S answers with a stop). 0, or -1 with err. */
int gdb_connect(struct gdb *g, const char *path, pid_t pid, double deadline, char *err, size_t errlen);

/* Send one packet and read its reply into *reply. 0, or -1 with err
 * (an `E NN` reply is an error too). */
int gdb_request(struct gdb *g, const char *pkt, struct sbuf *reply, double deadline,
                char *err, size_t errlen);

/* Insert (or remove) a breakpoint (GDB_BREAK) or watchpoint: Z0/Z2/Z3/Z4. */
int gdb_point(struct gdb *g, int insert, enum gdb_kind kind, uint64_t addr, unsigned len,
              double deadline, char *err, size_t errlen);

/* Resume the vCPU (vCont;c, else c) or single-step it (s). The packet is
 * sent without waiting for its `+`: the stub acknowledges before it acts,
 * and the ack is taken (a `-` answered by sending it again) as the next
 * packet is read, or by gdb_settle; the stop that follows comes from
 * gdb_stop. Saves a round trip per resume. */
int gdb_resume(struct gdb *g, int step, double deadline, char *err, size_t errlen);

/* Wait for the `+` of the resume packet sent last, if it has not come yet.
 * After it the VM runs for whatever QEMU's main loop does next (a QMP
 * command, say): the stub sends the `+` and then starts the VM in one go. */
int gdb_settle(struct gdb *g, double deadline, char *err, size_t errlen);

/* A stop reply: 1 and *stop filled when one has arrived (waiting until
 * `deadline`; now_s() or earlier only looks); 0 when none yet; -1 with err
 * when the connection broke or a packet was malformed. */
struct gdb_stop {
    char sig;               /* 'T' / 'S' stopped, 'W' exited, 'X' killed */
    int code;               /* signal or exit status */
    int watch;              /* 0 none, else GDB_WATCH_* of the watchpoint that fired */
    uint64_t waddr;         /* its address */
};
int gdb_stop(struct gdb *g, struct gdb_stop *stop, double deadline, char *err, size_t errlen);

/* The registers, in i386 names (the low 32 bits of the x86-64 ones). */
int gdb_regs(struct gdb *g, uint32_t regs[REG_COUNT], double deadline, char *err, size_t errlen);

/* Write registers (P), regs[i] = values[i], the n packets sent at once
 * (the stub, stopped, answers each in turn): 1 done, 0 when the stub has no
 * P (it answers "", and is remembered: later calls return 0 at once), -1
 * with err. With then_resume, once a P has worked, the resume (as
 * gdb_resume) goes out in the same write and 2 says so: the stub handles
 * the packets in order, so the VM runs with the registers written, and
 * the replies are read while it runs (their `+` goes out with the next
 * packet, after the next stop). In the x86-64 layout the upper half of a
 * general register and of RIP is 0. */
int gdb_set_regs(struct gdb *g, int n, const enum gdb_reg *regs, const uint32_t *values, int then_resume,
                 double deadline, char *err, size_t errlen);

/* Read len bytes (at most 64) of guest memory at addr. */
int gdb_mem(struct gdb *g, uint64_t addr, unsigned len, uint8_t *out, double deadline,
            char *err, size_t errlen);

void gdb_close(struct gdb *g);

#endif
