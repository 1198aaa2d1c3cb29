/*
 * extract_cloud_gcp.c - gcloud exports (gcloud compute firewall-rules list
 * --format=json, gcloud compute networks subnets list --format=json) and the
 * firewall rule reader Terraform's google_compute_firewall shares.
 *
 * Each VPC firewall rule is a group of its own (its target tags are the
 * group's tags) holding one rule per allowed/denied protocol and port range.
 * Rules of one network compete by priority (lowest first, a deny first at
 * equal priority); an ingress rule naming no source admits 0.0.0.0/0 and an
 * egress rule naming no destination reaches 0.0.0.0/0, as gcloud documents.
 * The rules named default-allow-* are the ones Google creates in the
 * "default" network. Subnets carry their own flow-log setting.
 */
#include "model/cloud_int.h"

#include <string.h>
#include <strings.h>

const struct gcp_rule_keys gcp_cli_keys = {
    .name = "name",
    .network = "network",
    .direction = "direction",
    .priority = "priority",
    .disabled = "disabled",
    .src_ranges = "sourceRanges",
    .dst_ranges = "destinationRanges",
    .src_tags = "sourceTags",
    .src_accounts = "sourceServiceAccounts",
    .target_tags = "targetTags",
    .target_accounts = "targetServiceAccounts",
    .allowed = "allowed",
    .denied = "denied",
    .protocol = "IPProtocol",
    .ports = "ports",
    .log = "logConfig",
};

/* GCP's default priority when a rule names none. */
#define GCP_DEFAULT_PRIORITY 1000

struct fw_rule {
    struct cloud_group *g;
    const struct gcp_rule_keys *k;
    const struct cfg_node *obj;
    bool ingress, disabled, log;
    long priority;
};

/* Every string of list member key of obj, as peers of r; true if any. */
static bool add_list_peers(struct cloud_ctx *c, struct cloud_rule *r, const struct cfg_node *obj,
                           const char *key)
{
    const struct cfg_node *l = cj_get(c->t, obj, key);
    bool any = false;
    for (const struct cfg_node *e = l ? l->child : NULL; e; e = e->next) {
        cloud_rule_peer(c, r, cj_text(c->a, e), e);
        any = true;
    }
    return any;
}

static void add_peers(struct cloud_ctx *c, const struct fw_rule *f, struct cloud_rule *r)
{
    bool named;
    if (f->ingress) {
        named = add_list_peers(c, r, f->obj, f->k->src_ranges);
        named |= add_list_peers(c, r, f->obj, f->k->src_tags);
        named |= add_list_peers(c, r, f->obj, f->k->src_accounts);
    } else {
        named = add_list_peers(c, r, f->obj, f->k->dst_ranges);
    }
    if (!named)
        cloud_rule_peer(c, r, "0.0.0.0/0", f->obj);
}

static void add_rule(struct cloud_ctx *c, const struct fw_rule *f, bool allow,
                     const struct cfg_node *entry, int proto, const char *range)
{
    struct cloud_rule *r = cloud_add_rule(c, f->g, f->ingress, allow, entry);
    if (!r)
        return;
    r->name = f->g->name;
    r->priority = f->priority;
    r->disabled = f->disabled;
    r->log = f->log;
    r->proto = proto;
    if (!cloud_ports(range, &r->port_lo, &r->port_hi))
        r->proto = -2; /* unreadable range: matches no port probe */
    add_peers(c, f, r);
}

/* The allowed or denied list: one rule per protocol and port range. */
static void read_entries(struct cloud_ctx *c, const struct fw_rule *f, const char *key, bool allow)
{
    const struct cfg_node *l = cj_get(c->t, f->obj, key);
    for (const struct cfg_node *e = l ? l->child : NULL; e; e = e->next) {
        int proto = cloud_proto(cj_str(c->t, e, f->k->protocol));
        const struct cfg_node *ports = cj_get(c->t, e, f->k->ports);
        bool listed = false;
        for (const struct cfg_node *p = ports ? ports->child : NULL; p; p = p->next) {
            add_rule(c, f, allow, e, proto, cj_text(c->a, p));
            listed = true;
        }
        if (!listed)
            add_rule(c, f, allow, e, proto, NULL);
    }
}

/* "…/projects/<p>/…" -> "<p>". */
static const char *project_of(struct cloud_ctx *c, const char *url)
{
    const char *p = url ? strstr(url, "projects/") : NULL;
    if (!p)
        return NULL;
    p += 9;
    const char *e = strchr(p, '/');
    return e ? arena_strndup(c->a, p, (size_t)(e - p)) : NULL;
}

