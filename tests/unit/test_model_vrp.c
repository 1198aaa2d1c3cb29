/*
 * VRP extractor: facts and their evidence lines from a hand-written VRP8
 * device (tests/fixtures/model/vrp/pe2.cfg), defaults that stay unknown,
 * and undo negations.
 */
#include "testutil.h"
#include "tu_model.h"

#include <stdlib.h>
#include <string.h>

#include "model/model.h"

static void test_pe2(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load("tests/fixtures/model/vrp/pe2.cfg", DIALECT_HUAWEI_VRP);
    const struct device_model *m = &d->m;
    assert_string_equal(m->hostname, "pe2-man");
    assert_int_equal(m->hostname_node->line, tu_line_of(d, "sysname"));
    assert_string_equal(m->os_version, "V800R021C10SPC600");

    assert_int_equal(m->telnet_server.state, FACT_ON);
    assert_true(tu_has_line(&m->telnet_server.ev, tu_line_of(d, "telnet server enable")));
    assert_int_equal(m->ssh.enabled.state, FACT_ON);
    assert_int_equal(m->ssh.v1_allowed.state, FACT_OFF); /* VRP8 default */
    assert_true(m->ssh.v1_allowed.is_default);
    assert_int_equal(m->ssh.nciphers, 3);
    assert_int_equal(m->ssh.weak_ciphers.state, FACT_ON); /* aes128_cbc */
    assert_true(tu_has_line(&m->ssh.weak_ciphers.ev, tu_line_of(d, "ssh server cipher")));
    assert_int_equal(m->ssh.weak_macs.state, FACT_OFF);
    const struct mgmt_service *http = tu_find_svc(m, "http");
    assert_non_null(http);
    assert_int_equal(http->state.state, FACT_ON);
    const struct mgmt_service *ftp = tu_find_svc(m, "ftp-server");
    assert_non_null(ftp);
    assert_int_equal(ftp->state.state, FACT_OFF);
    assert_int_equal(ftp->state.ev.nodes[0]->line, tu_line_of(d, "undo ftp server"));

    /* user-interface views */
    assert_int_equal(m->nlines, 3);
    const struct mgmt_line *con = tu_find_line(m, "user-interface con 0");
    assert_non_null(con);
    assert_int_equal(con->kind, LINE_CONSOLE);
    assert_int_equal(con->timeout_seconds, 300);
    const struct mgmt_line *vty = tu_find_line(m, "user-interface vty 0 4");
    assert_non_null(vty);
    assert_int_equal(vty->telnet_in.state, FACT_OFF);
    assert_int_equal(vty->ssh_in.state, FACT_ON);
    assert_string_equal(vty->acl_in, "2001");
    assert_non_null(vty->acl);
    assert_int_equal(vty->timeout_seconds, 600);
    assert_false(vty->timeout_is_default);
    const struct mgmt_line *vty2 = tu_find_line(m, "user-interface vty 16 20");
    assert_non_null(vty2);
    assert_int_equal(vty2->telnet_in.state, FACT_ON);
    assert_int_equal(vty2->telnet_in.ev.nodes[0]->line, tu_line_of(d, "protocol inbound all"));
    assert_int_equal(vty2->timeout_seconds, 0);
    assert_null(vty2->acl_in);

    const struct acl *acl = model_find_acl(m, "2001");
    assert_non_null(acl);
    assert_int_equal(acl->n, 3);
    assert_int_equal(acl->entries[0].src.len, 24);
    assert_int_equal(acl->entries[1].src.len, 32);
    assert_false(acl->entries[2].permit);
    assert_true(acl->entries[2].src_any);

    assert_int_equal(m->naccounts, 2);
    assert_non_null(tu_find_account(m, "legacy"));
    assert_int_equal(m->accounts[0].secret.type, SECRET_VRP_IRREVERSIBLE);
    assert_int_equal(m->accounts[0].privilege, 15);
    assert_int_equal(m->accounts[1].secret.type, SECRET_VRP_CIPHER);
    assert_int_equal(m->accounts[1].privilege, 3);
    assert_int_equal(m->aaa.central_login.state, FACT_ON);
    assert_int_equal(m->aaa.central_login.ev.nodes[0]->line,
                     tu_line_of(d, "authentication-mode hwtacacs local"));
    assert_int_equal(m->aaa.local_fallback.state, FACT_ON);
    assert_int_equal(m->aaa.authz_cmds.state, FACT_ON);
    assert_int_equal(m->aaa.accounting_exec.state, FACT_ON);
    assert_int_equal(m->aaa.accounting_cmds.state, FACT_OFF);
    assert_int_equal(m->aaa.nservers, 2);
    assert_int_equal(m->aaa.servers[1].key.type, SECRET_VRP_CIPHER);

    assert_int_equal(m->snmp.enabled.state, FACT_ON);
    assert_int_equal(m->snmp.ncommunities, 1);
    assert_int_equal(m->snmp.communities[0].name.type, SECRET_VRP_CIPHER);
    assert_false(m->snmp.communities[0].write);
    assert_string_equal(m->snmp.communities[0].acl_name, "2001");
    assert_int_equal(m->snmp.nusers, 1);
    assert_string_equal(m->snmp.users[0].auth, "sha");
    assert_string_equal(m->snmp.users[0].priv, "aes128");
    assert_int_equal(m->snmp.ntrap_hosts, 1);

    assert_int_equal(m->ntp.nservers, 2);
    assert_true(m->ntp.servers[0].keyed);
    assert_false(m->ntp.servers[1].keyed);
    assert_int_equal(m->ntp.auth_enabled.state, FACT_ON);

    assert_int_equal(m->logging.nhosts, 2);
    assert_string_equal(m->logging.hosts[0].vrf, "MGMT");
    assert_int_equal(m->logging.suppressed.state, FACT_OFF);
    assert_int_equal(m->logging.config_changes.state, FACT_UNKNOWN);

    assert_int_equal(m->bgp.local_as, 64500);
    assert_int_equal(m->bgp.nneighbors, 2);
    const struct bgp_neighbor *t = tu_find_nbr(m, "192.0.2.64");
    assert_non_null(t);
    assert_string_equal(t->group, "TRANSIT");
    assert_true(t->ebgp);
    assert_int_equal(t->auth.state, FACT_ON); /* from the group */
    assert_int_equal(t->auth.ev.nodes[0]->line, tu_line_of(d, "peer TRANSIT password"));
    assert_int_equal(t->auth_type, SECRET_VRP_CIPHER);
    assert_int_equal(t->gtsm.state, FACT_ON);
    assert_int_equal(t->max_prefix.state, FACT_ON);
    assert_int_equal(t->max_prefix.ev.nodes[0]->line, tu_line_of(d, "route-limit 900000"));
    assert_string_equal(t->in_policy, "TRANSIT-IN");
    assert_string_equal(t->out_policy, "TRANSIT-OUT");
    const struct bgp_neighbor *ib = &m->bgp.neighbors[1];
    assert_false(ib->ebgp);
    assert_int_equal(ib->auth.state, FACT_OFF);

    assert_int_equal(m->nigps, 1);
    assert_int_equal(m->igps[0].auth.state, FACT_ON);

    const struct interface *g1 = tu_find_if(m, "GigabitEthernet0/0/1");
    assert_non_null(g1);
    assert_string_equal(g1->description, "to-transit-b");
    assert_int_equal(g1->urpf.state, FACT_ON);
    assert_int_equal(g1->urpf.ev.nodes[0]->line, tu_line_of(d, "urpf strict"));
    assert_string_equal(g1->acl_in, "3001");
    assert_true(tu_find_if(m, "GigabitEthernet0/0/2")->shutdown);
    assert_true(tu_find_if(m, "LoopBack0")->is_loopback);
    const struct interface *tun = tu_find_if(m, "Tunnel0/0/1");
    assert_true(tun->is_tunnel);
    assert_string_equal(tun->tunnel_dest, "198.51.100.200");

    assert_int_equal(m->copp.state, FACT_ON);
    assert_int_equal(m->nbanners, 1);
    assert_true(sv_eq_cstr(m->banners[0].text, "Authorised access only."));
    /* ntp, tacacs, snmp auth + priv, bgp */
    assert_int_equal(m->nother_secrets, 5);
    tu_model_unload(d);
}

