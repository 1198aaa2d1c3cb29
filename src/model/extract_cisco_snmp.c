/*
 * extract_cisco_snmp.c - SNMP communities, v3 users and groups, views
 * and the agent's on/off state.
 */
#include "model/extract_cisco.h"

/* ------------------------------------------------------------ SNMP */

static struct snmp_community *find_community(struct cx *x, struct sv name, const struct cfg_node *n)
{
    struct snmp_facts *sn = &x->m->snmp;
    name = sv_unquote(name);
    for (size_t i = 0; i < sn->ncommunities; i++)
        if (sv_same(sn->communities[i].name.value, name))
            return &sn->communities[i];
    if (!cap_ok(sn->ncommunities))
        return NULL;
    struct snmp_community *c = MODEL_PUSH(x->a, sn->communities, sn->ncommunities);
    enum secret_type ty = secret_is_redacted(name) ? SECRET_REDACTED : SECRET_PLAINTEXT;
    c->name = model_secret(ty, name, n);
    c->node = n;
    return c;
}

static void h_snmp_community(struct cx *x, const struct cfg_node *n, struct sv s)
{
    size_t i;
    struct sv name = tk_value(s, 2, &i);
    if (name.n == 0)
        return;
    if ((sv_eq_cstr(name, "0") || sv_eq_cstr(name, "7") || sv_eq_cstr(name, "encrypted") ||
         sv_eq_cstr(name, "clear")) &&
        tk(s, 3).n) {
        name = tk_value(s, 3, &i); /* typed community (XR "encrypted", IOS 0/7) */
    }
    struct snmp_community *c = find_community(x, name, n);
    if (!c)
        return;
    /* The community statement defines it (an ASA host line may have named it first). */
    if (starts(cfg_text(c->node), "snmp-server host")) {
        c->node = n;
        c->name.node = n;
    }
    size_t nt = sv_token_count(s);
    for (; i < nt; i++) {
        struct sv w = tk(s, i);
        if (model_sv_ieq(w, "ro")) {
            c->write = false;
        } else if (model_sv_ieq(w, "rw")) {
            c->write = true;
        } else if (sv_eq_cstr(w, "view") || sv_eq_cstr(w, "ipv6") || sv_eq_cstr(w, "context")) {
            i++;
        } else if (sv_eq_cstr(w, "group")) {
            struct sv g = tk(s, i + 1);
            c->write = sv_eq_cstr(g, "network-admin") || sv_eq_cstr(g, "vdc-admin");
            i++;
        } else if (sv_eq_cstr(w, "use-acl") || sv_eq_cstr(w, "use-ipv4acl") ||
                   model_sv_ieq(w, "ipv4") || sv_eq_cstr(w, "access")) {
            if (tk(s, i + 1).n) {
                c->acl_name = dup(x, tk(s, i + 1));
                model_add_mgmt_path(x->a, x->m, "snmp", c->acl_name, n);
            }
            i++;
        } else if (sv_eq_cstr(w, "SDROwner") || sv_eq_cstr(w, "SystemOwner") ||
                   sv_eq_cstr(w, "use-ipv6acl")) {
            if (sv_eq_cstr(w, "use-ipv6acl"))
                i++;
        } else if (!c->acl_name && w.n) {
            c->acl_name = dup(x, w);
            model_add_mgmt_path(x->a, x->m, "snmp", c->acl_name, n);
        }
    }
}

static const char *snmp_algo(struct cx *x, struct sv a, struct sv b, bool priv)
{
    if (a.n == 0)
        return NULL;
    if (sv_eq_cstr(a, "aes") && model_sv_is_digits(b))
        return arena_printf(x->a, "aes%.*s", (int)b.n, b.p);
    static const char *const known[] = {
        "md5",     "sha",    "sha-1",   "sha1",    "sha-224", "sha224",  "sha-256", "sha256",
        "sha-384", "sha384", "sha-512", "sha512",  "des",     "3des",    "des56",   "aes",
        "aes128",  "aes192", "aes256",  "aes-128", "aes-192", "aes-256", "aes192c", "aes256c"};
    for (size_t i = 0; i < ARRAY_SIZE(known); i++)
        if (model_sv_ieq(a, known[i]))
            return known[i];
    /* NX-OS "priv KEY": DES unless aes-128 is named */
    return priv ? "des" : NULL;
}

