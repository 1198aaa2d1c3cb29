/*
 * extract_cisco_policy.c - route-maps, IOS XR route-policies and the prefix
 * lists they name (IOS/NX-OS/EOS ip and ipv6 prefix-list, ASA prefix-list
 * and ipv6 prefix-list, XR prefix-set),
 * read as struct route_policy for what each BGP session's filters do
 * (struct policy_summary; route_policy.c answers questions about ranges).
 *
 * Statements are collected while the configuration is read; a session's
 * policy is put together from them when the neighbours are settled
 * (cx_finish_bgp), once per name, so lists defined after the route-maps
 * naming them are found. A route-map rejects what no clause permits, and
 * an XR route-policy drops what it neither passes nor ends with done.
 */
#include "model/extract_cisco.h"

#include <limits.h>

/* A prefix list while it is read: entries in sequence order. */
struct cxp_list {
    struct sv name;
    char ns; /* '4' ip prefix-list, '6' ipv6 prefix-list, 'x' XR prefix-set */
    struct rp_entry *e;
    long *seq;
    size_t n;
    const struct cfg_node *node;
    struct rp_list *out;
};

/* One route-map clause while it is read. */
struct cxp_clause {
    long seq;
    bool permit, cont, prefix;
    struct rp_cond cond;
    struct sv lists[RP_MAX_LISTS];
    char ns;
    const struct cfg_node *node;
};

/* A route-map (its clauses) or an XR route-policy (its node, read when
 * built); built once, on first use. */
struct cxp_map {
    struct sv name;
    bool xr;
    const struct cfg_node *node;
    struct cxp_clause *c;
    size_t nc;
    struct route_policy *built;
    bool tried, scanned, accepts_all, prefix, accepts_some;
    const struct cfg_node *all_node;
};

#define CXP_MAX_STMTS 2048 /* statements of one XR route-policy */

/* ------------------------------------------------------------ lookup */

static struct cxp_list *list_find(struct cx *x, struct sv name, char ns, bool add,
                                  const struct cfg_node *n)
{
    uint64_t h = hash_sv(HASH_SEED + (unsigned char)ns, name);
    size_t it = 0, pos;
    while ((pos = cx_ix_next(&x->plist_ix, h, &it)) != SIZE_MAX)
        if (x->plists[pos].ns == ns && sv_same(x->plists[pos].name, name))
            return &x->plists[pos];
    if (!add || !cap_ok(x->nplists))
        return NULL;
    cx_ix_add(x->a, &x->plist_ix, h, x->nplists);
    struct cxp_list *l = MODEL_PUSH(x->a, x->plists, x->nplists);
    memset(l, 0, sizeof(*l));
    l->name = name;
    l->ns = ns;
    l->node = n;
    return l;
}

static struct cxp_map *map_find(struct cx *x, struct sv name, bool add, const struct cfg_node *n)
{
    uint64_t h = hash_sv(HASH_SEED, name);
    size_t it = 0, pos;
    while ((pos = cx_ix_next(&x->rmap_ix, h, &it)) != SIZE_MAX)
        if (sv_same(x->rmaps[pos].name, name))
            return &x->rmaps[pos];
    if (!add || !cap_ok(x->nrmaps))
        return NULL;
    cx_ix_add(x->a, &x->rmap_ix, h, x->nrmaps);
    struct cxp_map *m = MODEL_PUSH(x->a, x->rmaps, x->nrmaps);
    memset(m, 0, sizeof(*m));
    m->name = name;
    m->node = n;
    return m;
}

/* ------------------------------------------------------------ prefix lists */

/* "P [ge X] [le Y] [eq Z]" from token i of s; false when it does not parse. */
static bool parse_range(struct sv s, size_t i, struct prefix_range *r)
{
    memset(r, 0, sizeof(*r));
    if (!ip_prefix_parse(tk(s, i), &r->p) || !memchr(tk(s, i).p, '/', tk(s, i).n))
        return false;
    unsigned max = r->p.af == 4 ? 32 : 128;
    for (size_t k = i + 1; tk(s, k).n; k += 2) {
        long v = model_sv_long(tk(s, k + 1), -1);
        if (v < r->p.len || v > (long)max)
            return false;
        if (tk_is(s, k, "ge"))
            r->ge = (uint8_t)v;
        else if (tk_is(s, k, "le"))
            r->le = (uint8_t)v;
        else if (tk_is(s, k, "eq"))
            r->ge = r->le = (uint8_t)v;
        else
            return false;
    }
    if (r->le && r->ge > r->le)
        return false;
    return true;
}

