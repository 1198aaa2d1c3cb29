/*
 * extract_time.c - log time stamps and the NTP service on Junos, SR OS, VRP
 * and FortiOS (the Cisco family has extract_cisco_time.c): the statements
 * each extractor hands over, the Junos lo0 filter terms that decide whether
 * anyone may ask for the time, and the documented platform defaults.
 */
#include "model/extract_ct.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool model_zone_is_utc(struct sv z)
{
    static const char *const utc[] = {"UTC",  "GMT",           "Etc/UTC",  "Etc/GMT", "Universal",
                                      "Zulu", "Etc/Universal", "Etc/Zulu", "UCT"};
    z = sv_unquote(z);
    for (size_t i = 0; i < ARRAY_SIZE(utc); i++)
        if (z.n == strlen(utc[i]) && !strncasecmp(z.p, utc[i], z.n))
            return true;
    return false;
}

/* ------------------------------------------------------------------ Junos */

static struct ct_state *ct_state(struct ct_state **st, struct arena *a)
{
    if (!*st)
        *st = arena_alloc(a, sizeof(**st));
    return *st;
}

static void junos_time_line(struct arena *a, struct device_model *m, const struct model_path *l)
{
    struct log_time_facts *lt = &m->log_time;
    size_t k;
    if (model_path_match(l, 0, "system time-zone", &k) && k < l->n) {
        lt->clock_zone = model_strdup_unquoted(a, l->tok[k]);
        lt->clock_node = l->node;
    } else if (model_path_match(l, 0, "system syslog time-format", &k)) {
        for (size_t i = k; i < l->n; i++)
            if (model_path_eq(l, i, "millisecond"))
                fact_set(&lt->subsecond, FACT_ON, l->node);
    }
}

/* Does a port value (name, number or range) take in 123? */
static bool port_has_ntp(struct sv v)
{
    if (sv_eq_cstr(v, "ntp") || sv_eq_cstr(v, "123"))
        return true;
    const char *dash = memchr(v.p, '-', v.n);
    if (!dash)
        return false;
    long lo = model_sv_long(sv_make(v.p, (size_t)(dash - v.p)), -1);
    long hi = model_sv_long(sv_make(dash + 1, (size_t)(v.p + v.n - dash - 1)), -1);
    return lo >= 0 && lo <= 123 && hi >= 123;
}

static bool addr_is_any(struct sv v)
{
    return sv_eq_cstr(v, "0.0.0.0/0") || sv_eq_cstr(v, "::/0") || sv_eq_cstr(v, "0/0");
}

/* One "from" condition of a term; k at the condition's name. */
static void term_from(struct ct_term *t, const struct model_path *l, size_t k)
{
    struct sv w = model_path_tok(l, k);
    if (sv_eq_cstr(w, "source-address") || sv_eq_cstr(w, "address") ||
        sv_eq_cstr(w, "source-prefix-list") || sv_eq_cstr(w, "prefix-list")) {
        struct sv v = model_path_tok(l, k + 1);
        if (v.n && !addr_is_any(v) && !model_path_eq(l, k + 2, "except"))
            t->src = true;
    } else if (sv_eq_cstr(w, "protocol")) {
        t->proto = true;
        for (size_t j = k + 1; j < l->n; j++)
            t->proto_udp |= model_path_eq(l, j, "udp") || model_path_eq(l, j, "17");
    } else if (sv_eq_cstr(w, "port") || sv_eq_cstr(w, "destination-port") ||
               sv_eq_cstr(w, "source-port")) {
        t->port = true;
        for (size_t j = k + 1; j < l->n; j++)
            t->port_ntp |= port_has_ntp(l->tok[j]);
    } else if (!sv_eq_cstr(w, "destination-address") && !sv_eq_cstr(w, "destination-prefix-list") &&
               w.n) {
        t->other = true;
    }
}

