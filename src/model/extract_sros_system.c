/*
 * extract_sros_system.c - the SR OS extractor's "configure system" statements:
 * identity, login control, security (telnet, FTP, SSH, users, the management
 * access filter, local profiles, CPM filter, AAA servers and order, SNMP
 * communities), NTP, SNMP and NETCONF admin state, gRPC, on-box scripts, LLDP.
 * Each level is a table of {words, handler} rows (extract_sros.h).
 */
#include "model/extract_sros.h"

/* A statement under "profile P entry N" (tokens from i = N): its match
 * string or its action. */
static void profile_entry(struct sx *x, struct sprofile *pf, const struct model_path *l, size_t i)
{
    struct sv id = l->tok[i];
    struct sentry *e = NULL;
    for (size_t j = 0; j < pf->nentries && !e; j++)
        if (sv_eq(pf->entries[j].id, id))
            e = &pf->entries[j];
    if (!e) {
        e = MODEL_PUSH(x->a, pf->entries, pf->nentries);
        e->id = id;
        e->node = l->node;
    }
    size_t k;
    if ((k = find_w(l, i + 1, "match")) != 0 && k + 1 < l->n) {
        e->match = sv_unquote(l->tok[k + 1]);
        e->node = l->node;
    }
    if ((k = find_w(l, i + 1, "action")) != 0 && k + 1 < l->n &&
        sv_eq_cstr(l->tok[k + 1], "deny")) {
        e->deny = true;
        pf->deny_entry = true;
    }
}

static void add_unique(struct sx *x, const char ***arr, size_t *n, struct sv v)
{
    v = sv_unquote(v);
    if (*n >= SX_MAX_LIST)
        return;
    for (size_t i = 0; i < *n; i++)
        if (sv_eq_cstr(v, (*arr)[i]))
            return;
    const char **slot = MODEL_PUSH(x->a, *arr, *n);
    *slot = model_strdup(x->a, v);
}

static struct account *s_account(struct sx *x, struct sv name, const struct cfg_node *n)
{
    return model_account_indexed(x->a, x->m, &x->acct_map, name, n, SX_MAX_ITEMS);
}

/* ------------------------------------------------------------ system */

/* Words of a USM statement that are not a protocol name. */
static bool s_usm_keyword(struct sv w)
{
    static const char *const words[] = {"hash",
                                        "hash2",
                                        "key",
                                        "privacy",
                                        "authentication",
                                        "authentication-protocol",
                                        "privacy-protocol",
                                        "authentication-key",
                                        "privacy-key"};
    for (size_t i = 0; i < ARRAY_SIZE(words); i++)
        if (sv_eq_cstr(w, words[i]))
            return true;
    return w.p[0] == '"' || w.p[0] == '$';
}

/* The SNMP (USM) user of an account, created on first sight (NULL past the cap). */
static struct snmp_user *s_usm_user(struct sx *x, const struct account *ac,
                                    const struct model_path *l, size_t k)
{
    struct device_model *m = x->m;
    struct sv uname = sv_from_cstr(ac->name);
    size_t at = model_nmap_get(&x->obj_map, uname, SV_LIT("usm"));
    if (at != SIZE_MAX)
        return &m->snmp.users[at];
    if (!ssmall(m->snmp.nusers))
        return NULL;
    model_nmap_put(x->a, &x->obj_map, uname, SV_LIT("usm"), m->snmp.nusers);
    struct snmp_user *u = MODEL_PUSH(x->a, m->snmp.users, m->snmp.nusers);
    u->name = ac->name;
    u->node = model_path_own(l, k);
    u->auth = "none";
    u->priv = "none";
    return u;
}

/* The protocol named in tokens from + 1 .. to (part 1: privacy). */
static void s_usm_proto(struct sx *x, struct snmp_user *u, const struct model_path *l, size_t from,
                        size_t to, int part)
{
    for (size_t j = from + 1; from && j < to; j++) {
        struct sv w = l->tok[j];
        if (s_usm_keyword(w))
            continue;
        if (part == 1 && w.n > 4 && sv_eq_cstr(sv_make(w.p + w.n - 4, 4), "-key"))
            w.n -= 4; /* "des-key", "aes-128-cfb-key" name the protocol */
        if (part == 1)
            u->priv = model_strdup(x->a, w);
        else
            u->auth = model_strdup(x->a, w);
        fact_lines_add(&u->ev, l->node);
        break;
    }
}

