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

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define DETECT_MAX_BYTES (256u * 1024u)
#define DETECT_OTHER DIALECT_COUNT /* score slot for unsupported platforms */
#define DETECT_SLOTS (DIALECT_COUNT + 1)
#define DETECT_THRESHOLD 30

enum marker_kind {
    MK_PREFIX,     /* trimmed line starts with the text */
    MK_COL0,       /* untrimmed line starts with the text (top-level statement) */
    MK_EXACT,      /* trimmed line equals the text */
    MK_CONTAINS,   /* text anywhere in the line */
    MK_COL0_WORD,  /* top-level statement whose first words are the text */
    MK_INDENT_PFX, /* indented line (after trimming) starts with the text */
};

struct marker {
    unsigned slot; /* enum dialect or DETECT_OTHER */
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
    {DIALECT_CISCO_IOSXR, MK_CONTAINS, "GigabitEthernet0/0/0/", 15, 3, "four-index interface names"},
    {DIALECT_CISCO_IOSXR, MK_CONTAINS, "MgmtEth0/", 30, 1, "'MgmtEth' interface"},
    {DIALECT_CISCO_IOSXR, MK_INDENT_PFX, "ipv4 address ", 8, 4, "'ipv4 address' statements"},
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
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "ip cef", 15, 1, "'ip cef'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "ip classless", 30, 1, "'ip classless'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "ip subnet-zero", 30, 1, "'ip subnet-zero'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "license udi", 60, 1, "'license udi'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "no service pad", 30, 1, "'no service pad'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "service password-encryption", 10, 1, "'service password-encryption'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "ip http server", 5, 1, "'ip http server'"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "platform", 10, 1, "'platform' statement"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "control-plane", 5, 1, "'control-plane'"},
    {DIALECT_CISCO_IOS, MK_INDENT_PFX, "ip address ", 2, 3, "'ip address' statements"},
    {DIALECT_CISCO_IOS, MK_COL0_WORD, "ip access-list extended", 15, 2, "'ip access-list extended'"},
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
    {DIALECT_HUAWEI_VRP, MK_CONTAINS, "display current-configuration", 80, 1, "'display current-configuration' prompt"},
    {DIALECT_HUAWEI_VRP, MK_CONTAINS, "Huawei Versatile Routing Platform", 200, 1, "'Huawei Versatile Routing Platform'"},
    {DIALECT_HUAWEI_VRP, MK_COL0_WORD, "vlan batch", 30, 1, "'vlan batch' statement"},
    {DIALECT_HUAWEI_VRP, MK_COL0_WORD, "interface Vlanif", 30, 1, "'interface Vlanif'"},
    {DIALECT_HUAWEI_VRP, MK_COL0_WORD, "interface Eth-Trunk", 30, 1, "'interface Eth-Trunk'"},
    {DIALECT_HUAWEI_VRP, MK_INDENT_PFX, "port link-type ", 10, 1, "'port link-type'"},
    {DIALECT_HUAWEI_VRP, MK_INDENT_PFX, "undo ", 3, 3, "'undo' statements"},
    {DIALECT_HUAWEI_VRP, MK_INDENT_PFX, "port trunk allow-pass", 20, 1, "'port trunk allow-pass'"},
    {DIALECT_HUAWEI_VRP, MK_CONTAINS, "irreversible-cipher", 30, 1, "'irreversible-cipher' secret"},
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
    /* Platforms tsaudit does not audit: any of these makes the answer unknown. */
    {DETECT_OTHER, MK_PREFIX, "#TMSH-VERSION", 300, 1, "F5 BIG-IP ('#TMSH-VERSION')"},
    {DETECT_OTHER, MK_COL0, "sys global-settings", 200, 1, "F5 BIG-IP ('sys global-settings')"},
    {DETECT_OTHER, MK_COL0, "ltm ", 100, 2, "F5 BIG-IP ('ltm' objects)"},
    {DETECT_OTHER, MK_COL0, "set deviceconfig ", 300, 1, "PAN-OS ('set deviceconfig')"},
    {DETECT_OTHER, MK_COL0, "set device-group ", 300, 1, "PAN-OS ('set device-group')"},
    {DETECT_OTHER, MK_COL0, "set rulebase ", 300, 1, "PAN-OS ('set rulebase')"},
    {DETECT_OTHER, MK_COL0, "set network ", 100, 1, "PAN-OS ('set network')"},
    {DETECT_OTHER, MK_COL0, "set shared ", 100, 1, "PAN-OS ('set shared')"},
    {DETECT_OTHER, MK_COL0, "set vsys ", 100, 1, "PAN-OS ('set vsys')"},
    {DETECT_OTHER, MK_COL0, "set mgt-config ", 100, 1, "PAN-OS ('set mgt-config')"},
    {DETECT_OTHER, MK_PREFIX, "deviceconfig {", 300, 1, "PAN-OS ('deviceconfig {')"},
    {DETECT_OTHER, MK_PREFIX, "panorama {", 300, 1, "PAN-OS ('panorama {')"},
    {DETECT_OTHER, MK_PREFIX, "rulebase {", 200, 1, "PAN-OS ('rulebase {')"},
    {DETECT_OTHER, MK_PREFIX, "vsys {", 200, 1, "PAN-OS ('vsys {')"},
    {DETECT_OTHER, MK_PREFIX, "device-group {", 200, 1, "PAN-OS ('device-group {')"},
    {DETECT_OTHER, MK_PREFIX, "# Language version:", 300, 1, "Check Point Gaia ('# Language version:')"},
    {DETECT_OTHER, MK_COL0, "set static-route ", 60, 1, "Check Point Gaia ('set static-route')"},
    {DETECT_OTHER, MK_COL0, "set interface ", 60, 1, "Check Point Gaia ('set interface')"},
    {DETECT_OTHER, MK_COL0, "set hostname ", 60, 1, "Check Point Gaia ('set hostname')"},
    {DETECT_OTHER, MK_COL0, "net add ", 300, 1, "Cumulus NCLU ('net add')"},
    {DETECT_OTHER, MK_COL0, "net del ", 300, 1, "Cumulus NCLU ('net del')"},
    {DETECT_OTHER, MK_PREFIX, "frr version", 300, 1, "FRR ('frr version')"},
    {DETECT_OTHER, MK_PREFIX, "frr defaults", 300, 1, "FRR ('frr defaults')"},
    {DETECT_OTHER, MK_CONTAINS, "This file describes the network interfaces", 300, 1, "Debian interfaces file (Cumulus)"},
    {DETECT_OTHER, MK_COL0, "iface ", 100, 1, "Debian interfaces file ('iface')"},
    {DETECT_OTHER, MK_CONTAINS, "Advanced Core OS (ACOS)", 300, 1, "A10 ACOS"},
    {DETECT_OTHER, MK_PREFIX, "!BATFISH_FORMAT:", 300, 1, "'!BATFISH_FORMAT' names another platform"},
    {DETECT_OTHER, MK_CONTAINS, ", Release ", 40, 1, "H3C/HP Comware ('version N, Release')"},
    {DETECT_OTHER, MK_COL0_WORD, "interface Vlan-interface", 100, 1, "H3C/HP Comware ('Vlan-interface')"},
    {DETECT_OTHER, MK_COL0_WORD, "interface Bridge-Aggregation", 100, 1, "H3C/HP Comware ('Bridge-Aggregation')"},
    {DETECT_OTHER, MK_COL0_WORD, "irf", 100, 1, "H3C/HP Comware ('irf')"},
    {DETECT_OTHER, MK_EXACT, "#!", 100, 1, "Cisco CatOS ('#!')"},
    {DETECT_OTHER, MK_COL0, "set port ", 100, 1, "Cisco CatOS ('set port')"},
    {DETECT_OTHER, MK_COL0, "set vlan ", 60, 1, "Cisco CatOS ('set vlan')"},
    {DETECT_OTHER, MK_COL0, "; J", 100, 1, "HP ProCurve header"},
    {DETECT_OTHER, MK_COL0, "config {", 100, 1, "PAN-OS ('config {')"},
    {DETECT_OTHER, MK_COL0, "mgt-config {", 200, 1, "PAN-OS ('mgt-config {')"},
    {DETECT_OTHER, MK_COL0, "policy {", 40, 1, "PAN-OS ('policy {')"},
};
/* clang-format on */

