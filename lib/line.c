/* One-line editor (see line.h). Pure: no I/O. */
#include <stddef.h>
#include "lib/line.h"
#include "lib/text.h"

void line_init(struct line *l)
{
    l->len = 0;
    l->text[0] = 0;
}

static int is_text(char c)
{
    return (c >= ' ' && c < 0x7F) || c == '\t';
}

enum line_result line_edit(struct line *l, char c)
{
    if (c == '\n')
        return LINE_DONE;
    if (c == '\b') {
        if (l->len == 0)
            return LINE_IGNORED;
        l->text[--l->len] = 0;
        return LINE_ERASED;
    }
    if (!is_text(c))
        return LINE_IGNORED;
    if (l->len == LINE_CAP)
        return LINE_FULL;
    l->text[l->len++] = c;
    l->text[l->len] = 0;
    return LINE_ADDED;
}

size_t line_escape(const char *s, size_t len, char *out, size_t size)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        int esc = s[i] == '"' || s[i] == '\\';
        if (n + (size_t)esc + 1 >= size)
            break;
        if (esc)
            out[n++] = '\\';
        out[n++] = s[i];
    }
    out[n] = 0;
    return n;
}

int line_split(char *text, char *argv[], int max)
{
    int n = 0;
    for (char *p = text; *p;) {
        while (is_space(*p))
            *p++ = 0;
        if (!*p)
            break;
        if (n == max)
            return -1;
        argv[n++] = p;
        while (*p && !is_space(*p))
            p++;
    }
    return n;
}
