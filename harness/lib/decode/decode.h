/* Trace lines explained: what each event of a golden or of a QEMU trace
 * log means, in the device's own terms (register names, command names,
 * status bits, key names, the kernel's checkpoints).
 *
 * Pure: no I/O. The knowledge is data, one table file per device family
 * (decode_pci.c, decode_ide.c, decode_bmdma.c, decode_ps2.c, decode_mmio.c,
 * decode_marker.c); decode.c only dispatches on the event name. Some
 * meanings depend on earlier lines (the byte a `ps2_read_data` takes from
 * the keyboard's queue, a PCI function's header type, a BAR read back after
 * all ones were written): struct decode_state carries that, so lines are
 * decoded in order, from the start of a trace.
 *
 * A line decodes to one short text (no newline). A line that is not a
 * trace line, or an event with fields missing, is DECODE_MALFORMED; an
 * event no table knows is DECODE_UNKNOWN. Neither ever crashes. */
#ifndef HARNESS_LIB_DECODE_H
#define HARNESS_LIB_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include "harness/lib/util.h"

enum decode_result {
    DECODE_OK = 0,
    DECODE_UNKNOWN = 1,     /* an event no table knows: "not decoded: EVENT" */
    DECODE_MALFORMED = 2,   /* not a trace line, or its fields cannot be read */
};

#define DECODE_PS2_QUEUE    16      /* hw/input/ps2.c PS2_QUEUE_SIZE */
#define DECODE_PCI_FUNCS    64      /* functions whose header type is remembered */
#define DECODE_PCI_WRITES   16      /* recent config writes remembered (BAR sizing) */

/* One byte in the model of the PS/2 keyboard's output queue. */
struct decode_ps2_byte {
    uint8_t byte;
    int16_t reply_to;       /* the keyboard command it answers, or -1 (a key byte) */
};

/* What earlier lines said; zero it with decode_init(). */
struct decode_state {
    /* The keyboard's output queue as hw/input/ps2.c keeps it: command
     * replies are read before key bytes; a new command drops unread
     * replies; a reset empties it. */
    struct decode_ps2_byte reply[4], key[DECODE_PS2_QUEUE];
    int nreply, nkey;
    int last_read;          /* byte the queue repeats when empty; -1 none */
    int translate;          /* i8042 translation (set 2 -> set 1): -1 unknown, 0, 1 */
    int need_high_bit;      /* translation saw 0xf0: the next byte gets bit 7 */
    int kbd_cmd;            /* keyboard command waiting for its data byte; -1 none */
    int set2_prefix;        /* ps2_put_keycode: 0, or 0xe0 / 0xe1 seen */
    int set2_break;         /* ps2_put_keycode: 0xf0 seen */
    int set1_e0;            /* bytes read: 0xe0 seen */
    /* PCI functions seen: header type by bus/device/function. */
    struct { uint32_t bdf; uint8_t htype; } pci[DECODE_PCI_FUNCS];
    int npci;
    /* Recent configuration writes (bdf, offset, value), newest last. */
    struct { uint32_t bdf, off, val; } pciw[DECODE_PCI_WRITES];
    int npciw;
    uint32_t pci_address;   /* last CONFIG_ADDRESS (0xCF8) write */
    int i8042_cmd;          /* controller command whose data byte comes next; -1 */
    uint32_t data;          /* the trace device's DATA register */
};

void decode_init(struct decode_state *st);

/* Decode line[0..n) (no newline; a CR at the end is ignored), updating st.
 * The meaning is appended to `out` unless out is NULL (state only: the
 * cheap pass over lines that are not shown). */
enum decode_result decode_line(struct decode_state *st, const char *line, size_t n,
                               struct sbuf *out);

/* The name of the event a line starts with, in name[0..size) ("" for a
 * marker line or a line without a name); for "not decoded: EVENT". */
void decode_event_name(const char *line, size_t n, char *name, size_t size);

/* Every line of text[0..len) with its meaning beside it (or under it when
 * the line is long): "LINE  # MEANING". A line that does not decode is
 * printed as it is, marked "# undecodable: ..." or "# not decoded: EVENT".
 * Returns the number of lines that did not decode. */
int decode_explain(const char *text, size_t len, struct sbuf *out);

/* The meanings of all lines of text[0..len), decoded in order, one per
 * line: lines[i] is the meaning of line i + 1 ("" when there is none).
 * For annotating a diff beside its changed lines. Free with
 * decode_meanings_free. */
struct decode_meanings {
    char **v;
    size_t n;
};
void decode_meanings(const char *text, size_t len, struct decode_meanings *m);
void decode_meanings_free(struct decode_meanings *m);

/* Append `line` padded to the annotation column and "# meaning"; the
 * layout decode_explain and the annotated diffs share. */
void decode_annotate(struct sbuf *out, const char *line, size_t n, const char *meaning);

/* The unified diff `diff` of golden a and actual b (diff_unified's
 * output) with each changed line's meaning beside it, each decoded in the
 * order of its own text. */
void decode_annotate_diff(const char *a, size_t alen, const char *b, size_t blen,
                          const char *diff, size_t dlen, struct sbuf *out);

/* The first line where actual differs from golden, both sides with their
 * meanings (each decoded after the common lines before it), under a title
 * line; lines start with `indent`. Returns 1 when they differ, else 0 (and
 * says so). */
int decode_first_difference(const char *golden, size_t glen, const char *actual, size_t alen,
                            const char *indent, struct sbuf *out);

/* The last n lines of text under "INDENT TITLE:", each with its meaning. */
void decode_tail(const char *title, const char *text, size_t len, int n, const char *indent,
                 struct sbuf *out);

/* The markers written to the trace device at `base` in a raw QEMU log
 * (struct trace_rules names the write event), decoded, one a line; a run of
 * ACKs shown as its first and last. Returns how many there were. */
struct trace_rules;
int decode_markers_seen(const struct trace_rules *rules, uint64_t base, const char *log, size_t len,
                        const char *indent, struct sbuf *out);

#endif
