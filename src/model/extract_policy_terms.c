/*
 * extract_policy_terms.c - the terms of Junos policy-statements and the
 * entries of SR OS ones, read once per device for the checks that judge
 * what a BGP session's policies do (RTG-RPKI-ROV in extract_rov.c, the
 * export and bogon checks in extract_bgp_policy.c).
 *
 * Each term records its conditions as the judges need them and its action;
 * a policy's own clauses (Junos from/then outside any term, SR OS
 * default-action) are a "level" term that comes after every other.
 */
#include "model/extract.h"

#include <limits.h>
#include <string.h>

#define PT_MAX_TERMS 4096

static struct policy_term *term_for(struct policy_terms *w, struct sv pol, struct sv name,
                                    bool level)
{
    for (size_t i = w->n; i-- > 0;)
        if (w->terms[i].level == level && sv_eq(w->terms[i].policy, pol) &&
            sv_eq(w->terms[i].name, name))
            return &w->terms[i];
    if (w->n >= PT_MAX_TERMS) {
        w->overflow = true;
        return NULL;
    }
    struct policy_term *t = &w->terms[w->n];
    memset(t, 0, sizeof(*t));
    t->policy = pol;
    t->name = name;
    t->level = level;
    t->num = level ? LONG_MAX : w->sros ? model_sv_long(name, 0) : (long)w->n;
    t->from_bgp_only = true;
    w->n++;
    return t;
}

static bool prefix_condition(struct sv c)
{
    static const char *const words[] = {"route-filter", "prefix-list", "prefix-list-filter",
                                        "route-filter-list", "source-address-filter"};
    for (size_t i = 0; i < ARRAY_SIZE(words); i++)
        if (sv_eq_cstr(c, words[i]))
            return true;
    return false;
}

/* "/24" -> "24". */
static struct sv drop_slash(struct sv s)
{
    return s.n && s.p[0] == '/' ? sv_make(s.p + 1, s.n - 1) : s;
}

/* '["a"' or '"b"]' -> the name with its quotes. */
static struct sv strip_brackets(struct sv s)
{
    while (s.n && (s.p[0] == '[' || s.p[0] == ']'))
        s = sv_make(s.p + 1, s.n - 1);
    while (s.n && (s.p[s.n - 1] == '[' || s.p[s.n - 1] == ']'))
        s.n--;
    return s;
}

/* Grow the term's route-filter list by one entry; NULL when memory is short. */
static struct rp_entry *rf_add(struct arena *a, struct policy_term *t)
{
    if (t->rf.n == t->rf_cap) {
        size_t cap = t->rf_cap ? t->rf_cap * 2 : 8;
        struct rp_entry *v = arena_alloc(a, cap * sizeof(*v));
        if (t->rf.n)
            memcpy(v, t->rf.e, t->rf.n * sizeof(*v));
        t->rf.e = v;
        t->rf_cap = cap;
    }
    return &t->rf.e[t->rf.n++];
}

/* The lengths a Junos match type gives prefix p from token k: false when
 * the model does not read it (through, prefix-length-range beyond the
 * family, an action of its own after the type). */
static bool rf_lengths(const struct model_path *l, size_t k, const struct ip_prefix *p,
                       unsigned *lo, unsigned *hi)
{
    unsigned max = p->af == 4 ? 32 : 128;
    struct sv ty = model_path_tok(l, k);
    size_t next = k + 1;
    *lo = p->len;
    *hi = max;
    if (sv_eq_cstr(ty, "exact")) {
        *hi = p->len;
    } else if (sv_eq_cstr(ty, "longer")) {
        *lo = p->len + 1u;
    } else if (sv_eq_cstr(ty, "upto")) {
        *hi = (unsigned)model_sv_long(drop_slash(model_path_tok(l, k + 1)), -1);
        next++;
    } else if (sv_eq_cstr(ty, "prefix-length-range")) {
        struct sv r = drop_slash(model_path_tok(l, k + 1));
        const char *dash = memchr(r.p, '-', r.n);
        if (!dash)
            return false;
        *lo = (unsigned)model_sv_long(sv_make(r.p, (size_t)(dash - r.p)), -1);
        *hi = (unsigned)model_sv_long(drop_slash(sv_make(dash + 1, r.n - (size_t)(dash + 1 - r.p))),
                                      -1);
        next++;
    } else if (!sv_eq_cstr(ty, "orlonger")) {
        return false;
    }
    return next >= l->n && *lo <= *hi && *hi <= max && *lo >= p->len;
}

/* Whether a route-filter's type from token k ends the clause: no action of
 * its own after it. */
static bool rf_plain(const struct model_path *l, size_t k)
{
    bool arg = model_path_eq(l, k, "upto") || model_path_eq(l, k, "prefix-length-range") ||
               model_path_eq(l, k, "through");
    return k + 1 + arg >= l->n;
}

