/*
 * Junos extractor: facts and their evidence lines from a hand-written
 * device (tests/fixtures/model/junos/edge1.*), and the same facts from its
 * brace and set forms.
 */
#include "testutil.h"
#include "tu_model.h"

#include <stdlib.h>
#include <string.h>

#include "model/model.h"

static void check_edge1(const struct tu_dev *d, bool brace)
{
    const struct device_model *m = &d->m;
    assert_string_equal(m->hostname, "edge1-lon");
    assert_int_equal(m->hostname_node->line, tu_line_of(d, "host-name edge1-lon"));
    assert_string_equal(m->os_version, "21.4R3-S5.4");

    /* telnet is only in an unapplied group and inactive locally */
    assert_int_equal(m->telnet_server.state, FACT_OFF);
    assert_true(m->telnet_server.is_default);
    assert_null(tu_find_svc(m, "telnet"));

    assert_int_equal(m->ssh.enabled.state, FACT_ON);
    assert_int_equal(m->ssh.v1_allowed.state, FACT_OFF);
    assert_int_equal(m->ssh.root_login.state, FACT_OFF);
    assert_true(tu_has_line(&m->ssh.root_login.ev, tu_line_of(d, "root-login deny")));
    assert_int_equal(m->ssh.nciphers, 2);
    assert_string_equal(m->ssh.ciphers[1], "aes128-cbc");
    assert_int_equal(m->ssh.weak_ciphers.state, FACT_ON);
    /* evidence: the statement naming the weak cipher, not the whole list */
    assert_int_equal(m->ssh.weak_ciphers.ev.n, 1);
    assert_true(tu_has_line(&m->ssh.weak_ciphers.ev, tu_line_of(d, "aes128-cbc")));
    assert_int_equal(m->ssh.weak_macs.state, FACT_OFF);
    assert_int_equal(m->ssh.weak_macs.ev.n, 1);
    assert_true(tu_has_line(&m->ssh.weak_macs.ev, tu_line_of(d, "macs hmac-sha2-256")));
    assert_int_equal(m->ssh.port, 22);
    assert_int_equal(m->ssh.idle_timeout_seconds, 0); /* alice's super-user has none */

    const struct mgmt_service *http = tu_find_svc(m, "http");
    assert_non_null(http);
    assert_true(http->cleartext);
    assert_int_equal(http->state.state, FACT_ON);
    assert_non_null(tu_find_svc(m, "netconf"));

    const struct account *root = tu_find_account(m, "root");
    assert_non_null(root);
    assert_int_equal(root->secret.type, SECRET_SHA512_CRYPT);
    assert_int_equal(root->privilege, 15);
    const struct account *alice = tu_find_account(m, "alice");
    assert_non_null(alice);
    assert_string_equal(alice->role, "super-user");
    assert_true(alice->has_ssh_key);
    assert_int_equal(alice->secret.type, SECRET_SHA512_CRYPT);
    const struct account *bob = tu_find_account(m, "bob");
    assert_non_null(bob);
    assert_int_equal(bob->secret.type, SECRET_MD5);
    assert_int_equal(bob->secret.node->line, tu_line_of(d, "$1$oldsalt"));
    assert_int_equal(m->naccounts, 3);

    assert_int_equal(m->nbanners, 1);
    assert_true(sv_eq_cstr(m->banners[0].text, "Authorised access only. Activity is monitored."));

    assert_int_equal(m->aaa.central_login.state, FACT_ON);
    assert_int_equal(m->aaa.local_fallback.state, FACT_ON);
    assert_int_equal(m->aaa.accounting_exec.state, FACT_ON);
    assert_int_equal(m->aaa.accounting_cmds.state, FACT_ON);
    assert_int_equal(m->aaa.authz_cmds.state, FACT_ON);
    assert_true(tu_has_line(&m->aaa.authz_cmds.ev, tu_line_of(d, "permissions")));
    assert_int_equal(m->aaa.nservers, 2);
    assert_int_equal(m->aaa.servers[0].proto, AAA_TACACS);
    assert_int_equal(m->aaa.servers[0].key.type, SECRET_JUNOS9);
    assert_int_equal(m->aaa.servers[1].addr.af, 4);

    assert_int_equal(m->snmp.enabled.state, FACT_ON);
    assert_int_equal(m->snmp.ncommunities, 1);
    assert_false(m->snmp.communities[0].write);
    assert_non_null(m->snmp.communities[0].acl_name);
    const struct acl *cl = model_find_acl(m, m->snmp.communities[0].acl_name);
    assert_non_null(cl);
    assert_int_equal(cl->n, 2);
    assert_true(cl->entries[0].permit);
    assert_false(cl->entries[1].permit);
    assert_true(cl->entries[1].src_any);
    assert_int_equal(m->snmp.nusers, 1);
    assert_string_equal(m->snmp.users[0].auth, "sha");
    assert_string_equal(m->snmp.users[0].priv, "aes128");

    /* one server from the applied group, one local */
    assert_int_equal(m->ntp.nservers, 2);
    assert_true(m->ntp.servers[0].keyed && m->ntp.servers[1].keyed);
    assert_int_equal(m->ntp.auth_enabled.state, FACT_ON);
    assert_int_equal(m->ntp.servers[0].node->line, tu_line_of(d, "192.0.2.123"));

    assert_int_equal(m->logging.nhosts, 1);
    assert_string_equal(m->logging.hosts[0].host, "203.0.113.50");
    assert_int_equal(m->logging.login_events.state, FACT_ON);
    assert_int_equal(m->logging.config_changes.state, FACT_ON);

    assert_true(m->bgp.configured);
    assert_int_equal(m->bgp.local_as, 64500);
    assert_int_equal(m->bgp.nneighbors, 3);
    const struct bgp_neighbor *n0 = tu_find_nbr(m, "192.0.2.0");
    assert_non_null(n0);
    assert_true(n0->ebgp);
    assert_int_equal(n0->remote_as, 64511);
    assert_int_equal(n0->auth.state, FACT_ON);
    assert_int_equal(n0->auth_type, SECRET_JUNOS9);
    assert_true(tu_has_line(&n0->auth.ev, tu_line_of(d, "$9$bgpGroupKey")));
    assert_int_equal(n0->max_prefix.state, FACT_ON); /* from group BGP-SAFE */
    assert_true(tu_has_line(&n0->max_prefix.ev, tu_line_of(d, "950000")));
    assert_string_equal(n0->in_policy, "TRANSIT-IN");
    assert_string_equal(n0->out_policy, "OWN-OUT TAG-OUT");
    assert_int_equal(n0->gtsm.state, FACT_ON);
    const struct bgp_neighbor *n2 = tu_find_nbr(m, "192.0.2.2");
    assert_non_null(n2);
    assert_string_equal(n2->in_policy, "STRICT-IN");
    assert_int_equal(n2->auth.state, FACT_ON); /* group key inherited */
    assert_true(tu_has_line(&n2->auth.ev, tu_line_of(d, "$9$bgpGroupKey")));
    const struct bgp_neighbor *ib = tu_find_nbr(m, "10.255.0.2");
    assert_non_null(ib);
    assert_false(ib->ebgp);
    assert_int_equal(ib->auth.state, FACT_OFF);
    assert_null(ib->in_policy);

    assert_int_equal(m->nigps, 1);
    assert_string_equal(m->igps[0].proto, "ospf");
    assert_int_equal(m->igps[0].auth.state, FACT_ON);

    const struct interface *ge0 = tu_find_if(m, "ge-0/0/0");
    assert_non_null(ge0);
    assert_string_equal(ge0->description, "TRANSIT-A");
    assert_int_equal(ge0->urpf.state, FACT_ON);
    assert_true(tu_has_line(&ge0->urpf.ev, tu_line_of(d, "rpf-check")));
    assert_string_equal(ge0->acl_in, "EDGE-IN");
    assert_true(ge0->has_ip);
    assert_true(tu_find_if(m, "ge-0/0/1")->shutdown);
    const struct interface *gr = tu_find_if(m, "gr-0/0/0");
    assert_true(gr->is_tunnel);
    assert_string_equal(gr->tunnel_dest, "198.51.100.99");
    assert_true(tu_find_if(m, "lo0")->is_loopback);

    assert_int_equal(m->copp.state, FACT_ON);
    assert_int_equal(m->nmgmt_paths, 1);
    assert_string_equal(m->mgmt_paths[0].service, "lo0-filter");
    assert_string_equal(m->mgmt_paths[0].acl_name, "PROTECT-RE");
    const struct acl *re = model_find_acl(m, "PROTECT-RE");
    assert_non_null(re);
    assert_non_null(m->mgmt_paths[0].acl);
    /* PAW (2 prefixes, permit), BGP-TTL discard, LAST discard */
    assert_int_equal(re->n, 4);
    assert_true(re->entries[0].permit);
    assert_int_equal(re->entries[0].src.af, 4);
    assert_int_equal(re->entries[0].src.len, 24);
    assert_false(re->entries[3].permit);
    assert_true(re->entries[3].src_any);
    /* the BGP term is routing traffic, the ssh term and the last are not */
    assert_true(re->entries[2].not_mgmt);
    assert_false(re->entries[0].not_mgmt);
    assert_false(re->entries[3].not_mgmt);

    assert_int_equal(m->nmirrors, 1);
    assert_string_equal(m->mirrors[0].kind, "analyzer");
    assert_true(m->mirrors[0].remote);
    assert_string_equal(m->mirrors[0].destination, "203.0.113.77");

    assert_int_equal(m->nonbox, 1);
    assert_string_equal(m->onbox[0].kind, "event-handler");
    assert_string_equal(m->onbox[0].name, "RESTORE");
    assert_true(m->onbox[0].risky);

    assert_int_equal(m->nipsec, 1);
    assert_true(m->ipsec[0].weak);

    assert_int_equal(m->legacy.secret_encryption.state, FACT_OFF);
    /* tacacs x2, ntp, snmp auth+priv, bgp, ospf */
    assert_int_equal(m->nother_secrets, 7);
    (void)brace;
}

