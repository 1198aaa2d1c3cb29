/*
 * extract_cisco_mgmt.c - management services: SSH, telnet, HTTP(S), NX-OS
 * features and NX-API, EOS management blocks, XR TFTP; settled with their
 * platform defaults by finish_ssh and finish_services.
 */
#include "model/extract_cisco.h"

/* ------------------------------------------------------------ services */

void cx_add_unique_str(struct cx *x, const char ***arr, size_t *n, struct sv v)
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
                    cx_add_unique_str(x, arr, n, sv_make(w.p + st, j - st));
                st = j + 1;
            }
    }
}

/* A service by name and cleartext flag (find-or-create), state set from n. */
struct mgmt_service *cx_svc(struct cx *x, const char *name, bool cleartext, enum fact_state st,
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

void cx_ssh_configured(struct cx *x, const struct cfg_node *n)
{
    if (!x->ssh_cfg_node)
        x->ssh_cfg_node = n;
    fact_lines_add(&x->m->ssh.ev, n);
}

void cx_ssh_ciphers(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    add_algos(x, &x->m->ssh.ciphers, &x->m->ssh.nciphers, s, i);
    x->saw_ciphers = true;
    fact_lines_add(&x->m->ssh.algo_ev, n);
}

void cx_ssh_macs(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    add_algos(x, &x->m->ssh.macs, &x->m->ssh.nmacs, s, i);
    x->saw_macs = true;
    fact_lines_add(&x->m->ssh.algo_ev, n);
}

void cx_ssh_kex(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    add_algos(x, &x->m->ssh.kex, &x->m->ssh.nkex, s, i);
    x->saw_kex = true;
    fact_lines_add(&x->m->ssh.algo_ev, n);
}

/* ASA "ssh|telnet|http ADDR MASK IFC": a management path modelled as an ACL per interface. */
static void asa_mgmt_host(struct cx *x, const char *service, struct sv s, const struct cfg_node *n)
{
    struct sv addr = cx_asa_alias(x, tk(s, 1)), mask = tk(s, 2), ifc = tk(s, 3);
    bool v6 = memchr(addr.p, ':', addr.n) != NULL;
    if (v6) { /* "ssh ADDR/LEN IFC" */
        ifc = mask;
        mask = sv_make("", 0);
    }
    if (ifc.n == 0)
        return;
    const char *name = arena_printf(x->a, "%s-hosts-%.*s", service, (int)ifc.n, ifc.p);
    struct acl *acl = cx_find_or_add_acl(x, sv_from_cstr(name), n);
    if (!acl || !cap_ok(acl->n))
        return;
    bool fresh = acl->n == 0;
    struct acl_entry *e = model_acl_add_entry(x->a, acl, n);
    e->permit = true;
    if (sv_eq_cstr(addr, "0") && sv_eq_cstr(mask, "0")) {
        e->src_any = true; /* "ssh 0 0 IFC": any host */
    } else if (cx_sv_is_dotted(mask)) {
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
    return cx_sv_is_addrish(cx_asa_alias(x, a)) || (sv_eq_cstr(a, "0") && tk_is(s, 2, "0"));
}

static long asa_minutes(struct sv s)
{
    long v = model_sv_long(s, -1);
    return v < 0 ? -1 : v * 60;
}

/* ASA "console timeout MINUTES" (0 = never). */
bool cx_h_asa_console_timeout(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    x->m->console_timeout_seconds = asa_minutes(tk(s, 2));
    x->m->console_timeout_node = n;
    return true;
}

/* ASA and IOS-XR "ssh ...", NX-OS "ssh ..." top-level statements. */
bool cx_h_ssh(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct device_model *m = x->m;
    if (neg)
        return true;
    if (x->d == DIALECT_CISCO_ASA) {
        if (asa_host_stmt(x, s)) {
            cx_ssh_configured(x, n);
            asa_mgmt_host(x, "ssh", s, n);
        } else if (tk_is(s, 1, "version")) {
            x->ssh_ver = sv_eq_cstr(tk(s, 2), "1") ? (tk(s, 3).n ? 3 : 1) : 2;
            x->ssh_ver_node = n;
        } else if (tk_is(s, 1, "timeout")) {
            m->ssh.idle_timeout_seconds = asa_minutes(tk(s, 2));
            fact_lines_add(&m->ssh.ev, n);
        } else if (starts(s, "ssh cipher encryption")) {
            cx_ssh_ciphers(x, s, sv_eq_cstr(tk(s, 3), "custom") ? 4 : 3, n);
        } else if (starts(s, "ssh cipher integrity")) {
            cx_ssh_macs(x, s, sv_eq_cstr(tk(s, 3), "custom") ? 4 : 3, n);
        } else if (starts(s, "ssh key-exchange group")) {
            cx_ssh_kex(x, s, 3, n);
        }
        return true;
    }
    if (x->d == DIALECT_CISCO_IOSXR) {
        if (!tk_is(s, 1, "server"))
            return true; /* ssh client ..., ssh timeout */
        cx_ssh_configured(x, n);
        if (tk_is(s, 2, "v2")) {
            x->ssh_ver = 2;
            x->ssh_ver_node = n;
        } else if (tk_is(s, 2, "v1")) {
            x->ssh_ver = 3;
            x->ssh_ver_node = n;
        } else if (starts(s, "ssh server algorithms cipher")) {
            cx_ssh_ciphers(x, s, 4, n);
        } else if (starts(s, "ssh server algorithms key-exchange")) {
            cx_ssh_kex(x, s, 4, n);
        } else if (starts(s, "ssh server algorithms mac")) {
            cx_ssh_macs(x, s, 4, n);
        } else if (starts(s, "ssh server disable hmac")) {
            x->xr_disable_hmac = n;
            fact_lines_add(&m->ssh.algo_ev, n);
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
            cx_svc(x, "netconf", false, FACT_ON, n);
        }
        return true;
    }
    if (x->d == DIALECT_CISCO_NXOS) {
        if (tk_is(s, 1, "ciphers")) {
            cx_ssh_configured(x, n);
            cx_ssh_ciphers(x, s, 2, n);
        } else if (tk_is(s, 1, "macs")) {
            cx_ssh_configured(x, n);
            cx_ssh_macs(x, s, 2, n);
        } else if (tk_is(s, 1, "kexalgos")) {
            cx_ssh_configured(x, n);
            cx_ssh_kex(x, s, 2, n);
        } else if (starts(s, "ssh cipher-mode weak")) {
            x->ssh_weak_node = n;
            fact_lines_add(&m->ssh.algo_ev, n);
        } else if (tk_is(s, 1, "port")) {
            m->ssh.port = model_sv_long(tk(s, 2), -1);
            x->ssh_port_set = true;
            cx_ssh_configured(x, n);
        }
    }
    return true;
}

/* XR "telnet [vrf V] ipv4|ipv6 server ..." and ASA "telnet ADDR MASK IFC". */
bool cx_h_telnet(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct device_model *m = x->m;
    if (x->d == DIALECT_CISCO_ASA) {
        if (!neg && asa_host_stmt(x, s)) {
            if (!x->telnet_on)
                x->telnet_on = n;
            fact_lines_add(&m->telnet_server.ev, n);
            asa_mgmt_host(x, "telnet", s, n);
        }
        return true;
    }
    if (x->d != DIALECT_CISCO_IOSXR)
        return true;
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
        return true;
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
    return true;
}

/* ASA "http ADDR MASK IFC" / "http server enable [port]". */
bool cx_h_http_asa(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (starts(s, "http server enable")) {
        struct mgmt_service *v = cx_svc(x, "https", false, neg ? FACT_OFF : FACT_ON, n);
        if (v && tk(s, 3).n)
            v->port = model_sv_long(tk(s, 3), -1);
    } else if (!neg && asa_host_stmt(x, s)) {
        asa_mgmt_host(x, "http", s, n);
    }
    return true;
}

/* IOS "ip http ..." statements (settled in finish_services). */
void cx_h_ip_http(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
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
bool cx_h_feature(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
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
            cx_ssh_configured(x, n);
    } else if (sv_eq_cstr(f, "nxapi")) {
        struct mgmt_service *v = cx_svc(x, "nxapi", false, st, n);
        if (v && v->port < 0)
            v->port = 443;
    } else if (sv_eq_cstr(f, "bash-shell") && !neg) {
        model_add_onbox(x->a, m, "bash", "bash-shell", true, n);
    } else if (sv_eq_cstr(f, "scp-server")) {
        cx_svc(x, "scp-server", false, st, n);
    } else if (sv_eq_cstr(f, "sftp-server")) {
        cx_svc(x, "sftp-server", false, st, n);
    } else if (sv_eq_cstr(f, "netconf")) {
        cx_svc(x, "netconf", false, st, n);
    } else if (sv_eq_cstr(f, "restconf")) {
        cx_svc(x, "restconf", false, st, n);
    } else if (sv_eq_cstr(f, "grpc")) {
        cx_svc(x, "grpc", false, st, n);
    } else if (sv_eq_cstr(f, "lldp")) {
        if (neg)
            x->lldp_off = n;
        else
            x->lldp_on = n;
    } else if (sv_eq_cstr(f, "tftp-server") || sv_eq_cstr(f, "tftp")) {
        cx_svc(x, "tftp-server", true, st, n);
    } else if (starts(s, "feature password encryption aes") && !neg) {
        x->secret_enc_node = n;
    } else {
        return false;
    }
    return true;
}

/* NX-OS "nxapi http|https port N". */
bool cx_h_nxapi(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    long port = model_sv_long(tk(s, 3), -1);
    if (starts(s, "nxapi http port")) {
        struct mgmt_service *v = cx_svc(x, "nxapi", true, neg ? FACT_OFF : FACT_ON, n);
        if (v)
            v->port = port;
    } else if (starts(s, "nxapi https port")) {
        struct mgmt_service *v = cx_svc(x, "nxapi", false, neg ? FACT_OFF : FACT_ON, n);
        if (v)
            v->port = port;
    } else if (starts(s, "nxapi use-vrf") && !neg) {
        x->nxapi_vrf_node = n;
    }
    return true;
}

/*
 * NX-API and eAPI are HTTP(S) servers, so management paths: NX-API has no
 * filter of its own (its VRF is recorded on the service); an eAPI block
 * with no access group is unfiltered. SSH on EOS runs by default, with no
 * idle timeout unless 'management ssh' sets one.
 */
static void finish_api_paths(struct cx *x)
{
    struct device_model *m = x->m;
    for (size_t i = 0; i < m->nservices; i++) {
        struct mgmt_service *v = &m->services[i];
        if (v->state.state != FACT_ON)
            continue;
        const struct cfg_node *at = v->state.ev.n ? v->state.ev.nodes[0] : NULL;
        if (!strcmp(v->name, "nxapi")) {
            if (x->nxapi_vrf_node)
                v->vrf = dup(x, tk(cfg_text(x->nxapi_vrf_node), 2));
            model_add_mgmt_path(x->a, m, "nxapi", NULL, at);
        } else if (!strcmp(v->name, "eapi") && !v->acl_name) {
            model_add_mgmt_path(x->a, m, "eapi", NULL, at);
        }
    }
    if (x->d != DIALECT_ARISTA_EOS || m->ssh.enabled.state != FACT_ON)
        return;
    if (m->ssh.idle_timeout_seconds < 0)
        m->ssh.idle_timeout_seconds = 0; /* EOS default: sessions never time out */
    for (size_t i = 0; i < m->nmgmt_paths; i++)
        if (m->mgmt_paths[i].service && !strcmp(m->mgmt_paths[i].service, "ssh"))
            return;
    model_add_mgmt_path(x->a, m, "ssh", NULL, x->ssh_cfg_node);
}

/* Does a management block contain "no shutdown" (on) or "shutdown" (off)? NULL if neither. */
const struct cfg_node *cx_eos_shutdown(const struct cfg_node *blk, bool *on)
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
void cx_eos_access_groups(struct cx *x, const struct cfg_node *blk, const char *service,
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
            cx_eos_access_groups(x, c, service, first_acl);
        }
    }
}

