/*
 * checks_snmp.c - SNMP checks (SNMP-*): v1/v2c communities, default
 * community strings, write access, manager restrictions and SNMPv3
 * security levels.
 */
#include "checks/checks_int.h"

#include <string.h>

static bool snmp_in_use(const struct device_model *m)
{
    return m->snmp.ncommunities || m->snmp.nusers;
}

/* A filter on everything addressed to the device (Junos lo0 filter, IOS-XR
 * management-plane protection, SR OS management-access-filter...) also
 * restricts SNMP; its content is judged by MGMT-PAW-SOURCES. */
static const struct mgmt_path *global_filter(const struct device_model *m)
{
    static const char *const names[] = {"lo0-filter", "mpp", "management-access-filter",
                                        "cpm-filter", "control-plane"};
    for (size_t i = 0; i < m->nmgmt_paths; i++)
        for (size_t j = 0; j < ARRAY_SIZE(names); j++)
            if (m->mgmt_paths[i].service && !strcmp(m->mgmt_paths[i].service, names[j]) &&
                m->mgmt_paths[i].acl)
                return &m->mgmt_paths[i];
    return NULL;
}

/* An agent-wide SNMP filter (e.g. VRP "snmp-agent acl N"): an "snmp" path
 * that is not the statement of one community or user. */
static const struct mgmt_path *agent_filter(const struct device_model *m)
{
    for (size_t i = 0; i < m->nmgmt_paths; i++) {
        const struct mgmt_path *p = &m->mgmt_paths[i];
        if (!p->service || strcmp(p->service, "snmp") != 0 || !p->acl_name)
            continue;
        bool own = false;
        for (size_t j = 0; j < m->snmp.ncommunities; j++)
            if (m->snmp.communities[j].node == p->node)
                own = true;
        for (size_t j = 0; j < m->snmp.nusers; j++)
            if (m->snmp.users[j].node == p->node)
                own = true;
        if (!own)
            return p;
    }
    return NULL;
}

/* ------------------------------------------------------------ SNMP-V1V2C */

static void eval_v1v2c(const struct check_ctx *ctx, struct check_result *r)
{
    const struct snmp_facts *s = &ctx->model->snmp;
    if (s->ncommunities) {
        for (size_t i = 0; i < s->ncommunities; i++)
            ev_node(ctx, r, s->communities[i].node);
        check_set(ctx, r, VERDICT_FAIL,
                  "%zu SNMPv1/v2c communities are configured (cleartext, no real "
                  "authentication)",
                  s->ncommunities);
        return;
    }
    if (s->enabled.state == FACT_OFF) {
        check_set(ctx, r, VERDICT_PASS, "SNMP is off");
        check_evidence_fact(ctx, r, &s->enabled.ev);
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "no SNMPv1/v2c community is configured%s",
              s->nusers ? " (SNMPv3 only)" : "");
}

/* ------------------------------------------------- SNMP-DEFAULT-COMMUNITY */

static bool default_community(struct sv v)
{
    static const char *const words[] = {"public", "private", "community", "snmp",   "cisco",
                                        "admin",  "default", "manager",   "secret", "monitor"};
    v = sv_unquote(sv_trim(v));
    for (size_t i = 0; i < ARRAY_SIZE(words); i++)
        if (v.n == strlen(words[i]) && !strncasecmp(v.p, words[i], v.n))
            return true;
    return false;
}

static void eval_default_community(const struct check_ctx *ctx, struct check_result *r)
{
    const struct snmp_facts *s = &ctx->model->snmp;
    if (!s->ncommunities && !s->ntrap_communities) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no SNMP community is configured");
        return;
    }
    struct reasons bad;
    size_t hidden = 0;
    reasons_init(&bad);
    for (size_t i = 0; i < s->ncommunities + s->ntrap_communities; i++) {
        const struct snmp_community *c =
            i < s->ncommunities ? &s->communities[i] : &s->trap_communities[i - s->ncommunities];
        enum secret_type t = c->name.type;
        if (t == SECRET_REDACTED || (t != SECRET_PLAINTEXT && t != SECRET_NONE)) {
            hidden++;
            continue;
        }
        if (default_community(c->name.value)) {
            /* Never print the string itself: say where it is. */
            reasons_add(&bad, "line %u", c->node ? c->node->line : 0);
            ev_node(ctx, r, c->node);
        }
    }
    if (bad.n) {
        check_set(ctx, r, VERDICT_FAIL, "well-known default community strings at %s",
                  reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    if (hidden) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%zu communities are hashed, encrypted or removed by the collector, so their "
                  "values cannot be compared",
                  hidden);
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "no community is a well-known default string");
}