/* firewall [family inet] filter F term T from|then ...; fi at F */
static void junos_term(struct ct_state *st, struct arena *a, const struct model_path *l, size_t fi)
{
    size_t k;
    if (!model_path_match(l, fi + 1, "term", &k) || k >= l->n)
        return;
    size_t at = model_nmap_get(&st->term_map, l->tok[fi], l->tok[k]);
    if (at == SIZE_MAX) {
        if (st->nterms >= CT_MAX_ITEMS)
            return;
        struct ct_term *t = MODEL_PUSH(a, st->terms, st->nterms);
        t->filter = sv_unquote(l->tok[fi]);
        t->name = l->tok[k];
        t->node = model_path_own(l, k);
        at = st->nterms - 1;
        model_nmap_put(a, &st->term_map, l->tok[fi], l->tok[k], at);
    }
    struct ct_term *t = &st->terms[at];
    if (model_path_eq(l, k + 1, "from")) {
        term_from(t, l, k + 2);
    } else if (model_path_eq(l, k + 1, "then")) {
        struct sv w = model_path_tok(l, k + 2);
        int act = sv_eq_cstr(w, "accept")                               ? 1
                  : sv_eq_cstr(w, "discard") || sv_eq_cstr(w, "reject") ? 2
                  : sv_eq_cstr(w, "next")                               ? 3
                                                                        : 0;
        if (act && (t->action == 0 || t->action == 3)) {
            t->action = act;
            t->action_node = l->node;
        }
    }
}

/* interfaces lo0 unit N family inet filter input F | input-list [ F ... ] */
static void junos_lo0(struct ct_state *st, const struct model_path *l)
{
    size_t k;
    if (!model_path_match(l, 0, "interfaces lo0 unit * family inet filter", &k))
        return;
    bool list = model_path_eq(l, k, "input-list");
    if (!list && !model_path_eq(l, k, "input"))
        return;
    if (!list)
        st->nlo0 = 0; /* a later input statement replaces the earlier one */
    for (size_t j = k + 1; j < l->n && st->nlo0 < CT_MAX_LO0; j++)
        st->lo0[st->nlo0++] = sv_unquote(l->tok[j]);
    st->lo0_node = l->node;
}

/* system services ssh hostkey-algorithm [no-]ssh-dss|ssh-rsa|ssh-ecdsa|ssh-ed25519 */
static void junos_hostkey(struct arena *a, struct device_model *m, const struct model_path *l,
                          size_t k)
{
    struct ssh_hostkey_facts *hk = &m->ssh_hostkey;
    struct sv v = l->tok[k];
    fact_lines_add(&hk->ev, l->node);
    if (sv_starts_with(v, "no-") && v.n > 3 && hk->noff < CT_MAX_ITEMS) {
        const char **slot = MODEL_PUSH(a, hk->off, hk->noff);
        *slot = model_strdup(a, sv_make(v.p + 3, v.n - 3));
    } else if (sv_eq_cstr(v, "ssh-dss")) {
        hk->dsa_node = l->node;
    }
}

/* The certificate of web-management https, rest https, gRPC ssl. */
static void junos_tls_cert(struct device_model *m, const struct model_path *l, size_t k)
{
    struct fact_bool *f = &m->tls.ca_cert;
    size_t j;
    if (model_path_match(l, k, "web-management https system-generated-certificate", &j)) {
        fact_set(f, FACT_OFF, l->node);
        f->why = "web-management uses the system-generated (self-signed) certificate";
    } else if ((model_path_match(l, k, "web-management https pki-local-certificate", &j) ||
                model_path_match(l, k, "web-management https local-certificate", &j) ||
                model_path_match(l, k, "rest https server-certificate", &j) ||
                model_path_match(l, k,
                                 "extension-service request-response grpc ssl "
                                 "local-certificate",
                                 &j)) &&
               j < l->n && f->state != FACT_OFF) {
        fact_set(f, FACT_ON, l->node);
    }
}

static struct ct_ca *junos_ca(struct ct_state *st, struct arena *a, struct sv name)
{
    for (size_t i = 0; i < st->ncas; i++)
        if (sv_eq(st->cas[i].name, name))
            return &st->cas[i];
    if (st->ncas >= CT_MAX_ITEMS)
        return NULL;
    struct ct_ca *ca = MODEL_PUSH(a, st->cas, st->ncas);
    ca->name = name;
    return ca;
}

