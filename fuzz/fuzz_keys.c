/* libFuzzer target: the `keys =` parser and the kbd-line model
 * (harness/lib/keys.c). Properties, checked with abort(): an error leaves a
 * message; the expected line has at most one character per key press; the
 * escaped line grows only by the backslashes it adds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/keys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = 0;
    struct key_list k = { 0 };
    char err[256] = "";
    if (keys_parse(text, &k, err, sizeof(err)) < 0) {
        if (!err[0])
            abort();
    } else {
        struct sbuf line = { 0 }, esc = { 0 };
        keys_expected_line(&k, &line);
        int downs = 0;
        for (int i = 0; i < k.n; i++)
            downs += k.v[i].down;
        if (line.len > (size_t)downs)
            abort();
        keys_escape(sb_str(&line), line.len, &esc);
        size_t quotes = 0;
        for (size_t i = 0; i < line.len; i++)
            quotes += line.p[i] == '"' || line.p[i] == '\\';
        if (esc.len != line.len + quotes)
            abort();
        sb_free(&line);
        sb_free(&esc);
    }
    keys_free(&k);
    free(text);
    return 0;
}
