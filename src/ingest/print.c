/*
 * print.c - the debugging views of a config tree behind `tsaudit parse`.
 *
 * Text: one line per node, "<line>\t<two spaces per depth><text>", followed
 * by its flags in brackets ("[inactive]", "[implied]", ...); a banner's body
 * follows as "<line>\t<indent>| <body line>". Control bytes are shown as
 * \xNN so that a raw ETX delimiter cannot reach the terminal.
 * JSON: {"path", "dialect", "form", "partial", "nodes": [{"line", "text",
 * "flags", "end_line"?, "body"?, "children"}], "diagnostics": [...]}, with
 * strings escaped (control characters as \u00XX, invalid UTF-8 as \uFFFD).
 */
#include "ingest/ingest.h"

#include <string.h>

static const struct {
    unsigned flag;
    const char *name;
} flag_names[] = {
    {CFG_INACTIVE, "inactive"},
    {CFG_IMPLIED, "implied"},
    {CFG_BANNER, "banner"},
    {CFG_PROTECT, "protect"},
};

/* Config text for a terminal: control characters shown as escapes (\xNN,
 * \u{NNNN} for C1 and bidirectional controls), invalid UTF-8 as U+FFFD. */
static void text_out(FILE *out, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t k = utf8_next(s + i, n - i, &cp);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            fprintf(out, "\\x%02x", c);
        else if (k > 1 &&
                 (cp < 0xa0 || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)))
            fprintf(out, "\\u{%04x}", (unsigned)cp);
        else if (cp == 0xfffd && k == 1)
            fputs("\xef\xbf\xbd", out);
        else
            fwrite(s + i, 1, k, out);
        i += k;
    }
}

static void print_body_text(FILE *out, const struct cfg_node *n, unsigned indent)
{
    const char *p = n->body, *end = n->body + n->body_len;
    uint32_t line = n->line;
    /* The body starts on the statement's line or (EOS "EOF" banners) after it. */
    if (n->body > n->text)
        for (const char *c = n->text; c < n->body; c++)
            line += *c == '\n';
    bool first = n->body > n->text && n->body[-1] != '\n';
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *e = nl ? nl : end;
        const char *te = e;
        if (te > p && te[-1] == '\r')
            te--;
        if (!first || te > p) {
            fprintf(out, "%u\t%*s| ", line, (int)indent, "");
            text_out(out, p, (size_t)(te - p));
            fputc('\n', out);
        }
        first = false;
        if (!nl)
            break;
        line++;
        p = nl + 1;
    }
}

void cfg_tree_print_text(const struct cfg_tree *t, FILE *out)
{
    for (const struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n)) {
        unsigned indent = 2u * n->depth;
        fprintf(out, "%u\t%*s", n->line, (int)indent, "");
        text_out(out, n->text, n->len);
        for (size_t i = 0; i < ARRAY_SIZE(flag_names); i++)
            if (n->flags & flag_names[i].flag)
                fprintf(out, " [%s]", flag_names[i].name);
        fputc('\n', out);
        if ((n->flags & CFG_BANNER) && n->body)
            print_body_text(out, n, indent + 2);
    }
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    uint32_t cp;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

static void json_str(FILE *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    fputc('"', out);
    for (size_t i = 0; i < n;) {
        unsigned char c = u[i];
        if (c == '"' || c == '\\') {
            fputc('\\', out);
            fputc(c, out);
            i++;
        } else if (c == '\n') {
            fputs("\\n", out);
            i++;
        } else if (c == '\r') {
            fputs("\\r", out);
            i++;
        } else if (c == '\t') {
            fputs("\\t", out);
            i++;
        } else if (c < 0x20 || c == 0x7f) {
            fprintf(out, "\\u%04x", c);
            i++;
        } else {
            size_t len = utf8_seq(u + i, n - i);
            if (len == 0) {
                fputs("\\ufffd", out);
                i++;
            } else {
                fwrite(u + i, 1, len, out);
                i += len;
            }
        }
    }
    fputc('"', out);
}

static void json_node(FILE *out, const struct cfg_node *n, unsigned level)
{
    fprintf(out, "{\"line\":%u,\"text\":", n->line);
    json_str(out, n->text, n->len);
    fputs(",\"flags\":[", out);
    bool first = true;
    for (size_t i = 0; i < ARRAY_SIZE(flag_names); i++)
        if (n->flags & flag_names[i].flag) {
            fprintf(out, "%s\"%s\"", first ? "" : ",", flag_names[i].name);
            first = false;
        }
    fputc(']', out);
    if (n->flags & CFG_BANNER) {
        fprintf(out, ",\"end_line\":%u,\"body\":", n->end_line);
        json_str(out, n->body ? n->body : "", n->body ? n->body_len : 0);
    }
    fputs(",\"children\":[", out);
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        json_node(out, c, level + 1);
        if (c->next)
            fputc(',', out);
    }
    fputs("]}", out);
}

void cfg_tree_print_json(const struct cfg_tree *t, FILE *out)
{
    fputs("{\"path\":", out);
    json_str(out, t->path ? t->path : "", t->path ? strlen(t->path) : 0);
    fprintf(out, ",\"dialect\":\"%s\",\"form\":\"%s\",\"partial\":%s,\"lines\":%u,\"nodes\":[",
            dialect_name(t->dialect), dialect_form_name(t->form), t->partial ? "true" : "false",
            t->line_count);
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        fputc('\n', out);
        json_node(out, n, 0);
        if (n->next)
            fputc(',', out);
    }
    fputs("],\n\"diagnostics\":[", out);
    static const char *const levels[] = {"note", "warning", "error"};
    for (uint32_t i = 0; i < t->ndiags; i++) {
        const struct cfg_diag *d = &t->diags[i];
        fprintf(out, "%s{\"level\":\"%s\",\"line\":%u,\"message\":", i ? "," : "",
                (unsigned)d->level < 3 ? levels[d->level] : "error", d->line);
        json_str(out, d->msg, strlen(d->msg));
        fputc('}', out);
    }
    fprintf(out, "],\"diagnostics_not_kept\":%u}\n", t->diags_dropped);
}