static struct device_model *extract_text(struct arena *a, const char *text)
{
    struct cfg_tree *t = arena_alloc(a, sizeof(*t));
    struct device_model *m = arena_alloc(a, sizeof(*m));
    cfg_parse_buffer(t, a, "inline.cfg", text, strlen(text), DIALECT_HUAWEI_VRP);
    model_extract(t, m);
    return m;
}

/* Absence stays unknown where product lines differ; undo is a negation. */
static void test_defaults_and_undo(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct device_model *m = extract_text(&a, "sysname bare\n#\nuser-interface vty 0 4\n"
                                              " authentication-mode password\n#\nreturn\n");
    assert_int_equal(m->telnet_server.state, FACT_UNKNOWN);
    assert_non_null(m->telnet_server.why);
    assert_int_equal(m->ssh.enabled.state, FACT_UNKNOWN);
    assert_int_equal(m->ssh.v1_allowed.state, FACT_UNKNOWN); /* release not known */
    assert_int_equal(m->nlines, 1);
    assert_int_equal(m->lines[0].telnet_in.state, FACT_UNKNOWN);
    assert_int_equal(m->lines[0].timeout_seconds, 600);
    assert_true(m->lines[0].timeout_is_default);
    assert_int_equal(m->aaa.central_login.state, FACT_OFF);
    assert_int_equal(m->snmp.enabled.state, FACT_OFF);
    assert_true(m->snmp.enabled.is_default);
    assert_int_equal(m->copp.state, FACT_UNKNOWN);

    m = extract_text(&a, "undo telnet server enable\nssh server compatible-ssh1x enable\n"
                         "undo info-center enable\n"
                         "super password level 15 cipher %^%#SuperCipher%^%#\n"
                         "snmp-agent\nsnmp-agent sys-info version v3\n"
                         "snmp-agent community read cipher %^%#Comm%^%#\n#\n"
                         "interface GigabitEthernet0/0/9\n undo lldp enable\n#\n"
                         "acl name MGMT 2050\n rule 5 permit source 10.9.0.0 0.0.255.255\n#\n"
                         "user-interface vty 0 4\n acl 2050 inbound\n#\nreturn\n");
    assert_int_equal(m->telnet_server.state, FACT_OFF);
    assert_int_equal(m->telnet_server.ev.nodes[0]->line, 1);
    assert_int_equal(m->ssh.v1_allowed.state, FACT_ON);
    assert_int_equal(m->logging.suppressed.state, FACT_ON);
    assert_int_equal(m->logging.suppressed.ev.nodes[0]->line, 3);
    assert_int_equal(m->enable.type, SECRET_VRP_CIPHER);
    assert_int_equal(m->enable.node->line, 4);
    /* v3 only: the community cannot answer, but stays a known secret */
    assert_int_equal(m->snmp.ncommunities, 0);
    assert_int_equal(m->nother_secrets, 1);
    assert_string_equal(m->other_secret_kinds[0], "snmp-community");
    assert_int_equal(m->ninterfaces, 1);
    assert_int_equal(m->interfaces[0].discovery.state, FACT_OFF);
    assert_int_equal(m->interfaces[0].discovery.ev.nodes[0]->line, 10);
    /* an ACL named and numbered is found by its number */
    assert_non_null(model_find_acl(m, "MGMT"));
    assert_int_equal(m->nlines, 1);
    assert_non_null(m->lines[0].acl);
    assert_int_equal(m->lines[0].acl->n, 1);
    assert_int_equal(m->lines[0].acl->entries[0].src.len, 16);
    arena_free(&a);
}