/* EOS "management console" with a non-zero idle-timeout (MGMT-CONSOLE-AUX). */
bool cx_h_management_console(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (x->d != DIALECT_ARISTA_EOS)
        return true;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (starts(cfg_text(c), "idle-timeout") && model_sv_long(tk(cfg_text(c), 1), 0) > 0)
            x->eos_console_timeout = c;
    return true;
}

/* EOS management blocks; vrf sub-blocks may enable a service per VRF. */
static bool eos_block_on(const struct cfg_node *blk, const struct cfg_node **ev, bool dflt)
{
    bool on = dflt;
    const struct cfg_node *s = cx_eos_shutdown(blk, &on);
    if (s)
        *ev = s;
    for (const struct cfg_node *c = blk->child; c; c = c->next) {
        if (!active(c) || !starts(cfg_text(c), "vrf"))
            continue;
        bool von = false;
        const struct cfg_node *vs = cx_eos_shutdown(c, &von);
        if (vs && von) {
            on = true;
            *ev = vs;
        }
    }
    return on;
}

/* EOS "management telnet" when on: a vty-like line with its filter and idle timeout. */
static void eos_telnet_line(struct cx *x, const struct cfg_node *n, const struct cfg_node *ev,
                            const char *acl)
{
    struct device_model *m = x->m;
    if (!cap_ok(m->nlines))
        return;
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

/* EOS management blocks: the block and the row that matched it (service
 * and transport for the API rows that name them). */
struct mgmt_row;
typedef void cx_mgmt_fn(struct cx *x, const struct cfg_node *n, const struct mgmt_row *r);
struct mgmt_row {
    struct cx_key key;
    cx_mgmt_fn *fn;
    const char *service, *transport;
};

static void mgmt_telnet(struct cx *x, const struct cfg_node *n, const struct mgmt_row *r)
{
    const struct cfg_node *ev = n;
    bool on = eos_block_on(n, &ev, false);
    if (on)
        x->telnet_on = ev;
    else
        x->telnet_off = ev == n ? NULL : ev;
    const char *acl = NULL;
    cx_eos_access_groups(x, n, "telnet", &acl);
    if (on)
        eos_telnet_line(x, n, ev, acl);
}

/* Statements inside "management ssh" (their whole text: no "no" forms). */
typedef void cx_ssh_fn(struct cx *x, const struct cfg_node *c, struct sv t);

static void ssh_idle_timeout(struct cx *x, const struct cfg_node *c, struct sv t)
{
    struct ssh_facts *ssh = &x->m->ssh;
    ssh->idle_timeout_seconds = model_sv_long(tk(t, 1), -1) * 60;
    if (ssh->idle_timeout_seconds < 0)
        ssh->idle_timeout_seconds = -1;
    fact_lines_add(&ssh->ev, c);
}

static void ssh_ciphers(struct cx *x, const struct cfg_node *c, struct sv t)
{
    cx_ssh_ciphers(x, t, 1, c);
}

static void ssh_macs(struct cx *x, const struct cfg_node *c, struct sv t)
{
    cx_ssh_macs(x, t, 1, c);
}

static void ssh_kex(struct cx *x, const struct cfg_node *c, struct sv t)
{
    cx_ssh_kex(x, t, 1, c);
}

static void ssh_port(struct cx *x, const struct cfg_node *c, struct sv t)
{
    x->m->ssh.port = model_sv_long(tk(t, 1), -1);
    x->ssh_port_set = true;
    fact_lines_add(&x->m->ssh.ev, c);
}

static const struct {
    struct cx_key key;
    cx_ssh_fn *fn;
} eos_ssh_rows[] = {
    {{"idle-timeout", 0, CX_BOTH, CX_WORDS}, ssh_idle_timeout},
    {{"cipher", 0, CX_BOTH, CX_WORDS}, ssh_ciphers},
    {{"mac", 0, CX_BOTH, CX_WORDS}, ssh_macs},
    {{"key-exchange", 0, CX_BOTH, CX_WORDS}, ssh_kex},
    {{"server-port", 0, CX_BOTH, CX_WORDS}, ssh_port},
    {{"port", 0, CX_BOTH, CX_WORDS}, ssh_port},
};

static void mgmt_ssh(struct cx *x, const struct cfg_node *n, const struct mgmt_row *r)
{
    const struct cfg_node *ev = n;
    bool on = eos_block_on(n, &ev, true);
    bool top_on = true;
    const struct cfg_node *top = cx_eos_shutdown(n, &top_on);
    if (!on)
        x->ssh_off_node = ev;
    else
        cx_ssh_configured(x, n);
    if (on && top && !top_on)
        x->mgmt_vrf_node = ev;          /* SSH served only inside a VRF */
    x->m->ssh.idle_timeout_seconds = 0; /* EOS default: no idle timeout */
    const char *acl = NULL;
    cx_eos_access_groups(x, n, "ssh", &acl);
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        CX_KEY_EACH(i, eos_ssh_rows, x, t, false)
        {
            eos_ssh_rows[i].fn(x, c, t);
            break;
        }
    }
}

