#include <stdint.h>
#include "io.h"
#include "pic.h"

static uint16_t mask = 0xFFFF;      /* bit n set: IRQ n masked */

static void pic_write_mask(void)
{
    outb(PIC_MASTER + PIC_REG_DATA, mask & 0xFF);
    outb(PIC_SLAVE + PIC_REG_DATA, mask >> 8);
}

void pic_init(int vector_base)
{
    outb(PIC_MASTER + PIC_REG_CMD, PIC_ICW1_INIT | PIC_ICW1_ICW4);
    outb(PIC_SLAVE + PIC_REG_CMD, PIC_ICW1_INIT | PIC_ICW1_ICW4);
    outb(PIC_MASTER + PIC_REG_DATA, (uint8_t)vector_base);
    outb(PIC_SLAVE + PIC_REG_DATA, (uint8_t)(vector_base + 8));
    outb(PIC_MASTER + PIC_REG_DATA, PIC_ICW3_SLAVE_AT_2);
    outb(PIC_SLAVE + PIC_REG_DATA, PIC_ICW3_CASCADE_ID);
    outb(PIC_MASTER + PIC_REG_DATA, PIC_ICW4_8086);
    outb(PIC_SLAVE + PIC_REG_DATA, PIC_ICW4_8086);
    mask = 0xFFFF;
    pic_write_mask();
}

/* The cascade line must be open whenever a slave line is. */
static void pic_fix_cascade(void)
{
    if ((mask & 0xFF00) != 0xFF00)
        mask &= (uint16_t)~(1u << PIC_CASCADE_IRQ);
    else
        mask |= 1u << PIC_CASCADE_IRQ;
}

void pic_mask(int irq)
{
    mask |= (uint16_t)(1u << irq);
    pic_fix_cascade();
    pic_write_mask();
}

void pic_unmask(int irq)
{
    mask &= (uint16_t)~(1u << irq);
    pic_fix_cascade();
    pic_write_mask();
}

unsigned pic_set_mask(unsigned keep_unmasked)
{
    unsigned old = (~mask) & 0xFFFF;
    mask = (uint16_t)~keep_unmasked;
    pic_fix_cascade();
    pic_write_mask();
    return old;
}

void pic_eoi(int irq)
{
    if (irq >= 8)
        outb(PIC_SLAVE + PIC_REG_CMD, PIC_CMD_EOI);
    outb(PIC_MASTER + PIC_REG_CMD, PIC_CMD_EOI);
}
