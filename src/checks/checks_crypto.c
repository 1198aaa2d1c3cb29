/*
 * checks_crypto.c - cryptography checks (CRYPTO-*): the SSH server's
 * ciphers, MACs, key exchange and host keys, and the IKE/IPsec suites.
 */
#include "checks/checks_int.h"

#include <string.h>

static bool ssh_off(const struct check_ctx *ctx, struct check_result *r)
{
    const struct fact_bool *en = &ctx->model->ssh.enabled;
    if (en->state != FACT_OFF)
        return false;
    check_set(ctx, r, VERDICT_NOT_APPLICABLE, "the SSH server is off");
    check_evidence_fact(ctx, r, &en->ev);
    return true;
}

/* An algorithm list left to the platform's default: the verdict with the
 * default's reason, and the release line where the release decides it. False
 * when the fact was configured (or is unknown). */
static bool ssh_default(const struct check_ctx *ctx, struct check_result *r,
                        const struct fact_bool *f, bool cite_release, const char *fail_msg,
                        const char *pass_msg)
{
    if (f->state == FACT_UNKNOWN || !f->is_default || !f->why)
        return false;
    check_set(ctx, r, f->state == FACT_ON ? VERDICT_FAIL : VERDICT_PASS, "%s by default: %s",
              f->state == FACT_ON ? fail_msg : pass_msg, f->why);
    /* elsewhere the missing statement's section is the place to point at */
    if (cite_release && ctx->model->software.release_line)
        check_evidence_line(ctx, r, ctx->model->software.release_line);
    return true;
}

static void eval_ssh_ciphers(const struct check_ctx *ctx, struct check_result *r)
{
    const struct ssh_facts *s = &ctx->model->ssh;
    const char *bad = "the SSH server offers weak ciphers (CBC modes, 3DES, arcfour or blowfish)",
               *good = "the SSH server offers only CTR/GCM (or ChaCha20) ciphers";
    if (ssh_off(ctx, r))
        return;
    check_evidence_fact(ctx, r, &s->algo_ev);
    if (ssh_default(ctx, r, &s->weak_ciphers, s->ciphers_cite_release, bad, good))
        return;
    judge_fact(ctx, r, &s->weak_ciphers, FACT_ON, bad, good, "the SSH server offers weak ciphers");
}

static void eval_ssh_macs(const struct check_ctx *ctx, struct check_result *r)
{
    const struct ssh_facts *s = &ctx->model->ssh;
    const char *bad = "the SSH server offers weak MACs (MD5, SHA-1 or truncated)",
               *good = "the SSH server offers only HMAC-SHA2 MACs";
    if (ssh_off(ctx, r))
        return;
    check_evidence_fact(ctx, r, &s->algo_ev);
    if (ssh_default(ctx, r, &s->weak_macs, s->macs_cite_release, bad, good))
        return;
    judge_fact(ctx, r, &s->weak_macs, FACT_ON, bad, good, "the SSH server offers weak MACs");
}

/* ---------------------------------------------- SSH key exchange, host keys */

/* The MODP group number a KEX name carries ("diffie-hellman-group14-sha256",
 * "dh-group16-sha512", "dh_group14_sha1"), 0 when it names none. */
static long kex_group(const char *k)
{
    for (const char *p = k; p && (p = strstr(p, "group")) != NULL; p += 5) {
        const char *d = p + 5;
        if (*d >= '0' && *d <= '9')
            return strtol(d, NULL, 10);
    }
    return 0;
}

/* The modulus of a MODP group (RFC 2409, 3526), 0 for others. */
static long group_bits(long g)
{
    static const long bits[][2] = {{1, 768},   {2, 1024},  {5, 1536},  {14, 2048},
                                   {15, 3072}, {16, 4096}, {17, 6144}, {18, 8192}};
    for (size_t i = 0; i < ARRAY_SIZE(bits); i++)
        if (bits[i][0] == g)
            return bits[i][1];
    return 0;
}

/* A KEX that SHA-1 or a MODP group below the policy's makes weak. */
static bool kex_weak(const char *k, long min_group)
{
    if (str_icontains(k, "sha1") || str_icontains(k, "rsa1024"))
        return true;
    long g = kex_group(k);
    return group_bits(g) && group_bits(min_group) && group_bits(g) < group_bits(min_group);
}