static void test_brace(void **state)
{
    (void)state;
    struct tu_dev *d =
        tu_model_load("tests/fixtures/model/junos/edge1.conf", DIALECT_JUNIPER_JUNOS);
    check_edge1(d, true);
    tu_model_unload(d);
}

static void test_set(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load("tests/fixtures/model/junos/edge1.set", DIALECT_JUNIPER_JUNOS);
    check_edge1(d, false);
    tu_model_unload(d);
}

/* Brace and set forms of one device: the same model, field by field. */
static void test_forms_agree(void **state)
{
    (void)state;
    struct tu_dev *db =
        tu_model_load("tests/fixtures/model/junos/edge1.conf", DIALECT_JUNIPER_JUNOS);
    struct tu_dev *ds =
        tu_model_load("tests/fixtures/model/junos/edge1.set", DIALECT_JUNIPER_JUNOS);
    const struct device_model *a = &db->m, *b = &ds->m;
    tu_same_str(a->hostname, b->hostname);
    tu_same_str(a->os_version, b->os_version);
    tu_same_fact(&a->telnet_server, &b->telnet_server);
    tu_same_fact(&a->ssh.enabled, &b->ssh.enabled);
    tu_same_fact(&a->ssh.v1_allowed, &b->ssh.v1_allowed);
    tu_same_fact(&a->ssh.root_login, &b->ssh.root_login);
    tu_same_fact(&a->ssh.weak_ciphers, &b->ssh.weak_ciphers);
    tu_same_fact(&a->ssh.weak_macs, &b->ssh.weak_macs);
    assert_int_equal(a->ssh.port, b->ssh.port);
    assert_int_equal(a->ssh.idle_timeout_seconds, b->ssh.idle_timeout_seconds);
    assert_int_equal(a->ssh.nciphers, b->ssh.nciphers);
    for (size_t i = 0; i < a->ssh.nciphers; i++)
        tu_same_str(a->ssh.ciphers[i], b->ssh.ciphers[i]);
    assert_int_equal(a->ssh.nmacs, b->ssh.nmacs);
    assert_int_equal(a->nservices, b->nservices);
    for (size_t i = 0; i < a->nservices; i++) {
        tu_same_str(a->services[i].name, b->services[i].name);
        assert_int_equal(a->services[i].cleartext, b->services[i].cleartext);
        tu_same_fact(&a->services[i].state, &b->services[i].state);
    }
    assert_int_equal(a->naccounts, b->naccounts);
    for (size_t i = 0; i < a->naccounts; i++) {
        tu_same_str(a->accounts[i].name, b->accounts[i].name);
        tu_same_str(a->accounts[i].role, b->accounts[i].role);
        assert_int_equal(a->accounts[i].privilege, b->accounts[i].privilege);
        assert_int_equal(a->accounts[i].secret.type, b->accounts[i].secret.type);
        assert_int_equal(a->accounts[i].has_ssh_key, b->accounts[i].has_ssh_key);
    }
    tu_same_fact(&a->aaa.central_login, &b->aaa.central_login);
    tu_same_fact(&a->aaa.local_fallback, &b->aaa.local_fallback);
    tu_same_fact(&a->aaa.accounting_exec, &b->aaa.accounting_exec);
    tu_same_fact(&a->aaa.accounting_cmds, &b->aaa.accounting_cmds);
    tu_same_fact(&a->aaa.authz_cmds, &b->aaa.authz_cmds);
    assert_int_equal(a->aaa.nservers, b->aaa.nservers);
    for (size_t i = 0; i < a->aaa.nservers; i++) {
        tu_same_str(a->aaa.servers[i].host, b->aaa.servers[i].host);
        assert_int_equal(a->aaa.servers[i].key.type, b->aaa.servers[i].key.type);
    }
    tu_same_fact(&a->snmp.enabled, &b->snmp.enabled);
    assert_int_equal(a->snmp.ncommunities, b->snmp.ncommunities);
    for (size_t i = 0; i < a->snmp.ncommunities; i++) {
        assert_int_equal(a->snmp.communities[i].write, b->snmp.communities[i].write);
        tu_same_str(a->snmp.communities[i].acl_name, b->snmp.communities[i].acl_name);
    }
    assert_int_equal(a->snmp.nusers, b->snmp.nusers);
    for (size_t i = 0; i < a->snmp.nusers; i++) {
        tu_same_str(a->snmp.users[i].auth, b->snmp.users[i].auth);
        tu_same_str(a->snmp.users[i].priv, b->snmp.users[i].priv);
    }
    assert_int_equal(a->ntp.nservers, b->ntp.nservers);
    for (size_t i = 0; i < a->ntp.nservers; i++) {
        tu_same_str(a->ntp.servers[i].host, b->ntp.servers[i].host);
        assert_int_equal(a->ntp.servers[i].keyed, b->ntp.servers[i].keyed);
    }
    tu_same_fact(&a->ntp.auth_enabled, &b->ntp.auth_enabled);
    assert_int_equal(a->logging.nhosts, b->logging.nhosts);
    tu_same_fact(&a->logging.login_events, &b->logging.login_events);
    tu_same_fact(&a->logging.config_changes, &b->logging.config_changes);
    tu_same_fact(&a->logging.suppressed, &b->logging.suppressed);
    assert_int_equal(a->bgp.local_as, b->bgp.local_as);
    assert_int_equal(a->bgp.nneighbors, b->bgp.nneighbors);
    for (size_t i = 0; i < a->bgp.nneighbors; i++) {
        const struct bgp_neighbor *x = &a->bgp.neighbors[i], *y = &b->bgp.neighbors[i];
        tu_same_str(x->addr, y->addr);
        tu_same_str(x->group, y->group);
        assert_int_equal(x->remote_as, y->remote_as);
        assert_int_equal(x->ebgp, y->ebgp);
        tu_same_fact(&x->auth, &y->auth);
        assert_int_equal(x->auth_type, y->auth_type);
        tu_same_fact(&x->gtsm, &y->gtsm);
        tu_same_fact(&x->max_prefix, &y->max_prefix);
        tu_same_str(x->in_policy, y->in_policy);
        tu_same_str(x->out_policy, y->out_policy);
    }
    assert_int_equal(a->nigps, b->nigps);
    for (size_t i = 0; i < a->nigps; i++)
        tu_same_fact(&a->igps[i].auth, &b->igps[i].auth);
    assert_int_equal(a->ninterfaces, b->ninterfaces);
    for (size_t i = 0; i < a->ninterfaces; i++) {
        const struct interface *x = &a->interfaces[i], *y = &b->interfaces[i];
        tu_same_str(x->name, y->name);
        tu_same_str(x->description, y->description);
        assert_int_equal(x->shutdown, y->shutdown);
        assert_int_equal(x->has_ip, y->has_ip);
        assert_int_equal(x->is_tunnel, y->is_tunnel);
        tu_same_fact(&x->urpf, &y->urpf);
        tu_same_str(x->acl_in, y->acl_in);
        tu_same_str(x->acl_out, y->acl_out);
        tu_same_str(x->tunnel_dest, y->tunnel_dest);
    }
    assert_int_equal(a->nacls, b->nacls);
    for (size_t i = 0; i < a->nacls; i++) {
        tu_same_str(a->acls[i].name, b->acls[i].name);
        assert_int_equal(a->acls[i].n, b->acls[i].n);
        for (size_t j = 0; j < a->acls[i].n; j++) {
            assert_int_equal(a->acls[i].entries[j].permit, b->acls[i].entries[j].permit);
            assert_int_equal(a->acls[i].entries[j].src_any, b->acls[i].entries[j].src_any);
            assert_memory_equal(&a->acls[i].entries[j].src, &b->acls[i].entries[j].src,
                                sizeof(struct ip_prefix));
        }
    }
    assert_int_equal(a->nmgmt_paths, b->nmgmt_paths);
    tu_same_fact(&a->copp, &b->copp);
    assert_int_equal(a->nmirrors, b->nmirrors);
    assert_int_equal(a->nonbox, b->nonbox);
    assert_int_equal(a->nipsec, b->nipsec);
    assert_int_equal(a->nbanners, b->nbanners);
    assert_int_equal(a->nother_secrets, b->nother_secrets);
    for (size_t i = 0; i < a->nother_secrets; i++) {
        tu_same_str(a->other_secret_kinds[i], b->other_secret_kinds[i]);
        assert_int_equal(a->other_secrets[i].type, b->other_secrets[i].type);
    }
    tu_same_fact(&a->legacy.secret_encryption, &b->legacy.secret_encryption);
    tu_model_unload(db);
    tu_model_unload(ds);
}

