/*
 * model.c - the parts of the security model shared by every extractor:
 * fact helpers, secret naming and classification, algorithm judgements,
 * array growth and builders (extract.h), model_extract() dispatch and
 * reference resolution.
 */
#include "model/extract.h"

#include <assert.h>
#include <ctype.h>
#include <string.h>

/* ------------------------------------------------------------------ facts */

void fact_lines_add(struct fact_lines *l, const struct cfg_node *n)
{
    if (!n)
        return;
    for (uint8_t i = 0; i < l->n; i++)
        if (l->nodes[i] == n)
            return;
    if (l->n < FACT_MAX_LINES)
        l->nodes[l->n++] = n;
}

void fact_set(struct fact_bool *f, enum fact_state s, const struct cfg_node *n)
{
    f->state = s;
    f->is_default = false;
    f->why = NULL;
    fact_lines_add(&f->ev, n);
}

void fact_default(struct fact_bool *f, enum fact_state s, const char *note)
{
    f->state = s;
    f->is_default = true;
    f->why = note;
}

void fact_unknown(struct fact_bool *f, const char *why)
{
    f->state = FACT_UNKNOWN;
    f->is_default = false;
    f->why = why;
}

/* ---------------------------------------------------------------- secrets */

static const char *const secret_names[SECRET_COUNT] = {
    [SECRET_NONE] = "none",
    [SECRET_PLAINTEXT] = "plaintext",
    [SECRET_CISCO7] = "cisco-type7",
    [SECRET_CISCO6] = "cisco-type6",
    [SECRET_MD5] = "md5",
    [SECRET_SHA256_CRYPT] = "sha256-crypt",
    [SECRET_SHA512_CRYPT] = "sha512-crypt",
    [SECRET_CISCO8] = "cisco-type8",
    [SECRET_CISCO9] = "cisco-type9",
    [SECRET_PBKDF2] = "pbkdf2",
    [SECRET_JUNOS9] = "junos-type9",
    [SECRET_JUNOS8] = "junos-type8",
    [SECRET_VRP_CIPHER] = "vrp-cipher",
    [SECRET_VRP_IRREVERSIBLE] = "vrp-irreversible",
    [SECRET_SROS_HASH] = "sros-hash",
    [SECRET_SROS_HASH2] = "sros-hash2",
    [SECRET_FORTI_ENC] = "fortios-enc",
    [SECRET_REDACTED] = "removed-by-collector",
    [SECRET_OTHER_HASH] = "other-hash",
    [SECRET_CISCO4] = "cisco-type4",
    [SECRET_FORTI_SH2] = "fortios-sha256",
    [SECRET_FORTI_ENC_PRIVATE] = "fortios-enc-private-key",
};

const char *secret_type_name(enum secret_type t)
{
    if ((unsigned)t >= SECRET_COUNT || !secret_names[t])
        return "unknown";
    return secret_names[t];
}

bool secret_type_is_strong_hash(enum secret_type t)
{
    switch (t) {
    case SECRET_SHA256_CRYPT:
    case SECRET_SHA512_CRYPT:
    case SECRET_CISCO8:
    case SECRET_CISCO9:
    case SECRET_PBKDF2:
    case SECRET_VRP_IRREVERSIBLE:
    case SECRET_SROS_HASH2:
        return true;
    default:
        return false;
    }
}

bool secret_type_is_reversible(enum secret_type t)
{
    switch (t) {
    case SECRET_PLAINTEXT:
    case SECRET_CISCO7:
    case SECRET_CISCO6:
    case SECRET_JUNOS9:
    case SECRET_JUNOS8:
    case SECRET_VRP_CIPHER:
    case SECRET_FORTI_ENC:
    case SECRET_FORTI_ENC_PRIVATE:
        return true;
    default:
        return false;
    }
}

/*
 * A filler a collector or an author typed where the secret was: runs of one
 * character, each at least four long ("AAAAAAAAAABBBBBBBBBBCCCCCCCCCC",
 * "xxxxxxxx"), or a short run of '*' or '#'. No real secret or hash looks
 * like that.
 */
static bool is_filler(struct sv v)
{
    if (v.n >= 3 && v.n < 8) {
        size_t i = 0;
        while (i < v.n && v.p[i] == v.p[0])
            i++;
        if (i == v.n && (v.p[0] == '*' || v.p[0] == '#' || v.p[0] == 'x' || v.p[0] == 'X'))
            return true;
    }
    if (v.n < 8)
        return false;
    for (size_t i = 0; i < v.n;) {
        size_t j = i;
        while (j < v.n && v.p[j] == v.p[i])
            j++;
        if (j - i < 4)
            return false;
        i = j;
    }
    return true;
}