static void list_add(struct cx *x, struct cxp_list *l, long seq, bool permit,
                     const struct prefix_range *r, const struct cfg_node *n)
{
    if (cap_ok(l->n))
        plx_insert(x->a, &l->e, &l->seq, &l->n, seq, (struct rp_entry){*r, permit, n});
}

/* "[seq N] permit|deny P ..." from token i; an entry that does not parse
 * makes the list unreadable (a NULL entry list is never judged). */
static void list_entry(struct cx *x, struct cxp_list *l, struct sv s, size_t i,
                       const struct cfg_node *n)
{
    long seq = l->n ? l->seq[l->n - 1] + 5 : 5;
    if (tk_is(s, i, "seq")) {
        seq = model_sv_long(tk(s, i + 1), seq);
        i += 2;
    }
    bool permit = tk_is(s, i, "permit");
    if (!permit && !tk_is(s, i, "deny"))
        return; /* description, remark */
    struct prefix_range r;
    if (!parse_range(s, i + 1, &r) || (r.p.af == 4) != (l->ns == '4')) {
        l->node = NULL; /* marks the list unreadable */
        return;
    }
    list_add(x, l, seq, permit, &r, n);
}

/* "ip|ipv6 prefix-list NAME ...", and the ASA's IPv4 "prefix-list NAME ...". */
bool cx_h_prefix_list(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    (void)neg;
    size_t at = tk_is(s, 0, "prefix-list") ? 1 : 2;
    struct cxp_list *l = list_find(x, tk(s, at), tk_is(s, 0, "ipv6") ? '6' : '4', true, n);
    if (!l)
        return false;
    if (tk(s, at + 1).n)
        list_entry(x, l, s, at + 1, n);
    for (const struct cfg_node *c = n->child; c; c = c->next) /* EOS block form */
        if (active(c))
            list_entry(x, l, cfg_text(c), 0, c);
    return true;
}

/* XR "prefix-set NAME" with one or more entries a line, comma separated. */
bool cx_h_prefix_set(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    (void)neg;
    struct cxp_list *l = list_find(x, tk(s, 1), 'x', true, n);
    if (!l)
        return false;
    for (const struct cfg_node *c = n->child; c && l->node; c = c->next) {
        struct sv t = cfg_text(c);
        while (t.n && l->node) {
            const char *comma = memchr(t.p, ',', t.n);
            struct sv one = sv_trim(sv_make(t.p, comma ? (size_t)(comma - t.p) : t.n));
            t = comma ? sv_make(comma + 1, t.n - (size_t)(comma + 1 - t.p)) : sv_make("", 0);
            struct prefix_range r;
            if (one.n == 0 || one.p[0] == '#')
                continue;
            if (!parse_range(one, 0, &r))
                l->node = NULL;
            else
                list_add(x, l, (long)l->n, true, &r, c);
        }
    }
    return true;
}

/* ------------------------------------------------------------ route-maps */

/* One "match ..." of a clause. */
static void clause_match(struct cxp_clause *cl, struct sv s)
{
    bool v6 = tk_is(s, 1, "ipv6");
    bool addr = (tk_is(s, 1, "ip") || v6) && tk_is(s, 2, "address");
    if (!addr) {
        cl->cond.other = true; /* community, as-path, tag, next hop, ... */
        return;
    }
    cl->prefix = true;
    if (!tk_is(s, 3, "prefix-list")) {
        cl->cond.other = true; /* an access list */
        return;
    }
    char ns = v6 ? '6' : '4';
    cl->cond.family = cl->cond.has_lists && cl->ns != ns ? 0 : (uint8_t)(v6 ? 6 : 4);
    cl->ns = cl->cond.has_lists && cl->ns != ns ? 'b' : ns;
    cl->cond.has_lists = true;
    for (size_t i = 4; tk(s, i).n; i++) {
        if (cl->cond.nlists == RP_MAX_LISTS) {
            cl->cond.other = true;
            break;
        }
        cl->lists[cl->cond.nlists++] = tk(s, i);
    }
}