/* Defaults: an almost empty config keeps known defaults and unknowns apart. */
static void test_defaults(void **state)
{
    (void)state;
    static const char cfg[] = "system {\n    host-name bare;\n    services {\n"
                              "        ssh;\n    }\n}\n";
    struct tu_dev *dv = tu_model_load_text(cfg, DIALECT_JUNIPER_JUNOS);
    const struct device_model m = dv->m;
    assert_string_equal(m.hostname, "bare");
    assert_int_equal(m.ssh.enabled.state, FACT_ON);
    assert_int_equal(m.ssh.enabled.ev.nodes[0]->line, 4);
    /* no root-login statement: only an explicit deny keeps root out */
    assert_int_equal(m.ssh.root_login.state, FACT_ON);
    assert_true(m.ssh.root_login.is_default);
    assert_non_null(m.ssh.root_login.why);
    assert_int_equal(m.ssh.weak_ciphers.state, FACT_UNKNOWN);
    assert_int_equal(m.telnet_server.state, FACT_OFF);
    assert_true(m.telnet_server.is_default);
    assert_int_equal(m.copp.state, FACT_OFF);
    assert_null(m.mgmt_paths[0].acl_name);
    assert_int_equal(m.aaa.central_login.state, FACT_OFF);
    assert_int_equal(m.snmp.enabled.state, FACT_OFF);
    assert_false(m.bgp.configured);
    tu_model_unload(dv);
}

