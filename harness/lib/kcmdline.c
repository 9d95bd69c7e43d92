#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/kcmdline.h"
#include "harness/lib/util.h"

void kcmdline_parse(const char *append, struct cmdline *cl)
{
    /* The kernel skips its first word, the path QEMU puts there. */
    static const char prefix[] = "kernel ";
    size_t n = strlen(append), k = sizeof(prefix) - 1;
    char *line = xmalloc(n + k + 1);
    memcpy(line, prefix, k);
    memcpy(line + k, append, n + 1);
    cmdline_parse(line, cl);
    for (int i = 0; i < cl->ncmds; i++)     /* `line` goes: point into `append` */
        cl->cmds[i].word = append + (cl->cmds[i].word - line - (ptrdiff_t)k);
    free(line);
}