/* RANCID content types (rancid.types.base) and what they name. */
struct rancid_type {
    const char *name;
    int slot; /* enum dialect, DETECT_OTHER, or -1 = decide from content within the family */
};

static const struct rancid_type rancid_types[] = {
    {"cisco", DIALECT_CISCO_IOS},
    {"cisco-nx", DIALECT_CISCO_NXOS},
    {"cisco-xr", DIALECT_CISCO_IOSXR},
    {"cisco-asa", DIALECT_CISCO_ASA},
    {"cat5", DETECT_OTHER},
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
    {"paloalto", DETECT_OTHER},
    {"panos", DETECT_OTHER},
    {"force10", DETECT_OTHER},
    {"foundry", DETECT_OTHER},
    {"hp", DETECT_OTHER},
    {"h3c", DETECT_OTHER},
    {"f5", DETECT_OTHER},
    {"bigip", DETECT_OTHER},
    {"netscreen", DETECT_OTHER},
    {"extreme", DETECT_OTHER},
    {"mikrotik", DETECT_OTHER},
    {"cumulus", DETECT_OTHER},
};

/* Oxidized / collector metadata comments naming the platform. */
struct meta_marker {
    const char *text;
    unsigned slot;
    const char *signal;
};

static const struct meta_marker meta_markers[] = {
    {"Cisco IOS XR Software", DIALECT_CISCO_IOSXR, "metadata comment 'Cisco IOS XR Software'"},
    {"Cisco IOS-XR", DIALECT_CISCO_IOSXR, "metadata comment 'Cisco IOS-XR'"},
    {"Cisco Nexus Operating System", DIALECT_CISCO_NXOS,
     "metadata comment 'Cisco Nexus Operating System'"},
    {"NX-OS", DIALECT_CISCO_NXOS, "metadata comment 'NX-OS'"},
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
    uint32_t sysname_line, return_line, hostname_line;
    bool has_interface;
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
        if (markers[i].kind == MK_CONTAINS) {
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
        if (markers[i].kind == MK_CONTAINS || !marker_len[i])
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

/* `!RANCID-CONTENT-TYPE: x` or `#RANCID-CONTENT-TYPE: x`; returns slot or -1. */
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
    for (size_t i = 0; i < ARRAY_SIZE(rancid_types); i++) {
        size_t m = strlen(rancid_types[i].name);
        if (e - k == m && eq_nocase(t + k, rancid_types[i].name, m))
            return rancid_types[i].slot;
    }
    return -1;
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
    if (st->sysname_line && st->hash_lines >= 2 && st->return_line)
        credit(st, DIALECT_HUAWEI_VRP, 80, "'sysname', '#' separators and 'return'",
               st->sysname_line);
    else if (st->sysname_line && st->hash_lines >= 1)
        credit(st, DIALECT_HUAWEI_VRP, 20, "'sysname' and '#' separators", st->sysname_line);
    if (st->semicolon_lines >= 5 && st->brace_lines >= 2)
        credit(st, DIALECT_JUNIPER_JUNOS, 20, "brace and semicolon structure", 0);
    /* The first-level indentation width: EOS uses 3 spaces, NX-OS 2, IOS 1. */
    uint32_t w1 = st->child_width[1], w2 = st->child_width[2], w3 = st->child_width[3];
    if (w3 >= 3 && w3 > 2 * (w1 + w2))
        credit(st, DIALECT_ARISTA_EOS, 25, "three-space indentation", 0);
    else if (w2 >= 3 && w2 > 2 * (w1 + w3))
        credit(st, DIALECT_CISCO_NXOS, 10, "two-space indentation", 0);
    /* IOS-style structure names IOS only when nothing points elsewhere. */
    int elsewhere = st->score[DIALECT_CISCO_NXOS] + st->score[DIALECT_CISCO_IOSXR] +
                    st->score[DIALECT_CISCO_ASA] + st->score[DIALECT_ARISTA_EOS];
    int generic = 0;
    if (st->hostname_line)
        generic += 10;
    if (st->has_interface)
        generic += 10;
    if (st->bang_lines >= 2)
        generic += 10;
    if (generic && !elsewhere && st->semicolon_lines < 3 && st->brace_lines < 3)
        credit(st, DIALECT_CISCO_IOS, generic,
               "IOS-style structure ('hostname', 'interface', '!' lines)", st->hostname_line);
}

void detect_dialect(const char *buf, size_t len, struct detect_result *out)
{
    memset(out, 0, sizeof(*out));
    out->signal = "no distinctive marker";
    if (!buf || len == 0) {
        out->signal = "empty input";
        return;
    }
    pthread_once(&index_once, build_index);
    size_t n = len < DETECT_MAX_BYTES ? len : DETECT_MAX_BYTES;
    struct detect_state *st = xcalloc(1, sizeof(*st));
    const char *p = buf, *end = buf + n;
    uint32_t line = 0, seen = 0;
    bool prev_top = false;
    int rancid = -2, meta = -1;
    uint32_t rancid_line = 0, meta_line = 0;
    const char *meta_signal = NULL;
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
        bool indented = t != raw;
        if ((t[0] == '!' || t[0] == '#') && seen <= 60) {
            if (rancid == -2) {
                rancid = rancid_slot(t, tn);
                if (rancid != -2)
                    rancid_line = line;
            }
            if (meta < 0) {
                meta = meta_slot(t, tn, &meta_signal);
                if (meta >= 0)
                    meta_line = line;
            }
        }
        scan_markers(st, raw, rawn, t, tn, line);
        if (tn == 1 && t[0] == '#')
            st->hash_lines++;
        else if (t[0] == '!')
            st->bang_lines++;
        if (indented) {
            st->indented++;
            size_t w = (size_t)(t - raw);
            if (prev_top && w <= 4 && memchr(raw, '\t', w) == NULL)
                st->child_width[w]++;
        } else {
            st->toplevel++;
        }
        prev_top = !indented && t[0] != '!' && t[0] != '#';
        if (t[tn - 1] == ';')
            st->semicolon_lines++;
        else if (t[tn - 1] == '{' || t[0] == '}')
            st->brace_lines++;
        if (!indented && starts_word(t, tn, "sysname") && !st->sysname_line)
            st->sysname_line = line;
        if (tn == 6 && memcmp(t, "return", 6) == 0)
            st->return_line = line;
        if (!indented && starts_word(t, tn, "hostname") && !st->hostname_line)
            st->hostname_line = line;
        if (!indented && starts_word(t, tn, "interface"))
            st->has_interface = true;
        if (!indented && starts(t, tn, "version ") && t[tn - 1] == ';')
            credit(st, DIALECT_JUNIPER_JUNOS, 40, "'version ...;' statement", line);
    }
    score_structure(st);

    if (rancid >= 0) {
        unsigned slot = (unsigned)rancid;
        out->line = rancid_line;
        if (slot == DETECT_OTHER) {
            out->signal = "RANCID-CONTENT-TYPE header names an unsupported platform";
        } else if (slot == DIALECT_CISCO_IOS && st->score[DIALECT_CISCO_ASA] >= 200) {
            /* RANCID files ASA under "cisco" too; the content tells them apart. */
            out->dialect = DIALECT_CISCO_ASA;
            out->signal = st->best_signal[DIALECT_CISCO_ASA];
            out->line = st->best_line[DIALECT_CISCO_ASA];
        } else {
            out->dialect = (enum dialect)slot;
            out->signal = "RANCID-CONTENT-TYPE header";
        }
    } else if (meta >= 0 && st->score[DETECT_OTHER] < 100) {
        out->dialect = (enum dialect)meta;
        out->signal = meta_signal;
        out->line = meta_line;
    } else {
        unsigned best = 0, second = 0;
        for (unsigned s = 1; s < DIALECT_COUNT; s++) {
            if (st->score[s] > st->score[best]) {
                second = best;
                best = s;
            } else if (st->score[s] > st->score[second]) {
                second = s;
            }
        }
        int other = st->score[DETECT_OTHER];
        if (other >= 100 && other >= st->score[best]) {
            out->signal = st->best_signal[DETECT_OTHER];
            out->line = st->best_line[DETECT_OTHER];
        } else if (best == 0 || st->score[best] < DETECT_THRESHOLD) {
            out->signal = other ? st->best_signal[DETECT_OTHER] : "no distinctive marker";
        } else if (second && st->score[second] >= st->score[best]) {
            out->signal = "conflicting markers of several dialects";
        } else {
            out->dialect = (enum dialect)best;
            out->signal = st->best_signal[best];
            out->line = st->best_line[best];
        }
    }
    if (out->dialect != DIALECT_UNKNOWN)
        out->form = detect_form(out->dialect, buf, len);
    free(st);
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
