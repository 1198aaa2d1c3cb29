/*
 * extract_vrp_cpp.c - the VRP receive filter (checks.md CPP-RECEIVE-FILTER:
 * "VRP cpu-defend policy black/white lists"), read from the applied
 * cpu-defend policy into cpp.receive_filter.
 *
 * A walk of its own over the top-level views after the main extractor (the
 * ACLs are read by then). Huawei documents for the switches' "blacklist ID
 * acl N" that "the device discards packets from users in the blacklist"
 * (https://support.huawei.com/enterprise/en/doc/EDOC1100075347/1c7495ba/configuring-a-blacklist,
 * http://a10.tagan.ru/huawei/dc/blacklist.html); packets that match no list
 * reach the CPU under the default rate limits. The NetEngine form "blacklist
 * acl N" only lowers the bandwidth of what it matches, and TCP SYN defence
 * takes precedence over it
 * (http://a10.tagan.ru/huawei/netengine8000f1a/command/8090/blacklist_acl.html),
 * so it is not judged. The policy guards the device when a blacklist rule
 * matches every packet and every whitelist and user-defined flow rule and
 * blacklist exemption (a deny rule before the catch-all) names its source
 * or admits only ICMP and routing protocols: whatever order the product line matches the lists in,
 * nothing else reaches the CPU. A rule naming no source leaves it open to
 * doubt, as does "process-sequence" (which reorders the lists). Every
 * binding is judged (the device-wide one and each slot view's) and the
 * weakest decides; a policy bound in slot views only leaves the other
 * boards to the built-in policy, so neither the receive filter nor
 * control-plane protection (CPP-COPP) can be told.
 */
#include "model/extract.h"

#include <string.h>

static bool live(const struct cfg_node *n)
{
    return !(n->flags & CFG_INACTIVE);
}

/* What the policy's lists leave open, gathered over its statements. */
struct vrp_recv {
    const struct cfg_node *catch_all; /* a blacklist rule discarding everything */
    const struct cfg_node *doubt;     /* why the lists cannot be judged */
    const char *doubt_why;
    unsigned open;
    struct fact_lines open_ev;
};

static void recv_doubt(struct vrp_recv *v, const struct cfg_node *n, const char *why)
{
    if (!v->doubt) {
        v->doubt = n;
        v->doubt_why = why;
    }
}

/* A rule that admits packets past the lists: from any source and not
 * limited to ICMP or a routing protocol is open; an unresolved source is
 * doubt. */
static void recv_admit(struct vrp_recv *v, const struct acl_entry *e)
{
    if (e->unresolved || (!e->src_any && !e->src.af)) {
        recv_doubt(v, e->node, "a list rule's source is not resolved");
    } else if (e->src_any && !e->icmp_or_routing) {
        v->open++;
        fact_lines_add(&v->open_ev, e->node);
    }
}

/* "match-order auto" sorts an ACL's rules by depth, not as written. */
static bool auto_order(const struct acl *a)
{
    struct sv t = a->node ? cfg_text(a->node) : sv_make("", 0);
    for (size_t i = 0, n = sv_token_count(t); i + 1 < n; i++)
        if (sv_eq_cstr(sv_token(t, i), "match-order") && sv_eq_cstr(sv_token(t, i + 1), "auto"))
            return true;
    return false;
}

/* The rule matches every packet of its family: from and to any address,
 * narrowed by nothing (an IPv6 rule may name "ipv6" as its protocol). */
static bool every_packet(const struct acl_entry *e)
{
    if (!e->src_any || !e->dst_any)
        return false;
    if (e->matches_all)
        return true;
    struct sv t = e->node ? cfg_text(e->node) : sv_make("", 0);
    size_t k = 0, n = sv_token_count(t);
    while (k < n && !sv_eq_cstr(sv_token(t, k), "permit") && !sv_eq_cstr(sv_token(t, k), "deny"))
        k++;
    if (k + 1 >= n || !sv_eq_cstr(sv_token(t, k + 1), "ipv6"))
        return false;
    for (k += 2; k < n; k++)
        if (!sv_eq_cstr(sv_token(t, k), "logging") && !sv_eq_cstr(sv_token(t, k), "counting"))
            return false;
    return true;
}

/* A blacklist ACL: its permit rules discard, its deny rules exempt (the
 * packet is not blacklisted). The first permit of everything is the catch-all;
 * the exemptions that come before it (all of them in auto order) are judged. */
static void recv_blacklist(struct vrp_recv *v, const struct acl *a)
{
    bool any_order = auto_order(a);
    const struct cfg_node *all = NULL;
    for (size_t i = 0; i < a->n; i++) {
        const struct acl_entry *e = &a->entries[i];
        if (!e->permit && (!all || any_order))
            recv_admit(v, e);
        else if (e->permit && !all && every_packet(e))
            all = e->node;
    }
    if (all && !v->catch_all)
        v->catch_all = all;
}

