/*
 * extract_access.c - the access facts of every dialect family (struct
 * access_facts): network auto-configuration at boot, management session
 * caps, failed-login lockout and the local password policy.
 *
 * The Cisco family, VRP and FortiOS are read by one walk over the tree of
 * their own (model_extract_access(), called by model_extract() after the
 * family extractor); Junos and SR OS hand every statement path to
 * model_access_path() from their own walks, so configuration groups are
 * inherited as for every other fact. model_extract_access() then settles
 * what no statement said: the documented platform default (checks.md,
 * vendor documentation cited in the fixtures), or unknown with the reason
 * and the command that would tell.
 */
#include "model/extract.h"

#include <string.h>

/* ------------------------------------------------------------ helpers */

static struct sv text_of(const struct cfg_node *n, bool *neg)
{
    struct sv s = cfg_text(n);
    *neg = false;
    if (sv_starts_with_word(s, "no")) {
        *neg = true;
        s = sv_after_tokens(s, 1);
    }
    return s;
}

static bool live(const struct cfg_node *n)
{
    return n && !(n->flags & CFG_INACTIVE);
}

static struct sv word(struct sv s, size_t i)
{
    struct sv t = sv_token(s, i);
    return t.p ? t : sv_make("", 0);
}

/* The number after keyword kw in s (from token from on), or -1. */
static long num_after(struct sv s, size_t from, const char *kw)
{
    size_t n = sv_token_count(s);
    for (size_t i = from; i + 1 < n; i++)
        if (sv_eq_cstr(word(s, i), kw))
            return model_sv_long(word(s, i + 1), -1);
    return -1;
}

/* No statement and no default has set it (the model starts zeroed). */
static bool unset(const struct access_num *v)
{
    return !v->node && !v->is_default;
}

static void num_set(struct access_num *v, long value, const struct cfg_node *n)
{
    if (value < 0)
        return;
    v->value = value;
    v->is_default = false;
    v->node = n;
}

/* A cap where the lowest of several statements applies. */
static void num_lower(struct access_num *v, long value, const struct cfg_node *n)
{
    if (value >= 0 && (unset(v) || v->is_default || value < v->value))
        num_set(v, value, n);
}

static void num_default(struct access_num *v, long value)
{
    if (unset(v)) {
        v->value = value;
        v->is_default = true;
    }
}

static void ztp_on(struct device_model *m, const struct cfg_node *n)
{
    if (m->access.ztp.state != FACT_ON)
        fact_set(&m->access.ztp, FACT_ON, n);
    else
        fact_lines_add(&m->access.ztp.ev, n);
}

/* A lockout that holds the user or source (rather than only cutting the
 * session) wins over a disconnect-only mechanism. */
static void lockout(struct device_model *m, long attempts, long seconds, const struct cfg_node *n)
{
    struct access_facts *a = &m->access;
    if (attempts < 0)
        return;
    bool have_lock = a->lockout_attempts.node && a->lockout_seconds.value != ACCESS_DISCONNECT_ONLY;
    if (have_lock && (seconds == ACCESS_DISCONNECT_ONLY || attempts > a->lockout_attempts.value))
        return; /* the stricter lock of several stands */
    num_set(&a->lockout_attempts, attempts, n);
    a->lockout_seconds.value = seconds;
    a->lockout_seconds.is_default = false;
    a->lockout_seconds.node = n;
}

static void pwd_length(struct device_model *m, long len, const struct cfg_node *n)
{
    struct access_num *v = &m->access.pwd_min_length;
    if (len >= 0 && (unset(v) || v->is_default || len > v->value))
        num_set(v, len, n);
}

static void pwd_classes(struct device_model *m, const struct cfg_node *n)
{
    if (m->access.pwd_complexity.state != FACT_ON)
        fact_set(&m->access.pwd_complexity, FACT_ON, n);
}

/* ------------------------------------------------------------ Cisco family */

