#include <stdlib.h>
#include <string.h>
#include "kcmdline.h"
#include "util.h"

void kcmdline_parse(const char *append, struct cmdline *cl)
{
    /* The kernel skips its first word, the path QEMU puts there. */
    size_t n = strlen(append);
    char *line = xmalloc(n + sizeof("kernel "));
    memcpy(line, "kernel ", sizeof("kernel ") - 1);
    memcpy(line + sizeof("kernel ") - 1, append, n + 1);
    cmdline_parse(line, cl);
    free(line);
}