/* "%CENSORED%", "%REDACTED%": a word between two percent signs (VRP's own
 * cipher prefixes, "%^%#" and the like, are not letters). */
static bool is_percent_word(struct sv v)
{
    if (v.n < 4 || v.p[0] != '%' || v.p[v.n - 1] != '%')
        return false;
    for (size_t i = 1; i + 1 < v.n; i++)
        if (!isalpha((unsigned char)v.p[i]) && v.p[i] != '_' && v.p[i] != '-')
            return false;
    return true;
}

bool secret_is_redacted(struct sv v)
{
    v = sv_trim(sv_unquote(sv_trim(v)));
    if (v.n == 0)
        return false;
    if (v.p[0] == '<') {
        /* <removed>, <secret hidden>, <configuration removed>, <redacted>, <hidden> ... */
        return model_sv_icontains(v, "remove") || model_sv_icontains(v, "hidden") ||
               model_sv_icontains(v, "redact") || model_sv_icontains(v, "secret") ||
               model_sv_icontains(v, "password") || model_sv_icontains(v, "filtered");
    }
    if (is_filler(v) || is_percent_word(v))
        return true;
    /* Words a sanitiser writes, and the "very-secret-..." stand-ins of
     * published examples. */
    static const char *const words[] = {"censored", "redacted",    "sanitized", "sanitised",
                                        "removed",  "very-secret", "obfuscated"};
    for (size_t i = 0; i < ARRAY_SIZE(words); i++)
        if (model_sv_icontains(v, words[i]))
            return true;
    return model_sv_ieq(v, "REDACTED");
}

enum secret_type secret_classify_shape(struct sv v, bool cisco)
{
    v = sv_trim(sv_unquote(sv_trim(v)));
    if (v.n == 0)
        return SECRET_NONE;
    if (secret_is_redacted(v))
        return SECRET_REDACTED;
    if (v.n < 3 || v.p[0] != '$')
        return SECRET_NONE;
    if (sv_starts_with(v, "$1$"))
        return SECRET_MD5;
    if (sv_starts_with(v, "$5$"))
        return SECRET_SHA256_CRYPT;
    if (sv_starts_with(v, "$6$"))
        return SECRET_SHA512_CRYPT;
    if (sv_starts_with(v, "$8$"))
        return cisco ? SECRET_CISCO8 : SECRET_JUNOS8;
    if (sv_starts_with(v, "$9$"))
        return cisco ? SECRET_CISCO9 : SECRET_JUNOS9;
    if (sv_starts_with(v, "$14$"))
        return SECRET_CISCO9; /* scrypt variant seen on newer images */
    if (sv_starts_with(v, "$pbkdf2") || sv_starts_with(v, "$7$") || sv_starts_with(v, "$y$") ||
        sv_starts_with(v, "$2a$") || sv_starts_with(v, "$2b$") || sv_starts_with(v, "$2y$") ||
        sv_starts_with(v, "$argon2"))
        return SECRET_PBKDF2;
    return SECRET_NONE;
}

bool model_sv_is_digits(struct sv s)
{
    if (s.n == 0)
        return false;
    for (size_t i = 0; i < s.n; i++)
        if (!isdigit((unsigned char)s.p[i]))
            return false;
    return true;
}

enum secret_type secret_classify_cisco(struct sv type_token, struct sv value)
{
    value = sv_trim(value);
    if (value.n == 0 && type_token.n == 0)
        return SECRET_NONE;
    if (secret_is_redacted(value) || secret_is_redacted(type_token))
        return SECRET_REDACTED;
    if (value.n == 0)
        return SECRET_NONE;
    if (type_token.n) {
        if (model_sv_is_digits(type_token)) {
            long t = model_sv_long(type_token, -1);
            switch (t) {
            case 0:
                return SECRET_PLAINTEXT;
            case 4:
                return SECRET_CISCO4;
            case 5: {
                enum secret_type s = secret_classify_shape(value, true);
                /* NX-OS/EOS write crypt strings after "5" ($5$ sha256 or $1$ md5). */
                return s != SECRET_NONE ? s : SECRET_MD5;
            }
            case 6:
                return SECRET_CISCO6;
            case 7:
                return SECRET_CISCO7;
            case 8:
                return SECRET_CISCO8;
            case 9:
                return SECRET_CISCO9;
            case 10: /* IOS-XR sha512-crypt */
                return SECRET_SHA512_CRYPT;
            case 3: /* ASA/XR: aes-encrypted, reversible with the master key */
                return SECRET_CISCO6;
            default: {
                enum secret_type s = secret_classify_shape(value, true);
                return s != SECRET_NONE ? s : SECRET_OTHER_HASH;
            }
            }
        }
        if (model_sv_ieq(type_token, "sha512"))
            return SECRET_SHA512_CRYPT;
        if (model_sv_ieq(type_token, "pbkdf2"))
            return SECRET_PBKDF2;
        if (model_sv_ieq(type_token, "encrypted") || model_sv_ieq(type_token, "nt-encrypted")) {
            enum secret_type s = secret_classify_shape(value, true);
            return s != SECRET_NONE ? s : SECRET_MD5;
        }
        if (model_sv_ieq(type_token, "clear") || model_sv_ieq(type_token, "unencrypted"))
            return SECRET_PLAINTEXT;
        if (model_sv_ieq(type_token, "encryption") || model_sv_ieq(type_token, "ascii"))
            return SECRET_PLAINTEXT;
    }
    enum secret_type s = secret_classify_shape(value, true);
    return s != SECRET_NONE ? s : SECRET_PLAINTEXT;
}

