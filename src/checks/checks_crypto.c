/*
 * checks_crypto.c - cryptography checks (CRYPTO-*): the SSH server's
 * ciphers and MACs and the IKE/IPsec suites.
 */
#include "checks/checks_int.h"

static bool ssh_off(const struct check_ctx *ctx, struct check_result *r)
{
    const struct fact_bool *en = &ctx->model->ssh.enabled;
    if (en->state != FACT_OFF)
        return false;
    check_set(ctx, r, VERDICT_NOT_APPLICABLE, "the SSH server is off");
    check_evidence_fact(ctx, r, &en->ev);
    return true;
}

static void eval_ssh_ciphers(const struct check_ctx *ctx, struct check_result *r)
{
    const struct ssh_facts *s = &ctx->model->ssh;
    if (ssh_off(ctx, r))
        return;
    check_evidence_fact(ctx, r, &s->algo_ev);
    judge_fact(ctx, r, &s->weak_ciphers, FACT_ON,
               "the SSH server offers weak ciphers (CBC modes, 3DES, arcfour or blowfish)",
               "the SSH server offers only CTR/GCM (or ChaCha20) ciphers",
               "the SSH server offers weak ciphers");
}

static void eval_ssh_macs(const struct check_ctx *ctx, struct check_result *r)
{
    const struct ssh_facts *s = &ctx->model->ssh;
    if (ssh_off(ctx, r))
        return;
    check_evidence_fact(ctx, r, &s->algo_ev);
    judge_fact(ctx, r, &s->weak_macs, FACT_ON,
               "the SSH server offers weak MACs (MD5, SHA-1 or truncated)",
               "the SSH server offers only HMAC-SHA2 MACs", "the SSH server offers weak MACs");
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
                  "IKE/IPsec policies with DES/3DES, MD5/SHA-1 or DH groups below 14: %s",
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
