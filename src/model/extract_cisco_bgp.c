/*
 * extract_cisco_bgp.c - BGP neighbours, peer-groups, templates and XR
 * neighbor-groups, with inheritance settled in finish_bgp.
 */
#include "model/extract_cisco.h"

/* ------------------------------------------------------------ BGP */

/* Kinds of BGP peer sets: neighbour, peer-group / neighbor-group / EOS peer
 * group, session template / session-group, policy template / af-group,
 * NX-OS template peer. */
enum { BK_NBR = 'n', BK_GROUP = 'g', BK_SESSION = 's', BK_POLICY = 'p', BK_TEMPLATE = 't' };

struct cbgp_ref {
    char kind;
    struct sv name;
};

static struct cbgp_set *bgp_set(struct cx *x, char kind, struct sv name, struct sv vrf,
                                const struct cfg_node *n)
{
    uint64_t h = hash_sv(hash_sv(HASH_SEED + (unsigned char)kind, name), vrf);
    size_t it = 0, pos;
    while ((pos = cx_ix_next(&x->bset_ix, h, &it)) != SIZE_MAX) {
        struct cbgp_set *b = &x->bsets[pos];
        if (b->kind == kind && sv_same(b->name, name) && sv_same(b->vrf, vrf))
            return b;
    }
    if (!cap_ok(x->nbsets))
        return NULL;
    cx_ix_add(x->a, &x->bset_ix, h, x->nbsets);
    struct cbgp_set *b = MODEL_PUSH(x->a, x->bsets, x->nbsets);
    b->kind = kind;
    b->name = name;
    b->vrf = vrf;
    b->is_group = kind != BK_NBR;
    b->node = n;
    b->remote_as = -1;
    return b;
}

/* An AS number in asplain or asdot ("65000.100") notation; -1 when not one. */
static long parse_asn(struct sv w)
{
    const char *dot = memchr(w.p, '.', w.n);
    if (!dot)
        return model_sv_long(w, -1);
    long hi = model_sv_long(sv_make(w.p, (size_t)(dot - w.p)), -1);
    long lo = model_sv_long(sv_make(dot + 1, (size_t)(w.p + w.n - dot - 1)), -1);
    if (hi < 0 || lo < 0 || hi > 65535 || lo > 65535)
        return -1;
    return hi * 65536 + lo;
}

static void bgp_parent(struct cbgp_set *b, char kind, struct sv name)
{
    if (name.n == 0)
        return;
    for (size_t i = 0; i < b->nparents; i++)
        if (b->parent_kind[i] == kind && sv_same(b->parents[i], name))
            return;
    if (b->nparents < CX_MAX_PARENTS) {
        b->parent_kind[b->nparents] = kind;
        b->parents[b->nparents++] = name;
    }
    if (!b->group.n && (kind == BK_GROUP || kind == BK_TEMPLATE || kind == BK_SESSION))
        b->group = name;
}

/* A filter in one direction; kind as struct cbgp_set keeps it. A second
 * filter (another kind, or another address family's) is noted: the one
 * kept is then not the whole story. */
static void bgp_policy(struct cx *x, struct cbgp_set *b, struct sv name, struct sv dir, char kind,
                       const struct cfg_node *n)
{
    const char *p = dup(x, name);
    if (!p)
        return;
    bool in = sv_eq_cstr(dir, "in"), strong = kind == 'm';
    if (!in && !sv_eq_cstr(dir, "out"))
        return;
    const char **slot = in ? &b->in_policy : &b->out_policy;
    bool *st = in ? &b->in_strong : &b->out_strong;
    if (*slot && (strcmp(*slot, p) != 0 || *(in ? &b->in_kind : &b->out_kind) != kind))
        *(in ? &b->in_more : &b->out_more) = true;
    if (!*slot || (strong && !*st)) {
        *slot = p;
        *st = strong;
        *(in ? &b->in_kind : &b->out_kind) = kind;
        *(in ? &b->in_node : &b->out_node) = n;
    }
}