/* A DSA host key algorithm ("ssh-dss", "dsa"; not "ecdsa"). */
static bool hostkey_dsa(const char *a)
{
    return str_icontains(a, "dss") || (str_icontains(a, "dsa") && !str_icontains(a, "ecdsa"));
}

/* Operational commands that show what the configuration does not. */
struct ssh_ops {
    enum dialect d;
    const char *rsa; /* shows the RSA host key's size */
    const char *kex; /* shows the KEX algorithms in effect */
};

static const struct ssh_ops ssh_ops[] = {
    {DIALECT_CISCO_IOS, "show crypto key mypubkey rsa", "show ip ssh"},
    {DIALECT_CISCO_IOSXR, "show crypto key mypubkey rsa", "show ssh server"},
    {DIALECT_CISCO_ASA, "show crypto key mypubkey rsa", "show ssh"},
    {DIALECT_CISCO_NXOS, "show ssh key", "show ssh server"},
    {DIALECT_ARISTA_EOS, "show management ssh hostkey rsa public", NULL},
    {DIALECT_HUAWEI_VRP, "display rsa local-key-pair public", NULL},
};

static const struct ssh_ops *ops_for(enum dialect d)
{
    for (size_t i = 0; i < ARRAY_SIZE(ssh_ops); i++)
        if (ssh_ops[i].d == d)
            return &ssh_ops[i];
    return NULL;
}

/* Does the server use an RSA host key (the explicit list, or the default)? */
static bool hostkey_uses_rsa(const struct ssh_hostkey_facts *hk)
{
    if (hk->algos) {
        for (size_t i = 0; i < hk->nalgos; i++)
            if (str_icontains(hk->algos[i], "rsa"))
                return true;
        return false;
    }
    for (size_t i = 0; i < hk->noff; i++)
        if (str_ieq(hk->off[i], "ssh-rsa"))
            return false;
    return true;
}

/*
 * Platforms whose default SSH key-exchange list keeps DH group 14 (and on
 * many releases SHA-1) key exchange: with a policy above group 14 the
 * default fails (checks.md: FAIL group1/group14-sha1; VRP's default list
 * differs between product lines and is left unknown).
 */
static bool default_kex_weak(const struct check_ctx *ctx)
{
    static const enum dialect weak[] = {
        DIALECT_CISCO_IOS,  DIALECT_CISCO_IOSXR,   DIALECT_CISCO_NXOS, DIALECT_CISCO_ASA,
        DIALECT_ARISTA_EOS, DIALECT_JUNIPER_JUNOS, DIALECT_NOKIA_SROS, DIALECT_FORTINET_FORTIOS};
    if (ctx->model->ssh.kex || ctx->profile->ssh_min_dh_group <= 14)
        return false;
    for (size_t i = 0; i < ARRAY_SIZE(weak); i++)
        if (weak[i] == ctx->model->dialect)
            return true;
    return false;
}

/* What fails: weak KEX, a small DH minimum, DSA or SHA-1 RSA host keys, a
 * small RSA modulus the configuration states. */
static void kex_hostkey_faults(const struct check_ctx *ctx, struct check_result *r,
                               struct reasons *bad)
{
    const struct ssh_facts *s = &ctx->model->ssh;
    const struct ssh_hostkey_facts *hk = &ctx->model->ssh_hostkey;
    const struct profile *p = ctx->profile;
    for (size_t i = 0; i < s->nkex; i++)
        if (kex_weak(s->kex[i], p->ssh_min_dh_group))
            reasons_add(bad, "key exchange %s", s->kex[i]);
    if (default_kex_weak(ctx)) {
        reasons_add(bad,
                    "no key-exchange list: the default offers DH group 14 or SHA-1 key exchange, "
                    "below group %ld",
                    p->ssh_min_dh_group);
        check_evidence_fact(ctx, r, &s->enabled.ev);
    }
    long need = group_bits(p->ssh_min_dh_group);
    if (hk->dh_min_bits && need && hk->dh_min_bits < need) {
        reasons_add(bad, "DH modulus minimum %ld bits (below group %ld, %ld bits)", hk->dh_min_bits,
                    p->ssh_min_dh_group, need);
        ev_node(ctx, r, hk->dh_min_node);
    }
    bool sha1_rsa_named =
        ctx->model->dialect == DIALECT_CISCO_IOS || ctx->model->dialect == DIALECT_CISCO_IOSXR;
    for (size_t i = 0; i < hk->nalgos; i++)
        if (hostkey_dsa(hk->algos[i]) || (sha1_rsa_named && str_ieq(hk->algos[i], "ssh-rsa")))
            reasons_add(bad, "host key algorithm %s", hk->algos[i]);
    if (hk->dsa_node) {
        reasons_add(bad, "a DSA host key");
        ev_node(ctx, r, hk->dsa_node);
    }
    if (hk->rsa_bits && hk->rsa_bits < p->ssh_min_rsa_bits) {
        reasons_add(bad, "an RSA host key of %ld bits (policy.ssh_min_rsa_bits %ld%s)",
                    hk->rsa_bits, p->ssh_min_rsa_bits,
                    p->has_ssh_min_rsa_bits ? "" : ", the default");
        ev_node(ctx, r, hk->rsa_node);
    }
}

