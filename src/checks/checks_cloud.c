/*
 * checks_cloud.c - public cloud network security (CLOUD-*), and what the
 * router checks whose meaning carries over to a cloud export answer there.
 *
 * Everything reads the cloud part of the model (struct cloud_facts): groups
 * (AWS security groups and network ACLs, Azure NSGs, Google Cloud firewall
 * rules) with their rules and peers, and the networks whose flow logs are
 * known. A rule set is evaluated the way its provider does: lowest priority
 * first, a deny before an allow at the same priority, security groups as an
 * unordered set of allows. AWS network ACLs are stateless subnet filters
 * whose allow-all default leaves filtering to security groups, so only their
 * entries that name a port count as opening it.
 */
#include "checks/checks_int.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------- rule sets */

#define PROTO_TCP 6
#define PROTO_UDP 17

/* A port the management plane listens on. */
struct mgmt_port {
    int proto;
    long port;
    const char *what;
};

static const struct mgmt_port fixed_mgmt_ports[] = {
    {PROTO_TCP, 22, "SSH"},      {PROTO_TCP, 3389, "RDP"}, {PROTO_TCP, 23, "telnet"},
    {PROTO_TCP, 830, "NETCONF"}, {PROTO_UDP, 161, "SNMP"}, {PROTO_TCP, 5985, "WinRM"},
    {PROTO_TCP, 5986, "WinRM"},
};

/* The management ports: the fixed list and approved.mgmt_ports (TCP). */
static size_t mgmt_ports(const struct check_ctx *ctx, struct mgmt_port **out)
{
    const struct profile *pr = ctx->profile;
    size_t n = ARRAY_SIZE(fixed_mgmt_ports) + pr->nmgmt_ports, k = 0;
    struct mgmt_port *v = arena_alloc(ctx->arena, n * sizeof(*v));
    for (size_t i = 0; i < ARRAY_SIZE(fixed_mgmt_ports); i++)
        v[k++] = fixed_mgmt_ports[i];
    for (size_t i = 0; i < pr->nmgmt_ports; i++) {
        bool dup = false;
        for (size_t j = 0; j < k; j++)
            dup |= v[j].proto == PROTO_TCP && v[j].port == pr->mgmt_ports[i];
        if (!dup)
            v[k++] = (struct mgmt_port){PROTO_TCP, pr->mgmt_ports[i], "approved.mgmt_ports"};
    }
    *out = v;
    return k;
}

static const char *proto_name(int proto)
{
    switch (proto) {
    case CLOUD_PROTO_ALL:
        return "all";
    case PROTO_TCP:
        return "tcp";
    case PROTO_UDP:
        return "udp";
    case 1:
        return "icmp";
    default:
        return "ip";
    }
}

static bool all_ports(const struct cloud_rule *r)
{
    return r->port_lo == 0 && r->port_hi == 65535;
}

/* Does the rule let (proto, port) through? proto CLOUD_PROTO_ALL asks for
 * a rule covering every protocol; port < 0 for any port. */
static bool rule_reaches(const struct cloud_rule *r, int proto, long port)
{
    if (r->disabled)
        return false;
    if (proto == CLOUD_PROTO_ALL)
        return r->proto == CLOUD_PROTO_ALL;
    if (r->proto != CLOUD_PROTO_ALL && r->proto != proto)
        return false;
    if (r->proto == CLOUD_PROTO_ALL || port < 0)
        return true;
    return port >= r->port_lo && port <= r->port_hi;
}

/* Does the rule name the port: reach it with a protocol and a port range
 * narrower than everything (an allow-all rule is about segmentation)? */
static bool rule_names(const struct cloud_rule *r, int proto, long port)
{
    return rule_reaches(r, proto, port) && r->proto != CLOUD_PROTO_ALL && !all_ports(r);
}

static const struct cloud_peer *any_peer(const struct cloud_rule *r)
{
    for (size_t i = 0; i < r->npeers; i++)
        if (r->peers[i].any)
            return &r->peers[i];
    return NULL;
}

/* Evaluation order: lowest priority first, a deny first at equal priority. */
static int rule_order(const void *a, const void *b)
{
    const struct cloud_rule *x = *(const struct cloud_rule *const *)a;
    const struct cloud_rule *y = *(const struct cloud_rule *const *)b;
    if (x->priority != y->priority)
        return x->priority < y->priority ? -1 : 1;
    if (x->allow != y->allow)
        return x->allow ? 1 : -1;
    return x < y ? -1 : x > y;
}

/*
 * The rules evaluated together: a group's own rules, or for Google Cloud
 * every firewall rule of the group's network (their priorities compete).
 */
struct rule_set {
    const struct cloud_rule **v;
    size_t n;
};

static bool same_str(const char *a, const char *b)
{
    return a && b && !strcmp(a, b);
}

/* Google Cloud firewall rules of one network compete with each other. */
static bool in_scope_group(const struct cloud_group *g, const struct cloud_group *other)
{
    return g->kind == CLOUD_FIREWALL && other->kind == CLOUD_FIREWALL &&
           same_str(g->provider, other->provider) && same_str(g->network, other->network);
}

/* Google Cloud firewall rules of one network above which the rule sets are
 * not evaluated (projects hold hundreds; a hostile export could hold a
 * hundred thousand, and every rule is compared with the others). */
#define CLOUD_MAX_NETWORK_RULES 10000

/*
 * Every group's own rules, grouped by group, and the Google Cloud firewall
 * groups grouped by network with their combined rule set built once per
 * network. Built once per evaluation.
 */
struct rule_index {
    size_t *start; /* group g's rules are v[start[g]] .. v[start[g + 1] - 1] */
    const struct cloud_rule **v;
    size_t *order;           /* firewall groups sorted by network */
    size_t *run;             /* group -> index in order of its network's first group */
    struct rule_set *shared; /* per run start: the network's rules, built on demand */
    size_t nfw;              /* firewall groups in order */
    bool too_big;            /* a network holds more than CLOUD_MAX_NETWORK_RULES */
};

/* A firewall group's sort key: its network, provider and position. */
struct net_key {
    const char *network, *provider;
    size_t group;
};

