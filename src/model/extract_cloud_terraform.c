/*
 * extract_cloud_terraform.c - `terraform show -json` of a plan or a state:
 * the managed resources under values (state) or planned_values (plan), in
 * the root module and every child module.
 *
 * Read: aws_security_group, aws_default_security_group, aws_security_group_rule,
 * aws_vpc_security_group_ingress_rule / _egress_rule, aws_network_acl,
 * aws_default_network_acl, aws_vpc, aws_flow_log;
 * azurerm_network_security_group, azurerm_network_security_rule,
 * azurerm_network_watcher_flow_log; google_compute_firewall,
 * google_compute_subnetwork. In a plan, ids are unknown until apply, so a
 * rule or flow log finds its group or VPC through the references the
 * configuration section records ("aws_vpc.main.id"), by resource address.
 * A configuration is taken as the whole truth about flow logs: a VPC no
 * aws_flow_log names has none.
 */
#include "model/cloud_int.h"

#include <string.h>

static const struct azure_rule_keys azurerm_keys = {
    .name = "name",
    .priority = "priority",
    .direction = "direction",
    .access = "access",
    .protocol = "protocol",
    .src = "source_address_prefix",
    .srcs = "source_address_prefixes",
    .dst = "destination_address_prefix",
    .dsts = "destination_address_prefixes",
    .port = "destination_port_range",
    .ports = "destination_port_ranges",
};

static const struct gcp_rule_keys google_keys = {
    .name = "name",
    .network = "network",
    .direction = "direction",
    .priority = "priority",
    .disabled = "disabled",
    .src_ranges = "source_ranges",
    .dst_ranges = "destination_ranges",
    .src_tags = "source_tags",
    .src_accounts = "source_service_accounts",
    .target_tags = "target_tags",
    .target_accounts = "target_service_accounts",
    .allowed = "allow",
    .denied = "deny",
    .protocol = "protocol",
    .ports = "ports",
    .log = "log_config",
};

/* One managed resource: its address, type and values object. */
struct tf_res {
    const char *address, *type;
    const struct cfg_node *obj, *values;
};

struct tf_ctx {
    struct cloud_ctx *c;
    const struct cfg_node *config; /* configuration.root_module.resources */
};

/* The resource address that attribute attr of resource address refers to in
 * the configuration ("aws_vpc.main" for vpc_id = aws_vpc.main.id), or NULL. */
static const char *config_ref(const struct tf_ctx *x, const char *address, const char *attr)
{
    const struct cloud_ctx *c = x->c;
    for (const struct cfg_node *r = x->config ? x->config->child : NULL; r; r = r->next) {
        const char *a = cj_str(c->t, r, "address");
        if (!a || strcmp(a, address))
            continue;
        const struct cfg_node *e = cj_get(c->t, cj_get(c->t, r, "expressions"), attr);
        const struct cfg_node *refs = e ? cj_get(c->t, e, "references") : NULL;
        /* The references list the attribute, then the resource: take the last. */
        const struct cfg_node *last = NULL;
        for (const struct cfg_node *q = refs ? refs->child : NULL; q; q = q->next)
            last = q;
        return last ? cj_text(c->a, last) : NULL;
    }
    return NULL;
}

/* The value of attribute attr, else the address it references. */
static const char *value_or_ref(const struct tf_ctx *x, const struct tf_res *r, const char *attr)
{
    const char *v = cj_str(x->c->t, r->values, attr);
    return v && *v ? v : config_ref(x, r->address, attr);
}

static const char *provider_of(const char *type)
{
    if (!strncmp(type, "aws_", 4))
        return "aws";
    if (!strncmp(type, "azurerm_", 8))
        return "azure";
    return "gcp";
}

