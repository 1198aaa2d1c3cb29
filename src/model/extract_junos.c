/*
 * extract_junos.c - the Juniper Junos extractor: fills struct device_model
 * from a Junos config tree (brace or set form).
 *
 * The tree is read as "display set" lines: one walk over the statements
 * keeps a stack of the tokens of every enclosing statement, and each
 * statement is handed to the handler as its full path (e.g. "system services
 * ssh protocol-version v2"). This makes the extractor independent of how a
 * parser split a path into nodes, so brace and set forms give the same
 * facts. Handlers are idempotent (find-or-create), because every prefix of
 * a path is seen once per node that holds it.
 *
 * Inactive statements (CFG_INACTIVE or an "inactive:" prefix) and their
 * subtrees are skipped. Configuration groups are expanded for `apply-groups`
 * at any hierarchy level: a group statement "groups G <path>" is inherited
 * when G is applied at a level that <path> lies under (top level covers
 * everything: system, snmp, protocols bgp, interfaces, ...). Group lines are
 * applied before local ones so that local single-valued statements win; of
 * several groups naming the host (re0, re1) the first one read is kept.
 * Not expanded: wildcard group paths ("<*>", "<ge-*>"; one under system
 * login leaves MGMT-OUTBOUND unknown), groups applied inside groups, and
 * apply-groups-except (its groups are still inherited).
 *
 * BGP: settings at the bgp level pass to groups and at group level to
 * neighbours unless overridden; `routing-instances X protocols bgp` gives
 * sessions with vrf X (the master bgp-level settings do not reach them).
 * GTSM has no per-peer knob in Junos: it is ON when the lo0 input filter has
 * a `ttl-except 255` term. Large configs stay linear: names are indexed,
 * lists searched linearly are capped, prefix-list expansion is bounded.
 */
#include "model/extract_junos.h"
#include "model/extract_rtg.h"

#include <string.h>

/* ------------------------------------------------------------ tokens */

/*
 * Append the tokens of one statement to l. Quoted strings stay whole; brace
 * and list punctuation is dropped; a "#" token starts a comment. Returns
 * true when the statement is marked inactive in its text.
 */
static bool jl_push_node(struct model_path *l, const struct cfg_node *nd)
{
    const char *p = nd->text, *end = nd->text + nd->len;
    bool inactive = false;
    struct sv t;
    while ((p = model_path_token(p, end, &t)) != NULL) {
        if (t.p[0] == '#' || (t.n >= 2 && t.p[0] == '/' && t.p[1] == '*'))
            break;
        t = model_path_strip(t);
        if (t.n == 0)
            continue;
        if (sv_eq_cstr(t, "inactive:") || sv_eq_cstr(t, "deactivate")) {
            inactive = true;
            continue;
        }
        if (sv_eq_cstr(t, "protect:") || (l->n == 0 && sv_eq_cstr(t, "set")))
            continue;
        model_path_add(l, t, nd);
    }
    return inactive;
}

/* ------------------------------------------------------------ helpers */

/* Append the policy names of one statement to a chain ("A B"): brace form
 * lists them in one statement, set form one per line. */
static const char *chain_add(struct jx *x, const char *cur, const struct cfg_node **cur_node,
                             const struct model_path *l, size_t from)
{
    if (from >= l->n)
        return cur;
    struct sv first = l->tok[from], last = l->tok[l->n - 1];
    struct sv all = first;
    if (l->own[from] == l->own[l->n - 1])
        all = sv_make(first.p, (size_t)(last.p + last.n - first.p));
    const char *add = model_strdup(x->a, all);
    *cur_node = l->node;
    if (!cur)
        return add;
    return arena_printf(x->a, "%s %s", cur, add);
}

/* ------------------------------------------------------------ objects */

struct interface *j_iface(struct jx *x, struct sv name, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    size_t at = model_nmap_get(&x->if_map, name, sv_make(NULL, 0));
    if (at != SIZE_MAX)
        return &m->interfaces[at];
    if (!jcap(m->ninterfaces))
        return NULL;
    struct interface *f = model_add_interface(x->a, m, name, n);
    model_nmap_put(x->a, &x->if_map, name, sv_make(NULL, 0), m->ninterfaces - 1);
    f->is_loopback = sv_starts_with(name, "lo");
    f->is_tunnel = sv_starts_with(name, "gr-") || sv_starts_with(name, "ip-") ||
                   sv_starts_with(name, "st0") || sv_starts_with(name, "lt-") ||
                   sv_starts_with(name, "fti");
    f->is_mgmt = sv_starts_with(name, "fxp") || sv_starts_with(name, "em0") ||
                 sv_starts_with(name, "me0") || sv_starts_with(name, "re0:mgmt") ||
                 sv_starts_with(name, "re1:mgmt") || sv_starts_with(name, "vme");
    if (f->is_tunnel)
        f->tunnel_mode = sv_starts_with(name, "gr-")   ? "gre"
                         : sv_starts_with(name, "ip-") ? "ipip"
                         : sv_starts_with(name, "st0") ? "ipsec"
                                                       : "other";
    fact_default(&f->urpf, FACT_OFF, "no family inet rpf-check");
    fact_default(&f->proxy_arp, FACT_OFF, "proxy-arp is off unless configured");
    fact_default(&f->directed_broadcast, FACT_OFF, "targeted-broadcast is off unless configured");
    if (x->no_redirects_node)
        fact_set(&f->redirects, FACT_OFF, x->no_redirects_node);
    else
        fact_default(&f->redirects, FACT_ON, "Junos sends ICMP redirects unless no-redirects");
    fact_unknown(&f->unreachables, "ICMP unreachable generation is not visible in the config");
    return f;
}

struct account *j_account(struct jx *x, struct sv name, const struct cfg_node *n)
{
    size_t old = x->m->naccounts;
    struct account *ac = model_account_indexed(x->a, x->m, &x->acct_map, name, n, JX_MAX_ITEMS);
    if (ac && x->m->naccounts > old) { /* a new account: no login class yet */
        x->acct_class = model_grow(x->a, (void *)x->acct_class, old, sizeof(*x->acct_class));
        x->acct_class[old] = NULL;
        x->acct_class_node =
            model_grow(x->a, (void *)x->acct_class_node, old, sizeof(*x->acct_class_node));
        x->acct_class_node[old] = NULL;
    }
    return ac;
}

struct jclass *j_class(struct jx *x, struct sv name, const struct cfg_node *n)
{
    for (size_t i = 0; i < x->nclasses; i++)
        if (sv_same(x->classes[i].name, name))
            return &x->classes[i];
    if (!jsmall(x->nclasses))
        return NULL;
    struct jclass *c = MODEL_PUSH(x->a, x->classes, x->nclasses);
    c->name = name;
    c->idle_minutes = -1;
    c->node = n;
    return c;
}

