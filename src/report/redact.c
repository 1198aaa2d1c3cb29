/*
 * redact.c - keeping secrets out of reports.
 *
 * Two layers. redact_line() recognises secrets by the syntax around them in
 * every supported dialect (the keyword before the value, a type digit, a
 * hash shape, a PEM body) and replaces the value with <redacted:TYPE>. Then
 * rpt_clean() scrubs the exact secret values the model found on the device
 * (device_result.secrets) from any text taken from the config, which
 * catches what no pattern can (a FortiOS SNMP community is just `set name`).
 * Over-redaction is preferred to a leak: an unknown scheme is "secret".
 */
#include "report/report_int.h"

#include <ctype.h>
#include <pthread.h>

#define MAX_TOKENS 256

struct tok {
    size_t start, end;   /* the whole token */
    size_t vstart, vend; /* the value: inside quotes, without a trailing ';' */
    bool quoted;
    const char *type; /* set when the value is to be redacted */
};

struct line {
    const char *s;
    size_t n;
    struct tok t[MAX_TOKENS];
    size_t nt;
    bool more; /* the line has more tokens than MAX_TOKENS */
};

static void tokenize(struct line *l)
{
    size_t i = 0;
    l->nt = 0;
    while (i < l->n && l->nt < MAX_TOKENS) {
        while (i < l->n && (l->s[i] == ' ' || l->s[i] == '\t' || l->s[i] == '\r'))
            i++;
        if (i >= l->n)
            break;
        struct tok *t = &l->t[l->nt++];
        memset(t, 0, sizeof(*t));
        t->start = i;
        if (l->s[i] == '"' || l->s[i] == '\'') {
            char q = l->s[i];
            t->quoted = true;
            t->vstart = ++i;
            while (i < l->n && l->s[i] != q) {
                if (l->s[i] == '\\' && i + 1 < l->n)
                    i++;
                i++;
            }
            t->vend = i < l->n ? i : l->n;
            if (i < l->n)
                i++;
            while (i < l->n && l->s[i] != ' ' && l->s[i] != '\t')
                i++;
            t->end = i;
        } else {
            while (i < l->n && l->s[i] != ' ' && l->s[i] != '\t' && l->s[i] != '\r')
                i++;
            t->end = i;
            t->vstart = t->start;
            t->vend = i;
            if (t->vend > t->vstart + 1 && l->s[t->vend - 1] == ';')
                t->vend--;
        }
    }
    l->more = i < l->n && l->nt == MAX_TOKENS;
}

static struct sv tv(const struct line *l, size_t i)
{
    if (i >= l->nt)
        return sv_make("", 0);
    return sv_make(l->s + l->t[i].vstart, l->t[i].vend - l->t[i].vstart);
}

/* Case-insensitive a == b, stopping at the first difference (no strlen:
 * this runs for every keyword against every token of every evidence line). */
static bool sv_ieq(struct sv a, const char *b)
{
    for (size_t i = 0; i < a.n; i++) {
        unsigned char x = (unsigned char)a.p[i], y = (unsigned char)b[i];
        if (!y || (x != y && tolower(x) != tolower(y)))
            return false;
    }
    return b[a.n] == 0;
}

/*
 * A quick "could this token be in the list" test: for each first letter
 * (lowercased), a bit per word length up to 63. Most tokens of a config line
 * (names, addresses, numbers) fail it and are never compared word by word.
 */
struct kw_filter {
    uint64_t len_by_first[256];
};

static void kw_filter_add(struct kw_filter *f, const char *w)
{
    size_t n = strlen(w);
    unsigned c = (unsigned)tolower((unsigned char)w[0]);
    f->len_by_first[c] |= (uint64_t)1 << (n < 63 ? n : 63);
}

static bool kw_filter_may(const struct kw_filter *f, struct sv a)
{
    if (!a.n)
        return true;
    unsigned c = (unsigned)tolower((unsigned char)a.p[0]);
    return (f->len_by_first[c] >> (a.n < 63 ? a.n : 63)) & 1;
}

static bool sv_in_list(struct sv a, const char *const *list)
{
    for (; *list; list++)
        if (sv_ieq(a, *list))
            return true;
    return false;
}

static bool sv_prefix(struct sv a, const char *p)
{
    size_t n = strlen(p);
    return a.n >= n && memcmp(a.p, p, n) == 0;
}

