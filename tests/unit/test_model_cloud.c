/*
 * Model layer: the cloud extractor on small exports - rules, peers and
 * ports as each provider writes them, defaults the providers document,
 * flow-log coverage (VNet logs covering attached NSGs, plan references),
 * accounts naming the device, and unusual values that must not mislead.
 */
#include "testutil.h"
#include "tu_model.h"

#include <string.h>

static const struct cloud_group *group(const struct device_model *m, const char *name)
{
    for (size_t i = 0; i < m->cloud.ngroups; i++)
        if (m->cloud.groups[i].name && !strcmp(m->cloud.groups[i].name, name))
            return &m->cloud.groups[i];
    fail_msg("no group %s", name);
    return NULL;
}

/* The n-th rule (0-based) of the group named name. */
static const struct cloud_rule *rule(const struct device_model *m, const char *name, size_t n)
{
    const struct cloud_group *g = group(m, name);
    for (size_t i = 0; i < m->cloud.nrules; i++)
        if (&m->cloud.groups[m->cloud.rules[i].group] == g && n-- == 0)
            return &m->cloud.rules[i];
    fail_msg("group %s has too few rules", name);
    return NULL;
}

static void test_aws_security_group_and_acl(void **state)
{
    (void)state;
    struct tu_dev *dv = tu_model_load_text(
        "{\"SecurityGroups\": [{\"GroupName\": \"web\", \"GroupId\": \"sg-1\", \"OwnerId\": "
        "\"111\",\n"
        "  \"VpcId\": \"vpc-1\", \"IpPermissions\": [\n"
        "   {\"IpProtocol\": \"tcp\", \"FromPort\": 20, \"ToPort\": 23,\n"
        "    \"IpRanges\": [{\"CidrIp\": \"0.0.0.0/0\"}], \"Ipv6Ranges\": [{\"CidrIpv6\": "
        "\"::/0\"}],\n"
        "    \"UserIdGroupPairs\": [{\"GroupId\": \"sg-2\"}]},\n"
        "   {\"IpProtocol\": \"icmp\", \"FromPort\": 8, \"ToPort\": -1, \"IpRanges\": []}],\n"
        "  \"IpPermissionsEgress\": []}]}\n"
        "{\"NetworkAcls\": [{\"NetworkAclId\": \"acl-1\", \"VpcId\": \"vpc-1\", \"IsDefault\": "
        "true,\n"
        "  \"Entries\": [{\"RuleNumber\": 32767, \"RuleAction\": \"deny\", \"Egress\": false,\n"
        "   \"Protocol\": \"-1\", \"CidrBlock\": \"0.0.0.0/0\"}]}]}\n",
        DIALECT_AWS);
    const struct device_model *m = &dv->m;
    assert_string_equal(m->hostname, "aws:111");
    const struct cloud_rule *r = rule(m, "web", 0);
    assert_true(r->ingress && r->allow);
    assert_int_equal(r->proto, 6);
    assert_int_equal(r->port_lo, 20);
    assert_int_equal(r->port_hi, 23);
    assert_int_equal(r->npeers, 3);
    assert_true(r->peers[0].any && r->peers[1].any);
    assert_string_equal(r->peers[2].ref, "sg-2");
    assert_int_equal(r->node->line, 3);
    assert_int_equal(r->peers[0].node->line, 4);
    /* ICMP type/code are not ports. */
    r = rule(m, "web", 1);
    assert_int_equal(r->proto, 1);
    assert_int_equal(r->port_lo, 0);
    assert_int_equal(r->port_hi, 65535);
    r = rule(m, "acl-1", 0);
    assert_false(r->allow);
    assert_int_equal(r->priority, 32767);
    assert_int_equal(r->proto, CLOUD_PROTO_ALL);
    assert_true(group(m, "acl-1")->is_default);
    /* No describe-vpcs: the VPC the groups name is the network; no flow-log
     * list: its logging is unknown, with the export to add. */
    assert_int_equal(m->cloud.nnetworks, 1);
    assert_int_equal(m->cloud.networks[0].flow_logs.state, FACT_UNKNOWN);
    assert_non_null(strstr(m->cloud.networks[0].flow_logs.why, "describe-flow-logs"));
    tu_model_unload(dv);
}

