/*
 * extract_sros.c - the Nokia SR OS extractor: fills struct device_model from
 * a classic CLI, MD-CLI brace or MD-CLI flat (/configure ...) config tree.
 *
 * As for Junos, the tree is read as full statement paths ("configure system
 * security telnet-server"), built by one walk that keeps the tokens of the
 * enclosing statements; the three forms therefore look alike and handlers
 * accept both keyword sets (classic `telnet-server` / `no telnet-server`,
 * MD-CLI `telnet-server true|false`; classic `user "x"` vs MD-CLI
 * `user-params local-user user "x"`; classic `group "g" neighbor "n"` vs
 * MD-CLI `neighbor "n" group "g"`). BGP is read for the "Base" router and
 * for VPRNs (sessions carry the service name in bgp_neighbor.vrf); MD-CLI
 * configuration groups are expanded where `apply-groups` stands.
 *
 * Defaults (checks.md section 18): telnet and FTP servers off, SSH server
 * on, idle-timeout 30 minutes, the default SSH cipher and MAC lists include
 * CBC/3DES and SHA-1/MD5; the gRPC and NETCONF servers are shut down unless
 * enabled, and gRPC runs without TLS only with allow-unsecure-connection and
 * no TLS server profile. IKE/IPsec algorithms left unset are release
 * defaults (unknown). The release comes from the "# TiMOS-..." header.
 */
#include "model/extract_edge.h"
#include "model/extract_rtg.h"
#include "model/extract_sros.h"

#include <string.h>

/* ------------------------------------------------------------ tokens */

/*
 * Append the tokens of one statement to l. Quoted strings stay whole; brace
 * and list punctuation is dropped; a "#" token starts a comment. Returns
 * false (SR OS has no inactive marker in the text).
 */
static bool jl_push_node(struct model_path *l, const struct cfg_node *nd)
{
    const char *p = nd->text, *end = nd->text + nd->len;
    struct sv t;
    while ((p = model_path_token(p, end, &t)) != NULL) {
        if (t.p[0] == '#')
            break;
        if (l->n == 0 && t.n > 1 && t.p[0] == '/')
            t.p++, t.n--; /* "/configure" */
        t = model_path_strip(t);
        if (t.n == 0)
            continue;
        model_path_add(l, t, nd);
    }
    return false;
}

/* ------------------------------------------------------------ helpers */

/* The entry of a profile that denies the ssh or telnet command, or NULL. */
static const struct sentry *profile_denies_outbound(const struct sprofile *pf)
{
    for (size_t j = 0; j < pf->nentries; j++) {
        const struct sentry *e = &pf->entries[j];
        if (e->deny &&
            (sv_starts_with_word(e->match, "ssh") || sv_starts_with_word(e->match, "telnet")))
            return e;
    }
    return NULL;
}

/*
 * Router interface defaults (7750 SR OS Router Configuration Guide, "Router
 * Interface ICMP Commands"): redirects and unreachables are generated at up
 * to 100 per 10 seconds and mask requests answered unless disabled under
 * "icmp"; proxy ARP needs a proxy-arp-policy or local-proxy-arp.
 */
static void s_iface_icmp_defaults(struct interface *f)
{
    fact_default(&f->proxy_arp, FACT_OFF,
                 "proxy ARP is off unless a proxy-arp-policy or local-proxy-arp is set");
    fact_default(&f->redirects, FACT_ON,
                 "SR OS sends ICMP redirects (up to 100 per 10 s) unless 'icmp no redirects'");
    fact_default(&f->unreachables, FACT_ON,
                 "SR OS sends ICMP unreachables, rate-limited to 100 per 10 s by default");
}

static struct interface *s_iface(struct sx *x, struct sv name, const struct cfg_node *n, bool port)
{
    struct device_model *m = x->m;
    name = sv_unquote(name);
    size_t at = model_nmap_get(&x->if_map, name, sv_make(NULL, 0));
    if (at != SIZE_MAX)
        return &m->interfaces[at];
    if (!scap(m->ninterfaces))
        return NULL;
    struct interface *f = model_add_interface(x->a, m, name, n);
    model_nmap_put(x->a, &x->if_map, name, sv_make(NULL, 0), m->ninterfaces - 1);
    f->is_loopback = !port && sv_eq_cstr(name, "system");
    f->is_mgmt = port && (sv_eq_cstr(name, "A/1") || sv_eq_cstr(name, "B/1"));
    /* ports are administratively down until enabled; router interfaces up */
    f->shutdown = port;
    fact_default(&f->urpf, FACT_OFF, "no urpf-check");
    s_iface_icmp_defaults(f);
    fact_default(&f->directed_broadcast, FACT_OFF,
                 "SR OS forwards no directed broadcasts unless allow-directed-broadcasts is set");
    return f;
}

/* ------------------------------------------------------------ statement tables */

/* Hand the statement at i to the first row whose words match and whose
 * handler reads it, in table order. */
void sx_dispatch(struct sx *x, const struct sx_row *rows, size_t nrows, const struct model_path *l,
                 size_t i, bool no)
{
    struct sv w = model_path_tok(l, i);
    for (size_t r = 0; r < nrows; r++) {
        const char *words = rows[r].words;
        size_t k = i;
        /* the first letter rules most rows out before the words are compared */
        if (words && (!w.n || w.p[0] != words[0] || !model_path_match(l, i, words, &k)))
            continue;
        if (rows[r].fn(x, l, i, k, no))
            return;
    }
}

/* ------------------------------------------------------------ log */

/* The syslog destination with this id, created on first sight (NULL past the cap). */
static struct ssyslog *s_syslog(struct sx *x, struct sv id)
{
    id = sv_unquote(id);
    size_t at = model_nmap_get(&x->obj_map, id, SV_LIT("syslog"));
    if (at != SIZE_MAX)
        return &x->syslogs[at];
    if (!ssmall(x->nsyslogs))
        return NULL;
    model_nmap_put(x->a, &x->obj_map, id, SV_LIT("syslog"), x->nsyslogs);
    struct ssyslog *g = MODEL_PUSH(x->a, x->syslogs, x->nsyslogs);
    g->id = id;
    g->level = -1;
    g->host = SIZE_MAX;
    return g;
}

static void s_log(struct sx *x, const struct model_path *l, size_t i)
{
    struct device_model *m = x->m;
    if (model_path_eq(l, i, "syslog") && i + 1 < l->n) {
        size_t a = find_w(l, i + 2, "address");
        size_t lv = find_w(l, i + 2, "level");
        if (!lv)
            lv = find_w(l, i + 2, "severity");
        struct ssyslog *g = s_syslog(x, l->tok[i + 1]);
        if (g && lv && lv + 1 < l->n && log_level_parse(l->tok[lv + 1]) >= 0) {
            g->level = log_level_parse(l->tok[lv + 1]);
            g->level_node = l->node;
        }
        if (g && a && a + 1 < l->n)
            g->has_addr = true;
        if (a && a + 1 < l->n && scap(m->logging.nhosts)) {
            model_add_host(x->a, &m->logging.hosts, &m->logging.nhosts, sv_unquote(l->tok[a + 1]),
                           l->node);
            fact_lines_add(&m->logging.ev, l->node);
            if (g)
                g->host = m->logging.nhosts - 1;
        }
        size_t t = find_w(l, i + 2, "tls-client-profile");
        if (g && t && t + 1 < l->n && !model_path_eq(l, t - 1, "no"))
            g->tls = true;
    } else if (model_path_eq(l, i, "log-id") && i + 1 < l->n) {
        struct sv id = sv_unquote(l->tok[i + 1]);
        size_t at = model_nmap_get(&x->obj_map, id, SV_LIT("log-id"));
        struct slogid *g = at == SIZE_MAX ? NULL : &x->logids[at];
        if (!g) {
            if (!ssmall(x->nlogids))
                return;
            model_nmap_put(x->a, &x->obj_map, id, SV_LIT("log-id"), x->nlogids);
            g = MODEL_PUSH(x->a, x->logids, x->nlogids);
            g->id = id;
            g->node = model_path_own(l, i + 1);
        }
        size_t k = i + 2;
        if (model_path_eq(l, k, "from") || model_path_eq(l, k, "source")) {
            bool on = model_path_eq(l, k, "from") || is_true(l, k + 2);
            for (size_t j = k + 1; j < l->n && on; j++) {
                if (sv_eq_cstr(l->tok[j], "security"))
                    g->security = true;
                if (sv_eq_cstr(l->tok[j], "change"))
                    g->change = true;
            }
            g->src_node = l->node;
        } else if ((model_path_eq(l, k, "to") || model_path_eq(l, k, "destination")) &&
                   model_path_eq(l, k + 1, "syslog")) {
            g->to_syslog = true;
        } else if (model_path_eq(l, k, "shutdown") ||
                   (model_path_eq(l, k, "admin-state") && model_path_eq(l, k + 1, "disable"))) {
            g->shut_node = l->node;
        }
    }
}

/* ------------------------------------------------------------ router */

