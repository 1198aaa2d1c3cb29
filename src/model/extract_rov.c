/*
 * extract_rov.c - RTG-RPKI-ROV: does the import policy of every active eBGP
 * session reject RPKI-invalid routes before anything in it can accept them?
 * (checks.md: IOS/NX-OS route-map "match rpki invalid" deny, EOS "match
 * origin-as validity invalid" deny, IOS XR "if validation-state is invalid
 * then drop", Junos "from validation-database invalid then reject", SR OS
 * "origin-validation-state invalid" with a reject action, VRP "if-match rpki
 * origin-as-validation invalid" in a deny node.)
 *
 * A policy is judged in its own evaluation order (sequence, node, entry or
 * term number; XR statement order). It rejects when a clause that matches
 * the invalid state alone, and drops, comes before anything that could
 * accept a route; it ignores the state when nothing in it matches RPKI
 * validity; anything else (a permit or accept first, narrower conditions,
 * policies not defined here, chains) is left open. The result is one fact,
 * rtg.rov_reject: ON every session rejects, OFF one provably does not,
 * UNKNOWN otherwise, with the reason.
 */
#include "model/extract.h"

#include <string.h>

enum rov {
    ROV_REJECTS,
    ROV_IGNORES,
    ROV_OPEN,
};

struct rov_result {
    enum rov v;
    const struct cfg_node *node; /* the rejecting clause, or the policy */
    const char *why;             /* ROV_OPEN: what leaves it open */
};

#define ROV_MAX_ENTRIES 256

/* ------------------------------------------- route-map / route-policy nodes */

/* One entry of an IOS/NX-OS/EOS route-map or a VRP route-policy. */
struct rov_entry {
    long seq;
    bool deny;
    bool rpki;         /* some match clause looks at the validation state */
    bool invalid_only; /* its only match clause is the invalid state */
    const struct cfg_node *node;
};

/* Is this child a match clause ("match ..." or VRP "if-match ...")? Does it
 * look at the validation state, and at the invalid state alone? */
static bool match_clause(enum dialect d, const struct cfg_node *c, bool *rpki, bool *invalid)
{
    struct sv s = sv_make(c->text, c->len);
    const char *lead = d == DIALECT_HUAWEI_VRP   ? "if-match rpki origin-as-validation"
                       : d == DIALECT_ARISTA_EOS ? "match origin-as validity"
                                                 : "match rpki";
    size_t words = d == DIALECT_HUAWEI_VRP ? 3 : d == DIALECT_ARISTA_EOS ? 3 : 2;
    *rpki = sv_starts_with_word(s, lead);
    *invalid = *rpki && sv_token_count(s) == words + 1 && sv_eq_cstr(sv_token(s, words), "invalid");
    return sv_starts_with_word(s, d == DIALECT_HUAWEI_VRP ? "if-match" : "match");
}

/* "route-map NAME [permit|deny] [SEQ]" or VRP "route-policy NAME permit|deny
 * node N": fill e when the node heads an entry of the named policy. */
static bool entry_head(enum dialect d, const struct cfg_node *n, struct sv name,
                       struct rov_entry *e)
{
    struct sv s = sv_make(n->text, n->len);
    bool vrp = d == DIALECT_HUAWEI_VRP;
    if (!sv_starts_with_word(s, vrp ? "route-policy" : "route-map") ||
        !sv_eq(sv_unquote(sv_token(s, 1)), name))
        return false;
    struct sv act = sv_token(s, 2);
    e->deny = sv_eq_cstr(act, "deny");
    e->seq = model_sv_long(sv_token(s, vrp ? 4 : 3), 10);
    e->node = n;
    e->rpki = false;
    e->invalid_only = false;
    unsigned matches = 0;
    bool invalid = false;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        bool r, inv;
        if (c->flags & CFG_INACTIVE || !match_clause(d, c, &r, &inv))
            continue;
        matches++;
        e->rpki |= r;
        invalid |= inv;
    }
    e->invalid_only = invalid && matches == 1;
    return true;
}

static struct rov_result judge_entries(enum dialect d, const struct cfg_tree *t, struct sv name)
{
    struct rov_entry es[ROV_MAX_ENTRIES];
    size_t n = 0;
    for (const struct cfg_node *nd = t->first; nd && n < ROV_MAX_ENTRIES; nd = nd->next) {
        struct rov_entry e;
        if (!(nd->flags & CFG_INACTIVE) && entry_head(d, nd, name, &e)) {
            size_t at = n++; /* insertion by sequence, stable for equal ones */
            while (at > 0 && es[at - 1].seq > e.seq) {
                es[at] = es[at - 1];
                at--;
            }
            es[at] = e;
        }
    }
    if (!n)
        return (struct rov_result){ROV_OPEN, NULL,
                                   "the policy is not defined in the "
                                   "configuration"};
    bool rpki = false;
    for (size_t i = 0; i < n; i++)
        rpki |= es[i].rpki;
    for (size_t i = 0; i < n; i++) {
        if (es[i].deny && es[i].invalid_only)
            return (struct rov_result){ROV_REJECTS, es[i].node, NULL};
        if (!es[i].deny)
            break; /* a permit first may accept invalid routes */
    }
    if (!rpki)
        return (struct rov_result){ROV_IGNORES, es[0].node, NULL};
    return (struct rov_result){ROV_OPEN, es[0].node,
                               "a permit comes before the entry that denies invalid routes, or "
                               "that entry matches more than the invalid state"};
}

