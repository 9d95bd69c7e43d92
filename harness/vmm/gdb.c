/* GDB remote serial protocol client; see gdb.h. */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "harness/vmm/gdb.h"
#include "harness/vmm/process.h"

#define NAK_RETRIES 3           /* a packet the stub NAKs is sent again this often */

/* Wait until bytes arrive (or `deadline`) and append them. 1 got some, 0
 * the deadline passed, -1 the connection broke (g->lost). */
static int fill(struct gdb *g, double deadline)
{
    for (;;) {
        double left = deadline - now_s();
        struct pollfd p = { g->fd, POLLIN, 0 };
        int r = poll(&p, 1, left > 0 ? (int)(left * 1000) + 1 : 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            g->lost = 1;
            return -1;
        }
        if (r == 0) {
            if (now_s() >= deadline)
                return 0;
            continue;
        }
        char buf[UTIL_IO_CHUNK];
        ssize_t got = recv(g->fd, buf, sizeof(buf), 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            g->lost = 1;
            return -1;
        }
        sb_add(&g->in, buf, (size_t)got);
        return 1;
    }
}

static void consume(struct gdb *g, size_t n)
{
    memmove(g->in.p, g->in.p + n, g->in.len - n);
    g->in.len -= n;
}

static int send_raw(struct gdb *g, const char *p, size_t n);

/* Drop the first n bytes, which are not a packet: the `+` of a resume packet
 * sent without waiting (gdb_resume) settles it, a `-` sends it again. */
static int skip(struct gdb *g, size_t n, char *err, size_t errlen)
{
    for (size_t i = 0; i < n && g->unacked.len; i++) {
        if (g->in.p[i] == '+') {
            g->unacked.len = 0;
        } else if (g->in.p[i] == '-') {
            if (++g->naks > NAK_RETRIES)
                return errorf(err, errlen, "gdb stub: '%.40s' refused %d times (bad checksum)", g->unacked.p,
                              NAK_RETRIES + 1);
            if (send_raw(g, g->unacked.p, g->unacked.len) < 0)
                return errorf(err, errlen, "gdb stub: connection closed");
        }
    }
    consume(g, n);
    return 0;
}

