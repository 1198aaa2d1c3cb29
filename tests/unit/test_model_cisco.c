/*
 * Cisco-family extractor: facts and their evidence lines for hand-written
 * IOS-XE, NX-OS, IOS-XR, ASA and EOS devices (tests/fixtures/model/cisco/),
 * platform defaults on an almost empty config, and the JSON printer
 * (redaction, escaping).
 */
#include "testutil.h"
#include "tu_model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

/* The model layer refers to extractors weakly; name this one so it is linked. */
void (*volatile test_keep_cisco)(const struct cfg_tree *,
                                 struct device_model *) = model_extract_cisco;

/* A fixture that must parse cleanly as dialect d. */
static struct tu_dev *load(const char *rel, enum dialect d)
{
    struct tu_dev *dv = tu_model_load(rel, d);
    assert_int_equal(dv->errors, 0);
    assert_int_equal(dv->m.dialect, d);
    return dv;
}

/* Line of the first line containing needle; fails the test if none. */
static uint32_t line_of(const struct tu_dev *dv, const char *needle)
{
    uint32_t line = tu_line_of(dv, needle);
    if (!line)
        fail_msg("fixture lacks '%s'", needle);
    return line;
}

#define ASSERT_FACT(f, st, dv, needle)                                                             \
    do {                                                                                           \
        assert_int_equal((f).state, (st));                                                         \
        assert_true(tu_has_line(&(f).ev, line_of((dv), (needle))));                                \
    } while (0)

#define ASSERT_DEFAULT(f, st)                                                                      \
    do {                                                                                           \
        assert_int_equal((f).state, (st));                                                         \
        assert_true((f).is_default);                                                               \
        assert_non_null((f).why);                                                                  \
    } while (0)

static const struct account *account(const struct device_model *m, const char *name)
{
    const struct account *r = tu_find_account(m, name);
    if (!r)
        fail_msg("no account %s", name);
    return r;
}

static const struct bgp_neighbor *nbr(const struct device_model *m, const char *addr)
{
    const struct bgp_neighbor *r = tu_find_nbr(m, addr);
    if (!r)
        fail_msg("no neighbour %s", addr);
    return r;
}

static const struct interface *iface(const struct device_model *m, const char *name)
{
    const struct interface *r = tu_find_if(m, name);
    if (!r)
        fail_msg("no interface %s", name);
    return r;
}

static const struct mgmt_line *mline(const struct device_model *m, const char *name)
{
    const struct mgmt_line *r = tu_find_line(m, name);
    if (!r)
        fail_msg("no line %s", name);
    return r;
}

static const struct mgmt_service *service(const struct device_model *m, const char *name,
                                          bool cleartext)
{
    for (size_t i = 0; i < m->nservices; i++)
        if (strcmp(m->services[i].name, name) == 0 && m->services[i].cleartext == cleartext)
            return &m->services[i];
    fail_msg("no service %s (cleartext %d)", name, cleartext);
    return NULL;
}

static const struct acl *acl(const struct device_model *m, const char *name)
{
    const struct acl *a = model_find_acl(m, name);
    if (!a)
        fail_msg("no acl %s", name);
    return a;
}

static const struct mgmt_path *path_for(const struct device_model *m, const char *service_name,
                                        const char *acl_name)
{
    for (size_t i = 0; i < m->nmgmt_paths; i++) {
        const struct mgmt_path *p = &m->mgmt_paths[i];
        if (strcmp(p->service, service_name) == 0 &&
            ((!acl_name && !p->acl_name) ||
             (acl_name && p->acl_name && strcmp(p->acl_name, acl_name) == 0)))
            return p;
    }
    fail_msg("no %s path with acl %s", service_name, acl_name ? acl_name : "(none)");
    return NULL;
}

static const char *prefix_text(const struct ip_prefix *p, char *buf)
{
    return ip_prefix_format(p, buf, 64);
}

/* ------------------------------------------------------------------ IOS */

