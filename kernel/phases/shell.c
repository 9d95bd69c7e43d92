/* Interactive console (see shell.h). To add a command, write a function
 * `static int cmd_NAME(int argc, char **argv)` (argv[0] is the command
 * name; return 0 on success) and add one row to `commands[]`. */
#include <stdint.h>
#include "drivers/i8042.h"
#include "drivers/tracedev.h"
#include "kernel/console.h"
#include "lib/cmdline.h"
#include "lib/line.h"
#include "lib/scancode.h"
#include "phases/dma.h"
#include "phases/keyboard.h"
#include "phases/pci.h"
#include "phases/shell.h"

#define SHELL_PROMPT    "> "
#define SHELL_MAX_ARGS  8

struct shell_cmd {
    const char *name, *args, *help;
    int (*fn)(int argc, char **argv);
};

static int cmd_help(int argc, char **argv);
static int cmd_lspci(int argc, char **argv);
static int cmd_scancodes(int argc, char **argv);
static int cmd_trace(int argc, char **argv);
static int cmd_read(int argc, char **argv);

static const struct shell_cmd commands[] = {
    { "help", "", "list the commands", cmd_help },
    { "lspci", "", "list the PCI bus", cmd_lspci },
    { "scancodes", "", "show the raw bytes of each key until Esc", cmd_scancodes },
    { "trace", "VALUE", "write a checkpoint with VALUE to the trace device", cmd_trace },
    { "read", "LBA [COUNT]", "read sectors by DMA from the primary disk; hex dump", cmd_read },
};
#define NCOMMANDS (int)(sizeof(commands) / sizeof(commands[0]))

static struct sc_decoder decoder;   /* modifier and lock state, kept across lines */

/* Next key event; a caps lock toggle also sets the keyboard LEDs. */
static void shell_key(struct key_event *ev)
{
    keyboard_read_key(&decoder, ev);
    keyboard_update_leds(ev);        /* a failure is printed; typing goes on */
}

static int cmd_help(int argc, char **argv)
{
    (void)argc, (void)argv;
    for (int i = 0; i < NCOMMANDS; i++)
        kprintf("  %-10s %-12s %s\n", commands[i].name, commands[i].args, commands[i].help);
    kprintf("  keys: backspace edits, ctrl-c drops the line\n");
    return 0;
}

static int cmd_lspci(int argc, char **argv)
{
    (void)argc, (void)argv;
    return pci_phase_list(0) > 0 ? 0 : -1;
}

static int cmd_scancodes(int argc, char **argv)
{
    (void)argc, (void)argv;
    kprintf("scancodes: press keys; Esc ends\n");
    for (;;) {
        struct key_event ev;
        char name[12];
        uint8_t b = i8042_read();
        kprintf("%02x ", b);
        if (sc_feed(&decoder, b, &ev) == SC_MORE)
            continue;
        kprintf(" %s %s\n", sc_key_name(ev.key, name), ev.down ? "down" : "up");
        keyboard_update_leds(&ev);
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
        (argc == 3 && parse_arg(argv[2], &count) != 0) || count < 1 || count > CMDLINE_DMA_MAX_SECTORS) {
        kprintf("read: usage: read LBA [COUNT] (COUNT 1 to %u sectors, default 1)\n",
                CMDLINE_DMA_MAX_SECTORS);
        return -1;
    }
    return dma_console_read(lba, (uint32_t)count);
}

static int str_eq(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
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

/* Read one edited line; 0 when Enter completed it, -1 on ctrl-c. */
static int shell_readline(struct line *l)
{
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
        if (keyboard_edit_echo(l, ev.ch) == LINE_DONE) {
            console_putc('\n');
            return 0;
        }
    }
}

void shell_run(void)
{
    static struct line l;
    kprintf("pci: the bus as lspci -n lists it (`lspci` again at the prompt)\n");
    pci_phase_list(0);
    if (i8042_init() != 0) {
        kprintf("shell: no keyboard, no console\n");
        return;
    }
    sc_init(&decoder);
    kprintf("traceos console; type `help`\n");
    for (;;) {
        console_write(SHELL_PROMPT);
        if (shell_readline(&l) == 0)
            shell_exec(l.text);
    }
}
