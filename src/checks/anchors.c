/*
 * anchors.c - where a missing setting belongs. A check that fails without
 * an evidence line found nothing to cite: the statement it wants is absent.
 * Reports still want a line to point at (a SARIF result without a region
 * lands at the top of the file, or nowhere), so this table names, per check
 * and dialect, the section the statement belongs in, and the nearest part of
 * that section the configuration has becomes the result's anchor. A check
 * with no row here, or whose section the configuration lacks altogether,
 * is anchored at line 1: the setting belongs at top level.
 *
 * The anchor is not evidence: the line is not wrong, the setting is missing
 * from it. Reports say so (SARIF: a location message; text: "section: line
 * N"), and the finding's fingerprint does not depend on it.
 */
#include "checks/checks_int.h"

#include <string.h>

#define D(x) (1u << DIALECT_##x)
#define CISCO_LINES (D(CISCO_IOS) | D(CISCO_NXOS))

/*
 * One row: a check, the dialects it applies to, and the section as one or
 * more paths separated by '|', tried in order. In a path, '/' separates the
 * levels the lookup may fall back to when the deeper one is absent
 * ("system/services/ssh": system services ssh, then system services, then
 * system); words without a '/' between them are one level ("line vty"
 * matches "line vty 0 4" but never falls back to "line").
 */
struct anchor_row {
    const char *check;
    uint32_t dialects;
    const char *sections;
};

#define JUNOS D(JUNIPER_JUNOS)
#define SROS D(NOKIA_SROS)
#define EOS D(ARISTA_EOS)
#define XR D(CISCO_IOSXR)
#define VRP D(HUAWEI_VRP)
#define FORTI D(FORTINET_FORTIOS)

/* The lo0 filter that protects the Routing Engine (Junos). */
#define JUNOS_LO0 "interfaces/lo0/unit 0/family inet"
#define SROS_SEC "configure/system/security"

