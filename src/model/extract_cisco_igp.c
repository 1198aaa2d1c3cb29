/*
 * extract_cisco_igp.c - OSPF, OSPFv3, IS-IS and EIGRP processes, their
 * interfaces, passive defaults and authentication, and key chains.
 */
#include "model/extract_cisco.h"

#include <string.h>
#include <strings.h>

/* ------------------------------------------------------------ IGPs */

static struct cigp *igp_proc(struct cx *x, int proto, struct sv name, const struct cfg_node *n)
{
    for (size_t i = 0; i < x->nigps; i++)
        if (x->igps[i].proto == proto && sv_same(x->igps[i].name, name))
            return &x->igps[i];
    if (!cap_ok(x->nigps))
        return NULL;
    struct cigp *g = MODEL_PUSH(x->a, x->igps, x->nigps);
    g->proto = proto;
    g->name = name;
    g->node = n;
    return g;
}

static struct cigp_if *igp_if(struct cx *x, int proto, struct sv ifname, struct sv instance,
                              const struct cfg_node *n)
{
    /* an interface's entries are contiguous: stop at the first of another interface */
    for (size_t i = x->nigp_ifs; i-- > 0;) {
        struct cigp_if *f = &x->igp_ifs[i];
        if (x->cur_if != SIZE_MAX && f->ifidx != x->cur_if)
            break;
        if (f->proto == proto && sv_same(f->ifname, ifname) &&
            (sv_same(f->instance, instance) || f->instance.n == 0 || instance.n == 0)) {
            if (f->instance.n == 0)
                f->instance = instance;
            return f;
        }
    }
    if (!cap_ok(x->nigp_ifs))
        return NULL;
    struct cigp_if *f = MODEL_PUSH(x->a, x->igp_ifs, x->nigp_ifs);
    f->proto = proto;
    f->ifname = ifname;
    f->instance = instance;
    f->node = n;
    f->ifidx = x->cur_if;
    if (proto == 0 && x->cur_if != SIZE_MAX && x->if_ospf[x->cur_if] == SIZE_MAX)
        x->if_ospf[x->cur_if] = x->nigp_ifs - 1;
    return f;
}

/* Authentication words inside an OSPF/IS-IS block (XR style): returns 1 strong, 2 weak,
 * 3 explicitly none, 0 nothing. */
static int igp_auth_word(struct cx *x, struct sv s, const struct cfg_node *n)
{
    if (starts(s, "authentication")) {
        struct sv a = tk(s, 1);
        if (sv_eq_cstr(a, "null"))
            return 3;
        if (sv_eq_cstr(a, "message-digest") || sv_eq_cstr(a, "keychain") ||
            sv_eq_cstr(a, "key-chain") || sv_eq_cstr(a, "mode") || sv_eq_cstr(a, "ipsec"))
            return (sv_eq_cstr(a, "mode") && sv_eq_cstr(tk(s, 2), "text")) ? 2 : 1;
        if (a.n == 0)
            return 2;
        return 0;
    }
    if (starts(s, "message-digest-key")) {
        model_add_secret(x->a, x->m, "ospf-key", cx_cisco_secret(x, s, 3, n, NULL));
        return 0;
    }
    if (starts(s, "authentication-key")) {
        model_add_secret(x->a, x->m, "ospf-key", cx_cisco_secret(x, s, 1, n, NULL));
        return 0;
    }
    if (starts(s, "hello-password") || starts(s, "lsp-password") || starts(s, "area-password") ||
        starts(s, "domain-password")) {
        struct sv a = tk(s, 1);
        bool hmac = sv_starts_with(a, "hmac") || sv_eq_cstr(a, "keychain");
        if (sv_eq_cstr(a, "keychain"))
            return 1; /* names a key chain; its keys are recorded by h_key_chain */
        size_t i = 1;
        if (sv_eq_cstr(a, "hmac-md5") || sv_eq_cstr(a, "text"))
            i = 2;
        model_add_secret(x->a, x->m, "isis-key", cx_cisco_secret(x, s, i, n, NULL));
        return hmac ? 1 : 2;
    }
    return 0;
}

/* Interface blocks inside an XR OSPF area or IS-IS process. */
static void igp_block_if(struct cx *x, struct cigp *g, const struct cfg_node *n, struct sv area,
                         int inherited, const struct cfg_node *inherited_node)
{
    struct sv ifname = tk(cfg_text(n), 1);
    struct cigp_if *f = igp_if(x, g->proto, ifname, g->name, n);
    if (!f)
        return;
    f->bound = true;
    f->area = area;
    f->passive = g->passive_default;
    int auth = inherited;
    const struct cfg_node *auth_node = inherited_node;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        int w = igp_auth_word(x, t, c);
        if (w) {
            auth = w;
            auth_node = c;
        }
        if (starts(t, "passive"))
            f->passive = !sv_eq_cstr(tk(t, 1), "disable");
        for (const struct cfg_node *d = c->child; d; d = d->next) { /* address-family blocks */
            if (!active(d))
                continue;
            int w2 = igp_auth_word(x, cfg_text(d), d);
            if (w2) {
                auth = w2;
                auth_node = d;
            }
        }
    }
    f->authed = auth == 1;
    f->weak = auth == 2;
    if (auth_node)
        f->auth_node = auth_node;
}