static void s_bgp_setting(struct sx *x, struct sbgp_set *s, const struct model_path *l, size_t k)
{
    if (model_path_eq(l, k, "authentication-key") && k + 1 < l->n) {
        s->key = ssecret(l, k + 1);
        s->auth_node = l->node;
        model_add_secret(x->a, x->m, "bgp-key", s->key);
    } else if (model_path_eq(l, k, "auth-keychain") && k + 1 < l->n) {
        s->auth_node = l->node;
    } else if (model_path_eq(l, k, "ttl-security") && k + 1 < l->n) {
        s->ttl_node = l->node;
    } else if (model_path_eq(l, k, "prefix-limit") && k + 1 < l->n) {
        if (find_w(l, k + 1, "maximum") || l->n - k >= 3)
            s->limit_node = l->node;
    } else if (model_path_eq(l, k, "type") && k + 1 < l->n) {
        s->type = sv_eq_cstr(l->tok[k + 1], "external") ? 1 : 2;
    } else if (model_path_eq(l, k, "peer-as") && k + 1 < l->n) {
        s->peer_as = model_sv_long(l->tok[k + 1], -1);
    } else if (model_path_eq(l, k, "local-as") && k + 1 < l->n) {
        size_t v = model_path_eq(l, k + 1, "as-number") ? k + 2 : k + 1;
        s->local_as = model_sv_long(model_path_tok(l, v), -1);
    } else if ((model_path_eq(l, k, "import") || model_path_eq(l, k, "export")) && k + 1 < l->n) {
        size_t v = model_path_eq(l, k + 1, "policy") ? k + 2 : k + 1;
        if (v >= l->n)
            return;
        const char *names = dup_unq(x, l->tok[v]);
        for (size_t j = v + 1; j < l->n; j++)
            names = arena_printf(x->a, "%s %.*s", names, (int)sv_unquote(l->tok[j]).n,
                                 sv_unquote(l->tok[j]).p);
        const char **slot = model_path_eq(l, k, "import") ? &s->import : &s->export;
        *slot = *slot ? arena_printf(x->a, "%s %s", *slot, names) : names;
    } else if (model_path_eq(l, k, "shutdown") ||
               (model_path_eq(l, k, "admin-state") && model_path_eq(l, k + 1, "disable"))) {
        s->shutdown = true;
    }
}

static struct sbgp_grp *s_group(struct sx *x, struct sv name, const struct cfg_node *n)
{
    name = sv_unquote(name);
    size_t at = model_nmap_get(&x->group_map, name, x->cur_inst);
    if (at != SIZE_MAX)
        return &x->groups[at];
    if (!scap(x->ngroups))
        return NULL;
    model_nmap_put(x->a, &x->group_map, name, x->cur_inst, x->ngroups);
    struct sbgp_grp *g = MODEL_PUSH(x->a, x->groups, x->ngroups);
    g->name = name;
    g->inst = x->cur_inst;
    g->node = n;
    g->s.peer_as = g->s.local_as = -1;
    return g;
}

static struct sbgp_nbr *s_nbr(struct sx *x, struct sv addr, const struct cfg_node *n)
{
    addr = sv_unquote(addr);
    size_t at = model_nmap_get(&x->nbr_map, addr, x->cur_inst);
    if (at != SIZE_MAX)
        return &x->nbrs[at];
    if (!scap(x->nnbrs))
        return NULL;
    struct sbgp_nbr *b = MODEL_PUSH(x->a, x->nbrs, x->nnbrs);
    b->addr = addr;
    b->inst = x->cur_inst;
    b->node = n;
    b->s.peer_as = b->s.local_as = -1;
    model_nmap_put(x->a, &x->nbr_map, addr, x->cur_inst, x->nnbrs - 1);
    return b;
}

static void s_bgp(struct sx *x, const struct model_path *l, size_t i)
{
    x->m->bgp.configured = true;
    if (!x->m->bgp.node)
        x->m->bgp.node = model_path_own(l, i - 1);
    if (model_path_eq(l, i, "group") && i + 1 < l->n) {
        struct sbgp_grp *g = s_group(x, l->tok[i + 1], model_path_own(l, i + 1));
        if (!g)
            return;
        if (model_path_eq(l, i + 2, "neighbor") && i + 3 < l->n) {
            struct sbgp_nbr *b = s_nbr(x, l->tok[i + 3], model_path_own(l, i + 3));
            if (!b)
                return;
            b->group = g->name;
            s_bgp_setting(x, &b->s, l, i + 4);
        } else {
            s_bgp_setting(x, &g->s, l, i + 2);
        }
    } else if (model_path_eq(l, i, "neighbor") && i + 1 < l->n) {
        /* MD-CLI: neighbours sit beside groups and name theirs */
        struct sbgp_nbr *b = s_nbr(x, l->tok[i + 1], model_path_own(l, i + 1));
        if (!b)
            return;
        if (model_path_eq(l, i + 2, "group") && i + 3 < l->n)
            b->group = sv_unquote(l->tok[i + 3]);
        else
            s_bgp_setting(x, &b->s, l, i + 2);
    } else if (!x->cur_inst.p) {
        s_bgp_setting(x, &x->bgp_global, l, i); /* VPRN bgp-level settings are not read */
    }
}

static struct sigp_if *s_igp_if(struct sx *x, int proto, struct sv name, const struct cfg_node *n)
{
    static const char *const protos[3] = {"ospf", "ospf3", "isis"};
    name = sv_unquote(name);
    size_t at = model_nmap_get(&x->igp_map, name, sv_from_cstr(protos[proto]));
    if (at != SIZE_MAX)
        return &x->igp_if[at];
    if (!scap(x->nigp_if))
        return NULL;
    model_nmap_put(x->a, &x->igp_map, name, sv_from_cstr(protos[proto]), x->nigp_if);
    struct sigp_if *f = MODEL_PUSH(x->a, x->igp_if, x->nigp_if);
    f->proto = proto;
    f->name = name;
    f->node = n;
    f->passive = sv_eq_cstr(name, "system") || sv_starts_with(name, "lo");
    return f;
}

static void s_igp_if_stmt(struct sx *x, struct sigp_if *f, const struct model_path *l, size_t k)
{
    struct sv w = model_path_tok(l, k);
    if (!w.p)
        return;
    if (sv_eq_cstr(w, "passive") && is_true(l, k + 1)) {
        f->passive = true;
    } else if (sv_eq_cstr(w, "interface-type") && model_path_eq(l, k + 1, "loopback")) {
        f->passive = true;
    } else if (sv_eq_cstr(w, "authentication-type") || sv_eq_cstr(w, "hello-authentication-type")) {
        if (model_path_eq(l, k + 1, "password") || model_path_eq(l, k + 1, "simple")) {
            f->weak = true;
            f->weak_node = l->node;
        } else if (model_path_eq(l, k + 1, "message-digest")) {
            f->md5_node = l->node; /* keyed MD5 (OSPF) / HMAC-MD5 (IS-IS) */
        }
    } else if (sv_eq_cstr(w, "message-digest-key") || sv_eq_cstr(w, "authentication-keychain") ||
               sv_eq_cstr(w, "hello-authentication-key") ||
               sv_eq_cstr(w, "hello-authentication-keychain") ||
               sv_eq_cstr(w, "authentication-key")) {
        f->authed = true;
        f->auth_node = l->node;
        if (sv_eq_cstr(w, "authentication-keychain") ||
            sv_eq_cstr(w, "hello-authentication-keychain"))
            f->chain = sv_unquote(model_path_tok(l, k + 1));
        else if (sv_eq_cstr(w, "message-digest-key") && find_w(l, k + 1, "md5"))
            f->md5_node = l->node;
        size_t v = find_w(l, k + 1, "md5");
        if (!v)
            v = find_w(l, k + 1, "key");
        if (sv_eq_cstr(w, "authentication-key") || sv_eq_cstr(w, "hello-authentication-key"))
            v = k;
        if (v && v + 1 < l->n && !sv_eq_cstr(w, "authentication-keychain") &&
            !sv_eq_cstr(w, "hello-authentication-keychain"))
            model_add_secret(x->a, x->m, f->proto == 2 ? "isis-key" : "ospf-key",
                             ssecret(l, v + 1));
    }
}

/* The state an "icmp" leaf sets: classic "[no] redirects [N S]", MD-CLI
 * "redirects admin-state enable|disable", "mask-reply true|false". */
static enum fact_state s_icmp_leaf(const struct model_path *l, size_t j, bool no)
{
    if (no || (model_path_eq(l, j + 1, "admin-state") && model_path_eq(l, j + 2, "disable")) ||
        model_path_eq(l, j + 1, "false"))
        return FACT_OFF;
    return FACT_ON;
}

