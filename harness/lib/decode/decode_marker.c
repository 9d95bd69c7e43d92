/* The trace device's markers (include/abi/tracedev.h): the `== ...` lines
 * of a golden and raw marker words, with each phase's CHECK values and END
 * statuses in the kernel's own terms (include/phases/kbd.h, dma.h,
 * shell.h; the error enums of include/drivers/blk.h and i8042.h; key
 * numbers and modifier bits of include/lib/scancode.h). */
#include <stdio.h>
#include <string.h>
#include "abi/tracedev.h"
#include "drivers/blk.h"
#include "drivers/i8042.h"
#include "harness/lib/decode/decode_parts.h"
#include "harness/lib/trace.h"
#include "lib/scancode.h"
#include "phases/dma.h"
#include "phases/kbd.h"
#include "phases/shell.h"

static const struct dec_bit mod_bits[] = {
    { MOD_LSHIFT, "lshift" }, { MOD_RSHIFT, "rshift" }, { MOD_LCTRL, "lctrl" },
    { MOD_RCTRL, "rctrl" }, { MOD_LALT, "lalt" }, { MOD_RALT, "ralt" },
    { MOD_CAPSLOCK, "capslock" }, { 0 },
};

static const struct dec_bit led_bits[] = {
    { LED_SCROLLLOCK, "scroll-lock" }, { LED_NUMLOCK, "num-lock" }, { LED_CAPSLOCK, "caps-lock" },
    { 0 },
};

static const char *const blk_errors[] = {
    [BLK_E_NO_CONTROLLER] = "no disk controller on the PCI bus",
    [BLK_E_NO_DISK] = "no disk attached",
    [BLK_E_IDENTIFY] = "IDENTIFY failed or the disk cannot DMA",
    [BLK_E_RANGE] = "range not addressable (no LBA48, or a bad count)",
    [BLK_E_ABORTED] = "the device aborted the command (ERR; e.g. past the end of the disk)",
    [BLK_E_FAULT] = "device fault (DF)",
    [BLK_E_BUS_MASTER] = "bus-master error or no completion seen",
    [BLK_E_TIMEOUT] = "no interrupt before the deadline",
    [BLK_E_MEMORY] = "DMA buffer not backed by RAM",
};

