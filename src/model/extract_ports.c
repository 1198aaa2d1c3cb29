/*
 * extract_ports.c - which physical ports are left unused but not shut
 * (DATA-UNUSED-INTERFACES), for every router family.
 *
 * Runs after the family extractor over the interfaces it found: a port is
 * idle when its own block holds nothing but statements that do not put it
 * in service (speed, negotiation, "no ip address", hardening lines) and no
 * other statement of the configuration names it (a channel, a SPAN
 * destination, an SR OS SAP or router interface, a FortiOS policy). Only
 * idle ports that are not shut are recorded, with whether the config shows
 * them up or leaves that to a platform default it does not print.
 */
#include "model/extract.h"

#include <ctype.h>
#include <string.h>

#define PORT_MAX_IDLE 4096 /* idle ports recorded per device */
#define PORT_KEY_MAX 96    /* longest port name compared */

/* ---------------------------------------------------- physical port names */

static bool starts_ci(struct sv s, const char *prefix)
{
    size_t n = strlen(prefix);
    if (s.n < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s.p[i]) != tolower((unsigned char)prefix[i]))
            return false;
    return true;
}

/* A name prefix followed directly by the slot/port number. */
static bool prefix_then_digit(struct sv name, const char *const *prefixes)
{
    for (size_t i = 0; prefixes[i]; i++) {
        size_t n = strlen(prefixes[i]);
        if (starts_ci(name, prefixes[i]) && name.n > n && isdigit((unsigned char)name.p[n]))
            return true;
    }
    return false;
}

static const char *const cisco_ports[] = {
    "Ethernet",
    "FastEthernet",
    "GigabitEthernet",
    "TwoGigabitEthernet",
    "FiveGigabitEthernet",
    "TenGigabitEthernet",
    "TenGigE",
    "TwentyFiveGigE",
    "TwentyFiveGigabitEthernet",
    "FortyGigabitEthernet",
    "FortyGigE",
    "FiftyGigE",
    "HundredGigE",
    "HundredGigabitEthernet",
    "TwoHundredGigE",
    "FourHundredGigE",
    NULL,
};

static const char *const vrp_ports[] = {
    "GigabitEthernet",
    "XGigabitEthernet",
    "Ethernet",
    "GE",
    "MultiGE",
    "10GE",
    "25GE",
    "40GE",
    "50GE",
    "100GE",
    "200GE",
    "400GE",
    NULL,
};

static const char *const junos_ports[] = {"ge-", "xe-", "et-", "fe-", "mge-", NULL};

/* The port's name; an IOS XR "interface preconfigure X" is port X (it comes
 * up with the card). */
static struct sv port_name(const struct interface *f)
{
    struct sv name = sv_from_cstr(f->name);
    if (sv_starts_with(name, "preconfigure "))
        name = sv_trim(sv_make(name.p + 13, name.n - 13));
    return name;
}

/* Is the interface a physical port of this dialect (not a subinterface,
 * unit, bundle, VLAN, loopback, tunnel or management port)? */
static bool is_physical(enum dialect d, const struct interface *f)
{
    if (!f->name || f->is_loopback || f->is_tunnel || f->is_mgmt || !f->node)
        return false;
    struct sv name = port_name(f);
    if (memchr(name.p, '.', name.n) || memchr(name.p, ':', name.n))
        return false;
    switch (d) {
    case DIALECT_CISCO_IOS:
    case DIALECT_CISCO_NXOS:
    case DIALECT_CISCO_IOSXR:
    case DIALECT_CISCO_ASA:
    case DIALECT_ARISTA_EOS:
        return prefix_then_digit(name, cisco_ports);
    case DIALECT_HUAWEI_VRP:
        return prefix_then_digit(name, vrp_ports);
    case DIALECT_JUNIPER_JUNOS:
        return prefix_then_digit(name, junos_ports);
    case DIALECT_FORTINET_FORTIOS:
        for (const struct cfg_node *c = f->node->child; c; c = c->next)
            if (!(c->flags & CFG_INACTIVE) && sv_eq_cstr(cfg_text(c), "set type physical"))
                return true;
        return false;
    case DIALECT_NOKIA_SROS:
        /* ports ("port 1/1/1"), not router interfaces, whose names are words */
        return sv_eq_cstr(sv_token(cfg_text(f->node), 0), "port") && name.n &&
               isdigit((unsigned char)name.p[0]);
    default:
        return false;
    }
}

/* ------------------------------------------------- statements in the block */