static int by_network(const void *a, const void *b)
{
    const struct net_key *x = a, *y = b;
    int c = strcmp(x->network ? x->network : "", y->network ? y->network : "");
    if (!c)
        c = strcmp(x->provider ? x->provider : "", y->provider ? y->provider : "");
    return c ? c : (x->group > y->group) - (x->group < y->group);
}

/* Firewall groups sorted by network; run[g] is where g's network starts. */
static void index_networks(const struct check_ctx *ctx, struct rule_index *ix)
{
    const struct cloud_facts *cf = &ctx->model->cloud;
    size_t n = 0;
    ix->order = arena_alloc(ctx->arena, (cf->ngroups + 1) * sizeof(*ix->order));
    ix->run = arena_alloc(ctx->arena, (cf->ngroups + 1) * sizeof(*ix->run));
    ix->shared = arena_alloc(ctx->arena, (cf->ngroups + 1) * sizeof(*ix->shared));
    struct net_key *keys = arena_alloc(ctx->arena, (cf->ngroups + 1) * sizeof(*keys));
    for (size_t g = 0; g < cf->ngroups; g++)
        if (cf->groups[g].kind == CLOUD_FIREWALL)
            keys[n++] = (struct net_key){cf->groups[g].network, cf->groups[g].provider, g};
    qsort(keys, n, sizeof(*keys), by_network);
    for (size_t i = 0; i < n; i++)
        ix->order[i] = keys[i].group;
    ix->nfw = n;
    size_t first = 0, rules = 0;
    for (size_t i = 0; i < n; i++) {
        const struct cloud_group *g = &cf->groups[ix->order[i]];
        if (i && !in_scope_group(g, &cf->groups[ix->order[i - 1]])) {
            first = i;
            rules = 0;
        }
        ix->run[ix->order[i]] = first;
        rules += ix->start[ix->order[i] + 1] - ix->start[ix->order[i]];
        ix->too_big |= rules > CLOUD_MAX_NETWORK_RULES;
    }
}

static struct rule_index index_rules(const struct check_ctx *ctx)
{
    const struct cloud_facts *cf = &ctx->model->cloud;
    struct rule_index ix = {0};
    ix.start = arena_alloc(ctx->arena, (cf->ngroups + 2) * sizeof(*ix.start));
    ix.v = arena_alloc(ctx->arena, (cf->nrules ? cf->nrules : 1) * sizeof(*ix.v));
    for (size_t i = 0; i < cf->nrules; i++)
        ix.start[cf->rules[i].group + 2]++;
    for (size_t g = 2; g < cf->ngroups + 2; g++)
        ix.start[g] += ix.start[g - 1];
    for (size_t i = 0; i < cf->nrules; i++)
        ix.v[ix.start[cf->rules[i].group + 1]++] = &cf->rules[i];
    index_networks(ctx, &ix);
    return ix;
}

/* The index, or false with an unknown verdict when a network is too big. */
static bool load_index(const struct check_ctx *ctx, struct check_result *r, struct rule_index *ix)
{
    *ix = index_rules(ctx);
    if (!ix->too_big)
        return true;
    check_set(ctx, r, VERDICT_UNKNOWN,
              "a network holds more than %d firewall rules, beyond what tsaudit evaluates",
              CLOUD_MAX_NETWORK_RULES);
    return false;
}

static struct rule_set collect(const struct check_ctx *ctx, const struct rule_index *ix,
                               const size_t *groups, size_t ngroups)
{
    size_t n = 0;
    for (size_t k = 0; k < ngroups; k++)
        n += ix->start[groups[k] + 1] - ix->start[groups[k]];
    struct rule_set s = {.v = arena_alloc(ctx->arena, (n ? n : 1) * sizeof(*s.v))};
    for (size_t k = 0; k < ngroups; k++)
        for (size_t i = ix->start[groups[k]]; i < ix->start[groups[k] + 1]; i++)
            s.v[s.n++] = ix->v[i];
    qsort(s.v, s.n, sizeof(*s.v), rule_order);
    return s;
}

/* The rules evaluated with group g's, in evaluation order: its own, or for
 * a Google Cloud firewall rule every rule of its network (built once). */
static struct rule_set scope_rules(const struct check_ctx *ctx, struct rule_index *ix,
                                   const struct cloud_group *g)
{
    const struct cloud_facts *cf = &ctx->model->cloud;
    size_t self = (size_t)(g - cf->groups);
    if (g->kind != CLOUD_FIREWALL)
        return collect(ctx, ix, &self, 1);
    size_t first = ix->run[self];
    if (!ix->shared[first].v) {
        size_t end = first;
        while (end < ix->nfw && ix->run[ix->order[end]] == first)
            end++;
        ix->shared[first] = collect(ctx, ix, ix->order + first, end - first);
    }
    return ix->shared[first];
}

/* Does a deny in another Google Cloud firewall rule reach every instance
 * the allow's group reaches: it targets all instances, or every target tag
 * of the allow's rule is one of its own? */
static bool deny_applies(const struct cloud_facts *cf, const struct cloud_group *g,
                         const struct cloud_rule *deny)
{
    const struct cloud_group *dg = &cf->groups[deny->group];
    if (dg == g || dg->ntags == 0)
        return true;
    if (g->ntags == 0)
        return false;
    for (size_t i = 0; i < g->ntags; i++) {
        bool found = false;
        for (size_t k = 0; k < dg->ntags && !found; k++)
            found = same_str(g->tags[i], dg->tags[k]);
        if (!found)
            return false;
    }
    return true;
}

/*
 * The rule of group g through which (proto, port) is open to any address in
 * direction ingress, or NULL: the first rule in evaluation order that has
 * an any peer and reaches the port decides.
 */