/* "line vty 0 4": how many lines the statement defines. */
static long vty_count(const char *name)
{
    struct sv s = sv_from_cstr(name ? name : "");
    size_t n = sv_token_count(s);
    if (n < 2)
        return -1;
    long lo = model_sv_long(word(s, n - 2), -1), hi = model_sv_long(word(s, n - 1), -1);
    if (lo >= 0 && hi >= lo)
        return hi - lo + 1;
    if (hi >= 0 && !sv_eq_cstr(word(s, n - 2), "vty"))
        return -1;
    return hi >= 0 ? 1 : -1;
}

/* Is w one of the words (a NULL-terminated list)? */
static bool word_in(struct sv w, const char *const *words)
{
    for (; *words; words++)
        if (sv_eq_cstr(w, *words))
            return true;
    return false;
}

/* XR "lockout-time days|hours|minutes|seconds N" in a password policy, in
 * seconds; -1 when the policy has none. */
static long xr_lockout_seconds(const struct cfg_node *policy)
{
    long secs = -1;
    for (const struct cfg_node *d = policy->child; d; d = d->next) {
        struct sv u = cfg_text(d);
        if (!live(d) || !sv_starts_with_word(u, "lockout-time"))
            continue;
        long v = model_sv_long(word(u, 2), -1);
        struct sv unit = word(u, 1);
        long mult = sv_eq_cstr(unit, "days")      ? 86400
                    : sv_eq_cstr(unit, "hours")   ? 3600
                    : sv_eq_cstr(unit, "minutes") ? 60
                                                  : 1;
        secs = v >= 0 ? v * mult : -1;
    }
    return secs;
}

/* XR "aaa password-policy P" and IOS "aaa common-criteria policy P" blocks. */
static void cisco_pwd_block(struct device_model *m, const struct cfg_node *n, bool xr)
{
    static const char *const classes[] = {
        "upper-case",   "lower-case",   "numeric", "numeric-count",
        "special-char", "special-case", NULL};
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!live(c))
            continue;
        struct sv t = cfg_text(c);
        struct sv w = word(t, 0);
        if (sv_eq_cstr(w, "min-length")) {
            pwd_length(m, model_sv_long(word(t, 1), -1), c);
        } else if (word_in(w, classes)) {
            pwd_classes(m, c);
        } else if (xr && sv_eq_cstr(w, "authen-max-attempts")) {
            long secs = xr_lockout_seconds(n);
            lockout(m, model_sv_long(word(t, 1), -1), secs < 0 ? ACCESS_DISCONNECT_ONLY : secs, c);
        }
    }
}

/* Children of "line vty" (IOS, NX-OS) and "management ssh" (EOS). */
static void cisco_block_limits(struct device_model *m, const struct cfg_node *n, enum dialect d)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!live(c))
            continue;
        struct sv t = cfg_text(c);
        if (sv_starts_with_word(t, "session-limit") && d != DIALECT_ARISTA_EOS)
            num_lower(&m->access.max_sessions, model_sv_long(word(t, 1), -1), c);
        else if (sv_starts_with_word(t, "connection limit") && d == DIALECT_ARISTA_EOS)
            num_lower(&m->access.max_sessions, model_sv_long(word(t, 2), -1), c);
    }
}

/* Network auto-configuration statements (checks.md MGMT-ZTP). */
static bool cisco_ztp(struct device_model *m, enum dialect d, const struct cfg_node *n, struct sv s,
                      bool neg)
{
    static const char *const ios[] = {
        "service config", "boot network", "boot host",          "cns config initial",
        "cns exec",       "cns image",    "cns trusted-server", "pnp profile",
    };
    if (neg)
        return false;
    if (d == DIALECT_CISCO_IOS) {
        for (size_t i = 0; i < ARRAY_SIZE(ios); i++)
            if (sv_starts_with_word(s, ios[i])) {
                ztp_on(m, n);
                return true;
            }
    } else if ((d == DIALECT_CISCO_NXOS && sv_starts_with_word(s, "boot poap enable")) ||
               (d == DIALECT_ARISTA_EOS && sv_starts_with_word(s, "zerotouch enable"))) {
        ztp_on(m, n);
        return true;
    }
    return false;
}