enum port_stmt { STMT_USE, STMT_INERT, STMT_SHUT, STMT_UP };

struct inert_row {
    const char *words; /* leading words of the statement */
    enum port_stmt kind;
};

/* Cisco family: statements a port left unused still carries. */
static const struct inert_row cisco_rows[] = {
    {"shutdown", STMT_SHUT},
    {"no shutdown", STMT_UP},
    {"no ip address", STMT_INERT},
    {"no ipv4 address", STMT_INERT},
    {"no ipv6 address", STMT_INERT},
    {"no nameif", STMT_INERT},
    {"no security-level", STMT_INERT},
    {"no switchport", STMT_INERT},
    {"switchport$", STMT_INERT}, /* layer 2 in VLAN 1, nothing more */
    {"negotiation auto", STMT_INERT},
    {"no negotiation auto", STMT_INERT},
    {"duplex", STMT_INERT},
    {"speed", STMT_INERT},
    {"media-type", STMT_INERT},
    {"mdix auto", STMT_INERT},
    {"load-interval", STMT_INERT},
    {"no cdp enable", STMT_INERT},
    {"no lldp", STMT_INERT},
    {"no ip redirects", STMT_INERT},
    {"no ip unreachables", STMT_INERT},
    {"no ip proxy-arp", STMT_INERT},
    {"no ip route-cache", STMT_INERT},
    {"no ip mroute-cache", STMT_INERT},
    {"no ip directed-broadcast", STMT_INERT},
    {"no mop enabled", STMT_INERT},
    {"no mop sysid", STMT_INERT},
    {"no keepalive", STMT_INERT},
    {"transceiver permit", STMT_INERT},
    {NULL, STMT_USE},
};

static const struct inert_row vrp_rows[] = {
    {"shutdown", STMT_SHUT},
    {"undo shutdown", STMT_UP},
    {"negotiation auto", STMT_INERT},
    {"undo negotiation auto", STMT_INERT},
    {"speed", STMT_INERT},
    {"duplex", STMT_INERT},
    {"undo portswitch", STMT_INERT},
    {"undo dcn", STMT_INERT},
    {"undo lldp enable", STMT_INERT},
    {"undo icmp", STMT_INERT},
    {"device transceiver", STMT_INERT},
    {NULL, STMT_USE},
};

static const struct inert_row junos_rows[] = {
    {"disable", STMT_SHUT},
    {"enable", STMT_UP},
    {NULL, STMT_USE},
};

/* SR OS: an empty "ethernet" block is printed for every port. */
static const struct inert_row sros_rows[] = {
    {"shutdown", STMT_SHUT},
    {"no shutdown", STMT_UP},
    {"admin-state disable", STMT_SHUT},
    {"admin-state enable", STMT_UP},
    {"ethernet", STMT_INERT},
    {"exit", STMT_INERT},
    {NULL, STMT_USE},
};

static const struct inert_row forti_rows[] = {
    {"set status down", STMT_SHUT}, {"set status up", STMT_UP},
    {"set vdom", STMT_INERT},       {"set type", STMT_INERT},
    {"set snmp-index", STMT_INERT}, {"set role", STMT_INERT},
    {"next", STMT_INERT},           {NULL, STMT_USE},
};

static const struct inert_row *rows_for(enum dialect d)
{
    switch (dialect_def(d)->family) {
    case FAMILY_CISCO:
        return cisco_rows;
    case FAMILY_VRP:
        return vrp_rows;
    case FAMILY_JUNOS:
        return junos_rows;
    case FAMILY_SROS:
        return sros_rows;
    case FAMILY_FORTIOS:
        return forti_rows;
    default:
        return NULL;
    }
}

/* Do the words of `words` open the statement (whole words)? */
static bool stmt_starts(struct sv text, const char *words)
{
    size_t n = strlen(words);
    if (n && words[n - 1] == '$') /* the whole statement */
        return text.n == n - 1 && memcmp(text.p, words, n - 1) == 0;
    if (text.n < n || memcmp(text.p, words, n) != 0)
        return false;
    return text.n == n || text.p[n] == ' ' || text.p[n] == '\t' || text.p[n] == ';' ||
           text.p[n] == '{';
}

/* Junos "unit 0 { family ethernet-switching; }" with nothing in the family:
 * a switch port in the default VLAN, the factory setting of EX ports. */