/* A group's id: the known id, else the address (plans know no ids). */
static struct cloud_group *add_group(struct tf_ctx *x, const struct tf_res *r,
                                     enum cloud_group_kind kind, const char *name_attr)
{
    struct cloud_ctx *c = x->c;
    const char *id = cj_str(c->t, r->values, "id");
    const char *name = name_attr ? cj_str(c->t, r->values, name_attr) : NULL;
    struct cloud_group *g = cloud_add_group(c, kind, provider_of(r->type), id ? id : r->address,
                                            name ? name : r->address, r->obj);
    if (g)
        cloud_add_tag(c, g, r->address);
    return g;
}

/* The group a separate rule resource belongs to, by id or referenced address. */
static struct cloud_group *owner(struct tf_ctx *x, const struct tf_res *r,
                                 enum cloud_group_kind kind, const char *attr)
{
    const char *v = value_or_ref(x, r, attr);
    struct cloud_group *g = cloud_find_group(x->c, kind, v);
    for (size_t i = 0; !g && v && i < x->c->m->cloud.ngroups; i++) {
        struct cloud_group *cand = &x->c->m->cloud.groups[i];
        for (size_t k = 0; k < cand->ntags; k++)
            if (cand->kind == kind && !strcmp(cand->tags[k], v))
                g = cand;
    }
    return g;
}

/* ------------------------------------------------------------------ AWS */

static void list_peers(struct cloud_ctx *c, struct cloud_rule *r, const struct cfg_node *obj,
                       const char *key)
{
    const struct cfg_node *l = cj_get(c->t, obj, key);
    for (const struct cfg_node *e = l ? l->child : NULL; e; e = e->next)
        cloud_rule_peer(c, r, cj_text(c->a, e), e);
}

static void one_peer(struct cloud_ctx *c, struct cloud_rule *r, const struct cfg_node *obj,
                     const char *key)
{
    const struct cfg_node *n = cj_get(c->t, obj, key);
    cloud_rule_peer(c, r, cj_text(c->a, n), n);
}

/* Protocol and ports of an AWS rule block (protocol "-1" means everything). */
static void aws_ports(struct cloud_ctx *c, struct cloud_rule *r, const struct cfg_node *obj,
                      const char *proto_key)
{
    r->proto = cloud_proto(cj_str(c->t, obj, proto_key));
    long lo, hi;
    if ((r->proto == 6 || r->proto == 17) && cj_long(c->t, obj, "from_port", &lo) &&
        cj_long(c->t, obj, "to_port", &hi) && lo >= 0 && hi <= 65535 && lo <= hi) {
        r->port_lo = lo;
        r->port_hi = hi;
    }
}

/* ingress/egress blocks of aws_security_group and aws_default_security_group. */
static void sg_blocks(struct cloud_ctx *c, struct cloud_group *g, const struct cfg_node *values,
                      const char *key, bool ingress)
{
    const struct cfg_node *l = cj_get(c->t, values, key);
    for (const struct cfg_node *b = l ? l->child : NULL; b; b = b->next) {
        struct cloud_rule *r = cloud_add_rule(c, g, ingress, true, b);
        if (!r)
            return;
        aws_ports(c, r, b, "protocol");
        list_peers(c, r, b, "cidr_blocks");
        list_peers(c, r, b, "ipv6_cidr_blocks");
        list_peers(c, r, b, "prefix_list_ids");
        list_peers(c, r, b, "security_groups");
        if (cj_bool(c->t, b, "self") == 1)
            cloud_rule_peer(c, r, g->id, cj_get(c->t, b, "self"));
    }
}

static void aws_security_group(struct tf_ctx *x, const struct tf_res *r, bool is_default)
{
    struct cloud_group *g = add_group(x, r, CLOUD_SECURITY_GROUP, "name");
    if (!g)
        return;
    g->network = value_or_ref(x, r, "vpc_id");
    g->is_default = is_default;
    if (is_default)
        g->name = "default";
    sg_blocks(x->c, g, r->values, "ingress", true);
    sg_blocks(x->c, g, r->values, "egress", false);
}