static const struct cloud_rule *open_to_any(const struct check_ctx *ctx,
                                            const struct cloud_group *g, const struct rule_set *s,
                                            bool ingress, int proto, long port)
{
    const struct cloud_facts *cf = &ctx->model->cloud;
    for (size_t i = 0; i < s->n; i++) {
        const struct cloud_rule *r = s->v[i];
        if (r->ingress != ingress || !rule_reaches(r, proto, port) || !any_peer(r))
            continue;
        if (!r->allow) {
            if (deny_applies(cf, g, r))
                return NULL;
            continue;
        }
        if (&cf->groups[r->group] != g)
            continue; /* another firewall rule's allow is judged on its own */
        if (g->kind == CLOUD_NETWORK_ACL && proto != CLOUD_PROTO_ALL && !rule_names(r, proto, port))
            return NULL;
        return r;
    }
    return NULL;
}

/* "security group sg-1 (web)" for messages. */
static const char *group_label(const struct check_ctx *ctx, const struct cloud_group *g)
{
    const char *id = g->id ? g->id : "?";
    /* Azure resource ids run to a hundred characters: the name says enough. */
    if (g->name && strlen(id) > 48)
        return arena_printf(ctx->arena, "%s %s", cloud_group_kind_name(g->kind), g->name);
    if (g->name && strcmp(g->name, id))
        return arena_printf(ctx->arena, "%s %s (%s)", cloud_group_kind_name(g->kind), id, g->name);
    return arena_printf(ctx->arena, "%s %s", cloud_group_kind_name(g->kind), id);
}

/* "rule 100" or the JSON path of the rule object. */
static const char *rule_label(const struct check_ctx *ctx, const struct cloud_rule *r)
{
    if (r->name)
        return arena_printf(ctx->arena, "rule %s (line %u)", r->name, r->node ? r->node->line : 0);
    if (r->node)
        return arena_printf(ctx->arena, "rule %.*s (line %u)", (int)r->node->len, r->node->text,
                            r->node->line);
    return "a rule";
}

static void ev_rule(const struct check_ctx *ctx, struct check_result *r,
                    const struct cloud_rule *rule, const struct cloud_peer *peer)
{
    /* The peer first: on a one-line export the two share a line, and the
     * peer's path names the rule too. */
    if (peer)
        ev_node(ctx, r, peer->node);
    ev_node(ctx, r, rule->node);
}

static const char *peer_text(const struct check_ctx *ctx, const struct cloud_peer *p)
{
    if (p->addr.af) {
        char b[64];
        ip_prefix_format(&p->addr, b, sizeof(b));
        return arena_strdup(ctx->arena, b);
    }
    return p->ref ? p->ref : "?";
}

/* The device is a cloud export with groups; else a verdict is set. */
static bool need_groups(const struct check_ctx *ctx, struct check_result *r)
{
    const struct cloud_facts *cf = &ctx->model->cloud;
    if (!cf->present) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "not a cloud export");
        return false;
    }
    if (!cf->ngroups && ctx->tree && ctx->tree->partial) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the export could not be read to the end (see the parse errors), and what was "
                  "read holds no groups");
        return false;
    }
    if (!cf->ngroups) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "the export holds no security groups, network ACLs, NSGs or firewall rules");
        return false;
    }
    return true;
}

/* ------------------------------------------------- CLOUD-MGMT-INTERNET */

/* Fail with the reasons gathered (prefix: what they are), or free them and
 * say false so the caller decides between pass and not applicable. */
static bool fail_with_reasons(const struct check_ctx *ctx, struct check_result *r,
                              struct reasons *rs, const char *prefix)
{
    if (!rs->n) {
        reasons_done(ctx, rs);
        return false;
    }
    check_set(ctx, r, VERDICT_FAIL, "%s: %s", prefix, reasons_done(ctx, rs));
    return true;
}

static void eval_mgmt_internet(const struct check_ctx *ctx, struct check_result *r)
{
    if (!need_groups(ctx, r))
        return;
    const struct cloud_facts *cf = &ctx->model->cloud;
    struct rule_index ix;
    if (!load_index(ctx, r, &ix))
        return;
    struct mgmt_port *ports;
    size_t nports = mgmt_ports(ctx, &ports);
    struct reasons rs;
    reasons_init(&rs);
    for (size_t g = 0; g < cf->ngroups; g++) {
        const struct cloud_group *grp = &cf->groups[g];
        struct rule_set s = scope_rules(ctx, &ix, grp);
        for (size_t p = 0; p < nports; p++) {
            const struct cloud_rule *open =
                open_to_any(ctx, grp, &s, true, ports[p].proto, ports[p].port);
            if (!open)
                continue;
            const struct cloud_peer *any = any_peer(open);
            reasons_add(&rs, "%s %s admits %s/%ld (%s) from %s", group_label(ctx, grp),
                        rule_label(ctx, open), proto_name(ports[p].proto), ports[p].port,
                        ports[p].what, peer_text(ctx, any));
            ev_rule(ctx, r, open, any);
        }
    }
    if (fail_with_reasons(ctx, r, &rs, "management ports open to the internet"))
        return;
    check_set(ctx, r, VERDICT_PASS,
              "no management port (22, 3389, 23, 830, 161/udp, 5985-5986%s) is open to "
              "0.0.0.0/0 or ::/0 in the %zu groups",
              ctx->profile->nmgmt_ports ? ", approved.mgmt_ports" : "", cf->ngroups);
}

/* -------------------------------------------------- CLOUD-ALL-INTERNET */

static void eval_all_internet(const struct check_ctx *ctx, struct check_result *r)
{
    if (!need_groups(ctx, r))
        return;
    const struct cloud_facts *cf = &ctx->model->cloud;
    struct rule_index ix;
    if (!load_index(ctx, r, &ix))
        return;
    struct reasons rs;
    reasons_init(&rs);
    size_t judged = 0;
    for (size_t g = 0; g < cf->ngroups; g++) {
        const struct cloud_group *grp = &cf->groups[g];
        if (grp->kind == CLOUD_NETWORK_ACL)
            continue;
        judged++;
        struct rule_set s = scope_rules(ctx, &ix, grp);
        const struct cloud_rule *open = open_to_any(ctx, grp, &s, true, CLOUD_PROTO_ALL, -1);
        if (!open)
            continue;
        const struct cloud_peer *any = any_peer(open);
        reasons_add(&rs, "%s %s admits every protocol and port from %s", group_label(ctx, grp),
                    rule_label(ctx, open), peer_text(ctx, any));
        ev_rule(ctx, r, open, any);
    }
    if (fail_with_reasons(ctx, r, &rs, "all traffic admitted from anywhere"))
        return;
    if (!judged) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "the export holds only network ACLs, whose allow-all default leaves filtering "
                  "to security groups");
        return;
    }
    check_set(ctx, r, VERDICT_PASS,
              "no group admits every protocol and port from 0.0.0.0/0 or ::/0 (%zu groups)",
              judged);
}