static void junos_add_link(struct arena *a, struct device_model *m, struct sv ifname,
                           const char *kind, struct sv policy, const struct cfg_node *n)
{
    struct link_crypto_facts *lc = &m->link_crypto;
    if (lc->nlinks >= CT_MAX_ITEMS)
        return;
    struct link_crypto *lk = MODEL_PUSH(a, lc->links, lc->nlinks);
    lk->ifname = model_strdup_unquoted(a, ifname);
    lk->kind = kind;
    lk->policy = policy.n ? model_strdup_unquoted(a, policy) : NULL;
    lk->node = n;
    if (!strcmp(kind, "ipsec"))
        fact_set(&lk->strong, FACT_ON, n);
}

/* security macsec connectivity-association CA cipher-suite S; security
 * macsec interfaces IF connectivity-association CA; security ike gateway G
 * external-interface IF (IPsec carried over IF). */
static void junos_link(struct ct_state *st, struct arena *a, struct device_model *m,
                       const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 1, "macsec connectivity-association * cipher-suite", &k) && k < l->n) {
        struct ct_ca *ca = junos_ca(st, a, sv_unquote(l->tok[3]));
        if (ca) {
            ca->suite = l->tok[k];
            ca->suite_node = l->node;
        }
    } else if (model_path_match(l, 1, "macsec interfaces * connectivity-association", &k) &&
               k < l->n) {
        junos_add_link(a, m, l->tok[3], "macsec", sv_unquote(l->tok[k]), l->node);
    } else if (model_path_match(l, 1, "ike gateway * external-interface", &k) && k < l->n) {
        junos_add_link(a, m, l->tok[k], "ipsec", l->tok[3], l->node);
    }
}

/* The cipher suite of each MACsec link from its connectivity association. */
static void junos_link_finish(const struct ct_state *st, struct device_model *m)
{
    for (size_t i = 0; i < m->link_crypto.nlinks; i++) {
        struct link_crypto *lk = &m->link_crypto.links[i];
        if (strcmp(lk->kind, "macsec"))
            continue;
        const struct ct_ca *ca = NULL;
        for (size_t j = 0; st && lk->policy && j < st->ncas; j++)
            if (sv_eq_cstr(st->cas[j].name, lk->policy))
                ca = &st->cas[j];
        if (!ca || !ca->suite.n) {
            fact_unknown(&lk->strong, "the connectivity association names no cipher suite: the "
                                      "release's default applies");
            fact_lines_add(&lk->strong.ev, lk->node);
            continue;
        }
        bool strong = model_sv_icontains(ca->suite, "256") && model_sv_icontains(ca->suite, "gcm");
        fact_set(&lk->strong, strong ? FACT_ON : FACT_OFF, ca->suite_node);
        fact_lines_add(&lk->strong.ev, lk->node);
    }
}

void model_ct_junos_line(struct ct_state **stp, struct arena *a, struct device_model *m,
                         const struct model_path *l)
{
    size_t k;
    junos_time_line(a, m, l);
    if (!model_path_eq(l, 0, "system") && !model_path_eq(l, 0, "firewall") &&
        !model_path_eq(l, 0, "interfaces") && !model_path_eq(l, 0, "security"))
        return;
    struct ct_state *st = ct_state(stp, a);
    if (model_path_match(l, 0, "system services ssh hostkey-algorithm", &k) && k < l->n)
        junos_hostkey(a, m, l, k);
    else if (model_path_match(l, 0, "system services", &k))
        junos_tls_cert(m, l, k);
    else if (model_path_match(l, 0, "system ntp", &k) && !st->ntp_node)
        st->ntp_node = model_path_own(l, 1);
    else if (model_path_match(l, 0, "firewall family inet filter", &k) && k < l->n)
        junos_term(st, a, l, k);
    else if (model_path_match(l, 0, "firewall filter", &k) && k < l->n)
        junos_term(st, a, l, k);
    else if (model_path_eq(l, 0, "interfaces"))
        junos_lo0(st, l);
    else if (model_path_eq(l, 0, "security"))
        junos_link(st, a, m, l);
}

static void junos_time_finish(struct device_model *m)
{
    struct log_time_facts *lt = &m->log_time;
    fact_default(&lt->datetime, FACT_ON, "Junos stamps log messages with the date and time");
    if (lt->subsecond.state != FACT_ON)
        fact_default(&lt->subsecond, FACT_OFF,
                     "no 'system syslog time-format millisecond': Junos stamps log messages to "
                     "the second");
    if (!lt->clock_zone || model_zone_is_utc(sv_make(lt->clock_zone, strlen(lt->clock_zone)))) {
        fact_default(&lt->zone, FACT_ON, "Junos keeps UTC unless system time-zone says otherwise");
        fact_lines_add(&lt->zone.ev, lt->clock_node);
    } else {
        /* checks.md: the zone is configured; the log stamp itself does not show it */
        fact_set(&lt->zone, FACT_ON, lt->clock_node);
        lt->zone.why = "local time in the configured zone";
    }
}