/* re0/re1 groups: the first applied group names the device; secrets under
 * statements no handler reads are still recorded with a kind. */
static void test_groups_and_secrets(void **state)
{
    (void)state;
    static const char cfg[] =
        "groups {\n"
        "    re0 { system { host-name core-re0; } }\n"
        "    re1 { system { host-name core-re1; } }\n"
        "}\n"
        "apply-groups [ re0 re1 ];\n"
        "system { login { user ops { class read-only; authentication {\n"
        "    encrypted-password <removed>; } } } }\n"
        "protocols {\n"
        "    ldp {\n"
        "        session 10.0.0.9 {\n"
        "            authentication-key \"$9$ldpKeyValue\";\n"
        "        }\n"
        "    }\n"
        "    lldp { interface ge-0/0/5 { disable; } }\n"
        "    inactive: rsvp {\n"
        "        interface ge-0/0/0.0 { authentication-key \"$9$rsvpKey\"; }\n"
        "    }\n"
        "}\n";
    struct tu_dev *dv = tu_model_load_text(cfg, DIALECT_JUNIPER_JUNOS);
    const struct device_model m = dv->m;
    assert_string_equal(m.hostname, "core-re0");
    assert_int_equal(m.hostname_node->line, 2);
    assert_int_equal(m.nother_secrets, 1); /* the inactive rsvp key is absent */
    assert_string_equal(m.other_secret_kinds[0], "ldp-key");
    assert_int_equal(m.other_secrets[0].type, SECRET_JUNOS9);
    assert_int_equal(m.other_secrets[0].node->line, 11);
    assert_int_equal(m.ninterfaces, 1);
    assert_int_equal(m.interfaces[0].discovery.state, FACT_OFF);
    assert_int_equal(m.interfaces[0].discovery.ev.nodes[0]->line, 14);
    /* a password the collector removed */
    assert_int_equal(m.naccounts, 1);
    assert_int_equal(m.accounts[0].secret.type, SECRET_REDACTED);
    assert_int_equal(m.accounts[0].privilege, 1);
    tu_model_unload(dv);
}

