/*
 * extract_bgp_policy.c - what the export and import policies of each eBGP
 * session do, for RTG-BGP-OUT-POLICY and RTG-BGP-BOGONS, where the model
 * reads policy terms (Junos policy-statement terms, SR OS entries).
 *
 * On both platforms a route that no term of the chain accepts or rejects
 * falls to the protocol's default policy, which for BGP advertises (export)
 * or accepts (import) every active BGP route. So a chain that never ends in
 * an unconditional reject leaks the routes learned from other peers, a term
 * that accepts with no condition (or only "protocol bgp") accepts
 * everything, and a term that accepts "protocol direct" advertises the
 * device's interface and loopback routes, which checks.md says must be
 * denied (INFRA_PREFIXES). An import chain with no prefix condition cannot
 * reject bogons, own prefixes or the default route.
 */
#include "model/extract.h"

#include <limits.h>
#include <string.h>

#define BP_MAX_TERMS 4096

/* One term (Junos) or entry (SR OS) of a policy, or its policy-level
 * clauses (name empty), in order of appearance. */
struct bp_term {
    struct sv policy, name;
    long num;
    bool level; /* policy-level from/then (Junos), default-action (SR OS) */
    bool from_any, from_prefix, from_direct, from_bgp_only;
    bool accepts, rejects;
    const struct cfg_node *node;
};

struct bp_walk {
    bool sros;
    struct bp_term *terms;
    size_t n;
    bool overflow;       /* more terms than BP_MAX_TERMS: nothing is judged */
    bool group_policies; /* Junos groups define policies, which are not read here */
};