enum secret_type secret_classify_junos(struct sv value)
{
    value = sv_trim(sv_unquote(sv_trim(value)));
    if (value.n == 0)
        return SECRET_NONE;
    enum secret_type s = secret_classify_shape(value, false);
    return s != SECRET_NONE ? s : SECRET_PLAINTEXT;
}

enum secret_type secret_classify_vrp(struct sv mode, struct sv value)
{
    value = sv_trim(sv_unquote(sv_trim(value)));
    if (secret_is_redacted(value))
        return SECRET_REDACTED;
    if (value.n == 0)
        return SECRET_NONE;
    if (model_sv_ieq(mode, "irreversible-cipher"))
        return SECRET_VRP_IRREVERSIBLE;
    if (model_sv_ieq(mode, "simple") || model_sv_ieq(mode, "plain"))
        return SECRET_PLAINTEXT;
    if (model_sv_ieq(mode, "cipher"))
        return SECRET_VRP_CIPHER;
    if (sv_starts_with(value, "%^%#") || sv_starts_with(value, "%@%@") ||
        sv_starts_with(value, "%$%$") || sv_starts_with(value, "%#%#"))
        return SECRET_VRP_CIPHER;
    enum secret_type s = secret_classify_shape(value, false);
    return s != SECRET_NONE ? s : SECRET_PLAINTEXT;
}

enum secret_type secret_classify_sros(struct sv value, struct sv suffix)
{
    value = sv_trim(sv_unquote(sv_trim(value)));
    if (secret_is_redacted(value))
        return SECRET_REDACTED;
    if (value.n == 0)
        return SECRET_NONE;
    if (model_sv_ieq(suffix, "hash2"))
        return SECRET_SROS_HASH2;
    if (model_sv_ieq(suffix, "hash"))
        return SECRET_SROS_HASH;
    enum secret_type s = secret_classify_shape(value, false);
    if (s == SECRET_JUNOS8 || s == SECRET_JUNOS9)
        s = SECRET_OTHER_HASH;
    if (s != SECRET_NONE)
        return s;
    /* MD-CLI shows hashed values as "$2y$..." (caught above) or with a
     * trailing " hash2"; anything else is the value as typed. */
    return SECRET_PLAINTEXT;
}

enum secret_type secret_classify_fortios(struct sv value)
{
    value = sv_trim(sv_unquote(sv_trim(value)));
    if (secret_is_redacted(value))
        return SECRET_REDACTED;
    if (value.n == 0)
        return SECRET_NONE;
    if (sv_starts_with_word(value, "ENC")) {
        /* Administrator passwords are one-way: "SH2" salted SHA-256 before
         * FortiOS 7.2.11/7.4.8/7.6.1, "PB2" PBKDF2 since. Other ENC values
         * are encrypted with a key every FortiGate shares. */
        struct sv body = sv_trim(sv_make(value.p + 3, value.n - 3));
        if (sv_starts_with(body, "SH2"))
            return SECRET_FORTI_SH2;
        if (sv_starts_with(body, "PB2"))
            return SECRET_PBKDF2;
        return SECRET_FORTI_ENC;
    }
    if (sv_starts_with(value, "SH2"))
        return SECRET_FORTI_SH2;
    if (sv_starts_with(value, "PB2"))
        return SECRET_PBKDF2;
    if (sv_starts_with(value, "AK1"))
        return SECRET_OTHER_HASH;
    return SECRET_PLAINTEXT;
}