static bool junos_bare_switching(const struct cfg_node *c)
{
    if (!stmt_starts(cfg_text(c), "unit 0"))
        return false;
    size_t n = 0;
    for (const struct cfg_node *g = c->child; g; g = g->next) {
        if (g->flags & CFG_INACTIVE)
            continue;
        if (++n > 1 || !stmt_starts(cfg_text(g), "family ethernet-switching"))
            return false;
        for (const struct cfg_node *h = g->child; h; h = h->next)
            if (!(h->flags & CFG_INACTIVE))
                return false;
    }
    return n == 1;
}

static enum port_stmt classify(const struct inert_row *rows, const struct cfg_node *c)
{
    struct sv t = cfg_text(c);
    if (rows == junos_rows && junos_bare_switching(c))
        return STMT_INERT;
    for (size_t i = 0; rows[i].words; i++)
        if (stmt_starts(t, rows[i].words)) {
            /* a block that holds more than its own closing is in use */
            if (c->child && !stmt_starts(t, "next"))
                for (const struct cfg_node *g = c->child; g; g = g->next)
                    if (!(g->flags & CFG_INACTIVE) && !stmt_starts(cfg_text(g), "exit"))
                        return STMT_USE;
            return rows[i].kind;
        }
    return STMT_USE;
}

/* The admin state a port shows when its block says nothing about it. */
static enum fact_state default_up(enum dialect d, const char **why)
{
    *why = NULL;
    switch (d) {
    case DIALECT_CISCO_NXOS:
        *why = "NX-OS does not print the admin state a port takes from "
               "'system default switchport shutdown'; op: show interface brief";
        return FACT_UNKNOWN;
    case DIALECT_HUAWEI_VRP:
        *why = "the default admin state of a VRP port differs by product line; op: display "
               "interface brief";
        return FACT_UNKNOWN;
    case DIALECT_NOKIA_SROS:
        return FACT_OFF; /* SR OS ports stay shut until "no shutdown" */
    default:
        return FACT_ON; /* shutdown / disable / status down is printed when set */
    }
}

/* NX-OS: does the block change the port's layer mode ('no switchport', or a
 * bare 'switchport'), and which admin statement does it carry? */
static bool nxos_mode_set(const struct cfg_node *n, const struct cfg_node **admin, bool *up)
{
    bool mode = false;
    *admin = NULL;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (c->flags & CFG_INACTIVE)
            continue;
        struct sv t = cfg_text(c);
        if (stmt_starts(t, "no switchport$") || stmt_starts(t, "switchport$"))
            mode = true;
        else if (stmt_starts(t, "shutdown$") || stmt_starts(t, "no shutdown$")) {
            *admin = c;
            *up = t.p[0] == 'n';
        }
    }
    return mode;
}

/*
 * NX-OS prints a port's admin state only where it differs from the default
 * of the port's layer mode. A port left in the default mode that prints
 * 'shutdown' shows that the default is up; one printing 'no shutdown' that
 * it is down. UNKNOWN when no such port shows it (the default then comes
 * from 'system default switchport shutdown', not printed).
 */
static enum fact_state nxos_default_state(const struct device_model *m, const struct cfg_node **ev)
{
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *f = &m->interfaces[i];
        const struct cfg_node *admin;
        bool up = false;
        if (!is_physical(m->dialect, f) || nxos_mode_set(f->node, &admin, &up) || !admin)
            continue;
        *ev = admin;
        return up ? FACT_OFF : FACT_ON;
    }
    return FACT_UNKNOWN;
}

/*
 * The port's state from its own block: FACT_OFF when shut or in use (not
 * idle), otherwise ON/UNKNOWN as the admin state is shown or defaulted.
 */
static enum fact_state port_block(enum dialect d, const struct interface *f, const char **why)
{
    const struct inert_row *rows = rows_for(d);
    *why = NULL;
    if (!rows || f->description || f->has_ip || f->acl_in || f->acl_out)
        return FACT_OFF;
    enum port_stmt state = STMT_INERT;
    for (const struct cfg_node *c = f->node->child; c; c = c->next) {
        if (c->flags & CFG_INACTIVE)
            continue;
        enum port_stmt k = classify(rows, c);
        if (k == STMT_USE)
            return FACT_OFF;
        if (k != STMT_INERT)
            state = k;
    }
    if (state == STMT_SHUT || f->shutdown)
        return FACT_OFF;
    if (state == STMT_UP)
        return FACT_ON;
    return default_up(d, why);
}

/* ------------------------------------------------------------ references */