static void test_ios(void **state)
{
    (void)state;
    struct tu_dev *dv = load("tests/fixtures/model/cisco/ios-edge1.cfg", DIALECT_CISCO_IOS);
    const struct device_model *m = &dv->m;
    char pb[64];

    assert_string_equal(m->hostname, "ios-edge1");
    assert_int_equal(m->hostname_node->line, line_of(dv, "hostname ios-edge1"));
    assert_string_equal(m->os_version, "17.9");

    /* SSH */
    ASSERT_FACT(m->ssh.enabled, FACT_ON, dv, "ip ssh version 2");
    ASSERT_FACT(m->ssh.v1_allowed, FACT_OFF, dv, "ip ssh version 2");
    assert_int_equal(m->ssh.port, 22);
    ASSERT_FACT(m->ssh.weak_ciphers, FACT_OFF, dv, "ip ssh server algorithm encryption");
    ASSERT_FACT(m->ssh.weak_macs, FACT_ON, dv, "ip ssh server algorithm mac");
    assert_int_equal(m->ssh.nmacs, 2);

    /* web and APIs */
    const struct mgmt_service *http = service(m, "http", true);
    ASSERT_FACT(http->state, FACT_OFF, dv, "no ip http server");
    const struct mgmt_service *https = service(m, "https", false);
    ASSERT_FACT(https->state, FACT_ON, dv, "ip http secure-server");
    assert_string_equal(https->acl_name, "MGMT-ONLY");
    const struct mgmt_path *hp = path_for(m, "http", "MGMT-ONLY");
    assert_non_null(hp->acl);
    assert_false(hp->acl_undefined);
    ASSERT_FACT(service(m, "netconf", false)->state, FACT_ON, dv, "netconf-yang");

    /* lines: each range separately, with its own evidence */
    const struct mgmt_line *v04 = mline(m, "vty 0 4");
    assert_int_equal(v04->kind, LINE_VTY);
    ASSERT_FACT(v04->telnet_in, FACT_OFF, dv, " transport input ssh");
    ASSERT_FACT(v04->ssh_in, FACT_ON, dv, " transport input ssh");
    ASSERT_FACT(v04->any_out, FACT_OFF, dv, "transport output none");
    assert_int_equal(v04->timeout_seconds, 600);
    assert_false(v04->timeout_is_default);
    assert_string_equal(v04->acl_in, "99");
    assert_non_null(v04->acl);
    const struct mgmt_line *v515 = mline(m, "vty 5 15");
    ASSERT_FACT(v515->telnet_in, FACT_ON, dv, "transport input telnet ssh");
    assert_int_equal(v515->timeout_seconds, 600);
    assert_true(v515->timeout_is_default);
    assert_null(v515->acl_in);
    assert_int_equal(v515->any_out.state, FACT_ON); /* IOS default: outbound telnet */
    assert_true(v515->any_out.is_default);
    const struct mgmt_line *aux = mline(m, "aux 0");
    assert_int_equal(aux->kind, LINE_AUX);
    ASSERT_FACT(aux->login_disabled, FACT_ON, dv, " no exec");
    ASSERT_FACT(aux->any_out, FACT_OFF, dv, " no exec"); /* no session to leave from */
    const struct mgmt_line *con = mline(m, "con 0");
    assert_int_equal(con->kind, LINE_CONSOLE);
    assert_int_equal(con->timeout_seconds, 300);
    assert_int_equal(con->timeout_node->line, line_of(dv, "exec-timeout 5 0"));

    /* ACLs resolved to source prefixes */
    const struct acl *mg = acl(m, "MGMT-ONLY");
    assert_int_equal(mg->n, 3);
    assert_string_equal(prefix_text(&mg->entries[0].src, pb), "10.255.10.0/24");
    assert_int_equal(mg->entries[0].node->line, line_of(dv, "10 permit 10.255.10.0"));
    assert_string_equal(prefix_text(&mg->entries[1].src, pb), "10.255.20.5/32");
    assert_false(mg->entries[2].permit);
    assert_true(mg->entries[2].src_any);
    const struct acl *a99 = acl(m, "99");
    assert_int_equal(a99->n, 2);
    assert_string_equal(prefix_text(&a99->entries[0].src, pb), "10.255.4.0/24");
    const struct acl *edge = acl(m, "EDGE-IN");
    assert_int_equal(edge->n, 3);
    assert_string_equal(prefix_text(&edge->entries[0].src, pb), "198.51.100.0/24");
    assert_true(edge->entries[1].unresolved);

    /* AAA and accounts */
    ASSERT_FACT(m->aaa.central_login, FACT_ON, dv, "aaa authentication login default");
    assert_int_equal(m->aaa.local_fallback.state, FACT_ON);
    ASSERT_FACT(m->aaa.accounting_exec, FACT_ON, dv, "aaa accounting exec");
    ASSERT_FACT(m->aaa.accounting_cmds, FACT_ON, dv, "aaa accounting commands");
    ASSERT_FACT(m->aaa.authz_cmds, FACT_ON, dv, "aaa authorization commands");
    assert_int_equal(m->aaa.nservers, 1);
    assert_string_equal(m->aaa.servers[0].host, "192.0.2.10");
    assert_int_equal(m->aaa.servers[0].key.type, SECRET_CISCO7);
    const struct account *bg = account(m, "breakglass");
    assert_int_equal(bg->privilege, 15);
    assert_int_equal(bg->secret.type, SECRET_CISCO9);
    assert_int_equal(bg->node->line, line_of(dv, "username breakglass"));
    const struct account *lo = account(m, "legacyop");
    assert_int_equal(lo->privilege, 1);
    assert_int_equal(lo->secret.type, SECRET_CISCO7);
    assert_int_equal(m->enable.type, SECRET_CISCO9);
    assert_int_equal(m->enable.node->line, line_of(dv, "enable secret"));

    /* SNMP */
    ASSERT_FACT(m->snmp.enabled, FACT_ON, dv, "snmp-server group");
    assert_int_equal(m->snmp.ncommunities, 1);
    assert_int_equal(m->snmp.communities[0].name.type, SECRET_REDACTED);
    assert_false(m->snmp.communities[0].write);
    assert_string_equal(m->snmp.communities[0].acl_name, "99");
    assert_non_null(m->snmp.communities[0].acl);
    assert_int_equal(m->snmp.nusers, 1);
    assert_string_equal(m->snmp.users[0].auth, "sha");
    assert_string_equal(m->snmp.users[0].priv, "aes128");
    assert_int_equal(m->snmp.ntrap_hosts, 1);
    assert_string_equal(m->snmp.trap_hosts[0], "10.255.4.10");

    /* NTP and logging */
    assert_int_equal(m->ntp.nservers, 2);
    assert_true(m->ntp.servers[0].keyed);
    assert_false(m->ntp.servers[1].keyed);
    ASSERT_FACT(m->ntp.auth_enabled, FACT_ON, dv, "ntp authenticate");
    assert_true(tu_has_line(&m->ntp.auth_enabled.ev, line_of(dv, "ntp trusted-key 1")));
    assert_int_equal(m->logging.nhosts, 2);
    assert_string_equal(m->logging.hosts[1].host, "10.255.2.2");
    ASSERT_FACT(m->logging.login_events, FACT_ON, dv, "login on-failure log");
    /* archive > log config > logging enable has no notify syslog, so the
     * archive log stays on the device; command accounting to the TACACS+
     * group is what records the changes centrally */
    ASSERT_FACT(m->logging.config_changes, FACT_ON, dv,
                "aaa accounting commands 15 default start-stop group TAC");
    ASSERT_FACT(m->logging.suppressed, FACT_OFF, dv, "logging trap informational");

    /* BGP: peer-group, session template, per address-family policy */
    assert_true(m->bgp.configured);
    assert_int_equal(m->bgp.local_as, 65010);
    assert_int_equal(m->bgp.nneighbors, 3);
    const struct bgp_neighbor *core = nbr(m, "10.0.0.2");
    assert_false(core->ebgp);
    assert_string_equal(core->group, "CORE");
    ASSERT_FACT(core->auth, FACT_ON, dv, "neighbor CORE password");
    assert_int_equal(core->auth_type, SECRET_CISCO7);
    const struct bgp_neighbor *isp = nbr(m, "203.0.113.1");
    assert_true(isp->ebgp);
    assert_int_equal(isp->remote_as, 64500);
    ASSERT_FACT(isp->auth, FACT_ON, dv, "  password 7");
    ASSERT_FACT(isp->gtsm, FACT_ON, dv, "ttl-security hops 1");
    ASSERT_FACT(isp->max_prefix, FACT_ON, dv, "maximum-prefix 1000");
    assert_string_equal(isp->in_policy, "ISP-IN");
    assert_null(isp->out_policy);
    const struct bgp_neighbor *isp2 = nbr(m, "203.0.113.5");
    ASSERT_DEFAULT(isp2->auth, FACT_OFF);
    ASSERT_DEFAULT(isp2->gtsm, FACT_OFF);
    assert_string_equal(isp2->in_policy, "ISP2-IN");

    /* OSPF: the only non-passive interface is authenticated */
    assert_int_equal(m->nigps, 1);
    assert_string_equal(m->igps[0].proto, "ospf");
    ASSERT_FACT(m->igps[0].auth, FACT_ON, dv, "ip ospf authentication message-digest");

    /* interfaces */
    const struct interface *g1 = iface(m, "GigabitEthernet1");
    assert_string_equal(g1->description, "uplink to core");
    ASSERT_FACT(g1->urpf, FACT_ON, dv, "ip verify unicast");
    assert_string_equal(g1->acl_in, "EDGE-IN");
    ASSERT_FACT(g1->proxy_arp, FACT_OFF, dv, "no ip proxy-arp");
    ASSERT_FACT(g1->redirects, FACT_OFF, dv, "no ip redirects");
    const struct interface *g2 = iface(m, "GigabitEthernet2");
    ASSERT_DEFAULT(g2->proxy_arp, FACT_ON);
    ASSERT_DEFAULT(g2->urpf, FACT_OFF);
    const struct interface *tu = iface(m, "Tunnel10");
    assert_true(tu->is_tunnel);
    assert_string_equal(tu->tunnel_dest, "203.0.113.9");
    assert_string_equal(tu->tunnel_mode, "ipsec ipv4");
    assert_true(iface(m, "Loopback0")->is_loopback);

    /* mirroring, IPsec, banners, on-box, CoPP */
    assert_int_equal(m->nmirrors, 1);
    assert_string_equal(m->mirrors[0].kind, "erspan");
    assert_string_equal(m->mirrors[0].destination, "192.0.2.200");
    assert_true(m->mirrors[0].remote);
    assert_int_equal(m->nipsec, 3);
    assert_false(m->ipsec[0].weak);
    assert_true(m->ipsec[1].weak); /* ISAKMP defaults: DES, SHA-1, group 1 */
    assert_int_equal(m->ipsec[1].node->line, line_of(dv, "crypto isakmp policy 20"));
    assert_false(m->ipsec[2].weak);
    assert_int_equal(m->nbanners, 1);
    assert_string_equal(m->banners[0].kind, "login");
    assert_non_null(strstr(m->banners[0].text.p, "Authorised access only."));
    bool eem = false, guest = false;
    for (size_t i = 0; i < m->nonbox; i++) {
        if (strcmp(m->onbox[i].kind, "eem") == 0) {
            eem = m->onbox[i].risky && strcmp(m->onbox[i].name, "WIPE") == 0;
            assert_int_equal(m->onbox[i].node->line, line_of(dv, "event manager applet WIPE"));
        }
        guest |= strcmp(m->onbox[i].kind, "guestshell") == 0;
    }
    assert_true(eem);
    assert_true(guest);
    ASSERT_FACT(m->copp, FACT_ON, dv, "service-policy input COPP-POLICY");

    /* legacy services and defaults */
    ASSERT_FACT(m->legacy.pad, FACT_OFF, dv, "no service pad");
    ASSERT_FACT(m->legacy.source_route, FACT_OFF, dv, "no ip source-route");
    ASSERT_FACT(m->legacy.bootp_server, FACT_OFF, dv, "no ip bootp server");
    ASSERT_FACT(m->legacy.discovery, FACT_OFF, dv, "no cdp run");
    ASSERT_FACT(m->legacy.smart_install, FACT_OFF, dv, "no vstack");
    ASSERT_FACT(m->legacy.service_password_encryption, FACT_ON, dv, "service password-enc");
    ASSERT_DEFAULT(m->legacy.dhcp_server, FACT_ON);
    ASSERT_DEFAULT(m->legacy.small_servers, FACT_OFF);

    /* other secrets with kinds */
    assert_int_equal(tu_count_secrets(m, "bgp-key"), 2);
    assert_int_equal(tu_count_secrets(m, "ospf-key"), 1);
    assert_int_equal(tu_count_secrets(m, "key-chain"), 1);
    assert_int_equal(tu_count_secrets(m, "ipsec-psk"), 1);
    assert_int_equal(tu_count_secrets(m, "ntp-key"), 1);
    assert_int_equal(tu_count_secrets(m, "tacacs-key"), 1);
    tu_model_unload(dv);
}

