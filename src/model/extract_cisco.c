/*
 * extract_cisco.c - the Cisco-family extractor: fills struct device_model
 * from an IOS/IOS-XE, NX-OS, IOS-XR, ASA or Arista EOS config tree.
 *
 * One pass over the top-level statements, dispatched on the first word
 * (after a leading "no"); blocks (lines, ACLs, router bgp, interfaces, ...)
 * read their own children. Statements whose meaning depends on others
 * (transport defaults that need the telnet server state, ACL names bound
 * before they are defined, BGP inheritance from peer-groups, templates and
 * neighbor-groups) are recorded during the pass and settled by the finish_*
 * functions. Syntax that differs between the dialects is switched on
 * x->d where it is read. Absence is a pass only where checks.md section 18
 * names the default as secure; otherwise the fact is FACT_UNKNOWN with a why.
 * A fact left untouched (unknown, no why, no evidence) means the platform
 * has no such switch, e.g. the IOS telnet server, which its vty lines decide.
 * Word-prefix matching only: no regex and no per-line allocation beyond
 * the facts themselves; find-or-create lookups that can grow large (ACLs,
 * BGP peers, interfaces, ASA names) go through hashed indexes.
 */
#include "model/extract.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define CX_MAX_ITEMS 200000 /* cap on any aggregated list (users, neighbours, entries, ...) */
#define CX_MAX_PARENTS 6    /* inheritance links kept per BGP peer set */
#define CX_MAX_INHERIT 8    /* depth of BGP inheritance followed */
#define CX_HEADER_SCAN (64u * 1024u)

/* BGP settings that a neighbour, peer-group, template or XR group carries. */
struct cbgp_set {
    char kind;      /* BK_* below */
    struct sv name; /* neighbour address or group/template name */
    struct sv vrf;
    bool is_group;
    bool in_strong, out_strong; /* policy from a route-map/route-policy (not a prefix filter) */
    char parent_kind[CX_MAX_PARENTS];
    const struct cfg_node *node;
    long remote_as;
    const struct cfg_node *remote_as_node;
    struct secret key;
    const struct cfg_node *auth_node;
    bool auth_disabled; /* XR password inheritance-disable */
    const struct cfg_node *gtsm_node;
    const struct cfg_node *maxpfx_node;
    const struct cfg_node *maxpfx_off; /* maximum-routes 0 */
    const char *in_policy, *out_policy;
    const struct cfg_node *in_node, *out_node; /* the statements naming them */
    const struct cfg_node *shutdown_node;
    struct sv parents[CX_MAX_PARENTS];
    size_t nparents;
    struct sv group; /* the peer-group / neighbor-group it belongs to (first parent) */
};

/* An interface as IGPs see it: bindings and authentication statements. */
struct cigp_if {
    int proto;          /* 0 ospf, 1 ospfv3, 2 isis */
    struct sv instance; /* process / tag; empty = any process */
    struct sv area;
    struct sv ifname;
    bool passive, authed, weak, bound;
    const struct cfg_node *node, *auth_node;
    size_t ifidx; /* index in m->interfaces when read under "interface", else SIZE_MAX */
};

/* A network statement of an OSPF process (IOS/EOS/NX-OS classic form). */
struct cigp_net {
    struct ip_prefix pfx;
    struct sv area;
};

struct cigp {
    int proto;
    struct sv name;
    const struct cfg_node *node;
    const struct cfg_node *proc_auth; /* process-level strong authentication */
    const struct cfg_node *proc_weak; /* process-level cleartext authentication */
    struct sv auth_areas[16];         /* areas with message-digest authentication */
    const struct cfg_node *area_auth_node[16];
    size_t nauth_areas;
    struct sv weak_areas[16];
    size_t nweak_areas;
    bool passive_default;
    struct sv passive[64], active[64];
    size_t npassive, nactive;
    struct cigp_net nets[64];
    size_t nnets;
};

/* An open-addressing index from key hashes to positions in one array, so that
 * find-or-create stays linear on configs with many ACLs or BGP neighbours. */
struct cx_index {
    uint32_t *slot; /* position + 1; 0 = empty */
    uint64_t *hash;
    size_t cap, n;
};

struct cx {
    const struct cfg_tree *t;
    struct arena *a;
    struct device_model *m;
    enum dialect d;

    /* ssh */
    const struct cfg_node *ssh_cfg_node; /* any statement configuring the server */
    const struct cfg_node *ssh_off_node; /* no feature ssh / management ssh shutdown */
    const struct cfg_node *ssh_ver_node;
    int ssh_ver;                          /* 0 unset, 1, 2, 3 = both */
    const struct cfg_node *ssh_weak_node; /* NX-OS ssh cipher-mode weak */
    bool saw_ciphers, saw_macs, saw_kex, ssh_port_set;
    bool ssh_lines_need_server;           /* XR: lines accept ssh only with ssh server */
    const struct cfg_node *eos_root_node; /* EOS "aaa root secret": root account enabled */
    const char *ssh_user_ctx;             /* IOS ip ssh pubkey-chain: current username */

    /* telnet */
    const struct cfg_node *telnet_on, *telnet_off;
    bool telnet_via_lines; /* IOS/ASA-style: the lines decide */

    /* http (IOS) */
    const struct cfg_node *http_node, *https_node, *http_acl_node;
    bool http_on, https_on;
    const char *http_acl;
    long http_port, https_port;

    /* lines */
    const struct cfg_node *exec_timeout_default; /* unused placeholder for XR line default */
    struct sv xr_templates_used[16];
    size_t nxr_templates_used;
    const struct cfg_node *vty_pool_node;

    /* aaa */
    const struct cfg_node *aaa_new_model, *aaa_login, *aaa_acct_exec, *aaa_acct_cmds,
        *aaa_authz_cmds, *asa_aaa_login;
    bool login_central, login_local_fallback;
    struct sv aaa_groups[32]; /* names of aaa server groups (for "group NAME") */
    enum aaa_proto aaa_group_proto[32];
    size_t naaa_groups;

    /* logging */
    const struct cfg_node *log_off, *log_on, *log_trap, *login_success, *login_failure,
        *archive_log, *log_level_aaa, *log_level_aaa_low;

    /* XR "xml agent tty": XML over the terminal session (cleartext when telnet is) */
    const struct cfg_node *xml_tty_node;
    bool trap_low;

    /* ntp */
    const struct cfg_node *ntp_auth, *ntp_trusted, *ntp_key, *ntp_block;

    /* snmp */
    const struct cfg_node *snmp_first, *snmp_off;

    /* legacy, defaults settled at the end */
    const struct cfg_node *spe_node, *secret_enc_node, *pw_policy_node, *pw_policy_off;
    const struct cfg_node *cdp_on, *cdp_off, *lldp_on, *lldp_off;

    /* bgp */
    struct cbgp_set *bsets;
    size_t nbsets;
    struct cx_index bset_ix, acl_ix, if_ix, name_ix;
    long local_as;
    const struct cfg_node *bgp_node;

    /* igp */
    struct cigp *igps;
    size_t nigps;
    struct cigp_if *igp_ifs;
    size_t nigp_ifs;
    struct sv *keychains; /* names of key chains with at least one key */
    size_t nkeychains;

    /* interfaces: primary IPv4 address, parallel to m->interfaces (OSPF network match) */
    struct ip_prefix *if_addr;
    size_t *if_ospf; /* parallel: its OSPF entry in igp_ifs, SIZE_MAX if none */
    size_t cur_if;   /* the interface being read, SIZE_MAX outside one */

    /* control plane and management VRF */
    const struct cfg_node *copp_node;
    const struct cfg_node *copp_removed; /* EOS "no service-policy input ..." */
    const struct cfg_node *mpp_oob;
    const struct cfg_node *mgmt_vrf_node;
    const struct cfg_node *ssh_vrf_default, *ssh_vrf_other;

    /* ASA "name ADDR NAME" host aliases */
    struct sv *asa_name, *asa_addr;
    size_t nasa_names;
};

/* ------------------------------------------------------------ tokens */

/* Token i of a view (empty view when absent). */
static struct sv tk(struct sv s, size_t i)
{
    struct sv t = sv_token(s, i);
    if (!t.p)
        t = sv_make("", 0);
    return t;
}

static bool tk_is(struct sv s, size_t i, const char *w)
{
    return sv_eq_cstr(tk(s, i), w);
}

/* Token i, or a collector redaction written with blanks ("<secret hidden>") joined
 * into one view; *next gets the index after it. */
static struct sv tk_value(struct sv s, size_t i, size_t *next)
{
    struct sv a = tk(s, i);
    size_t j = i + 1;
    if (a.n && a.p[0] == '<' && a.p[a.n - 1] != '>') {
        size_t nt = sv_token_count(s);
        for (size_t k = i + 1; k < nt && k < i + 6; k++) {
            struct sv b = tk(s, k);
            if (b.n && b.p[b.n - 1] == '>') {
                a = sv_make(a.p, (size_t)(b.p + b.n - a.p));
                j = k + 1;
                break;
            }
        }
    }
    if (next)
        *next = j;
    return a;
}

/* The text of a node with one leading "no" removed; *neg tells whether it was there. */
static struct sv stmt(const struct cfg_node *n, bool *neg)
{
    struct sv s = cfg_text(n);
    *neg = false;
    if (sv_starts_with_word(s, "no")) {
        *neg = true;
        s = sv_after_tokens(s, 1);
    }
    return s;
}

static bool starts(struct sv s, const char *words)
{
    return sv_starts_with_word(s, words);
}

static bool active(const struct cfg_node *n)
{
    return n && !(n->flags & CFG_INACTIVE);
}

static bool cap_ok(size_t n)
{
    return n < CX_MAX_ITEMS;
}

static const char *dup(struct cx *x, struct sv s)
{
    if (!s.p || s.n == 0)
        return NULL;
    return model_strdup_unquoted(x->a, s);
}

static bool sv_same(struct sv a, struct sv b)
{
    return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

static uint64_t hash_sv(uint64_t h, struct sv s)
{
    for (size_t i = 0; i < s.n; i++) {
        h ^= (unsigned char)s.p[i];
        h *= 1099511628211ull;
    }
    h ^= 0xff; /* separator between joined keys */
    return h * 1099511628211ull;
}

#define HASH_SEED 14695981039346656037ull

/* The next position whose hash is h: *it starts at 0; SIZE_MAX when none is left. */
static size_t ix_next(const struct cx_index *ix, uint64_t h, size_t *it)
{
    while (ix->cap && *it < ix->cap) {
        size_t i = (size_t)(h + *it) & (ix->cap - 1);
        (*it)++;
        if (!ix->slot[i])
            return SIZE_MAX;
        if (ix->hash[i] == h)
            return ix->slot[i] - 1;
    }
    return SIZE_MAX;
}

static void ix_put(uint32_t *slot, uint64_t *hash, size_t cap, uint64_t h, size_t pos)
{
    size_t i = (size_t)h & (cap - 1);
    while (slot[i])
        i = (i + 1) & (cap - 1);
    slot[i] = (uint32_t)(pos + 1);
    hash[i] = h;
}

static void ix_add(struct arena *a, struct cx_index *ix, uint64_t h, size_t pos)
{
    if ((ix->n + 1) * 2 > ix->cap) {
        size_t cap = ix->cap ? ix->cap * 2 : 64;
        uint32_t *slot = arena_alloc(a, cap * sizeof(*slot));
        uint64_t *hash = arena_alloc(a, cap * sizeof(*hash));
        for (size_t i = 0; i < ix->cap; i++)
            if (ix->slot[i])
                ix_put(slot, hash, cap, ix->hash[i], ix->slot[i] - 1);
        ix->slot = slot;
        ix->hash = hash;
        ix->cap = cap;
    }
    ix_put(ix->slot, ix->hash, ix->cap, h, pos);
    ix->n++;
}

/* Dotted-quad shaped (for masks and addresses). */
static bool sv_is_dotted(struct sv s)
{
    int dots = 0;
    if (s.n < 7 || s.n > 15)
        return false;
    for (size_t i = 0; i < s.n; i++) {
        if (s.p[i] == '.')
            dots++;
        else if (!isdigit((unsigned char)s.p[i]))
            return false;
    }
    return dots == 3;
}

static bool sv_is_addrish(struct sv s)
{
    return sv_is_dotted(s) || (s.n > 1 && memchr(s.p, ':', s.n) != NULL) ||
           (s.n > 8 && memchr(s.p, '/', s.n) != NULL && isdigit((unsigned char)s.p[0]));
}

/* Secret from "[type] value" at token i of s: the type word is a number or
 * one of the Cisco storage words; ASA writes the storage word after the value. */
static struct secret cisco_secret(struct cx *x, struct sv s, size_t i, const struct cfg_node *n,
                                  size_t *next)
{
    size_t ja, jb;
    struct sv a = tk_value(s, i, &ja), b = tk_value(s, ja, &jb);
    struct sv type = sv_make("", 0), value = a;
    size_t after = ja;
    bool typed = model_sv_is_digits(a) && a.n <= 2 && b.n > 0;
    if (!typed && b.n &&
        (model_sv_ieq(a, "sha512") || model_sv_ieq(a, "encrypted") || model_sv_ieq(a, "clear") ||
         model_sv_ieq(a, "pbkdf2") || (x->d == DIALECT_ARISTA_EOS && model_sv_ieq(a, "8a"))))
        typed = true;
    if (typed) {
        type = a;
        value = b;
        after = jb;
    } else if (x->d == DIALECT_CISCO_ASA &&
               (model_sv_ieq(b, "encrypted") || model_sv_ieq(b, "pbkdf2") ||
                model_sv_ieq(b, "nt-encrypted"))) {
        type = b;
        after = jb;
    }
    value = sv_unquote(value);
    enum secret_type ty;
    if (x->d == DIALECT_CISCO_IOSXR && model_sv_ieq(type, "encrypted"))
        ty = secret_is_redacted(value) ? SECRET_REDACTED : SECRET_CISCO7;
    else if (model_sv_ieq(type, "clear"))
        ty = secret_is_redacted(value) ? SECRET_REDACTED : SECRET_PLAINTEXT;
    else if (model_sv_ieq(type, "8a")) /* EOS: AES-256-GCM under the device or common key */
        ty = secret_is_redacted(value) ? SECRET_REDACTED : SECRET_CISCO6;
    else
        ty = secret_classify_cisco(type, value);
    if (value.n == 0)
        ty = SECRET_NONE;
    if (next)
        *next = after;
    return model_secret(ty, value, n);
}

/* ------------------------------------------------------------ identity */

static bool view_find(struct sv s, const char *needle, size_t *at)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= s.n; i++)
        if (memcmp(s.p + i, needle, n) == 0) {
            *at = i;
            return true;
        }
    return false;
}

/* Version and platform from comment headers the parser dropped. */
static void scan_headers(struct cx *x)
{
    struct device_model *m = x->m;
    size_t len = x->t->len < CX_HEADER_SCAN ? x->t->len : CX_HEADER_SCAN;
    const char *p = x->t->buf, *end = x->t->buf + len;
    while (p && p < end) {
        const char *e = memchr(p, '\n', (size_t)(end - p));
        if (!e)
            e = end;
        struct sv l = sv_trim(sv_make(p, (size_t)(e - p)));
        p = e + 1;
        if (l.n == 0 || l.p[0] != '!')
            continue;
        size_t at;
        if (!m->os_version && view_find(l, "IOS XR Configuration", &at)) {
            struct sv v = tk(sv_make(l.p + at, l.n - at), 3);
            if (v.n)
                m->os_version = dup(x, v);
            if (!m->platform)
                m->platform = "IOS XR";
        } else if (view_find(l, "device:", &at) && view_find(l, ", EOS-", &at)) {
            /* "! device: name (vEOS-lab, EOS-4.31.2F)" */
            const char *v = l.p + at + 6, *ve = v;
            while (ve < l.p + l.n && *ve != ')' && *ve != ',' && *ve != ' ')
                ve++;
            if (!m->os_version && ve > v)
                m->os_version = dup(x, sv_make(v, (size_t)(ve - v)));
            size_t po;
            if (!m->platform && view_find(l, "(", &po)) {
                const char *q = l.p + po + 1, *qe = q;
                while (qe < l.p + l.n && *qe != ',' && *qe != ')')
                    qe++;
                if (qe > q)
                    m->platform = dup(x, sv_trim(sv_make(q, (size_t)(qe - q))));
            }
        } else if (!m->os_version && view_find(l, "NXOS:", &at)) {
            struct sv v = tk(sv_make(l.p + at, l.n - at), 1);
            if (v.n)
                m->os_version = dup(x, v);
        }
    }
}

static void h_identity(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct device_model *m = x->m;
    if ((starts(s, "hostname") || starts(s, "switchname")) && tk(s, 1).n) {
        m->hostname = dup(x, tk(s, 1));
        m->hostname_node = n;
    } else if (starts(s, "version") && tk(s, 1).n) {
        m->os_version = dup(x, tk(s, 1));
    } else if (starts(s, "ASA Version") || starts(s, "FTD Version")) {
        m->os_version = dup(x, tk(s, 2));
        m->platform = starts(s, "ASA") ? "ASA" : "FTD";
    }
}

/* ------------------------------------------------------------ ACLs */

static struct acl *find_or_add_acl(struct cx *x, struct sv name, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    name = sv_unquote(name);
    uint64_t h = hash_sv(HASH_SEED, name);
    size_t it = 0, pos;
    while ((pos = ix_next(&x->acl_ix, h, &it)) != SIZE_MAX)
        if (sv_eq_cstr(name, m->acls[pos].name))
            return &m->acls[pos];
    if (!cap_ok(m->nacls))
        return NULL;
    struct acl *acl = model_add_acl(x->a, m, dup(x, name), n);
    ix_add(x->a, &x->acl_ix, h, m->nacls - 1);
    return acl;
}

/* A source at token i of s: any / host X / X mask / X/len / object-group ...
 * mask_is_wildcard: IOS/NX-OS/XR/EOS wildcard masks; ASA netmasks. */
/* ASA: an address for a "name" alias, or the token itself. */
static struct sv asa_alias(const struct cx *x, struct sv a)
{
    if (!x->nasa_names)
        return a;
    size_t it = 0, pos;
    uint64_t h = hash_sv(HASH_SEED, a);
    while ((pos = ix_next(&x->name_ix, h, &it)) != SIZE_MAX)
        if (sv_same(x->asa_name[pos], a))
            return x->asa_addr[pos];
    return a;
}

static void acl_source(struct cx *x, struct acl_entry *e, struct sv s, size_t i, bool standard)
{
    struct sv a = tk(s, i), b = tk(s, i + 1);
    if (x->nasa_names) {
        a = asa_alias(x, a);
        b = asa_alias(x, b);
    }
    if (model_sv_ieq(a, "any") || model_sv_ieq(a, "any4") || model_sv_ieq(a, "any6")) {
        e->src_any = true;
        return;
    }
    if (model_sv_ieq(a, "host")) {
        e->src = model_parse_addr(b);
        e->unresolved = e->src.af == 0;
        return;
    }
    if (model_sv_ieq(a, "object-group") || model_sv_ieq(a, "object") ||
        model_sv_ieq(a, "addrgroup") || model_sv_ieq(a, "net-group") ||
        model_sv_ieq(a, "interface") || model_sv_ieq(a, "source-group") || a.n == 0) {
        e->unresolved = true;
        return;
    }
    if (memchr(a.p, '/', a.n)) {
        e->src = model_parse_addr(a);
        e->unresolved = e->src.af == 0;
        if (!e->unresolved && ip_prefix_is_any(&e->src))
            e->src_any = true;
        return;
    }
    if (sv_is_dotted(a) && sv_is_dotted(b)) {
        bool wildcard = x->d != DIALECT_CISCO_ASA;
        if (!ip_prefix_from_mask(a, b, wildcard, &e->src)) {
            memset(&e->src, 0, sizeof(e->src));
            e->unresolved = true;
        } else if (ip_prefix_is_any(&e->src)) {
            e->src_any = true;
        }
        return;
    }
    if (sv_is_addrish(a) && (standard || !sv_is_dotted(b))) {
        e->src = model_parse_addr(a); /* a bare address is one host */
        e->unresolved = e->src.af == 0;
        return;
    }
    e->unresolved = true;
}

static bool is_action(struct sv w)
{
    return sv_eq_cstr(w, "permit") || sv_eq_cstr(w, "deny");
}

/*
 * One ACL entry from "[seq|sequence N] permit|deny [proto] src ..." starting
 * at token i. standard: no protocol word. Remarks and other statements are
 * ignored.
 */
static void acl_entry_from(struct cx *x, struct acl *acl, struct sv s, size_t i, bool standard,
                           const struct cfg_node *n)
{
    if (!acl || !cap_ok(acl->n))
        return;
    if (tk_is(s, i, "sequence"))
        i += 2;
    else if (model_sv_is_digits(tk(s, i)))
        i++;
    if (tk_is(s, i, "line") && model_sv_is_digits(tk(s, i + 1)))
        i += 2; /* ASA "line N" */
    struct sv act = tk(s, i);
    if (!is_action(act))
        return;
    struct acl_entry *e = model_acl_add_entry(x->a, acl, n);
    e->permit = sv_eq_cstr(act, "permit");
    i++;
    struct sv w = tk(s, i);
    if (!standard) {
        /* standard-looking entries in an ACL not declared standard */
        if (model_sv_ieq(w, "any") || model_sv_ieq(w, "host") || memchr(w.p, '/', w.n) ||
            (sv_is_dotted(w) && (tk(s, i + 1).n == 0 || sv_is_dotted(tk(s, i + 1)) ||
                                 sv_eq_cstr(tk(s, i + 1), "log")))) {
            standard = true;
        }
    }
    if (!standard) {
        /* skip the protocol: a word, a number, or ASA object-group/object NAME */
        if (model_sv_ieq(w, "object-group") || model_sv_ieq(w, "object"))
            i += 2;
        else
            i += 1;
    }
    acl_source(x, e, s, i, standard);
}

