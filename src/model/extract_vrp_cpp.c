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

/* The ACL of family af named at token i of a list statement, or doubt. */
static const struct acl *list_acl(const struct device_model *m, struct arena *ar,
                                  struct vrp_recv *v, const struct cfg_node *c, size_t i, int af)
{
    if (vis(c, i, "name"))
        i++;
    const char *name = model_strdup(ar, vtok(c, i));
    const struct acl *a = model_find_acl_af(m, name, af);
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
        if ((a = list_acl(m, ar, v, c, 3, 4)))
            recv_blacklist(v, a);
    } else if ((vis(c, 0, "whitelist") || vis(c, 0, "user-defined-flow")) && vis(c, 2, "acl") &&
               !vis(c, 3, "ipv6")) {
        if ((a = list_acl(m, ar, v, c, 3, 4)))
            recv_whitelist(v, a);
    } else if (vis(c, 0, "whitelist") && vis(c, 1, "acl")) {
        if ((a = list_acl(m, ar, v, c, 2, 4)))
            recv_whitelist(v, a);
    }
}

static const struct cfg_node *policy_def(const struct cfg_tree *t, struct sv name)
{
    for (const struct cfg_node *n = t->first; n; n = n->next)
        if (live(n) && vis(n, 0, "cpu-defend") && vis(n, 1, "policy") && sv_eq(vtok(n, 2), name))
            return n;
    return NULL;
}

/* The receive-filter fact f of one binding from what its policy's lists
 * leave open. */
static void recv_settle(struct arena *a, struct fact_bool *f, const struct vrp_recv *v,
                        const struct cfg_node *applied)
{
    struct sv name = vtok(applied, 1);
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

/* One binding ("cpu-defend-policy NAME [global]") judged into f. */
static void recv_binding(struct arena *a, const struct device_model *m, const struct cfg_tree *t,
                         const struct cfg_node *applied, struct fact_bool *f)
{
    const struct cfg_node *def = policy_def(t, vtok(applied, 1));
    if (!def) {
        fact_unknown(f, "the applied cpu-defend policy is not defined in this file");
        fact_lines_add(&f->ev, applied);
        return;
    }
    struct vrp_recv v = {0};
    for (const struct cfg_node *c = def->child; c; c = c->next)
        if (live(c))
            recv_stmt(m, a, &v, c);
    recv_settle(a, f, &v, applied);
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
        if (live(n) && vis(n, 0, "cpu-defend-policy")) {
            recv_pick(a, m, t, n, &p);
            p.device_wide = true;
        }
        for (const struct cfg_node *c = live(n) && vis(n, 0, "slot") ? n->child : NULL; c;
             c = c->next)
            if (live(c) && vis(c, 0, "cpu-defend-policy"))
                recv_pick(a, m, t, c, &p);
    }
    if (!p.at)
        return; /* the check judges the management-plane ACLs */
    struct sv name = vtok(p.at, 1);
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