static struct jbgp_grp *j_group(struct jx *x, struct sv name, const struct cfg_node *n)
{
    size_t at = model_nmap_get(&x->group_map, name, x->cur_inst);
    if (at != SIZE_MAX)
        return &x->groups[at];
    if (!jcap(x->ngroups))
        return NULL;
    model_nmap_put(x->a, &x->group_map, name, x->cur_inst, x->ngroups);
    struct jbgp_grp *g = MODEL_PUSH(x->a, x->groups, x->ngroups);
    g->name = name;
    g->inst = x->cur_inst;
    g->node = n;
    g->s.peer_as = -1;
    g->s.local_as = -1;
    return g;
}

static struct jbgp_nbr *j_nbr(struct jx *x, struct sv group, struct sv addr,
                              const struct cfg_node *n)
{
    size_t at = model_nmap_get3(&x->nbr_map, addr, group, x->cur_inst);
    if (at != SIZE_MAX)
        return &x->nbrs[at];
    if (!jcap(x->nnbrs))
        return NULL;
    struct jbgp_nbr *b = MODEL_PUSH(x->a, x->nbrs, x->nnbrs);
    b->addr = addr;
    b->group = group;
    b->inst = x->cur_inst;
    b->node = n;
    b->s.peer_as = -1;
    b->s.local_as = -1;
    model_nmap_put3(x->a, &x->nbr_map, addr, group, x->cur_inst, x->nnbrs - 1);
    return b;
}

struct jterm *j_term(struct jx *x, struct sv filter, struct sv name, const struct cfg_node *n)
{
    size_t at = model_nmap_get(&x->term_map, filter, name);
    if (at != SIZE_MAX)
        return &x->terms[at];
    if (!jcap(x->nterms))
        return NULL;
    struct jterm *tm = MODEL_PUSH(x->a, x->terms, x->nterms);
    tm->filter = filter;
    tm->name = name;
    tm->node = n;
    model_nmap_put(x->a, &x->term_map, filter, name, x->nterms - 1);
    return tm;
}

struct mgmt_service *j_service(struct jx *x, const char *name, bool cleartext,
                               const struct cfg_node *n)
{
    struct mgmt_service *s = model_find_service(x->m, name, NULL);
    if (s)
        return s;
    return model_add_service(x->a, x->m, name, cleartext, FACT_ON, n);
}

/* Append v unless present; lists searched this way stay short (cap). */
void jx_add_unique_str(struct jx *x, const char ***arr, size_t *n, struct sv v)
{
    if (*n >= JX_MAX_LIST)
        return;
    for (size_t i = 0; i < *n; i++)
        if (sv_eq_cstr(v, (*arr)[i]))
            return;
    const char **slot = MODEL_PUSH(x->a, *arr, *n);
    *slot = model_strdup(x->a, v);
}

/* ------------------------------------------------------------ bgp */

static void j_bgp_setting(struct jx *x, struct jbgp_set *s, const struct model_path *l, size_t k)
{
    struct device_model *m = x->m;
    size_t n;
    if (model_path_eq(l, k, "authentication-key") && k + 1 < l->n) {
        s->key = jsecret(l, k + 1);
        s->auth_node = l->node;
        model_add_secret(x->a, m, "bgp-key", s->key);
    } else if (model_path_eq(l, k, "authentication-key-chain") && k + 1 < l->n) {
        s->keychain = l->tok[k + 1];
        s->auth_node = l->node;
    } else if (model_path_eq(l, k, "type") && k + 1 < l->n) {
        s->type = sv_eq_cstr(l->tok[k + 1], "external") ? 1 : 2;
    } else if (model_path_eq(l, k, "peer-as") && k + 1 < l->n) {
        s->peer_as = model_sv_long(l->tok[k + 1], -1);
    } else if (model_path_eq(l, k, "local-as") && k + 1 < l->n) {
        s->local_as = model_sv_long(l->tok[k + 1], -1);
    } else if (model_path_eq(l, k, "import")) {
        s->import = chain_add(x, s->import, &s->import_node, l, k + 1);
    } else if (model_path_eq(l, k, "export")) {
        s->export = chain_add(x, s->export, &s->export_node, l, k + 1);
    } else if (model_path_match(l, k, "family * *", &n) &&
               (model_path_match(l, n, "prefix-limit maximum", NULL) ||
                model_path_match(l, n, "accepted-prefix-limit maximum", NULL))) {
        if (n + 2 < l->n && !s->maxpfx_node)
            s->maxpfx_node = l->node;
    }
}

static void j_bgp(struct jx *x, const struct model_path *l, size_t i)
{
    if (!x->bgp_node)
        x->bgp_node = model_path_own(l, i - 1);
    x->m->bgp.configured = true;
    if (model_path_eq(l, i, "group") && i + 1 < l->n) {
        struct jbgp_grp *g = j_group(x, l->tok[i + 1], model_path_own(l, i + 1));
        if (!g)
            return;
        if (model_path_eq(l, i + 2, "neighbor") && i + 3 < l->n) {
            struct jbgp_nbr *b = j_nbr(x, l->tok[i + 1], l->tok[i + 3], model_path_own(l, i + 3));
            if (b)
                j_bgp_setting(x, &b->s, l, i + 4);
        } else {
            j_bgp_setting(x, &g->s, l, i + 2);
        }
    } else if (model_path_eq(l, i, "neighbor") && i + 1 < l->n) {
        struct jbgp_nbr *b = j_nbr(x, sv_make(NULL, 0), l->tok[i + 1], model_path_own(l, i + 1));
        if (b)
            j_bgp_setting(x, &b->s, l, i + 2);
    } else if (!x->cur_inst.p) {
        j_bgp_setting(x, &x->bgp_global, l, i);
    }
}

/* ------------------------------------------------------------ igp */

static struct jigp_if *j_igp_if(struct jx *x, int proto, struct sv name, const struct cfg_node *n)
{
    static const char *const protos[3] = {"ospf", "ospf3", "isis"};
    struct sv pk = sv_from_cstr(protos[proto]);
    size_t at = model_nmap_get(&x->igp_map, name, pk);
    if (at != SIZE_MAX)
        return &x->igp_if[at];
    if (!jcap(x->nigp_if))
        return NULL;
    model_nmap_put(x->a, &x->igp_map, name, pk, x->nigp_if);
    struct jigp_if *f = MODEL_PUSH(x->a, x->igp_if, x->nigp_if);
    f->proto = proto;
    f->name = name;
    f->node = n;
    return f;
}