static void h_ip_access_list(struct cx *x, const struct cfg_node *n, struct sv s, size_t k)
{
    /* "ip access-list [standard|extended|resequence...] NAME" at token k (after "access-list") */
    bool standard = false;
    struct sv kind = tk(s, k);
    if (sv_eq_cstr(kind, "standard")) {
        standard = true;
        k++;
    } else if (sv_eq_cstr(kind, "extended") || sv_eq_cstr(kind, "role-based")) {
        k++;
    } else if (sv_eq_cstr(kind, "resequence") || sv_eq_cstr(kind, "logging") ||
               sv_eq_cstr(kind, "log-update") || sv_eq_cstr(kind, "match-local-traffic")) {
        return;
    }
    struct sv name = tk(s, k);
    if (name.n == 0)
        return;
    struct acl *acl = find_or_add_acl(x, name, n);
    if (!acl)
        return;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c))
            acl_entry_from(x, acl, cfg_text(c), 0, standard, c);
}

/* IOS "access-list N ..." (numbered) and ASA "access-list NAME [extended|standard] ...". */
static void h_access_list(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct sv name = tk(s, 1);
    if (name.n == 0)
        return;
    size_t i = 2;
    bool standard = false;
    if (x->d == DIALECT_CISCO_ASA) {
        struct sv kind = tk(s, 2);
        if (sv_eq_cstr(kind, "standard")) {
            standard = true;
            i = 3;
        } else if (sv_eq_cstr(kind, "extended")) {
            i = 3;
        } else if (sv_eq_cstr(kind, "line")) {
            if (sv_eq_cstr(tk(s, 4), "standard"))
                standard = true;
            i = 4 + (sv_eq_cstr(tk(s, 4), "standard") || sv_eq_cstr(tk(s, 4), "extended"));
        } else if (!is_action(kind)) {
            return; /* remark, webtype, ethertype, ... */
        }
    } else {
        long num = model_sv_long(name, -1);
        if (num < 0)
            return;
        standard = (num >= 1 && num <= 99) || (num >= 1300 && num <= 1999);
        if (sv_eq_cstr(tk(s, 2), "dynamic"))
            i = 4;
    }
    if (!is_action(tk(s, i)))
        return;
    struct acl *acl = find_or_add_acl(x, name, n);
    if (!acl)
        return;
    acl_entry_from(x, acl, s, i, standard, n);
}

/* ------------------------------------------------------------ lines */

/* Apply "transport input|output ..." words to a line. */
static void line_transport(struct cx *x, struct mgmt_line *l, struct sv s, const struct cfg_node *c)
{
    (void)x;
    bool input = tk_is(s, 1, "input");
    bool telnet = false, ssh = false, other = false, none = false;
    size_t nt = sv_token_count(s);
    for (size_t i = 2; i < nt; i++) {
        struct sv w = tk(s, i);
        if (sv_eq_cstr(w, "all")) {
            telnet = ssh = other = true;
        } else if (sv_eq_cstr(w, "none")) {
            none = true;
        } else if (sv_eq_cstr(w, "telnet")) {
            telnet = true;
        } else if (sv_eq_cstr(w, "ssh")) {
            ssh = true;
        } else {
            other = true; /* pad, rlogin, lat, mop, udptn, v120, ... */
        }
    }
    if (none)
        telnet = ssh = other = false;
    if (input) {
        fact_set(&l->telnet_in, telnet ? FACT_ON : FACT_OFF, c);
        fact_set(&l->ssh_in, ssh ? FACT_ON : FACT_OFF, c);
        l->transport_node = c;
    } else if (tk_is(s, 1, "output")) {
        fact_set(&l->any_out, (telnet || other) ? FACT_ON : FACT_OFF, c);
    }
}

static bool xr_template_used(const struct cx *x, struct sv name)
{
    for (size_t i = 0; i < x->nxr_templates_used; i++)
        if (sv_same(x->xr_templates_used[i], name))
            return true;
    return false;
}

static void h_line(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct device_model *m = x->m;
    if (!cap_ok(m->nlines))
        return;
    struct sv kind = tk(s, 1);
    struct mgmt_line *l = MODEL_PUSH(x->a, m->lines, m->nlines);
    l->name = dup(x, sv_after_tokens(s, 1));
    if (!l->name)
        l->name = "line";
    l->node = n;
    l->timeout_seconds = -1;
    if (sv_eq_cstr(kind, "vty"))
        l->kind = LINE_VTY;
    else if (sv_eq_cstr(kind, "con") || sv_eq_cstr(kind, "console"))
        l->kind = LINE_CONSOLE;
    else if (sv_eq_cstr(kind, "aux"))
        l->kind = LINE_AUX;
    else if (x->d == DIALECT_CISCO_IOSXR &&
             (sv_eq_cstr(kind, "default") || sv_eq_cstr(kind, "template")))
        l->kind = LINE_VTY; /* settled by vty-pool at the end */
    else
        l->kind = LINE_OTHER;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        bool neg;
        struct sv cs = stmt(c, &neg);
        if (starts(cs, "transport") && !neg) {
            line_transport(x, l, cs, c);
        } else if (starts(cs, "exec-timeout")) {
            long mins = model_sv_long(tk(cs, 1), -1), secs = model_sv_long(tk(cs, 2), 0);
            if (neg) {
                mins = x->d == DIALECT_CISCO_NXOS ? 0 : 10;
                secs = 0;
            }
            if (mins >= 0) {
                l->timeout_seconds = mins * 60 + (secs > 0 ? secs : 0);
                l->timeout_node = c;
                l->timeout_is_default = false;
            }
        } else if (starts(cs, "access-class") && !neg) {
            /* IOS/NX-OS: access-class X in [vrf-also]; XR: access-class ingress X */
            struct sv a = tk(cs, 1), b = tk(cs, 2);
            if (sv_eq_cstr(a, "ingress"))
                l->acl_in = dup(x, b);
            else if (sv_eq_cstr(b, "in") || b.n == 0)
                l->acl_in = dup(x, a);
        } else if ((starts(cs, "ip access-class") || starts(cs, "ip access-group")) && !neg) {
            /* NX-OS: ip access-class NAME in; EOS-style ip access-group NAME in */
            struct sv a = tk(cs, 2), b = tk(cs, 3);
            if (a.n && (sv_eq_cstr(b, "in") || b.n == 0))
                l->acl_in = dup(x, a);
        } else if (starts(cs, "ipv6 access-class") && !neg) {
            struct sv a = tk(cs, 2), b = tk(cs, 3);
            if (a.n && (sv_eq_cstr(b, "in") || b.n == 0) && l->kind == LINE_VTY)
                model_add_mgmt_path(x->a, m, "vty-ipv6", dup(x, a), c);
        } else if (sv_eq_cstr(cs, "exec") && neg) {
            fact_set(&l->login_disabled, FACT_ON, c);
        } else if (starts(cs, "password") && !neg) {
            model_add_secret(x->a, m, "line-password", cisco_secret(x, cs, 1, c, NULL));
        }
    }
    /* defaults */
    if (l->login_disabled.state == FACT_UNKNOWN)
        fact_default(&l->login_disabled, FACT_OFF, "exec is enabled on a line unless 'no exec'");
    if (l->kind == LINE_CONSOLE) {
        if (l->telnet_in.state == FACT_UNKNOWN)
            fact_default(&l->telnet_in, FACT_OFF, "the console is a serial port");
        if (l->ssh_in.state == FACT_UNKNOWN)
            fact_default(&l->ssh_in, FACT_OFF, "the console is a serial port");
    }
    if (l->timeout_seconds < 0) {
        switch (x->d) {
        case DIALECT_CISCO_IOS:
        case DIALECT_CISCO_IOSXR:
            l->timeout_seconds = 600;
            l->timeout_is_default = true;
            break;
        case DIALECT_CISCO_NXOS:
            l->timeout_seconds = 0;
            l->timeout_is_default = true;
            break;
        default:
            break;
        }
    }
}

/* Settle line transport facts that depend on global services. */
static void finish_lines(struct cx *x)
{
    struct device_model *m = x->m;
    for (size_t i = 0; i < m->nlines; i++) {
        struct mgmt_line *l = &m->lines[i];
        if (x->d == DIALECT_CISCO_IOSXR && starts(cfg_text(l->node), "line template")) {
            struct sv name = tk(cfg_text(l->node), 2);
            if (!xr_template_used(x, name))
                l->kind = LINE_OTHER;
        }
        if (l->kind == LINE_CONSOLE)
            continue;
        /* no exec session on the line: nothing to start an outbound session from */
        if (l->login_disabled.state == FACT_ON && !l->login_disabled.is_default &&
            l->any_out.state == FACT_UNKNOWN && !l->any_out.why && l->any_out.ev.n == 0)
            fact_set(&l->any_out, FACT_OFF, l->login_disabled.ev.nodes[0]);
        switch (x->d) {
        case DIALECT_CISCO_NXOS:
            /* NX-OS vty transport is the feature state */
            l->telnet_in = m->telnet_server;
            l->ssh_in = m->ssh.enabled;
            if (l->any_out.state == FACT_UNKNOWN && !l->any_out.why)
                fact_unknown(&l->any_out, "NX-OS has no line-level outbound transport setting");
            break;
        case DIALECT_CISCO_IOSXR:
            if (m->telnet_server.state == FACT_OFF) {
                l->telnet_in = m->telnet_server;
            } else if (l->telnet_in.state == FACT_ON) {
                fact_lines_add(&l->telnet_in.ev,
                               m->telnet_server.ev.n ? m->telnet_server.ev.nodes[0] : NULL);
            } else if (l->telnet_in.state == FACT_UNKNOWN) {
                fact_unknown(&l->telnet_in, "telnet server on, no 'transport input' on this "
                                            "line: the default is release-dependent");
            }
            if (m->ssh.enabled.state == FACT_OFF)
                l->ssh_in = m->ssh.enabled;
            else if (l->ssh_in.state == FACT_UNKNOWN)
                fact_unknown(&l->ssh_in, "no 'transport input' on this line: the default is "
                                         "release-dependent");
            if (l->any_out.state == FACT_UNKNOWN && l->kind != LINE_OTHER)
                fact_default(&l->any_out, FACT_ON,
                             "no 'transport output' on this line: outbound telnet and ssh "
                             "are allowed unless it is none");
            break;
        default:
            if (l->telnet_in.state == FACT_UNKNOWN && !l->telnet_in.why)
                fact_unknown(&l->telnet_in, "no 'transport input' on this line: the default "
                                            "(telnet or none) is release-dependent");
            if (l->ssh_in.state == FACT_UNKNOWN && !l->ssh_in.why)
                fact_unknown(&l->ssh_in, "no 'transport input' on this line: the default is "
                                         "release-dependent");
            if (l->any_out.state != FACT_UNKNOWN || l->any_out.why)
                break;
            if (x->d == DIALECT_CISCO_IOS)
                fact_default(&l->any_out, FACT_ON,
                             "no 'transport output' on this line: IOS lines open outbound "
                             "telnet sessions by default");
            else
                fact_unknown(&l->any_out, "no 'transport output' on this line: the default is "
                                          "release-dependent");
            break;
        }
    }
}

/* ------------------------------------------------------------ services */

static void add_unique_str(struct cx *x, const char ***arr, size_t *n, struct sv v)
{
    v = sv_unquote(v);
    if (v.n == 0)
        return;
    for (size_t i = 0; i < *n; i++)
        if (sv_eq_cstr(v, (*arr)[i]))
            return;
    if (!cap_ok(*n))
        return;
    const char **slot = MODEL_PUSH(x->a, *arr, *n);
    *slot = dup(x, v);
}

/* Algorithm words from token i on; ',' and ':' also separate (EOS, ASA). */
static void add_algos(struct cx *x, const char ***arr, size_t *n, struct sv s, size_t i)
{
    size_t nt = sv_token_count(s);
    for (; i < nt; i++) {
        struct sv w = sv_unquote(tk(s, i));
        size_t st = 0;
        for (size_t j = 0; j <= w.n; j++)
            if (j == w.n || w.p[j] == ',' || w.p[j] == ':') {
                if (j > st)
                    add_unique_str(x, arr, n, sv_make(w.p + st, j - st));
                st = j + 1;
            }
    }
}

/* A service by name and cleartext flag (find-or-create), state set from n. */
static struct mgmt_service *svc(struct cx *x, const char *name, bool cleartext, enum fact_state st,
                                const struct cfg_node *n)
{
    struct device_model *m = x->m;
    for (size_t i = 0; i < m->nservices; i++) {
        struct mgmt_service *s = &m->services[i];
        if (strcmp(s->name, name) == 0 && s->cleartext == cleartext && !s->vrf) {
            fact_set(&s->state, st, n);
            return s;
        }
    }
    if (!cap_ok(m->nservices))
        return NULL;
    return model_add_service(x->a, m, name, cleartext, st, n);
}

static void ssh_configured(struct cx *x, const struct cfg_node *n)
{
    if (!x->ssh_cfg_node)
        x->ssh_cfg_node = n;
    fact_lines_add(&x->m->ssh.ev, n);
}

static void ssh_ciphers(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    add_algos(x, &x->m->ssh.ciphers, &x->m->ssh.nciphers, s, i);
    x->saw_ciphers = true;
    fact_lines_add(&x->m->ssh.algo_ev, n);
}

static void ssh_macs(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    add_algos(x, &x->m->ssh.macs, &x->m->ssh.nmacs, s, i);
    x->saw_macs = true;
    fact_lines_add(&x->m->ssh.algo_ev, n);
}

static void ssh_kex(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    add_algos(x, &x->m->ssh.kex, &x->m->ssh.nkex, s, i);
    x->saw_kex = true;
    fact_lines_add(&x->m->ssh.algo_ev, n);
}

/* ASA "ssh|telnet|http ADDR MASK IFC": a management path modelled as an ACL per interface. */
static void asa_mgmt_host(struct cx *x, const char *service, struct sv s, const struct cfg_node *n)
{
    struct sv addr = asa_alias(x, tk(s, 1)), mask = tk(s, 2), ifc = tk(s, 3);
    bool v6 = memchr(addr.p, ':', addr.n) != NULL;
    if (v6) { /* "ssh ADDR/LEN IFC" */
        ifc = mask;
        mask = sv_make("", 0);
    }
    if (ifc.n == 0)
        return;
    const char *name = arena_printf(x->a, "%s-hosts-%.*s", service, (int)ifc.n, ifc.p);
    struct acl *acl = find_or_add_acl(x, sv_from_cstr(name), n);
    if (!acl || !cap_ok(acl->n))
        return;
    bool fresh = acl->n == 0;
    struct acl_entry *e = model_acl_add_entry(x->a, acl, n);
    e->permit = true;
    if (sv_eq_cstr(addr, "0") && sv_eq_cstr(mask, "0")) {
        e->src_any = true; /* "ssh 0 0 IFC": any host */
    } else if (sv_is_dotted(mask)) {
        if (!ip_prefix_from_mask(addr, mask, false, &e->src))
            e->unresolved = true;
    } else {
        e->src = model_parse_addr(addr); /* IPv6 "ADDR/LEN IFC" form */
        e->unresolved = e->src.af == 0;
    }
    if (!e->unresolved && ip_prefix_is_any(&e->src))
        e->src_any = true;
    if (fresh)
        model_add_mgmt_path(x->a, x->m, service, acl->name, n);
}

/* "ssh|telnet|http ADDR MASK IF" (or "0 0 IF", "ADDR/LEN IF") rather than a setting? */
static bool asa_host_stmt(const struct cx *x, struct sv s)
{
    struct sv a = tk(s, 1);
    return sv_is_addrish(asa_alias(x, a)) || (sv_eq_cstr(a, "0") && tk_is(s, 2, "0"));
}

static long asa_minutes(struct sv s)
{
    long v = model_sv_long(s, -1);
    return v < 0 ? -1 : v * 60;
}

/* ASA and IOS-XR "ssh ...", NX-OS "ssh ..." top-level statements. */
static void h_ssh(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct device_model *m = x->m;
    if (neg)
        return;
    if (x->d == DIALECT_CISCO_ASA) {
        if (asa_host_stmt(x, s)) {
            ssh_configured(x, n);
            asa_mgmt_host(x, "ssh", s, n);
        } else if (tk_is(s, 1, "version")) {
            x->ssh_ver = sv_eq_cstr(tk(s, 2), "1") ? (tk(s, 3).n ? 3 : 1) : 2;
            x->ssh_ver_node = n;
        } else if (tk_is(s, 1, "timeout")) {
            m->ssh.idle_timeout_seconds = asa_minutes(tk(s, 2));
            fact_lines_add(&m->ssh.ev, n);
        } else if (starts(s, "ssh cipher encryption")) {
            ssh_ciphers(x, s, sv_eq_cstr(tk(s, 3), "custom") ? 4 : 3, n);
        } else if (starts(s, "ssh cipher integrity")) {
            ssh_macs(x, s, sv_eq_cstr(tk(s, 3), "custom") ? 4 : 3, n);
        } else if (starts(s, "ssh key-exchange group")) {
            ssh_kex(x, s, 3, n);
        }
        return;
    }
    if (x->d == DIALECT_CISCO_IOSXR) {
        if (!tk_is(s, 1, "server"))
            return; /* ssh client ..., ssh timeout */
        ssh_configured(x, n);
        if (tk_is(s, 2, "v2")) {
            x->ssh_ver = 2;
            x->ssh_ver_node = n;
        } else if (tk_is(s, 2, "v1")) {
            x->ssh_ver = 3;
            x->ssh_ver_node = n;
        } else if (starts(s, "ssh server algorithms cipher")) {
            ssh_ciphers(x, s, 4, n);
        } else if (starts(s, "ssh server algorithms key-exchange")) {
            ssh_kex(x, s, 4, n);
        } else if (starts(s, "ssh server algorithms mac")) {
            ssh_macs(x, s, 4, n);
        } else if (starts(s, "ssh server enable cipher")) {
            /* re-enables CBC ciphers next to the default list */
            x->ssh_weak_node = n;
            fact_lines_add(&m->ssh.algo_ev, n);
        } else if (starts(s, "ssh server vrf")) {
            size_t nt = sv_token_count(s), nacl = 0;
            for (size_t i = 4; i + 1 < nt; i++)
                if (tk_is(s, i, "access-list")) {
                    model_add_mgmt_path(x->a, m, "ssh", dup(x, tk(s, i + 1)), n);
                    nacl++;
                }
            if (nacl == 0)
                model_add_mgmt_path(x->a, m, "ssh", NULL, n);
            if (tk_is(s, 3, "default"))
                x->ssh_vrf_default = n;
            else
                x->ssh_vrf_other = n;
        } else if (starts(s, "ssh server ipv4 access-list")) {
            model_add_mgmt_path(x->a, m, "ssh", dup(x, tk(s, 4)), n);
        } else if (starts(s, "ssh server port")) {
            m->ssh.port = model_sv_long(tk(s, 3), -1);
            x->ssh_port_set = true;
        } else if (starts(s, "ssh server netconf")) {
            svc(x, "netconf", false, FACT_ON, n);
        }
        return;
    }
    if (x->d == DIALECT_CISCO_NXOS) {
        if (tk_is(s, 1, "ciphers")) {
            ssh_configured(x, n);
            ssh_ciphers(x, s, 2, n);
        } else if (tk_is(s, 1, "macs")) {
            ssh_configured(x, n);
            ssh_macs(x, s, 2, n);
        } else if (tk_is(s, 1, "kexalgos")) {
            ssh_configured(x, n);
            ssh_kex(x, s, 2, n);
        } else if (starts(s, "ssh cipher-mode weak")) {
            x->ssh_weak_node = n;
            fact_lines_add(&m->ssh.algo_ev, n);
        } else if (tk_is(s, 1, "port")) {
            m->ssh.port = model_sv_long(tk(s, 2), -1);
            x->ssh_port_set = true;
            ssh_configured(x, n);
        }
    }
}

/* XR "telnet [vrf V] ipv4|ipv6 server ..." and ASA "telnet ADDR MASK IFC". */
static void h_telnet(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct device_model *m = x->m;
    if (x->d == DIALECT_CISCO_ASA) {
        if (!neg && asa_host_stmt(x, s)) {
            if (!x->telnet_on)
                x->telnet_on = n;
            fact_lines_add(&m->telnet_server.ev, n);
            asa_mgmt_host(x, "telnet", s, n);
        }
        return;
    }
    if (x->d != DIALECT_CISCO_IOSXR)
        return;
    size_t nt = sv_token_count(s);
    bool server = false;
    struct sv vrf = sv_make("", 0);
    for (size_t i = 1; i < nt; i++) {
        if (tk_is(s, i, "server"))
            server = true;
        if (tk_is(s, i, "vrf"))
            vrf = tk(s, i + 1);
    }
    if (!server || neg)
        return;
    if (!x->telnet_on)
        x->telnet_on = n;
    fact_lines_add(&m->telnet_server.ev, n);
    struct mgmt_service *sv = model_add_service(x->a, m, "telnet", true, FACT_ON, n);
    sv->vrf = dup(x, vrf);
    for (size_t i = 1; i + 1 < nt; i++)
        if (tk_is(s, i, "access-list")) {
            sv->acl_name = dup(x, tk(s, i + 1));
            model_add_mgmt_path(x->a, m, "telnet", sv->acl_name, n);
        }
}

/* ASA "http ADDR MASK IFC" / "http server enable [port]". */
static void h_http_asa(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (starts(s, "http server enable")) {
        struct mgmt_service *v = svc(x, "https", false, neg ? FACT_OFF : FACT_ON, n);
        if (v && tk(s, 3).n)
            v->port = model_sv_long(tk(s, 3), -1);
    } else if (!neg && asa_host_stmt(x, s)) {
        asa_mgmt_host(x, "http", s, n);
    }
}

/* IOS "ip http ..." statements (settled in finish_services). */
static void h_ip_http(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (starts(s, "ip http server")) {
        x->http_node = n;
        x->http_on = !neg;
    } else if (starts(s, "ip http secure-server")) {
        x->https_node = n;
        x->https_on = !neg;
    } else if (starts(s, "ip http access-class") && !neg) {
        struct sv a = tk(s, 3);
        if (sv_eq_cstr(a, "ipv4") || sv_eq_cstr(a, "ipv6"))
            a = tk(s, 4);
        x->http_acl = dup(x, a);
        x->http_acl_node = n;
    } else if (starts(s, "ip http port") && !neg) {
        x->http_port = model_sv_long(tk(s, 3), -1);
    } else if (starts(s, "ip http secure-port") && !neg) {
        x->https_port = model_sv_long(tk(s, 3), -1);
    }
}