/* Would the term take an NTP request from any address? */
static bool term_sees_any_ntp(const struct ct_term *t)
{
    return !t->src && !t->other && (!t->proto || t->proto_udp) && (!t->port || t->port_ntp);
}

/*
 * Walk the lo0 input filters in order as an NTP request from an arbitrary
 * address would: the first term that takes it decides; none does, the
 * filter's final implicit discard does.
 */
static void junos_lo0_ntp(const struct ct_state *st, struct fact_bool *open)
{
    for (size_t f = 0; f < st->nlo0; f++) {
        bool defined = false;
        for (size_t i = 0; i < st->nterms; i++) {
            const struct ct_term *t = &st->terms[i];
            if (!sv_eq(t->filter, st->lo0[f]))
                continue;
            defined = true;
            if (!term_sees_any_ntp(t) || t->action == 3)
                continue;
            fact_set(open, t->action == 2 ? FACT_OFF : FACT_ON, t->node);
            fact_lines_add(&open->ev, t->action_node);
            fact_lines_add(&open->ev, st->lo0_node);
            open->why = t->action == 2 ? "an lo0 filter term discards NTP from other hosts"
                                       : "an lo0 filter term accepts NTP from any host";
            return;
        }
        if (!defined) {
            fact_unknown(open, "the lo0 input filter is not defined in this configuration");
            fact_lines_add(&open->ev, st->lo0_node);
            return;
        }
    }
    fact_set(open, FACT_OFF, st->lo0_node);
    open->why = "the lo0 input filter admits NTP only from listed sources";
}

void model_ct_junos_finish(struct ct_state *st, struct device_model *m)
{
    struct ntp_serve_facts *ns = &m->ntp_serve;
    junos_time_finish(m);
    junos_link_finish(st, m);
    if (m->tls.ca_cert.state == FACT_UNKNOWN && !m->tls.ca_cert.why)
        m->tls.ca_cert.why = "no certificate is named for the TLS services";
    ns->configured = (st && st->ntp_node) || m->ntp.nservers;
    if (!ns->configured) {
        fact_default(&ns->serves, FACT_OFF, "NTP is not configured");
        return;
    }
    fact_default(&ns->serves, FACT_ON, "a Junos device running NTP answers client requests");
    fact_lines_add(&ns->serves.ev, st ? st->ntp_node : NULL);
    if (!st || !st->nlo0) {
        fact_default(&ns->open, FACT_ON,
                     "no lo0 input filter: the routing engine accepts NTP from every host");
        return;
    }
    junos_lo0_ntp(st, &ns->open);
}

/* ------------------------------------------------------------------ SR OS */

static void sros_zone(struct arena *a, struct device_model *m, const struct model_path *l, size_t i)
{
    /* i is the index after "system": time zone [standard|non-standard] [name] NAME */
    size_t k;
    if (!model_path_match(l, i, "time zone", &k))
        return;
    while (k < l->n && (model_path_eq(l, k, "standard") || model_path_eq(l, k, "non-standard") ||
                        model_path_eq(l, k, "name")))
        k++;
    if (k < l->n) {
        m->log_time.clock_zone = model_strdup_unquoted(a, l->tok[k]);
        m->log_time.clock_node = l->node;
    }
}