static bool sv_is_number(struct sv a)
{
    if (a.n == 0 || a.n > 3)
        return false;
    for (size_t i = 0; i < a.n; i++)
        if (!isdigit((unsigned char)a.p[i]))
            return false;
    return true;
}

static bool line_has_word_prefix(const struct line *l, const char *w)
{
    for (size_t i = 0; i < l->nt; i++) {
        struct sv t = tv(l, i);
        if (t.n >= strlen(w) && strncasecmp(t.p, w, strlen(w)) == 0)
            return true;
    }
    return false;
}

/* Keywords after which the next value (possibly after modifiers) is a secret. */
static const char *const value_keywords[] = {"password",
                                             "passwd",
                                             "secret",
                                             "key",
                                             "key-string",
                                             "authentication-key",
                                             "encrypted-password",
                                             "simple-password",
                                             "authentication-password",
                                             "privacy-password",
                                             "pre-shared-key",
                                             "psksecret",
                                             "shared-key",
                                             "shared-secret",
                                             "area-password",
                                             "domain-password",
                                             "hello-authentication-key",
                                             "auth-key",
                                             "priv-key",
                                             "privacy-key",
                                             "wpa-psk",
                                             "ascii-text",
                                             "hexadecimal-text",
                                             "password-encrypt",
                                             "passphrase",
                                             "auth-password",
                                             "priv-password",
                                             "auth-pwd",
                                             "priv-pwd",
                                             "phash",
                                             "password-hash",
                                             "expert-password-hash",
                                             "auth",
                                             "priv",
                                             "message-digest-key",
                                             "md5-key",
                                             "private-key",
                                             "tacacs-key",
                                             "radius-key",
                                             "server-key",
                                             "ppk",
                                             "pskey",
                                             "mka-key",
                                             "cak",
                                             "lsp-password",
                                             "hello-password",
                                             "snp-authentication",
                                             "authentication-password-hmac",
                                             NULL};

/* Keywords whose following value has a known type. */
struct typed_kw {
    const char *kw;
    bool case_sensitive;
    enum secret_type type;
};
static const struct typed_kw typed_keywords[] = {
    {"cipher", false, SECRET_VRP_CIPHER},
    {"irreversible-cipher", false, SECRET_VRP_IRREVERSIBLE},
    {"simple", false, SECRET_PLAINTEXT},
    {"ENC", true, SECRET_FORTI_ENC},
};

/* Tokens that sit between a keyword and its value. */
static const char *const modifiers[] = {"encrypted",     "ascii",         "ascii-text",
                                        "hex",           "hexadecimal",   "hexadecimal-text",
                                        "plain",         "level",         "md5",
                                        "sha",           "sha1",          "sha-1",
                                        "sha224",        "sha256",        "sha384",
                                        "sha512",        "hmac-md5",      "hmac-sha1",
                                        "hmac-sha-1",    "hmac-sha256",   "des",
                                        "3des",          "aes",           "aes128",
                                        "aes-128",       "aes192",        "aes-192",
                                        "aes256",        "aes-256",       "read",
                                        "write",         "unencrypted",   "clear",
                                        "type",          "value",         "cmac",
                                        "aes-cmac",      "aes128-cmac",   "hmac-sha-256",
                                        "hmac-sha-512",  "sha-256",       "sha-512",
                                        "hmac-sha2-256", "hmac-sha2-512", NULL};

