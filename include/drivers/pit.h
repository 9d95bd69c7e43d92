/* Intel 8253/8254 programmable interval timer, channel 0, used as a one-shot
 * deadline: a driver waiting for its own interrupt also unmasks PIT_IRQ, so
 * that the HLT ends when the deadline passes even if the device never
 * interrupts. Nothing is done in the PIT's interrupt handler; the waiter
 * asks pit_oneshot_expired() after each wake-up, which reads the OUT pin,
 * so a stale IRQ 0 edge latched in the PIC is never taken for a deadline.
 * All registers 8 bits wide. */
#ifndef PIT_H
#define PIT_H

#define PIT_IRQ             0

#define PIT_REG_CH0         0x40    /* RW: channel 0 count (lo then hi) / latched status */
#define PIT_REG_MODE        0x43    /* W: mode/command */
#define PIT_MODE_CH0        0x00    /*   bits 7:6 channel 0 */
#define PIT_MODE_LOHI       0x30    /*   bits 5:4 access: low byte, then high byte */
#define PIT_MODE_ONESHOT    0x00    /*   bits 3:1 mode 0: OUT low, high at terminal count */
#define PIT_MODE_BINARY     0x00    /*   bit 0: binary count */
#define PIT_READBACK        0xC0    /*   bits 7:6 = 11: read-back command ... */
#define PIT_READBACK_NOCOUNT 0x20   /*   ... bit 5 = 1: do not latch the count */
#define PIT_READBACK_CH0    0x02    /*   ... bit 1: channel 0 (bit 4 = 0: latch status) */
#define PIT_STATUS_OUT      0x80    /* latched status bit 7: OUT pin level */

#define PIT_ONESHOT_COUNT   0       /* 0 = 65536 input clocks: about 54.9 ms */
#define PIT_ONESHOT_MS      55

/* Start (or restart) the one-shot: OUT goes low now and high, raising
 * IRQ 0, after PIT_ONESHOT_MS. */
void pit_oneshot_arm(void);
/* 1 when the armed one-shot has reached terminal count. */
int pit_oneshot_expired(void);

#endif