struct secret model_secret(enum secret_type type, struct sv value, const struct cfg_node *n)
{
    struct secret s = {type, value, n};
    return s;
}

void model_add_secret(struct arena *a, struct device_model *m, const char *kind, struct secret s)
{
    if (s.type == SECRET_NONE)
        return;
    size_t n = m->nother_secrets;
    m->other_secret_kinds = model_grow(a, (void *)m->other_secret_kinds, n, sizeof(char *));
    m->other_secret_kinds[n] = kind;
    struct secret *slot = MODEL_PUSH(a, m->other_secrets, m->nother_secrets);
    *slot = s;
}

/* ------------------------------------------------------------- strings */

void *model_grow(struct arena *a, void *arr, size_t n, size_t elem)
{
    if (!arr || n == 0)
        return arena_alloc(a, 4 * elem);
    if (n < 4 || (n & (n - 1)) != 0)
        return arr;
    return arena_grow(a, arr, n, n * 2, elem);
}

const char *model_strdup(struct arena *a, struct sv s)
{
    if (!s.p)
        return NULL;
    return arena_strndup(a, s.p, s.n);
}

const char *model_strdup_unquoted(struct arena *a, struct sv s)
{
    if (!s.p)
        return NULL;
    return model_strdup(a, sv_unquote(s));
}

struct sv model_tok(const struct cfg_node *n, size_t i)
{
    struct sv t = sv_token(cfg_text(n), i);
    if (!t.p)
        t = sv_make("", 0);
    return t;
}

bool model_tok_is(const struct cfg_node *n, size_t i, const char *w)
{
    return sv_eq_cstr(model_tok(n, i), w);
}

bool model_sv_ieq(struct sv a, const char *s)
{
    /* Stops at the first difference: no strlen of the keyword. */
    for (size_t i = 0; i < a.n; i++)
        if (!s[i] || tolower((unsigned char)a.p[i]) != tolower((unsigned char)s[i]))
            return false;
    return s[a.n] == 0;
}

bool model_sv_icontains(struct sv a, const char *needle)
{
    size_t n = strlen(needle);
    if (n == 0)
        return true;
    if (a.n < n)
        return false;
    for (size_t i = 0; i + n <= a.n; i++) {
        size_t j = 0;
        while (j < n && tolower((unsigned char)a.p[i + j]) == tolower((unsigned char)needle[j]))
            j++;
        if (j == n)
            return true;
    }
    return false;
}

long model_sv_long(struct sv s, long dflt)
{
    long v;
    if (s.n == 0 || s.n > 18 || !sv_to_long(s, &v))
        return dflt;
    return v;
}

struct ip_prefix model_parse_addr(struct sv s)
{
    struct ip_prefix p;
    memset(&p, 0, sizeof(p));
    s = sv_unquote(sv_trim(s));
    if (s.n == 0 || s.n > 60 || !ip_prefix_parse(s, &p))
        memset(&p, 0, sizeof(p));
    return p;
}