static void cisco_lockout(struct device_model *m, enum dialect d, const struct cfg_node *n,
                          struct sv s)
{
    if (sv_starts_with_word(s, "login block-for") && d == DIALECT_CISCO_IOS) {
        long secs = model_sv_long(word(s, 2), -1);
        lockout(m, num_after(s, 3, "attempts"), secs < 0 ? ACCESS_DISCONNECT_ONLY : secs, n);
    } else if (sv_starts_with_word(s, "aaa local authentication attempts max-fail")) {
        lockout(m, model_sv_long(word(s, 5), -1), ACCESS_UNTIL_CLEARED, n);
    } else if (sv_starts_with_word(s, "ip ssh authentication-retries") && d == DIALECT_CISCO_IOS) {
        lockout(m, model_sv_long(word(s, 3), -1), ACCESS_DISCONNECT_ONLY, n);
    } else if (sv_starts_with_word(s, "ssh login-attempts") && d == DIALECT_CISCO_NXOS) {
        lockout(m, model_sv_long(word(s, 2), -1), ACCESS_DISCONNECT_ONLY, n);
    } else if (sv_starts_with_word(s, "aaa authentication policy lockout failure") &&
               d == DIALECT_ARISTA_EOS) {
        long secs = num_after(s, 5, "duration");
        lockout(m, model_sv_long(word(s, 5), -1), secs < 0 ? ACCESS_DISCONNECT_ONLY : secs, n);
    }
}

/* ASA "password-policy ..." and EOS "management security" / "password
 * minimum length N". */
static void asa_eos_pwd(struct device_model *m, enum dialect d, const struct cfg_node *n,
                        struct sv s, bool neg)
{
    static const char *const classes[] = {"minimum-uppercase", "minimum-lowercase",
                                          "minimum-numeric", "minimum-special", NULL};
    if (neg)
        return;
    if (d == DIALECT_CISCO_ASA && sv_starts_with_word(s, "password-policy minimum-length")) {
        pwd_length(m, model_sv_long(word(s, 2), -1), n);
    } else if (d == DIALECT_CISCO_ASA && sv_starts_with_word(s, "password-policy") &&
               word_in(word(s, 1), classes)) {
        pwd_classes(m, n);
    } else if (d == DIALECT_ARISTA_EOS && sv_starts_with_word(s, "management security")) {
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (live(c) && sv_starts_with_word(cfg_text(c), "password minimum length"))
                pwd_length(m, model_sv_long(word(cfg_text(c), 3), -1), c);
    }
}

static void cisco_pwd(struct device_model *m, enum dialect d, const struct cfg_node *n, struct sv s,
                      bool neg)
{
    if (sv_starts_with_word(s, "security passwords min-length") && !neg) {
        pwd_length(m, model_sv_long(word(s, 3), -1), n);
    } else if (sv_starts_with_word(s, "aaa common-criteria policy") && !neg) {
        cisco_pwd_block(m, n, false);
    } else if (sv_starts_with_word(s, "aaa password-policy") && !neg) {
        cisco_pwd_block(m, n, d == DIALECT_CISCO_IOSXR);
    } else if (sv_starts_with_word(s, "userpassphrase min-length") && !neg) {
        pwd_length(m, model_sv_long(word(s, 2), -1), n);
    } else if (sv_starts_with_word(s, "password strength-check") && d == DIALECT_CISCO_NXOS) {
        fact_set(&m->access.pwd_complexity, neg ? FACT_OFF : FACT_ON, n);
    } else if (d == DIALECT_CISCO_ASA || d == DIALECT_ARISTA_EOS) {
        asa_eos_pwd(m, d, n, s, neg);
    }
}