/* An SNMPv3 key: localized keys (0x..., "localizedkey") are hashes, not passwords. */
/* IOS "snmp-server user U G v3 encrypted auth ...": the keys are localized hashes. */
static bool snmp_user_v3_encrypted(struct sv s)
{
    size_t nt = sv_token_count(s);
    for (size_t i = 3; i + 1 < nt; i++)
        if (sv_eq_cstr(tk(s, i), "v3") && sv_eq_cstr(tk(s, i + 1), "encrypted"))
            return true;
    return false;
}

/* An SNMPv3 key; type is the storage word written before it ("encrypted",
 * "0", "7") or empty. XR "encrypted" keys are the reversible type 7 form; an
 * IOS "v3 encrypted" user (or NX-OS "localizedkey") stores localized hashes. */
static void snmp_key(struct cx *x, struct sv s, struct sv type, struct sv key, const char *kind,
                     const struct cfg_node *n)
{
    if (key.n == 0 || sv_eq_cstr(key, "localizedkey") || sv_eq_cstr(key, "access"))
        return;
    enum secret_type ty = secret_classify_shape(key, true);
    if (ty == SECRET_NONE) {
        if (sv_eq_cstr(type, "7") || (sv_eq_cstr(type, "encrypted") && x->d == DIALECT_CISCO_IOSXR))
            ty = SECRET_CISCO7;
        else if (sv_eq_cstr(type, "0"))
            ty = SECRET_PLAINTEXT;
        else if (sv_eq_cstr(type, "encrypted") || sv_starts_with(key, "0x") ||
                 model_sv_icontains(s, "localized") || snmp_user_v3_encrypted(s))
            ty = SECRET_OTHER_HASH;
        else
            ty = SECRET_PLAINTEXT;
    }
    model_add_secret(x->a, x->m, kind, model_secret(ty, key, n));
}

/* NX-OS "snmp-server user NAME [ROLE] auth ...": the role, when named. */
static const char *nxos_user_role(struct cx *x, struct sv s)
{
    static const char *const words[] = {"auth", "priv", "use-ipv4acl", "use-ipv6acl", "engineID"};
    if (tk(s, 3).n == 0)
        return NULL;
    for (size_t i = 0; i < ARRAY_SIZE(words); i++)
        if (tk_is(s, 3, words[i]))
            return NULL;
    return dup(x, tk(s, 3));
}