static void aws_security_group_rule(struct tf_ctx *x, const struct tf_res *r)
{
    struct cloud_ctx *c = x->c;
    struct cloud_group *g = owner(x, r, CLOUD_SECURITY_GROUP, "security_group_id");
    const char *type = cj_str(c->t, r->values, "type");
    struct cloud_rule *ru = cloud_add_rule(c, g, !type || strcmp(type, "egress"), true, r->obj);
    if (!ru)
        return;
    aws_ports(c, ru, r->values, "protocol");
    list_peers(c, ru, r->values, "cidr_blocks");
    list_peers(c, ru, r->values, "ipv6_cidr_blocks");
    list_peers(c, ru, r->values, "prefix_list_ids");
    one_peer(c, ru, r->values, "source_security_group_id");
}

/* aws_vpc_security_group_ingress_rule / _egress_rule (one peer each). */
static void aws_vpc_sg_rule(struct tf_ctx *x, const struct tf_res *r, bool ingress)
{
    struct cloud_ctx *c = x->c;
    struct cloud_group *g = owner(x, r, CLOUD_SECURITY_GROUP, "security_group_id");
    struct cloud_rule *ru = cloud_add_rule(c, g, ingress, true, r->obj);
    if (!ru)
        return;
    aws_ports(c, ru, r->values, "ip_protocol");
    one_peer(c, ru, r->values, "cidr_ipv4");
    one_peer(c, ru, r->values, "cidr_ipv6");
    one_peer(c, ru, r->values, "prefix_list_id");
    one_peer(c, ru, r->values, "referenced_security_group_id");
}

static void acl_blocks(struct cloud_ctx *c, struct cloud_group *g, const struct cfg_node *values,
                       const char *key, bool ingress)
{
    const struct cfg_node *l = cj_get(c->t, values, key);
    for (const struct cfg_node *b = l ? l->child : NULL; b; b = b->next) {
        const char *action = cj_str(c->t, b, "action");
        struct cloud_rule *r = cloud_add_rule(c, g, ingress, action && !strcmp(action, "allow"), b);
        if (!r)
            return;
        long num;
        if (cj_long(c->t, b, "rule_no", &num))
            r->priority = num;
        r->name = cj_str(c->t, b, "rule_no");
        aws_ports(c, r, b, "protocol");
        one_peer(c, r, b, "cidr_block");
        one_peer(c, r, b, "ipv6_cidr_block");
    }
}

static void aws_network_acl(struct tf_ctx *x, const struct tf_res *r, bool is_default)
{
    struct cloud_group *g = add_group(x, r, CLOUD_NETWORK_ACL, NULL);
    if (!g)
        return;
    g->network = value_or_ref(x, r, "vpc_id");
    g->is_default = is_default;
    acl_blocks(x->c, g, r->values, "ingress", true);
    acl_blocks(x->c, g, r->values, "egress", false);
}

static void aws_flow_log(struct tf_ctx *x, const struct tf_res *r)
{
    static const char *const targets[] = {"vpc_id", "subnet_id", "eni_id", "transit_gateway_id"};
    for (size_t i = 0; i < ARRAY_SIZE(targets); i++) {
        const char *t = value_or_ref(x, r, targets[i]);
        if (t)
            cloud_add_flow_log(x->c, t, true, r->obj);
    }
}

/* ---------------------------------------------------------- Azure, GCP */

static void azurerm_nsg(struct tf_ctx *x, const struct tf_res *r)
{
    struct cloud_group *g = add_group(x, r, CLOUD_NSG, "name");
    if (!g)
        return;
    const struct cfg_node *l = cj_get(x->c->t, r->values, "security_rule");
    for (const struct cfg_node *b = l ? l->child : NULL; b; b = b->next)
        cloud_read_azure_rule(x->c, g, &azurerm_keys, b, false);
    x->c->m->cloud.has_network_list = true;
    struct cloud_network *n = cloud_add_network(x->c, "nsg", g->id, g->name, r->obj);
    if (n)
        n->group = (size_t)(g - x->c->m->cloud.groups) + 1;
}