/* One BGP setting from token i of s, for a neighbour or a group. */
static void bgp_setting(struct cx *x, struct cbgp_set *b, struct sv s, size_t i,
                        const struct cfg_node *n, bool neg)
{
    struct sv w = tk(s, i), a = tk(s, i + 1), c = tk(s, i + 2);
    if (sv_eq_cstr(w, "shutdown")) {
        if (!neg)
            b->shutdown_node = n;
        return;
    }
    if (neg)
        return;
    if (sv_eq_cstr(w, "remote-as")) {
        b->remote_as = parse_asn(a);
        b->remote_as_node = n;
    } else if (sv_eq_cstr(w, "peer-group") || (sv_eq_cstr(w, "peer") && sv_eq_cstr(a, "group"))) {
        struct sv g = sv_eq_cstr(w, "peer") ? c : a;
        if (g.n == 0)
            b->is_group = true; /* "neighbor PG peer-group": the definition */
        else
            bgp_parent(b, BK_GROUP, g);
    } else if (sv_eq_cstr(w, "inherit")) {
        if (sv_eq_cstr(a, "peer-session"))
            bgp_parent(b, BK_SESSION, c);
        else if (sv_eq_cstr(a, "peer-policy"))
            bgp_parent(b, BK_POLICY, c);
        else if (sv_eq_cstr(a, "peer"))
            bgp_parent(b, BK_TEMPLATE, c);
    } else if (sv_eq_cstr(w, "use")) {
        if (sv_eq_cstr(a, "neighbor-group"))
            bgp_parent(b, BK_GROUP, c);
        else if (sv_eq_cstr(a, "session-group"))
            bgp_parent(b, BK_SESSION, c);
        else if (sv_eq_cstr(a, "af-group"))
            bgp_parent(b, BK_POLICY, c);
    } else if (sv_eq_cstr(w, "password")) {
        if (sv_eq_cstr(a, "inheritance-disable")) {
            b->auth_disabled = true;
            b->auth_node = n;
            return;
        }
        if (x->d == DIALECT_ARISTA_EOS && sv_eq_cstr(a, "shared-secret")) {
            /* "password shared-secret profile P": the keys of a profile, whose
             * lifetimes are read with the other key chains */
            b->auth_node = n;
            b->key = model_secret(SECRET_OTHER_HASH, sv_make(NULL, 0), n);
            return;
        }
        b->key = cx_cisco_secret(x, s, i + 1, n, NULL);
        b->auth_node = n;
        model_add_secret(x->a, x->m, "bgp-key", b->key);
    } else if (sv_eq_cstr(w, "ttl-security") ||
               (sv_eq_cstr(w, "ttl") && sv_eq_cstr(a, "maximum-hops"))) {
        b->gtsm_node = n;
    } else if (sv_eq_cstr(w, "maximum-prefix") || sv_eq_cstr(w, "maximum-routes")) {
        if (model_sv_long(a, 1) == 0)
            b->maxpfx_off = n;
        else
            b->maxpfx_node = n;
    } else if (sv_eq_cstr(w, "route-map") || sv_eq_cstr(w, "route-policy")) {
        bgp_policy(x, b, a, c, 'm', n);
    } else if (sv_eq_cstr(w, "prefix-list")) {
        bgp_policy(x, b, a, c, 'p', n);
    } else if (sv_eq_cstr(w, "distribute-list") || sv_eq_cstr(w, "filter-list")) {
        bgp_policy(x, b, a, c, 'o', n);
    } else if (sv_eq_cstr(w, "ao") || sv_eq_cstr(w, "keychain")) {
        b->auth_node = n; /* TCP-AO / keychain authentication */
        b->key = model_secret(SECRET_OTHER_HASH, sv_make(NULL, 0), n);
    }
}

static void bgp_walk(struct cx *x, const struct cfg_node *blk, struct cbgp_set *cur, struct sv vrf,
                     unsigned depth);

/* "redistribute connected|direct [route-map|route-policy X]" in the global
 * instance: the first one is kept. */
static void bgp_redistribute(struct cx *x, struct sv s, const struct cfg_node *c)
{
    if (x->redist_connected ||
        (!starts(s, "redistribute connected") && !starts(s, "redistribute direct")))
        return;
    x->redist_connected = c;
    for (size_t i = 2; tk(s, i).n; i++)
        if (tk_is(s, i, "route-map") || tk_is(s, i, "route-policy"))
            x->redist_map = tk(s, i + 1);
}

