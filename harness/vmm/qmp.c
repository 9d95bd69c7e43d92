/* QMP client: one JSON object per line, as QEMU sends them. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "harness/vmm/process.h"
#include "harness/vmm/qmp.h"

static int send_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Next JSON message (one line), or NULL with err. */
static json_t *read_msg(struct qmp *q, double deadline, char *err, size_t errlen)
{
    for (;;) {
        char *nl = q->in.p ? memchr(q->in.p, '\n', q->in.len) : NULL;
        if (nl) {
            json_error_t je;
            size_t n = (size_t)(nl - q->in.p);
            json_t *j = json_loadb(q->in.p, n, 0, &je);
            memmove(q->in.p, nl + 1, q->in.len - n - 1);
            q->in.len -= n + 1;
            if (j)
                return j;
            snprintf(err, errlen, "QMP sent malformed JSON: %s", je.text);
            return NULL;
        }
        double left = deadline - now_s();
        if (left <= 0) {
            snprintf(err, errlen, "QMP did not answer in time");
            return NULL;
        }
        struct pollfd p = { q->fd, POLLIN, 0 };
        int r = poll(&p, 1, (int)(left * 1000) + 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            continue;
        char buf[UTIL_IO_CHUNK];
        ssize_t got = recv(q->fd, buf, sizeof(buf), 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            q->lost = 1;
            snprintf(err, errlen, "QMP connection closed by QEMU");
            return NULL;
        }
        sb_add(&q->in, buf, (size_t)got);
    }
}

/* Skip events; return the next reply. */
static json_t *read_reply(struct qmp *q, double deadline, char *err, size_t errlen)
{
    for (;;) {
        json_t *j = read_msg(q, deadline, err, errlen);
        if (!j || !json_object_get(j, "event"))
            return j;
        json_decref(j);
    }
}

json_t *qmp_execute(struct qmp *q, const char *cmd, json_t *args, double deadline,
                    char *err, size_t errlen)
{
    json_t *req = json_pack("{s:s}", "execute", cmd);
    if (args)
        json_object_set_new(req, "arguments", args);
    char *text = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    int rc = send_all(q->fd, text, strlen(text));
    if (rc == 0)
        rc = send_all(q->fd, "\n", 1);
    free(text);
    if (rc < 0) {
        q->lost = errno == EPIPE || errno == ECONNRESET;
        snprintf(err, errlen, "QMP %s: cannot send: %s", cmd, strerror(errno));
        return NULL;
    }
    json_t *reply = read_reply(q, deadline, err, errlen);
    if (!reply)
        return NULL;
    json_t *ret = json_object_get(reply, "return");
    if (!ret) {
        const char *desc = json_string_value(json_object_get(json_object_get(reply, "error"), "desc"));
        snprintf(err, errlen, "QMP %s failed: %s", cmd, desc ? desc : "no return value");
        json_decref(reply);
        return NULL;
    }
    json_incref(ret);
    json_decref(reply);
    return ret;
}

int qmp_connect(struct qmp *q, const char *path, pid_t pid, double deadline, char *err, size_t errlen)
{
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    memset(q, 0, sizeof(*q));
    if (strlen(path) >= sizeof(sa.sun_path)) {
        snprintf(err, errlen, "QMP socket path too long: %s", path);
        return -1;
    }
    strcpy(sa.sun_path, path);
    for (;;) {
        q->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (q->fd >= 0 && connect(q->fd, (struct sockaddr *)&sa, sizeof(sa)) == 0)
            break;
        if (q->fd >= 0)
            close(q->fd);
        q->fd = -1;
        if (qemu_exited(pid)) {
            q->lost = 1;
            snprintf(err, errlen, "QEMU exited before its QMP socket %s accepted a connection", path);
            return -1;
        }
        if (now_s() > deadline) {
            snprintf(err, errlen, "cannot connect to QMP socket %s: %s", path, strerror(errno));
            return -1;
        }
        sleep_s(0.005);
    }
    json_t *greet = read_msg(q, deadline, err, errlen);
    if (!greet || !json_object_get(greet, "QMP")) {
        if (greet)
            snprintf(err, errlen, "QMP greeting missing on %s", path);
        json_decref(greet);
        qmp_close(q);
        return -1;
    }
    json_decref(greet);
    json_t *r = qmp_execute(q, "qmp_capabilities", NULL, deadline, err, errlen);
    if (!r) {
        qmp_close(q);
        return -1;
    }
    json_decref(r);
    return 0;
}

int qmp_send_key(struct qmp *q, const char *qcode, int down, double deadline,
                 char *err, size_t errlen)
{
    json_t *args = json_pack("{s:[{s:s,s:{s:b,s:{s:s,s:s}}}]}", "events", "type", "key", "data",
                             "down", down, "key", "type", "qcode", "data", qcode);
    json_t *r = qmp_execute(q, "input-send-event", args, deadline, err, errlen);
    if (!r)
        return -1;
    json_decref(r);
    return 0;
}

void qmp_close(struct qmp *q)
{
    if (q->fd >= 0)
        close(q->fd);
    q->fd = -1;
    sb_free(&q->in);
}
