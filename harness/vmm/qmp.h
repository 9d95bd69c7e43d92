/* QMP client over QEMU's unix socket: greeting, qmp_capabilities, commands
 * with replies, asynchronous events skipped. Every wait is bounded by an
 * absolute deadline (now_s() clock). */
#ifndef QMP_H
#define QMP_H

#include <jansson.h>
#include <sys/types.h>
#include "harness/lib/util.h"

struct qmp {
    int fd;
    struct sbuf in;         /* bytes received, not yet parsed */
    int lost;               /* the connection broke (QEMU exited or closed it) */
};

/* Connect to `path` (retrying while QEMU `pid` has not created it yet,
 * until `deadline`) and negotiate capabilities. 0, or -1 with err; when
 * QEMU has exited meanwhile, -1 with q->lost set (its exit status, not the
 * socket, then tells what happened). */
int qmp_connect(struct qmp *q, const char *path, pid_t pid, double deadline, char *err, size_t errlen);

/* Send {"execute": cmd, "arguments": args} (args may be NULL; stolen) and
 * return the "return" value (new reference), or NULL with err (an "error"
 * reply, a closed socket or the deadline). */
json_t *qmp_execute(struct qmp *q, const char *cmd, json_t *args, double deadline,
                    char *err, size_t errlen);

/* input-send-event with one key (qcode) down or up. 0 or -1 with err. */
int qmp_send_key(struct qmp *q, const char *qcode, int down, double deadline,
                 char *err, size_t errlen);

void qmp_close(struct qmp *q);

#endif
