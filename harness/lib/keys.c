/* Key names, US layout, and the line-editing model of the kbd-line oracle. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/keys.h"

/* One physical key: its QMP qcode and the characters it types unshifted and
 * shifted (0 = none). */
struct keydef {
    const char *qcode;
    char plain, shifted;
};

static const struct keydef keydefs[] = {
    { "a", 'a', 'A' }, { "b", 'b', 'B' }, { "c", 'c', 'C' }, { "d", 'd', 'D' },
    { "e", 'e', 'E' }, { "f", 'f', 'F' }, { "g", 'g', 'G' }, { "h", 'h', 'H' },
    { "i", 'i', 'I' }, { "j", 'j', 'J' }, { "k", 'k', 'K' }, { "l", 'l', 'L' },
    { "m", 'm', 'M' }, { "n", 'n', 'N' }, { "o", 'o', 'O' }, { "p", 'p', 'P' },
    { "q", 'q', 'Q' }, { "r", 'r', 'R' }, { "s", 's', 'S' }, { "t", 't', 'T' },
    { "u", 'u', 'U' }, { "v", 'v', 'V' }, { "w", 'w', 'W' }, { "x", 'x', 'X' },
    { "y", 'y', 'Y' }, { "z", 'z', 'Z' },
    { "1", '1', '!' }, { "2", '2', '@' }, { "3", '3', '#' }, { "4", '4', '$' },
    { "5", '5', '%' }, { "6", '6', '^' }, { "7", '7', '&' }, { "8", '8', '*' },
    { "9", '9', '(' }, { "0", '0', ')' },
    { "minus", '-', '_' }, { "equal", '=', '+' }, { "bracket_left", '[', '{' },
    { "bracket_right", ']', '}' }, { "backslash", '\\', '|' }, { "semicolon", ';', ':' },
    { "apostrophe", '\'', '"' }, { "grave_accent", '`', '~' }, { "comma", ',', '<' },
    { "dot", '.', '>' }, { "slash", '/', '?' }, { "spc", ' ', ' ' }, { "tab", '\t', '\t' },
};

/* Named keys usable in {name}, {+name}, {-name}, and the scancode
 * sequences QEMU's keyboard sends for a press and a release (hw/input/ps2.c
 * ps2_keyboard_event): one each, but Pause sends its make and break halves
 * (E1 1D 45, E1 9D C5 translated to set 1) on the press and nothing on the
 * release, and PrintScreen a fake shift then its code (E0 2A E0 37; E0 B7
 * E0 AA on the release). */
struct keyname {
    const char *name, *qcode;
    unsigned press, release;
};

#define KEY1(n, q) { .name = n, .qcode = q, .press = 1, .release = 1 }
static const struct keyname keynames[] = {
    KEY1("enter", "ret"), KEY1("backspace", "backspace"), KEY1("tab", "tab"), KEY1("esc", "esc"),
    KEY1("capslock", "caps_lock"), KEY1("space", "spc"), KEY1("up", "up"), KEY1("down", "down"),
    KEY1("left", "left"), KEY1("right", "right"), KEY1("home", "home"), KEY1("end", "end"),
    KEY1("pgup", "pgup"), KEY1("pgdn", "pgdn"), KEY1("insert", "insert"), KEY1("delete", "delete"),
    KEY1("lshift", "shift"), KEY1("rshift", "shift_r"), KEY1("lctrl", "ctrl"), KEY1("rctrl", "ctrl_r"),
    KEY1("lalt", "alt"), KEY1("ralt", "alt_r"), KEY1("kpenter", "kp_enter"),
    KEY1("f1", "f1"), KEY1("f2", "f2"), KEY1("f3", "f3"), KEY1("f4", "f4"), KEY1("f5", "f5"),
    KEY1("f6", "f6"), KEY1("f7", "f7"), KEY1("f8", "f8"), KEY1("f9", "f9"), KEY1("f10", "f10"),
    KEY1("f11", "f11"), KEY1("f12", "f12"),
    { .name = "pause", .qcode = "pause", .press = 2, .release = 0 },
    { .name = "printscreen", .qcode = "print", .press = 2, .release = 2 },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static void push_acks(struct key_list *k, const char *qcode, int down, unsigned acks)
{
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 32;
        k->v = xrealloc(k->v, (size_t)k->cap * sizeof(*k->v));
    }
    k->v[k->n].qcode = qcode;
    k->v[k->n].down = down;
    k->v[k->n].acks = acks;
    k->n++;
}

static void push(struct key_list *k, const char *qcode, int down)
{
    push_acks(k, qcode, down, 1);
}

void keys_free(struct key_list *k)
{
    free(k->v);
    k->v = NULL;
    k->n = k->cap = 0;
}