/* "route-filter PREFIX TYPE" from token k ("route-filter"). */
static void term_route_filter(struct arena *a, struct policy_term *t, const struct model_path *l,
                              size_t k)
{
    struct ip_prefix p;
    unsigned lo, hi;
    if (!ip_prefix_parse(model_path_tok(l, k + 1), &p) || !rf_lengths(l, k + 2, &p, &lo, &hi)) {
        t->rf_unread = true;
        t->own_action |= !rf_plain(l, k + 2);
        return;
    }
    struct rp_entry *e = rf_add(a, t);
    memset(e, 0, sizeof(*e));
    e->r.p = p;
    e->r.ge = (uint8_t)lo;
    e->r.le = (uint8_t)hi;
    e->permit = true;
    e->node = l->node;
}

/* A named list: Junos prefix-list, prefix-list-filter NAME TYPE; SR OS
 * prefix-list ["A" "B"]. Other lists (route-filter-list) are unread. */
static void term_named(struct policy_term *t, const struct model_path *l, size_t k, bool sros)
{
    struct sv c = l->tok[k];
    uint8_t ty = PL_EXACT;
    size_t last = k + 1;
    if (sv_eq_cstr(c, "prefix-list-filter")) {
        struct sv m = model_path_tok(l, k + 2);
        ty = sv_eq_cstr(m, "exact")      ? PL_EXACT
             : sv_eq_cstr(m, "orlonger") ? PL_ORLONGER
             : sv_eq_cstr(m, "longer")   ? PL_LONGER
                                         : PL_UNREAD;
        if (k + 3 < l->n) {
            ty = PL_UNREAD;
            t->own_action = true;
        }
    } else if (!sv_eq_cstr(c, "prefix-list")) {
        ty = PL_UNREAD;
    } else if (sros) {
        last = l->n - 1;
    }
    for (size_t i = k + 1; i <= last && i < l->n; i++) {
        struct sv name = sv_unquote(strip_brackets(l->tok[i]));
        if (!name.n)
            continue;
        if (t->nlists == RP_MAX_LISTS) {
            t->lists_over = true;
            return;
        }
        t->lists[t->nlists] = name;
        t->list_type[t->nlists++] = ty;
    }
}

/* What a from clause matches from token k, for the import judge. */
static void term_match(const struct policy_terms *w, struct policy_term *t,
                       const struct model_path *l, size_t k)
{
    struct sv c = l->tok[k];
    if (sv_eq_cstr(c, "route-filter"))
        term_route_filter(w->arena, t, l, k);
    else if (prefix_condition(c) && !sv_eq_cstr(c, "source-address-filter"))
        term_named(t, l, k, w->sros);
    else if (!model_path_match(l, k, "protocol bgp", NULL))
        t->from_unread = true;
}

/* "from ..." from token k (the word after "from"). */
static void term_from(const struct policy_terms *w, struct policy_term *t,
                      const struct model_path *l, size_t k)
{
    const char *inv = w->sros ? "origin-validation-state invalid" : "validation-database invalid";
    if (model_path_match(l, k, inv, NULL))
        t->from_invalid = true;
    else if (!model_path_match(l, k, "protocol bgp", NULL) && k < l->n)
        t->from_other = true;
    if (!t->node)
        t->node = l->node;
    if (k >= l->n)
        return;
    struct sv c = l->tok[k];
    t->from_any = true;
    if (!t->cond_node)
        t->cond_node = l->node;
    if (prefix_condition(c))
        t->from_prefix = true;
    term_match(w, t, l, k);
    bool proto = sv_eq_cstr(c, "protocol");
    bool direct = false, bgp = proto;
    for (size_t i = k + 1; proto && i < l->n; i++) {
        struct sv p = sv_unquote(l->tok[i]);
        direct |= sv_eq_cstr(p, "direct") || sv_eq_cstr(p, "local");
        bgp &= sv_eq_cstr(p, "bgp") || sv_eq_cstr(p, "[") || sv_eq_cstr(p, "]");
    }
    t->from_direct |= direct;
    if (!bgp)
        t->from_bgp_only = false;
}

/* "then ..." / SR OS "action ..." / "default-action ..." from token k. */
static void term_action(struct policy_term *t, const struct model_path *l, size_t k)
{
    struct sv v = model_path_tok(l, k);
    if (sv_eq_cstr(v, "action-type")) /* SR OS MD-CLI */
        v = model_path_tok(l, k + 1);
    if (sv_eq_cstr(v, "reject") || sv_eq_cstr(v, "drop")) {
        t->rejects = true;
        t->node = l->node;
    } else if (sv_eq_cstr(v, "accept")) {
        t->accepts = true;
        if (!t->accept_node)
            t->accept_node = l->node;
    } else if (sv_eq_cstr(v, "next") || sv_eq_cstr(v, "next-policy")) {
        t->nexts = true;
        t->next_policy |=
            sv_eq_cstr(v, "next-policy") || sv_eq_cstr(model_path_tok(l, k + 1), "policy");
    }
}

static void term_clause(const struct policy_terms *w, struct policy_term *t,
                        const struct model_path *l, size_t k)
{
    if (model_path_eq(l, k, "from"))
        term_from(w, t, l, k + 1);
    else if (model_path_eq(l, k, "then") || model_path_eq(l, k, "action"))
        term_action(t, l, k + 1);
    else if (model_path_eq(l, k, "to"))
        t->from_unread = t->from_any = true;
}