/* "protocol http|https [port N]" of an eAPI block. */
struct eapi_protocols {
    bool http, https;
    const struct cfg_node *proto_ev, *http_port_ev, *https_port_ev;
    long http_port, https_port;
};

static void eapi_protocol(struct eapi_protocols *p, const struct cfg_node *c)
{
    bool cneg;
    struct sv t = stmt(c, &cneg);
    bool port = !cneg && tk_is(t, 2, "port") && model_sv_long(tk(t, 3), -1) > 0;
    if (starts(t, "protocol http") && !starts(t, "protocol http localhost") &&
        !starts(t, "protocol https")) {
        p->http = !cneg;
        p->proto_ev = c;
        if (port) {
            p->http_port = model_sv_long(tk(t, 3), -1);
            p->http_port_ev = c;
        }
    } else if (starts(t, "protocol https")) {
        p->https = !cneg;
        p->proto_ev = p->proto_ev ? p->proto_ev : c;
        if (port) {
            p->https_port = model_sv_long(tk(t, 3), -1); /* "protocol https port N" */
            p->https_port_ev = c;
        }
    }
}

static void mgmt_eapi(struct cx *x, const struct cfg_node *n, const struct mgmt_row *r)
{
    const struct cfg_node *ev = n;
    bool on = eos_block_on(n, &ev, false);
    struct eapi_protocols p = {.https = true, .http_port = 80, .https_port = -1};
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c))
            eapi_protocol(&p, c);
    const char *acl = NULL;
    cx_eos_access_groups(x, n, "eapi", &acl);
    if (p.https || !on) {
        struct mgmt_service *v = cx_svc(x, "eapi", false, on ? FACT_ON : FACT_OFF, ev);
        if (v) {
            v->acl_name = acl;
            if (!on)
                v->state.is_default = ev == n;
            if (on && p.https_port_ev) {
                v->port = p.https_port;
                fact_lines_add(&v->state.ev, p.https_port_ev);
            }
        }
    }
    if (p.http && on) {
        struct mgmt_service *v = cx_svc(x, "eapi", true, FACT_ON, ev);
        if (v) {
            fact_lines_add(&v->state.ev, p.proto_ev);
            fact_lines_add(&v->state.ev, p.http_port_ev);
            v->port = p.http_port;
            v->acl_name = acl;
        }
    }
}