/* A router interface's ICMP and proxy ARP statements (k: after its name). */
static void s_iface_cpp(struct sx *x, struct interface *f, const struct model_path *l, size_t k,
                        bool no)
{
    size_t j = k + (no ? 1 : 0);
    if (find_w(l, j, "proxy-arp-policy") && !no) {
        fact_set(&f->proxy_arp, FACT_ON, l->node);
        return;
    }
    size_t lp = find_w(l, j, "local-proxy-arp");
    if (lp && !no && is_true(l, lp + 1)) {
        fact_set(&f->proxy_arp, FACT_ON, l->node);
        return;
    }
    if (model_path_eq(l, j, "ipv4"))
        j++;
    if (!model_path_eq(l, j, "icmp") || j + 1 >= l->n)
        return;
    j++;
    if (model_path_eq(l, j, "no")) {
        no = true;
        j++;
    }
    enum fact_state st = s_icmp_leaf(l, j, no);
    if (model_path_eq(l, j, "redirects")) {
        fact_set(&f->redirects, st, l->node);
    } else if (model_path_eq(l, j, "unreachables")) {
        fact_set(&f->unreachables, st, l->node);
    } else if (model_path_eq(l, j, "mask-reply") && st == FACT_OFF && ssmall(x->nmask_off)) {
        size_t *slot = MODEL_PUSH(x->a, x->mask_off, x->nmask_off);
        *slot = (size_t)(f - x->m->interfaces);
    }
}

/* Mask replies: answered on every addressed router interface that does not
 * say "no mask-reply" (the SR OS default). */
static void s_finish_cpp(struct sx *x)
{
    struct device_model *m = x->m;
    struct cpp_facts *cp = &m->cpp;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *f = &m->interfaces[i];
        if (!f->has_ip || f->shutdown || f->is_loopback || f->is_tunnel)
            continue;
        bool off = false;
        for (size_t j = 0; j < x->nmask_off && !off; j++)
            off = x->mask_off[j] == i;
        if (off)
            continue;
        if (cp->mask_reply.state != FACT_ON)
            fact_set(&cp->mask_reply, FACT_ON, f->node);
        cp->mask_reply.why = "SR OS answers ICMP mask requests unless 'icmp no mask-reply'";
    }
    if (cp->mask_reply.state == FACT_UNKNOWN)
        fact_default(&cp->mask_reply, FACT_OFF,
                     "every addressed router interface has 'no mask-reply'");
    fact_default(&cp->unreach_rate_limit, FACT_ON,
                 "SR OS rate-limits them per interface, 100 per 10 s by default");
    fact_default(&cp->router_discovery, FACT_OFF, "SR OS has no router discovery responder");
    /* CPM filter: entries, and "default-action drop" for the rest (the
     * default action is accept) */
    if (!x->cpm_node) {
        fact_default(&cp->receive_filter, FACT_OFF,
                     "no cpm-filter entries: the CPM accepts all traffic addressed to it");
    } else if (x->cpm_default_drop) {
        fact_set(&cp->receive_filter, FACT_ON, x->cpm_node);
        fact_lines_add(&cp->receive_filter.ev, x->cpm_default);
        cp->receive_filter_name = "cpm-filter";
    } else {
        fact_set(&cp->receive_filter, FACT_OFF, x->cpm_default ? x->cpm_default : x->cpm_node);
        cp->receive_filter.why = "the cpm-filter default-action is accept: traffic no entry "
                                 "matches reaches the CPM";
        cp->receive_filter_name = "cpm-filter";
    }
}

static bool s_rt_as(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (k >= l->n)
        return false;
    x->local_as = model_sv_long(l->tok[k], -1);
    return true;
}

static bool s_rt_bgp(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    s_bgp(x, l, k);
    return true;
}

/* IS-IS instance settings from j: authentication key or keychain, cleartext type. */
static void s_isis_auth(struct sx *x, const struct model_path *l, size_t j)
{
    if (model_path_eq(l, j, "level") && j + 1 < l->n)
        j += 2;
    if ((model_path_eq(l, j, "authentication-key") || model_path_eq(l, j, "auth-keychain") ||
         model_path_eq(l, j, "authentication-keychain")) &&
        j + 1 < l->n) {
        x->isis_auth = l->node;
        if (model_path_eq(l, j, "authentication-key"))
            model_add_secret(x->a, x->m, "isis-key", ssecret(l, j + 1));
        else
            x->isis_chain = sv_unquote(l->tok[j + 1]);
    } else if (model_path_eq(l, j, "authentication-type") &&
               (model_path_eq(l, j + 1, "password") || model_path_eq(l, j + 1, "simple"))) {
        x->isis_cleartext = l->node; /* the key is sent in clear */
    } else if (model_path_eq(l, j, "authentication-type") &&
               model_path_eq(l, j + 1, "message-digest")) {
        x->isis_md5 = l->node; /* HMAC-MD5 */
    }
}

/* "system security keychain(s) keychain K ... entry N ... algorithm A": the
 * weakest algorithm named in each chain. */
static void s_key_alg(struct sx *x, const struct model_path *l, size_t i)
{
    size_t k, a = 0;
    if ((!model_path_match(l, i, "system security keychain", &k) &&
         !model_path_match(l, i, "system security keychains keychain", &k)) ||
        k >= l->n)
        return;
    for (size_t j = k + 1; j + 1 < l->n && !a; j++)
        if (model_path_eq(l, j, "algorithm"))
            a = j + 1;
    if (!a || !ssmall(x->nkey_algs))
        return;
    struct sv w = l->tok[a];
    enum igp_alg alg = sv_starts_with(w, "hmac-sha") || sv_starts_with(w, "aes") ? IGP_ALG_SHA
                       : sv_eq_cstr(w, "message-digest") || sv_eq_cstr(w, "hmac-md5")
                           ? IGP_ALG_MD5
                           : IGP_ALG_UNKNOWN;
    *MODEL_PUSH(x->a, x->key_algs, x->nkey_algs) =
        (struct skey_alg){sv_unquote(l->tok[k]), alg, l->node};
}

/* The weakest algorithm a chain's entries name; unknown (why set) when the
 * chain names none here. */
static enum igp_alg s_chain_alg(const struct sx *x, struct sv chain, const struct cfg_node **at,
                                const char **why)
{
    enum igp_alg worst = IGP_ALG_UNSET;
    for (size_t i = 0; i < x->nkey_algs; i++)
        if (sv_eq(x->key_algs[i].chain, chain) && x->key_algs[i].alg > worst) {
            worst = x->key_algs[i].alg;
            *at = x->key_algs[i].node;
        }
    if (worst == IGP_ALG_UNSET) {
        *why = "its keychain names no algorithm here, so it is not visible";
        return IGP_ALG_UNKNOWN;
    }
    return worst;
}

/* The algorithm of one authenticated adjacency (f, or the IS-IS instance
 * authentication when f is NULL), kept on g when weaker than what it has:
 * authentication-type message-digest is keyed MD5 (OSPF) or HMAC-MD5
 * (IS-IS), a keychain decides by its entries' algorithm. */
static void s_igp_alg(const struct sx *x, const struct sigp_if *f, struct igp_instance *g)
{
    const struct cfg_node *at = f && f->auth_node ? f->auth_node : x->isis_auth;
    const char *why = NULL;
    enum igp_alg a = IGP_ALG_UNKNOWN;
    struct sv chain = f && f->chain.n ? f->chain : !f || !f->authed ? x->isis_chain : SV_LIT("");
    if (f && f->md5_node) {
        a = IGP_ALG_MD5;
        at = f->md5_node;
    } else if (chain.n) {
        a = s_chain_alg(x, chain, &at, &why);
    } else if (x->isis_md5 && (!f || f->proto == 2)) {
        a = IGP_ALG_MD5;
        at = x->isis_md5;
    }
    if (a == IGP_ALG_UNKNOWN && !why)
        why = "no authentication-type or keychain algorithm is stated";
    if (a > g->alg) {
        g->alg = a;
        g->alg_node = at;
        g->alg_why = why;
    }
}

/* isis interface I [level N] ... (k: "interface") */
static void s_isis_if(struct sx *x, const struct model_path *l, size_t k)
{
    struct sigp_if *f = s_igp_if(x, 2, l->tok[k + 1], model_path_own(l, k + 1));
    if (!f)
        return;
    size_t j = k + 2;
    if (model_path_eq(l, j, "level") && j + 1 < l->n)
        j += 2;
    s_igp_if_stmt(x, f, l, j);
}

/* ospf|ospf3|isis [N] ... (proto 0, 1, 2; k after the keyword) */
static void s_rt_igp(struct sx *x, const struct model_path *l, size_t i, size_t k, int proto)
{
    if (!x->igp_node[proto])
        x->igp_node[proto] = model_path_own(l, i);
    /* optional instance number (MD-CLI "ospf 0", classic "ospf 1") */
    if (k < l->n && l->tok[k].p[0] >= '0' && l->tok[k].p[0] <= '9')
        k++;
    if (proto != 2 && model_path_eq(l, k, "area") && model_path_eq(l, k + 2, "interface") &&
        k + 3 < l->n) {
        struct sigp_if *f = s_igp_if(x, proto, l->tok[k + 3], model_path_own(l, k + 3));
        if (f)
            s_igp_if_stmt(x, f, l, k + 4);
    } else if (proto == 2 && model_path_eq(l, k, "interface") && k + 1 < l->n) {
        s_isis_if(x, l, k);
    } else if (proto == 2) {
        s_isis_auth(x, l, k);
    }
}

static bool s_rt_ospf(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    s_rt_igp(x, l, i, k, 0);
    return true;
}

static bool s_rt_ospf3(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    s_rt_igp(x, l, i, k, 1);
    return true;
}

static bool s_rt_isis(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    s_rt_igp(x, l, i, k, 2);
    return true;
}