/* Per-VRF BGP: same group and address in two instances stay apart. */
static void test_routing_instances(void **state)
{
    (void)state;
    static const char cfg[] =
        "set routing-options autonomous-system 64500\n"
        "set protocols bgp authentication-key \"$9$masterKey\"\n"
        "set protocols bgp group CE type external\n"
        "set protocols bgp group CE neighbor 192.0.2.1 peer-as 65001\n"
        "set routing-instances CUST-A instance-type vrf\n"
        "set routing-instances CUST-A protocols bgp group CE type external\n"
        "set routing-instances CUST-A protocols bgp group CE import CUST-A-IN\n"
        "set routing-instances CUST-A protocols bgp group CE neighbor 192.0.2.1 peer-as 65002\n";
    struct tu_dev *dv = tu_model_load_text(cfg, DIALECT_JUNIPER_JUNOS);
    const struct device_model m = dv->m;
    assert_int_equal(m.bgp.nneighbors, 2);
    const struct bgp_neighbor *g = &m.bgp.neighbors[0], *v = &m.bgp.neighbors[1];
    assert_null(g->vrf);
    assert_int_equal(g->remote_as, 65001);
    assert_int_equal(g->auth.state, FACT_ON); /* the master bgp-level key */
    assert_null(g->in_policy);
    assert_string_equal(v->vrf, "CUST-A");
    assert_int_equal(v->remote_as, 65002);
    assert_true(v->ebgp);
    assert_int_equal(v->auth.state, FACT_OFF); /* the master key does not reach a VRF */
    assert_string_equal(v->in_policy, "CUST-A-IN");
    assert_int_equal(v->node->line, 8);
    tu_model_unload(dv);
}

