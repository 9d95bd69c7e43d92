/* libFuzzer target: the trace normalizer (harness/lib/trace.c) on any bytes,
 * with the baseline QEMU profile's rules.
 *
 * Besides memory errors (ASan) and undefined behaviour (UBSan), it checks
 * two properties and aborts when one breaks:
 *  - the same log with every LF turned into CRLF normalizes to the same
 *    text (QEMU never writes CR, but a log copied through another system may);
 *  - the result is deterministic (a second pass gives the same text).
 * A first byte '*' keeps every event, else a fixed list of device events. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "abi/tracedev.h"
#include "harness/lib/trace.h"
#include "harness/vmm/profile.h"

static void run(const char *buf, size_t len, const struct strv *ev, struct trace_out *out)
{
    struct trace_opts o = { .events = ev, .base = TRACEDEV_DEFAULT_BASE,
                            .rules = qemu_profile_baseline()->trace };
    memset(out, 0, sizeof(*out));
    trace_normalize(buf, len, "fuzz.log", &o, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *all[] = { "*", NULL };
    static const char *dev[] = { "pci_cfg_*", "ps2_*", "ide_*", "dma_*", "bmdma_*",
                                 "memory_region_ops_read", NULL };
    const char **list = size && data[0] == '*' ? all : dev;
    struct strv ev = { 0 };
    for (int i = 0; list[i]; i++)
        strv_push(&ev, list[i]);

    struct trace_out a, b, c;
    run((const char *)data, size, &ev, &a);
    run((const char *)data, size, &ev, &b);
    if (a.text.len != b.text.len || memcmp(a.text.p, b.text.p, a.text.len) || a.problems != b.problems)
        abort();

    if (!memchr(data, '\r', size)) {
        char *crlf = malloc(2 * size + 1);
        size_t n = 0;
        for (size_t i = 0; i < size; i++) {
            if (data[i] == '\n')
                crlf[n++] = '\r';
            crlf[n++] = (char)data[i];
        }
        run(crlf, n, &ev, &c);
        if (a.text.len != c.text.len || memcmp(a.text.p, c.text.p, a.text.len) || a.problems != c.problems)
            abort();
        trace_out_free(&c);
        free(crlf);
    }
    trace_out_free(&a);
    trace_out_free(&b);
    strv_free(&ev);
    return 0;
}
