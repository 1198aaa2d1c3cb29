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
 * doubt, as does "process-sequence" (which reorders the lists). A policy
 * applied in a slot view also counts as control-plane protection (CPP-COPP).
 */
#include "model/extract.h"

#include <string.h>

static struct sv vtok(const struct cfg_node *n, size_t i)
{
    struct sv t = sv_token(cfg_text(n), i);
    return t.p ? t : sv_make("", 0);
}

static bool vis(const struct cfg_node *n, size_t i, const char *w)
{
    return sv_eq_cstr(vtok(n, i), w);
}

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
        else if (e->permit && !all && e->matches_all && e->src_any && e->dst_any)
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

/* The ACL named at token i of a list statement, or doubt. */
static const struct acl *list_acl(const struct device_model *m, struct arena *ar,
                                  struct vrp_recv *v, const struct cfg_node *c, size_t i)
{
    if (vis(c, i, "name"))
        i++;
    const char *name = model_strdup(ar, vtok(c, i));
    const struct acl *a = model_find_acl(m, name);
    if (!a)
        recv_doubt(v, c, "a list's ACL is not defined in this file");
    return a;
}

/* One statement of the applied policy. */
static void recv_stmt(const struct device_model *m, struct arena *ar, struct vrp_recv *v,
                      const struct cfg_node *c)
{
    const struct acl *a;
    if (sv_starts_with_word(cfg_text(c), "process-sequence")) {
        recv_doubt(v, c, "process-sequence changes the order in which the lists match");
    } else if (vis(c, 0, "blacklist") && vis(c, 1, "acl")) {
        recv_doubt(v, c,
                   "the blacklist is bound without a list number (the NetEngine form), "
                   "where blacklisted packets are rate-limited rather than documented as "
                   "discarded");
    } else if (vis(c, 0, "blacklist") && vis(c, 2, "acl") && !vis(c, 3, "ipv6")) {
        if ((a = list_acl(m, ar, v, c, 3)))
            recv_blacklist(v, a);
    } else if ((vis(c, 0, "whitelist") || vis(c, 0, "user-defined-flow")) && vis(c, 2, "acl") &&
               !vis(c, 3, "ipv6")) {
        if ((a = list_acl(m, ar, v, c, 3)))
            recv_whitelist(v, a);
    } else if (vis(c, 0, "whitelist") && vis(c, 1, "acl")) {
        if ((a = list_acl(m, ar, v, c, 2)))
            recv_whitelist(v, a);
    }
}

/* The policy applied to the device: "cpu-defend-policy NAME [global]" at
 * the top, or in a "slot N" view. */
static const struct cfg_node *applied_policy(const struct cfg_tree *t)
{
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (!live(n))
            continue;
        if (vis(n, 0, "cpu-defend-policy"))
            return n;
        if (!vis(n, 0, "slot"))
            continue;
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (live(c) && vis(c, 0, "cpu-defend-policy"))
                return c;
    }
    return NULL;
}

static const struct cfg_node *policy_def(const struct cfg_tree *t, struct sv name)
{
    for (const struct cfg_node *n = t->first; n; n = n->next)
        if (live(n) && vis(n, 0, "cpu-defend") && vis(n, 1, "policy") && sv_eq(vtok(n, 2), name))
            return n;
    return NULL;
}

/* The receive-filter fact from what the lists leave open. */
static void recv_settle(struct cpp_facts *cp, const struct vrp_recv *v,
                        const struct cfg_node *applied)
{
    if (v->doubt) {
        fact_unknown(&cp->receive_filter, v->doubt_why);
        fact_lines_add(&cp->receive_filter.ev, v->doubt);
    } else if (!v->catch_all) {
        fact_set(&cp->receive_filter, FACT_OFF, applied);
        cp->receive_filter.why = "the applied cpu-defend policy has no blacklist rule discarding "
                                 "every packet: what no list names reaches the CPU";
    } else if (v->open) {
        /* whether whitelisted or exempted packets bypass the catch-all
         * depends on the list order and the product line */
        fact_unknown(&cp->receive_filter,
                     "a whitelist or a blacklist exemption names no source: whether it lets "
                     "any source past the discarding blacklist depends on the order the "
                     "product line matches the lists in (display cpu-defend policy)");
        cp->receive_filter.ev = v->open_ev;
    } else {
        fact_set(&cp->receive_filter, FACT_ON, applied);
        fact_lines_add(&cp->receive_filter.ev, v->catch_all);
    }
}

void model_vrp_receive_filter(struct arena *a, struct device_model *m, const struct cfg_tree *t)
{
    struct cpp_facts *cp = &m->cpp;
    const struct cfg_node *applied = applied_policy(t);
    if (!applied)
        return;                   /* the check judges the management-plane ACLs */
    if (m->copp.state != FACT_ON) /* applied in a slot view, which the main pass does not read */
        fact_set(&m->copp, FACT_ON, applied);
    struct sv name = vtok(applied, 1);
    cp->receive_filter_name = arena_printf(a, "cpu-defend policy %.*s", (int)name.n, name.p);
    const struct cfg_node *def = policy_def(t, name);
    if (!def) {
        fact_unknown(&cp->receive_filter, "the applied cpu-defend policy is not defined in this "
                                          "file");
        fact_lines_add(&cp->receive_filter.ev, applied);
        return;
    }
    struct vrp_recv v = {0};
    for (const struct cfg_node *c = def->child; c; c = c->next)
        if (live(c))
            recv_stmt(m, a, &v, c);
    recv_settle(cp, &v, applied);
}