/* What the configuration cannot tell: the default KEX list, the RSA size. */
static void kex_hostkey_unknowns(const struct check_ctx *ctx, struct reasons *unk)
{
    const struct ssh_facts *s = &ctx->model->ssh;
    const struct ssh_hostkey_facts *hk = &ctx->model->ssh_hostkey;
    const struct ssh_ops *ops = ops_for(ctx->model->dialect);
    if (!s->kex && !default_kex_weak(ctx))
        reasons_add(unk, "no key-exchange list: the release's default is used%s%s%s",
                    ops && ops->kex ? " (op: " : "", ops && ops->kex ? ops->kex : "",
                    ops && ops->kex ? ")" : "");
    if (hostkey_uses_rsa(hk) && !hk->rsa_bits)
        reasons_add(unk, "the RSA host key's size is not in the configuration (op: %s)",
                    ops ? ops->rsa : "the device's RSA host key");
}

static void eval_ssh_kex_hostkey(const struct check_ctx *ctx, struct check_result *r)
{
    const struct ssh_facts *s = &ctx->model->ssh;
    const struct ssh_hostkey_facts *hk = &ctx->model->ssh_hostkey;
    if (ssh_off(ctx, r))
        return;
    if (s->enabled.state == FACT_UNKNOWN && !s->kex && !hk->ev.n && !hk->dh_min_node) {
        /* nothing about SSH is configured and whether the server runs is open */
        check_evidence_fact(ctx, r, &s->enabled.ev);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether the SSH server runs: %s",
                  fact_why(ctx, &s->enabled));
        return;
    }
    check_evidence_fact(ctx, r, &s->algo_ev);
    check_evidence_fact(ctx, r, &hk->ev);
    struct reasons bad, unk;
    reasons_init(&bad);
    reasons_init(&unk);
    kex_hostkey_faults(ctx, r, &bad);
    kex_hostkey_unknowns(ctx, &unk);
    if (bad.n) {
        reasons_done(ctx, &unk);
        check_set(ctx, r, VERDICT_FAIL, "weak SSH key exchange or host keys: %s",
                  reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    if (unk.n) {
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell the SSH key exchange and host keys: %s",
                  reasons_done(ctx, &unk));
        return;
    }
    reasons_done(ctx, &unk);
    check_set(ctx, r, VERDICT_PASS,
              "SSH key exchange uses no SHA-1 or group below %ld and the host keys are neither DSA "
              "nor RSA below %ld bits",
              ctx->profile->ssh_min_dh_group, ctx->profile->ssh_min_rsa_bits);
}

/* ------------------------------------------------------------------- TLS */

/* Is this a management service that speaks TLS? */
static bool service_tls(const struct mgmt_service *v)
{
    return v->state.state == FACT_ON && !v->cleartext && SVC_HAS(v, SVCP_TLS);
}

/* A programmable interface running without TLS (gRPC/gNMI "no-tls"). */
static bool service_api_cleartext(const struct mgmt_service *v)
{
    return v->state.state == FACT_ON && v->cleartext && SVC_HAS(v, SVCP_GRPC);
}