bool model_proto_icmp_or_routing(struct sv w)
{
    static const char *const names[] = {"icmp", "ipv6-icmp", "ospf", "eigrp", "pim", "vrrp",
                                        "igmp", "rsvp",      "1",    "58",    "89",  "88",
                                        "103",  "112",       "2",    "46"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (model_sv_ieq(w, names[i]))
            return true;
    return false;
}

/* ----------------------------------------------------------- algorithms */

bool model_ssh_cipher_is_weak(struct sv c)
{
    return model_sv_icontains(c, "cbc") || model_sv_icontains(c, "3des") ||
           model_sv_icontains(c, "arcfour") || model_sv_icontains(c, "rc4") ||
           model_sv_icontains(c, "blowfish") || model_sv_icontains(c, "cast128") ||
           model_sv_icontains(c, "des") || model_sv_ieq(c, "none");
}

/* An SSH algorithm list read from the configuration: f on with weak_ev when
 * a name in it is weak, else off with ev. */
void model_ssh_list_weak(struct fact_bool *f, const char *const *names, size_t n,
                         bool (*is_weak)(struct sv), struct fact_lines ev,
                         struct fact_lines weak_ev)
{
    bool weak = false;
    for (size_t i = 0; i < n; i++)
        weak |= is_weak(sv_from_cstr(names[i]));
    f->state = weak ? FACT_ON : FACT_OFF;
    f->ev = weak ? weak_ev : ev;
}

bool model_ssh_mac_is_weak(struct sv mac)
{
    if (model_sv_icontains(mac, "md5") || model_sv_icontains(mac, "-96") ||
        model_sv_icontains(mac, "ripemd") || model_sv_icontains(mac, "umac-64") ||
        model_sv_ieq(mac, "none"))
        return true;
    /* hmac-sha1 / hmac-sha1-etm: SHA-1 based */
    return model_sv_icontains(mac, "sha1");
}

bool model_ssh_kex_is_weak(struct sv k)
{
    return model_sv_icontains(k, "group1-") || model_sv_icontains(k, "group1") ||
           model_sv_icontains(k, "-sha1") || model_sv_icontains(k, "gex-sha1") ||
           model_sv_icontains(k, "rsa1024");
}

bool model_ipsec_enc_is_weak(struct sv e)
{
    if (model_sv_icontains(e, "aes"))
        return false;
    return model_sv_icontains(e, "des") || model_sv_icontains(e, "null") ||
           model_sv_icontains(e, "rc4") || model_sv_icontains(e, "blowfish");
}

bool model_ipsec_integ_is_weak(struct sv i)
{
    if (model_sv_icontains(i, "sha256") || model_sv_icontains(i, "sha384") ||
        model_sv_icontains(i, "sha512") || model_sv_icontains(i, "sha-256") ||
        model_sv_icontains(i, "sha2"))
        return false;
    return model_sv_icontains(i, "md5") || model_sv_icontains(i, "sha");
}

bool model_ipsec_group_is_weak(struct sv g)
{
    /* accept "14", "group14", "dh-group14", "modp2048"... */
    size_t i = 0;
    while (i < g.n && !isdigit((unsigned char)g.p[i]))
        i++;
    if (model_sv_icontains(g, "modp") || model_sv_icontains(g, "ecp"))
        return model_sv_icontains(g, "modp768") || model_sv_icontains(g, "modp1024") ||
               model_sv_icontains(g, "modp1536");
    long v = model_sv_long(sv_make(g.p + i, g.n - i), -1);
    if (v < 0)
        return false;
    return v < 14 || v == 22 || v == 23 || v == 24;
}

/* ------------------------------------------------------------ builders */

struct acl *model_add_acl(struct arena *a, struct device_model *m, const char *name,
                          const struct cfg_node *n)
{
    struct acl *acl = MODEL_PUSH(a, m->acls, m->nacls);
    acl->name = name;
    acl->node = n;
    return acl;
}

struct acl_entry *model_acl_add_entry(struct arena *a, struct acl *acl, const struct cfg_node *n)
{
    struct acl_entry *e = MODEL_PUSH(a, acl->entries, acl->n);
    e->node = n;
    return e;
}

struct mgmt_path *model_add_mgmt_path(struct arena *a, struct device_model *m, const char *service,
                                      const char *acl_name, const struct cfg_node *n)
{
    struct mgmt_path *p = MODEL_PUSH(a, m->mgmt_paths, m->nmgmt_paths);
    p->service = service;
    p->acl_name = acl_name;
    p->node = n;
    return p;
}

struct mgmt_service *model_add_service(struct arena *a, struct device_model *m, const char *name,
                                       bool cleartext, enum fact_state state,
                                       const struct cfg_node *n)
{
    struct mgmt_service *s = MODEL_PUSH(a, m->services, m->nservices);
    s->kind = svc_kind_of(name);
    /* Names come from the extractors' code, never from input: a name with no
     * row in vocab.c is a programming error the tests catch here. */
    assert(s->kind != SVC_UNKNOWN);
    s->name = name;
    s->cleartext = cleartext;
    s->port = -1;
    fact_set(&s->state, state, n);
    return s;
}

struct mgmt_service *model_find_service(struct device_model *m, const char *name, const char *vrf)
{
    for (size_t i = 0; i < m->nservices; i++) {
        struct mgmt_service *s = &m->services[i];
        if (strcmp(s->name, name) != 0)
            continue;
        if (vrf && (!s->vrf || strcmp(s->vrf, vrf) != 0))
            continue;
        return s;
    }
    return NULL;
}

struct onbox_item *model_add_onbox(struct arena *a, struct device_model *m, const char *kind,
                                   const char *name, bool risky, const struct cfg_node *n)
{
    struct onbox_item *o = MODEL_PUSH(a, m->onbox, m->nonbox);
    o->type = onbox_kind_of(kind);
    assert(o->type != ONBOX_UNKNOWN); /* kinds come from code, as service names do */
    o->kind = kind;
    o->name = name;
    o->risky = risky;
    o->node = n;
    return o;
}

struct host_ref *model_add_host(struct arena *a, struct host_ref **arr, size_t *n, struct sv host,
                                const struct cfg_node *node)
{
    size_t k = *n;
    *arr = model_grow(a, *arr, k, sizeof(**arr));
    struct host_ref *h = &(*arr)[k];
    *n = k + 1;
    host = sv_unquote(sv_trim(host));
    h->host = model_strdup(a, host);
    h->addr = model_parse_addr(host);
    h->node = node;
    return h;
}

struct banner *model_add_banner(struct arena *a, struct device_model *m, const char *kind,
                                const struct cfg_node *n)
{
    struct banner *b = MODEL_PUSH(a, m->banners, m->nbanners);
    b->kind = kind;
    b->node = n;
    if (n && (n->flags & CFG_BANNER) && n->body)
        b->text = sv_make(n->body, n->body_len);
    else
        b->text = sv_make("", 0);
    return b;
}

bool model_discovery_from_interfaces(struct device_model *m)
{
    struct fact_bool *g = &m->legacy.discovery;
    if (g->state != FACT_UNKNOWN && !g->is_default)
        return false;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *f = &m->interfaces[i];
        if (f->discovery.state == FACT_ON && f->discovery.ev.n) {
            fact_set(g, FACT_ON, f->discovery.ev.nodes[0]);
            return true;
        }
    }
    return false;
}