static void test_azure_rules_and_vnet_flow_log(void **state)
{
    (void)state;
    struct tu_dev *dv = tu_model_load_text(
        "[{\"type\": \"Microsoft.Network/networkSecurityGroups\", \"name\": \"nsg-a\",\n"
        "  \"id\": \"/subscriptions/S1/resourceGroups/rg/providers/Microsoft.Network/"
        "networkSecurityGroups/nsg-a\",\n"
        "  \"subnets\": [{\"id\": \"/subscriptions/S1/resourceGroups/rg/providers/"
        "Microsoft.Network/virtualNetworks/v1/subnets/s1\"}],\n"
        "  \"securityRules\": [{\"name\": \"Mgmt\", \"priority\": 100, \"direction\": "
        "\"Inbound\",\n"
        "   \"access\": \"Allow\", \"protocol\": \"Tcp\", \"sourceAddressPrefix\": null,\n"
        "   \"sourceAddressPrefixes\": [\"192.0.2.0/26\", \"VirtualNetwork\"],\n"
        "   \"destinationPortRange\": null, \"destinationPortRanges\": [\"22\", \"5985-5986\"]}],\n"
        "  \"defaultSecurityRules\": [{\"name\": \"AllowInternetOutBound\", \"priority\": 65001,\n"
        "   \"direction\": \"Outbound\", \"access\": \"Allow\", \"protocol\": \"*\",\n"
        "   \"destinationAddressPrefix\": \"Internet\", \"destinationPortRange\": \"*\"}]}]\n"
        "[{\"type\": \"Microsoft.Network/networkWatchers/flowLogs\", \"enabled\": true,\n"
        "  \"id\": \"/subscriptions/S1/resourceGroups/NetworkWatcherRG/x\",\n"
        "  \"targetResourceId\": \"/SUBSCRIPTIONS/S1/resourceGroups/rg/providers/"
        "Microsoft.Network/virtualNetworks/v1\"}]\n",
        DIALECT_AZURE);
    const struct device_model *m = &dv->m;
    assert_string_equal(m->hostname, "azure:S1");
    /* One rule per destination port range, both with both sources. */
    const struct cloud_rule *a = rule(m, "nsg-a", 0), *b = rule(m, "nsg-a", 1);
    assert_int_equal(a->port_lo, 22);
    assert_int_equal(b->port_lo, 5985);
    assert_int_equal(b->port_hi, 5986);
    assert_int_equal(a->npeers, 2);
    assert_string_equal(a->peers[1].ref, "VirtualNetwork");
    const struct cloud_rule *d = rule(m, "nsg-a", 2);
    assert_true(d->provider_default && !d->ingress && d->peers[0].any);
    /* The VNet's flow log (ids compare without case) covers the NSG on its subnet. */
    assert_int_equal(m->cloud.nnetworks, 1);
    assert_int_equal(m->cloud.networks[0].flow_logs.state, FACT_ON);
    tu_model_unload(dv);
}

static void test_gcp_defaults_and_subnets(void **state)
{
    (void)state;
    struct tu_dev *dv = tu_model_load_text(
        "[{\"kind\": \"compute#firewall\", \"name\": \"allow-x\", \"network\": "
        "\"https://www.googleapis.com/compute/v1/projects/p1/global/networks/core\",\n"
        "  \"allowed\": [{\"IPProtocol\": \"tcp\", \"ports\": [\"22\", \"8000-8100\"]}, "
        "{\"IPProtocol\": \"udp\"}]},\n"
        " {\"kind\": \"compute#firewall\", \"name\": \"default-allow-rdp\", \"network\": "
        "\"x/networks/default\", \"direction\": \"EGRESS\", \"priority\": 65534, "
        "\"disabled\": true,\n"
        "  \"denied\": [{\"IPProtocol\": \"all\"}], \"targetTags\": [\"t1\"]}]\n"
        "[{\"kind\": \"compute#subnetwork\", \"name\": \"s\", \"selfLink\": "
        "\"https://www.googleapis.com/compute/v1/projects/p1/regions/r/subnetworks/s\"}]\n",
        DIALECT_GCP);
    const struct device_model *m = &dv->m;
    assert_string_equal(m->hostname, "gcp:p1");
    const struct cloud_rule *r = rule(m, "allow-x", 0);
    /* No direction: ingress; no priority: 1000; no source: 0.0.0.0/0. */
    assert_true(r->ingress);
    assert_int_equal(r->priority, 1000);
    assert_true(r->npeers == 1 && r->peers[0].any);
    assert_int_equal(rule(m, "allow-x", 1)->port_lo, 8000);
    assert_int_equal(rule(m, "allow-x", 2)->proto, 17);
    assert_int_equal(rule(m, "allow-x", 2)->port_hi, 65535);
    assert_string_equal(group(m, "allow-x")->network, "core");
    const struct cloud_group *g = group(m, "default-allow-rdp");
    assert_true(g->is_default);
    assert_int_equal(g->ntags, 1);
    r = rule(m, "default-allow-rdp", 0);
    assert_true(!r->ingress && !r->allow && r->disabled);
    /* A subnet without logConfig has flow logs off, with the reason. */
    assert_int_equal(m->cloud.nnetworks, 1);
    assert_int_equal(m->cloud.networks[0].flow_logs.state, FACT_OFF);
    assert_non_null(m->cloud.networks[0].flow_logs.why);
    tu_model_unload(dv);
}