/* NX-OS "feature X". */
static void h_feature(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct device_model *m = x->m;
    struct sv f = tk(s, 1);
    enum fact_state st = neg ? FACT_OFF : FACT_ON;
    if (sv_eq_cstr(f, "telnet")) {
        if (neg)
            x->telnet_off = n;
        else
            x->telnet_on = n;
    } else if (sv_eq_cstr(f, "ssh")) {
        if (neg)
            x->ssh_off_node = n;
        else
            ssh_configured(x, n);
    } else if (sv_eq_cstr(f, "nxapi")) {
        struct mgmt_service *v = svc(x, "nxapi", false, st, n);
        if (v && v->port < 0)
            v->port = 443;
    } else if (sv_eq_cstr(f, "bash-shell") && !neg) {
        model_add_onbox(x->a, m, "bash", "bash-shell", true, n);
    } else if (sv_eq_cstr(f, "scp-server")) {
        svc(x, "scp-server", false, st, n);
    } else if (sv_eq_cstr(f, "sftp-server")) {
        svc(x, "sftp-server", false, st, n);
    } else if (sv_eq_cstr(f, "netconf")) {
        svc(x, "netconf", false, st, n);
    } else if (sv_eq_cstr(f, "restconf")) {
        svc(x, "restconf", false, st, n);
    } else if (sv_eq_cstr(f, "grpc")) {
        svc(x, "grpc", false, st, n);
    } else if (sv_eq_cstr(f, "lldp")) {
        if (neg)
            x->lldp_off = n;
        else
            x->lldp_on = n;
    } else if (sv_eq_cstr(f, "tftp-server") || sv_eq_cstr(f, "tftp")) {
        svc(x, "tftp-server", true, st, n);
    } else if (starts(s, "feature password encryption aes") && !neg) {
        x->secret_enc_node = n;
    }
}

/* NX-OS "nxapi http|https port N". */
static void h_nxapi(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    long port = model_sv_long(tk(s, 3), -1);
    if (starts(s, "nxapi http port")) {
        struct mgmt_service *v = svc(x, "nxapi", true, neg ? FACT_OFF : FACT_ON, n);
        if (v)
            v->port = port;
    } else if (starts(s, "nxapi https port")) {
        struct mgmt_service *v = svc(x, "nxapi", false, neg ? FACT_OFF : FACT_ON, n);
        if (v)
            v->port = port;
    }
}

/* Does a management block contain "no shutdown" (on) or "shutdown" (off)? NULL if neither. */
static const struct cfg_node *eos_shutdown(const struct cfg_node *blk, bool *on)
{
    for (const struct cfg_node *c = blk->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (sv_eq_cstr(t, "no shutdown")) {
            *on = true;
            return c;
        }
        if (sv_eq_cstr(t, "shutdown")) {
            *on = false;
            return c;
        }
    }
    return NULL;
}

/* "ip access-group NAME [vrf V] in" (EOS management, NX-OS line) as a management path. */
static void eos_access_groups(struct cx *x, const struct cfg_node *blk, const char *service,
                              const char **first_acl)
{
    for (const struct cfg_node *c = blk->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "ip access-group") || starts(t, "ipv6 access-group")) {
            const char *acl = dup(x, tk(t, 2));
            model_add_mgmt_path(x->a, x->m, service, acl, c);
            if (first_acl && !*first_acl)
                *first_acl = acl;
        } else if (starts(t, "vrf") && c->child) {
            eos_access_groups(x, c, service, first_acl);
        }
    }
}

/* EOS management blocks; vrf sub-blocks may enable a service per VRF. */
static bool eos_block_on(const struct cfg_node *blk, const struct cfg_node **ev, bool dflt)
{
    bool on = dflt;
    const struct cfg_node *s = eos_shutdown(blk, &on);
    if (s)
        *ev = s;
    for (const struct cfg_node *c = blk->child; c; c = c->next) {
        if (!active(c) || !starts(cfg_text(c), "vrf"))
            continue;
        bool von = false;
        const struct cfg_node *vs = eos_shutdown(c, &von);
        if (vs && von) {
            on = true;
            *ev = vs;
        }
    }
    return on;
}

static void h_management(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct device_model *m = x->m;
    if (x->d != DIALECT_ARISTA_EOS)
        return;
    if (starts(s, "management telnet")) {
        const struct cfg_node *ev = n;
        bool on = eos_block_on(n, &ev, false);
        if (on)
            x->telnet_on = ev;
        else
            x->telnet_off = ev == n ? NULL : ev;
        const char *acl = NULL;
        eos_access_groups(x, n, "telnet", &acl);
        if (on && cap_ok(m->nlines)) {
            struct mgmt_line *l = MODEL_PUSH(x->a, m->lines, m->nlines);
            l->name = "management telnet";
            l->kind = LINE_VTY;
            l->node = n;
            fact_set(&l->telnet_in, FACT_ON, ev);
            fact_set(&l->ssh_in, FACT_OFF, n);
            fact_default(&l->login_disabled, FACT_OFF, "telnet sessions get a shell");
            l->acl_in = acl;
            l->timeout_seconds = 0;
            l->timeout_is_default = true;
            for (const struct cfg_node *c = n->child; c; c = c->next)
                if (active(c) && starts(cfg_text(c), "idle-timeout")) {
                    l->timeout_seconds = model_sv_long(tk(cfg_text(c), 1), -1) * 60;
                    l->timeout_is_default = false;
                    l->timeout_node = c;
                }
        }
    } else if (starts(s, "management ssh")) {
        const struct cfg_node *ev = n;
        bool on = eos_block_on(n, &ev, true);
        bool top_on = true;
        const struct cfg_node *top = eos_shutdown(n, &top_on);
        if (!on)
            x->ssh_off_node = ev;
        else
            ssh_configured(x, n);
        if (on && top && !top_on)
            x->mgmt_vrf_node = ev;       /* SSH served only inside a VRF */
        m->ssh.idle_timeout_seconds = 0; /* EOS default: no idle timeout */
        const char *acl = NULL;
        eos_access_groups(x, n, "ssh", &acl);
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (!active(c))
                continue;
            struct sv t = cfg_text(c);
            if (starts(t, "idle-timeout")) {
                m->ssh.idle_timeout_seconds = model_sv_long(tk(t, 1), -1) * 60;
                if (m->ssh.idle_timeout_seconds < 0)
                    m->ssh.idle_timeout_seconds = -1;
                fact_lines_add(&m->ssh.ev, c);
            } else if (starts(t, "cipher")) {
                ssh_ciphers(x, t, 1, c);
            } else if (starts(t, "mac")) {
                ssh_macs(x, t, 1, c);
            } else if (starts(t, "key-exchange")) {
                ssh_kex(x, t, 1, c);
            } else if (starts(t, "server-port") || starts(t, "port")) {
                m->ssh.port = model_sv_long(tk(t, 1), -1);
                x->ssh_port_set = true;
                fact_lines_add(&m->ssh.ev, c);
            }
        }
    } else if (starts(s, "management api http-commands")) {
        const struct cfg_node *ev = n;
        bool on = eos_block_on(n, &ev, false);
        bool http = false, https = true;
        const struct cfg_node *proto_ev = NULL, *http_port_ev = NULL, *https_port_ev = NULL;
        long http_port = 80, https_port = -1;
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (!active(c))
                continue;
            bool neg;
            struct sv t = stmt(c, &neg);
            if (starts(t, "protocol http") && !starts(t, "protocol http localhost") &&
                !starts(t, "protocol https")) {
                http = !neg;
                proto_ev = c;
                if (!neg && tk_is(t, 2, "port") && model_sv_long(tk(t, 3), -1) > 0) {
                    http_port = model_sv_long(tk(t, 3), -1);
                    http_port_ev = c;
                }
            } else if (starts(t, "protocol https")) {
                https = !neg;
                proto_ev = proto_ev ? proto_ev : c;
                if (!neg && tk_is(t, 2, "port") && model_sv_long(tk(t, 3), -1) > 0) {
                    https_port = model_sv_long(tk(t, 3), -1); /* "protocol https port N" */
                    https_port_ev = c;
                }
            }
        }
        const char *acl = NULL;
        eos_access_groups(x, n, "eapi", &acl);
        if (https || !on) {
            struct mgmt_service *v = svc(x, "eapi", false, on ? FACT_ON : FACT_OFF, ev);
            if (v) {
                v->acl_name = acl;
                if (!on)
                    v->state.is_default = ev == n;
                if (on && https_port_ev) {
                    v->port = https_port;
                    fact_lines_add(&v->state.ev, https_port_ev);
                }
            }
        }
        if (http && on) {
            struct mgmt_service *v = svc(x, "eapi", true, FACT_ON, ev);
            if (v) {
                fact_lines_add(&v->state.ev, proto_ev);
                fact_lines_add(&v->state.ev, http_port_ev);
                v->port = http_port;
                v->acl_name = acl;
            }
        }
    } else if (starts(s, "management api gnmi")) {
        const struct cfg_node *tr = cfg_child(x->t, n, "transport grpc");
        bool on = true;
        const struct cfg_node *sd = eos_shutdown(n, &on);
        if (!tr && !sd)
            return;
        if (tr && sd == NULL && tr->child)
            eos_shutdown(tr, &on);
        bool tls = tr && cfg_child(x->t, tr, "ssl profile") != NULL;
        struct mgmt_service *v = svc(x, "gnmi", !tls, on && tr ? FACT_ON : FACT_OFF, tr ? tr : n);
        if (v && tr)
            eos_access_groups(x, tr, "gnmi", &v->acl_name);
    } else if (starts(s, "management api netconf")) {
        const struct cfg_node *tr = cfg_child(x->t, n, "transport ssh");
        bool on = true;
        eos_shutdown(n, &on);
        if (tr)
            svc(x, "netconf", false, on ? FACT_ON : FACT_OFF, tr);
    } else if (starts(s, "management api restconf")) {
        const struct cfg_node *tr = cfg_child(x->t, n, "transport https");
        bool on = true;
        eos_shutdown(n, &on);
        if (tr)
            svc(x, "restconf", false, on ? FACT_ON : FACT_OFF, tr);
    } else if (starts(s, "management security")) {
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (active(c) && starts(cfg_text(c), "password minimum length"))
                x->pw_policy_node = c;
    }
}

/* ------------------------------------------------------------ AAA */

static bool is_aaa_group(const struct cx *x, struct sv name)
{
    for (size_t i = 0; i < x->naaa_groups; i++)
        if (sv_same(x->aaa_groups[i], name))
            return true;
    return false;
}

/* Methods of an AAA list from token i: central (group/tacacs+/radius/a
 * server group name) and a local method after it. */
static void aaa_methods(const struct cx *x, struct sv s, size_t i, bool *central, bool *local)
{
    size_t nt = sv_token_count(s);
    *central = *local = false;
    for (; i < nt; i++) {
        struct sv w = tk(s, i);
        if (sv_eq_cstr(w, "group")) {
            *central = true;
            i++;
        } else if (sv_eq_cstr(w, "tacacs+") || sv_eq_cstr(w, "radius") || sv_eq_cstr(w, "ldap") ||
                   is_aaa_group(x, w)) {
            *central = true;
        } else if (model_sv_ieq(w, "local") || sv_eq_cstr(w, "local-case") ||
                   sv_eq_cstr(w, "enable") || sv_eq_cstr(w, "line") || sv_eq_cstr(w, "none") ||
                   sv_eq_cstr(w, "LOCAL")) {
            *local = true;
        }
    }
}

static struct aaa_server *aaa_add_server(struct cx *x, enum aaa_proto proto, struct sv host,
                                         const struct cfg_node *n)
{
    struct aaa_facts *aaa = &x->m->aaa;
    host = sv_unquote(host);
    for (size_t i = 0; i < aaa->nservers; i++)
        if (aaa->servers[i].proto == proto && aaa->servers[i].host &&
            sv_eq_cstr(host, aaa->servers[i].host))
            return &aaa->servers[i];
    if (!cap_ok(aaa->nservers))
        return NULL;
    struct aaa_server *sv = MODEL_PUSH(x->a, aaa->servers, aaa->nservers);
    sv->proto = proto;
    sv->host = dup(x, host);
    sv->addr = model_parse_addr(host);
    sv->node = n;
    return sv;
}

static const char *aaa_key_kind(enum aaa_proto p)
{
    return p == AAA_TACACS ? "tacacs-key" : p == AAA_RADIUS ? "radius-key" : "aaa-key";
}

/* "key [T] V" anywhere in s from token i on; records the secret. */
static void aaa_key_in(struct cx *x, struct aaa_server *sv, enum aaa_proto proto, struct sv s,
                       size_t i, const struct cfg_node *n)
{
    size_t nt = sv_token_count(s);
    for (; i < nt; i++) {
        if (!tk_is(s, i, "key"))
            continue;
        struct secret k = cisco_secret(x, s, i + 1, n, NULL);
        if (sv)
            sv->key = k;
        model_add_secret(x->a, x->m, aaa_key_kind(proto), k);
        return;
    }
}

/* "tacacs-server ..." / "radius-server ..." (IOS, NX-OS, EOS, XR). */
static void h_aaa_server_legacy(struct cx *x, const struct cfg_node *n, struct sv s,
                                enum aaa_proto proto)
{
    if (tk_is(s, 1, "host") && tk(s, 2).n) {
        struct aaa_server *sv = aaa_add_server(x, proto, tk(s, 2), n);
        aaa_key_in(x, sv, proto, s, 3, n);
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (active(c))
                aaa_key_in(x, sv, proto, cfg_text(c), 0, c);
    } else if (tk_is(s, 1, "key")) {
        model_add_secret(x->a, x->m, aaa_key_kind(proto), cisco_secret(x, s, 2, n, NULL));
    }
}

/* "tacacs server NAME" / "radius server NAME" blocks (IOS-XE). */
static void h_aaa_server_block(struct cx *x, const struct cfg_node *n, enum aaa_proto proto)
{
    struct aaa_server *sv = NULL;
    struct secret key = {0};
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "address") && tk(t, 2).n)
            sv = aaa_add_server(x, proto, tk(t, 2), c);
        else if (starts(t, "key"))
            key = cisco_secret(x, t, 1, c, NULL);
    }
    if (key.type != SECRET_NONE) {
        model_add_secret(x->a, x->m, aaa_key_kind(proto), key);
        if (sv)
            sv->key = key;
    }
}

static enum aaa_proto proto_of(struct sv w)
{
    return sv_starts_with(w, "tacacs") ? AAA_TACACS
           : sv_eq_cstr(w, "radius")   ? AAA_RADIUS
           : sv_eq_cstr(w, "ldap")     ? AAA_LDAP
                                       : AAA_OTHER;
}

/* "aaa group server tacacs+|radius NAME" with server / server-private children. */
static void h_aaa_group(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct sv name = tk(s, 4);
    enum aaa_proto proto = proto_of(tk(s, 3));
    if (name.n && x->naaa_groups < ARRAY_SIZE(x->aaa_groups)) {
        x->aaa_group_proto[x->naaa_groups] = proto;
        x->aaa_groups[x->naaa_groups++] = name;
    }
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "server-private") && tk(t, 1).n) {
            struct aaa_server *sv = aaa_add_server(x, proto, tk(t, 1), c);
            aaa_key_in(x, sv, proto, t, 2, c);
        } else if (starts(t, "server") && !starts(t, "server name") && sv_is_addrish(tk(t, 1))) {
            aaa_add_server(x, proto, tk(t, 1), c);
        }
    }
}

/* ASA "aaa-server NAME protocol P" and "aaa-server NAME (ifc) host X [key K]". */
/* ASA "aaa-server NAME protocol P" and "aaa-server NAME (ifc) host X [key K]". */

/* ASA "aaa-server NAME protocol P" and "aaa-server NAME (ifc) host X [key K]". */
static void h_asa_aaa_server(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct sv name = tk(s, 1);
    if (tk_is(s, 2, "protocol")) {
        if (name.n && x->naaa_groups < ARRAY_SIZE(x->aaa_groups)) {
            x->aaa_group_proto[x->naaa_groups] = proto_of(tk(s, 3));
            x->aaa_groups[x->naaa_groups++] = name;
        }
        return;
    }
    size_t nt = sv_token_count(s);
    for (size_t i = 2; i + 1 < nt; i++) {
        if (!tk_is(s, i, "host"))
            continue;
        enum aaa_proto proto = AAA_OTHER; /* from the group's "protocol" statement */
        for (size_t g = 0; g < x->naaa_groups; g++)
            if (sv_same(x->aaa_groups[g], name))
                proto = x->aaa_group_proto[g];
        struct aaa_server *sv = aaa_add_server(x, proto, tk(s, i + 1), n);
        aaa_key_in(x, sv, proto, s, i + 2, n);
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (active(c))
                aaa_key_in(x, sv, proto, cfg_text(c), 0, c);
        return;
    }
}

static struct account *find_account(struct cx *x, struct sv name, const struct cfg_node *n);

static void h_aaa(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct aaa_facts *aaa = &x->m->aaa;
    if (neg)
        return;
    if (starts(s, "aaa new-model")) {
        x->aaa_new_model = n;
        fact_lines_add(&aaa->ev, n);
    } else if (starts(s, "aaa group server")) {
        h_aaa_group(x, n, s);
    } else if (starts(s, "aaa authentication login") ||
               (x->d == DIALECT_CISCO_ASA &&
                (starts(s, "aaa authentication ssh") || starts(s, "aaa authentication telnet") ||
                 starts(s, "aaa authentication http")))) {
        bool central, local;
        aaa_methods(x, s, 4, &central, &local);
        if (x->d == DIALECT_CISCO_ASA) {
            /* "aaa authentication ssh console GROUP [LOCAL]" */
            central = !model_sv_ieq(tk(s, 4), "LOCAL") && tk(s, 4).n;
            local = model_sv_ieq(tk(s, 4), "LOCAL") || model_sv_ieq(tk(s, 5), "LOCAL");
            x->asa_aaa_login = n;
        }
        fact_lines_add(&aaa->ev, n);
        if (central) {
            if (!x->login_central || !x->aaa_login)
                x->aaa_login = n;
            x->login_central = true;
            if (local)
                x->login_local_fallback = true;
        } else if (!x->aaa_login) {
            x->aaa_login = n;
        }
    } else if (starts(s, "aaa accounting")) {
        bool central, local;
        aaa_methods(x, s, 2, &central, &local);
        bool logging = false;
        size_t nt = sv_token_count(s);
        for (size_t i = 2; i < nt; i++)
            if (tk_is(s, i, "logging") || tk_is(s, i, "broadcast"))
                logging = logging || tk_is(s, i, "logging");
        if (!central && !logging)
            return;
        struct sv what = tk(s, 2);
        if (sv_eq_cstr(what, "exec") || sv_eq_cstr(what, "ssh") || sv_eq_cstr(what, "telnet") ||
            sv_eq_cstr(what, "connection")) {
            if (central)
                x->aaa_acct_exec = n;
        } else if (sv_eq_cstr(what, "commands") || sv_eq_cstr(what, "command")) {
            x->aaa_acct_cmds = n;
            if (!central)
                x->archive_log = x->archive_log ? x->archive_log : n; /* EOS accounting to syslog */
        } else if (sv_eq_cstr(what, "default") && x->d == DIALECT_CISCO_NXOS && central) {
            /* NX-OS: one accounting list for sessions and commands */
            x->aaa_acct_exec = n;
            x->aaa_acct_cmds = n;
        }
    } else if (starts(s, "aaa authorization commands") ||
               (x->d == DIALECT_CISCO_ASA && starts(s, "aaa authorization command"))) {
        bool central, local;
        aaa_methods(x, s, 3, &central, &local);
        if (x->d == DIALECT_CISCO_ASA)
            central = tk(s, 3).n && !model_sv_ieq(tk(s, 3), "LOCAL");
        if (central)
            x->aaa_authz_cmds = n;
    } else if (starts(s, "aaa authentication policy") && x->d == DIALECT_ARISTA_EOS) {
        if (starts(s, "aaa authentication policy on-success log"))
            x->login_success = n;
        else if (starts(s, "aaa authentication policy on-failure log"))
            x->login_failure = n;
    } else if (starts(s, "aaa root secret") && x->d == DIALECT_ARISTA_EOS) {
        /* the EOS root (bash) account */
        struct account *ac = find_account(x, SV_LIT("root"), n);
        if (ac) {
            ac->privilege = 15;
            ac->role = "root";
            ac->secret = cisco_secret(x, s, 3, n, NULL);
            if (ac->secret.type != SECRET_NONE)
                x->eos_root_node = n;
        }
    } else if (starts(s, "aaa password-policy")) {
        x->pw_policy_node = n;
    }
}

/* ------------------------------------------------------------ accounts */

static struct account *find_account(struct cx *x, struct sv name, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    name = sv_unquote(name);
    for (size_t i = m->naccounts; i-- > 0;)
        if (sv_eq_cstr(name, m->accounts[i].name))
            return &m->accounts[i];
    if (!cap_ok(m->naccounts))
        return NULL;
    struct account *ac = MODEL_PUSH(x->a, m->accounts, m->naccounts);
    ac->name = dup(x, name);
    ac->privilege = -1;
    ac->node = n;
    return ac;
}

static int role_privilege(struct sv role)
{
    if (sv_eq_cstr(role, "network-admin") || sv_eq_cstr(role, "vdc-admin") ||
        sv_eq_cstr(role, "root-lr") || sv_eq_cstr(role, "root-system") ||
        sv_eq_cstr(role, "netadmin") || sv_eq_cstr(role, "sysadmin") || sv_eq_cstr(role, "admin"))
        return 15;
    if (sv_eq_cstr(role, "network-operator") || sv_eq_cstr(role, "vdc-operator") ||
        sv_eq_cstr(role, "operator") || sv_eq_cstr(role, "read-only"))
        return 1;
    if (sv_starts_with(role, "priv-")) {
        long v = model_sv_long(sv_make(role.p + 5, role.n - 5), -1);
        return v >= 0 && v <= 15 ? (int)v : -1;
    }
    return -1;
}