/* ---------------------------------------------------------------- NX-OS */

static void test_nxos(void **state)
{
    (void)state;
    struct tu_dev *dv = load("tests/fixtures/model/cisco/nxos-leaf1.cfg", DIALECT_CISCO_NXOS);
    const struct device_model *m = &dv->m;
    assert_string_equal(m->hostname, "nx-leaf1");
    assert_string_equal(m->os_version, "10.3(4a)");
    ASSERT_FACT(m->telnet_server, FACT_ON, dv, "feature telnet");
    ASSERT_DEFAULT(m->ssh.v1_allowed, FACT_OFF);
    ASSERT_FACT(m->ssh.weak_ciphers, FACT_OFF, dv, "ssh ciphers");
    const struct mgmt_service *nx_http = service(m, "nxapi", true);
    ASSERT_FACT(nx_http->state, FACT_ON, dv, "nxapi http port 8080");
    assert_int_equal(nx_http->port, 8080);
    assert_int_equal(service(m, "nxapi", false)->port, 443);

    const struct mgmt_line *vty = mline(m, "vty");
    ASSERT_FACT(vty->telnet_in, FACT_ON, dv, "feature telnet");
    assert_int_equal(vty->timeout_seconds, 600);
    assert_string_equal(vty->acl_in, "MGMT-ACL");
    assert_non_null(vty->acl);
    char pb[64];
    const struct acl *a = acl(m, "MGMT-ACL");
    assert_int_equal(a->n, 3);
    assert_string_equal(prefix_text(&a->entries[1].src, pb), "10.255.20.5/32");
    assert_int_equal(mline(m, "console")->timeout_seconds, 900);

    const struct account *adm = account(m, "admin");
    assert_int_equal(adm->privilege, 15);
    assert_int_equal(adm->secret.type, SECRET_SHA256_CRYPT);
    assert_int_equal(account(m, "ops")->privilege, 1);
    assert_int_equal(account(m, "ops")->secret.type, SECRET_MD5);
    ASSERT_FACT(m->legacy.password_policy, FACT_OFF, dv, "no password strength-check");

    ASSERT_FACT(m->aaa.central_login, FACT_ON, dv, "aaa authentication login default");
    ASSERT_FACT(m->aaa.accounting_cmds, FACT_ON, dv, "aaa accounting default group");
    assert_int_equal(m->aaa.nservers, 1);
    assert_int_equal(m->aaa.servers[0].key.type, SECRET_CISCO7);

    assert_int_equal(m->snmp.ncommunities, 1); /* group and use-acl statements merged */
    assert_true(m->snmp.communities[0].write);
    assert_string_equal(m->snmp.communities[0].acl_name, "MGMT-ACL");
    assert_string_equal(m->snmp.users[0].auth, "sha");
    assert_string_equal(m->snmp.users[0].priv, "aes-128");

    assert_true(m->ntp.servers[0].keyed);
    assert_string_equal(m->ntp.servers[0].vrf, "management");
    ASSERT_FACT(m->ntp.auth_enabled, FACT_ON, dv, "ntp authenticate");
    assert_string_equal(m->logging.hosts[0].host, "10.255.2.1");
    assert_string_equal(m->logging.hosts[0].vrf, "management");

    /* template peer: remote-as, password and address-family policy inherited */
    const struct bgp_neighbor *s1 = nbr(m, "10.3.3.0");
    assert_int_equal(s1->remote_as, 65000);
    assert_true(s1->ebgp);
    assert_string_equal(s1->group, "SPINES");
    ASSERT_FACT(s1->auth, FACT_ON, dv, "password 3");
    assert_int_equal(s1->auth_type, SECRET_CISCO6);
    ASSERT_FACT(s1->max_prefix, FACT_ON, dv, "maximum-prefix 500");
    assert_string_equal(s1->in_policy, "SPINE-IN");
    const struct bgp_neighbor *s2 = nbr(m, "10.3.3.2");
    assert_int_equal(s2->auth.state, FACT_OFF);
    assert_null(s2->in_policy);

    /* OSPF: Ethernet1/2 lacks authentication; the evidence points at it */
    assert_int_equal(m->nigps, 1);
    assert_int_equal(m->igps[0].auth.state, FACT_OFF);
    assert_int_equal(m->igps[0].auth.ev.nodes[0]->line, line_of(dv, "interface Ethernet1/2") + 3);

    assert_string_equal(m->mirrors[0].kind, "erspan");
    assert_string_equal(m->mirrors[0].destination, "192.0.2.210");
    bool bash = false, sched = false;
    for (size_t i = 0; i < m->nonbox; i++) {
        bash |= strcmp(m->onbox[i].kind, "bash") == 0;
        sched |= strcmp(m->onbox[i].kind, "scheduler") == 0 && m->onbox[i].risky;
    }
    assert_true(bash);
    assert_true(sched);
    ASSERT_FACT(m->copp, FACT_ON, dv, "copp profile strict");
    ASSERT_DEFAULT(m->legacy.discovery, FACT_ON);
    tu_model_unload(dv);
}