/* Process-level statements after the authentication words: the process, the
 * statement, its text and the process's authentication so far (1 strong). A
 * handler returns false when the statement is not its after all. */
typedef bool cx_igp_fn(struct cx *x, struct cigp *g, const struct cfg_node *c, struct sv t,
                       int *proc_auth);

/* NX-OS IS-IS authentication-type / authentication key-chain */
static bool proc_auth_nxos(struct cx *x, struct cigp *g, const struct cfg_node *c, struct sv t,
                           int *proc_auth)
{
    if (!g->proc_auth)
        g->proc_auth = c;
    *proc_auth = 1;
    return true;
}

static bool proc_passive_default(struct cx *x, struct cigp *g, const struct cfg_node *c,
                                 struct sv t, int *proc_auth)
{
    g->passive_default = true;
    return true;
}

static bool proc_passive_if(struct cx *x, struct cigp *g, const struct cfg_node *c, struct sv t,
                            int *proc_auth)
{
    *(struct sv *)MODEL_PUSH(x->a, g->passive, g->npassive) = tk(t, 1);
    return true;
}

/* area A authentication [message-digest|ipsec] */
static bool proc_area_auth(struct cx *x, struct cigp *g, const struct cfg_node *c, struct sv t,
                           int *proc_auth)
{
    if (!tk_is(t, 2, "authentication"))
        return false;
    bool md = tk_is(t, 3, "message-digest") || tk_is(t, 3, "ipsec");
    if (md)
        *MODEL_PUSH(x->a, g->auth_areas, g->nauth_areas) = (struct cigp_area){tk(t, 1), c};
    else
        *MODEL_PUSH(x->a, g->weak_areas, g->nweak_areas) = tk(t, 1);
    return true;
}

/* EIGRP "network A" with no mask covers A's classful network. */
static void classful(struct ip_prefix *p)
{
    unsigned first = p->addr[0];
    p->len = first < 128 ? 8 : first < 192 ? 16 : 24;
}

/* network A M area X (IOS, EOS) / network A/L area X (NX-OS, EOS) /
 * network A [WILDCARD] (EIGRP) */
static bool proc_network(struct cx *x, struct cigp *g, const struct cfg_node *c, struct sv t,
                         int *proc_auth)
{
    struct cigp_net net = {0};
    struct sv a = tk(t, 1), b = tk(t, 2);
    bool ok;
    if (cx_sv_is_dotted(b)) {
        /* ASA writes a netmask where IOS writes a wildcard */
        ok = ip_prefix_from_mask(a, b, x->d != DIALECT_CISCO_ASA, &net.pfx);
        net.area = tk(t, 4);
    } else {
        net.pfx = model_parse_addr(a);
        ok = net.pfx.af != 0;
        net.area = tk(t, 3);
        if (ok && g->proto == 3 && b.n == 0 && net.pfx.af == 4)
            classful(&net.pfx);
    }
    if (ok)
        *MODEL_PUSH(x->a, g->nets, g->nnets) = net;
    return true;
}

struct igp_proc_row {
    struct cx_key key;
    cx_igp_fn *fn;
};

static const struct igp_proc_row igp_proc_rows[] = {
    {{"authentication-type", 0, CX_POS, CX_WORDS}, proc_auth_nxos},
    {{"authentication key-chain", 0, CX_POS, CX_WORDS}, proc_auth_nxos},
    {{"passive-interface default", 0, CX_POS, CX_WORDS}, proc_passive_default},
    {{"passive enable", 0, CX_POS, CX_WORDS}, proc_passive_default},
    {{"passive", 0, CX_POS, CX_WHOLE}, proc_passive_default},
    {{"passive-interface", 0, CX_POS, CX_WORDS}, proc_passive_if},
    {{"area", 0, CX_POS, CX_WORDS}, proc_area_auth},
    {{"network", 0, CX_POS, CX_WORDS}, proc_network},
};

/* One process-level statement (XR inheritance needs them before the blocks). */
static void igp_proc_stmt(struct cx *x, struct cigp *g, const struct cfg_node *c, int *proc_auth)
{
    bool cneg;
    struct sv t = stmt(c, &cneg);
    if (cneg) {
        if (starts(t, "passive-interface"))
            *(struct sv *)MODEL_PUSH(x->a, g->active, g->nactive) = tk(t, 1);
        return;
    }
    int w = igp_auth_word(x, t, c);
    if (w == 1 || w == 2) {
        *proc_auth = w;
        if (w == 1 && !g->proc_auth)
            g->proc_auth = c;
        else if (w == 2 && !g->proc_weak)
            g->proc_weak = c;
        return;
    }
    CX_KEY_EACH(i, igp_proc_rows, x, t, false)
    if (igp_proc_rows[i].fn(x, g, c, t, proc_auth))
        return;
}