/* "authentication-key-chains key-chain K key N [algorithm A]": each key is
 * recorded once; "algorithm" is md5 unless stated (Junos, algorithm
 * (Authentication Keychain): "Default: md5"). */
static void j_key_alg(struct jx *x, const struct model_path *l, size_t k)
{
    if (!model_path_eq(l, k + 1, "key") || k + 2 >= l->n)
        return;
    struct sv key = l->tok[k + 2];
    struct jkey_alg *a = NULL;
    for (size_t i = 0; i < x->nkey_algs && !a; i++)
        if (sv_same(x->key_algs[i].chain, l->tok[k]) && sv_same(x->key_algs[i].key, key))
            a = &x->key_algs[i];
    if (!a) {
        if (!jsmall(x->nkey_algs))
            return;
        a = MODEL_PUSH(x->a, x->key_algs, x->nkey_algs);
        *a = (struct jkey_alg){l->tok[k], key, IGP_ALG_MD5, model_path_own(l, k + 2)};
    }
    if (model_path_eq(l, k + 3, "algorithm") && k + 4 < l->n) {
        struct sv w = l->tok[k + 4];
        a->alg = sv_starts_with(w, "hmac-sha") || sv_starts_with(w, "sha") ? IGP_ALG_SHA
                 : sv_eq_cstr(w, "md5")                                    ? IGP_ALG_MD5
                                                                           : IGP_ALG_UNKNOWN;
        a->node = l->node;
    }
}

/* The weakest algorithm of a key chain's keys and the line showing it;
 * IGP_ALG_UNKNOWN (why set) when the chain is not defined. */
static enum igp_alg j_chain_alg(const struct jx *x, struct sv chain, const struct cfg_node **at,
                                const char **why)
{
    enum igp_alg worst = IGP_ALG_UNSET;
    for (size_t i = 0; i < x->nkey_algs; i++)
        if (sv_same(x->key_algs[i].chain, chain) && x->key_algs[i].alg > worst) {
            worst = x->key_algs[i].alg;
            *at = x->key_algs[i].node;
        }
    if (worst == IGP_ALG_UNSET) {
        *why = "its key chain is not defined here, so its algorithm is not visible";
        return IGP_ALG_UNKNOWN;
    }
    return worst;
}

static void j_ospf(struct jx *x, const struct model_path *l, size_t i, int proto)
{
    size_t k;
    if (!x->igp_node[proto])
        x->igp_node[proto] = model_path_own(l, i - 1);
    if (!model_path_match(l, i, "area * interface", &k) || k >= l->n)
        return;
    struct jigp_if *f = j_igp_if(x, proto, l->tok[k], model_path_own(l, k));
    if (!f)
        return;
    k++;
    if (model_path_eq(l, k, "passive") && k + 1 == l->n) {
        f->passive = true;
    } else if (model_path_eq(l, k, "authentication") && k + 1 < l->n) {
        if (model_path_eq(l, k + 1, "simple-password")) {
            f->weak = true;
            if (k + 2 < l->n)
                model_add_secret(x->a, x->m, "ospf-key", jsecret(l, k + 2));
        } else {
            f->authed = true;
            if (model_path_eq(l, k + 1, "keychain") && k + 2 < l->n)
                f->keychain = l->tok[k + 2];
            f->md5 |= model_path_eq(l, k + 1, "md5");
            for (size_t j = k + 1; j + 1 < l->n; j++)
                if (sv_eq_cstr(l->tok[j], "key"))
                    model_add_secret(x->a, x->m, "ospf-key", jsecret(l, j + 1));
        }
        f->auth_node = l->node;
    } else if (model_path_match(l, k, "interface-type", NULL) &&
               model_path_eq(l, k + 1, "loopback")) {
        f->passive = true;
    }
    if (sv_starts_with(f->name, "lo0"))
        f->passive = true;
}

static void j_isis(struct jx *x, const struct model_path *l, size_t i)
{
    size_t k;
    if (!x->igp_node[2])
        x->igp_node[2] = model_path_own(l, i - 1);
    if (model_path_match(l, i, "level *", &k) && k < l->n) {
        if (model_path_eq(l, k, "authentication-key") && k + 1 < l->n) {
            model_add_secret(x->a, x->m, "isis-key", jsecret(l, k + 1));
            if (!x->isis_level_auth)
                x->isis_level_auth = l->node;
        } else if (model_path_eq(l, k, "authentication-key-chain") && k + 1 < l->n) {
            if (!x->isis_level_auth)
                x->isis_level_auth = l->node;
            x->isis_level_chain = l->tok[k + 1];
        } else if (model_path_eq(l, k, "authentication-type") && k + 1 < l->n) {
            if (sv_eq_cstr(l->tok[k + 1], "simple"))
                x->isis_level_weak = l->node;
            else if (!x->isis_level_type)
                x->isis_level_type = l->node;
        }
    } else if (model_path_match(l, i, "interface", &k) && k < l->n) {
        struct jigp_if *f = j_igp_if(x, 2, l->tok[k], model_path_own(l, k));
        if (!f)
            return;
        if (model_path_eq(l, k + 1, "passive") && k + 2 == l->n)
            f->passive = true;
        if (model_path_eq(l, k + 1, "hello-authentication-type") && model_path_eq(l, k + 2, "md5"))
            f->hello_type = l->node;
        for (size_t j = k + 1; j + 1 < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "hello-authentication-key")) {
                f->authed = true;
                f->auth_node = l->node;
                model_add_secret(x->a, x->m, "isis-key", jsecret(l, j + 1));
            }
        if (sv_starts_with(f->name, "lo0"))
            f->passive = true;
    }
}

static void j_protocols(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 1, "bgp", &k))
        j_bgp(x, l, k);
    else if (model_path_match(l, 1, "ospf", &k))
        j_ospf(x, l, k, 0);
    else if (model_path_match(l, 1, "ospf3", &k))
        j_ospf(x, l, k, 1);
    else if (model_path_match(l, 1, "isis", &k))
        j_isis(x, l, k);
    else if (model_path_match(l, 1, "lldp", &k)) {
        if (model_path_eq(l, k, "interface") && k + 1 < l->n && !model_path_eq(l, k + 1, "all")) {
            /* per-interface setting: "disable" switches LLDP off there */
            struct interface *f = j_iface(x, l->tok[k + 1], l->own[k + 1]);
            if (f && model_path_eq(l, k + 2, "disable"))
                fact_set(&f->discovery, FACT_OFF, l->node);
            else if (f && f->discovery.state == FACT_UNKNOWN)
                fact_set(&f->discovery, FACT_ON, l->own[k + 1]);
        } else if (model_path_eq(l, k, "disable") && k + 1 == l->n)
            fact_set(&x->m->legacy.discovery, FACT_OFF, l->node);
        else if (x->m->legacy.discovery.state == FACT_UNKNOWN)
            fact_set(&x->m->legacy.discovery, FACT_ON, model_path_own(l, 1));
    }
}