/* -------------------------------------------------- CLOUD-DEFAULT-RULES */

static bool default_rules_apply(const struct check_ctx *ctx, struct check_result *r)
{
    const struct cloud_facts *cf = &ctx->model->cloud;
    bool azure_only = true;
    for (size_t g = 0; g < cf->ngroups; g++)
        azure_only &= cf->groups[g].kind == CLOUD_NSG;
    if (azure_only) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "Azure's default NSG rules cannot be removed; user rules of lower priority "
                  "override them (judged by the other cloud checks)");
        return false;
    }
    return true;
}

/* A default group's allow rules: a reason when there are any (evidence added). */
static void judge_default_group(const struct check_ctx *ctx, struct check_result *r,
                                const struct rule_index *ix, size_t g, struct reasons *rs)
{
    const struct cloud_group *grp = &ctx->model->cloud.groups[g];
    size_t nallow = 0;
    const struct cloud_rule *first = NULL;
    for (size_t i = ix->start[g]; i < ix->start[g + 1]; i++) {
        const struct cloud_rule *ru = ix->v[i];
        if (!ru->allow || ru->disabled)
            continue;
        nallow++;
        first = first ? first : ru;
        ev_node(ctx, r, ru->node);
    }
    if (nallow)
        reasons_add(rs, "%s allows traffic (%zu rule%s, first %s)", group_label(ctx, grp), nallow,
                    nallow == 1 ? "" : "s", rule_label(ctx, first));
    else
        ev_node(ctx, r, grp->node);
}

static void eval_default_rules(const struct check_ctx *ctx, struct check_result *r)
{
    if (!need_groups(ctx, r) || !default_rules_apply(ctx, r))
        return;
    const struct cloud_facts *cf = &ctx->model->cloud;
    struct rule_index ix;
    if (!load_index(ctx, r, &ix))
        return;
    struct reasons rs;
    reasons_init(&rs);
    size_t defaults = 0;
    for (size_t g = 0; g < cf->ngroups; g++) {
        const struct cloud_group *grp = &cf->groups[g];
        if (!grp->is_default || grp->kind == CLOUD_NETWORK_ACL || grp->kind == CLOUD_NSG)
            continue;
        defaults++;
        judge_default_group(ctx, r, &ix, g, &rs);
    }
    if (fail_with_reasons(ctx, r, &rs, "default groups or rules allow traffic"))
        return;
    if (!defaults) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "the export lists no default security group or default-allow firewall rule");
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "the %zu default groups allow no traffic", defaults);
}

/* ---------------------------------------------------- CLOUD-FLOW-LOGS */

/* "vpc vpc-1 (prod)"; long ids (Azure, gcloud URLs) give way to the name. */
static const char *network_label(const struct check_ctx *ctx, const struct cloud_network *n)
{
    const char *id = n->id ? n->id : "?";
    if (n->name && strlen(id) > 48)
        return arena_printf(ctx->arena, "%s %s", n->kind, n->name);
    if (n->name)
        return arena_printf(ctx->arena, "%s %s (%s)", n->kind, id, n->name);
    return arena_printf(ctx->arena, "%s %s", n->kind, id);
}

static void eval_flow_logs(const struct check_ctx *ctx, struct check_result *r)
{
    const struct cloud_facts *cf = &ctx->model->cloud;
    if (!cf->present) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "not a cloud export");
        return;
    }
    if (!cf->nnetworks) {
        check_set(ctx, r, cf->has_flow_log_list ? VERDICT_UNKNOWN : VERDICT_NOT_APPLICABLE,
                  "the export names no VPC, VNet, subnet or NSG whose flow logs could be "
                  "judged");
        return;
    }
    struct reasons off, unknown;
    reasons_init(&off);
    reasons_init(&unknown);
    for (size_t i = 0; i < cf->nnetworks; i++) {
        const struct cloud_network *n = &cf->networks[i];
        const char *label = network_label(ctx, n);
        if (n->flow_logs.state == FACT_OFF) {
            reasons_add(&off, "%s: %s", label,
                        n->flow_logs.why ? n->flow_logs.why : "its flow log is disabled");
            check_evidence_fact(ctx, r, &n->flow_logs.ev);
            ev_node(ctx, r, n->node);
        } else if (n->flow_logs.state == FACT_UNKNOWN) {
            reasons_add(&unknown, "%s: %s", label, fact_why(ctx, &n->flow_logs));
        } else {
            check_evidence_fact(ctx, r, &n->flow_logs.ev);
        }
    }
    if (off.n) {
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_FAIL, "%u of %zu networks have no flow logs: %s", off.n,
                  cf->nnetworks, reasons_done(ctx, &off));
    } else if (unknown.n) {
        reasons_done(ctx, &off);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether flow logs are on: %s",
                  reasons_done(ctx, &unknown));
    } else {
        reasons_done(ctx, &off);
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_PASS, "every network (%zu) has an enabled flow log",
                  cf->nnetworks);
    }
}

/* --------------------------------------------------- CLOUD-MGMT-EGRESS */

static bool glob_any(const struct string_set *s, const char *v)
{
    for (size_t i = 0; v && i < s->n; i++)
        if (fnmatch(s->v[i], v, 0) == 0)
            return true;
    return false;
}

/* Is the group marked as management by cloud.management_groups? */
static bool is_mgmt_group(const struct check_ctx *ctx, const struct cloud_group *g)
{
    const struct string_set *s = &ctx->profile->cloud_mgmt_groups;
    if (glob_any(s, g->id) || glob_any(s, g->name))
        return true;
    for (size_t i = 0; i < g->ntags; i++)
        if (glob_any(s, g->tags[i]))
            return true;
    return false;
}

