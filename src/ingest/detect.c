/*
 * detect.c - dialect detection from content.
 *
 * A single pass over the first 256 KiB scores every dialect from markers
 * (one table row per marker): strong ones such as "!! IOS XR Configuration"
 * or "#config-version=" decide alone, weak ones (a `feature` line, a `#`
 * separator) only add up. Markers of platforms tsaudit does not audit
 * (PAN-OS, F5, Cumulus, Check Point, Comware, ...) score for "other", which
 * makes the answer unknown. `!RANCID-CONTENT-TYPE:` headers and Oxidized
 * metadata comments are honoured first. When nothing is distinctive the
 * answer is unknown, never a guess.
 */
#define _GNU_SOURCE /* memmem */
#include "ingest/ingest.h"

#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define DETECT_MAX_BYTES (256u * 1024u)
/* Score slots: one per dialect, then one per platform not audited. */
#define P(name) (DIALECT_COUNT + PLATFORM_##name)
#define DETECT_SLOTS (DIALECT_COUNT + PLATFORM_COUNT)
#define DETECT_THRESHOLD 30
#define DETECT_SPECIFIC 30 /* a reading needs one marker at least this strong */
#define DETECT_COMPETE 75  /* a runner-up at this percentage of the best competes */

enum marker_kind {
    MK_PREFIX,     /* trimmed line starts with the text */
    MK_COL0,       /* untrimmed line starts with the text (top-level statement) */
    MK_EXACT,      /* trimmed line equals the text */
    MK_CONTAINS,   /* text anywhere in the line */
    MK_SUFFIX,     /* trimmed line ends with the text (indexed like MK_CONTAINS) */
    MK_COL0_WORD,  /* top-level statement whose first words are the text */
    MK_INDENT_PFX, /* indented line (after trimming) starts with the text */
};

struct marker {
    unsigned slot; /* enum dialect or P(platform) */
    enum marker_kind kind;
    const char *text;
    int weight;
    int cap; /* count at most this many occurrences */
    const char *signal;
};

