/* --debug: one scenario run as the suite runs it, QEMU paused with its gdb
 * stub for a person's gdb; see attach.h. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "harness/cli/attach.h"

#define GDB_SCRIPT "tools/gdb/traceos.py"

static struct sbuf commands;    /* the scenario's break/watch lines as gdb commands */

/* gdb's C type of a watch of len bytes. */
static const char *c_type(unsigned len)
{
    return len == 1 ? "unsigned char" : len == 2 ? "unsigned short" : len == 8 ? "unsigned long long" : "unsigned int";
}

static void gdb_command(const struct gdb_spec *sp, struct sbuf *out)
{
    char where[160];
    if (sp->sym)
        snprintf(where, sizeof(where), "%s%s+%llu", sp->has_off ? "(char *)&" : "&", sp->sym,
                 (unsigned long long)sp->off);
    else
        snprintf(where, sizeof(where), "0x%llx", (unsigned long long)sp->addr);
    if (sp->kind == GDB_BREAK && sp->sym && !sp->has_off)
        sb_printf(out, " -ex 'break %s'", sp->sym);
    else if (sp->kind == GDB_BREAK)
        sb_printf(out, " -ex 'break *%s%s'", sp->sym ? "(char *)" : "", sp->sym ? where + 1 : where);
    else if (sp->sym && !sp->has_off && !sp->len)
        sb_printf(out, " -ex '%s %s'", sp->kind == GDB_WATCH_READ ? "rwatch" : sp->kind == GDB_WATCH_ACCESS ? "awatch" : "watch",
                  sp->sym);
    else
        sb_printf(out, " -ex '%s *(%s *)(%s)'", sp->kind == GDB_WATCH_READ ? "rwatch" : sp->kind == GDB_WATCH_ACCESS ? "awatch" : "watch",
                  c_type(sp->len ? sp->len : 4), where);
}

static void print_attach(const struct config *cfg, const struct scenario *s, const struct paths *p)
{
    fprintf(stderr,
            "debug: %s starts paused (-S) with its gdb stub on %s\n"
            "debug: its command line is the suite's (%s); no timeout; keys are typed when the kernel asks\n"
            "debug: serial output in %s, trace in %s; the run is judged when QEMU ends\n"
            "debug: attach from another terminal:\n"
            "  gdb -q %s%s%s -ex 'target remote %s'%s -ex continue\n",
            s->name, p->sock[SOCK_GDB], p->qemu_cmd, p->serial, p->trace, cfg->kernel,
            access(GDB_SCRIPT, R_OK) == 0 ? " -x " : "", access(GDB_SCRIPT, R_OK) == 0 ? GDB_SCRIPT : "",
            p->sock[SOCK_GDB], sb_str(&commands));
    fflush(stderr);
}

void attach_prepare(struct config *cfg, struct scenario *s)
{
    static char i386[4096];
    const char *x64 = "qemu-system-x86_64";
    size_t n = strlen(cfg->qemu), k = strlen(x64);
    /* gdb reads an i386 ELF with the i386 register layout, which only
     * qemu-system-i386's stub sends; the machine is the same. */
    if (n >= k && !strcmp(cfg->qemu + n - k, x64) && n - k + sizeof("qemu-system-i386") <= sizeof(i386)) {
        snprintf(i386, sizeof(i386), "%.*sqemu-system-i386", (int)(n - k), cfg->qemu);
        cfg->qemu = i386;
    }
    for (int i = 0; i < s->gdb.n; i++)
        gdb_command(&s->gdb.v[i], &commands);
    gdbspec_free(&s->gdb);          /* the person's gdb stops, not the harness */
    cfg->attach = print_attach;
}
