/* PIT driver (hw/i8254.h): channel 0 as a one-shot deadline. A driver
 * waiting for its own interrupt (kernel/wait.h) also unmasks PIT_IRQ, so that
 * the HLT ends when the deadline passes even if the device never interrupts.
 * Nothing is done in the PIT's interrupt handler; the waiter asks
 * pit_oneshot_expired() after each wake-up, which reads the OUT pin, so a
 * stale IRQ 0 edge latched in the PIC is never taken for a deadline. */
#ifndef DRIVERS_PIT_H
#define DRIVERS_PIT_H

#include "hw/i8254.h"

#define PIT_ONESHOT_COUNT   0       /* 0 = 65536 input clocks: about 54.9 ms */
#define PIT_ONESHOT_MS      55

/* Start (or restart) the one-shot: OUT goes low now and high, raising
 * IRQ 0, after PIT_ONESHOT_MS. */
void pit_oneshot_arm(void);
/* 1 when the armed one-shot has reached terminal count. */
int pit_oneshot_expired(void);

#endif
