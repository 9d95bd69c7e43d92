/* i8042 PS/2 controller driver (hw/i8042.h): controller and keyboard
 * bytes in and out. Decoding scancodes is lib/scancode's job. */
#ifndef DRIVERS_I8042_H
#define DRIVERS_I8042_H

#include <stdint.h>
#include "hw/i8042.h"

enum i8042_error {
    I8042_OK = 0,
    I8042_ENOCTRL = 1,      /* no controller at the ports */
    I8042_ETIMEOUT = 2,     /* a step got no answer in time */
    I8042_ESELFTEST = 3,    /* controller self-test answered wrong */
    I8042_EPORT = 4,        /* port 1 interface test failed */
    I8042_EKBD = 5,         /* keyboard answered wrong (no ACK, failed reset) */
};

/* Set the controller and keyboard up (scanning on, translation on, IRQ 1
 * on, port 2 off). Prints "i8042: STEP: why" and returns -I8042_E* on
 * failure; never hangs. */
int i8042_init(void);

/* Next byte from the keyboard: waits for IRQ 1 (only that line unmasked).
 * Waits as long as it takes: used when a person or the host types. */
uint8_t i8042_read(void);

/* Set the keyboard LEDs (LED_* byte): 0xED then the byte, each ACKed. */
int i8042_set_leds(uint8_t leds);

#endif
