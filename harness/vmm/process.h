/* QEMU processes and what must not outlive the harness: spawning with a
 * death signal tied to the harness, bounded waits, killing, and a registry
 * of the children and temporary paths that a stop signal must clean up.
 *
 * The registry is per process (each worker has its own): a child is
 * tracked from its start until it is reaped, a temporary path from its
 * creation until its removal. Registration holds SIGINT and SIGTERM off
 * while it writes, so the handler never sees half an entry; to leave no
 * window at all, create the file or process with block_stop_signals()
 * held and register it before restoring the mask. */
#ifndef HARNESS_VMM_PROCESS_H
#define HARNESS_VMM_PROCESS_H

#include <sys/types.h>

/* Start cmd[0] (a NULL-terminated word list) with stdin from /dev/null and
 * stdout+stderr to `out_path`, in its own process group, killed by SIGKILL
 * when the harness dies. Returns the pid, or -1 with err and errno saying
 * why it could not start ("cannot start QEMU: Argument list too long":
 * the exec's own failure, reported by the child through a close-on-exec
 * pipe, so that it is never mistaken for QEMU's exit status). */
pid_t qemu_spawn(char *const cmd[], const char *out_path, char *err, size_t errlen);

/* Non-blocking reap: 1 and *status (waitpid status) when it has ended. */
int qemu_reaped(pid_t pid, int *status);
/* Wait until it ends, `deadline` passes or a stop was requested
 * (proc_request_stop); 1 ended, 0 still running. */
int qemu_wait(pid_t pid, double deadline, int *status);
/* A stop signal arrived (called by its handler; async-signal-safe): every
 * qemu_wait returns at once. proc_stop_requested: the signal, or 0. */
void proc_request_stop(int sig);
int proc_stop_requested(void);
/* Has it ended? Does not reap it: qemu_reaped still gets its status. */
int qemu_exited(pid_t pid);
/* Unless it has ended already, SIGKILL its process group; reap it either
 * way, with its waitpid status in *status. 1 when it had to be killed, 0
 * when it had ended by itself. */
int qemu_kill(pid_t pid, int *status);

/* Track a child (its process group is killed on a stop signal) or stop
 * tracking it. At most PROC_MAX_CHILDREN at once; -1 when full. */
#define PROC_MAX_CHILDREN 4
int proc_track_child(pid_t pid);
void proc_untrack_child(pid_t pid);

/* Track a temporary file or directory (removed on a stop signal, files
 * and directories alike, the latest first, so a directory goes after the
 * files in it) or stop tracking it. At most PROC_MAX_PATHS of at most
 * PROC_PATH_MAX - 1 bytes; -1 when full or too long. */
#define PROC_MAX_PATHS 8
#define PROC_PATH_MAX 128
int proc_track_path(const char *path);
void proc_untrack_path(const char *path);

/* Kill every tracked child's group and reap it, remove every tracked path,
 * then _exit(128 + sig). Async-signal-safe. */
void proc_cleanup_exit(int sig) __attribute__((noreturn));
/* Make the stop signals (stop_signals in util.h) call proc_cleanup_exit;
 * SIGPIPE is ignored (write errors are reported as such). */
void proc_cleanup_on_stop_signals(void);

#endif
