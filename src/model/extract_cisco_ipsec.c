/*
 * extract_cisco_ipsec.c - IKE policies, transform sets, crypto maps and
 * ASA tunnel groups.
 */
#include "model/extract_cisco.h"

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
        struct sv a = cx_asa_alias(x, tk(s, i));
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
void cx_h_ip_security(struct cx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        if ((starts(t, "ike policy") || starts(t, "sa policy")) && tk(t, 2).n)
            ike_block(x, c, tk(t, 2), false);
    }
}

/* OSPFv3 IPsec on an interface: "ospfv3 authentication ipsec spi N md5|sha1 [T] KEY"
 * or "ospfv3 encryption ipsec spi N esp null|des|3des|aes-cbc [BITS] md5|sha1 [T] KEY"
 * (also after "ipv6 ospf"). A manual-keyed IPsec SA judged like a transform
 * set: a null or DES cipher and MD5 or SHA-1 integrity are weak (checks.md
 * CRYPTO-IPSEC lists esp-null, esp-des, MD5 and SHA-1). */
void cx_ospf_ipsec(struct cx *x, const struct cfg_node *itf, const struct cfg_node *c, struct sv t)
{
    size_t nt = sv_token_count(t), i = 0;
    while (i < nt && !tk_is(t, i, "spi"))
        i++;
    if (i + 2 >= nt)
        return;
    struct sv ifname = tk(cfg_text(itf), 1);
    struct ipsec_policy *p = ipsec_add(x, sv_from_cstr("OSPFv3 IPsec"), c);
    if (!p)
        return;
    p->name = arena_printf(x->a, "OSPFv3 IPsec on %.*s", (int)ifname.n, ifname.p);
    /* the keys (and their storage type) sit between the words read here */
    for (i += 2; i < nt && !p->integrity; i++) {
        struct sv w = tk(t, i);
        if (sv_eq_cstr(w, "md5") || sv_eq_cstr(w, "sha1")) {
            p->integrity = dup(x, w);
            p->weak = true;
        } else if (!p->encryption && (sv_eq_cstr(w, "null") || sv_eq_cstr(w, "des") ||
                                      sv_eq_cstr(w, "3des") || sv_eq_cstr(w, "aes-cbc"))) {
            struct sv bits = tk(t, i + 1);
            bool sized =
                sv_eq_cstr(w, "aes-cbc") &&
                (sv_eq_cstr(bits, "128") || sv_eq_cstr(bits, "192") || sv_eq_cstr(bits, "256"));
            p->encryption =
                sized ? arena_printf(x->a, "aes-cbc %.*s", (int)bits.n, bits.p) : dup(x, w);
            p->weak |= model_ipsec_enc_is_weak(w);
            i += sized;
        }
    }
}

bool cx_h_crypto(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
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
        model_add_secret(x->a, x->m, "ipsec-psk", cx_cisco_secret(x, s, 3, n, NULL));
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
                model_add_secret(x->a, x->m, "ipsec-psk", cx_cisco_secret(x, t, i + 1, d, NULL));
            }
        }
    } else {
        return false;
    }
    return true;
}

/* ASA "tunnel-group NAME ipsec-attributes" with pre-shared keys. */
bool cx_h_tunnel_group(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        size_t nt = sv_token_count(t);
        for (size_t i = 0; i < nt; i++)
            if (tk_is(t, i, "pre-shared-key")) {
                model_add_secret(x->a, x->m, "ipsec-psk", cx_cisco_secret(x, t, i + 1, c, NULL));
                break;
            }
    }
    return true;
}

/* ASA "webvpn" with " enable IF": the SSL VPN listens on that interface. */
bool cx_h_webvpn(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    (void)s;
    (void)neg;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c) && starts(cfg_text(c), "enable") && !x->m->cpp.asa_webvpn)
            x->m->cpp.asa_webvpn = c;
    return true;
}
