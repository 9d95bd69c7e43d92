/* Key events, LEDs and line echo shared by the kbd phase and the console. */
#include <stdint.h>
#include "drivers/i8042.h"
#include "kernel/console.h"
#include "phases/keyboard.h"

void keyboard_read_key(struct sc_decoder *d, struct key_event *ev)
{
    while (sc_feed(d, i8042_read(), ev) == SC_MORE)
        ;
}

int keyboard_edit_echo(struct line *l, char ch)
{
    enum line_result r = line_edit(l, ch);
    if (r == LINE_ADDED)
        console_putc(ch);
    else if (r == LINE_ERASED)
        console_write("\b \b");
    return r;
}

int keyboard_update_leds(const struct key_event *ev)
{
    return ev->leds_changed ? i8042_set_leds(sc_leds(ev->mods)) : 0;
}
