/* The console (see shell.h): interactive after boot, or the `console` word
 * for tests. To add a command, write a function `static int cmd_NAME(int
 * argc, char **argv)` (argv[0] is the command name; return 0 on success) and
 * add one row to `commands[]`.
 *
 * Under the `console` word every decoded key sequence is acknowledged on the
 * trace device (ACK, phase console) once the work it caused is done, just
 * before the next key is read, so that the host types the next key only
 * then; the phase ends when the Enter key that ran `quit` is released. */
#include <stdint.h>
#include "drivers/i8042.h"
#include "drivers/tracedev.h"
#include "drivers/vga.h"
#include "kernel/console.h"
#include "lib/cmdline.h"
#include "lib/line.h"
#include "lib/scancode.h"
#include "phases/dma.h"
#include "phases/keyboard.h"
#include "phases/pci.h"
#include "phases/pcidump.h"
#include "phases/shell.h"

#define SHELL_PROMPT    "> "
#define SHELL_MAX_ARGS  8
#define SHELL_PAGE_LINES (VGA_ROWS - 1)     /* a screenful, the --more-- line aside */

struct shell_cmd {
    const char *name, *args, *help;
    int (*fn)(int argc, char **argv);
};

static int cmd_help(int argc, char **argv);
static int cmd_lspci(int argc, char **argv);
static int cmd_scancodes(int argc, char **argv);
static int cmd_trace(int argc, char **argv);
static int cmd_read(int argc, char **argv);
static int cmd_quit(int argc, char **argv);

static const struct shell_cmd commands[] = {
    { .name = "help", .args = "", .help = "list the commands", .fn = cmd_help },
    { .name = "lspci", .args = "[OPTION]", .help = "the PCI bus as lspci -n: -v -vv -x -xxx -xxxx",
      .fn = cmd_lspci },
    { .name = "scancodes", .args = "", .help = "show the raw bytes of each key until Esc",
      .fn = cmd_scancodes },
    { .name = "trace", .args = "VALUE", .help = "write a checkpoint with VALUE to the trace device",
      .fn = cmd_trace },
    { .name = "read", .args = "LBA [COUNT]",
      .help = "read sectors by DMA from the disk; a paged hex dump", .fn = cmd_read },
    { .name = "quit", .args = "", .help = "end the console word", .fn = cmd_quit },
};
#define NCOMMANDS (int)(sizeof(commands) / sizeof(commands[0]))

static struct {
    struct sc_decoder dec;      /* modifier and lock state, kept across lines */
    int word;                   /* running as the `console` word */
    unsigned acks;              /* ACKs written (the console word) */
    int unacked;                /* a key sequence's work is not yet acknowledged */
    int quit;                   /* `quit` ran */
} sh;

/* The next byte from the keyboard; the previous key sequence is done. */
static uint8_t shell_byte(void)
{
    if (sh.unacked) {
        trace_ack(TRACE_PHASE_CONSOLE, ++sh.acks);
        sh.unacked = 0;
    }
    return i8042_read();
}

/* Feed one byte; 1 when it completed a key sequence (then *ev is set). */
static int shell_feed(uint8_t b, struct key_event *ev)
{
    if (sc_feed(&sh.dec, b, ev) == SC_MORE)
        return 0;
    sh.unacked = sh.word;
    keyboard_update_leds(ev);   /* a failure is printed; typing goes on */
    return 1;
}

static void shell_key(struct key_event *ev)
{
    while (!shell_feed(shell_byte(), ev))
        ;
}

/* The pager's question after each screenful: space (or any key) for more, q stops. */
static int shell_more(void)
{
    console_write("-- more: space goes on, q stops --");
    for (;;) {
        struct key_event ev;
        shell_key(&ev);
        if (ev.down && ev.ch) {
            console_putc('\n');
            return ev.ch != 'q';
        }
    }
}

