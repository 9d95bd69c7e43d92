/* PS/2 key data, as QEMU 7.2 has it: the QKeyCode names in the order of
 * the enum in qapi/ui.json (the number is what ps2_keyboard_event logs as
 * `qcode`), each qcode's scancode set 2 code (the "AT set2 keycode" column
 * of ui/keycodemapdb/data/keymaps.csv, from which QEMU generates
 * qemu_input_map_qcode_to_atset2 for hw/input/ps2.c; 0xe0NN for E0-prefixed
 * keys), and the controller's set 2 to set 1 translation (translate_table
 * in hw/input/ps2.c). Data only; decode_ps2.c reads it. */
#include "harness/lib/decode/decode_ps2.h"

const char *const decode_qcode_names[DECODE_NQCODES] = {
    [0] = "unmapped",
    [1] = "shift",
    [2] = "shift_r",
    [3] = "alt",
    [4] = "alt_r",
    [5] = "ctrl",
    [6] = "ctrl_r",
    [7] = "menu",
    [8] = "esc",
    [9] = "1",
    [10] = "2",
    [11] = "3",
    [12] = "4",
    [13] = "5",
    [14] = "6",
    [15] = "7",
    [16] = "8",
    [17] = "9",
    [18] = "0",
    [19] = "minus",
    [20] = "equal",
    [21] = "backspace",
    [22] = "tab",
    [23] = "q",
    [24] = "w",
    [25] = "e",
    [26] = "r",
    [27] = "t",
    [28] = "y",
    [29] = "u",
    [30] = "i",
    [31] = "o",
    [32] = "p",
    [33] = "bracket_left",
    [34] = "bracket_right",
    [35] = "ret",
    [36] = "a",
    [37] = "s",
    [38] = "d",
    [39] = "f",
    [40] = "g",
    [41] = "h",
    [42] = "j",
    [43] = "k",
    [44] = "l",
    [45] = "semicolon",
    [46] = "apostrophe",
    [47] = "grave_accent",
    [48] = "backslash",
    [49] = "z",
    [50] = "x",
    [51] = "c",
    [52] = "v",
    [53] = "b",
    [54] = "n",
    [55] = "m",
    [56] = "comma",
    [57] = "dot",
    [58] = "slash",
    [59] = "asterisk",
    [60] = "spc",
    [61] = "caps_lock",
    [62] = "f1",
    [63] = "f2",
    [64] = "f3",
    [65] = "f4",
    [66] = "f5",
    [67] = "f6",
    [68] = "f7",
    [69] = "f8",
    [70] = "f9",
    [71] = "f10",
    [72] = "num_lock",
    [73] = "scroll_lock",
    [74] = "kp_divide",
    [75] = "kp_multiply",
    [76] = "kp_subtract",
    [77] = "kp_add",
    [78] = "kp_enter",
    [79] = "kp_decimal",
    [80] = "sysrq",
    [81] = "kp_0",
    [82] = "kp_1",
    [83] = "kp_2",
    [84] = "kp_3",
    [85] = "kp_4",
    [86] = "kp_5",
    [87] = "kp_6",
    [88] = "kp_7",
    [89] = "kp_8",
    [90] = "kp_9",
    [91] = "less",
    [92] = "f11",
    [93] = "f12",
    [94] = "print",
    [95] = "home",
    [96] = "pgup",
    [97] = "pgdn",
    [98] = "end",
    [99] = "left",
    [100] = "up",
    [101] = "down",
    [102] = "right",
    [103] = "insert",
    [104] = "delete",
    [105] = "stop",
    [106] = "again",
    [107] = "props",
    [108] = "undo",
    [109] = "front",
    [110] = "copy",
    [111] = "open",
    [112] = "paste",
    [113] = "find",
    [114] = "cut",
    [115] = "lf",
    [116] = "help",
    [117] = "meta_l",
    [118] = "meta_r",
    [119] = "compose",
    [120] = "pause",
    [121] = "ro",
    [122] = "hiragana",
    [123] = "henkan",
    [124] = "yen",
    [125] = "muhenkan",
    [126] = "katakanahiragana",
    [127] = "kp_comma",
    [128] = "kp_equals",
    [129] = "power",
    [130] = "sleep",
    [131] = "wake",
    [132] = "audionext",
    [133] = "audioprev",
    [134] = "audiostop",
    [135] = "audioplay",
    [136] = "audiomute",
    [137] = "volumeup",
    [138] = "volumedown",
    [139] = "mediaselect",
    [140] = "mail",
    [141] = "calculator",
    [142] = "computer",
    [143] = "ac_home",
    [144] = "ac_back",
    [145] = "ac_forward",
    [146] = "ac_refresh",
    [147] = "ac_bookmarks",
    [148] = "lang1",
    [149] = "lang2",
};