static void eval_tls(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct tls_facts *t = &m->tls;
    struct reasons svc, bad, unk;
    reasons_init(&svc);
    reasons_init(&bad);
    for (size_t i = 0; i < m->nservices; i++) {
        const struct mgmt_service *v = &m->services[i];
        if (service_tls(v) || service_api_cleartext(v)) {
            reasons_add(&svc, "%s", v->name);
            check_evidence_fact(ctx, r, &v->state.ev);
        }
        if (service_api_cleartext(v))
            reasons_add(&bad, "%s runs without TLS", v->name);
    }
    if (!svc.n && t->service_unknown) {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &svc);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether a TLS management service runs: %s",
                  t->service_unknown);
        return;
    }
    if (!svc.n) {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &svc);
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no TLS management service (HTTPS, RESTCONF, NX-API, eAPI, gNMI) is on");
        return;
    }
    const char *names = reasons_done(ctx, &svc);
    if (t->not_read && !bad.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_UNKNOWN, "TLS services on (%s): %s", names, t->not_read);
        return;
    }
    if (t->not_read) {
        check_set(ctx, r, VERDICT_FAIL, "TLS services (%s): %s", names, reasons_done(ctx, &bad));
        return;
    }
    int need = ctx->profile->tls_min && !strcmp(ctx->profile->tls_min, "1.3") ? 13 : 12;
    reasons_init(&unk);
    if (t->min_version && t->min_version < need) {
        reasons_add(&bad, "TLS 1.%d accepted (policy.tls_min %s)", t->min_version - 10,
                    ctx->profile->tls_min ? ctx->profile->tls_min : "1.2");
        ev_node(ctx, r, t->version_node);
    } else if (!t->min_version) {
        reasons_add(&unk, "no TLS version setting: the release's defaults apply");
    } else {
        ev_node(ctx, r, t->version_node);
    }
    if (t->weak_cipher) {
        reasons_add(&bad, "weak cipher suite %s", t->weak_cipher);
        ev_node(ctx, r, t->cipher_node);
    }
    check_evidence_fact(ctx, r, &t->ca_cert.ev);
    if (t->ca_cert.state == FACT_OFF)
        reasons_add(&bad, "certificate: %s", fact_why(ctx, &t->ca_cert));
    else if (t->ca_cert.state == FACT_UNKNOWN)
        reasons_add(&unk, "certificate: %s", fact_why(ctx, &t->ca_cert));
    if (bad.n) {
        reasons_done(ctx, &unk);
        check_set(ctx, r, VERDICT_FAIL, "TLS services (%s): %s", names, reasons_done(ctx, &bad));
    } else if (unk.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_UNKNOWN, "TLS services (%s): cannot tell: %s", names,
                  reasons_done(ctx, &unk));
    } else {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &unk);
        check_set(ctx, r, VERDICT_PASS,
                  "TLS services (%s) accept TLS 1.%d and above, name no weak suite and present "
                  "an installed certificate",
                  names, t->min_version - 10);
    }
}

/* ------------------------------------------------------- link encryption */

/* Active interfaces whose description matches interfaces.encrypt_description. */
static size_t encrypt_links(const struct check_ctx *ctx, const struct interface ***out)
{
    const struct device_model *m = ctx->model;
    const struct interface **v = arena_alloc(ctx->arena, (m->ninterfaces + 1) * sizeof(*v));
    size_t n = 0;
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *it = &m->interfaces[i];
        if (it->description && !it->shutdown &&
            cfg_regex_match(ctx->profile->encrypt_description, sv_from_cstr(it->description), NULL,
                            0))
            v[n++] = it;
    }
    *out = v;
    return n;
}

/* Encryption bound to the interface (or, for a Junos unit, its port). */
static const struct link_crypto *link_for(const struct link_crypto_facts *lc, const char *ifname)
{
    size_t n = strlen(ifname);
    const char *dot = strchr(ifname, '.');
    for (size_t i = 0; i < lc->nlinks; i++) {
        const char *l = lc->links[i].ifname;
        if (!l)
            continue;
        if (str_ieq(l, ifname) || (dot && strlen(l) == (size_t)(dot - ifname) &&
                                   !strncasecmp(l, ifname, (size_t)(dot - ifname))))
            return &lc->links[i];
        if (strlen(l) > n && l[n] == '.' && !strncasecmp(l, ifname, n))
            return &lc->links[i];
    }
    return NULL;
}