/* --------------------------------------------------------------- IOS-XR */

static void test_iosxr(void **state)
{
    (void)state;
    struct tu_dev *dv = load("tests/fixtures/model/cisco/iosxr-pe1.cfg", DIALECT_CISCO_IOSXR);
    const struct device_model *m = &dv->m;
    char pb[64];
    assert_string_equal(m->hostname, "xr-pe1");
    assert_string_equal(m->os_version, "7.9.2"); /* from the "!!" header comment */

    ASSERT_FACT(m->telnet_server, FACT_ON, dv, "telnet vrf MGMT");
    const struct mgmt_service *tel = service(m, "telnet", true);
    assert_string_equal(tel->vrf, "MGMT");
    ASSERT_FACT(m->ssh.v1_allowed, FACT_OFF, dv, "ssh server v2");
    ASSERT_FACT(m->ssh.weak_ciphers, FACT_ON, dv, "ssh server algorithms cipher");
    const struct mgmt_service *grpc = service(m, "grpc", true);
    assert_int_equal(grpc->port, 57400);
    ASSERT_FACT(service(m, "netconf", false)->state, FACT_ON, dv, "netconf-yang agent");

    /* line default carries the vty-pool default; the template is used by a pool */
    const struct mgmt_line *ld = mline(m, "default");
    assert_int_equal(ld->kind, LINE_VTY);
    ASSERT_FACT(ld->telnet_in, FACT_OFF, dv, " transport input ssh");
    ASSERT_FACT(ld->ssh_in, FACT_ON, dv, " transport input ssh");
    assert_int_equal(ld->timeout_seconds, 900);
    assert_string_equal(ld->acl_in, "VTY-ACL");
    const struct mgmt_line *noc = mline(m, "template NOC");
    assert_int_equal(noc->kind, LINE_VTY);
    ASSERT_FACT(noc->telnet_in, FACT_ON, dv, "transport input telnet ssh");
    assert_true(tu_has_line(&noc->telnet_in.ev, line_of(dv, "telnet vrf MGMT")));

    const struct acl *v = acl(m, "VTY-ACL");
    assert_string_equal(prefix_text(&v->entries[0].src, pb), "10.255.10.0/24");
    assert_string_equal(prefix_text(&v->entries[1].src, pb), "10.255.20.5/32");
    path_for(m, "ssh", "VTY-ACL");
    /* MPP as a management path with its peer prefix */
    bool mpp = false;
    for (size_t i = 0; i < m->nmgmt_paths; i++)
        if (strcmp(m->mgmt_paths[i].service, "mpp") == 0) {
            const struct acl *pa = m->mgmt_paths[i].acl;
            assert_non_null(pa);
            assert_int_equal(pa->n, 1);
            assert_string_equal(prefix_text(&pa->entries[0].src, pb), "10.255.10.0/24");
            assert_int_equal(pa->entries[0].node->line, line_of(dv, "address ipv4 10.255.10.0/24"));
            mpp = true;
        }
    assert_true(mpp);
    ASSERT_FACT(m->mgmt_vrf, FACT_ON, dv, "out-of-band");

    const struct account *ops = account(m, "ops");
    assert_int_equal(ops->privilege, 15);
    assert_string_equal(ops->role, "root-lr");
    assert_int_equal(ops->secret.type, SECRET_SHA512_CRYPT);
    assert_int_equal(ops->secret.node->line, line_of(dv, " secret 10"));
    assert_int_equal(m->aaa.servers[0].key.type, SECRET_CISCO7);
    assert_int_equal(m->aaa.servers[0].key.node->line, line_of(dv, " key 7"));

    /* "<secret hidden>" is one redacted community, not a community and an ACL */
    assert_int_equal(m->snmp.communities[0].name.type, SECRET_REDACTED);
    assert_string_equal(m->snmp.communities[0].acl_name, "VTY-ACL");

    ASSERT_FACT(m->ntp.auth_enabled, FACT_ON, dv, " authenticate");
    assert_string_equal(m->ntp.servers[0].vrf, "MGMT");
    ASSERT_DEFAULT(m->logging.login_events, FACT_ON);
    ASSERT_FACT(m->legacy.ip_domain_lookup, FACT_OFF, dv, "domain lookup disable");

    const struct bgp_neighbor *rr = nbr(m, "10.0.0.50");
    assert_false(rr->ebgp);
    assert_string_equal(rr->group, "RR");
    ASSERT_FACT(rr->auth, FACT_ON, dv, "password encrypted");
    assert_int_equal(rr->auth_type, SECRET_CISCO7);
    assert_string_equal(rr->in_policy, "PASS");
    const struct bgp_neighbor *ext = nbr(m, "198.51.100.1");
    assert_true(ext->ebgp);
    ASSERT_FACT(ext->gtsm, FACT_ON, dv, "  ttl-security");
    ASSERT_FACT(ext->max_prefix, FACT_ON, dv, "maximum-prefix 2000");
    assert_null(ext->in_policy); /* RFC 8212: rejected by default, judged by the check */

    ASSERT_FACT(m->igps[0].auth, FACT_ON, dv, "  authentication message-digest");
    const struct interface *hu = iface(m, "HundredGigE0/0/0/0");
    ASSERT_FACT(hu->urpf, FACT_ON, dv, "ipv4 verify unicast");
    assert_string_equal(hu->acl_in, "EDGE");
    ASSERT_DEFAULT(hu->redirects, FACT_OFF);
    assert_true(iface(m, "MgmtEth0/RP0/CPU0/0")->is_mgmt);
    ASSERT_DEFAULT(m->copp, FACT_ON);
    tu_model_unload(dv);
}