/* The interface's own settings from k (after any "no"). */
static void s_rt_iface_setting(struct sx *x, struct interface *f, const struct model_path *l,
                               size_t k, bool no)
{
    if (model_path_eq(l, k, "description") && k + 1 < l->n && !no) {
        f->description = dup_unq(x, l->tok[k + 1]);
    } else if (model_path_eq(l, k, "shutdown")) {
        f->shutdown = !no;
    } else if (model_path_eq(l, k, "admin-state") && k + 1 < l->n) {
        f->shutdown = model_path_eq(l, k + 1, "disable");
    } else if (model_path_eq(l, k, "loopback") && is_true(l, k + 1) && !no) {
        f->is_loopback = true;
    } else if (find_w(l, k, "address") && !no) {
        f->has_ip = true;
    }
}

/* uRPF and ingress/egress filters of an interface from k. */
static void s_rt_iface_filters(struct sx *x, struct interface *f, const struct model_path *l,
                               size_t k, bool no)
{
    if (find_w(l, k, "urpf-check") && !no && (find_w(l, k, "mode") || !l->node->child))
        if (f->urpf.is_default)
            fact_set(&f->urpf, FACT_ON, l->node);
    size_t fl = find_w(l, k, "filter");
    if (fl && find_w(l, k, "ingress") && fl + 2 < l->n && !f->acl_in)
        f->acl_in = dup_unq(x, l->tok[fl + 2]);
    if (fl && find_w(l, k, "egress") && fl + 2 < l->n && !f->acl_out)
        f->acl_out = dup_unq(x, l->tok[fl + 2]);
}

/* An interface statement from k that lets directed broadcasts out of it:
 * classic "allow-directed-broadcasts", MD-CLI "ipv4 allow-directed-broadcasts
 * true". They are dropped unless it is set (7750 SR OS Router Configuration
 * Guide and Services Guide, allow-directed-broadcasts). */
static bool s_directed_bcast(const struct model_path *l, size_t k)
{
    size_t w = find_w(l, k, "allow-directed-broadcasts");
    return w && !model_path_eq(l, w - 1, "no") && is_true(l, w + 1);
}

/* An IES or VPRN interface that forwards directed broadcasts: service
 * interfaces are not modelled one by one, so the device's fact records it. */
static void s_svc_directed_bcast(struct sx *x, const struct model_path *l, size_t i)
{
    size_t k = find_w(l, i, "interface");
    bool svc = model_path_eq(l, i, "ies") || model_path_eq(l, i, "vprn");
    if (svc && k && s_directed_bcast(l, k + 1))
        fact_set(&x->m->legacy.directed_broadcast, FACT_ON, l->node);
}

static bool s_rt_interface(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (k >= l->n)
        return false;
    struct interface *f = s_iface(x, l->tok[k], model_path_own(l, k), false);
    if (!f)
        return true;
    k++;
    no = model_path_eq(l, k, "no");
    if (no)
        k++;
    s_rt_iface_setting(x, f, l, k, no);
    if (!no && s_directed_bcast(l, k))
        fact_set(&f->directed_broadcast, FACT_ON, l->node);
    s_iface_cpp(x, f, l, k, no);
    s_rt_iface_filters(x, f, l, k, no);
    return true;
}

static const struct sx_row router_rows[] = {
    {"autonomous-system", s_rt_as}, {"bgp", s_rt_bgp},   {"ospf", s_rt_ospf},
    {"ospf3", s_rt_ospf3},          {"isis", s_rt_isis}, {"interface", s_rt_interface},
};

static void s_router(struct sx *x, const struct model_path *l, size_t i)
{
    /* skip the router instance name ("Base"); other instances are not read */
    if (i < l->n && sv_eq_cstr(sv_unquote(l->tok[i]), "Base"))
        i++;
    else if (i < l->n && l->tok[i].p[0] == '"')
        return;
    sx_dispatch(x, router_rows, ARRAY_SIZE(router_rows), l, i, false);
}

static void s_port(struct sx *x, const struct model_path *l, size_t i)
{
    if (i >= l->n)
        return;
    struct interface *f = s_iface(x, l->tok[i], model_path_own(l, i), true);
    if (!f)
        return;
    size_t k = i + 1;
    bool no = model_path_eq(l, k, "no");
    if (no)
        k++;
    size_t st = find_w(l, k, "lldp") ? find_w(l, k, "admin-status") : 0;
    if (st && st + 1 < l->n) {
        /* ethernet lldp dest-mac <mac> admin-status disabled|rx|tx|tx-rx */
        bool off = model_path_eq(l, st + 1, "disabled") || model_path_eq(l, st + 1, "rx-only") ||
                   model_path_eq(l, st + 1, "rx");
        if (off || f->discovery.state != FACT_OFF)
            fact_set(&f->discovery, off ? FACT_OFF : FACT_ON, l->node);
    }
    if (model_path_eq(l, k, "description") && k + 1 < l->n && !no)
        f->description = dup_unq(x, l->tok[k + 1]);
    else if (model_path_eq(l, k, "shutdown"))
        f->shutdown = !no;
    else if (model_path_eq(l, k, "admin-state") && k + 1 < l->n)
        f->shutdown = !model_path_eq(l, k + 1, "enable");
}

static void s_mirror(struct sx *x, const struct model_path *l, size_t i)
{
    struct device_model *m = x->m;
    if (!model_path_eq(l, i, "mirror-dest") || i + 1 >= l->n)
        return;
    const struct cfg_node *own = model_path_own(l, i + 1);
    struct mirror_session *ms = NULL;
    for (size_t j = 0; j < m->nmirrors; j++)
        if (m->mirrors[j].node == own)
            ms = &m->mirrors[j];
    if (!ms) {
        if (!ssmall(m->nmirrors))
            return;
        ms = MODEL_PUSH(x->a, m->mirrors, m->nmirrors);
        ms->kind = "mirror";
        ms->node = own;
    }
    size_t k = i + 2;
    if (model_path_eq(l, k, "sap") && k + 1 < l->n && !ms->destination) {
        ms->destination = dup_unq(x, l->tok[k + 1]);
    } else if ((model_path_eq(l, k, "spoke-sdp") || model_path_eq(l, k, "remote-source") ||
                model_path_eq(l, k, "gateway") || model_path_eq(l, k, "encap")) &&
               k + 1 < l->n) {
        ms->remote = true;
        if (!ms->destination || model_path_eq(l, k, "gateway"))
            ms->destination = dup_unq(x, l->tok[l->n - 1]);
    }
}

/* "service vprn <id> [customer N create] bgp ...": per-VRF sessions. */
static void s_vprn(struct sx *x, const struct model_path *l, size_t i)
{
    size_t b = 0;
    for (size_t j = i + 1; j < l->n && j <= i + 4 && !b; j++)
        if (sv_eq_cstr(l->tok[j], "bgp"))
            b = j;
    if (!b)
        return;
    x->cur_inst = sv_unquote(l->tok[i]);
    s_bgp(x, l, b + 1);
    x->cur_inst = sv_make(NULL, 0);
}

/* ------------------------------------------------------------ ipsec */

/* "ipsec ike-policy|ike-transform|ipsec-transform ID <algorithm statement>" */
static void s_ipsec(struct sx *x, const struct model_path *l, size_t i)
{
    struct device_model *m = x->m;
    if (i + 1 >= l->n ||
        !(model_path_eq(l, i, "ike-policy") || model_path_eq(l, i, "ike-transform") ||
          model_path_eq(l, i, "ipsec-transform")))
        return;
    struct sv kind = l->tok[i], id = sv_unquote(l->tok[i + 1]);
    size_t at = model_nmap_get(&x->obj_map, id, kind);
    struct ipsec_policy *p = at == SIZE_MAX ? NULL : &m->ipsec[at];
    if (!p) {
        if (!ssmall(m->nipsec))
            return;
        model_nmap_put(x->a, &x->obj_map, id, kind, m->nipsec);
        p = MODEL_PUSH(x->a, m->ipsec, m->nipsec);
        p->name = arena_printf(x->a, "%.*s %.*s", (int)kind.n, kind.p, (int)id.n, id.p);
        p->node = model_path_own(l, i + 1);
    }
    if (model_path_eq(l, i, "ike-policy") && find_w(l, i + 2, "ike-transform") &&
        model_nmap_get(&x->obj_map, id, SV_LIT("ike-ref")) == SIZE_MAX)
        model_nmap_put(x->a, &x->obj_map, id, SV_LIT("ike-ref"), 0);
    for (size_t k = i + 2; k + 1 < l->n; k++) {
        struct sv w = l->tok[k], v = sv_unquote(l->tok[k + 1]);
        if (sv_eq_cstr(w, "encryption-algorithm") || sv_eq_cstr(w, "ike-encryption-algorithm") ||
            sv_eq_cstr(w, "esp-encryption-algorithm")) {
            p->encryption = model_strdup(x->a, v);
            p->weak |= model_ipsec_enc_is_weak(v);
        } else if (sv_eq_cstr(w, "auth-algorithm") || sv_eq_cstr(w, "ike-auth-algorithm") ||
                   sv_eq_cstr(w, "esp-auth-algorithm")) {
            p->integrity = model_strdup(x->a, v);
            p->weak |= model_ipsec_integ_is_weak(v);
        } else if (sv_eq_cstr(w, "dh-group") || sv_eq_cstr(w, "pfs-dh-group")) {
            p->dh_group = model_strdup(x->a, v);
            p->weak |= model_ipsec_group_is_weak(v);
        } else {
            continue;
        }
        break;
    }
}