/* Values that show the keyword was not followed by a secret. */
static const char *const stop_values[] = {"chain",
                                          "generate",
                                          "zeroize",
                                          "import",
                                          "export",
                                          "config-key",
                                          "storage",
                                          "pubkey-chain",
                                          "encryption",
                                          "exchange",
                                          "hash",
                                          "rsa",
                                          "ec",
                                          "decrypt",
                                          "encrypt",
                                          "length",
                                          "min-length",
                                          "policy",
                                          "prompt",
                                          "history",
                                          "{",
                                          "}",
                                          "[",
                                          "]",
                                          ";",
                                          "notify",
                                          "access",
                                          "context",
                                          "match",
                                          "required",
                                          "none",
                                          "optional",
                                          "address",
                                          "hostname",
                                          "lifetime",
                                          "format",
                                          "recovery",
                                          "change",
                                          "expire",
                                          "expiry",
                                          "max-retry",
                                          "retry",
                                          "strength",
                                          "complexity",
                                          "lockout",
                                          "accept-lifetime",
                                          "send-lifetime",
                                          "id",
                                          "timeout",
                                          "mode",
                                          "group",
                                          "user",
                                          "view",
                                          "local",
                                          "remote",
                                          "key-chain",
                                          "keychain",
                                          "algorithm",
                                          "crypto-algorithm",
                                          "set",
                                          "ttl",
                                          "param",
                                          "start-time",
                                          "end-time",
                                          "strength-check",
                                          "add",
                                          "delete",
                                          "invert-match",
                                          "complexity-check",
                                          "complexity-rules",
                                          "minimum-length",
                                          "aging",
                                          "history-size",
                                          "attempts",
                                          "hashing",
                                          "health-check",
                                          "options",
                                          "priority",
                                          "sequence",
                                          "aging",
                                          "attribute",
                                          "manager",
                                          "authentication",
                                          "authentication-mode",
                                          "privacy-mode",
                                          "secure",
                                          "secret",
                                          "sha512-crypt",
                                          NULL};

/* Filters for the keyword lists above (built once; the report writers may
 * run on several threads). */
static struct kw_filter filter_value, filter_modifiers, filter_stop, filter_typed;
static pthread_once_t filters_once = PTHREAD_ONCE_INIT;

static void filters_build(void)
{
    for (const char *const *w = value_keywords; *w; w++)
        kw_filter_add(&filter_value, *w);
    for (const char *const *w = modifiers; *w; w++)
        kw_filter_add(&filter_modifiers, *w);
    for (const char *const *w = stop_values; *w; w++)
        kw_filter_add(&filter_stop, *w);
    for (size_t i = 0; i < ARRAY_SIZE(typed_keywords); i++)
        kw_filter_add(&filter_typed, typed_keywords[i].kw);
}

static bool sv_in(struct sv a, const char *const *list)
{
    pthread_once(&filters_once, filters_build);
    const struct kw_filter *f = list == value_keywords ? &filter_value
                                : list == modifiers    ? &filter_modifiers
                                : list == stop_values  ? &filter_stop
                                                       : NULL;
    if (f && !kw_filter_may(f, a))
        return false;
    return sv_in_list(a, list);
}

static bool is_keyword(struct sv t)
{
    if (sv_in(t, value_keywords) || sv_ieq(t, "community"))
        return true;
    if (!kw_filter_may(&filter_typed, t))
        return false; /* sv_in above built the filters */
    for (size_t i = 0; i < ARRAY_SIZE(typed_keywords); i++)
        if (typed_keywords[i].case_sensitive ? sv_eq_cstr(t, typed_keywords[i].kw)
                                             : sv_ieq(t, typed_keywords[i].kw))
            return true;
    return false;
}

/* The type of a stored value from its shape alone. */
static const char *shape_type(struct sv v, bool quoted, bool *known)
{
    *known = true;
    if (sv_prefix(v, "$1$"))
        return secret_type_name(SECRET_MD5);
    if (sv_prefix(v, "$5$"))
        return secret_type_name(SECRET_SHA256_CRYPT);
    if (sv_prefix(v, "$6$"))
        return secret_type_name(SECRET_SHA512_CRYPT);
    if (sv_prefix(v, "$8$"))
        return secret_type_name(quoted ? SECRET_JUNOS8 : SECRET_CISCO8);
    if (sv_prefix(v, "$9$"))
        return secret_type_name(quoted ? SECRET_JUNOS9 : SECRET_CISCO9);
    if (sv_prefix(v, "$2a$") || sv_prefix(v, "$2b$") || sv_prefix(v, "$2y$") ||
        sv_prefix(v, "$14$") || sv_prefix(v, "$sha1$") || sv_prefix(v, "$7$"))
        return secret_type_name(SECRET_OTHER_HASH);
    if (sv_prefix(v, "%^%#") || sv_prefix(v, "%@%@") || sv_prefix(v, "%$%$") ||
        sv_prefix(v, "@%@%"))
        return secret_type_name(SECRET_VRP_CIPHER);
    *known = false;
    return "secret";
}

