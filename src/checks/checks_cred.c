/*
 * checks_cred.c - credential storage checks (CRED-*): how the enable secret,
 * local passwords and shared keys are stored, plaintext anywhere, SSH keys
 * bound to accounts, and the per-device side of CRED-UNIQUE-PER-DEVICE
 * (the cross-device comparison is in fleet.c).
 */
#include "checks/checks_int.h"

#include <string.h>

/* Every shared (non-account) secret of the device, de-duplicated by value
 * pointer: the extractors may list a BGP or AAA key both in its object and
 * in other_secrets. */
struct secret_ref {
    const struct secret *s;
    const char *kind;
};

static size_t shared_secrets_ex(const struct check_ctx *ctx, struct secret_ref **out,
                                bool communities)
{
    const struct device_model *m = ctx->model;
    size_t cap = m->nother_secrets + m->aaa.nservers + m->bgp.nneighbors + 1, n = 0;
    struct secret_ref *v = arena_alloc(ctx->arena, cap * sizeof(*v));
#define ADD_SECRET(sec, k)                                                                         \
    do {                                                                                           \
        const struct secret *s_ = (sec);                                                           \
        bool dup_ = s_->type == SECRET_NONE;                                                       \
        for (size_t j_ = 0; !dup_ && j_ < n; j_++)                                                 \
            if ((v[j_].s->value.p && v[j_].s->value.p == s_->value.p) ||                           \
                (v[j_].s->node && v[j_].s->node == s_->node && v[j_].s->type == s_->type))         \
                dup_ = true;                                                                       \
        if (!dup_)                                                                                 \
            v[n++] = (struct secret_ref){s_, (k)};                                                 \
    } while (0)
    for (size_t i = 0; i < m->nother_secrets; i++) {
        const char *kind = m->other_secret_kinds ? m->other_secret_kinds[i] : "key";
        /* Community strings are judged by the SNMP checks: v1/v2c has no
         * other way to store them. */
        if (kind && !strcmp(kind, "snmp-community") && !communities)
            continue;
        ADD_SECRET(&m->other_secrets[i], kind);
    }
    for (size_t i = 0; i < m->aaa.nservers; i++)
        ADD_SECRET(&m->aaa.servers[i].key,
                   m->aaa.servers[i].proto == AAA_RADIUS ? "radius-key" : "tacacs-key");
    for (size_t i = 0; i < m->bgp.nneighbors; i++)
        ADD_SECRET(&m->bgp.neighbors[i].key, "bgp-key");
#undef ADD_SECRET
    *out = v;
    return n;
}

/* Reversible storage that a published algorithm or fixed key undoes. */
static bool weakly_reversible(enum secret_type t)
{
    return t == SECRET_PLAINTEXT || t == SECRET_CISCO7 || t == SECRET_JUNOS9 ||
           t == SECRET_FORTI_ENC;
}

/* The secrets CRED-SECRET-ENCRYPTION judges: checks.md names the AAA, IKE, NTP
 * and routing keys. Line and console passwords and SNMPv3 user keys are
 * credentials of a login or a user: they count here only when kept in the
 * reversible form this check forbids (type 7, $9$ or clear); hashed (NX-OS
 * and IOS SNMPv3 localized keys, an ASA 'passwd ... encrypted') they are not
 * shared secrets at all, and CRED-LOCAL-HASH and the SNMP checks judge them. */
static bool encryption_scope(const struct secret_ref *ref)
{
    const char *kind = ref->kind ? ref->kind : "";
    if (!strcmp(kind, "snmp-auth") || !strcmp(kind, "snmp-priv") || !strcmp(kind, "line-password"))
        return weakly_reversible(ref->s->type);
    return true;
}

static size_t shared_secrets(const struct check_ctx *ctx, struct secret_ref **out)
{
    size_t n = shared_secrets_ex(ctx, out, false), kept = 0;
    for (size_t i = 0; i < n; i++)
        if (encryption_scope(&(*out)[i]))
            (*out)[kept++] = (*out)[i];
    return kept;
}

/* ------------------------------------------------------------ CRED-ENABLE */

