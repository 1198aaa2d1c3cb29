/*
 * text.c - UTF-8 decoding and encoding, and text from inputs made safe for a
 * terminal (see core.h).
 */
#include "core/core.h"

#include <string.h>

size_t utf8_next(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t need;
    uint32_t v, min;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 1, v = c & 0x1f, min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 2, v = c & 0x0f, min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3, v = c & 0x07, min = 0x10000;
    } else {
        *cp = 0xfffd;
        return 1;
    }
    if (n < need + 1) {
        *cp = 0xfffd;
        return 1;
    }
    for (size_t i = 1; i <= need; i++) {
        if ((u[i] & 0xc0) != 0x80) {
            *cp = 0xfffd;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3f);
    }
    if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
        *cp = 0xfffd;
        return 1;
    }
    *cp = v;
    return need + 1;
}

void utf8_put(FILE *f, uint32_t cp)
{
    if (cp < 0x80) {
        fputc((int)cp, f);
    } else if (cp < 0x800) {
        fputc((int)(0xc0 | (cp >> 6)), f);
        fputc((int)(0x80 | (cp & 0x3f)), f);
    } else if (cp < 0x10000) {
        fputc((int)(0xe0 | (cp >> 12)), f);
        fputc((int)(0x80 | ((cp >> 6) & 0x3f)), f);
        fputc((int)(0x80 | (cp & 0x3f)), f);
    } else {
        fputc((int)(0xf0 | (cp >> 18)), f);
        fputc((int)(0x80 | ((cp >> 12) & 0x3f)), f);
        fputc((int)(0x80 | ((cp >> 6) & 0x3f)), f);
        fputc((int)(0x80 | (cp & 0x3f)), f);
    }
}

/* Characters a terminal acts on rather than shows. */
static bool term_unsafe(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

/* Copy s to a sink, made safe as core.h describes. */
static void term_copy(const char *s, size_t n, void (*put)(void *, const char *, size_t), void *ctx)
{
    size_t i = 0, run = 0; /* bytes from run to i pass unchanged */
    while (i < n) {
        uint32_t cp;
        size_t k = utf8_next(s + i, n - i, &cp);
        bool bad = term_unsafe(cp) || (cp == 0xfffd && k == 1);
        if (bad) {
            if (i > run)
                put(ctx, s + run, i - run);
            put(ctx, cp == 0xfffd ? "\xef\xbf\xbd" : "?", cp == 0xfffd ? 3 : 1);
            run = i + k;
        }
        i += k;
    }
    if (n > run)
        put(ctx, s + run, n - run);
}

static void put_file(void *ctx, const char *s, size_t n)
{
    fwrite(s, 1, n, ctx);
}

static void put_buf(void *ctx, const char *s, size_t n)
{
    buf_add(ctx, s, n);
}

void term_write(FILE *f, const char *s, size_t n)
{
    term_copy(s, n, put_file, f);
}

void term_cstr(FILE *f, const char *s)
{
    if (s)
        term_write(f, s, strlen(s));
}

const char *term_clean(struct buf *b, const char *s)
{
    buf_reset(b);
    if (s)
        term_copy(s, strlen(s), put_buf, b);
    return buf_cstr(b);
}