static void mgmt_gnmi(struct cx *x, const struct cfg_node *n, const struct mgmt_row *r)
{
    const struct cfg_node *tr = cfg_child(x->t, n, "transport grpc");
    bool on = true;
    const struct cfg_node *sd = cx_eos_shutdown(n, &on);
    if (!tr && !sd)
        return;
    if (tr && sd == NULL && tr->child)
        cx_eos_shutdown(tr, &on);
    bool tls = tr && cfg_child(x->t, tr, "ssl profile") != NULL;
    struct mgmt_service *v = cx_svc(x, "gnmi", !tls, on && tr ? FACT_ON : FACT_OFF, tr ? tr : n);
    if (v && tr)
        cx_eos_access_groups(x, tr, "gnmi", &v->acl_name);
}

/* management api netconf|restconf: the service runs over the row's transport */
static void mgmt_api_transport(struct cx *x, const struct cfg_node *n, const struct mgmt_row *r)
{
    const struct cfg_node *tr = cfg_child(x->t, n, r->transport);
    bool on = true;
    cx_eos_shutdown(n, &on);
    if (tr)
        cx_svc(x, r->service, false, on ? FACT_ON : FACT_OFF, tr);
}

static void mgmt_security(struct cx *x, const struct cfg_node *n, const struct mgmt_row *r)
{
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c) && starts(cfg_text(c), "password minimum length"))
            x->pw_policy_node = c;
}

