/* Intel 8042 PS/2 controller and the PS/2 keyboard on its first port.
 * Register map only.
 *
 * Two I/O ports, 8 bits wide:
 *   I8042_PORT_DATA    R: output buffer (a byte from a device or an answer
 *                      from the controller); W: a byte for the keyboard, or
 *                      the argument of the last controller command
 *   I8042_PORT_CMD     R: status register; W: controller command
 * The keyboard interrupts on IRQ 1 when the output buffer fills (config bit
 * I8042_CFG_PORT1_IRQ). With translation on (I8042_CFG_TRANSLATE) the
 * controller turns the keyboard's scancode set 2 into set 1. */
#ifndef HW_I8042_H
#define HW_I8042_H

#define I8042_PORT_DATA         0x60    /* RW, 8 bits */
#define I8042_PORT_CMD          0x64    /* W, 8 bits: controller command */
#define I8042_PORT_STATUS       0x64    /* R, 8 bits: status register */
#define I8042_IRQ               1       /* keyboard (port 1) interrupt line */

/* Status register (read at I8042_PORT_STATUS). */
#define I8042_STATUS_OBF        0x01    /* output buffer full: read DATA */
#define I8042_STATUS_IBF        0x02    /* input buffer full: do not write yet */
#define I8042_STATUS_SYS        0x04    /* system flag: self-test passed */
#define I8042_STATUS_CMD        0x08    /* last write was a command */
#define I8042_STATUS_AUX_OBF    0x20    /* the byte in DATA is from port 2 */
#define I8042_STATUS_TIMEOUT    0x40    /* device timeout */
#define I8042_STATUS_PARITY     0x80    /* parity error */
#define I8042_STATUS_ABSENT     0xFF    /* what an unclaimed ISA port reads */

/* Controller configuration byte (I8042_CMD_READ_CONFIG/WRITE_CONFIG). */
#define I8042_CFG_PORT1_IRQ     0x01    /* IRQ 1 when a port 1 byte arrives */
#define I8042_CFG_PORT2_IRQ     0x02    /* IRQ 12 when a port 2 byte arrives */
#define I8042_CFG_SYS           0x04    /* system flag */
#define I8042_CFG_PORT1_CLOCK_OFF 0x10  /* port 1 disabled */
#define I8042_CFG_PORT2_CLOCK_OFF 0x20  /* port 2 disabled */
#define I8042_CFG_TRANSLATE     0x40    /* set 2 -> set 1 translation */

/* Controller commands (written to I8042_PORT_CMD). */
#define I8042_CMD_READ_CONFIG   0x20    /* answer: configuration byte */
#define I8042_CMD_WRITE_CONFIG  0x60    /* next DATA write: configuration byte */
#define I8042_CMD_PORT2_DISABLE 0xA7
#define I8042_CMD_SELF_TEST     0xAA    /* answer: I8042_SELF_TEST_OK */
#define I8042_CMD_PORT1_TEST    0xAB    /* answer: I8042_PORT_TEST_OK */
#define I8042_CMD_PORT1_DISABLE 0xAD
#define I8042_CMD_PORT1_ENABLE  0xAE

#define I8042_SELF_TEST_OK      0x55
#define I8042_PORT_TEST_OK      0x00

/* Keyboard commands (written to I8042_PORT_DATA) and its answers. */
#define KBD_CMD_SET_LEDS        0xED    /* then the LED byte; each answered ACK */
#define KBD_CMD_ENABLE_SCAN     0xF4
#define KBD_CMD_RESET           0xFF    /* answers ACK, then KBD_REPLY_SELF_TEST_OK */
#define KBD_REPLY_SELF_TEST_OK  0xAA
#define KBD_REPLY_ACK           0xFA
#define KBD_REPLY_RESEND        0xFE

#endif
