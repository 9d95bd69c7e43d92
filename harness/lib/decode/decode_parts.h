/* Inside the decoder: what a family table file provides, and the small
 * parsing and naming helpers they share (decode.c). Not for use outside
 * harness/lib/decode/. */
#ifndef HARNESS_LIB_DECODE_PARTS_H
#define HARNESS_LIB_DECODE_PARTS_H

#include "harness/lib/decode/decode.h"

/* One line split into its event name and the text after it. */
struct dline {
    const char *name;       /* the event name (not NUL-terminated) */
    size_t nlen;
    const char *args, *end; /* after the blank that follows the name */
};

/* One event a family decodes. `fn` parses d, updates st and, unless out
 * is NULL, appends the meaning; DECODE_MALFORMED when a field is missing. */
struct decode_event {
    const char *name;
    enum decode_result (*fn)(struct decode_state *st, const struct dline *d, struct sbuf *out);
};

/* A family's table, ending with a { NULL } entry. */
extern const struct decode_event decode_pci_events[], decode_ide_events[],
    decode_bmdma_events[], decode_ps2_events[], decode_mmio_events[], decode_ahci_events[];

/* decode_marker.c: a `== ...` line of a golden, and a raw marker word with
 * the DATA value a CHECK carries. */
enum decode_result decode_marker_line(struct decode_state *st, const char *l, size_t n,
                                      struct sbuf *out);
void decode_marker_word(uint32_t word, uint32_t data, struct sbuf *out);

/* decode_ps2.c, for the i8042 ports in decode_mmio.c: a byte the CPU reads
 * from the data port with translation on (set 1), and a controller
 * command / configuration byte. */
void decode_ps2_set1_byte(struct decode_state *st, unsigned byte, struct sbuf *out);
void decode_i8042_command(unsigned cmd, struct sbuf *out);
void decode_i8042_config(unsigned cfg, struct sbuf *out);
void decode_i8042_status(unsigned st, struct sbuf *out);

/* decode_ide.c, for the IDE ports in decode_mmio.c. */
void decode_ata_command(unsigned cmd, struct sbuf *out);
void decode_ata_status(unsigned st, struct sbuf *out);
void decode_ata_error(unsigned err, struct sbuf *out);
/* A task-file (0x1f0-0x1f7) or control (0x3f6) register access. */
void decode_ide_port(unsigned addr, unsigned val, int write, struct sbuf *out);
/* decode_bmdma.c: a bus-master register access at offset `off` of a channel. */
void decode_bmdma_reg(unsigned off, unsigned val, int write, struct sbuf *out);

/* decode_pci.c, for the configuration ports in decode_mmio.c. */
void decode_pci_address(uint32_t addr, struct sbuf *out);
/* The name of the register at config offset `off` of a header of type
 * `htype` (0 or 1), or NULL. */
const char *decode_pci_register(unsigned off, int htype);

/* A bit (mask) of a register and its name. Tables end with { 0 }. */
struct dec_bit {
    unsigned mask;
    const char *name;
};
/* A value and its name. Tables end with { .name = NULL }. */
struct dec_name {
    unsigned value;
    const char *name;
};

/* Names of the bits set in v, blank separated; the bits no entry names as
 * "0xNN"; "none" for 0. */
void dec_bits(struct sbuf *out, unsigned v, const struct dec_bit *t);
/* The name of v, or NULL. */
const char *dec_name(const struct dec_name *t, unsigned v);

/* The number after the first `key` in the line's arguments: hexadecimal
 * when key ends in "0x", else decimal (a leading '-' allowed). 1 when
 * digits follow, else 0. */
int dec_num(const struct dline *d, const char *key, uint64_t *v);
int dec_int(const struct dline *d, const char *key, int64_t *v);
/* The text after `key` up to the next blank or `stop` character. */
int dec_word(const struct dline *d, const char *key, char stop, const char **w, size_t *n);

/* sb_printf when out is not NULL. */
void say(struct sbuf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