/* Peers of a vpn-instance are separate sessions with their VRF named. */
static void test_vpn_instance_peers(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct device_model *m =
        extract_text(&a, "bgp 64500\n peer 192.0.2.9 as-number 65009\n"
                         " peer 192.0.2.9 password cipher %^%#Pub%^%#\n #\n"
                         " ipv4-family vpn-instance CUST-B\n"
                         "  peer 192.0.2.9 as-number 65010\n"
                         "  peer 192.0.2.9 route-policy B-IN import\n#\nreturn\n");
    assert_int_equal(m->bgp.nneighbors, 2);
    const struct bgp_neighbor *g = &m->bgp.neighbors[0], *v = &m->bgp.neighbors[1];
    assert_null(g->vrf);
    assert_int_equal(g->remote_as, 65009);
    assert_int_equal(g->auth.state, FACT_ON);
    assert_null(g->in_policy);
    assert_string_equal(v->vrf, "CUST-B");
    assert_int_equal(v->remote_as, 65010);
    assert_int_equal(v->auth.state, FACT_OFF);
    assert_string_equal(v->in_policy, "B-IN");
    assert_int_equal(v->node->line, 6);
    arena_free(&a);
}

/* What a range of routes meets in a session's inbound policy. */
/* Import filters per family: the group's ip-prefix for IPv4, the peer's
 * own route-policy for IPv6; unmatched routes are denied. */
