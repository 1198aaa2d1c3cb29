/*
 * FortiOS extractor: facts and their evidence lines from a hand-written
 * FortiGate (tests/fixtures/model/fortios/fw3.conf): identity,
 * administrators and how their passwords are stored, administrative access
 * per interface, SNMP communities, NTP, syslog and the pre-login banner;
 * and what stays unknown on an almost empty config.
 */
#include "testutil.h"
#include "tu_model.h"

/* The model layer refers to extractors weakly; name this one so it is linked. */
void (*volatile test_keep_fortios)(const struct cfg_tree *,
                                   struct device_model *) = model_extract_fortios;

#define FW3 "tests/fixtures/model/fortios/fw3.conf"

static void test_identity_and_admins(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load(FW3, DIALECT_FORTINET_FORTIOS);
    const struct device_model *m = &d->m;
    assert_int_equal(d->errors, 0);
    assert_int_equal(m->dialect, DIALECT_FORTINET_FORTIOS);
    assert_string_equal(m->hostname, "fw3-bri");
    assert_int_equal(m->hostname_node->line, tu_line_of(d, "set hostname"));
    assert_string_equal(m->platform, "FGT60F");
    assert_string_equal(m->os_version, "7.2.5");

    assert_int_equal(m->naccounts, 2);
    const struct account *admin = tu_find_account(m, "admin");
    assert_non_null(admin);
    assert_int_equal(admin->secret.type, SECRET_FORTI_SH2);
    assert_int_equal(admin->privilege, 15);
    assert_string_equal(admin->role, "super_admin");
    assert_int_equal(admin->node->line, tu_line_of(d, "edit \"admin\""));
    const struct account *help = tu_find_account(m, "helpdesk");
    assert_non_null(help);
    assert_int_equal(help->secret.type, SECRET_PLAINTEXT);
    assert_int_equal(help->secret.node->line, tu_line_of(d, "set password Fixture-Plain-9"));
    assert_int_equal(help->privilege, -1);
    assert_false(help->has_ssh_key);

    /* trusted hosts become the administrator's source filter */
    const struct acl *th = model_find_acl(m, "trusthost:helpdesk");
    assert_non_null(th);
    assert_int_equal(th->n, 1);
    char pb[64];
    assert_string_equal(ip_prefix_format(&th->entries[0].src, pb, sizeof(pb)), "10.255.9.0/24");
    tu_model_unload(d);
}

static void test_allowaccess(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load(FW3, DIALECT_FORTINET_FORTIOS);
    const struct device_model *m = &d->m;
    uint32_t wan = tu_line_of(d, "allowaccess ping https ssh http");
    uint32_t internal = tu_line_of(d, "allowaccess ping https ssh snmp telnet");
    uint32_t dmz = tu_line_of(d, "allowaccess telnet http");
    uint32_t mgmt = tu_line_of(d, "allowaccess ping ssh\n");
    assert_true(wan && internal && dmz && mgmt);

    /* telnet: on, with every interface that allows it as evidence */
    assert_int_equal(m->telnet_server.state, FACT_ON);
    assert_true(tu_has_line(&m->telnet_server.ev, internal));
    assert_true(tu_has_line(&m->telnet_server.ev, dmz));
    assert_false(tu_has_line(&m->telnet_server.ev, wan));
    const struct mgmt_service *telnet = tu_find_svc(m, "telnet");
    assert_non_null(telnet);
    assert_true(telnet->cleartext);
    assert_int_equal(telnet->state.state, FACT_ON);
    assert_int_equal(telnet->state.ev.n, 2);
    assert_true(tu_has_line(&telnet->state.ev, internal));
    assert_true(tu_has_line(&telnet->state.ev, dmz));

    /* http: wan1 and dmz, not internal */
    const struct mgmt_service *http = tu_find_svc(m, "http");
    assert_non_null(http);
    assert_true(http->cleartext);
    assert_int_equal(http->state.ev.n, 2);
    assert_true(tu_has_line(&http->state.ev, wan));
    assert_true(tu_has_line(&http->state.ev, dmz));
    assert_false(tu_has_line(&http->state.ev, internal));

    /* https on the admin-sport; ssh from the first interface allowing it */
    const struct mgmt_service *https = tu_find_svc(m, "https");
    assert_non_null(https);
    assert_false(https->cleartext);
    assert_int_equal(https->port, 8443);
    assert_int_equal(m->ssh.enabled.state, FACT_ON);
    assert_true(tu_has_line(&m->ssh.enabled.ev, wan));
    assert_int_equal(m->ssh.port, 22);
    assert_int_equal(m->ssh.weak_ciphers.state, FACT_OFF);
    assert_true(tu_has_line(&m->ssh.weak_ciphers.ev, tu_line_of(d, "set strong-crypto enable")));
    assert_int_equal(m->ssh.idle_timeout_seconds, 15 * 60);

    /* interfaces and their descriptions (alias) */
    const struct interface *w = tu_find_if(m, "wan1");
    assert_non_null(w);
    assert_string_equal(w->description, "EXT: transit uplink");
    assert_true(w->has_ip);
    assert_true(tu_find_if(m, "mgmt")->is_mgmt);
    assert_false(tu_find_if(m, "dmz")->is_mgmt);
    tu_model_unload(d);
}

