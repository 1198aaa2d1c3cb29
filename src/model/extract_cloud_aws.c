/*
 * extract_cloud_aws.c - AWS CLI exports (aws ec2 describe-security-groups,
 * describe-network-acls, describe-flow-logs, describe-vpcs), as the CLI
 * prints them with --output json, one or several documents per file.
 *
 * Security groups are allow-only and stateful; IpPermissions are ingress and
 * IpPermissionsEgress egress, each with IpRanges, Ipv6Ranges, PrefixListIds
 * and UserIdGroupPairs as peers. Network ACL entries are numbered allow/deny
 * rules (lowest number first, 32767 the final "*" deny). A VPC is logged when
 * an ACTIVE flow log names it as its ResourceId.
 */
#include "model/cloud_int.h"

#include <string.h>

static void note_account(struct cloud_ctx *c, const struct cfg_node *obj)
{
    if (!c->m->cloud.account)
        c->m->cloud.account = cj_str(c->t, obj, "OwnerId");
}

/* The value of the "Name" tag of an object with Tags [{Key, Value}]. */
static const char *name_tag(struct cloud_ctx *c, const struct cfg_node *obj)
{
    const struct cfg_node *tags = cj_get(c->t, obj, "Tags");
    for (const struct cfg_node *tg = tags ? tags->child : NULL; tg; tg = tg->next) {
        const char *k = cj_str(c->t, tg, "Key");
        if (k && !strcmp(k, "Name"))
            return cj_str(c->t, tg, "Value");
    }
    return NULL;
}

/* Every element of list member `list` of obj, adding member `key` as a peer. */
static void add_peers(struct cloud_ctx *c, struct cloud_rule *r, const struct cfg_node *obj,
                      const char *list, const char *key)
{
    const struct cfg_node *l = cj_get(c->t, obj, list);
    for (const struct cfg_node *e = l ? l->child : NULL; e; e = e->next) {
        const struct cfg_node *v = cj_get(c->t, e, key);
        cloud_rule_peer(c, r, cj_text(c->a, v), v);
    }
}

static void read_permissions(struct cloud_ctx *c, const struct cloud_group *g,
                             const struct cfg_node *list, bool ingress)
{
    for (const struct cfg_node *p = list ? list->child : NULL; p; p = p->next) {
        struct cloud_rule *r = cloud_add_rule(c, g, ingress, true, p);
        if (!r)
            return;
        r->proto = cloud_proto(cj_str(c->t, p, "IpProtocol"));
        long lo, hi;
        if ((r->proto == 6 || r->proto == 17) && cj_long(c->t, p, "FromPort", &lo) &&
            cj_long(c->t, p, "ToPort", &hi) && lo >= 0 && hi <= 65535 && lo <= hi) {
            r->port_lo = lo;
            r->port_hi = hi;
        }
        add_peers(c, r, p, "IpRanges", "CidrIp");
        add_peers(c, r, p, "Ipv6Ranges", "CidrIpv6");
        add_peers(c, r, p, "PrefixListIds", "PrefixListId");
        add_peers(c, r, p, "UserIdGroupPairs", "GroupId");
    }
}

static void read_security_groups(struct cloud_ctx *c, const struct cfg_node *list)
{
    for (const struct cfg_node *sg = list->child; sg; sg = sg->next) {
        note_account(c, sg);
        const char *name = cj_str(c->t, sg, "GroupName");
        struct cloud_group *g =
            cloud_add_group(c, CLOUD_SECURITY_GROUP, "aws", cj_str(c->t, sg, "GroupId"), name, sg);
        if (!g)
            return;
        g->network = cj_str(c->t, sg, "VpcId");
        g->is_default = name && !strcmp(name, "default");
        cloud_add_tag(c, g, name_tag(c, sg));
        read_permissions(c, g, cj_get(c->t, sg, "IpPermissions"), true);
        read_permissions(c, g, cj_get(c->t, sg, "IpPermissionsEgress"), false);
    }
}