/* ------------------------------------------------------------- SNMP-WRITE */

/* NX-OS: an SNMPv3 user's role, named on its line or, when none is, the role
 * of the local user of the same name (NX-OS keeps SNMPv3 and CLI users in
 * step: Cisco Nexus System Management Configuration Guide, SNMP). */
static const char *nxos_snmp_role(const struct device_model *m, const struct snmp_user *u)
{
    if (u->role || !u->name)
        return u->role;
    for (size_t i = 0; i < m->naccounts; i++)
        if (m->accounts[i].name && !strcmp(m->accounts[i].name, u->name))
            return m->accounts[i].role;
    return NULL;
}

/* SNMPv3 write: groups with a write view (checks.md IOS/XR/EOS), NX-OS users
 * holding network-admin or vdc-admin (checks.md NXOS "v3 user with write role"). */
static void write_v3(const struct check_ctx *ctx, struct check_result *r, struct reasons *bad)
{
    const struct device_model *m = ctx->model;
    const struct fact_lines *g = &m->snmp.v3_write;
    for (size_t i = 0; i < g->n; i++) {
        reasons_add(bad, "SNMPv3 group at line %u has a write view", g->nodes[i]->line);
        ev_node(ctx, r, g->nodes[i]);
    }
    if (m->dialect != DIALECT_CISCO_NXOS)
        return;
    for (size_t i = 0; i < m->snmp.nusers; i++) {
        const struct snmp_user *u = &m->snmp.users[i];
        const char *role = nxos_snmp_role(m, u);
        if (role && (!strcmp(role, "network-admin") || !strcmp(role, "vdc-admin"))) {
            reasons_add(bad, "SNMPv3 user '%s' has the read-write role %s", u->name, role);
            ev_node(ctx, r, u->node);
        }
    }
}