/* ------------------------------------------------------------------ ASA */

static void test_asa(void **state)
{
    (void)state;
    struct tu_dev *dv = load("tests/fixtures/model/cisco/asa-fw1.cfg", DIALECT_CISCO_ASA);
    const struct device_model *m = &dv->m;
    char pb[64];
    assert_string_equal(m->hostname, "asa-fw1");
    assert_string_equal(m->os_version, "9.16(4)");
    assert_int_equal(m->enable.type, SECRET_PBKDF2);
    const struct account *fw = account(m, "fwadmin");
    assert_int_equal(fw->privilege, 15);
    assert_int_equal(fw->secret.type, SECRET_PBKDF2);

    ASSERT_FACT(m->telnet_server, FACT_ON, dv, "telnet 10.255.10.0");
    ASSERT_FACT(m->ssh.enabled, FACT_ON, dv, "ssh 10.255.10.0");
    ASSERT_FACT(m->ssh.v1_allowed, FACT_OFF, dv, "ssh version 2");
    ASSERT_FACT(m->ssh.weak_ciphers, FACT_ON, dv, "ssh cipher encryption custom");
    assert_int_equal(m->ssh.idle_timeout_seconds, 600);
    ASSERT_FACT(service(m, "https", false)->state, FACT_ON, dv, "http server enable");

    /* ASA allowed-host statements become per-interface ACLs behind mgmt paths */
    const struct mgmt_path *sp = path_for(m, "ssh", "ssh-hosts-mgmt");
    assert_non_null(sp->acl);
    assert_int_equal(sp->acl->n, 2);
    assert_string_equal(prefix_text(&sp->acl->entries[1].src, pb), "10.255.20.5/32");
    const struct mgmt_path *hp = path_for(m, "http", "http-hosts-mgmt");
    assert_string_equal(prefix_text(&hp->acl->entries[0].src, pb),
                        "10.255.10.0/24"); /* name alias */
    path_for(m, "telnet", "telnet-hosts-mgmt");
    assert_string_equal(service(m, "https", false)->acl_name, "http-hosts-mgmt");
    /* SNMP is answered only for "snmp-server host" addresses */
    const struct mgmt_path *np = path_for(m, "snmp", "snmp-hosts");
    assert_int_equal(np->acl->n, 1);
    assert_string_equal(prefix_text(&np->acl->entries[0].src, pb), "10.255.4.10/32");
    assert_string_equal(m->snmp.communities[0].acl_name, "snmp-hosts");
    ASSERT_DEFAULT(m->legacy.source_route, FACT_OFF);
    ASSERT_DEFAULT(m->legacy.small_servers, FACT_OFF);

    ASSERT_FACT(m->aaa.central_login, FACT_ON, dv, "aaa authentication ssh console");
    assert_int_equal(m->aaa.local_fallback.state, FACT_ON);
    ASSERT_FACT(m->aaa.accounting_cmds, FACT_ON, dv, "aaa accounting command");
    ASSERT_FACT(m->aaa.authz_cmds, FACT_ON, dv, "aaa authorization command");
    assert_int_equal(m->aaa.servers[0].proto, AAA_TACACS);
    assert_int_equal(m->aaa.servers[0].key.type, SECRET_REDACTED);

    ASSERT_FACT(m->logging.suppressed, FACT_OFF, dv, "logging trap notifications");
    assert_int_equal(m->logging.login_events.state, FACT_OFF);
    assert_string_equal(m->logging.hosts[0].host, "10.255.2.1");
    assert_string_equal(m->snmp.trap_hosts[0], "10.255.4.10");
    ASSERT_FACT(m->ntp.auth_enabled, FACT_ON, dv, "ntp authenticate");

    assert_string_equal(iface(m, "GigabitEthernet0/0")->acl_in, "OUTSIDE-IN");
    assert_true(iface(m, "Management0/0")->is_mgmt);
    assert_int_equal(m->nipsec, 2);
    assert_true(m->ipsec[0].weak);
    assert_true(m->ipsec[1].weak);
    assert_string_equal(m->ipsec[1].dh_group, "2");
    assert_int_equal(tu_count_secrets(m, "ipsec-psk"), 1);
    /* repeated one-line banners stay separate entries */
    assert_int_equal(m->nbanners, 2);
    assert_int_equal(m->banners[1].node->line, line_of(dv, "banner login Disconnect"));
    assert_true(sv_eq_cstr(m->banners[0].text, "Authorised access only"));
    tu_model_unload(dv);
}

/* ------------------------------------------------------------------ EOS */

