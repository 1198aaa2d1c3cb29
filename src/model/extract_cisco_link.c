/*
 * extract_cisco_link.c - encryption bound to interfaces for
 * CRYPTO-LINK-ENCRYPTION: MACsec (IOS "mka policy", IOS XR "macsec
 * psk-keychain ... policy", NX-OS "macsec keychain ... policy", EOS "mac
 * security profile") with its policy's cipher suite, and IPsec on the
 * interface (IOS "crypto map", "tunnel protection ipsec profile").
 */
#include "model/extract_cisco.h"

/* The block defining MACsec policy `name` (NULL = the default policy). */
static const struct cfg_node *macsec_policy(const struct cx *x, struct sv name)
{
    static const char *const heads[] = {"mka policy", "macsec-policy", "macsec policy"};
    for (const struct cfg_node *n = x->t->first; n && name.n; n = n->next) {
        struct sv s = cfg_text(n);
        if (!active(n))
            continue;
        if (x->d == DIALECT_ARISTA_EOS && starts(s, "mac security")) {
            for (const struct cfg_node *c = n->child; c; c = c->next)
                if (active(c) && starts(cfg_text(c), "profile") &&
                    sv_eq(sv_unquote(tk(cfg_text(c), 1)), name))
                    return c;
            continue;
        }
        for (size_t i = 0; i < ARRAY_SIZE(heads); i++) {
            size_t w = sv_token_count(sv_from_cstr(heads[i]));
            if (starts(s, heads[i]) && sv_eq(sv_unquote(tk(s, w)), name))
                return n;
        }
    }
    return NULL;
}

/* The cipher-suite line of a policy block, or NULL. */
static const struct cfg_node *policy_suite(const struct cfg_node *p)
{
    for (const struct cfg_node *c = p ? p->child : NULL; c; c = c->next) {
        struct sv s = cfg_text(c);
        if (active(c) &&
            (starts(s, "macsec-cipher-suite") || starts(s, "cipher-suite") || starts(s, "cipher")))
            return c;
    }
    return NULL;
}

static void add_link(struct cx *x, const struct interface *ifc, const char *kind, struct sv policy,
                     const struct cfg_node *n)
{
    struct link_crypto_facts *lc = &x->m->link_crypto;
    if (!cap_ok(lc->nlinks))
        return;
    struct link_crypto *l = MODEL_PUSH(x->a, lc->links, lc->nlinks);
    l->ifname = ifc->name;
    l->kind = kind;
    l->policy = dup(x, policy);
    l->node = n;
    if (!strcmp(kind, "ipsec")) {
        fact_set(&l->strong, FACT_ON, n);
        return;
    }
    const struct cfg_node *p = macsec_policy(x, policy);
    const struct cfg_node *suite = policy_suite(p);
    if (!suite) {
        fact_unknown(&l->strong, p ? "the MACsec policy names no cipher suite: the release's "
                                     "default applies"
                                   : "no MACsec policy named or defined: the release's default "
                                     "cipher suite applies");
        fact_lines_add(&l->strong.ev, n);
        fact_lines_add(&l->strong.ev, p);
        return;
    }
    /* every suite offered must be a 256-bit GCM one */
    struct sv s = cfg_text(suite);
    bool strong = true;
    for (size_t i = 1, nt = sv_token_count(s); i < nt; i++)
        strong &= model_sv_icontains(tk(s, i), "256") && model_sv_icontains(tk(s, i), "gcm");
    l->suite = dup(x, sv_after_tokens(s, 1));
    fact_set(&l->strong, strong ? FACT_ON : FACT_OFF, suite);
    fact_lines_add(&l->strong.ev, n);
}

/* One interface statement binding encryption. */
static void link_stmt(struct cx *x, const struct interface *ifc, const struct cfg_node *c,
                      bool *macsec_bare)
{
    struct sv s = cfg_text(c);
    if (starts(s, "mka policy"))
        add_link(x, ifc, "macsec", tk(s, 2), c);
    else if (starts(s, "macsec psk-keychain") || starts(s, "macsec keychain")) {
        size_t nt = sv_token_count(s), i = 3;
        while (i < nt && !tk_is(s, i, "policy"))
            i++;
        add_link(x, ifc, "macsec", i + 1 < nt ? tk(s, i + 1) : sv_make("", 0), c);
    } else if (starts(s, "mac security profile"))
        add_link(x, ifc, "macsec", tk(s, 3), c);
    else if (starts(s, "macsec network-link") || (starts(s, "macsec") && sv_token_count(s) == 1))
        *macsec_bare = true;
    else if (starts(s, "crypto map"))
        add_link(x, ifc, "ipsec", tk(s, 2), c);
    else if (starts(s, "tunnel protection ipsec profile"))
        add_link(x, ifc, "ipsec", tk(s, 4), c);
}

void cx_finish_link_crypto(struct cx *x)
{
    struct device_model *m = x->m;
    if (x->d == DIALECT_CISCO_ASA) {
        m->link_crypto.not_read = "ASA crypto maps bind to interface names (nameif), not read";
        return;
    }
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *ifc = &m->interfaces[i];
        size_t before = m->link_crypto.nlinks;
        bool bare = false;
        const struct cfg_node *bare_node = NULL;
        for (const struct cfg_node *c = ifc->node ? ifc->node->child : NULL; c; c = c->next) {
            bool was = bare;
            if (active(c) && !sv_starts_with_word(cfg_text(c), "no"))
                link_stmt(x, ifc, c, &bare);
            if (bare && !was)
                bare_node = c;
        }
        /* IOS "macsec network-link" without an "mka policy": the default policy */
        if (bare && m->link_crypto.nlinks == before)
            add_link(x, ifc, "macsec", sv_make("", 0), bare_node);
    }
}