/* An XR area block: its authentication (inheriting the process's) and interfaces. */
static void igp_xr_area(struct cx *x, struct cigp *g, const struct cfg_node *c, int proc_auth)
{
    struct sv t = cfg_text(c);
    int area_auth = proc_auth;
    const struct cfg_node *area_node = proc_auth == 1 ? g->proc_auth : g->proc_weak;
    for (const struct cfg_node *d = c->child; d; d = d->next) {
        if (!active(d))
            continue;
        int w = igp_auth_word(x, cfg_text(d), d);
        if (w) {
            area_auth = w;
            area_node = d;
            if (w == 1)
                *MODEL_PUSH(x->a, g->auth_areas, g->nauth_areas) = (struct cigp_area){tk(t, 1), d};
        }
    }
    for (const struct cfg_node *d = c->child; d; d = d->next)
        if (active(d) && starts(cfg_text(d), "interface"))
            igp_block_if(x, g, d, tk(t, 1), area_auth, area_node);
}

/* IOS named-mode EIGRP "af-interface NAME|default": authentication mode
 * md5|hmac-sha-256 and passive-interface; "default" sets the whole family. */
static void eigrp_af_if(struct cx *x, struct cigp *g, const struct cfg_node *n)
{
    struct sv ifname = tk(cfg_text(n), 1);
    bool all = sv_eq_cstr(ifname, "default");
    struct cigp_if *f = all ? NULL : igp_if(x, 3, ifname, g->name, n);
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        bool cneg;
        struct sv t = active(c) ? stmt(c, &cneg) : sv_make("", 0);
        if (!active(c) || cneg)
            continue;
        if (starts(t, "authentication mode")) {
            if (tk_is(t, 2, "hmac-sha-256") && tk(t, 3).n)
                model_add_secret(x->a, x->m, "eigrp-key", cx_cisco_secret(x, t, 3, c, NULL));
            if (all && !g->proc_auth)
                g->proc_auth = c;
            else if (f)
                f->authed = true, f->auth_node = c;
        } else if (starts(t, "passive-interface")) {
            if (all)
                g->passive_default = true;
            else if (f)
                f->passive = true;
        }
    }
}

/* EIGRP "address-family ipv4 [unicast] [vrf V] autonomous-system N": its
 * network and passive statements belong to the process; IOS named-mode
 * af-interface blocks and IOS XR interface blocks carry the authentication. */
static void igp_eigrp_af(struct cx *x, struct cigp *g, const struct cfg_node *c, int *proc_auth)
{
    struct sv t = cfg_text(c);
    for (size_t k = 1; k + 1 < sv_token_count(t); k++)
        if (tk_is(t, k, "autonomous-system"))
            *MODEL_PUSH(x->a, g->alias, g->nalias) = tk(t, k + 1);
    for (const struct cfg_node *d = c->child; d; d = d->next) {
        if (!active(d))
            continue;
        struct sv u = cfg_text(d);
        if (starts(u, "af-interface"))
            eigrp_af_if(x, g, d);
        else if (starts(u, "interface") && d->child)
            igp_block_if(x, g, d, sv_make("", 0), *proc_auth,
                         *proc_auth == 1 ? g->proc_auth : NULL);
        else if (!d->child)
            igp_proc_stmt(x, g, d, proc_auth);
    }
}

/* router ospf N [vrf V] / router ospfv3 N / ipv6 router ospf N / router isis [TAG] /
 * router eigrp AS|NAME */
bool cx_h_router_igp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    int proto = starts(s, "router eigrp")                                     ? 3
                : starts(s, "router isis")                                    ? 2
                : starts(s, "router ospfv3") || starts(s, "ipv6 router ospf") ? 1
                                                                              : 0;
    struct sv name = starts(s, "ipv6 router") ? tk(s, 3) : tk(s, 2);
    struct cigp *g = igp_proc(x, proto, name, n);
    if (!g)
        return true;
    int proc_auth = 0;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c))
            igp_proc_stmt(x, g, c, &proc_auth);
    /* XR areas and interface blocks */
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c) || !c->child)
            continue;
        struct sv t = cfg_text(c);
        if (proto == 3 && starts(t, "address-family"))
            igp_eigrp_af(x, g, c, &proc_auth);
        else if (starts(t, "area"))
            igp_xr_area(x, g, c, proc_auth);
        else if (starts(t, "interface"))
            igp_block_if(x, g, c, sv_make("", 0), proc_auth,
                         proc_auth == 1 ? g->proc_auth : g->proc_weak);
    }
    return true;
}