static void read_acl_entry(struct cloud_ctx *c, const struct cloud_group *g,
                           const struct cfg_node *e)
{
    int egress = cj_bool(c->t, e, "Egress");
    const char *action = cj_str(c->t, e, "RuleAction");
    struct cloud_rule *r = cloud_add_rule(c, g, egress != 1, action && !strcmp(action, "allow"), e);
    if (!r)
        return;
    long num;
    if (cj_long(c->t, e, "RuleNumber", &num)) {
        r->priority = num;
        r->name = cj_str(c->t, e, "RuleNumber");
    }
    r->proto = cloud_proto(cj_str(c->t, e, "Protocol"));
    const struct cfg_node *range = cj_get(c->t, e, "PortRange");
    long lo, hi;
    if (range && cj_long(c->t, range, "From", &lo) && cj_long(c->t, range, "To", &hi) && lo >= 0 &&
        hi <= 65535 && lo <= hi) {
        r->port_lo = lo;
        r->port_hi = hi;
    }
    const struct cfg_node *v4 = cj_get(c->t, e, "CidrBlock");
    const struct cfg_node *v6 = cj_get(c->t, e, "Ipv6CidrBlock");
    cloud_rule_peer(c, r, cj_text(c->a, v4), v4);
    cloud_rule_peer(c, r, cj_text(c->a, v6), v6);
}

static void read_network_acls(struct cloud_ctx *c, const struct cfg_node *list)
{
    for (const struct cfg_node *acl = list->child; acl; acl = acl->next) {
        note_account(c, acl);
        const char *id = cj_str(c->t, acl, "NetworkAclId");
        const char *name = name_tag(c, acl);
        struct cloud_group *g =
            cloud_add_group(c, CLOUD_NETWORK_ACL, "aws", id, name ? name : id, acl);
        if (!g)
            return;
        g->network = cj_str(c->t, acl, "VpcId");
        g->is_default = cj_bool(c->t, acl, "IsDefault") == 1;
        const struct cfg_node *assoc = cj_get(c->t, acl, "Associations");
        for (const struct cfg_node *a = assoc ? assoc->child : NULL; a; a = a->next)
            cloud_add_attached(c, g, cj_str(c->t, a, "SubnetId"));
        const struct cfg_node *entries = cj_get(c->t, acl, "Entries");
        for (const struct cfg_node *e = entries ? entries->child : NULL; e; e = e->next)
            read_acl_entry(c, g, e);
    }
}

static void read_flow_logs(struct cloud_ctx *c, const struct cfg_node *list)
{
    for (const struct cfg_node *fl = list->child; fl; fl = fl->next) {
        const char *status = cj_str(c->t, fl, "FlowLogStatus");
        cloud_add_flow_log(c, cj_str(c->t, fl, "ResourceId"), !status || !strcmp(status, "ACTIVE"),
                           fl);
    }
    if (!list->child)
        c->m->cloud.has_flow_log_list = true;
}

static void read_vpcs(struct cloud_ctx *c, const struct cfg_node *list)
{
    c->m->cloud.has_network_list = true;
    for (const struct cfg_node *v = list->child; v; v = v->next) {
        note_account(c, v);
        cloud_add_network(c, "vpc", cj_str(c->t, v, "VpcId"), name_tag(c, v), v);
    }
}

void cloud_read_aws(struct cloud_ctx *c)
{
    c->m->cloud.flow_log_source = "aws ec2 describe-flow-logs";
    for (const struct cfg_node *n = c->t->first; n; n = n->next) {
        if (cj_is(n, "SecurityGroups"))
            read_security_groups(c, n);
        else if (cj_is(n, "NetworkAcls"))
            read_network_acls(c, n);
        else if (cj_is(n, "FlowLogs"))
            read_flow_logs(c, n);
        else if (cj_is(n, "Vpcs"))
            read_vpcs(c, n);
    }
    /* Without describe-vpcs, the VPCs the groups belong to are the networks. */
    struct cloud_facts *cf = &c->m->cloud;
    for (size_t i = 0; !cf->has_network_list && i < cf->ngroups; i++)
        if (cf->groups[i].network)
            cloud_add_network(c, "vpc", cf->groups[i].network, NULL, cf->groups[i].node);
}