static struct bp_term *bp_term_for(struct bp_walk *w, struct sv pol, struct sv name, bool level)
{
    for (size_t i = w->n; i-- > 0;)
        if (w->terms[i].level == level && sv_eq(w->terms[i].policy, pol) &&
            sv_eq(w->terms[i].name, name))
            return &w->terms[i];
    if (w->n >= BP_MAX_TERMS) {
        w->overflow = true;
        return NULL;
    }
    struct bp_term *t = &w->terms[w->n];
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

static void bp_from(struct bp_term *t, const struct model_path *l, size_t k)
{
    if (k >= l->n)
        return;
    struct sv c = l->tok[k];
    t->from_any = true;
    if (!t->node)
        t->node = l->node;
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

static void bp_action(struct bp_term *t, const struct model_path *l, size_t k)
{
    struct sv v = model_path_tok(l, k);
    if (sv_eq_cstr(v, "action-type")) /* SR OS MD-CLI */
        v = model_path_tok(l, k + 1);
    if (sv_eq_cstr(v, "reject") || sv_eq_cstr(v, "drop")) {
        t->rejects = true;
        t->node = l->node;
    } else if (sv_eq_cstr(v, "accept")) {
        t->accepts = true;
        t->node = t->node ? t->node : l->node;
    }
}

/* The clause of a term or entry from token k: "from ...", "then ...",
 * SR OS "action ...". */
static void bp_clause(struct bp_term *t, const struct model_path *l, size_t k)
{
    if (model_path_eq(l, k, "from"))
        bp_from(t, l, k + 1);
    else if (model_path_eq(l, k, "then") || model_path_eq(l, k, "action"))
        bp_action(t, l, k + 1);
}

static void bp_line(void *ctx, const struct model_path *l)
{
    struct bp_walk *w = ctx;
    if (model_path_eq(l, 0, "groups")) {
        for (size_t i = 1; i < l->n && !w->group_policies; i++)
            w->group_policies = model_path_eq(l, i, "policy-statement");
        return;
    }
    for (size_t i = 0; i + 2 < l->n; i++) {
        if (!model_path_eq(l, i, "policy-options") || !model_path_eq(l, i + 1, "policy-statement"))
            continue;
        struct sv pol = sv_unquote(l->tok[i + 2]);
        const char *unit = w->sros ? "entry" : "term";
        struct bp_term *t;
        if (model_path_eq(l, i + 3, unit) && i + 4 < l->n) {
            t = bp_term_for(w, pol, sv_unquote(l->tok[i + 4]), false);
            if (t)
                bp_clause(t, l, i + 5);
        } else if (model_path_eq(l, i + 3, "default-action")) {
            t = bp_term_for(w, pol, sv_make("", 0), true);
            if (t)
                bp_action(t, l, i + 4);
        } else if ((t = bp_term_for(w, pol, sv_make("", 0), true))) {
            bp_clause(t, l, i + 3);
        }
        return;
    }
}

/* ------------------------------------------------------------- judging */

struct bp_chain {
    struct policy_summary *s;
    bool ended;   /* an unconditional clause ended the chain */
    bool rejects; /* ... and it was a reject */
};

static void bp_judge_term(struct bp_chain *c, const struct bp_term *t)
{
    struct policy_summary *s = c->s;
    bool unconditional = !t->from_any || t->from_bgp_only;
    if (t->from_prefix)
        s->filters_prefixes = true;
    if (t->accepts) {
        s->accepts_some = true;
        if (t->from_direct && !s->accepts_connected) {
            s->accepts_connected = true;
            s->connected_node = t->node;
        } else if (unconditional && !s->accepts_all) {
            s->accepts_all = true;
            s->accepts_all_node = t->node;
        }
    }
    /* Nothing gets past an unconditional clause; the default policy only
     * ever passes BGP routes, so rejecting "protocol bgp" ends the chain too. */
    if ((t->accepts && !t->from_any) || (t->rejects && unconditional)) {
        c->ended = true;
        c->rejects = t->rejects;
    }
}

/* Judge one policy of a chain in its own order: 1, 0 when it is not defined
 * here, -1 when it has more terms than are ordered here. */
static int bp_judge_policy(const struct bp_walk *w, struct sv name, struct bp_chain *c)
{
    const struct bp_term *order[256];
    size_t n = 0;
    for (size_t i = 0; i < w->n; i++) {
        if (!sv_eq(w->terms[i].policy, name))
            continue;
        if (n == ARRAY_SIZE(order))
            return -1;
        size_t at = n++;
        while (at > 0 && order[at - 1]->num > w->terms[i].num) {
            order[at] = order[at - 1];
            at--;
        }
        order[at] = &w->terms[i];
    }
    for (size_t i = 0; i < n && !c->ended; i++)
        bp_judge_term(c, order[i]);
    return n > 0;
}

static void bp_judge_chain(struct arena *a, const struct bp_walk *w, const char *chain,
                           struct policy_summary *s)
{
    memset(s, 0, sizeof(*s));
    if (!chain || w->overflow)
        return;
    s->known = true;
    struct bp_chain c = {.s = s};
    struct sv all = sv_from_cstr(chain);
    for (size_t i = 0, nt = sv_token_count(all); i < nt && !c.ended; i++) {
        struct sv tok = sv_unquote(sv_token(all, i));
        if (tok.n == 0 || sv_eq_cstr(tok, "[") || sv_eq_cstr(tok, "]"))
            continue;
        int got = bp_judge_policy(w, tok, &c);
        if (got < 0) {
            memset(s, 0, sizeof(*s)); /* too long to judge: known stays false */
            return;
        }
        if (got == 0 && w->group_policies) {
            memset(s, 0, sizeof(*s)); /* it may come from a group: not read here */
            return;
        }
        if (got == 0 && !s->undefined)
            s->undefined = model_strdup(a, tok);
    }
    s->ends_in_reject = c.rejects;
}

void model_extract_bgp_policies(const struct cfg_tree *t, struct device_model *m)
{
    if ((m->dialect != DIALECT_JUNIPER_JUNOS && m->dialect != DIALECT_NOKIA_SROS) ||
        !m->bgp.nneighbors)
        return;
    struct bp_walk w = {.sros = m->dialect == DIALECT_NOKIA_SROS};
    w.terms = arena_alloc(t->arena, BP_MAX_TERMS * sizeof(*w.terms));
    struct model_walk mw = {0};
    model_path_walk(t->arena, &mw, t->first, true, model_brace_push, bp_line, &w);
    for (size_t i = 0; i < m->bgp.nneighbors; i++) {
        struct bgp_neighbor *nb = &m->bgp.neighbors[i];
        bp_judge_chain(t->arena, &w, nb->out_policy, &nb->out_summary);
        bp_judge_chain(t->arena, &w, nb->in_policy, &nb->in_summary);
    }
}