/* Interface-level IGP statements (IOS, NX-OS, EOS): the row gives the
 * protocol (0 OSPF, 1 OSPFv3, 2 IS-IS), the token of the process or tag,
 * and the token of the area (0 = none). */
struct igp_if_row;
typedef void cx_igp_if_fn(struct cx *x, struct sv ifname, struct sv t, const struct cfg_node *c,
                          const struct igp_if_row *r);
struct igp_if_row {
    struct cx_key key;
    cx_igp_if_fn *fn;
    int proto;
    size_t tag, area;
};

/* ip ospf authentication [null|message-digest|key-chain|ipsec] at token k */
static void if_ospf_auth(struct cigp_if *f, struct sv t, size_t k, const struct cfg_node *c)
{
    struct sv a = tk(t, k + 1);
    if (sv_eq_cstr(a, "null")) {
        f->authed = false;
        f->weak = false;
        f->auth_node = c;
    } else if (sv_eq_cstr(a, "message-digest") || sv_eq_cstr(a, "key-chain") ||
               sv_eq_cstr(a, "ipsec")) {
        f->authed = true;
        f->weak = false;
        f->auth_node = c;
    } else if (a.n == 0) {
        if (!f->authed) {
            f->weak = true;
            f->auth_node = c;
        }
    }
}

/* ip ospf ... / ipv6 ospf ... / ospfv3 ...: the keyword is token r->tag */
static void if_ospf(struct cx *x, struct sv ifname, struct sv t, const struct cfg_node *c,
                    const struct igp_if_row *r)
{
    size_t k = r->tag;
    struct sv w = tk(t, k);
    struct cigp_if *f = NULL;
    /* ip ospf N area X; ospfv3 N ipv6|ipv4 area X */
    size_t ka = tk_is(t, k + 1, "area") ? k + 1 : tk_is(t, k + 2, "area") ? k + 2 : 0;
    if (model_sv_is_digits(w) && ka) {
        f = igp_if(x, r->proto, ifname, w, c);
        if (f) {
            f->bound = true;
            f->node = c; /* the binding is the evidence for the interface */
            f->area = tk(t, ka + 1);
        }
        return;
    }
    f = igp_if(x, r->proto, ifname, sv_make("", 0), c);
    if (!f)
        return;
    if (sv_eq_cstr(w, "authentication")) {
        if_ospf_auth(f, t, k, c);
    } else if (sv_eq_cstr(w, "message-digest-key")) {
        /* ip ospf message-digest-key N md5 [T] V */
        model_add_secret(x->a, x->m, "ospf-key", cx_cisco_secret(x, t, k + 3, c, NULL));
        if (!f->auth_node)
            f->auth_node = c;
    } else if (sv_eq_cstr(w, "authentication-key")) {
        model_add_secret(x->a, x->m, "ospf-key", cx_cisco_secret(x, t, k + 1, c, NULL));
    } else if (sv_eq_cstr(w, "passive-interface") || sv_eq_cstr(w, "passive")) {
        f->passive = true;
    }
}

/* An interface bound to a process: ip router ospf N area A (NX-OS),
 * ipv6 router ospf[v3] N, ip|ipv6 router isis [TAG], isis enable TAG */
static void if_igp_bind(struct cx *x, struct sv ifname, struct sv t, const struct cfg_node *c,
                        const struct igp_if_row *r)
{
    struct cigp_if *f = igp_if(x, r->proto, ifname, tk(t, r->tag), c);
    if (f) {
        f->bound = true;
        f->node = c; /* the binding is the evidence for the interface */
        if (r->area)
            f->area = tk(t, r->area);
    }
}

/* isis authentication|authentication-type ... */
static void if_isis_auth(struct cx *x, struct cigp_if *f, struct sv t, const struct cfg_node *c)
{
    struct sv a = tk(t, 2), b = tk(t, 3);
    bool text = sv_eq_cstr(b, "text") || sv_eq_cstr(a, "cleartext");
    if (sv_eq_cstr(a, "key") || sv_eq_cstr(a, "key-id")) {
        /* EOS key: a secret, mode set elsewhere */
        size_t i = 3;
        while (i < sv_token_count(t) && !model_sv_is_digits(tk(t, i)))
            i++;
        model_add_secret(x->a, x->m, "isis-key", cx_cisco_secret(x, t, i, c, NULL));
        return;
    }
    if (text) {
        f->weak = true;
    } else {
        f->authed = true;
        f->weak = false;
    }
    f->auth_node = c;
}