static void eval_write(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (!snmp_in_use(m)) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "SNMP is not configured");
        return;
    }
    struct reasons bad;
    reasons_init(&bad);
    for (size_t i = 0; i < m->snmp.ncommunities; i++) {
        const struct snmp_community *c = &m->snmp.communities[i];
        if (c->write) {
            const struct cfg_node *at = c->access_node ? c->access_node : c->node;
            reasons_add(&bad, "community at line %u is read-write", at ? at->line : 0);
            ev_node(ctx, r, at);
        }
    }
    write_v3(ctx, r, &bad);
    if (bad.n) {
        check_set(ctx, r, VERDICT_FAIL, "SNMP write access: %s", reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    check_set(ctx, r, VERDICT_PASS, "no SNMP community, group or user grants write access");
}

/* --------------------------------------------------------------- SNMP-ACL */

static void eval_acl(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct profile *pr = ctx->profile;
    if (!snmp_in_use(m)) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "SNMP is not configured");
        return;
    }
    struct reasons bad;
    unsigned unresolved = 0;
    size_t filtered = 0;
    reasons_init(&bad);
    const struct mgmt_path *gf = global_filter(m), *af = agent_filter(m);
    if (af) {
        const struct acl *acl = af->acl ? af->acl : model_find_acl(m, af->acl_name);
        if (!acl) {
            reasons_add(&bad, "the SNMP agent filter '%s' is not defined", af->acl_name);
            ev_node(ctx, r, af->node);
        } else if (pr->snmp_managers.present) {
            unsigned before = bad.n;
            acl_judge_sources(ctx, r, acl, "SNMP agent filter", &pr->snmp_managers, NULL, NULL,
                              &bad, &unresolved);
            if (bad.n != before)
                ev_node(ctx, r, af->node);
        }
        gf = af;
    }
    for (size_t i = 0; i < m->snmp.ncommunities; i++) {
        const struct snmp_community *c = &m->snmp.communities[i];
        uint32_t line = c->node ? c->node->line : 0;
        const struct acl *acl = c->acl ? c->acl : model_find_acl(m, c->acl_name);
        if (!c->acl_name && gf) {
            filtered++;
            ev_node(ctx, r, gf->node);
        } else if (!c->acl_name) {
            reasons_add(&bad, "community at line %u has no manager filter", line);
            ev_node(ctx, r, c->node);
        } else if (!acl) {
            reasons_add(&bad, "community at line %u uses '%s', which is not defined", line,
                        c->acl_name);
            ev_node(ctx, r, c->node);
        } else {
            filtered++;
            ev_node(ctx, r, c->node);
            if (pr->snmp_managers.present) {
                char label[48];
                snprintf(label, sizeof(label), "community at line %u", line);
                unsigned before = bad.n;
                acl_judge_sources(ctx, r, acl, label, &pr->snmp_managers, NULL, NULL, &bad,
                                  &unresolved);
                if (bad.n != before)
                    ev_node(ctx, r, c->node);
            }
        }
    }
    for (size_t i = 0; i < m->snmp.nusers; i++) {
        const struct snmp_user *u = &m->snmp.users[i];
        if (!u->acl_name && gf) {
            filtered++;
            ev_node(ctx, r, gf->node);
        } else if (!u->acl_name) {
            reasons_add(&bad, "SNMPv3 user '%s' has no manager filter", u->name ? u->name : "?");
            ev_node(ctx, r, u->node);
        } else {
            filtered++;
            ev_node(ctx, r, u->node);
            const struct acl *acl = model_find_acl(m, u->acl_name);
            if (!acl) {
                reasons_add(&bad, "SNMPv3 user '%s' uses '%s', which is not defined",
                            u->name ? u->name : "?", u->acl_name);
                ev_node(ctx, r, u->node);
            } else if (pr->snmp_managers.present) {
                unsigned before = bad.n;
                acl_judge_sources(ctx, r, acl, u->name ? u->name : "SNMPv3 user",
                                  &pr->snmp_managers, NULL, NULL, &bad, &unresolved);
                if (bad.n != before)
                    ev_node(ctx, r, u->node);
            }
        }
    }
    /* Trap receivers should be managers too. */
    for (size_t i = 0; pr->snmp_managers.present && i < m->snmp.ntrap_hosts; i++) {
        struct ip_prefix a;
        if (host_addr(m->snmp.trap_hosts[i], &a) && !pset_contains(&pr->snmp_managers, &a))
            reasons_add(&bad, "trap receiver %s is not in approved.snmp_managers",
                        m->snmp.trap_hosts[i]);
    }
    if (bad.n) {
        check_set(ctx, r, VERDICT_FAIL, "SNMP reachable from outside the approved managers: %s",
                  reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    if (!pr->snmp_managers.present) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "every SNMP access has a filter (%zu); needs approved.snmp_managers in the "
                  "profile to check their sources",
                  filtered);
        return;
    }
    if (unresolved) {
        check_set(ctx, r, VERDICT_UNKNOWN, "%u filter entries could not be resolved to sources",
                  unresolved);
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "SNMP access is limited to approved.snmp_managers");
}

/* ------------------------------------------------------- SNMP-V3-AUTHPRIV */

static bool weak_auth(const char *a)
{
    return str_ieq(a, "none") || str_ieq(a, "md5") || str_icontains(a, "md5") ||
           str_ieq(a, "noauth");
}

static bool weak_priv(const char *p)
{
    return str_ieq(p, "none") || str_ieq(p, "des") || str_ieq(p, "des56") ||
           str_icontains(p, "3des") || str_ieq(p, "nopriv");
}

