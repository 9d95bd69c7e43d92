/* The run's sockets to QEMU (QMP, and the gdb stub for break/watch): a private directory
 * under $TMPDIR holding one socket per enum run_socket, registered for the
 * stop-signal cleanup (process.h) while it exists. */
#ifndef HARNESS_VMM_SOCKETS_H
#define HARNESS_VMM_SOCKETS_H

#include <stddef.h>
#include "harness/lib/paths.h"

/* Make p->tmpdir and fill in p->sock[]; 0, or -1 with err (TMPDIR too long
 * for sun_path, or not writable). */
int sockets_make(struct paths *p, char *err, size_t errlen);
/* Remove the sockets and the directory; nothing when it was not made. */
void sockets_remove(struct paths *p);

#endif
