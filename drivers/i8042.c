/* i8042 PS/2 controller and keyboard: initialisation, keyboard commands,
 * and the IRQ 1 handler that fills a ring buffer with scancode bytes.
 *
 * Two kinds of waits, chosen so that a recorded trace never depends on
 * host timing (see docs/keyboard.md):
 *  - controller-local commands (0x20, 0xAA, 0xAB, ...) read the status
 *    register in a bounded loop. QEMU 7.2 answers them synchronously:
 *    hw/input/pckbd.c kbd_write_command() -> kbd_queue() stores the answer
 *    and sets OBF before the OUT to port 0x64 returns, and nothing in
 *    pckbd.c ever sets IBF (KBD_STAT_IBF is defined, never set), so each
 *    loop ends at its first read.
 *  - keyboard commands (0xFF, 0xF4, 0xED) are answered by the keyboard
 *    through IRQ 1; they are awaited with wait_for_interrupt() while only
 *    IRQ 1 is unmasked. */
#include <stdint.h>
#include "drivers/i8042.h"
#include "drivers/pic.h"
#include "kernel/console.h"
#include "kernel/io.h"
#include "kernel/trap.h"

/* Configuration bits cleared while the controller is tested: no IRQs, no
 * translation, so nothing reaches the CPU until port 1 is set up. */
#define I8042_CFG_QUIET_MASK (I8042_CFG_PORT1_IRQ | I8042_CFG_PORT2_IRQ | I8042_CFG_TRANSLATE)

/* Bounds, in status-register reads (about 1 us each on real hardware). */
#define I8042_TIMEOUT_IBF       100000  /* input buffer empties before a write */
#define I8042_TIMEOUT_OBF       100000  /* an answer reaches the output buffer */
#define I8042_FLUSH_MAX         32      /* stale bytes drained at init */
#define KBD_RESEND_MAX          3       /* a command answered RESEND is retried */

#define RING_SIZE   64      /* power of two */

/* Filled by the IRQ 1 handler, emptied by i8042_read(). Free-running
 * indices: head - tail bytes are waiting. */
static volatile uint8_t ring[RING_SIZE];
static volatile unsigned ring_head, ring_tail;

/* While a keyboard command is in flight, the handler stores the next
 * reply_want bytes here instead of the ring: the keyboard answers a command
 * before any further scancode (QEMU puts answers at the queue's front). */
static volatile uint8_t reply[2];
static volatile unsigned reply_want, reply_got;

static void i8042_irq(void)
{
    uint8_t status = inb(I8042_PORT_STATUS);
    if (!(status & I8042_STATUS_OBF))
        return;                         /* spurious: nothing to read */
    uint8_t b = inb(I8042_PORT_DATA);
    if (status & I8042_STATUS_AUX_OBF)
        return;                         /* port 2 is off; not ours */
    if (reply_got < reply_want) {
        reply[reply_got++] = b;
        return;
    }
    if (ring_head - ring_tail < RING_SIZE)
        ring[ring_head++ % RING_SIZE] = b;
}

/* Bounded: the controller takes a write only with the input buffer empty. */
static int wait_ibf_clear(const char *step)
{
    for (unsigned i = 0; i < I8042_TIMEOUT_IBF; i++)
        if (!(inb(I8042_PORT_STATUS) & I8042_STATUS_IBF))
            return 0;
    kprintf("i8042: %s: input buffer stays full (timeout)\n", step);
    return -I8042_ETIMEOUT;
}

/* Bounded: wait until a byte sits in the output buffer. */
static int wait_obf(const char *step)
{
    for (unsigned i = 0; i < I8042_TIMEOUT_OBF; i++)
        if (inb(I8042_PORT_STATUS) & I8042_STATUS_OBF)
            return 0;
    kprintf("i8042: %s: no answer (timeout)\n", step);
    return -I8042_ETIMEOUT;
}

static int ctrl_cmd(uint8_t cmd, const char *step)
{
    int r = wait_ibf_clear(step);
    if (r == 0)
        outb(I8042_PORT_CMD, cmd);
    return r;
}

/* A controller-local command with a one-byte answer (synchronous in QEMU,
 * see the top of this file, so wait_obf() reads the status once). */
static int ctrl_query(uint8_t cmd, const char *step, uint8_t *answer)
{
    int r = ctrl_cmd(cmd, step);
    if (r == 0)
        r = wait_obf(step);
    if (r == 0)
        *answer = inb(I8042_PORT_DATA);
    return r;
}

static int ctrl_write_config(uint8_t cfg)
{
    int r = ctrl_cmd(I8042_CMD_WRITE_CONFIG, "write config");
    if (r == 0)
        r = wait_ibf_clear("write config");
    if (r == 0)
        outb(I8042_PORT_DATA, cfg);
    return r;
}

/* Drain bytes left from the firmware; bounded by I8042_FLUSH_MAX. */
static void ctrl_flush(void)
{
    for (int i = 0; i < I8042_FLUSH_MAX; i++) {
        if (!(inb(I8042_PORT_STATUS) & I8042_STATUS_OBF))
            return;
        (void)inb(I8042_PORT_DATA);
    }
    kprintf("i8042: flush: output buffer still full after %d bytes\n", I8042_FLUSH_MAX);
}

/* Wait for the answers to a keyboard command through IRQ 1, only that line
 * unmasked. Before each HLT the status register is checked (bounded): with
 * OBF set the controller has raised IRQ 1, so the HLT returns. On QEMU the
 * answer is queued before the OUT returns (hw/input/ps2.c
 * ps2_write_keyboard() -> ps2_cqueue_*()), so one status read each time. */