/* Account attributes from token i of s (one statement or one XR child). */
static void account_attrs(struct cx *x, struct account *ac, struct sv s, size_t i,
                          const struct cfg_node *n)
{
    size_t nt = sv_token_count(s);
    while (i < nt) {
        struct sv w = tk(s, i);
        if (sv_eq_cstr(w, "privilege") && i + 1 < nt) {
            ac->privilege = (int)model_sv_long(tk(s, i + 1), -1);
            i += 2;
        } else if ((sv_eq_cstr(w, "secret") || sv_eq_cstr(w, "password")) && i + 1 < nt) {
            size_t next;
            struct secret sec = cisco_secret(x, s, i + 1, n, &next);
            /* a secret wins over a password on the same account */
            if (sec.type != SECRET_NONE &&
                (ac->secret.type == SECRET_NONE || sv_eq_cstr(w, "secret")))
                ac->secret = sec;
            i = next;
        } else if (sv_eq_cstr(w, "role") || sv_eq_cstr(w, "group")) {
            struct sv r = tk(s, i + 1);
            if (r.n) {
                int p = role_privilege(r);
                /* XR root-system outranks root-lr at the same level: keep it visible */
                if (!ac->role || (p >= 0 && p > ac->privilege) || sv_eq_cstr(r, "root-system"))
                    ac->role = dup(x, r);
                if (p >= 0 && (ac->privilege < 0 || p > ac->privilege))
                    ac->privilege = p;
            }
            i += 2;
        } else if (sv_eq_cstr(w, "sshkey") || sv_eq_cstr(w, "ssh-key") ||
                   sv_eq_cstr(w, "ssh_key")) {
            ac->has_ssh_key = true;
            if (!ac->ssh_key_node)
                ac->ssh_key_node = n;
            break;
        } else if (sv_eq_cstr(w, "algorithm-type") || sv_eq_cstr(w, "view") ||
                   sv_eq_cstr(w, "expire") || sv_eq_cstr(w, "shell")) {
            i += 2;
        } else if (sv_eq_cstr(w, "nopassword")) {
            ac->secret = model_secret(SECRET_NONE, sv_make("", 0), n);
            i++;
        } else {
            i++;
        }
    }
}

static void h_username(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct sv name = tk(s, 1);
    if (name.n == 0)
        return;
    if (x->d == DIALECT_CISCO_ASA && tk_is(s, 2, "attributes")) {
        /* "ssh authentication publickey KEY" / "ssh authentication pkf": key login */
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (!active(c) || !(starts(cfg_text(c), "ssh authentication publickey") ||
                                starts(cfg_text(c), "ssh authentication pkf")))
                continue;
            struct account *ac = find_account(x, name, n);
            if (ac) {
                ac->has_ssh_key = true;
                if (!ac->ssh_key_node)
                    ac->ssh_key_node = c;
            }
        }
        return;
    }
    struct account *ac = find_account(x, name, n);
    if (!ac)
        return;
    account_attrs(x, ac, s, 2, n);
    for (const struct cfg_node *c = n->child; c; c = c->next) /* XR block form */
        if (active(c))
            account_attrs(x, ac, cfg_text(c), 0, c);
    if (ac->privilege < 0) {
        if (x->d == DIALECT_CISCO_IOS || x->d == DIALECT_ARISTA_EOS)
            ac->privilege = 1; /* the documented default */
        else if (x->d == DIALECT_CISCO_ASA)
            ac->privilege = 2;
    }
}

static void h_enable(struct cx *x, const struct cfg_node *n, struct sv s)
{
    bool secret = tk_is(s, 1, "secret");
    if (!secret && !tk_is(s, 1, "password"))
        return;
    size_t i = 2;
    if (tk_is(s, i, "level"))
        i += 2;
    struct secret sec = cisco_secret(x, s, i, n, NULL);
    if (sec.type == SECRET_NONE)
        return;
    if (secret || x->m->enable.type == SECRET_NONE ||
        !starts(cfg_text(x->m->enable.node), "enable secret"))
        x->m->enable = sec;
}

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

static void h_snmp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct snmp_facts *sn = &x->m->snmp;
    if (neg) {
        if (sv_eq_cstr(s, "snmp-server"))
            x->snmp_off = n;
        return;
    }
    if (starts(s, "snmp-server community")) {
        h_snmp_community(x, n, s);
        if (!x->snmp_first)
            x->snmp_first = n;
    } else if (starts(s, "snmp-server user")) {
        h_snmp_user(x, n, s);
        if (!x->snmp_first)
            x->snmp_first = n;
    } else if (starts(s, "snmp-server group")) {
        if (!x->snmp_first)
            x->snmp_first = n;
        size_t nt = sv_token_count(s);
        for (size_t i = 3; i + 1 < nt; i++)
            if (tk_is(s, i, "access")) {
                struct sv a = tk(s, i + 1);
                if ((sv_eq_cstr(a, "ipv4") || sv_eq_cstr(a, "ipv6")) && tk(s, i + 2).n)
                    a = tk(s, i + 2);
                model_add_mgmt_path(x->a, x->m, "snmp", dup(x, a), n);
            }
    } else if (starts(s, "snmp-server ipv4 access-list") && tk(s, 3).n) {
        /* EOS: one filter for every community and user (IPv4) */
        model_add_mgmt_path(x->a, x->m, "snmp", dup(x, tk(s, 3)), n);
    } else if (starts(s, "snmp-server host")) {
        struct sv h = tk(s, 2);
        if (x->d == DIALECT_CISCO_ASA) {
            h = asa_alias(x, tk(s, 3)); /* snmp-server host IFC ADDR ... */
            /* the ASA answers SNMP only from the hosts named here: an ACL */
            struct acl *acl = find_or_add_acl(x, SV_LIT("snmp-hosts"), n);
            if (acl && cap_ok(acl->n)) {
                struct acl_entry *e = model_acl_add_entry(x->a, acl, n);
                e->permit = true;
                e->src = model_parse_addr(h);
                e->unresolved = e->src.af == 0;
            }
        }
        if (h.n && cap_ok(sn->ntrap_hosts))
            add_unique_str(x, &sn->trap_hosts, &sn->ntrap_hosts, h);
        size_t nt = sv_token_count(s);
        if (x->d != DIALECT_CISCO_ASA) {
            /* snmp-server host A [vrf V] [traps|informs] [version 1|2c|3 [sec]] COMMUNITY ...:
             * the community (v1/v2c) is a secret to scrub from reports */
            size_t i = 3;
            bool v3 = false;
            if (tk_is(s, i, "vrf"))
                i += 2;
            if (tk_is(s, i, "traps") || tk_is(s, i, "informs"))
                i++;
            if (tk_is(s, i, "version")) {
                v3 = tk_is(s, i + 1, "3");
                i += 2;
                if (v3 && (tk_is(s, i, "auth") || tk_is(s, i, "noauth") || tk_is(s, i, "priv")))
                    i++;
            }
            struct sv c = tk_value(s, i, NULL);
            if (!v3 && c.n && !tk_is(s, i, "use-vrf") && !tk_is(s, i, "source-interface") &&
                !tk_is(s, i, "filter-vrf") && !tk_is(s, i, "community")) {
                enum secret_type ty = secret_is_redacted(c) ? SECRET_REDACTED : SECRET_PLAINTEXT;
                model_add_secret(x->a, x->m, "snmp-community", model_secret(ty, c, n));
            }
        }
        for (size_t i = 3; i + 1 < nt; i++)
            if (tk_is(s, i, "community")) {
                struct sv c = tk(s, i + 1);
                enum secret_type ty = secret_is_redacted(c) ? SECRET_REDACTED : SECRET_PLAINTEXT;
                model_add_secret(x->a, x->m, "snmp-community", model_secret(ty, c, n));
                if (x->d == DIALECT_CISCO_ASA && !x->snmp_first)
                    x->snmp_first = n;
            }
    }
}

/* ------------------------------------------------------------ NTP */

static void ntp_server(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    struct ntp_facts *ntp = &x->m->ntp;
    struct sv vrf = sv_make("", 0);
    if (tk_is(s, i, "vrf")) {
        vrf = tk(s, i + 1);
        i += 2;
    }
    struct sv host = tk(s, i);
    if (host.n == 0 || !cap_ok(ntp->nservers))
        return;
    struct host_ref *h = model_add_host(x->a, &ntp->servers, &ntp->nservers, host, n);
    size_t nt = sv_token_count(s);
    for (size_t j = i + 1; j < nt; j++) {
        if (tk_is(s, j, "key") && tk(s, j + 1).n)
            h->keyed = true;
        else if ((tk_is(s, j, "use-vrf") || tk_is(s, j, "vrf")) && tk(s, j + 1).n)
            vrf = tk(s, j + 1);
    }
    h->vrf = dup(x, vrf);
}

static void ntp_key(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    /* authentication-key N md5|sha1|... [T] VALUE [T]; i is the keyword */
    struct sv a = tk(s, i + 3), b = tk(s, i + 4), c = tk(s, i + 5);
    struct sv type = sv_make("", 0), value = a;
    if ((model_sv_is_digits(a) && a.n == 1 && b.n) ||
        ((sv_eq_cstr(a, "encrypted") || sv_eq_cstr(a, "clear")) && b.n)) {
        type = a;
        value = b;
    } else if (model_sv_is_digits(b) && b.n == 1) {
        type = b;
    }
    (void)c;
    enum secret_type ty;
    if (sv_eq_cstr(type, "encrypted"))
        ty = secret_is_redacted(value) ? SECRET_REDACTED : SECRET_CISCO7;
    else if (sv_eq_cstr(type, "clear"))
        ty = secret_is_redacted(value) ? SECRET_REDACTED : SECRET_PLAINTEXT;
    else
        ty = secret_classify_cisco(type, value);
    model_add_secret(x->a, x->m, "ntp-key", model_secret(ty, sv_unquote(value), n));
    if (!x->ntp_key)
        x->ntp_key = n;
}

/* One NTP statement without its "ntp" word (flat or inside the XR block). */
static void ntp_stmt(struct cx *x, struct sv s, size_t i, const struct cfg_node *n, bool neg)
{
    struct sv w = tk(s, i);
    if (neg)
        return;
    if (sv_eq_cstr(w, "server") || sv_eq_cstr(w, "peer")) {
        ntp_server(x, s, i + 1, n);
    } else if (sv_eq_cstr(w, "authenticate")) {
        x->ntp_auth = n;
    } else if (sv_eq_cstr(w, "trusted-key")) {
        x->ntp_trusted = n;
    } else if (sv_eq_cstr(w, "authentication-key")) {
        ntp_key(x, s, i, n);
    }
}

static void h_ntp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (sv_token_count(s) == 1 && n->child) {
        x->ntp_block = n;
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (!active(c))
                continue;
            bool cneg;
            struct sv cs = stmt(c, &cneg);
            ntp_stmt(x, cs, 0, c, cneg);
        }
        return;
    }
    ntp_stmt(x, s, 1, n, neg);
}

/* ------------------------------------------------------------ logging */

/* Syslog severity of a level word or number (-1 unknown). */
static int log_level(struct sv w)
{
    static const char *const names[] = {"emergencies",   "alerts",   "critical",
                                        "errors",        "warnings", "notifications",
                                        "informational", "debugging"};
    static const char *const alt[] = {"emergency", "alert",  "critical", "error",
                                      "warning",   "notice", "info",     "debug"};
    if (model_sv_is_digits(w) && w.n == 1)
        return w.p[0] - '0' <= 7 ? w.p[0] - '0' : -1;
    for (int i = 0; i < 8; i++)
        if (model_sv_ieq(w, names[i]) || model_sv_ieq(w, alt[i]))
            return i;
    return -1;
}

static void log_host(struct cx *x, struct sv host, struct sv vrf, const struct cfg_node *n)
{
    struct logging_facts *lg = &x->m->logging;
    if (host.n == 0 || !cap_ok(lg->nhosts))
        return;
    struct host_ref *h = model_add_host(x->a, &lg->hosts, &lg->nhosts, host, n);
    h->vrf = dup(x, vrf);
    fact_lines_add(&lg->ev, n);
}

/* A per-destination severity (NX-OS "logging server X L", XR "... severity S"). */
static void log_host_level(struct cx *x, struct sv level, const struct cfg_node *n)
{
    int lv = log_level(level);
    if (lv < 0)
        return;
    if (!x->m->logging.trap_level)
        x->m->logging.trap_level = dup(x, level);
    if (lv <= 2 && !x->trap_low) {
        x->trap_low = true;
        x->log_trap = n;
    }
}

static void h_logging(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct logging_facts *lg = &x->m->logging;
    struct sv w = tk(s, 1);
    size_t nt = sv_token_count(s);
    if (sv_eq_cstr(w, "on") || (sv_eq_cstr(w, "enable") && x->d == DIALECT_CISCO_ASA)) {
        if (neg)
            x->log_off = n;
        else
            x->log_on = n;
        return;
    }
    if (neg)
        return;
    if (sv_eq_cstr(w, "host") || sv_eq_cstr(w, "server")) {
        struct sv h = tk(s, 2), vrf = sv_make("", 0);
        size_t j = 3;
        if (x->d == DIALECT_CISCO_ASA) {
            h = tk(s, 3); /* logging host IFC ADDR */
            j = 4;
        }
        if (sv_eq_cstr(h, "vrf") || sv_eq_cstr(h, "ipv6")) {
            if (sv_eq_cstr(h, "vrf")) {
                vrf = tk(s, 3);
                h = tk(s, 4);
                j = 5;
            } else {
                h = tk(s, 3);
                j = 4;
            }
        }
        if (x->d == DIALECT_CISCO_NXOS && model_sv_is_digits(tk(s, j)))
            log_host_level(x, tk(s, j), n); /* logging server X L */
        for (; j < nt; j++)
            if ((tk_is(s, j, "vrf") || tk_is(s, j, "use-vrf")) && tk(s, j + 1).n)
                vrf = tk(s, j + 1);
        log_host(x, h, vrf, n);
    } else if (sv_eq_cstr(w, "vrf") && tk_is(s, 3, "host")) {
        log_host(x, tk(s, 4), tk(s, 2), n); /* EOS logging vrf V host X */
    } else if (sv_eq_cstr(w, "trap")) {
        x->log_trap = n;
        lg->trap_level = dup(x, tk(s, 2));
        int lv = log_level(tk(s, 2));
        x->trap_low = lv >= 0 && lv <= 2;
    } else if (sv_is_addrish(w)) {
        /* IOS "logging A.B.C.D", XR "logging A.B.C.D vrf V severity S" */
        struct sv vrf = sv_make("", 0);
        for (size_t j = 2; j + 1 < nt; j++) {
            if (tk_is(s, j, "vrf"))
                vrf = tk(s, j + 1);
            else if (tk_is(s, j, "severity"))
                log_host_level(x, tk(s, j + 1), n);
        }
        log_host(x, w, vrf, n);
    } else if (sv_eq_cstr(w, "level") && (tk_is(s, 2, "authpri") || tk_is(s, 2, "authpriv"))) {
        int lv = log_level(tk(s, 3));
        if (lv >= 5)
            x->log_level_aaa = n;
        else if (lv >= 0)
            x->log_level_aaa_low = n;
    }
}

/* IOS "login on-success log" / "login on-failure log" (also NX-OS). */
static void h_login(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (neg)
        return;
    if (starts(s, "login on-success log") || starts(s, "login on-success"))
        x->login_success = n;
    else if (starts(s, "login on-failure log") || starts(s, "login on-failure"))
        x->login_failure = n;
}

/* IOS "archive" / "log config" / "logging enable". */
static void h_archive(struct cx *x, const struct cfg_node *n)
{
    const struct cfg_node *lc = cfg_child(x->t, n, "log config");
    if (!lc)
        return;
    const struct cfg_node *le = cfg_child(x->t, lc, "logging enable");
    if (le)
        x->archive_log = le;
}

/* ------------------------------------------------------------ legacy */

/* Set a legacy fact from a statement; an explicit ON is not undone by a
 * later OFF of a sibling statement (tcp/udp small servers). */
static void legacy_set(struct fact_bool *f, bool on, const struct cfg_node *n)
{
    if (f->state == FACT_ON && !f->is_default && !on) {
        fact_lines_add(&f->ev, n);
        return;
    }
    fact_set(f, on ? FACT_ON : FACT_OFF, n);
}

static void h_service(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct legacy_facts *lg = &x->m->legacy;
    struct sv w = tk(s, 1);
    if (sv_eq_cstr(w, "ipv4") || sv_eq_cstr(w, "ipv6"))
        w = tk(s, 2); /* XR service ipv4 tcp-small-servers */
    if (sv_eq_cstr(w, "password-encryption")) {
        x->spe_node = neg ? NULL : n;
        fact_set(&lg->service_password_encryption, neg ? FACT_OFF : FACT_ON, n);
    } else if (sv_eq_cstr(w, "tcp-small-servers") || sv_eq_cstr(w, "udp-small-servers") ||
               sv_eq_cstr(w, "small-servers")) {
        legacy_set(&lg->small_servers, !neg, n);
    } else if (sv_eq_cstr(w, "finger")) {
        legacy_set(&lg->finger, !neg, n);
    } else if (sv_eq_cstr(w, "pad")) {
        legacy_set(&lg->pad, !neg, n);
    } else if (sv_eq_cstr(w, "dhcp")) {
        legacy_set(&lg->dhcp_server, !neg, n);
    } else if (sv_eq_cstr(w, "config")) {
        legacy_set(&lg->config_service, !neg, n);
    }
}

/* IOS "ip ssh pubkey-chain" / " username U" / "  key-string|key-hash ...":
 * the user may log in with that public key. */
static void ssh_pubkey_chain(struct cx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *u = n->child; u; u = u->next) {
        if (!active(u) || !starts(cfg_text(u), "username"))
            continue;
        const struct cfg_node *key = NULL;
        for (const struct cfg_node *k = u->child; k && !key; k = k->next)
            if (active(k) && (starts(cfg_text(k), "key-string") || starts(cfg_text(k), "key-hash")))
                key = k;
        if (!key)
            continue;
        struct account *ac = find_account(x, tk(cfg_text(u), 1), u);
        if (ac) {
            ac->has_ssh_key = true;
            if (!ac->ssh_key_node)
                ac->ssh_key_node = key;
        }
    }
}

static void h_ip_security(struct cx *x, const struct cfg_node *n);

static void h_ip(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct legacy_facts *lg = &x->m->legacy;
    struct sv w = tk(s, 1);
    if (sv_eq_cstr(s, "ip security") && !neg && x->d == DIALECT_ARISTA_EOS) {
        h_ip_security(x, n);
    } else if (sv_eq_cstr(w, "access-list")) {
        if (!neg)
            h_ip_access_list(x, n, s, 2);
    } else if (sv_eq_cstr(w, "http")) {
        h_ip_http(x, n, s, neg);
    } else if (sv_eq_cstr(w, "ssh")) {
        if (neg)
            return;
        ssh_configured(x, n);
        if (tk_is(s, 2, "version")) {
            struct sv v = tk(s, 3);
            x->ssh_ver = sv_eq_cstr(v, "2") ? 2 : sv_eq_cstr(v, "1") ? 1 : 3;
            x->ssh_ver_node = n;
        } else if (starts(s, "ip ssh server algorithm encryption")) {
            ssh_ciphers(x, s, 5, n);
        } else if (starts(s, "ip ssh server algorithm mac")) {
            ssh_macs(x, s, 5, n);
        } else if (starts(s, "ip ssh server algorithm kex")) {
            ssh_kex(x, s, 5, n);
        } else if (starts(s, "ip ssh time-out")) {
            fact_lines_add(&x->m->ssh.ev, n);
        } else if (starts(s, "ip ssh port")) {
            /* reverse SSH to a rotary group of lines: another SSH listener */
            long port = model_sv_long(tk(s, 3), -1);
            struct mgmt_service *v = svc(x, "ssh-rotary", false, FACT_ON, n);
            if (v && port > 0)
                v->port = port;
        } else if (starts(s, "ip ssh pubkey-chain")) {
            ssh_pubkey_chain(x, n);
        }
    } else if (sv_eq_cstr(w, "finger")) {
        legacy_set(&lg->finger, !neg, n);
        if (!neg)
            svc(x, "finger", true, FACT_ON, n);
    } else if (starts(s, "ip bootp server")) {
        legacy_set(&lg->bootp_server, !neg, n);
    } else if (sv_eq_cstr(w, "source-route")) {
        legacy_set(&lg->source_route, !neg, n);
    } else if (starts(s, "ip domain lookup") || sv_eq_cstr(w, "domain-lookup")) {
        legacy_set(&lg->ip_domain_lookup, !neg, n);
    } else if (sv_eq_cstr(w, "gratuitous-arps")) {
        legacy_set(&lg->gratuitous_arps, !neg, n);
    } else if (sv_eq_cstr(w, "identd")) {
        legacy_set(&lg->identd, !neg, n);
    } else if (starts(s, "ip scp server enable")) {
        svc(x, "scp-server", false, neg ? FACT_OFF : FACT_ON, n);
    } else if (starts(s, "ip ftp server") || starts(s, "ip ftp-server")) {
        svc(x, "ftp-server", true, neg ? FACT_OFF : FACT_ON, n);
    }
}

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
    while ((pos = ix_next(&x->bset_ix, h, &it)) != SIZE_MAX) {
        struct cbgp_set *b = &x->bsets[pos];
        if (b->kind == kind && sv_same(b->name, name) && sv_same(b->vrf, vrf))
            return b;
    }
    if (!cap_ok(x->nbsets))
        return NULL;
    ix_add(x->a, &x->bset_ix, h, x->nbsets);
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

