/* Kernel command line: "KERNEL-PATH WORD WORD ...". The first word (the
 * kernel path QEMU or GRUB puts there) is skipped; the others are parsed
 * into actions run in order. Pure: no I/O, so host unit tests drive it. */
#ifndef LIB_CMDLINE_H
#define LIB_CMDLINE_H

#include <stddef.h>
#include <stdint.h>
#include "hw/ata.h"

#define CMDLINE_MAX_WORDS   32
/* dma=LBA:COUNT reads 1 to this many sectors (one READ DMA EXT's worth),
 * within LBA 2^48. */
#define CMDLINE_DMA_MAX_SECTORS ATA_LBA48_MAX_COUNT

enum cmd_kind {
    CMD_PCI,            /* pci */
    CMD_PCI_V,          /* pci-v */
    CMD_KBD,            /* kbd */
    CMD_CONSOLE,        /* console: typed lines run as console commands until `quit` */
    CMD_DMA,            /* dma=LBA:COUNT */
    CMD_FAULT,          /* fault=de|ud|gp|pf|triple */
    CMD_EXIT,           /* exit */
    CMD_TRACE,          /* trace=ADDR */
    CMD_DISK,           /* disk=ata|ahci */
    CMD_BAD,            /* unknown word or bad value; see cmd.why */
    CMD_PCI_X,          /* pci-x */
    CMD_PCI_XXX,        /* pci-xxx */
    CMD_PCI_XXXX,       /* pci-xxxx */
    CMD_PCI_VV,         /* pci-vv */
    CMD_VGA,            /* vga=on|off */
};

enum fault_kind { FAULT_DE, FAULT_UD, FAULT_GP, FAULT_PF, FAULT_TRIPLE };

struct cmd {
    enum cmd_kind kind;
    uint64_t a;         /* dma: LBA; fault: enum fault_kind */
    uint32_t b;         /* dma: sector count */
    const char *word;   /* the word as written (not NUL-terminated) */
    size_t len;
    const char *why;    /* CMD_BAD: what is wrong and the fix */
};

struct cmdline {
    struct cmd cmds[CMDLINE_MAX_WORDS];
    int ncmds;
    int nbad;           /* words that failed to parse (CMD_BAD entries) */
    int dropped;        /* words past CMDLINE_MAX_WORDS, not parsed at all */
    int has_exit;       /* `exit` seen */
    int nphases;        /* words that run a phase (not exit, not trace=) */
    uintptr_t trace_base;   /* the last valid trace=ADDR, else TRACEDEV_DEFAULT_BASE */
    const char *disk;       /* the last valid disk=NAME ("ata", "ahci"), else NULL */
    int vga_off;            /* the last valid vga= word was vga=off */
};

/* Parse `line` (may be NULL). Always fills *cl; returns the number of words
 * that will not run (bad ones and those past CMDLINE_MAX_WORDS). */
int cmdline_parse(const char *line, struct cmdline *cl);

/* The word for a fault kind: "de", "ud", "gp", "pf", "triple"; "?" if out of range. */
const char *fault_name(enum fault_kind kind);

/* Parse a decimal or 0x-prefixed hexadecimal number of `len` characters. */
int cmdline_number(const char *s, size_t len, uint64_t *out);

#endif