static void bgp_stmt(struct cx *x, const struct cfg_node *c, struct cbgp_set *cur, struct sv vrf,
                     unsigned depth)
{
    bool neg;
    struct sv s = stmt(c, &neg);
    if (cur) {
        /* inside a neighbour, group or template block (any depth) */
        if (starts(s, "neighbor"))
            goto nbr;
        bgp_setting(x, cur, s, 0, c, neg);
        if (c->child)
            bgp_walk(x, c, cur, vrf, depth + 1);
        return;
    }
    if (starts(s, "neighbor") || starts(s, "neighbour")) {
    nbr:;
        struct sv addr = tk(s, 1);
        if (addr.n == 0)
            return;
        bool is_addr = cx_sv_is_addrish(addr) || (addr.n > 0 && isdigit((unsigned char)addr.p[0]));
        /* "neighbor PG peer-group" / EOS "neighbor PG peer group" defines a group */
        bool defines =
            !is_addr &&
            ((sv_eq_cstr(tk(s, 2), "peer-group") && tk(s, 3).n == 0) ||
             (sv_eq_cstr(tk(s, 2), "peer") && sv_eq_cstr(tk(s, 3), "group") && tk(s, 4).n == 0));
        char kind = is_addr ? BK_NBR : BK_GROUP;
        struct cbgp_set *b = bgp_set(x, kind, addr, is_addr ? vrf : sv_make("", 0), c);
        if (!b)
            return;
        if (defines) {
            b->is_group = true;
            return;
        }
        if (tk(s, 2).n)
            bgp_setting(x, b, s, 2, c, neg);
        if (c->child)
            bgp_walk(x, c, b, vrf, depth + 1);
    } else if (starts(s, "template peer-session") || starts(s, "session-group")) {
        struct sv name = starts(s, "template") ? tk(s, 2) : tk(s, 1);
        struct cbgp_set *b = bgp_set(x, BK_SESSION, name, sv_make("", 0), c);
        if (b)
            bgp_walk(x, c, b, vrf, depth + 1);
    } else if (starts(s, "template peer-policy") || starts(s, "af-group")) {
        struct sv name = starts(s, "template") ? tk(s, 2) : tk(s, 1);
        struct cbgp_set *b = bgp_set(x, BK_POLICY, name, sv_make("", 0), c);
        if (b)
            bgp_walk(x, c, b, vrf, depth + 1);
    } else if (starts(s, "template peer")) {
        struct cbgp_set *b = bgp_set(x, BK_TEMPLATE, tk(s, 2), sv_make("", 0), c);
        if (b)
            bgp_walk(x, c, b, vrf, depth + 1);
    } else if (starts(s, "neighbor-group")) {
        struct cbgp_set *b = bgp_set(x, BK_GROUP, tk(s, 1), sv_make("", 0), c);
        if (b)
            bgp_walk(x, c, b, vrf, depth + 1);
    } else if (starts(s, "vrf") && c->child) {
        bgp_walk(x, c, NULL, tk(s, 1), depth + 1);
    } else if (c->child) {
        /* address-family ipv4 [vrf X] and similar containers */
        struct sv v = vrf;
        if (starts(s, "address-family") && tk_is(s, 2, "vrf"))
            v = tk(s, 3);
        bgp_walk(x, c, NULL, v, depth + 1);
    } else if (!neg && !vrf.n) {
        bgp_redistribute(x, s, c);
    }
}

static void bgp_walk(struct cx *x, const struct cfg_node *blk, struct cbgp_set *cur, struct sv vrf,
                     unsigned depth)
{
    if (depth > 16)
        return;
    for (const struct cfg_node *c = blk->child; c; c = c->next)
        if (active(c))
            bgp_stmt(x, c, cur, vrf, depth);
}

bool cx_h_router_bgp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (!x->bgp_node) {
        x->bgp_node = n;
        x->local_as = parse_asn(tk(s, 2));
    }
    bgp_walk(x, n, NULL, sv_make("", 0), 0);
    return true;
}

static const struct cbgp_set *bgp_find(const struct cx *x, char kind, struct sv name)
{
    /* groups and templates are kept without a VRF */
    uint64_t h = hash_sv(hash_sv(HASH_SEED + (unsigned char)kind, name), sv_make("", 0));
    size_t it = 0, pos;
    while ((pos = cx_ix_next(&x->bset_ix, h, &it)) != SIZE_MAX)
        if (x->bsets[pos].kind == kind && sv_same(x->bsets[pos].name, name))
            return &x->bsets[pos];
    return NULL;
}

/* One direction's filter of b into dst: a route-map wins over a prefix
 * filter; filters of two kinds both apply, which makes dst's "more". */
static void merge_policy(struct cbgp_set *dst, const struct cbgp_set *b, bool in)
{
    const char *bp = in ? b->in_policy : b->out_policy;
    const char **dp = in ? &dst->in_policy : &dst->out_policy;
    bool *dmore = in ? &dst->in_more : &dst->out_more;
    char bk = in ? b->in_kind : b->out_kind, *dk = in ? &dst->in_kind : &dst->out_kind;
    bool bs = in ? b->in_strong : b->out_strong, *ds = in ? &dst->in_strong : &dst->out_strong;
    if (in ? b->in_more : b->out_more)
        *dmore = true;
    if (!bp)
        return;
    if (*dp && *dk != bk) /* a member's own filter of the same kind overrides its group's */
        *dmore = true;
    if (!*dp || (!*ds && bs)) {
        *dp = bp;
        *ds = bs;
        *dk = bk;
        *(in ? &dst->in_node : &dst->out_node) = in ? b->in_node : b->out_node;
    }
}