static const char *digit_type(struct sv d)
{
    long n = 0;
    for (size_t i = 0; i < d.n; i++)
        n = n * 10 + (d.p[i] - '0');
    switch (n) {
    case 0:
        return secret_type_name(SECRET_PLAINTEXT);
    case 4:
        return secret_type_name(SECRET_CISCO4);
    case 5:
        return secret_type_name(SECRET_MD5);
    case 6:
        return secret_type_name(SECRET_CISCO6);
    case 7:
        return secret_type_name(SECRET_CISCO7);
    case 8:
        return secret_type_name(SECRET_CISCO8);
    case 9:
        return secret_type_name(SECRET_CISCO9);
    case 10:
        return secret_type_name(SECRET_SHA512_CRYPT);
    default:
        return NULL;
    }
}

/* Does a value after "cipher" name an algorithm (EOS/VRP SSH settings) rather than a secret? */
static bool looks_like_algorithm(struct sv v)
{
    static const char *const algs[] = {"aes",      "3des", "des",     "chacha", "arcfour",
                                       "blowfish", "cast", "twofish", "rc4",    "camellia",
                                       "sm4",      "idea", "none",    NULL};
    for (const char *const *a = algs; *a; a++)
        if (v.n >= strlen(*a) && strncasecmp(v.p, *a, strlen(*a)) == 0)
            return true;
    return false;
}

/* Mark token i as a secret of the given type unless it is empty or already marked. */
static void mark(struct line *l, size_t i, const char *type)
{
    if (i >= l->nt || l->t[i].type)
        return;
    struct sv v = tv(l, i);
    if (v.n == 0 && !l->t[i].quoted)
        return;
    if (v.n == 0)
        return;
    if (sv_prefix(v, "<redacted:"))
        return;
    l->t[i].type = type;
}

/*
 * After a value keyword at index k: skip modifiers, numbers and type digits,
 * then mark the value. Returns the index after the value.
 */
static size_t take_value(struct line *l, size_t k, const char *fixed_type)
{
    size_t i = k + 1;
    const char *hint = NULL;
    size_t skipped = 0;
    while (i < l->nt && skipped < 5) {
        struct sv t = tv(l, i);
        if (is_keyword(t) && !sv_in(t, modifiers))
            return i; /* the next keyword takes over ("password irreversible-cipher X") */
        if (sv_is_number(t)) {
            hint = digit_type(t);
        } else if (sv_ieq(t, "sha512")) {
            hint = secret_type_name(SECRET_SHA512_CRYPT);
        } else if (sv_ieq(t, "encrypted")) {
            hint = secret_type_name(SECRET_CISCO7);
        } else if (!sv_in(t, modifiers)) {
            break;
        } else {
            hint = NULL;
        }
        i++;
        skipped++;
    }
    if (i >= l->nt)
        return i;
    struct sv v = tv(l, i);
    if (sv_in(v, stop_values) || v.n == 0)
        return i;
    const char *type = fixed_type;
    if (!type) {
        bool known;
        const char *shape = shape_type(v, l->t[i].quoted, &known);
        struct sv post = tv(l, i + 1);
        if (known)
            type = shape;
        else if (sv_ieq(post, "hash2"))
            type = secret_type_name(SECRET_SROS_HASH2);
        else if (sv_ieq(post, "hash"))
            type = secret_type_name(SECRET_SROS_HASH);
        else if (sv_ieq(post, "pbkdf2"))
            type = secret_type_name(SECRET_PBKDF2);
        else if (sv_ieq(post, "encrypted"))
            type = secret_type_name(SECRET_MD5);
        else if (hint)
            type = hint;
        else if (post.n == 1 && post.p[0] == '7')
            type = secret_type_name(SECRET_CISCO7);
        else
            type = shape;
    }
    mark(l, i, type);
    return i + 1;
}

/* "snmp-server host ADDR [vrf V] [informs|traps] [version V [auth|noauth|priv]] COMMUNITY" */
static bool address_like(struct sv t)
{
    return t.n && (isdigit((unsigned char)t.p[0]) || memchr(t.p, ':', t.n) != NULL);
}