void model_ct_sros_line(struct ct_state **stp, struct arena *a, struct device_model *m,
                        const struct model_path *l, size_t i)
{
    size_t k;
    if (!model_path_eq(l, i, "system"))
        return;
    sros_zone(a, m, l, i + 1);
    struct ct_state *st = ct_state(stp, a);
    if (model_path_match(l, i + 1, "time ntp", &k)) {
        if (!st->ntp_node)
            st->ntp_node = model_path_own(l, k - 1);
        if (model_path_eq(l, k, "ntp-server") && !model_path_eq(l, k + 1, "false") &&
            !model_path_eq(l, k + 1, "shutdown"))
            st->ntp_server = l->node;
    } else if (model_path_match(l, i + 1, "security ssh", &k) && k < l->n &&
               sv_starts_with(l->tok[k], "server-kex-list") && model_path_eq(l, l->n - 2, "name")) {
        fact_lines_add(&m->ssh.algo_ev, l->node); /* evidence for the KEX list read in s_security */
    } else if (model_path_match(l, i + 1, "security cpm-filter", &k) &&
               (model_path_eq(l, k, "ip-filter") || model_path_eq(l, k, "ipv6-filter")) &&
               !st->cpm_filter) {
        st->cpm_filter = model_path_own(l, k);
    }
}

void model_ct_sros_finish(struct ct_state *st, struct device_model *m)
{
    /* SR OS event log entries: "YYYY/MM/DD HH:MM:SS.SS TZONE" (Nokia log events guide) */
    struct log_time_facts *lt = &m->log_time;
    m->tls.not_read = "SR OS TLS server profiles are not read";
    m->link_crypto.not_read = "SR OS MACsec and IPsec bindings are not read";
    static const char note[] = "SR OS stamps every log event with the date, the time to the "
                               "hundredth of a second and the zone";
    fact_default(&lt->datetime, FACT_ON, note);
    fact_default(&lt->subsecond, FACT_ON, note);
    fact_default(&lt->zone, FACT_ON, note);
    fact_lines_add(&lt->zone.ev, lt->clock_node);

    struct ntp_serve_facts *ns = &m->ntp_serve;
    ns->configured = (st && st->ntp_node) || m->ntp.nservers;
    if (!ns->configured) {
        fact_default(&ns->serves, FACT_OFF, "NTP is not configured");
        return;
    }
    if (!st || !st->ntp_server) {
        fact_default(&ns->serves, FACT_OFF,
                     "no ntp-server: SR OS is an NTP client and does not distribute time");
        fact_lines_add(&ns->serves.ev, st ? st->ntp_node : NULL);
        return;
    }
    fact_set(&ns->serves, FACT_ON, st->ntp_server);
    if (!st->cpm_filter)
        fact_default(&ns->open, FACT_ON, "no CPM filter: every host may ask for the time");
    else
        fact_unknown(&ns->open, "a CPM filter is configured; whether its entries limit UDP/123 "
                                "is not read (op: show system security cpm-filter)");
    fact_lines_add(&ns->open.ev, st->cpm_filter);
}

/* -------------------------------------------------------------------- VRP */

/*
 * info-center timestamp log {date|short-date|format-date} [precision-time
 * {second|tenth-second|millisecond}] [without-timezone] | boot
 * Default (Huawei command reference): date, to the second, with the zone.
 */
static void vrp_timestamp(struct log_time_facts *lt, const struct cfg_node *n)
{
    struct sv what = model_tok(n, 3);
    if (sv_eq_cstr(what, "boot") || sv_eq_cstr(what, "none")) {
        fact_set(&lt->datetime, FACT_OFF, n);
        lt->datetime.why = "time since boot, not date and time";
        return;
    }
    fact_set(&lt->datetime, FACT_ON, n);
    bool ms = false, notz = false;
    for (size_t i = 4; model_tok(n, i).n; i++) {
        ms |= sv_eq_cstr(model_tok(n, i), "millisecond");
        notz |= sv_eq_cstr(model_tok(n, i), "without-timezone");
    }
    fact_set(&lt->subsecond, ms ? FACT_ON : FACT_OFF, n);
    if (!ms)
        lt->subsecond.why = "no precision-time millisecond";
    fact_set(&lt->zone, notz ? FACT_OFF : FACT_ON, n);
    if (notz)
        lt->zone.why = "without-timezone";
}

static void vrp_ntp_access(struct arena *a, struct ntp_serve_facts *ns, const struct cfg_node *n)
{
    /* ntp-service [ipv6] access {peer|server|synchronization|query|limited} ACL */
    size_t i = sv_eq_cstr(model_tok(n, 1), "ipv6") ? 3 : 2;
    struct sv kind = model_tok(n, i), acl = model_tok(n, i + 1);
    if (!kind.n || !acl.n || ns->naccess >= CT_MAX_ITEMS)
        return;
    struct ntp_access *ac = MODEL_PUSH(a, ns->access, ns->naccess);
    ac->kind = model_strdup(a, kind);
    ac->acl_name = model_strdup_unquoted(a, acl);
    ac->node = n;
}

