#include "kernel/io.h"
#include "drivers/debug_exit.h"

void debug_exit(unsigned char code)
{
    outb(DEBUG_EXIT_PORT, code);
    halt_forever();
}