/* "route-map NAME [permit|deny] [SEQ]" and its match/continue statements. */
bool cx_h_route_map(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    (void)neg;
    struct cxp_map *m = map_find(x, tk(s, 1), true, n);
    if (!m || !cap_ok(m->nc))
        return false;
    size_t i = 2;
    bool permit = !tk_is(s, i, "deny");
    if (tk_is(s, i, "permit") || tk_is(s, i, "deny"))
        i++;
    long seq = model_sv_long(tk(s, i), 10);
    struct cxp_clause *cl = NULL;
    for (size_t k = 0; k < m->nc && !cl; k++) /* the same clause entered again */
        if (m->c[k].seq == seq)
            cl = &m->c[k];
    if (!cl) {
        cl = MODEL_PUSH(x->a, m->c, m->nc);
        memset(cl, 0, sizeof(*cl));
        cl->seq = seq;
    }
    cl->permit = permit;
    cl->node = n;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        struct sv t = cfg_text(c);
        if (!active(c))
            continue;
        if (tk_is(t, 0, "match"))
            clause_match(cl, t);
        else if (tk_is(t, 0, "continue"))
            cl->cont = true;
    }
    return true;
}

/* ------------------------------------------------------------ XR route-policy */

bool cx_h_route_policy(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    (void)neg;
    struct sv name = tk(s, 1);
    const char *paren = memchr(name.p, '(', name.n); /* parameters: NAME($a) */
    if (paren)
        name.n = (size_t)(paren - name.p);
    struct cxp_map *m = map_find(x, name, true, n);
    if (!m)
        return false;
    m->xr = true;
    m->node = n;
    return true;
}

/* A route-policy as the configuration tree holds it: the statements of an
 * if (or elseif, else) are its children, and the endif is not kept. */
struct xr_build {
    struct cx *x;
    struct rp_stmt *s;
    size_t n;
    bool bad, prefix;
};

static struct rp_stmt *xr_push(struct xr_build *b, const struct cfg_node *n)
{
    if (b->n == CXP_MAX_STMTS) {
        b->bad = true;
        return NULL;
    }
    struct rp_stmt *st = MODEL_PUSH(b->x->a, b->s, b->n);
    memset(st, 0, sizeof(*st));
    st->node = n;
    return st;
}

static const struct rp_list *resolve_list(struct cx *x, struct sv name, char ns);

/* "[not] destination in NAME" between "if"/"elseif" and "then"; anything
 * else is a condition the model does not decide. */
static void xr_cond(struct xr_build *b, struct sv t, struct rp_cond *c)
{
    size_t i = 1, nt = sv_token_count(t);
    for (size_t k = 1; k < nt; k++) { /* destination, source-prefix (flowspec), ... */
        struct sv w = tk(t, k);
        if (sv_starts_with(w, "destination") || sv_starts_with(w, "source-prefix"))
            b->prefix = true;
    }
    if (tk_is(t, i, "not")) {
        c->negate = true;
        i++;
    }
    struct sv name = tk(t, i + 2);
    if (tk_is(t, i, "destination") && tk_is(t, i + 1, "in") && tk_is(t, i + 3, "then") &&
        i + 4 == nt && name.n && name.p[0] != '(' && name.p[0] != '$') {
        c->has_lists = true;
        c->nlists = 1;
        c->lists[0] = resolve_list(b->x, name, 'x');
        return;
    }
    c->negate = false;
    c->other = true;
}

static void xr_block(struct xr_build *b, const struct cfg_node *first, unsigned depth);

static bool is_word(const struct cfg_node *n, const char *w)
{
    return n && tk_is(cfg_text(n), 0, w);
}

/* An if or elseif node and the elseif/else siblings after it; returns the
 * last node of the chain. */
static const struct cfg_node *xr_if(struct xr_build *b, const struct cfg_node *n, unsigned depth)
{
    size_t at = b->n;
    struct rp_stmt *st = xr_push(b, n);
    struct sv t = cfg_text(n);
    if (!st)
        return n;
    st->is_if = true;
    xr_cond(b, t, &st->cond);
    if (!n->child || !tk_is(t, sv_token_count(t) - 1, "then"))
        b->bad = true; /* a one-line if, or a file without indentation: not read */
    xr_block(b, n->child, depth + 1);
    b->s[at].nthen = (uint32_t)(b->n - at - 1);
    size_t else0 = b->n;
    const struct cfg_node *last = n, *next = n->next;
    if (is_word(next, "elseif")) {
        last = xr_if(b, next, depth + 1);
    } else if (is_word(next, "else")) {
        xr_block(b, next->child, depth + 1);
        last = next;
    }
    b->s[at].nelse = (uint32_t)(b->n - else0);
    return last;
}

