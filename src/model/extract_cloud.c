/*
 * extract_cloud.c - the cloud family extractor: AWS, Azure, Google Cloud and
 * Terraform JSON exports into the cloud part of the security model.
 *
 * The per-provider readers (extract_cloud_<provider>.c) turn each export's
 * objects into groups, rules, networks and flow logs with the builders here;
 * this file reads the JSON tree back (member names, decoded values), resolves
 * flow logs against the networks once every document is read, and names the
 * device after the account the export belongs to.
 */
#include "model/cloud_int.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Caps on what one export may add (hostile or enormous input stays bounded). */
#define CLOUD_MAX_GROUPS 200000
#define CLOUD_MAX_RULES 1000000
#define CLOUD_MAX_PEERS 4096 /* per rule */
#define CLOUD_MAX_NETWORKS 200000
#define CLOUD_MAX_LOGS 200000
#define CLOUD_MAX_TAGS 256 /* per group, tags and attachments each */

static const char *const group_kind_names[] = {
    [CLOUD_SECURITY_GROUP] = "security-group",
    [CLOUD_NETWORK_ACL] = "network-acl",
    [CLOUD_NSG] = "nsg",
    [CLOUD_FIREWALL] = "firewall-rule",
};

const char *cloud_group_kind_name(enum cloud_group_kind k)
{
    return (unsigned)k < ARRAY_SIZE(group_kind_names) ? group_kind_names[k] : "group";
}

/* ------------------------------------------------------------ JSON tree */

/* Length of the path part of a node's text (before " = "), from offset from. */
static size_t path_end(const struct cfg_node *n, size_t from)
{
    const char *s = n->text;
    size_t i = from;
    while (i < n->len) {
        if (s[i] == '[' && i + 1 < n->len && s[i + 1] == '"') {
            /* A quoted member name: skip to its closing quote. */
            for (i += 2; i < n->len && s[i] != '"'; i++)
                if (s[i] == '\\')
                    i++;
            i += 2; /* the quote and the ']' */
            continue;
        }
        if (s[i] == ' ')
            break;
        i++;
    }
    return i < n->len ? i : n->len;
}

/* Where n's own segment starts: after its parent's path ("$" at the top). */
static size_t own_start(const struct cfg_node *n)
{
    return n->parent ? path_end(n->parent, 0) : 1;
}

struct sv cj_key(const struct cfg_node *n)
{
    size_t s = own_start(n), e = path_end(n, s);
    if (s >= e || s >= n->len)
        return sv_make("", 0);
    const char *p = n->text + s;
    size_t len = e - s;
    if (p[0] == '.')
        return sv_make(p + 1, len - 1);
    if (len >= 4 && p[0] == '[' && p[1] == '"')
        return sv_make(p + 2, len - 4); /* escapes stay escaped: names we look for have none */
    return sv_make("", 0);
}

bool cj_is(const struct cfg_node *n, const char *key)
{
    struct sv k = cj_key(n);
    return k.n == strlen(key) && memcmp(k.p, key, k.n) == 0;
}

bool cj_container(const struct cfg_node *n)
{
    return path_end(n, own_start(n)) >= n->len;
}

const struct cfg_node *cj_get(const struct cfg_tree *t, const struct cfg_node *obj, const char *key)
{
    for (const struct cfg_node *c = obj ? obj->child : t->first; c; c = c->next)
        if (cj_is(c, key))
            return c;
    return NULL;
}

const char *cj_text(struct arena *a, const struct cfg_node *n)
{
    if (!n)
        return NULL;
    size_t e = path_end(n, own_start(n));
    if (e + 3 > n->len || memcmp(n->text + e, " = ", 3) != 0)
        return NULL;
    const char *v = n->text + e + 3;
    size_t vn = n->len - e - 3;
    json_error_t err;
    json_t *j = json_loadb(v, vn, JSON_DECODE_ANY, &err);
    if (!j)
        return NULL;
    const char *out = NULL;
    if (json_is_string(j))
        out = arena_strndup(a, json_string_value(j), json_string_length(j));
    else if (json_is_number(j) || json_is_boolean(j))
        out = arena_strndup(a, v, vn);
    json_decref(j);
    return out;
}