/* clang-format off */
static const struct marker markers[] = {
    /* IOS-XR */
    {DIALECT_CISCO_IOSXR, MK_PREFIX, "!! IOS XR Configuration", 200, 1, "'!! IOS XR Configuration' header"},
    {DIALECT_CISCO_IOSXR, MK_PREFIX, "!! Last configuration change", 60, 1, "'!! Last configuration change' header"},
    {DIALECT_CISCO_IOSXR, MK_EXACT, "end-policy", 30, 3, "'end-policy' RPL terminator"},
    {DIALECT_CISCO_IOSXR, MK_EXACT, "end-set", 30, 3, "'end-set' RPL terminator"},
    {DIALECT_CISCO_IOSXR, MK_COL0_WORD, "route-policy", 10, 3, "'route-policy' block"},
    {DIALECT_CISCO_IOSXR, MK_CONTAINS, "GigabitEthernet0/0/0/", 30, 3, "four-index interface names"},
    {DIALECT_CISCO_IOSXR, MK_CONTAINS, "GigE0/0/0/", 30, 3, "four-index interface names"},
    {DIALECT_CISCO_IOSXR, MK_COL0_WORD, "domain name", 30, 1, "'domain name' (two words)"},
    {DIALECT_CISCO_IOSXR, MK_COL0_WORD, "domain name-server", 30, 1, "'domain name-server'"},
    {DIALECT_CISCO_IOSXR, MK_CONTAINS, "MgmtEth0/", 30, 1, "'MgmtEth' interface"},
    {DIALECT_CISCO_IOSXR, MK_INDENT_PFX, "ipv4 address ", 30, 3, "'ipv4 address' statements"},
    {DIALECT_CISCO_IOSXR, MK_COL0_WORD, "router static", 5, 1, "'router static' block"},
    {DIALECT_CISCO_IOSXR, MK_INDENT_PFX, "address-family ipv4 unicast", 2, 3, "'address-family' blocks"},
    {DIALECT_CISCO_IOSXR, MK_COL0_WORD, "explicit-path", 10, 1, "'explicit-path' block"},
    {DIALECT_CISCO_IOSXR, MK_INDENT_PFX, "group root-lr", 40, 1, "'group root-lr' user group"},
    {DIALECT_CISCO_IOSXR, MK_PREFIX, "RP/0/", 30, 1, "IOS XR prompt"},
    /* NX-OS */
    {DIALECT_CISCO_NXOS, MK_PREFIX, "!Command: show running-config", 50, 1, "'!Command: show running-config' header"},
    {DIALECT_CISCO_NXOS, MK_PREFIX, "!Running configuration last done", 50, 1, "'!Running configuration last done' header"},
    {DIALECT_CISCO_NXOS, MK_COL0_WORD, "feature", 15, 4, "'feature' statements"},
    {DIALECT_CISCO_NXOS, MK_COL0_WORD, "boot nxos", 100, 1, "'boot nxos' statement"},
    {DIALECT_CISCO_NXOS, MK_CONTAINS, "nxos.", 20, 1, "NX-OS image name"},
    {DIALECT_CISCO_NXOS, MK_COL0_WORD, "vdc", 40, 1, "'vdc' statement"},
    {DIALECT_CISCO_NXOS, MK_COL0_WORD, "interface mgmt0", 30, 1, "'interface mgmt0'"},
    {DIALECT_CISCO_NXOS, MK_COL0_WORD, "copp profile", 40, 1, "'copp profile' statement"},
    {DIALECT_CISCO_NXOS, MK_COL0_WORD, "system default switchport", 30, 1, "'system default switchport'"},
    {DIALECT_CISCO_NXOS, MK_INDENT_PFX, "vrf member ", 10, 2, "'vrf member' statements"},
    {DIALECT_CISCO_NXOS, MK_COL0_WORD, "rmon event", 20, 1, "'rmon event' statements"},
    /* EOS */
    {DIALECT_ARISTA_EOS, MK_CONTAINS, "(vEOS", 200, 1, "'! device: ... (vEOS' header"},
    {DIALECT_ARISTA_EOS, MK_CONTAINS, "(cEOS", 200, 1, "'! device: ... (cEOS' header"},
    {DIALECT_ARISTA_EOS, MK_CONTAINS, "(DCS-", 200, 1, "'! device: ... (DCS-' header"},
    {DIALECT_ARISTA_EOS, MK_PREFIX, "! device: ", 40, 1, "'! device:' header"},
    {DIALECT_ARISTA_EOS, MK_PREFIX, "! Command: show running-config", 20, 1, "'! Command: show running-config' header"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "transceiver qsfp default-mode", 50, 1, "'transceiver qsfp default-mode'"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "service routing protocols model", 60, 1, "'service routing protocols model'"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "management api http-commands", 50, 1, "'management api http-commands'"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "daemon TerminAttr", 50, 1, "'daemon TerminAttr'"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "interface Management1", 30, 1, "'interface Management1'"},
    {DIALECT_ARISTA_EOS, MK_CONTAINS, "flash:/EOS", 100, 1, "EOS boot image"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "management api", 20, 1, "'management api' block"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "ip routing vrf", 10, 1, "'ip routing vrf'"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "spanning-tree mode mstp", 3, 1, "'spanning-tree mode mstp'"},
    {DIALECT_ARISTA_EOS, MK_INDENT_PFX, "neighbor ", 0, 1, ""},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "management ssh", 40, 1, "'management ssh' block"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "management console", 40, 1, "'management console' block"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "switchport default mode", 30, 1, "'switchport default mode'"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "switch forwarding-mode", 30, 1, "'switch forwarding-mode'"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "ip as-path regex-mode", 30, 1, "'ip as-path regex-mode'"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "peer-filter", 30, 1, "'peer-filter' block"},
    {DIALECT_ARISTA_EOS, MK_COL0_WORD, "vrf instance", 30, 1, "'vrf instance' statement"},
    {DIALECT_ARISTA_EOS, MK_CONTAINS, "role network-admin secret sha512", 30, 1, "EOS user role"},
    /* ASA */
    {DIALECT_CISCO_ASA, MK_COL0_WORD, "ASA Version", 200, 1, "'ASA Version' statement"},
    {DIALECT_CISCO_ASA, MK_COL0_WORD, "PIX Version", 200, 1, "'PIX Version' statement"},
    {DIALECT_CISCO_ASA, MK_PREFIX, "NGFW Version", 200, 1, "'NGFW Version' statement"},
    {DIALECT_CISCO_ASA, MK_PREFIX, "! This is an ASA device", 200, 1, "'This is an ASA device' comment"},
    {DIALECT_CISCO_ASA, MK_PREFIX, ": Saved", 40, 1, "': Saved' header"},
    {DIALECT_CISCO_ASA, MK_INDENT_PFX, "nameif ", 40, 2, "'nameif' statements"},
    {DIALECT_CISCO_ASA, MK_INDENT_PFX, "security-level ", 30, 1, "'security-level' statements"},
    {DIALECT_CISCO_ASA, MK_COL0_WORD, "same-security-traffic", 40, 1, "'same-security-traffic'"},
    {DIALECT_CISCO_ASA, MK_CONTAINS, " extended permit ", 10, 2, "'access-list ... extended'"},
    {DIALECT_CISCO_ASA, MK_CONTAINS, " extended deny ", 10, 2, "'access-list ... extended'"},
    {DIALECT_CISCO_ASA, MK_COL0_WORD, "access-group", 15, 1, "'access-group' statement"},
    {DIALECT_CISCO_ASA, MK_INDENT_PFX, "network-object ", 10, 2, "'network-object' statements"},
    {DIALECT_CISCO_ASA, MK_COL0_WORD, "object network", 15, 2, "'object network' block"},
    {DIALECT_CISCO_ASA, MK_COL0_WORD, "object service", 15, 1, "'object service' block"},
    {DIALECT_CISCO_ASA, MK_COL0_WORD, "crypto ca trustpoint", 2, 1, "'crypto ca trustpoint'"},
    {DIALECT_CISCO_ASA, MK_COL0_WORD, "failover lan", 30, 1, "'failover lan' statement"},
    {DIALECT_CISCO_ASA, MK_COL0_WORD, "passwd", 40, 1, "'passwd' statement"},
    {DIALECT_CISCO_ASA, MK_COL0_WORD, "pager lines", 40, 1, "'pager lines' statement"},
    /* IOS / IOS-XE */
    {DIALECT_CISCO_IOS, MK_PREFIX, "Current configuration : ", 25, 1, "'Current configuration :' header"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "boot-start-marker", 80, 1, "'boot-start-marker'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "service timestamps", 30, 1, "'service timestamps'"},
    {DIALECT_CISCO_IOS, MK_COL0, "version 12.", 40, 1, "IOS 'version' statement"},
    {DIALECT_CISCO_IOS, MK_COL0, "version 15.", 40, 1, "IOS 'version' statement"},
    {DIALECT_CISCO_IOS, MK_COL0, "version 16.", 40, 1, "IOS-XE 'version' statement"},
    {DIALECT_CISCO_IOS, MK_COL0, "version 17.", 40, 1, "IOS-XE 'version' statement"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "line vty 0", 25, 1, "'line vty 0 N'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "line con 0", 25, 1, "'line con 0'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "ip cef", 30, 1, "'ip cef'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "ip classless", 30, 1, "'ip classless'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "ip subnet-zero", 30, 1, "'ip subnet-zero'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "license udi", 60, 1, "'license udi'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "no service pad", 30, 1, "'no service pad'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "service password-encryption", 10, 1, "'service password-encryption'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "ip http server", 5, 1, "'ip http server'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "platform", 10, 1, "'platform' statement"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "control-plane", 5, 1, "'control-plane'"},
    {DIALECT_CISCO_IOS, MK_INDENT_PFX, "ip address ", 2, 3, "'ip address' statements"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "ip access-list extended", 30, 1, "'ip access-list extended'"},
    {DIALECT_CISCO_IOS, MK_INDENT_PFX, "ip vrf forwarding ", 15, 2, "'ip vrf forwarding'"},
    {DIALECT_CISCO_IOS, MK_INDENT_PFX, "switchport nonnegotiate", 10, 1, "'switchport nonnegotiate'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "redundancy", 5, 1, "'redundancy'"},
    /* Junos */
    {DIALECT_JUNIPER_JUNOS, MK_PREFIX, "## Last commit:", 150, 1, "'## Last commit:' header"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "system {", 60, 1, "'system {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "interfaces {", 40, 1, "'interfaces {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "routing-options {", 40, 1, "'routing-options {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "protocols {", 30, 1, "'protocols {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "policy-options {", 40, 1, "'policy-options {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "security {", 20, 1, "'security {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "firewall {", 20, 1, "'firewall {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "routing-instances {", 30, 1, "'routing-instances {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "snmp {", 20, 1, "'snmp {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "groups {", 20, 1, "'groups {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "chassis {", 30, 1, "'chassis {' block"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "version ", 0, 1, ""},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set system ", 30, 3, "'set system' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set interfaces ", 25, 3, "'set interfaces' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set protocols ", 25, 3, "'set protocols' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set routing-options ", 25, 3, "'set routing-options' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set policy-options ", 25, 3, "'set policy-options' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set routing-instances ", 25, 3, "'set routing-instances' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set firewall ", 20, 3, "'set firewall' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set security ", 15, 3, "'set security' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set snmp ", 15, 3, "'set snmp' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set chassis ", 20, 3, "'set chassis' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set groups ", 15, 3, "'set groups' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set applications ", 15, 3, "'set applications' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set class-of-service ", 15, 3, "'set class-of-service' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set forwarding-options ", 15, 3, "'set forwarding-options' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set vlans ", 15, 3, "'set vlans' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "set version ", 40, 1, "'set version' statement"},
    {DIALECT_JUNIPER_JUNOS, MK_COL0, "deactivate ", 10, 2, "'deactivate' statements"},
    {DIALECT_JUNIPER_JUNOS, MK_CONTAINS, "inactive: ", 10, 2, "'inactive:' annotations"},
    {DIALECT_JUNIPER_JUNOS, MK_CONTAINS, "encrypted-password \"", 40, 1, "'encrypted-password' statement"},
    {DIALECT_JUNIPER_JUNOS, MK_PREFIX, "<configuration", 0, 1, ""},
    /* SR OS */
    {DIALECT_NOKIA_SROS, MK_PREFIX, "# TiMOS-", 200, 1, "'# TiMOS' header"},
    {DIALECT_NOKIA_SROS, MK_PREFIX, "# Configuration format version", 120, 1, "'# Configuration format version' header"},
    {DIALECT_NOKIA_SROS, MK_COL0, "configure {", 80, 1, "'configure {' block"},
    {DIALECT_NOKIA_SROS, MK_COL0, "/configure ", 60, 3, "flat '/configure' lines"},
    {DIALECT_NOKIA_SROS, MK_EXACT, "exit all", 60, 1, "'exit all' statement"},
    {DIALECT_NOKIA_SROS, MK_PREFIX, "echo \"", 20, 2, "'echo' section markers"},
    {DIALECT_NOKIA_SROS, MK_CONTAINS, "router \"Base\"", 50, 1, "'router \"Base\"'"},
    {DIALECT_NOKIA_SROS, MK_CONTAINS, "router Base", 30, 1, "'router Base'"},
    {DIALECT_NOKIA_SROS, MK_PREFIX, "admin-state ", 15, 2, "'admin-state' statements"},
    {DIALECT_NOKIA_SROS, MK_EXACT, "exit", 3, 5, "'exit' terminators"},
    /* VRP */
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "!Software Version V", 200, 1, "'!Software Version V...' header"},
    {DIALECT_HUAWEI_VRP, MK_CONTAINS, "Huawei Versatile Routing Platform", 200, 1, "'Huawei Versatile Routing Platform'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "vlan batch", 40, 1, "'vlan batch' statement"},
    {DIALECT_HUAWEI_VRP, MK_COL0_WORD, "interface Vlanif", 40, 1, "'interface Vlanif'"},
    {DIALECT_HUAWEI_VRP, MK_COL0_WORD, "interface Eth-Trunk", 40, 1, "'interface Eth-Trunk'"},
    {DIALECT_HUAWEI_VRP, MK_COL0, "interface MEth", 60, 1, "'interface MEth' management port"},
    {DIALECT_HUAWEI_VRP, MK_INDENT_PFX, "port trunk allow-pass", 40, 1, "'port trunk allow-pass'"},
    {DIALECT_HUAWEI_VRP, MK_CONTAINS, "irreversible-cipher", 40, 1, "'irreversible-cipher' secret"},
    {DIALECT_HUAWEI_VRP, MK_CONTAINS, " cipher %^%#", 40, 1, "'cipher %^%#' secret"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "stelnet server enable", 60, 1, "'stelnet server enable'"},
    {DIALECT_HUAWEI_VRP, MK_INDENT_PFX, "authentication-mode aaa", 40, 1, "'authentication-mode aaa'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "hwtacacs-server template ", 60, 1, "'hwtacacs-server template'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "radius-server template ", 60, 1, "'radius-server template'"},
    {DIALECT_HUAWEI_VRP, MK_INDENT_PFX, "local-user ", 20, 1, "'local-user' under 'aaa'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "ssh user ", 20, 1, "'ssh user' statements"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "ssh authorization-type default", 60, 1, "'ssh authorization-type default'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "telnet server disable", 40, 1, "'telnet server disable'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "diffserv domain default", 40, 1, "'diffserv domain default'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "drop illegal-mac alarm", 60, 1, "'drop illegal-mac alarm'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "lldp enable", 30, 1, "'lldp enable'"},
    /* What VRP and Comware share scores for both: alone it cannot decide. */
    {DIALECT_HUAWEI_VRP, MK_CONTAINS, "display current-configuration", 25, 1, "'display current-configuration' prompt"},
    {P(H3C_COMWARE), MK_CONTAINS, "display current-configuration", 25, 1, "'display current-configuration' prompt"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "sysname ", 20, 1, "'sysname'"},
    {P(H3C_COMWARE), MK_PREFIX, "sysname ", 20, 1, "'sysname'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "user-interface ", 20, 1, "'user-interface' lines"},
    {P(H3C_COMWARE), MK_PREFIX, "user-interface ", 20, 1, "'user-interface' lines"},
    {DIALECT_HUAWEI_VRP, MK_INDENT_PFX, "undo ", 3, 3, "'undo' statements"},
    {P(H3C_COMWARE), MK_INDENT_PFX, "undo ", 3, 3, "'undo' statements"},
    {DIALECT_HUAWEI_VRP, MK_INDENT_PFX, "port link-type ", 10, 1, "'port link-type'"},
    {P(H3C_COMWARE), MK_INDENT_PFX, "port link-type ", 10, 1, "'port link-type'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "snmp-agent ", 10, 1, "'snmp-agent' statements"},
    {P(H3C_COMWARE), MK_PREFIX, "snmp-agent ", 10, 1, "'snmp-agent' statements"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "ip route-static ", 10, 1, "'ip route-static'"},
    {P(H3C_COMWARE), MK_PREFIX, "ip route-static ", 10, 1, "'ip route-static'"},
    {DIALECT_HUAWEI_VRP, MK_PREFIX, "info-center ", 5, 1, "'info-center' statements"},
    {P(H3C_COMWARE), MK_PREFIX, "info-center ", 5, 1, "'info-center' statements"},
    /* FortiOS */
    {DIALECT_FORTINET_FORTIOS, MK_PREFIX, "#config-version=", 200, 1, "'#config-version=' header"},
    {DIALECT_FORTINET_FORTIOS, MK_COL0_WORD, "config system global", 80, 1, "'config system global' block"},
    {DIALECT_FORTINET_FORTIOS, MK_COL0_WORD, "config firewall", 30, 2, "'config firewall' blocks"},
    {DIALECT_FORTINET_FORTIOS, MK_COL0_WORD, "config system", 20, 2, "'config system' blocks"},
    {DIALECT_FORTINET_FORTIOS, MK_COL0_WORD, "config router", 20, 2, "'config router' blocks"},
    {DIALECT_FORTINET_FORTIOS, MK_COL0_WORD, "config vpn", 20, 2, "'config vpn' blocks"},
    {DIALECT_FORTINET_FORTIOS, MK_COL0_WORD, "config user", 20, 1, "'config user' blocks"},
    {DIALECT_FORTINET_FORTIOS, MK_COL0_WORD, "config log", 20, 1, "'config log' blocks"},
    {DIALECT_FORTINET_FORTIOS, MK_COL0_WORD, "config vdom", 40, 1, "'config vdom' block"},
    {DIALECT_FORTINET_FORTIOS, MK_PREFIX, "edit \"", 5, 3, "'edit \"name\"' entries"},
    /* Platforms tsaudit recognises but does not audit (core/dialect.h): a
     * decisive marker of one makes the device unsupported:<platform>. */
    {P(F5_BIGIP), MK_PREFIX, "#TMSH-VERSION", 300, 1, "'#TMSH-VERSION' header"},
    {P(F5_BIGIP), MK_COL0, "sys global-settings", 200, 1, "'sys global-settings'"},
    {P(F5_BIGIP), MK_COL0, "ltm ", 100, 2, "'ltm' objects"},
    {P(PANOS), MK_COL0, "set deviceconfig ", 300, 1, "'set deviceconfig'"},
    {P(PANOS), MK_COL0, "set device-group ", 300, 1, "'set device-group'"},
    {P(PANOS), MK_COL0, "set rulebase ", 300, 1, "'set rulebase'"},
    {P(PANOS), MK_COL0, "set network ", 100, 1, "'set network'"},
    {P(PANOS), MK_COL0, "set shared ", 100, 1, "'set shared'"},
    {P(PANOS), MK_COL0, "set vsys ", 100, 1, "'set vsys'"},
    {P(PANOS), MK_COL0, "set mgt-config ", 100, 1, "'set mgt-config'"},
    {P(PANOS), MK_PREFIX, "deviceconfig {", 300, 1, "'deviceconfig {'"},
    {P(PANOS), MK_PREFIX, "panorama {", 300, 1, "'panorama {'"},
    {P(PANOS), MK_PREFIX, "rulebase {", 200, 1, "'rulebase {'"},
    {P(PANOS), MK_PREFIX, "vsys {", 200, 1, "'vsys {'"},
    {P(PANOS), MK_PREFIX, "device-group {", 200, 1, "'device-group {'"},
    {P(PANOS), MK_COL0, "config {", 100, 1, "'config {'"},
    {P(PANOS), MK_COL0, "mgt-config {", 200, 1, "'mgt-config {'"},
    {P(PANOS), MK_COL0, "policy {", 40, 1, "'policy {'"},
    {P(CHECKPOINT_GAIA), MK_PREFIX, "# Language version:", 300, 1, "'# Language version:' header"},
    {P(CHECKPOINT_GAIA), MK_COL0, "set static-route ", 60, 1, "'set static-route'"},
    {P(CHECKPOINT_GAIA), MK_COL0, "set interface ", 60, 1, "'set interface'"},
    {P(CHECKPOINT_GAIA), MK_COL0, "set hostname ", 60, 1, "'set hostname'"},
    {P(CHECKPOINT_GAIA), MK_COL0, "set expert-password-hash ", 200, 1, "'set expert-password-hash'"},
    {P(CHECKPOINT_GAIA), MK_COL0, "set user admin shell ", 100, 1, "'set user admin shell'"},
    {P(CUMULUS), MK_COL0, "net add ", 300, 1, "NCLU 'net add'"},
    {P(CUMULUS), MK_COL0, "net del ", 300, 1, "NCLU 'net del'"},
    {P(CUMULUS), MK_CONTAINS, "This file describes the network interfaces", 300, 1, "Debian interfaces file"},
    {P(CUMULUS), MK_COL0, "iface ", 100, 1, "Debian interfaces file ('iface')"},
    {P(FRR), MK_PREFIX, "frr version", 300, 1, "'frr version'"},
    {P(FRR), MK_PREFIX, "frr defaults", 300, 1, "'frr defaults'"},
    {P(A10_ACOS), MK_CONTAINS, "Advanced Core OS (ACOS)", 300, 1, "'Advanced Core OS (ACOS)'"},
    {P(OTHER), MK_PREFIX, "!BATFISH_FORMAT:", 300, 1, "'!BATFISH_FORMAT' names another platform"},
    {P(CISCO_CATOS), MK_EXACT, "#!", 100, 1, "'#!' separator"},
    {P(CISCO_CATOS), MK_COL0, "set port ", 100, 1, "'set port'"},
    {P(CISCO_CATOS), MK_COL0, "set vlan ", 60, 1, "'set vlan'"},
    /* Comware shares VRP's layout ('#', sysname, undo, return): only these tell it apart. */
    {P(H3C_COMWARE), MK_CONTAINS, ", Release ", 60, 1, "'version N, Release' line"},
    {P(H3C_COMWARE), MK_COL0_WORD, "interface Vlan-interface", 150, 1, "'interface Vlan-interface'"},
    {P(H3C_COMWARE), MK_COL0_WORD, "interface Bridge-Aggregation", 150, 1, "'interface Bridge-Aggregation'"},
    {P(H3C_COMWARE), MK_COL0_WORD, "interface M-GigabitEthernet", 120, 1, "'interface M-GigabitEthernet'"},
    {P(H3C_COMWARE), MK_PREFIX, "irf ", 150, 1, "'irf' statements"},
    {P(H3C_COMWARE), MK_CONTAINS, " class manage", 150, 1, "'local-user ... class manage'"},
    {P(H3C_COMWARE), MK_INDENT_PFX, "authorization-attribute user-role", 150, 1, "'authorization-attribute user-role'"},
    {P(H3C_COMWARE), MK_INDENT_PFX, "user-role network-", 120, 1, "'user-role network-admin/operator'"},
    {P(H3C_COMWARE), MK_INDENT_PFX, "port trunk permit vlan", 100, 1, "'port trunk permit vlan'"},
    {P(H3C_COMWARE), MK_INDENT_PFX, "port link-mode ", 100, 1, "'port link-mode'"},
    {P(H3C_COMWARE), MK_INDENT_PFX, "authentication-mode scheme", 100, 1, "'authentication-mode scheme'"},
    {P(H3C_COMWARE), MK_PREFIX, "hwtacacs scheme ", 100, 1, "'hwtacacs scheme'"},
    {P(H3C_COMWARE), MK_PREFIX, "radius scheme ", 100, 1, "'radius scheme'"},
    {P(H3C_COMWARE), MK_EXACT, "domain system", 80, 1, "'domain system'"},
    {P(H3C_COMWARE), MK_PREFIX, "lldp global enable", 60, 1, "'lldp global enable'"},
    {P(H3C_COMWARE), MK_PREFIX, "stp global enable", 60, 1, "'stp global enable'"},
    {P(H3C_COMWARE), MK_PREFIX, "password-recovery enable", 80, 1, "'password-recovery enable'"},
    {P(H3C_COMWARE), MK_CONTAINS, "password hash $h$", 100, 1, "'password hash $h$' secret"},
    /* Aruba AOS-CX and HPE ProCurve / AOS-Switch */
    {P(ARUBA_AOSCX), MK_PREFIX, "!Version ArubaOS-CX", 300, 1, "'!Version ArubaOS-CX' header"},
    {P(ARUBA_AOSCX), MK_PREFIX, "!Version AOS-CX", 300, 1, "'!Version AOS-CX' header"},
    {P(ARUBA_AOSCX), MK_PREFIX, "!export-password:", 150, 1, "'!export-password:' header"},
    {P(ARUBA_AOSCX), MK_COL0, "interface 1/1/", 100, 1, "'interface 1/1/N' member/slot/port names"},
    {P(ARUBA_AOSCX), MK_CONTAINS, " password ciphertext ", 100, 1, "'password ciphertext' secret"},
    {P(ARUBA_AOSCX), MK_COL0_WORD, "vsx", 100, 1, "'vsx' block"},
    {P(ARUBA_AOSCX), MK_COL0_WORD, "https-server vrf", 80, 1, "'https-server vrf'"},
    {P(ARUBA_AOSCX), MK_COL0_WORD, "ssh server vrf", 80, 1, "'ssh server vrf'"},
    {P(HPE_PROCURVE), MK_COL0, "; J", 150, 1, "'; J... Configuration Editor' header"},
    {P(HPE_PROCURVE), MK_CONTAINS, "Configuration Editor; Created on release", 300, 1, "'Configuration Editor; Created on release' header"},
    {P(HPE_PROCURVE), MK_COL0_WORD, "password manager", 100, 1, "'password manager'"},
    {P(HPE_PROCURVE), MK_COL0_WORD, "max-vlans", 100, 1, "'max-vlans'"},
    {P(HPE_PROCURVE), MK_COL0_WORD, "console inactivity-timer", 100, 1, "'console inactivity-timer'"},
    {P(HPE_PROCURVE), MK_INDENT_PFX, "name \"DEFAULT_VLAN\"", 100, 1, "'name \"DEFAULT_VLAN\"'"},
    {P(HPE_PROCURVE), MK_COL0, "hostname \"", 40, 1, "quoted 'hostname'"},
    /* Vyatta family */
    {P(VYOS), MK_CONTAINS, "vyos-config-version", 300, 1, "'vyos-config-version' footer"},
    {P(VYOS), MK_CONTAINS, "vyatta-config-version", 150, 1, "'vyatta-config-version' footer"},
    {P(VYOS), MK_COL0, "set interfaces ethernet eth", 150, 1, "'set interfaces ethernet ethN'"},
    {P(VYOS), MK_COL0, "set interfaces loopback lo", 100, 1, "'set interfaces loopback lo'"},
    {P(VYOS), MK_COL0, "set service ssh", 100, 1, "'set service ssh'"},
    {P(VYOS), MK_COL0, "set system console device", 100, 1, "'set system console device'"},
    {P(VYOS), MK_COL0, "set firewall name ", 100, 1, "'set firewall name'"},
    {P(VYOS), MK_INDENT_PFX, "ethernet eth", 80, 1, "'ethernet ethN {' block"},
    {P(EDGEOS), MK_CONTAINS, "ubnt-", 200, 1, "'ubnt-...' (Ubiquiti) component"},
    {P(EDGEOS), MK_PREFIX, "/* Release version: v", 200, 1, "'/* Release version: v...' footer"},
    {P(EDGEOS), MK_COL0, "set service gui ", 150, 1, "'set service gui'"},
    {P(EDGEOS), MK_COL0, "set service unms ", 150, 1, "'set service unms'"},
    /* MikroTik RouterOS */
    {P(MIKROTIK), MK_CONTAINS, " by RouterOS ", 300, 1, "'by RouterOS' export header"},
    {P(MIKROTIK), MK_PREFIX, "# software id = ", 200, 1, "'# software id' header"},
    {P(MIKROTIK), MK_COL0, "/interface ", 100, 1, "'/interface' section"},
    {P(MIKROTIK), MK_COL0_WORD, "/ip", 100, 1, "'/ip' section"},
    {P(MIKROTIK), MK_COL0_WORD, "/system", 100, 1, "'/system' section"},
    {P(MIKROTIK), MK_COL0, "set [ find ", 100, 1, "'set [ find ...' statement"},
    /* Ruckus / Brocade FastIron, Extreme */
    {P(RUCKUS_FASTIRON), MK_COL0, "ver 0", 100, 1, "'ver 0N...' FastIron version line"},
    {P(RUCKUS_FASTIRON), MK_COL0, "ver 1", 60, 1, "'ver 1N...' FastIron version line"},
    {P(RUCKUS_FASTIRON), MK_COL0_WORD, "stack unit", 150, 1, "'stack unit'"},
    {P(RUCKUS_FASTIRON), MK_COL0, "module 1 icx", 150, 1, "'module 1 icx...'"},
    {P(RUCKUS_FASTIRON), MK_COL0_WORD, "global-stp", 100, 1, "'global-stp'"},
    {P(RUCKUS_FASTIRON), MK_SUFFIX, " by port", 40, 1, "'vlan N name X by port'"},
    {P(RUCKUS_FASTIRON), MK_COL0, "interface ethernet 1/1/", 100, 1, "'interface ethernet 1/1/N'"},
    {P(RUCKUS_FASTIRON), MK_INDENT_PFX, "untagged ethe ", 100, 1, "'untagged ethe'"},
    {P(RUCKUS_FASTIRON), MK_INDENT_PFX, "tagged ethe ", 100, 1, "'tagged ethe'"},
    {P(RUCKUS_FASTIRON), MK_INDENT_PFX, "spanning-tree 802-1w", 80, 1, "'spanning-tree 802-1w'"},
    {P(RUCKUS_FASTIRON), MK_COL0_WORD, "aaa authentication web-server", 80, 1, "'aaa authentication web-server'"},
    {P(EXTREME_EXOS), MK_PREFIX, "# Module ", 150, 1, "'# Module ... configuration.' section comment"},
    {P(EXTREME_EXOS), MK_COL0, "configure snmp sysName ", 200, 1, "'configure snmp sysName'"},
    {P(EXTREME_EXOS), MK_COL0, "create vlan ", 100, 1, "'create vlan'"},
    {P(EXTREME_EXOS), MK_COL0, "configure vlan ", 80, 1, "'configure vlan'"},
    {P(EXTREME_EXOS), MK_COL0, "configure ports ", 60, 1, "'configure ports'"},
    {P(EXTREME_EXOS), MK_COL0, "enable sharing ", 100, 1, "'enable sharing'"},
    {P(EXTREME_SLX), MK_COL0, "ver V", 150, 1, "'ver V...' NetIron version line"},
    {P(EXTREME_SLX), MK_COL0, "module 1 ni-", 150, 1, "'module 1 ni-...' NetIron line card"},
    {P(EXTREME_SLX), MK_COL0, "module 1 br-", 150, 1, "'module 1 br-...' NetIron line card"},
    {P(EXTREME_SLX), MK_COL0_WORD, "switch-attributes", 150, 1, "'switch-attributes' (SLX-OS)"},
    {P(EXTREME_SLX), MK_COL0_WORD, "rbridge-id", 100, 1, "'rbridge-id' (VDX/SLX)"},
    {P(EXTREME_SLX), MK_COL0, "interface Ethernet 0/", 100, 1, "'interface Ethernet 0/N' (SLX-OS)"},
    /* Dell */
    {P(DELL_OS10), MK_PREFIX, "! Version 10.", 200, 1, "'! Version 10.x' header"},
    {P(DELL_OS10), MK_COL0, "interface ethernet1/1/", 150, 1, "'interface ethernet1/1/N'"},
    {P(DELL_OS10), MK_COL0, "interface mgmt1/1/", 150, 1, "'interface mgmt1/1/1'"},
    {P(DELL_OS10), MK_CONTAINS, " role sysadmin", 100, 1, "'username ... role sysadmin'"},
    {P(DELL_OS9), MK_PREFIX, "! Version 9.", 150, 1, "'! Version 9.x' header"},
    {P(DELL_OS9), MK_PREFIX, "! Version 8.", 100, 1, "'! Version 8.x' header"},
    {P(DELL_OS9), MK_COL0, "boot system stack-unit ", 200, 1, "'boot system stack-unit'"},
    {P(DELL_OS9), MK_COL0, "stack-unit ", 150, 1, "'stack-unit N provision'"},
    {P(DELL_OS9), MK_COL0, "interface ManagementEthernet ", 150, 1, "'interface ManagementEthernet N/N'"},
    {P(DELL_OS9), MK_COL0, "interface TenGigabitEthernet 0/", 100, 1, "'interface TenGigabitEthernet 0/N'"},
    {P(DELL_OS9), MK_COL0, "interface fortyGigE ", 100, 1, "'interface fortyGigE'"},
    /* Cisco wireless controllers */
    {P(CISCO_AIREOS), MK_CONTAINS, "(Cisco Controller)", 300, 1, "'(Cisco Controller)' prompt"},
    {P(CISCO_AIREOS), MK_COL0, "config sysname ", 200, 1, "'config sysname'"},
    {P(CISCO_AIREOS), MK_COL0, "config wlan ", 150, 1, "'config wlan'"},
    {P(CISCO_AIREOS), MK_COL0, "config network ", 100, 1, "'config network'"},
    {P(CISCO_AIREOS), MK_COL0, "config radius ", 100, 1, "'config radius'"},
    {P(CISCO_AIREOS), MK_COL0, "config ap ", 60, 1, "'config ap'"},
    /* Carrier Ethernet access */
    {P(CIENA_SAOS), MK_COL0, "system set host-name ", 200, 1, "'system set host-name'"},
    {P(CIENA_SAOS), MK_COL0, "vlan create vlan ", 150, 1, "'vlan create vlan'"},
    {P(CIENA_SAOS), MK_COL0, "virtual-switch ethernet create ", 150, 1, "'virtual-switch ethernet create'"},
    {P(CIENA_SAOS), MK_COL0, "virtual-circuit ethernet create ", 150, 1, "'virtual-circuit ethernet create'"},
    {P(CIENA_SAOS), MK_COL0, "port set port ", 100, 1, "'port set port'"},
    {P(CIENA_SAOS), MK_COL0, "port disable port ", 100, 1, "'port disable port'"},
    {P(ADVA), MK_COL0, "configure communication", 150, 1, "'configure communication'"},
    {P(ADVA), MK_CONTAINS, "access-port access-1-", 150, 1, "'access-port access-1-...' port names"},
    {P(ADVA), MK_CONTAINS, "network-port network-1-", 150, 1, "'network-port network-1-...' port names"},
    {P(ADVA), MK_COL0, "configure nte ", 150, 1, "'configure nte'"},
    {P(ADVA), MK_COL0, "network-element ne-", 150, 1, "'network-element ne-N'"},
    {P(ADVA), MK_EXACT, "home", 20, 2, "'home' statements"},
    {P(RAD), MK_INDENT_PFX, "classifier-profile ", 120, 1, "'classifier-profile'"},
    {P(RAD), MK_INDENT_PFX, "ingress-port ethernet ", 120, 1, "'ingress-port ethernet'"},
    {P(RAD), MK_INDENT_PFX, "egress-port ethernet ", 120, 1, "'egress-port ethernet'"},
    {P(RAD), MK_INDENT_PFX, "reverse-direction ", 80, 1, "'reverse-direction'"},
    {P(RAD), MK_CONTAINS, "\" sw \"", 150, 1, "'version \"...\" sw \"...\"' header"},
    {P(MRV), MK_COL0, "interface vlan vif", 150, 1, "'interface vlan vifN'"},
    {P(MRV), MK_COL0, "port description ", 80, 1, "'port description N'"},
    {P(MRV), MK_COL0, "port state ", 80, 1, "'port state'"},
    {P(MRV), MK_INDENT_PFX, "ports ", 30, 1, "'ports' members"},
    {P(MRV), MK_PREFIX, "! OptiSwitch", 150, 1, "'OptiSwitch' product name"},
    {P(PERLE), MK_PREFIX, "# Perle", 150, 1, "'Perle' product name"},
    {P(PERLE), MK_COL0, "set server ", 100, 1, "'set server'"},
    {P(PERLE), MK_COL0, "set line ", 100, 1, "'set line'"},
    {P(FSOS), MK_CONTAINS, "FSOS", 200, 1, "'FSOS' software name"},
    {P(ALLIED_TELESIS), MK_COL0, "interface port1.0.", 150, 1, "'interface port1.0.N'"},
    {P(ALLIED_TELESIS), MK_COL0_WORD, "atmf", 150, 1, "'atmf' statements"},
    {P(ALLIED_TELESIS), MK_COL0_WORD, "stack virtual-chassis-id", 150, 1, "'stack virtual-chassis-id'"},
    {P(ALLIED_TELESIS), MK_COL0, "set system name=", 200, 1, "'set system name=' (AlliedWare)"},
    {P(ALLIED_TELESIS), MK_COL0, "create vlan=", 200, 1, "'create vlan=' (AlliedWare)"},
    {P(EFOS), MK_PREFIX, "!System Description ", 200, 1, "'!System Description' header"},
    {P(EFOS), MK_PREFIX, "!System Software Version ", 200, 1, "'!System Software Version' header"},
    {P(EFOS), MK_PREFIX, "!Current Configuration:", 100, 1, "'!Current Configuration:' header"},
    /* Load balancers, firewalls and controllers */
    {P(NETSCALER), MK_PREFIX, "#NS", 150, 1, "'#NS<release>' header"},
    {P(NETSCALER), MK_COL0, "set ns config ", 200, 1, "'set ns config'"},
    {P(NETSCALER), MK_COL0, "set ns hostName ", 200, 1, "'set ns hostName'"},
    {P(NETSCALER), MK_COL0, "enable ns feature ", 200, 1, "'enable ns feature'"},
    {P(NETSCALER), MK_COL0, "add ns ip ", 150, 1, "'add ns ip'"},
    {P(NETSCALER), MK_COL0, "add lb vserver ", 150, 1, "'add lb vserver'"},
    {P(SCREENOS), MK_COL0, "set vrouter ", 150, 1, "'set vrouter'"},
    {P(SCREENOS), MK_COL0, "set zone \"", 150, 1, "'set zone \"...\"'"},
    {P(SCREENOS), MK_COL0, "set admin name ", 150, 1, "'set admin name'"},
    {P(SCREENOS), MK_COL0, "set auth-server ", 100, 1, "'set auth-server'"},
    {P(SCREENOS), MK_COL0, "set interface \"", 100, 1, "'set interface \"...\"'"},
    {P(SCREENOS), MK_COL0, "set policy id ", 100, 1, "'set policy id'"},
    {P(NOKIA_SRLINUX), MK_COL0, "set / ", 200, 1, "'set / ...' flat statements"},
    {P(NOKIA_SRLINUX), MK_CONTAINS, "srl_nokia", 200, 1, "'srl_nokia' model name"},
    {P(NOKIA_SRLINUX), MK_CONTAINS, "interface ethernet-1/", 150, 1, "'interface ethernet-1/N'"},
    {P(NOKIA_SRLINUX), MK_PREFIX, "network-instance ", 80, 1, "'network-instance' block"},
};
/* clang-format on */

/* RANCID device types (rancid.types.base, also the second field of
 * router.db) and what they name. */
struct rancid_type {
    const char *name;
    unsigned slot; /* enum dialect or P(platform) */
};

static const struct rancid_type rancid_types[] = {
    {"cisco", DIALECT_CISCO_IOS},
    {"cisco-nx", DIALECT_CISCO_NXOS},
    {"cisco-xr", DIALECT_CISCO_IOSXR},
    {"cisco-asa", DIALECT_CISCO_ASA},
    {"arista", DIALECT_ARISTA_EOS},
    {"juniper", DIALECT_JUNIPER_JUNOS},
    {"junos", DIALECT_JUNIPER_JUNOS},
    {"fortigate", DIALECT_FORTINET_FORTIOS},
    {"fortios", DIALECT_FORTINET_FORTIOS},
    {"huawei", DIALECT_HUAWEI_VRP},
    {"vrp", DIALECT_HUAWEI_VRP},
    {"sros", DIALECT_NOKIA_SROS},
    {"nokia", DIALECT_NOKIA_SROS},
    {"alu", DIALECT_NOKIA_SROS},
    {"timos", DIALECT_NOKIA_SROS},
    {"cat5", P(CISCO_CATOS)},
    {"cisco-wlc4", P(CISCO_AIREOS)},
    {"cisco-wlc5", P(CISCO_AIREOS)},
    {"paloalto", P(PANOS)},
    {"panos", P(PANOS)},
    {"force10", P(DELL_OS9)},
    {"ftos", P(DELL_OS9)},
    {"dellos10", P(DELL_OS10)},
    {"foundry", P(RUCKUS_FASTIRON)},
    {"brocade", P(EXTREME_SLX)},
    {"hp", P(HPE_PROCURVE)},
    {"procurve", P(HPE_PROCURVE)},
    {"arubaos-cx", P(ARUBA_AOSCX)},
    {"aoscx", P(ARUBA_AOSCX)},
    {"h3c", P(H3C_COMWARE)},
    {"comware", P(H3C_COMWARE)},
    {"f5", P(F5_BIGIP)},
    {"bigip", P(F5_BIGIP)},
    {"bigip13", P(F5_BIGIP)},
    {"netscreen", P(SCREENOS)},
    {"netscaler", P(NETSCALER)},
    {"extreme", P(EXTREME_EXOS)},
    {"exos", P(EXTREME_EXOS)},
    {"mikrotik", P(MIKROTIK)},
    {"routeros", P(MIKROTIK)},
    {"cumulus", P(CUMULUS)},
    {"a10", P(A10_ACOS)},
    {"mrv", P(MRV)},
    {"vyatta", P(VYOS)},
    {"vyos", P(VYOS)},
    {"edgemax", P(EDGEOS)},
    {"edgeos", P(EDGEOS)},
    {"ciena-ws", P(CIENA_SAOS)},
    {"saos", P(CIENA_SAOS)},
    {"adva", P(ADVA)},
    {"rad", P(RAD)},
    {"srlinux", P(NOKIA_SRLINUX)},
    {"checkpoint", P(CHECKPOINT_GAIA)},
    {"gaia", P(CHECKPOINT_GAIA)},
    {"perle", P(PERLE)},
    {"fsos", P(FSOS)},
    {"alliedtelesis", P(ALLIED_TELESIS)},
    {"awplus", P(ALLIED_TELESIS)},
    {"efos", P(EFOS)},
};

/* Oxidized / collector metadata comments naming the platform. */
struct meta_marker {
    const char *text;
    unsigned slot; /* enum dialect or P(platform) */
    const char *signal;
};

static const struct meta_marker meta_markers[] = {
    {"Cisco IOS XR Software", DIALECT_CISCO_IOSXR, "metadata comment 'Cisco IOS XR Software'"},
    {"Cisco IOS-XR", DIALECT_CISCO_IOSXR, "metadata comment 'Cisco IOS-XR'"},
    {"Cisco Nexus Operating System", DIALECT_CISCO_NXOS,
     "metadata comment 'Cisco Nexus Operating System'"},
    {"Adaptive Security Appliance", DIALECT_CISCO_ASA,
     "metadata comment 'Adaptive Security Appliance'"},
    {"Cisco IOS Software", DIALECT_CISCO_IOS, "metadata comment 'Cisco IOS Software'"},
    {"IOS-XE Software", DIALECT_CISCO_IOS, "metadata comment 'IOS-XE Software'"},
    {"Arista Networks", DIALECT_ARISTA_EOS, "metadata comment 'Arista Networks'"},
    {"JUNOS", DIALECT_JUNIPER_JUNOS, "metadata comment 'JUNOS'"},
    {"Junos:", DIALECT_JUNIPER_JUNOS, "metadata comment 'Junos:'"},
    {"TiMOS", DIALECT_NOKIA_SROS, "metadata comment 'TiMOS'"},
    {"Huawei Versatile Routing Platform", DIALECT_HUAWEI_VRP, "metadata comment 'Huawei VRP'"},
    {"FortiGate", DIALECT_FORTINET_FORTIOS, "metadata comment 'FortiGate'"},
};

struct detect_state {
    int score[DETECT_SLOTS];
    int best_weight[DETECT_SLOTS]; /* strongest single marker seen per slot */
    const char *best_signal[DETECT_SLOTS];
    uint32_t best_line[DETECT_SLOTS];
    int count[ARRAY_SIZE(markers)];
    /* generic Cisco-style structure and VRP skeleton */
    uint32_t hash_lines, bang_lines, indented, toplevel, semicolon_lines, brace_lines;
    uint32_t sysname_line, return_line, undo_lines, set_lines;
    bool whole;              /* the whole file was read (not cut at DETECT_MAX_BYTES) */
    uint32_t child_width[5]; /* indentation of first children of top-level lines (1-4) */
};

/* Marker lengths and, per first two bytes of a line, the markers that can
 * start it (contains-markers apart): built once, read by every thread. A
 * one-byte marker sits in every bucket of its byte; a line of one byte looks
 * in the bucket of (byte, NUL). */
static size_t marker_len[ARRAY_SIZE(markers)];
static uint16_t *by_prefix[256 * 256];
static uint8_t nby_prefix[256 * 256];
static uint16_t contains_list[ARRAY_SIZE(markers)];
static size_t ncontains;
/*
 * For each contains-marker, the set of its adjacent byte pairs, hashed into
 * 512 bits. A line is searched for the marker only when it holds every one
 * of those pairs too: most lines are skipped without a search.
 */
#define PAIR_WORDS 8
static uint64_t contains_pairs[ARRAY_SIZE(markers)][PAIR_WORDS];
/* One of those pairs, the least common-looking, tested first; and those
 * first pairs of every marker together, so that a line holding none of
 * them skips the substring markers at once. */
static uint16_t contains_first_bit[ARRAY_SIZE(markers)];
static uint64_t contains_any_first[PAIR_WORDS];

/* How often a byte turns up in configuration text, roughly (higher = more). */
static int byte_commonness(unsigned char c)
{
    static const char common[] = " etaoinsrlcdu0123456789./-";
    static const char middling[] = "mphgfbyvwk_:";
    if (c && strchr(common, c))
        return 3;
    if (c && strchr(middling, c))
        return 2;
    if (c >= 'A' && c <= 'Z')
        return 1;
    return 0; /* rare letters (x, z, q, j), symbols, bytes above 127 */
}

static int pair_commonness(unsigned char a, unsigned char b)
{
    return byte_commonness(a) + byte_commonness(b);
}

static unsigned pair_bit(unsigned char a, unsigned char b)
{
    return ((unsigned)a * 31u + b) & (PAIR_WORDS * 64 - 1);
}
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
    static uint16_t counts[256 * 256];
    for (size_t i = 0; i < ARRAY_SIZE(markers); i++) {
        marker_len[i] = strlen(markers[i].text);
        if (markers[i].kind == MK_CONTAINS || markers[i].kind == MK_SUFFIX) {
            contains_list[ncontains++] = (uint16_t)i;
            int rarest = 99;
            for (size_t k = 1; k < marker_len[i]; k++) {
                unsigned char a = (unsigned char)markers[i].text[k - 1],
                              b = (unsigned char)markers[i].text[k];
                unsigned bit = pair_bit(a, b);
                contains_pairs[i][bit >> 6] |= (uint64_t)1 << (bit & 63);
                if (pair_commonness(a, b) < rarest) {
                    rarest = pair_commonness(a, b);
                    contains_first_bit[i] = (uint16_t)bit;
                }
            }
            if (marker_len[i] > 1)
                contains_any_first[contains_first_bit[i] >> 6] |= (uint64_t)1
                                                                  << (contains_first_bit[i] & 63);
            else
                memset(contains_any_first, 0xff, sizeof(contains_any_first));
            continue;
        }
        if (!marker_len[i])
            continue;
        unsigned c0 = (unsigned char)markers[i].text[0];
        if (marker_len[i] == 1)
            for (unsigned c1 = 0; c1 < 256; c1++)
                counts[c0 << 8 | c1]++;
        else
            counts[c0 << 8 | (unsigned char)markers[i].text[1]]++;
    }
    size_t total = 0;
    for (size_t k = 0; k < ARRAY_SIZE(counts); k++)
        total += counts[k];
    uint16_t *storage = xcalloc(total ? total : 1, sizeof(*storage)); /* lives for the process */
    for (size_t k = 0, used = 0; k < ARRAY_SIZE(counts); k++) {
        by_prefix[k] = storage + used;
        used += counts[k];
    }
    for (size_t i = 0; i < ARRAY_SIZE(markers); i++) {
        if (markers[i].kind == MK_CONTAINS || markers[i].kind == MK_SUFFIX || !marker_len[i])
            continue;
        unsigned c0 = (unsigned char)markers[i].text[0];
        if (marker_len[i] == 1) {
            for (unsigned c1 = 0; c1 < 256; c1++)
                by_prefix[c0 << 8 | c1][nby_prefix[c0 << 8 | c1]++] = (uint16_t)i;
        } else {
            unsigned k = c0 << 8 | (unsigned char)markers[i].text[1];
            by_prefix[k][nby_prefix[k]++] = (uint16_t)i;
        }
    }
}

static bool mem_has(const char *p, size_t n, const char *needle, size_t m)
{
    if (m == 0 || m > n)
        return m == 0;
    return memmem(p, n, needle, m) != NULL;
}

static bool starts(const char *p, size_t n, const char *s)
{
    size_t m = strlen(s);
    return n >= m && memcmp(p, s, m) == 0;
}

static bool starts_word(const char *p, size_t n, const char *s)
{
    size_t m = strlen(s);
    return n >= m && memcmp(p, s, m) == 0 && (n == m || p[m] == ' ' || p[m] == '\t');
}

static void credit(struct detect_state *st, unsigned slot, int weight, const char *signal,
                   uint32_t line)
{
    st->score[slot] += weight;
    if (weight > st->best_weight[slot]) {
        st->best_weight[slot] = weight;
        st->best_signal[slot] = signal;
        st->best_line[slot] = line;
    }
}

static void try_marker(struct detect_state *st, size_t i, const char *raw, size_t rawn,
                       const char *t, size_t tn, bool indented, uint32_t line)
{
    const struct marker *m = &markers[i];
    if (m->weight == 0 || st->count[i] >= m->cap)
        return; /* it could no longer count: do not look */
    size_t ml = marker_len[i];
    bool hit = false;
    switch (m->kind) {
    case MK_PREFIX:
        hit = tn >= ml && memcmp(t, m->text, ml) == 0;
        break;
    case MK_COL0:
        hit = !indented && rawn >= ml && memcmp(raw, m->text, ml) == 0;
        break;
    case MK_EXACT:
        hit = tn == ml && memcmp(t, m->text, tn) == 0;
        break;
    case MK_SUFFIX:
        hit = tn >= ml && memcmp(t + tn - ml, m->text, ml) == 0;
        break;
    case MK_CONTAINS:
        hit = mem_has(t, tn, m->text, ml);
        break;
    case MK_COL0_WORD:
        hit = !indented && rawn >= ml && memcmp(raw, m->text, ml) == 0 &&
              (rawn == ml || raw[ml] == ' ' || raw[ml] == '\t');
        break;
    case MK_INDENT_PFX:
        hit = indented && tn >= ml && memcmp(t, m->text, ml) == 0;
        break;
    }
    if (!hit)
        return;
    st->count[i]++;
    credit(st, m->slot, m->weight, m->signal, line);
}

/* Every marker that can match this line, in table order: those starting with
 * the line's first two bytes (trimmed, or untrimmed for top-level markers -
 * the same bytes for a top-level line) merged with the contains-markers. */
static void scan_markers(struct detect_state *st, const char *raw, size_t rawn, const char *t,
                         size_t tn, uint32_t line)
{
    bool indented = t != raw;
    unsigned k = (unsigned char)t[0] << 8 | (tn > 1 ? (unsigned char)t[1] : 0);
    const uint16_t *a = by_prefix[k];
    size_t na = nby_prefix[k], ia = 0, ic = 0;
    uint64_t pairs[PAIR_WORDS] = {0}; /* the byte pairs this line holds */
    for (size_t j = 1; j < tn; j++) {
        unsigned bit = pair_bit((unsigned char)t[j - 1], (unsigned char)t[j]);
        pairs[bit >> 6] |= (uint64_t)1 << (bit & 63);
    }
    uint64_t any = 0;
    for (size_t w = 0; w < PAIR_WORDS; w++)
        any |= pairs[w] & contains_any_first[w];
    if (!any) {
        for (; ia < na; ia++)
            try_marker(st, a[ia], raw, rawn, t, tn, indented, line);
        return;
    }
    while (ia < na || ic < ncontains) {
        size_t i;
        if (ic >= ncontains || (ia < na && a[ia] < contains_list[ic])) {
            i = a[ia++];
        } else {
            i = contains_list[ic++];
            unsigned fb = contains_first_bit[i];
            if (marker_len[i] > 1 && !((pairs[fb >> 6] >> (fb & 63)) & 1))
                continue;
            bool maybe = true;
            for (size_t w = 0; w < PAIR_WORDS && maybe; w++)
                maybe = (pairs[w] & contains_pairs[i][w]) == contains_pairs[i][w];
            if (!maybe)
                continue;
        }
        try_marker(st, i, raw, rawn, t, tn, indented, line);
    }
}

static bool eq_nocase(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z')
            x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z')
            y = (char)(y - 'A' + 'a');
        if (x != y)
            return false;
    }
    return true;
}

static int rancid_type_slot(const char *t, size_t n)
{
    for (size_t i = 0; i < ARRAY_SIZE(rancid_types); i++) {
        size_t m = strlen(rancid_types[i].name);
        if (n == m && eq_nocase(t, rancid_types[i].name, m))
            return (int)rancid_types[i].slot;
    }
    return -1;
}

static void slot_reading(unsigned slot, enum dialect *d, enum platform *p)
{
    *d = slot < DIALECT_COUNT ? (enum dialect)slot : DIALECT_UNKNOWN;
    *p = slot < DIALECT_COUNT ? PLATFORM_NONE : (enum platform)(slot - DIALECT_COUNT);
}

bool detect_rancid_type(const char *type, size_t n, enum dialect *d, enum platform *p)
{
    int slot = rancid_type_slot(type, n);
    if (slot < 0)
        return false;
    slot_reading((unsigned)slot, d, p);
    return true;
}

/* `!RANCID-CONTENT-TYPE: x` or `#RANCID-CONTENT-TYPE: x`: the slot of x,
 * -1 for a type not known, -2 when the line is no such header. */
static int rancid_slot(const char *t, size_t tn)
{
    size_t k = 0;
    while (k < tn && (t[k] == '!' || t[k] == '#' || t[k] == ' '))
        k++;
    if (k == 0 || !starts(t + k, tn - k, "RANCID-CONTENT-TYPE:"))
        return -2;
    k += strlen("RANCID-CONTENT-TYPE:");
    while (k < tn && (t[k] == ' ' || t[k] == '\t'))
        k++;
    size_t e = k;
    while (e < tn && t[e] != ' ' && t[e] != '\t')
        e++;
    return rancid_type_slot(t + k, e - k);
}

static int meta_slot(const char *t, size_t tn, const char **signal)
{
    for (size_t i = 0; i < ARRAY_SIZE(meta_markers); i++)
        if (mem_has(t, tn, meta_markers[i].text, strlen(meta_markers[i].text))) {
            *signal = meta_markers[i].signal;
            return (int)meta_markers[i].slot;
        }
    return -1;
}

/* Length of the line at p (up to end), without the newline, a CR and trailing blanks. */
static size_t line_extent(const char *p, const char *end, const char **next)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = nl ? nl : end;
    *next = nl ? nl + 1 : end;
    while (e > p && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
        e--;
    return (size_t)(e - p);
}

/* Whole-file shapes that no single line shows. */
static void score_structure(struct detect_state *st)
{
    /* The '#'-separated layout with sysname and return is VRP's, and
     * Comware's too: it adds to VRP but cannot name it alone (below 30). */
    static const unsigned vrp_like[] = {DIALECT_HUAWEI_VRP, P(H3C_COMWARE)};
    for (size_t i = 0; i < ARRAY_SIZE(vrp_like); i++)
        if (st->sysname_line && st->hash_lines >= 2 && st->return_line)
            credit(st, vrp_like[i], 25, "'sysname', '#' separators and 'return'", st->sysname_line);
    if (st->semicolon_lines >= 5 && st->brace_lines >= 2)
        credit(st, DIALECT_JUNIPER_JUNOS, 20, "brace and semicolon structure", 0);
    /* Every Junos statement ends in ';' (brace form) or starts with a verb
     * (set form): braces without either are some other platform's. */
    if (st->whole && st->semicolon_lines == 0 && st->set_lines == 0)
        st->score[DIALECT_JUNIPER_JUNOS] = 0;
    /* The first-level indentation width: EOS uses 3 spaces, NX-OS 2, IOS 1. */
    uint32_t w1 = st->child_width[1], w2 = st->child_width[2], w3 = st->child_width[3];
    if (w3 >= 3 && w3 > 2 * (w1 + w2))
        credit(st, DIALECT_ARISTA_EOS, 25, "three-space indentation", 0);
    else if (w2 >= 3 && w2 > 2 * (w1 + w3))
        credit(st, DIALECT_CISCO_NXOS, 10, "two-space indentation", 0);
}

/* The best readings, highest score first: slots whose score reaches
 * DETECT_THRESHOLD and (when specific) whose strongest marker is specific
 * (DETECT_SPECIFIC). */
static size_t rank_readings(const struct detect_state *st, struct detect_reading *r, size_t cap,
                            bool specific)
{
    size_t n = 0;
    for (unsigned s = 1; s < DETECT_SLOTS; s++) {
        if (s == DIALECT_COUNT + PLATFORM_NONE || st->score[s] < DETECT_THRESHOLD ||
            (specific && st->best_weight[s] < DETECT_SPECIFIC))
            continue;
        size_t at = n < cap ? n : cap;
        while (at > 0 && r[at - 1].score < st->score[s])
            at--;
        if (at >= cap)
            continue;
        memmove(&r[at + 1], &r[at], (size_t)((n < cap ? n : cap - 1) - at) * sizeof(*r));
        slot_reading(s, &r[at].dialect, &r[at].platform);
        r[at].score = st->score[s];
        r[at].signal = st->best_signal[s];
        r[at].line = st->best_line[s];
        if (n < cap)
            n++;
    }
    return n;
}

/* The answer from the content alone. Two readings compete when the second
 * scores at least DETECT_COMPETE percent of the first. */
static void decide_content(const struct detect_state *st, struct detect_result *out)
{
    out->source = "content";
    out->nreadings = rank_readings(st, out->readings, DETECT_MAX_READINGS, true);
    if (out->nreadings == 0) {
        /* Keep what scored without a specific marker: the candidates. */
        out->nreadings = rank_readings(st, out->readings, DETECT_MAX_READINGS, false);
        out->ambiguous = out->nreadings > 1;
        out->signal = "no marker specific to a dialect or platform";
        return;
    }
    const struct detect_reading *best = &out->readings[0];
    if (out->nreadings > 1 && out->readings[1].score * 100 >= best->score * DETECT_COMPETE) {
        out->ambiguous = true;
        out->signal = "markers of several platforms compete";
        return;
    }
    out->dialect = best->dialect;
    out->platform = best->platform;
    out->signal = best->signal;
    out->line = best->line;
}

/* Accumulate the layout counts score_structure() needs. */
static void count_layout(struct detect_state *st, const char *raw, const char *t, size_t tn,
                         bool *prev_top)
{
    bool indented = t != raw;
    if (tn == 1 && t[0] == '#')
        st->hash_lines++;
    else if (t[0] == '!')
        st->bang_lines++;
    if (indented) {
        st->indented++;
        size_t w = (size_t)(t - raw);
        if (*prev_top && w <= 4 && memchr(raw, '\t', w) == NULL)
            st->child_width[w]++;
    } else {
        st->toplevel++;
    }
    *prev_top = !indented && t[0] != '!' && t[0] != '#';
    if (t[tn - 1] == ';')
        st->semicolon_lines++;
    else if (t[tn - 1] == '{' || t[0] == '}')
        st->brace_lines++;
}

/* Accumulate the statement counts score_structure() needs. */
static void count_statements(struct detect_state *st, bool indented, const char *t, size_t tn,
                             uint32_t line)
{
    if (starts_word(t, tn, "sysname") && !st->sysname_line)
        st->sysname_line = line;
    if (tn == 6 && memcmp(t, "return", 6) == 0)
        st->return_line = line;
    if (starts_word(t, tn, "undo"))
        st->undo_lines++;
    if (!indented && (starts_word(t, tn, "set") || starts_word(t, tn, "deactivate")))
        st->set_lines++;
    if (!indented && starts(t, tn, "version ") && t[tn - 1] == ';')
        credit(st, DIALECT_JUNIPER_JUNOS, 40, "'version ...;' statement", line);
}

/* The first RANCID header and collector metadata comment of a file. */
struct header_state {
    int rancid, meta; /* slots, or -2 / -1 when none */
    uint32_t rancid_line, meta_line;
    const char *meta_signal;
};

static void scan_header(struct header_state *h, const char *t, size_t tn, uint32_t line)
{
    if (h->rancid == -2) {
        h->rancid = rancid_slot(t, tn);
        if (h->rancid != -2)
            h->rancid_line = line;
    }
    if (h->meta < 0) {
        h->meta = meta_slot(t, tn, &h->meta_signal);
        if (h->meta >= 0)
            h->meta_line = line;
    }
}

/* A RANCID header or a collector's metadata comment, when one decides. */
static bool decide_header(const struct detect_state *st, const struct header_state *h,
                          struct detect_result *out)
{
    if (h->rancid >= 0) {
        unsigned slot = (unsigned)h->rancid;
        out->source = "RANCID-CONTENT-TYPE header";
        out->signal = "RANCID-CONTENT-TYPE header";
        out->line = h->rancid_line;
        /* RANCID files ASA under "cisco" too; the content tells them apart. */
        if (slot == DIALECT_CISCO_IOS && st->score[DIALECT_CISCO_ASA] >= 200) {
            slot = DIALECT_CISCO_ASA;
            out->signal = st->best_signal[DIALECT_CISCO_ASA];
            out->line = st->best_line[DIALECT_CISCO_ASA];
        }
        slot_reading(slot, &out->dialect, &out->platform);
        return true;
    }
    if (h->meta >= 0 && h->meta < DIALECT_COUNT) {
        /* A decisive marker of a platform not audited outweighs a comment. */
        for (unsigned s = DIALECT_COUNT + 1; s < DETECT_SLOTS; s++)
            if (st->best_weight[s] >= 100)
                return false;
    }
    if (h->meta < 0)
        return false;
    out->source = "collector metadata";
    slot_reading((unsigned)h->meta, &out->dialect, &out->platform);
    out->signal = h->meta_signal;
    out->line = h->meta_line;
    return true;
}

void detect_dialect(const char *buf, size_t len, struct detect_result *out)
{
    memset(out, 0, sizeof(*out));
    out->signal = "no marker specific to a dialect or platform";
    out->source = "content";
    if (!buf || len == 0) {
        out->signal = "empty input";
        return;
    }
    if (detect_cloud_json(buf, len, out))
        return;
    pthread_once(&index_once, build_index);
    size_t n = len < DETECT_MAX_BYTES ? len : DETECT_MAX_BYTES;
    struct detect_state *st = xcalloc(1, sizeof(*st));
    st->whole = n == len;
    const char *p = buf, *end = buf + n;
    uint32_t line = 0, seen = 0;
    bool prev_top = false;
    struct header_state h = {.rancid = -2, .meta = -1};
    while (p < end) {
        const char *next;
        size_t rawn = line_extent(p, end, &next);
        const char *raw = p;
        p = next;
        line++;
        const char *t = raw;
        size_t tn = rawn;
        while (tn && (*t == ' ' || *t == '\t')) {
            t++;
            tn--;
        }
        if (tn == 0)
            continue;
        seen++;
        if ((t[0] == '!' || t[0] == '#') && seen <= 60)
            scan_header(&h, t, tn, line);
        /* Free text an operator wrote says nothing about the platform. */
        if (!starts(t, tn, "description ") && !starts(t, tn, "remark "))
            scan_markers(st, raw, rawn, t, tn, line);
        count_layout(st, raw, t, tn, &prev_top);
        count_statements(st, t != raw, t, tn, line);
    }
    score_structure(st);
    if (decide_header(st, &h, out))
        out->nreadings = rank_readings(st, out->readings, DETECT_MAX_READINGS, true);
    else
        decide_content(st, out);
    if (out->dialect != DIALECT_UNKNOWN)
        out->form = detect_form(out->dialect, buf, len);
    free(st);
}

void detect_named(enum dialect d, enum platform p, const char *buf, size_t len, const char *source,
                  const char *signal, struct detect_result *out)
{
    memset(out, 0, sizeof(*out));
    out->dialect = d;
    out->platform = d == DIALECT_UNKNOWN ? p : PLATFORM_NONE;
    out->form = d != DIALECT_UNKNOWN ? detect_form(d, buf, len) : FORM_DEFAULT;
    out->source = source;
    out->signal = signal;
}

const char *detect_label(const struct detect_result *r, char *out, size_t cap)
{
    return dialect_label(r->dialect, r->platform, out, cap);
}

const char *detect_reason(const struct detect_result *r, char *out, size_t cap)
{
    char at[32] = "";
    if (r->line)
        snprintf(at, sizeof(at), ", line %u", r->line);
    if (r->dialect != DIALECT_UNKNOWN) {
        snprintf(out, cap, "%s: %s%s", dialect_def(r->dialect)->display, r->signal, at);
    } else if (r->platform != PLATFORM_NONE) {
        snprintf(out, cap, "unsupported platform %s (%s%s)", platform_def(r->platform)->display,
                 r->signal, at);
    } else if (r->ambiguous && r->nreadings >= 2) {
        char a[DIALECT_LABEL_MAX], b[DIALECT_LABEL_MAX];
        const struct detect_reading *x = &r->readings[0], *y = &r->readings[1];
        snprintf(out, cap,
                 "dialect unknown: %s (%s, line %u) and %s (%s, line %u) compete; "
                 "name it with --vendor or an inventory",
                 dialect_label(x->dialect, x->platform, a, sizeof(a)), x->signal, x->line,
                 dialect_label(y->dialect, y->platform, b, sizeof(b)), y->signal, y->line);
    } else {
        snprintf(out, cap, "dialect unknown: %s; name it with --vendor or an inventory", r->signal);
    }
    return out;
}

enum dialect_form detect_form(enum dialect d, const char *buf, size_t len)
{
    if (d != DIALECT_JUNIPER_JUNOS && d != DIALECT_NOKIA_SROS)
        return FORM_DEFAULT;
    size_t n = len < DETECT_MAX_BYTES ? len : DETECT_MAX_BYTES;
    const char *p = buf, *end = buf + n;
    uint32_t set = 0, brace = 0, flat = 0, exits = 0;
    while (p && p < end) {
        const char *next;
        size_t rawn = line_extent(p, end, &next);
        const char *raw = p;
        p = next;
        const char *t = raw;
        size_t tn = rawn;
        while (tn && (*t == ' ' || *t == '\t')) {
            t++;
            tn--;
        }
        if (tn == 0 || t[0] == '#')
            continue;
        if (t == raw && (starts(t, tn, "set ") || starts(t, tn, "deactivate ") ||
                         starts(t, tn, "delete ") || starts(t, tn, "activate ")))
            set++;
        else if (t == raw && starts(t, tn, "/configure"))
            flat++;
        else if (t[tn - 1] == '{')
            brace++;
        else if ((tn == 4 && memcmp(t, "exit", 4) == 0) || starts(t, tn, "exit all"))
            exits++;
    }
    if (d == DIALECT_JUNIPER_JUNOS)
        return set > brace ? FORM_JUNOS_SET : FORM_JUNOS_BRACE;
    if (flat && flat >= brace)
        return FORM_SROS_MDCLI_FLAT;
    if (brace)
        return FORM_SROS_MDCLI;
    if (exits)
        return FORM_SROS_CLASSIC;
    return FORM_SROS_MDCLI;
}