/*
 * A comparable form of an interface name as other statements write it:
 * Cisco and VRP abbreviate ("Gi1/0/1" for "GigabitEthernet1/0/1"), so
 * there the key is the first two letters and the number; everywhere a unit,
 * subinterface or SAP suffix (".0", ":100") is dropped. Returns the length
 * written to key (0: not a name).
 */
static size_t port_key(struct sv tok, bool abbreviates, char key[PORT_KEY_MAX])
{
    tok = sv_unquote(tok);
    while (tok.n && strchr(";,{}[]\"", tok.p[tok.n - 1]))
        tok.n--;
    while (tok.n && strchr("[\"", tok.p[0])) {
        tok.p++;
        tok.n--;
    }
    size_t end = 0;
    while (end < tok.n && tok.p[end] != '.' && tok.p[end] != ':')
        end++;
    size_t start = 0, k = 0;
    if (abbreviates && end && isalpha((unsigned char)tok.p[0])) {
        while (start < end && !isdigit((unsigned char)tok.p[start]))
            start++;
        if (start == end || start < 2)
            return 0;
        key[k++] = (char)tolower((unsigned char)tok.p[0]);
        key[k++] = (char)tolower((unsigned char)tok.p[1]);
    }
    if (end - start + k >= PORT_KEY_MAX || end == start)
        return 0;
    for (size_t i = start; i < end; i++)
        key[k++] = (char)tolower((unsigned char)tok.p[i]);
    return k;
}

struct ref_scan {
    struct model_nmap map;       /* key -> candidate */
    const struct cfg_node **own; /* each candidate's block, skipped */
    bool *named;
    size_t n;
    bool abbreviates;
};

static bool is_own_block(const struct ref_scan *rs, const struct cfg_node *n)
{
    for (size_t i = 0; i < rs->n; i++)
        if (rs->own[i] == n)
            return true;
    return false;
}

static void scan_tokens(struct ref_scan *rs, struct sv text)
{
    const char *p = text.p, *end = text.p + text.n;
    struct sv tok;
    char key[PORT_KEY_MAX];
    while ((p = model_path_token(p, end, &tok)) != NULL) {
        size_t k = port_key(tok, rs->abbreviates, key);
        if (!k)
            continue;
        size_t at = model_nmap_get(&rs->map, sv_make(key, k), sv_make(NULL, 0));
        if (at != SIZE_MAX)
            rs->named[at] = true;
    }
}

/* Mark the candidates some statement outside their own block names. */
static void scan_refs(const struct cfg_tree *t, struct ref_scan *rs)
{
    const struct cfg_node *n = t->first;
    while (n) {
        /* a routing process told to stay passive on a port does not use it */
        bool skip = (n->flags & CFG_INACTIVE) || is_own_block(rs, n) ||
                    stmt_starts(cfg_text(n), "passive-interface");
        if (!skip)
            scan_tokens(rs, cfg_text(n));
        if (!skip && n->child) {
            n = n->child;
            continue;
        }
        while (n && !n->next)
            n = n->parent;
        if (n)
            n = n->next;
    }
}

/* -------------------------------------------------------------- VRFs */

/* The VRF an interface block names (Cisco family, VRP), or NULL. */
static const char *block_vrf(struct arena *a, const struct cfg_node *n)
{
    static const char *const forms[] = {"vrf forwarding",
                                        "ip vrf forwarding",
                                        "vrf member",
                                        "ip binding vpn-instance",
                                        "vrf",
                                        NULL};
    for (const struct cfg_node *c = n ? n->child : NULL; c; c = c->next) {
        if (c->flags & CFG_INACTIVE)
            continue;
        struct sv t = cfg_text(c);
        for (size_t i = 0; forms[i]; i++) {
            size_t words = sv_token_count(sv_from_cstr(forms[i]));
            if (stmt_starts(t, forms[i]) && sv_token(t, words).n && !sv_token(t, words + 1).n)
                return model_strdup(a, sv_token(t, words));
        }
    }
    return NULL;
}

