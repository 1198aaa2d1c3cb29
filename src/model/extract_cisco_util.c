/*
 * extract_cisco_util.c - hashed indexes, address shapes and the Cisco
 * secret reader shared by the Cisco-family extractor files.
 */
#include "model/extract_cisco.h"

/* ------------------------------------------------------------ tokens */

/* The next position whose hash is h: *it starts at 0; SIZE_MAX when none is left. */
size_t cx_ix_next(const struct cx_index *ix, uint64_t h, size_t *it)
{
    while (ix->cap && *it < ix->cap) {
        size_t i = (size_t)(h + *it) & (ix->cap - 1);
        (*it)++;
        if (!ix->slot[i])
            return SIZE_MAX;
        if (ix->hash[i] == h)
            return ix->slot[i] - 1;
    }
    return SIZE_MAX;
}

static void ix_put(uint32_t *slot, uint64_t *hash, size_t cap, uint64_t h, size_t pos)
{
    size_t i = (size_t)h & (cap - 1);
    while (slot[i])
        i = (i + 1) & (cap - 1);
    slot[i] = (uint32_t)(pos + 1);
    hash[i] = h;
}

void cx_ix_add(struct arena *a, struct cx_index *ix, uint64_t h, size_t pos)
{
    if ((ix->n + 1) * 2 > ix->cap) {
        size_t cap = ix->cap ? ix->cap * 2 : 64;
        uint32_t *slot = arena_alloc(a, cap * sizeof(*slot));
        uint64_t *hash = arena_alloc(a, cap * sizeof(*hash));
        for (size_t i = 0; i < ix->cap; i++)
            if (ix->slot[i])
                ix_put(slot, hash, cap, ix->hash[i], ix->slot[i] - 1);
        ix->slot = slot;
        ix->hash = hash;
        ix->cap = cap;
    }
    ix_put(ix->slot, ix->hash, ix->cap, h, pos);
    ix->n++;
}

/* Dotted-quad shaped (for masks and addresses). */
bool cx_sv_is_dotted(struct sv s)
{
    int dots = 0;
    if (s.n < 7 || s.n > 15)
        return false;
    for (size_t i = 0; i < s.n; i++) {
        if (s.p[i] == '.')
            dots++;
        else if (!isdigit((unsigned char)s.p[i]))
            return false;
    }
    return dots == 3;
}

bool cx_sv_is_addrish(struct sv s)
{
    return cx_sv_is_dotted(s) || (s.n > 1 && memchr(s.p, ':', s.n) != NULL) ||
           (s.n > 8 && memchr(s.p, '/', s.n) != NULL && isdigit((unsigned char)s.p[0]));
}

/* Secret from "[type] value" at token i of s: the type word is a number or
 * one of the Cisco storage words; ASA writes the storage word after the value. */
struct secret cx_cisco_secret(struct cx *x, struct sv s, size_t i, const struct cfg_node *n,
                              size_t *next)
{
    size_t ja, jb;
    struct sv a = tk_value(s, i, &ja), b = tk_value(s, ja, &jb);
    struct sv type = sv_make("", 0), value = a;
    size_t after = ja;
    bool typed = model_sv_is_digits(a) && a.n <= 2 && b.n > 0;
    if (!typed && b.n &&
        (model_sv_ieq(a, "sha512") || model_sv_ieq(a, "encrypted") || model_sv_ieq(a, "clear") ||
         model_sv_ieq(a, "pbkdf2") || (x->d == DIALECT_ARISTA_EOS && model_sv_ieq(a, "8a"))))
        typed = true;
    if (typed) {
        type = a;
        value = b;
        after = jb;
    } else if (x->d == DIALECT_CISCO_ASA &&
               (model_sv_ieq(b, "encrypted") || model_sv_ieq(b, "pbkdf2") ||
                model_sv_ieq(b, "nt-encrypted"))) {
        type = b;
        after = jb;
    }
    value = sv_unquote(value);
    enum secret_type ty;
    if (x->d == DIALECT_CISCO_IOSXR && model_sv_ieq(type, "encrypted"))
        ty = secret_is_redacted(value) ? SECRET_REDACTED : SECRET_CISCO7;
    else if (model_sv_ieq(type, "clear"))
        ty = secret_is_redacted(value) ? SECRET_REDACTED : SECRET_PLAINTEXT;
    else if (model_sv_ieq(type, "8a")) /* EOS: AES-256-GCM under the device or common key */
        ty = secret_is_redacted(value) ? SECRET_REDACTED : SECRET_CISCO6;
    else
        ty = secret_classify_cisco(type, value);
    if (value.n == 0)
        ty = SECRET_NONE;
    if (next)
        *next = after;
    return model_secret(ty, value, n);
}

/* ------------------------------------------------------------ sub-statement keys */

static bool key_matches(const struct cx *x, const struct cx_key *k, struct sv s, bool neg,
                        bool lead_blank)
{
    if ((k->form == CX_POS && neg) || (k->form == CX_NO && !neg))
        return false;
    if (k->dialects && !(k->dialects & DIALECT_BIT(x->d)))
        return false;
    switch (k->how) {
    case CX_FIRST: /* a word without blanks or quotes: its leading words when s starts with it */
        return lead_blank ? sv_eq_cstr(tk(s, 0), k->path) : starts(s, k->path);
    case CX_WHOLE:
        return sv_eq_cstr(s, k->path);
    default:
        return starts(s, k->path);
    }
}

size_t cx_key_find(const struct cx *x, const void *rows, size_t nrows, size_t row_size, size_t from,
                   struct sv s, bool neg)
{
    if (s.n == 0) /* no row's words are empty */
        return nrows;
    char c = s.p[0];
    bool lead_blank = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    for (size_t i = from; i < nrows; i++) {
        const struct cx_key *k =
            (const struct cx_key *)(const void *)((const char *)rows + i * row_size);
        /* a row whose first letter is not the statement's is passed over first
         * (a first token may follow blanks, which starts() does not skip) */
        if (k->path[0] != c && (k->how != CX_FIRST || !lead_blank))
            continue;
        if (key_matches(x, k, s, neg, lead_blank))
            return i;
    }
    return nrows;
}

/* An IOS release shown as 12.x or older ("version 12.4"). */
bool cx_ios_12_or_older(const struct cx *x)
{
    const char *v = x->m->os_version;
    if (x->d != DIALECT_CISCO_IOS || !v)
        return false;
    long major = model_sv_long(sv_make(v, strcspn(v, ".")), -1);
    return major > 0 && major <= 12;
}
