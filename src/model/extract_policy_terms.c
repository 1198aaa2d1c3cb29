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
    }
}

static void term_clause(const struct policy_terms *w, struct policy_term *t,
                        const struct model_path *l, size_t k)
{
    if (model_path_eq(l, k, "from"))
        term_from(w, t, l, k + 1);
    else if (model_path_eq(l, k, "then") || model_path_eq(l, k, "action"))
        term_action(t, l, k + 1);
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

static void terms_line(void *ctx, const struct model_path *l)
{
    struct policy_terms *w = ctx;
    if (model_path_eq(l, 0, "groups")) {
        for (size_t i = 1; i < l->n && !w->group_policies; i++)
            w->group_policies = model_path_eq(l, i, "policy-statement");
        return;
    }
    for (size_t i = 0; i + 1 < l->n; i++) {
        if (w->sros && model_path_eq(l, i, "enable-origin-validation"))
            w->origin_validation = true;
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