const char *cj_str(const struct cfg_tree *t, const struct cfg_node *obj, const char *key)
{
    return cj_text(t->arena, cj_get(t, obj, key));
}

bool cj_long(const struct cfg_tree *t, const struct cfg_node *obj, const char *key, long *out)
{
    const char *s = cj_str(t, obj, key);
    if (!s || !*s)
        return false;
    char *end;
    double d = strtod(s, &end);
    if (*end || d < -2147483648.0 || d > 2147483647.0)
        return false;
    *out = (long)d;
    return true;
}

int cj_bool(const struct cfg_tree *t, const struct cfg_node *obj, const char *key)
{
    const char *s = cj_str(t, obj, key);
    if (!s)
        return -1;
    if (!strcmp(s, "true"))
        return 1;
    if (!strcmp(s, "false"))
        return 0;
    return -1;
}

/* -------------------------------------------------------------- builders */

struct cloud_group *cloud_add_group(struct cloud_ctx *c, enum cloud_group_kind kind,
                                    const char *provider, const char *id, const char *name,
                                    const struct cfg_node *node)
{
    struct cloud_facts *cf = &c->m->cloud;
    if (cf->ngroups >= CLOUD_MAX_GROUPS)
        return NULL;
    struct cloud_group *g = MODEL_PUSH(c->a, cf->groups, cf->ngroups);
    g->kind = kind;
    g->provider = provider;
    g->id = id ? id : name;
    g->name = name;
    g->node = node;
    cf->has_groups = true;
    return g;
}

struct cloud_group *cloud_find_group(struct cloud_ctx *c, enum cloud_group_kind kind,
                                     const char *id_or_name)
{
    struct cloud_facts *cf = &c->m->cloud;
    for (size_t i = 0; id_or_name && i < cf->ngroups; i++) {
        struct cloud_group *g = &cf->groups[i];
        if (g->kind == kind && ((g->id && !strcasecmp(g->id, id_or_name)) ||
                                (g->name && !strcmp(g->name, id_or_name))))
            return g;
    }
    return NULL;
}

struct cloud_rule *cloud_add_rule(struct cloud_ctx *c, const struct cloud_group *g, bool ingress,
                                  bool allow, const struct cfg_node *node)
{
    struct cloud_facts *cf = &c->m->cloud;
    if (!g || cf->nrules >= CLOUD_MAX_RULES)
        return NULL;
    struct cloud_rule *r = MODEL_PUSH(c->a, cf->rules, cf->nrules);
    r->group = (size_t)(g - cf->groups);
    r->ingress = ingress;
    r->allow = allow;
    r->priority = CLOUD_PRIORITY_NONE;
    r->proto = CLOUD_PROTO_ALL;
    r->port_lo = 0;
    r->port_hi = 65535;
    r->node = node;
    return r;
}

void cloud_rule_peer(struct cloud_ctx *c, struct cloud_rule *r, const char *text,
                     const struct cfg_node *node)
{
    if (!r || !text || !*text || r->npeers >= CLOUD_MAX_PEERS)
        return;
    struct cloud_peer *p = MODEL_PUSH(c->a, r->peers, r->npeers);
    p->node = node;
    if (!strcmp(text, "*") || !strcasecmp(text, "Internet") || !strcasecmp(text, "Any")) {
        p->any = true;
        p->ref = text;
        return;
    }
    struct ip_prefix a = model_parse_addr(sv_make(text, strlen(text)));
    if (a.af) {
        p->addr = a;
        p->any = a.len == 0;
    } else {
        p->ref = text;
    }
}