/* --------------------------------------------------------- IOS XR RPL */

static bool subtree_has(const struct cfg_node *n, const char *word, unsigned depth)
{
    for (; n && depth < 32; n = n->next) {
        if (sv_starts_with_word(sv_make(n->text, n->len), word) ||
            subtree_has(n->child, word, depth + 1))
            return true;
    }
    return false;
}

static struct rov_result judge_rpl(const struct cfg_tree *t, struct sv name)
{
    const struct cfg_node *pol = NULL;
    for (const struct cfg_node *nd = t->first; nd && !pol; nd = nd->next) {
        struct sv s = sv_make(nd->text, nd->len);
        if (sv_starts_with_word(s, "route-policy") && sv_eq(sv_unquote(sv_token(s, 1)), name))
            pol = nd;
    }
    if (!pol)
        return (struct rov_result){ROV_OPEN, NULL,
                                   "the route-policy is not defined in the "
                                   "configuration"};
    for (const struct cfg_node *c = pol->child; c; c = c->next) {
        struct sv s = sv_make(c->text, c->len);
        if (sv_starts_with(s, "if validation-state is invalid then") && sv_token_count(s) == 5 &&
            c->child && !c->child->next &&
            sv_eq_cstr(sv_make(c->child->text, c->child->len), "drop"))
            return (struct rov_result){ROV_REJECTS, c, NULL};
        if (sv_starts_with_word(s, "done") || sv_starts_with_word(s, "apply") ||
            subtree_has(c->child, "done", 0) || subtree_has(c->child, "apply", 0))
            return (struct rov_result){ROV_OPEN, c,
                                       "a statement that accepts routes ('done') or applies "
                                       "another policy comes before any drop of invalid routes"};
    }
    if (subtree_has(pol->child, "if validation-state", 0) ||
        subtree_has(pol->child, "elseif validation-state", 0))
        return (struct rov_result){ROV_OPEN, pol,
                                   "the policy tests the validation state, but "
                                   "not as a top-level drop of invalid routes"};
    return (struct rov_result){ROV_IGNORES, pol, NULL};
}

/* ------------------------------------------------- Junos terms, SR OS entries */

static struct rov_result judge_terms(const struct policy_terms *pt, struct sv name)
{
    const struct policy_term *order[ROV_MAX_ENTRIES];
    size_t n = model_policy_order(pt, name, false, order, ROV_MAX_ENTRIES);
    if (n == SIZE_MAX)
        return (struct rov_result){ROV_OPEN, NULL,
                                   "the policy-statement has more terms than are judged here"};
    if (!n)
        return (struct rov_result){ROV_OPEN, NULL, "the policy-statement has no terms here"};
    bool rpki = false;
    for (size_t i = 0; i < n; i++)
        rpki |= order[i]->from_invalid;
    for (size_t i = 0; i < n; i++) {
        const struct policy_term *t = order[i];
        if (t->from_invalid && !t->from_other && t->rejects)
            return (struct rov_result){ROV_REJECTS, t->node, NULL};
        if (t->accepts || t->nexts)
            break;
    }
    if (!rpki)
        return (struct rov_result){ROV_IGNORES, order[0]->node, NULL};
    return (struct rov_result){ROV_OPEN, order[0]->node,
                               "a term that accepts routes comes before the one that rejects "
                               "invalid routes, or that term matches more than the invalid state"};
}

/* ----------------------------------------------------------- per session */

struct rov_ctx {
    const struct cfg_tree *t;
    struct device_model *m;
    const struct policy_terms *pt;
};

/* EOS validates eBGP routes only with "rpki origin-validation" > "ebgp
 * local" under router bgp (checks.md RTG-RPKI-ROV, EOS). */
static bool eos_validates_ebgp(const struct cfg_tree *t)
{
    for (const struct cfg_node *b = t->first; b; b = b->next) {
        if (!sv_starts_with_word(sv_make(b->text, b->len), "router bgp"))
            continue;
        for (const struct cfg_node *o = b->child; o; o = o->next)
            if (sv_starts_with_word(sv_make(o->text, o->len), "rpki origin-validation"))
                for (const struct cfg_node *e = o->child; e; e = e->next)
                    if (sv_starts_with_word(sv_make(e->text, e->len), "ebgp local"))
                        return true;
    }
    return false;
}

/* The first policy name of an import setting ("A", "[ A B ]", "A B"), and
 * whether more follow. */