static void eval_enable(const struct check_ctx *ctx, struct check_result *r)
{
    const struct secret *s = &ctx->model->enable;
    ev_node(ctx, r, s->node);
    switch (s->type) {
    case SECRET_NONE:
        if (ctx->model->dialect == DIALECT_CISCO_IOS || ctx->model->dialect == DIALECT_CISCO_ASA)
            /* the platform has one: without it privileged mode is open (or blank on the ASA) */
            check_set(ctx, r, VERDICT_FAIL,
                      "no enable secret is configured: privileged mode is not protected by a "
                      "hashed secret");
        else
            check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                      "no enable (privileged-mode) secret is configured");
        return;
    case SECRET_REDACTED:
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the enable secret was removed by the collector, so its storage type is "
                  "unknown");
        return;
    case SECRET_OTHER_HASH:
        check_set(ctx, r, VERDICT_UNKNOWN, "the enable secret uses an unrecognised hash");
        return;
    default:
        break;
    }
    if (secret_type_is_strong_hash(s->type)) {
        check_set(ctx, r, VERDICT_PASS, "the enable secret is stored as %s",
                  secret_type_name(s->type));
        return;
    }
    check_set(ctx, r, VERDICT_FAIL, "the enable secret is stored as %s (%s)",
              secret_type_name(s->type),
              secret_type_is_reversible(s->type) ? "readable by anyone holding the configuration"
                                                 : "a weak hash");
}

/* -------------------------------------------------------- CRED-LOCAL-HASH */

static void eval_local_hash(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons weak, unknown;
    size_t judged = 0;
    reasons_init(&weak);
    reasons_init(&unknown);
    for (size_t i = 0; i < m->naccounts; i++) {
        const struct account *a = &m->accounts[i];
        const char *name = a->name ? a->name : "?";
        enum secret_type t = a->secret.type;
        if (t == SECRET_NONE && !a->blank_password)
            continue;
        judged++;
        if (a->blank_password) {
            /* no hash at all: as checks.md fails EOS 'nopassword' */
            reasons_add(&weak, "'%s' has no password%s", name,
                        a->factory ? " (the factory account, no administrator is configured)" : "");
            ev_node(ctx, r, a->node);
        } else if (t == SECRET_REDACTED) {
            reasons_add(&unknown, "'%s' (removed by the collector)", name);
        } else if (t == SECRET_OTHER_HASH) {
            reasons_add(&unknown, "'%s' (unrecognised hash)", name);
        } else if (!secret_type_is_strong_hash(t)) {
            reasons_add(&weak, "'%s' uses %s%s", name, secret_type_name(t),
                        account_password_is_name(a) ? " (the password equals the user name)" : "");
            ev_node(ctx, r, a->secret.node ? a->secret.node : a->node);
        } else {
            ev_node(ctx, r, a->secret.node ? a->secret.node : a->node);
        }
    }
    if (weak.n) {
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_FAIL, "local passwords stored weakly: %s",
                  reasons_done(ctx, &weak));
    } else if (unknown.n) {
        reasons_done(ctx, &weak);
        check_set(ctx, r, VERDICT_UNKNOWN, "storage of local passwords unknown: %s",
                  reasons_done(ctx, &unknown));
    } else if (judged == 0) {
        reasons_done(ctx, &weak);
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no local account has a password");
    } else {
        reasons_done(ctx, &weak);
        reasons_done(ctx, &unknown);
        check_set(ctx, r, VERDICT_PASS, "all %zu local passwords use strong one-way hashes",
                  judged);
    }
}

/* --------------------------------------------------------- CRED-PLAINTEXT */

