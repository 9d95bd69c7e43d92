/* QEMU process control and the cleanup registry; see process.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "harness/lib/util.h"
#include "harness/vmm/process.h"

/* Exit statuses of a child that could not become QEMU (as the shell's). */
#define CHILD_SETUP_FAILED 126
#define CHILD_EXEC_FAILED  127

/* What a child that could not become QEMU tells the parent through the
 * close-on-exec pipe: which step failed and its errno. */
struct spawn_failure {
    int step;               /* 0: opening the output file, 1: exec */
    int err;
};

pid_t qemu_spawn(char *const cmd[], const char *out_path, char *err, size_t errlen)
{
    pid_t parent = getpid();
    int fds[2];
    if (pipe(fds) != 0 || fcntl(fds[0], F_SETFD, FD_CLOEXEC) != 0 || fcntl(fds[1], F_SETFD, FD_CLOEXEC) != 0) {
        snprintf(err, errlen, "cannot start QEMU: pipe: %s", strerror(errno));
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(fds[0]), close(fds[1]);
        snprintf(err, errlen, "fork failed: %s", strerror(e));
        errno = e;
        return -1;
    }
    if (pid > 0) {
        setpgid(pid, pid);      /* also in the child: whichever runs first */
        close(fds[1]);
        struct spawn_failure f;
        ssize_t got;
        while ((got = read(fds[0], &f, sizeof(f))) < 0 && errno == EINTR)
            ;
        close(fds[0]);
        if (got != (ssize_t)sizeof(f))
            return pid;         /* the pipe closed at exec: QEMU runs */
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
        if (f.step == 0)
            snprintf(err, errlen, "cannot start QEMU: %s: %s", out_path, strerror(f.err));
        else
            snprintf(err, errlen, "cannot start QEMU: %s", strerror(f.err));
        errno = f.err;
        return -1;
    }
    close(fds[0]);
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent)
        _exit(CHILD_SETUP_FAILED);
    for (int i = 0; i < NSTOP_SIGNALS; i++)
        signal(stop_signals[i], SIG_DFL);
    struct spawn_failure f = { 0, 0 };
    int in = open("/dev/null", O_RDONLY);
    int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0) {
        f.err = errno;
        if (write(fds[1], &f, sizeof(f)) < 0)
            _exit(CHILD_SETUP_FAILED);
        _exit(CHILD_SETUP_FAILED);
    }
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    execvp(cmd[0], cmd);
    f.step = 1;
    f.err = errno;
    if (write(fds[1], &f, sizeof(f)) < 0)
        _exit(CHILD_EXEC_FAILED);
    _exit(CHILD_EXEC_FAILED);
}

int qemu_reaped(pid_t pid, int *status)
{
    pid_t r;
    do
        r = waitpid(pid, status, WNOHANG);
    while (r < 0 && errno == EINTR);
    return r == pid;
}

static volatile sig_atomic_t stop_requested;

void proc_request_stop(int sig) { stop_requested = sig; }

int proc_stop_requested(void) { return stop_requested; }

int qemu_wait(pid_t pid, double deadline, int *status)
{
    while (!qemu_reaped(pid, status)) {
        if (now_s() >= deadline || stop_requested)
            return 0;
        sleep_s(0.002);
    }
    return 1;
}

int qemu_exited(pid_t pid)
{
    siginfo_t si;
    memset(&si, 0, sizeof(si));
    return waitid(P_PID, (id_t)pid, &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == pid;
}

int qemu_kill(pid_t pid, int *status)
{
    if (qemu_reaped(pid, status))
        return 0;
    kill(-pid, SIGKILL);
    kill(pid, SIGKILL);
    while (waitpid(pid, status, 0) < 0 && errno == EINTR)
        ;
    return 1;
}

/* ---- the registry the stop-signal handler reads ---- */

static volatile pid_t children[PROC_MAX_CHILDREN];
static char paths[PROC_MAX_PATHS][PROC_PATH_MAX];
static volatile sig_atomic_t npaths;

int proc_track_child(pid_t pid)
{
    sigset_t old;
    int rc = -1;
    block_stop_signals(&old);
    for (int i = 0; i < PROC_MAX_CHILDREN && rc < 0; i++)
        if (children[i] <= 0)
            children[i] = pid, rc = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
    return rc;
}

void proc_untrack_child(pid_t pid)
{
    sigset_t old;
    block_stop_signals(&old);
    for (int i = 0; i < PROC_MAX_CHILDREN; i++)
        if (children[i] == pid)
            children[i] = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
}

int proc_track_path(const char *path)
{
    sigset_t old;
    int rc = -1;
    block_stop_signals(&old);
    if (npaths < PROC_MAX_PATHS && strlen(path) < PROC_PATH_MAX) {
        memcpy(paths[npaths], path, strlen(path) + 1);
        npaths++;
        rc = 0;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return rc;
}

void proc_untrack_path(const char *path)
{
    sigset_t old;
    block_stop_signals(&old);
    for (int i = npaths; i-- > 0;)
        if (!strcmp(paths[i], path)) {
            if (i + 1 < npaths)
                memmove(paths[i], paths[i + 1], (size_t)(npaths - i - 1) * PROC_PATH_MAX);
            npaths--;
            break;
        }
    sigprocmask(SIG_SETMASK, &old, NULL);
}

void proc_cleanup_exit(int sig)
{
    int status;
    for (int i = 0; i < PROC_MAX_CHILDREN; i++) {
        pid_t q = children[i];
        if (q > 0) {
            kill(-q, SIGKILL);
            kill(q, SIGKILL);
            waitpid(q, &status, 0);
        }
    }
    for (int i = npaths; i-- > 0;)
        if (unlink(paths[i]) != 0)
            rmdir(paths[i]);
    _exit(128 + sig);
}

static void on_stop_signal(int sig) { proc_cleanup_exit(sig); }

void proc_cleanup_on_stop_signals(void)
{
    struct sigaction sa = { .sa_handler = on_stop_signal };
    for (int i = 0; i < NSTOP_SIGNALS; i++)
        if (stop_signals[i] != SIGPIPE)
            sigaction(stop_signals[i], &sa, NULL);
    /* A worker writes no terminal: a broken pipe (a socket to a QEMU that
     * is gone) is an error to report, not a reason to stop. */
    signal(SIGPIPE, SIG_IGN);
}