static int is_shift(const char *qcode)
{
    return !strcmp(qcode, "shift") || !strcmp(qcode, "shift_r");
}

/* Type one literal character; *shift_held says a shift is down already. */
static int type_char(struct key_list *k, char c, int shift_held)
{
    for (size_t i = 0; i < NELEM(keydefs); i++) {
        const struct keydef *d = &keydefs[i];
        int need_shift = d->plain != c;
        if (d->plain != c && d->shifted != c)
            continue;
        if (need_shift && !shift_held)
            push(k, "shift", 1);
        push(k, d->qcode, 1);
        push(k, d->qcode, 0);
        if (need_shift && !shift_held)
            push(k, "shift", 0);
        return 0;
    }
    return -1;
}

static void valid_names(char *err, size_t errlen, size_t used)
{
    for (size_t i = 0; i < NELEM(keynames) && used < errlen; i++) {
        int n = snprintf(err + used, errlen - used, "%s%s", i ? " " : "", keynames[i].name);
        if (n < 0)
            return;
        used += (size_t)n;
    }
}

/* Parse "{name}" at s (s[0] == '{'); returns characters consumed or -1. */
static int parse_named(const char *s, struct key_list *k, int *shifts, char *err, size_t errlen)
{
    const char *end = strchr(s, '}');
    if (!end) {
        snprintf(err, errlen, "unterminated '{' in keys; close it with '}' or write '{{' for a brace");
        return -1;
    }
    const char *name = s + 1;
    int mode = 0;                       /* 0 tap, 1 hold, -1 release */
    if (*name == '+' || *name == '-') {
        mode = *name == '+' ? 1 : -1;
        name++;
    }
    size_t len = (size_t)(end - name);
    for (size_t i = 0; i < NELEM(keynames); i++) {
        if (strlen(keynames[i].name) != len || memcmp(keynames[i].name, name, len))
            continue;
        const char *q = keynames[i].qcode;
        if (mode >= 0)
            push_acks(k, q, 1, keynames[i].press);
        if (mode <= 0)
            push_acks(k, q, 0, keynames[i].release);
        if (is_shift(q))
            *shifts += mode;
        return (int)(end - s + 1);
    }
    int used = snprintf(err, errlen, "unknown key name '%.*s'; valid names: ", (int)len, name);
    valid_names(err, errlen, used > 0 ? (size_t)used : 0);
    return -1;
}

int keys_parse(const char *text, struct key_list *out, char *err, size_t errlen)
{
    int shifts = 0;
    for (const char *s = text; *s;) {
        if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
            type_char(out, s[0], shifts > 0);
            s += 2;
        } else if (*s == '{') {
            int n = parse_named(s, out, &shifts, err, errlen);
            if (n < 0)
                return -1;
            s += n;
        } else if (*s == '}') {
            snprintf(err, errlen, "lone '}' in keys; write '}}' for a literal brace");
            return -1;
        } else if (type_char(out, *s, shifts > 0) < 0) {
            snprintf(err, errlen, "character 0x%02x in keys is not printable US ASCII; use {name} for special keys",
                     (unsigned char)*s);
            return -1;
        } else {
            s++;
        }
    }
    return 0;
}

static const struct keydef *find_def(const char *qcode)
{
    for (size_t i = 0; i < NELEM(keydefs); i++)
        if (!strcmp(keydefs[i].qcode, qcode))
            return &keydefs[i];
    return NULL;
}

int keys_expected_line(const struct key_list *k, struct sbuf *out)
{
    int lshift = 0, rshift = 0, caps = 0;
    for (int i = 0; i < k->n; i++) {
        const char *q = k->v[i].qcode;
        int down = k->v[i].down;
        if (!strcmp(q, "shift"))
            lshift = down;
        else if (!strcmp(q, "shift_r"))
            rshift = down;
        if (!down)
            continue;
        if (!strcmp(q, "caps_lock")) {
            caps = !caps;
        } else if (!strcmp(q, "ret") || !strcmp(q, "kp_enter")) {
            return 1;
        } else if (!strcmp(q, "backspace")) {
            if (out->len)
                out->p[--out->len] = 0;
        } else {
            const struct keydef *d = find_def(q);
            if (!d)
                continue;
            int shifted = lshift || rshift;
            if (d->plain >= 'a' && d->plain <= 'z' && caps)
                shifted = !shifted;
            sb_addc(out, shifted ? d->shifted : d->plain);
        }
    }
    return 0;
}

void keys_escape(const char *s, size_t n, struct sbuf *out)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\\')
            sb_addc(out, '\\');
        sb_addc(out, s[i]);
    }
}