static void snmp_host(struct line *l)
{
    /* ASA names the interface first: "snmp-server host outside 10.0.0.1 community X". */
    size_t j = address_like(tv(l, 2)) ? 3 : 4;
    for (int guard = 0; guard < 8 && j < l->nt; guard++) {
        struct sv t = tv(l, j);
        if (sv_ieq(t, "informs") || sv_ieq(t, "traps") || sv_ieq(t, "inform") || sv_ieq(t, "trap"))
            j++;
        else if (sv_ieq(t, "vrf") || sv_ieq(t, "use-vrf"))
            j += 2;
        else if (sv_ieq(t, "version")) {
            struct sv v = tv(l, j + 1);
            j += 2;
            if (v.n == 1 && v.p[0] == '3' &&
                (sv_ieq(tv(l, j), "auth") || sv_ieq(tv(l, j), "noauth") ||
                 sv_ieq(tv(l, j), "priv")))
                j++;
        } else if (sv_ieq(t, "encrypted") || sv_ieq(t, "clear")) {
            j++; /* IOS XR: "version 2c encrypted <community>" */
        } else
            break;
    }
    if (j < l->nt && !sv_ieq(tv(l, j), "udp-port") && !is_keyword(tv(l, j)) &&
        !sv_in(tv(l, j), stop_values) && !sv_ieq(tv(l, j), "poll"))
        mark(l, j, "snmp-community");
}

static bool is_base64_line(struct sv s)
{
    s = sv_trim(s);
    while (s.n && (s.p[s.n - 1] == '"' || s.p[s.n - 1] == ';'))
        s.n--;
    if (s.n < 16)
        return false;
    bool upper = false, lower = false, digit = false;
    for (size_t i = 0; i < s.n; i++) {
        unsigned char c = (unsigned char)s.p[i];
        if (isupper(c))
            upper = true;
        else if (islower(c))
            lower = true;
        else if (isdigit(c))
            digit = true;
        else if (c != '+' && c != '/' && c != '=')
            return false;
    }
    return upper && lower && digit;
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (s[i] == needle[0] && !memcmp(s + i, needle, m))
            return true;
    return false;
}

static void emit(struct buf *out, const struct line *l)
{
    size_t pos = 0;
    for (size_t i = 0; i < l->nt; i++) {
        const struct tok *t = &l->t[i];
        if (!t->type)
            continue;
        buf_add(out, l->s + pos, t->vstart - pos);
        buf_printf(out, "<redacted:%s>", t->type);
        pos = t->vend;
    }
    buf_add(out, l->s + pos, l->n - pos);
}

/* A keyword of typed_keywords[] at token i marks the token after it with
 * its secret type. Returns the token to go on from. */
static size_t typed_value(struct line *l, size_t i, struct sv t)
{
    for (size_t k = 0; k < ARRAY_SIZE(typed_keywords); k++) {
        const struct typed_kw *kw = &typed_keywords[k];
        bool hit = kw->case_sensitive ? (t.n == strlen(kw->kw) && !memcmp(t.p, kw->kw, t.n))
                                      : sv_ieq(t, kw->kw);
        if (!hit)
            continue;
        struct sv v = tv(l, i + 1);
        /* "cipher aes256-ctr" names an algorithm, "cipher 230 {" a suite number. */
        if (k == 0 && (looks_like_algorithm(v) || sv_is_number(v)))
            return i + 1;
        if (i + 1 < l->nt && !is_keyword(v) && !sv_in(v, stop_values)) {
            mark(l, i + 1, secret_type_name(kw->type));
            return i + 2;
        }
        return i + 1;
    }
    return i + 1;
}

/* "auth" or "priv" at token i that is an SNMP security level ("v3 auth
 * read VIEW" in a group), not a key. */
static bool snmp_level(const struct line *l, size_t i, struct sv t, bool snmp)
{
    if (!sv_ieq(t, "auth") && !sv_ieq(t, "priv"))
        return false;
    return !snmp || i + 1 >= l->nt || sv_in(tv(l, i + 1), stop_values) ||
           sv_ieq(tv(l, i + 1), "read") || sv_ieq(tv(l, i + 1), "write");
}

/* The keyword at token i and the value it marks. Returns the token to go
 * on from (always past i). */
