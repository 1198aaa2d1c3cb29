/*
 * SR OS extractor: one hand-written device in MD-CLI braces, MD-CLI flat
 * and classic CLI (tests/fixtures/model/sros/pe4-*.cfg) gives the same
 * facts with the right evidence lines; documented defaults when absent.
 */
#include "testutil.h"
#include "tu_model.h"

#include <stdlib.h>
#include <string.h>

#include "model/model.h"

static void check_pe4(const struct tu_dev *d)
{
    const struct device_model *m = &d->m;
    assert_string_equal(m->hostname, "pe4-edi");
    assert_int_equal(m->hostname_node->line, tu_line_of(d, "name \"pe4-edi\""));
    assert_string_equal(m->os_version, "TiMOS-B-23.10.R2");
    assert_string_equal(m->platform, "7750 SR-7");

    assert_int_equal(m->telnet_server.state, FACT_ON);
    assert_int_equal(m->telnet_server.ev.nodes[0]->line, tu_line_of(d, "telnet-server"));
    const struct mgmt_service *ftp = tu_find_svc(m, "ftp-server");
    assert_non_null(ftp);
    assert_int_equal(ftp->state.state, FACT_OFF);
    assert_int_equal(m->ssh.enabled.state, FACT_ON);
    assert_true(m->ssh.enabled.is_default);
    assert_int_equal(m->ssh.nciphers, 2);
    assert_int_equal(m->ssh.weak_ciphers.state, FACT_OFF);
    assert_false(m->ssh.weak_ciphers.is_default);
    assert_true(tu_has_line(&m->ssh.weak_ciphers.ev, tu_line_of(d, "aes256-ctr")));
    assert_int_equal(m->ssh.weak_macs.state, FACT_OFF);
    assert_int_equal(m->ssh.idle_timeout_seconds, 15 * 60);
    assert_int_equal(m->nlines, 1);
    assert_int_equal(m->lines[0].timeout_seconds, 900);
    assert_int_equal(m->lines[0].timeout_node->line, tu_line_of(d, "idle-timeout 15"));
    assert_int_equal(m->lines[0].telnet_in.state, FACT_ON);

    const struct acl *maf = model_find_acl(m, "management-access-filter");
    assert_non_null(maf);
    assert_int_equal(maf->n, 2);
    assert_true(maf->entries[0].permit);
    assert_int_equal(maf->entries[0].src.len, 24);
    assert_false(maf->entries[1].permit);
    assert_true(maf->entries[1].src_any);
    assert_int_equal(maf->entries[1].node->line, tu_line_of(d, "default-action"));
    assert_int_equal(m->nmgmt_paths, 1);
    assert_non_null(m->mgmt_paths[0].acl);
    assert_int_equal(m->copp.state, FACT_ON);

    const struct account *admin = tu_find_account(m, "admin");
    assert_non_null(admin);
    assert_int_equal(admin->privilege, 15);
    assert_string_equal(admin->role, "administrative");
    assert_true(secret_type_is_strong_hash(admin->secret.type));

    assert_int_equal(m->aaa.central_login.state, FACT_ON);
    assert_int_equal(m->aaa.central_login.ev.nodes[0]->line, tu_line_of(d, "tacplus local"));
    assert_int_equal(m->aaa.local_fallback.state, FACT_ON);
    assert_int_equal(m->aaa.accounting_cmds.state, FACT_ON);
    assert_int_equal(m->aaa.nservers, 1);
    assert_string_equal(m->aaa.servers[0].host, "198.51.100.31");
    assert_int_equal(m->aaa.servers[0].key.type, SECRET_SROS_HASH2);

    assert_int_equal(m->snmp.enabled.state, FACT_ON);
    assert_int_equal(m->snmp.ncommunities, 1);
    assert_false(m->snmp.communities[0].write);
    assert_int_equal(m->snmp.communities[0].name.type, SECRET_PLAINTEXT);

    assert_int_equal(m->ntp.nservers, 1);
    assert_true(m->ntp.servers[0].keyed);
    assert_int_equal(m->ntp.auth_enabled.state, FACT_ON);

    assert_int_equal(m->logging.nhosts, 1);
    assert_string_equal(m->logging.hosts[0].host, "203.0.113.70");
    assert_int_equal(m->logging.login_events.state, FACT_ON);
    assert_int_equal(m->logging.config_changes.state, FACT_ON);

    assert_int_equal(m->bgp.local_as, 64500);
    assert_int_equal(m->bgp.nneighbors, 2);
    const struct bgp_neighbor *t = tu_find_nbr(m, "192.0.2.96");
    assert_non_null(t);
    assert_true(t->ebgp);
    assert_string_equal(t->group, "TRANSIT");
    assert_int_equal(t->remote_as, 64512);
    assert_int_equal(t->auth.state, FACT_ON);
    assert_int_equal(t->auth_type, SECRET_SROS_HASH2);
    assert_int_equal(t->auth.ev.nodes[0]->line, tu_line_of(d, "authentication-key \"Q9"));
    assert_int_equal(t->gtsm.state, FACT_ON);
    assert_int_equal(t->max_prefix.state, FACT_ON);
    assert_string_equal(t->in_policy, "TRANSIT-IN");
    assert_string_equal(t->out_policy, "OWN-OUT");
    const struct bgp_neighbor *ib = tu_find_nbr(m, "10.255.2.2");
    assert_non_null(ib);
    assert_false(ib->ebgp);
    assert_int_equal(ib->auth.state, FACT_OFF);
    assert_int_equal(ib->gtsm.state, FACT_OFF);

    assert_int_equal(m->nigps, 1);
    assert_int_equal(m->igps[0].auth.state, FACT_ON);

    const struct interface *p1 = tu_find_if(m, "1/1/1");
    assert_non_null(p1);
    assert_false(p1->shutdown);
    assert_string_equal(p1->description, "core-link-a");
    assert_true(tu_find_if(m, "1/1/2")->shutdown); /* ports are down until enabled */
    const struct interface *tp = tu_find_if(m, "to-peer");
    assert_non_null(tp);
    assert_true(tp->has_ip);
    assert_int_equal(tp->urpf.state, FACT_ON);
    assert_int_equal(tp->urpf.ev.nodes[0]->line, tu_line_of(d, "mode strict"));
    assert_true(tu_find_if(m, "system")->is_loopback);

    assert_int_equal(m->nonbox, 1);
    assert_string_equal(m->onbox[0].kind, "cron");
    assert_int_equal(m->nbanners, 1);
    assert_true(sv_eq_cstr(m->banners[0].text, "Authorised use only"));
    assert_int_equal(m->nother_secrets, 4);
}

