/* TAP version 13 and JUnit XML reports; see report.h. */
#include <stdio.h>
#include <string.h>
#include "harness/lib/report.h"

/* Length of the valid UTF-8 sequence at s (XML 1.0 chars; at most `left`
 * bytes available), 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t left)
{
    size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
    if (s[0] >= 0xF5 || n > left)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    if (n == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0) ||
                   (s[0] == 0xEF && s[1] == 0xBF && s[2] >= 0xBE)))
        return 0;                       /* overlong, surrogate, U+FFFE/FFFF */
    if (n == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)))
        return 0;
    return n;
}

/* The one escaping step of every text the harness writes: tab, newline
 * and printable ASCII stay; bytes >= 0x80 stay when `any_high`, else only
 * as valid UTF-8; anything else becomes the text \xNN (lower-case hex, as
 * in the goldens). Returns the bytes consumed from p (left > 0). */
static size_t clean_step(const unsigned char *p, size_t left, int any_high, struct sbuf *out)
{
    size_t n = 1;
    if (*p == '\t' || *p == '\n' || (*p >= 0x20 && *p < 0x7F) ||
        (*p >= 0x80 && (any_high || (n = utf8_len(p, left)) > 0))) {
        sb_add(out, (const char *)p, n);
        return n;
    }
    sb_printf(out, "\\x%02x", *p);
    return 1;
}

void serial_text(const char *raw, size_t len, struct sbuf *out)
{
    const unsigned char *p = (const unsigned char *)raw, *end = p + len;
    sb_add(out, "", 0);
    while (p < end)
        p += *p == '\r' ? 1 : clean_step(p, (size_t)(end - p), 1, out);
}

void report_clean(struct sbuf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    sb_add(out, "", 0);
    while (p < end)
        p += clean_step(p, (size_t)(end - p), 0, out);
}

void report_xml_escape(struct sbuf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    sb_add(out, "", 0);
    while (p < end) {
        const char *ent = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;"
                          : *p == '"' ? "&quot;" : *p == '\'' ? "&apos;" : NULL;
        if (ent)
            sb_puts(out, ent), p++;
        else
            p += clean_step(p, (size_t)(end - p), 0, out);
    }
}

/* TAP's YAML block: `key: value` lines, multi-line values as `|` blocks. */
static void yaml_block(struct sbuf *o, const char *key, const char *text)
{
    sb_printf(o, "  %s: |\n", key);
    while (*text) {
        size_t k = strcspn(text, "\n");
        sb_printf(o, "    %.*s\n", (int)k, text);
        text += k + (text[k] == '\n');
    }
}

static void yaml_quoted(struct sbuf *o, const char *key, const char *v)
{
    sb_printf(o, "  %s: \"", key);
    for (; *v; v++)
        if (*v == '"' || *v == '\\')
            sb_printf(o, "\\%c", *v);
        else if ((unsigned char)*v < 0x20)
            sb_printf(o, "\\x%02x", (unsigned char)*v);
        else
            sb_addc(o, *v);
    sb_puts(o, "\"\n");
}

int report_tap(const char *path, const struct report_qemu *q, const struct report_item *v, int n,
               char *err, size_t errlen)
{
    struct sbuf o = { 0 }, bin = { 0 };
    report_clean(&bin, q->binary);
    sb_printf(&o, "TAP version 13\n1..%d\n# QEMU %s (%s)\n", n, q->version, bin.p);
    sb_free(&bin);
    for (int i = 0; i < n; i++) {
        int ok = !strcmp(v[i].cls, "PASS");
        sb_printf(&o, "%s %d - %s\n  ---\n", ok ? "ok" : "not ok", i + 1, v[i].name);
        yaml_quoted(&o, "class", v[i].cls);
        yaml_quoted(&o, "reason", v[i].reason);
        sb_printf(&o, "  time: %.2f\n", v[i].secs);
        if (!ok && v[i].detail[0])
            yaml_block(&o, "detail", v[i].detail);
        sb_puts(&o, "  ...\n");
    }
    int rc = write_file(path, o.p, o.len, err, errlen);
    sb_free(&o);
    return rc;
}

static void junit_property(struct sbuf *o, const char *name, const char *value)
{
    sb_printf(o, "  <property name=\"%s\" value=\"", name);
    report_xml_escape(o, value);
    sb_puts(o, "\"/>\n");
}

int report_junit(const char *path, const struct report_qemu *q, const struct report_item *v, int n,
                 char *err, size_t errlen)
{
    struct sbuf o = { 0 };
    int failures = 0, errors = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
        errors += !strcmp(v[i].cls, "ERROR");
        failures += strcmp(v[i].cls, "PASS") && strcmp(v[i].cls, "ERROR");
        total += v[i].secs;
    }
    sb_printf(&o, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<testsuites tests=\"%d\" failures=\"%d\" errors=\"%d\" time=\"%.2f\">\n"
              "<testsuite name=\"traceos\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%.2f\">\n",
              n, failures, errors, total, n, failures, errors, total);
    sb_puts(&o, "  <properties>\n");
    junit_property(&o, "qemu.version", q->version);
    junit_property(&o, "qemu.binary", q->binary);
    junit_property(&o, "qemu.version-line", q->line);
    sb_puts(&o, "  </properties>\n");
    for (int i = 0; i < n; i++) {
        const char *tag = !strcmp(v[i].cls, "ERROR") ? "error" : "failure";
        sb_puts(&o, "  <testcase classname=\"traceos\" name=\"");
        report_xml_escape(&o, v[i].name);
        sb_printf(&o, "\" time=\"%.2f\">\n", v[i].secs);
        if (strcmp(v[i].cls, "PASS")) {
            sb_printf(&o, "    <%s type=\"%s\" message=\"", tag, v[i].cls);
            report_xml_escape(&o, v[i].reason);
            sb_puts(&o, "\">");
            report_xml_escape(&o, v[i].detail);
            sb_printf(&o, "</%s>\n", tag);
        }
        sb_puts(&o, "    <system-out>");
        report_xml_escape(&o, v[i].serial);
        sb_puts(&o, "</system-out>\n  </testcase>\n");
    }
    sb_puts(&o, "</testsuite>\n</testsuites>\n");
    int rc = write_file(path, o.p, o.len, err, errlen);
    sb_free(&o);
    return rc;
}