int cloud_proto(const char *s)
{
    static const struct {
        const char *name;
        int num;
    } names[] = {
        {"-1", CLOUD_PROTO_ALL},
        {"all", CLOUD_PROTO_ALL},
        {"*", CLOUD_PROTO_ALL},
        {"tcp", 6},
        {"udp", 17},
        {"icmp", 1},
        {"icmpv6", 58},
        {"esp", 50},
        {"ah", 51},
        {"sctp", 132},
        {"ipip", 4},
        {"gre", 47},
    };
    if (!s)
        return CLOUD_PROTO_ALL;
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (!strcasecmp(s, names[i].name))
            return names[i].num;
    char *end;
    long v = strtol(s, &end, 10);
    if (*s && !*end && v >= 0 && v <= 255)
        return (int)v;
    return -2; /* unknown name: matches no port probe */
}

bool cloud_ports(const char *s, long *lo, long *hi)
{
    *lo = 0;
    *hi = 65535;
    if (!s || !*s || !strcmp(s, "*"))
        return true;
    char *end;
    long a = strtol(s, &end, 10), b = a;
    if (end == s)
        return false;
    if (*end == '-') {
        const char *q = end + 1;
        b = strtol(q, &end, 10);
        if (end == q)
            return false;
    }
    if (*end || a < 0 || b > 65535 || a > b)
        return false;
    *lo = a;
    *hi = b;
    return true;
}

static void push_str(struct cloud_ctx *c, const char ***arr, size_t *n, const char *s)
{
    if (!s || *n >= CLOUD_MAX_TAGS)
        return;
    *MODEL_PUSH(c->a, *arr, *n) = s;
}

void cloud_add_tag(struct cloud_ctx *c, struct cloud_group *g, const char *tag)
{
    if (g)
        push_str(c, &g->tags, &g->ntags, tag);
}

void cloud_add_attached(struct cloud_ctx *c, struct cloud_group *g, const char *what)
{
    if (g)
        push_str(c, &g->attached, &g->nattached, what);
}

struct cloud_network *cloud_find_network(struct cloud_ctx *c, const char *id)
{
    if (!id)
        return NULL;
    size_t i = model_nmap_get(&c->network_ix, sv_make(id, strlen(id)), sv_make("", 0));
    return i == SIZE_MAX ? NULL : &c->m->cloud.networks[i];
}

struct cloud_network *cloud_add_network(struct cloud_ctx *c, const char *kind, const char *id,
                                        const char *name, const struct cfg_node *node)
{
    struct cloud_facts *cf = &c->m->cloud;
    struct cloud_network *n = cloud_find_network(c, id);
    if (n)
        return n;
    if (cf->nnetworks >= CLOUD_MAX_NETWORKS)
        return NULL;
    n = MODEL_PUSH(c->a, cf->networks, cf->nnetworks);
    n->kind = kind;
    n->id = id;
    n->name = name;
    n->node = node;
    if (id)
        model_nmap_put(c->a, &c->network_ix, sv_make(id, strlen(id)), sv_make("", 0),
                       cf->nnetworks - 1);
    return n;
}

void cloud_add_flow_log(struct cloud_ctx *c, const char *target, bool enabled,
                        const struct cfg_node *node)
{
    c->m->cloud.has_flow_log_list = true;
    if (!target || c->nlogs >= CLOUD_MAX_LOGS)
        return;
    struct cloud_flow_log *l = MODEL_PUSH(c->a, c->logs, c->nlogs);
    l->target = target;
    l->enabled = enabled;
    l->node = node;
}

const char *cloud_basename(struct cloud_ctx *c, const char *s)
{
    if (!s)
        return NULL;
    const char *slash = strrchr(s, '/');
    return slash ? arena_strdup(c->a, slash + 1) : s;
}

/* ------------------------------------------------------ flow-log coverage */

/* Lower-cased arena copy (resource ids compare without case). */
static char *lower(struct arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    for (size_t i = 0; i < n; i++)
        d[i] = (char)tolower((unsigned char)s[i]);
    return d;
}

/* The index of logs by lower-cased target, built once all are read. */
static void index_logs(struct cloud_ctx *c)
{
    for (size_t i = 0; i < c->nlogs; i++) {
        const char *k = lower(c->a, c->logs[i].target, strlen(c->logs[i].target));
        struct sv key = sv_make(k, strlen(k)), none = sv_make("", 0);
        size_t at = model_nmap_get(&c->log_ix, key, none);
        /* An enabled log for a target wins over a disabled one. */
        if (at == SIZE_MAX || (!c->logs[at].enabled && c->logs[i].enabled))
            model_nmap_put(c->a, &c->log_ix, key, none, i);
    }
}

