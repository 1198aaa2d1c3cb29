/*
 * extract_junos_zones.c - Junos SRX security zones (struct security_zone,
 * for MGMT-EXTERNAL-EXPOSURE): the interfaces bound to each zone, the
 * management services that the zone's host-inbound-traffic (or the
 * interface's own, which replaces the zone's) lets reach the device, and the
 * policies from each zone to junos-host, the device itself.
 *
 * extract_junos.c hands every "security zones ..." and "security policies
 * ..." path here, inactive statements already skipped, so a deactivated
 * policy or policy context counts as absent (checks.md §18). jx_finish_zones
 * builds the model once the system services are known: a service admitted
 * by host-inbound-traffic but not running answers nobody.
 */
#include "model/extract_junos.h"

#define JZ_MAX 4096 /* zones, bound interfaces and junos-host policies kept */

/* host-inbound-traffic system-services that reach a management service, and
 * the system services row (extract_junos_system.c) that runs it; NULL when
 * the model keeps it elsewhere (ssh, telnet, snmp). */
static const struct jz_svc {
    const char *name;
    const char *service;
} mgmt_svcs[] = {
    {"ssh", NULL},
    {"telnet", NULL},
    {"snmp", NULL},
    {"http", "http"},
    {"https", "https"},
    {"netconf", "netconf"},
    {"rlogin", "rlogin"},
    {"rsh", "rsh"},
    {"ftp", "ftp-server"},
    {"tftp", "tftp-server"},
    {"xnm-clear-text", "xml-agent"},
    {"xnm-ssl", "xml-agent-tls"},
};
#define JZ_NSVC ARRAY_SIZE(mgmt_svcs)

/* What one host-inbound-traffic level lists under system-services. */
struct jz_admit {
    bool seen;              /* a system-services statement at this level */
    bool all;               /* "all" (or "any-service") */
    uint32_t admit, except; /* bits of mgmt_svcs */
    const struct cfg_node *all_node, *node[JZ_NSVC];
};

struct jz_zone {
    struct sv name;
    const struct cfg_node *node;
    struct jz_admit admit;
};

struct jz_if {
    size_t zone;
    struct sv name;
    const struct cfg_node *node;
    struct jz_admit own;
};

enum { JZ_SRC = 1, JZ_DST = 2, JZ_APP = 4, JZ_ALL = 7 };

/* A policy from a zone to junos-host, in configuration order. */
struct jz_pol {
    struct sv from, name;
    const struct cfg_node *node, *then_node;
    int action;          /* 0 none, 1 permit, 2 deny or reject */
    unsigned any, other; /* JZ_* fields matched by "any" and by anything else */
};

struct jzones {
    struct jz_zone *zones;
    size_t nzones;
    struct jz_if *ifs;
    size_t nifs;
    struct jz_pol *pols;
    size_t npols;
    const struct cfg_node *global_node; /* first "security policies global" statement */
    bool overflow;                      /* more than JZ_MAX of something: the rest is not read */
};

static struct jzones *jz_state(struct jx *x)
{
    if (!x->zones)
        x->zones = arena_alloc(x->a, sizeof(*x->zones));
    return x->zones;
}

static size_t jz_zone(struct jx *x, struct sv name, const struct cfg_node *n)
{
    struct jzones *z = jz_state(x);
    for (size_t i = 0; i < z->nzones; i++)
        if (sv_same(z->zones[i].name, name))
            return i;
    if (z->nzones >= JZ_MAX) {
        z->overflow = true;
        return SIZE_MAX;
    }
    struct jz_zone *zn = MODEL_PUSH(x->a, z->zones, z->nzones);
    zn->name = name;
    zn->node = n;
    return z->nzones - 1;
}

static struct jz_if *jz_if(struct jx *x, size_t zone, struct sv name, const struct cfg_node *n)
{
    struct jzones *z = jz_state(x);
    for (size_t i = 0; i < z->nifs; i++)
        if (z->ifs[i].zone == zone && sv_same(z->ifs[i].name, name))
            return &z->ifs[i];
    if (z->nifs >= JZ_MAX) {
        z->overflow = true;
        return NULL;
    }
    struct jz_if *f = MODEL_PUSH(x->a, z->ifs, z->nifs);
    f->zone = zone;
    f->name = name;
    f->node = n;
    return f;
}