/* isis authentication|password|passive ... */
static void if_isis(struct cx *x, struct sv ifname, struct sv t, const struct cfg_node *c,
                    const struct igp_if_row *r)
{
    struct cigp_if *f = igp_if(x, 2, ifname, sv_make("", 0), c);
    if (!f)
        return;
    struct sv w = tk(t, 1);
    if (sv_eq_cstr(w, "authentication") || sv_eq_cstr(w, "authentication-type")) {
        if_isis_auth(x, f, t, c);
    } else if (sv_eq_cstr(w, "password")) {
        f->weak = !f->authed;
        f->auth_node = f->auth_node ? f->auth_node : c;
        model_add_secret(x->a, x->m, "isis-key", cx_cisco_secret(x, t, 2, c, NULL));
    } else if (sv_eq_cstr(w, "passive")) {
        f->passive = true;
    }
}

/* ip authentication mode eigrp AS md5 (IOS, NX-OS): the AS is token r->tag */
static void if_eigrp_auth(struct cx *x, struct sv ifname, struct sv t, const struct cfg_node *c,
                          const struct igp_if_row *r)
{
    struct cigp_if *f = igp_if(x, 3, ifname, tk(t, r->tag), c);
    if (f && tk(t, r->tag + 1).n) {
        f->authed = true;
        f->auth_node = c;
    }
}

/* ip passive-interface eigrp AS (NX-OS) */
static void if_eigrp_passive(struct cx *x, struct sv ifname, struct sv t, const struct cfg_node *c,
                             const struct igp_if_row *r)
{
    struct cigp_if *f = igp_if(x, 3, ifname, tk(t, r->tag), c);
    if (f)
        f->passive = true;
}

/* The first row whose words begin the statement reads it (either form). */
static const struct igp_if_row igp_if_rows[] = {
    {{"ip ospf", 0, CX_BOTH, CX_WORDS}, if_ospf, 0, 2, 0},
    {{"ipv6 ospf", 0, CX_BOTH, CX_WORDS}, if_ospf, 1, 2, 0},
    {{"ospfv3", 0, CX_BOTH, CX_WORDS}, if_ospf, 1, 1, 0},
    {{"ip router ospf", 0, CX_BOTH, CX_WORDS}, if_igp_bind, 0, 3, 5},
    {{"ipv6 router ospfv3", 0, CX_BOTH, CX_WORDS}, if_igp_bind, 1, 3, 0},
    {{"ipv6 router ospf", 0, CX_BOTH, CX_WORDS}, if_igp_bind, 1, 3, 0},
    {{"ip router isis", 0, CX_BOTH, CX_WORDS}, if_igp_bind, 2, 3, 0},
    {{"ipv6 router isis", 0, CX_BOTH, CX_WORDS}, if_igp_bind, 2, 3, 0},
    {{"isis enable", 0, CX_BOTH, CX_WORDS}, if_igp_bind, 2, 2, 0},
    {{"ip router eigrp", 0, CX_BOTH, CX_WORDS}, if_igp_bind, 3, 3, 0},
    {{"ipv6 router eigrp", 0, CX_BOTH, CX_WORDS}, if_igp_bind, 3, 3, 0},
    {{"ip authentication mode eigrp", 0, CX_BOTH, CX_WORDS}, if_eigrp_auth, 3, 4, 0},
    {{"authentication mode eigrp", 0, CX_BOTH, CX_WORDS}, if_eigrp_auth, 3, 3, 0},
    {{"ip passive-interface eigrp", 0, CX_BOTH, CX_WORDS}, if_eigrp_passive, 3, 3, 0},
    {{"ipv6 authentication mode eigrp", 0, CX_BOTH, CX_WORDS}, if_eigrp_auth, 3, 4, 0},
    {{"isis", 0, CX_BOTH, CX_WORDS}, if_isis, 2, 1, 0},
};

void cx_igp_if_stmt(struct cx *x, struct sv ifname, struct sv t, const struct cfg_node *c)
{
    size_t nr = ARRAY_SIZE(igp_if_rows);
    size_t i = cx_key_find(x, igp_if_rows, nr, sizeof(igp_if_rows[0]), 0, t, false);
    if (i < nr)
        igp_if_rows[i].fn(x, ifname, t, c, &igp_if_rows[i]);
}

static bool sv_in(const struct sv *arr, size_t n, struct sv v)
{
    for (size_t i = 0; i < n; i++)
        if (sv_same(arr[i], v))
            return true;
    return false;
}

static const struct interface *find_iface(const struct cx *x, struct sv name)
{
    size_t it = 0, pos;
    uint64_t h = hash_sv(HASH_SEED, name);
    while ((pos = cx_ix_next(&x->if_ix, h, &it)) != SIZE_MAX)
        if (sv_eq_cstr(name, x->m->interfaces[pos].name))
            return &x->m->interfaces[pos];
    return NULL;
}

/* ---------------------------------------------------- authentication algorithm */