static void azurerm_nsg_rule(struct tf_ctx *x, const struct tf_res *r)
{
    struct cloud_group *g = owner(x, r, CLOUD_NSG, "network_security_group_name");
    if (g)
        cloud_read_azure_rule(x->c, g, &azurerm_keys, r->values, false);
}

static void azurerm_flow_log(struct tf_ctx *x, const struct tf_res *r)
{
    const char *t = value_or_ref(x, r, "target_resource_id");
    if (!t)
        t = value_or_ref(x, r, "network_security_group_id");
    cloud_add_flow_log(x->c, t, cj_bool(x->c->t, r->values, "enabled") != 0, r->obj);
}

static void google_subnetwork(struct tf_ctx *x, const struct tf_res *r)
{
    struct cloud_ctx *c = x->c;
    const char *id = cj_str(c->t, r->values, "self_link");
    const char *name = cj_str(c->t, r->values, "name");
    struct cloud_network *n =
        cloud_add_network(c, "subnet", id ? id : r->address, name ? name : r->address, r->obj);
    if (!n)
        return;
    c->m->cloud.has_network_list = true;
    const struct cfg_node *lc = cj_get(c->t, r->values, "log_config");
    if (lc && lc->child) {
        fact_set(&n->flow_logs, FACT_ON, lc);
    } else {
        fact_set(&n->flow_logs, FACT_OFF, lc ? lc : r->obj);
        n->flow_logs.why = "the subnetwork has no log_config block";
    }
}

static void aws_vpc(struct tf_ctx *x, const struct tf_res *r)
{
    const char *id = cj_str(x->c->t, r->values, "id");
    x->c->m->cloud.has_network_list = true;
    cloud_add_network(x->c, "vpc", id ? id : r->address, r->address, r->obj);
}

/* -------------------------------------------------------------- secrets */

/*
 * A state holds every attribute of every resource, database passwords and
 * access keys included. The values of members whose names say they are
 * secret are recorded as model secrets, so that every writer scrubs them
 * from any text it shows (the tree itself is printed only by `parse`).
 */
static bool secret_name(struct sv k)
{
    static const char *const words[] = {"password",    "secret",      "token",
                                        "private_key", "access_key",  "connection_string",
                                        "sas_url",     "primary_key", "secondary_key",
                                        "auth_key",    "passphrase"};
    for (size_t i = 0; i < ARRAY_SIZE(words); i++)
        if (model_sv_icontains(k, words[i]))
            return true;
    return false;
}

static void record_secrets(struct cloud_ctx *c)
{
    for (const struct cfg_node *n = c->t->first; n; n = cfg_next_preorder(c->t, n)) {
        if (cj_container(n) || !secret_name(cj_key(n)))
            continue;
        const char *v = cj_text(c->a, n);
        if (v && *v && strcmp(v, "true") && strcmp(v, "false"))
            model_add_secret(c->a, c->m, "terraform-sensitive",
                             model_secret(SECRET_PLAINTEXT, sv_make(v, strlen(v)), n));
    }
}

/* ------------------------------------------------------------- walking */

static void tf_sg(struct tf_ctx *x, const struct tf_res *r)
{
    aws_security_group(x, r, false);
}
static void tf_default_sg(struct tf_ctx *x, const struct tf_res *r)
{
    aws_security_group(x, r, true);
}
static void tf_nacl(struct tf_ctx *x, const struct tf_res *r)
{
    aws_network_acl(x, r, false);
}
static void tf_default_nacl(struct tf_ctx *x, const struct tf_res *r)
{
    aws_network_acl(x, r, true);
}
static void tf_sg_ingress(struct tf_ctx *x, const struct tf_res *r)
{
    aws_vpc_sg_rule(x, r, true);
}
static void tf_sg_egress(struct tf_ctx *x, const struct tf_res *r)
{
    aws_vpc_sg_rule(x, r, false);
}
static void tf_google_firewall(struct tf_ctx *x, const struct tf_res *r)
{
    cloud_read_gcp_firewall(x->c, &google_keys, r->values);
}