static const struct mgmt_row mgmt_rows[] = {
    {{"management telnet", CX_EOS, CX_POS, CX_WORDS}, mgmt_telnet, NULL, NULL},
    {{"management ssh", CX_EOS, CX_POS, CX_WORDS}, mgmt_ssh, NULL, NULL},
    {{"management api http-commands", CX_EOS, CX_POS, CX_WORDS}, mgmt_eapi, NULL, NULL},
    {{"management api gnmi", CX_EOS, CX_POS, CX_WORDS}, mgmt_gnmi, NULL, NULL},
    {{"management api netconf", CX_EOS, CX_POS, CX_WORDS},
     mgmt_api_transport,
     "netconf",
     "transport ssh"},
    {{"management api restconf", CX_EOS, CX_POS, CX_WORDS},
     mgmt_api_transport,
     "restconf",
     "transport https"},
    {{"management security", CX_EOS, CX_POS, CX_WORDS}, mgmt_security, NULL, NULL},
};

bool cx_h_management(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    CX_KEY_EACH(i, mgmt_rows, x, s, false)
    {
        mgmt_rows[i].fn(x, n, &mgmt_rows[i]);
        break;
    }
    return true;
}

/* XR "tftp [vrf V] ipv4|ipv6 server homedir DIR [access-list A] ...": a cleartext server. */
bool cx_h_xr_tftp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
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
        return true;
    struct mgmt_service *v = model_add_service(x->a, x->m, "tftp-server", true, FACT_ON, n);
    v->vrf = dup(x, vrf);
    v->acl_name = dup(x, acl);
    return true;
}

/* NETCONF: IOS-XE "netconf-yang", NX-OS/XR "netconf ssh", "netconf agent ...". */
bool cx_h_netconf(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (starts(s, "netconf-yang") && tk(s, 1).n && !tk_is(s, 1, "agent"))
        return true; /* netconf-yang feature ... / cisco-ia options */
    if (!starts(s, "netconf-yang") && !starts(s, "netconf ssh") && !starts(s, "netconf agent"))
        return false;
    cx_svc(x, "netconf", false, neg ? FACT_OFF : FACT_ON, n);
    return true;
}

bool cx_h_restconf(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (!sv_eq_cstr(s, "restconf"))
        return false;
    cx_svc(x, "restconf", false, neg ? FACT_OFF : FACT_ON, n);
    return true;
}

bool cx_h_gnxi(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (sv_eq_cstr(s, "gnxi server"))
        cx_svc(x, "gnmi", true, neg ? FACT_OFF : FACT_ON, n);
    else if (sv_eq_cstr(s, "gnxi secure-server"))
        cx_svc(x, "gnmi", false, neg ? FACT_OFF : FACT_ON, n);
    else
        return false;
    return true;
}

/* XR "grpc": TLS unless no-tls. */
bool cx_h_grpc(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    bool notls = cfg_child(x->t, n, "no-tls") != NULL;
    struct mgmt_service *v = cx_svc(x, "grpc", notls, FACT_ON, n);
    const struct cfg_node *port = cfg_child(x->t, n, "port");
    if (v && port)
        v->port = model_sv_long(tk(cfg_text(port), 1), -1);
    return true;
}

/* The filter named by "... access-list NAME" among a block's statements
 * (XR "xml agent" / "vrf V" / "ipv4 access-list A"), NULL if none. */
static const char *block_acl(struct cx *x, const struct cfg_node *n, const struct cfg_node **at)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        struct sv t = cfg_text(c);
        for (size_t i = 0; i + 1 < sv_token_count(t); i++)
            if (tk_is(t, i, "access-list")) {
                *at = c;
                return dup(x, tk(t, i + 1));
            }
        const char *inner = block_acl(x, c, at);
        if (inner)
            return inner;
    }
    return NULL;
}

/* XR "xml agent [ssl|corba]": a listener of its own, filtered only by an
 * access-list in its VRF blocks; "xml agent tty" runs over the vty lines. */