/* ------------------------------------------------------------ others */

/* The IKE or IPsec proposal or policy "<kind> <name>", added on first use. */
static struct ipsec_policy *j_ipsec_policy(struct jx *x, const struct model_path *l, size_t k,
                                           const char *kind)
{
    const char *name =
        arena_printf(x->a, "%s %.*s", kind, (int)sv_unquote(l->tok[k]).n, sv_unquote(l->tok[k]).p);
    for (size_t j = 0; j < x->m->nipsec; j++)
        if (strcmp(x->m->ipsec[j].name, name) == 0)
            return &x->m->ipsec[j];
    if (!jsmall(x->m->nipsec))
        return NULL;
    struct ipsec_policy *p = MODEL_PUSH(x->a, x->m->ipsec, x->m->nipsec);
    p->name = name;
    p->node = model_path_own(l, k);
    return p;
}

/*
 * A policy using one of Junos's predefined proposal sets. basic, compatible
 * and standard offer only DES/3DES or AES-128 with SHA-1/MD5 and DH group
 * 1 or 2; the Suite B sets use AES-GCM with groups 19/20.
 */
static void j_proposal_set(struct jx *x, struct ipsec_policy *p, const struct model_path *l,
                           struct sv set)
{
    p->encryption = arena_printf(x->a, "proposal-set %.*s", (int)set.n, set.p);
    p->node = l->node;
    if (!sv_starts_with(set, "suiteb"))
        p->weak = true;
}

static void j_security(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (model_path_eq(l, 1, "zones") || model_path_eq(l, 1, "policies")) {
        jz_statement(x, l);
        return;
    }
    bool ike = model_path_match(l, 1, "ike policy", &k);
    if ((ike || model_path_match(l, 1, "ipsec policy", &k)) && k + 2 < l->n &&
        (model_path_eq(l, k + 1, "proposal-set") ||
         model_path_eq(l, k + 1, "perfect-forward-secrecy"))) {
        struct ipsec_policy *p = j_ipsec_policy(x, l, k, ike ? "ike policy" : "ipsec policy");
        if (!p)
            return;
        if (model_path_eq(l, k + 1, "proposal-set")) {
            j_proposal_set(x, p, l, l->tok[k + 2]);
        } else if (model_path_eq(l, k + 2, "keys") && k + 3 < l->n) {
            /* Perfect forward secrecy with a weak group weakens the policy. */
            struct sv g = l->tok[k + 3];
            if (sv_starts_with(g, "group"))
                g = sv_make(g.p + 5, g.n - 5);
            p->dh_group = arena_printf(x->a, "%.*s (PFS)", (int)g.n, g.p);
            p->weak |= model_ipsec_group_is_weak(l->tok[k + 3]);
            if (!p->encryption)
                p->node = l->node;
        }
        return;
    }
    ike = model_path_match(l, 1, "ike proposal", &k);
    if (ike || model_path_match(l, 1, "ipsec proposal", &k)) {
        if (k + 1 >= l->n)
            return;
        struct ipsec_policy *p = j_ipsec_policy(x, l, k, ike ? "ike" : "ipsec");
        if (!p)
            return;
        struct sv w = l->tok[k + 1], v = model_path_tok(l, k + 2);
        if (!v.p)
            return;
        if (sv_eq_cstr(w, "encryption-algorithm")) {
            p->encryption = model_strdup(x->a, v);
            p->weak |= model_ipsec_enc_is_weak(v);
        } else if (sv_eq_cstr(w, "authentication-algorithm")) {
            p->integrity = model_strdup(x->a, v);
            p->weak |= model_ipsec_integ_is_weak(v);
        } else if (sv_eq_cstr(w, "dh-group")) {
            p->dh_group = model_strdup(x->a, v);
            p->weak |= model_ipsec_group_is_weak(v);
        }
    } else if (model_path_match(l, 1, "ike policy * pre-shared-key", &k) && k + 1 < l->n) {
        model_add_secret(x->a, x->m, "ipsec-psk", jsecret(l, k + 1));
    } else if (model_path_match(l, 1, "authentication-key-chains key-chain", &k) && k < l->n) {
        j_key_alg(x, l, k);
        for (size_t j = k + 1; j + 1 < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "secret")) {
                struct secret s = jsecret(l, j + 1);
                model_add_secret(x->a, x->m, "key-chain", s);
                if (jsmall(x->nkeychains)) {
                    struct jplist *c = MODEL_PUSH(x->a, x->keychains, x->nkeychains);
                    c->name = l->tok[k];
                    c->addr = sv_unquote(l->tok[j + 1]);
                    c->node = l->node;
                }
            }
    }
}

static void j_event_options(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (!jsmall(x->m->nonbox))
        return;
    if (model_path_match(l, 1, "policy", &k) && k < l->n) {
        struct sv name = sv_unquote(l->tok[k]);
        struct onbox_item *it = NULL;
        for (size_t j = 0; j < x->m->nonbox; j++)
            if (strcmp(x->m->onbox[j].kind, "event-handler") == 0 &&
                sv_eq_cstr(name, x->m->onbox[j].name))
                it = &x->m->onbox[j];
        if (!it)
            it = model_add_onbox(x->a, x->m, "event-handler", model_strdup(x->a, name), false,
                                 model_path_own(l, k));
        if (model_path_eq(l, k + 1, "then") && k + 2 < l->n &&
            (sv_eq_cstr(l->tok[k + 2], "change-configuration") ||
             sv_eq_cstr(l->tok[k + 2], "upload") || sv_eq_cstr(l->tok[k + 2], "execute-commands")))
            it->risky = it->risky || sv_eq_cstr(l->tok[k + 2], "change-configuration") ||
                        sv_eq_cstr(l->tok[k + 2], "upload");
    } else if (model_path_match(l, 1, "event-script file", &k) && k < l->n) {
        struct sv name = sv_unquote(l->tok[k]);
        for (size_t j = 0; j < x->m->nonbox; j++)
            if (strcmp(x->m->onbox[j].kind, "junos-event-script") == 0 &&
                sv_eq_cstr(name, x->m->onbox[j].name))
                return;
        model_add_onbox(x->a, x->m, "junos-event-script", model_strdup(x->a, name), false,
                        model_path_own(l, k));
    }
}