static void eval_v3_authpriv(const struct check_ctx *ctx, struct check_result *r)
{
    const struct snmp_facts *s = &ctx->model->snmp;
    if (!s->nusers) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no SNMPv3 user is configured");
        return;
    }
    struct reasons bad, unknown;
    reasons_init(&bad);
    reasons_init(&unknown);
    for (size_t i = 0; i < s->nusers; i++) {
        const struct snmp_user *u = &s->users[i];
        const char *name = u->name ? u->name : "?";
        check_evidence_fact(ctx, r, &u->ev);
        if (u->auth && weak_auth(u->auth)) {
            reasons_add(&bad, "'%s' authenticates with %s", name, u->auth);
            ev_node(ctx, r, u->node);
        } else if (u->priv && weak_priv(u->priv)) {
            reasons_add(&bad, "'%s' has privacy %s", name, u->priv);
            ev_node(ctx, r, u->node);
        } else if (!u->auth || !u->priv) {
            reasons_add(&unknown, "'%s'", name);
            ev_node(ctx, r, u->node);
        } else {
            ev_node(ctx, r, u->node);
        }
    }
    if (bad.n) {
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_FAIL,
                  "SNMPv3 users without SHA authentication and AES "
                  "privacy: %s",
                  reasons_done(ctx, &bad));
    } else if (unknown.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the security level of some SNMPv3 users is not in the configuration: %s",
                  reasons_done(ctx, &unknown));
    } else {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_PASS, "every SNMPv3 user uses authPriv with SHA and AES");
    }
}

