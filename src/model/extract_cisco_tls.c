/*
 * extract_cisco_tls.c - the TLS server settings of the Cisco family for
 * CRYPTO-TLS: IOS "ip http tls-version / secure-ciphersuite /
 * secure-trustpoint" with the trustpoint's enrollment, NX-OS "nxapi ssl" and
 * "nxapi certificate", EOS "management security" SSL profiles as eAPI and
 * gNMI use them. Read after the statement pass, from the tree.
 */
#include "model/extract_cisco.h"

/* "TLSv1.2", "tlsv1.2", "1.2", "TLSv1" -> 12; 0 when not a version. */
static int tls_version(struct sv v)
{
    static const struct {
        const char *w;
        int ver;
    } names[] = {{"TLSv1", 10}, {"TLSv1.0", 10}, {"TLSv1.1", 11}, {"TLSv1.2", 12}, {"TLSv1.3", 13},
                 {"1.0", 10},   {"1.1", 11},     {"1.2", 12},     {"1.3", 13}};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (model_sv_ieq(v, names[i].w))
            return names[i].ver;
    return 0;
}

/* The lowest version among tokens i.. of s (0 none). */
static int lowest_version(struct sv s, size_t i)
{
    int lo = 0;
    for (size_t nt = sv_token_count(s); i < nt; i++) {
        int v = tls_version(tk(s, i));
        if (v && (!lo || v < lo))
            lo = v;
    }
    return lo;
}

static bool suite_weak(struct sv c)
{
    return model_sv_icontains(c, "3des") || model_sv_icontains(c, "rc4") ||
           model_sv_icontains(c, "null") || model_sv_ieq(c, "des-cbc-sha") ||
           model_sv_icontains(c, "export");
}

static void cipher_list(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    struct tls_facts *t = &x->m->tls;
    for (size_t nt = sv_token_count(s); i < nt && !t->weak_cipher; i++)
        if (suite_weak(tk(s, i))) {
            t->weak_cipher = dup(x, tk(s, i));
            t->cipher_node = n;
        }
}

static void set_version(struct tls_facts *t, int v, const struct cfg_node *n)
{
    if (v) {
        t->min_version = v;
        t->version_node = n;
    }
}

/* ------------------------------------------------------------------- IOS */

/* Is the trustpoint TP's enrollment self-signed? Sets *found. */
static bool trustpoint_selfsigned(const struct cx *x, struct sv tp, const struct cfg_node **at)
{
    *at = NULL;
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        bool neg;
        struct sv s = stmt(n, &neg);
        if (!active(n) || neg || !starts(s, "crypto pki trustpoint"))
            continue;
        if (tp.n ? !sv_eq(sv_unquote(tk(s, 3)), tp) : !sv_starts_with(tk(s, 3), "TP-self-signed"))
            continue;
        *at = n;
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (active(c) && starts(cfg_text(c), "enrollment selfsigned")) {
                *at = c;
                return true;
            }
        return !tp.n;
    }
    return false;
}

static void ios_tls(struct cx *x)
{
    struct tls_facts *t = &x->m->tls;
    const struct cfg_node *tp_node = NULL;
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        bool neg;
        struct sv s = stmt(n, &neg);
        if (!active(n) || neg)
            continue;
        if (starts(s, "ip http tls-version"))
            set_version(t, lowest_version(s, 3), n);
        else if (starts(s, "ip http secure-ciphersuite"))
            cipher_list(x, s, 3, n);
        else if (starts(s, "ip http secure-trustpoint"))
            tp_node = n;
    }
    const struct cfg_node *at;
    struct sv tp = tp_node ? sv_unquote(tk(cfg_text(tp_node), 3)) : sv_make("", 0);
    bool self = trustpoint_selfsigned(x, tp, &at);
    if (self) {
        fact_set(&t->ca_cert, FACT_OFF, at);
        fact_lines_add(&t->ca_cert.ev, tp_node);
        t->ca_cert.why = tp_node ? "the HTTPS trustpoint enrols self-signed"
                                 : "HTTPS uses the self-signed TP-self-signed trustpoint";
    } else if (tp_node && at) {
        fact_set(&t->ca_cert, FACT_ON, tp_node);
        fact_lines_add(&t->ca_cert.ev, at);
    } else if (tp_node) {
        fact_unknown(&t->ca_cert, "the HTTPS trustpoint is not defined here");
        fact_lines_add(&t->ca_cert.ev, tp_node);
    } else {
        fact_default(&t->ca_cert, FACT_OFF,
                     "no ip http secure-trustpoint: the HTTPS server generates a self-signed "
                     "certificate");
    }
}

/* ----------------------------------------------------------------- NX-OS */

static void nxos_tls(struct cx *x)
{
    struct tls_facts *t = &x->m->tls;
    const struct cfg_node *cert = NULL;
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        bool neg;
        struct sv s = stmt(n, &neg);
        if (!active(n) || neg)
            continue;
        if (starts(s, "nxapi ssl protocols"))
            set_version(t, lowest_version(s, 3), n);
        else if (starts(s, "nxapi ssl ciphers weak")) {
            t->weak_cipher = "weak (nxapi ssl ciphers weak)";
            t->cipher_node = n;
        } else if (starts(s, "nxapi certificate"))
            cert = n;
    }
    if (cert)
        fact_set(&t->ca_cert, FACT_ON, cert);
    else
        fact_default(&t->ca_cert, FACT_OFF,
                     "no nxapi certificate: NX-API serves its built-in self-signed certificate");
}