static int cmd_help(int argc, char **argv)
{
    (void)argc, (void)argv;
    for (int i = 0; i < NCOMMANDS; i++)
        kprintf("  %-10s %-12s %s\n", commands[i].name, commands[i].args, commands[i].help);
    kprintf("  keys: backspace edits, ctrl-c drops the line\n");
    return 0;
}

static int str_eq(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

/* lspci's options, spelled as lspci spells them ("": none); each prints
 * what the word of the same listing prints, a screenful at a time. */
enum lspci_view { LSPCI_LIST, LSPCI_DUMP, LSPCI_VV };
static const struct lspci_opt {
    const char *opt;
    enum lspci_view view;
    int level;                  /* LIST: verbose; DUMP: the number of x's */
} lspci_opts[] = {
    { .opt = "", .view = LSPCI_LIST, .level = 0 },
    { .opt = "-v", .view = LSPCI_LIST, .level = 1 },
    { .opt = "-vv", .view = LSPCI_VV },
    { .opt = "-x", .view = LSPCI_DUMP, .level = 1 },
    { .opt = "-xxx", .view = LSPCI_DUMP, .level = 3 },
    { .opt = "-xxxx", .view = LSPCI_DUMP, .level = 4 },
};
#define NLSPCI_OPTS (int)(sizeof(lspci_opts) / sizeof(lspci_opts[0]))

static int cmd_lspci(int argc, char **argv)
{
    const struct lspci_opt *o = 0;
    for (int i = 0; argc <= 2 && i < NLSPCI_OPTS; i++)
        if (str_eq(argc == 2 ? argv[1] : "", lspci_opts[i].opt))
            o = &lspci_opts[i];
    if (!o) {
        kprintf("lspci: usage: lspci [");
        for (int i = 1; i < NLSPCI_OPTS; i++)
            kprintf("%s%s", i > 1 ? " | " : "", lspci_opts[i].opt);
        kprintf("]\n");
        return -1;
    }
    console_pager(shell_more, SHELL_PAGE_LINES);
    int ok;
    switch (o->view) {
    case LSPCI_VV: ok = pcivv_phase() == 0; break;
    case LSPCI_DUMP: ok = pcidump_phase(o->level) == 0; break;
    default: ok = pci_phase_list(o->level) > 0;
    }
    console_pager(0, 0);
    return ok ? 0 : -1;
}

static int cmd_scancodes(int argc, char **argv)
{
    (void)argc, (void)argv;
    kprintf("scancodes: press keys; Esc ends\n");
    for (;;) {
        struct key_event ev;
        char name[12];
        uint8_t b = shell_byte();
        kprintf("%02x ", b);
        if (!shell_feed(b, &ev))
            continue;
        kprintf(" %s %s\n", sc_key_name(ev.key, name), ev.down ? "down" : "up");
        if (ev.key == KEY_ESC && !ev.down)
            return 0;
    }
}

/* A decimal or 0x-hex argument; 0 when it parses. */
static int parse_arg(const char *arg, uint64_t *v)
{
    size_t len = 0;
    while (arg[len])
        len++;
    return cmdline_number(arg, len, v);
}

static int cmd_trace(int argc, char **argv)
{
    uint64_t v;
    if (argc != 2 || parse_arg(argv[1], &v) != 0 || v > 0xFFFFFFFFu) {
        kprintf("trace: usage: trace VALUE (decimal or 0x hex, 32 bits)\n");
        return -1;
    }
    trace_check(TRACE_PHASE_CONSOLE, CONSOLE_TAG_USER, (uint32_t)v);
    kprintf("trace: check console tag=0x%x value=0x%08x\n", CONSOLE_TAG_USER, (uint32_t)v);
    return 0;
}

static int cmd_read(int argc, char **argv)
{
    uint64_t lba, count = 1;
    if (argc < 2 || argc > 3 || parse_arg(argv[1], &lba) != 0 ||
        (argc == 3 && parse_arg(argv[2], &count) != 0) || count < 1 ||
        count > CMDLINE_DMA_MAX_SECTORS) {
        kprintf("read: usage: read LBA [COUNT] (COUNT 1 to %u sectors, default 1)\n",
                CMDLINE_DMA_MAX_SECTORS);
        return -1;
    }
    console_pager(shell_more, SHELL_PAGE_LINES);
    int err = dma_console_read(lba, (uint32_t)count);
    console_pager(0, 0);
    return err;
}

static int cmd_quit(int argc, char **argv)
{
    (void)argc, (void)argv;
    if (!sh.word) {
        kprintf("quit: only the console word ends; to leave QEMU: Esc 2, then quit "
                "(or close its window)\n");
        return -1;
    }
    sh.quit = 1;
    return 0;
}

static void shell_exec(char *text)
{
    char *argv[SHELL_MAX_ARGS];
    int argc = line_split(text, argv, SHELL_MAX_ARGS);
    if (argc < 0) {
        kprintf("shell: more than %d words\n", SHELL_MAX_ARGS);
        return;
    }
    if (argc == 0)
        return;
    for (int i = 0; i < NCOMMANDS; i++)
        if (str_eq(argv[0], commands[i].name)) {
            commands[i].fn(argc, argv);
            return;
        }
    kprintf("shell: unknown command '%s'; type `help`\n", argv[0]);
}

/* Read one edited line; the Enter key that completed it goes to *enter.
 * 0 when Enter completed it, -1 on ctrl-c. */
static int shell_readline(struct line *l, uint8_t *enter)
{
    int warned = 0;
    line_init(l);
    for (;;) {
        struct key_event ev;
        shell_key(&ev);
        if (!ev.down || !ev.ch)
            continue;
        if ((ev.mods & MOD_CTRL) && ev.key == KEY_C) {   /* with shift or caps lock too */
            console_write("^C\n");
            return -1;
        }
        enum line_result r = keyboard_edit_echo(l, ev.ch);
        if (r == LINE_DONE) {
            console_putc('\n');
            *enter = ev.key;
            return 0;
        }
        if (r == LINE_FULL && !warned) {
            kprintf("\nshell: the line is full (%d characters); Enter runs it, "
                    "backspace edits\n%s%s", LINE_CAP, SHELL_PROMPT, l->text);
            warned = 1;
        }
    }
}

/* Prompt, read and run lines until `quit`; returns the Enter key that ran it. */
static uint8_t shell_loop(void)
{
    static struct line l;
    uint8_t enter = KEY_ENTER;
    sc_init(&sh.dec);
    while (!sh.quit) {
        console_write(SHELL_PROMPT);
        if (shell_readline(&l, &enter) == 0)
            shell_exec(l.text);
    }
    return enter;
}

void shell_run(void)
{
    kprintf("pci: the bus as lspci -n lists it (`lspci` again at the prompt)\n");
    pci_phase_list(0);
    if (i8042_init() != 0) {
        kprintf("shell: no keyboard, no console\n");
        return;
    }
    kprintf("traceos console; type `help`\n");
    shell_loop();
}

unsigned console_phase(void)
{
    int r = i8042_init();
    if (r != 0) {
        kprintf("console: no keyboard: i8042 set-up failed (error %d)\n", -r);
        return (unsigned)-r;
    }
    sh.word = 1;
    sh.acks = 0;
    sh.unacked = 0;
    sh.quit = 0;
    kprintf("console: ready\n");
    trace_ready(TRACE_PHASE_CONSOLE);
    uint8_t enter = shell_loop();
    struct key_event ev;
    do                                  /* the release of the Enter that ran quit */
        shell_key(&ev);
    while (ev.down || ev.key != enter);
    trace_ack(TRACE_PHASE_CONSOLE, ++sh.acks);
    sh.unacked = 0;
    sh.word = 0;
    kprintf("console: quit\n");
    return 0;
}
