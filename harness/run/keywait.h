/* Typed keys in a run with gdb stops (break =, watch =): when the next key
 * may be sent.
 *
 * Without stops the harness sends a key as soon as the guest's READY or
 * ACK marker is in the log. A stop that comes after that marker and before
 * the guest waits for the key (a watch on MARK, a break in the code in
 * between) would then fall before the key's device events in one run and
 * after them in another. So in a run with stops a key is sent only while
 * the vCPU is parked in the kernel's wait for it:
 *
 * The wait is i8042_read's loop around wait_for_interrupt (`sti; hlt; cli`
 * in include/kernel/io.h), with IRQ 1 alone unmasked. The harness keeps a
 * breakpoint on that sti for the whole run. At a stop there (a park) it
 * notes the markers the log holds, steps the sti and resumes: the vCPU
 * executes hlt and sleeps until IRQ 1. A key may go when the last stop was
 * a park that came after the READY and after every ACK due so far: every
 * byte of the keys before has then been read, so only the new key can wake
 * the vCPU, and every later stop follows the key's events. A key that QEMU
 * turns into no byte (the release of Pause) leaves the vCPU parked.
 *
 * Why not stop the vCPU through the stub (\x03) before each key and look
 * where it is: QEMU's stub can lose a stop that way. A vCPU at a breakpoint
 * or watchpoint asks the main loop to stop the VM (RUN_STATE_DEBUG); a \x03
 * read first stops it as RUN_STATE_PAUSED and answers T02, and the debug
 * request then finds the VM stopped and reports nothing (do_vm_stop
 * notifies only a running VM; QEMU 7.2 and 10.0 alike). A breakpoint hits
 * again on resume, but a watchpoint's hit is gone. */
#ifndef HARNESS_RUN_KEYWAIT_H
#define HARNESS_RUN_KEYWAIT_H

#include <stddef.h>
#include <stdint.h>
#include "harness/lib/elfsym.h"

#define KEYWAIT_FUNCTION "i8042_read"           /* the kernel's wait for a typed byte */
#define KEYWAIT_INLINE   "wait_for_interrupt"   /* its `sti; hlt`, inlined there */

struct keywait {
    uint64_t sti;           /* the park breakpoint; the hlt is the next byte */
    int parked;             /* the last stop was a park, and the vCPU was resumed */
    int ready, acks;        /* READY and ACK markers in the log at that park */
};

/* Find the wait in the kernel: the one inlined KEYWAIT_INLINE in
 * KEYWAIT_FUNCTION, whose bytes must be sti (0xfb), hlt (0xf4). 0, or -1
 * with err saying what the kernel lacks. */
int keywait_find(const struct elfsym *e, const char *kernel, struct keywait *kw, char *err, size_t errlen);

/* A park, with the markers the log holds at it. */
void keywait_park(struct keywait *kw, int ready, int acks);

/* Any other stop: the vCPU is not parked. */
void keywait_unpark(struct keywait *kw);

/* May the next key go now, `acks_due` ACKs being due for the keys before? */
int keywait_may_type(const struct keywait *kw, unsigned acks_due);

/* A key went, which QEMU turns into `acks` scancode sequences. */
void keywait_typed(struct keywait *kw, unsigned acks);

#endif
