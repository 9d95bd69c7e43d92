/* QEMU isa-debug-exit (-device isa-debug-exit,iobase=0xf4,iosize=4).
 * Writing V to the port makes QEMU exit with status (V << 1) | 1, so a guest
 * verdict is always odd and never 0 or 1 (QEMU's own statuses). */
#ifndef DEBUG_EXIT_H
#define DEBUG_EXIT_H

#define DEBUG_EXIT_PORT     0xF4    /* W, 8 bits */

#define DEBUG_EXIT_PASS     0x10    /* QEMU status 33: every phase passed */
#define DEBUG_EXIT_FAIL     0x11    /* QEMU status 35: a phase failed or a word was unknown */
#define DEBUG_EXIT_CRASH    0x12    /* QEMU status 37: CPU exception or panic */

/* Leave QEMU; without the device (make run) halt forever instead. */
__attribute__((noreturn)) void debug_exit(unsigned char code);

#endif