static void h_snmp_user(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct snmp_facts *sn = &x->m->snmp;
    struct sv name = tk(s, 2);
    if (name.n == 0 || !cap_ok(sn->nusers))
        return;
    struct snmp_user *u = NULL;
    for (size_t i = 0; i < sn->nusers; i++)
        if (sv_eq_cstr(name, sn->users[i].name))
            u = &sn->users[i];
    if (!u) {
        u = MODEL_PUSH(x->a, sn->users, sn->nusers);
        u->name = dup(x, name);
    }
    u->node = n;
    if (tk(s, 3).n && x->d != DIALECT_CISCO_NXOS)
        *MODEL_PUSH(x->a, x->snmp_groups, x->nsnmp_groups) =
            (struct cx_snmp_group){tk(s, 3), NULL, (size_t)(u - sn->users)};
    if (x->d == DIALECT_CISCO_NXOS)
        u->role = nxos_user_role(x, s);
    size_t nt = sv_token_count(s);
    bool v3 = x->d == DIALECT_CISCO_NXOS;
    for (size_t i = 3; i < nt; i++) {
        struct sv w = tk(s, i);
        if (sv_eq_cstr(w, "v3")) {
            v3 = true;
        } else if (sv_eq_cstr(w, "auth")) {
            size_t j = i + 1;
            struct sv type = tk_is(s, j, "encrypted") ? tk(s, j) : sv_make("", 0);
            if (tk_is(s, j, "encrypted"))
                j++;
            u->auth = snmp_algo(x, tk(s, j), tk(s, j + 1), false);
            struct sv key = tk(s, j + 1);
            if (tk_is(s, j + 1, "encrypted") || tk_is(s, j + 1, "0") || tk_is(s, j + 1, "7")) {
                type = tk(s, j + 1);
                key = tk(s, j + 2);
            }
            snmp_key(x, s, type, key, "snmp-auth", n);
        } else if (sv_eq_cstr(w, "priv")) {
            size_t j = i + 1;
            if (tk_is(s, j, "encrypted"))
                j++;
            u->priv = snmp_algo(x, tk(s, j), tk(s, j + 1), true);
            /* the key follows the algorithm ("aes 128 KEY"); NX-OS may omit the algorithm */
            size_t kj = j;
            if (snmp_algo(x, tk(s, j), sv_make("", 0), false) || tk_is(s, j, "aes") ||
                tk_is(s, j, "des") || tk_is(s, j, "3des"))
                kj =
                    sv_eq_cstr(tk(s, j), "aes") && model_sv_is_digits(tk(s, j + 1)) ? j + 2 : j + 1;
            struct sv ptype = sv_make("", 0);
            if (tk_is(s, kj, "encrypted") || tk_is(s, kj, "0") || tk_is(s, kj, "7"))
                ptype = tk(s, kj++);
            snmp_key(x, s, ptype, tk(s, kj), "snmp-priv", n);
        } else if ((sv_eq_cstr(w, "use-ipv4acl") || sv_eq_cstr(w, "use-acl") ||
                    (x->d == DIALECT_CISCO_IOSXR && sv_eq_cstr(w, "IPv4"))) &&
                   tk(s, i + 1).n) {
            /* NX-OS use-ipv4acl (often on a line of its own), XR "IPv4 ACL" */
            u->acl_name = dup(x, tk(s, i + 1));
            i++;
        } else if (sv_eq_cstr(w, "access") && tk(s, i + 1).n) {
            struct sv a = tk(s, i + 1);
            if ((sv_eq_cstr(a, "ipv4") || sv_eq_cstr(a, "ipv6")) && tk(s, i + 2).n)
                a = tk(s, i + 2);
            u->acl_name = dup(x, a);
        }
    }
    if (!u->auth)
        u->auth = "none"; /* v1/v2c users and v3 noauth */
    (void)v3;
    if (!u->priv)
        u->priv = "none";
}

/* Statements after "snmp-server" (positive form). A handler returns false
 * when the statement is not its after all. */
typedef bool cx_snmp_fn(struct cx *x, const struct cfg_node *n, struct sv s);

static void snmp_seen(struct cx *x, const struct cfg_node *n)
{
    if (!x->snmp_first)
        x->snmp_first = n;
}

static bool snmp_community(struct cx *x, const struct cfg_node *n, struct sv s)
{
    h_snmp_community(x, n, s);
    snmp_seen(x, n);
    return true;
}

static bool snmp_user(struct cx *x, const struct cfg_node *n, struct sv s)
{
    h_snmp_user(x, n, s);
    snmp_seen(x, n);
    return true;
}