/* The log for id or for a resource containing it (a VNet's id starts its
 * subnets' ids): id and each of its prefixes cut at a '/' are looked up.
 * An enabled log wins; else a disabled one; else NULL. */
static const struct cloud_flow_log *log_for(struct cloud_ctx *c, const char *id,
                                            const struct cloud_flow_log *off)
{
    if (!id)
        return off;
    size_t n = strlen(id);
    const char *k = lower(c->a, id, n);
    for (size_t len = n; len > 0; len--) {
        if (len < n && k[len] != '/')
            continue;
        size_t at = model_nmap_get(&c->log_ix, sv_make(k, len), sv_make("", 0));
        if (at == SIZE_MAX)
            continue;
        if (c->logs[at].enabled)
            return &c->logs[at];
        off = off ? off : &c->logs[at];
    }
    return off;
}

/* The log covering a network: by its id, its name, or (an NSG) a subnet or
 * interface it is attached to. */
static const struct cloud_flow_log *covering_log(struct cloud_ctx *c, const struct cloud_network *n)
{
    const struct cloud_group *g = n->group ? &c->m->cloud.groups[n->group - 1] : NULL;
    const struct cloud_flow_log *l = log_for(c, n->id, NULL);
    if (!l || !l->enabled)
        l = log_for(c, n->name, l);
    for (size_t k = 0; g && (!l || !l->enabled) && k < g->nattached; k++)
        l = log_for(c, g->attached[k], l);
    return l;
}

/* Decide every network's flow_logs fact that the reader left untouched. */
static void resolve_flow_logs(struct cloud_ctx *c)
{
    struct cloud_facts *cf = &c->m->cloud;
    index_logs(c);
    for (size_t i = 0; i < cf->nnetworks; i++) {
        struct cloud_network *n = &cf->networks[i];
        if (n->flow_logs.state != FACT_UNKNOWN || n->flow_logs.why)
            continue;
        if (!cf->has_flow_log_list) {
            fact_unknown(&n->flow_logs,
                         arena_printf(c->a, "the export holds no list of flow logs (%s)",
                                      cf->flow_log_source ? cf->flow_log_source
                                                          : "the provider's flow-log list"));
            continue;
        }
        const struct cloud_flow_log *l = covering_log(c, n);
        if (l) {
            fact_set(&n->flow_logs, l->enabled ? FACT_ON : FACT_OFF, l->node);
        } else {
            fact_set(&n->flow_logs, FACT_OFF, n->node);
            n->flow_logs.why = "no flow log names it";
        }
    }
}

/* --------------------------------------------------------------- extract */

void model_extract_cloud(const struct cfg_tree *t, struct device_model *m)
{
    struct cloud_ctx c = {.t = t, .m = m, .a = t->arena};
    m->dialect = t->dialect;
    m->cloud.present = true;
    switch (t->dialect) {
    case DIALECT_AWS:
        m->platform = "Amazon Web Services";
        cloud_read_aws(&c);
        break;
    case DIALECT_AZURE:
        m->platform = "Microsoft Azure";
        cloud_read_azure(&c);
        break;
    case DIALECT_GCP:
        m->platform = "Google Cloud";
        cloud_read_gcp(&c);
        break;
    case DIALECT_TERRAFORM:
        m->platform = "Terraform";
        cloud_read_terraform(&c);
        break;
    default:
        break;
    }
    resolve_flow_logs(&c);
    if (m->cloud.account)
        m->hostname = arena_printf(t->arena, "%s:%s", dialect_name(t->dialect), m->cloud.account);
    /* A cloud export has no device services: say so rather than leave them unknown. */
    fact_unknown(&m->telnet_server, "a cloud export describes network filters, not a device");
    fact_unknown(&m->ssh.enabled, "a cloud export describes network filters, not a device");
}
