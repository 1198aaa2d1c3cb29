/*
 * extract_flow.c - flow telemetry (NetFlow, IPFIX, sFlow, J-Flow, cflowd,
 * NetStream, NSEL) for LOG-FLOW-TELEMETRY: the collectors flows are exported
 * to, and the interfaces where sampling or a flow monitor is applied. One
 * table of statements for every router dialect, matched on a statement's
 * leading words and, where the words alone are ambiguous ("destination"),
 * on its parent's. Unknown statements are left alone.
 */
#include "model/extract.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

enum flow_row_kind {
    FLOW_COLLECTOR,  /* the address is token `tok` */
    FLOW_APPLIED,    /* sampling or a monitor on the interface holding it */
    FLOW_ALL_IFS,    /* switched on for every interface (EOS sflow run) */
    FLOW_GLOBAL_MPF, /* every interface when its policy-map is applied globally */
};

struct flow_row {
    unsigned dialects;  /* bit (1u << dialect) */
    const char *parent; /* the parent statement's leading words, or NULL */
    const char *lead;   /* the statement's leading words */
    enum flow_row_kind kind;
    unsigned tok; /* FLOW_COLLECTOR: token holding the address */
};

#define D(x) (1u << DIALECT_##x)
#define CISCO (D(CISCO_IOS) | D(CISCO_NXOS) | D(CISCO_IOSXR))

static const struct flow_row rows[] = {
    {D(CISCO_IOS), NULL, "ip flow-export destination", FLOW_COLLECTOR, 3},
    {CISCO, "flow exporter", "destination", FLOW_COLLECTOR, 1},
    {D(CISCO_IOSXR), "flow exporter-map", "destination", FLOW_COLLECTOR, 1},
    {D(CISCO_NXOS) | D(ARISTA_EOS), NULL, "sflow collector-ip", FLOW_COLLECTOR, 2},
    {D(ARISTA_EOS), NULL, "sflow destination", FLOW_COLLECTOR, 2},
    {D(ARISTA_EOS), "exporter", "collector", FLOW_COLLECTOR, 1},
    {D(CISCO_ASA), NULL, "flow-export destination", FLOW_COLLECTOR, 3},
    /* ASA NSEL: flow-export actions live in a class of the global service
     * policy only (Cisco ASA NetFlow Implementation Guide, Guidelines). */
    {D(CISCO_ASA), "class", "flow-export event-type", FLOW_GLOBAL_MPF, 0},
    {D(JUNIPER_JUNOS), NULL, "flow-server", FLOW_COLLECTOR, 1},
    {D(JUNIPER_JUNOS), "sflow", "collector", FLOW_COLLECTOR, 1},
    {D(NOKIA_SROS), "cflowd", "collector", FLOW_COLLECTOR, 1},
    {D(HUAWEI_VRP), NULL, "ip netstream export host", FLOW_COLLECTOR, 4},
    {D(HUAWEI_VRP), NULL, "netstream export ip host", FLOW_COLLECTOR, 4},
    {D(FORTINET_FORTIOS), NULL, "set collector-ip", FLOW_COLLECTOR, 2},
    {D(CISCO_IOS), NULL, "ip flow ingress", FLOW_APPLIED, 0},
    {D(CISCO_IOS), NULL, "ip flow egress", FLOW_APPLIED, 0},
    {D(CISCO_IOS) | D(CISCO_NXOS), NULL, "ip flow monitor", FLOW_APPLIED, 0},
    {D(CISCO_IOS) | D(CISCO_NXOS), NULL, "ipv6 flow monitor", FLOW_APPLIED, 0},
    {D(CISCO_IOSXR), NULL, "flow ipv4 monitor", FLOW_APPLIED, 0},
    {D(CISCO_IOSXR), NULL, "flow ipv6 monitor", FLOW_APPLIED, 0},
    {D(ARISTA_EOS), NULL, "flow tracker", FLOW_APPLIED, 0},
    {D(ARISTA_EOS), NULL, "sflow enable", FLOW_APPLIED, 0},
    {D(ARISTA_EOS), NULL, "sflow run", FLOW_ALL_IFS, 0},
    {D(JUNIPER_JUNOS), "family", "sampling", FLOW_APPLIED, 0},
    {D(HUAWEI_VRP), NULL, "ip netstream inbound", FLOW_APPLIED, 0},
    {D(HUAWEI_VRP), NULL, "ip netstream outbound", FLOW_APPLIED, 0},
    {D(HUAWEI_VRP), NULL, "sflow sampling", FLOW_APPLIED, 0},
    {D(NOKIA_SROS), NULL, "cflowd-parameters", FLOW_APPLIED, 0},
    {D(FORTINET_FORTIOS), NULL, "set netflow-sampler", FLOW_APPLIED, 0},
    {D(FORTINET_FORTIOS), NULL, "set sflow-sampler enable", FLOW_APPLIED, 0},
};