static void bgp_policy(struct cx *x, struct cbgp_set *b, struct sv name, struct sv dir, bool strong,
                       const struct cfg_node *n)
{
    const char *p = dup(x, name);
    if (!p)
        return;
    bool in = sv_eq_cstr(dir, "in");
    if (!in && !sv_eq_cstr(dir, "out"))
        return;
    const char **slot = in ? &b->in_policy : &b->out_policy;
    bool *st = in ? &b->in_strong : &b->out_strong;
    if (!*slot || (strong && !*st)) {
        *slot = p;
        *st = strong;
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
        b->key = cisco_secret(x, s, i + 1, n, NULL);
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
        bgp_policy(x, b, a, c, true, n);
    } else if (sv_eq_cstr(w, "prefix-list") || sv_eq_cstr(w, "distribute-list") ||
               sv_eq_cstr(w, "filter-list")) {
        bgp_policy(x, b, a, c, false, n);
    } else if (sv_eq_cstr(w, "ao") || sv_eq_cstr(w, "keychain")) {
        b->auth_node = n; /* TCP-AO / keychain authentication */
        b->key = model_secret(SECRET_OTHER_HASH, sv_make(NULL, 0), n);
    }
}

static void bgp_walk(struct cx *x, const struct cfg_node *blk, struct cbgp_set *cur, struct sv vrf,
                     unsigned depth);

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
        bool is_addr = sv_is_addrish(addr) || (addr.n > 0 && isdigit((unsigned char)addr.p[0]));
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

static void h_router_bgp(struct cx *x, const struct cfg_node *n, struct sv s)
{
    if (!x->bgp_node) {
        x->bgp_node = n;
        x->local_as = parse_asn(tk(s, 2));
    }
    bgp_walk(x, n, NULL, sv_make("", 0), 0);
}

static const struct cbgp_set *bgp_find(const struct cx *x, char kind, struct sv name)
{
    /* groups and templates are kept without a VRF */
    uint64_t h = hash_sv(hash_sv(HASH_SEED + (unsigned char)kind, name), sv_make("", 0));
    size_t it = 0, pos;
    while ((pos = ix_next(&x->bset_ix, h, &it)) != SIZE_MAX)
        if (x->bsets[pos].kind == kind && sv_same(x->bsets[pos].name, name))
            return &x->bsets[pos];
    return NULL;
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
    if (!dst->in_policy || (!dst->in_strong && b->in_strong && b->in_policy)) {
        if (b->in_policy) {
            dst->in_policy = b->in_policy;
            dst->in_strong = b->in_strong;
            dst->in_node = b->in_node;
        }
    }
    if (!dst->out_policy || (!dst->out_strong && b->out_strong && b->out_policy)) {
        if (b->out_policy) {
            dst->out_policy = b->out_policy;
            dst->out_strong = b->out_strong;
            dst->out_node = b->out_node;
        }
    }
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

static void finish_bgp(struct cx *x)
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
            fact_default(&nb->max_prefix, FACT_ON,
                         "EOS accepts at most 12000 routes per neighbour by default");
        } else {
            fact_default(&nb->max_prefix, FACT_OFF,
                         "no maximum-prefix at the neighbour, its "
                         "groups or templates");
        }
        nb->in_policy = eff.in_policy;
        nb->out_policy = eff.out_policy;
        nb->in_policy_node = eff.in_node;
        nb->out_policy_node = eff.out_node;
    }
}

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
        model_add_secret(x->a, x->m, "ospf-key", cisco_secret(x, s, 3, n, NULL));
        return 0;
    }
    if (starts(s, "authentication-key")) {
        model_add_secret(x->a, x->m, "ospf-key", cisco_secret(x, s, 1, n, NULL));
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
        model_add_secret(x->a, x->m, "isis-key", cisco_secret(x, s, i, n, NULL));
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

static void h_router_igp(struct cx *x, const struct cfg_node *n, struct sv s, int proto)
{
    /* router ospf N [vrf V] / router ospfv3 N / ipv6 router ospf N / router isis [TAG] */
    struct sv name = starts(s, "ipv6 router") ? tk(s, 3) : tk(s, 2);
    struct cigp *g = igp_proc(x, proto, name, n);
    if (!g)
        return;
    int proc_auth = 0;
    /* process-level statements first (XR inheritance needs them) */
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        bool neg;
        struct sv t = stmt(c, &neg);
        if (neg) {
            if (starts(t, "passive-interface") && g->nactive < ARRAY_SIZE(g->active))
                g->active[g->nactive++] = tk(t, 1);
            continue;
        }
        int w = igp_auth_word(x, t, c);
        if (w == 1 || w == 2) {
            proc_auth = w;
            if (w == 1 && !g->proc_auth)
                g->proc_auth = c;
            else if (w == 2 && !g->proc_weak)
                g->proc_weak = c;
        } else if (starts(t, "authentication-type") || starts(t, "authentication key-chain")) {
            if (!g->proc_auth)
                g->proc_auth = c; /* NX-OS IS-IS */
            proc_auth = 1;
        } else if (starts(t, "passive-interface default") || starts(t, "passive enable") ||
                   sv_eq_cstr(t, "passive")) {
            g->passive_default = true;
        } else if (starts(t, "passive-interface") && g->npassive < ARRAY_SIZE(g->passive)) {
            g->passive[g->npassive++] = tk(t, 1);
        } else if (starts(t, "area") && tk_is(t, 2, "authentication")) {
            bool md = tk_is(t, 3, "message-digest") || tk_is(t, 3, "ipsec");
            if (md && g->nauth_areas < ARRAY_SIZE(g->auth_areas)) {
                g->area_auth_node[g->nauth_areas] = c;
                g->auth_areas[g->nauth_areas++] = tk(t, 1);
            } else if (!md && g->nweak_areas < ARRAY_SIZE(g->weak_areas)) {
                g->weak_areas[g->nweak_areas++] = tk(t, 1);
            }
        } else if (starts(t, "network") && g->nnets < ARRAY_SIZE(g->nets)) {
            struct cigp_net *net = &g->nets[g->nnets];
            struct sv a = tk(t, 1), b = tk(t, 2);
            bool ok;
            if (sv_is_dotted(b)) {
                ok = ip_prefix_from_mask(a, b, true, &net->pfx);
                net->area = tk(t, 4);
            } else {
                net->pfx = model_parse_addr(a);
                ok = net->pfx.af != 0;
                net->area = tk(t, 3);
            }
            if (ok)
                g->nnets++;
        }
    }
    /* XR areas and interface blocks */
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c) || !c->child)
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "area")) {
            int area_auth = proc_auth;
            const struct cfg_node *area_node = proc_auth == 1 ? g->proc_auth : g->proc_weak;
            for (const struct cfg_node *d = c->child; d; d = d->next) {
                if (!active(d))
                    continue;
                int w = igp_auth_word(x, cfg_text(d), d);
                if (w) {
                    area_auth = w;
                    area_node = d;
                    if (w == 1 && g->nauth_areas < ARRAY_SIZE(g->auth_areas)) {
                        g->area_auth_node[g->nauth_areas] = d;
                        g->auth_areas[g->nauth_areas++] = tk(t, 1);
                    }
                }
            }
            for (const struct cfg_node *d = c->child; d; d = d->next)
                if (active(d) && starts(cfg_text(d), "interface"))
                    igp_block_if(x, g, d, tk(t, 1), area_auth, area_node);
        } else if (starts(t, "interface")) {
            igp_block_if(x, g, c, sv_make("", 0), proc_auth,
                         proc_auth == 1 ? g->proc_auth : g->proc_weak);
        }
    }
}

/* Interface-level IGP statements (IOS, NX-OS, EOS). */
static void igp_if_stmt(struct cx *x, struct sv ifname, struct sv t, const struct cfg_node *c)
{
    if (starts(t, "ip ospf") || starts(t, "ipv6 ospf") || starts(t, "ospfv3")) {
        int proto = starts(t, "ip ospf") ? 0 : 1;
        size_t k = starts(t, "ospfv3") ? 1 : 2;
        struct sv w = tk(t, k);
        struct cigp_if *f = NULL;
        /* ip ospf N area X; ospfv3 N ipv6|ipv4 area X */
        size_t ka = tk_is(t, k + 1, "area") ? k + 1 : tk_is(t, k + 2, "area") ? k + 2 : 0;
        if (model_sv_is_digits(w) && ka) {
            f = igp_if(x, proto, ifname, w, c);
            if (f) {
                f->bound = true;
                f->node = c; /* the binding is the evidence for the interface */
                f->area = tk(t, ka + 1);
            }
            return;
        }
        f = igp_if(x, proto, ifname, sv_make("", 0), c);
        if (!f)
            return;
        if (sv_eq_cstr(w, "authentication")) {
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
        } else if (sv_eq_cstr(w, "message-digest-key")) {
            /* ip ospf message-digest-key N md5 [T] V */
            model_add_secret(x->a, x->m, "ospf-key", cisco_secret(x, t, k + 3, c, NULL));
            if (!f->auth_node)
                f->auth_node = c;
        } else if (sv_eq_cstr(w, "authentication-key")) {
            model_add_secret(x->a, x->m, "ospf-key", cisco_secret(x, t, k + 1, c, NULL));
        } else if (sv_eq_cstr(w, "passive-interface") || sv_eq_cstr(w, "passive")) {
            f->passive = true;
        }
    } else if (starts(t, "ip router ospf")) {
        struct cigp_if *f = igp_if(x, 0, ifname, tk(t, 3), c); /* NX-OS */
        if (f) {
            f->bound = true;
            f->node = c; /* the binding is the evidence for the interface */
            f->area = tk(t, 5);
        }
    } else if (starts(t, "ipv6 router ospfv3") || starts(t, "ipv6 router ospf")) {
        struct cigp_if *f = igp_if(x, 1, ifname, tk(t, 3), c);
        if (f) {
            f->bound = true;
            f->node = c; /* the binding is the evidence for the interface */
        }
    } else if (starts(t, "ip router isis") || starts(t, "ipv6 router isis") ||
               starts(t, "isis enable")) {
        struct sv tag = starts(t, "isis") ? tk(t, 2) : tk(t, 3);
        struct cigp_if *f = igp_if(x, 2, ifname, tag, c);
        if (f) {
            f->bound = true;
            f->node = c; /* the binding is the evidence for the interface */
        }
    } else if (starts(t, "isis")) {
        struct cigp_if *f = igp_if(x, 2, ifname, sv_make("", 0), c);
        if (!f)
            return;
        struct sv w = tk(t, 1);
        if (sv_eq_cstr(w, "authentication") || sv_eq_cstr(w, "authentication-type")) {
            struct sv a = tk(t, 2), b = tk(t, 3);
            bool text = sv_eq_cstr(b, "text") || sv_eq_cstr(a, "cleartext");
            if (sv_eq_cstr(a, "key") || sv_eq_cstr(a, "key-id")) {
                /* EOS key: a secret, mode set elsewhere */
                size_t i = 3;
                while (i < sv_token_count(t) && !model_sv_is_digits(tk(t, i)))
                    i++;
                model_add_secret(x->a, x->m, "isis-key", cisco_secret(x, t, i, c, NULL));
                return;
            }
            if (text) {
                f->weak = true;
            } else {
                f->authed = true;
                f->weak = false;
            }
            f->auth_node = c;
        } else if (sv_eq_cstr(w, "password")) {
            f->weak = !f->authed;
            f->auth_node = f->auth_node ? f->auth_node : c;
            model_add_secret(x->a, x->m, "isis-key", cisco_secret(x, t, 2, c, NULL));
        } else if (sv_eq_cstr(w, "passive")) {
            f->passive = true;
        }
    }
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
    while ((pos = ix_next(&x->if_ix, h, &it)) != SIZE_MAX)
        if (sv_eq_cstr(name, x->m->interfaces[pos].name))
            return &x->m->interfaces[pos];
    return NULL;
}

/* Judge one participating interface of process g; updates the counters. */
struct igp_tally {
    size_t need, have;
    bool weak;
    const struct cfg_node *miss;
};

static void igp_judge(const struct cigp *g, const struct cigp_if *f, struct sv area,
                      const struct cfg_node *itf_node, struct igp_instance *ig, struct igp_tally *t)
{
    t->need++;
    bool ok = f && f->authed;
    const struct cfg_node *ev = f ? f->auth_node : NULL;
    bool explicit_none = f && f->auth_node && !f->authed && !f->weak;
    if (!ok && !explicit_none) {
        /* inherited from the area or the process */
        for (size_t k = 0; k < g->nauth_areas && !ok; k++)
            if (sv_same(g->auth_areas[k], area)) {
                ok = true;
                ev = g->area_auth_node[k];
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
    } else if (!t->miss) {
        t->miss = f && f->node ? f->node : itf_node;
    }
}

static bool igp_passive(const struct cigp *g, const struct cigp_if *f, struct sv ifn)
{
    if (f && f->passive)
        return true;
    return g->passive_default ? !sv_in(g->active, g->nactive, ifn)
                              : sv_in(g->passive, g->npassive, ifn);
}

static void finish_igp(struct cx *x)
{
    static const char *const names[3] = {"ospf", "ospfv3", "isis"};
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
        struct igp_tally t = {0, 0, g->proc_weak != NULL, NULL};
        uint32_t stamp = (uint32_t)p + 1;
        /* interfaces bound to this process by name */
        for (size_t j = 0; j < x->nigp_ifs; j++) {
            const struct cigp_if *c = &x->igp_ifs[j];
            if (c->proto != g->proto || !c->bound ||
                !(c->instance.n == 0 || g->name.n == 0 || sv_same(c->instance, g->name)))
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
            if (igp_passive(g, c, c->ifname))
                continue;
            igp_judge(g, c, c->area, itf ? itf->node : c->node, ig, &t);
        }
        /* interfaces whose address a network statement covers (OSPF) */
        for (size_t i = 0; g->proto == 0 && g->nnets && i < m->ninterfaces; i++) {
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
            const struct cigp_if *f = x->if_ospf[i] != SIZE_MAX ? &x->igp_ifs[x->if_ospf[i]] : NULL;
            if (igp_passive(g, f, sv_from_cstr(itf->name)))
                continue;
            igp_judge(g, f, area, itf->node, ig, &t);
        }
        if (t.need == 0) {
            if (g->proc_auth)
                fact_set(&ig->auth, FACT_ON, g->proc_auth);
            else if (g->nauth_areas)
                fact_set(&ig->auth, FACT_ON, g->area_auth_node[0]);
            else
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
    }
}

/* "key chain NAME" with "key N" / "key-string [T] V". */
static void h_key_chain(struct cx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *k = n->child; k; k = k->next) {
        if (!active(k))
            continue;
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
                model_add_secret(x->a, x->m, "key-chain", cisco_secret(x, t, i, c, NULL));
            }
        }
    }
}

/* ------------------------------------------------------------ interfaces */

static bool name_is(struct sv name, const char *prefix)
{
    size_t n = strlen(prefix);
    if (name.n < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)name.p[i]) != tolower((unsigned char)prefix[i]))
            return false;
    return true;
}

/* Interface defaults that differ by dialect (checks.md section 18). */
static void iface_defaults(struct cx *x, struct interface *f)
{
    switch (x->d) {
    case DIALECT_CISCO_IOS:
        fact_default(&f->proxy_arp, FACT_ON, "proxy ARP is on unless 'no ip proxy-arp'");
        fact_default(&f->redirects, FACT_ON, "ICMP redirects are sent unless 'no ip redirects'");
        fact_default(&f->unreachables, FACT_ON,
                     "ICMP unreachables are sent unless "
                     "'no ip unreachables'");
        fact_default(&f->directed_broadcast, FACT_OFF, "directed broadcast is off since 12.0");
        break;
    case DIALECT_CISCO_NXOS:
        fact_default(&f->proxy_arp, FACT_OFF, "proxy ARP is off unless 'ip proxy-arp'");
        fact_default(&f->redirects, FACT_ON, "ICMP redirects are sent unless 'no ip redirects'");
        fact_default(&f->unreachables, FACT_OFF, "unreachables are off unless 'ip unreachables'");
        fact_default(&f->directed_broadcast, FACT_OFF, "directed broadcast is off by default");
        break;
    case DIALECT_CISCO_IOSXR:
        fact_default(&f->proxy_arp, FACT_OFF, "proxy ARP is off unless 'proxy-arp'");
        fact_default(&f->redirects, FACT_OFF, "redirects are off unless 'ipv4 redirects'");
        fact_default(&f->unreachables, FACT_ON,
                     "unreachables are sent unless "
                     "'ipv4 unreachables disable'");
        fact_default(&f->directed_broadcast, FACT_OFF, "directed broadcast is off by default");
        break;
    case DIALECT_ARISTA_EOS:
        fact_default(&f->proxy_arp, FACT_OFF, "proxy ARP is off unless 'ip proxy-arp'");
        fact_default(&f->redirects, FACT_ON, "EOS sends ICMP redirects by default");
        fact_unknown(&f->unreachables, "the EOS default for ICMP unreachables is not "
                                       "documented per interface");
        fact_default(&f->directed_broadcast, FACT_OFF, "directed broadcast is off by default");
        break;
    default:
        fact_unknown(&f->proxy_arp, "not configurable per interface on this platform");
        fact_default(&f->redirects, FACT_OFF, "the ASA sends no ICMP redirects");
        fact_unknown(&f->unreachables, "ICMP unreachables follow 'icmp unreachable' rate limits");
        fact_default(&f->directed_broadcast, FACT_OFF, "the ASA forwards no directed broadcasts");
        break;
    }
    fact_default(&f->urpf, FACT_OFF, "no unicast reverse-path verification");
}

/* ASA 5505 switch ports: "switchport monitor SRC [tx|rx|both]" under the
 * destination port copies the source port's traffic to it (local SPAN). */
static void asa_switchport_monitor(struct cx *x, struct sv dest, const struct cfg_node *c)
{
    struct device_model *m = x->m;
    if (!cap_ok(m->nmirrors))
        return;
    struct mirror_session *ms = MODEL_PUSH(x->a, m->mirrors, m->nmirrors);
    ms->kind = "span";
    ms->destination = dup(x, dest);
    ms->node = c;
}

static void iface_stmt(struct cx *x, struct interface *f, size_t idx, const struct cfg_node *c)
{
    bool neg;
    struct sv t = stmt(c, &neg);
    struct sv w = tk(t, 0);
    struct sv ifn = sv_from_cstr(f->name);
    if (sv_eq_cstr(w, "description") && !neg) {
        f->description = dup(x, sv_after_tokens(t, 1));
    } else if (sv_eq_cstr(w, "shutdown")) {
        f->shutdown = !neg;
    } else if ((starts(t, "ip address") || starts(t, "ipv4 address") ||
                starts(t, "ipv6 address")) &&
               !neg) {
        f->has_ip = true;
        if (!starts(t, "ipv6") && x->if_addr && x->if_addr[idx].af == 0 &&
            !tk_is(t, 3, "secondary") && !tk_is(t, 4, "secondary")) {
            struct sv a = tk(t, 2);
            const char *sl = memchr(a.p, '/', a.n);
            if (sl)
                a.n = (size_t)(sl - a.p);
            struct ip_prefix ip = model_parse_addr(a);
            if (ip.af == 4)
                x->if_addr[idx] = ip;
        }
    } else if (starts(t, "ip verify unicast") || starts(t, "ipv4 verify unicast") ||
               starts(t, "ip verify reverse-path")) {
        if (!neg)
            fact_set(&f->urpf, FACT_ON, c);
    } else if ((starts(t, "ip access-group") || starts(t, "ipv4 access-group")) && !neg) {
        struct sv name = tk(t, 2), dir = tk(t, 3);
        if (sv_eq_cstr(dir, "in") || sv_eq_cstr(dir, "ingress"))
            f->acl_in = dup(x, name);
        else if (sv_eq_cstr(dir, "out") || sv_eq_cstr(dir, "egress"))
            f->acl_out = dup(x, name);
    } else if (starts(t, "ip proxy-arp") || (sv_eq_cstr(w, "proxy-arp"))) {
        fact_set(&f->proxy_arp, neg ? FACT_OFF : FACT_ON, c);
    } else if (starts(t, "ip redirects") || starts(t, "ipv4 redirects")) {
        fact_set(&f->redirects, neg ? FACT_OFF : FACT_ON, c);
    } else if (starts(t, "ip unreachables")) {
        fact_set(&f->unreachables, neg ? FACT_OFF : FACT_ON, c);
    } else if (starts(t, "ipv4 unreachables disable")) {
        fact_set(&f->unreachables, neg ? FACT_ON : FACT_OFF, c);
    } else if (starts(t, "ip directed-broadcast") || starts(t, "ipv4 directed-broadcast")) {
        fact_set(&f->directed_broadcast, neg ? FACT_OFF : FACT_ON, c);
    } else if (starts(t, "cdp enable") || (sv_eq_cstr(t, "cdp") && x->d == DIALECT_CISCO_IOSXR)) {
        fact_set(&f->discovery, neg ? FACT_OFF : FACT_ON, c);
    } else if ((starts(t, "lldp transmit") || starts(t, "lldp receive")) && neg) {
        fact_set(&f->discovery, FACT_OFF, c);
    } else if (sv_eq_cstr(w, "lldp") && c->child) {
        for (const struct cfg_node *d = c->child; d; d = d->next)
            if (active(d) &&
                (starts(cfg_text(d), "transmit disable") ||
                 starts(cfg_text(d), "receive disable") || starts(cfg_text(d), "disable")))
                fact_set(&f->discovery, FACT_OFF, d);
    } else if (starts(t, "tunnel destination") && !neg) {
        f->tunnel_dest = dup(x, tk(t, 2));
        f->is_tunnel = true;
    } else if (starts(t, "tunnel mode") && !neg) {
        f->tunnel_mode = dup(x, sv_after_tokens(t, 2));
    } else if (starts(t, "destination") && f->is_tunnel && !neg) {
        f->tunnel_dest = dup(x, tk(t, 1)); /* XR tunnel-ip / EOS */
    } else if ((starts(t, "vrf forwarding") || starts(t, "ip vrf forwarding") ||
                starts(t, "vrf member") || sv_eq_cstr(w, "vrf")) &&
               !neg) {
        struct sv v = sv_eq_cstr(w, "vrf") && !tk_is(t, 1, "forwarding") && !tk_is(t, 1, "member")
                          ? tk(t, 1)
                      : starts(t, "ip vrf") ? tk(t, 3)
                                            : tk(t, 2);
        if (name_is(v, "mgmt") || name_is(v, "management") || name_is(v, "oob"))
            f->is_mgmt = true;
    } else if (sv_eq_cstr(w, "management-only") && !neg) {
        f->is_mgmt = true;
    } else if (starts(t, "mop enabled") && !neg) {
        legacy_set(&x->m->legacy.mop, true, c);
    } else if (x->d == DIALECT_CISCO_ASA && starts(t, "switchport monitor") && !neg) {
        asa_switchport_monitor(x, ifn, c);
    } else {
        igp_if_stmt(x, ifn, t, c);
    }
}

