/* The kernel's command line as the kernel reads it. */
#ifndef KCMDLINE_H
#define KCMDLINE_H

#include "lib/cmdline.h"

/* Parse a scenario's `append` words with the kernel's own parser
 * (lib/cmdline.c, linked into the harness), so that dma= and trace=
 * words mean on the host exactly what they mean to the guest. Each
 * cl->cmds[i].word points into `append` itself, so it stays valid as long
 * as `append` does. */
void kcmdline_parse(const char *append, struct cmdline *cl);

#endif