static void test_mdcli(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load("tests/fixtures/model/sros/pe4-mdcli.cfg", DIALECT_NOKIA_SROS);
    assert_int_equal(d->t.form, FORM_SROS_MDCLI);
    check_pe4(d);
    tu_model_unload(d);
}

static void test_flat(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load("tests/fixtures/model/sros/pe4-flat.cfg", DIALECT_NOKIA_SROS);
    assert_int_equal(d->t.form, FORM_SROS_MDCLI_FLAT);
    check_pe4(d);
    tu_model_unload(d);
}

static void test_classic(void **state)
{
    (void)state;
    struct tu_dev *d =
        tu_model_load("tests/fixtures/model/sros/pe4-classic.cfg", DIALECT_NOKIA_SROS);
    assert_int_equal(d->t.form, FORM_SROS_CLASSIC);
    check_pe4(d);
    tu_model_unload(d);
}

/* The three forms of one device give the same model (order aside). */
static void same_model(const struct device_model *a, const struct device_model *b)
{
    tu_same_str(a->hostname, b->hostname);
    tu_same_str(a->os_version, b->os_version);
    tu_same_fact(&a->telnet_server, &b->telnet_server);
    tu_same_fact(&a->ssh.enabled, &b->ssh.enabled);
    tu_same_fact(&a->ssh.weak_ciphers, &b->ssh.weak_ciphers);
    tu_same_fact(&a->ssh.weak_macs, &b->ssh.weak_macs);
    assert_int_equal(a->ssh.idle_timeout_seconds, b->ssh.idle_timeout_seconds);
    assert_int_equal(a->nservices, b->nservices);
    for (size_t i = 0; i < a->nservices; i++) {
        const struct mgmt_service *s = tu_find_svc(b, a->services[i].name);
        assert_non_null(s);
        tu_same_fact(&a->services[i].state, &s->state);
    }
    assert_int_equal(a->naccounts, b->naccounts);
    for (size_t i = 0; i < a->naccounts; i++) {
        const struct account *o = tu_find_account(b, a->accounts[i].name);
        assert_non_null(o);
        assert_int_equal(a->accounts[i].privilege, o->privilege);
        assert_int_equal(a->accounts[i].secret.type, o->secret.type);
        tu_same_str(a->accounts[i].role, o->role);
    }
    tu_same_fact(&a->aaa.central_login, &b->aaa.central_login);
    tu_same_fact(&a->aaa.local_fallback, &b->aaa.local_fallback);
    tu_same_fact(&a->aaa.accounting_exec, &b->aaa.accounting_exec);
    tu_same_fact(&a->aaa.authz_cmds, &b->aaa.authz_cmds);
    assert_int_equal(a->aaa.nservers, b->aaa.nservers);
    tu_same_fact(&a->snmp.enabled, &b->snmp.enabled);
    assert_int_equal(a->snmp.ncommunities, b->snmp.ncommunities);
    tu_same_fact(&a->ntp.auth_enabled, &b->ntp.auth_enabled);
    assert_int_equal(a->ntp.nservers, b->ntp.nservers);
    tu_same_fact(&a->logging.login_events, &b->logging.login_events);
    tu_same_fact(&a->logging.config_changes, &b->logging.config_changes);
    assert_int_equal(a->bgp.nneighbors, b->bgp.nneighbors);
    for (size_t i = 0; i < a->bgp.nneighbors; i++) {
        const struct bgp_neighbor *x = &a->bgp.neighbors[i], *y = tu_find_nbr(b, x->addr);
        assert_non_null(y);
        tu_same_str(x->group, y->group);
        assert_int_equal(x->ebgp, y->ebgp);
        assert_int_equal(x->remote_as, y->remote_as);
        tu_same_fact(&x->auth, &y->auth);
        tu_same_fact(&x->gtsm, &y->gtsm);
        tu_same_fact(&x->max_prefix, &y->max_prefix);
        tu_same_str(x->in_policy, y->in_policy);
        tu_same_str(x->out_policy, y->out_policy);
    }
    assert_int_equal(a->nigps, b->nigps);
    assert_int_equal(a->ninterfaces, b->ninterfaces);
    for (size_t i = 0; i < a->ninterfaces; i++) {
        const struct interface *x = &a->interfaces[i], *y = tu_find_if(b, x->name);
        assert_non_null(y);
        assert_int_equal(x->shutdown, y->shutdown);
        assert_int_equal(x->has_ip, y->has_ip);
        tu_same_str(x->description, y->description);
        tu_same_fact(&x->urpf, &y->urpf);
    }
    assert_int_equal(a->nacls, b->nacls);
    assert_int_equal(a->nmgmt_paths, b->nmgmt_paths);
    tu_same_fact(&a->copp, &b->copp);
    assert_int_equal(a->nother_secrets, b->nother_secrets);
    for (size_t i = 0; i < a->nother_secrets; i++) {
        size_t na = 0, nb = 0;
        for (size_t j = 0; j < a->nother_secrets; j++)
            na += strcmp(a->other_secret_kinds[j], a->other_secret_kinds[i]) == 0;
        for (size_t j = 0; j < b->nother_secrets; j++)
            nb += strcmp(b->other_secret_kinds[j], a->other_secret_kinds[i]) == 0;
        assert_int_equal(na, nb);
    }
}