const struct decode_set2 decode_set2_codes[] = {
    { .code = 0x0012, .qcode = 1 },   /* shift */
    { .code = 0x0059, .qcode = 2 },   /* shift_r */
    { .code = 0x0011, .qcode = 3 },   /* alt */
    { .code = 0xe011, .qcode = 4 },   /* alt_r */
    { .code = 0x0014, .qcode = 5 },   /* ctrl */
    { .code = 0xe014, .qcode = 6 },   /* ctrl_r */
    { .code = 0x0076, .qcode = 8 },   /* esc */
    { .code = 0x0016, .qcode = 9 },   /* 1 */
    { .code = 0x001e, .qcode = 10 },  /* 2 */
    { .code = 0x0026, .qcode = 11 },  /* 3 */
    { .code = 0x0025, .qcode = 12 },  /* 4 */
    { .code = 0x002e, .qcode = 13 },  /* 5 */
    { .code = 0x0036, .qcode = 14 },  /* 6 */
    { .code = 0x003d, .qcode = 15 },  /* 7 */
    { .code = 0x003e, .qcode = 16 },  /* 8 */
    { .code = 0x0046, .qcode = 17 },  /* 9 */
    { .code = 0x0045, .qcode = 18 },  /* 0 */
    { .code = 0x004e, .qcode = 19 },  /* minus */
    { .code = 0x0055, .qcode = 20 },  /* equal */
    { .code = 0x0066, .qcode = 21 },  /* backspace */
    { .code = 0x000d, .qcode = 22 },  /* tab */
    { .code = 0x0015, .qcode = 23 },  /* q */
    { .code = 0x001d, .qcode = 24 },  /* w */
    { .code = 0x0024, .qcode = 25 },  /* e */
    { .code = 0x002d, .qcode = 26 },  /* r */
    { .code = 0x002c, .qcode = 27 },  /* t */
    { .code = 0x0035, .qcode = 28 },  /* y */
    { .code = 0x003c, .qcode = 29 },  /* u */
    { .code = 0x0043, .qcode = 30 },  /* i */
    { .code = 0x0044, .qcode = 31 },  /* o */
    { .code = 0x004d, .qcode = 32 },  /* p */
    { .code = 0x0054, .qcode = 33 },  /* bracket_left */
    { .code = 0x005b, .qcode = 34 },  /* bracket_right */
    { .code = 0x005a, .qcode = 35 },  /* ret */
    { .code = 0x001c, .qcode = 36 },  /* a */
    { .code = 0x001b, .qcode = 37 },  /* s */
    { .code = 0x0023, .qcode = 38 },  /* d */
    { .code = 0x002b, .qcode = 39 },  /* f */
    { .code = 0x0034, .qcode = 40 },  /* g */
    { .code = 0x0033, .qcode = 41 },  /* h */
    { .code = 0x003b, .qcode = 42 },  /* j */
    { .code = 0x0042, .qcode = 43 },  /* k */
    { .code = 0x004b, .qcode = 44 },  /* l */
    { .code = 0x004c, .qcode = 45 },  /* semicolon */
    { .code = 0x0052, .qcode = 46 },  /* apostrophe */
    { .code = 0x000e, .qcode = 47 },  /* grave_accent */
    { .code = 0x005d, .qcode = 48 },  /* backslash */
    { .code = 0x001a, .qcode = 49 },  /* z */
    { .code = 0x0022, .qcode = 50 },  /* x */
    { .code = 0x0021, .qcode = 51 },  /* c */
    { .code = 0x002a, .qcode = 52 },  /* v */
    { .code = 0x0032, .qcode = 53 },  /* b */
    { .code = 0x0031, .qcode = 54 },  /* n */
    { .code = 0x003a, .qcode = 55 },  /* m */
    { .code = 0x0041, .qcode = 56 },  /* comma */
    { .code = 0x0049, .qcode = 57 },  /* dot */
    { .code = 0x004a, .qcode = 58 },  /* slash */
    { .code = 0x007c, .qcode = 59 },  /* asterisk */
    { .code = 0x0029, .qcode = 60 },  /* spc */
    { .code = 0x0058, .qcode = 61 },  /* caps_lock */
    { .code = 0x0005, .qcode = 62 },  /* f1 */
    { .code = 0x0006, .qcode = 63 },  /* f2 */
    { .code = 0x0004, .qcode = 64 },  /* f3 */
    { .code = 0x000c, .qcode = 65 },  /* f4 */
    { .code = 0x0003, .qcode = 66 },  /* f5 */
    { .code = 0x000b, .qcode = 67 },  /* f6 */
    { .code = 0x0083, .qcode = 68 },  /* f7 */
    { .code = 0x000a, .qcode = 69 },  /* f8 */
    { .code = 0x0001, .qcode = 70 },  /* f9 */
    { .code = 0x0009, .qcode = 71 },  /* f10 */
    { .code = 0x0077, .qcode = 72 },  /* num_lock */
    { .code = 0x007e, .qcode = 73 },  /* scroll_lock */
    { .code = 0xe04a, .qcode = 74 },  /* kp_divide */
    { .code = 0x007c, .qcode = 75 },  /* kp_multiply */
    { .code = 0x007b, .qcode = 76 },  /* kp_subtract */
    { .code = 0x0079, .qcode = 77 },  /* kp_add */
    { .code = 0xe05a, .qcode = 78 },  /* kp_enter */
    { .code = 0x0071, .qcode = 79 },  /* kp_decimal */
    { .code = 0x007f, .qcode = 80 },  /* sysrq */
    { .code = 0x0070, .qcode = 81 },  /* kp_0 */
    { .code = 0x0069, .qcode = 82 },  /* kp_1 */
    { .code = 0x0072, .qcode = 83 },  /* kp_2 */
    { .code = 0x007a, .qcode = 84 },  /* kp_3 */
    { .code = 0x006b, .qcode = 85 },  /* kp_4 */
    { .code = 0x0073, .qcode = 86 },  /* kp_5 */
    { .code = 0x0074, .qcode = 87 },  /* kp_6 */
    { .code = 0x006c, .qcode = 88 },  /* kp_7 */
    { .code = 0x0075, .qcode = 89 },  /* kp_8 */
    { .code = 0x007d, .qcode = 90 },  /* kp_9 */
    { .code = 0x0061, .qcode = 91 },  /* less */
    { .code = 0x0078, .qcode = 92 },  /* f11 */
    { .code = 0x0007, .qcode = 93 },  /* f12 */
    { .code = 0x007f, .qcode = 94 },  /* print */
    { .code = 0xe06c, .qcode = 95 },  /* home */
    { .code = 0xe07d, .qcode = 96 },  /* pgup */
    { .code = 0xe07a, .qcode = 97 },  /* pgdn */
    { .code = 0xe069, .qcode = 98 },  /* end */
    { .code = 0xe06b, .qcode = 99 },  /* left */
    { .code = 0xe075, .qcode = 100 }, /* up */
    { .code = 0xe072, .qcode = 101 }, /* down */
    { .code = 0xe074, .qcode = 102 }, /* right */
    { .code = 0xe070, .qcode = 103 }, /* insert */
    { .code = 0xe071, .qcode = 104 }, /* delete */
    { .code = 0xe028, .qcode = 105 }, /* stop */
    { .code = 0xe01f, .qcode = 117 }, /* meta_l */
    { .code = 0xe027, .qcode = 118 }, /* meta_r */
    { .code = 0xe02f, .qcode = 119 }, /* compose */
    { .code = 0xe077, .qcode = 120 }, /* pause */
    { .code = 0x0051, .qcode = 121 }, /* ro */
    { .code = 0x0062, .qcode = 122 }, /* hiragana */
    { .code = 0x0064, .qcode = 123 }, /* henkan */
    { .code = 0x006a, .qcode = 124 }, /* yen */
    { .code = 0x0067, .qcode = 125 }, /* muhenkan */
    { .code = 0x0013, .qcode = 126 }, /* katakanahiragana */
    { .code = 0x006d, .qcode = 127 }, /* kp_comma */
    { .code = 0x000f, .qcode = 128 }, /* kp_equals */
    { .code = 0xe037, .qcode = 129 }, /* power */
    { .code = 0xe03f, .qcode = 130 }, /* sleep */
    { .code = 0xe05e, .qcode = 131 }, /* wake */
    { .code = 0xe04d, .qcode = 132 }, /* audionext */
    { .code = 0xe015, .qcode = 133 }, /* audioprev */
    { .code = 0xe03b, .qcode = 134 }, /* audiostop */
    { .code = 0xe034, .qcode = 135 }, /* audioplay */
    { .code = 0xe023, .qcode = 136 }, /* audiomute */
    { .code = 0xe032, .qcode = 137 }, /* volumeup */
    { .code = 0xe021, .qcode = 138 }, /* volumedown */
    { .code = 0xe050, .qcode = 139 }, /* mediaselect */
    { .code = 0xe048, .qcode = 140 }, /* mail */
    { .code = 0xe02b, .qcode = 141 }, /* calculator */
    { .code = 0xe040, .qcode = 142 }, /* computer */
    { .code = 0xe03a, .qcode = 143 }, /* ac_home */
    { .code = 0xe038, .qcode = 144 }, /* ac_back */
    { .code = 0xe030, .qcode = 145 }, /* ac_forward */
    { .code = 0xe020, .qcode = 146 }, /* ac_refresh */
    { .code = 0xe018, .qcode = 147 }, /* ac_bookmarks */
    { .code = 0 },
};