/* Judge one tagged link into the reasons lists. */
static void judge_link(const struct check_ctx *ctx, struct check_result *r,
                       const struct interface *it, struct reasons *bad, struct reasons *unk,
                       struct reasons *good)
{
    const struct link_crypto_facts *lc = &ctx->model->link_crypto;
    const struct link_crypto *lk = link_for(lc, it->name);
    ev_node(ctx, r, it->node);
    if (!lk) {
        if (lc->not_read)
            reasons_add(unk, "%s: %s", it->name, lc->not_read);
        else
            reasons_add(bad, "%s has neither MACsec nor IPsec", it->name);
        return;
    }
    check_evidence_fact(ctx, r, &lk->strong.ev);
    if (lk->strong.state == FACT_OFF)
        reasons_add(bad, "%s: MACsec suite %s is not 256-bit GCM", it->name,
                    lk->suite ? lk->suite : "?");
    else if (lk->strong.state == FACT_UNKNOWN)
        reasons_add(unk, "%s: %s", it->name, fact_why(ctx, &lk->strong));
    else
        reasons_add(good, "%s (%s%s%s)", it->name, lk->kind, lk->policy ? " " : "",
                    lk->policy ? lk->policy : "");
}

static void eval_link_encryption(const struct check_ctx *ctx, struct check_result *r)
{
    if (!ctx->profile->encrypt_description) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs interfaces.encrypt_description in the profile to know which links must "
                  "be encrypted");
        return;
    }
    const struct interface **links;
    size_t n = encrypt_links(ctx, &links);
    if (!n) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no active interface has a description matching "
                  "interfaces.encrypt_description");
        return;
    }
    struct reasons bad, unk, good;
    reasons_init(&bad);
    reasons_init(&unk);
    reasons_init(&good);
    for (size_t i = 0; i < n; i++)
        judge_link(ctx, r, links[i], &bad, &unk, &good);
    const char *ok = reasons_done(ctx, &good);
    if (bad.n) {
        reasons_done(ctx, &unk);
        check_set(ctx, r, VERDICT_FAIL, "links that must be encrypted: %s",
                  reasons_done(ctx, &bad));
    } else if (unk.n) {
        reasons_done(ctx, &bad);
        check_set(ctx, r, VERDICT_UNKNOWN, "cannot tell whether these links are encrypted: %s",
                  reasons_done(ctx, &unk));
    } else {
        reasons_done(ctx, &bad);
        reasons_done(ctx, &unk);
        check_set(ctx, r, VERDICT_PASS, "every link that must be encrypted is: %s", ok);
    }
}

static void eval_ipsec(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (m->nipsec == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no IKE/IPsec policy is configured");
        return;
    }
    struct reasons weak, unknown;
    reasons_init(&weak);
    reasons_init(&unknown);
    for (size_t i = 0; i < m->nipsec; i++) {
        const struct ipsec_policy *p = &m->ipsec[i];
        if (!p->weak && p->unknown) {
            reasons_add(&unknown, "'%s' (%s)", p->name ? p->name : "?", p->unknown);
            ev_node(ctx, r, p->node);
        }
        if (!p->weak)
            continue;
        reasons_add(&weak, "'%s' (%s%s%s%s%s)", p->name ? p->name : "?",
                    p->encryption ? p->encryption : "", p->integrity ? " " : "",
                    p->integrity ? p->integrity : "", p->dh_group ? " group " : "",
                    p->dh_group ? p->dh_group : "");
        ev_node(ctx, r, p->node);
    }
    if (weak.n) {
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_FAIL,
                  "IKE/IPsec policies with a null or DES/3DES cipher, MD5/SHA-1 or DH groups below "
                  "14: %s",
                  reasons_done(ctx, &weak));
        return;
    }
    reasons_done(ctx, &weak);
    if (unknown.n) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "IKE/IPsec policies whose strength depends on release defaults: %s",
                  reasons_done(ctx, &unknown));
        return;
    }
    reasons_done(ctx, &unknown);
    for (size_t i = 0; i < m->nipsec; i++)
        ev_node(ctx, r, m->ipsec[i].node);
    check_set(ctx, r, VERDICT_PASS, "all %zu IKE/IPsec policies use strong suites", m->nipsec);
}