/*
 * An IKE policy or transform that leaves an algorithm unset runs on the
 * release's default, which is not modelled: its strength is unknown. An
 * ike-policy naming ike-transforms takes its algorithms from them; AES-GCM
 * needs no separate integrity algorithm; ESP needs no DH group.
 */
static void finish_ipsec(struct sx *x)
{
    for (size_t i = 0; i < x->m->nipsec; i++) {
        struct ipsec_policy *p = &x->m->ipsec[i];
        bool pol = !strncmp(p->name, "ike-policy ", 11);
        bool esp = !strncmp(p->name, "ipsec-transform ", 16);
        if (p->weak || (pol && model_nmap_get(&x->obj_map, sv_from_cstr(p->name + 11),
                                              SV_LIT("ike-ref")) != SIZE_MAX))
            continue;
        bool aead = p->encryption && strstr(p->encryption, "gcm");
        if (!p->encryption || (!p->integrity && !aead) || (!esp && !p->dh_group))
            p->unknown = "an algorithm is not set, so the release default applies";
    }
}

/* ------------------------------------------------------------ ip-tunnel */

/*
 * An IES or VPRN interface's "sap tunnel-N... ip-tunnel ID" (GRE or
 * IP-in-IP): remote-ip (classic) / remote-ip-address (MD-CLI) is the far end.
 */
static void s_ip_tunnel(struct sx *x, const struct model_path *l, size_t svc, size_t t)
{
    struct device_model *m = x->m;
    struct sv sname = sv_unquote(l->tok[svc + 1]), tid = sv_unquote(l->tok[t + 1]);
    size_t at = model_nmap_get3(&x->obj_map, tid, SV_LIT("ip-tunnel"), sname);
    struct interface *f = at == SIZE_MAX ? NULL : &m->interfaces[at];
    if (!f) {
        if (!scap(m->ninterfaces))
            return;
        const char *name = arena_printf(x->a, "%.*s %.*s ip-tunnel %.*s", (int)l->tok[svc].n,
                                        l->tok[svc].p, (int)sname.n, sname.p, (int)tid.n, tid.p);
        model_nmap_put3(x->a, &x->obj_map, tid, SV_LIT("ip-tunnel"), sname, m->ninterfaces);
        f = model_add_interface(x->a, m, sv_from_cstr(name), model_path_own(l, t + 1));
        f->is_tunnel = true;
        f->tunnel_mode = "ip-tunnel";
        fact_default(&f->urpf, FACT_OFF, "no urpf-check");
        s_iface_icmp_defaults(f);
        fact_default(
            &f->directed_broadcast, FACT_OFF,
            "SR OS forwards no directed broadcasts unless allow-directed-broadcasts is set");
    }
    size_t k = t + 2;
    if (model_path_eq(l, k, "create"))
        k++;
    if ((model_path_eq(l, k, "remote-ip") || model_path_eq(l, k, "remote-ip-address")) &&
        k + 1 < l->n) {
        f->tunnel_dest = dup_unq(x, l->tok[k + 1]);
        f->tunnel_dest_node = l->node;
    } else if (model_path_eq(l, k, "gre-header") && is_true(l, k + 1)) {
        f->tunnel_mode = "gre";
    } else if (model_path_eq(l, k, "shutdown") ||
               (model_path_eq(l, k, "admin-state") && model_path_eq(l, k + 1, "disable"))) {
        f->shutdown = true;
    }
}

/* ------------------------------------------------------------ dispatch */

/* "python python-script NAME": a Python application run on the router. */
static void s_python(struct sx *x, const struct model_path *l, size_t i)
{
    struct device_model *m = x->m;
    for (size_t j = m->nonbox; j-- > 0;)
        if (m->onbox[j].node == model_path_own(l, i))
            return;
    model_add_onbox(x->a, m, "python", dup_unq(x, l->tok[i]), false, model_path_own(l, i));
}

/* "system security source-address application|application6|ipv4|ipv6 APP
 * [interface-name] IF": the interface an application sends from (LOG-SOURCE). */
static void s_source_address(struct sx *x, const struct model_path *l, size_t i)
{
    static const char *const apps[][2] = {{"syslog", "syslog"},
                                          {"radius", "radius"},
                                          {"tacplus", "tacacs"},
                                          {"ntp", "ntp"},
                                          {"snmptrap", "snmp-trap"}};
    if (!model_path_eq(l, i, "security") || !model_path_eq(l, i + 1, "source-address"))
        return;
    size_t a = i + 3, f = a + 1;
    if (model_path_eq(l, f, "interface-name"))
        f++;
    if (f >= l->n)
        return;
    for (size_t k = 0; k < ARRAY_SIZE(apps); k++)
        if (model_path_eq(l, a, apps[k][0]))
            model_add_source(x->a, x->m, apps[k][1], sv_unquote(l->tok[f]), sv_make("", 0),
                             l->node);
}

/* Paths read for the logging checks, beside the main dispatch (i: the
 * first word after "configure"). */
static void s_logging_line(struct sx *x, const struct model_path *l, size_t i)
{
    if (model_path_eq(l, i, "system"))
        s_source_address(x, l, i + 1);
}

/* Where no source-address names one, SR OS sends from the system address
 * in band and from the management port out of band: neither is a transit
 * interface (checks.md LOG-SOURCE: by design). */
static void s_sources_by_design(struct sx *x)
{
    static const char *const services[] = {"syslog", "tacacs", "radius", "ntp", "snmp-trap"};
    struct device_model *m = x->m;
    size_t n = m->nmgmt_sources;
    for (size_t k = 0; k < ARRAY_SIZE(services); k++) {
        bool set = false;
        for (size_t i = 0; i < n; i++)
            set = set || strcmp(m->mgmt_sources[i].service, services[k]) == 0;
        if (set)
            continue;
        struct mgmt_source *src =
            model_add_source(x->a, m, services[k], SV_LIT("system"), sv_make("", 0), NULL);
        if (src) {
            src->by_design = true;
            src->note = "SR OS sends from the system address (or the management port out of "
                        "band) unless a source-address names another interface";
        }
    }
}

static void s_line(struct sx *x, const struct model_path *l)
{
    size_t i = 0, t;
    if (model_path_eq(l, 0, "configure"))
        i = 1;
    else
        return; /* persistent-indices, comments and other non-config blocks */
    if (i >= l->n)
        return;
    struct sv w = l->tok[i];
    if (sv_eq_cstr(w, "groups"))
        return; /* read through apply-groups (s_group_line) */
    srtg_line(x->a, x->m, &x->rtg, l, i);
    s_key_alg(x, l, i);
    model_access_path(x->m, l);
    model_ct_sros_line(&x->ct, x->a, x->m, l, i);
    if (sv_eq_cstr(w, "filter"))
        sfilt_line(x->a, &x->filt, l, i);
    s_logging_line(x, l, i);
    if (sv_eq_cstr(w, "service"))
        s_svc_directed_bcast(x, l, i + 1);
    if ((sv_eq_cstr(w, "router") || sv_eq_cstr(w, "service")) && !x->ipv6_node &&
        find_w(l, i + 1, "ipv6"))
        x->ipv6_node = l->node;
    if (sv_eq_cstr(w, "system"))
        sx_system(x, l, i + 1);
    else if (sv_eq_cstr(w, "router"))
        s_router(x, l, i + 1);
    else if (sv_eq_cstr(w, "log"))
        s_log(x, l, i + 1);
    else if (sv_eq_cstr(w, "port"))
        s_port(x, l, i + 1);
    else if (sv_eq_cstr(w, "mirror"))
        s_mirror(x, l, i + 1);
    else if (sv_eq_cstr(w, "ipsec"))
        s_ipsec(x, l, i + 1);
    else if (sv_eq_cstr(w, "python") && model_path_eq(l, i + 1, "python-script") && i + 2 < l->n &&
             ssmall(x->m->nonbox))
        s_python(x, l, i + 2);
    else if (sv_eq_cstr(w, "service") &&
             (model_path_eq(l, i + 1, "ies") || model_path_eq(l, i + 1, "vprn")) && i + 2 < l->n &&
             (t = find_w(l, i + 3, "ip-tunnel")) != 0 && t + 1 < l->n)
        s_ip_tunnel(x, l, i + 1, t);
    else if (sv_eq_cstr(w, "service") && model_path_eq(l, i + 1, "vprn") && i + 2 < l->n)
        s_vprn(x, l, i + 2);
}

/* ------------------------------------------------------------ finish */