/* "user U snmp ..." (k: "snmp"). */
static void s_user_snmp(struct sx *x, const struct account *ac, const struct model_path *l,
                        size_t k)
{
    struct snmp_user *u = s_usm_user(x, ac, l, k);
    if (!u)
        return;
    /* classic: "authentication [hash] sha KEY [privacy aes-128-cfb-key KEY]" on one
     * line; MD-CLI: authentication-protocol and privacy-protocol leaves */
    size_t au = find_w(l, k + 1, "authentication");
    size_t pr = find_w(l, k + 1, "privacy");
    s_usm_proto(x, u, l, au, pr > au ? pr : l->n, 0);
    s_usm_proto(x, u, l, pr, l->n, 1);
    size_t key = find_w(l, k + 1, "authentication-key");
    if (!key)
        key = find_w(l, k + 1, "privacy-key");
    if (!key)
        key = find_w(l, k + 1, "key");
    if (key)
        model_add_secret(x->a, x->m, pr ? "snmp-priv" : "snmp-auth", ssecret(l, key + 1));
}

/* The CLI access of account ac, created on first sight (NULL past the cap). */
static struct suser *s_cli_user(struct sx *x, const struct account *ac)
{
    size_t ai = (size_t)(ac - x->m->accounts);
    for (size_t i = 0; i < x->nusers; i++)
        if (x->users[i].acct == ai)
            return &x->users[i];
    if (!ssmall(x->nusers))
        return NULL;
    struct suser *u = MODEL_PUSH(x->a, x->users, x->nusers);
    u->acct = ai;
    return u;
}

/* "console member P [P ...]" (k: "member"): the user's profiles. */
static void s_user_member(struct sx *x, struct account *ac, const struct model_path *l, size_t k)
{
    struct suser *u = s_cli_user(x, ac);
    for (size_t j = k + 1; j < l->n; j++) {
        struct sv prof = l->tok[j];
        while (prof.n && prof.p[prof.n - 1] == ']')
            prof.n--; /* the last of an MD-CLI list keeps its bracket */
        prof = sv_unquote(prof);
        if (!ac->role || sv_eq_cstr(prof, "administrative")) {
            ac->role = model_strdup(x->a, prof);
            ac->privilege = sv_eq_cstr(prof, "administrative") ? 15 : -1;
        }
        if (!u || prof.n == 0 || u->nprof >= SX_USER_PROFILES)
            continue;
        u->prof[u->nprof++] = prof;
        u->member_node = l->node;
    }
}

static void s_user(struct sx *x, const struct model_path *l, size_t i)
{
    /* i: the user name */
    struct account *ac = s_account(x, l->tok[i], model_path_own(l, i));
    if (!ac)
        return;
    size_t k = i + 1;
    if (model_path_eq(l, k, "password") && k + 1 < l->n) {
        ac->secret = ssecret(l, k + 1);
    } else if (model_path_eq(l, k, "console") && model_path_eq(l, k + 1, "member") &&
               k + 2 < l->n) {
        s_user_member(x, ac, l, k + 1);
    } else if (model_path_eq(l, k, "access") && model_path_eq(l, k + 1, "console") &&
               !model_path_eq(l, k + 2, "false")) {
        struct suser *u = s_cli_user(x, ac);
        if (u)
            u->console = true;
    } else if (model_path_eq(l, k, "public-keys") && k + 2 < l->n) {
        ac->has_ssh_key = true;
    } else if (model_path_eq(l, k, "snmp")) {
        s_user_snmp(x, ac, l, k);
    }
}

/* telnet-server, telnet6-server */
static bool s_sec_telnet(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    enum fact_state s = no || !is_true(l, k) ? FACT_OFF : FACT_ON;
    if (!(x->telnet_node && x->telnet_state == FACT_ON)) {
        x->telnet_node = l->node;
        x->telnet_state = s;
    }
    return true;
}