static struct sv first_policy(const char *s, bool *more)
{
    struct sv all = sv_from_cstr(s), first = {0};
    size_t names = 0;
    for (size_t i = 0, nt = sv_token_count(all); i < nt; i++) {
        struct sv tok = sv_unquote(sv_token(all, i));
        if (tok.n == 0 || sv_eq_cstr(tok, "[") || sv_eq_cstr(tok, "]"))
            continue;
        if (!names++)
            first = tok;
    }
    *more = names > 1;
    return first;
}

static struct rov_result judge_session(struct rov_ctx *c, const struct bgp_neighbor *nb)
{
    enum dialect d = c->m->dialect;
    if (!nb->in_policy) {
        if (d == DIALECT_CISCO_IOSXR) /* RFC 8212: nothing accepted */
            return (struct rov_result){ROV_REJECTS, nb->node, NULL};
        if (d == DIALECT_NOKIA_SROS)
            return (struct rov_result){ROV_OPEN, nb->node,
                                       "no import policy: SR OS 16.0 and later reject every "
                                       "route, earlier releases accept every route"};
        return (struct rov_result){ROV_IGNORES, nb->node, NULL};
    }
    bool more = false;
    struct sv name = first_policy(nb->in_policy, &more);
    struct rov_result r;
    switch (d) {
    case DIALECT_CISCO_IOSXR:
        r = judge_rpl(c->t, name);
        break;
    case DIALECT_JUNIPER_JUNOS:
    case DIALECT_NOKIA_SROS:
        r = judge_terms(c->pt, name);
        break;
    default:
        r = judge_entries(d, c->t, name);
        break;
    }
    if (r.v == ROV_IGNORES && more)
        r = (struct rov_result){ROV_OPEN, r.node,
                                "a later policy of the import chain may test the validation "
                                "state"};
    if (r.v == ROV_REJECTS && d == DIALECT_ARISTA_EOS && !eos_validates_ebgp(c->t))
        r = (struct rov_result){ROV_OPEN, r.node,
                                "no 'rpki origin-validation' with 'ebgp local' under router bgp, "
                                "so eBGP routes may never be marked invalid"};
    if (r.v == ROV_REJECTS && d == DIALECT_NOKIA_SROS && !c->pt->origin_validation)
        r = (struct rov_result){ROV_OPEN, r.node,
                                "no BGP group or neighbour sets enable-origin-validation, so "
                                "routes may never be marked invalid"};
    if (!r.node)
        r.node = nb->in_policy_node ? nb->in_policy_node : nb->node;
    return r;
}

static bool rov_dialect(enum dialect d)
{
    switch (d) {
    case DIALECT_CISCO_IOS:
    case DIALECT_CISCO_NXOS:
    case DIALECT_CISCO_IOSXR:
    case DIALECT_ARISTA_EOS:
    case DIALECT_JUNIPER_JUNOS:
    case DIALECT_NOKIA_SROS:
    case DIALECT_HUAWEI_VRP:
        return true;
    default:
        return false;
    }
}

static void settle(struct device_model *m, const struct bgp_neighbor *nb, struct rov_result r,
                   bool *open)
{
    struct fact_bool *f = &m->rtg.rov_reject;
    if (r.v == ROV_IGNORES && f->state != FACT_OFF) {
        f->ev.n = 0; /* the evidence is the offending session's */
        fact_set(f, FACT_OFF, r.node);
        f->why = nb->in_policy ? "an import policy never tests the RPKI validation state, so "
                                 "invalid routes are accepted like any other"
                               : "an eBGP session without an import policy accepts every "
                                 "route, RPKI-invalid ones included";
    } else if (r.v == ROV_IGNORES) {
        fact_lines_add(&f->ev, r.node);
    } else if (r.v == ROV_OPEN && !*open) {
        *open = true;
        if (f->state == FACT_UNKNOWN)
            f->why = r.why;
        fact_lines_add(&f->ev, r.node);
    } else if (r.v == ROV_REJECTS && f->state == FACT_UNKNOWN) {
        fact_lines_add(&f->ev, r.node);
    }
}

void model_extract_rov(const struct cfg_tree *t, struct device_model *m,
                       const struct policy_terms *pt)
{
    if (!rov_dialect(m->dialect) || !m->bgp.nneighbors)
        return;
    struct rov_ctx c = {.t = t, .m = m, .pt = pt};
    bool open = false;
    size_t judged = 0;
    for (size_t i = 0; i < m->bgp.nneighbors; i++) {
        const struct bgp_neighbor *nb = &m->bgp.neighbors[i];
        if (!nb->ebgp || nb->shutdown)
            continue;
        judged++;
        settle(m, nb, judge_session(&c, nb), &open);
    }
    struct fact_bool *f = &m->rtg.rov_reject;
    if (!judged || f->state == FACT_OFF)
        return;
    if (open)
        fact_unknown(f, f->why);
    else
        f->state = FACT_ON;
}