static void finish_bgp(struct sx *x)
{
    struct device_model *m = x->m;
    m->bgp.local_as = x->local_as;
    for (size_t i = 0; i < x->nnbrs; i++) {
        const struct sbgp_nbr *b = &x->nbrs[i];
        static const struct sbgp_set none = {.peer_as = -1, .local_as = -1};
        size_t gi = b->group.p ? model_nmap_get(&x->group_map, b->group, b->inst) : SIZE_MAX;
        const struct sbgp_grp *g = gi == SIZE_MAX ? NULL : &x->groups[gi];
        const struct sbgp_set *gs = g ? &g->s : NULL, *os = b->inst.p ? &none : &x->bgp_global;
        struct bgp_neighbor *nb = MODEL_PUSH(x->a, m->bgp.neighbors, m->bgp.nneighbors);
        nb->addr = model_strdup(x->a, b->addr);
        nb->group = b->group.p ? model_strdup(x->a, b->group) : NULL;
        nb->node = b->node;
        nb->vrf = b->inst.p ? model_strdup(x->a, b->inst) : NULL;
#define PICK(f) (b->s.f ? b->s.f : gs && gs->f ? gs->f : os->f)
        long peer_as = b->s.peer_as >= 0        ? b->s.peer_as
                       : gs && gs->peer_as >= 0 ? gs->peer_as
                                                : os->peer_as;
        long local_as = b->s.local_as >= 0        ? b->s.local_as
                        : gs && gs->local_as >= 0 ? gs->local_as
                        : os->local_as >= 0       ? os->local_as
                                                  : x->local_as;
        int type = PICK(type);
        nb->remote_as = peer_as;
        nb->ebgp = type ? type == 1 : peer_as >= 0 && local_as >= 0 && peer_as != local_as;
        nb->shutdown = b->s.shutdown || (gs && gs->shutdown) || os->shutdown;
        const struct sbgp_set *as = b->s.auth_node ? &b->s : gs && gs->auth_node ? gs : os;
        if (as->auth_node) {
            fact_set(&nb->auth, FACT_ON, as->auth_node);
            nb->key = as->key;
            nb->auth_type = as->key.type;
        } else {
            fact_default(&nb->auth, FACT_OFF, "no authentication-key or auth-keychain");
        }
        const struct cfg_node *ttl = PICK(ttl_node);
        if (ttl)
            fact_set(&nb->gtsm, FACT_ON, ttl);
        else
            fact_default(&nb->gtsm, FACT_OFF, "no ttl-security");
        const struct cfg_node *lim = PICK(limit_node);
        if (lim)
            fact_set(&nb->max_prefix, FACT_ON, lim);
        else
            fact_default(&nb->max_prefix, FACT_OFF, "no prefix-limit");
        nb->in_policy = PICK(import);
        nb->out_policy = PICK(export);
#undef PICK
    }
}

static void finish_igp(struct sx *x)
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
        for (size_t i = 0; i < x->nigp_if; i++) {
            const struct sigp_if *f = &x->igp_if[i];
            if (f->proto != p || f->passive)
                continue;
            need++;
            bool instance = p == 2 && x->isis_auth && !x->isis_cleartext;
            if ((f->authed && !f->weak) || instance) {
                have++;
                fact_lines_add(&g->auth.ev, f->auth_node ? f->auth_node : x->isis_auth);
                s_igp_alg(x, f, g);
            } else if (!miss) {
                miss = f->weak_node                                ? f->weak_node
                       : p == 2 && x->isis_cleartext && !f->authed ? x->isis_cleartext
                                                                   : f->node;
            }
        }
        if (need == 0)
            fact_unknown(&g->auth, "no active (non-passive) interfaces found");
        else if (have == need)
            g->auth.state = FACT_ON;
        else
            fact_set(&g->auth, FACT_OFF, miss);
    }
}

/* Outbound telnet/ssh from the CLI: only a local profile entry denying the
 * command, or TACACS+ command authorisation, stops it. */
static void sros_outbound(struct sx *x, struct mgmt_line *ln)
{
    if (x->authz_node) {
        fact_unknown(&ln->any_out, "TACACS+ command authorisation decides whether users may "
                                   "run ssh or telnet");
        return;
    }
    if (sx_users_outbound(x))
        return; /* the line stays untouched: aaa.outbound_cmds decides */
    const struct sprofile *self = sx_self_editing_profile(x);
    if (self) {
        fact_unknown(&ln->any_out,
                     arena_printf(x->a,
                                  "profile %.*s denies ssh and telnet but lets its users edit "
                                  "'configure system security', where the profiles are, so they "
                                  "may remove those denies",
                                  (int)self->name.n, self->name.p));
        fact_lines_add(&ln->any_out.ev, self->default_node);
        return;
    }
    for (size_t i = 0; i < x->nprofiles; i++) {
        const struct sentry *e = profile_denies_outbound(&x->profiles[i]);
        if (e) {
            fact_unknown(&ln->any_out, "a local profile denies ssh/telnet; whether every user "
                                       "has such a profile is not judged");
            fact_lines_add(&ln->any_out.ev, e->node);
            return;
        }
    }
    fact_default(&ln->any_out, FACT_ON,
                 "no local profile denies the ssh or telnet command, and no TACACS+ command "
                 "authorisation is configured: the administrative profile permits them");
    for (size_t i = 0; i < x->nprofiles; i++)
        if (x->profiles[i].permit_all && x->profiles[i].default_node)
            fact_lines_add(&ln->any_out.ev, x->profiles[i].default_node);
}

/* A syslog destination with a TLS client profile sends over TLS (RFC 5425,
 * TCP 6514; 7750 SR System Management Guide, "Syslog over TLS"). */
static void s_syslog_tls(struct sx *x)
{
    for (size_t i = 0; i < x->nsyslogs; i++) {
        const struct ssyslog *g = &x->syslogs[i];
        if (g->tls && g->host < x->m->logging.nhosts)
            x->m->logging.hosts[g->host].tls = true;
    }
}

/* LOG-SEVERITY: the least verbose syslog destination. One without a level
 * leaves it unknown: the default threshold is not in checks.md. */
static void s_log_levels(struct sx *x)
{
    struct log_level *r = &x->m->logging.remote_level;
    int lv = 7;
    const struct cfg_node *ev = NULL;
    bool bare = false, any = false;
    for (size_t i = 0; i < x->nsyslogs; i++) {
        const struct ssyslog *g = &x->syslogs[i];
        if (!g->has_addr)
            continue;
        any = true;
        if (g->level < 0)
            bare = true;
        else if (!ev || g->level < lv) {
            lv = g->level;
            ev = g->level_node;
        }
    }
    if (!any)
        return;
    if (!bare) {
        log_level_set(r, lv, ev);
        return;
    }
    log_level_unknown(r, "a syslog destination without a level: its default threshold is not "
                         "in the configuration ('show log syslog' tells)");
    r->level = lv;
    fact_lines_add(&r->ev, ev);
}

static void s_finish_ssh(struct sx *x)
{
    struct device_model *m = x->m;
    struct ssh_facts *ssh = &m->ssh;
    if (x->telnet_node) {
        fact_set(&m->telnet_server, x->telnet_state, x->telnet_node);
        if (x->telnet_state == FACT_ON)
            model_add_service(x->a, m, "telnet", true, FACT_ON, x->telnet_node);
    } else {
        fact_default(&m->telnet_server, FACT_OFF, "the telnet server is off unless enabled");
    }
    if (x->ssh_off_node)
        fact_set(&ssh->enabled, FACT_OFF, x->ssh_off_node);
    else
        fact_default(&ssh->enabled, FACT_ON, "the SSH server is on by default");
    if (x->ssh_v1_node)
        fact_set(&ssh->v1_allowed, FACT_ON, x->ssh_v1_node);
    else if (x->ssh_v2_node)
        fact_set(&ssh->v1_allowed, FACT_OFF, x->ssh_v2_node);
    else
        fact_default(&ssh->v1_allowed, FACT_OFF, "SSH version 2 only unless configured");
    if (ssh->port <= 0)
        ssh->port = 22;
    if (x->saw_ciphers)
        model_ssh_list_weak(&ssh->weak_ciphers, ssh->ciphers, ssh->nciphers,
                            model_ssh_cipher_is_weak, x->cipher_ev, x->cipher_weak_ev);
    else
        fact_default(&ssh->weak_ciphers, FACT_ON,
                     "no server-cipher-list: the default list includes CBC and 3DES ciphers");
    if (x->saw_macs)
        model_ssh_list_weak(&ssh->weak_macs, ssh->macs, ssh->nmacs, model_ssh_mac_is_weak,
                            x->mac_ev, x->mac_weak_ev);
    else
        fact_default(&ssh->weak_macs, FACT_ON,
                     "no server-mac-list: the default list includes hmac-sha1 and hmac-md5");
    fact_unknown(&ssh->root_login, "SR OS has no root account; see the admin account");
    if (x->idle_node)
        ssh->idle_timeout_seconds = x->idle_minutes < 0 ? -1 : x->idle_minutes * 60;
    else
        ssh->idle_timeout_seconds = 30 * 60;
}

/*
 * Whether the management-access-filter confines management to the
 * out-of-band port: it drops what no entry permits, and every entry it
 * permits either arrives on the CPM port (src-port cpm, router "management")
 * or is routing, ICMP or time traffic by its protocol or destination port.
 * The filter sees all traffic to the CPM (7750 SR System Management Guide,
 * management access filters). IPv6 is left undecided: the ipv6-filter is not
 * read.
 */