static void test_snmp_ntp_syslog_banner(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load(FW3, DIALECT_FORTINET_FORTIOS);
    const struct device_model *m = &d->m;

    /* SNMP: two enabled communities (the disabled one is left out), read-only */
    assert_int_equal(m->snmp.enabled.state, FACT_ON);
    assert_int_equal(m->snmp.ncommunities, 2);
    const struct snmp_community *c1 = &m->snmp.communities[0];
    const struct snmp_community *c2 = &m->snmp.communities[1];
    assert_int_equal(c1->name.type, SECRET_PLAINTEXT);
    assert_true(c1->name.value.n == strlen("fixture-ro") &&
                memcmp(c1->name.value.p, "fixture-ro", c1->name.value.n) == 0);
    assert_int_equal(c1->name.node->line, tu_line_of(d, "set name \"fixture-ro\""));
    assert_false(c1->write);
    assert_non_null(c1->acl_name);
    assert_non_null(c1->acl);
    assert_int_equal(c1->acl->n, 1);
    assert_true(c2->name.value.n == strlen("public") &&
                memcmp(c2->name.value.p, "public", c2->name.value.n) == 0);
    assert_null(c2->acl_name);

    /* NTP: two custom servers, only the first keyed; the key is ENC */
    assert_int_equal(m->ntp.nservers, 2);
    assert_string_equal(m->ntp.servers[0].host, "10.255.9.20");
    assert_true(m->ntp.servers[0].keyed);
    assert_false(m->ntp.servers[1].keyed);
    assert_int_equal(m->ntp.auth_enabled.state, FACT_OFF);
    assert_true(tu_has_line(&m->ntp.auth_enabled.ev, tu_line_of(d, "set server \"10.255.9.21\"")));
    assert_int_equal(tu_count_secrets(m, "ntp-key"), 1);
    assert_int_equal(m->other_secrets[0].type, SECRET_FORTI_ENC);

    /* syslog: the enabled destination only */
    assert_int_equal(m->logging.nhosts, 1);
    assert_string_equal(m->logging.hosts[0].host, "10.255.9.30");
    assert_int_equal(m->logging.hosts[0].node->line, tu_line_of(d, "set server \"10.255.9.30\""));

    /* the pre-login banner switch */
    assert_int_equal(m->nbanners, 1);
    assert_string_equal(m->banners[0].kind, "pre-login");
    assert_int_equal(m->banners[0].node->line, tu_line_of(d, "set pre-login-banner enable"));
    tu_model_unload(d);
}

/* Nothing configured: services off only where the interface list says so. */
static void test_empty(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load_text("config system global\n"
                                          "    set hostname \"fw0\"\n"
                                          "end\n",
                                          DIALECT_FORTINET_FORTIOS);
    const struct device_model *m = &d->m;
    assert_string_equal(m->hostname, "fw0");
    assert_int_equal(m->telnet_server.state, FACT_UNKNOWN);
    assert_int_equal(m->ssh.enabled.state, FACT_UNKNOWN);
    assert_null(tu_find_svc(m, "http"));
    assert_int_equal(m->snmp.enabled.state, FACT_OFF);
    assert_true(m->snmp.enabled.is_default);
    assert_int_equal(m->ntp.auth_enabled.state, FACT_UNKNOWN);
    assert_int_equal(m->logging.nhosts, 0);
    assert_int_equal(m->nbanners, 0);
    tu_model_unload(d);

    /* an interface list without telnet: telnet off by default */
    d = tu_model_load_text("config system interface\n"
                           "    edit \"port1\"\n"
                           "        set allowaccess ping https\n"
                           "    next\n"
                           "end\n",
                           DIALECT_FORTINET_FORTIOS);
    assert_int_equal(d->m.telnet_server.state, FACT_OFF);
    assert_true(d->m.telnet_server.is_default);
    assert_null(tu_find_svc(&d->m, "telnet"));
    tu_model_unload(d);
}

/* What a range of routes meets in a session's inbound policy. */
/* Route-map rules in ascending ID whatever their order in the file; a rule
 * naming an access list is undecided; prefix-list-in6 binds IPv6 routes. */
static void test_bgp_inbound(void **state)
{
    (void)state;
    struct tu_dev *d = tu_model_load_text(
        "config router access-list\n edit \"A1\"\n next\nend\n"
        "config router prefix-list\n edit \"BOG\"\n  config rule\n   edit 1\n"
        "    set prefix 10.0.0.0 255.0.0.0\n    set le 32\n   next\n  end\n next\nend\n"
        "config router prefix-list6\n edit \"V6\"\n  config rule\n   edit 1\n"
        "    set prefix6 2400::/12\n    set le 48\n   next\n  end\n next\nend\n"
        "config router route-map\n edit \"RM\"\n  config rule\n"
        "   edit 30\n    set match-ip-address \"A1\"\n   next\n"
        "   edit 10\n    set action deny\n    set match-ip-address \"BOG\"\n   next\n"
        "  end\n next\nend\n"
        "config router bgp\n set as 64510\n config neighbor\n  edit \"192.0.2.2\"\n"
        "   set remote-as 64496\n   set prefix-list-in6 \"V6\"\n   set route-map-in \"RM\"\n"
        "  next\n end\nend\n",
        DIALECT_FORTINET_FORTIOS);
    const struct device_model *m = &d->m;
    assert_int_equal(m->bgp.nneighbors, 1);
    const struct bgp_neighbor *nb = &m->bgp.neighbors[0];
    assert_string_equal(nb->in_policy, "RM");
    assert_true(nb->in_summary.known);
    assert_int_equal(tu_range_in(nb, "10.0.0.0/8", 8, 32), POLICY_DENIES);
    assert_int_equal(tu_range_in(nb, "100.64.0.0/10", 10, 32), POLICY_UNSURE);
    assert_int_equal(tu_range_in(nb, "fc00::/7", 7, 128), POLICY_DENIES);
    assert_int_equal(tu_range_in(nb, "2400:1::/32", 32, 32), POLICY_PERMITS);
    tu_model_unload(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identity_and_admins),
        cmocka_unit_test(test_allowaccess),
        cmocka_unit_test(test_snmp_ntp_syslog_banner),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_bgp_inbound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
