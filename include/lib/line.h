/* A one-line editor: typed characters in, the line and what to echo out.
 * Pure: no I/O, so host unit tests drive it. */
#ifndef LIB_LINE_H
#define LIB_LINE_H

#include <stddef.h>

#define LINE_CAP    256     /* characters in a line, without the NUL */

struct line {
    char text[LINE_CAP + 1];    /* always NUL-terminated */
    size_t len;
};

enum line_result {
    LINE_IGNORED,       /* not a printable character; nothing changed */
    LINE_ADDED,         /* appended: echo the character */
    LINE_ERASED,        /* backspace removed one: echo "\b \b" */
    LINE_FULL,          /* printable but no room: nothing changed */
    LINE_DONE,          /* newline: the line is complete */
};

void line_init(struct line *l);

/* Apply one typed character: printable ASCII and tab append, '\b' erases
 * the last character (nothing when empty), '\n' completes the line. */
enum line_result line_edit(struct line *l, char c);

/* Copy s[0..len) to out with '"' and '\\' preceded by a backslash; out
 * holds `size` bytes (2 * len + 1 always suffices). Returns the length
 * written, without the NUL it always appends (size > 0). */
size_t line_escape(const char *s, size_t len, char *out, size_t size);

/* Split `text` in place into words separated by spaces and tabs; at most
 * `max` words go to argv[]. Returns the number of words, or -1 when there
 * are more than `max`. */
int line_split(char *text, char *argv[], int max);

#endif
