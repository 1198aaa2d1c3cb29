/*
 * escape.c - the escaping every writer shares: JSON string literals, XML and
 * HTML text and attributes, CSV cells (RFC 4180 with formula-injection
 * neutralisation) and URI paths. All of them treat their input as untrusted
 * bytes: invalid UTF-8 becomes U+FFFD rather than passing through.
 */
#include "report/report_int.h"

/* ------------------------------------------------------------------ JSON */

void rpt_json_str(FILE *f, const char *s, size_t n)
{
    json_write_str(f, s, n);
}

void rpt_json_cstr(FILE *f, const char *s)
{
    if (!s)
        fputs("null", f);
    else
        rpt_json_str(f, s, strlen(s));
}

/* ------------------------------------------------------------- XML/HTML */

/* Characters XML 1.0 allows: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
 */
static bool xml_allowed(uint32_t cp)
{
    if (cp == 0x9 || cp == 0xa || cp == 0xd)
        return true;
    if (cp < 0x20)
        return false;
    if (cp >= 0x7f && cp <= 0x9f) /* discouraged C1 controls: keep HTML clean too */
        return false;
    if (cp >= 0xd800 && cp <= 0xdfff)
        return false;
    if (cp == 0xfffe || cp == 0xffff)
        return false;
    return cp <= 0x10ffff;
}

void rpt_xml_str(FILE *f, const char *s, size_t n, bool attr)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += utf8_next(s + i, n - i, &cp);
        if (!xml_allowed(cp))
            cp = 0xfffd;
        switch (cp) {
        case '&':
            fputs("&amp;", f);
            break;
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        case '\'':
            fputs("&#39;", f);
            break;
        case '\t':
        case '\n':
        case '\r':
            if (attr)
                fprintf(f, "&#%u;", (unsigned)cp);
            else if (cp == '\r')
                fputs("&#13;", f);
            else
                fputc((int)cp, f);
            break;
        default:
            utf8_put(f, cp);
        }
    }
}

void rpt_xml_cstr(FILE *f, const char *s, bool attr)
{
    if (s)
        rpt_xml_str(f, s, strlen(s), attr);
}

void report_html_text(FILE *f, const char *s)
{
    rpt_xml_cstr(f, s, true);
}

/* ------------------------------------------------------------------- CSV */

void rpt_csv_cell(FILE *f, const char *s, size_t n)
{
    if (!s)
        n = 0;
    bool formula = n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
                             s[0] == '\t' || s[0] == '\r');
    bool quote = formula;
    for (size_t i = 0; i < n && !quote; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
            quote = true;
    if (quote)
        fputc('"', f);
    if (formula)
        fputc('\'', f);
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        i += utf8_next(s + i, n - i, &cp);
        if (cp == '"')
            fputs("\"\"", f);
        else if (cp == 0)
            utf8_put(f, 0xfffd);
        else
            utf8_put(f, cp);
    }
    if (quote)
        fputc('"', f);
}

void rpt_csv_cstr(FILE *f, const char *s)
{
    rpt_csv_cell(f, s, s ? strlen(s) : 0);
}

/* ------------------------------------------------------------------- URI */

void rpt_uri_path(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
            fputc(c, f);
        else
            fprintf(f, "%%%02X", c);
    }
}

/* Printable, single-line and safe for a terminal: no escape sequences from configs. */
