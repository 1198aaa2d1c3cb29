/*
 * fuzz_redact.c - redact_line() and the report escaping over arbitrary
 * bytes. Besides memory safety it checks the promises the writers rely on:
 * the redacted line fits the buffer and is NUL-terminated, a JSON string
 * literal has no raw control characters or '<', XML text has no raw '<' or
 * '&' and is valid UTF-8, and a CSV cell never starts like a formula.
 */
#include "report/report_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *escape_to_string(void (*fn)(FILE *, const char *, size_t), const char *s, size_t n,
                              size_t *len)
{
    char *out = NULL;
    FILE *f = open_memstream(&out, len);
    if (!f)
        abort();
    fn(f, s, n);
    fclose(f);
    return out;
}

static void xml_text(FILE *f, const char *s, size_t n)
{
    rpt_xml_str(f, s, n, false);
}

static void xml_attr(FILE *f, const char *s, size_t n)
{
    rpt_xml_str(f, s, n, true);
}

static void check_utf8(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = utf8_next(s + i, n - i, &cp);
        /* The escapers only ever write U+FFFD for bad input, so every sequence decodes. */
        if (cp == 0xfffd && !(k == 3 && (unsigned char)s[i] == 0xef))
            abort();
        i += k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    static const size_t caps[] = {1, 7, 64, 4096};
    for (size_t i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
        char *out = malloc(caps[i]);
        redact_line(s, size, out, caps[i]);
        if (strlen(out) >= caps[i])
            abort();
        free(out);
    }

    size_t n;
    char *j = escape_to_string(rpt_json_str, s, size, &n);
    if (n < 2 || j[0] != '"' || j[n - 1] != '"')
        abort();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)j[i] < 0x20 || j[i] == '<' || j[i] == '>' || j[i] == '&')
            abort();
    check_utf8(j, n);
    free(j);

    char *x = escape_to_string(xml_text, s, size, &n);
    for (size_t i = 0; i < n; i++)
        if (x[i] == '<' || x[i] == '>' ||
            (x[i] == '&' && strchr("algq#", x[i + 1 < n ? i + 1 : i]) == NULL))
            abort();
    check_utf8(x, n);
    free(x);
    x = escape_to_string(xml_attr, s, size, &n);
    for (size_t i = 0; i < n; i++)
        if (x[i] == '"' || x[i] == '\n' || x[i] == '<')
            abort();
    free(x);

    char *c = escape_to_string(rpt_csv_cell, s, size, &n);
    size_t k = n && c[0] == '"' ? 1 : 0;
    if (k < n && strchr("=+-@\t\r", c[k]) && c[k] != 0)
        abort();
    free(c);
    return 0;
}
