/* Small text helpers for the pure code (no libc in the kernel). */
#ifndef LIB_TEXT_H
#define LIB_TEXT_H

/* A blank between words: space, tab, CR or LF. */
static inline int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The value of a numeric macro as a string literal: XSTR(256) is "256". */
#define STR(x)  #x
#define XSTR(x) STR(x)

#endif