static bool s_maf_oob_only(const struct sx *x)
{
    if (!x->maf || !x->maf_default || x->maf_default_permit || x->maf6_node || x->ipv6_node)
        return false;
    size_t oob = 0;
    for (size_t i = 0; i < x->maf->n; i++) {
        const struct acl_entry *e = &x->maf->entries[i];
        if (!e->permit)
            continue;
        if (i >= x->nmaf_match)
            return false;
        const struct smaf_match *mm = &x->maf_match[i];
        bool routing = mm->port_seen ? !mm->port_any : mm->proto_seen && !mm->proto_any;
        if (mm->oob)
            oob++;
        else if (!routing)
            return false;
    }
    return oob > 0;
}

/* MGMT-OOB-VRF: the SSH server (on unless switched off) answers on every
 * interface of the Base router as well as the BOF management port; without a
 * management-access-filter nothing confines it to the out-of-band port. A
 * filter's own sources are left to MGMT-PAW-SOURCES. */
static void s_finish_oob(struct sx *x)
{
    struct device_model *m = x->m;
    if (m->mgmt_vrf.state != FACT_UNKNOWN)
        return;
    if (s_maf_oob_only(x)) {
        fact_set(&m->mgmt_vrf, FACT_ON, x->maf_default);
        for (size_t i = 0; i < x->maf->n && i < x->nmaf_match; i++)
            if (x->maf->entries[i].permit && x->maf_match[i].oob)
                fact_lines_add(&m->mgmt_vrf.ev, x->maf->entries[i].node);
        m->mgmt_vrf.why = "the management-access-filter drops everything but routing traffic "
                          "unless it arrives on the out-of-band CPM port";
        return;
    }
    if (!x->maf && m->ssh.enabled.state == FACT_ON) {
        fact_default(&m->mgmt_vrf, FACT_OFF,
                     "SSH answers on the Base router's interfaces as well as the BOF management "
                     "port, and no management-access-filter confines it to the port");
        m->mgmt_vrf.ev = m->ssh.enabled.ev;
        return;
    }
    /* with no filter, the access pass says what is not read */
    if (x->maf)
        m->mgmt_vrf.why = "a management-access-filter exists, but it does not confine every "
                          "permitted management entry to the out-of-band port (src-port cpm), "
                          "or IPv6 is configured and its filter is not read";
}

/* One login-control governs every CLI session (console, telnet, ssh); it is
 * not a vty of its own: access goes through the management-access-filter. */
static void s_finish_login(struct sx *x)
{
    struct device_model *m = x->m;
    struct mgmt_line *ln = MODEL_PUSH(x->a, m->lines, m->nlines);
    ln->name = "login-control";
    ln->kind = LINE_OTHER;
    ln->node = x->idle_node;
    ln->timeout_node = x->idle_node;
    ln->timeout_seconds = m->ssh.idle_timeout_seconds;
    ln->timeout_is_default = x->idle_node == NULL;
    ln->telnet_in = m->telnet_server;
    ln->ssh_in = m->ssh.enabled;
    sros_outbound(x, ln);
    fact_default(&ln->login_disabled, FACT_OFF, "remote CLI login is available");
    ln->acl_in = x->maf ? x->maf->name : NULL;

    if (x->maf && x->maf_default) {
        struct acl_entry *e = model_acl_add_entry(x->a, x->maf, x->maf_default);
        e->permit = x->maf_default_permit;
        e->src_any = true;
    }
    model_add_mgmt_path(x->a, m, "management-access-filter", x->maf ? x->maf->name : NULL,
                        x->maf ? x->maf->node : NULL);
    if (x->cpm_node)
        fact_set(&m->copp, FACT_ON, x->cpm_node);
    else
        fact_default(&m->copp, FACT_OFF, "no cpm-filter entries");
}

/* Command authorisation: tacplus authorization, else the local profiles. */
static void s_finish_authz(struct sx *x)
{
    struct aaa_facts *aaa = &x->m->aaa;
    const struct sprofile *open_pf = NULL, *deny_pf = NULL;
    for (size_t i = 0; i < x->nprofiles; i++) {
        const struct sprofile *pf = &x->profiles[i];
        if (!pf->default_node || sv_eq_cstr(pf->name, "administrative"))
            continue;
        if (pf->permit_all && !pf->deny_entry && !open_pf)
            open_pf = pf;
        if (pf->deny_all && !deny_pf)
            deny_pf = pf;
    }
    if (x->authz_node) {
        fact_set(&aaa->authz_cmds, FACT_ON, x->authz_node);
    } else if (open_pf) {
        fact_set(&aaa->authz_cmds, FACT_OFF, open_pf->default_node);
        aaa->authz_cmds.why = "a local profile permits every command and no tacplus "
                              "authorization is configured";
    } else if (deny_pf) {
        fact_set(&aaa->authz_cmds, FACT_ON, deny_pf->default_node);
        aaa->authz_cmds.why = "local profiles deny commands unless an entry permits them";
    } else {
        /* only the built-in administrative profile, which permits every command */
        fact_default(&aaa->authz_cmds, FACT_OFF,
                     "no tacplus authorization and no local profile restricting commands: the "
                     "administrative profile permits every command");
        for (size_t i = 0; i < x->nprofiles; i++)
            if (x->profiles[i].permit_all && x->profiles[i].default_node)
                fact_lines_add(&aaa->authz_cmds.ev, x->profiles[i].default_node);
    }
}

static void s_finish_aaa(struct sx *x)
{
    struct aaa_facts *aaa = &x->m->aaa;
    if (x->order_node) {
        fact_set(&aaa->central_login, x->order_central ? FACT_ON : FACT_OFF, x->order_node);
        fact_set(&aaa->local_fallback, x->order_local ? FACT_ON : FACT_OFF, x->order_node);
        fact_lines_add(&aaa->ev, x->order_node);
    } else if (aaa->nservers) {
        fact_default(&aaa->central_login, FACT_ON,
                     "the default authentication order tries the configured servers first");
        fact_lines_add(&aaa->central_login.ev, aaa->servers[0].node);
        fact_default(&aaa->local_fallback, FACT_ON, "local is last in the default order");
    } else {
        fact_default(&aaa->central_login, FACT_OFF, "no RADIUS or TACACS+ servers");
        fact_default(&aaa->local_fallback, FACT_ON, "local accounts only");
    }
    if (x->acct_node) {
        fact_set(&aaa->accounting_exec, FACT_ON, x->acct_node);
        fact_set(&aaa->accounting_cmds, FACT_ON, x->acct_node);
    } else {
        fact_default(&aaa->accounting_exec, FACT_OFF, "no tacplus accounting");
        fact_default(&aaa->accounting_cmds, FACT_OFF, "no tacplus accounting");
    }
    s_finish_authz(x);
}

/* The NETCONF and gRPC services. */
static void s_finish_mgmt_services(struct sx *x)
{
    struct device_model *m = x->m;
    if (x->netconf_off_node || x->netconf_on_node)
        model_add_service(x->a, m, "netconf", false, x->netconf_off_node ? FACT_OFF : FACT_ON,
                          x->netconf_off_node ? x->netconf_off_node : x->netconf_on_node);
    if (!x->grpc_node)
        return;
    bool on = x->grpc_on_node && !x->grpc_off_node;
    bool clear = x->grpc_clear_node && !x->grpc_tls_node;
    struct mgmt_service *g =
        model_add_service(x->a, m, "grpc", clear, on ? FACT_ON : FACT_OFF, x->grpc_node);
    if (x->grpc_port_node) {
        g->port = x->grpc_port;
        fact_lines_add(&g->state.ev, x->grpc_port_node);
    }
    if (!on && !x->grpc_off_node)
        g->state.why = "gRPC is shut down unless enabled";
    fact_lines_add(&g->state.ev, clear ? x->grpc_clear_node : x->grpc_tls_node);
    fact_lines_add(&g->state.ev, x->grpc_on_node ? x->grpc_on_node : x->grpc_off_node);
}

static void s_finish_snmp_ntp(struct sx *x)
{
    struct device_model *m = x->m;
    if (x->snmp_off_node)
        fact_set(&m->snmp.enabled, FACT_OFF, x->snmp_off_node);
    else if (x->snmp_on_node)
        fact_set(&m->snmp.enabled, FACT_ON, x->snmp_on_node);
    else if (m->snmp.ncommunities)
        fact_set(&m->snmp.enabled, FACT_ON, m->snmp.communities[0].node);
    else
        fact_unknown(&m->snmp.enabled, "no snmp admin state or communities");

    struct ntp_facts *ntp = &m->ntp;
    bool keyed = false;
    for (size_t i = 0; i < ntp->nservers; i++)
        keyed |= ntp->servers[i].keyed;
    if (x->ntp_key_node && keyed && !x->ntp_check_off) {
        fact_set(&ntp->auth_enabled, FACT_ON, x->ntp_key_node);
        fact_lines_add(&ntp->auth_enabled.ev, x->ntp_check_node);
    } else if (x->ntp_key_node) {
        fact_set(&ntp->auth_enabled, FACT_OFF,
                 x->ntp_check_off ? x->ntp_check_node : x->ntp_key_node);
        ntp->auth_enabled.why =
            x->ntp_check_off ? "authentication-check is off" : "no server uses a key";
    } else {
        fact_default(&ntp->auth_enabled, FACT_OFF, "no ntp authentication-key");
    }
}