/* One policy-options statement from token i ("policy-options"). */
static void policy_line(struct policy_terms *w, const struct model_path *l, size_t i)
{
    struct sv pol = sv_unquote(l->tok[i + 2]);
    struct policy_term *t;
    if (model_path_eq(l, i + 3, w->sros ? "entry" : "term") && i + 4 < l->n) {
        if ((t = term_for(w, pol, sv_unquote(l->tok[i + 4]), false)))
            term_clause(w, t, l, i + 5);
    } else if (model_path_eq(l, i + 3, "default-action")) {
        if ((t = term_for(w, pol, sv_make("", 0), true)))
            term_action(t, l, i + 4);
    } else if ((t = term_for(w, pol, sv_make("", 0), true))) {
        term_clause(w, t, l, i + 3);
    }
}

#define PT_MAX_LISTS 512

static struct pt_plist *plist_for(struct policy_terms *w, struct sv name)
{
    for (size_t i = 0; i < w->nplists; i++)
        if (sv_eq(w->plists[i].name, name))
            return &w->plists[i];
    if (w->nplists == PT_MAX_LISTS)
        return NULL;
    if (!w->plists)
        w->plists = arena_alloc(w->arena, PT_MAX_LISTS * sizeof(*w->plists));
    struct pt_plist *pl = &w->plists[w->nplists++];
    memset(pl, 0, sizeof(*pl));
    pl->name = name;
    return pl;
}

/* One prefix list line from token i ("prefix-list"): Junos "NAME PREFIX",
 * SR OS "NAME prefix PREFIX [type] exact"; anything else leaves it unread. */
static void plist_line(struct policy_terms *w, const struct model_path *l, size_t i)
{
    struct pt_plist *pl = plist_for(w, sv_unquote(l->tok[i + 1]));
    if (!pl || i + 2 >= l->n)
        return; /* a list with no entry matches nothing */
    size_t k = i + 2;
    if (w->sros) {
        size_t ty = model_path_eq(l, k + 2, "type") ? k + 3 : k + 2;
        if (!model_path_eq(l, k, "prefix") || !model_path_eq(l, ty, "exact") || ty + 1 < l->n) {
            pl->unread = true;
            return;
        }
        k++;
    } else if (k + 1 != l->n) {
        pl->unread = true; /* apply-path */
        return;
    }
    struct ip_prefix p;
    if (!ip_prefix_parse(l->tok[k], &p)) {
        pl->unread = true;
        return;
    }
    if (pl->n == pl->cap) {
        size_t cap = pl->cap ? pl->cap * 2 : 8;
        struct ip_prefix *v = arena_alloc(w->arena, cap * sizeof(*v));
        if (pl->n)
            memcpy(v, pl->v, pl->n * sizeof(*v));
        pl->v = v;
        pl->cap = cap;
    }
    pl->v[pl->n++] = p;
}

static void terms_line(void *ctx, const struct model_path *l)
{
    struct policy_terms *w = ctx;
    if (model_path_eq(l, 0, "groups")) {
        for (size_t i = 1; i < l->n; i++) {
            w->group_policies |= model_path_eq(l, i, "policy-statement");
            w->group_lists |= model_path_eq(l, i, "prefix-list");
        }
        return;
    }
    for (size_t i = 0; i + 1 < l->n; i++) {
        if (w->sros && model_path_eq(l, i, "enable-origin-validation"))
            w->origin_validation = true;
        if (model_path_eq(l, i, "policy-options") && model_path_eq(l, i + 1, "prefix-list")) {
            if (i + 2 < l->n)
                plist_line(w, l, i + 1);
            return;
        }
        if (model_path_eq(l, i, "policy-options") && model_path_eq(l, i + 1, "policy-statement")) {
            if (i + 2 < l->n)
                policy_line(w, l, i);
            return;
        }
    }
}

void model_policy_terms(const struct cfg_tree *t, const struct device_model *m,
                        struct policy_terms *pt)
{
    memset(pt, 0, sizeof(*pt));
    if ((m->dialect != DIALECT_JUNIPER_JUNOS && m->dialect != DIALECT_NOKIA_SROS) ||
        !m->bgp.nneighbors)
        return;
    pt->sros = m->dialect == DIALECT_NOKIA_SROS;
    pt->arena = t->arena;
    pt->terms = arena_alloc(t->arena, PT_MAX_TERMS * sizeof(*pt->terms));
    struct model_walk mw = {0};
    model_path_walk(t->arena, &mw, t->first, true, model_brace_push, terms_line, pt);
}

size_t model_policy_order(const struct policy_terms *pt, struct sv name, bool level,
                          const struct policy_term **order, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < pt->n; i++) {
        const struct policy_term *t = &pt->terms[i];
        if (!sv_eq(t->policy, name) || (t->level && !level))
            continue;
        if (n == cap)
            return SIZE_MAX;
        size_t at = n++;
        while (at > 0 && order[at - 1]->num > t->num) {
            order[at] = order[at - 1];
            at--;
        }
        order[at] = t;
    }
    return n;
}