static const struct check_def defs[] = {
    {
        .id = "CRYPTO-SSH-CIPHERS",
        .source = "builtin",
        .title = "SSH server ciphers limited to AES-CTR/AES-GCM (and ChaCha20 where allowed)",
        .category = "Cryptography",
        .severity = SEV_HIGH,
        .rationale = "CBC modes, 3DES, arcfour and blowfish are deprecated for SSH; a server "
                     "that offers them can be pushed onto them.",
        .measures = MEASURES("M2.03", "M11.32", "M11.34"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Limit the SSH server to aes256-gcm, aes128-gcm, aes256-ctr "
                                    "and aes128-ctr (and chacha20-poly1305).",
                [DIALECT_CISCO_IOS] = "ip ssh server algorithm encryption aes256-gcm aes128-gcm "
                                      "aes256-ctr aes192-ctr aes128-ctr",
                [DIALECT_CISCO_NXOS] = "no ssh cipher-mode weak",
                [DIALECT_CISCO_IOSXR] = "ssh server algorithms cipher aes256-gcm aes128-gcm "
                                        "aes256-ctr aes128-ctr",
                [DIALECT_CISCO_ASA] = "ssh cipher encryption high",
                [DIALECT_ARISTA_EOS] = "management ssh\n cipher aes256-gcm@openssh.com "
                                       "aes256-ctr aes128-ctr",
                [DIALECT_JUNIPER_JUNOS] =
                    "set system services ssh ciphers [ aes256-gcm@openssh.com "
                    "aes128-gcm@openssh.com aes256-ctr aes128-ctr ]",
                [DIALECT_NOKIA_SROS] = "configure system security ssh server-cipher-list-v2 "
                                       "cipher 190 name aes256-ctr; cipher 192 name aes128-ctr  "
                                       "(remove CBC/3DES entries)",
                [DIALECT_HUAWEI_VRP] = "ssh server cipher aes256_gcm aes128_gcm aes256_ctr "
                                       "aes128_ctr",
            },
        .eval = eval_ssh_ciphers,
    },
    {
        .id = "CRYPTO-SSH-MACS",
        .source = "builtin",
        .title = "SSH MACs limited to HMAC-SHA2 (ETM preferred)",
        .category = "Cryptography",
        .severity = SEV_HIGH,
        .rationale = "MD5 and SHA-1 based or truncated MACs no longer give adequate integrity "
                     "protection to management sessions.",
        .measures = MEASURES("M2.03", "M11.32"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Limit SSH MACs to hmac-sha2-512 and hmac-sha2-256 "
                                    "(encrypt-then-MAC variants preferred).",
                [DIALECT_CISCO_IOS] = "ip ssh server algorithm mac hmac-sha2-512-etm@openssh.com "
                                      "hmac-sha2-256-etm@openssh.com hmac-sha2-512 "
                                      "hmac-sha2-256",
                [DIALECT_CISCO_NXOS] = "ssh macs hmac-sha2-256 hmac-sha2-512",
                [DIALECT_CISCO_IOSXR] = "ssh server algorithms mac hmac-sha2-512 hmac-sha2-256",
                [DIALECT_CISCO_ASA] = "ssh cipher integrity high",
                [DIALECT_ARISTA_EOS] = "management ssh\n mac hmac-sha2-256 hmac-sha2-512",
                [DIALECT_JUNIPER_JUNOS] = "set system services ssh macs [ hmac-sha2-512 "
                                          "hmac-sha2-256 ]",
                [DIALECT_NOKIA_SROS] = "configure system security ssh server-mac-list-v2 mac "
                                       "200 name hmac-sha2-512; mac 210 name hmac-sha2-256  "
                                       "(remove sha1/md5 entries)",
                [DIALECT_HUAWEI_VRP] = "ssh server hmac sha2_512 sha2_256",
            },
        .eval = eval_ssh_macs,
    },
    {
        .id = "CRYPTO-IPSEC",
        .source = "builtin",
        .title = "IKE/IPsec uses strong suites (no DES/3DES/MD5/SHA-1/DH 1/2/5)",
        .category = "Cryptography",
        .severity = SEV_HIGH,
        .rationale = "Weak IKE and ESP algorithms let a recorded tunnel be decrypted or its "
                     "peers impersonated; AES-256, SHA-384/512 and DH group 15+ or ECP are "
                     "the baseline.",
        .measures = MEASURES("M2.03", "M10.10", "M11.34"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Use AES-256 (GCM), SHA-384/512 and DH group 16, 19, 20 or "
                                    "21 for IKE and IPsec.",
                [DIALECT_CISCO_IOS] = "crypto ikev2 proposal STRONG\n encryption aes-gcm-256\n "
                                      "prf sha384\n group 20\ncrypto ipsec transform-set STRONG "
                                      "esp-gcm 256",
                [DIALECT_CISCO_IOSXR] = "crypto ikev2 proposal STRONG\n encryption aes-gcm-256\n "
                                        "prf sha384\n dh 20",
                [DIALECT_CISCO_ASA] = "crypto ikev2 policy 10\n encryption aes-gcm-256\n "
                                      "integrity null\n group 20\n prf sha384",
                [DIALECT_ARISTA_EOS] = "ip security\n ike policy STRONG\n  encryption aes256\n  "
                                       "integrity sha384\n  dh-group 20",
                [DIALECT_JUNIPER_JUNOS] = "set security ike proposal STRONG dh-group group20 "
                                          "encryption-algorithm aes-256-gcm\nset security ipsec "
                                          "proposal STRONG encryption-algorithm aes-256-gcm",
                [DIALECT_NOKIA_SROS] = "configure ipsec ike-transform 1 dh-group 20 "
                                       "ike-auth-algorithm sha384 ike-encryption-algorithm "
                                       "aes256",
                [DIALECT_HUAWEI_VRP] = "ike proposal 10\n encryption-algorithm aes-256\n dh "
                                       "group20\n authentication-algorithm sha2-384",
            },
        .eval = eval_ipsec,
    },
};

