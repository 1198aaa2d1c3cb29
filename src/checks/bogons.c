/*
 * bogons.c - the bogon list the anti-spoofing and BGP filter checks judge
 * against: the built-in table (data/bogons.txt, built in as
 * asset_bogons_txt) or the profile's approved.bgp_bogons, which replaces it.
 */
#include "checks/checks_int.h"

#include "checks_assets.h"

#include <ctype.h>
#include <pthread.h>
#include <string.h>

#define BOGON_MAX 128

static struct bogon builtin[BOGON_MAX];
static size_t nbuiltin;
static char builtin_text[8192]; /* the rows' SOURCE and description strings */
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

/* The next blank-separated word of [p, end), or an empty view. */
static struct sv next_word(const char **p, const char *end)
{
    while (*p < end && isspace((unsigned char)**p))
        (*p)++;
    const char *s = *p;
    while (*p < end && !isspace((unsigned char)**p))
        (*p)++;
    return sv_make(s, (size_t)(*p - s));
}

/* A NUL-terminated copy in builtin_text; "" when it is full. */
static const char *keep(struct sv s, size_t *used)
{
    if (*used + s.n + 1 > sizeof(builtin_text))
        return "";
    char *d = builtin_text + *used;
    memcpy(d, s.p, s.n);
    d[s.n] = '\0';
    *used += s.n + 1;
    return d;
}

/* One row: "PREFIX RFC NNNN what it is". A row that does not parse is a bug
 * in the data file, which the unit tests read through bogons_builtin(). */
static void parse_row(const char *p, const char *end, size_t *used)
{
    struct sv pfx = next_word(&p, end);
    struct sv rfc = next_word(&p, end);
    struct sv num = next_word(&p, end);
    struct sv what = sv_trim(sv_make(p, (size_t)(end - p)));
    struct ip_prefix ip;
    if (!ip_prefix_parse(pfx, &ip) || !sv_eq_cstr(rfc, "RFC") || !num.n || nbuiltin >= BOGON_MAX)
        return;
    struct bogon *b = &builtin[nbuiltin++];
    b->prefix = ip;
    b->source = keep(sv_make(rfc.p, (size_t)(num.p + num.n - rfc.p)), used);
    b->what = keep(what, used);
}

static void parse_builtin(void)
{
    const char *p = asset_bogons_txt, *end = p + strlen(p);
    size_t used = 0;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        struct sv line = sv_trim(sv_make(p, (size_t)(eol - p)));
        if (line.n && line.p[0] != '#')
            parse_row(line.p, line.p + line.n, &used);
        p = eol + 1;
    }
}

const struct bogon *bogons_builtin(size_t *n)
{
    pthread_once(&builtin_once, parse_builtin);
    *n = nbuiltin;
    return builtin;
}

size_t bogons_for(const struct check_ctx *ctx, const struct bogon **out)
{
    const struct prefix_set *ps = &ctx->profile->bgp_bogons;
    if (!ps->present) {
        size_t n;
        *out = bogons_builtin(&n);
        return n;
    }
    struct bogon *v = arena_alloc(ctx->arena, (ps->n ? ps->n : 1) * sizeof(*v));
    for (size_t i = 0; i < ps->n; i++) {
        v[i].prefix = ps->v[i];
        v[i].source = "approved.bgp_bogons";
        v[i].what = "profile";
    }
    *out = v;
    return ps->n;
}