static void test_eos(void **state)
{
    (void)state;
    struct tu_dev *dv = load("tests/fixtures/model/cisco/eos-leaf1.cfg", DIALECT_ARISTA_EOS);
    const struct device_model *m = &dv->m;
    assert_string_equal(m->hostname, "eos-leaf1");
    assert_string_equal(m->os_version, "4.31.2F");
    assert_string_equal(m->platform, "vEOS-lab");

    ASSERT_FACT(m->telnet_server, FACT_OFF, dv, "   shutdown");
    ASSERT_FACT(m->ssh.weak_ciphers, FACT_OFF, dv, "   cipher aes256-ctr");
    ASSERT_FACT(m->ssh.weak_macs, FACT_OFF, dv, "   mac hmac-sha2-256");
    assert_int_equal(m->ssh.idle_timeout_seconds, 900);
    path_for(m, "ssh", "SSH-ONLY");
    const struct mgmt_service *eapi_http = service(m, "eapi", true);
    ASSERT_FACT(eapi_http->state, FACT_ON, dv, "   protocol http");
    ASSERT_FACT(service(m, "gnmi", true)->state, FACT_ON, dv, "transport grpc default");

    const struct account *au = account(m, "automation");
    assert_true(au->has_ssh_key);
    assert_int_equal(au->secret.type, SECRET_PLAINTEXT);
    assert_int_equal(au->privilege, 1);
    assert_int_equal(account(m, "admin")->secret.type, SECRET_SHA512_CRYPT);

    ASSERT_FACT(m->aaa.central_login, FACT_ON, dv, "aaa authentication login default");
    ASSERT_FACT(m->logging.login_events, FACT_ON, dv, "policy on-failure log");
    ASSERT_FACT(m->logging.config_changes, FACT_ON, dv, "aaa accounting commands all");

    const struct bgp_neighbor *sp = nbr(m, "10.5.5.0");
    assert_string_equal(sp->group, "SPINE");
    assert_int_equal(sp->remote_as, 65000);
    ASSERT_FACT(sp->auth, FACT_ON, dv, "neighbor SPINE password");
    assert_string_equal(sp->in_policy, "SPINE-IN");
    /* only the implicit EOS maximum-routes 12000: not a configured limit */
    ASSERT_DEFAULT(sp->max_prefix, FACT_OFF);
    ASSERT_FACT(nbr(m, "10.5.5.8")->max_prefix, FACT_OFF, dv, "maximum-routes 0");

    ASSERT_FACT(m->igps[0].auth, FACT_ON, dv, "ip ospf authentication message-digest");
    const struct interface *e1 = iface(m, "Ethernet1");
    ASSERT_FACT(e1->urpf, FACT_ON, dv, "ip verify unicast");
    assert_string_equal(e1->acl_in, "EDGE");
    assert_string_equal(m->mirrors[0].destination, "192.0.2.220");
    assert_true(m->mirrors[0].remote);
    size_t risky = 0;
    for (size_t i = 0; i < m->nonbox; i++)
        risky += m->onbox[i].risky;
    assert_int_equal(risky, 2); /* event-handler clearing logs, daemon */
    assert_int_equal(m->nbanners, 1);
    assert_true(sv_eq_cstr(sv_trim(m->banners[0].text), "Authorised access only"));
    ASSERT_DEFAULT(m->legacy.discovery, FACT_ON);
    tu_model_unload(dv);
}

/* --------------------------------------------------------------- defaults */

static void test_ios_defaults(void **state)
{
    (void)state;
    struct tu_dev *dv = tu_model_load_text("hostname bare\n"
                                           "line vty 0 4\n"
                                           " login local\n",
                                           DIALECT_CISCO_IOS);
    const struct device_model *m = &dv->m;
    assert_int_equal(m->ssh.enabled.state, FACT_UNKNOWN);
    assert_non_null(m->ssh.enabled.why);
    assert_int_equal(m->ssh.v1_allowed.state, FACT_UNKNOWN);
    assert_non_null(m->ssh.v1_allowed.why);
    const struct mgmt_line *v = mline(m, "vty 0 4");
    assert_int_equal(v->telnet_in.state, FACT_UNKNOWN); /* release-dependent */
    assert_non_null(v->telnet_in.why);
    assert_int_equal(v->timeout_seconds, 600);
    assert_true(v->timeout_is_default);
    assert_int_equal(service(m, "http", true)->state.state, FACT_UNKNOWN);
    ASSERT_DEFAULT(m->legacy.bootp_server, FACT_ON);
    ASSERT_DEFAULT(m->legacy.source_route, FACT_ON);
    ASSERT_DEFAULT(m->legacy.directed_broadcast, FACT_OFF);
    ASSERT_DEFAULT(m->aaa.central_login, FACT_OFF);
    ASSERT_DEFAULT(m->copp, FACT_OFF);
    /* no switch port, spanning-tree mode or VTP: no Smart Install client */
    ASSERT_DEFAULT(m->legacy.smart_install, FACT_OFF);
    assert_int_equal(m->legacy.discovery.state, FACT_UNKNOWN);
    assert_false(m->bgp.configured);
    ASSERT_DEFAULT(m->snmp.enabled, FACT_OFF);
    tu_model_unload(dv);

    /* NX-OS, EOS and XR: documented defaults */
    dv = tu_model_load_text("hostname n\n", DIALECT_CISCO_NXOS);
    ASSERT_DEFAULT(dv->m.telnet_server, FACT_OFF);
    ASSERT_DEFAULT(dv->m.ssh.enabled, FACT_ON);
    ASSERT_DEFAULT(dv->m.legacy.password_policy, FACT_ON);
    tu_model_unload(dv);
    dv = tu_model_load_text("hostname e\n", DIALECT_ARISTA_EOS);
    ASSERT_DEFAULT(dv->m.telnet_server, FACT_OFF);
    /* SSH runs by default, with no idle timeout and no filter */
    assert_int_equal(dv->m.ssh.idle_timeout_seconds, 0);
    assert_int_equal(dv->m.nmgmt_paths, 1);
    assert_null(dv->m.mgmt_paths[0].acl_name);
    tu_model_unload(dv);
    dv = tu_model_load_text("hostname x\n", DIALECT_CISCO_IOSXR);
    ASSERT_DEFAULT(dv->m.telnet_server, FACT_OFF);
    ASSERT_DEFAULT(dv->m.ssh.enabled, FACT_OFF);
    tu_model_unload(dv);
}

/* ASA allowed hosts written as "0 0" and IPv6 prefixes mean anyone on that interface. */
static void test_asa_any_hosts(void **state)
{
    (void)state;
    struct tu_dev *dv = tu_model_load_text("hostname a\n"
                                           "ssh 0 0 outside\n"
                                           "ssh ::/0 outside\n"
                                           "ssh 2001:db8::/32 inside\n"
                                           "ssh timeout 5\n",
                                           DIALECT_CISCO_ASA);
    const struct device_model *m = &dv->m;
    const struct mgmt_path *o = path_for(m, "ssh", "ssh-hosts-outside");
    assert_int_equal(o->acl->n, 2);
    assert_true(o->acl->entries[0].src_any);
    assert_true(o->acl->entries[1].src_any);
    const struct mgmt_path *in = path_for(m, "ssh", "ssh-hosts-inside");
    char pb[64];
    assert_string_equal(prefix_text(&in->acl->entries[0].src, pb), "2001:db8::/32");
    assert_int_equal(m->ssh.idle_timeout_seconds, 300);
    assert_int_equal(m->ssh.enabled.state, FACT_ON);
    tu_model_unload(dv);
}