const struct check_family checks_family_crypto = {defs, ARRAY_SIZE(defs)};

/* Added after the first release: a family of their own at the end of the
 * registry, so the order of the earlier checks stays as it was. */
static const struct check_def defs_more[] = {
    {
        .id = "CRYPTO-SSH-KEX-HOSTKEY",
        .source = "builtin",
        .title = "SSH key exchange and host keys of adequate strength",
        .category = "Cryptography",
        .severity = SEV_MEDIUM,
        .rationale = "SHA-1 and small Diffie-Hellman groups in the key exchange, and DSA or "
                     "short RSA host keys, let a well-resourced attacker recover or impersonate "
                     "management sessions.",
        .measures = MEASURES("M2.03", "M11.32"),
        .context = "policy.ssh_min_rsa_bits, policy.ssh_min_dh_group",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Offer only ECDH, curve25519 or DH group 16+ with SHA-2 key "
                                    "exchange, no DSA or SHA-1 RSA host-key signatures, and an "
                                    "RSA host key of at least 3072 bits.",
                [DIALECT_CISCO_IOS] = "ip ssh server algorithm kex ecdh-sha2-nistp384 "
                                      "ecdh-sha2-nistp521 diffie-hellman-group16-sha512\nip ssh "
                                      "server algorithm hostkey rsa-sha2-512 rsa-sha2-256\nip "
                                      "ssh dh min size 4096\ncrypto key generate rsa modulus "
                                      "4096  (exec)",
                [DIALECT_CISCO_IOSXR] = "ssh server algorithms key-exchange ecdh-sha2-nistp384 "
                                        "ecdh-sha2-nistp521 diffie-hellman-group16-sha512\n"
                                        "crypto key generate rsa 4096  (exec)",
                [DIALECT_CISCO_NXOS] = "ssh kexalgos ecdh-sha2-nistp384 ecdh-sha2-nistp521\nssh "
                                       "key rsa 4096 force",
                [DIALECT_CISCO_ASA] = "ssh key-exchange group <the strongest group the release "
                                      "offers>\ncrypto key generate rsa modulus 4096  (exec)",
                [DIALECT_ARISTA_EOS] = "management ssh\n key-exchange ecdh-sha2-nistp521 "
                                       "ecdh-sha2-nistp384 diffie-hellman-group16-sha512",
                [DIALECT_JUNIPER_JUNOS] =
                    "set system services ssh key-exchange [ ecdh-sha2-nistp384 "
                    "ecdh-sha2-nistp521 curve25519-sha256 ]\nset system services ssh "
                    "hostkey-algorithm no-ssh-dss",
                [DIALECT_NOKIA_SROS] = "configure system security ssh server-kex-list-v2 kex 1 "
                                       "name ecdh-sha2-nistp384  (remove group1/group14-sha1)",
                [DIALECT_HUAWEI_VRP] = "ssh server key-exchange dh_group16_sha512 "
                                       "ecdh_sha2_nistp384 ecdh_sha2_nistp521\nrsa local-key-pair "
                                       "create  (exec, 3072 bits or more)",
            },
        .eval = eval_ssh_kex_hostkey,
    },
    {
        .id = "CRYPTO-TLS",
        .source = "builtin",
        .title = "TLS ≥1.2 (prefer 1.3), strong suites, CA-issued certificates for "
                 "HTTPS/API/syslog-TLS",
        .category = "Cryptography",
        .severity = SEV_MEDIUM,
        .rationale = "Management APIs and web interfaces over old TLS versions, weak suites or "
                     "self-signed certificates can be intercepted or impersonated.",
        .measures = MEASURES("M2.03", "M9.04", "M10.10", "M11.32"),
        .context = "policy.tls_min",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Accept TLS 1.2 and 1.3 only, remove 3DES/RC4/NULL suites and "
                                    "present a certificate from the provider's PKI.",
                [DIALECT_CISCO_IOS] = "ip http tls-version TLSv1.2\nip http secure-ciphersuite "
                                      "<ECDHE/AES-GCM suites only>\nip http secure-trustpoint "
                                      "<CA-enrolled trustpoint>",
                [DIALECT_CISCO_NXOS] = "nxapi ssl protocols TLSv1.2 TLSv1.3\nno nxapi ssl "
                                       "ciphers weak\nnxapi certificate httpscrt certfile "
                                       "bootflash:<cert>\nnxapi certificate enable",
                [DIALECT_ARISTA_EOS] = "management security\n ssl profile API\n  tls versions "
                                       "1.2 1.3\n  certificate <ca-issued.crt> key <key>\n"
                                       "management api http-commands\n protocol https ssl "
                                       "profile API",
                [DIALECT_JUNIPER_JUNOS] = "set system services web-management https "
                                          "pki-local-certificate <ca-issued-cert>",
            },
        .eval = eval_tls,
    },
    {
        .id = "CRYPTO-LINK-ENCRYPTION",
        .source = "builtin",
        .title = "Untrusted / third-party transmission links are encrypted",
        .category = "Cryptography (protection of data in transit)",
        .severity = SEV_MEDIUM,
        .rationale = "Traffic crossing leased, third-party or exposed links can be tapped "
                     "outside the provider's control unless MACsec or IPsec protects it.",
        .measures = MEASURES("M10.10", "M1.04"),
        .context = "interfaces.encrypt_description",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Protect every tagged link with MACsec (AES-256-GCM) or "
                                    "IPsec.",
                [DIALECT_CISCO_IOS] = "mka policy LINK\n macsec-cipher-suite gcm-aes-xpn-256\n"
                                      "interface <link>\n macsec network-link\n mka policy "
                                      "LINK\n mka pre-shared-key key-chain <keychain>",
                [DIALECT_CISCO_IOSXR] = "macsec-policy LINK\n cipher-suite GCM-AES-XPN-256\n"
                                        "interface <link>\n macsec psk-keychain <keychain> "
                                        "policy LINK",
                [DIALECT_CISCO_NXOS] = "feature macsec\nmacsec policy LINK\n cipher-suite "
                                       "GCM-AES-XPN-256\ninterface <link>\n macsec keychain "
                                       "<keychain> policy LINK",
                [DIALECT_ARISTA_EOS] = "mac security\n profile LINK\n  cipher aes256-gcm-xpn\n"
                                       "interface <link>\n mac security profile LINK",
                [DIALECT_JUNIPER_JUNOS] = "set security macsec connectivity-association LINK "
                                          "cipher-suite gcm-aes-xpn-256\nset security macsec "
                                          "interfaces <link> connectivity-association LINK",
            },
        .eval = eval_link_encryption,
    },
};

const struct check_family checks_family_crypto_more = {defs_more, ARRAY_SIZE(defs_more)};
