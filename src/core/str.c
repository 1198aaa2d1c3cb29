/*
 * str.c - string views and statement tokens.
 */
#include "core/core.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct sv sv_from_cstr(const char *s)
{
    return sv_make(s, s ? strlen(s) : 0);
}

bool sv_eq(struct sv a, struct sv b)
{
    return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

/* Both stop at the first difference: no strlen of the keyword, which the
 * extractors and the redaction compare against every token. */
bool sv_eq_cstr(struct sv a, const char *s)
{
    if (!s)
        return a.n == 0;
    for (size_t i = 0; i < a.n; i++)
        if (!s[i] || a.p[i] != s[i])
            return false;
    return s[a.n] == 0;
}

bool sv_starts_with(struct sv a, const char *prefix)
{
    size_t i = 0;
    for (; prefix[i]; i++)
        if (i >= a.n || a.p[i] != prefix[i])
            return false;
    return true;
}

/* Byte classes for the tokenizer: 1 blank, 2 quote. */
static const unsigned char byte_class[256] = {
    [' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\n'] = 1, ['\f'] = 1, ['\v'] = 1, ['"'] = 2, ['\''] = 2,
};

static bool is_blank(char c)
{
    return byte_class[(unsigned char)c] == 1;
}

bool sv_starts_with_word(struct sv a, const char *prefix)
{
    size_t n = 0;
    for (; prefix[n]; n++)
        if (n >= a.n || a.p[n] != prefix[n])
            return false;
    return a.n == n || is_blank(a.p[n]) || (n > 0 && is_blank(prefix[n - 1]));
}

struct sv sv_trim(struct sv a)
{
    while (a.n && is_blank(a.p[0])) {
        a.p++;
        a.n--;
    }
    while (a.n && is_blank(a.p[a.n - 1]))
        a.n--;
    return a;
}

/* Length of the token starting at s[0] (not blank). Quotes keep blanks inside. */
static size_t token_len(const char *s, size_t n)
{
    size_t i = 0;
    unsigned char c;
    while (i < n && (c = byte_class[(unsigned char)s[i]]) != 1) {
        if (c == 2) {
            char q = s[i++];
            while (i < n && s[i] != q) {
                if (s[i] == '\\' && i + 1 < n)
                    i++;
                i++;
            }
            if (i < n)
                i++;
        } else {
            i++;
        }
    }
    return i;
}

struct sv sv_token(struct sv s, size_t index)
{
    size_t i = 0, k = 0;
    for (;;) {
        while (i < s.n && is_blank(s.p[i]))
            i++;
        if (i >= s.n)
            return sv_make(NULL, 0);
        size_t len = token_len(s.p + i, s.n - i);
        if (k == index)
            return sv_make(s.p + i, len);
        i += len;
        k++;
    }
}

size_t sv_token_count(struct sv s)
{
    size_t i = 0, k = 0;
    for (;;) {
        while (i < s.n && is_blank(s.p[i]))
            i++;
        if (i >= s.n)
            return k;
        i += token_len(s.p + i, s.n - i);
        k++;
    }
}

struct sv sv_after_tokens(struct sv s, size_t index)
{
    size_t i = 0;
    for (size_t k = 0; k < index; k++) {
        while (i < s.n && is_blank(s.p[i]))
            i++;
        if (i >= s.n)
            return sv_make(s.p + s.n, 0);
        i += token_len(s.p + i, s.n - i);
    }
    return sv_trim(sv_make(s.p + i, s.n - i));
}

struct sv sv_unquote(struct sv s)
{
    if (s.n >= 2 &&
        ((s.p[0] == '"' && s.p[s.n - 1] == '"') || (s.p[0] == '\'' && s.p[s.n - 1] == '\'')))
        return sv_make(s.p + 1, s.n - 2);
    return s;
}

bool sv_to_long(struct sv s, long *out)
{
    char tmp[32];
    s = sv_trim(s);
    if (s.n == 0 || s.n >= sizeof(tmp))
        return false;
    memcpy(tmp, s.p, s.n);
    tmp[s.n] = 0;
    char *end;
    errno = 0;
    long v = strtol(tmp, &end, 10);
    if (errno || *end)
        return false;
    *out = v;
    return true;
}