/* "system-services S [except]" from k (at "system-services"). */
static void jz_admit(struct jz_admit *a, const struct model_path *l, size_t k)
{
    a->seen = true;
    struct sv s = model_path_tok(l, k + 1);
    if (!s.n)
        return;
    if (sv_eq_cstr(s, "all") || sv_eq_cstr(s, "any-service")) {
        a->all = true;
        if (!a->all_node)
            a->all_node = l->node;
        return;
    }
    for (size_t i = 0; i < JZ_NSVC; i++) {
        if (!sv_eq_cstr(s, mgmt_svcs[i].name))
            continue;
        if (model_path_eq(l, k + 2, "except")) {
            a->except |= 1u << i;
        } else {
            a->admit |= 1u << i;
            if (!a->node[i])
                a->node[i] = l->node;
        }
    }
}

/* security zones security-zone Z ... */
static void jz_zones(struct jx *x, const struct model_path *l, size_t k)
{
    size_t at = jz_zone(x, l->tok[k], model_path_own(l, k));
    if (at == SIZE_MAX)
        return;
    size_t j;
    if (model_path_match(l, k + 1, "host-inbound-traffic system-services", &j)) {
        jz_admit(&jz_state(x)->zones[at].admit, l, j - 1);
    } else if (model_path_eq(l, k + 1, "interfaces") && k + 2 < l->n) {
        struct jz_if *f = jz_if(x, at, l->tok[k + 2], model_path_own(l, k + 2));
        if (f && model_path_match(l, k + 3, "host-inbound-traffic system-services", &j))
            jz_admit(&f->own, l, j - 1);
    }
}

static struct jz_pol *jz_pol(struct jx *x, struct sv from, struct sv name, const struct cfg_node *n)
{
    struct jzones *z = jz_state(x);
    for (size_t i = 0; i < z->npols; i++)
        if (sv_same(z->pols[i].from, from) && sv_same(z->pols[i].name, name))
            return &z->pols[i];
    if (z->npols >= JZ_MAX) {
        z->overflow = true;
        return NULL;
    }
    struct jz_pol *p = MODEL_PUSH(x->a, z->pols, z->npols);
    p->from = from;
    p->name = name;
    p->node = n;
    return p;
}

/* "match F V..." and "then A" of a policy to junos-host, from k. */
static void jz_pol_stmt(struct jz_pol *p, const struct model_path *l, size_t k)
{
    static const struct {
        const char *word;
        unsigned field;
    } fields[] = {
        {"source-address", JZ_SRC}, {"destination-address", JZ_DST}, {"application", JZ_APP}};
    if (model_path_eq(l, k, "then") && k + 1 < l->n) {
        struct sv a = l->tok[k + 1];
        int act = sv_eq_cstr(a, "permit")                            ? 1
                  : sv_eq_cstr(a, "deny") || sv_eq_cstr(a, "reject") ? 2
                                                                     : 0;
        if (act && !p->action) {
            p->action = act;
            p->then_node = l->node;
        }
        return;
    }
    if (!model_path_eq(l, k, "match") || k + 1 >= l->n)
        return;
    unsigned field = JZ_ALL; /* any other condition narrows every field */
    for (size_t i = 0; i < ARRAY_SIZE(fields); i++)
        if (model_path_eq(l, k + 1, fields[i].word))
            field = fields[i].field;
    if (field == JZ_ALL) {
        p->other |= JZ_ALL;
        return;
    }
    for (size_t j = k + 2; j < l->n; j++)
        *(sv_eq_cstr(l->tok[j], "any") ? &p->any : &p->other) |= field;
}

void jz_statement(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 1, "zones security-zone", &k) && k < l->n) {
        jz_zones(x, l, k);
    } else if (model_path_match(l, 1, "policies from-zone * to-zone junos-host policy", &k) &&
               k < l->n) {
        struct jz_pol *p = jz_pol(x, l->tok[3], l->tok[k], model_path_own(l, k));
        if (p)
            jz_pol_stmt(p, l, k + 1);
    } else if (model_path_match(l, 1, "policies global", &k)) {
        struct jzones *z = jz_state(x);
        if (!z->global_node)
            z->global_node = model_path_own(l, k - 1);
    }
}

/* ------------------------------------------------------------ finish */