static void cisco_sessions(struct device_model *m, enum dialect d, const struct cfg_node *n,
                           struct sv s, bool neg)
{
    if (neg)
        return;
    if (sv_starts_with_word(s, "line vty") && (d == DIALECT_CISCO_IOS || d == DIALECT_CISCO_NXOS))
        cisco_block_limits(m, n, d);
    else if (sv_starts_with_word(s, "management ssh") && d == DIALECT_ARISTA_EOS)
        cisco_block_limits(m, n, d);
    else if (sv_starts_with_word(s, "ssh server session-limit") && d == DIALECT_CISCO_IOSXR)
        num_lower(&m->access.max_sessions, model_sv_long(word(s, 3), -1), n);
    else if (sv_starts_with_word(s, "ssh server rate-limit") && d == DIALECT_CISCO_IOSXR)
        num_lower(&m->access.session_rate, model_sv_long(word(s, 3), -1), n);
}

/* IOS: without a session-limit, the vty lines that accept a protocol cap
 * the sessions (checks.md: "only a few active vty lines"). */
static void ios_vty_cap(struct device_model *m)
{
    long total = 0;
    const struct cfg_node *first = NULL, *any = NULL;
    for (size_t i = 0; i < m->nlines; i++) {
        const struct mgmt_line *l = &m->lines[i];
        if (l->kind != LINE_VTY)
            continue;
        if (!any)
            any = l->node;
        if (l->telnet_in.state == FACT_OFF && l->ssh_in.state == FACT_OFF)
            continue; /* transport input none */
        long c = vty_count(l->name);
        if (c < 0)
            return; /* a line range that cannot be counted */
        total += c;
        if (!first)
            first = l->node;
    }
    if (!any)
        return; /* no vty lines: nothing caps the sessions (checks.md: fail) */
    num_set(&m->access.max_sessions, total, first ? first : any);
    m->access.max_sessions_from_lines = true;
}

static void access_cisco(const struct cfg_tree *t, struct device_model *m)
{
    enum dialect d = t->dialect;
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (!live(n))
            continue;
        bool neg;
        struct sv s = text_of(n, &neg);
        if (cisco_ztp(m, d, n, s, neg))
            continue;
        if (!neg)
            cisco_lockout(m, d, n, s);
        cisco_pwd(m, d, n, s, neg);
        cisco_sessions(m, d, n, s, neg);
    }
}

/* ------------------------------------------------------------ VRP */

static void vrp_aaa(struct device_model *m, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        struct sv t = cfg_text(c);
        if (!live(c) || !sv_starts_with_word(t, "local-aaa-user wrong-password"))
            continue;
        long tries = num_after(t, 2, "retry-time"), mins = num_after(t, 2, "block-time");
        lockout(m, tries, mins < 0 ? ACCESS_DISCONNECT_ONLY : mins * 60, c);
    }
}

static void access_vrp(const struct cfg_tree *t, struct device_model *m)
{
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (!live(n))
            continue;
        struct sv s = cfg_text(n);
        if (sv_starts_with_word(s, "aaa"))
            vrp_aaa(m, n);
        else if (sv_starts_with_word(s, "user-interface maximum-vty"))
            num_lower(&m->access.max_sessions, model_sv_long(word(s, 2), -1), n);
        else if (sv_starts_with_word(s, "ssh server authentication-retries"))
            lockout(m, model_sv_long(word(s, 3), -1), ACCESS_DISCONNECT_ONLY, n);
    }
}

/* ------------------------------------------------------------ FortiOS */

/* "config system global": the admin lockout and the cap on administrators. */
static void fortios_global(struct device_model *m, const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        struct sv u = cfg_text(c);
        if (!live(c) || !sv_starts_with_word(u, "set"))
            continue;
        struct sv k = word(u, 1), v = word(u, 2);
        if (sv_eq_cstr(k, "admin-lockout-threshold"))
            num_set(&m->access.lockout_attempts, model_sv_long(v, -1), c);
        else if (sv_eq_cstr(k, "admin-lockout-duration"))
            num_set(&m->access.lockout_seconds, model_sv_long(v, -1), c);
        else if (sv_eq_cstr(k, "admin-login-max"))
            num_lower(&m->access.max_sessions, model_sv_long(v, -1), c);
    }
}

