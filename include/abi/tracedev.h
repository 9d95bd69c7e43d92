/* Trace device: a guest-physical MMIO location whose every write the host
 * sees in order with the device events (QEMU's pc-testdev buffer at
 * 0xff000000, logged by the memory_region_ops_write trace event).
 *
 * Registers (offsets from the trace base, 32 bits wide, write-only in use):
 *   TRACEDEV_REG_MARK  a marker word, encoded as below
 *   TRACEDEV_REG_DATA  the 32-bit value that the next CHECK marker carries
 *
 * Marker word:
 *   bits 31:24  TRACEDEV_MAGIC (0x7A)
 *   bits 23:20  kind (TRACE_KIND_*)
 *   bits 19:12  phase (TRACE_PHASE_*)
 *   bits 11:0   argument: END status (0 ok, else an error number),
 *               CHECK tag, VERDICT (0 pass, 1 fail), ACK sequence number
 *
 * Shared by guest and host: the kernel encodes with it, the harness decodes. */
#ifndef ABI_TRACEDEV_H
#define ABI_TRACEDEV_H

#include <stdint.h>

#define TRACEDEV_DEFAULT_BASE   0xFF000000u

#define TRACEDEV_REG_MARK       0x0     /* W, 32 bits: marker word */
#define TRACEDEV_REG_DATA       0x4     /* W, 32 bits: value of the next CHECK */

#define TRACEDEV_MAGIC          0x7Au
#define TRACEDEV_MARK(kind, phase, arg) \
    ((TRACEDEV_MAGIC << 24) | ((uint32_t)(kind) & 0xF) << 20 | \
     ((uint32_t)(phase) & 0xFF) << 12 | ((uint32_t)(arg) & 0xFFF))
#define TRACEDEV_MARK_MAGIC(w)  ((w) >> 24)
#define TRACEDEV_MARK_KIND(w)   (((w) >> 20) & 0xF)
#define TRACEDEV_MARK_PHASE(w)  (((w) >> 12) & 0xFF)
#define TRACEDEV_MARK_ARG(w)    ((w) & 0xFFF)

/* Marker kinds: X(value, NAME, "name") */
#define TRACE_KINDS(X) \
    X(1, BEGIN, "begin")        /* a phase starts */ \
    X(2, END, "end")            /* a phase ends; arg = status */ \
    X(3, CHECK, "check")        /* checkpoint; arg = tag, DATA = value */ \
    X(4, VERDICT, "verdict")    /* the kernel's own verdict; arg 0 pass */ \
    X(5, READY, "ready")        /* the phase waits for host input */ \
    X(6, ACK, "ack")            /* one host input event consumed; arg = count */

/* Phases: X(value, NAME, "name"); the name is the command-line word. */
#define TRACE_PHASES(X) \
    X(0x01, PCI, "pci") \
    X(0x02, PCI_V, "pci-v") \
    X(0x03, KBD, "kbd") \
    X(0x04, DMA, "dma") \
    X(0x05, CONSOLE, "console") \
    X(0x06, FAULT, "fault") \
    X(0x07, RUN, "run")         /* the whole command line; VERDICT uses it */ \
    X(0x08, PCI_X, "pci-x") \
    X(0x09, PCI_XXX, "pci-xxx") \
    X(0x0A, PCI_XXXX, "pci-xxxx") \
    X(0x0B, PCI_VV, "pci-vv")

#define TRACE_ENUM_KIND(v, N, s) TRACE_KIND_##N = v,
#define TRACE_ENUM_PHASE(v, N, s) TRACE_PHASE_##N = v,
enum trace_kind { TRACE_KINDS(TRACE_ENUM_KIND) };
enum trace_phase { TRACE_PHASES(TRACE_ENUM_PHASE) };
#undef TRACE_ENUM_KIND
#undef TRACE_ENUM_PHASE

#endif
