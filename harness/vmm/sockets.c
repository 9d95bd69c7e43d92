/* The run's socket directory; see sockets.h. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "harness/lib/util.h"
#include "harness/vmm/process.h"
#include "harness/vmm/sockets.h"

#define DIR_TEMPLATE "/traceos-XXXXXX"

static const char *const sock_names[SOCK_COUNT] = {
    [SOCK_QMP] = "qmp.sock",
    [SOCK_GDB] = "gdb.sock",   /* made by QEMU only for a scenario with break/watch */
};

/* The longest TMPDIR for which the directory and every socket path fit. */
static size_t tmpdir_max(void)
{
    size_t max = PATHS_TMPDIR_MAX - sizeof(DIR_TEMPLATE);
    for (int i = 0; i < SOCK_COUNT; i++) {
        size_t room = PATHS_SOCK_MAX - sizeof(DIR_TEMPLATE "/") - strlen(sock_names[i]);
        max = room < max ? room : max;
    }
    return max;
}

/* The directory and its socket paths are published for the signal handler
 * with SIGINT/SIGTERM held off, so that a signal never leaves them behind. */
int sockets_make(struct paths *p, char *err, size_t errlen)
{
    const char *t = tmp_dir();
    size_t max = tmpdir_max();
    if (strlen(t) > max) {
        snprintf(err, errlen, "TMPDIR %s is too long for the QMP socket's directory (%zu bytes; at most %zu); set a shorter TMPDIR",
                 t, strlen(t), max);
        return -1;
    }
    snprintf(p->tmpdir, sizeof(p->tmpdir), "%s" DIR_TEMPLATE, t);
    sigset_t old;
    block_stop_signals(&old);
    if (!mkdtemp(p->tmpdir)) {
        int e = errno;
        p->tmpdir[0] = 0;
        sigprocmask(SIG_SETMASK, &old, NULL);
        snprintf(err, errlen, "cannot create a temporary directory in %s: %s; set TMPDIR to a writable directory",
                 t, strerror(e));
        return -1;
    }
    proc_track_path(p->tmpdir);
    for (int i = 0; i < SOCK_COUNT; i++) {
        snprintf(p->sock[i], sizeof(p->sock[i]), "%s/%s", p->tmpdir, sock_names[i]);
        proc_track_path(p->sock[i]);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return 0;
}

void sockets_remove(struct paths *p)
{
    if (!p->tmpdir[0])
        return;
    for (int i = SOCK_COUNT; i-- > 0;) {
        unlink(p->sock[i]);
        proc_untrack_path(p->sock[i]);
    }
    rmdir(p->tmpdir);
    proc_untrack_path(p->tmpdir);
    p->tmpdir[0] = 0;
}
