/* Intel 8253/8254 programmable interval timer. All registers 8 bits wide.
 * Register map only. */
#ifndef HW_I8254_H
#define HW_I8254_H

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

#endif