static void test_forms_agree(void **state)
{
    (void)state;
    struct tu_dev *md =
        tu_model_load("tests/fixtures/model/sros/pe4-mdcli.cfg", DIALECT_NOKIA_SROS);
    struct tu_dev *fl = tu_model_load("tests/fixtures/model/sros/pe4-flat.cfg", DIALECT_NOKIA_SROS);
    struct tu_dev *cl =
        tu_model_load("tests/fixtures/model/sros/pe4-classic.cfg", DIALECT_NOKIA_SROS);
    same_model(&md->m, &fl->m);
    same_model(&md->m, &cl->m);
    tu_model_unload(md);
    tu_model_unload(fl);
    tu_model_unload(cl);
}

/* Classic "idle-timeout disable" means sessions never time out. */
static void test_idle_disable(void **state)
{
    (void)state;
    static const char cfg[] = "configure\n    system\n        login-control\n"
                              "            idle-timeout disable\n        exit\n    exit\n"
                              "    port 1/1/3\n        ethernet\n            lldp\n"
                              "                dest-mac nearest-bridge\n"
                              "                    admin-status disabled\n"
                              "                exit\n            exit\n        exit\n"
                              "    exit\nexit all\n";
    struct tu_dev *dv = tu_model_load_text(cfg, DIALECT_NOKIA_SROS);
    const struct device_model m = dv->m;
    assert_int_equal(m.ssh.idle_timeout_seconds, 0);
    assert_int_equal(m.lines[0].timeout_seconds, 0);
    assert_int_equal(m.lines[0].timeout_node->line, 4);
    assert_int_equal(m.ninterfaces, 1);
    assert_int_equal(m.interfaces[0].discovery.state, FACT_OFF);
    assert_int_equal(m.interfaces[0].discovery.ev.nodes[0]->line, 11);
    tu_model_unload(dv);
}

