/* 8259A PIC driver (hw/i8259.h): remap, masks, end of interrupt. */
#ifndef DRIVERS_PIC_H
#define DRIVERS_PIC_H

#include "hw/i8259.h"

/* Remap IRQ 0-7 to vector_base, 8-15 to vector_base + 8; mask every line. */
void pic_init(int vector_base);
/* Keep only the lines in `keep` unmasked (bit n = IRQ n); returns the old mask. */
unsigned pic_set_mask(unsigned keep_unmasked);
void pic_eoi(int irq);
/* Is this IRQ 7 or 15 spurious (its in-service bit clear)? Then it must not
 * be handled nor get an EOI from its own chip, which would end another
 * interrupt; a spurious 15 gets the master's EOI for the cascade here. */
int pic_spurious(int irq);

#endif