/* "config system password-policy": its settings apply only when enabled. */
static void fortios_password_policy(struct device_model *m, const struct cfg_node *n)
{
    bool on = false;
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        struct sv u = cfg_text(c);
        if (!live(c) || !sv_starts_with_word(u, "set"))
            continue;
        struct sv k = word(u, 1), v = word(u, 2);
        if (sv_eq_cstr(k, "status"))
            on = sv_eq_cstr(v, "enable");
        else if (sv_eq_cstr(k, "minimum-length"))
            pwd_length(m, model_sv_long(v, -1), c);
        else if (sv_starts_with(k, "min-") && model_sv_long(v, 0) > 0)
            pwd_classes(m, c);
    }
    if (!on) {
        m->access.pwd_min_length = (struct access_num){.value = -1};
        m->access.pwd_complexity = (struct fact_bool){.state = FACT_UNKNOWN};
    }
    fact_set(&m->legacy.password_policy, on ? FACT_ON : FACT_OFF, n);
}

static void access_fortios(const struct cfg_tree *t, struct device_model *m)
{
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (!live(n))
            continue;
        struct sv s = cfg_text(n);
        if (sv_starts_with_word(s, "config system auto-install") ||
            sv_starts_with_word(s, "config system central-management"))
            fact_lines_add(&m->access.ztp.ev, n); /* the capture shows these settings */
        if (sv_starts_with_word(s, "config system global"))
            fortios_global(m, n);
        else if (sv_starts_with_word(s, "config system password-policy"))
            fortios_password_policy(m, n);
    }
}

/* ------------------------------------------------------------ Junos, SR OS */

/* Junos "system login retry-options ...", from token k on. */
static void junos_retry(struct device_model *m, const struct model_path *l, size_t k)
{
    for (; k + 1 < l->n; k++) {
        long v = model_sv_long(l->tok[k + 1], -1);
        if (model_path_eq(l, k, "tries-before-disconnect"))
            num_set(&m->access.lockout_attempts, v, l->node);
        else if (model_path_eq(l, k, "lockout-period") && v >= 0)
            num_set(&m->access.lockout_seconds, v * 60, l->node);
    }
}

/* Junos "system login password ...": minimum-length and the minimum-<class>
 * counts (minimum-changes counts changed characters, not a class). */
static void junos_password(struct device_model *m, const struct model_path *l, size_t k)
{
    for (; k + 1 < l->n; k++) {
        if (model_path_eq(l, k, "minimum-length"))
            pwd_length(m, model_sv_long(l->tok[k + 1], -1), l->node);
        else if (sv_starts_with(l->tok[k], "minimum-") && !model_path_eq(l, k, "minimum-changes") &&
                 !model_path_eq(l, k, "minimum-character-changes") &&
                 model_sv_long(l->tok[k + 1], 0) > 0)
            pwd_classes(m, l->node);
    }
}

/* Junos "system services ssh connection-limit N / rate-limit N". */
static void junos_ssh(struct device_model *m, const struct model_path *l, size_t k)
{
    for (; k + 1 < l->n; k++) {
        if (model_path_eq(l, k, "connection-limit"))
            num_lower(&m->access.max_sessions, model_sv_long(l->tok[k + 1], -1), l->node);
        else if (model_path_eq(l, k, "rate-limit"))
            num_lower(&m->access.session_rate, model_sv_long(l->tok[k + 1], -1), l->node);
    }
}

static void junos_path(struct device_model *m, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 0, "system autoinstallation", NULL) ||
        model_path_match(l, 0, "chassis auto-image-upgrade", NULL) ||
        model_path_match(l, 0, "system phone-home", NULL)) {
        ztp_on(m, model_path_own(l, 1)); /* the block, or the set line */
    } else if (model_path_match(l, 0, "system login retry-options", &k)) {
        junos_retry(m, l, k);
    } else if (model_path_match(l, 0, "system login password", &k)) {
        junos_password(m, l, k);
    } else if (model_path_match(l, 0, "system services ssh", &k)) {
        junos_ssh(m, l, k);
    }
}

