/* Scenario files: kvm-unit-tests style sections in tests/scenarios/NAME.cfg.
 *
 *   # comment
 *   [name]                  section = one scenario; names are unique across files,
 *                           1 to SCENARIO_NAME_MAX letters, digits, '-', '_
 *   machine = pc            pc | q35, optionally followed by ,PROP=VALUE...
 *   firmware = seabios      seabios (QEMU's default) | qboot: boots in half the
 *                           time, but assigns no PCI BARs (machine.c says more)
 *   qemu = -nic none        extra QEMU arguments (shell-like words); words that take
 *                           what the harness owns (-daemonize, -D, -serial ...) are refused
 *   append = pci exit       kernel command line words (required)
 *   events = pci_cfg_*       trace event globs recorded in the golden
 *   timeout = 20            seconds (1-3600)
 *   expect = pass           pass | fail | crash | triple
 *   keys = Hello{enter}     text to type (see keys.h)
 *   disk = size=64M         disk image (see disk.h)
 *   oracle = query-pci      query-pci | kbd-line | dma-crc, space separated
 *   break = i8042_irq       stop the vCPU there through the gdb stub (repeatable; gdbspec.h)
 *   watch = ring_head write a watchpoint (repeatable; gdbspec.h)
 *   log-limit = 128M        the most trace.log and serial.log may each hold (default 64M)
 *
 * Parsing is pure: scenario_parse takes the file's bytes. Errors read
 * "FILE:LINE: what is wrong; fix". */
#ifndef SCENARIO_H
#define SCENARIO_H

#include "harness/lib/disk.h"
#include "harness/lib/gdbspec.h"
#include "harness/lib/keys.h"
#include "harness/lib/util.h"

#define SCENARIO_NAME_MAX 64
/* Bounds on what reaches QEMU's command line, checked at parse time (an
 * exec refused with E2BIG would hide the cause): `append` and each `qemu =`
 * word at most SCENARIO_ARG_MAX bytes, all of a scenario's qemu words
 * SCENARIO_QEMU_MAX. */
#define SCENARIO_ARG_MAX 4096
#define SCENARIO_QEMU_MAX 65536
/* The characters of a memory region's name in `events = EVENT@REGION`. */
#define SCENARIO_REGION_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-"
/* Each of a run's logs (trace.log, serial.log) may grow to `log-limit`
 * bytes (default 64 MiB); a run that reaches it is stopped there (FAIL). */
#define SCENARIO_LOG_LIMIT_DEFAULT (64ull << 20)
#define SCENARIO_LOG_LIMIT_MIN (64ull << 10)
#define SCENARIO_LOG_LIMIT_MAX (16ull << 30)
/* chardev ids the harness gives its own channels ("traceos-gdb"). */
#define SCENARIO_RESERVED_ID "traceos-"

enum expect { EXPECT_PASS, EXPECT_FAIL, EXPECT_CRASH, EXPECT_TRIPLE };
enum firmware { FIRMWARE_SEABIOS, FIRMWARE_QBOOT };

#define ORACLE_QUERY_PCI  1u
#define ORACLE_KBD_LINE   2u
#define ORACLE_DMA_CRC    4u
#define ORACLE_LSPCI      8u       /* lspci-decode */

struct scenario {
    char *name;
    char *file;             /* the .cfg path */
    int line;               /* line of the [name] header */
    char *machine;
    enum firmware firmware;
    struct strv qemu;       /* extra QEMU arguments */
    char *append;
    uint64_t trace_base;    /* from append, as the kernel reads it: trace=ADDR or the default */
    int has_exit;           /* append has the word `exit` */
    int has_pci_dump, has_pci_vv;   /* append has pci-x/pci-xxx/pci-xxxx, pci-vv */
    struct strv events;     /* trace event globs */
    /* Per events word, the memory region after its `@` ("pcie-mmcfg-mmio"),
     * or "": the glob keeps only lines of memory_region_ops_read/write on
     * that region. Parallel to events. */
    struct strv event_regions;
    int timeout;
    uint64_t log_limit;     /* `log-limit =`: the most each of trace.log and serial.log may hold */
    enum expect expect;
    struct key_list key_events;     /* `keys =`; none: no typing */
    int has_disk;
    struct disk_spec disk;
    unsigned oracles;
    struct gdb_specs gdb;   /* `break =` and `watch =` lines; none: no gdb stub */
};

struct scenario_set {
    struct scenario *v;
    int n, cap;
};

/* Parse one file's text and append its scenarios to *set. A name already in
 * *set (from this or an earlier file) is an error naming both places.
 * Returns 0, or -1 with err set (the set keeps what parsed before). */
int scenario_parse(const char *buf, size_t len, const char *file,
                   struct scenario_set *set, char *err, size_t errlen);

/* Load every *.cfg of `dir` in name order. 0; -1 with err (a file that
 * cannot be read or parsed); SCENARIO_NO_DIR with err when `dir` itself
 * cannot be opened (the caller adds how to name another one). */
#define SCENARIO_NO_DIR (-2)
int scenario_load_dir(const char *dir, struct scenario_set *set, char *err, size_t errlen);

/* The ORACLE_* bit of an `oracle =` word; 0 when unknown. */
unsigned scenario_oracle_bit(const char *name);

const char *scenario_expect_name(enum expect e);
const char *scenario_firmware_name(enum firmware f);
void scenario_set_free(struct scenario_set *set);

#endif