static bool s_sec_ftp(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    struct device_model *m = x->m;
    enum fact_state s = no || !is_true(l, k) ? FACT_OFF : FACT_ON;
    struct mgmt_service *sv = model_find_service(m, "ftp-server", NULL);
    if (!sv)
        model_add_service(x->a, m, "ftp-server", true, s, l->node);
    else if (s == FACT_ON)
        fact_set(&sv->state, s, l->node);
    return true;
}

/* Evidence of one cipher or MAC list statement (weak: it names a weak one). */
static void s_ssh_algo_ev(struct sx *x, const struct model_path *l, struct fact_lines *ev,
                          struct fact_lines *weak_ev, bool weak)
{
    fact_lines_add(&x->m->ssh.algo_ev, l->node);
    fact_lines_add(ev, l->node);
    if (weak)
        fact_lines_add(weak_ev, l->node);
}

/* "ssh server-cipher-list|server-mac-list|server-kex-list ... name N" (k: the list). */
static void s_ssh_algos(struct sx *x, const struct model_path *l, size_t k)
{
    struct ssh_facts *ssh = &x->m->ssh;
    size_t nm = find_w(l, k + 1, "name");
    if (!nm || nm + 1 >= l->n)
        return;
    struct sv name = l->tok[nm + 1];
    if (sv_starts_with(l->tok[k], "server-cipher-list")) {
        add_unique(x, &ssh->ciphers, &ssh->nciphers, name);
        x->saw_ciphers = true;
        s_ssh_algo_ev(x, l, &x->cipher_ev, &x->cipher_weak_ev,
                      model_ssh_cipher_is_weak(sv_unquote(name)));
    } else if (sv_starts_with(l->tok[k], "server-mac-list")) {
        add_unique(x, &ssh->macs, &ssh->nmacs, name);
        x->saw_macs = true;
        s_ssh_algo_ev(x, l, &x->mac_ev, &x->mac_weak_ev, model_ssh_mac_is_weak(sv_unquote(name)));
    } else if (sv_starts_with(l->tok[k], "server-kex-list")) {
        add_unique(x, &ssh->kex, &ssh->nkex, name);
    }
}

static bool s_sec_ssh(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    fact_lines_add(&x->m->ssh.ev, model_path_own(l, i));
    if (model_path_eq(l, k, "server-shutdown") ||
        (model_path_eq(l, k, "server-admin-state") && model_path_eq(l, k + 1, "disable"))) {
        x->ssh_off_node = l->node;
    } else if (model_path_eq(l, k, "preserve-key") && !no && is_true(l, k + 1)) {
        x->preserve_node = l->node;
    } else if (model_path_eq(l, k, "version") && k + 1 < l->n) {
        struct sv v = l->tok[k + 1];
        if (sv_eq_cstr(v, "1") || sv_eq_cstr(v, "1-2") || sv_eq_cstr(v, "v1"))
            x->ssh_v1_node = l->node;
        else if (sv_eq_cstr(v, "2") || sv_eq_cstr(v, "v2"))
            x->ssh_v2_node = l->node;
    } else if (k < l->n) {
        s_ssh_algos(x, l, k);
    }
    return true;
}

/* user-params local-user user U ..., user U ... (k: the name) */
static bool s_sec_user(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (k >= l->n)
        return false;
    s_user(x, l, k);
    return true;
}

/* "src-ip [address] P" of a management-access-filter entry (s: "src-ip"). */
static void s_maf_src(struct acl_entry *e, const struct model_path *l, size_t s)
{
    size_t v = model_path_eq(l, s + 1, "address") ? s + 2 : s + 1;
    struct ip_prefix p = model_parse_addr(sv_unquote(model_path_tok(l, v)));
    if (p.af) {
        e->src = p;
        e->src_any = ip_prefix_is_any(&p);
    } else if (v < l->n) {
        e->src_any = false;
        e->unresolved = true;
    }
}

/* Protocols and destination ports of routing, ICMP or time traffic, never
 * a management session (the lists of extract_junos_filter.c). */