/* Less common shapes, one small config per dialect. */
static void test_misc_shapes(void **state)
{
    (void)state;
    char pb[64];
    struct tu_dev *dv =
        tu_model_load_text("hostname m1\n"                                   /* 1 */
                           "no logging on\n"                                 /* 2 */
                           "ip http server\n"                                /* 3 */
                           "tftp-server flash:boot.bin 55\n"                 /* 4 */
                           "ipv6 access-list V6-MGMT\n"                      /* 5 */
                           " permit ipv6 2001:db8:10::/48 any\n"             /* 6 */
                           " deny ipv6 any any\n"                            /* 7 */
                           "kron policy-list SAVE\n"                         /* 8 */
                           " cli copy running-config tftp://192.0.2.9/c\n"   /* 9 */
                           "monitor session 3 source interface Gi0/1\n"      /* 10 */
                           "monitor session 3 destination remote vlan 901\n" /* 11 */
                           "router isis CORE\n"                              /* 12 */
                           " authentication mode md5\n"                      /* 13 */
                           " authentication key-chain ISIS\n"                /* 14 */
                           "interface Gi0/1\n"                               /* 15 */
                           " ip address 10.7.7.1 255.255.255.0\n"            /* 16 */
                           " ip router isis CORE\n"                          /* 17 */
                           " no cdp enable\n",                               /* 18 */
                           DIALECT_CISCO_IOS);
    const struct device_model *m = &dv->m;
    assert_int_equal(m->logging.suppressed.state, FACT_ON);
    assert_int_equal(m->logging.suppressed.ev.nodes[0]->line, 2);
    const struct mgmt_service *http = service(m, "http", true);
    assert_int_equal(http->state.state, FACT_ON);
    assert_null(http->acl_name);
    path_for(m, "http", NULL);
    const struct mgmt_service *tftp = service(m, "tftp-server", true);
    assert_string_equal(tftp->acl_name, "55");
    const struct acl *v6 = acl(m, "V6-MGMT");
    assert_string_equal(prefix_text(&v6->entries[0].src, pb), "2001:db8:10::/48");
    assert_true(v6->entries[1].src_any);
    assert_int_equal(m->nonbox, 1);
    assert_string_equal(m->onbox[0].kind, "kron");
    assert_true(m->onbox[0].risky);
    assert_string_equal(m->mirrors[0].kind, "rspan");
    assert_true(m->mirrors[0].remote);
    assert_int_equal(m->igps[0].auth.state, FACT_ON);
    assert_int_equal(m->igps[0].auth.ev.nodes[0]->line, 13);
    assert_int_equal(iface(m, "Gi0/1")->discovery.state, FACT_OFF);
    tu_model_unload(dv);

    /* XR: af-group and session-group inheritance; an unused line template is no vty */
    dv = tu_model_load_text("hostname m2\n"
                            "line template SPARE\n"
                            " transport input telnet\n"
                            "router bgp 65100\n"
                            " session-group SG\n"
                            "  remote-as 65200\n"
                            "  password encrypted 0822455D0A16\n"
                            " af-group AG address-family ipv4 unicast\n"
                            "  route-policy IN-POL in\n"
                            "  route-policy OUT-POL out\n"
                            " neighbor 192.0.2.77\n"
                            "  use session-group SG\n"
                            "  address-family ipv4 unicast\n"
                            "   use af-group AG\n",
                            DIALECT_CISCO_IOSXR);
    m = &dv->m;
    assert_int_equal(mline(m, "template SPARE")->kind, LINE_OTHER);
    const struct bgp_neighbor *nb = nbr(m, "192.0.2.77");
    assert_int_equal(nb->remote_as, 65200);
    assert_true(nb->ebgp);
    assert_int_equal(nb->auth.state, FACT_ON);
    assert_int_equal(nb->auth.ev.nodes[0]->line, 7);
    assert_string_equal(nb->in_policy, "IN-POL");
    assert_string_equal(nb->out_policy, "OUT-POL");
    tu_model_unload(dv);

    /* EOS: SSH served only in a VRF; NX-OS: SSH switched off */
    dv = tu_model_load_text("hostname m3\n"
                            "management ssh\n"
                            "   shutdown\n"
                            "   vrf MGMT\n"
                            "      no shutdown\n",
                            DIALECT_ARISTA_EOS);
    assert_int_equal(dv->m.ssh.enabled.state, FACT_ON);
    assert_int_equal(dv->m.mgmt_vrf.state, FACT_ON);
    assert_int_equal(dv->m.mgmt_vrf.ev.nodes[0]->line, 5);
    tu_model_unload(dv);
    dv = tu_model_load_text("hostname m4\nno feature ssh\n", DIALECT_CISCO_NXOS);
    assert_int_equal(dv->m.ssh.enabled.state, FACT_OFF);
    assert_int_equal(dv->m.ssh.enabled.ev.nodes[0]->line, 2);
    tu_model_unload(dv);
}

/* Stored forms that are not plaintext: XR key-chain "key-string password"
 * (type 7), IS-IS "hello-password keychain NAME" (no key at all), SNMPv3 keys
 * marked "encrypted"; the cleartext forms next to them stay plaintext. */
static enum secret_type secret_on_line(const struct device_model *m, const char *kind,
                                       uint32_t line)
{
    for (size_t i = 0; i < m->nother_secrets; i++)
        if (strcmp(m->other_secret_kinds[i], kind) == 0 && m->other_secrets[i].node->line == line)
            return m->other_secrets[i].type;
    return SECRET_NONE;
}

