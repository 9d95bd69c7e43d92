/* unit-sources: lib/line.c */
/* Line editor: append, backspace, full line, escaping, word splitting. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>
#include "lib/line.h"
#include "unit.h"

static void type_all(struct line *l, const char *s)
{
    for (; *s; s++)
        line_edit(l, *s);
}

static void test_append_and_backspace(void **state)
{
    (void)state;
    struct line l;
    line_init(&l);
    assert_int_equal(line_edit(&l, '\b'), LINE_IGNORED);        /* empty: nothing */
    assert_int_equal(line_edit(&l, 'a'), LINE_ADDED);
    assert_int_equal(line_edit(&l, '\t'), LINE_ADDED);
    assert_int_equal(line_edit(&l, 'b'), LINE_ADDED);
    assert_int_equal(line_edit(&l, '\b'), LINE_ERASED);
    assert_int_equal(line_edit(&l, 0x1B), LINE_IGNORED);        /* esc */
    assert_int_equal(line_edit(&l, 0x03), LINE_IGNORED);        /* ctrl-c code */
    assert_string_equal(l.text, "a\t");
    assert_int_equal(l.len, 2);
    assert_int_equal(line_edit(&l, '\n'), LINE_DONE);
    assert_string_equal(l.text, "a\t");
}

static void test_full_line(void **state)
{
    (void)state;
    struct line l;
    line_init(&l);
    for (int i = 0; i < LINE_CAP; i++)
        assert_int_equal(line_edit(&l, 'x'), LINE_ADDED);
    assert_int_equal(line_edit(&l, 'y'), LINE_FULL);
    assert_int_equal(l.len, LINE_CAP);
    assert_int_equal(l.text[LINE_CAP], 0);
    assert_int_equal(line_edit(&l, '\b'), LINE_ERASED);
    assert_int_equal(line_edit(&l, 'y'), LINE_ADDED);
    assert_int_equal(l.text[LINE_CAP - 1], 'y');
}

static void test_escape(void **state)
{
    (void)state;
    char out[64];
    const char *s = "say \"hi\" C:\\x";
    assert_int_equal(line_escape(s, strlen(s), out, sizeof(out)), 16);
    assert_string_equal(out, "say \\\"hi\\\" C:\\\\x");
    /* never splits an escape and always terminates */
    assert_int_equal(line_escape("a\"", 2, out, 3), 1);
    assert_string_equal(out, "a");
}

static void test_split(void **state)
{
    (void)state;
    char text[] = "  read \t 100  2 ";
    char *argv[4];
    assert_int_equal(line_split(text, argv, 4), 3);
    assert_string_equal(argv[0], "read");
    assert_string_equal(argv[1], "100");
    assert_string_equal(argv[2], "2");
    char many[] = "a b c";
    assert_int_equal(line_split(many, argv, 2), -1);
    char blank[] = "   ";
    assert_int_equal(line_split(blank, argv, 2), 0);
}

static void test_typed_then_erased(void **state)
{
    (void)state;
    struct line l;
    line_init(&l);
    type_all(&l, "helo\b\blo world\b\b\b\b\b\b");
    assert_string_equal(l.text, "helo");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_append_and_backspace),
    cmocka_unit_test(test_full_line),
    cmocka_unit_test(test_escape),
    cmocka_unit_test(test_split),
    cmocka_unit_test(test_typed_then_erased),
};

UNIT_MAIN("line", tests)
