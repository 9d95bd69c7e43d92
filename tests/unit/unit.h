/* Shared by the host unit tests: the group runner and small assertions.
 * Include after <cmocka.h> (and after "harness/lib/util.h" for sb_crlf). */
#ifndef UNIT_H
#define UNIT_H

#include <stdlib.h>
#include <string.h>

/* main() of a test program: run `tests` as the group `name`, only the cases
 * whose names match UNIT_FILTER (a cmocka glob) when it is set. */
#define UNIT_MAIN(name, tests)                                         \
    int main(void)                                                     \
    {                                                                  \
        const char *filter_ = getenv("UNIT_FILTER");                   \
        if (filter_ && *filter_)                                       \
            cmocka_set_test_filter(filter_);                           \
        return cmocka_run_group_tests_name(name, tests, NULL, NULL);   \
    }

/* Fails, naming `what`, unless `got` starts with `want`. */
#define assert_prefix(what, got, want) \
    unit_assert_prefix(what, got, want, __FILE__, __LINE__)

static inline void unit_assert_prefix(const char *what, const char *got, const char *want,
                                      const char *file, int line)
{
    if (strncmp(got, want, strlen(want)) != 0) {
        print_error("ERROR: %s: error\n  '%s'\ndoes not start with\n  '%s'\n", what, got, want);
        _fail(file, line);
    }
}

#ifdef UTIL_H
/* Appends `n` bytes of `text` to `out` with every LF turned into CR LF. */
static inline void sb_crlf(struct sbuf *out, const char *text, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (text[i] == '\n')
            sb_addc(out, '\r');
        sb_addc(out, text[i]);
    }
}
#endif

#endif