/* A whitelist or user-defined flow ACL: every rule is judged, permit or
 * deny (for some lists Huawei counts a match of either as listed). */
static void recv_whitelist(struct vrp_recv *v, const struct acl *a)
{
    for (size_t i = 0; i < a->n; i++)
        recv_admit(v, &a->entries[i]);
}

/* The ACL of family af named at token i of a list statement, or doubt. */
static const struct acl *list_acl(const struct device_model *m, struct arena *ar,
                                  struct vrp_recv *v, const struct cfg_node *c, size_t i, int af)
{
    if (model_tok_is(c, i, "name"))
        i++;
    const char *name = model_strdup(ar, model_tok(c, i));
    const struct acl *a = model_find_acl_af(m, name, af);
    if (!a)
        recv_doubt(v, c, "a list's ACL is not defined in this file");
    return a;
}

/* A policy's lists by family: VRP matches an IPv4 ACL against IPv4
 * packets only and an IPv6 one ("acl ipv6") against IPv6 packets only. */
struct vrp_lists {
    struct vrp_recv v4, v6;
};

/* "blacklist|whitelist|user-defined-flow N acl [ipv6] [name] A": the list's
 * ACL into its family's tally. */
static void recv_list(const struct device_model *m, struct arena *ar, struct vrp_lists *l,
                      const struct cfg_node *c)
{
    bool v6 = model_tok_is(c, 3, "ipv6");
    struct vrp_recv *v = v6 ? &l->v6 : &l->v4;
    const struct acl *a = list_acl(m, ar, v, c, v6 ? 4 : 3, v6 ? 6 : 4);
    if (a && model_tok_is(c, 0, "blacklist"))
        recv_blacklist(v, a);
    else if (a)
        recv_whitelist(v, a);
}

/* One statement of the applied policy. */
static void recv_stmt(const struct device_model *m, struct arena *ar, struct vrp_lists *l,
                      const struct cfg_node *c)
{
    const struct acl *a;
    if (sv_starts_with_word(cfg_text(c), "process-sequence")) {
        recv_doubt(&l->v4, c, "process-sequence changes the order in which the lists match");
    } else if (model_tok_is(c, 0, "blacklist") && model_tok_is(c, 1, "acl")) {
        recv_doubt(&l->v4, c,
                   "the blacklist is bound without a list number (the NetEngine form), "
                   "where blacklisted packets are rate-limited rather than documented as "
                   "discarded");
    } else if ((model_tok_is(c, 0, "blacklist") || model_tok_is(c, 0, "whitelist") ||
                model_tok_is(c, 0, "user-defined-flow")) &&
               model_tok_is(c, 2, "acl")) {
        recv_list(m, ar, l, c);
    } else if (model_tok_is(c, 0, "whitelist") && model_tok_is(c, 1, "acl")) {
        if ((a = list_acl(m, ar, &l->v4, c, 2, 4)))
            recv_whitelist(&l->v4, a);
    }
}

static const struct cfg_node *policy_def(const struct cfg_tree *t, struct sv name)
{
    for (const struct cfg_node *n = t->first; n; n = n->next)
        if (live(n) && model_tok_is(n, 0, "cpu-defend") && model_tok_is(n, 1, "policy") &&
            sv_eq(model_tok(n, 2), name))
            return n;
    return NULL;
}

/* The receive-filter fact f of one binding from what its policy's lists
 * leave open. */
static void recv_settle(struct arena *a, struct fact_bool *f, const struct vrp_recv *v,
                        const struct cfg_node *applied)
{
    struct sv name = model_tok(applied, 1);
    if (v->doubt) {
        fact_unknown(f, v->doubt_why);
        fact_lines_add(&f->ev, v->doubt);
    } else if (!v->catch_all) {
        fact_set(f, FACT_OFF, applied);
        f->why = arena_printf(a,
                              "the applied cpu-defend policy %.*s has no blacklist rule "
                              "discarding every packet: what no list names reaches the CPU",
                              (int)name.n, name.p);
    } else if (v->open) {
        /* whether whitelisted or exempted packets bypass the catch-all
         * depends on the list order and the product line */
        fact_unknown(f, "a whitelist or a blacklist exemption names no source: whether it lets "
                        "any source past the discarding blacklist depends on the order the "
                        "product line matches the lists in (display cpu-defend policy)");
        f->ev = v->open_ev;
    } else {
        fact_set(f, FACT_ON, applied);
        fact_lines_add(&f->ev, v->catch_all);
    }
}

/* Some interface takes IPv6 ("ipv6 enable", "ipv6 address"). */
static bool has_ipv6(const struct device_model *m)
{
    for (size_t i = 0; i < m->ninterfaces; i++)
        for (const struct cfg_node *c = m->interfaces[i].node ? m->interfaces[i].node->child : NULL;
             c; c = c->next)
            if (live(c) && model_tok_is(c, 0, "ipv6") &&
                (model_tok_is(c, 1, "enable") || model_tok_is(c, 1, "address")))
                return true;
    return false;
}