/* SR OS "configure system security password ...", from token k on. */
static void sros_password(struct device_model *m, const struct model_path *l, size_t k)
{
    if (model_path_eq(l, k, "complexity-rules") && k + 1 < l->n)
        k++; /* newer releases: complexity-rules minimum-length / required */
    if (model_path_eq(l, k, "minimum-length") && k + 1 < l->n)
        pwd_length(m, model_sv_long(l->tok[k + 1], -1), l->node);
    else if ((model_path_eq(l, k, "required") || model_path_eq(l, k, "minimum-classes") ||
              model_path_eq(l, k, "complexity")) &&
             k + 1 < l->n)
        pwd_classes(m, l->node);
    else if (model_path_eq(l, k, "attempts") && k + 1 < l->n) {
        long tries = model_sv_long(l->tok[k + 1], -1), mins = -1;
        for (size_t j = k + 2; j + 1 < l->n; j++)
            if (model_path_eq(l, j, "lockout"))
                mins = model_sv_long(l->tok[j + 1], -1);
        /* "attempts count [time m1 [lockout m2]]": lockout 10 minutes unless
         * given (SR OS System Management Guide) */
        lockout(m, tries, (mins < 0 ? 10 : mins) * 60, l->node);
    }
}

static void sros_path(struct device_model *m, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 0, "configure system security password", &k)) {
        sros_password(m, l, k);
    } else if (model_path_match(l, 0, "configure system login-control ssh inbound-max-sessions",
                                &k) &&
               k < l->n) {
        num_lower(&m->access.max_sessions, model_sv_long(l->tok[k], -1), l->node);
    }
}

void model_access_path(struct device_model *m, const struct model_path *l)
{
    if (m->dialect == DIALECT_JUNIPER_JUNOS)
        junos_path(m, l);
    else if (m->dialect == DIALECT_NOKIA_SROS)
        sros_path(m, l);
}

/* ------------------------------------------------------------ defaults */

/* What no statement said, per dialect. */
static void settle_ztp(struct device_model *m)
{
    struct fact_bool *z = &m->access.ztp;
    if (z->state == FACT_ON)
        return;
    switch (m->dialect) {
    case DIALECT_CISCO_IOS:
        fact_default(z, FACT_OFF,
                     "no service config, boot network/host, cns or pnp profile statement "
                     "('service config' is off by default)");
        break;
    case DIALECT_CISCO_NXOS:
        fact_default(z, FACT_OFF,
                     "no 'boot poap enable': POAP runs only when the switch boots "
                     "without a startup configuration");
        break;
    case DIALECT_JUNIPER_JUNOS:
        fact_default(z, FACT_OFF,
                     "no system autoinstallation, chassis auto-image-upgrade or system phone-home");
        break;
    case DIALECT_CISCO_IOSXR:
        fact_unknown(z, "the ZTP state of IOS XR is not kept in the running configuration "
                        "(op: show ztp information)");
        break;
    case DIALECT_ARISTA_EOS:
        fact_unknown(z, "zero-touch provisioning is cancelled or disabled outside the running "
                        "configuration (op: show zerotouch must say Disabled)");
        break;
    case DIALECT_NOKIA_SROS:
        fact_unknown(z, "auto-provisioning is set in the BOF, not in this configuration "
                        "(op: show bof)");
        break;
    case DIALECT_HUAWEI_VRP:
        fact_unknown(z, "the ZTP state is not kept in the configuration (op: display ztp "
                        "status)");
        break;
    case DIALECT_FORTINET_FORTIOS:
        if (z->ev.n)
            fact_default(z, FACT_OFF,
                         "no network auto-configuration setting ('config system "
                         "auto-install' loads only from a USB disk)");
        else
            fact_unknown(z, "the capture does not show the auto-install and central-management "
                            "settings (op: show system auto-install)");
        break;
    case DIALECT_CISCO_ASA:
        fact_default(z, FACT_OFF,
                     "the ASA has no network auto-configuration at boot in its "
                     "configuration");
        break;
    default:
        fact_unknown(z, "checks.md gives no auto-configuration evidence for this platform");
        break;
    }
}