static size_t redact_keyword(struct line *l, size_t i, bool snmp)
{
    struct sv t = tv(l, i);
    size_t next = i + 1;
    if (snmp_level(l, i, t, snmp))
        return i + 1;
    if (sv_in(t, value_keywords)) {
        /* "key 1" inside a key chain ends without a value and marks nothing. */
        next = take_value(l, i, sv_ieq(t, "private-key") ? "private-key" : NULL);
        return next == i + 1 || next <= i ? i + 1 : next;
    }
    if (sv_ieq(t, "community") || sv_ieq(t, "notify-community") || sv_ieq(t, "securityname")) {
        bool members = line_has_word_prefix(l, "members");
        if ((snmp || i == 0 || sv_ieq(t, "notify-community")) && !members)
            next = take_value(l, i, "snmp-community");
        return next <= i ? i + 1 : next;
    }
    return typed_value(l, i, t);
}

/* Tokens not marked by a keyword, marked by their shape (a hash, a key);
 * on a Junos line marked as carrying secrets, every quoted one. */
static void redact_shapes(struct line *l, const char *text, size_t len)
{
    bool secret_data = contains(text, len, "## SECRET-DATA");
    for (size_t i = 0; i < l->nt; i++) {
        if (l->t[i].type)
            continue;
        bool known;
        const char *shape = shape_type(tv(l, i), l->t[i].quoted, &known);
        if (known || (secret_data && l->t[i].quoted))
            mark(l, i, shape);
    }
}

/* Where to cut a line of more tokens than a line holds: before a keyword
 * and its modifiers, so that a keyword and its value stay together. */
static size_t long_line_split(const struct line *l)
{
    size_t k = MAX_TOKENS - 16;
    while (k > 1 && (is_keyword(tv(l, k - 1)) || sv_in(tv(l, k - 1), modifiers) ||
                     sv_is_number(tv(l, k - 1))))
        k--;
    return l->t[k].start;
}

void rpt_redact(struct buf *out, const char *text, size_t len)
{
    struct line *l = xmalloc(sizeof(*l));
    l->s = text;
    l->n = len;
    struct sv whole = sv_make(text, len);
    if (is_base64_line(whole)) {
        buf_adds(out, "<redacted:key-material>");
        free(l);
        return;
    }
    tokenize(l);
    if (l->more) {
        /* A very long line: redact it in pieces. */
        size_t split = long_line_split(l);
        free(l);
        rpt_redact(out, text, split);
        rpt_redact(out, text + split, len - split);
        return;
    }
    bool snmp = line_has_word_prefix(l, "snmp");
    for (size_t i = 0; i < l->nt;)
        i = redact_keyword(l, i, snmp);
    if (l->nt >= 2 && sv_ieq(tv(l, 0), "snmp-server") && sv_ieq(tv(l, 1), "host"))
        snmp_host(l);
    /* Junos marks lines that carry secrets. */
    redact_shapes(l, text, len);
    emit(out, l);
    free(l);
}

const char *redact_line(const char *text, size_t len, char *out, size_t cap)
{
    if (!cap)
        return out;
    struct buf b;
    buf_init(&b, 0);
    rpt_redact(&b, text ? text : "", text ? len : 0);
    size_t n = b.len < cap - 1 ? b.len : cap - 1;
    if (n)
        memcpy(out, b.data, n);
    out[n] = 0;
    buf_free(&b);
    return out;
}

/* ------------------------------------------------------------- scrubbing */

static bool is_word(unsigned char c)
{
    return isalnum(c) || c == '_' || c == '-' || c >= 0x80;
}

static void scrub_prepare(struct rpt_scrub_set *ss, const struct device_result *d,
                          struct sv *storage)
{
    memset(ss, 0, sizeof(*ss));
    ss->v = storage;
    size_t ns = d ? d->nsecrets : 0;
    if (ns > RPT_MAX_SECRETS)
        ns = RPT_MAX_SECRETS;
    for (size_t k = 0; k < ns; k++) {
        struct sv v = sv_unquote(sv_trim(d->secrets[k]));
        if (v.n && v.p) {
            ss->first[(unsigned char)v.p[0]] = true;
            ss->v[ss->n++] = v;
            ss->any = true;
        }
    }
}