/* The algorithm a "cryptographic-algorithm X" names (IOS hmac-sha-256, XR
 * HMAC-SHA1-12, HMAC-MD5, MD5...). */
static enum igp_alg word_alg(struct sv w)
{
    if ((w.n >= 8 && !strncasecmp(w.p, "hmac-sha", 8)) || (w.n >= 3 && !strncasecmp(w.p, "sha", 3)))
        return IGP_ALG_SHA;
    for (size_t i = 0; i + 3 <= w.n; i++)
        if (!strncasecmp(w.p + i, "md5", 3))
            return IGP_ALG_MD5;
    return IGP_ALG_UNKNOWN;
}

/* The weaker of two algorithms. */
static void alg_worse(enum igp_alg *have, const struct cfg_node **at, enum igp_alg a,
                      const struct cfg_node *n)
{
    if (a > *have) {
        *have = a;
        *at = n;
    }
}

/* Whether a statement's text holds the word (or words) w. */
static bool has_text(struct sv t, const char *w)
{
    size_t n = strlen(w);
    for (size_t i = 0; i + n <= t.n; i++)
        if (!memcmp(t.p + i, w, n))
            return true;
    return false;
}

static const struct cx_keychain *find_kchain(const struct cx *x, struct sv name)
{
    for (size_t i = 0; i < x->nkchains; i++)
        if (sv_same(x->kchains[i].name, name))
            return &x->kchains[i];
    return NULL;
}

/* The algorithm a statement's own words name ("md5", "hmac-md5", "sha256",
 * "hmac-sha-256", "message-digest" = MD5), IGP_ALG_UNSET if none. */
static enum igp_alg words_alg(struct sv t)
{
    enum igp_alg a = IGP_ALG_UNSET;
    for (size_t i = 0; i < sv_token_count(t); i++) {
        struct sv w = tk(t, i);
        enum igp_alg b = sv_eq_cstr(w, "message-digest") ? IGP_ALG_MD5 : word_alg(w);
        if (b != IGP_ALG_UNKNOWN && b > a)
            a = b;
    }
    return a;
}

/* Statements beside n in its block that set the algorithm: OSPF
 * "message-digest-key N md5|sha256 ..." (EOS takes SHA there), IS-IS and
 * EIGRP "authentication mode md5" next to a key chain. */
static enum igp_alg sibling_alg(const struct cfg_node *n, const struct cfg_node **at)
{
    enum igp_alg a = IGP_ALG_UNSET;
    const struct cfg_node *first = n->parent ? n->parent->child : NULL;
    for (const struct cfg_node *c = first; c; c = c->next) {
        struct sv t = cfg_text(c);
        bool key = has_text(t, "message-digest-key");
        bool mode = has_text(t, "authentication") && has_text(t, " mode");
        if (c != n && active(c) && (key || mode))
            alg_worse(&a, at, words_alg(t), c);
    }
    return a;
}

/* The algorithm of the statement that authenticates an adjacency: a key
 * chain's (its keys' cryptographic-algorithm, else a mode beside it), else
 * the words of the statement or of the keys beside it. */
static enum igp_alg auth_alg(const struct cx *x, const struct cfg_node *ev, const char **why,
                             const struct cfg_node **at)
{
    struct sv t = cfg_text(ev);
    *at = ev;
    for (size_t i = 0; i + 1 < sv_token_count(t); i++) {
        if (!tk_is(t, i, "keychain") && !tk_is(t, i, "key-chain"))
            continue;
        const struct cx_keychain *kc = find_kchain(x, tk(t, i + 1));
        if (kc && kc->alg != IGP_ALG_UNKNOWN && kc->alg != IGP_ALG_UNSET) {
            *at = kc->node;
            return kc->alg;
        }
        enum igp_alg mode = sibling_alg(ev, at);
        if (mode != IGP_ALG_UNSET)
            return mode;
        *why = kc ? "a key of its key chain states no cryptographic-algorithm"
                  : "its key chain is not defined here, so its algorithm is not visible";
        return IGP_ALG_UNKNOWN;
    }
    enum igp_alg a = words_alg(t), b = sibling_alg(ev, at);
    if (b == IGP_ALG_SHA && a == IGP_ALG_MD5 && has_text(t, "message-digest"))
        return IGP_ALG_SHA; /* EOS: message-digest with SHA keys */
    if (a != IGP_ALG_UNSET) {
        *at = ev;
        return a;
    }
    if (b != IGP_ALG_UNSET)
        return b;
    *at = ev;
    *why = "the authentication statement names no algorithm";
    return IGP_ALG_UNKNOWN;
}

/* Judge one participating interface of process g; updates the counters. */
struct igp_tally {
    size_t need, have;
    bool weak;
    const struct cfg_node *miss;
    enum igp_alg alg; /* the weakest algorithm of the authenticated ones */
    const struct cfg_node *alg_node;
    const char *alg_why;
};