static bool maf_proto_routing(struct sv p)
{
    static const char *const names[] = {"ospf", "icmp", "vrrp", "pim", "igmp", "rsvp",
                                        "89",   "1",    "112",  "103", "2",    "46"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (sv_eq_cstr(sv_unquote(p), names[i]))
            return true;
    return false;
}

static bool maf_port_routing(struct sv p)
{
    static const char *const names[] = {"bgp", "179",  "ldp",  "646",  "ntp",  "123",
                                        "bfd", "3784", "3785", "4784", "msdp", "639"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (sv_eq_cstr(sv_unquote(p), names[i]))
            return true;
    return false;
}

/* An entry's match on the arrival port or router instance, protocol and
 * destination port (from k; 7750 SR System Management Guide, management
 * access filter commands: src-port cpm is the CPM's out-of-band Ethernet
 * port). */
static void s_maf_match(struct smaf_match *mm, const struct model_path *l, size_t k)
{
    size_t w;
    if ((w = find_w(l, k, "src-port")) && model_path_eq(l, w + 1, "cpm"))
        mm->oob = true;
    if (((w = find_w(l, k, "router")) || (w = find_w(l, k, "router-instance"))) &&
        sv_eq_cstr(sv_unquote(model_path_tok(l, w + 1)), "management"))
        mm->oob = true;
    if ((w = find_w(l, k, "protocol")) && w + 1 < l->n) {
        mm->proto_seen = true;
        mm->proto_any |= !maf_proto_routing(l->tok[w + 1]);
    }
    if ((w = find_w(l, k, "dst-port")) && w + 1 < l->n) {
        size_t v = model_path_eq(l, w + 1, "port") || model_path_eq(l, w + 1, "eq") ? w + 2 : w + 1;
        mm->port_seen = true;
        mm->port_any |= !maf_port_routing(model_path_tok(l, v));
    }
}

/* "entry N ..." of the management-access-filter (k: "entry"): one ACL entry
 * per filter entry; src-ip and action fill it in. */
static void s_maf_entry(struct sx *x, const struct model_path *l, size_t k)
{
    struct acl *acl = x->maf;
    struct acl_entry *e = NULL;
    for (size_t j = acl->n; j-- > 0 && !e;) /* the latest entry is the usual one */
        if (acl->entries[j].node == model_path_own(l, k + 1))
            e = &acl->entries[j];
    if (!e) {
        if (!ssmall(acl->n))
            return;
        e = model_acl_add_entry(x->a, acl, model_path_own(l, k + 1));
        e->src_any = true;
        e->permit = false;
        MODEL_PUSH(x->a, x->maf_match, x->nmaf_match);
    }
    size_t at = (size_t)(e - acl->entries);
    if (at < x->nmaf_match)
        s_maf_match(&x->maf_match[at], l, k + 2);
    size_t s = find_w(l, k + 2, "src-ip");
    size_t a = find_w(l, k + 2, "action");
    if (find_w(l, k + 2, "log"))
        e->log = true; /* LOG-ACL-DENY */
    if (s && s + 1 < l->n)
        s_maf_src(e, l, s);
    if (a && a + 1 < l->n)
        e->permit = sv_eq_cstr(l->tok[a + 1], "permit") || sv_eq_cstr(l->tok[a + 1], "accept");
}

/* management-access-filter ip-filter ... */
static bool s_sec_maf(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (!x->maf)
        x->maf = model_add_acl(x->a, x->m, "management-access-filter", model_path_own(l, k - 1));
    if (model_path_eq(l, k, "default-action") && k + 1 < l->n) {
        x->maf_default = l->node;
        x->maf_default_permit =
            sv_eq_cstr(l->tok[k + 1], "permit") || sv_eq_cstr(l->tok[k + 1], "accept");
    } else if (model_path_eq(l, k, "entry") && k + 1 < l->n) {
        s_maf_entry(x, l, k);
    }
    return true;
}

/* management-access-filter ipv6-filter ...: noted, not read */
static bool s_sec_maf6(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (!x->maf6_node)
        x->maf6_node = l->node;
    return true;
}

/* profile P ..., aaa local-profiles profile P ... (k: the name) */
static bool s_sec_profile(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (k >= l->n)
        return false;
    struct sv name = sv_unquote(l->tok[k]);
    size_t pi = model_nmap_get(&x->obj_map, name, SV_LIT("profile"));
    struct sprofile *pf = pi == SIZE_MAX ? NULL : &x->profiles[pi];
    if (!pf) {
        if (!ssmall(x->nprofiles))
            return true;
        model_nmap_put(x->a, &x->obj_map, name, SV_LIT("profile"), x->nprofiles);
        pf = MODEL_PUSH(x->a, x->profiles, x->nprofiles);
        pf->name = name;
    }
    if (model_path_eq(l, k + 1, "default-action") && k + 2 < l->n) {
        pf->default_node = l->node;
        pf->permit_all = model_path_eq(l, k + 2, "permit-all");
        pf->deny_all = model_path_eq(l, k + 2, "deny-all");
        pf->none_default = model_path_eq(l, k + 2, "none");
    } else if (model_path_eq(l, k + 1, "entry") && k + 2 < l->n) {
        profile_entry(x, pf, l, k + 2);
    }
    return true;
}

static bool s_sec_cpm_filter(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (find_w(l, i + 1, "entry") && !x->cpm_node)
        x->cpm_node = model_path_own(l, i);
    if (model_path_eq(l, i + 1, "default-action") && i + 2 < l->n) {
        x->cpm_default = l->node;
        x->cpm_default_drop = model_path_eq(l, i + 2, "drop");
    }
    return true;
}

/* password admin-password S */
static bool s_sec_admin_password(struct sx *x, const struct model_path *l, size_t i, size_t k,
                                 bool no)
{
    if (k >= l->n)
        return false;
    x->m->enable = ssecret(l, k);
    return true;
}

/* password authentication-order ..., aaa authentication-order ... */
static bool s_sec_auth_order(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (model_path_eq(l, k, "order"))
        k++;
    for (; k < l->n; k++) {
        if (sv_eq_cstr(l->tok[k], "tacplus") || sv_eq_cstr(l->tok[k], "radius") ||
            sv_eq_cstr(l->tok[k], "ldap"))
            x->order_central = true;
        if (sv_eq_cstr(l->tok[k], "local"))
            x->order_local = true;
        x->order_node = l->node;
    }
    return true;
}

/* "... server N address A" of a tacplus or radius block (srv: "server"). */
static bool s_aaa_server_addr(struct sx *x, enum aaa_proto proto, const struct model_path *l,
                              size_t srv, size_t addr)
{
    struct device_model *m = x->m;
    struct sv host = sv_unquote(l->tok[addr + 1]);
    struct aaa_server *s = NULL;
    for (size_t j = 0; j < m->aaa.nservers; j++)
        if (m->aaa.servers[j].proto == proto &&
            m->aaa.servers[j].node == model_path_own(l, srv + 1))
            s = &m->aaa.servers[j];
    if (!s) {
        if (!ssmall(m->aaa.nservers))
            return false;
        s = MODEL_PUSH(x->a, m->aaa.servers, m->aaa.nservers);
        s->proto = proto;
        s->node = model_path_own(l, srv + 1);
    }
    s->host = model_strdup(x->a, host);
    s->addr = model_parse_addr(host);
    return true;
}

/* "... server N secret S" (srv: "server", sec: "secret"). */
static void s_aaa_server_key(struct sx *x, enum aaa_proto proto, const struct model_path *l,
                             size_t srv, size_t sec)
{
    struct device_model *m = x->m;
    struct secret key = ssecret(l, sec + 1);
    for (size_t j = 0; j < m->aaa.nservers; j++)
        if (m->aaa.servers[j].node == model_path_own(l, srv + 1))
            m->aaa.servers[j].key = key;
    model_add_secret(x->a, m, proto == AAA_TACACS ? "tacacs-key" : "radius-key", key);
}

/* Is the word w present from k on and not turned off (false, disable)? */
static bool s_word_on(const struct model_path *l, size_t k, const char *w)
{
    return find_w(l, k, w) && !find_w(l, k, "false") && !find_w(l, k, "disable");
}

/* tacplus accounting and authorization in use (k: "tacplus"). */
static void s_tacplus_use(struct sx *x, const struct model_path *l, size_t k)
{
    if (!x->acct_node && s_word_on(l, k + 1, "accounting"))
        x->acct_node = l->node;
    if (!x->authz_node && s_word_on(l, k + 1, "authorization"))
        x->authz_node = l->node;
}

/* Any statement naming tacplus or radius (its server, secret, accounting). */
static bool s_sec_aaa(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if ((k = find_w(l, i, "tacplus")) == 0 && (k = find_w(l, i, "radius")) == 0)
        return false;
    enum aaa_proto proto = sv_eq_cstr(l->tok[k], "tacplus") ? AAA_TACACS : AAA_RADIUS;
    size_t srv = find_w(l, k + 1, "server");
    size_t addr = find_w(l, k + 1, "address");
    if (srv && addr && addr + 1 < l->n && !s_aaa_server_addr(x, proto, l, srv, addr))
        return true;
    size_t sec = find_w(l, k + 1, "secret");
    if (srv && sec && sec + 1 < l->n)
        s_aaa_server_key(x, proto, l, srv, sec);
    if (proto == AAA_TACACS)
        s_tacplus_use(x, l, k);
    return true;
}

/* snmp ... community C [hash|hash2] [rw|rwa|r] */
static bool s_sec_snmp(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    struct device_model *m = x->m;
    size_t c = find_w(l, i + 1, "community");
    if (!c || c + 1 >= l->n)
        return true;
    struct sv name = sv_unquote(l->tok[c + 1]);
    size_t at = model_nmap_get(&x->obj_map, name, SV_LIT("community"));
    struct snmp_community *sc = at == SIZE_MAX ? NULL : &m->snmp.communities[at];
    if (!sc) {
        if (!ssmall(m->snmp.ncommunities))
            return true;
        model_nmap_put(x->a, &x->obj_map, name, SV_LIT("community"), m->snmp.ncommunities);
        sc = MODEL_PUSH(x->a, m->snmp.communities, m->snmp.ncommunities);
        /* classic prints a stored community as "<value>" hash|hash2 */
        sc->name = model_secret(secret_classify_sros(name, model_path_tok(l, c + 2)), name,
                                model_path_own(l, c + 1));
        sc->node = model_path_own(l, c + 1);
    }
    for (size_t j = c + 2; j < l->n; j++) {
        struct sv w = l->tok[j];
        if (sv_eq_cstr(w, "rw") || sv_eq_cstr(w, "rwa"))
            sc->write = true;
    }
    return true;
}

/* system security ..., in this order: a statement naming tacplus or radius
 * anywhere is read as such unless an earlier row took it. */
static const struct sx_row security_rows[] = {
    {"telnet-server", s_sec_telnet},
    {"telnet6-server", s_sec_telnet},
    {"ftp-server", s_sec_ftp},
    {"ssh", s_sec_ssh},
    {"user-params local-user user", s_sec_user},
    {"user", s_sec_user},
    {"management-access-filter ip-filter", s_sec_maf},
    {"management-access-filter ipv6-filter", s_sec_maf6},
    {"profile", s_sec_profile},
    {"aaa local-profiles profile", s_sec_profile},
    {"cpm-filter", s_sec_cpm_filter},
    {"password admin-password", s_sec_admin_password},
    {"password authentication-order", s_sec_auth_order},
    {"aaa authentication-order", s_sec_auth_order},
    {NULL, s_sec_aaa},
    {"snmp", s_sec_snmp},
};

static void s_security(struct sx *x, const struct model_path *l, size_t i)
{
    bool no = model_path_eq(l, i, "no");
    if (no)
        i++;
    sx_dispatch(x, security_rows, ARRAY_SIZE(security_rows), l, i, no);
}

static bool s_sys_name(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (k >= l->n)
        return false;
    x->m->hostname = dup_unq(x, l->tok[k]);
    x->m->hostname_node = l->node;
    return true;
}

static bool s_sys_security(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    s_security(x, l, k);
    return true;
}

static bool s_sys_login_control(struct sx *x, const struct model_path *l, size_t i, size_t k,
                                bool no)
{
    struct device_model *m = x->m;
    if (model_path_eq(l, k, "idle-timeout") && k + 1 < l->n) {
        x->idle_node = l->node;
        x->idle_minutes = sv_eq_cstr(l->tok[k + 1], "none") || sv_eq_cstr(l->tok[k + 1], "disable")
                              ? 0
                              : model_sv_long(l->tok[k + 1], -1);
    } else if (model_path_eq(l, k, "no") && model_path_eq(l, k + 1, "idle-timeout")) {
        x->idle_node = l->node;
        x->idle_minutes = 0;
    } else if (model_path_eq(l, k, "pre-login-message") && k + 1 < l->n) {
        size_t v = model_path_eq(l, k + 1, "message") ? k + 2 : k + 1;
        if (v < l->n) {
            struct banner *b = model_add_banner(x->a, m, "pre-login", l->node);
            b->text = sv_unquote(l->tok[v]);
        }
    } else if (model_path_eq(l, k, "motd") && model_path_eq(l, k + 1, "text") && k + 2 < l->n) {
        struct banner *b = model_add_banner(x->a, m, "motd", l->node);
        b->text = sv_unquote(l->tok[k + 2]);
    }
    return true;
}

/* time ntp server S [key K] (k: "server") */
static void s_ntp_server(struct sx *x, const struct model_path *l, size_t k)
{
    struct device_model *m = x->m;
    struct sv h = sv_unquote(l->tok[k + 1]);
    size_t at = model_nmap_get(&x->obj_map, h, SV_LIT("ntp"));
    struct host_ref *r = at == SIZE_MAX ? NULL : &m->ntp.servers[at];
    if (!r) {
        if (!ssmall(m->ntp.nservers))
            return;
        model_nmap_put(x->a, &x->obj_map, h, SV_LIT("ntp"), m->ntp.nservers);
        r = model_add_host(x->a, &m->ntp.servers, &m->ntp.nservers, h, model_path_own(l, k + 1));
    }
    if (find_w(l, k + 2, "key") || find_w(l, k + 2, "key-id"))
        r->keyed = true;
}

static bool s_sys_ntp(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    struct device_model *m = x->m;
    fact_lines_add(&m->ntp.ev, model_path_own(l, k - 1));
    if (model_path_eq(l, k, "server") && k + 1 < l->n) {
        s_ntp_server(x, l, k);
    } else if (model_path_eq(l, k, "authentication-key") && k + 1 < l->n) {
        if (!x->ntp_key_node)
            x->ntp_key_node = model_path_own(l, k + 1);
        size_t v = find_w(l, k + 2, "key");
        if (v)
            model_add_secret(x->a, m, "ntp-key", ssecret(l, v + 1));
    } else if (model_path_eq(l, k, "authentication-check")) {
        x->ntp_check_node = l->node;
        x->ntp_check_off = !is_true(l, k + 1);
    } else if (model_path_eq(l, k, "no") && model_path_eq(l, k + 1, "authentication-check")) {
        x->ntp_check_node = l->node;
        x->ntp_check_off = true;
    }
    return true;
}

/* The admin state a statement at k sets: shutdown or admin-state disable
 * (*off), no shutdown or admin-state enable (*on). */
static void s_admin_state(const struct model_path *l, size_t k, const struct cfg_node **on,
                          const struct cfg_node **off)
{
    if (model_path_eq(l, k, "shutdown") ||
        (model_path_eq(l, k, "admin-state") && model_path_eq(l, k + 1, "disable")))
        *off = l->node;
    else if ((model_path_eq(l, k, "no") && model_path_eq(l, k + 1, "shutdown")) ||
             (model_path_eq(l, k, "admin-state") && model_path_eq(l, k + 1, "enable")))
        *on = l->node;
}

/* snmp ..., management-interface snmp ... */
static bool s_sys_snmp(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    s_admin_state(l, k, &x->snmp_on_node, &x->snmp_off_node);
    return true;
}

/* netconf ..., management-interface netconf ... */
static bool s_sys_netconf(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    s_admin_state(l, k, &x->netconf_on_node, &x->netconf_off_node);
    return true;
}

/* Is an on-box entry recorded at this node already? */
static bool s_onbox_seen(const struct device_model *m, const struct cfg_node *n)
{
    for (size_t j = 0; j < m->nonbox; j++)
        if (m->onbox[j].node == n)
            return true;
    return false;
}

/* cron schedule S */
static bool s_sys_cron(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    struct device_model *m = x->m;
    if (!ssmall(m->nonbox) || !model_path_eq(l, i + 1, "schedule") || i + 2 >= l->n ||
        s_onbox_seen(m, model_path_own(l, i + 2)))
        return true;
    struct sv name = sv_unquote(l->tok[i + 2]);
    model_add_onbox(x->a, m, "cron", model_strdup(x->a, name), false, model_path_own(l, i + 2));
    return true;
}

/* script-control script-policy|script S */
static bool s_sys_script(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    struct device_model *m = x->m;
    if (!ssmall(m->nonbox) || i + 2 >= l->n ||
        !(model_path_eq(l, i + 1, "script-policy") || model_path_eq(l, i + 1, "script")) ||
        s_onbox_seen(m, model_path_own(l, i + 2)))
        return true;
    model_add_onbox(x->a, m, "scheduler", dup_unq(x, l->tok[i + 2]), false,
                    model_path_own(l, i + 2));
    return true;
}

/* One gRPC setting at k (after any "no"). */
static void s_grpc_setting(struct sx *x, const struct model_path *l, size_t k, bool no)
{
    if (model_path_eq(l, k, "shutdown"))
        *(no ? &x->grpc_on_node : &x->grpc_off_node) = l->node;
    else if (model_path_eq(l, k, "admin-state") && k + 1 < l->n)
        *(model_path_eq(l, k + 1, "enable") ? &x->grpc_on_node : &x->grpc_off_node) = l->node;
    else if (model_path_eq(l, k, "tls-server-profile") && k + 1 < l->n && !no)
        x->grpc_tls_node = l->node;
    else if (model_path_eq(l, k, "allow-unsecure-connection") && !no && is_true(l, k + 1))
        x->grpc_clear_node = l->node;
    else if (model_path_eq(l, k, "listening-port") && k + 1 < l->n && !no) {
        x->grpc_port = model_sv_long(l->tok[k + 1], -1);
        x->grpc_port_node = l->node;
    }
}

/* gRPC is shut down unless enabled; it runs without TLS only with
 * allow-unsecure-connection and no tls-server-profile */
static bool s_sys_grpc(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (!x->grpc_node)
        x->grpc_node = model_path_own(l, i);
    bool neg = model_path_eq(l, k, "no");
    s_grpc_setting(x, l, neg ? k + 1 : k, neg);
    return true;
}

static bool s_sys_lldp(struct sx *x, const struct model_path *l, size_t i, size_t k, bool no)
{
    if (model_path_eq(l, k, "admin-state") ||
        (model_path_eq(l, k, "no") && model_path_eq(l, k + 1, "shutdown")))
        fact_set(&x->m->legacy.discovery, model_path_eq(l, k + 1, "disable") ? FACT_OFF : FACT_ON,
                 l->node);
    return true;
}

static const struct sx_row system_rows[] = {
    {"name", s_sys_name},
    {"security", s_sys_security},
    {"login-control", s_sys_login_control},
    {"time ntp", s_sys_ntp},
    {"snmp", s_sys_snmp},
    {"management-interface snmp", s_sys_snmp},
    {"cron", s_sys_cron},
    {"script-control", s_sys_script},
    {"grpc", s_sys_grpc},
    {"netconf", s_sys_netconf},
    {"management-interface netconf", s_sys_netconf},
    {"lldp", s_sys_lldp},
};

void sx_system(struct sx *x, const struct model_path *l, size_t i)
{
    sx_dispatch(x, system_rows, ARRAY_SIZE(system_rows), l, i, false);
}