/* One top-level VRP statement about the NTP service. */
static void vrp_ntp(struct arena *a, struct device_model *m, const struct cfg_node *n)
{
    struct ntp_serve_facts *ns = &m->ntp_serve;
    struct sv s = cfg_text(n);
    bool undo = sv_starts_with_word(s, "undo");
    if (undo)
        s = sv_after_tokens(s, 1);
    if (!sv_starts_with_word(s, "ntp-service"))
        return;
    if (!undo)
        ns->configured = true;
    if (sv_starts_with_word(s, "ntp-service server disable") ||
        sv_starts_with_word(s, "ntp-service ipv6 server disable")) {
        fact_set(&ns->serves, undo ? FACT_ON : FACT_OFF, n);
        ns->serves.why = undo ? "the NTP server function is enabled" : "ntp-service server disable";
    } else if (!undo && (sv_starts_with_word(s, "ntp-service access") ||
                         sv_starts_with_word(s, "ntp-service ipv6 access"))) {
        vrp_ntp_access(a, ns, n);
    }
}

static void vrp_ntp_finish(struct device_model *m)
{
    struct ntp_serve_facts *ns = &m->ntp_serve;
    if (m->ntp.nservers)
        ns->configured = true;
    if (!ns->configured) {
        fact_default(&ns->serves, FACT_OFF, "NTP is not configured");
        return;
    }
    if (ns->serves.state == FACT_UNKNOWN)
        fact_unknown(&ns->serves, "whether the NTP server function is on by default differs "
                                  "between VRP product lines (op: display ntp-service status)");
    if (ns->naccess)
        fact_set(&ns->open, FACT_OFF, ns->access[0].node);
    else if (ns->serves.state == FACT_ON)
        fact_default(&ns->open, FACT_ON, "no ntp-service access: every host may ask");
}

/* ssh server publickey A...: the host-key algorithms offered */
static void vrp_hostkeys(struct arena *a, struct device_model *m, const struct cfg_node *n)
{
    struct ssh_hostkey_facts *hk = &m->ssh_hostkey;
    hk->nalgos = 0;
    for (size_t i = 3; model_tok(n, i).n && hk->nalgos < CT_MAX_ITEMS; i++) {
        const char **slot = MODEL_PUSH(a, hk->algos, hk->nalgos);
        *slot = model_strdup(a, model_tok(n, i));
    }
    fact_lines_add(&hk->ev, n);
}

void model_vrp_log_time(struct arena *a, struct device_model *m, const struct cfg_tree *t)
{
    struct log_time_facts *lt = &m->log_time;
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (n->flags & CFG_INACTIVE)
            continue;
        struct sv s = cfg_text(n);
        if (sv_starts_with_word(s, "info-center timestamp log"))
            vrp_timestamp(lt, n);
        else if (sv_starts_with_word(s, "clock timezone") && model_tok(n, 2).n) {
            lt->clock_zone = model_strdup_unquoted(a, model_tok(n, 2));
            lt->clock_node = n;
        } else if (sv_starts_with_word(s, "ssh server dh-exchange min-len")) {
            m->ssh_hostkey.dh_min_bits = model_sv_long(model_tok(n, 4), 0);
            m->ssh_hostkey.dh_min_node = n;
        } else if (sv_starts_with_word(s, "ssh server publickey")) {
            vrp_hostkeys(a, m, n);
        } else
            vrp_ntp(a, m, n);
    }
    vrp_ntp_finish(m);
    m->tls.not_read = "VRP SSL policies are not read";
    m->link_crypto.not_read = "VRP MACsec and IPsec bindings are not read";
    if (lt->datetime.state != FACT_UNKNOWN)
        return;
    /* checks.md section 18: VRP defaults differ between product lines */
    static const char why[] = "no 'info-center timestamp log': the default stamp differs between "
                              "VRP product lines (op: display info-center)";
    fact_unknown(&lt->datetime, why);
    fact_unknown(&lt->subsecond, why);
    fact_unknown(&lt->zone, why);
}

