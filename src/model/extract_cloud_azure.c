/*
 * extract_cloud_azure.c - Azure CLI exports (az network nsg list, az network
 * watcher flow-log list) and the NSG rule reader Terraform's azurerm
 * resources share (the same fields under snake_case names).
 *
 * An NSG's securityRules and defaultSecurityRules are prioritised allow/deny
 * rules (lowest number first); a rule may list several prefixes and port
 * ranges. Service tags ("Internet", "*") count as any address; others
 * ("VirtualNetwork", "AzureLoadBalancer") are references. An NSG is logged
 * when an enabled flow log targets it, or the VNet or subnet it is attached to.
 */
#include "model/cloud_int.h"

#include <string.h>
#include <strings.h>

const struct azure_rule_keys azure_cli_keys = {
    .name = "name",
    .priority = "priority",
    .direction = "direction",
    .access = "access",
    .protocol = "protocol",
    .src = "sourceAddressPrefix",
    .srcs = "sourceAddressPrefixes",
    .dst = "destinationAddressPrefix",
    .dsts = "destinationAddressPrefixes",
    .port = "destinationPortRange",
    .ports = "destinationPortRanges",
};

/* One peer member (a string) and one list member (strings) of obj. */
static void add_prefixes(struct cloud_ctx *c, struct cloud_rule *r, const struct cfg_node *obj,
                         const char *one, const char *many)
{
    const struct cfg_node *n = cj_get(c->t, obj, one);
    cloud_rule_peer(c, r, cj_text(c->a, n), n);
    const struct cfg_node *l = cj_get(c->t, obj, many);
    for (const struct cfg_node *e = l ? l->child : NULL; e; e = e->next)
        cloud_rule_peer(c, r, cj_text(c->a, e), e);
}

/* One rule per destination port range (a single "*" or none: every port). */
static struct cloud_rule *add_port_rule(struct cloud_ctx *c, struct cloud_group *g,
                                        const struct azure_rule_keys *k, const struct cfg_node *obj,
                                        const char *range, bool is_default)
{
    const char *dir = cj_str(c->t, obj, k->direction);
    const char *access = cj_str(c->t, obj, k->access);
    bool ingress = !dir || !strcasecmp(dir, "Inbound");
    struct cloud_rule *r =
        cloud_add_rule(c, g, ingress, access && !strcasecmp(access, "Allow"), obj);
    if (!r)
        return NULL;
    r->name = cj_str(c->t, obj, k->name);
    r->provider_default = is_default;
    long prio;
    if (cj_long(c->t, obj, k->priority, &prio))
        r->priority = prio;
    r->proto = cloud_proto(cj_str(c->t, obj, k->protocol));
    if (!cloud_ports(range, &r->port_lo, &r->port_hi))
        r->proto = -2; /* unreadable range: matches no port probe */
    if (ingress)
        add_prefixes(c, r, obj, k->src, k->srcs);
    else
        add_prefixes(c, r, obj, k->dst, k->dsts);
    return r;
}

void cloud_read_azure_rule(struct cloud_ctx *c, struct cloud_group *g,
                           const struct azure_rule_keys *k, const struct cfg_node *obj,
                           bool is_default)
{
    const char *one = cj_str(c->t, obj, k->port);
    const struct cfg_node *many = cj_get(c->t, obj, k->ports);
    bool listed = false;
    for (const struct cfg_node *e = many ? many->child : NULL; e; e = e->next) {
        add_port_rule(c, g, k, obj, cj_text(c->a, e), is_default);
        listed = true;
    }
    if (!listed || (one && *one))
        add_port_rule(c, g, k, obj, one, is_default);
}

/* "/subscriptions/<id>/..." -> "<id>". */
static const char *subscription_of(struct cloud_ctx *c, const char *id)
{
    static const char pfx[] = "/subscriptions/";
    if (!id || strncasecmp(id, pfx, sizeof(pfx) - 1))
        return NULL;
    const char *s = id + sizeof(pfx) - 1, *e = strchr(s, '/');
    return e ? arena_strndup(c->a, s, (size_t)(e - s)) : NULL;
}

static void read_nsg(struct cloud_ctx *c, const struct cfg_node *obj)
{
    const char *id = cj_str(c->t, obj, "id"), *name = cj_str(c->t, obj, "name");
    struct cloud_group *g = cloud_add_group(c, CLOUD_NSG, "azure", id, name, obj);
    if (!g)
        return;
    if (!c->m->cloud.account)
        c->m->cloud.account = subscription_of(c, id);
    static const char *const attach[] = {"subnets", "networkInterfaces"};
    for (size_t i = 0; i < ARRAY_SIZE(attach); i++) {
        const struct cfg_node *l = cj_get(c->t, obj, attach[i]);
        for (const struct cfg_node *e = l ? l->child : NULL; e; e = e->next)
            cloud_add_attached(c, g, cj_str(c->t, e, "id"));
    }
    const struct cfg_node *rules = cj_get(c->t, obj, "securityRules");
    for (const struct cfg_node *r = rules ? rules->child : NULL; r; r = r->next)
        cloud_read_azure_rule(c, g, &azure_cli_keys, r, false);
    rules = cj_get(c->t, obj, "defaultSecurityRules");
    for (const struct cfg_node *r = rules ? rules->child : NULL; r; r = r->next)
        cloud_read_azure_rule(c, g, &azure_cli_keys, r, true);
    c->m->cloud.has_network_list = true;
    struct cloud_network *n = cloud_add_network(c, "nsg", g->id, name, obj);
    if (n)
        n->group = (size_t)(g - c->m->cloud.groups) + 1;
}

static void read_flow_log(struct cloud_ctx *c, const struct cfg_node *obj)
{
    if (!c->m->cloud.account)
        c->m->cloud.account = subscription_of(c, cj_str(c->t, obj, "id"));
    cloud_add_flow_log(c, cj_str(c->t, obj, "targetResourceId"), cj_bool(c->t, obj, "enabled") == 1,
                       obj);
}

/* An element of a list export: an NSG or a flow log, by its type. */
static void read_resource(struct cloud_ctx *c, const struct cfg_node *obj)
{
    const char *type = cj_str(c->t, obj, "type");
    if ((type && !strcasecmp(type, "Microsoft.Network/networkSecurityGroups")) ||
        (!type && cj_get(c->t, obj, "securityRules")))
        read_nsg(c, obj);
    else if ((type && !strcasecmp(type, "Microsoft.Network/networkWatchers/flowLogs")) ||
             (!type && cj_get(c->t, obj, "targetResourceId")))
        read_flow_log(c, obj);
}

void cloud_read_azure(struct cloud_ctx *c)
{
    c->m->cloud.flow_log_source = "az network watcher flow-log list";
    for (const struct cfg_node *n = c->t->first; n; n = n->next) {
        if (cj_key(n).n == 0) /* an element of a top-level list */
            read_resource(c, n);
        else if (cj_is(n, "value")) /* the REST API's {"value": [...]} wrapping */
            for (const struct cfg_node *e = n->child; e; e = e->next)
                read_resource(c, e);
    }
}