/* Login and change events sent to syslog by a log-id that is not shut down. */
static void s_finish_log_streams(struct sx *x)
{
    struct logging_facts *lg = &x->m->logging;
    const struct cfg_node *sec = NULL, *chg = NULL;
    for (size_t i = 0; i < x->nlogids; i++) {
        const struct slogid *g = &x->logids[i];
        if (!g->to_syslog || g->shut_node)
            continue;
        if (g->security && !sec)
            sec = g->src_node ? g->src_node : g->node;
        if (g->change && !chg)
            chg = g->src_node ? g->src_node : g->node;
    }
    if (sec)
        fact_set(&lg->login_events, FACT_ON, sec);
    else
        fact_default(&lg->login_events, FACT_OFF, "no log-id sends the security stream to syslog");
    if (chg)
        fact_set(&lg->config_changes, FACT_ON, chg);
    else
        fact_default(&lg->config_changes, FACT_OFF, "no log-id sends the change stream to syslog");
}

static void s_finish_log(struct sx *x)
{
    struct logging_facts *lg = &x->m->logging;
    s_log_levels(x);
    s_syslog_tls(x);
    s_sources_by_design(x);
    s_finish_log_streams(x);
    /* the default event logs (99, 100) or a syslog log-id shut down */
    for (size_t i = 0; i < x->nlogids; i++) {
        const struct slogid *g = &x->logids[i];
        if (g->shut_node && (g->to_syslog || sv_eq_cstr(g->id, "99") || sv_eq_cstr(g->id, "100"))) {
            if (lg->suppressed.state != FACT_ON)
                fact_set(&lg->suppressed, FACT_ON, g->shut_node);
            else
                fact_lines_add(&lg->suppressed.ev, g->shut_node);
        }
    }
    if (lg->suppressed.state != FACT_ON)
        fact_default(&lg->suppressed, FACT_OFF, "event logs 99 and 100 exist by default");
}

static void finish(struct sx *x)
{
    struct device_model *m = x->m;
    s_finish_ssh(x);
    s_finish_login(x);
    s_finish_aaa(x);
    s_finish_mgmt_services(x);
    s_finish_snmp_ntp(x);
    s_finish_log(x);
    fact_default(&m->console_auth, FACT_ON,
                 "the console asks for a login through the password authentication-order "
                 "(local accounts by default)");
    if (m->legacy.discovery.state == FACT_UNKNOWN && !model_discovery_from_interfaces(m))
        fact_default(&m->legacy.discovery, FACT_OFF,
                     "no port sets LLDP admin-status tx or tx-rx: LLDP is disabled by default");
    fact_unknown(&m->legacy.secret_encryption,
                 "hash2 secrets are a device-bound encoding, not a master-key scheme");
    s_finish_oob(x);
}

/* "# TiMOS-B-20.10.R3 both/x86_64 Nokia 7750 SR-12 Copyright ..." */
static void s_version(struct sx *x)
{
    const char *buf = x->t->buf;
    size_t len = x->t->len < 4096 ? x->t->len : 4096;
    static const char key[] = "TiMOS-";
    for (size_t i = 0; i + sizeof(key) < len; i++) {
        if (buf[i] != 'T' || memcmp(buf + i, key, sizeof(key) - 1) != 0)
            continue;
        size_t e = i;
        while (e < len && buf[e] != ' ' && buf[e] != '\n' && buf[e] != '\r')
            e++;
        x->m->os_version = model_strdup(x->a, sv_make(buf + i, e - i));
        const char *nokia = NULL;
        for (size_t j = e; j < len && buf[j] != '\n'; j++)
            if ((j + 6 <= len && memcmp(buf + j, "Nokia ", 6) == 0) ||
                (j + 8 <= len && memcmp(buf + j, "ALCATEL ", 8) == 0)) {
                nokia = buf + j;
                break;
            }
        if (nokia) {
            /* The matched word ends in a space inside the buffer (no NUL needed). */
            const char *p = (const char *)memchr(nokia, ' ', (size_t)(buf + len - nokia)) + 1;
            const char *q = p;
            while (q < buf + len && *q != '\n' && *q != '\r' &&
                   !(q + 10 <= buf + len && memcmp(q, " Copyright", 10) == 0))
                q++;
            x->m->platform = model_strdup(x->a, sv_make(p, (size_t)(q - p)));
        }
        return;
    }
}

/* ------------------------------------------------------------ groups */

/*
 * MD-CLI configuration groups: "configure groups group "G" <path>" is
 * inherited where `apply-groups "G"` stands at a level that <path> lies
 * under. Group lines are read before the local ones so that local values
 * win. Groups whose path holds a pattern key ("<.*>") are not expanded.
 */
#define SX_MAX_APPLY 256

struct sapply {
    struct sv *loc; /* the hierarchy level after "configure" (arena) */
    size_t nloc;
    struct sv *names; /* every group the statement names (arena) */
    size_t nnames;
};

static void s_apply_line(void *ctx, const struct model_path *l)
{
    struct sx *x = ctx;
    if (!model_path_eq(l, 0, "configure") || model_path_eq(l, 1, "groups"))
        return;
    size_t at = find_w(l, 1, "apply-groups");
    if (!at || at + 1 >= l->n || l->own[l->n - 1] != l->node || x->napply >= SX_MAX_APPLY)
        return;
    struct sapply *ap = MODEL_PUSH(x->a, x->apply, x->napply);
    ap->nloc = at - 1;
    ap->loc = arena_alloc(x->a, at * sizeof(*ap->loc));
    for (size_t i = 1; i < at; i++)
        ap->loc[i - 1] = sv_unquote(l->tok[i]);
    ap->nnames = 0;
    ap->names = arena_alloc(x->a, (l->n - at - 1) * sizeof(*ap->names));
    for (size_t i = at + 1; i < l->n; i++)
        ap->names[ap->nnames++] = sv_unquote(l->tok[i]);
}

static void s_group_line(void *ctx, const struct model_path *l)
{
    struct sx *x = ctx;
    /* configure groups group "G" <path...> */
    if (!model_path_eq(l, 0, "configure") || !model_path_eq(l, 1, "groups") ||
        !model_path_eq(l, 2, "group") || l->n < 5)
        return;
    struct sv g = sv_unquote(l->tok[3]);
    bool applied = false;
    for (size_t i = 0; i < x->napply && !applied; i++) {
        const struct sapply *ap = &x->apply[i];
        bool named = false;
        for (size_t j = 0; j < ap->nnames; j++)
            named |= sv_eq(ap->names[j], g);
        if (!named || ap->nloc > l->n - 4)
            continue;
        bool under = true;
        for (size_t j = 0; j < ap->nloc && under; j++)
            under = sv_eq(ap->loc[j], sv_unquote(l->tok[4 + j]));
        applied = under;
    }
    if (!applied)
        return;
    for (size_t i = 4; i < l->n; i++)
        if (sv_starts_with(sv_unquote(l->tok[i]), "<"))
            return;
    struct model_path *sub = x->scratch;
    sub->n = l->n - 3;
    sub->tok[0] = l->tok[0];
    sub->own[0] = l->own[0];
    memcpy(sub->tok + 1, l->tok + 4, (sub->n - 1) * sizeof(sub->tok[0]));
    memcpy(sub->own + 1, l->own + 4, (sub->n - 1) * sizeof(sub->own[0]));
    sub->node = l->node;
    s_line(x, sub);
}

/* Does the buffer contain the string anywhere (a cheap pre-check)? */
static bool buf_has(const char *buf, size_t len, const char *what)
{
    size_t n = strlen(what);
    for (const char *p = buf; p && (size_t)(p - buf) + n <= len;) {
        if (memcmp(p, what, n) == 0)
            return true;
        p = memchr(p + 1, what[0], len - (size_t)(p + 1 - buf));
    }
    return false;
}

/* The walk's callback for the device's own statements. */
static void s_walk_line(void *ctx, const struct model_path *l)
{
    s_line(ctx, l);
}

void model_extract_sros(const struct cfg_tree *t, struct device_model *m)
{
    struct sx *x = arena_alloc(t->arena, sizeof(*x));
    x->t = t;
    x->a = t->arena;
    x->m = m;
    x->local_as = -1;
    x->bgp_global.peer_as = x->bgp_global.local_as = -1;
    m->dialect = t->dialect;
    s_version(x);
    if (buf_has(t->buf, t->len, "apply-groups"))
        model_path_walk(x->a, &x->walk, t->first, true, jl_push_node, s_apply_line, x);
    if (x->napply) {
        x->scratch = arena_alloc(t->arena, sizeof(*x->scratch));
        model_path_walk(x->a, &x->walk, t->first, true, jl_push_node, s_group_line, x);
    }
    model_path_walk(x->a, &x->walk, t->first, true, jl_push_node, s_walk_line, x);
    finish_bgp(x);
    finish_igp(x);
    finish_ipsec(x);
    finish(x);
    srtg_finish(x->a, m, x->rtg);
    sfilt_finish(x->a, m, x->filt);
    s_finish_cpp(x);
    model_ct_sros_finish(x->ct, m);
}