static const char *const i8042_errors[] = {
    [I8042_ENOCTRL] = "no i8042 controller at the ports",
    [I8042_ETIMEOUT] = "a set-up step got no answer in time",
    [I8042_ESELFTEST] = "controller self-test answered wrong",
    [I8042_EPORT] = "port 1 interface test failed",
    [I8042_EKBD] = "the keyboard answered wrong",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void end_status(unsigned phase, unsigned status, struct sbuf *out)
{
    const char *why = NULL;
    if (status == 0) {
        say(out, "the phase ends: ok");
        return;
    }
    if (phase == TRACE_PHASE_DMA && status < NELEM(blk_errors))
        why = blk_errors[status];
    else if ((phase == TRACE_PHASE_KBD || phase == TRACE_PHASE_CONSOLE) && status < NELEM(i8042_errors))
        why = i8042_errors[status];
    else if (phase == TRACE_PHASE_PCI || phase == TRACE_PHASE_PCI_V)
        why = "no PCI function found";
    else if (phase == TRACE_PHASE_FAULT)
        why = "the CPU did not fault";
    say(out, "the phase ends: FAILED, status %u%s%s", status, why ? ": " : "", why ? why : "");
}

static void kbd_key(unsigned tag, uint32_t v, struct sbuf *out)
{
    char buf[16];
    unsigned key = v & 0xff, ch = v >> 8 & 0xff, mods = v >> 16 & 0xff;
    say(out, "kernel decoded a %s: key 0x%02x %s", tag == KBD_TAG_MAKE ? "make (key down)" : "break (key up)",
        key, sc_key_name((uint8_t)key, buf));
    if (ch >= 0x20 && ch < 0x7f)
        say(out, ", char '%c'", (char)ch);
    else if (ch)
        say(out, ", char 0x%02x", ch);
    say(out, ", modifiers ");
    dec_bits(out, mods, mod_bits);
}

static void check_value(unsigned phase, unsigned tag, uint32_t v, struct sbuf *out)
{
    if (phase == TRACE_PHASE_KBD && (tag == KBD_TAG_MAKE || tag == KBD_TAG_BREAK)) {
        kbd_key(tag, v, out);
    } else if (phase == TRACE_PHASE_KBD && tag == KBD_TAG_LEDS) {
        say(out, "kernel set the keyboard LEDs to 0x%02x: ", v);
        dec_bits(out, v, led_bits);
    } else if (phase == TRACE_PHASE_KBD && tag == KBD_TAG_LINE) {
        say(out, "Enter completed the line: %u character%s", v, v == 1 ? "" : "s");
    } else if (phase == TRACE_PHASE_DMA && tag == DMA_TAG_CRC32) {
        say(out, "CRC-32 of the bytes read: %08x (the dma-crc oracle recomputes it from the image)", v);
    } else if (phase == TRACE_PHASE_CONSOLE && tag == CONSOLE_TAG_USER) {
        say(out, "the console's `trace` command: value %u (0x%x)", v, v);
    } else {
        say(out, "checkpoint tag 0x%x = 0x%08x (no meaning known for this phase and tag)", tag, v);
    }
}

static void phase_name(unsigned phase, struct sbuf *out)
{
    const char *n = trace_phase_name(phase);
    if (n)
        say(out, "%s", n);
    else
        say(out, "0x%02x (not a phase the kernel has)", phase);
}

/* The meaning of one marker. */
static void meaning(unsigned kind, unsigned phase, unsigned arg, uint32_t value, struct sbuf *out)
{
    switch (kind) {
    case TRACE_KIND_BEGIN:
        say(out, "phase ");
        phase_name(phase, out);
        say(out, " begins; the lines up to its END are the recorded segment");
        break;
    case TRACE_KIND_END:
        end_status(phase, arg, out);
        break;
    case TRACE_KIND_CHECK:
        check_value(phase, arg, value, out);
        break;
    case TRACE_KIND_VERDICT:
        say(out, "the kernel's verdict: %s", arg == 0 ? "pass (every word passed)"
                                                      : arg == 1 ? "FAIL (a word failed)" : "unknown value");
        break;
    case TRACE_KIND_READY:
        say(out, "the phase waits for host input: the harness types the scenario's keys from here");
        break;
    case TRACE_KIND_ACK:
        say(out, "host input event %u consumed (mod 4096): the harness may send the next", arg);
        break;
    default:
        say(out, "not a marker kind (%u)", kind);
    }
}

void decode_marker_word(uint32_t w, uint32_t data, struct sbuf *out)
{
    if (TRACEDEV_MARK_MAGIC(w) != TRACEDEV_MAGIC) {
        say(out, "not a marker word (magic 0x%02x, not 0x7a)", TRACEDEV_MARK_MAGIC(w));
        return;
    }
    struct sbuf text = { 0 };
    if (out) {
        trace_marker_text(w, data, &text);
        say(out, "%s: ", sb_str(&text));
        sb_free(&text);
    }
    meaning(TRACEDEV_MARK_KIND(w), TRACEDEV_MARK_PHASE(w), TRACEDEV_MARK_ARG(w), data, out);
}

static int kind_of(const char *w, size_t n)
{
#define X(v, N, s) if (n == sizeof(s) - 1 && !memcmp(w, s, n)) return v;
    TRACE_KINDS(X)
#undef X
    return -1;
}

static int phase_of(const char *w, size_t n)
{
#define X(v, N, s) if (n == sizeof(s) - 1 && !memcmp(w, s, n)) return v;
    TRACE_PHASES(X)
#undef X
    unsigned v;
    char buf[16];
    if (n > 6 && n < sizeof(buf) && !memcmp(w, "phase=", 6)) {
        memcpy(buf, w, n);
        buf[n] = 0;
        if (sscanf(buf + 6, "%x", &v) == 1 && v < 256)
            return (int)v;
    }
    return -1;
}

enum decode_result decode_marker_line(struct decode_state *st, const char *l, size_t n,
                                      struct sbuf *out)
{
    (void)st;
    struct dline d = { .args = l + 3, .end = l + n };
    const char *p = l + 3, *end = l + n, *w1 = p;
    while (p < end && *p != ' ')
        p++;
    size_t n1 = (size_t)(p - w1);
    if (n - 3 == 11 && !memcmp(w1, "missing end", 11)) {
        say(out, "written by the harness: the phase before had no END marker");
        return DECODE_OK;
    }
    uint64_t v;
    if (n1 == 10 && !memcmp(w1, "bad-marker", 10)) {
        if (!dec_num(&d, "bad-marker 0x", &v))
            return DECODE_MALFORMED;
        say(out, "a write to MARK that is not a marker word: ");
        decode_marker_word((uint32_t)v, 0, NULL);
        if (TRACEDEV_MARK_MAGIC((uint32_t)v) != TRACEDEV_MAGIC)
            say(out, "magic 0x%02x, not 0x7a", (unsigned)(v >> 24 & 0xff));
        else
            say(out, "kind %u is not a marker kind", (unsigned)(v >> 20 & 0xf));
        return DECODE_OK;
    }
    int kind = kind_of(w1, n1);
    const char *w2 = p + (p < end);
    p = w2;
    while (p < end && *p != ' ')
        p++;
    int phase = phase_of(w2, (size_t)(p - w2));
    if (kind < 0 || phase < 0)
        return DECODE_MALFORMED;
    uint64_t arg = 0, value = 0;
    struct dline rest = { .args = p, .end = end };
    if (kind == TRACE_KIND_END && !dec_num(&rest, "status=", &arg))
        return DECODE_MALFORMED;
    if (kind == TRACE_KIND_CHECK && (!dec_num(&rest, "tag=0x", &arg) || !dec_num(&rest, "value=0x", &value)))
        return DECODE_MALFORMED;
    if (kind == TRACE_KIND_ACK && !dec_num(&rest, " ", &arg))
        return DECODE_MALFORMED;
    if (kind == TRACE_KIND_VERDICT) {
        const char *vw;
        size_t vn;
        if (!dec_word(&rest, " ", 0, &vw, &vn))
            return DECODE_MALFORMED;
        arg = vn == 4 && !memcmp(vw, "pass", 4) ? 0 : vn == 4 && !memcmp(vw, "fail", 4) ? 1 : 2;
    }
    meaning((unsigned)kind, (unsigned)phase, (unsigned)arg, (uint32_t)value, out);
    return DECODE_OK;
}