static void eval_plaintext(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    struct reasons plain;
    size_t redacted = 0, total = 0;
    reasons_init(&plain);

#define LOOK(sec, what)                                                                            \
    do {                                                                                           \
        const struct secret *s_ = (sec);                                                           \
        if (s_->type == SECRET_NONE)                                                               \
            break;                                                                                 \
        total++;                                                                                   \
        if (s_->type == SECRET_PLAINTEXT) {                                                        \
            reasons_add(&plain, "%s at line %u", (what), s_->node ? s_->node->line : 0);           \
            ev_node(ctx, r, s_->node);                                                             \
        } else if (s_->type == SECRET_REDACTED) {                                                  \
            redacted++;                                                                            \
        }                                                                                          \
    } while (0)

    LOOK(&m->enable, "enable password");
    for (size_t i = 0; i < m->naccounts; i++)
        LOOK(&m->accounts[i].secret, "local password");
    struct secret_ref *sh;
    size_t nsh = shared_secrets_ex(ctx, &sh, true);
    for (size_t i = 0; i < nsh; i++)
        LOOK(sh[i].s, sh[i].kind ? sh[i].kind : "key");
    /* checks.md names SNMP among the keys that must not sit in clear text;
     * the Cisco family can store communities otherwise (type 7/encrypted),
     * while checks.md's Junos evidence leaves its communities out */
    for (size_t i = 0; dialect_is_cisco_family(m->dialect) && i < m->snmp.ncommunities; i++)
        LOOK(&m->snmp.communities[i].name, "SNMP community");
#undef LOOK

    /* checks.md IOS: without 'service password-encryption' line passwords
     * are kept and shown in clear text, whatever is configured today. */
    const struct fact_bool *spe = &m->legacy.service_password_encryption;
    if (m->dialect == DIALECT_CISCO_IOS && spe->state == FACT_OFF) {
        reasons_add(&plain, "no 'service password-encryption': line and type 0 passwords are "
                            "stored in clear text");
        check_evidence_fact(ctx, r, &spe->ev);
    }
    if (plain.n) {
        check_set(ctx, r, VERDICT_FAIL, "secrets stored in clear text: %s",
                  reasons_done(ctx, &plain));
        return;
    }
    reasons_done(ctx, &plain);
    if (redacted) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%zu of %zu secrets were removed by the collector, so their storage is "
                  "unknown",
                  redacted, total);
        return;
    }
    if (total == 0) {
        check_set(ctx, r, VERDICT_PASS, "no secrets in the configuration, so none in clear text");
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "none of the %zu secrets is stored in clear text", total);
}

/* ----------------------------------------------- CRED-SECRET-ENCRYPTION */

static void eval_secret_encryption(const struct check_ctx *ctx, struct check_result *r)
{
    struct secret_ref *sh;
    size_t nsh = shared_secrets(ctx, &sh), judged = 0, redacted = 0;
    struct reasons weak;
    reasons_init(&weak);
    for (size_t i = 0; i < nsh; i++) {
        const struct secret *s = sh[i].s;
        if (s->type == SECRET_REDACTED) {
            redacted++;
            continue;
        }
        judged++;
        if (weakly_reversible(s->type)) {
            reasons_add(&weak, "%s at line %u stored as %s", sh[i].kind ? sh[i].kind : "key",
                        s->node ? s->node->line : 0, secret_type_name(s->type));
            ev_node(ctx, r, s->node);
        }
    }
    if (weak.n) {
        check_evidence_fact(ctx, r, &ctx->model->legacy.secret_encryption.ev);
        check_set(ctx, r, VERDICT_FAIL,
                  "shared secrets use reversible storage that anyone can undo: %s",
                  reasons_done(ctx, &weak));
        return;
    }
    reasons_done(ctx, &weak);
    if (judged == 0 && redacted) {
        check_set(ctx, r, VERDICT_UNKNOWN, "all %zu shared secrets were removed by the collector",
                  redacted);
        return;
    }
    if (judged == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE,
                  "no AAA, IKE, NTP or routing shared secret (key) in the configuration");
        return;
    }
    check_evidence_fact(ctx, r, &ctx->model->legacy.secret_encryption.ev);
    check_set(ctx, r, VERDICT_PASS,
              "%zu shared secrets use strong (key-based) encryption or one-way storage%s", judged,
              redacted ? "; some others were removed by the collector" : "");
}

/* ---------------------------------------------------------- CRED-SSH-KEYS */

static void eval_ssh_keys(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct profile *pr = ctx->profile;
    struct reasons bad, keyed;
    reasons_init(&bad);
    reasons_init(&keyed);
    for (size_t i = 0; i < m->naccounts; i++) {
        const struct account *a = &m->accounts[i];
        if (!a->has_ssh_key)
            continue;
        reasons_add(&keyed, "'%s'", a->name ? a->name : "?");
        if (a->name && !strcmp(a->name, "root")) {
            reasons_add(&bad, "root has an SSH key");
            ev_node(ctx, r, a->node);
            ev_node(ctx, r, a->ssh_key_node);
        } else if ((pr->breakglass.present || pr->allowed_accounts.present) &&
                   !sset_contains(&pr->breakglass, a->name) &&
                   !sset_contains(&pr->allowed_accounts, a->name)) {
            reasons_add(&bad, "'%s' is not an approved account", a->name ? a->name : "?");
            ev_node(ctx, r, a->node);
            ev_node(ctx, r, a->ssh_key_node);
        }
    }
    if (bad.n) {
        reasons_done(ctx, &keyed);
        check_set(ctx, r, VERDICT_FAIL, "unexpected SSH public keys: %s", reasons_done(ctx, &bad));
        return;
    }
    reasons_done(ctx, &bad);
    if (!keyed.n) {
        reasons_done(ctx, &keyed);
        if (m->dialect == DIALECT_CISCO_IOSXR) {
            check_set(ctx, r, VERDICT_UNKNOWN,
                      "IOS XR keeps user public keys outside the configuration ('crypto key "
                      "import authentication'); list them with 'show crypto key authentication "
                      "rsa all'");
            return;
        }
        check_set(ctx, r, VERDICT_PASS, "no SSH public key is bound to a local account");
        return;
    }
    const char *who = reasons_done(ctx, &keyed);
    if (!pr->breakglass.present && !pr->allowed_accounts.present) {
        for (size_t i = 0; i < m->naccounts; i++)
            if (m->accounts[i].has_ssh_key) {
                ev_node(ctx, r, m->accounts[i].node);
                ev_node(ctx, r, m->accounts[i].ssh_key_node);
            }
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "SSH keys are bound to %s; needs accounts.allowed (or accounts.breakglass) in "
                  "the profile",
                  who);
        return;
    }
    check_set(ctx, r, VERDICT_PASS, "SSH keys are bound only to approved accounts (%s)", who);
}