static void tally_alg(const struct cx *x, struct igp_tally *t, const struct cfg_node *ev)
{
    if (!ev)
        return;
    const char *why = NULL;
    const struct cfg_node *at = ev;
    enum igp_alg a = auth_alg(x, ev, &why, &at);
    if (a > t->alg) {
        t->alg = a;
        t->alg_node = at;
        t->alg_why = why;
    }
}

static void igp_judge(const struct cx *x, const struct cigp *g, const struct cigp_if *f,
                      struct sv area, const struct cfg_node *itf_node, struct igp_instance *ig,
                      struct igp_tally *t)
{
    t->need++;
    bool ok = f && f->authed;
    const struct cfg_node *ev = f ? f->auth_node : NULL;
    bool explicit_none = f && f->auth_node && !f->authed && !f->weak;
    if (!ok && !explicit_none) {
        /* inherited from the area or the process */
        for (size_t k = 0; k < g->nauth_areas && !ok; k++)
            if (sv_same(g->auth_areas[k].area, area)) {
                ok = true;
                ev = g->auth_areas[k].node;
            }
        if (!ok && g->proc_auth && !(f && f->weak)) {
            ok = true;
            ev = g->proc_auth;
        }
    }
    if (!ok && ((f && f->weak) || sv_in(g->weak_areas, g->nweak_areas, area)))
        t->weak = true;
    if (ok) {
        t->have++;
        fact_lines_add(&ig->auth.ev, ev);
        tally_alg(x, t, ev);
    } else if (!t->miss) {
        t->miss = f && f->node ? f->node : itf_node;
    }
}

/* Whether the interface named ifn (or, on the ASA, nameif alias) is passive in g. */
static bool igp_passive(const struct cigp *g, const struct cigp_if *f, struct sv ifn,
                        struct sv alias)
{
    if (f && f->passive)
        return true;
    bool listed_active =
        sv_in(g->active, g->nactive, ifn) || (alias.n && sv_in(g->active, g->nactive, alias));
    bool listed_passive =
        sv_in(g->passive, g->npassive, ifn) || (alias.n && sv_in(g->passive, g->npassive, alias));
    return g->passive_default ? !listed_active : listed_passive;
}

/* The ASA names interfaces in routing statements by their nameif. */
static struct sv if_alias(const struct cx *x, const struct interface *itf)
{
    if (x->d != DIALECT_CISCO_ASA || !itf)
        return sv_make("", 0);
    const struct cfg_node *nm = cfg_child(x->t, itf->node, "nameif");
    return nm ? tk(cfg_text(nm), 1) : sv_make("", 0);
}

/* Whether an interface entry names process g (or no process at all); an
 * EIGRP process also answers to its address families' AS numbers. */
static bool igp_owns(const struct cigp *g, const struct cigp_if *c)
{
    return c->instance.n == 0 || g->name.n == 0 || sv_same(c->instance, g->name) ||
           sv_in(g->alias, g->nalias, c->instance);
}

/* The EIGRP entry of an interface for process g, if the interface has one. */
static const struct cigp_if *eigrp_if(const struct cx *x, const struct cigp *g, const char *ifn)
{
    for (size_t j = 0; j < x->nigp_ifs; j++) {
        const struct cigp_if *c = &x->igp_ifs[j];
        if (c->proto == 3 && igp_owns(g, c) && sv_eq_cstr(c->ifname, ifn))
            return c;
    }
    return NULL;
}

