/* COM1 serial console, output only. The host harness reads this stream.
 *
 * With the FIFO enabled, LSR's THR-empty bit means the whole transmit FIFO
 * is empty: up to UART_TX_FIFO_DEPTH bytes may then be written without
 * looking again, so LSR is read once per 16 bytes, not once per byte.
 * The wait is bounded: QEMU's 16550 empties its FIFO at once, and a missing
 * UART must not hang the kernel, so after UART_TX_SPINS reads of LSR the
 * byte is written anyway. */
#include <stdint.h>
#include "kernel/io.h"
#include "drivers/uart.h"

#define UART_TX_SPINS 100000

static int tx_room;             /* bytes the transmit FIFO still takes */

static void uart_write(uint8_t reg, uint8_t v) { outb(UART_COM1_BASE + reg, v); }
static uint8_t uart_read(uint8_t reg) { return inb(UART_COM1_BASE + reg); }

void uart_init(void)
{
    uart_write(UART_REG_IER, 0);
    uart_write(UART_REG_LCR, UART_LCR_DLAB);
    uart_write(UART_REG_DLL, UART_BAUD_DIVISOR & 0xff);
    uart_write(UART_REG_DLM, UART_BAUD_DIVISOR >> 8);
    uart_write(UART_REG_LCR, UART_LCR_8N1);
    uart_write(UART_REG_FCR, UART_FCR_ENABLE | UART_FCR_CLEAR_RX | UART_FCR_CLEAR_TX);
    uart_write(UART_REG_MCR, UART_MCR_DTR | UART_MCR_RTS);
    tx_room = 0;
}

void uart_putc(char c)
{
    if (tx_room == 0) {
        for (int i = 0; i < UART_TX_SPINS; i++)
            if (uart_read(UART_REG_LSR) & UART_LSR_THR_EMPTY)
                break;
        tx_room = UART_TX_FIFO_DEPTH;
    }
    tx_room--;
    uart_write(UART_REG_DATA, (uint8_t)c);
}