static void settle_lockout(struct device_model *m)
{
    struct access_facts *a = &m->access;
    if (m->dialect == DIALECT_FORTINET_FORTIOS) { /* admin-lockout-threshold 3, -duration 60 s */
        num_default(&a->lockout_attempts, 3);
        num_default(&a->lockout_seconds, 60);
        return;
    }
    if (a->lockout_attempts.node) {
        if (unset(&a->lockout_seconds)) /* tries without a lockout period */
            num_set(&a->lockout_seconds, ACCESS_DISCONNECT_ONLY, a->lockout_attempts.node);
        return;
    }
    switch (m->dialect) {
    case DIALECT_CISCO_NXOS: /* "ssh login-attempts": default 3 (checks.md) */
        num_default(&a->lockout_attempts, 3);
        num_default(&a->lockout_seconds, ACCESS_DISCONNECT_ONLY);
        break;
    case DIALECT_NOKIA_SROS: /* attempts 3 time 5 lockout 10 (System Management Guide) */
        num_default(&a->lockout_attempts, 3);
        num_default(&a->lockout_seconds, 600);
        break;
    case DIALECT_HUAWEI_VRP:
        a->lockout_why = "no 'local-aaa-user wrong-password': whether the lock is on by default "
                         "differs by release (op: display aaa configuration)";
        break;
    default:
        break;
    }
}

static void settle_pwd(struct device_model *m)
{
    struct access_facts *a = &m->access;
    if (m->dialect == DIALECT_CISCO_NXOS) {
        /* the strength check is on by default and needs 8 characters unless
         * userpassphrase min-length says otherwise */
        if (a->pwd_complexity.state == FACT_UNKNOWN)
            fact_default(&a->pwd_complexity, FACT_ON, "password strength-check is on by default");
        if (a->pwd_complexity.state == FACT_ON)
            num_default(&a->pwd_min_length, 8);
    } else if (m->dialect == DIALECT_NOKIA_SROS) {
        num_default(&a->pwd_min_length, 6); /* System Management Guide: default 6 */
    } else if (m->dialect == DIALECT_FORTINET_FORTIOS && m->legacy.password_policy.ev.n == 0) {
        fact_default(&m->legacy.password_policy, FACT_OFF,
                     "no 'config system password-policy': the policy is disabled by default");
    } else if (m->dialect == DIALECT_HUAWEI_VRP && unset(&a->pwd_min_length)) {
        a->pwd_why = "VRP sets the minimum password length per release (op: display "
                     "local-aaa-user password policy)";
    }
    if (a->pwd_complexity.state == FACT_UNKNOWN)
        fact_default(&a->pwd_complexity, FACT_OFF, "no character-class requirement");
    if (a->pwd_min_length.node && m->legacy.password_policy.state != FACT_ON)
        fact_set(&m->legacy.password_policy, FACT_ON, a->pwd_min_length.node);
}

static void settle_sessions(struct device_model *m)
{
    struct access_facts *a = &m->access;
    if (m->dialect == DIALECT_CISCO_IOS && unset(&a->max_sessions))
        ios_vty_cap(m);
    else if (m->dialect == DIALECT_FORTINET_FORTIOS) /* admin-login-max: 100 */
        num_default(&a->max_sessions, 100);
    else if (m->dialect == DIALECT_CISCO_ASA) /* 5 concurrent SSH sessions per context */
        num_default(&a->max_sessions, 5);
}

void model_extract_access(const struct cfg_tree *t, struct device_model *m)
{
    struct access_facts *a = &m->access;
    switch (dialect_def(t->dialect)->family) {
    case FAMILY_CISCO:
        access_cisco(t, m);
        break;
    case FAMILY_VRP:
        access_vrp(t, m);
        break;
    case FAMILY_FORTIOS:
        access_fortios(t, m);
        break;
    default:
        break;
    }
    settle_ztp(m);
    settle_lockout(m);
    settle_pwd(m);
    settle_sessions(m);
    model_access_oob(t, m);
    struct access_num *nums[] = {&a->max_sessions, &a->session_rate, &a->lockout_attempts,
                                 &a->lockout_seconds, &a->pwd_min_length};
    for (size_t i = 0; i < ARRAY_SIZE(nums); i++)
        if (unset(nums[i]))
            nums[i]->value = -1;
}