static struct mirror_session *j_mirror(struct jx *x, const char *kind, struct sv name,
                                       const struct cfg_node *n)
{
    const char *nm = arena_printf(x->a, "%s %.*s", kind, (int)name.n, name.p);
    for (size_t j = 0; j < x->m->nmirrors; j++)
        if (x->m->mirrors[j].node == n || strcmp(x->m->mirrors[j].kind, nm) == 0)
            return &x->m->mirrors[j];
    if (!jsmall(x->m->nmirrors))
        return NULL;
    struct mirror_session *s = MODEL_PUSH(x->a, x->m->mirrors, x->m->nmirrors);
    s->kind = nm; /* replaced by the plain kind at the end */
    s->node = n;
    return s;
}

static void j_forwarding(struct jx *x, const struct model_path *l, size_t i)
{
    size_t k;
    if (model_path_match(l, i, "port-mirroring", &k)) {
        struct sv name = SV_LIT("default");
        const struct cfg_node *n = model_path_own(l, i);
        if (model_path_eq(l, k, "instance") && k + 1 < l->n) {
            name = l->tok[k + 1];
            n = model_path_own(l, k + 1);
            k += 2;
        }
        bool out = false;
        for (size_t j = k; j < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "output"))
                out = true;
        if (!out)
            return;
        struct mirror_session *s = j_mirror(x, "port-mirroring", name, n);
        if (!s)
            return;
        for (size_t j = k; j + 1 < l->n; j++) {
            if (sv_eq_cstr(l->tok[j], "interface") && !s->destination)
                s->destination = model_strdup(x->a, l->tok[j + 1]);
            if (sv_eq_cstr(l->tok[j], "ip-address") || sv_eq_cstr(l->tok[j], "next-hop")) {
                s->destination = model_strdup(x->a, l->tok[j + 1]);
                s->remote = true;
            }
        }
    } else if (model_path_match(l, i, "analyzer", &k) && k + 1 < l->n) {
        bool out = false;
        for (size_t j = k + 1; j < l->n; j++)
            if (sv_eq_cstr(l->tok[j], "output"))
                out = true;
        if (!out)
            return;
        struct mirror_session *s = j_mirror(x, "analyzer", l->tok[k], model_path_own(l, k));
        if (!s)
            return;
        for (size_t j = k + 1; j + 1 < l->n; j++) {
            if ((sv_eq_cstr(l->tok[j], "interface") || sv_eq_cstr(l->tok[j], "vlan")) &&
                !s->destination)
                s->destination = model_strdup(x->a, l->tok[j + 1]);
            if (sv_eq_cstr(l->tok[j], "ip-address")) {
                s->destination = model_strdup(x->a, l->tok[j + 1]);
                s->remote = true;
            }
        }
    }
}

/* ------------------------------------------------------------ dispatch */

static void j_dispatch(struct jx *x, const struct model_path *l);
static void j_protocols(struct jx *x, const struct model_path *l);

/* "routing-instances <name> protocols bgp ...": read as the master BGP with
 * the instance recorded (per-VRF sessions of a PE). */
static void j_instance_bgp(struct jx *x, const struct model_path *l)
{
    if (!x->scratch_inst)
        x->scratch_inst = arena_alloc(x->a, sizeof(*x->scratch_inst));
    struct model_path *sub = x->scratch_inst;
    sub->n = l->n - 2;
    memmove(sub->tok, l->tok + 2, sub->n * sizeof(sub->tok[0]));
    memmove(sub->own, l->own + 2, sub->n * sizeof(sub->own[0]));
    sub->node = l->node;
    x->cur_inst = sv_unquote(l->tok[1]);
    j_protocols(x, sub);
    x->cur_inst = sv_make(NULL, 0);
}

/* The kind of a $9$/$8$ secret no handler claimed, from its path. */
static const char *secret_kind_from_path(const struct model_path *l)
{
    static const struct {
        const char *word, *kind;
    } kinds[] = {
        {"key-chain", "key-chain"},
        {"ldp", "ldp-key"},
        {"rsvp", "rsvp-key"},
        {"vrrp-group", "vrrp-key"},
        {"ospf", "ospf-key"},
        {"ospf3", "ospf-key"},
        {"isis", "isis-key"},
        {"bgp", "bgp-key"},
        {"ike", "ipsec-psk"},
        {"radius-server", "radius-key"},
        {"tacplus-server", "tacacs-key"},
        {"snmp", "snmp-auth"},
        {"ntp", "ntp-key"},
        {"bfd-liveness-detection", "bfd-key"},
    };
    for (size_t i = 0; i < l->n; i++)
        for (size_t j = 0; j < ARRAY_SIZE(kinds); j++)
            if (sv_eq_cstr(l->tok[i], kinds[j].word))
                return kinds[j].kind;
    return "other";
}

/*
 * Reversible Junos secrets ($9$, $8$) anywhere else in the config (LDP,
 * RSVP, VRRP, BFD, RADIUS for dot1x, ...) are recorded too, so that reports
 * can redact them and fleets can compare them. A value a handler already
 * recorded for this statement is not recorded twice.
 */
static void j_catch_secrets(struct jx *x, const struct model_path *l)
{
    if (l->own[l->n - 1] != l->node || model_path_match(l, 0, "system login", NULL) ||
        model_path_match(l, 0, "system root-authentication", NULL))
        return;
    for (size_t i = 1; i < l->n; i++) {
        struct sv v = sv_unquote(l->tok[i]);
        if (v.n < 4 || !(sv_starts_with(v, "$9$") || sv_starts_with(v, "$8$")))
            continue;
        bool seen = false;
        for (size_t j = x->secrets_before; j < x->m->nother_secrets && !seen; j++)
            seen = x->m->other_secrets[j].node == l->node;
        if (!seen)
            model_add_secret(x->a, x->m, secret_kind_from_path(l), jsecret(l, i));
    }
}

/* ------------------------------------------------------------ log paths */

/* A source-address statement of a management protocol (LOG-SOURCE). */
static void j_source(struct jx *x, const struct model_path *l, const char *service, size_t at)
{
    if (at >= l->n)
        return;
    struct sv a = sv_unquote(l->tok[at]);
    bool addr = model_parse_addr(a).af != 0;
    struct mgmt_source *src = model_add_source(x->a, x->m, service, addr ? sv_make("", 0) : a,
                                               addr ? a : sv_make("", 0), l->node);
    for (size_t j = at + 1; src && j + 1 < l->n; j++)
        if (sv_eq_cstr(l->tok[j], "routing-instance"))
            src->vrf = dup_unq(x, l->tok[j + 1]);
}