static const struct check_def defs[] = {
    {
        .id = "SNMP-V1V2C",
        .source = "builtin",
        .title = "SNMPv1/v2c disabled",
        .category = "SNMP",
        .severity = SEV_HIGH,
        .rationale = "v1/v2c communities travel in clear and are the only credential; SNMPv3 "
                     "with authentication and encryption is the replacement.",
        .measures = MEASURES("M2.03", "M2.04", "M8.06"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove SNMP communities and use SNMPv3 authPriv users.",
                [DIALECT_CISCO_IOS] = "no snmp-server community <community>\nsnmp-server group "
                                      "G v3 priv access MGMT",
                [DIALECT_CISCO_NXOS] = "no snmp-server community <community>",
                [DIALECT_CISCO_IOSXR] = "no snmp-server community <community>",
                [DIALECT_CISCO_ASA] = "no snmp-server host <if> <host> community <community>",
                [DIALECT_ARISTA_EOS] = "no snmp-server community <community>",
                [DIALECT_JUNIPER_JUNOS] = "delete snmp community <community>",
                [DIALECT_NOKIA_SROS] = "configure system security snmp no community "
                                       "<community>",
                [DIALECT_HUAWEI_VRP] = "undo snmp-agent community <community>\nsnmp-agent "
                                       "sys-info version v3",
            },
        .eval = eval_v1v2c,
    },
    {
        .id = "SNMP-DEFAULT-COMMUNITY",
        .source = "builtin",
        .title = "No default/guessable community strings",
        .category = "SNMP",
        .severity = SEV_HIGH,
        .rationale = "'public', 'private' and similar strings are tried first by every scanner "
                     "and give immediate read (or write) access.",
        .measures = MEASURES("M2.05", "M8.06"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove default community strings (better: move to "
                                    "SNMPv3).",
                [DIALECT_CISCO_IOS] = "no snmp-server community <default-string>",
                [DIALECT_CISCO_NXOS] = "no snmp-server community <default-string>",
                [DIALECT_CISCO_IOSXR] = "no snmp-server community <default-string>",
                [DIALECT_ARISTA_EOS] = "no snmp-server community <default-string>",
                [DIALECT_JUNIPER_JUNOS] = "delete snmp community <default-string>",
                [DIALECT_NOKIA_SROS] = "configure system security snmp no community "
                                       "<default-string>",
                [DIALECT_HUAWEI_VRP] = "undo snmp-agent community <default-string>",
            },
        .eval = eval_default_community,
    },
    {
        .id = "SNMP-WRITE",
        .source = "builtin",
        .title = "No SNMP write access",
        .category = "SNMP",
        .severity = SEV_HIGH,
        .rationale = "SNMP SET can change configuration and pull files off the device outside "
                     "the change process; configuration should go through the management "
                     "systems.",
        .measures = MEASURES("M2.04", "M11.15"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Make every SNMP community and group read-only.",
                [DIALECT_CISCO_IOS] = "no snmp-server community <community> RW\nsnmp-server "
                                      "community <community> RO MGMT",
                [DIALECT_CISCO_NXOS] = "snmp-server community <community> group network-operator",
                [DIALECT_CISCO_IOSXR] = "snmp-server community <community> RO",
                [DIALECT_ARISTA_EOS] = "snmp-server community <community> ro",
                [DIALECT_JUNIPER_JUNOS] = "set snmp community <community> authorization "
                                          "read-only",
                [DIALECT_NOKIA_SROS] = "configure system security snmp community <community> r",
                [DIALECT_HUAWEI_VRP] = "undo snmp-agent community write <community>",
            },
        .eval = eval_write,
    },
    {
        .id = "SNMP-ACL",
        .source = "builtin",
        .title = "SNMP restricted to approved managers",
        .category = "SNMP",
        .severity = SEV_MEDIUM,
        .rationale = "SNMP answers anyone who knows the community or user unless a filter "
                     "limits it to the management stations.",
        .measures = MEASURES("M11.18", "M11.14"),
        .context = "approved.snmp_managers",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Bind every community and SNMPv3 group to a filter that "
                                    "permits only the approved managers.",
                [DIALECT_CISCO_IOS] = "ip access-list standard SNMP-MGRS\n permit "
                                      "<manager-prefix> <wildcard>\nsnmp-server community "
                                      "<community> RO SNMP-MGRS",
                [DIALECT_CISCO_NXOS] = "snmp-server community <community> use-ipv4acl "
                                       "SNMP-MGRS",
                [DIALECT_CISCO_IOSXR] = "snmp-server community <community> RO IPv4 SNMP-MGRS",
                [DIALECT_ARISTA_EOS] = "snmp-server ipv4 access-list SNMP-MGRS",
                [DIALECT_JUNIPER_JUNOS] = "set snmp community <community> clients "
                                          "<manager-prefix>",
                [DIALECT_NOKIA_SROS] = "configure system security management-access-filter "
                                       "ip-filter entry N match protocol udp dst-port 161 "
                                       "src-ip <manager-prefix> action permit",
                [DIALECT_HUAWEI_VRP] = "snmp-agent acl <n>",
            },
        .eval = eval_acl,
    },
    {
        .id = "SNMP-V3-AUTHPRIV",
        .source = "builtin",
        .title = "SNMPv3 uses authPriv with SHA-family auth and AES privacy",
        .category = "SNMP",
        .severity = SEV_MEDIUM,
        .rationale = "SNMPv3 without privacy sends data in clear, and MD5 or DES protect "
                     "nothing today.",
        .measures = MEASURES("M2.03", "M11.32"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Configure SNMPv3 users with SHA-2 authentication and "
                                    "AES-128 or stronger privacy.",
                [DIALECT_CISCO_IOS] = "snmp-server group G v3 priv\nsnmp-server user U G v3 auth "
                                      "sha <auth> priv aes 256 <priv>",
                [DIALECT_CISCO_NXOS] = "snmp-server user U auth sha-256 <auth> priv aes-128 "
                                       "<priv>",
                [DIALECT_CISCO_IOSXR] = "snmp-server user U G v3 auth sha <auth> priv aes 128 "
                                        "<priv>",
                [DIALECT_ARISTA_EOS] = "snmp-server user U G v3 auth sha256 <auth> priv aes256 "
                                       "<priv>",
                [DIALECT_JUNIPER_JUNOS] = "set snmp v3 usm local-engine user U "
                                          "authentication-sha256 authentication-password "
                                          "<auth>\nset snmp v3 usm local-engine user U "
                                          "privacy-aes128 privacy-password <priv>",
                [DIALECT_NOKIA_SROS] = "configure system security user U snmp authentication "
                                       "sha <auth> privacy aes128cfb128 <priv>",
                [DIALECT_HUAWEI_VRP] = "snmp-agent usm-user v3 U authentication-mode sha2-256 "
                                       "<auth> privacy-mode aes256 <priv>",
            },
        .eval = eval_v3_authpriv,
    },
};

const struct check_family checks_family_snmp = {defs, ARRAY_SIZE(defs)};
