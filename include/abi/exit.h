/* How the kernel leaves QEMU, shared by guest and host.
 *
 * The harness gives every machine QEMU's isa-debug-exit device at
 * DEBUG_EXIT_PORT (-device isa-debug-exit,iobase=0xf4,iosize=4). Writing a
 * byte V there makes QEMU exit with status (V << 1) | 1, so a guest verdict
 * is always odd and never 0 or 1, which are QEMU's own statuses. */
#ifndef ABI_EXIT_H
#define ABI_EXIT_H

#define DEBUG_EXIT_PORT     0xF4    /* W, 8 bits */

#define DEBUG_EXIT_PASS     0x10    /* status 33: every phase passed */
#define DEBUG_EXIT_FAIL     0x11    /* status 35: a phase failed or a word was unknown */
#define DEBUG_EXIT_CRASH    0x12    /* status 37: CPU exception or panic */

/* QEMU's exit status for a byte written to DEBUG_EXIT_PORT. */
#define DEBUG_EXIT_STATUS(code) (((code) << 1) | 1)

#endif