static void test_terraform_plan_references(void **state)
{
    (void)state;
    struct tu_dev *dv = tu_model_load_text(
        "{\"format_version\": \"1.2\", \"terraform_version\": \"1.9.5\",\n"
        " \"planned_values\": {\"root_module\": {\"resources\": [\n"
        "  {\"address\": \"aws_vpc.a\", \"mode\": \"managed\", \"type\": \"aws_vpc\", "
        "\"values\": {}},\n"
        "  {\"address\": \"aws_vpc.b\", \"mode\": \"managed\", \"type\": \"aws_vpc\", "
        "\"values\": {}},\n"
        "  {\"address\": \"aws_flow_log.a\", \"mode\": \"managed\", \"type\": \"aws_flow_log\", "
        "\"values\": {}},\n"
        "  {\"address\": \"aws_security_group_rule.r\", \"mode\": \"managed\", "
        "\"type\": \"aws_security_group_rule\",\n"
        "   \"values\": {\"type\": \"ingress\", \"protocol\": \"tcp\", \"from_port\": 22, "
        "\"to_port\": 22, \"cidr_blocks\": [\"0.0.0.0/0\"]}},\n"
        "  {\"address\": \"aws_security_group.g\", \"mode\": \"managed\", "
        "\"type\": \"aws_security_group\", \"values\": {\"name\": \"g\"}},\n"
        "  {\"address\": \"data.aws_vpc.x\", \"mode\": \"data\", \"type\": \"aws_vpc\", "
        "\"values\": {}}]}},\n"
        " \"configuration\": {\"root_module\": {\"resources\": [\n"
        "  {\"address\": \"aws_flow_log.a\", \"expressions\": {\"vpc_id\": {\"references\": "
        "[\"aws_vpc.a.id\", \"aws_vpc.a\"]}}},\n"
        "  {\"address\": \"aws_security_group_rule.r\", \"expressions\": {\"security_group_id\": "
        "{\"references\": [\"aws_security_group.g.id\", \"aws_security_group.g\"]}}}]}}}\n",
        DIALECT_TERRAFORM);
    const struct device_model *m = &dv->m;
    /* The rule, listed before its group, still joins it (read in a second pass). */
    const struct cloud_rule *r = rule(m, "g", 0);
    assert_int_equal(r->port_lo, 22);
    assert_true(r->peers[0].any);
    /* Data sources are not resources: two VPCs; the reference covers one. */
    assert_int_equal(m->cloud.nnetworks, 2);
    assert_int_equal(m->cloud.networks[0].flow_logs.state, FACT_ON);
    assert_int_equal(m->cloud.networks[1].flow_logs.state, FACT_OFF);
    tu_model_unload(dv);
}

static void test_odd_values(void **state)
{
    (void)state;
    /* Ports out of range and ports as strings, a name with a dot, a peer that
     * is neither a prefix nor a known keyword: nothing is invented. */
    struct tu_dev *dv = tu_model_load_text(
        "{\"SecurityGroups\": [{\"GroupName\": \"a.b\", \"GroupId\": \"sg-9\",\n"
        "  \"IpPermissions\": [{\"IpProtocol\": \"6\", \"FromPort\": 70000, \"ToPort\": 70001,\n"
        "   \"IpRanges\": [{\"CidrIp\": \"not-a-prefix\"}, {\"CidrIp\": 5}]},\n"
        "   {\"IpProtocol\": \"tcp\", \"FromPort\": \"22\", \"ToPort\": \"22\"}]}]}\n",
        DIALECT_AWS);
    const struct device_model *m = &dv->m;
    const struct cloud_rule *r = rule(m, "a.b", 0);
    assert_int_equal(r->proto, 6);
    assert_int_equal(r->port_lo, 0); /* an impossible range reads as every port */
    assert_int_equal(r->port_hi, 65535);
    assert_int_equal(r->npeers, 2);
    assert_false(r->peers[0].any);
    assert_string_equal(r->peers[0].ref, "not-a-prefix");
    r = rule(m, "a.b", 1);
    assert_int_equal(r->port_lo, 22);
    assert_int_equal(r->npeers, 0);
    tu_model_unload(dv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_aws_security_group_and_acl),
        cmocka_unit_test(test_azure_rules_and_vnet_flow_log),
        cmocka_unit_test(test_gcp_defaults_and_subnets),
        cmocka_unit_test(test_terraform_plan_references),
        cmocka_unit_test(test_odd_values),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
