/* Intel 8259A programmable interrupt controllers, master and slave cascaded
 * on IRQ 2. All registers 8 bits wide. Register map only. */
#ifndef HW_I8259_H
#define HW_I8259_H

#define PIC_MASTER          0x20
#define PIC_SLAVE           0xA0

#define PIC_REG_CMD         0x0     /* W: ICW1, OCW2, OCW3 */
#define PIC_REG_DATA        0x1     /* RW: ICW2-4, and the interrupt mask (OCW1) */

#define PIC_ICW1_ICW4       0x01    /* ICW4 follows */
#define PIC_ICW1_INIT       0x10
#define PIC_ICW3_SLAVE_AT_2 0x04    /* master: a slave sits on IRQ 2 */
#define PIC_ICW3_CASCADE_ID 0x02    /* slave: its cascade identity */
#define PIC_ICW4_8086       0x01
#define PIC_CMD_EOI         0x20    /* OCW2: non-specific end of interrupt */
#define PIC_CMD_READ_ISR    0x0B    /* OCW3: next read of PIC_REG_CMD returns the ISR */

#define PIC_CASCADE_IRQ     2
#define PIC_LINES           8       /* IRQ lines per chip: 0-7 master, 8-15 slave */
#define PIC_ALL_MASKED      0xFFFFu /* mask bits of both chips, bit n = IRQ n */
#define PIC_SPURIOUS_LINE   7       /* a chip reports a spurious IRQ on its line 7 */

#endif