/*
 * One row per resource type read. Resources that define groups and networks
 * are read in pass 0, those that attach to them (separate rules, flow logs)
 * in pass 1, so that a rule finds its group whatever the order.
 */
static const struct {
    const char *type;
    int pass;
    void (*read)(struct tf_ctx *, const struct tf_res *);
} tf_types[] = {
    {"aws_security_group", 0, tf_sg},
    {"aws_default_security_group", 0, tf_default_sg},
    {"aws_network_acl", 0, tf_nacl},
    {"aws_default_network_acl", 0, tf_default_nacl},
    {"aws_vpc", 0, aws_vpc},
    {"azurerm_network_security_group", 0, azurerm_nsg},
    {"google_compute_firewall", 0, tf_google_firewall},
    {"google_compute_subnetwork", 0, google_subnetwork},
    {"aws_security_group_rule", 1, aws_security_group_rule},
    {"aws_vpc_security_group_ingress_rule", 1, tf_sg_ingress},
    {"aws_vpc_security_group_egress_rule", 1, tf_sg_egress},
    {"aws_flow_log", 1, aws_flow_log},
    {"azurerm_network_security_rule", 1, azurerm_nsg_rule},
    {"azurerm_network_watcher_flow_log", 1, azurerm_flow_log},
};

static void dispatch(struct tf_ctx *x, const struct tf_res *r, int pass)
{
    for (size_t i = 0; i < ARRAY_SIZE(tf_types); i++)
        if (tf_types[i].pass == pass && !strcmp(r->type, tf_types[i].type)) {
            tf_types[i].read(x, r);
            return;
        }
}

/* Every managed resource of a module and its child modules (depth-capped). */
static void walk_module(struct tf_ctx *x, const struct cfg_node *mod, int pass, int depth)
{
    struct cloud_ctx *c = x->c;
    if (!mod || depth > 32)
        return;
    const struct cfg_node *res = cj_get(c->t, mod, "resources");
    for (const struct cfg_node *o = res ? res->child : NULL; o; o = o->next) {
        const char *mode = cj_str(c->t, o, "mode");
        struct tf_res r = {
            .address = cj_str(c->t, o, "address"),
            .type = cj_str(c->t, o, "type"),
            .obj = o,
            .values = cj_get(c->t, o, "values"),
        };
        if ((mode && strcmp(mode, "managed")) || !r.type || !r.address || !r.values)
            continue;
        dispatch(x, &r, pass);
    }
    const struct cfg_node *kids = cj_get(c->t, mod, "child_modules");
    for (const struct cfg_node *k = kids ? kids->child : NULL; k; k = k->next)
        walk_module(x, k, pass, depth + 1);
}

void cloud_read_terraform(struct cloud_ctx *c)
{
    c->m->cloud.flow_log_source = "aws_flow_log / azurerm_network_watcher_flow_log resources";
    struct tf_ctx x = {.c = c};
    for (const struct cfg_node *n = c->t->first; n; n = n->next)
        if (cj_is(n, "configuration"))
            x.config = cj_get(c->t, cj_get(c->t, n, "root_module"), "resources");
    for (int pass = 0; pass < 2; pass++)
        for (const struct cfg_node *n = c->t->first; n; n = n->next)
            if (cj_is(n, "values") || cj_is(n, "planned_values"))
                walk_module(&x, cj_get(c->t, n, "root_module"), pass, 0);
    /* The configuration is the whole truth about the flow logs it manages. */
    c->m->cloud.has_flow_log_list = true;
    record_secrets(c);
}