static void test_secret_forms(void **state)
{
    (void)state;
    struct tu_dev *dv = tu_model_load_text(
        "hostname x1\n"                            /* 1 */
        "key chain ISIS-KC\n"                      /* 2 */
        " key 1\n"                                 /* 3 */
        "  key-string password 06060A2D4B4D1C1A\n" /* 4 */
        " key 2\n"                                 /* 5 */
        "  key-string clear plainkey\n"            /* 6 */
        "router isis CORE\n"                       /* 7 */
        " lsp-password keychain ISIS-KC\n"         /* 8 */
        " interface TenGigE0/0/0/4\n"              /* 9 */
        "  hello-password keychain ISIS-KC\n"      /* 10 */
        " interface TenGigE0/0/0/5\n"              /* 11 */
        "  hello-password text clear opensesame\n" /* 12 */
        "snmp-server user u1 G1 v3 auth sha encrypted 0822455D0A16 priv aes 128 "
        "encrypted 13061E0108 SystemOwner\n"                                     /* 13 */
        "snmp-server user u2 G1 v3 auth sha plainauth priv aes 128 plainpriv\n", /* 14 */
        DIALECT_CISCO_IOSXR);
    const struct device_model *m = &dv->m;
    assert_int_equal(secret_on_line(m, "key-chain", 4), SECRET_CISCO7);
    assert_int_equal(secret_on_line(m, "key-chain", 6), SECRET_PLAINTEXT);
    assert_int_equal(secret_on_line(m, "isis-key", 8), SECRET_NONE);
    assert_int_equal(secret_on_line(m, "isis-key", 10), SECRET_NONE);
    assert_int_equal(secret_on_line(m, "isis-key", 12), SECRET_PLAINTEXT);
    assert_int_equal(secret_on_line(m, "snmp-auth", 13), SECRET_CISCO7);
    assert_int_equal(secret_on_line(m, "snmp-priv", 13), SECRET_CISCO7);
    assert_int_equal(secret_on_line(m, "snmp-auth", 14), SECRET_PLAINTEXT);
    assert_int_equal(secret_on_line(m, "snmp-priv", 14), SECRET_PLAINTEXT);
    assert_int_equal(tu_count_secrets(m, "isis-key"), 1);
    tu_model_unload(dv);

    /* IOS: "v3 encrypted" users carry localized hashes; typed 7 keys are type 7 */
    dv = tu_model_load_text(
        "hostname x2\n"
        "snmp-server user u3 G1 v3 encrypted auth sha 0xA1B2C3D4E5F60718\n" /* 2 */
        "snmp-server user u4 G1 v3 auth sha 7 0822455D0A16\n",              /* 3 */
        DIALECT_CISCO_IOS);
    assert_int_equal(secret_on_line(&dv->m, "snmp-auth", 2), SECRET_OTHER_HASH);
    assert_int_equal(secret_on_line(&dv->m, "snmp-auth", 3), SECRET_CISCO7);
    tu_model_unload(dv);
}

/* ------------------------------------------------------------------- JSON */

static char *print_json(const struct tu_dev *dv, bool show)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    model_print_json(&dv->m, &dv->t, show, f);
    fclose(f);
    return out;
}

static void test_json(void **state)
{
    (void)state;
    struct tu_dev *dv = tu_model_load_text("hostname js\n"
                                           "username u1 privilege 15 secret 0 Hunter2Secret\n"
                                           "snmp-server community CommSecret RO\n"
                                           "banner motd ^C\n"
                                           "tab\there \x01 ctl \xff bad \"q\" \\ end\n"
                                           "^C\n",
                                           DIALECT_CISCO_IOS);
    char *red = print_json(dv, false);
    assert_null(strstr(red, "Hunter2Secret"));
    assert_null(strstr(red, "CommSecret"));
    assert_non_null(strstr(red, "\"<redacted:plaintext>\""));
    assert_non_null(strstr(red, "\\t"));
    assert_non_null(strstr(red, "\\u0001"));
    assert_non_null(strstr(red, "\\ufffd"));
    assert_non_null(strstr(red, "\\\"q\\\" \\\\ end"));
    assert_non_null(strstr(red, "\"hostname_line\": 1"));
    for (const char *p = red; *p; p++)
        assert_true((unsigned char)*p >= 0x20 || *p == '\n');
    char *shown = print_json(dv, true);
    assert_non_null(strstr(shown, "Hunter2Secret"));
    assert_non_null(strstr(shown, "CommSecret"));
    free(red);
    free(shown);
    tu_model_unload(dv);
}

/* Coverage: statements that no table row handles, or that a row's handler
 * does not understand, are counted as read but not understood. */
static void test_coverage(void **state)
{
    (void)state;
    struct tu_dev *dv = tu_model_load_text("hostname cov\n"
                                           "ip ssh version 2\n"
                                           "ip made-up-feature on\n"
                                           "spanning-tree mode rapid-pvst\n"
                                           "no service pad\n"
                                           "cdp advertise-v2\n"
                                           "cdp run\n",
                                           DIALECT_CISCO_IOS);
    assert_int_equal(dv->m.coverage.statements, 7);
    assert_int_equal(dv->m.coverage.understood, 4);
    tu_model_unload(dv);
    /* An ASA-only statement is not understood on IOS. */
    dv = tu_model_load_text("name 10.0.0.1 host1\n", DIALECT_CISCO_IOS);
    assert_int_equal(dv->m.coverage.statements, 1);
    assert_int_equal(dv->m.coverage.understood, 0);
    tu_model_unload(dv);
    dv = tu_model_load_text("name 10.0.0.1 host1\n", DIALECT_CISCO_ASA);
    assert_int_equal(dv->m.coverage.understood, 1);
    tu_model_unload(dv);
}

/* Interface ACL entries keep their destination and whether they match every
 * packet between their addresses (protocol "ip", no ports or flags). */
static void test_acl_destinations(void **state)
{
    (void)state;
    struct tu_dev *dv = tu_model_load_text("hostname r\n"
                                           "ip access-list extended IN\n"
                                           " deny ip 10.0.0.0 0.255.255.255 any log\n"
                                           " deny tcp any host 192.0.2.1 eq 22\n"
                                           " permit ip any 198.51.100.0 0.0.0.255\n"
                                           " permit tcp any any established\n",
                                           DIALECT_CISCO_IOS);
    const struct acl *a = model_find_acl(&dv->m, "IN");
    assert_non_null(a);
    assert_int_equal(a->n, 4);
    assert_true(a->entries[0].matches_all && a->entries[0].dst_any);
    assert_int_equal(a->entries[0].src.len, 8);
    assert_false(a->entries[1].matches_all);
    assert_int_equal(a->entries[1].dst.len, 32);
    assert_true(a->entries[2].matches_all);
    assert_int_equal(a->entries[2].dst.len, 24);
    assert_false(a->entries[3].matches_all);
    tu_model_unload(dv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ios),           cmocka_unit_test(test_nxos),
        cmocka_unit_test(test_iosxr),         cmocka_unit_test(test_asa),
        cmocka_unit_test(test_eos),           cmocka_unit_test(test_ios_defaults),
        cmocka_unit_test(test_asa_any_hosts), cmocka_unit_test(test_misc_shapes),
        cmocka_unit_test(test_json),          cmocka_unit_test(test_secret_forms),
        cmocka_unit_test(test_coverage),      cmocka_unit_test(test_acl_destinations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