/* Do the node's leading words equal lead (whole words, any case)? */
static bool leads(const struct cfg_node *n, const char *lead)
{
    struct sv t = sv_make(n->text, n->len);
    size_t k = strlen(lead);
    if (t.n < k || strncasecmp(t.p, lead, k) != 0)
        return false;
    return t.n == k || t.p[k] == ' ' || t.p[k] == '\t' || t.p[k] == ';';
}

/* The interface statement a node belongs to (itself or an ancestor), or NULL:
 * "interface X" (Cisco family, VRP), "edit port" under "config system
 * interface" (FortiOS), or a child of "interfaces" (Junos) or of "router"
 * (SR OS "interface" blocks also start with "interface"). */
static const struct cfg_node *owner_interface(const struct cfg_node *n)
{
    for (const struct cfg_node *p = n; p; p = p->parent) {
        if (leads(p, "interface"))
            return p;
        if (p->parent && leads(p->parent, "interfaces"))
            return p;
        if (p->parent && leads(p->parent, "config system interface"))
            return p;
    }
    return NULL;
}

static void add_applied(struct arena *a, struct flow_facts *f, const struct cfg_node *n)
{
    const struct cfg_node *ifn = owner_interface(n);
    if (!ifn)
        return;
    for (size_t i = 0; i < f->napplied; i++)
        if (f->applied[i] == ifn)
            return;
    f->applied = model_grow(a, f->applied, f->napplied, sizeof(*f->applied));
    f->applied[f->napplied++] = ifn;
    fact_lines_add(&f->ev, n);
}

/* An SR OS cflowd collector is "ip-address[:port]", an IPv6 one
 * "[ipv6-address]:port": the address without the port. */
static struct sv collector_addr(enum dialect d, struct sv v)
{
    if (d != DIALECT_NOKIA_SROS || !v.n)
        return v;
    const char *close = memchr(v.p, ']', v.n);
    if (v.p[0] == '[' && close)
        return sv_make(v.p + 1, (size_t)(close - v.p - 1));
    const char *colon = memchr(v.p, ':', v.n);
    if (colon && !memchr(colon + 1, ':', v.n - (size_t)(colon - v.p) - 1))
        return sv_make(v.p, (size_t)(colon - v.p));
    return v;
}

/* Is the policy-map holding n (a statement of one of its classes) applied as the global
 * service policy ("service-policy NAME global")? */
static bool in_global_policy(const struct cfg_tree *t, const struct cfg_node *n)
{
    const struct cfg_node *pm = n->parent ? n->parent->parent : NULL;
    if (!pm || !leads(pm, "policy-map"))
        return false;
    struct sv name = sv_token(sv_make(pm->text, pm->len), 1);
    for (const struct cfg_node *s = t->first; s; s = s->next) {
        struct sv st = sv_make(s->text, s->len);
        if (leads(s, "service-policy") && sv_eq(sv_token(st, 1), name) &&
            sv_eq_cstr(sv_token(st, 2), "global") && !(s->flags & CFG_INACTIVE))
            return true;
    }
    return false;
}

static void match_node(const struct cfg_tree *t, struct device_model *m, const struct cfg_node *n)
{
    struct flow_facts *f = &m->flow;
    /* Every lead starts with a lower-case letter: most statements are
     * passed over on their first character. */
    char first = n->len ? (char)tolower((unsigned char)n->text[0]) : 0;
    for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
        const struct flow_row *r = &rows[i];
        if (r->lead[0] != first || !(r->dialects & (1u << m->dialect)) || !leads(n, r->lead))
            continue;
        if (r->parent && !(n->parent && leads(n->parent, r->parent)))
            continue;
        if (r->kind == FLOW_COLLECTOR)
            model_add_host(t->arena, &f->collectors, &f->ncollectors,
                           collector_addr(m->dialect, sv_token(sv_make(n->text, n->len), r->tok)),
                           n);
        else if (r->kind == FLOW_ALL_IFS ||
                 (r->kind == FLOW_GLOBAL_MPF && in_global_policy(t, n))) {
            f->all_interfaces = n;
            fact_lines_add(&f->ev, n);
        } else if (r->kind == FLOW_GLOBAL_MPF)
            return;
        else
            add_applied(t->arena, f, n);
        return;
    }
}

static void walk(const struct cfg_tree *t, struct device_model *m, const struct cfg_node *n)
{
    for (; n; n = n->next) {
        if (n->flags & CFG_INACTIVE)
            continue;
        match_node(t, m, n);
        walk(t, m, n->child);
    }
}

void model_extract_flow(const struct cfg_tree *t, struct device_model *m)
{
    if (m->dialect == DIALECT_UNKNOWN || m->dialect >= DIALECT_AWS)
        return;
    m->flow.read = true;
    walk(t, m, t->first);
}
