/* The PS/2 key tables of decode_ps2_keys.c (data from QEMU 7.2). Inside the
 * decoder only. */
#ifndef HARNESS_LIB_DECODE_PS2_H
#define HARNESS_LIB_DECODE_PS2_H

#include <stdint.h>

#define DECODE_NQCODES 150

/* QKeyCode names by number ("shift", "a", "ret"). */
extern const char *const decode_qcode_names[DECODE_NQCODES];

/* A qcode's scancode set 2 code (0xe0NN: E0-prefixed); ends with code 0. */
struct decode_set2 {
    uint16_t code;
    uint8_t qcode;
};
extern const struct decode_set2 decode_set2_codes[];

/* What the i8042 (translation on) turns a set 2 byte into. */
extern const uint8_t decode_set2_to_set1[256];

#endif