bool cx_h_xml_agent(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    bool ssl = tk_is(s, 2, "ssl");
    bool tty = tk_is(s, 2, "tty");
    if (tty) {
        if (x->d == DIALECT_CISCO_IOSXR)
            x->xml_tty_node = n; /* settled with the telnet server in finish_services */
        return true;
    }
    struct mgmt_service *v = cx_svc(x, "xml-agent", !ssl, FACT_ON, n);
    if (x->d != DIALECT_CISCO_IOSXR)
        return true;
    const struct cfg_node *at = n;
    const char *acl = block_acl(x, n, &at);
    if (v && acl)
        v->acl_name = acl;
    model_add_mgmt_path(x->a, x->m, "xml agent", acl, at);
    return true;
}

/* XR "http server [ssl]": the HTTP(S) transport of the XML and CORBA
 * agents, a listener with no filter of its own. */
bool cx_h_xr_http(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    bool ssl = tk_is(s, 2, "ssl");
    cx_svc(x, "http-server", !ssl, neg ? FACT_OFF : FACT_ON, n);
    if (!neg)
        model_add_mgmt_path(x->a, x->m, "http server", NULL, n);
    return true;
}

/* IOS "tftp-server FILE [alias A] [ACL]". */
bool cx_h_tftp_server(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct mgmt_service *v = cx_svc(x, "tftp-server", true, FACT_ON, n);
    struct sv last = tk(s, sv_token_count(s) - 1);
    if (v && sv_token_count(s) >= 3 && !memchr(last.p, ':', last.n) &&
        !tk_is(s, sv_token_count(s) - 2, "alias"))
        v->acl_name = dup(x, last);
    return true;
}

bool cx_h_ftp_server(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    cx_svc(x, "ftp-server", true, neg ? FACT_OFF : FACT_ON, n);
    return true;
}

static bool any_line_ssh(const struct device_model *m)
{
    for (size_t i = 0; i < m->nlines; i++)
        if (m->lines[i].kind == LINE_VTY && m->lines[i].ssh_in.state == FACT_ON)
            return true;
    return false;
}
/* Where nothing turns the SSH server on or off: NX-OS and EOS run it, IOS XR
 * and the ASA do not (IOS is decided apart: it depends on a host key). */
static const struct {
    enum dialect d;
    enum fact_state state;
    const char *why;
} ssh_enabled_defaults[] = {
    {DIALECT_CISCO_NXOS, FACT_ON, "feature ssh is on by default"},
    {DIALECT_ARISTA_EOS, FACT_ON, "management ssh is on by default"},
    {DIALECT_CISCO_IOSXR, FACT_OFF, "no 'ssh server' statement: the SSH server is off"},
    {DIALECT_CISCO_ASA, FACT_OFF,
     "no 'ssh ADDR MASK IF' statement: the ASA accepts SSH from no host"},
};

static void ssh_enabled_ios(struct cx *x)
{
    struct ssh_facts *ssh = &x->m->ssh;
    if (x->ssh_cfg_node) {
        fact_set(&ssh->enabled, FACT_ON, x->ssh_cfg_node);
        ssh->enabled.why = "configured; the RSA host key it needs is not shown in the config";
    } else if (any_line_ssh(x->m)) {
        fact_set(&ssh->enabled, FACT_ON, NULL);
        ssh->enabled.ev = ssh->ev;
        ssh->enabled.why = "a vty line accepts ssh; the host key is not shown in the config";
    } else {
        fact_unknown(&ssh->enabled, "no 'ip ssh' statement: SSH runs when an RSA host key "
                                    "exists, which the configuration does not show");
    }
}

static void ssh_enabled(struct cx *x)
{
    struct ssh_facts *ssh = &x->m->ssh;
    if (x->d == DIALECT_CISCO_IOS) {
        ssh_enabled_ios(x);
        return;
    }
    bool off_stmt = x->d == DIALECT_CISCO_NXOS || x->d == DIALECT_ARISTA_EOS;
    if (off_stmt && x->ssh_off_node) {
        fact_set(&ssh->enabled, FACT_OFF, x->ssh_off_node);
        return;
    }
    if (x->ssh_cfg_node) {
        fact_set(&ssh->enabled, FACT_ON, x->ssh_cfg_node);
        return;
    }
    /* any other dialect is read as IOS XR */
    size_t row = 2;
    for (size_t i = 0; i < ARRAY_SIZE(ssh_enabled_defaults); i++)
        if (ssh_enabled_defaults[i].d == x->d)
            row = i;
    fact_default(&ssh->enabled, ssh_enabled_defaults[row].state, ssh_enabled_defaults[row].why);
}

/* The leading number of the software version (12 for "12.4(24)T"), -1 when none. */
static long os_major(const struct device_model *m)
{
    if (!m->os_version || !isdigit((unsigned char)m->os_version[0]))
        return -1;
    return strtol(m->os_version, NULL, 10);
}

