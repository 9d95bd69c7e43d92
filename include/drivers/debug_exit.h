/* QEMU isa-debug-exit: the port and the codes are the guest-host contract in
 * abi/exit.h. */
#ifndef DRIVERS_DEBUG_EXIT_H
#define DRIVERS_DEBUG_EXIT_H

#include "abi/exit.h"

/* Leave QEMU with DEBUG_EXIT_* `code`; without the device (make run) halt
 * forever instead. */
__attribute__((noreturn)) void debug_exit(unsigned char code);

#endif