/* -------------------------------------------------- CRED-UNIQUE-PER-DEVICE */

void check_eval_cred_unique_local(const struct check_ctx *ctx, struct check_result *r)
{
    if (!ctx->model) {
        check_set(ctx, r, VERDICT_UNKNOWN, "the configuration could not be read");
        return;
    }
    if (ctx->fleet) {
        fleet_device_result(ctx, r);
        return;
    }
    struct device_summary s = {0};
    checks_device_fingerprints(ctx->model, "", &s);
    size_t nfps = s.nfps, nred = s.nredacted;
    free(s.fps);
    if (nfps == 0 && nred) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "every secret (%zu) was removed by the collector, so reuse cannot be checked",
                  nred);
    } else if (nfps == 0) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no reusable secrets in the configuration");
    } else {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%zu secrets fingerprinted; reuse is decided across all scanned devices (see "
                  "the estate findings)",
                  nfps);
    }
}

/* ------------------------------------------------------------------ table */

static const struct check_def defs[] = {
    {
        .id = "CRED-ENABLE",
        .source = "builtin",
        .title = "Privileged-mode secret uses a strong one-way hash",
        .category = "Credentials & password storage",
        .severity = SEV_HIGH,
        .rationale = "Configurations leak; an enable secret stored reversibly or as MD5 turns a "
                     "leaked file into full control of the device.",
        .measures = MEASURES("M11.35", "M19.01"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Store the privileged-mode secret with a strong one-way "
                                    "hash (scrypt/PBKDF2).",
                [DIALECT_CISCO_IOS] = "enable algorithm-type scrypt secret <new-secret>\nno "
                                      "enable password",
                [DIALECT_CISCO_ASA] = "enable password <new-secret> pbkdf2",
                [DIALECT_HUAWEI_VRP] = "super password level 15 irreversible-cipher "
                                       "<new-secret>",
            },
        .eval = eval_enable,
    },
    {
        .id = "CRED-LOCAL-HASH",
        .source = "builtin",
        .title = "Local user passwords stored with strong hashes",
        .category = "Credentials & password storage",
        .severity = SEV_HIGH,
        .rationale = "Stolen configurations are cracked offline; local passwords must use "
                     "slow, salted one-way hashes, not reversible encodings or MD5.",
        .measures = MEASURES("M11.35", "M6.04", "M19.01"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Re-set local passwords so they are stored with a strong "
                                    "one-way hash.",
                [DIALECT_CISCO_IOS] = "username <name> algorithm-type scrypt secret <password>",
                [DIALECT_CISCO_NXOS] = "username <name> password <password>  (stored as $5$ or "
                                       "stronger)",
                [DIALECT_CISCO_IOSXR] = "username <name>\n secret 10 <password>",
                [DIALECT_CISCO_ASA] = "username <name> password <password> pbkdf2",
                [DIALECT_ARISTA_EOS] = "username <name> secret sha512 <password>",
                [DIALECT_JUNIPER_JUNOS] = "set system login password format sha512\nset system "
                                          "login user <name> authentication plain-text-password",
                [DIALECT_NOKIA_SROS] = "configure system security user <name> password "
                                       "<password>  (stored as hash2)",
                [DIALECT_HUAWEI_VRP] = "aaa\n local-user <name> password irreversible-cipher "
                                       "<password>",
            },
        .eval = eval_local_hash,
    },
    {
        .id = "CRED-PLAINTEXT",
        .source = "builtin",
        .title = "No cleartext secrets anywhere in the configuration",
        .category = "Credentials & password storage",
        .severity = SEV_HIGH,
        .rationale = "A plaintext key or password is usable by anyone who sees the "
                     "configuration: backups, tickets, screen shares.",
        .measures = MEASURES("M11.02", "M19.01"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Re-enter every clear-text secret in an encrypted or hashed "
                                    "form.",
                [DIALECT_CISCO_IOS] = "key config-key password-encrypt <master>\npassword "
                                      "encryption aes\nservice password-encryption",
                [DIALECT_CISCO_NXOS] = "feature password encryption aes\nkey config-key ascii",
                [DIALECT_CISCO_IOSXR] = "key config-key password-encryption\npassword6 "
                                        "encryption aes",
                [DIALECT_ARISTA_EOS] = "Re-enter keys as type 7/8a secrets (never 'key 0').",
                [DIALECT_HUAWEI_VRP] = "Re-enter every 'simple' secret as 'cipher' or "
                                       "'irreversible-cipher'.",
            },
        .eval = eval_plaintext,
    },
    {
        .id = "CRED-SECRET-ENCRYPTION",
        .source = "builtin",
        .title = "Stored shared secrets use strong reversible encryption (Cisco Type 6, Junos "
                 "$8$)",
        .category = "Credentials & password storage",
        .severity = SEV_MEDIUM,
        .rationale = "Keys that the device must recover (AAA, routing, IKE) should be "
                     "encrypted with a device master key, not with Cisco type 7 or Junos $9$ "
                     "encodings that any tool reverses.",
        .measures = MEASURES("M19.01", "M11.02"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Enable master-key encryption of stored secrets and "
                                    "re-enter the keys.",
                [DIALECT_CISCO_IOS] = "key config-key password-encrypt <master>\npassword "
                                      "encryption aes  (then re-enter keys as type 6)",
                [DIALECT_CISCO_NXOS] = "feature password encryption aes\nkey config-key ascii\n"
                                       "encryption re-encrypt obfuscated",
                [DIALECT_CISCO_IOSXR] = "key config-key password-encryption\npassword6 "
                                        "encryption aes",
                [DIALECT_ARISTA_EOS] = "management security\n password encryption-key "
                                       "common",
                [DIALECT_JUNIPER_JUNOS] = "set system master-password plain-text-password  "
                                          "(secrets are then stored as $8$)",
            },
        .eval = eval_secret_encryption,
    },
    {
        .id = "CRED-UNIQUE-PER-DEVICE",
        .source = "builtin",
        .title = "Local/break-glass credentials and shared keys are unique per device",
        .category = "Credentials & password storage",
        .severity = SEV_HIGH,
        .rationale = "If one leaked configuration unlocks the whole estate, every device is "
                     "only as safe as the least protected one; break-glass secrets and keys "
                     "must differ per device.",
        .measures = MEASURES("M6.04", "M11.35", "M6.02"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Give each device its own break-glass password and its "
                                    "own keys; rotate every value found on more than one "
                                    "device.",
            },
        .scope = CHECK_FLEET,
        .eval = check_eval_cred_unique_local,
    },
    {
        .id = "CRED-SSH-KEYS",
        .source = "builtin",
        .title = "No unexpected SSH public keys bound to accounts",
        .category = "Credentials & password storage",
        .severity = SEV_MEDIUM,
        .rationale = "An SSH key added to an account is silent persistence that survives "
                     "password changes.",
        .measures = MEASURES("M6.02", "M11.04", "M16.16"),
        .context = "accounts.allowed, accounts.breakglass",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Remove SSH public keys from accounts that are not "
                                    "approved.",
                [DIALECT_CISCO_IOS] = "ip ssh pubkey-chain\n no username <name>",
                [DIALECT_CISCO_NXOS] = "no username <name> sshkey",
                [DIALECT_ARISTA_EOS] = "no username <name> ssh-key",
                [DIALECT_JUNIPER_JUNOS] = "delete system login user <name> authentication "
                                          "ssh-rsa\ndelete system root-authentication ssh-rsa",
                [DIALECT_NOKIA_SROS] = "configure system security user <name> no public-keys",
                [DIALECT_HUAWEI_VRP] = "undo ssh user <name> assign rsa-key",
            },
        .eval = eval_ssh_keys,
    },
};

const struct check_family checks_family_cred = {defs, ARRAY_SIZE(defs)};