static void h_interface(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct device_model *m = x->m;
    struct sv name = tk(s, 1);
    if (name.n == 0 || !cap_ok(m->ninterfaces))
        return;
    if (tk(s, 2).n && !sv_eq_cstr(tk(s, 2), "point-to-point") &&
        !sv_eq_cstr(tk(s, 2), "multipoint"))
        name = sv_make(name.p, (size_t)(tk(s, sv_token_count(s) - 1).p +
                                        tk(s, sv_token_count(s) - 1).n - name.p));
    size_t idx = m->ninterfaces;
    struct interface *f = model_add_interface(x->a, m, name, n);
    ix_add(x->a, &x->if_ix, hash_sv(HASH_SEED, name), idx);
    x->if_addr = model_grow(x->a, x->if_addr, idx, sizeof(*x->if_addr));
    memset(&x->if_addr[idx], 0, sizeof(x->if_addr[idx]));
    x->if_ospf = model_grow(x->a, x->if_ospf, idx, sizeof(*x->if_ospf));
    x->if_ospf[idx] = SIZE_MAX;
    f->is_loopback = name_is(name, "loopback") || name_is(name, "lo");
    f->is_tunnel =
        name_is(name, "tunnel") || name_is(name, "tunnel-ip") || name_is(name, "tunnel-te");
    f->is_mgmt = name_is(name, "mgmt") || name_is(name, "management") || name_is(name, "MgmtEth");
    if (f->is_tunnel && x->d == DIALECT_CISCO_IOS)
        f->tunnel_mode = "gre ip"; /* the IOS default mode */
    iface_defaults(x, f);
    /* NX-OS Ethernet ports start shut (switchport), EOS and IOS do not */
    x->cur_if = idx;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c))
            iface_stmt(x, f, idx, c);
    x->cur_if = SIZE_MAX;
}

/* ASA "access-group NAME in|out interface IFC": bind to the interface with that nameif. */
static void h_access_group(struct cx *x, struct sv s)
{
    struct sv acl = tk(s, 1), dir = tk(s, 2), ifc = tk(s, 4);
    if (!tk_is(s, 3, "interface") || ifc.n == 0)
        return;
    struct device_model *m = x->m;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct cfg_node *nm = cfg_child(x->t, m->interfaces[i].node, "nameif");
        if (!nm || !sv_same(tk(cfg_text(nm), 1), ifc))
            continue;
        if (sv_eq_cstr(dir, "in"))
            m->interfaces[i].acl_in = dup(x, acl);
        else if (sv_eq_cstr(dir, "out"))
            m->interfaces[i].acl_out = dup(x, acl);
    }
}

/* Global proxy-arp/redirects: on when any addressed, active interface has it on. */
static void finish_interfaces(struct cx *x)
{
    struct device_model *m = x->m;
    struct legacy_facts *lg = &m->legacy;
    bool any = false;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *f = &m->interfaces[i];
        if (!f->has_ip || f->shutdown || f->is_loopback)
            continue;
        any = true;
        if (f->proxy_arp.state == FACT_ON && lg->proxy_arp.state != FACT_ON) {
            fact_set(&lg->proxy_arp, FACT_ON, f->node);
            lg->proxy_arp.why = f->proxy_arp.is_default ? "on by default on an interface" : NULL;
        }
        if (f->redirects.state == FACT_ON && lg->redirects.state != FACT_ON) {
            fact_set(&lg->redirects, FACT_ON, f->node);
            lg->redirects.why = f->redirects.is_default ? "on by default on an interface" : NULL;
        }
        if (f->directed_broadcast.state == FACT_ON && lg->directed_broadcast.state != FACT_ON)
            fact_set(&lg->directed_broadcast, FACT_ON, f->node);
    }
    if (any) {
        if (lg->proxy_arp.state == FACT_UNKNOWN)
            fact_default(&lg->proxy_arp, FACT_OFF, "off on every addressed interface");
        if (lg->redirects.state == FACT_UNKNOWN)
            fact_default(&lg->redirects, FACT_OFF, "off on every addressed interface");
    }
}

/* ------------------------------------------------------------ mirroring */

static struct mirror_session *mirror(struct cx *x, struct sv id, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    for (size_t i = 0; i < m->nmirrors; i++) {
        struct mirror_session *s = &m->mirrors[i];
        if (s->node && sv_same(tk(cfg_text(s->node), 2), id) &&
            (starts(cfg_text(s->node), "monitor session") ||
             starts(cfg_text(s->node), "monitor-session")))
            return s;
    }
    if (!cap_ok(m->nmirrors))
        return NULL;
    struct mirror_session *s = MODEL_PUSH(x->a, m->mirrors, m->nmirrors);
    s->kind = "span";
    s->node = n;
    return s;
}

static void mirror_dest(struct cx *x, struct mirror_session *s, struct sv t, size_t i)
{
    /* destination interface X | remote vlan N | ip X | tunnel mode gre source A destination B */
    struct sv a = tk(t, i);
    if (sv_eq_cstr(a, "remote")) {
        s->kind = "rspan";
        s->remote = true;
        s->destination = dup(x, sv_after_tokens(t, i + 1));
    } else if (sv_eq_cstr(a, "ip") || (sv_eq_cstr(a, "ip") && tk_is(t, i + 1, "address"))) {
        s->kind = "erspan";
        s->remote = true;
        s->destination = dup(x, tk(t, tk_is(t, i + 1, "address") ? i + 2 : i + 1));
    } else if (sv_eq_cstr(a, "tunnel")) {
        s->kind = "erspan";
        s->remote = true;
        size_t nt = sv_token_count(t);
        for (size_t j = i; j + 1 < nt; j++)
            if (tk_is(t, j, "destination"))
                s->destination = dup(x, tk(t, j + 1));
    } else if (sv_eq_cstr(a, "interface")) {
        if (!s->destination)
            s->destination = dup(x, sv_after_tokens(t, i + 1));
    } else if (a.n && !s->destination) {
        s->destination = dup(x, sv_after_tokens(t, i));
    }
}

static void h_monitor(struct cx *x, const struct cfg_node *n, struct sv s)
{
    /* IOS/NX-OS/EOS "monitor session ID ...", XR "monitor-session NAME" */
    bool xr = starts(s, "monitor-session");
    if (!xr && !starts(s, "monitor session"))
        return;
    struct sv id = xr ? tk(s, 1) : tk(s, 2);
    size_t k = xr ? 2 : 3;
    struct mirror_session *ms = mirror(x, id, n);
    if (!ms)
        return;
    if (tk_is(s, k, "type")) {
        struct sv ty = tk(s, k + 1);
        if (sv_starts_with(ty, "erspan")) {
            ms->kind = "erspan";
            ms->remote = sv_eq_cstr(ty, "erspan-source");
        } else if (sv_starts_with(ty, "rspan")) {
            ms->kind = "rspan";
            ms->remote = sv_eq_cstr(ty, "rspan-source");
        }
    } else if (tk_is(s, k, "destination")) {
        mirror_dest(x, ms, s, k + 1);
    }
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "destination")) {
            if (tk(t, 1).n) {
                mirror_dest(x, ms, t, 1);
            }
            for (const struct cfg_node *d = c->child; d;
                 d = d->next) /* IOS erspan destination block */
                if (active(d) && starts(cfg_text(d), "ip address")) {
                    ms->destination = dup(x, tk(cfg_text(d), 2));
                    ms->remote = true;
                }
        } else if (starts(t, "erspan-id") || starts(t, "erspan")) {
            ms->kind = "erspan";
        }
    }
}

/* ------------------------------------------------------------ banners, CoPP, on-box */

static void h_banner(struct cx *x, const struct cfg_node *n, struct sv s)
{
    struct sv kind = tk(s, 1);
    const char *k = sv_eq_cstr(kind, "login")      ? "login"
                    : sv_eq_cstr(kind, "motd")     ? "motd"
                    : sv_eq_cstr(kind, "exec")     ? "exec"
                    : sv_eq_cstr(kind, "incoming") ? "incoming"
                    : sv_eq_cstr(kind, "asdm")     ? "asdm"
                                                   : "other";
    struct banner *b = model_add_banner(x->a, x->m, k, n);
    if (!(n->flags & CFG_BANNER))
        b->text = sv_after_tokens(s, 2); /* ASA: one line per statement */
}

static void h_control_plane(struct cx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "service-policy input")) {
            x->copp_node = c;
        } else if (starts(t, "management-plane")) {
            /* XR MPP: inband|out-of-band / interface X|all / allow PROTO [peer / address ipv4 X] */
            for (const struct cfg_node *band = c->child; band; band = band->next) {
                if (!active(band))
                    continue;
                bool oob = starts(cfg_text(band), "out-of-band");
                if (oob)
                    x->mpp_oob = band;
                for (const struct cfg_node *itf = band->child; itf; itf = itf->next) {
                    if (!active(itf) || !starts(cfg_text(itf), "interface"))
                        continue;
                    for (const struct cfg_node *al = itf->child; al; al = al->next) {
                        struct sv at = cfg_text(al);
                        if (!active(al) || !starts(at, "allow"))
                            continue;
                        const char *name =
                            arena_printf(x->a, "mpp-%s-%.*s-%.*s", oob ? "oob" : "inband",
                                         (int)tk(cfg_text(itf), 1).n, tk(cfg_text(itf), 1).p,
                                         (int)tk(at, 1).n, tk(at, 1).p);
                        struct acl *acl = find_or_add_acl(x, sv_from_cstr(name), al);
                        if (!acl)
                            continue;
                        bool peers = false;
                        for (const struct cfg_node *pe = al->child; pe; pe = pe->next) {
                            if (!active(pe))
                                continue;
                            /* "allow X peer" + "address ..." children, or "peer" + children */
                            const struct cfg_node *first =
                                starts(cfg_text(pe), "address") ? pe : pe->child;
                            for (const struct cfg_node *ad = first; ad;
                                 ad = first == pe ? NULL : ad->next) {
                                struct sv adt = cfg_text(ad);
                                if (!active(ad) || !starts(adt, "address") || !cap_ok(acl->n))
                                    continue;
                                struct acl_entry *e = model_acl_add_entry(x->a, acl, ad);
                                e->permit = true;
                                struct sv a = tk(adt, 2);
                                e->src = model_parse_addr(a);
                                e->unresolved = e->src.af == 0;
                                peers = true;
                            }
                        }
                        /* "allow SSH peer address ipv4 X" written on one line */
                        size_t nt = sv_token_count(at);
                        for (size_t i = 2; i + 2 < nt; i++)
                            if (tk_is(at, i, "address") && cap_ok(acl->n)) {
                                struct acl_entry *e = model_acl_add_entry(x->a, acl, al);
                                e->permit = true;
                                e->src = model_parse_addr(tk(at, i + 2));
                                e->unresolved = e->src.af == 0;
                                peers = true;
                            }
                        if (!peers) {
                            struct acl_entry *e = model_acl_add_entry(x->a, acl, al);
                            e->permit = true;
                            e->src_any = true;
                        }
                        model_add_mgmt_path(x->a, m, "mpp", acl->name, al);
                    }
                }
            }
        }
    }
}

static bool risky_command(struct sv cmd)
{
    static const char *const words[] = {"conf",  "clear log", "copy",    "tftp",       "ftp:",
                                        "scp:",  "delete",    "erase",   "no logging", "username",
                                        "write", "reload",    "archive", "more ",      "bash",
                                        "run ",  "http:",     "format"};
    for (size_t i = 0; i < ARRAY_SIZE(words); i++)
        if (model_sv_icontains(cmd, words[i]))
            return true;
    return false;
}

/* EEM applets, kron policy lists, NX-OS scheduler jobs, EOS event handlers. */
static void h_onbox_block(struct cx *x, const struct cfg_node *n, const char *kind, struct sv name)
{
    bool risky = false;
    for (const struct cfg_node *c = n->child; c && !risky; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if (starts(t, "action") || starts(t, "cli") || starts(t, "command") || starts(t, "exec") ||
            risky_command(t))
            risky = risky_command(t);
    }
    model_add_onbox(x->a, x->m, kind, dup(x, name), risky, n);
}

static void h_event(struct cx *x, const struct cfg_node *n, struct sv s)
{
    if (starts(s, "event manager applet"))
        h_onbox_block(x, n, "eem", tk(s, 3));
    else if (starts(s, "event manager policy"))
        model_add_onbox(x->a, x->m, "eem", dup(x, tk(s, 3)), true, n); /* a Tcl script */
    else if (starts(s, "event-handler"))
        h_onbox_block(x, n, "event-handler", tk(s, 1));
}

/* ------------------------------------------------------------ IPsec */

static struct ipsec_policy *ipsec_add(struct cx *x, struct sv name, const struct cfg_node *n)
{
    if (!cap_ok(x->m->nipsec))
        return NULL;
    struct ipsec_policy *p = MODEL_PUSH(x->a, x->m->ipsec, x->m->nipsec);
    p->name = dup(x, name);
    p->node = n;
    return p;
}

static const char *join_append(struct cx *x, const char *cur, struct sv add)
{
    if (add.n == 0)
        return cur;
    if (!cur)
        return dup(x, add);
    return arena_printf(x->a, "%s %.*s", cur, (int)add.n, add.p);
}

/* IKE policies and proposals with encryption / hash|integrity / group children. */
static void ike_block(struct cx *x, const struct cfg_node *n, struct sv name, bool ios_isakmp)
{
    struct ipsec_policy *p = ipsec_add(x, name, n);
    if (!p)
        return;
    bool weak = false;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        struct sv w = tk(t, 0);
        struct sv rest = sv_after_tokens(t, 1);
        if (sv_eq_cstr(w, "protocol") && tk_is(t, 1, "esp")) { /* ASA ipsec-proposal */
            w = tk(t, 2);
            rest = sv_after_tokens(t, 3);
        } else if (sv_eq_cstr(w, "esp") ||
                   (sv_eq_cstr(w, "pfs") && tk_is(t, 1, "dh-group"))) { /* EOS sa policy */
            w = tk(t, 1);
            rest = sv_after_tokens(t, 2);
        }
        size_t nt = sv_token_count(rest);
        if (sv_eq_cstr(w, "encr") || sv_eq_cstr(w, "encryption")) {
            p->encryption = join_append(x, p->encryption, rest);
            for (size_t i = 0; i < nt; i++)
                weak |= model_ipsec_enc_is_weak(tk(rest, i));
        } else if (sv_eq_cstr(w, "hash") || sv_eq_cstr(w, "integrity")) {
            p->integrity = join_append(x, p->integrity, rest);
            for (size_t i = 0; i < nt; i++)
                weak |= model_ipsec_integ_is_weak(tk(rest, i));
        } else if (sv_eq_cstr(w, "group") || sv_eq_cstr(w, "dh-group")) {
            p->dh_group = join_append(x, p->dh_group, rest);
            for (size_t i = 0; i < nt; i++)
                weak |= model_ipsec_group_is_weak(tk(rest, i));
        }
    }
    if (ios_isakmp) {
        /* IOS ISAKMP defaults: DES, SHA-1, group 1 */
        if (!p->encryption) {
            p->encryption = "des (default)";
            weak = true;
        }
        if (!p->integrity) {
            p->integrity = "sha (default)";
            weak = true;
        }
        if (!p->dh_group) {
            p->dh_group = "1 (default)";
            weak = true;
        }
    }
    p->weak = weak;
}

static void transform_set(struct cx *x, const struct cfg_node *n, struct sv s, size_t name_i)
{
    struct ipsec_policy *p = ipsec_add(x, tk(s, name_i), n);
    if (!p)
        return;
    size_t nt = sv_token_count(s);
    for (size_t i = name_i + 1; i < nt; i++) {
        struct sv w = tk(s, i);
        if (sv_eq_cstr(w, "mode"))
            break;
        if (model_sv_icontains(w, "hmac") || model_sv_icontains(w, "esp-none")) {
            p->integrity = join_append(x, p->integrity, w);
            p->weak |= model_ipsec_integ_is_weak(w);
        } else if (sv_starts_with(w, "esp-") || sv_starts_with(w, "ah-")) {
            p->encryption = join_append(x, p->encryption, w);
            p->weak |= model_ipsec_enc_is_weak(w) || model_sv_icontains(w, "null");
        }
    }
}

/* Peers named by "set peer A [B ...]" (from token i of s) of crypto map "NAME SEQ". */
static void vpn_peers_from(struct cx *x, struct sv map, struct sv s, size_t i,
                           const struct cfg_node *n)
{
    struct device_model *m = x->m;
    size_t nt = sv_token_count(s);
    for (; i < nt && cap_ok(m->nvpn_peers); i++) {
        struct sv a = asa_alias(x, tk(s, i));
        if (sv_eq_cstr(a, "default")) /* IOS "set peer A default": a failover order */
            continue;
        struct vpn_peer *p = MODEL_PUSH(x->a, m->vpn_peers, m->nvpn_peers);
        p->name = arena_printf(x->a, "crypto map %.*s", (int)map.n, map.p);
        p->peer = dup(x, a);
        p->node = n;
    }
}

/* "crypto map NAME SEQ set peer A" (ASA) and "crypto map NAME SEQ ipsec-isakmp" blocks
 * with " set peer A" (IOS): policy-based tunnel endpoints. Dynamic maps name no peer. */
static void h_crypto_map(struct cx *x, const struct cfg_node *n, struct sv s)
{
    if (!model_sv_is_digits(tk(s, 3)))
        return; /* "crypto map NAME interface IFC" and similar */
    struct sv map = sv_make(tk(s, 2).p, (size_t)(tk(s, 3).p + tk(s, 3).n - tk(s, 2).p));
    if (tk_is(s, 4, "set") && tk_is(s, 5, "peer"))
        vpn_peers_from(x, map, s, 6, n);
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c) && starts(cfg_text(c), "set peer"))
            vpn_peers_from(x, map, cfg_text(c), 2, c);
}

/* EOS "ip security" with "ike policy NAME" and "sa policy NAME" sub-blocks. */
static void h_ip_security(struct cx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if ((starts(t, "ike policy") || starts(t, "sa policy")) && tk(t, 2).n)
            ike_block(x, c, tk(t, 2), false);
    }
}

static void h_crypto(struct cx *x, const struct cfg_node *n, struct sv s)
{
    if (starts(s, "crypto isakmp policy")) {
        ike_block(x, n, tk(s, 3), x->d == DIALECT_CISCO_IOS);
    } else if (starts(s, "crypto ikev1 policy") || starts(s, "crypto ikev2 policy") ||
               starts(s, "crypto ikev2 proposal")) {
        ike_block(x, n, tk(s, 3), false);
    } else if (starts(s, "crypto ipsec ikev2 ipsec-proposal")) {
        ike_block(x, n, tk(s, 4), false);
    } else if (starts(s, "crypto ipsec transform-set")) {
        transform_set(x, n, s, 3);
    } else if (starts(s, "crypto map")) {
        h_crypto_map(x, n, s);
    } else if (starts(s, "crypto ipsec ikev1 transform-set")) {
        transform_set(x, n, s, 4);
    } else if (starts(s, "crypto isakmp key")) {
        model_add_secret(x->a, x->m, "ipsec-psk", cisco_secret(x, s, 3, n, NULL));
    } else if (starts(s, "crypto keyring") || starts(s, "crypto ikev2 keyring")) {
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (!active(c))
                continue;
            const struct cfg_node *kids = c->child ? c->child : c;
            for (const struct cfg_node *d = kids; d; d = c->child ? d->next : NULL) {
                struct sv t = cfg_text(d);
                if (!active(d) || !starts(t, "pre-shared-key"))
                    continue;
                size_t nt = sv_token_count(t), i;
                for (i = 1; i < nt; i++)
                    if (tk_is(t, i, "key"))
                        break;
                if (i >= nt) /* ikev2: pre-shared-key [local|remote] [T] V */
                    i = (tk_is(t, 1, "local") || tk_is(t, 1, "remote")) ? 1 : 0;
                model_add_secret(x->a, x->m, "ipsec-psk", cisco_secret(x, t, i + 1, d, NULL));
            }
        }
    }
}

/* ASA "tunnel-group NAME ipsec-attributes" with pre-shared keys. */
static void h_tunnel_group(struct cx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        size_t nt = sv_token_count(t);
        for (size_t i = 0; i < nt; i++)
            if (tk_is(t, i, "pre-shared-key")) {
                model_add_secret(x->a, x->m, "ipsec-psk", cisco_secret(x, t, i + 1, c, NULL));
                break;
            }
    }
}

/* Global statements that switch single facts (discovery, Smart Install, secret encryption,
 * password policy, programmable interfaces, on-box hosting). */
