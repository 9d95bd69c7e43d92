/* 16550 UART (COM1 at I/O port 0x3F8). All registers 8 bits wide.
 * Register map only. */
#ifndef HW_UART16550_H
#define HW_UART16550_H

#define UART_COM1_BASE      0x3F8

#define UART_REG_DATA       0x0     /* RW: receive buffer / transmit holding (DLAB=0) */
#define UART_REG_DLL        0x0     /* RW: divisor latch low (DLAB=1) */
#define UART_REG_IER        0x1     /* RW: interrupt enable (DLAB=0) */
#define UART_REG_DLM        0x1     /* RW: divisor latch high (DLAB=1) */
#define UART_REG_FCR        0x2     /* W:  FIFO control */
#define UART_FCR_ENABLE     0x01
#define UART_FCR_CLEAR_RX   0x02
#define UART_FCR_CLEAR_TX   0x04
#define UART_REG_LCR        0x3     /* RW: line control */
#define UART_LCR_8N1        0x03
#define UART_LCR_DLAB       0x80
#define UART_REG_MCR        0x4     /* RW: modem control */
#define UART_MCR_DTR        0x01
#define UART_MCR_RTS        0x02
#define UART_REG_LSR        0x5     /* R:  line status */
#define UART_LSR_DATA_READY 0x01
#define UART_LSR_THR_EMPTY  0x20    /* with the FIFO on: the transmit FIFO is empty */

#define UART_TX_FIFO_DEPTH  16      /* 16550A transmit FIFO, in bytes */

#define UART_BAUD_DIVISOR   1       /* 115200 baud from the 1.8432 MHz clock */

#endif