/* Google Cloud allows all egress by an implied rule unless a deny-all egress
 * rule reaches the group's instances. */
static bool implied_egress_open(const struct check_ctx *ctx, const struct cloud_group *grp,
                                const struct rule_set *s)
{
    const struct cloud_facts *cf = &ctx->model->cloud;
    for (size_t i = 0; i < s->n; i++) {
        const struct cloud_rule *d = s->v[i];
        if (!d->ingress && !d->allow && any_peer(d) && rule_reaches(d, CLOUD_PROTO_ALL, -1) &&
            deny_applies(cf, grp, d))
            return false;
    }
    return true;
}

/* One management group's egress: a reason when it is open to everything. */
static void judge_mgmt_egress(const struct check_ctx *ctx, struct check_result *r,
                              struct rule_index *ix, const struct cloud_group *grp,
                              struct reasons *rs)
{
    struct rule_set s = scope_rules(ctx, ix, grp);
    const struct cloud_rule *open = open_to_any(ctx, grp, &s, false, CLOUD_PROTO_ALL, -1);
    if (open) {
        const struct cloud_peer *any = any_peer(open);
        reasons_add(rs, "%s %s allows all egress to %s", group_label(ctx, grp),
                    rule_label(ctx, open), peer_text(ctx, any));
        ev_rule(ctx, r, open, any);
    } else if (grp->kind == CLOUD_FIREWALL && implied_egress_open(ctx, grp, &s)) {
        reasons_add(rs,
                    "%s: %s%s keep the implied allow-all egress rule (no deny-all egress rule "
                    "applies to them)",
                    group_label(ctx, grp), grp->ntags ? "instances tagged " : "all instances",
                    grp->ntags ? grp->tags[0] : "");
        ev_node(ctx, r, grp->node);
    } else {
        ev_node(ctx, r, grp->node);
    }
}

static void eval_mgmt_egress(const struct check_ctx *ctx, struct check_result *r)
{
    if (!need_groups(ctx, r))
        return;
    if (!ctx->profile->cloud_mgmt_groups.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs cloud.management_groups in the profile (the groups that guard "
                  "management hosts)");
        return;
    }
    const struct cloud_facts *cf = &ctx->model->cloud;
    struct rule_index ix;
    if (!load_index(ctx, r, &ix))
        return;
    struct reasons rs;
    reasons_init(&rs);
    size_t marked = 0;
    for (size_t g = 0; g < cf->ngroups; g++) {
        const struct cloud_group *grp = &cf->groups[g];
        if (!is_mgmt_group(ctx, grp) || grp->kind == CLOUD_NETWORK_ACL)
            continue;
        marked++;
        judge_mgmt_egress(ctx, r, &ix, grp, &rs);
    }
    if (fail_with_reasons(ctx, r, &rs, "management groups with unrestricted egress"))
        return;
    if (!marked) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no group in this export matches cloud.management_groups");
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "the %zu management groups restrict egress", marked);
}

/* ----------------------------------------- router checks on cloud exports */

/*
 * The ingress allow rules that open one of the given ports to sources,
 * judged by judge(): every (rule, peer) whose rule names the port, or whose
 * all-traffic rule admits an address (not a reference) outside a network ACL.
 */
struct port_judge {
    const struct check_ctx *ctx;
    struct check_result *r;
    struct reasons bad;
    unsigned unresolved;
    size_t seen;     /* rules that open a port */
    bool named_only; /* only rules that name the port (not all-traffic rules) */
    /* Returns true when the peer is acceptable. */
    bool (*ok)(const struct check_ctx *ctx, const struct cloud_peer *p, const char **why);
};

/* Is port p of rule ru denied from everywhere by a rule evaluated before it? */
static bool shadowed(const struct check_ctx *ctx, const struct rule_set *s,
                     const struct cloud_rule *ru, const struct mgmt_port *p)
{
    const struct cloud_facts *cf = &ctx->model->cloud;
    const struct cloud_group *g = &cf->groups[ru->group];
    for (size_t i = 0; i < s->n && s->v[i] != ru; i++) {
        const struct cloud_rule *d = s->v[i];
        if (!d->allow && d->ingress == ru->ingress && rule_reaches(d, p->proto, p->port) &&
            any_peer(d) && deny_applies(cf, g, d))
            return true;
    }
    return false;
}

/* The peers of a rule opening port p: each not acceptable is a reason. */
static void judge_peers(struct port_judge *j, const struct cloud_rule *ru, bool named,
                        const struct mgmt_port *p)
{
    const struct check_ctx *ctx = j->ctx;
    const struct cloud_group *g = &ctx->model->cloud.groups[ru->group];
    for (size_t k = 0; k < ru->npeers; k++) {
        const struct cloud_peer *peer = &ru->peers[k];
        const char *why = NULL;
        if (!peer->any && !peer->addr.af) {
            if (named) {
                j->unresolved++;
                ev_rule(ctx, j->r, ru, peer);
            }
            continue;
        }
        if (j->ok && j->ok(ctx, peer, &why))
            continue;
        reasons_add(&j->bad, "%s %s admits %s/%ld (%s) from %s%s%s", group_label(ctx, g),
                    rule_label(ctx, ru), proto_name(p->proto), p->port, p->what,
                    peer_text(ctx, peer), why ? ", " : "", why ? why : "");
        ev_rule(ctx, j->r, ru, peer);
    }
}

/* The first of the ports the rule opens (and no earlier deny hides) is judged. */
static void judge_rule_ports(struct port_judge *j, const struct rule_set *s,
                             const struct cloud_rule *ru, const struct mgmt_port *ports,
                             size_t nports)
{
    const struct check_ctx *ctx = j->ctx;
    const struct cloud_group *g = &ctx->model->cloud.groups[ru->group];
    for (size_t p = 0; p < nports; p++) {
        bool named = rule_names(ru, ports[p].proto, ports[p].port);
        bool broad = !named && !j->named_only && g->kind != CLOUD_NETWORK_ACL &&
                     rule_reaches(ru, ports[p].proto, ports[p].port);
        if ((!named && !broad) || shadowed(ctx, s, ru, &ports[p]))
            continue;
        j->seen++;
        judge_peers(j, ru, named, &ports[p]);
        return; /* one finding per rule */
    }
}