static const struct anchor_row rows[] = {
    /* Junos: nearly everything lives under system. */
    {"MGMT-SSH-V2", JUNOS, "system/services/ssh"},
    {"MGMT-SESSION-LIMIT", JUNOS, "system/services/ssh"},
    {"AAA-ROOT-REMOTE", JUNOS, "system/services/ssh"},
    {"CRYPTO-SSH-CIPHERS", JUNOS, "system/services/ssh"},
    {"CRYPTO-SSH-MACS", JUNOS, "system/services/ssh"},
    {"CRYPTO-SSH-KEX-HOSTKEY", JUNOS, "system/services/ssh"},
    {"MGMT-CONSOLE-AUX", JUNOS, "system/ports"},
    {"MGMT-IDLE-TIMEOUT", JUNOS, "system/login"},
    {"AAA-CMD-AUTHZ", JUNOS, "system/login"},
    {"BANNER-LOGIN", JUNOS, "system/login"},
    {"AAA-LOCKOUT", JUNOS, "system/login/retry-options"},
    {"CRED-PWD-POLICY", JUNOS, "system/login/password"},
    {"AAA-CENTRAL", JUNOS, "system"},
    {"AAA-SERVERS-APPROVED", JUNOS, "system"},
    {"MGMT-OOB-VRF", JUNOS, "system"},
    {"AAA-ACCOUNTING", JUNOS, "system/accounting"},
    {"TIME-NTP-SOURCES", JUNOS, "system/ntp"},
    {"TIME-NTP-AUTH", JUNOS, "system/ntp"},
    {"TIME-NTP-SERVE", JUNOS, "system/ntp"},
    {"LOG-REMOTE-SYSLOG", JUNOS, "system/syslog"},
    {"LOG-LOGIN-EVENTS", JUNOS, "system/syslog"},
    {"LOG-CONFIG-CHANGES", JUNOS, "system/syslog"},
    {"LOG-SEVERITY", JUNOS, "system/syslog"},
    {"LOG-SOURCE", JUNOS, "system/syslog"},
    {"TIME-TIMESTAMPS", JUNOS, "system/syslog"},
    {"CPP-ICMP-LEGACY", JUNOS, "system/internet-options"},
    {"MGMT-ACCESS-ACL", JUNOS, JUNOS_LO0},
    {"MGMT-PAW-SOURCES", JUNOS, JUNOS_LO0},
    {"CPP-COPP", JUNOS, JUNOS_LO0},
    {"CPP-RECEIVE-FILTER", JUNOS, JUNOS_LO0},
    {"SNMP-ACL", JUNOS, "snmp"},
    {"SNMP-V3-AUTHPRIV", JUNOS, "snmp"},

    /* IOS and NX-OS: line settings; the rest are global statements. */
    {"MGMT-OUTBOUND", D(CISCO_IOS), "line vty"},
    {"MGMT-SESSION-LIMIT", CISCO_LINES, "line vty"},
    {"MGMT-IDLE-TIMEOUT", CISCO_LINES, "line vty"},
    {"MGMT-ACCESS-ACL", CISCO_LINES, "line vty"},
    {"MGMT-CONSOLE-AUX", D(CISCO_IOS), "line con|line aux"},
    {"MGMT-CONSOLE-AUX", D(CISCO_NXOS), "line console"},
    {"CPP-COPP", CISCO_LINES | XR, "control-plane"},
    {"LOG-CONFIG-CHANGES", D(CISCO_IOS), "archive/log config"},

    /* IOS XR: line templates, the ntp block, the management plane. */
    {"MGMT-OUTBOUND", XR, "line default"},
    {"MGMT-IDLE-TIMEOUT", XR, "line default"},
    {"MGMT-CONSOLE-AUX", XR, "line console"},
    {"TIME-NTP-SOURCES", XR, "ntp"},
    {"TIME-NTP-AUTH", XR, "ntp"},
    {"TIME-NTP-SERVE", XR, "ntp"},
    {"MGMT-OOB-VRF", XR, "control-plane/management-plane/out-of-band"},

    /* EOS: the management blocks. */
    {"MGMT-IDLE-TIMEOUT", EOS, "management ssh"},
    {"MGMT-SESSION-LIMIT", EOS, "management ssh"},
    {"MGMT-ACCESS-ACL", EOS, "management ssh"},
    {"MGMT-PAW-SOURCES", EOS, "management ssh"},
    {"MGMT-OOB-VRF", EOS, "management ssh"},
    {"CRYPTO-SSH-CIPHERS", EOS, "management ssh"},
    {"CRYPTO-SSH-MACS", EOS, "management ssh"},
    {"CRYPTO-SSH-KEX-HOSTKEY", EOS, "management ssh"},
    {"CRED-PWD-POLICY", EOS, "management security"},
    {"CPP-RECEIVE-FILTER", EOS, "system control-plane"},

    /* SR OS (classic and MD-CLI): configure system security and friends. */
    {"MGMT-ACCESS-ACL", SROS, SROS_SEC "/management-access-filter"},
    {"MGMT-PAW-SOURCES", SROS, SROS_SEC "/management-access-filter"},
    {"MGMT-OUTBOUND", SROS, SROS_SEC "/profile"},
    {"AAA-CENTRAL", SROS, SROS_SEC "/password"},
    {"AAA-LOCKOUT", SROS, SROS_SEC "/password"},
    {"CRED-PWD-POLICY", SROS, SROS_SEC "/password"},
    {"AAA-SERVERS-APPROVED", SROS, SROS_SEC "/tacplus"},
    {"AAA-ACCOUNTING", SROS, SROS_SEC "/tacplus"},
    {"AAA-CMD-AUTHZ", SROS, SROS_SEC "/tacplus"},
    {"CPP-COPP", SROS, SROS_SEC "/cpm-filter"},
    {"CPP-RECEIVE-FILTER", SROS, SROS_SEC "/cpm-filter"},
    {"CRYPTO-SSH-CIPHERS", SROS, SROS_SEC "/ssh"},
    {"CRYPTO-SSH-MACS", SROS, SROS_SEC "/ssh"},
    {"CRYPTO-SSH-KEX-HOSTKEY", SROS, SROS_SEC "/ssh"},
    {"MGMT-IDLE-TIMEOUT", SROS, "configure/system/login-control"},
    {"BANNER-LOGIN", SROS, "configure/system/login-control"},
    {"MGMT-SESSION-LIMIT", SROS, "configure/system/login-control/ssh"},
    {"TIME-NTP-SOURCES", SROS, "configure/system/time/ntp"},
    {"TIME-NTP-AUTH", SROS, "configure/system/time/ntp"},
    {"LOG-REMOTE-SYSLOG", SROS, "configure/log"},
    {"LOG-LOGIN-EVENTS", SROS, "configure/log"},
    {"LOG-CONFIG-CHANGES", SROS, "configure/log"},

    /* VRP: user interfaces and the aaa view. */
    {"MGMT-IDLE-TIMEOUT", VRP, "user-interface vty"},
    {"MGMT-ACCESS-ACL", VRP, "user-interface vty"},
    {"MGMT-CONSOLE-AUX", VRP, "user-interface con"},
    {"AAA-CENTRAL", VRP, "aaa"},
    {"AAA-ACCOUNTING", VRP, "aaa"},
    {"AAA-CMD-AUTHZ", VRP, "aaa"},
    {"AAA-LOCKOUT", VRP, "aaa"},
    {"AAA-SERVERS-APPROVED", VRP, "hwtacacs-server template"},

    /* FortiOS: config blocks. */
    {"AAA-LOCKOUT", FORTI, "config system global"},
    {"MGMT-IDLE-TIMEOUT", FORTI, "config system global"},
    {"MGMT-SESSION-LIMIT", FORTI, "config system global"},
    {"BANNER-LOGIN", FORTI, "config system global"},
    {"CRYPTO-SSH-CIPHERS", FORTI, "config system ssh-config|config system global"},
    {"CRYPTO-SSH-MACS", FORTI, "config system ssh-config|config system global"},
    {"CRYPTO-SSH-KEX-HOSTKEY", FORTI, "config system ssh-config|config system global"},
    {"AAA-CENTRAL", FORTI, "config system admin"},
    {"AAA-CMD-AUTHZ", FORTI, "config system accprofile"},
    {"AAA-SERVERS-APPROVED", FORTI, "config user tacacs+|config user radius"},
    {"CRED-PWD-POLICY", FORTI, "config system password-policy"},
    {"TIME-NTP-SOURCES", FORTI, "config system ntp"},
    {"LOG-REMOTE-SYSLOG", FORTI, "config log syslogd setting"},
};