/* Paths read for the logging checks, beside the main dispatch. */
static void j_log_paths(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 0, "system syslog source-address", &k))
        j_source(x, l, "syslog", k);
    else if (model_path_match(l, 0, "system syslog host", &k) &&
             model_path_eq(l, k + 1, "source-address"))
        j_source(x, l, "syslog", k + 2);
    else if (model_path_match(l, 0, "system ntp source-address", &k))
        j_source(x, l, "ntp", k);
    else if (model_path_match(l, 0, "snmp trap-options source-address", &k))
        j_source(x, l, "snmp-trap", k);
    else if (model_path_match(l, 0, "system tacplus-server", &k) &&
             model_path_eq(l, k + 1, "source-address"))
        j_source(x, l, "tacacs", k + 2);
    else if (model_path_match(l, 0, "system radius-server", &k) &&
             model_path_eq(l, k + 1, "source-address"))
        j_source(x, l, "radius", k + 2);
    else if (sv_eq_cstr(l->tok[0], "interfaces") && l->n >= 7 && model_path_eq(l, 2, "unit") &&
             model_path_eq(l, 4, "family") && model_path_eq(l, 6, "address") && l->n > 7 &&
             jsmall(x->nifaddrs)) {
        struct jifaddr *ia = MODEL_PUSH(x->a, x->ifaddrs, x->nifaddrs);
        struct sv a = sv_unquote(l->tok[7]);
        const char *slash = memchr(a.p, '/', a.n);
        ia->addr = slash ? sv_make(a.p, (size_t)(slash - a.p)) : a;
        ia->ifname = l->tok[1];
    }
}

/* Name the interface of each source given as an address, where one holds it. */
static void finish_sources(struct jx *x)
{
    for (size_t i = 0; i < x->m->nmgmt_sources; i++) {
        struct mgmt_source *src = &x->m->mgmt_sources[i];
        for (size_t j = 0; src->addr && !src->ifname && j < x->nifaddrs; j++)
            if (sv_eq_cstr(x->ifaddrs[j].addr, src->addr))
                src->ifname = model_strdup(x->a, x->ifaddrs[j].ifname);
    }
}

/* A syslog host's transport and routing instance (LOG-TRANSPORT), once the
 * main dispatch has created the host. */
static void j_syslog_host_attrs(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (!model_path_match(l, 0, "system syslog host", &k) || k + 2 >= l->n)
        return;
    size_t at = model_nmap_get(&x->host_map, l->tok[k], SV_LIT("syslog"));
    if (at == SIZE_MAX)
        return;
    struct host_ref *h = &x->m->logging.hosts[at];
    if (model_path_eq(l, k + 1, "transport") && model_path_eq(l, k + 2, "tls"))
        h->tls = true;
    else if (model_path_eq(l, k + 1, "routing-instance"))
        h->vrf = dup_unq(x, l->tok[k + 2]);
}

static void j_line(struct jx *x, const struct model_path *l)
{
    x->secrets_before = x->m->nother_secrets;
    j_log_paths(x, l);
    j_dispatch(x, l);
    j_syslog_host_attrs(x, l);
    jrtg_line(x->a, x->m, &x->rtg, l);
    model_ct_junos_line(&x->ct, x->a, x->m, l);
    j_catch_secrets(x, l);
    model_access_path(x->m, l);
}

/* Control-plane statements (struct cpp_facts): ICMP source quench and
 * router discovery. */
static void j_cpp_line(struct jx *x, const struct model_path *l)
{
    struct cpp_facts *cp = &x->m->cpp;
    size_t k;
    if (model_path_match(l, 0, "system internet-options", &k) && k + 1 == l->n) {
        if (model_path_eq(l, k, "no-source-quench"))
            fact_set(&cp->source_quench, FACT_OFF, l->node);
        else if (model_path_eq(l, k, "source-quench"))
            fact_set(&cp->source_quench, FACT_ON, l->node);
    } else if (model_path_match(l, 0, "protocols router-discovery", &k) &&
               cp->router_discovery.state != FACT_ON) {
        fact_set(&cp->router_discovery, FACT_ON, model_path_own(l, k - 1));
    }
}

static void j_dispatch(struct jx *x, const struct model_path *l)
{
    struct sv t0 = l->tok[0];
    size_t k;
    j_cpp_line(x, l);
    if (sv_eq_cstr(t0, "system"))
        j_system(x, l);
    else if (sv_eq_cstr(t0, "snmp"))
        j_snmp(x, l);
    else if (sv_eq_cstr(t0, "protocols"))
        j_protocols(x, l);
    else if (sv_eq_cstr(t0, "interfaces"))
        j_interfaces(x, l);
    else if (sv_eq_cstr(t0, "firewall"))
        j_firewall(x, l);
    else if (sv_eq_cstr(t0, "policy-options"))
        j_policy_options(x, l);
    else if (sv_eq_cstr(t0, "security"))
        j_security(x, l);
    else if (sv_eq_cstr(t0, "event-options"))
        j_event_options(x, l);
    else if (sv_eq_cstr(t0, "forwarding-options"))
        j_forwarding(x, l, 1);
    else if (model_path_match(l, 0, "ethernet-switching-options", &k))
        j_forwarding(x, l, k);
    else if (sv_eq_cstr(t0, "routing-instances") && model_path_match(l, 2, "protocols bgp", NULL))
        j_instance_bgp(x, l);
    else if (model_path_match(l, 0, "routing-options autonomous-system", &k) && k < l->n)
        x->local_as = model_sv_long(l->tok[k], -1);
    else if (sv_eq_cstr(t0, "version") && l->n >= 2 && l->own[1] == l->node)
        x->m->os_version = dup_unq(x, l->tok[1]);
}

/* Local lines: everything except the groups definitions. */
static void j_local_line(void *ctx, const struct model_path *l)
{
    struct jx *x = ctx;
    if (sv_eq_cstr(l->tok[0], "groups"))
        return;
    j_line(x, l);
}

/* Pass 1: record apply-groups statements with their hierarchy level. */
static void j_apply_line(void *ctx, const struct model_path *l)
{
    struct jx *x = ctx;
    if (sv_eq_cstr(l->tok[0], "groups"))
        return;
    size_t at = l->n;
    for (size_t i = 0; i < l->n; i++)
        if (sv_eq_cstr(l->tok[i], "apply-groups")) {
            at = i;
            break;
        }
    if (at == l->n || at + 1 >= l->n || l->own[l->n - 1] != l->node)
        return;
    if (x->napply >= JX_MAX_APPLY)
        return;
    struct japply *ap = MODEL_PUSH(x->a, x->apply, x->napply);
    ap->nloc = at;
    ap->loc = arena_alloc(x->a, (at ? at : 1) * sizeof(*ap->loc));
    for (size_t i = 0; i < at; i++)
        ap->loc[i] = l->tok[i];
    ap->nnames = 0;
    ap->names = arena_alloc(x->a, (l->n - at - 1) * sizeof(*ap->names));
    for (size_t i = at + 1; i < l->n; i++)
        ap->names[ap->nnames++] = sv_unquote(l->tok[i]);
}