/* ---------------------------------------------------------------- FortiOS */

/* The value word of "set <name> <value...>" directly under n, or NULL. */
static const struct cfg_node *forti_set(const struct cfg_node *n, const char *name)
{
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (!(c->flags & CFG_INACTIVE) && sv_eq_cstr(model_tok(c, 0), "set") &&
            sv_eq_cstr(model_tok(c, 1), name))
            return c;
    return NULL;
}

/* config system ntp: set server-mode enable, set interface "a" "b" */
static void forti_ntp(struct arena *a, struct device_model *m, const struct cfg_node *n)
{
    struct ntp_serve_facts *ns = &m->ntp_serve;
    const struct cfg_node *sm = forti_set(n, "server-mode");
    ns->configured = true;
    if (!sm || !sv_eq_cstr(model_tok(sm, 2), "enable")) {
        fact_default(&ns->serves, FACT_OFF, "server-mode is not enabled: FortiOS only syncs");
        fact_lines_add(&ns->serves.ev, sm);
        return;
    }
    fact_set(&ns->serves, FACT_ON, sm);
    const struct cfg_node *ifs = forti_set(n, "interface");
    for (size_t i = 2; ifs && model_tok(ifs, i).n && ns->ninterfaces < CT_MAX_ITEMS; i++) {
        const char **slot = MODEL_PUSH(a, ns->interfaces, ns->ninterfaces);
        *slot = model_strdup_unquoted(a, model_tok(ifs, i));
    }
    fact_lines_add(&ns->serves.ev, ifs);
}

/* config system global: set admin-https-ssl-versions ..., set admin-server-cert C */
static void forti_tls(struct device_model *m, const struct cfg_tree *t)
{
    struct tls_facts *tl = &m->tls;
    const struct cfg_node *cert = NULL;
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if ((n->flags & CFG_INACTIVE) || !sv_eq_cstr(cfg_text(n), "config system global"))
            continue;
        const struct cfg_node *v = forti_set(n, "admin-https-ssl-versions");
        for (size_t i = 2; v && model_tok(v, i).n; i++) {
            struct sv w = model_tok(v, i);
            int ver = sv_eq_cstr(w, "tlsv1-0")   ? 10
                      : sv_eq_cstr(w, "tlsv1-1") ? 11
                      : sv_eq_cstr(w, "tlsv1-2") ? 12
                      : sv_eq_cstr(w, "tlsv1-3") ? 13
                                                 : 0;
            if (ver && (!tl->min_version || ver < tl->min_version)) {
                tl->min_version = ver;
                tl->version_node = v;
            }
        }
        cert = forti_set(n, "admin-server-cert");
    }
    struct sv c = cert ? sv_unquote(model_tok(cert, 2)) : sv_make("", 0);
    if (!cert || sv_eq_cstr(c, "self-sign") || sv_eq_cstr(c, "Fortinet_Factory")) {
        fact_default(&tl->ca_cert, FACT_OFF,
                     "the administrative HTTPS server uses FortiOS's built-in certificate, not "
                     "one from the provider's PKI");
        fact_lines_add(&tl->ca_cert.ev, cert);
    } else {
        fact_set(&tl->ca_cert, FACT_ON, cert);
    }
}

/* Is the release shown FortiOS 6.2 or later ("6.4.4", "7.2.8")? */
static bool forti_release_at_least_6_2(const char *v)
{
    if (!v || !strchr(v, '.'))
        return false;
    long major = strtol(v, NULL, 10), minor = strtol(strchr(v, '.') + 1, NULL, 10);
    return major > 6 || (major == 6 && minor >= 2);
}

/* Every FortiOS 6.2 and later log record carries date, time, eventtime (the
 * epoch to the nanosecond) and tz (the offset from UTC) fields (FortiOS Log
 * Message Reference 6.2, 6.4, 7.2, e.g. message 32140); the release, not
 * the configuration, decides them. The zone is config system global "set
 * timezone": UTC is preferred, not demanded. */
/* Is the release shown FortiOS 6.0 ("6.0.15")? */
static bool forti_release_6_0(const char *v)
{
    return v && strtol(v, NULL, 10) == 6 && strchr(v, '.') &&
           strtol(strchr(v, '.') + 1, NULL, 10) == 0;
}

