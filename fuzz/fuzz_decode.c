/* libFuzzer target: the trace decoder (harness/lib/decode/) on any bytes.
 *
 * Each input is decoded line by line as --explain does, and as a golden
 * diff is annotated: against itself with its last byte dropped (a cut
 * line). Besides memory errors (ASan) and undefined behaviour (UBSan), it
 * checks two properties and aborts when one breaks:
 *  - decoding is deterministic (a second pass gives the same text);
 *  - the output is every input line as it was with its meaning beside or
 *    under it (decode_meanings and decode_annotate give the same text), so a
 *    line that does not decode is still shown. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "harness/lib/decode/decode.h"
#include "harness/lib/diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    struct sbuf a = { 0 }, b = { 0 };
    decode_explain(text, size, &a);
    decode_explain(text, size, &b);
    if (a.len != b.len || (a.len && memcmp(a.p, b.p, a.len)))
        abort();
    /* the same layout from the per-line meanings: each input line (CR
     * dropped) as it was, its meaning beside or under it */
    struct decode_meanings m;
    struct sbuf c = { 0 };
    decode_meanings(text, size, &m);
    size_t i = 0;
    for (const char *p = text, *end = text + size; p < end; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (i >= m.n)
            abort();
        decode_annotate(&c, p, n && p[n - 1] == '\r' ? n - 1 : n, m.v[i]);
        p += n + 1;
    }
    if (i != m.n || c.len != a.len || (a.len && memcmp(a.p, c.p, a.len)))
        abort();
    decode_meanings_free(&m);
    sb_free(&c);
    if (size) {
        struct sbuf d = { 0 }, out = { 0 };
        if (diff_unified(text, size, text, size - 1, "golden", "actual", &d))
            decode_annotate_diff(text, size, text, size - 1, d.p, d.len, &out);
        decode_first_difference(text, size, text, size - 1, "  ", &out);
        sb_free(&d);
        sb_free(&out);
    }
    sb_free(&a);
    sb_free(&b);
    return 0;
}