/* Whether the ASA release shown ("9.0(3)") is older than major.minor; false
 * when no release is shown. */
static bool asa_release_before(const struct device_model *m, long major, long minor)
{
    if (!m->os_version || !isdigit((unsigned char)m->os_version[0]))
        return false;
    char *end;
    long ma = strtol(m->os_version, &end, 10), mi = 0;
    if (*end == '.' && isdigit((unsigned char)end[1]))
        mi = strtol(end + 1, NULL, 10);
    else
        return false;
    return ma < major || (ma == major && mi < minor);
}

/* Whether SSH version 1 is accepted where no version statement says. */
static void ssh_v1_default(struct cx *x)
{
    struct ssh_facts *ssh = &x->m->ssh;
    long major = os_major(x->m);
    if (x->d == DIALECT_CISCO_NXOS || x->d == DIALECT_ARISTA_EOS) {
        fact_default(&ssh->v1_allowed, FACT_OFF, "SSH version 2 only on this platform");
    } else if (x->d == DIALECT_CISCO_IOSXR && ssh->enabled.state == FACT_ON && major >= 0 &&
               major <= 4) {
        /* releases up to 4.x document both versions, v1 included unless 'ssh server v2' */
        fact_set(&ssh->v1_allowed, FACT_ON, x->ssh_cfg_node);
        ssh->v1_allowed.why = "no 'ssh server v2': this IOS XR release also accepts SSH version 1";
    } else if (x->d == DIALECT_CISCO_IOSXR) {
        fact_unknown(&ssh->v1_allowed, "no 'ssh server v2': older IOS XR releases also accept "
                                       "SSH version 1");
    } else if (x->d == DIALECT_CISCO_ASA) {
        fact_unknown(&ssh->v1_allowed, "no 'ssh version 2': older ASA releases accept both "
                                       "versions");
    } else if (x->d == DIALECT_CISCO_IOS && major >= 12 && major <= 15) {
        /* IOS 12.x to 15.x answer as 1.99 (SSHv1 accepted) unless 'ip ssh version 2' */
        fact_default(&ssh->v1_allowed, FACT_ON,
                     "no 'ip ssh version 2': IOS 12.x-15.x run compatibility mode (1.99), "
                     "accepting SSH version 1");
    } else {
        fact_unknown(&ssh->v1_allowed, "no 'ip ssh version 2': the server runs compatibility "
                                       "mode (1.99, SSHv1 accepted) on older images");
    }
}

static void ssh_version(struct cx *x)
{
    struct ssh_facts *ssh = &x->m->ssh;
    if (x->ssh_ver_node) {
        fact_set(&ssh->v1_allowed, x->ssh_ver == 2 ? FACT_OFF : FACT_ON, x->ssh_ver_node);
        fact_lines_add(&ssh->ev, x->ssh_ver_node);
    } else {
        ssh_v1_default(x);
    }
}

static void ssh_ciphers_weak(struct cx *x)
{
    struct ssh_facts *ssh = &x->m->ssh;
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
    } else if (x->d == DIALECT_CISCO_IOSXR && os_major(x->m) >= 7) {
        /* XR 7 leaves the CBC ciphers out of the server's list until 'ssh server
         * enable cipher aes-cbc|3des-cbc' adds them back (the command exists for
         * that alone) */
        fact_default(&ssh->weak_ciphers, FACT_OFF,
                     "IOS XR 7 offers CBC ciphers only after 'ssh server enable cipher'");
        ssh->ciphers_cite_release = true;
    } else if (x->d == DIALECT_CISCO_ASA && asa_release_before(x->m, 9, 5)) {
        /* 'show ssh ciphers' on 9.4: the default 'medium' list holds aes128/192/256-cbc
         * beside CTR; before 9.1(2) no list can be chosen and only CBC is offered */
        fact_default(&ssh->weak_ciphers, FACT_ON,
                     "no 'ssh cipher encryption': this ASA release offers AES-CBC "
                     "(the 'medium' list, or the fixed list before 9.1(2))");
        ssh->ciphers_cite_release = true;
    } else {
        fact_unknown(&ssh->weak_ciphers, "no SSH cipher list: the default list is "
                                         "release-dependent");
    }
}

/* The MACs listed: weak ones, or ASA levels whose content differs between releases. */
static void ssh_macs_listed(struct cx *x)
{
    struct ssh_facts *ssh = &x->m->ssh;
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
}

static void ssh_macs_weak(struct cx *x)
{
    struct ssh_facts *ssh = &x->m->ssh;
    if (x->saw_macs) {
        ssh_macs_listed(x);
    } else if (x->d == DIALECT_CISCO_IOSXR && !x->xr_disable_hmac) {
        /* checks.md XR: HMAC-SHA1 is offered until it is disabled */
        fact_default(&ssh->weak_macs, FACT_ON,
                     "no 'ssh server disable hmac hmac-sha1': IOS XR offers HMAC-SHA1");
        ssh->macs_cite_release = true;
    } else if (x->d == DIALECT_CISCO_ASA && asa_release_before(x->m, 9, 1)) {
        /* 'ssh cipher integrity' and the SHA-2 MACs came with 9.1(2): older
         * releases offer HMAC-SHA1 and nothing can remove it */
        fact_default(&ssh->weak_macs, FACT_ON,
                     "ASA releases before 9.1(2) offer HMAC-SHA1 and cannot choose their MACs");
        ssh->macs_cite_release = true;
    } else {
        fact_unknown(&ssh->weak_macs, "no SSH MAC list: the default list is release-dependent");
    }
}