/* VPRN sessions carry their service name and keep apart from the base router. */
static void test_vprn_bgp(void **state)
{
    (void)state;
    static const char cfg[] =
        "/configure router \"Base\" autonomous-system 64500\n"
        "/configure router \"Base\" bgp authentication-key \"BaseKey\" hash2\n"
        "/configure router \"Base\" bgp group \"ce\" peer-as 65001\n"
        "/configure router \"Base\" bgp neighbor \"192.0.2.1\" group \"ce\"\n"
        "/configure service vprn \"cust-a\" bgp group \"ce\" peer-as 65002\n"
        "/configure service vprn \"cust-a\" bgp group \"ce\" import policy [\"CUST-IN\"]\n"
        "/configure service vprn \"cust-a\" bgp neighbor \"192.0.2.1\" group \"ce\"\n";
    struct tu_dev *dv = tu_model_load_text(cfg, DIALECT_NOKIA_SROS);
    const struct device_model m = dv->m;
    assert_int_equal(m.bgp.nneighbors, 2);
    const struct bgp_neighbor *b = &m.bgp.neighbors[0], *v = &m.bgp.neighbors[1];
    assert_null(b->vrf);
    assert_int_equal(b->remote_as, 65001);
    assert_int_equal(b->auth.state, FACT_ON);
    assert_string_equal(v->vrf, "cust-a");
    assert_int_equal(v->remote_as, 65002);
    assert_true(v->ebgp);
    assert_int_equal(v->auth.state, FACT_OFF);
    assert_string_equal(v->in_policy, "CUST-IN");
    tu_model_unload(dv);
}

/* IP filters in flat form: an entry's address and mask on separate lines,
 * a protocol narrowing it, default-action forward, and the interface that
 * names the filter. */
static void test_ip_filter(void **state)
{
    (void)state;
    static const char cfg[] =
        "/configure filter ip-filter \"EDGE\" default-action forward\n"
        "/configure filter ip-filter \"EDGE\" entry 10 match src-ip address 10.0.0.0\n"
        "/configure filter ip-filter \"EDGE\" entry 10 match src-ip mask 255.0.0.0\n"
        "/configure filter ip-filter \"EDGE\" entry 10 action drop\n"
        "/configure filter ip-filter \"EDGE\" entry 20 match protocol tcp\n"
        "/configure filter ip-filter \"EDGE\" entry 20 match dst-ip address 192.0.2.1/32\n"
        "/configure filter ip-filter \"EDGE\" entry 20 action accept\n"
        "/configure filter ip-filter \"EDGE\" entry 30 match src-ip address 172.16.0.0/12\n"
        "/configure router \"Base\" interface \"ext\" ingress filter ip \"EDGE\"\n";
    struct tu_dev *dv = tu_model_load_text(cfg, DIALECT_NOKIA_SROS);
    const struct device_model m = dv->m;
    const struct acl *a = model_find_acl(&m, "EDGE");
    assert_non_null(a);
    assert_true(a->default_permit);
    assert_int_equal(a->n, 2); /* entry 30 has no action: it does nothing */
    assert_false(a->entries[0].permit);
    assert_int_equal(a->entries[0].src.len, 8);
    assert_true(a->entries[0].dst_any);
    assert_true(a->entries[0].matches_all);
    assert_true(a->entries[1].permit);
    assert_true(a->entries[1].src_any);
    assert_int_equal(a->entries[1].dst.len, 32);
    assert_false(a->entries[1].matches_all);
    assert_int_equal(m.ninterfaces, 1);
    assert_string_equal(m.interfaces[0].acl_in, "EDGE");
    tu_model_unload(dv);
}