void cx_finish_igp(struct cx *x)
{
    static const char *const names[4] = {"ospf", "ospfv3", "isis", "eigrp"};
    struct device_model *m = x->m;
    uint32_t *mark = m->ninterfaces ? arena_alloc(x->a, m->ninterfaces * sizeof(*mark)) : NULL;
    for (size_t p = 0; p < x->nigps; p++) {
        struct cigp *g = &x->igps[p];
        if (!cap_ok(m->nigps))
            break;
        struct igp_instance *ig = MODEL_PUSH(x->a, m->igps, m->nigps);
        ig->proto = names[g->proto];
        ig->name = g->name.n ? dup(x, g->name) : names[g->proto];
        ig->node = g->node;
        struct igp_tally t = {0};
        t.weak = g->proc_weak != NULL;
        uint32_t stamp = (uint32_t)p + 1;
        /* interfaces bound to this process by name */
        for (size_t j = 0; j < x->nigp_ifs; j++) {
            const struct cigp_if *c = &x->igp_ifs[j];
            if (c->proto != g->proto || !c->bound || !igp_owns(g, c))
                continue;
            size_t idx = c->ifidx;
            if (idx == SIZE_MAX) { /* XR block: find the interface definition */
                const struct interface *itf = find_iface(x, c->ifname);
                idx = itf ? (size_t)(itf - m->interfaces) : SIZE_MAX;
            }
            const struct interface *itf = idx != SIZE_MAX ? &m->interfaces[idx] : NULL;
            if (itf) {
                if (mark[idx] == stamp)
                    continue;
                mark[idx] = stamp;
                if (itf->shutdown || itf->is_loopback)
                    continue;
            } else if (sv_starts_with(c->ifname, "Loopback") ||
                       sv_starts_with(c->ifname, "loopback")) {
                continue;
            }
            if (igp_passive(g, c, c->ifname, if_alias(x, itf)))
                continue;
            igp_judge(x, g, c, c->area, itf ? itf->node : c->node, ig, &t);
        }
        /* interfaces whose address a network statement covers (OSPF) */
        for (size_t i = 0; (g->proto == 0 || g->proto == 3) && g->nnets && i < m->ninterfaces;
             i++) {
            const struct interface *itf = &m->interfaces[i];
            if (mark[i] == stamp || x->if_addr[i].af != 4 || itf->shutdown || itf->is_loopback)
                continue;
            struct sv area = sv_make(NULL, 0);
            bool bound = false;
            for (size_t k = 0; k < g->nnets && !bound; k++)
                if (ip_prefix_contains(&g->nets[k].pfx, &x->if_addr[i])) {
                    bound = true;
                    area = g->nets[k].area;
                }
            if (!bound)
                continue;
            mark[i] = stamp;
            const struct cigp_if *f = g->proto == 3               ? eigrp_if(x, g, itf->name)
                                      : x->if_ospf[i] != SIZE_MAX ? &x->igp_ifs[x->if_ospf[i]]
                                                                  : NULL;
            if (igp_passive(g, f, sv_from_cstr(itf->name), if_alias(x, itf)))
                continue;
            igp_judge(x, g, f, area, itf->node, ig, &t);
        }
        if (t.need == 0) {
            if (g->proc_auth) {
                fact_set(&ig->auth, FACT_ON, g->proc_auth);
                tally_alg(x, &t, g->proc_auth);
            } else if (g->nauth_areas) {
                fact_set(&ig->auth, FACT_ON, g->auth_areas[0].node);
                tally_alg(x, &t, g->auth_areas[0].node);
            } else
                fact_unknown(&ig->auth, "no active (non-passive) interface found in this "
                                        "process");
        } else if (t.have == t.need) {
            ig->auth.state = FACT_ON;
        } else {
            ig->auth.ev.n = 0; /* the interface that lacks it proves the failure */
            fact_set(&ig->auth, FACT_OFF, t.miss);
            ig->auth.why = t.weak ? "cleartext or no authentication on an interface"
                                  : "an interface without authentication";
        }
        ig->alg = t.alg;
        ig->alg_node = t.alg_node;
        ig->alg_why = t.alg_why;
    }
}

/* One key of a key chain: its algorithm, IGP_ALG_UNKNOWN when it states none. */
static void key_alg(const struct cfg_node *k, struct cx_keychain *kc)
{
    const struct cfg_node *alg = NULL;
    for (const struct cfg_node *c = k->child; c && !alg; c = c->next)
        if (active(c) && starts(cfg_text(c), "cryptographic-algorithm"))
            alg = c;
    alg_worse(&kc->alg, &kc->node, alg ? word_alg(tk(cfg_text(alg), 1)) : IGP_ALG_UNKNOWN,
              alg ? alg : k);
}

/* "key chain NAME" with "key N" / "key-string [T] V". */
bool cx_h_key_chain(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct cx_keychain *kc = NULL;
    if (cap_ok(x->nkchains)) {
        kc = MODEL_PUSH(x->a, x->kchains, x->nkchains);
        *kc = (struct cx_keychain){tk(s, 2), IGP_ALG_UNSET, n};
    }
    for (const struct cfg_node *k = n->child; k; k = k->next) {
        if (!active(k))
            continue;
        if (kc && starts(cfg_text(k), "key"))
            key_alg(k, kc);
        for (const struct cfg_node *c = k->child; c; c = c->next) {
            if (!active(c))
                continue;
            struct sv t = cfg_text(c);
            if (starts(t, "key-string")) {
                if (tk_is(t, 1, "password") && x->d == DIALECT_CISCO_IOSXR) {
                    /* XR "key-string password V" stores the type 7 form; the
                     * cleartext form is "key-string clear V" */
                    struct sv v = sv_unquote(tk(t, 2));
                    if (v.n)
                        model_add_secret(
                            x->a, x->m, "key-chain",
                            model_secret(secret_is_redacted(v) ? SECRET_REDACTED : SECRET_CISCO7, v,
                                         c));
                    continue;
                }
                size_t i = tk_is(t, 1, "password") ? 2 : 1;
                model_add_secret(x->a, x->m, "key-chain", cx_cisco_secret(x, t, i, c, NULL));
            }
        }
    }
    return true;
}