static void ssh_root_login(struct cx *x)
{
    struct device_model *m = x->m;
    struct ssh_facts *ssh = &m->ssh;
    if (x->eos_root_node) {
        /* EOS: a root secret enables the root (bash) account, which may log in over SSH */
        fact_set(&ssh->root_login, FACT_ON, x->eos_root_node);
        return;
    }
    if (x->d == DIALECT_CISCO_IOSXR) {
        /* root-system and root-lr are the XR superuser groups: their local members
         * are root logins */
        for (size_t i = 0; i < m->naccounts; i++)
            if (m->accounts[i].root_group)
                fact_set(&ssh->root_login, FACT_ON, m->accounts[i].node);
        if (ssh->root_login.state == FACT_ON) {
            ssh->root_login.why =
                "local users in root-system or root-lr can log in with full rights";
            return;
        }
        fact_default(&ssh->root_login, FACT_OFF, "no local user in root-system or root-lr");
        return;
    }
    if (x->d == DIALECT_ARISTA_EOS) {
        fact_default(&ssh->root_login, FACT_OFF, "no 'aaa root': the root account is disabled");
        return;
    }
    /* IOS, NX-OS, ASA: no root account apart from the local users (AAA-DEFAULT-ACCOUNTS) */
    fact_unknown(&ssh->root_login, "no separate root login on this platform");
}

void cx_finish_ssh(struct cx *x)
{
    struct ssh_facts *ssh = &x->m->ssh;
    ssh_enabled(x);
    if (ssh->enabled.state != FACT_OFF && !x->ssh_port_set)
        ssh->port = 22;
    if (x->d == DIALECT_CISCO_ASA && ssh->idle_timeout_seconds < 0)
        ssh->idle_timeout_seconds = 300; /* ASA default: 5 minutes */
    /* ASA console: "console timeout 0", never, by default (Cisco ASA command
     * reference, console timeout) */
    if (x->d == DIALECT_CISCO_ASA && !x->m->console_timeout_node)
        x->m->console_timeout_seconds = 0;
    ssh_version(x);
    ssh_ciphers_weak(x);
    ssh_macs_weak(x);
    ssh_root_login(x);
}

/* IOS "ip http server|secure-server|access-class|port": the HTTP and HTTPS
 * services and the path their filter guards. */
static void ios_http_services(struct cx *x)
{
    struct device_model *m = x->m;
    struct mgmt_service *h, *hs;
    if (x->http_node) {
        h = cx_svc(x, "http", true, x->http_on ? FACT_ON : FACT_OFF, x->http_node);
    } else {
        h = model_add_service(x->a, m, "http", true, FACT_UNKNOWN, NULL);
        fact_unknown(&h->state, "no 'ip http server' statement: the factory default differs "
                                "by image");
    }
    if (x->https_node) {
        hs = cx_svc(x, "https", false, x->https_on ? FACT_ON : FACT_OFF, x->https_node);
    } else if (cx_ios_12_or_older(x)) {
        /* 12.x images have no factory web UI: the HTTPS server (from
         * 12.1(11b)E and 12.2(14)S) runs only once 'ip http secure-server'
         * is configured (Cisco IOS Secure HTTP (HTTPS) feature guide) */
        hs = model_add_service(x->a, m, "https", false, FACT_OFF, NULL);
        fact_default(&hs->state, FACT_OFF,
                     "IOS 12.x runs the HTTPS server only once 'ip http secure-server' is "
                     "configured");
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

void cx_finish_services(struct cx *x)
{
    struct device_model *m = x->m;
    finish_api_paths(x);
    switch (x->d) {
    case DIALECT_CISCO_IOS: {
        size_t nvty = 0;
        for (size_t i = 0; i < m->nlines; i++)
            nvty += m->lines[i].kind == LINE_VTY;
        if (nvty == 0) {
            fact_unknown(&m->telnet_server,
                         "no 'line vty' in the configuration: the vty defaults are "
                         "release-dependent");
            /* Every IOS device has vty lines 0-4 (they cannot be removed) and
             * a line has no access-class unless one is configured (Cisco IOS
             * Terminal Services Command Reference: line, access-class), so a
             * device with no 'line vty' keeps unfiltered remote lines. */
            model_add_mgmt_path(x->a, m,
                                "vty 0 4 (the IOS default lines: no 'line vty' in the "
                                "configuration)",
                                NULL, NULL);
        }
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
    if (x->d == DIALECT_CISCO_IOS)
        ios_http_services(x);
}