/* ------------------------------------------------------------------- EOS */

/* The "ssl profile P" block under management security, or NULL. */
static const struct cfg_node *eos_profile(const struct cx *x, struct sv name)
{
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        if (!active(n) || !starts(cfg_text(n), "management security"))
            continue;
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (active(c) && starts(cfg_text(c), "ssl profile") &&
                sv_eq(sv_unquote(tk(cfg_text(c), 2)), name))
                return c;
    }
    return NULL;
}

static void eos_apply_profile(struct cx *x, const struct cfg_node *use, struct sv name)
{
    struct tls_facts *t = &x->m->tls;
    const struct cfg_node *p = eos_profile(x, name);
    if (!p) {
        fact_unknown(&t->ca_cert, "the SSL profile is not defined here");
        fact_lines_add(&t->ca_cert.ev, use);
        return;
    }
    const struct cfg_node *cert = NULL;
    for (const struct cfg_node *c = p->child; c; c = c->next) {
        struct sv s = cfg_text(c);
        if (!active(c))
            continue;
        if (starts(s, "tls versions"))
            set_version(t, lowest_version(s, 2), c);
        else if (starts(s, "cipher-list"))
            cipher_list(x, s, 1, c);
        else if (starts(s, "certificate"))
            cert = c;
    }
    if (cert)
        fact_set(&t->ca_cert, FACT_ON, cert);
    else {
        fact_set(&t->ca_cert, FACT_UNKNOWN, p);
        t->ca_cert.why = "the SSL profile names no certificate";
    }
}

/* The SSL profile a service block names ("protocol https ssl profile P",
 * "transport grpc N" -> "ssl profile P"), searched one level down too. */
static const struct cfg_node *eos_profile_use(const struct cfg_node *blk, struct sv *name)
{
    for (const struct cfg_node *c = blk->child; c; c = c->next) {
        struct sv s = cfg_text(c);
        if (!active(c))
            continue;
        if (starts(s, "protocol https ssl profile")) {
            *name = sv_unquote(tk(s, 4));
            return c;
        }
        if (starts(s, "ssl profile")) {
            *name = sv_unquote(tk(s, 2));
            return c;
        }
        const struct cfg_node *in = c->child ? eos_profile_use(c, name) : NULL;
        if (in)
            return in;
    }
    return NULL;
}

static void eos_tls(struct cx *x)
{
    struct tls_facts *t = &x->m->tls;
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        struct sv s = cfg_text(n);
        if (!active(n) ||
            !(starts(s, "management api http-commands") || starts(s, "management api gnmi")))
            continue;
        struct sv name;
        const struct cfg_node *use = eos_profile_use(n, &name);
        if (use) {
            eos_apply_profile(x, use, name);
            return;
        }
    }
    fact_default(&t->ca_cert, FACT_OFF,
                 "no SSL profile: eAPI serves its built-in self-signed certificate");
}

/* ------------------------------------------------------------------- ASA */

/* ssl server-version V; ssl trust-point TP [interface]; crypto ca trustpoint TP / enrollment self
 */
static void asa_tls(struct cx *x)
{
    struct tls_facts *t = &x->m->tls;
    const struct cfg_node *tp_use = NULL;
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        bool neg;
        struct sv s = stmt(n, &neg);
        if (!active(n) || neg)
            continue;
        if (starts(s, "ssl server-version"))
            set_version(t, lowest_version(s, 2), n);
        else if (starts(s, "ssl cipher"))
            cipher_list(x, s, 3, n);
        else if (starts(s, "ssl trust-point") && !tp_use)
            tp_use = n;
    }
    if (!tp_use) {
        fact_default(&t->ca_cert, FACT_OFF,
                     "no ssl trust-point: the ASA serves a self-signed certificate");
        return;
    }
    struct sv tp = sv_unquote(tk(cfg_text(tp_use), 2));
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        struct sv s = cfg_text(n);
        if (!active(n) || !starts(s, "crypto ca trustpoint") || !sv_eq(sv_unquote(tk(s, 3)), tp))
            continue;
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (active(c) && starts(cfg_text(c), "enrollment self")) {
                fact_set(&t->ca_cert, FACT_OFF, c);
                fact_lines_add(&t->ca_cert.ev, tp_use);
                t->ca_cert.why = "the SSL trustpoint enrols self-signed";
                return;
            }
        fact_set(&t->ca_cert, FACT_ON, tp_use);
        fact_lines_add(&t->ca_cert.ev, n);
        return;
    }
    fact_unknown(&t->ca_cert, "the SSL trustpoint is not defined here");
    fact_lines_add(&t->ca_cert.ev, tp_use);
}

void cx_finish_tls(struct cx *x)
{
    switch (x->d) {
    case DIALECT_CISCO_IOS:
        ios_tls(x);
        break;
    case DIALECT_CISCO_NXOS:
        nxos_tls(x);
        break;
    case DIALECT_ARISTA_EOS:
        eos_tls(x);
        break;
    case DIALECT_CISCO_ASA:
        asa_tls(x);
        break;
    default:
        x->m->tls.not_read = "the TLS server settings of this platform are not read (op: the "
                             "HTTPS, gRPC or API server's TLS status)";
        break;
    }
}