/* Pass 2: statements inside applied groups, as if written at the top. */
static void j_group_line(void *ctx, const struct model_path *l)
{
    struct jx *x = ctx;
    if (!sv_eq_cstr(l->tok[0], "groups") || l->n < 3)
        return;
    struct sv g = sv_unquote(l->tok[1]);
    bool applied = false;
    for (size_t i = 0; i < x->napply && !applied; i++) {
        const struct japply *ap = &x->apply[i];
        bool named = false;
        for (size_t j = 0; j < ap->nnames; j++)
            if (sv_same(ap->names[j], g))
                named = true;
        if (!named || ap->nloc > l->n - 2)
            continue;
        bool under = true;
        for (size_t j = 0; j < ap->nloc; j++)
            if (!sv_same(ap->loc[j], l->tok[j + 2]))
                under = false;
        applied = under;
    }
    if (!applied)
        return;
    for (size_t i = 2; i < l->n; i++)
        if (l->tok[i].n && l->tok[i].p[0] == '<') {
            /* wildcard paths are not expanded; under system login they may
             * change the classes that MGMT-OUTBOUND judges */
            if (l->n > 3 && sv_eq_cstr(l->tok[2], "system") && sv_eq_cstr(l->tok[3], "login") &&
                !x->wild_login_node)
                x->wild_login_node = l->node;
            return;
        }
    struct model_path *sub = x->scratch_group;
    sub->n = l->n - 2;
    memcpy(sub->tok, l->tok + 2, sub->n * sizeof(sub->tok[0]));
    memcpy(sub->own, l->own + 2, sub->n * sizeof(sub->own[0]));
    sub->node = l->node;
    j_line(x, sub);
}

/* ------------------------------------------------------------ finish */

static const struct jbgp_grp *find_group(const struct jx *x, struct sv name, struct sv inst)
{
    size_t at = model_nmap_get(&x->group_map, name, inst);
    return at == SIZE_MAX ? NULL : &x->groups[at];
}

static enum secret_type keychain_type(const struct jx *x, struct sv name)
{
    for (size_t i = 0; i < x->nkeychains; i++)
        if (sv_same_unq(x->keychains[i].name, name))
            return secret_is_redacted(x->keychains[i].addr)
                       ? SECRET_REDACTED
                       : secret_classify_junos(x->keychains[i].addr);
    return SECRET_NONE;
}

static bool lo0_has_ttl_check(const struct jx *x, const struct cfg_node **ev)
{
    if (!x->lo0_filter)
        return false;
    for (size_t i = 0; i < x->nterms; i++)
        if (x->terms[i].ttl_except_255 &&
            sv_eq_cstr(sv_unquote(x->terms[i].filter), x->lo0_filter)) {
            *ev = x->terms[i].node;
            return true;
        }
    return false;
}

static void finish_bgp(struct jx *x)
{
    struct device_model *m = x->m;
    m->bgp.local_as = x->local_as;
    m->bgp.node = x->bgp_node;
    const struct cfg_node *gtsm_ev = NULL;
    bool gtsm = lo0_has_ttl_check(x, &gtsm_ev);
    for (size_t i = 0; i < x->nnbrs; i++) {
        const struct jbgp_nbr *b = &x->nbrs[i];
        static const struct jbgp_set none = {.peer_as = -1, .local_as = -1};
        const struct jbgp_grp *g = b->group.p ? find_group(x, b->group, b->inst) : NULL;
        /* bgp-level settings of a routing instance are not read: none apply */
        const struct jbgp_set *gs = g ? &g->s : NULL, *os = b->inst.p ? &none : &x->bgp_global;
        struct bgp_neighbor *nb = MODEL_PUSH(x->a, m->bgp.neighbors, m->bgp.nneighbors);
        nb->addr = model_strdup(x->a, b->addr);
        nb->group = b->group.p ? dup_unq(x, b->group) : NULL;
        nb->node = b->node;
        nb->vrf = b->inst.p ? dup_unq(x, b->inst) : NULL;
        /* neighbour overrides group overrides the bgp level */
#define PICK(field) (b->s.field ? b->s.field : gs && gs->field ? gs->field : os->field)
        long peer_as = b->s.peer_as >= 0        ? b->s.peer_as
                       : gs && gs->peer_as >= 0 ? gs->peer_as
                                                : os->peer_as;
        long local_as = b->s.local_as >= 0        ? b->s.local_as
                        : gs && gs->local_as >= 0 ? gs->local_as
                        : os->local_as >= 0       ? os->local_as
                                                  : x->local_as;
        int type = b->s.type ? b->s.type : gs && gs->type ? gs->type : os->type;
        nb->remote_as = peer_as;
        if (type)
            nb->ebgp = type == 1;
        else
            nb->ebgp = peer_as >= 0 && local_as >= 0 && peer_as != local_as;
        const struct jbgp_set *as = b->s.auth_node ? &b->s : gs && gs->auth_node ? gs : os;
        if (as->auth_node) {
            fact_set(&nb->auth, FACT_ON, as->auth_node);
            if (as->keychain.p) {
                nb->auth_type = keychain_type(x, as->keychain);
            } else {
                nb->key = as->key;
                nb->auth_type = as->key.type;
            }
        } else {
            fact_default(&nb->auth, FACT_OFF,
                         "no authentication-key at neighbour, group or bgp level");
        }
        const struct cfg_node *mp = PICK(maxpfx_node);
        if (mp)
            fact_set(&nb->max_prefix, FACT_ON, mp);
        else
            fact_default(&nb->max_prefix, FACT_OFF, "no prefix-limit at neighbour or group level");
        nb->in_policy = PICK(import);
        nb->out_policy = PICK(export);
        /* the statements that bind them, from the level the policy came from */
        nb->in_policy_node = b->s.import        ? b->s.import_node
                             : gs && gs->import ? gs->import_node
                                                : os->import_node;
        nb->out_policy_node = b->s.export        ? b->s.export_node
                              : gs && gs->export ? gs->export_node
                                                 : os->export_node;
        if (gtsm) {
            fact_set(&nb->gtsm, FACT_ON, gtsm_ev);
        } else {
            fact_default(&nb->gtsm, FACT_OFF,
                         x->lo0_filter ? "no ttl-except 255 term in the lo0 input filter"
                                       : "no lo0 input filter enforcing TTL 255 for BGP");
        }
#undef PICK
    }
}