/* Replace every occurrence of the device's secret values in src. */
static void scrub(struct buf *out, const char *s, size_t n, const struct rpt_scrub_set *ss)
{
    const bool *first = ss->first;
    if (!ss->any) {
        buf_add(out, s, n);
        return;
    }
    size_t i = 0;
    while (i < n) {
        /* Copy the run of bytes that cannot start a secret or a marker at once. */
        size_t run = i;
        while (run < n && !first[(unsigned char)s[run]] && s[run] != '<')
            run++;
        if (run > i) {
            buf_add(out, s + i, run - i);
            i = run;
            continue;
        }
        if (s[i] == '<' && n - i >= 10 && memcmp(s + i, "<redacted:", 10) == 0) {
            const char *gt = memchr(s + i, '>', n - i);
            size_t end = gt ? (size_t)(gt - s) + 1 : n;
            buf_add(out, s + i, end - i);
            i = end;
            continue;
        }
        size_t best = 0;
        if (first[(unsigned char)s[i]]) {
            for (size_t k = 0; k < ss->n; k++) {
                struct sv v = ss->v[k];
                if (v.n > n - i || v.n <= best || memcmp(s + i, v.p, v.n))
                    continue;
                if (v.n < 4) {
                    /* Short values only as whole words: "15" must not vanish from "privilege 15"
                     * unless it stands alone. */
                    bool before = i > 0 && is_word((unsigned char)s[i - 1]);
                    bool after = i + v.n < n && is_word((unsigned char)s[i + v.n]);
                    if (before || after)
                        continue;
                }
                best = v.n;
            }
        }
        if (best) {
            buf_adds(out, "<redacted:secret>");
            i += best;
        } else {
            buf_addc(out, s[i]);
            i++;
        }
    }
}

const char *rpt_clean(struct report_writer *w, int slot, const struct device_result *d,
                      const char *text, size_t len, bool patterns)
{
    struct buf *b = &w->clean[slot];
    buf_reset(b);
    if (!text)
        text = "", len = 0;
    /* The same source line is evidence for many checks: clean it once per
     * device and writer. Only source text (patterns) is cached: it lives in
     * the device's buffer, so one address is one text for the whole device. */
    struct rpt_clean_cache *cache = d && patterns && w->cache && w->cache->active ? w->cache : NULL;
    struct rpt_clean_entry *ce = NULL;
    if (cache && len) {
        uintptr_t h = (uintptr_t)text ^ ((uintptr_t)text >> 9) ^ len;
        ce = &cache->e[(h ^ (patterns ? 0x5bd1u : 0)) % RPT_CLEAN_CACHE];
        if (ce->gen == cache->gen && ce->text == text && ce->len == len &&
            ce->patterns == patterns) {
            buf_add(b, cache->store.data + ce->off, ce->n);
            return buf_cstr(b);
        }
    }
    if (len > RPT_MAX_TEXT * 4)
        len = RPT_MAX_TEXT * 4;
    if (w->run->show_secrets) {
        buf_add(b, text, len);
    } else {
        struct buf tmp;
        buf_init(&tmp, 0);
        if (patterns)
            rpt_redact(&tmp, text, len);
        else
            buf_add(&tmp, text, len);
        /* The device's secrets, prepared once per device (or here). */
        struct rpt_scrub_set local, *ss = &local;
        struct sv *values = NULL;
        if (d && w->cache && w->cache->active) {
            ss = &w->cache->scrub;
            if (w->cache->scrub_gen != w->cache->gen) {
                scrub_prepare(ss, d, w->cache->scrub_values);
                w->cache->scrub_gen = w->cache->gen;
            }
        } else {
            size_t ns = d && d->nsecrets < RPT_MAX_SECRETS ? d->nsecrets : d ? RPT_MAX_SECRETS : 0;
            values = xcalloc(ns ? ns : 1, sizeof(*values));
            scrub_prepare(&local, d, values);
        }
        scrub(b, tmp.data ? tmp.data : "", tmp.len, ss);
        free(values);
        buf_free(&tmp);
    }
    if (b->len > RPT_MAX_TEXT) {
        /* Cut on a UTF-8 boundary and say so. */
        size_t n = RPT_MAX_TEXT;
        while (n > 0 && ((unsigned char)b->data[n] & 0xc0) == 0x80)
            n--;
        b->len = n;
        buf_adds(b, " [...]");
    }
    if (ce) {
        *ce = (struct rpt_clean_entry){.text = text,
                                       .len = len,
                                       .off = cache->store.len,
                                       .n = b->len,
                                       .gen = cache->gen,
                                       .patterns = patterns};
        buf_add(&cache->store, b->data ? b->data : "", b->len);
    }
    return buf_cstr(b);
}