static void h_misc(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct device_model *m = x->m;
    struct sv w = tk(s, 0);
    if (starts(s, "cdp run") || (sv_eq_cstr(s, "cdp enable") && x->d == DIALECT_CISCO_NXOS) ||
        (sv_eq_cstr(s, "cdp") && x->d == DIALECT_CISCO_IOSXR)) {
        if (neg)
            x->cdp_off = n;
        else
            x->cdp_on = n;
    } else if (starts(s, "lldp run") || (sv_eq_cstr(s, "lldp") && x->d == DIALECT_CISCO_IOSXR)) {
        if (neg)
            x->lldp_off = n;
        else
            x->lldp_on = n;
    } else if (sv_eq_cstr(w, "vstack")) {
        fact_set(&m->legacy.smart_install, neg ? FACT_OFF : FACT_ON, n);
    } else if ((starts(s, "password encryption aes") || starts(s, "key config-key")) && !neg) {
        x->secret_enc_node = n;
    } else if (starts(s, "security passwords min-length") && !neg) {
        x->pw_policy_node = n;
    } else if (starts(s, "password strength-check")) {
        if (neg)
            x->pw_policy_off = n;
        else
            x->pw_policy_node = n;
    } else if (starts(s, "domain lookup disable")) {
        legacy_set(&m->legacy.ip_domain_lookup, neg, n);
    } else if (sv_eq_cstr(w, "netconf-yang") || starts(s, "netconf ssh") ||
               starts(s, "netconf agent")) {
        if (sv_eq_cstr(w, "netconf-yang") && tk(s, 1).n && !tk_is(s, 1, "agent"))
            return; /* netconf-yang feature ... / cisco-ia options */
        svc(x, "netconf", false, neg ? FACT_OFF : FACT_ON, n);
    } else if (sv_eq_cstr(s, "restconf")) {
        svc(x, "restconf", false, neg ? FACT_OFF : FACT_ON, n);
    } else if (sv_eq_cstr(w, "gnxi")) {
        if (sv_eq_cstr(s, "gnxi server"))
            svc(x, "gnmi", true, neg ? FACT_OFF : FACT_ON, n);
        else if (sv_eq_cstr(s, "gnxi secure-server"))
            svc(x, "gnmi", false, neg ? FACT_OFF : FACT_ON, n);
    } else if (sv_eq_cstr(w, "grpc") && !neg) {
        /* XR: TLS unless no-tls */
        bool notls = cfg_child(x->t, n, "no-tls") != NULL;
        struct mgmt_service *v = svc(x, "grpc", notls, FACT_ON, n);
        const struct cfg_node *port = cfg_child(x->t, n, "port");
        if (v && port)
            v->port = model_sv_long(tk(cfg_text(port), 1), -1);
    } else if (starts(s, "xml agent") && !neg) {
        bool ssl = tk_is(s, 2, "ssl");
        bool tty = tk_is(s, 2, "tty");
        if (!tty)
            svc(x, "xml-agent", !ssl, FACT_ON, n);
        else if (x->d == DIALECT_CISCO_IOSXR)
            x->xml_tty_node = n; /* settled with the telnet server in finish_services */
    } else if (sv_eq_cstr(w, "tftp-server") && !neg) {
        struct mgmt_service *v = svc(x, "tftp-server", true, FACT_ON, n);
        struct sv last = tk(s, sv_token_count(s) - 1);
        if (v && sv_token_count(s) >= 3 && !memchr(last.p, ':', last.n) &&
            !tk_is(s, sv_token_count(s) - 2, "alias"))
            v->acl_name = dup(x, last);
    } else if (sv_eq_cstr(s, "appmgr") && !neg) {
        /* XR application manager: each "application NAME" is a hosted container */
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (active(c) && starts(cfg_text(c), "application") && tk(cfg_text(c), 1).n)
                model_add_onbox(x->a, m, "app-hosting", dup(x, tk(cfg_text(c), 1)), false, c);
    } else if (sv_eq_cstr(w, "iox") && !neg) {
        model_add_onbox(x->a, m, "app-hosting", "iox", false, n);
    } else if (starts(s, "app-hosting appid") && !neg) {
        struct sv id = tk(s, 2);
        model_add_onbox(x->a, m, sv_eq_cstr(id, "guestshell") ? "guestshell" : "app-hosting",
                        dup(x, id), false, n);
    } else if (starts(s, "virtual-service") && tk(s, 1).n && !neg) {
        model_add_onbox(x->a, m, "app-hosting", dup(x, tk(s, 1)), false, n);
    } else if (starts(s, "kron policy-list") && !neg) {
        h_onbox_block(x, n, "kron", tk(s, 2));
    } else if (starts(s, "scheduler job name") && !neg) {
        h_onbox_block(x, n, "scheduler", tk(s, 3));
    } else if (sv_eq_cstr(w, "daemon") && !neg && x->d == DIALECT_ARISTA_EOS) {
        bool on = true;
        eos_shutdown(n, &on);
        if (on)
            model_add_onbox(x->a, m, "daemon", dup(x, tk(s, 1)), true, n);
    } else if (sv_eq_cstr(w, "schedule") && !neg && x->d == DIALECT_ARISTA_EOS) {
        size_t nt = sv_token_count(s), i;
        for (i = 2; i < nt; i++)
            if (tk_is(s, i, "command"))
                break;
        model_add_onbox(x->a, m, "scheduler", dup(x, tk(s, 1)),
                        i < nt && risky_command(sv_after_tokens(s, i + 1)), n);
    } else if (starts(s, "copp profile") && !neg) {
        x->copp_node = n;
    } else if (starts(s, "system control-plane") && !neg) {
        const char *acl = NULL;
        eos_access_groups(x, n, "control-plane", &acl);
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (!active(c))
                continue;
            if (starts(cfg_text(c), "ip access-group") || starts(cfg_text(c), "service-policy"))
                x->copp_node = c;
            else if (starts(cfg_text(c), "no service-policy input"))
                x->copp_removed = c;
        }
    }
}

static void finish_plane(struct cx *x)
{
    struct device_model *m = x->m;
    if (x->copp_node && x->d == DIALECT_CISCO_NXOS &&
        starts(cfg_text(x->copp_node), "copp profile lenient")) {
        fact_set(&m->copp, FACT_OFF, x->copp_node);
        m->copp.why = "the lenient CoPP profile lets high rates through to the supervisor";
    } else if (x->copp_node) {
        fact_set(&m->copp, FACT_ON, x->copp_node);
    } else if (x->copp_removed && x->d == DIALECT_ARISTA_EOS) {
        fact_set(&m->copp, FACT_OFF, x->copp_removed);
        m->copp.why = "the default CoPP policy (copp-system-policy) was removed";
    } else {
        switch (x->d) {
        case DIALECT_CISCO_IOS:
            fact_default(&m->copp, FACT_OFF, "no 'control-plane' service-policy");
            break;
        case DIALECT_CISCO_NXOS:
            fact_unknown(&m->copp, "no 'copp profile' in the configuration: NX-OS applies one at "
                                   "first setup, but it is not shown");
            break;
        case DIALECT_CISCO_IOSXR:
            fact_default(&m->copp, FACT_ON,
                         "LPTS polices traffic to the route processor by "
                         "default");
            break;
        case DIALECT_ARISTA_EOS:
            fact_default(&m->copp, FACT_ON,
                         "EOS applies its default control-plane ACL and "
                         "CoPP policy");
            break;
        default:
            fact_unknown(&m->copp, "the ASA has no control-plane policing in this sense; "
                                   "'access-group ... control-plane' was not found");
            break;
        }
    }
    if (x->mpp_oob)
        fact_set(&m->mgmt_vrf, FACT_ON, x->mpp_oob);
    else if (x->ssh_vrf_other && !x->ssh_vrf_default)
        fact_set(&m->mgmt_vrf, FACT_ON, x->ssh_vrf_other);
    else if (x->mgmt_vrf_node)
        fact_set(&m->mgmt_vrf, FACT_ON, x->mgmt_vrf_node);
    else if (x->ssh_vrf_default)
        fact_set(&m->mgmt_vrf, FACT_OFF, x->ssh_vrf_default);
    else
        fact_default(&m->mgmt_vrf, FACT_OFF,
                     "no management service is confined to a management VRF or port");
}

/* XR "tftp [vrf V] ipv4|ipv6 server homedir DIR [access-list A] ...": a cleartext server. */
static void h_xr_tftp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    size_t nt = sv_token_count(s);
    bool server = false;
    struct sv vrf = sv_make("", 0), acl = sv_make("", 0);
    for (size_t i = 1; i < nt; i++) {
        if (tk_is(s, i, "server"))
            server = true;
        else if (tk_is(s, i, "vrf"))
            vrf = tk(s, i + 1);
        else if (tk_is(s, i, "access-list"))
            acl = tk(s, i + 1);
    }
    if (!server || neg)
        return;
    struct mgmt_service *v = model_add_service(x->a, x->m, "tftp-server", true, FACT_ON, n);
    v->vrf = dup(x, vrf);
    v->acl_name = dup(x, acl);
}

/* ------------------------------------------------------------ dispatch */

static void top_statement(struct cx *x, const struct cfg_node *n)
{
    bool neg;
    struct sv s = stmt(n, &neg);
    struct sv w = tk(s, 0);
    if (w.n == 0)
        return;
    switch (w.p[0]) {
    case 'A':
    case 'F':
        if (!neg)
            h_identity(x, n, s);
        break;
    case 'a':
        if (sv_eq_cstr(w, "aaa"))
            h_aaa(x, n, s, neg);
        else if (sv_eq_cstr(w, "access-list") && !neg)
            h_access_list(x, n, s);
        else if (sv_eq_cstr(w, "aaa-server") && !neg)
            h_asa_aaa_server(x, n, s);
        else if (sv_eq_cstr(w, "archive") && !neg)
            h_archive(x, n);
        else if (sv_eq_cstr(w, "access-group") && !neg)
            h_access_group(x, s);
        else
            h_misc(x, n, s, neg);
        break;
    case 'b':
        if (sv_eq_cstr(w, "banner") && !neg)
            h_banner(x, n, s);
        break;
    case 'c':
        if (sv_eq_cstr(w, "crypto") && !neg)
            h_crypto(x, n, s);
        else if (sv_eq_cstr(w, "control-plane") && !neg)
            h_control_plane(x, n);
        else
            h_misc(x, n, s, neg);
        break;
    case 'd':
    case 'g':
    case 'x':
        h_misc(x, n, s, neg);
        break;
    case 'e':
        if (sv_eq_cstr(w, "enable") && !neg)
            h_enable(x, n, s);
        else if ((sv_eq_cstr(w, "event") || sv_eq_cstr(w, "event-handler")) && !neg)
            h_event(x, n, s);
        break;
    case 'f':
        if (sv_eq_cstr(w, "feature"))
            h_feature(x, n, s, neg);
        else if (starts(s, "ftp-server enable"))
            svc(x, "ftp-server", true, neg ? FACT_OFF : FACT_ON, n);
        break;
    case 'h':
        if (sv_eq_cstr(w, "hostname") && !neg)
            h_identity(x, n, s);
        else if (sv_eq_cstr(w, "http") && x->d == DIALECT_CISCO_ASA)
            h_http_asa(x, n, s, neg);
        break;
    case 'i':
        if (sv_eq_cstr(w, "ip"))
            h_ip(x, n, s, neg);
        else if ((sv_eq_cstr(w, "ipv4") || sv_eq_cstr(w, "ipv6")) && tk_is(s, 1, "access-list") &&
                 !neg)
            h_ip_access_list(x, n, s, 2);
        else if (starts(s, "ipv6 router ospf") && !neg)
            h_router_igp(x, n, s, 1);
        else if (starts(s, "ipv4 source-route"))
            legacy_set(&x->m->legacy.source_route, !neg, n);
        else if (sv_eq_cstr(w, "interface") && !neg)
            h_interface(x, n, s);
        else
            h_misc(x, n, s, neg);
        break;
    case 'k':
        if (starts(s, "key chain") && !neg)
            h_key_chain(x, n);
        else
            h_misc(x, n, s, neg);
        break;
    case 'l':
        if (sv_eq_cstr(w, "line") && !neg)
            h_line(x, n, s);
        else if (sv_eq_cstr(w, "logging"))
            h_logging(x, n, s, neg);
        else if (sv_eq_cstr(w, "login"))
            h_login(x, n, s, neg);
        else
            h_misc(x, n, s, neg);
        break;
    case 'm':
        if (sv_eq_cstr(w, "management") && !neg)
            h_management(x, n, s);
        else if ((sv_eq_cstr(w, "monitor") || sv_eq_cstr(w, "monitor-session")) && !neg)
            h_monitor(x, n, s);
        break;
    case 'n':
        if (sv_eq_cstr(w, "ntp"))
            h_ntp(x, n, s, neg);
        else if (sv_eq_cstr(w, "nxapi"))
            h_nxapi(x, n, s, neg);
        else if (sv_eq_cstr(w, "name") && x->d == DIALECT_CISCO_ASA && !neg && tk(s, 2).n &&
                 cap_ok(x->nasa_names)) {
            x->asa_name = model_grow(x->a, x->asa_name, x->nasa_names, sizeof(struct sv));
            x->asa_addr = model_grow(x->a, x->asa_addr, x->nasa_names, sizeof(struct sv));
            x->asa_addr[x->nasa_names] = tk(s, 1);
            x->asa_name[x->nasa_names] = tk(s, 2);
            ix_add(x->a, &x->name_ix, hash_sv(HASH_SEED, tk(s, 2)), x->nasa_names++);
        } else
            h_misc(x, n, s, neg);
        break;
    case 'p':
        if (sv_eq_cstr(w, "passwd") && !neg)
            model_add_secret(x->a, x->m, "line-password", cisco_secret(x, s, 1, n, NULL));
        else
            h_misc(x, n, s, neg);
        break;
    case 'r':
        if (sv_eq_cstr(w, "radius-server") && !neg)
            h_aaa_server_legacy(x, n, s, AAA_RADIUS);
        else if (starts(s, "radius server") && !neg)
            h_aaa_server_block(x, n, AAA_RADIUS);
        else if (starts(s, "router bgp") && !neg)
            h_router_bgp(x, n, s);
        else if ((starts(s, "router ospf") || starts(s, "router ospfv3")) && !neg)
            h_router_igp(x, n, s, starts(s, "router ospfv3") ? 1 : 0);
        else if (starts(s, "router isis") && !neg)
            h_router_igp(x, n, s, 2);
        else
            h_misc(x, n, s, neg);
        break;
    case 's':
        if (sv_eq_cstr(w, "service"))
            h_service(x, n, s, neg);
        else if (sv_eq_cstr(w, "snmp-server"))
            h_snmp(x, n, s, neg);
        else if (sv_eq_cstr(w, "ssh"))
            h_ssh(x, n, s, neg);
        else if (sv_eq_cstr(w, "switchname") && !neg)
            h_identity(x, n, s);
        else if (sv_eq_cstr(w, "system") || sv_eq_cstr(w, "security") ||
                 sv_eq_cstr(w, "schedule") || sv_eq_cstr(w, "scheduler"))
            h_misc(x, n, s, neg);
        break;
    case 't':
        if (sv_eq_cstr(w, "tacacs-server") && !neg)
            h_aaa_server_legacy(x, n, s, AAA_TACACS);
        else if (starts(s, "tacacs server") && !neg)
            h_aaa_server_block(x, n, AAA_TACACS);
        else if (sv_eq_cstr(w, "telnet"))
            h_telnet(x, n, s, neg);
        else if (sv_eq_cstr(w, "tunnel-group") && !neg)
            h_tunnel_group(x, n);
        else if (sv_eq_cstr(w, "tftp-server"))
            h_misc(x, n, s, neg);
        else if (sv_eq_cstr(w, "tftp") && x->d == DIALECT_CISCO_IOSXR)
            h_xr_tftp(x, n, s, neg);
        break;
    case 'u':
        if (sv_eq_cstr(w, "username") && !neg)
            h_username(x, n, s);
        break;
    case 'v':
        if (sv_eq_cstr(w, "version") && !neg)
            h_identity(x, n, s);
        else if (sv_eq_cstr(w, "vstack") || sv_eq_cstr(w, "virtual-service"))
            h_misc(x, n, s, neg);
        else if (sv_eq_cstr(w, "vty-pool") && !neg) {
            /* XR: vty-pool NAME FIRST LAST [line-template T] */
            x->vty_pool_node = n;
            size_t nt = sv_token_count(s);
            for (size_t i = 4; i + 1 < nt; i++)
                if (tk_is(s, i, "line-template") &&
                    x->nxr_templates_used < ARRAY_SIZE(x->xr_templates_used))
                    x->xr_templates_used[x->nxr_templates_used++] = tk(s, i + 1);
        }
        break;
    default:
        break;
    }
}

/* ------------------------------------------------------------ finish */

static bool any_line_ssh(const struct device_model *m)
{
    for (size_t i = 0; i < m->nlines; i++)
        if (m->lines[i].kind == LINE_VTY && m->lines[i].ssh_in.state == FACT_ON)
            return true;
    return false;
}

static void finish_ssh(struct cx *x)
{
    struct device_model *m = x->m;
    struct ssh_facts *ssh = &m->ssh;
    switch (x->d) {
    case DIALECT_CISCO_IOS:
        if (x->ssh_cfg_node) {
            fact_set(&ssh->enabled, FACT_ON, x->ssh_cfg_node);
            ssh->enabled.why = "configured; the RSA host key it needs is not shown in the config";
        } else if (any_line_ssh(m)) {
            fact_set(&ssh->enabled, FACT_ON, NULL);
            ssh->enabled.ev = ssh->ev;
            ssh->enabled.why = "a vty line accepts ssh; the host key is not shown in the config";
        } else {
            fact_unknown(&ssh->enabled, "no 'ip ssh' statement: SSH runs when an RSA host key "
                                        "exists, which the configuration does not show");
        }
        break;
    case DIALECT_CISCO_NXOS:
    case DIALECT_ARISTA_EOS:
        if (x->ssh_off_node)
            fact_set(&ssh->enabled, FACT_OFF, x->ssh_off_node);
        else if (x->ssh_cfg_node)
            fact_set(&ssh->enabled, FACT_ON, x->ssh_cfg_node);
        else
            fact_default(&ssh->enabled, FACT_ON,
                         x->d == DIALECT_CISCO_NXOS ? "feature ssh is on by default"
                                                    : "management ssh is on by default");
        break;
    default: /* XR and ASA: off unless configured */
        if (x->ssh_cfg_node)
            fact_set(&ssh->enabled, FACT_ON, x->ssh_cfg_node);
        else
            fact_default(&ssh->enabled, FACT_OFF,
                         x->d == DIALECT_CISCO_ASA
                             ? "no 'ssh ADDR MASK IF' statement: the ASA accepts SSH from no host"
                             : "no 'ssh server' statement: the SSH server is off");
        break;
    }
    if (ssh->enabled.state != FACT_OFF && !x->ssh_port_set)
        ssh->port = 22;
    if (x->d == DIALECT_CISCO_ASA && ssh->idle_timeout_seconds < 0)
        ssh->idle_timeout_seconds = 300; /* ASA default: 5 minutes */

    /* protocol version */
    if (x->ssh_ver_node) {
        fact_set(&ssh->v1_allowed, x->ssh_ver == 2 ? FACT_OFF : FACT_ON, x->ssh_ver_node);
        fact_lines_add(&ssh->ev, x->ssh_ver_node);
    } else if (x->d == DIALECT_CISCO_NXOS || x->d == DIALECT_ARISTA_EOS) {
        fact_default(&ssh->v1_allowed, FACT_OFF, "SSH version 2 only on this platform");
    } else if (x->d == DIALECT_CISCO_IOSXR && ssh->enabled.state == FACT_ON && m->os_version &&
               isdigit((unsigned char)m->os_version[0]) && atoi(m->os_version) <= 4) {
        /* releases up to 4.x document both versions, v1 included unless 'ssh server v2' */
        fact_set(&ssh->v1_allowed, FACT_ON, x->ssh_cfg_node);
        ssh->v1_allowed.why = "no 'ssh server v2': this IOS XR release also accepts SSH version 1";
    } else if (x->d == DIALECT_CISCO_IOSXR) {
        fact_unknown(&ssh->v1_allowed, "no 'ssh server v2': older IOS XR releases also accept "
                                       "SSH version 1");
    } else if (x->d == DIALECT_CISCO_ASA) {
        fact_unknown(&ssh->v1_allowed, "no 'ssh version 2': older ASA releases accept both "
                                       "versions");
    } else {
        fact_unknown(&ssh->v1_allowed, "no 'ip ssh version 2': the server runs compatibility "
                                       "mode (1.99, SSHv1 accepted) on older images");
    }

    /* algorithms */
    if (x->saw_ciphers) {
        bool weak = x->ssh_weak_node != NULL;
        for (size_t i = 0; i < ssh->nciphers; i++) {
            struct sv c = sv_from_cstr(ssh->ciphers[i]);
            weak |=
                model_ssh_cipher_is_weak(c) ||
                (x->d == DIALECT_CISCO_ASA &&
                 (model_sv_ieq(c, "all") || model_sv_ieq(c, "low") || model_sv_ieq(c, "medium")));
        }
        ssh->weak_ciphers.state = weak ? FACT_ON : FACT_OFF;
        ssh->weak_ciphers.ev = ssh->algo_ev;
    } else if (x->ssh_weak_node) {
        fact_set(&ssh->weak_ciphers, FACT_ON, x->ssh_weak_node);
    } else if (x->d == DIALECT_CISCO_NXOS) {
        fact_default(&ssh->weak_ciphers, FACT_OFF,
                     "NX-OS offers CTR ciphers only unless 'ssh cipher-mode weak'");
    } else {
        fact_unknown(&ssh->weak_ciphers, "no SSH cipher list: the default list is "
                                         "release-dependent");
    }
    if (x->saw_macs) {
        bool weak = false, level_unknown = false;
        for (size_t i = 0; i < ssh->nmacs; i++) {
            struct sv c = sv_from_cstr(ssh->macs[i]);
            weak |= model_ssh_mac_is_weak(c);
            if (x->d == DIALECT_CISCO_ASA) {
                /* ASA levels: all and low include the MD5 and SHA-1 MACs, high is SHA-2
                 * only; what medium and fips hold differs between releases */
                weak |= model_sv_ieq(c, "all") || model_sv_ieq(c, "low");
                level_unknown |= model_sv_ieq(c, "medium") || model_sv_ieq(c, "fips");
            }
        }
        ssh->weak_macs.state = weak ? FACT_ON : level_unknown ? FACT_UNKNOWN : FACT_OFF;
        ssh->weak_macs.ev = ssh->algo_ev;
        if (!weak && level_unknown)
            ssh->weak_macs.why = "the MACs of the ASA 'medium' and 'fips' integrity levels differ "
                                 "between releases (older ones include HMAC-SHA1)";
    } else {
        fact_unknown(&ssh->weak_macs, "no SSH MAC list: the default list is release-dependent");
    }
    if (x->eos_root_node) {
        /* EOS: a root secret enables the root (bash) account, which may log in over SSH */
        fact_set(&ssh->root_login, FACT_ON, x->eos_root_node);
        return;
    }
    if (x->d == DIALECT_CISCO_IOSXR) {
        /* root-system is the XR superuser group: its local members are root logins */
        for (size_t i = 0; i < m->naccounts; i++)
            if (m->accounts[i].role && !strcmp(m->accounts[i].role, "root-system"))
                fact_set(&ssh->root_login, FACT_ON, m->accounts[i].node);
        if (ssh->root_login.state == FACT_ON) {
            ssh->root_login.why = "local users in root-system can log in with full rights";
            return;
        }
        fact_default(&ssh->root_login, FACT_OFF, "no local user in root-system");
        return;
    }
    if (x->d == DIALECT_ARISTA_EOS) {
        fact_default(&ssh->root_login, FACT_OFF, "no 'aaa root': the root account is disabled");
        return;
    }
    /* IOS, NX-OS, ASA: no root account apart from the local users (AAA-DEFAULT-ACCOUNTS) */
    fact_unknown(&ssh->root_login, "no separate root login on this platform");
}