/* The statements from first on, and their blocks. */
static void xr_block(struct xr_build *b, const struct cfg_node *first, unsigned depth)
{
    if (depth > 32) {
        b->bad = true;
        return;
    }
    for (const struct cfg_node *n = first; n && !b->bad; n = n->next) {
        struct sv w = tk(cfg_text(n), 0);
        if (!active(n) || sv_eq_cstr(w, "endif"))
            continue;
        if (sv_eq_cstr(w, "elseif") || sv_eq_cstr(w, "else")) {
            b->bad = true; /* not after an if */
            return;
        }
        if (sv_eq_cstr(w, "if")) {
            n = xr_if(b, n, depth);
            continue;
        }
        enum rp_act a = sv_eq_cstr(w, "pass")    ? RP_PASS
                        : sv_eq_cstr(w, "drop")  ? RP_DENY
                        : sv_eq_cstr(w, "done")  ? RP_PERMIT
                        : sv_eq_cstr(w, "apply") ? RP_UNKNOWN
                                                 : RP_NONE;
        struct rp_stmt *st = a != RP_NONE ? xr_push(b, n) : NULL;
        if (st)
            st->act = a;
    }
}

/* ------------------------------------------------------------ building */

static const struct rp_list *resolve_list(struct cx *x, struct sv name, char ns)
{
    struct cxp_list *l = list_find(x, name, ns, false, NULL);
    if (!l || !l->node)
        return NULL;
    if (!l->out) {
        l->out = arena_alloc(x->a, sizeof(*l->out));
        l->out->name = dup(x, l->name);
        l->out->e = l->e;
        l->out->n = l->n;
        l->out->node = l->node;
    }
    return l->out;
}

static struct route_policy *new_policy(struct cx *x, const struct cxp_map *m)
{
    struct route_policy *p = arena_alloc(x->a, sizeof(*p));
    memset(p, 0, sizeof(*p));
    p->name = dup(x, m->name);
    p->node = m->node;
    return p;
}

/* A route-map's clauses in sequence order, each "if match then action". */
static void build_route_map(struct cx *x, struct cxp_map *m)
{
    struct route_policy *p = new_policy(x, m);
    p->route_map = true;
    p->s = arena_alloc(x->a, 2 * m->nc * sizeof(*p->s) + 1);
    long last = LONG_MIN;
    for (size_t done = 0; done < m->nc; done++) { /* clauses in sequence order */
        const struct cxp_clause *cl = NULL;
        for (size_t i = 0; i < m->nc; i++)
            if (m->c[i].seq > last && (!cl || m->c[i].seq < cl->seq))
                cl = &m->c[i];
        if (!cl)
            break;
        last = cl->seq;
        struct rp_stmt *st = &p->s[p->n++];
        memset(st, 0, 2 * sizeof(*st));
        st->is_if = true;
        st->cond = cl->cond;
        st->node = cl->node;
        st->nthen = 1;
        for (size_t k = 0; k < cl->cond.nlists; k++)
            st->cond.lists[k] = resolve_list(x, cl->lists[k], cl->ns == 'b' ? '4' : cl->ns);
        if (cl->ns == 'b') /* both families named: an IPv6 list may be among them */
            for (size_t k = 0; k < cl->cond.nlists; k++)
                if (!st->cond.lists[k])
                    st->cond.lists[k] = resolve_list(x, cl->lists[k], '6');
        struct rp_stmt *a = &p->s[p->n++];
        a->act = !cl->permit ? RP_DENY : cl->cont ? RP_PASS : RP_PERMIT;
        a->node = cl->node;
        m->prefix |= cl->prefix;
    }
    m->built = p;
}

/* What the top level says of every route: the first statement without a
 * condition that accepts (a pass, a done, a permit clause without match or
 * continue) accepts every route still there, unless an unconditional
 * reject comes first (or, after an XR pass, later). */
static void scan_top(struct cxp_map *m, const struct route_policy *p)
{
    for (size_t i = 0; i < p->n; i++) {
        const struct rp_stmt *st = &p->s[i];
        m->accepts_some |= st->act == RP_PASS || st->act == RP_PERMIT;
    }
    for (size_t i = 0; i < p->n; i += 1 + (p->s[i].is_if ? p->s[i].nthen + p->s[i].nelse : 0)) {
        const struct rp_stmt *st = &p->s[i];
        const struct rp_cond *c = &st->cond;
        if (st->is_if && (c->has_lists || c->other || st->nthen == 0 || i + 1 >= p->n))
            continue;
        enum rp_act a = st->is_if ? p->s[i + 1].act : st->act;
        if (a == RP_DENY || a == RP_UNKNOWN) {
            m->accepts_all = false; /* an XR pass undone by a later drop */
            return;
        }
        if ((a == RP_PERMIT || (a == RP_PASS && !p->route_map)) && !m->accepts_all) {
            m->accepts_all = true;
            m->all_node = st->node;
        }
        if (a == RP_PERMIT)
            return;
    }
}