/* A device with IPv6 whose IPv4 lists guard it (f on): the IPv6 lists must
 * discard every IPv6 packet too, else IPv6 traffic to the CPU is not
 * judged. */
static void recv_settle_v6(struct arena *a, struct fact_bool *f, const struct vrp_recv *v6,
                           const struct cfg_node *applied)
{
    struct fact_bool g = {.state = FACT_UNKNOWN};
    recv_settle(a, &g, v6, applied);
    if (g.state == FACT_ON) {
        fact_lines_add(&f->ev, v6->catch_all);
        return;
    }
    struct sv name = model_tok(applied, 1);
    if (g.state == FACT_OFF)
        fact_unknown(f, arena_printf(a,
                                     "the device takes IPv6, but the applied cpu-defend policy "
                                     "%.*s has no IPv6 blacklist ('blacklist N acl ipv6 M') "
                                     "discarding every IPv6 packet, and its IPv4 lists do not "
                                     "match IPv6: what reaches the CPU over IPv6 is not judged",
                                     (int)name.n, name.p));
    else
        fact_unknown(f, arena_printf(a, "IPv6 lists: %s", g.why));
    f->ev = g.ev;
}

/* One binding ("cpu-defend-policy NAME [global]") judged into f. */
static void recv_binding(struct arena *a, const struct device_model *m, const struct cfg_tree *t,
                         const struct cfg_node *applied, struct fact_bool *f)
{
    const struct cfg_node *def = policy_def(t, model_tok(applied, 1));
    if (!def) {
        fact_unknown(f, "the applied cpu-defend policy is not defined in this file");
        fact_lines_add(&f->ev, applied);
        return;
    }
    struct vrp_lists l = {.v4 = {.open = 0}};
    for (const struct cfg_node *c = def->child; c; c = c->next)
        if (live(c))
            recv_stmt(m, a, &l, c);
    recv_settle(a, f, &l.v4, applied);
    if (f->state == FACT_ON && has_ipv6(m))
        recv_settle_v6(a, f, &l.v6, applied);
}

/* How well a judged binding guards the device: off, unknown, on. */
static int strength(const struct fact_bool *f)
{
    return f->state == FACT_OFF ? 0 : f->state == FACT_ON ? 2 : 1;
}

/* The weakest binding so far and whether one is device-wide. */
struct recv_pick {
    struct fact_bool f;
    const struct cfg_node *at;
    bool device_wide;
};

static void recv_pick(struct arena *a, const struct device_model *m, const struct cfg_tree *t,
                      const struct cfg_node *applied, struct recv_pick *p)
{
    struct fact_bool f = {.state = FACT_UNKNOWN};
    recv_binding(a, m, t, applied, &f);
    if (!p->at || strength(&f) < strength(&p->f)) {
        p->f = f;
        p->at = applied;
    }
}

/* Bound in slot views only: the boards of the other slots keep the
 * built-in policy, whose lists differ by product line. */
static const char *const slot_only_why =
    "the cpu-defend policy is applied in slot views only: the boards of the other slots keep "
    "the built-in default policy, which differs by product line (display cpu-defend policy)";

/*
 * Every policy bound to the device is judged: "cpu-defend-policy NAME
 * [global]" at the top, and one in each "slot N" view; the weakest decides,
 * as traffic reaching that board meets only its policy.
 */
void model_vrp_receive_filter(struct arena *a, struct device_model *m, const struct cfg_tree *t)
{
    struct recv_pick p = {.at = NULL};
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (live(n) && model_tok_is(n, 0, "cpu-defend-policy")) {
            recv_pick(a, m, t, n, &p);
            p.device_wide = true;
        }
        for (const struct cfg_node *c = live(n) && model_tok_is(n, 0, "slot") ? n->child : NULL; c;
             c = c->next)
            if (live(c) && model_tok_is(c, 0, "cpu-defend-policy"))
                recv_pick(a, m, t, c, &p);
    }
    if (!p.at)
        return; /* the check judges the management-plane ACLs */
    struct sv name = model_tok(p.at, 1);
    struct cpp_facts *cp = &m->cpp;
    cp->receive_filter_name = arena_printf(a, "cpu-defend policy %.*s", (int)name.n, name.p);
    if (!p.device_wide) {
        fact_unknown(&m->copp, slot_only_why);
        m->copp.ev.n = 0;
        fact_lines_add(&m->copp.ev, p.at);
    } else if (m->copp.state != FACT_ON) {
        fact_set(&m->copp, FACT_ON, p.at);
    }
    if (!p.device_wide && p.f.state == FACT_ON)
        fact_unknown(&p.f, slot_only_why);
    cp->receive_filter = p.f;
}