struct interface *model_add_interface(struct arena *a, struct device_model *m, struct sv name,
                                      const struct cfg_node *n)
{
    struct interface *i = MODEL_PUSH(a, m->interfaces, m->ninterfaces);
    i->name = model_strdup(a, name);
    i->node = n;
    return i;
}

/* ------------------------------------------------------------ dispatch */

/* The family extractors, one file each; a dialect with none reads as unknown. */
typedef void (*model_extract_fn)(const struct cfg_tree *, struct device_model *);

const struct acl *model_find_acl_af(const struct device_model *m, const char *name, int af)
{
    if (!name)
        return NULL;
    for (size_t i = 0; i < m->nacls; i++)
        if (m->acls[i].name && strcmp(m->acls[i].name, name) == 0 &&
            (!m->acls[i].af || m->acls[i].af == af))
            return &m->acls[i];
    return NULL;
}

const struct acl *model_find_acl(const struct device_model *m, const char *name)
{
    const struct acl *a = model_find_acl_af(m, name, 4);
    return a ? a : model_find_acl_af(m, name, 6);
}

void model_resolve_refs(struct device_model *m)
{
    for (size_t i = 0; i < m->nmgmt_paths; i++) {
        struct mgmt_path *p = &m->mgmt_paths[i];
        if (!p->acl_name)
            continue;
        p->acl = model_find_acl(m, p->acl_name);
        p->acl_undefined = p->acl == NULL;
    }
    for (size_t i = 0; i < m->nlines; i++)
        if (m->lines[i].acl_in && !m->lines[i].acl)
            m->lines[i].acl = model_find_acl(m, m->lines[i].acl_in);
    for (size_t i = 0; i < m->snmp.ncommunities; i++)
        if (m->snmp.communities[i].acl_name && !m->snmp.communities[i].acl)
            m->snmp.communities[i].acl = model_find_acl(m, m->snmp.communities[i].acl_name);
}

/* The extractor of each dialect family (core/dialect.h), one row each. */
static const model_extract_fn extractors[FAMILY_COUNT] = {
    [FAMILY_CISCO] = model_extract_cisco,     [FAMILY_JUNOS] = model_extract_junos,
    [FAMILY_SROS] = model_extract_sros,       [FAMILY_VRP] = model_extract_vrp,
    [FAMILY_FORTIOS] = model_extract_fortios, [FAMILY_CLOUD] = model_extract_cloud,
};

/*
 * The password of "scheme://user:password@host..." starting at text[i]
 * (just after "://"), or an empty view.
 */
static struct sv url_password(struct sv text, size_t i)
{
    size_t colon = 0;
    for (size_t j = i; j < text.n; j++) {
        char c = text.p[j];
        if (c == '/' || c == ' ' || c == '\t' || c == '"' || c == '\'')
            break;
        if (c == ':' && !colon)
            colon = j;
        if (c == '@') {
            /* the last '@' before the path ends the user information */
            size_t at = j;
            for (size_t k = j + 1; k < text.n && text.p[k] != '/' && text.p[k] != ' ' &&
                                   text.p[k] != '"' && text.p[k] != '\'';
                 k++)
                if (text.p[k] == '@')
                    at = k;
            if (colon && colon + 1 < at)
                return sv_make(text.p + colon + 1, at - colon - 1);
            break;
        }
    }
    return sv_make(NULL, 0);
}