/* snmp-server group G v3 LEVEL ... [write VIEW] [access [ipv4|ipv6] ACL] (XR "IPv4 ACL") */
static bool snmp_group(struct cx *x, const struct cfg_node *n, struct sv s)
{
    snmp_seen(x, n);
    size_t nt = sv_token_count(s);
    for (size_t i = 3; i + 1 < nt; i++)
        if (tk_is(s, i, "write"))
            fact_lines_add(&x->m->snmp.v3_write, n);
    for (size_t i = 3; i + 1 < nt; i++)
        if (tk_is(s, i, "access") || (x->d == DIALECT_CISCO_IOSXR && tk_is(s, i, "IPv4"))) {
            struct sv a = tk(s, i + 1);
            if ((sv_eq_cstr(a, "ipv4") || sv_eq_cstr(a, "ipv6")) && tk(s, i + 2).n)
                a = tk(s, i + 2);
            const char *acl = dup(x, a);
            model_add_mgmt_path(x->a, x->m, "snmp", acl, n);
            *MODEL_PUSH(x->a, x->snmp_groups, x->nsnmp_groups) =
                (struct cx_snmp_group){tk(s, 2), acl, 0};
        }
    return true;
}

/* EOS: one filter for every community and user (IPv4) */
static bool snmp_ipv4_acl(struct cx *x, const struct cfg_node *n, struct sv s)
{
    if (!tk(s, 3).n)
        return false;
    model_add_mgmt_path(x->a, x->m, "snmp", dup(x, tk(s, 3)), n);
    return true;
}

/* ASA "snmp-server host IFC ADDR ...": the ASA answers SNMP only from the
 * hosts named here, an ACL; returns the host. */
static struct sv asa_snmp_host(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct sv h = cx_asa_alias(x, tk(s, 3));
    struct acl *acl = cx_find_or_add_acl(x, SV_LIT("snmp-hosts"), n);
    if (acl && cap_ok(acl->n)) {
        struct acl_entry *e = model_acl_add_entry(x->a, acl, n);
        e->permit = true;
        e->src = model_parse_addr(h);
        e->unresolved = e->src.af == 0;
    }
    return h;
}

/* snmp-server host A [vrf V] [traps|informs] [version 1|2c|3 [sec]] ...: the
 * token where the community would be; *v3 and the XR "encrypted" form (*enc). */
static size_t host_community_at(const struct cx *x, struct sv s, bool *v3, bool *enc)
{
    size_t i = 3;
    *v3 = false;
    if (tk_is(s, i, "vrf"))
        i += 2;
    if (tk_is(s, i, "traps") || tk_is(s, i, "informs"))
        i++;
    if (tk_is(s, i, "version")) {
        *v3 = tk_is(s, i + 1, "3");
        i += 2;
        if (*v3 && (tk_is(s, i, "auth") || tk_is(s, i, "noauth") || tk_is(s, i, "priv")))
            i++;
    }
    /* XR "encrypted KEY" (type 7) or "clear KEY" */
    *enc = x->d == DIALECT_CISCO_IOSXR && tk_is(s, i, "encrypted");
    if (x->d == DIALECT_CISCO_IOSXR && (*enc || tk_is(s, i, "clear")))
        i++;
    return i;
}

/* The community (v1/v2c) of a host line is a secret to scrub from reports. */
static void host_community_secret(struct cx *x, const struct cfg_node *n, struct sv s)
{
    bool v3, enc;
    size_t i = host_community_at(x, s, &v3, &enc);
    struct sv c = tk_value(s, i, NULL);
    if (!v3 && c.n && !tk_is(s, i, "use-vrf") && !tk_is(s, i, "source-interface") &&
        !tk_is(s, i, "filter-vrf") && !tk_is(s, i, "community")) {
        enum secret_type ty = secret_is_redacted(c) ? SECRET_REDACTED
                              : enc                 ? SECRET_CISCO7
                                                    : SECRET_PLAINTEXT;
        model_add_secret(x->a, x->m, "snmp-community", model_secret(ty, c, n));
    }
}

/* "... community C ..." on a host line (ASA): a secret, and on the ASA a
 * v1/v2c community that host may use ("version 2c", or v1 by default). */
