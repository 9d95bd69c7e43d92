#include <stdint.h>
#include "kernel/io.h"
#include "drivers/pic.h"

static uint16_t mask = PIC_ALL_MASKED;  /* bit n set: IRQ n masked */

static void pic_write_mask(void)
{
    outb(PIC_MASTER + PIC_REG_DATA, (uint8_t)mask);
    outb(PIC_SLAVE + PIC_REG_DATA, (uint8_t)(mask >> PIC_LINES));
}

void pic_init(int vector_base)
{
    outb(PIC_MASTER + PIC_REG_CMD, PIC_ICW1_INIT | PIC_ICW1_ICW4);
    outb(PIC_SLAVE + PIC_REG_CMD, PIC_ICW1_INIT | PIC_ICW1_ICW4);
    outb(PIC_MASTER + PIC_REG_DATA, (uint8_t)vector_base);
    outb(PIC_SLAVE + PIC_REG_DATA, (uint8_t)(vector_base + PIC_LINES));
    outb(PIC_MASTER + PIC_REG_DATA, PIC_ICW3_SLAVE_AT_2);
    outb(PIC_SLAVE + PIC_REG_DATA, PIC_ICW3_CASCADE_ID);
    outb(PIC_MASTER + PIC_REG_DATA, PIC_ICW4_8086);
    outb(PIC_SLAVE + PIC_REG_DATA, PIC_ICW4_8086);
    mask = PIC_ALL_MASKED;
    pic_write_mask();
}

/* The cascade line must be open whenever a slave line is. */
static void pic_fix_cascade(void)
{
    uint16_t slave = (uint16_t)(PIC_ALL_MASKED << PIC_LINES);
    if ((mask & slave) != slave)
        mask &= (uint16_t)~(1u << PIC_CASCADE_IRQ);
    else
        mask |= 1u << PIC_CASCADE_IRQ;
}

unsigned pic_set_mask(unsigned keep_unmasked)
{
    unsigned old = ~mask & PIC_ALL_MASKED;
    mask = (uint16_t)~keep_unmasked;
    pic_fix_cascade();
    pic_write_mask();
    return old;
}

void pic_eoi(int irq)
{
    if (irq >= PIC_LINES)
        outb(PIC_SLAVE + PIC_REG_CMD, PIC_CMD_EOI);
    outb(PIC_MASTER + PIC_REG_CMD, PIC_CMD_EOI);
}

static uint8_t pic_isr(uint16_t chip)
{
    outb(chip + PIC_REG_CMD, PIC_CMD_READ_ISR);
    return inb(chip + PIC_REG_CMD);
}

int pic_spurious(int irq)
{
    int slave = irq >= PIC_LINES;
    if (irq % PIC_LINES != PIC_SPURIOUS_LINE ||
        pic_isr(slave ? PIC_SLAVE : PIC_MASTER) & (1u << PIC_SPURIOUS_LINE))
        return 0;
    if (slave)
        outb(PIC_MASTER + PIC_REG_CMD, PIC_CMD_EOI);
    return 1;
}