static void finish_services(struct cx *x)
{
    struct device_model *m = x->m;
    switch (x->d) {
    case DIALECT_CISCO_IOS: {
        size_t nvty = 0;
        for (size_t i = 0; i < m->nlines; i++)
            nvty += m->lines[i].kind == LINE_VTY;
        if (nvty == 0)
            fact_unknown(&m->telnet_server,
                         "no 'line vty' in the configuration: the vty defaults are "
                         "release-dependent");
        break;
    }
    case DIALECT_CISCO_NXOS:
        if (x->telnet_on)
            fact_set(&m->telnet_server, FACT_ON, x->telnet_on);
        else if (x->telnet_off)
            fact_set(&m->telnet_server, FACT_OFF, x->telnet_off);
        else
            fact_default(&m->telnet_server, FACT_OFF, "feature telnet is off by default");
        break;
    case DIALECT_ARISTA_EOS:
        if (x->telnet_on)
            fact_set(&m->telnet_server, FACT_ON, x->telnet_on);
        else if (x->telnet_off)
            fact_set(&m->telnet_server, FACT_OFF, x->telnet_off);
        else
            fact_default(&m->telnet_server, FACT_OFF, "management telnet is shut by default");
        break;
    case DIALECT_CISCO_IOSXR:
        if (x->telnet_on) {
            m->telnet_server.state = FACT_ON;
        } else {
            fact_default(&m->telnet_server, FACT_OFF,
                         "no 'telnet ... server' statement: the telnet server is off");
        }
        break;
    case DIALECT_CISCO_ASA:
        if (x->telnet_on)
            m->telnet_server.state = FACT_ON;
        else
            fact_default(&m->telnet_server, FACT_OFF,
                         "no 'telnet ADDR MASK IF' statement: the ASA accepts telnet from no host");
        break;
    default:
        break;
    }

    if (x->xml_tty_node) {
        bool clear = m->telnet_server.state == FACT_ON;
        struct mgmt_service *v =
            model_add_service(x->a, m, "xml-agent-tty", clear, FACT_ON, x->xml_tty_node);
        if (clear)
            fact_lines_add(&v->state.ev, x->telnet_on);
    }
    if (x->d == DIALECT_CISCO_ASA) {
        /* HTTPS (ASDM) answers only the hosts of "http ADDR MASK IF" */
        struct mgmt_service *hs = model_find_service(m, "https", NULL);
        for (size_t i = 0; hs && !hs->acl_name && i < m->nmgmt_paths; i++)
            if (strcmp(m->mgmt_paths[i].service, "http") == 0)
                hs->acl_name = m->mgmt_paths[i].acl_name;
    }
    if (x->d == DIALECT_CISCO_IOS) {
        struct mgmt_service *h, *hs;
        if (x->http_node) {
            h = svc(x, "http", true, x->http_on ? FACT_ON : FACT_OFF, x->http_node);
        } else {
            h = model_add_service(x->a, m, "http", true, FACT_UNKNOWN, NULL);
            fact_unknown(&h->state, "no 'ip http server' statement: the factory default differs "
                                    "by image");
        }
        if (x->https_node) {
            hs = svc(x, "https", false, x->https_on ? FACT_ON : FACT_OFF, x->https_node);
        } else {
            hs = model_add_service(x->a, m, "https", false, FACT_UNKNOWN, NULL);
            fact_unknown(&hs->state, "no 'ip http secure-server' statement: the factory default "
                                     "differs by image");
        }
        if (h && x->http_port > 0)
            h->port = x->http_port;
        if (hs && x->https_port > 0)
            hs->port = x->https_port;
        if (x->http_acl) {
            if (h)
                h->acl_name = x->http_acl;
            if (hs)
                hs->acl_name = x->http_acl;
            if (x->http_on || x->https_on || !x->http_node || !x->https_node)
                model_add_mgmt_path(x->a, m, "http", x->http_acl, x->http_acl_node);
        } else if (x->http_on || x->https_on) {
            model_add_mgmt_path(x->a, m, "http", NULL, x->https_on ? x->https_node : x->http_node);
        }
    }
}

static void finish_aaa(struct cx *x)
{
    struct device_model *m = x->m;
    struct aaa_facts *aaa = &m->aaa;
    if (x->d == DIALECT_CISCO_IOS && !x->aaa_new_model) {
        fact_default(&aaa->central_login, FACT_OFF,
                     "no 'aaa new-model': line passwords and local accounts only");
        fact_default(&aaa->local_fallback, FACT_ON, "local accounts are the only method");
    } else if (x->login_central) {
        fact_set(&aaa->central_login, FACT_ON, x->aaa_login);
        fact_set(&aaa->local_fallback, x->login_local_fallback ? FACT_ON : FACT_OFF, x->aaa_login);
        if (!x->login_local_fallback && x->d == DIALECT_CISCO_NXOS) {
            aaa->local_fallback.state = FACT_ON;
            aaa->local_fallback.why = "NX-OS falls back to local accounts when no server answers";
        }
    } else if (x->aaa_login) {
        fact_set(&aaa->central_login, FACT_OFF, x->aaa_login);
        fact_set(&aaa->local_fallback, FACT_ON, x->aaa_login);
    } else {
        fact_default(&aaa->central_login, FACT_OFF,
                     "no login authentication list names a server group: local accounts only");
        fact_default(&aaa->local_fallback, FACT_ON, "local accounts are the only method");
    }
    if (x->aaa_acct_exec)
        fact_set(&aaa->accounting_exec, FACT_ON, x->aaa_acct_exec);
    else
        fact_default(&aaa->accounting_exec, FACT_OFF, "no session (exec) accounting to a server");
    if (x->aaa_acct_cmds)
        fact_set(&aaa->accounting_cmds, FACT_ON, x->aaa_acct_cmds);
    else
        fact_default(&aaa->accounting_cmds, FACT_OFF,
                     x->d == DIALECT_CISCO_NXOS
                         ? "no 'aaa accounting default group': commands stay in the local "
                           "accounting log"
                         : "no command accounting");
    if (x->aaa_authz_cmds)
        fact_set(&aaa->authz_cmds, FACT_ON, x->aaa_authz_cmds);
    else
        fact_default(&aaa->authz_cmds, FACT_OFF, "no per-command authorisation by a server");

    struct legacy_facts *lg = &m->legacy;
    if (x->pw_policy_node)
        fact_set(&lg->password_policy, FACT_ON, x->pw_policy_node);
    else if (x->pw_policy_off)
        fact_set(&lg->password_policy, FACT_OFF, x->pw_policy_off);
    else if (x->d == DIALECT_CISCO_NXOS)
        fact_default(&lg->password_policy, FACT_ON, "password strength-check is on by default");
    else
        fact_default(&lg->password_policy, FACT_OFF, "no password length or strength policy");
}

/* An event IOS XR logs by default: on, unless logging is suppressed (then
 * off, with the suppressing statement as evidence). */
static void xr_logged_by_default(struct fact_bool *f, const struct fact_bool *suppressed,
                                 const char *on_why, const char *off_why)
{
    bool sup = suppressed->state == FACT_ON;
    fact_default(f, sup ? FACT_OFF : FACT_ON, sup ? off_why : on_why);
    if (sup)
        f->ev = suppressed->ev;
}

static void finish_logging(struct cx *x)
{
    struct device_model *m = x->m;
    struct logging_facts *lg = &m->logging;
    int trap = lg->trap_level ? log_level(sv_from_cstr(lg->trap_level)) : -1;

    /* suppressed */
    if (x->log_off) {
        fact_set(&lg->suppressed, FACT_ON, x->log_off);
        lg->suppressed.why = "logging is switched off";
    } else if (x->trap_low) {
        fact_set(&lg->suppressed, FACT_ON, x->log_trap);
        lg->suppressed.why = "the syslog trap level drops most messages";
    } else if (x->d == DIALECT_CISCO_ASA && !x->log_on) {
        fact_default(&lg->suppressed, FACT_ON, "ASA logging is off unless 'logging enable'");
    } else if (x->log_trap) {
        fact_set(&lg->suppressed, FACT_OFF, x->log_trap);
        fact_lines_add(&lg->suppressed.ev, x->log_on);
    } else if (x->log_on) {
        fact_set(&lg->suppressed, FACT_OFF, x->log_on);
    } else if (x->d == DIALECT_CISCO_ASA) {
        fact_unknown(&lg->suppressed, "no 'logging trap' level: nothing is sent to syslog hosts");
    } else {
        fact_default(&lg->suppressed, FACT_OFF,
                     "logging is on with an informational trap level by default");
    }
    bool asa_logs = x->d == DIALECT_CISCO_ASA && x->log_on;

    /* login events */
    if (x->login_failure || x->login_success) {
        const struct cfg_node *ev = x->login_failure ? x->login_failure : x->login_success;
        fact_set(&lg->login_events, (x->login_failure && x->login_success) ? FACT_ON : FACT_OFF,
                 ev);
        fact_lines_add(&lg->login_events.ev, x->login_success);
        if (!(x->login_failure && x->login_success))
            lg->login_events.why =
                x->login_failure ? "failed logins only" : "successful logins only";
    } else if (x->log_level_aaa) {
        fact_set(&lg->login_events, FACT_ON, x->log_level_aaa);
    } else if (x->log_level_aaa_low) {
        fact_set(&lg->login_events, FACT_OFF, x->log_level_aaa_low);
        lg->login_events.why = "the authpriv facility logs below notifications only: login "
                               "messages are dropped";
    } else if (x->d == DIALECT_CISCO_IOSXR) {
        xr_logged_by_default(&lg->login_events, &lg->suppressed, "IOS XR logs logins by default",
                             "IOS XR logs logins by default, but logging is suppressed");
    } else if (asa_logs) {
        if (trap >= 6)
            fact_set(&lg->login_events, FACT_ON, x->log_trap);
        else
            fact_set(&lg->login_events, FACT_OFF, x->log_trap ? x->log_trap : x->log_on);
        lg->login_events.why = "ASA login messages are at the informational level";
    } else if (x->d == DIALECT_CISCO_NXOS) {
        fact_unknown(&lg->login_events,
                     "no 'logging level authpri' or 'login on-failure log': "
                     "what NX-OS sends to syslog by default is release-dependent");
    } else {
        fact_default(&lg->login_events, FACT_OFF,
                     x->d == DIALECT_ARISTA_EOS
                         ? "no 'aaa authentication policy on-failure log'"
                         : "no 'login on-failure log' / 'login on-success log'");
    }

    /* configuration changes */
    if (x->archive_log) {
        fact_set(&lg->config_changes, FACT_ON, x->archive_log);
    } else if (x->aaa_acct_cmds) {
        fact_set(&lg->config_changes, FACT_ON, x->aaa_acct_cmds);
    } else if (x->d == DIALECT_CISCO_IOSXR) {
        xr_logged_by_default(&lg->config_changes, &lg->suppressed, "IOS XR logs commits by default",
                             "IOS XR logs commits by default, but logging is suppressed");
    } else if (asa_logs) {
        fact_set(&lg->config_changes, trap >= 5 ? FACT_ON : FACT_OFF,
                 x->log_trap ? x->log_trap : x->log_on);
        lg->config_changes.why = "ASA command messages are at the notification level";
    } else {
        fact_default(&lg->config_changes, FACT_OFF,
                     x->d == DIALECT_CISCO_NXOS ? "the local accounting log is not sent anywhere"
                     : x->d == DIALECT_ARISTA_EOS
                         ? "no 'aaa accounting commands ... logging|group'"
                         : "no 'archive / log config / logging enable' or command accounting");
    }

    /* NTP */
    struct ntp_facts *ntp = &m->ntp;
    if (x->ntp_auth && x->ntp_trusted && x->ntp_key) {
        fact_set(&ntp->auth_enabled, FACT_ON, x->ntp_auth);
        fact_lines_add(&ntp->auth_enabled.ev, x->ntp_key);
        fact_lines_add(&ntp->auth_enabled.ev, x->ntp_trusted);
    } else if (x->ntp_auth || x->ntp_key || x->ntp_trusted) {
        const struct cfg_node *ev = x->ntp_auth  ? x->ntp_auth
                                    : x->ntp_key ? x->ntp_key
                                                 : x->ntp_trusted;
        fact_set(&ntp->auth_enabled, FACT_OFF, ev);
        ntp->auth_enabled.why = !x->ntp_auth  ? "keys without 'ntp authenticate'"
                                : !x->ntp_key ? "'ntp authenticate' without a key"
                                              : "no 'ntp trusted-key'";
    } else {
        fact_default(&ntp->auth_enabled, FACT_OFF, "no 'ntp authenticate'");
    }
    for (size_t i = 0; i < 3; i++)
        fact_lines_add(&ntp->ev, i == 0 ? x->ntp_auth : i == 1 ? x->ntp_key : x->ntp_trusted);

    /* SNMP */
    struct snmp_facts *sn = &m->snmp;
    if (x->d == DIALECT_CISCO_ASA && model_find_acl(m, "snmp-hosts")) {
        const struct acl *h = model_find_acl(m, "snmp-hosts");
        for (size_t i = 0; i < sn->ncommunities; i++)
            if (!sn->communities[i].acl_name)
                sn->communities[i].acl_name = h->name;
        model_add_mgmt_path(x->a, m, "snmp", h->name, h->node);
    }
    if (x->snmp_off)
        fact_set(&sn->enabled, FACT_OFF, x->snmp_off);
    else if (x->snmp_first)
        fact_set(&sn->enabled, FACT_ON, x->snmp_first);
    else if (x->d == DIALECT_CISCO_NXOS)
        fact_unknown(&sn->enabled, "NX-OS runs the SNMP agent by default; its users follow the "
                                   "local accounts, which SNMP may accept");
    else
        fact_default(&sn->enabled, FACT_OFF, "no community or user: the agent does not answer");
}

static void finish_legacy(struct cx *x)
{
    struct legacy_facts *lg = &x->m->legacy;
    bool ios = x->d == DIALECT_CISCO_IOS;
#define DFLT(f, st, note)                                                                          \
    do {                                                                                           \
        if ((f).state == FACT_UNKNOWN && !(f).why && (f).ev.n == 0)                                \
            fact_default(&(f), (st), (note));                                                      \
    } while (0)
    if (ios) {
        DFLT(lg->small_servers, FACT_OFF, "TCP/UDP small servers are off by default since 11.3");
        DFLT(lg->finger, FACT_OFF, "finger is off by default on current images");
        DFLT(lg->bootp_server, FACT_ON, "the BOOTP server is on unless 'no ip bootp server'");
        DFLT(lg->dhcp_server, FACT_ON, "the DHCP service is on unless 'no service dhcp'");
        DFLT(lg->pad, FACT_ON, "PAD is on unless 'no service pad' (older images)");
        DFLT(lg->source_route, FACT_ON, "source routing is on unless 'no ip source-route'");
        DFLT(lg->identd, FACT_OFF, "identd is off by default");
        DFLT(lg->ip_domain_lookup, FACT_ON, "DNS lookup is on unless 'no ip domain lookup'");
        DFLT(lg->gratuitous_arps, FACT_ON, "gratuitous ARPs are sent unless disabled");
        DFLT(lg->config_service, FACT_OFF, "'service config' is off by default");
        DFLT(lg->directed_broadcast, FACT_OFF, "directed broadcast is off since 12.0");
        DFLT(lg->service_password_encryption, FACT_OFF,
             "no 'service password-encryption': type 0 passwords stay in cleartext");
        if (lg->smart_install.state == FACT_UNKNOWN && !lg->smart_install.ev.n)
            fact_unknown(&lg->smart_install, "no 'no vstack': Smart Install is on by default on "
                                             "older images of SMI-capable switches");
    } else {
        DFLT(lg->service_password_encryption, FACT_ON,
             "local passwords are always stored hashed or encrypted on this platform");
        static const char *const none = "not a service of this platform";
        DFLT(lg->small_servers, FACT_OFF, none);
        DFLT(lg->finger, FACT_OFF, none);
        DFLT(lg->pad, FACT_OFF, none);
        DFLT(lg->bootp_server, FACT_OFF, none);
        DFLT(lg->identd, FACT_OFF, none);
        DFLT(lg->config_service, FACT_OFF, none);
        DFLT(lg->dhcp_server, FACT_OFF, "no DHCP server configured");
        DFLT(lg->directed_broadcast, FACT_OFF, "directed broadcast is off by default");
        if (x->d == DIALECT_CISCO_IOSXR)
            DFLT(lg->source_route, FACT_OFF,
                 "source-routed packets are dropped unless 'ipv4 source-route'");
        else if (x->d == DIALECT_CISCO_ASA)
            DFLT(lg->source_route, FACT_OFF,
                 "the ASA drops packets with source-route options by default");
        else if (lg->source_route.state == FACT_UNKNOWN && !lg->source_route.ev.n)
            fact_unknown(&lg->source_route,
                         "the handling of source-routed packets is not shown in the config");
        if (x->d == DIALECT_CISCO_IOSXR) {
            DFLT(lg->small_servers, FACT_OFF, "small servers are off unless configured");
            DFLT(lg->redirects, FACT_OFF, "IOS XR sends no redirects unless 'ipv4 redirects'");
        } else if (x->d == DIALECT_ARISTA_EOS) {
            DFLT(lg->redirects, FACT_ON, "EOS sends ICMP redirects by default");
        }
        lg->smart_install.state = FACT_OFF;
        lg->smart_install.is_default = true;
        lg->smart_install.why = "Smart Install exists on IOS switches only";
    }

    /* CDP/LLDP globally */
    if (x->cdp_on || x->lldp_on) {
        fact_set(&lg->discovery, FACT_ON, x->cdp_on ? x->cdp_on : x->lldp_on);
        fact_lines_add(&lg->discovery.ev, x->lldp_on);
    } else if (x->d == DIALECT_ARISTA_EOS) {
        if (x->lldp_off)
            fact_set(&lg->discovery, FACT_OFF, x->lldp_off);
        else
            fact_default(&lg->discovery, FACT_ON, "LLDP is on by default on EOS");
    } else if (x->d == DIALECT_CISCO_NXOS) {
        if (x->cdp_off) {
            fact_set(&lg->discovery, FACT_OFF, x->cdp_off);
            fact_lines_add(&lg->discovery.ev, x->lldp_off);
        } else
            fact_default(&lg->discovery, FACT_ON, "CDP is on by default on NX-OS");
    } else if (x->d == DIALECT_CISCO_IOSXR) {
        fact_default(&lg->discovery, FACT_OFF, "CDP and LLDP are off unless configured on IOS XR");
    } else if (x->d == DIALECT_CISCO_ASA) {
        fact_default(&lg->discovery, FACT_OFF, "the ASA runs no CDP or LLDP");
    } else if (x->cdp_off) {
        fact_set(&lg->discovery, FACT_OFF, x->cdp_off);
        fact_lines_add(&lg->discovery.ev, x->lldp_off);
    } else {
        fact_unknown(&lg->discovery, "no 'cdp run' or 'no cdp run': CDP is on by default on "
                                     "switches and off on many IOS-XE routers");
    }

    /* type 6 / master-key encryption of shared secrets */
    if (x->secret_enc_node) {
        fact_set(&lg->secret_encryption, FACT_ON, x->secret_enc_node);
    } else {
        bool has6 = false;
        for (size_t i = 0; i < x->m->nother_secrets; i++)
            if (x->m->other_secrets[i].type == SECRET_CISCO6) {
                has6 = true;
                fact_set(&lg->secret_encryption, FACT_ON, x->m->other_secrets[i].node);
                lg->secret_encryption.why = "type 6 keys are present";
                break;
            }
        if (!has6)
            fact_default(&lg->secret_encryption, FACT_OFF,
                         "no 'password encryption aes' (or platform equivalent): shared keys are "
                         "stored in cleartext or type 7");
    }
#undef DFLT
}

/* ------------------------------------------------------------ entry */

void model_extract_cisco(const struct cfg_tree *t, struct device_model *m)
{
    struct cx *x = arena_alloc(t->arena, sizeof(*x));
    x->t = t;
    x->a = t->arena;
    x->m = m;
    x->d = t->dialect;
    x->local_as = -1;
    x->http_port = x->https_port = -1;
    x->cur_if = SIZE_MAX;
    m->dialect = t->dialect;
    m->ssh.port = -1;
    m->ssh.idle_timeout_seconds = -1;
    m->bgp.local_as = -1;

    scan_headers(x);
    for (const struct cfg_node *n = t->first; n; n = n->next)
        if (active(n))
            top_statement(x, n);

    finish_interfaces(x);
    finish_bgp(x);
    finish_igp(x);
    finish_ssh(x);
    finish_services(x);
    finish_lines(x);
    finish_aaa(x);
    finish_logging(x);
    finish_legacy(x);
    finish_plane(x);
}