/* Junos: "routing-instances NAME interface IFL" marks IFL's port. */
static void junos_instances(const struct cfg_tree *t, struct device_model *m)
{
    for (const struct cfg_node *top = t->first; top; top = top->next) {
        if ((top->flags & CFG_INACTIVE) ||
            !sv_eq_cstr(sv_token(cfg_text(top), 0), "routing-instances"))
            continue;
        for (const struct cfg_node *ri = top->child; ri; ri = ri->next) {
            struct sv name = model_path_strip(sv_token(cfg_text(ri), 0));
            for (const struct cfg_node *c = ri->child; c; c = c->next) {
                if ((c->flags & CFG_INACTIVE) || !stmt_starts(cfg_text(c), "interface"))
                    continue;
                struct sv ifl = model_path_strip(sv_token(cfg_text(c), 1));
                const char *dot = memchr(ifl.p, '.', ifl.n);
                struct sv ifd = dot ? sv_make(ifl.p, (size_t)(dot - ifl.p)) : ifl;
                for (size_t i = 0; i < m->ninterfaces; i++)
                    if (sv_eq_cstr(ifd, m->interfaces[i].name))
                        m->ports.iface_vrf[i] = model_strdup(t->arena, name);
            }
        }
    }
}

static void extract_vrfs(const struct cfg_tree *t, struct device_model *m)
{
    if (!m->ninterfaces)
        return;
    m->ports.iface_vrf = arena_alloc(t->arena, m->ninterfaces * sizeof(*m->ports.iface_vrf));
    memset(m->ports.iface_vrf, 0, m->ninterfaces * sizeof(*m->ports.iface_vrf));
    enum dialect_family fam = dialect_def(m->dialect)->family;
    if (fam == FAMILY_CISCO || fam == FAMILY_VRP)
        for (size_t i = 0; i < m->ninterfaces; i++)
            m->ports.iface_vrf[i] = block_vrf(t->arena, m->interfaces[i].node);
    else if (fam == FAMILY_JUNOS)
        junos_instances(t, m);
}

/* ------------------------------------------------------------------ main */

static const char *unlisted_reason(enum dialect d)
{
    if (d == DIALECT_JUNIPER_JUNOS)
        return "Junos leaves ports the configuration does not list enabled, and they are not "
               "in it; op: show interfaces terse";
    return NULL;
}

void model_extract_ports(const struct cfg_tree *t, struct device_model *m)
{
    struct port_facts *pf = &m->ports;
    if (!rows_for(m->dialect))
        return;
    pf->judged = true;
    pf->unlisted = unlisted_reason(m->dialect);
    extract_vrfs(t, m);
    struct ref_scan rs;
    memset(&rs, 0, sizeof(rs));
    rs.abbreviates = dialect_def(m->dialect)->family == FAMILY_CISCO ||
                     dialect_def(m->dialect)->family == FAMILY_VRP;
    size_t *cand = NULL;
    enum fact_state nxos_default = FACT_UNKNOWN;
    const struct cfg_node *nxos_ev = NULL;
    if (m->dialect == DIALECT_CISCO_NXOS)
        nxos_default = nxos_default_state(m, &nxos_ev);
    if (nxos_default == FACT_ON)
        pf->default_state_ev = nxos_ev; /* cited where the default makes a port fail */
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *f = &m->interfaces[i];
        if (!is_physical(m->dialect, f))
            continue;
        pf->nphysical++;
        const char *why = NULL;
        enum fact_state up = port_block(m->dialect, f, &why);
        const struct cfg_node *admin;
        bool shown_up;
        if (up == FACT_UNKNOWN && m->dialect == DIALECT_CISCO_NXOS && nxos_default &&
            !nxos_mode_set(f->node, &admin, &shown_up))
            up = nxos_default;
        char key[PORT_KEY_MAX];
        size_t k = port_key(port_name(f), rs.abbreviates, key);
        if (up == FACT_OFF || !k || rs.n >= PORT_MAX_IDLE)
            continue;
        cand = model_grow(t->arena, cand, rs.n, sizeof(*cand));
        rs.own = model_grow(t->arena, (void *)rs.own, rs.n, sizeof(*rs.own));
        rs.named = model_grow(t->arena, rs.named, rs.n, sizeof(*rs.named));
        cand[rs.n] = i;
        rs.own[rs.n] = f->node;
        rs.named[rs.n] = false;
        model_nmap_put(t->arena, &rs.map, sv_from_cstr(model_strdup(t->arena, sv_make(key, k))),
                       sv_make(NULL, 0), rs.n);
        struct idle_port *ip = MODEL_PUSH(t->arena, pf->idle, pf->nidle);
        ip->name = f->name;
        ip->up = up;
        ip->why = why;
        ip->node = f->node;
        rs.n++;
    }
    if (!rs.n)
        return;
    scan_refs(t, &rs);
    size_t w = 0;
    for (size_t i = 0; i < pf->nidle; i++)
        if (!rs.named[i])
            pf->idle[w++] = pf->idle[i];
    pf->nidle = w;
}