static int kbd_wait_replies(const char *step)
{
    unsigned old = pic_set_mask(1u << I8042_IRQ);
    int r = 0;
    while (reply_got < reply_want && !(reply_got && reply[0] == KBD_REPLY_RESEND)) {
        r = wait_obf(step);
        if (r != 0)
            break;
        wait_for_interrupt();
    }
    pic_set_mask(old);
    reply_want = 0;
    return r;
}

/* Send one byte to the keyboard and collect `n` answers (n <= 2) into
 * ans[]; a RESEND answer repeats the byte up to KBD_RESEND_MAX times. */
static int kbd_send(uint8_t byte, const char *step, uint8_t *ans, unsigned n)
{
    for (int tries = 0; tries < KBD_RESEND_MAX; tries++) {
        int r = wait_ibf_clear(step);
        if (r != 0)
            return r;
        reply_got = 0;
        reply_want = n;
        outb(I8042_PORT_DATA, byte);
        r = kbd_wait_replies(step);
        if (r != 0)
            return r;
        if (reply[0] != KBD_REPLY_RESEND) {
            for (unsigned i = 0; i < n; i++)
                ans[i] = reply[i];
            return 0;
        }
    }
    kprintf("i8042: %s: keyboard asked to resend %d times\n", step, KBD_RESEND_MAX);
    return -I8042_EKBD;
}

static int expect_answer(const char *step, uint8_t got, uint8_t want, int err)
{
    if (got == want)
        return 0;
    kprintf("i8042: %s: answered 0x%02x, expected 0x%02x\n", step, got, want);
    return -err;
}

/* A keyboard command whose only answer is ACK. */
static int kbd_send_acked(uint8_t byte, const char *step)
{
    uint8_t ack;
    int r = kbd_send(byte, step, &ack, 1);
    return r != 0 ? r : expect_answer(step, ack, KBD_REPLY_ACK, I8042_EKBD);
}


/* Ports off, stale bytes gone, IRQs and translation off during the tests. */
static int ctrl_quiesce(uint8_t *cfg)
{
    int r = ctrl_cmd(I8042_CMD_PORT1_DISABLE, "disable port 1");
    if (r == 0)
        r = ctrl_cmd(I8042_CMD_PORT2_DISABLE, "disable port 2");
    if (r != 0)
        return r;
    ctrl_flush();
    r = ctrl_query(I8042_CMD_READ_CONFIG, "read config", cfg);
    if (r == 0)
        r = ctrl_write_config(*cfg & ~I8042_CFG_QUIET_MASK);
    return r;
}

/* Self-test, interface test, then port 1 on with IRQ 1 and translation. */
static int ctrl_test_and_enable(uint8_t cfg)
{
    uint8_t ans;
    int r = ctrl_query(I8042_CMD_SELF_TEST, "self-test", &ans);
    if (r == 0)
        r = expect_answer("self-test", ans, I8042_SELF_TEST_OK, I8042_ESELFTEST);
    if (r == 0)     /* a real controller may reset its configuration here */
        r = ctrl_write_config(cfg & ~I8042_CFG_QUIET_MASK);
    if (r == 0)
        r = ctrl_query(I8042_CMD_PORT1_TEST, "interface test", &ans);
    if (r == 0)
        r = expect_answer("interface test", ans, I8042_PORT_TEST_OK, I8042_EPORT);
    if (r == 0)
        r = ctrl_cmd(I8042_CMD_PORT1_ENABLE, "enable port 1");
    cfg |= I8042_CFG_PORT1_IRQ | I8042_CFG_TRANSLATE | I8042_CFG_PORT2_CLOCK_OFF;
    cfg &= ~(I8042_CFG_PORT2_IRQ | I8042_CFG_PORT1_CLOCK_OFF);
    if (r == 0)
        r = ctrl_write_config(cfg);
    return r;
}

/* Keyboard reset (ACK, then self-test passed) and scanning on. */
static int kbd_reset_and_enable(void)
{
    uint8_t ans[2];
    int r = kbd_send(KBD_CMD_RESET, "keyboard reset", ans, 2);
    if (r == 0)
        r = expect_answer("keyboard reset", ans[0], KBD_REPLY_ACK, I8042_EKBD);
    if (r == 0)
        r = expect_answer("keyboard reset", ans[1], KBD_REPLY_SELF_TEST_OK, I8042_EKBD);
    if (r == 0)
        r = kbd_send_acked(KBD_CMD_ENABLE_SCAN, "enable scanning");
    return r;
}

int i8042_init(void)
{
    uint8_t status = inb(I8042_PORT_STATUS);
    if (status == I8042_STATUS_ABSENT) {
        kprintf("i8042: no controller: status port 0x%02x reads 0x%02x "
                "(QEMU: remove i8042=off from -machine)\n", I8042_PORT_STATUS, status);
        return -I8042_ENOCTRL;
    }
    irq_register(I8042_IRQ, i8042_irq);
    ring_head = ring_tail = 0;
    uint8_t cfg;
    int r = ctrl_quiesce(&cfg);
    if (r == 0)
        r = ctrl_test_and_enable(cfg);
    if (r == 0)
        r = kbd_reset_and_enable();
    return r;
}

uint8_t i8042_read(void)
{
    unsigned old = pic_set_mask(1u << I8042_IRQ);
    while (ring_head == ring_tail)
        wait_for_interrupt();
    pic_set_mask(old);
    return ring[ring_tail++ % RING_SIZE];
}

int i8042_set_leds(uint8_t leds)
{
    int r = kbd_send_acked(KBD_CMD_SET_LEDS, "set leds");
    if (r == 0)
        r = kbd_send_acked(leds, "set leds");
    return r;
}