static void test_import_policy(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct device_model *m = extract_text(
        &a, "ip ip-prefix V4 index 10 deny 10.0.0.0 8 less-equal 32\n"
            "ip ip-prefix V4 index 20 permit 0.0.0.0 0 less-equal 24\n"
            "ip ipv6-prefix V6 index 10 permit 2400:: 12 less-equal 48\n"
            "route-policy IN6 permit node 10\n if-match ipv6 address prefix-list V6\n#\n"
            "bgp 64500\n group T external\n peer T as-number 65001\n"
            " peer 192.0.2.1 group T\n #\n ipv4-family unicast\n  peer T ip-prefix V4 import\n"
            " #\n ipv6-family unicast\n  peer 192.0.2.1 route-policy IN6 import\n#\nreturn\n");
    assert_int_equal(m->bgp.nneighbors, 1);
    const struct bgp_neighbor *nb = &m->bgp.neighbors[0];
    assert_true(nb->in_summary.known);
    assert_int_equal(tu_range_in(nb, "10.0.0.0/8", 8, 32), POLICY_DENIES);
    assert_int_equal(tu_range_in(nb, "100.64.0.0/10", 10, 32), POLICY_PERMITS);
    assert_int_equal(tu_range_in(nb, "0.0.0.0/0", 25, 32), POLICY_DENIES);
    assert_int_equal(tu_range_in(nb, "2001:db8::/32", 32, 128), POLICY_DENIES);
    assert_int_equal(tu_range_in(nb, "2400::/12", 49, 128), POLICY_DENIES);
    assert_int_equal(tu_range_in(nb, "2400:1::/32", 32, 32), POLICY_PERMITS);
    arena_free(&a);
}

/* " #" inside the aaa view (as VRP prints it) does not lose the schemes. */
static void test_aaa_sections(void **state)
{
    (void)state;
    struct arena a;
    arena_init(&a);
    struct device_model *m =
        extract_text(&a, "aaa\n local-user ops password irreversible-cipher $1c$x$y$\n #\n"
                         " authentication-scheme default\n  authentication-mode radius\n #\n"
                         " accounting-scheme default\n  accounting-mode radius\n#\nreturn\n");
    assert_int_equal(m->naccounts, 1);
    assert_int_equal(m->aaa.central_login.state, FACT_ON);
    assert_int_equal(m->aaa.central_login.ev.nodes[0]->line, 5);
    assert_int_equal(m->aaa.local_fallback.state, FACT_OFF);
    assert_int_equal(m->aaa.accounting_exec.state, FACT_ON);
    arena_free(&a);
}

int main(void)
{
    /* model.c refers to the family extractors weakly; a strong reference
     * makes sure the VRP one is linked from the static library. */
    void (*volatile keep)(const struct cfg_tree *, struct device_model *) = model_extract_vrp;
    (void)keep;
    diag_set_quiet(true);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pe2),
        cmocka_unit_test(test_defaults_and_undo),
        cmocka_unit_test(test_vpn_instance_peers),
        cmocka_unit_test(test_import_policy),
        cmocka_unit_test(test_aaa_sections),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