/* Logging is on when the log member is an object with enable true, or (for
 * Terraform) a non-empty list of log_config blocks. */
static bool log_enabled(struct cloud_ctx *c, const struct cfg_node *obj, const char *key)
{
    const struct cfg_node *l = cj_get(c->t, obj, key);
    if (!l)
        return false;
    if (cj_get(c->t, l, "enable"))
        return cj_bool(c->t, l, "enable") == 1;
    return l->child != NULL && cj_key(l->child).n == 0;
}

struct cloud_group *cloud_read_gcp_firewall(struct cloud_ctx *c, const struct gcp_rule_keys *k,
                                            const struct cfg_node *obj)
{
    const char *name = cj_str(c->t, obj, k->name);
    struct cloud_group *g = cloud_add_group(c, CLOUD_FIREWALL, "gcp", name, name, obj);
    if (!g)
        return NULL;
    const char *network = cj_str(c->t, obj, k->network);
    g->network = cloud_basename(c, network);
    if (!c->m->cloud.account)
        c->m->cloud.account = project_of(c, network);
    g->is_default = name && !strncmp(name, "default-allow-", 14);
    const char *const tag_keys[] = {k->target_tags, k->target_accounts};
    for (size_t i = 0; i < ARRAY_SIZE(tag_keys); i++) {
        const struct cfg_node *l = cj_get(c->t, obj, tag_keys[i]);
        for (const struct cfg_node *e = l ? l->child : NULL; e; e = e->next)
            cloud_add_tag(c, g, cj_text(c->a, e));
    }
    const char *dir = cj_str(c->t, obj, k->direction);
    struct fw_rule f = {.g = g, .k = k, .obj = obj, .priority = GCP_DEFAULT_PRIORITY};
    f.ingress = !dir || !strcasecmp(dir, "INGRESS");
    f.disabled = cj_bool(c->t, obj, k->disabled) == 1;
    f.log = log_enabled(c, obj, k->log);
    long prio;
    if (cj_long(c->t, obj, k->priority, &prio))
        f.priority = prio;
    read_entries(c, &f, k->allowed, true);
    read_entries(c, &f, k->denied, false);
    return g;
}

static void read_subnet(struct cloud_ctx *c, const struct cfg_node *obj)
{
    const char *link = cj_str(c->t, obj, "selfLink");
    if (!c->m->cloud.account)
        c->m->cloud.account = project_of(c, link);
    struct cloud_network *n = cloud_add_network(c, "subnet", link ? link : cj_str(c->t, obj, "id"),
                                                cj_str(c->t, obj, "name"), obj);
    if (!n)
        return;
    c->m->cloud.has_network_list = true;
    c->m->cloud.has_flow_log_list = true;
    const struct cfg_node *lc = cj_get(c->t, obj, "logConfig");
    const struct cfg_node *legacy = cj_get(c->t, obj, "enableFlowLogs");
    int on = lc ? cj_bool(c->t, lc, "enable") : -1;
    if (on < 0)
        on = cj_bool(c->t, obj, "enableFlowLogs");
    if (on == 1)
        fact_set(&n->flow_logs, FACT_ON, lc ? cj_get(c->t, lc, "enable") : legacy);
    else if (on == 0)
        fact_set(&n->flow_logs, FACT_OFF, lc ? cj_get(c->t, lc, "enable") : legacy);
    else {
        fact_set(&n->flow_logs, FACT_OFF, obj);
        n->flow_logs.why = "the subnet has no logConfig: flow logs were never enabled";
    }
}

void cloud_read_gcp(struct cloud_ctx *c)
{
    c->m->cloud.flow_log_source = "gcloud compute networks subnets list --format=json";
    for (const struct cfg_node *n = c->t->first; n; n = n->next) {
        if (cj_key(n).n != 0)
            continue;
        const char *kind = cj_str(c->t, n, "kind");
        if (kind && !strcmp(kind, "compute#firewall"))
            cloud_read_gcp_firewall(c, &gcp_cli_keys, n);
        else if (kind && !strcmp(kind, "compute#subnetwork"))
            read_subnet(c, n);
    }
    /* Without the subnet list, the networks the rules name are what is known:
     * whether their subnets log flows is not. */
    struct cloud_facts *cf = &c->m->cloud;
    for (size_t i = 0; !cf->has_network_list && i < cf->ngroups; i++)
        if (cf->groups[i].network)
            cloud_add_network(c, "network", cf->groups[i].network, NULL, cf->groups[i].node);
}