const uint8_t decode_set2_to_set1[256] = {
    0xff, 0x43, 0x41, 0x3f, 0x3d, 0x3b, 0x3c, 0x58,
    0x64, 0x44, 0x42, 0x40, 0x3e, 0x0f, 0x29, 0x59,
    0x65, 0x38, 0x2a, 0x70, 0x1d, 0x10, 0x02, 0x5a,
    0x66, 0x71, 0x2c, 0x1f, 0x1e, 0x11, 0x03, 0x5b,
    0x67, 0x2e, 0x2d, 0x20, 0x12, 0x05, 0x04, 0x5c,
    0x68, 0x39, 0x2f, 0x21, 0x14, 0x13, 0x06, 0x5d,
    0x69, 0x31, 0x30, 0x23, 0x22, 0x15, 0x07, 0x5e,
    0x6a, 0x72, 0x32, 0x24, 0x16, 0x08, 0x09, 0x5f,
    0x6b, 0x33, 0x25, 0x17, 0x18, 0x0b, 0x0a, 0x60,
    0x6c, 0x34, 0x35, 0x26, 0x27, 0x19, 0x0c, 0x61,
    0x6d, 0x73, 0x28, 0x74, 0x1a, 0x0d, 0x62, 0x6e,
    0x3a, 0x36, 0x1c, 0x1b, 0x75, 0x2b, 0x63, 0x76,
    0x55, 0x56, 0x77, 0x78, 0x79, 0x7a, 0x0e, 0x7b,
    0x7c, 0x4f, 0x7d, 0x4b, 0x47, 0x7e, 0x7f, 0x6f,
    0x52, 0x53, 0x50, 0x4c, 0x4d, 0x48, 0x01, 0x45,
    0x57, 0x4e, 0x51, 0x4a, 0x37, 0x49, 0x46, 0x54,
    0x80, 0x81, 0x82, 0x41, 0x54, 0x85, 0x86, 0x87,
    0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97,
    0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f,
    0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
    0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
    0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7,
    0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
    0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7,
    0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf,
    0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7,
    0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf,
    0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7,
    0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
    0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7,
    0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff,
};