/* Every group's ingress allow rules (of management groups only, if asked). */
static bool judge_ports(struct port_judge *j, const struct mgmt_port *ports, size_t nports,
                        bool mgmt_groups_only)
{
    const struct check_ctx *ctx = j->ctx;
    const struct cloud_facts *cf = &ctx->model->cloud;
    struct rule_index ix;
    reasons_init(&j->bad);
    if (!load_index(ctx, j->r, &ix)) {
        reasons_done(ctx, &j->bad);
        return false;
    }
    for (size_t g = 0; g < cf->ngroups; g++) {
        if (mgmt_groups_only && !is_mgmt_group(ctx, &cf->groups[g]))
            continue;
        struct rule_set s = {0};
        bool built = false;
        for (size_t i = ix.start[g]; i < ix.start[g + 1]; i++) {
            const struct cloud_rule *ru = ix.v[i];
            if (!ru->ingress || !ru->allow || ru->disabled || ru->provider_default)
                continue;
            if (!built) {
                s = scope_rules(ctx, &ix, &cf->groups[g]);
                built = true;
            }
            judge_rule_ports(j, &s, ru, ports, nports);
        }
    }
    return true;
}

static bool paw_ok(const struct check_ctx *ctx, const struct cloud_peer *p, const char **why)
{
    const struct profile *pr = ctx->profile;
    if (p->any) {
        *why = "any source";
        return false;
    }
    if (pset_overlaps(&pr->corporate, &p->addr)) {
        *why = "a corporate range";
        return false;
    }
    if (pset_contains(&pr->paw, &p->addr) || pset_contains(&pr->management, &p->addr))
        return true;
    *why = "outside the PAW/management ranges";
    return false;
}

static void cloud_paw_sources(const struct check_ctx *ctx, struct check_result *r)
{
    const struct profile *pr = ctx->profile;
    if (!pr->paw.present && !pr->management.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs networks.paw (or networks.management) in the profile");
        return;
    }
    if (!need_groups(ctx, r))
        return;
    struct mgmt_port *ports;
    size_t nports = mgmt_ports(ctx, &ports);
    struct port_judge j = {.ctx = ctx, .r = r, .ok = paw_ok};
    if (!judge_ports(&j, ports, nports, false))
        return;
    if (j.bad.n) {
        check_set(ctx, r, VERDICT_FAIL,
                  "management ports open beyond the PAW/management ranges: %s",
                  reasons_done(ctx, &j.bad));
        return;
    }
    reasons_done(ctx, &j.bad);
    if (j.unresolved) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%u rules admit management ports from security groups, tags or prefix lists "
                  "whose addresses the export does not list",
                  j.unresolved);
        return;
    }
    check_set(ctx, r, VERDICT_PASS,
              "every rule admitting a management port (%zu) admits only PAW/management ranges",
              j.seen);
}

/* A cleartext protocol's ports: any rule that names one fails. */
static void cloud_cleartext(const struct check_ctx *ctx, struct check_result *r,
                            const struct mgmt_port *ports, size_t nports, bool mgmt_only,
                            const char *what)
{
    if (!need_groups(ctx, r))
        return;
    if (mgmt_only && !ctx->profile->cloud_mgmt_groups.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs cloud.management_groups in the profile to tell management groups "
                  "from web-serving ones");
        return;
    }
    struct port_judge j = {.ctx = ctx, .r = r, .named_only = true};
    if (!judge_ports(&j, ports, nports, mgmt_only))
        return;
    if (j.bad.n) {
        check_set(ctx, r, VERDICT_FAIL, "%s admitted: %s", what, reasons_done(ctx, &j.bad));
        return;
    }
    reasons_done(ctx, &j.bad);
    check_set(ctx, r, VERDICT_PASS, "no rule admits %s", what);
}

static void cloud_telnet(const struct check_ctx *ctx, struct check_result *r)
{
    static const struct mgmt_port p[] = {{PROTO_TCP, 23, "telnet"}};
    cloud_cleartext(ctx, r, p, ARRAY_SIZE(p), false, "telnet (tcp/23)");
}

static void cloud_file_xfer(const struct check_ctx *ctx, struct check_result *r)
{
    static const struct mgmt_port p[] = {{PROTO_TCP, 21, "FTP"}, {PROTO_UDP, 69, "TFTP"}};
    cloud_cleartext(ctx, r, p, ARRAY_SIZE(p), false, "cleartext file transfer (tcp/21, udp/69)");
}

static void cloud_web(const struct check_ctx *ctx, struct check_result *r)
{
    static const struct mgmt_port p[] = {{PROTO_TCP, 80, "HTTP"}, {PROTO_TCP, 8080, "HTTP"}};
    cloud_cleartext(ctx, r, p, ARRAY_SIZE(p), true,
                    "cleartext web management (tcp/80, tcp/8080 into a management group)");
}

static bool snmp_ok(const struct check_ctx *ctx, const struct cloud_peer *p, const char **why)
{
    const struct profile *pr = ctx->profile;
    if (p->any) {
        *why = "any source";
        return false;
    }
    if (pset_contains(&pr->snmp_managers, &p->addr) || pset_contains(&pr->management, &p->addr))
        return true;
    *why = "outside approved.snmp_managers and networks.management";
    return false;
}

static void cloud_snmp(const struct check_ctx *ctx, struct check_result *r)
{
    static const struct mgmt_port p[] = {{PROTO_UDP, 161, "SNMP"}};
    if (!need_groups(ctx, r))
        return;
    if (!ctx->profile->snmp_managers.present && !ctx->profile->management.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs approved.snmp_managers (or networks.management) in the profile");
        return;
    }
    struct port_judge j = {.ctx = ctx, .r = r, .ok = snmp_ok};
    if (!judge_ports(&j, p, ARRAY_SIZE(p), false))
        return;
    if (j.bad.n) {
        check_set(ctx, r, VERDICT_FAIL, "SNMP reachable from outside the approved managers: %s",
                  reasons_done(ctx, &j.bad));
        return;
    }
    reasons_done(ctx, &j.bad);
    if (!j.seen) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no rule admits SNMP (udp/161)");
        return;
    }
    if (j.unresolved) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%u rules admit SNMP from groups or tags whose addresses the export does not "
                  "list",
                  j.unresolved);
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "SNMP (udp/161) is admitted only from approved managers");
}