/* MD-CLI groups reach the levels they are applied at, and only those. */
static void test_apply_groups(void **state)
{
    (void)state;
    static const char cfg[] = "configure {\n"
                              "    groups {\n"
                              "        group \"bgp-common\" {\n"
                              "            router \"Base\" {\n"
                              "                bgp {\n"
                              "                    group \"ebgp\" {\n"
                              "                        authentication-key \"GrpKey\" hash2\n"
                              "                        peer-as 65010\n"
                              "                    }\n"
                              "                }\n"
                              "            }\n"
                              "        }\n"
                              "        group \"unused\" {\n"
                              "            system { security { telnet-server true } }\n"
                              "        }\n"
                              "    }\n"
                              "    router \"Base\" {\n"
                              "        apply-groups [\"bgp-common\"]\n"
                              "        bgp {\n"
                              "            group \"ebgp\" {\n"
                              "                type external\n"
                              "            }\n"
                              "            neighbor \"192.0.2.7\" {\n"
                              "                group \"ebgp\"\n"
                              "            }\n"
                              "        }\n"
                              "    }\n"
                              "}\n";
    struct tu_dev *dv = tu_model_load_text(cfg, DIALECT_NOKIA_SROS);
    const struct device_model m = dv->m;
    assert_int_equal(m.telnet_server.state, FACT_OFF); /* "unused" is not applied */
    assert_int_equal(m.bgp.nneighbors, 1);
    assert_int_equal(m.bgp.neighbors[0].remote_as, 65010);
    assert_int_equal(m.bgp.neighbors[0].auth.state, FACT_ON);
    assert_int_equal(m.bgp.neighbors[0].auth.ev.nodes[0]->line, 7);
    tu_model_unload(dv);
}

/* Documented defaults: weak default SSH lists, telnet off, 30 min timeout. */
static void test_defaults(void **state)
{
    (void)state;
    static const char cfg[] = "configure {\n    system {\n        name \"bare\"\n"
                              "        security {\n            password {\n"
                              "                admin-password \"$2y$10$abcdefghijklmnopqrstuv\"\n"
                              "            }\n        }\n    }\n}\n";
    struct tu_dev *dv = tu_model_load_text(cfg, DIALECT_NOKIA_SROS);
    const struct device_model m = dv->m;
    assert_string_equal(m.hostname, "bare");
    assert_null(m.os_version);
    assert_int_equal(m.telnet_server.state, FACT_OFF);
    assert_true(m.telnet_server.is_default);
    assert_int_equal(m.ssh.enabled.state, FACT_ON);
    assert_true(m.ssh.enabled.is_default);
    assert_int_equal(m.ssh.weak_ciphers.state, FACT_ON);
    assert_true(m.ssh.weak_ciphers.is_default);
    assert_non_null(m.ssh.weak_ciphers.why);
    assert_int_equal(m.ssh.idle_timeout_seconds, 1800);
    assert_true(m.lines[0].timeout_is_default);
    assert_null(m.mgmt_paths[0].acl_name);
    assert_int_equal(m.copp.state, FACT_OFF);
    assert_int_equal(m.aaa.central_login.state, FACT_OFF);
    assert_true(secret_type_is_strong_hash(m.enable.type));
    assert_int_equal(m.enable.node->line, 6);
    tu_model_unload(dv);
}

int main(void)
{
    /* model.c refers to the family extractors weakly; a strong reference
     * makes sure the SR OS one is linked from the static library. */
    void (*volatile keep)(const struct cfg_tree *, struct device_model *) = model_extract_sros;
    (void)keep;
    diag_set_quiet(true);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mdcli),     cmocka_unit_test(test_flat),
        cmocka_unit_test(test_classic),   cmocka_unit_test(test_forms_agree),
        cmocka_unit_test(test_defaults),  cmocka_unit_test(test_idle_disable),
        cmocka_unit_test(test_vprn_bgp),  cmocka_unit_test(test_apply_groups),
        cmocka_unit_test(test_ip_filter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