/*
 * Credentials written into a URL ("ftp://user:password@host/...") are
 * cleartext wherever they stand: archive and backup destinations, boot
 * images, script locations, copy commands run by schedulers. One pass over
 * the tree serves every dialect; a statement an extractor already recorded
 * is counted once by the checks (same node, same type).
 */
static void url_credentials(const struct cfg_tree *t, struct device_model *m)
{
    for (const struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n)) {
        if (n->flags & (CFG_BANNER | CFG_INACTIVE))
            continue;
        struct sv text = sv_make(n->text, n->len);
        for (size_t i = 0; i + 3 < text.n; i++) {
            if (memcmp(text.p + i, "://", 3) != 0)
                continue;
            struct sv pw = url_password(text, i + 3);
            if (!pw.n)
                continue;
            enum secret_type ty = secret_is_redacted(pw) ? SECRET_REDACTED : SECRET_PLAINTEXT;
            model_add_secret(t->arena, m, "url-password", model_secret(ty, pw, n));
            break;
        }
    }
}

void model_extract(const struct cfg_tree *t, struct device_model *m)
{
    memset(m, 0, sizeof(*m));
    m->dialect = t->dialect;
    m->ssh.port = -1;
    m->ssh.idle_timeout_seconds = -1;
    m->console_timeout_seconds = -1;
    m->bgp.local_as = -1;
    model_extract_fn fn = extractors[dialect_def(t->dialect)->family];
    if (fn) {
        fn(t, m);
    } else {
        const char *why = t->dialect == DIALECT_UNKNOWN
                              ? "the dialect of this file is unknown"
                              : "this build has no model extractor for the dialect";
        fact_unknown(&m->telnet_server, why);
        fact_unknown(&m->ssh.enabled, why);
    }
    if (fn) {
        url_credentials(t, m);
        model_extract_software(t, m);
        model_extract_ports(t, m);
        model_extract_access(t, m);
        model_extract_flow(t, m);
        struct policy_terms pt;
        model_policy_terms(t, m, &pt);
        model_extract_rov(t, m, &pt);
        model_extract_bgp_policies(t, m, &pt);
    }
    model_resolve_refs(m);
}

/* ---------------------------------------------------------- name index */

static uint64_t nmap_hash(struct sv k1, struct sv k2, struct sv k3)
{
    uint64_t h = 1469598103934665603ull;
    const struct sv keys[3] = {sv_unquote(k1), sv_unquote(k2), sv_unquote(k3)};
    for (size_t k = 0; k < 3; k++) {
        for (size_t i = 0; i < keys[k].n; i++)
            h = (h ^ (unsigned char)keys[k].p[i]) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;
    }
    return h;
}

static bool nmap_keq(struct sv a, struct sv b)
{
    a = sv_unquote(a);
    b = sv_unquote(b);
    return a.n == b.n && (a.n == 0 || memcmp(a.p, b.p, a.n) == 0);
}

size_t model_nmap_get3(const struct model_nmap *h, struct sv k1, struct sv k2, struct sv k3)
{
    if (!h->cap)
        return SIZE_MAX;
    size_t i = (size_t)nmap_hash(k1, k2, k3) & (h->cap - 1);
    for (;; i = (i + 1) & (h->cap - 1)) {
        const struct model_nmap_ent *e = &h->slots[i];
        if (!e->idx)
            return SIZE_MAX;
        if (nmap_keq(e->k1, k1) && nmap_keq(e->k2, k2) && nmap_keq(e->k3, k3))
            return e->idx - 1;
    }
}

void model_nmap_put3(struct arena *a, struct model_nmap *h, struct sv k1, struct sv k2,
                     struct sv k3, size_t idx)
{
    if ((h->n + 1) * 2 > h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 64;
        struct model_nmap_ent *old = h->slots;
        size_t ocap = h->cap;
        h->slots = arena_alloc(a, cap * sizeof(*h->slots));
        h->cap = cap;
        h->n = 0;
        for (size_t i = 0; i < ocap; i++)
            if (old[i].idx)
                model_nmap_put3(a, h, old[i].k1, old[i].k2, old[i].k3, old[i].idx - 1);
    }
    size_t i = (size_t)nmap_hash(k1, k2, k3) & (h->cap - 1);
    while (h->slots[i].idx)
        i = (i + 1) & (h->cap - 1);
    h->slots[i].k1 = k1;
    h->slots[i].k2 = k2;
    h->slots[i].k3 = k3;
    h->slots[i].idx = idx + 1;
    h->n++;
}