static void host_communities(struct cx *x, const struct cfg_node *n, struct sv s)
{
    size_t nt = sv_token_count(s);
    bool v3 = false;
    for (size_t i = 3; i + 1 < nt; i++)
        v3 |= tk_is(s, i, "version") && tk_is(s, i + 1, "3");
    for (size_t i = 3; i + 1 < nt; i++)
        if (tk_is(s, i, "community")) {
            struct sv c = tk(s, i + 1);
            enum secret_type ty = secret_is_redacted(c) ? SECRET_REDACTED : SECRET_PLAINTEXT;
            model_add_secret(x->a, x->m, "snmp-community", model_secret(ty, c, n));
            if (x->d != DIALECT_CISCO_ASA)
                continue;
            snmp_seen(x, n);
            if (!v3)
                find_community(x, c, n);
        }
}

static bool snmp_host(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct snmp_facts *sn = &x->m->snmp;
    struct sv h = x->d == DIALECT_CISCO_ASA ? asa_snmp_host(x, n, s) : tk(s, 2);
    if (h.n && cap_ok(sn->ntrap_hosts))
        cx_add_unique_str(x, &sn->trap_hosts, &sn->ntrap_hosts, h);
    if (x->d != DIALECT_CISCO_ASA)
        host_community_secret(x, n, s);
    host_communities(x, n, s);
    return true;
}

static const struct {
    struct cx_key key;
    cx_snmp_fn *fn;
} snmp_rows[] = {
    {{"snmp-server community", 0, CX_POS, CX_WORDS}, snmp_community},
    {{"snmp-server user", 0, CX_POS, CX_WORDS}, snmp_user},
    {{"snmp-server group", 0, CX_POS, CX_WORDS}, snmp_group},
    {{"snmp-server ipv4 access-list", 0, CX_POS, CX_WORDS}, snmp_ipv4_acl},
    {{"snmp-server host", 0, CX_POS, CX_WORDS}, snmp_host},
};

bool cx_h_snmp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (neg) {
        if (sv_eq_cstr(s, "snmp-server"))
            x->snmp_off = n;
        return true;
    }
    CX_KEY_EACH(i, snmp_rows, x, s, false)
    if (snmp_rows[i].fn(x, n, s))
        return true;
    return false;
}

/* A v3 user with no filter of its own is filtered by its group's. */
void cx_finish_snmp_groups(struct cx *x)
{
    struct snmp_facts *sn = &x->m->snmp;
    for (size_t i = 0; i < x->nsnmp_groups; i++) {
        const struct cx_snmp_group *u = &x->snmp_groups[i];
        if (u->acl || u->user >= sn->nusers || sn->users[u->user].acl_name)
            continue;
        for (size_t j = 0; j < x->nsnmp_groups; j++)
            if (x->snmp_groups[j].acl && sv_same(x->snmp_groups[j].name, u->name)) {
                sn->users[u->user].acl_name = x->snmp_groups[j].acl;
                break;
            }
    }
}

/* "rmon event N [log] [trap C] ...": RMON notifications sent with the
 * community C (IOS, NX-OS). A secret to scrub, and a string
 * SNMP-DEFAULT-COMMUNITY judges like any other community. */
bool cx_h_rmon_event(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    size_t nt = sv_token_count(s);
    for (size_t i = 3; i + 1 < nt; i++) {
        if (!tk_is(s, i, "trap"))
            continue;
        struct sv c = tk(s, i + 1);
        enum secret_type ty = secret_is_redacted(c) ? SECRET_REDACTED : SECRET_PLAINTEXT;
        struct secret sec = model_secret(ty, c, n);
        model_add_secret(x->a, x->m, "snmp-community", sec);
        struct snmp_facts *sn = &x->m->snmp;
        struct snmp_community *tc = MODEL_PUSH(x->a, sn->trap_communities, sn->ntrap_communities);
        tc->name = sec;
        tc->node = n;
        break;
    }
    return true;
}
