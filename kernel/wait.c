/* The one wait-for-IRQ-with-deadline helper; see wait.h. */
#include "drivers/pic.h"
#include "drivers/pit.h"
#include "kernel/io.h"
#include "kernel/wait.h"

void irq_window_open(struct irq_window *w, int irq, volatile int *done)
{
    w->done = done;
    *done = 0;
    w->saved_mask = pic_set_mask(1u << irq | 1u << PIT_IRQ);
}

int irq_window_wait(struct irq_window *w, unsigned timeout_ms)
{
    unsigned shots = (timeout_ms + PIT_ONESHOT_MS - 1) / PIT_ONESHOT_MS, fired = 0;
    int err = 0;
    pit_oneshot_arm();
    while (!*w->done) {
        if (pit_oneshot_expired()) {
            if (++fired >= shots) {
                err = -1;
                break;
            }
            pit_oneshot_arm();
        }
        wait_for_interrupt();
    }
    pic_set_mask(w->saved_mask);
    return err;
}