static int send_raw(struct gdb *g, const char *p, size_t n)
{
    while (n) {
        ssize_t w = send(g->fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            g->lost = 1;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static unsigned checksum(const char *p, size_t n)
{
    unsigned c = 0;
    while (n--)
        c += (unsigned char)*p++;
    return c & 0xff;
}

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Send `$pkt#CK`, after the `+` of the last reply when it is due. */
static int send_framed(struct gdb *g, const char *framed, size_t n)
{
    if (!g->ack_due)
        return send_raw(g, framed, n);
    struct sbuf out = { 0 };
    sb_addc(&out, '+');
    sb_add(&out, framed, n);
    int rc = send_raw(g, out.p, out.len);
    sb_free(&out);
    g->ack_due = 0;
    return rc;
}

/* The stub's answer to a packet sent: '+', '-', or '$' (a reply before
 * the ack counts as one, left unread); 0 with err when none came. */
static int await_ack(struct gdb *g, const char *pkt, double deadline, char *err, size_t errlen)
{
    for (;;) {
        if (g->in.len == 0) {
            int f = fill(g, deadline);
            if (f <= 0)
                return errorf(err, errlen, f < 0 ? "gdb stub: connection closed before '%.40s' was acknowledged"
                                               : "gdb stub: '%.40s' not acknowledged within %.0f s (GDB_REPLY_TIMEOUT_S)",
                              pkt, GDB_REPLY_TIMEOUT_S), 0;
            continue;
        }
        int answer = g->in.p[0];
        if (answer == '$')
            return answer;
        consume(g, 1);
        if (answer == '+' || answer == '-')
            return answer;
    }                           /* anything else is noise between packets */
}

/* Send `$pkt#CK` and wait for the stub's `+`; a `-` sends it again. */
static int send_packet(struct gdb *g, const char *pkt, double deadline, char *err, size_t errlen)
{
    if (gdb_settle(g, deadline, err, errlen) < 0)
        return -1;
    struct sbuf out = { 0 };
    sb_printf(&out, "$%s#%02x", pkt, checksum(pkt, strlen(pkt)));
    int rc = -1;
    for (int tries = 0; tries <= NAK_RETRIES; tries++) {
        if (send_framed(g, out.p, out.len) < 0) {
            errorf(err, errlen, "gdb stub: cannot send '%.40s': connection closed", pkt);
            break;
        }
        int answer = await_ack(g, pkt, deadline, err, errlen);
        if (answer == 0)
            break;
        if (answer != '-') {
            rc = 0;
            break;
        }
        if (tries == NAK_RETRIES)
            errorf(err, errlen, "gdb stub: '%.40s' refused %d times (bad checksum)", pkt, NAK_RETRIES + 1);
    }
    sb_free(&out);
    return rc;
}

/* Expand run-length encoding (`X*N`: N - 29 more copies of X). */
static void unrle(const char *p, size_t n, struct sbuf *out)
{
    out->len = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '*' && i > 0 && i + 1 < n) {
            int rep = (unsigned char)p[++i] - 29;
            for (int k = 0; k < rep; k++)
                sb_addc(out, p[i - 2]);
        } else {
            sb_addc(out, p[i]);
        }
    }
    if (!out->p)
        sb_add(out, "", 0);
}

/* The next packet into *pkt; 1, 0 none by `deadline`, -1 broken. Its `+`
 * is due (g->ack_due) and goes out in front of the next packet sent: the
 * stub does not wait for it, and it abandons a reply's ack once the next
 * packet starts (gdbstub.c, gdb_read_byte). */
static int read_packet(struct gdb *g, struct sbuf *pkt, double deadline, char *err, size_t errlen)
{
    for (;;) {
        char *d = g->in.p ? memchr(g->in.p, '$', g->in.len) : NULL;
        if (d && d != g->in.p) {                                /* acks and noise before it */
            if (skip(g, (size_t)(d - g->in.p), err, errlen) < 0)
                return -1;
            d = g->in.p;
        }
        char *h = d ? memchr(d, '#', g->in.len) : NULL;
        if (h && (size_t)(h - g->in.p) + 3 <= g->in.len) {
            size_t n = (size_t)(h - d - 1);
            int c1 = hexval(h[1]), c2 = hexval(h[2]);
            int ok = c1 >= 0 && c2 >= 0 && (unsigned)(c1 << 4 | c2) == checksum(d + 1, n);
            if (ok)
                unrle(d + 1, n, pkt);
            consume(g, n + 4);
            if (ok)                 /* its `+` goes with the next packet: one wakeup of the stub less */
                return g->ack_due = 1, 1;
            if (send_raw(g, "-", 1) < 0)
                return errorf(err, errlen, "gdb stub: connection closed");
            continue;
        }
        if (!d && g->in.len && skip(g, g->in.len, err, errlen) < 0)
            return -1;
        int f = fill(g, deadline);
        if (f < 0)
            return errorf(err, errlen, "gdb stub: connection closed by QEMU");
        if (f == 0)
            return 0;
    }
}

int gdb_request(struct gdb *g, const char *pkt, struct sbuf *reply, double deadline,
                char *err, size_t errlen)
{
    double until = now_s() + GDB_REPLY_TIMEOUT_S;
    if (until > deadline)
        until = deadline;
    if (send_packet(g, pkt, until, err, errlen) < 0)
        return -1;
    int r = read_packet(g, reply, until, err, errlen);
    if (r == 0)
        return errorf(err, errlen, "gdb stub: no reply to '%.40s' within %.0f s (GDB_REPLY_TIMEOUT_S)", pkt,
                    GDB_REPLY_TIMEOUT_S);
    if (r < 0)
        return -1;
    if (reply->len == 3 && reply->p[0] == 'E')
        return errorf(err, errlen, "gdb stub refused '%.40s': error %s", pkt, reply->p + 1);
    return 0;
}

/* Ask for the target description: does `g` answer in the x86-64 layout? */
static int read_layout(struct gdb *g, double deadline, char *err, size_t errlen)
{
    struct sbuf r = { 0 };
    int rc = gdb_request(g, "qXfer:features:read:target.xml:0,ffb", &r, deadline, err, errlen);
    if (rc == 0 && r.len && (r.p[0] == 'l' || r.p[0] == 'm')) {
        g->x86_64 = strstr(r.p, "i386:x86-64") != NULL;
    } else if (rc == 0) {
        rc = errorf(err, errlen, "gdb stub: no target description (qXfer:features:read answered '%.20s')", r.p);
    }
    sb_free(&r);
    return rc;
}

int gdb_connect(struct gdb *g, const char *path, pid_t pid, double deadline, char *err, size_t errlen)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    memset(g, 0, sizeof(*g));
    g->fd = -1;
    if (strlen(path) >= sizeof(sa.sun_path))
        return errorf(err, errlen, "gdb socket path too long: %s", path);
    strcpy(sa.sun_path, path);
    double until = now_s() + GDB_CONNECT_TIMEOUT_S;
    if (until > deadline)
        until = deadline;
    for (;;) {
        g->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (g->fd >= 0 && connect(g->fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
            break;
        int e = errno;
        if (g->fd >= 0)
            close(g->fd);
        g->fd = -1;
        if (qemu_exited(pid)) {
            g->lost = 1;
            return errorf(err, errlen, "QEMU exited before its gdb stub %s accepted a connection", path);
        }
        if (now_s() > until)
            return errorf(err, errlen, "cannot connect to QEMU's gdb stub at %s within %.0f s (GDB_CONNECT_TIMEOUT_S): %s",
                        path, GDB_CONNECT_TIMEOUT_S, strerror(e));
        sleep_s(0.002);
    }
    struct sbuf r = { 0 };
    int rc = gdb_request(g, "qSupported:multiprocess-;xmlRegisters=i386", &r, deadline, err, errlen);
    if (rc == 0) {
        int xfer = strstr(r.p, "qXfer:features:read+") != NULL;
        g->vcont = strstr(r.p, "vContSupported+") != NULL;
        rc = xfer ? read_layout(g, deadline, err, errlen)
                  : errorf(err, errlen, "gdb stub does not describe its registers (no qXfer:features:read in '%.60s')", r.p);
    }
    if (rc == 0 && g->vcont && gdb_request(g, "vCont?", &r, deadline, err, errlen) == 0)
        g->vcont = strstr(r.p, ";c") != NULL && strstr(r.p, ";s") != NULL;
    if (rc == 0 && (rc = gdb_request(g, "?", &r, deadline, err, errlen)) == 0 && r.p[0] != 'T' && r.p[0] != 'S')
        rc = errorf(err, errlen, "gdb stub: '?' answered '%.20s', not a stop (is QEMU started with -S?)", r.p);
    sb_free(&r);
    if (rc < 0)
        gdb_close(g);
    return rc;
}

static const char point_type[] = { [GDB_BREAK] = '0', [GDB_WATCH_WRITE] = '2', [GDB_WATCH_READ] = '3',
                                    [GDB_WATCH_ACCESS] = '4' };

int gdb_point(struct gdb *g, int insert, enum gdb_kind kind, uint64_t addr, unsigned len,
              double deadline, char *err, size_t errlen)
{
    char pkt[64];
    struct sbuf r = { 0 };
    snprintf(pkt, sizeof(pkt), "%c%c,%llx,%x", insert ? 'Z' : 'z', point_type[kind], (unsigned long long)addr,
             kind == GDB_BREAK ? 1 : len);
    int rc = gdb_request(g, pkt, &r, deadline, err, errlen);
    if (rc == 0 && strcmp(r.p, "OK"))
        rc = errorf(err, errlen, "gdb stub does not support '%s' (answered '%.20s')", pkt, r.p);
    sb_free(&r);
    return rc;
}

/* The resume packet into g->unacked, whose `+` is awaited from now on. */
static const char *resume_packet(struct gdb *g, int step)
{
    const char *pkt = g->vcont ? (step ? "vCont;s" : "vCont;c") : (step ? "s" : "c");
    g->unacked.len = 0;
    g->naks = 0;
    sb_printf(&g->unacked, "$%s#%02x", pkt, checksum(pkt, strlen(pkt)));
    return pkt;
}

int gdb_resume(struct gdb *g, int step, double deadline, char *err, size_t errlen)
{
    double until = now_s() + GDB_REPLY_TIMEOUT_S;
    if (gdb_settle(g, until < deadline ? until : deadline, err, errlen) < 0)
        return -1;
    const char *pkt = resume_packet(g, step);
    if (send_framed(g, g->unacked.p, g->unacked.len) < 0)
        return errorf(err, errlen, "gdb stub: cannot send '%s': connection closed", pkt);
    return 0;
}

int gdb_settle(struct gdb *g, double deadline, char *err, size_t errlen)
{
    while (g->unacked.len) {
        if (g->in.len) {
            char *d = memchr(g->in.p, '$', g->in.len);
            size_t n = d ? (size_t)(d - g->in.p) : g->in.len;
            if (n == 0)         /* a packet first: the stub counts it as the ack */
                return g->unacked.len = 0, 0;
            if (skip(g, n, err, errlen) < 0)
                return -1;
            continue;
        }
        int f = fill(g, deadline);
        if (f <= 0)
            return errorf(err, errlen, f < 0 ? "gdb stub: connection closed before '%.40s' was acknowledged"
                                          : "gdb stub: '%.40s' not acknowledged before the deadline (at most "
                                            "GDB_REPLY_TIMEOUT_S, %.0f s, or the scenario's timeout); QEMU's stub is stuck",
                          g->unacked.p, GDB_REPLY_TIMEOUT_S);
    }
    return 0;
}

/* "T05thread:01;watch:00000000ff000000;" and the like. */
static int parse_stop(const char *p, struct gdb_stop *st, char *err, size_t errlen)
{
    memset(st, 0, sizeof(*st));
    st->sig = p[0];
    if (!strchr("TSWX", st->sig) || hexval(p[1]) < 0)
        return errorf(err, errlen, "gdb stub sent '%.30s' where a stop reply was due", p);
    st->code = (int)strtol(p + 1, NULL, 16);
    static const struct { const char *key; enum gdb_kind kind; } w[] = {
        { "watch:", GDB_WATCH_WRITE }, { "rwatch:", GDB_WATCH_READ }, { "awatch:", GDB_WATCH_ACCESS },
    };
    for (size_t i = 0; st->sig == 'T' && i < sizeof(w) / sizeof(w[0]); i++) {
        const char *f = strstr(p, w[i].key);
        if (f && (f == p + 3 || f[-1] == ';')) {
            st->watch = w[i].kind;
            st->waddr = strtoull(f + strlen(w[i].key), NULL, 16);
            break;
        }
    }
    return 0;
}

int gdb_stop(struct gdb *g, struct gdb_stop *stop, double deadline, char *err, size_t errlen)
{
    struct sbuf r = { 0 };
    int got = read_packet(g, &r, deadline, err, errlen);
    if (got == 1 && parse_stop(r.p, stop, err, errlen) < 0)
        got = -1;
    sb_free(&r);
    return got;
}

/* Little-endian hex of `bytes` bytes at p[off*2..]: the register's low 32 bits. */
static int reg_at(const struct sbuf *r, size_t off, size_t bytes, uint32_t *v)
{
    if ((off + bytes) * 2 > r->len)
        return -1;
    uint64_t x = 0;
    for (size_t i = bytes; i-- > 0;) {
        int hi = hexval(r->p[(off + i) * 2]), lo = hexval(r->p[(off + i) * 2 + 1]);
        if (hi < 0 || lo < 0)
            return -1;
        x = x << 8 | (unsigned)(hi << 4 | lo);
    }
    *v = (uint32_t)x;
    return 0;
}

int gdb_regs(struct gdb *g, uint32_t regs[REG_COUNT], double deadline, char *err, size_t errlen)
{
    /* x86-64: rax rbx rcx rdx rsi rdi rbp rsp r8-r15 (8 bytes), rip (8), eflags (4).
     * i386: eax ecx edx ebx esp ebp esi edi (4 bytes), eip, eflags. */
    static const int order64[] = { REG_EAX, REG_EBX, REG_ECX, REG_EDX, REG_ESI, REG_EDI, REG_EBP, REG_ESP };
    static const int order32[] = { REG_EAX, REG_ECX, REG_EDX, REG_EBX, REG_ESP, REG_EBP, REG_ESI, REG_EDI };
    struct sbuf r = { 0 };
    if (gdb_request(g, "g", &r, deadline, err, errlen) < 0) {
        sb_free(&r);
        return -1;
    }
    int rc = 0;
    size_t w = g->x86_64 ? 8 : 4;
    for (int i = 0; i < 8 && rc == 0; i++)
        rc = reg_at(&r, (size_t)i * w, w, &regs[g->x86_64 ? order64[i] : order32[i]]);
    size_t ip = g->x86_64 ? 16 * 8 : 8 * 4;
    if (rc == 0)
        rc = reg_at(&r, ip, w, &regs[REG_EIP]);
    if (rc == 0)
        rc = reg_at(&r, ip + w, 4, &regs[REG_EFLAGS]);
    if (rc < 0)
        errorf(err, errlen, "gdb stub: 'g' reply too short or malformed for the %s layout (%zu hex digits)",
             g->x86_64 ? "x86-64" : "i386", r.len);
    sb_free(&r);
    return rc;
}

/* "Pn=VALUE" for a register of the layout gdb_regs reads (above). */
static void set_reg_packet(const struct gdb *g, enum gdb_reg reg, uint32_t value, struct sbuf *pkt)
{
    static const int num64[REG_COUNT] = { [REG_EAX] = 0, [REG_EBX] = 1, [REG_ECX] = 2, [REG_EDX] = 3, [REG_ESI] = 4,
                                          [REG_EDI] = 5, [REG_EBP] = 6, [REG_ESP] = 7, [REG_EIP] = 16, [REG_EFLAGS] = 17 };
    static const int num32[REG_COUNT] = { [REG_EAX] = 0, [REG_ECX] = 1, [REG_EDX] = 2, [REG_EBX] = 3, [REG_ESP] = 4,
                                          [REG_EBP] = 5, [REG_ESI] = 6, [REG_EDI] = 7, [REG_EIP] = 8, [REG_EFLAGS] = 9 };
    unsigned bytes = g->x86_64 && reg != REG_EFLAGS ? 8 : 4;
    sb_printf(pkt, "P%x=", g->x86_64 ? num64[reg] : num32[reg]);
    for (unsigned i = 0; i < bytes; i++)      /* target byte order: little-endian */
        sb_printf(pkt, "%02x", i < 4 ? (value >> (8 * i)) & 0xff : 0);
}

int gdb_set_regs(struct gdb *g, int n, const enum gdb_reg *regs, const uint32_t *values, int then_resume,
                 double deadline, char *err, size_t errlen)
{
    if (g->no_set_reg || n <= 0)
        return g->no_set_reg ? 0 : 1;
    if (gdb_settle(g, deadline, err, errlen) < 0)
        return -1;
    struct sbuf out = { 0 }, pkt = { 0 }, r = { 0 };
    for (int i = 0; i < n; i++) {
        pkt.len = 0;
        set_reg_packet(g, regs[i], values[i], &pkt);
        sb_printf(&out, "$%s#%02x", pkt.p, checksum(pkt.p, pkt.len));
    }
    int resumed = then_resume && g->set_reg_ok;     /* never before a P is known to work */
    if (resumed)
        resume_packet(g, 0), sb_add(&out, g->unacked.p, g->unacked.len);
    int rc = send_framed(g, out.p, out.len) < 0 ? errorf(err, errlen, "gdb stub: cannot send P: connection closed") : 1;
    for (int i = 0; i < n && rc > 0; i++) {
        int answer = await_ack(g, "P", deadline, err, errlen);
        int got = answer == '-' ? errorf(err, errlen, "gdb stub refused a P packet (bad checksum)")
                : answer ? read_packet(g, &r, deadline, err, errlen) : -1;
        if (got == 0)
            errorf(err, errlen, "gdb stub: no reply to P within %.0f s (GDB_REPLY_TIMEOUT_S)", GDB_REPLY_TIMEOUT_S);
        if (got <= 0)
            rc = -1;
        else if (r.len == 0 && i == 0)
            g->no_set_reg = 1, rc = 0;      /* the others get "" too */
        else if (strcmp(r.p, "OK"))
            rc = errorf(err, errlen, "gdb stub: P answered '%.20s', not OK", r.p);
    }
    for (int i = 1; rc == 0 && i < n; i++)  /* the "" of the rest */
        if (await_ack(g, "P", deadline, err, errlen) == 0 || read_packet(g, &r, deadline, err, errlen) <= 0)
            rc = -1;
    g->set_reg_ok |= rc > 0;
    sb_free(&out);
    sb_free(&pkt);
    sb_free(&r);
    return rc > 0 && resumed ? 2 : rc;
}

int gdb_mem(struct gdb *g, uint64_t addr, unsigned len, uint8_t *out, double deadline,
            char *err, size_t errlen)
{
    char pkt[48];
    struct sbuf r = { 0 };
    snprintf(pkt, sizeof(pkt), "m%llx,%x", (unsigned long long)addr, len);
    int rc = len > 64 ? errorf(err, errlen, "gdb: memory read of %u bytes (at most 64)", len)
                      : gdb_request(g, pkt, &r, deadline, err, errlen);
    if (rc == 0 && r.len != (size_t)len * 2)
        rc = errorf(err, errlen, "gdb stub: '%s' answered %zu hex digits, not %u", pkt, r.len, len * 2);
    for (unsigned i = 0; i < len && rc == 0; i++) {
        int hi = hexval(r.p[2 * i]), lo = hexval(r.p[2 * i + 1]);
        if (hi < 0 || lo < 0)
            rc = errorf(err, errlen, "gdb stub: '%s' answered non-hex '%.20s'", pkt, r.p);
        else
            out[i] = (uint8_t)(hi << 4 | lo);
    }
    sb_free(&r);
    return rc;
}

void gdb_close(struct gdb *g)
{
    if (g->fd >= 0)
        close(g->fd);
    g->fd = -1;
    sb_free(&g->in);
    sb_free(&g->unacked);
}
