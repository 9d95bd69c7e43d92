/* PIT channel 0 as a one-shot deadline; see pit.h. */
#include <stdint.h>
#include "kernel/io.h"
#include "drivers/pit.h"

void pit_oneshot_arm(void)
{
    outb(PIT_REG_MODE, PIT_MODE_CH0 | PIT_MODE_LOHI | PIT_MODE_ONESHOT | PIT_MODE_BINARY);
    outb(PIT_REG_CH0, PIT_ONESHOT_COUNT & 0xFF);
    outb(PIT_REG_CH0, (PIT_ONESHOT_COUNT >> 8) & 0xFF);
}

int pit_oneshot_expired(void)
{
    outb(PIT_REG_MODE, PIT_READBACK | PIT_READBACK_NOCOUNT | PIT_READBACK_CH0);
    return (inb(PIT_REG_CH0) & PIT_STATUS_OUT) != 0;
}
