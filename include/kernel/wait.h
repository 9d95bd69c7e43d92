/* Waiting for a device's interrupt, bounded by a deadline, without polling
 * the device: a recorded trace must never depend on host timing.
 *
 *     irq_window_open(&w, IRQ, &done);    only IRQ and the PIT deadline unmasked
 *     ...start the device...
 *     err = irq_window_wait(&w, TIMEOUT_MS);  sleeps (hlt) until the handler sets done
 *
 * The window opens before the device starts, so an interrupt raised while
 * the command is still being written is not lost. The deadline is the PIT
 * one-shot (drivers/pit.h), re-armed after each expiry. */
#ifndef KERNEL_WAIT_H
#define KERNEL_WAIT_H

struct irq_window {
    unsigned saved_mask;        /* the PIC mask to restore */
    volatile int *done;         /* set non-zero by the device's IRQ handler */
};

/* Clear *done, unmask `irq` and the PIT deadline only. */
void irq_window_open(struct irq_window *w, int irq, volatile int *done);

/* Sleep until *done or `timeout_ms` passed, then restore the mask.
 * 0, or -1 on timeout. */
int irq_window_wait(struct irq_window *w, unsigned timeout_ms);

#endif
