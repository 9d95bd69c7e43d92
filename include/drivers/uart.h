/* Serial console on COM1 (hw/uart16550.h), output only. */
#ifndef DRIVERS_UART_H
#define DRIVERS_UART_H

#include "hw/uart16550.h"

void uart_init(void);
void uart_putc(char c);

#endif