static void build_xr(struct cx *x, struct cxp_map *m)
{
    struct xr_build b = {.x = x};
    xr_block(&b, m->node->child, 0);
    if (b.bad)
        return; /* not read: built stays NULL */
    struct route_policy *p = new_policy(x, m);
    p->s = b.s;
    p->n = b.n;
    m->prefix = b.prefix;
    m->built = p;
}

/* A prefix list used as a session's filter: "if in list then permit". */
static struct route_policy *list_policy(struct cx *x, const char *name)
{
    struct sv nm = sv_from_cstr(name);
    const struct rp_list *l4 = resolve_list(x, nm, '4'), *l6 = resolve_list(x, nm, '6');
    if (!l4 && !l6)
        return NULL;
    struct route_policy *p = arena_alloc(x->a, sizeof(*p));
    memset(p, 0, sizeof(*p));
    p->name = name;
    p->route_map = true;
    p->s = arena_alloc(x->a, 2 * sizeof(*p->s));
    memset(p->s, 0, 2 * sizeof(*p->s));
    p->n = 2;
    p->s[0].is_if = true;
    p->s[0].nthen = 1;
    p->s[0].cond.has_lists = true;
    p->s[0].cond.lists[0] = l4 ? l4 : l6;
    p->s[0].cond.nlists = 1;
    p->s[0].cond.family = l4 ? 4 : 6; /* the other family's routes: another list's business */
    p->s[0].node = p->s[0].cond.lists[0]->node;
    p->s[1].act = RP_PERMIT;
    p->s[1].node = p->s[0].node;
    p->node = p->s[0].node;
    return p;
}

void cx_policy_summary(struct cx *x, const char *name, char kind, bool more,
                       struct policy_summary *s)
{
    memset(s, 0, sizeof(*s));
    if (!name || more || (kind != 'm' && kind != 'p'))
        return;
    if (kind == 'p') {
        s->policy = list_policy(x, name);
        if (!s->policy)
            return; /* an undefined or unreadable list: what it does is not read */
        s->known = s->filters_prefixes = s->accepts_some = s->ends_in_reject = true;
        return;
    }
    struct cxp_map *m = map_find(x, sv_from_cstr(name), false, NULL);
    if (!m || (m->xr && !m->node)) {
        if (x->d == DIALECT_CISCO_IOSXR)
            return; /* XR refuses to commit a reference to no policy: a partial file */
        s->known = true;
        s->undefined = name;
        return;
    }
    if (!m->tried) {
        m->tried = true;
        if (m->xr)
            build_xr(x, m);
        else
            build_route_map(x, m);
    }
    if (!m->built)
        return;
    if (!m->scanned) {
        m->scanned = true;
        scan_top(m, m->built);
    }
    s->known = true;
    s->policy = m->built;
    s->ends_in_reject = true; /* what no clause accepts is rejected */
    s->accepts_all = m->accepts_all;
    s->accepts_all_node = m->all_node;
    s->accepts_some = m->accepts_some;
    s->filters_prefixes = m->prefix;
}

/* A connected route gets into BGP when connected routes are redistributed
 * (through the redistribution's route-map, if it names one) and out to the
 * peer when the outbound policy surely permits it: the device's interface
 * subnets, which checks.md counts among the infrastructure prefixes. */
void cx_policy_connected(struct cx *x, const struct bgp_neighbor *nb, struct policy_summary *s)
{
    if (!x->redist_connected || nb->vrf || !s->policy || s->accepts_connected)
        return;
    struct policy_summary rs;
    bool via = x->redist_map.n > 0;
    if (via) {
        cx_policy_summary(x, dup(x, x->redist_map), 'm', false, &rs);
        if (!rs.policy)
            return;
    }
    for (size_t i = 0; i < x->m->ninterfaces; i++) {
        const struct ip_prefix *net = &x->if_net[i];
        if (net->af != 4 || x->m->interfaces[i].shutdown)
            continue;
        struct prefix_range r = {*net, net->len, net->len};
        struct ip_prefix w;
        const struct cfg_node *at[2];
        if (via && model_policy_range(&rs, &r, &w, at) != POLICY_PERMITS)
            continue;
        if (model_policy_range(s, &r, &w, at) != POLICY_PERMITS)
            continue;
        s->accepts_connected = true;
        s->connected_node = at[1] ? at[1] : at[0];
        return;
    }
}
