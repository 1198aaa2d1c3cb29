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

#include <string.h>

/* ------------------------------------------------------------- judging */

struct bp_chain {
    struct policy_summary *s;
    bool ended;   /* an unconditional clause ended the chain */
    bool rejects; /* ... and it was a reject */
    bool skips;   /* a "next policy" term of this policy lets routes past it */
};

static void bp_judge_term(struct bp_chain *c, const struct policy_term *t)
{
    struct policy_summary *s = c->s;
    bool unconditional = !t->from_any || t->from_bgp_only;
    if (t->from_prefix)
        s->filters_prefixes = true;
    if (t->accepts) {
        s->accepts_some = true;
        if (t->from_direct && !s->accepts_connected) {
            s->accepts_connected = true;
            s->connected_node = t->cond_node ? t->cond_node : t->accept_node;
        } else if (unconditional && !s->accepts_all) {
            s->accepts_all = true;
            s->accepts_all_node = t->cond_node ? t->cond_node : t->accept_node;
        }
    }
    /* Nothing gets past an unconditional clause; the default policy only
     * ever passes BGP routes, so rejecting "protocol bgp" ends the chain too. */
    c->skips |= t->next_policy;
    if ((t->accepts && !t->from_any) || (t->rejects && unconditional && !c->skips)) {
        c->ended = true;
        c->rejects = t->rejects;
    }
}

/* Judge one policy of a chain in its own order: 1, 0 when it is not defined
 * here, -1 when it has more terms than are ordered here. */
static int bp_judge_policy(const struct policy_terms *pt, struct sv name, struct bp_chain *c)
{
    const struct policy_term *order[256];
    size_t n = model_policy_order(pt, name, true, order, ARRAY_SIZE(order));
    if (n == SIZE_MAX)
        return -1;
    c->skips = false;
    for (size_t i = 0; i < n && !c->ended; i++)
        bp_judge_term(c, order[i]);
    return n > 0;
}

static void bp_judge_chain(struct arena *a, const struct policy_terms *w, const char *chain,
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

void model_extract_bgp_policies(const struct cfg_tree *t, struct device_model *m,
                                const struct policy_terms *pt)
{
    if (!pt->terms)
        return;
    for (size_t i = 0; i < m->bgp.nneighbors; i++) {
        struct bgp_neighbor *nb = &m->bgp.neighbors[i];
        bp_judge_chain(t->arena, pt, nb->out_policy, &nb->out_summary);
        bp_judge_chain(t->arena, pt, nb->in_policy, &nb->in_summary);
        struct policy_summary *in = &nb->in_summary;
        if (in->known && !in->undefined)
            in->policy = model_policy_build(t->arena, pt, nb->in_policy);
    }
}