/* The algorithm of one authenticated adjacency (f, or the IS-IS level
 * authentication when f is NULL), kept on g when weaker than what g has:
 * OSPF "authentication md5" and IS-IS "authentication-type md5" are MD5
 * (HMAC-MD5 for IS-IS); a key chain decides by its keys' algorithm. */
static void j_igp_alg(const struct jx *x, const struct jigp_if *f, struct igp_instance *g)
{
    const struct cfg_node *at = f ? f->auth_node : x->isis_level_auth;
    const char *why = NULL;
    enum igp_alg a;
    if (f && f->keychain.n) {
        a = j_chain_alg(x, f->keychain, &at, &why);
    } else if (f && f->proto != 2) {
        a = f->md5 ? IGP_ALG_MD5 : IGP_ALG_UNKNOWN;
    } else if (f && f->hello_type) {
        a = IGP_ALG_MD5;
        at = f->hello_type;
    } else if (!f && x->isis_level_chain.n) {
        a = j_chain_alg(x, x->isis_level_chain, &at, &why);
    } else if (x->isis_level_type) {
        a = IGP_ALG_MD5; /* authentication-type md5: HMAC-MD5 (simple is cleartext) */
        at = x->isis_level_type;
    } else {
        a = IGP_ALG_UNKNOWN;
    }
    if (a == IGP_ALG_UNKNOWN && !why)
        why = "no authentication type or algorithm is stated";
    if (a > g->alg) {
        g->alg = a;
        g->alg_node = at;
        g->alg_why = why;
    }
}

static void finish_igp(struct jx *x)
{
    static const char *const names[3] = {"ospf", "ospfv3", "isis"};
    for (int p = 0; p < 3; p++) {
        if (!x->igp_node[p])
            continue;
        struct igp_instance *g = MODEL_PUSH(x->a, x->m->igps, x->m->nigps);
        g->proto = names[p];
        g->name = names[p];
        g->node = x->igp_node[p];
        size_t need = 0, have = 0;
        const struct cfg_node *miss = NULL;
        bool weak = false;
        for (size_t i = 0; i < x->nigp_if; i++) {
            const struct jigp_if *f = &x->igp_if[i];
            if (f->proto != p || f->passive)
                continue;
            need++;
            if (f->weak)
                weak = true;
            bool ok = f->authed || (p == 2 && x->isis_level_auth && !x->isis_level_weak);
            if (ok) {
                have++;
                if (f->auth_node)
                    fact_lines_add(&g->auth.ev, f->auth_node);
                j_igp_alg(x, f->authed ? f : NULL, g);
            } else if (!miss) {
                miss = f->node;
            }
        }
        if (p == 2 && x->isis_level_auth)
            fact_lines_add(&g->auth.ev, x->isis_level_auth);
        if (need == 0) {
            if (p == 2 && x->isis_level_auth && !x->isis_level_weak) {
                fact_set(&g->auth, FACT_ON, x->isis_level_auth);
                j_igp_alg(x, NULL, g);
            } else
                fact_unknown(&g->auth, "no active (non-passive) interfaces found");
        } else if (have == need) {
            g->auth.state = FACT_ON;
        } else {
            fact_set(&g->auth, FACT_OFF, miss);
            g->auth.why = weak ? "simple-password (cleartext) or no authentication on an interface"
                               : "an interface without authentication";
        }
    }
}

static void finish_mirrors(struct jx *x)
{
    for (size_t i = 0; i < x->m->nmirrors; i++) {
        struct mirror_session *s = &x->m->mirrors[i];
        s->kind = strncmp(s->kind, "analyzer", 8) == 0 ? "analyzer" : "port-mirroring";
    }
}

void model_extract_junos(const struct cfg_tree *t, struct device_model *m)
{
    struct jx *x = arena_alloc(t->arena, sizeof(*x));
    x->t = t;
    x->a = t->arena;
    x->m = m;
    x->local_as = -1;
    x->bgp_global.peer_as = -1;
    x->bgp_global.local_as = -1;
    x->acl_budget = JX_MAX_ACL_EXPAND;
    m->dialect = t->dialect;
    m->ssh.idle_timeout_seconds = -1;

    const struct cfg_node *groups = NULL;
    bool any_apply = false;
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        struct sv s = cfg_text(n);
        if (sv_starts_with_word(s, "groups") || sv_starts_with_word(s, "set groups"))
            groups = n;
        if (sv_starts_with_word(s, "apply-groups") || sv_starts_with_word(s, "set apply-groups"))
            any_apply = true;
    }
    if (groups || any_apply)
        model_path_walk(x->a, &x->walk, t->first, true, jl_push_node, j_apply_line, x);
    if (x->napply) {
        x->scratch_group = arena_alloc(t->arena, sizeof(*x->scratch_group));
        x->in_groups = true;
        model_path_walk(x->a, &x->walk, t->first, true, jl_push_node, j_group_line, x);
        x->in_groups = false;
    }
    model_path_walk(x->a, &x->walk, t->first, true, jl_push_node, j_local_line, x);

    jx_finish_services(x);
    jx_finish_aaa(x);
    jx_finish_outbound(x);
    jx_finish_logging(x);
    jx_finish_zones(x);
    finish_sources(x);
    jx_finish_acls(x);
    jx_finish_ranges(x);
    finish_bgp(x);
    finish_igp(x);
    finish_mirrors(x);
    jrtg_finish(x->a, m, x->rtg);
    jx_finish_cpp(x);
    model_ct_junos_finish(x->ct, m);
    if (m->legacy.secret_encryption.state == FACT_UNKNOWN)
        fact_default(&m->legacy.secret_encryption, FACT_OFF,
                     "no system master-password: $9$ secrets are reversible obfuscation");
    if (m->legacy.redirects.state == FACT_UNKNOWN)
        fact_default(&m->legacy.redirects, FACT_ON, "Junos sends ICMP redirects by default");
    if (x->console_insecure_node && x->aux_disable_node) {
        fact_set(&m->console_auth, FACT_ON, x->console_insecure_node);
        fact_lines_add(&m->console_auth.ev, x->aux_disable_node);
    } else {
        fact_default(&m->console_auth, FACT_OFF,
                     !x->console_insecure_node
                         ? "no 'system ports console insecure': root may log in at the console"
                         : "no 'system ports auxiliary disable': the auxiliary port is open");
        fact_lines_add(&m->console_auth.ev,
                       x->console_insecure_node ? x->console_insecure_node : x->aux_disable_node);
    }
    if (m->legacy.discovery.state == FACT_UNKNOWN)
        fact_default(&m->legacy.discovery, FACT_OFF,
                     "no 'protocols lldp': LLDP runs only where the configuration enables it "
                     "(the EX/QFX factory configuration does so with 'protocols lldp')");
}