/* One row per router check whose meaning carries over to a cloud export. */
static const struct {
    const char *id;
    void (*eval)(const struct check_ctx *, struct check_result *);
} cloud_meanings[] = {
    {"MGMT-PAW-SOURCES", cloud_paw_sources},
    {"MGMT-TELNET", cloud_telnet},
    {"MGMT-FILE-XFER", cloud_file_xfer},
    {"MGMT-WEB", cloud_web},
    {"SNMP-ACL", cloud_snmp},
};

/* What to change, per carried-over check and cloud dialect: one row each. */
static const struct {
    const char *id;
    const char *fix[4]; /* aws, azure, gcp, terraform */
} cloud_fixes[] = {
    {"MGMT-PAW-SOURCES",
     {"aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port <port> "
      "--cidr <offending-prefix>\naws ec2 authorize-security-group-ingress --group-id <sg-id> "
      "--protocol tcp --port <port> --cidr <paw-prefix>",
      "az network nsg rule update -g <resource-group> --nsg-name <nsg> -n <rule> "
      "--source-address-prefixes <paw-prefix>",
      "gcloud compute firewall-rules update <rule> --source-ranges=<paw-prefix>",
      "Set the rule's cidr_blocks (source_address_prefix, source_ranges) to the PAW prefixes "
      "only, then terraform apply."}},
    {"MGMT-TELNET",
     {"aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port 23 "
      "--cidr <prefix>",
      "az network nsg rule delete -g <resource-group> --nsg-name <nsg> -n <rule>",
      "gcloud compute firewall-rules delete <rule>  (or update --rules to drop tcp:23)",
      "Remove the ingress block or rule resource for port 23, then terraform apply."}},
    {"MGMT-FILE-XFER",
     {"aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port 21 "
      "--cidr <prefix>  (udp 69 for TFTP)",
      "az network nsg rule delete -g <resource-group> --nsg-name <nsg> -n <rule>",
      "gcloud compute firewall-rules update <rule> --rules=<rules without tcp:21 and udp:69>",
      "Remove the ingress blocks for ports 21 and 69, then terraform apply."}},
    {"MGMT-WEB",
     {"aws ec2 revoke-security-group-ingress --group-id <mgmt-sg-id> --protocol tcp --port 80 "
      "--cidr <prefix>  (serve management over HTTPS from the PAW ranges)",
      "az network nsg rule delete -g <resource-group> --nsg-name <mgmt-nsg> -n <rule>",
      "gcloud compute firewall-rules update <rule> --rules=tcp:443",
      "Replace the port 80/8080 ingress of the management group with 443 from the PAW "
      "prefixes, then terraform apply."}},
    {"SNMP-ACL",
     {"aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol udp --port 161 "
      "--cidr <prefix>\naws ec2 authorize-security-group-ingress --group-id <sg-id> --protocol "
      "udp --port 161 --cidr <snmp-manager-prefix>",
      "az network nsg rule update -g <resource-group> --nsg-name <nsg> -n <rule> "
      "--source-address-prefixes <snmp-manager-prefix>",
      "gcloud compute firewall-rules update <rule> --source-ranges=<snmp-manager-prefix>",
      "Set the udp/161 rule's sources to approved.snmp_managers, then terraform apply."}},
};

const char *checks_cloud_remediation(const struct check_def *c, enum dialect d)
{
    static const enum dialect order[] = {DIALECT_AWS, DIALECT_AZURE, DIALECT_GCP,
                                         DIALECT_TERRAFORM};
    for (size_t i = 0; i < ARRAY_SIZE(cloud_fixes); i++) {
        if (strcmp(c->id, cloud_fixes[i].id))
            continue;
        for (size_t k = 0; k < ARRAY_SIZE(order); k++)
            if (order[k] == d)
                return cloud_fixes[i].fix[k];
    }
    return NULL;
}

bool checks_cloud_eval(const struct check_def *c, const struct check_ctx *ctx,
                       struct check_result *r)
{
    if (!ctx->model || !ctx->model->cloud.present)
        return false;
    for (size_t i = 0; i < ARRAY_SIZE(cloud_meanings); i++)
        if (!strcmp(c->id, cloud_meanings[i].id)) {
            cloud_meanings[i].eval(ctx, r);
            return true;
        }
    if (!strncmp(c->id, "CLOUD-", 6) || !c->source || strcmp(c->source, "builtin") ||
        c->scope == CHECK_FLEET)
        return false;
    check_set(ctx, r, VERDICT_NOT_APPLICABLE,
              "a network device setting with no counterpart in a cloud export");
    return true;
}

/* ------------------------------------------------------------------ table */