/*
 * The deepest level of one path ('/'-separated levels, see above) the tree
 * has, tried from the whole path up to its first level; the level's text
 * (levels joined by spaces) goes to out. NULL when not even the first level
 * is there.
 */
static const struct cfg_node *find_level(const struct cfg_tree *t, const char *path, size_t len,
                                         char *out, size_t cap)
{
    if (len >= cap)
        return NULL;
    memcpy(out, path, len);
    out[len] = 0;
    for (char *p = out; *p; p++)
        if (*p == '/')
            *p = ' ';
    for (;;) {
        const struct cfg_node *n = cfg_path(t, NULL, out);
        if (n)
            return n;
        /* Drop the last level: back to the previous '/' of the path. */
        while (len && path[len - 1] != '/')
            len--;
        if (!len)
            return NULL;
        out[--len] = 0;
    }
}

/* The first of a row's '|'-separated paths that the tree has (its deepest level). */
static const struct cfg_node *find_section(const struct cfg_tree *t, const char *sections,
                                           char *out, size_t cap)
{
    for (const char *p = sections; *p;) {
        size_t n = strcspn(p, "|");
        const struct cfg_node *node = find_level(t, p, n, out, cap);
        if (node)
            return node;
        p += n + (p[n] == '|');
    }
    return NULL;
}

const char *check_anchor_sections(const char *check, enum dialect d)
{
    for (size_t i = 0; check && i < ARRAY_SIZE(rows); i++)
        if ((rows[i].dialects & (1u << d)) && !strcmp(rows[i].check, check))
            return rows[i].sections;
    return NULL;
}

void check_anchor(const struct check_ctx *ctx, struct check_result *r)
{
    const struct cfg_tree *t = ctx->tree;
    if (r->nevidence || !t || !r->check || dialect_is_cloud(t->dialect))
        return;
    const char *sections = check_anchor_sections(r->check->id, t->dialect);
    char path[256];
    const struct cfg_node *n = sections ? find_section(t, sections, path, sizeof(path)) : NULL;
    if (n && n->line) {
        r->anchor_line = n->line;
        r->anchor_section = arena_strdup(ctx->arena, path);
        return;
    }
    r->anchor_line = 1; /* top level */
    r->anchor_section = NULL;
}

const char *check_anchor_row(size_t i, uint32_t *dialects, const char **sections)
{
    if (i >= ARRAY_SIZE(rows))
        return NULL;
    *dialects = rows[i].dialects;
    *sections = rows[i].sections;
    return rows[i].check;
}