/* Fill unset fields of dst from b and, recursively, from b's parents. */
static void bgp_merge(const struct cx *x, struct cbgp_set *dst, const struct cbgp_set *b,
                      unsigned depth)
{
    if (!b || depth > CX_MAX_INHERIT)
        return;
    if (dst->remote_as < 0 && b->remote_as >= 0)
        dst->remote_as = b->remote_as;
    if (!dst->auth_node && b->auth_node) {
        dst->auth_node = b->auth_node;
        dst->key = b->key;
        dst->auth_disabled = b->auth_disabled;
    }
    if (!dst->gtsm_node)
        dst->gtsm_node = b->gtsm_node;
    if (!dst->maxpfx_node && !dst->maxpfx_off) {
        dst->maxpfx_node = b->maxpfx_node;
        dst->maxpfx_off = b->maxpfx_off;
    }
    merge_policy(dst, b, true);
    merge_policy(dst, b, false);
    if (!dst->shutdown_node)
        dst->shutdown_node = b->shutdown_node;
    for (size_t i = 0; i < b->nparents; i++) {
        const struct cbgp_set *p = bgp_find(x, b->parent_kind[i], b->parents[i]);
        if (!p && b->parent_kind[i] == BK_SESSION) /* NX-OS inherit peer-session of template peer */
            p = bgp_find(x, BK_TEMPLATE, b->parents[i]);
        if (p != b)
            bgp_merge(x, dst, p, depth + 1);
    }
}

void cx_finish_bgp(struct cx *x)
{
    struct device_model *m = x->m;
    struct bgp_facts *bgp = &m->bgp;
    if (!x->bgp_node)
        return;
    bgp->configured = true;
    bgp->local_as = x->local_as;
    bgp->node = x->bgp_node;
    for (size_t i = 0; i < x->nbsets; i++) {
        const struct cbgp_set *b = &x->bsets[i];
        if (b->kind != BK_NBR || !cap_ok(bgp->nneighbors))
            continue;
        struct cbgp_set eff;
        memset(&eff, 0, sizeof(eff));
        eff.remote_as = -1;
        bgp_merge(x, &eff, b, 0);
        struct bgp_neighbor *nb = MODEL_PUSH(x->a, bgp->neighbors, bgp->nneighbors);
        nb->addr = dup(x, b->name);
        nb->vrf = b->vrf.n ? dup(x, b->vrf) : NULL;
        nb->group = b->group.n ? dup(x, b->group) : NULL;
        nb->node = b->node;
        nb->remote_as = eff.remote_as;
        nb->ebgp = eff.remote_as >= 0 && x->local_as >= 0 && eff.remote_as != x->local_as;
        nb->shutdown = eff.shutdown_node != NULL;
        if (eff.auth_node && !eff.auth_disabled) {
            fact_set(&nb->auth, FACT_ON, eff.auth_node);
            nb->key = eff.key;
            nb->auth_type = eff.key.type;
        } else if (eff.auth_node) {
            fact_set(&nb->auth, FACT_OFF, eff.auth_node);
            nb->auth.why = "password inheritance disabled";
        } else {
            fact_default(&nb->auth, FACT_OFF,
                         "no password at the neighbour, its groups or "
                         "templates");
        }
        if (eff.gtsm_node)
            fact_set(&nb->gtsm, FACT_ON, eff.gtsm_node);
        else
            fact_default(&nb->gtsm, FACT_OFF,
                         "no ttl-security at the neighbour, its groups or "
                         "templates");
        if (eff.maxpfx_node) {
            fact_set(&nb->max_prefix, FACT_ON, eff.maxpfx_node);
        } else if (eff.maxpfx_off) {
            fact_set(&nb->max_prefix, FACT_OFF, eff.maxpfx_off);
            nb->max_prefix.why = "the route limit is switched off (0)";
        } else if (x->d == DIALECT_ARISTA_EOS) {
            /* the implicit 12000 is no limit chosen for the peer, and checks.md
             * does not give it as secure: it asks for maximum-routes N */
            fact_default(&nb->max_prefix, FACT_OFF,
                         "no maximum-routes at the neighbour or its peer group (only the "
                         "implicit EOS default of 12000)");
        } else {
            fact_default(&nb->max_prefix, FACT_OFF,
                         "no maximum-prefix at the neighbour, its "
                         "groups or templates");
        }
        nb->in_policy = eff.in_policy;
        nb->out_policy = eff.out_policy;
        nb->in_policy_node = eff.in_node;
        nb->out_policy_node = eff.out_node;
        cx_policy_summary(x, nb->in_policy, eff.in_kind, eff.in_more, &nb->in_summary);
        cx_policy_summary(x, nb->out_policy, eff.out_kind, eff.out_more, &nb->out_summary);
        cx_policy_connected(x, nb, &nb->out_summary);
    }
}