struct account *model_account_indexed(struct arena *a, struct device_model *m,
                                      struct model_nmap *idx, struct sv name,
                                      const struct cfg_node *n, size_t cap)
{
    name = sv_unquote(name);
    size_t at = model_nmap_get(idx, name, sv_make(NULL, 0));
    if (at != SIZE_MAX)
        return &m->accounts[at];
    if (m->naccounts >= cap)
        return NULL;
    struct account *ac = MODEL_PUSH(a, m->accounts, m->naccounts);
    ac->name = model_strdup(a, name);
    ac->privilege = -1;
    ac->node = n;
    model_nmap_put(a, idx, name, sv_make(NULL, 0), m->naccounts - 1);
    return ac;
}

size_t model_nmap_get(const struct model_nmap *h, struct sv k1, struct sv k2)
{
    return model_nmap_get3(h, k1, k2, sv_make(NULL, 0));
}

void model_nmap_put(struct arena *a, struct model_nmap *h, struct sv k1, struct sv k2, size_t idx)
{
    model_nmap_put3(a, h, k1, k2, sv_make(NULL, 0), idx);
}

/* ------------------------------------------------------ statement paths */

void model_path_add(struct model_path *l, struct sv tok, const struct cfg_node *own)
{
    if (l->n < MODEL_PATH_MAX_TOK) {
        l->tok[l->n] = tok;
        l->own[l->n] = own;
        l->n++;
    }
}

bool model_path_eq(const struct model_path *l, size_t i, const char *w)
{
    return i < l->n && sv_eq_cstr(l->tok[i], w);
}

bool model_path_match(const struct model_path *l, size_t i, const char *words, size_t *next)
{
    const char *w = words;
    while (*w) {
        while (*w == ' ')
            w++;
        if (!*w)
            break;
        const char *e = w;
        while (*e && *e != ' ')
            e++;
        if (i >= l->n)
            return false;
        size_t wl = (size_t)(e - w);
        if (!(wl == 1 && *w == '*') && !(l->tok[i].n == wl && memcmp(l->tok[i].p, w, wl) == 0))
            return false;
        i++;
        w = e;
    }
    if (next)
        *next = i;
    return true;
}

struct sv model_path_tok(const struct model_path *l, size_t i)
{
    return i < l->n ? l->tok[i] : sv_make(NULL, 0);
}

const struct cfg_node *model_path_own(const struct model_path *l, size_t i)
{
    return i < l->n ? l->own[i] : l->node;
}

const char *model_path_token(const char *p, const char *end, struct sv *tok)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    if (p >= end)
        return NULL;
    const char *s = p;
    if (*p == '"') {
        p++;
        while (p < end && *p != '"') {
            if (*p == '\\' && p + 1 < end)
                p++;
            p++;
        }
        if (p < end)
            p++;
    } else {
        while (p < end && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
            p++;
    }
    *tok = sv_make(s, (size_t)(p - s));
    return p;
}

struct sv model_path_strip(struct sv t)
{
    while (t.n &&
           (t.p[t.n - 1] == ';' || t.p[t.n - 1] == '{' || t.p[t.n - 1] == '}' ||
            t.p[t.n - 1] == ']') &&
           t.p[0] != '"')
        t.n--;
    while (t.n && (t.p[0] == '[' || t.p[0] == '{' || t.p[0] == '}')) {
        t.p++;
        t.n--;
    }
    return t;
}

void model_path_walk(struct arena *a, struct model_walk *w, const struct cfg_node *first,
                     bool siblings, bool (*push)(struct model_path *, const struct cfg_node *),
                     void (*visit)(void *, const struct model_path *), void *ctx)
{
    static const size_t depth_cap = MODEL_PATH_MAX_DEPTH;
    if (!w->path) {
        w->path = arena_alloc(a, sizeof(*w->path));
        w->base = arena_alloc(a, depth_cap * sizeof(*w->base));
    }
    struct model_path *l = w->path;
    size_t *base = w->base;
    const struct cfg_node *n = first;
    size_t d = 0;
    l->n = 0;
    while (n) {
        size_t save = l->n;
        bool skip = (n->flags & CFG_INACTIVE) != 0;
        if (!skip)
            skip = push(l, n);
        if (!skip) {
            l->node = n;
            if (l->n > save)
                visit(ctx, l);
            if (n->child && d + 1 < depth_cap) {
                base[d++] = save;
                n = n->child;
                continue;
            }
        }
        l->n = save;
        while (n) {
            if (n->next && (d > 0 || siblings)) {
                n = n->next;
                break;
            }
            if (d == 0) {
                n = NULL;
                break;
            }
            d--;
            n = n->parent;
            l->n = base[d];
        }
    }
}