/* FortiOS 6.0 log records carry date, time and eventtime but no tz field
 * (FortiOS Log Message Reference 6.0.15, e.g. message 32051,
 * https://docs.fortinet.com/document/fortigate/6.0.15/fortios-log-message-reference/32051);
 * the reference does not give eventtime's unit. A zone set in config system
 * global counts as it does elsewhere (checks.md: NX-OS "clock timezone",
 * Junos "system time-zone"): the stamps are local time in a zone the
 * configuration shows. */
static void forti_log_time_6_0(struct arena *a, struct log_time_facts *lt, const struct cfg_tree *t)
{
    fact_default(&lt->datetime, FACT_ON, "FortiOS log records carry date and time fields");
    fact_unknown(&lt->subsecond, "the FortiOS 6.0 log reference does not give the unit of "
                                 "eventtime (op: execute log display)");
    for (const struct cfg_node *n = t->first; n; n = n->next)
        if (!(n->flags & CFG_INACTIVE) && sv_eq_cstr(cfg_text(n), "config system global") &&
            forti_set(n, "timezone"))
            lt->clock_node = forti_set(n, "timezone");
    if (lt->clock_node) {
        struct sv z = sv_unquote(model_tok(lt->clock_node, 2));
        lt->clock_zone = arena_printf(a, "timezone %.*s", (int)z.n, z.p);
        fact_set(&lt->zone, FACT_ON, lt->clock_node);
        lt->zone.why = "local time in the configured zone (6.0 records carry no tz field)";
        return;
    }
    fact_default(&lt->zone, FACT_OFF,
                 "FortiOS 6.0 log records carry no tz field (it came with 6.2) and no "
                 "'set timezone' shows the zone of their local time");
}

static void forti_log_time(struct arena *a, struct device_model *m, const struct cfg_tree *t)
{
    struct log_time_facts *lt = &m->log_time;
    if (forti_release_6_0(m->os_version)) {
        forti_log_time_6_0(a, lt, t);
        return;
    }
    if (!forti_release_at_least_6_2(m->os_version)) {
        static const char why[] = "the log time fields are set by the release and no release "
                                  "from 6.2 on is shown (#config-version); those carry "
                                  "eventtime and tz (op: execute log display)";
        fact_unknown(&lt->datetime, why);
        fact_unknown(&lt->subsecond, why);
        fact_unknown(&lt->zone, why);
        return;
    }
    for (const struct cfg_node *n = t->first; n; n = n->next)
        if (!(n->flags & CFG_INACTIVE) && sv_eq_cstr(cfg_text(n), "config system global") &&
            forti_set(n, "timezone"))
            lt->clock_node = forti_set(n, "timezone");
    fact_default(&lt->datetime, FACT_ON, "FortiOS log records carry date and time fields");
    fact_default(&lt->subsecond, FACT_ON,
                 "FortiOS log records carry eventtime, to the nanosecond (6.2 and later)");
    fact_default(&lt->zone, FACT_ON,
                 "FortiOS log records carry the offset from UTC in the tz field (6.2 and later)");
    if (lt->clock_node) {
        struct sv z = sv_unquote(model_tok(lt->clock_node, 2));
        lt->clock_zone = arena_printf(a, "timezone %.*s", (int)z.n, z.p);
        lt->zone.is_default = false;
        lt->zone.why = "local time, with its offset from UTC in the tz field";
        fact_lines_add(&lt->zone.ev, lt->clock_node);
    }
}

void model_fortios_log_time(struct arena *a, struct device_model *m, const struct cfg_tree *t)
{
    forti_log_time(a, m, t);
    forti_tls(m, t);
    m->link_crypto.not_read = "FortiOS IPsec tunnels are not matched to interfaces";
    for (const struct cfg_node *n = t->first; n; n = n->next)
        if (!(n->flags & CFG_INACTIVE) && sv_eq_cstr(cfg_text(n), "config system ntp"))
            forti_ntp(a, m, n);
    if (!m->ntp_serve.configured) {
        /* ntpsync (FortiGuard) is on by default; serving needs server-mode */
        m->ntp_serve.configured = true;
        fact_default(&m->ntp_serve.serves, FACT_OFF,
                     "no config system ntp: FortiOS serves time only with server-mode enable");
    }
}