/* J-Web limited to other interfaces than member? */
static bool jz_web_elsewhere(const struct jx *x, const char *name, const char *member)
{
    size_t tls = strcmp(name, "https") == 0;
    if ((!tls && strcmp(name, "http") != 0) || x->nweb_ifs[tls] == 0)
        return false;
    for (size_t j = 0; j < x->nweb_ifs[tls]; j++)
        if (strcmp(x->web_ifs[tls][j], member) == 0)
            return false;
    return true;
}

/* Is the management service of mgmt_svcs[i] running on interface member? */
static bool jz_running(const struct jx *x, size_t i, const char *member)
{
    const struct device_model *m = x->m;
    const char *name = mgmt_svcs[i].name;
    if (jz_web_elsewhere(x, name, member))
        return false;
    if (strcmp(name, "ssh") == 0)
        return x->ssh_node != NULL;
    if (strcmp(name, "telnet") == 0)
        return m->telnet_server.state == FACT_ON;
    if (strcmp(name, "snmp") == 0)
        return m->snmp.enabled.state == FACT_ON;
    for (size_t j = 0; j < m->nservices; j++)
        if (strcmp(m->services[j].name, mgmt_svcs[i].service) == 0 &&
            m->services[j].state.state == FACT_ON)
            return true;
    return false;
}

/* The management services one level admits that run on interface member
 * ("ssh telnet"), NULL none. */
static const char *jz_admitted(struct jx *x, const struct jz_admit *a, const char *member,
                               const struct cfg_node **ev)
{
    uint32_t bits = (a->all ? (1u << JZ_NSVC) - 1 : a->admit) & ~a->except;
    const char *out = NULL;
    for (size_t i = 0; i < JZ_NSVC; i++) {
        if (!(bits & (1u << i)) || !jz_running(x, i, member))
            continue;
        if (!*ev)
            *ev = a->node[i] ? a->node[i] : a->all_node;
        out = out ? arena_printf(x->a, "%s %s", out, mgmt_svcs[i].name) : mgmt_svcs[i].name;
    }
    return out;
}

/* Does traffic from zone `name` to the device meet a policy that drops it all? */
static void jz_self_denied(const struct jzones *z, struct sv name, struct fact_bool *f)
{
    bool any = false;
    for (size_t i = 0; i < z->npols; i++) {
        const struct jz_pol *p = &z->pols[i];
        if (!sv_same(p->from, name) || !p->action)
            continue;
        any = true;
        if (p->action == 1) {
            fact_set(f, FACT_UNKNOWN, p->node);
            f->why = "a policy to junos-host permits part of the traffic to the device";
            return;
        }
        if (p->any == JZ_ALL && !p->other) {
            fact_set(f, FACT_ON, p->node);
            fact_lines_add(&f->ev, p->then_node);
            return;
        }
    }
    if (any) {
        fact_unknown(f, "the policies to junos-host deny only part of the traffic to the device");
    } else if (z->global_node) {
        fact_set(f, FACT_UNKNOWN, z->global_node);
        f->why = "global security policies, which may match traffic to junos-host, are not read";
    } else {
        fact_default(f, FACT_OFF,
                     "no active policy to junos-host: host-inbound-traffic alone decides");
    }
}

void jx_finish_zones(struct jx *x)
{
    const struct jzones *z = x->zones;
    if (!z)
        return;
    struct device_model *m = x->m;
    m->zones = arena_alloc(x->a, (z->nzones ? z->nzones : 1) * sizeof(*m->zones));
    for (size_t i = 0; i < z->nzones; i++) {
        struct security_zone *sz = &m->zones[m->nzones++];
        sz->name = dup_unq(x, z->zones[i].name);
        sz->node = z->zones[i].node;
        jz_self_denied(z, z->zones[i].name, &sz->self_denied);
        if (z->overflow)
            fact_unknown(&sz->self_denied, "more zones, zone interfaces or policies to junos-host "
                                           "than are read (4096 each): the rest are not judged");
    }
    for (size_t i = 0; i < z->nifs; i++) {
        const struct jz_if *f = &z->ifs[i];
        struct security_zone *sz = &m->zones[f->zone];
        struct zone_member *zm = MODEL_PUSH(x->a, sz->members, sz->nmembers);
        zm->name = dup_unq(x, f->name);
        zm->node = f->node;
        /* the interface's own host-inbound-traffic replaces the zone's */
        const struct jz_admit *a = f->own.seen ? &f->own : &z->zones[f->zone].admit;
        zm->admitted = jz_admitted(x, a, zm->name, &zm->admit_node);
    }
}