/* Classes that permit everything are no command authorisation; syslog
 * hosts that take only emergencies drop nearly every event. */
static void test_authz_and_syslog_level(void **state)
{
    (void)state;
    static const char cfg[] = "set system login class wide permissions all\n"
                              "set system login user jdoe class wide\n"
                              "set system login user admin class super-user\n"
                              "set system syslog host 192.0.2.50 any emergency\n"
                              "set system syslog file messages any info\n";
    struct tu_dev *dv = tu_model_load_text(cfg, DIALECT_JUNIPER_JUNOS);
    const struct device_model m = dv->m;
    assert_int_equal(m.aaa.authz_cmds.state, FACT_OFF);
    assert_true(tu_has_line(&m.aaa.authz_cmds.ev, 1));
    assert_int_equal(m.logging.suppressed.state, FACT_ON);
    assert_int_equal(m.logging.suppressed.ev.nodes[0]->line, 4);
    assert_string_equal(m.logging.trap_level, "emergency");
    tu_model_unload(dv);
}

int main(void)
{
    /* model.c refers to the family extractors weakly; a strong reference
     * makes sure the Junos one is linked from the static library. */
    void (*volatile keep)(const struct cfg_tree *, struct device_model *) = model_extract_junos;
    (void)keep;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brace),
        cmocka_unit_test(test_set),
        cmocka_unit_test(test_forms_agree),
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_groups_and_secrets),
        cmocka_unit_test(test_routing_instances),
        cmocka_unit_test(test_authz_and_syslog_level),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