static const struct check_def defs[] = {
    {
        .id = "CLOUD-MGMT-INTERNET",
        .source = "builtin",
        .title = "No management port open to the internet in cloud security groups and "
                 "firewall rules",
        .category = "Public cloud",
        .severity = SEV_HIGH,
        .rationale = "SSH, RDP, telnet, NETCONF, SNMP or WinRM open to 0.0.0.0/0 or ::/0 lets "
                     "anyone on the internet try the management plane of cloud-hosted "
                     "functions; management must be reachable only from PAWs.",
        .measures = MEASURES("M11.14", "M11.18", "M15.07", "M1.01", "M1.05"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove the rule admitting the management port from "
                                    "0.0.0.0/0 or ::/0 and admit the PAW ranges only.",
                [DIALECT_AWS] = "aws ec2 revoke-security-group-ingress --group-id <sg-id> "
                                "--protocol tcp --port 22 --cidr 0.0.0.0/0\naws ec2 "
                                "authorize-security-group-ingress --group-id <sg-id> --protocol "
                                "tcp --port 22 --cidr <paw-prefix>",
                [DIALECT_AZURE] = "az network nsg rule update -g <resource-group> --nsg-name "
                                  "<nsg> -n <rule> --source-address-prefixes <paw-prefix>",
                [DIALECT_GCP] = "gcloud compute firewall-rules update <rule> "
                                "--source-ranges=<paw-prefix>",
                [DIALECT_TERRAFORM] = "In the resource's ingress block, replace cidr_blocks = "
                                      "[\"0.0.0.0/0\"] (source_ranges, source_address_prefix) "
                                      "with the PAW prefixes, then terraform apply.",
            },
        .eval = eval_mgmt_internet,
    },
    {
        .id = "CLOUD-ALL-INTERNET",
        .source = "builtin",
        .title = "No cloud rule admits all protocols and ports from anywhere",
        .category = "Public cloud",
        .severity = SEV_HIGH,
        .rationale = "A rule admitting every protocol and port from the internet removes the "
                     "boundary between cloud-hosted functions and the exposed edge.",
        .measures = MEASURES("M1.05", "M1.04", "M11.18"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Replace the allow-all rule with rules for the ports the "
                                    "service needs, from the sources that need them.",
                [DIALECT_AWS] = "aws ec2 revoke-security-group-ingress --group-id <sg-id> "
                                "--ip-permissions "
                                "'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]'",
                [DIALECT_AZURE] = "az network nsg rule delete -g <resource-group> --nsg-name "
                                  "<nsg> -n <rule>",
                [DIALECT_GCP] = "gcloud compute firewall-rules delete <rule>",
                [DIALECT_TERRAFORM] = "Remove the ingress block with protocol \"-1\" (\"all\", "
                                      "\"*\") from 0.0.0.0/0, then terraform apply.",
            },
        .eval = eval_all_internet,
    },
    {
        .id = "CLOUD-DEFAULT-RULES",
        .source = "builtin",
        .title = "Default security groups and default network rules allow no traffic",
        .category = "Public cloud",
        .severity = SEV_HIGH,
        .rationale = "Resources land in the default security group or default network when no "
                     "other is chosen; if those allow traffic, every such resource is open "
                     "(CIS AWS 5.4, GCP default-allow-* rules).",
        .measures = MEASURES("M10.49", "M11.18", "M1.05"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove every rule from default security groups and "
                                    "delete the default-allow firewall rules.",
                [DIALECT_AWS] = "aws ec2 revoke-security-group-ingress --group-id "
                                "<default-sg-id> --ip-permissions '<each inbound rule>'\naws "
                                "ec2 revoke-security-group-egress --group-id <default-sg-id> "
                                "--ip-permissions '<each outbound rule>'",
                [DIALECT_GCP] = "gcloud compute firewall-rules delete default-allow-ssh "
                                "default-allow-rdp default-allow-icmp default-allow-internal",
                [DIALECT_TERRAFORM] = "Declare aws_default_security_group with no ingress or "
                                      "egress blocks; remove google_compute_firewall resources "
                                      "named default-allow-*.",
            },
        .eval = eval_default_rules,
    },
    {
        .id = "CLOUD-FLOW-LOGS",
        .source = "builtin",
        .title = "Flow logs enabled on every VPC, VNet/NSG and subnet",
        .category = "Public cloud",
        .severity = SEV_MEDIUM,
        .rationale = "Flow logs are the cloud's record of who talked to whom; without them an "
                     "intrusion into cloud-hosted functions leaves no network trace to analyse.",
        .measures = MEASURES("M16.13", "M16.06", "M16.12"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Enable flow logs on every network and send them to the "
                                    "monitoring platform.",
                [DIALECT_AWS] = "aws ec2 create-flow-logs --resource-type VPC --resource-ids "
                                "<vpc-id> --traffic-type ALL --log-destination-type "
                                "cloud-watch-logs --log-group-name <group> "
                                "--deliver-logs-permission-arn <role-arn>",
                [DIALECT_AZURE] = "az network watcher flow-log create -l <location> -n <name> "
                                  "--nsg <nsg-id> --storage-account <account> --enabled true",
                [DIALECT_GCP] = "gcloud compute networks subnets update <subnet> --region "
                                "<region> --enable-flow-logs",
                [DIALECT_TERRAFORM] = "Add an aws_flow_log for each aws_vpc, a log_config "
                                      "block to each google_compute_subnetwork, an "
                                      "azurerm_network_watcher_flow_log for each NSG.",
            },
        .eval = eval_flow_logs,
    },
    {
        .id = "CLOUD-MGMT-EGRESS",
        .source = "builtin",
        .title = "Management groups do not allow unrestricted egress",
        .category = "Public cloud",
        .severity = SEV_HIGH,
        .rationale = "Management hosts and PAWs should reach the internet only as far as their "
                     "job needs; unrestricted egress lets an intruder on them fetch tools and "
                     "send data out.",
        .measures = MEASURES("M11.24", "M11.18"),
        .context = "cloud.management_groups",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Replace the allow-all egress rule of management groups "
                                    "with rules for the destinations management needs.",
                [DIALECT_AWS] = "aws ec2 revoke-security-group-egress --group-id <sg-id> "
                                "--ip-permissions "
                                "'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]'",
                [DIALECT_AZURE] = "az network nsg rule create -g <resource-group> --nsg-name "
                                  "<nsg> -n DenyInternetOut --priority 4000 --direction "
                                  "Outbound --access Deny --protocol '*' "
                                  "--destination-address-prefixes Internet",
                [DIALECT_GCP] = "gcloud compute firewall-rules create deny-mgmt-egress "
                                "--network <network> --direction EGRESS --action DENY --rules "
                                "all --destination-ranges 0.0.0.0/0 --target-tags <tag> "
                                "--priority 65000",
                [DIALECT_TERRAFORM] = "Remove the egress block to 0.0.0.0/0 with protocol "
                                      "\"-1\" from the management group; add egress blocks for "
                                      "the destinations it needs.",
            },
        .eval = eval_mgmt_egress,
    },
};

const struct check_family checks_family_cloud = {defs, ARRAY_SIZE(defs)};
