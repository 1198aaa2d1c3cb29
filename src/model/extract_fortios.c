/*
 * extract_fortios.c - the Fortinet FortiOS extractor (deliberately small):
 * identity, administrators and their trusted hosts, administrative access
 * per interface (telnet/http/https/ssh/snmp), admin ports, SNMP
 * communities and users, NTP, syslog, the pre-login banner switch, strong
 * crypto, TACACS+/RADIUS servers and BGP neighbours.
 *
 * The tree is `config <path>` blocks holding `set` statements and `edit
 * "<name>"` entries (which may hold nested `config` blocks). Facts this
 * extractor does not read stay FACT_UNKNOWN with a reason that says so.
 */
#include "model/extract_rtg.h"

#include <string.h>

#define FX_MAX_ITEMS 200000

struct fx {
    const struct cfg_tree *t;
    struct arena *a;
    struct device_model *m;
    bool saw_interfaces;
    bool saw_admin;         /* config system admin */
    bool vdom_tree;         /* config global / config vdom: the blocks sit one level down */
    bool private_enc;       /* system global: private-data-encryption enable */
    struct plx *plx;        /* prefix lists and route-maps */
    struct plx_bind *binds; /* each BGP neighbour's inbound filters */
    size_t nbinds;
    const struct cfg_node *telnet_ev, *ssh_ev, *http_ev, *https_ev, *snmp_ev;
    struct fact_lines telnet_all, http_all; /* every interface allowing them */
    const struct cfg_node *remote_auth_node;
    const struct cfg_node *api_user;     /* first "config system api-user" entry */
    const struct cfg_node *fw_policy;    /* config firewall policy */
    const struct cfg_node *access_ev;    /* the first allowaccess, whatever it opens */
    const struct cfg_node *open_admin;   /* an administrator without trusted hosts */
    const struct cfg_node *implicit_log; /* log setting: set fwpolicy-implicit-log */
    /* event logging and where it goes; TACACS+ accounting */
    const struct cfg_node *event_off; /* log eventfilter: event or system disabled */
    const struct cfg_node *faz_on;    /* log fortianalyzer* setting: status enable */
    const struct cfg_node *tac_acct;  /* log tacacs+accounting* setting: status enable */
    const struct cfg_node *tac_login_off, *tac_cfg_off; /* its filter */
    bool radius_acct; /* a RADIUS server with accounting servers */
    const struct cfg_node *snmp_sysinfo_node;
    bool snmp_sysinfo_off;
    long http_port, https_port; /* admin-port / admin-sport, -1 = default */
    /* log syslogd, syslogd2..4: enabled with a server; its filter's severity */
    bool syslogd_on[4];
    const struct cfg_node *syslogd_sev[4];
    /* access profiles that withhold a permission group (config system
     * accprofile), and the profile of each administrator, local or remote */
    struct f_prof *lim_prof, *admin_prof;
    size_t nlim_prof, nadmin_prof;
    /* per access profile: system-execute-ssh / -telnet as set; per
     * administrator: its profile, for MGMT-OUTBOUND */
    struct f_exec *exec_prof;
    size_t nexec_prof;
    struct f_out_admin *out_admin;
    size_t nout_admin;
};

/* An access profile's system-execute-ssh and system-execute-telnet: -1 not
 * set, 0 disable, 1 enable. */
struct f_exec {
    struct sv name;
    int ssh, telnet;
    const struct cfg_node *ssh_node, *telnet_node;
};

/* An administrator (local or remote) and the profile it names. */
struct f_out_admin {
    const char *name;
    struct sv prof;              /* empty: none set */
    const struct cfg_node *node; /* the accprofile statement, else the edit */
    bool override;               /* accprofile-override: the server may name another */
};

/* An access profile by name, with the statement that shows it. */
struct f_prof {
    struct sv name;
    const struct cfg_node *node;
};

static struct sv tk(const struct cfg_node *n, size_t i)
{
    return model_tok(n, i);
}

static bool active(const struct cfg_node *n)
{
    return !(n->flags & CFG_INACTIVE);
}

/* The `set <name> ...` statement directly under n, or NULL. */
static const struct cfg_node *fset(const struct cfg_node *n, const char *name)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c) || !sv_eq_cstr(tk(c, 0), "set"))
            continue;
        if (sv_eq_cstr(tk(c, 1), name))
            return c;
    }
    return NULL;
}

/* Value of `set <name> <value>` (unquoted), or an empty view. */
static struct sv fval(const struct cfg_node *n, const char *name)
{
    const struct cfg_node *s = fset(n, name);
    return s ? sv_unquote(tk(s, 2)) : sv_make(NULL, 0);
}

static bool fis(const struct cfg_node *n, const char *name, const char *value)
{
    return sv_eq_cstr(fval(n, name), value);
}

/* The nested `config <words>` block directly under n, or NULL. */
static const struct cfg_node *fconfig(const struct cfg_node *n, const char *words)
{
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c) && sv_starts_with_word(cfg_text(c), "config") &&
            sv_eq_cstr(sv_after_tokens(cfg_text(c), 1), words))
            return c;
    return NULL;
}

static bool fcap(size_t n)
{
    return n < FX_MAX_ITEMS;
}

/* A secret after `set <name>`: "ENC <b64>" or a plain value. ENC values
 * are encrypted with a key built into FortiOS unless "set
 * private-data-encryption enable" (config system global) makes them use
 * the administrator's own key (FortiOS CLI reference). */
static struct secret fsecret(const struct fx *x, const struct cfg_node *s)
{
    struct sv v = sv_after_tokens(cfg_text(s), 2);
    enum secret_type t = secret_classify_fortios(v);
    if (t == SECRET_FORTI_ENC && x->private_enc)
        t = SECRET_FORTI_ENC_PRIVATE;
    return model_secret(t, sv_unquote(v), s);
}

/* ------------------------------------------------------------ blocks */

/* The values of "set <name> a b c" appended to a list. */
static void f_list(struct fx *x, const struct cfg_node *s, const char ***arr, size_t *n)
{
    size_t cnt = sv_token_count(cfg_text(s));
    for (size_t i = 2; i < cnt && fcap(*n); i++)
        *MODEL_PUSH(x->a, *arr, *n) = model_strdup_unquoted(x->a, tk(s, i));
}

/* The SSH server's key-exchange and host-key algorithm lists (ssh-kex-algo,
 * ssh-hostkey-algo, FortiOS 7.x CLI reference, config system global);
 * without them the release's default lists apply. */
static void f_ssh_algos(struct fx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    const struct cfg_node *s;
    if ((s = fset(n, "ssh-kex-algo")) != NULL) {
        f_list(x, s, &m->ssh.kex, &m->ssh.nkex);
        fact_lines_add(&m->ssh.algo_ev, s);
    }
    if ((s = fset(n, "ssh-hostkey-algo")) != NULL) {
        f_list(x, s, &m->ssh_hostkey.algos, &m->ssh_hostkey.nalgos);
        fact_lines_add(&m->ssh_hostkey.ev, s);
    }
}

static void f_global(struct fx *x, const struct cfg_node *n)
{
    f_ssh_algos(x, n);
    struct device_model *m = x->m;
    const struct cfg_node *s;
    if ((s = fset(n, "hostname")) != NULL) {
        m->hostname = model_strdup_unquoted(x->a, tk(s, 2));
        m->hostname_node = s;
    }
    if ((s = fset(n, "admin-ssh-port")) != NULL) {
        m->ssh.port = model_sv_long(tk(s, 2), -1);
        fact_lines_add(&m->ssh.ev, s);
    }
    if ((s = fset(n, "admin-ssh-v1")) != NULL)
        fact_set(&m->ssh.v1_allowed, sv_eq_cstr(tk(s, 2), "enable") ? FACT_ON : FACT_OFF, s);
    if ((s = fset(n, "strong-crypto")) != NULL) {
        enum fact_state weak = sv_eq_cstr(tk(s, 2), "enable") ? FACT_OFF : FACT_ON;
        fact_set(&m->ssh.weak_ciphers, weak, s);
        fact_set(&m->ssh.weak_macs, weak, s);
    }
    if ((s = fset(n, "admintimeout")) != NULL) {
        long mins = model_sv_long(tk(s, 2), -1);
        m->ssh.idle_timeout_seconds = mins < 0 ? -2 : mins * 60;
    }
    if ((s = fset(n, "pre-login-banner")) != NULL && sv_eq_cstr(tk(s, 2), "enable"))
        model_add_banner(x->a, m, "pre-login", s);
    if ((s = fset(n, "admin-telnet")) != NULL && sv_eq_cstr(tk(s, 2), "disable") && !x->telnet_ev)
        fact_set(&m->telnet_server, FACT_OFF, s);
    if ((s = fset(n, "admin-sport")) != NULL)
        x->https_port = model_sv_long(tk(s, 2), -1);
    if ((s = fset(n, "admin-port")) != NULL)
        x->http_port = model_sv_long(tk(s, 2), -1);
}

/* The administrator on an access profile that withholds a permission
 * group, or NULL; *prof gets the profile's statement. */
static const struct cfg_node *f_limited_admin(const struct fx *x, const struct cfg_node **prof)
{
    for (size_t i = 0; i < x->nadmin_prof; i++)
        for (size_t j = 0; j < x->nlim_prof; j++)
            if (sv_eq(x->admin_prof[i].name, x->lim_prof[j].name)) {
                *prof = x->lim_prof[j].node;
                return x->admin_prof[i].node;
            }
    return NULL;
}

/* Command authorisation is role-based on FortiOS: an administrator's access
 * profile (accprofile) grants none, read or read-write per permission group
 * (FortiOS CLI reference, config system accprofile,
 * https://docs.fortinet.com/document/fortigate/7.4.6/cli-reference/309990135).
 * An administrator, local or remote, on a profile that sets a group to none
 * or read is held back from those commands (as a Junos login class that
 * limits permissions is). Every administrator on the super_admin profile
 * (the factory admin when none is configured) may run every command; other
 * profiles that withhold nothing the config shows are not judged. */
static void fortios_authz(struct fx *x, const struct cfg_node *remote)
{
    struct device_model *m = x->m;
    struct aaa_facts *aaa = &m->aaa;
    const struct cfg_node *prof = NULL, *lim = f_limited_admin(x, &prof);
    if (lim) {
        fact_set(&aaa->authz_cmds, FACT_ON, lim);
        fact_lines_add(&aaa->authz_cmds.ev, prof);
        aaa->authz_cmds.why = "an administrator's access profile withholds a permission group";
        return;
    }
    size_t limited = 0;
    for (size_t i = 0; i < m->naccounts; i++)
        if (m->accounts[i].privilege != 15)
            limited++;
    if (remote || limited) {
        fact_unknown(&aaa->authz_cmds, "no administrator's access profile (accprofile) sets a "
                                       "permission group to none or read, and the groups it "
                                       "leaves unset or custom are not judged");
        return;
    }
    bool factory = m->naccounts == 1 && m->accounts[0].factory;
    fact_default(&aaa->authz_cmds, FACT_OFF,
                 factory ? "only the factory admin, on the super_admin profile"
                         : "every administrator has the super_admin profile");
    for (size_t i = 0; i < m->naccounts; i++)
        fact_lines_add(&aaa->authz_cmds.ev, m->accounts[i].node);
}

/*
 * MGMT-OUTBOUND: "execute ssh" and "execute telnet" open onward sessions
 * from the CLI; an access profile's system-execute-ssh and
 * system-execute-telnet ("enable/disable permission to execute SSH/TELNET
 * commands", enabled by default; FortiOS CLI reference, config system
 * accprofile, https://docs.fortinet.com/document/fortigate/7.4.6/cli-reference/309990135)
 * withhold them. An administrator on a profile that disables both cannot
 * open them; one on a profile other than super_admin that enables either
 * can; super_admin (every permission) is an administrator's profile, which
 * site policy decides. A profile that leaves them unset is not judged: the
 * settings are missing from releases before them.
 */
enum f_out { F_OUT_DENIED, F_OUT_ADMIN, F_OUT_OPEN, F_OUT_UNKNOWN };

static enum f_out f_out_admin(const struct fx *x, const struct f_out_admin *ad,
                              const struct cfg_node **ev)
{
    if (ad->override || !ad->prof.n)
        return F_OUT_UNKNOWN;
    for (size_t i = 0; i < x->nexec_prof; i++) {
        const struct f_exec *p = &x->exec_prof[i];
        if (!sv_eq(p->name, ad->prof))
            continue;
        if (p->ssh == 0 && p->telnet == 0) {
            *ev = p->ssh_node;
            return F_OUT_DENIED;
        }
        *ev = p->ssh == 1 ? p->ssh_node : p->telnet_node;
        if (p->ssh != 1 && p->telnet != 1)
            break;
        return sv_eq_cstr(ad->prof, "super_admin") ? F_OUT_ADMIN : F_OUT_OPEN;
    }
    return sv_eq_cstr(ad->prof, "super_admin") ? F_OUT_ADMIN : F_OUT_UNKNOWN;
}

static void fortios_outbound(struct fx *x)
{
    struct fact_bool *f = &x->m->aaa.outbound_cmds;
    const char *open = NULL, *admin = NULL, *unknown = NULL;
    struct fact_lines ev = {0}, open_ev = {0};
    for (size_t i = 0; i < x->nout_admin; i++) {
        const struct f_out_admin *ad = &x->out_admin[i];
        const struct cfg_node *pev = NULL;
        enum f_out k = f_out_admin(x, ad, &pev);
        struct fact_lines *l = k == F_OUT_OPEN ? &open_ev : &ev;
        fact_lines_add(l, ad->node);
        fact_lines_add(l, pev);
        if (k == F_OUT_OPEN && !open)
            open = ad->name;
        else if (k == F_OUT_ADMIN && !admin)
            admin = ad->name;
        else if (k == F_OUT_UNKNOWN && !unknown)
            unknown = ad->name;
    }
    if (open) {
        f->state = FACT_ON;
        f->ev = open_ev;
        f->why = arena_printf(x->a,
                              "administrator %s's access profile lets it run execute ssh or "
                              "execute telnet and is not super_admin",
                              open);
    } else if (admin || unknown) {
        f->ev = ev;
        fact_unknown(f, arena_printf(x->a, "%s%s%s%s%s", admin ? "administrator " : "",
                                     admin ? admin : "",
                                     admin ? " has the super_admin profile, which runs every "
                                             "command (whether administrators may open onward "
                                             "sessions is site policy)"
                                           : "",
                                     admin && unknown ? "; " : "",
                                     unknown ? "an access profile leaves system-execute-ssh/"
                                               "telnet unset, or the server may name the "
                                               "profile"
                                             : ""));
    } else if (x->nout_admin) {
        f->state = FACT_OFF;
        f->ev = ev;
        f->why = "every administrator's access profile disables system-execute-ssh and "
                 "system-execute-telnet";
    }
}

/* A local administrator (an account with its own credentials). */
static void f_admin_account(struct fx *x, const struct cfg_node *e, const char *name)
{
    struct device_model *m = x->m;
    struct account *ac = MODEL_PUSH(x->a, m->accounts, m->naccounts);
    ac->name = name;
    ac->node = e;
    ac->privilege = -1;
    const struct cfg_node *s;
    if ((s = fset(e, "accprofile")) != NULL) {
        ac->role = model_strdup_unquoted(x->a, tk(s, 2));
        if (sv_eq_cstr(sv_unquote(tk(s, 2)), "super_admin"))
            ac->privilege = 15;
    }
    if ((s = fset(e, "password")) != NULL)
        ac->secret = fsecret(x, s);
    ac->has_ssh_key = fset(e, "ssh-public-key1") != NULL;
    /* A set password is always shown (as ENC); without one the password is
     * empty, unless a certificate (peer-auth) or a key logs the user in. */
    ac->blank_password = !s && !ac->has_ssh_key && !fis(e, "peer-auth", "enable");
}

/* An administrator's trusted hosts, as one ACL, or NULL when it has none. */
static struct acl *f_trusthosts(struct fx *x, const struct cfg_node *e, const char *name)
{
    struct acl *acl = NULL;
    for (const struct cfg_node *c = e->child; c; c = c->next) {
        if (!active(c) || !sv_eq_cstr(tk(c, 0), "set") || !sv_starts_with(tk(c, 1), "trusthost") ||
            sv_starts_with(tk(c, 1), "trusthost6"))
            continue;
        if (!acl)
            acl = model_add_acl(x->a, x->m, arena_printf(x->a, "trusthost:%s", name), c);
        if (!fcap(acl->n))
            break;
        struct acl_entry *en = model_acl_add_entry(x->a, acl, c);
        en->permit = true;
        struct ip_prefix p;
        if (ip_prefix_from_mask(tk(c, 2), tk(c, 3), false, &p) || ip_prefix_parse(tk(c, 2), &p)) {
            en->src = p;
            en->src_any = ip_prefix_is_any(&p);
        } else {
            en->unresolved = true;
        }
    }
    return acl;
}

/* An administrator with "remote-auth enable" has no local credential: the
 * TACACS+/RADIUS/LDAP server of its remote-group authenticates it (FortiOS
 * CLI reference, config system admin), so it is no local account; its
 * trusted hosts still filter its logins. */
static void f_admin(struct fx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    x->saw_admin = true;
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || !fcap(m->naccounts))
            continue;
        const char *name = model_strdup_unquoted(x->a, tk(e, 1));
        const struct cfg_node *p = fset(e, "accprofile");
        if (p && fcap(x->nadmin_prof))
            *MODEL_PUSH(x->a, x->admin_prof, x->nadmin_prof) =
                (struct f_prof){sv_unquote(tk(p, 2)), p};
        if (fcap(x->nout_admin))
            *MODEL_PUSH(x->a, x->out_admin, x->nout_admin) =
                (struct f_out_admin){name, p ? sv_unquote(tk(p, 2)) : sv_make(NULL, 0), p ? p : e,
                                     fis(e, "accprofile-override", "enable")};
        const struct cfg_node *s = fset(e, "remote-auth");
        if (s && sv_eq_cstr(tk(s, 2), "enable")) {
            if (!x->remote_auth_node)
                x->remote_auth_node = s;
        } else {
            f_admin_account(x, e, name);
        }
        struct acl *acl = f_trusthosts(x, e, name);
        model_add_mgmt_path(x->a, m, "admin", acl ? acl->name : NULL, e);
        if (!acl && !x->open_admin)
            x->open_admin = e;
    }
}

/* Single sign-on administrators ("config system sso-admin", and
 * "sso-forticloud-admin"; FortiOS CLI reference): accounts created by a
 * Security Fabric or FortiCloud sign-on, each with its own access profile.
 * They hold no local credential, so only MGMT-OUTBOUND reads them. */
static void f_sso_admin(struct fx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || !fcap(x->nout_admin))
            continue;
        const struct cfg_node *p = fset(e, "accprofile");
        *MODEL_PUSH(x->a, x->out_admin, x->nout_admin) =
            (struct f_out_admin){model_strdup_unquoted(x->a, tk(e, 1)),
                                 p ? sv_unquote(tk(p, 2)) : sv_make(NULL, 0), p ? p : e, false};
    }
}

/* "config system accprofile": a profile that sets one of its permission
 * groups (sysgrp, netgrp, fwgrp, ...: every "set *grp" and "set wifi") to
 * none or read withholds those commands. */
/* A profile's system-execute-ssh / system-execute-telnet settings (e: its
 * edit), kept when either is set. */
static void f_exec_prof(struct fx *x, const struct cfg_node *e)
{
    const struct cfg_node *ssh = fset(e, "system-execute-ssh");
    const struct cfg_node *telnet = fset(e, "system-execute-telnet");
    if ((!ssh && !telnet) || !fcap(x->nexec_prof))
        return;
    *MODEL_PUSH(x->a, x->exec_prof, x->nexec_prof) =
        (struct f_exec){sv_unquote(tk(e, 1)), ssh ? sv_eq_cstr(tk(ssh, 2), "enable") : -1,
                        telnet ? sv_eq_cstr(tk(telnet, 2), "enable") : -1, ssh, telnet};
}

static void f_accprofile(struct fx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (active(e) && sv_eq_cstr(tk(e, 0), "edit"))
            f_exec_prof(x, e);
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || !fcap(x->nlim_prof))
            continue;
        for (const struct cfg_node *c = e->child; c; c = c->next) {
            struct sv k = tk(c, 1), v = sv_unquote(tk(c, 2));
            bool group = k.n > 3 && memcmp(k.p + k.n - 3, "grp", 3) == 0;
            if (!active(c) || !sv_eq_cstr(tk(c, 0), "set") || !(group || sv_eq_cstr(k, "wifi")) ||
                !(sv_eq_cstr(v, "none") || sv_eq_cstr(v, "read")))
                continue;
            *MODEL_PUSH(x->a, x->lim_prof, x->nlim_prof) = (struct f_prof){sv_unquote(tk(e, 1)), c};
            break;
        }
    }
}

static void f_interface(struct fx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    x->saw_interfaces = true;
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || !fcap(m->ninterfaces))
            continue;
        struct interface *f = model_add_interface(x->a, m, sv_unquote(tk(e, 1)), e);
        struct sv desc = fval(e, "description");
        if (!desc.p)
            desc = fval(e, "alias");
        if (desc.p)
            f->description = model_strdup(x->a, desc);
        f->shutdown = fis(e, "status", "down");
        struct sv ip = fval(e, "ip");
        f->has_ip = ip.p && !sv_eq_cstr(ip, "0.0.0.0");
        f->is_loopback = fis(e, "type", "loopback");
        /* "ssl.<vdom>" is the SSL-VPN interface FortiOS creates in every
         * VDOM: present whether or not SSL-VPN is used, never a tunnel to a
         * fixed peer. */
        f->is_tunnel = fis(e, "type", "tunnel") && !sv_starts_with(sv_unquote(tk(e, 1)), "ssl.");
        f->is_mgmt =
            sv_starts_with(sv_unquote(tk(e, 1)), "mgmt") || fis(e, "dedicated-to", "management");
        fact_unknown(&f->urpf, "FortiOS anti-spoofing is not read");
        fact_unknown(&f->proxy_arp, "not read for FortiOS");
        fact_unknown(&f->redirects, "not read for FortiOS");
        fact_unknown(&f->unreachables, "not read for FortiOS");
        fact_unknown(&f->directed_broadcast, "not read for FortiOS");
        const struct cfg_node *aa = fset(e, "allowaccess");
        if (!aa)
            continue;
        size_t cnt = sv_token_count(cfg_text(aa));
        if (cnt > 2 && !x->access_ev)
            x->access_ev = aa;
        for (size_t i = 2; i < cnt; i++) {
            struct sv w = tk(aa, i);
            if (sv_eq_cstr(w, "telnet"))
                fact_lines_add(&x->telnet_all, aa);
            else if (sv_eq_cstr(w, "http"))
                fact_lines_add(&x->http_all, aa);
            if (sv_eq_cstr(w, "telnet") && !x->telnet_ev)
                x->telnet_ev = aa;
            else if (sv_eq_cstr(w, "ssh") && !x->ssh_ev)
                x->ssh_ev = aa;
            else if (sv_eq_cstr(w, "http") && !x->http_ev)
                x->http_ev = aa;
            else if (sv_eq_cstr(w, "https") && !x->https_ev)
                x->https_ev = aa;
            else if (sv_eq_cstr(w, "snmp") && !x->snmp_ev)
                x->snmp_ev = aa;
        }
    }
}

static void f_snmp_community(struct fx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || fis(e, "status", "disable") ||
            !fcap(m->snmp.ncommunities))
            continue;
        const struct cfg_node *s = fset(e, "name");
        struct sv name = s ? sv_unquote(tk(s, 2)) : sv_make(NULL, 0);
        struct snmp_community *c = MODEL_PUSH(x->a, m->snmp.communities, m->snmp.ncommunities);
        c->name = model_secret(secret_is_redacted(name) ? SECRET_REDACTED : SECRET_PLAINTEXT, name,
                               s ? s : e);
        c->node = e;
        c->write = false; /* FortiOS SNMP is read-only */
        const struct cfg_node *hosts = fconfig(e, "hosts");
        if (!hosts)
            continue;
        struct acl *acl = model_add_acl(
            x->a, m, arena_printf(x->a, "snmp-community-%.*s", (int)tk(e, 1).n, tk(e, 1).p), hosts);
        c->acl_name = acl->name;
        for (const struct cfg_node *h = hosts->child; h; h = h->next) {
            const struct cfg_node *ip = active(h) ? fset(h, "ip") : NULL;
            if (!ip || !fcap(acl->n))
                continue;
            struct acl_entry *en = model_acl_add_entry(x->a, acl, ip);
            en->permit = true;
            struct ip_prefix p;
            if (ip_prefix_from_mask(tk(ip, 2), tk(ip, 3), false, &p) ||
                ip_prefix_parse(tk(ip, 2), &p)) {
                en->src = p;
                en->src_any = ip_prefix_is_any(&p);
            } else {
                en->unresolved = true;
            }
        }
    }
}

static void f_snmp_user(struct fx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || !fcap(m->snmp.nusers))
            continue;
        struct snmp_user *u = MODEL_PUSH(x->a, m->snmp.users, m->snmp.nusers);
        u->name = model_strdup_unquoted(x->a, tk(e, 1));
        u->node = e;
        struct sv level = fval(e, "security-level");
        bool auth = sv_eq_cstr(level, "auth-no-priv") || sv_eq_cstr(level, "auth-priv");
        bool priv = sv_eq_cstr(level, "auth-priv");
        struct sv ap = fval(e, "auth-proto"), pp = fval(e, "priv-proto");
        /* FortiOS defaults: sha and aes when the level asks for them */
        u->auth = !auth ? "none" : ap.p ? model_strdup(x->a, ap) : "sha";
        u->priv = !priv ? "none" : pp.p ? model_strdup(x->a, pp) : "aes";
        const struct cfg_node *s;
        if ((s = fset(e, "auth-pwd")) != NULL)
            model_add_secret(x->a, m, "snmp-auth", fsecret(x, s));
        if ((s = fset(e, "priv-pwd")) != NULL)
            model_add_secret(x->a, m, "snmp-priv", fsecret(x, s));
    }
}

static void f_source(struct fx *x, const char *service, const struct cfg_node *e);

/* ntpsync with FortiGuard's servers (type fortiguard, the default): the
 * associations carry no key unless "set authentication enable" (disable by
 * default, FortiOS 6.4 and 7.0 CLI reference, config system ntp); whether
 * FortiGuard's servers check that key is not documented. */
static void f_ntp_fortiguard(struct fx *x, const struct cfg_node *n, const struct cfg_node *sync)
{
    struct fact_bool *f = &x->m->ntp.auth_enabled;
    if (!sync) {
        fact_unknown(f, "time comes from FortiGuard servers");
        return;
    }
    x->m->ntp_unlisted = sync;
    if (fis(n, "authentication", "enable")) {
        fact_unknown(f, "authentication is enabled, but whether FortiGuard's NTP servers use "
                        "its key is not documented");
        fact_lines_add(&f->ev, fset(n, "authentication"));
        return;
    }
    fact_default(f, FACT_OFF,
                 "ntpsync with FortiGuard's servers and no 'set authentication enable'");
    fact_lines_add(&f->ev, sync);
}

static void f_ntp(struct fx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    const struct cfg_node *sync = fset(n, "ntpsync");
    if (sync)
        fact_lines_add(&m->ntp.ev, sync);
    f_source(x, "ntp", n);
    if (sync && !sv_eq_cstr(tk(sync, 2), "enable")) {
        fact_set(&m->ntp.auth_enabled, FACT_OFF, sync);
        m->ntp.auth_enabled.why = "NTP synchronisation is disabled";
        return;
    }
    const struct cfg_node *srv = fconfig(n, "ntpserver");
    if (!fis(n, "type", "custom")) {
        f_ntp_fortiguard(x, n, sync);
        return;
    }
    if (!srv) {
        if (sync)
            m->ntp_unlisted = sync;
        fact_unknown(&m->ntp.auth_enabled, "type custom with no ntpserver entries");
        return;
    }
    size_t keyed = 0, total = 0;
    const struct cfg_node *ev = NULL, *miss = NULL;
    for (const struct cfg_node *e = srv->child; e; e = e->next) {
        const struct cfg_node *s = active(e) ? fset(e, "server") : NULL;
        if (!s || !fcap(m->ntp.nservers))
            continue;
        struct host_ref *h = model_add_host(x->a, &m->ntp.servers, &m->ntp.nservers, tk(s, 2), s);
        h->keyed = fis(e, "authentication", "enable");
        total++;
        if (h->keyed) {
            keyed++;
            ev = fset(e, "authentication");
        } else if (!miss) {
            miss = s;
        }
        const struct cfg_node *k = fset(e, "key");
        if (k)
            model_add_secret(x->a, m, "ntp-key", fsecret(x, k));
    }
    if (total && keyed == total)
        fact_set(&m->ntp.auth_enabled, FACT_ON, ev);
    else if (total) {
        fact_set(&m->ntp.auth_enabled, FACT_OFF, miss);
        m->ntp.auth_enabled.why = "a server without authentication";
    }
}

/* ------------------------------------------------------------ sources */

/* The interface that holds address a ("config system interface", "set ip A M"). */
static const char *f_iface_of(struct fx *x, struct sv a)
{
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        if (!active(n) || !sv_eq_cstr(sv_after_tokens(cfg_text(n), 1), "system interface"))
            continue;
        for (const struct cfg_node *e = n->child; e; e = e->next) {
            struct sv ip = active(e) ? fval(e, "ip") : sv_make(NULL, 0);
            const char *slash = ip.p ? memchr(ip.p, '/', ip.n) : NULL;
            if (slash)
                ip = sv_make(ip.p, (size_t)(slash - ip.p));
            if (ip.p && sv_eq(ip, a))
                return model_strdup_unquoted(x->a, tk(e, 1));
        }
    }
    return NULL;
}

/* LOG-SOURCE: "set source-ip A", or "set interface-select-method specify"
 * with "set interface X", in the block e of a service. */
static void f_source(struct fx *x, const char *service, const struct cfg_node *e)
{
    const struct cfg_node *ip = fset(e, "source-ip");
    struct sv a = ip ? sv_unquote(tk(ip, 2)) : sv_make(NULL, 0);
    if (ip && a.p && !sv_eq_cstr(a, "0.0.0.0")) {
        struct mgmt_source *src = model_add_source(x->a, x->m, service, sv_make("", 0), a, ip);
        if (src)
            src->ifname = f_iface_of(x, a);
        return;
    }
    const struct cfg_node *ifc = fset(e, "interface");
    if (ifc && fis(e, "interface-select-method", "specify"))
        model_add_source(x->a, x->m, service, sv_unquote(tk(ifc, 2)), sv_make("", 0), ifc);
}

/* "log syslogd setting" -> 0, "log syslogd3 filter" -> 2; -1 when not one. */
static int f_syslogd_index(struct sv what, const char *kind)
{
    struct sv w = sv_token(what, 1), d = sv_token(what, 2);
    if (!sv_eq_cstr(w, "syslogd") &&
        !(w.n == 8 && memcmp(w.p, "syslogd", 7) == 0 && w.p[7] >= '2' && w.p[7] <= '4'))
        return -1;
    if (!sv_eq_cstr(d, kind))
        return -1;
    return w.n == 7 ? 0 : w.p[7] - '1';
}

static void f_syslog_filter(struct fx *x, const struct cfg_node *n, int i)
{
    const struct cfg_node *s = fset(n, "severity");
    if (s && log_level_parse(tk(s, 2)) >= 0)
        x->syslogd_sev[i] = s;
}

/* LOG-SEVERITY: the least verbose enabled syslogd's filter severity. */
static void f_log_levels(struct fx *x)
{
    struct log_level *r = &x->m->logging.remote_level;
    bool bare = false;
    for (int i = 0; i < 4; i++) {
        if (!x->syslogd_on[i])
            continue;
        if (!x->syslogd_sev[i]) {
            bare = true;
            continue;
        }
        int lv = log_level_parse(tk(x->syslogd_sev[i], 2));
        if (!r->known || lv < r->level) {
            *r = (struct log_level){0};
            log_level_set(r, lv, x->syslogd_sev[i]);
        }
    }
    if (bare && (!r->known || r->level > 6)) {
        *r = (struct log_level){0};
        log_level_default(r, 6, "a syslogd filter's severity is information by default");
    }
}

static void f_syslog(struct fx *x, const struct cfg_node *n, int idx)
{
    struct device_model *m = x->m;
    const struct cfg_node *st = fset(n, "status");
    if (!st || !sv_eq_cstr(tk(st, 2), "enable"))
        return;
    const struct cfg_node *s = fset(n, "server");
    if (s) {
        x->syslogd_on[idx] = true;
        f_source(x, "syslog", n);
    }
    if (s && fcap(m->logging.nhosts)) {
        struct host_ref *h =
            model_add_host(x->a, &m->logging.hosts, &m->logging.nhosts, tk(s, 2), s);
        struct sv enc = fval(n, "enc-algorithm"); /* TLS unless "disable" (the default) */
        h->tls = enc.p && !sv_eq_cstr(enc, "disable");
        fact_lines_add(&m->logging.ev, s);
    }
}

static void f_aaa(struct fx *x, const struct cfg_node *n, enum aaa_proto proto)
{
    struct device_model *m = x->m;
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        const struct cfg_node *s = active(e) ? fset(e, "server") : NULL;
        if (!s || !fcap(m->aaa.nservers))
            continue;
        struct aaa_server *sv = MODEL_PUSH(x->a, m->aaa.servers, m->aaa.nservers);
        sv->proto = proto;
        sv->host = model_strdup_unquoted(x->a, tk(s, 2));
        sv->addr = model_parse_addr(sv_unquote(tk(s, 2)));
        sv->node = e;
        f_source(x, proto == AAA_TACACS ? "tacacs" : "radius", e);
        const struct cfg_node *acct = proto == AAA_RADIUS ? fconfig(e, "accounting-server") : NULL;
        if (acct && acct->child)
            x->radius_acct = true;
        const struct cfg_node *k = fset(e, proto == AAA_TACACS ? "key" : "secret");
        if (k) {
            sv->key = fsecret(x, k);
            model_add_secret(x->a, m, proto == AAA_TACACS ? "tacacs-key" : "radius-key", sv->key);
        }
    }
}

/* One session from the "edit" entry e that holds its settings: a
 * "config neighbor" entry, or the "config neighbor-group" entry a range
 * names (at: the range's entry). */
static void f_bgp_peer(struct fx *x, const struct cfg_node *e, const char *addr,
                       const struct cfg_node *at)
{
    struct device_model *m = x->m;
    struct bgp_neighbor *b = MODEL_PUSH(x->a, m->bgp.neighbors, m->bgp.nneighbors);
    b->addr = addr;
    b->node = at;
    b->remote_as = model_sv_long(fval(e, "remote-as"), -1);
    b->ebgp = b->remote_as >= 0 && b->remote_as != m->bgp.local_as;
    b->shutdown = fis(e, "shutdown", "enable");
    const struct cfg_node *s;
    if ((s = fset(e, "password")) != NULL) {
        b->key = fsecret(x, s);
        b->auth_type = b->key.type;
        fact_set(&b->auth, FACT_ON, s);
        model_add_secret(x->a, m, "bgp-key", b->key);
    } else {
        fact_default(&b->auth, FACT_OFF, "no neighbour password");
    }
    if ((s = fset(e, "ttl-security-hops")) != NULL)
        fact_set(&b->gtsm, FACT_ON, s);
    else
        fact_default(&b->gtsm, FACT_OFF, "no ttl-security-hops");
    if ((s = fset(e, "maximum-prefix")) != NULL)
        fact_set(&b->max_prefix, FACT_ON, s);
    else
        fact_default(&b->max_prefix, FACT_OFF, "no maximum-prefix");
    struct plx_bind *pb = MODEL_PUSH(x->a, x->binds, x->nbinds);
    const struct cfg_node *in = fpol_bind(e, pb);
    struct sv out = fval(e, "route-map-out");
    b->in_policy = in ? model_strdup_unquoted(x->a, tk(in, 2)) : NULL;
    b->in_policy_node = in;
    pb->name = b->in_policy;
    b->out_policy = out.p ? model_strdup(x->a, out) : NULL;
}

/* The "edit NAME" entry of block n, or NULL. */
static const struct cfg_node *f_edit(const struct cfg_node *n, struct sv name)
{
    for (const struct cfg_node *e = n ? n->child : NULL; e; e = e->next)
        if (active(e) && sv_eq_cstr(tk(e, 0), "edit") && sv_eq(sv_unquote(tk(e, 1)), name))
            return e;
    return NULL;
}

/* "config neighbor-range" (key "prefix") or "neighbor-range6" ("prefix6"):
 * the peers a range accepts take the settings of the neighbor-group it names
 * (FortiOS BGP dynamic neighbours), one session per range. A range whose
 * group is not configured here, or sets no remote-as, leaves sessions whose
 * kind is not known (bgp.unclassified). */
static void f_bgp_ranges(struct fx *x, const struct cfg_node *n, const char *block, const char *key)
{
    const struct cfg_node *r = fconfig(n, block), *groups = fconfig(n, "neighbor-group");
    for (const struct cfg_node *e = r ? r->child : NULL; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || !fcap(x->m->bgp.nneighbors))
            continue;
        struct sv gname = fval(e, "neighbor-group");
        const struct cfg_node *g = gname.n ? f_edit(groups, gname) : NULL;
        const struct cfg_node *pfx = fset(e, key);
        struct sv range = pfx ? sv_after_tokens(cfg_text(pfx), 2) : sv_from_cstr("(no prefix)");
        if (!g || !fval(g, "remote-as").n) {
            if (!x->m->bgp.unclassified) {
                x->m->bgp.unclassified = arena_printf(
                    x->a, "%s %.*s takes peers of neighbor-group %.*s, %s", block, (int)range.n,
                    range.p, (int)gname.n, gname.p,
                    g ? "which sets no remote-as (a remote-as-filter accepts several ASes), so "
                        "whether they are eBGP is not known"
                      : "which is not configured here");
                x->m->bgp.unclassified_node = e;
            }
            if (!g)
                continue;
        }
        f_bgp_peer(x, g,
                   arena_printf(x->a, "%.*s (neighbor-group %.*s)", (int)range.n, range.p,
                                (int)gname.n, gname.p),
                   e);
    }
}

static void f_bgp(struct fx *x, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    const struct cfg_node *nb = fconfig(n, "neighbor");
    long as = model_sv_long(fval(n, "as"), -1);
    if (as <= 0 && !(nb && nb->child))
        return; /* the block shown with defaults only: BGP is not running */
    m->bgp.configured = true;
    m->bgp.node = n;
    m->bgp.local_as = as;
    frtg_bgp(m, n);
    for (const struct cfg_node *e = nb ? nb->child : NULL; e; e = e->next)
        if (active(e) && sv_eq_cstr(tk(e, 0), "edit") && fcap(m->bgp.nneighbors))
            f_bgp_peer(x, e, model_strdup_unquoted(x->a, tk(e, 1)), e);
    f_bgp_ranges(x, n, "neighbor-range", "prefix");
    f_bgp_ranges(x, n, "neighbor-range6", "prefix6");
}

/* ------------------------------------------------------------ events */

/* "log fortianalyzer setting", "log fortianalyzer2 setting", ...,
 * "log fortianalyzer-cloud setting"; "log tacacs+accounting setting", ... */
static bool f_log_dest(struct sv what, const char *base)
{
    struct sv w = sv_token(what, 1);
    size_t bl = strlen(base);
    if (!sv_eq_cstr(sv_token(what, 2), "setting") || w.n < bl || memcmp(w.p, base, bl) != 0)
        return false;
    struct sv rest = sv_make(w.p + bl, w.n - bl);
    return rest.n == 0 || sv_eq_cstr(rest, "2") || sv_eq_cstr(rest, "3") ||
           sv_eq_cstr(rest, "-cloud");
}

/* "config log tacacs+accounting filter": what the accounting leaves out. */
static void f_tacacs_filter(struct fx *x, const struct cfg_node *n)
{
    if (fis(n, "login-audit", "disable"))
        x->tac_login_off = fset(n, "login-audit");
    if (fis(n, "config-change-audit", "disable") && !fis(n, "cli-cmd-audit", "enable"))
        x->tac_cfg_off = fset(n, "config-change-audit");
}

/* An api-user's trusted hosts ("config trusthost", "edit N", "set
 * ipv4-trusthost A M"), as one ACL, or NULL when it has none. */
static struct acl *f_api_trusthosts(struct fx *x, const struct cfg_node *e)
{
    const struct cfg_node *th = fconfig(e, "trusthost");
    struct acl *acl = NULL;
    for (const struct cfg_node *h = th ? th->child : NULL; h; h = h->next) {
        const struct cfg_node *s = active(h) ? fset(h, "ipv4-trusthost") : NULL;
        if (!s)
            continue;
        if (!acl)
            acl = model_add_acl(x->a, x->m,
                                arena_printf(x->a, "api-trusthost:%.*s",
                                             (int)sv_unquote(tk(e, 1)).n, sv_unquote(tk(e, 1)).p),
                                th);
        if (!fcap(acl->n))
            break;
        struct acl_entry *en = model_acl_add_entry(x->a, acl, s);
        en->permit = true;
        struct ip_prefix p;
        if (ip_prefix_from_mask(tk(s, 2), tk(s, 3), false, &p) || ip_prefix_parse(tk(s, 2), &p)) {
            en->src = p;
            en->src_any = ip_prefix_is_any(&p);
        } else {
            en->unresolved = true;
        }
    }
    return acl;
}

/* "config system api-user": the first REST API token user. */
static void f_api_user(struct fx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *e = n->child; e && !x->api_user; e = e->next)
        if (active(e) && sv_eq_cstr(tk(e, 0), "edit"))
            x->api_user = e;
}

/* Each REST API token user is a way into the management plane, filtered by
 * its trusted hosts, wherever the web server may listen (http or https
 * allowed, or the interfaces not shown). */
static void f_api_paths(struct fx *x)
{
    if (!x->api_user || (x->saw_interfaces && !x->http_ev && !x->https_ev))
        return;
    for (const struct cfg_node *e = x->api_user; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || !fcap(x->m->nmgmt_paths))
            continue;
        struct acl *acl = f_api_trusthosts(x, e);
        model_add_mgmt_path(x->a, x->m, "rest-api", acl ? acl->name : NULL, e);
    }
}

static void f_ospf(struct fx *x, const struct cfg_node *n);

static void f_fw_policy(struct fx *x, const struct cfg_node *n)
{
    x->fw_policy = n;
}

/* "config log setting": whether the implicit deny logs. */
static void f_log_setting(struct fx *x, const struct cfg_node *n)
{
    x->implicit_log = fset(n, "fwpolicy-implicit-log");
}

/* The "config system automation-action" entry `name` runs CLI commands
 * (action-type cli-script). */
static bool f_action_runs_cli(struct fx *x, struct sv name)
{
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        if (!active(n) || !sv_eq_cstr(sv_after_tokens(cfg_text(n), 1), "system automation-action"))
            continue;
        for (const struct cfg_node *e = n->child; e; e = e->next)
            if (active(e) && sv_eq(sv_unquote(tk(e, 1)), name))
                return fis(e, "action-type", "cli-script");
    }
    return false;
}

/* On-box automation (SVC-ONBOX-SCRIPTS): every automation stitch not
 * disabled (stitches are enabled unless "set status disable") and every
 * auto-script, which runs CLI commands on a schedule. */
static void f_automation(struct fx *x, const struct cfg_node *n, bool stitch)
{
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || !fcap(x->m->nonbox))
            continue;
        if (stitch && fis(e, "status", "disable"))
            continue;
        bool risky = !stitch;
        const struct cfg_node *act = stitch ? fset(e, "action") : NULL;
        size_t cnt = act ? sv_token_count(cfg_text(act)) : 0;
        for (size_t i = 2; i < cnt && !risky; i++)
            risky = f_action_runs_cli(x, sv_unquote(tk(act, i)));
        model_add_onbox(x->a, x->m, stitch ? "automation-stitch" : "auto-script",
                        model_strdup_unquoted(x->a, tk(e, 1)), risky, e);
    }
}

static void f_eventfilter(struct fx *x, const struct cfg_node *n)
{
    if (fis(n, "event", "disable"))
        x->event_off = fset(n, "event");
    else if (fis(n, "system", "disable"))
        x->event_off = fset(n, "system");
}

/* Port mirroring (SPAN) on a software or hardware switch interface: "set
 * span enable" with span-dest-port (config system switch-interface,
 * config system virtual-switch). */
static void f_span(struct fx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || !fis(e, "span", "enable") ||
            !fcap(x->m->nmirrors))
            continue;
        struct mirror_session *ms = MODEL_PUSH(x->a, x->m->mirrors, x->m->nmirrors);
        ms->kind = "span";
        ms->destination = model_strdup_unquoted(x->a, fval(e, "span-dest-port"));
        ms->node = fset(e, "span");
    }
}

/* ------------------------------------------------------------ VPN */

/* A proposal list ("aes256-sha256 aes128-sha1 3des-md5 ...") with DES,
 * 3DES, MD5, SHA-1 or no encryption or integrity in any of its proposals. */
static bool f_proposal_weak(const struct cfg_node *s)
{
    size_t cnt = sv_token_count(cfg_text(s));
    for (size_t i = 2; i < cnt; i++) {
        struct sv p = tk(s, i);
        const char *dash = memchr(p.p, '-', p.n);
        struct sv enc = dash ? sv_make(p.p, (size_t)(dash - p.p)) : p;
        struct sv integ = dash ? sv_make(dash + 1, p.n - (size_t)(dash + 1 - p.p)) : sv_make("", 0);
        if (sv_eq_cstr(enc, "des") || sv_eq_cstr(enc, "3des") || sv_eq_cstr(enc, "null") ||
            sv_eq_cstr(integ, "md5") || sv_eq_cstr(integ, "sha1") || sv_eq_cstr(integ, "null"))
            return true;
    }
    return false;
}

/* A dhgrp list with group 1, 2 or 5 (below group 14). */
static bool f_dhgrp_weak(const struct cfg_node *s)
{
    size_t cnt = sv_token_count(cfg_text(s));
    for (size_t i = 2; i < cnt; i++) {
        long g = model_sv_long(tk(s, i), -1);
        if (g >= 0 && g < 14)
            return true;
    }
    return false;
}

/* The tunnel interface FortiOS creates for a route-based phase 1 or a GRE
 * tunnel carries its name: point it at the remote gateway. False when the
 * capture shows no such interface. */
static bool f_tunnel_dest(struct fx *x, struct sv name, const struct cfg_node *gw)
{
    for (size_t i = 0; i < x->m->ninterfaces; i++) {
        struct interface *f = &x->m->interfaces[i];
        if (f->name && sv_eq_cstr(name, f->name)) {
            f->is_tunnel = true;
            f->tunnel_dest = gw ? model_strdup_unquoted(x->a, tk(gw, 2)) : NULL;
            f->tunnel_dest_node = gw;
            return true;
        }
    }
    return false;
}

/* One IKE (phase 1) or IPsec (phase 2) entry: its proposals and DH groups,
 * each left to the release's default list when absent. */
static void f_ipsec_entry(struct fx *x, const struct cfg_node *e, const char *phase)
{
    struct ipsec_policy *p = MODEL_PUSH(x->a, x->m->ipsec, x->m->nipsec);
    const struct cfg_node *prop = fset(e, "proposal"), *dh = fset(e, "dhgrp");
    bool pfs = !fis(e, "pfs", "disable");
    struct sv name = sv_unquote(tk(e, 1));
    p->name = arena_printf(x->a, "%s %.*s", phase, (int)name.n, name.p);
    p->encryption = prop ? model_strdup(x->a, sv_after_tokens(cfg_text(prop), 2)) : NULL;
    p->dh_group = dh ? model_strdup(x->a, sv_after_tokens(cfg_text(dh), 2)) : NULL;
    p->node = e;
    p->weak = (prop && f_proposal_weak(prop)) || (dh && pfs && f_dhgrp_weak(dh));
    if (!prop)
        p->unknown = "no proposal: the release's default proposals apply";
    else if (!dh && pfs)
        p->unknown = "no dhgrp: the release's default Diffie-Hellman groups apply";
}

/* "config vpn ipsec phase1[-interface]" and "phase2[-interface]"; a
 * phase 1 names its peer: the tunnel interface's destination (route-based)
 * or a VPN peer (policy-based). A dial-up phase 1 (type dynamic) has no
 * fixed peer. */
static void f_ipsec(struct fx *x, const struct cfg_node *n, struct sv what)
{
    struct sv kind = sv_token(what, 2);
    bool p1 = sv_starts_with(kind, "phase1");
    bool route = sv_eq_cstr(kind, "phase1-interface");
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || !fcap(x->m->nipsec))
            continue;
        f_ipsec_entry(x, e, p1 ? "phase1" : "phase2");
        const struct cfg_node *gw = fis(e, "type", "dynamic") ? NULL : fset(e, "remote-gw");
        if (p1 && route && f_tunnel_dest(x, sv_unquote(tk(e, 1)), gw))
            continue;
        if (p1 && fcap(x->m->nvpn_peers)) {
            struct vpn_peer *vp = MODEL_PUSH(x->a, x->m->vpn_peers, x->m->nvpn_peers);
            vp->name = model_strdup_unquoted(x->a, tk(e, 1));
            vp->peer = gw ? model_strdup_unquoted(x->a, tk(gw, 2)) : NULL;
            vp->node = gw ? gw : e;
        }
    }
}

static void f_gre(struct fx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *e = n->child; e; e = e->next)
        if (active(e) && sv_eq_cstr(tk(e, 0), "edit"))
            f_tunnel_dest(x, sv_unquote(tk(e, 1)), fset(e, "remote-gw"));
}

/* "config system dhcp server": each entry not "set status disable" serves
 * addresses on its interface (FortiLink's own server included). */
static void f_dhcp_server(struct fx *x, const struct cfg_node *n)
{
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || fis(e, "status", "disable"))
            continue;
        const struct cfg_node *ifc = fset(e, "interface");
        fact_set(&x->m->legacy.dhcp_server, FACT_ON, ifc ? ifc : e);
    }
}

static void f_stitches(struct fx *x, const struct cfg_node *n)
{
    f_automation(x, n, true);
}

static void f_auto_scripts(struct fx *x, const struct cfg_node *n)
{
    f_automation(x, n, false);
}

/* The blocks that decide the event, accounting, REST API, OSPF and on-box
 * automation facts; false when n is none of them. */
/* "config log fortianalyzer[2|3|-cloud] setting": an enabled FortiAnalyzer. */
static void f_faz(struct fx *x, const struct cfg_node *n)
{
    const struct cfg_node *st = fset(n, "status");
    if (st && sv_eq_cstr(tk(st, 2), "enable") && !x->faz_on)
        x->faz_on = st;
}

/* "config log tacacs+accounting[2|3] setting": accounting to a server. */
static void f_tac_acct(struct fx *x, const struct cfg_node *n)
{
    const struct cfg_node *st = fset(n, "status");
    if (st && sv_eq_cstr(tk(st, 2), "enable") && fset(n, "server") && !x->tac_acct)
        x->tac_acct = st;
}

static void f_snmp_sysinfo(struct fx *x, const struct cfg_node *n)
{
    x->snmp_sysinfo_node = fset(n, "status");
    x->snmp_sysinfo_off = x->snmp_sysinfo_node && fis(n, "status", "disable");
}

static void f_tacacs(struct fx *x, const struct cfg_node *n)
{
    f_aaa(x, n, AAA_TACACS);
}

static void f_radius(struct fx *x, const struct cfg_node *n)
{
    f_aaa(x, n, AAA_RADIUS);
}

static void f_syslog_setting(struct fx *x, const struct cfg_node *n)
{
    f_syslog(x, n, f_syslogd_index(sv_after_tokens(cfg_text(n), 1), "setting"));
}

static void f_syslog_filter_block(struct fx *x, const struct cfg_node *n)
{
    f_syslog_filter(x, n, f_syslogd_index(sv_after_tokens(cfg_text(n), 1), "filter"));
}

static void f_ipsec_block(struct fx *x, const struct cfg_node *n)
{
    f_ipsec(x, n, sv_after_tokens(cfg_text(n), 1));
}

static bool is_syslogd_setting(struct sv what)
{
    return f_syslogd_index(what, "setting") >= 0;
}

static bool is_syslogd_filter(struct sv what)
{
    return f_syslogd_index(what, "filter") >= 0;
}

static bool is_ipsec_phase(struct sv what)
{
    return sv_starts_with(what, "vpn ipsec phase");
}

static bool is_faz(struct sv what)
{
    return f_log_dest(what, "fortianalyzer");
}

static bool is_tac_acct(struct sv what)
{
    return f_log_dest(what, "tacacs+accounting");
}

/*
 * The top-level "config ..." blocks understood, one row each: the block's
 * words after "config" (or a matcher for numbered families such as
 * syslogd2..4), and the reader. The first matching row reads the block; a
 * block no row matches is counted as not understood (coverage).
 */
/* Prefix lists, access lists and route-maps (extract_fortios_policy.c). */
static bool is_route_filter(struct sv what)
{
    static const char *const names[] = {"router prefix-list", "router prefix-list6",
                                        "router access-list", "router access-list6",
                                        "router route-map"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (sv_eq_cstr(what, names[i]))
            return true;
    return false;
}

static void f_route_filter(struct fx *x, const struct cfg_node *n)
{
    fpol_block(x->plx, n, sv_after_tokens(cfg_text(n), 1));
}

/* What each BGP neighbour's inbound filters do, once every list is read. */
static void f_bgp_summaries(struct fx *x)
{
    struct bgp_facts *b = &x->m->bgp;
    for (size_t i = 0; i < b->nneighbors && i < x->nbinds; i++)
        if (b->neighbors[i].in_policy)
            plx_summary(x->plx, &x->binds[i], &b->neighbors[i].in_summary);
}

struct f_row {
    const char *what;              /* exact words, or NULL with match */
    bool (*match)(struct sv what); /* numbered or prefixed families */
    void (*fn)(struct fx *, const struct cfg_node *);
};

static const struct f_row f_rows[] = {
    {"system global", NULL, f_global},
    {"system admin", NULL, f_admin},
    {"system sso-admin", NULL, f_sso_admin},
    {"system sso-forticloud-admin", NULL, f_sso_admin},
    {"system accprofile", NULL, f_accprofile},
    {"system interface", NULL, f_interface},
    {"system snmp community", NULL, f_snmp_community},
    {"system snmp user", NULL, f_snmp_user},
    {"system snmp sysinfo", NULL, f_snmp_sysinfo},
    {"system ntp", NULL, f_ntp},
    {NULL, is_syslogd_setting, f_syslog_setting},
    {NULL, is_syslogd_filter, f_syslog_filter_block},
    {"log eventfilter", NULL, f_eventfilter},
    {"log tacacs+accounting filter", NULL, f_tacacs_filter},
    {"system api-user", NULL, f_api_user},
    {"router ospf", NULL, f_ospf},
    {"system automation-stitch", NULL, f_stitches},
    {"system auto-script", NULL, f_auto_scripts},
    {"system switch-interface", NULL, f_span},
    {"system virtual-switch", NULL, f_span},
    {"system gre-tunnel", NULL, f_gre},
    {"system dhcp server", NULL, f_dhcp_server},
    {NULL, is_ipsec_phase, f_ipsec_block},
    {NULL, is_faz, f_faz},
    {NULL, is_tac_acct, f_tac_acct},
    {"user tacacs+", NULL, f_tacacs},
    {"user radius", NULL, f_radius},
    {"router bgp", NULL, f_bgp},
    {NULL, is_route_filter, f_route_filter},
    {"firewall policy", NULL, f_fw_policy},
    {"log setting", NULL, f_log_setting},
};

/* Read one top-level block through the table; whether a row took it. */
static bool f_block(struct fx *x, const struct cfg_node *n)
{
    struct sv what = sv_after_tokens(cfg_text(n), 1);
    for (size_t i = 0; i < ARRAY_SIZE(f_rows); i++) {
        const struct f_row *r = &f_rows[i];
        if (r->what ? sv_eq_cstr(what, r->what) : r->match(what)) {
            r->fn(x, n);
            return true;
        }
    }
    return false;
}

/* Administrator logins and configuration changes are system events, logged
 * unless "config log eventfilter" turns event or system logging off (both
 * enabled by default, FortiOS 7.0 CLI reference); they reach a collector
 * only through a syslog server or a FortiAnalyzer. */
static void f_log_events(struct fx *x)
{
    struct logging_facts *lg = &x->m->logging;
    if (x->event_off) {
        fact_set(&lg->login_events, FACT_OFF, x->event_off);
        fact_set(&lg->config_changes, FACT_OFF, x->event_off);
        fact_set(&lg->suppressed, FACT_ON, x->event_off);
        lg->suppressed.why = "event logging is disabled";
        return;
    }
    const struct log_level *rl = &lg->remote_level;
    if (rl->known && !rl->is_default && rl->level <= 2) {
        lg->suppressed.ev = rl->ev;
        fact_set(&lg->suppressed, FACT_ON, NULL);
        lg->suppressed.why = "the syslog filter's severity drops most messages";
    } else {
        fact_default(&lg->suppressed, FACT_OFF,
                     "no event-log category is disabled (config log eventfilter)");
    }
    const struct cfg_node *dest = lg->nhosts ? lg->hosts[0].node : x->faz_on;
    if (dest) {
        fact_set(&lg->login_events, FACT_ON, dest);
        fact_set(&lg->config_changes, FACT_ON, dest);
        return;
    }
    static const char local[] = "system events are kept only in the device's own memory or "
                                "disk log: no syslog server or FortiAnalyzer is enabled";
    fact_default(&lg->login_events, FACT_OFF, local);
    fact_default(&lg->config_changes, FACT_OFF, local);
}

/* TACACS+ accounting (config log tacacs+accounting setting, off by default;
 * its filter's login and configuration-change audits on by default, FortiOS
 * 7.2 CLI reference). */
static void f_accounting(struct fx *x)
{
    struct aaa_facts *aaa = &x->m->aaa;
    if (x->tac_acct) {
        fact_set(&aaa->accounting_exec, x->tac_login_off ? FACT_OFF : FACT_ON,
                 x->tac_login_off ? x->tac_login_off : x->tac_acct);
        fact_set(&aaa->accounting_cmds, x->tac_cfg_off ? FACT_OFF : FACT_ON,
                 x->tac_cfg_off ? x->tac_cfg_off : x->tac_acct);
    } else if (x->radius_acct) {
        static const char why[] = "RADIUS accounting servers are configured; whether they "
                                  "receive administrator sessions is not read";
        fact_unknown(&aaa->accounting_exec, why);
        fact_unknown(&aaa->accounting_cmds, why);
    } else {
        static const char none[] = "no TACACS+ accounting (config log tacacs+accounting "
                                   "setting is disabled by default)";
        fact_default(&aaa->accounting_exec, FACT_OFF, none);
        fact_default(&aaa->accounting_cmds, FACT_OFF, none);
    }
}

/* ------------------------------------------------------------ denies */

static bool f_value_is(const struct cfg_node *e, const char *name, const char *value)
{
    const struct cfg_node *s = fset(e, name);
    return s && sv_token_count(cfg_text(s)) == 3 && sv_eq_cstr(sv_unquote(tk(s, 2)), value);
}

/* A logged deny of everything (any interface, address and service): what
 * it follows never reaches the implicit deny. */
static bool f_logged_catch_all(const struct cfg_node *e)
{
    return f_value_is(e, "action", "deny") && f_value_is(e, "logtraffic", "all") &&
           f_value_is(e, "srcintf", "any") && f_value_is(e, "dstintf", "any") &&
           f_value_is(e, "srcaddr", "all") && f_value_is(e, "dstaddr", "all") &&
           f_value_is(e, "service", "ALL") && !fset(e, "schedule");
}

/* The active policies that deny without logging ("action deny" with
 * "logtraffic disable") into silent; the first one that does not accept
 * and does not say "logtraffic all" into *unsure; whether the table ends
 * in a logged deny of everything. */
static bool f_policy_denies(struct fx *x, struct fact_lines *silent, const struct cfg_node **unsure)
{
    bool closed = false;
    for (const struct cfg_node *e = x->fw_policy ? x->fw_policy->child : NULL; e; e = e->next) {
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit") || fis(e, "status", "disable"))
            continue;
        closed = false;
        if (fis(e, "action", "accept"))
            continue;
        if (fis(e, "action", "deny") && fis(e, "logtraffic", "disable"))
            fact_lines_add(silent, fset(e, "logtraffic"));
        else if (!fis(e, "logtraffic", "all") && !*unsure)
            *unsure = e;
        closed = f_logged_catch_all(e);
    }
    return closed;
}

/* LOG-ACL-DENY. Traffic no policy accepts meets the implicit deny at the
 * end of the policy table, which logs only with "fwpolicy-implicit-log
 * enable" (config log setting; disable by default, FortiOS 7.2 CLI
 * reference); a deny policy with "logtraffic disable" drops silently.
 * Whether a deny policy logs with the default logtraffic is not settled
 * here, so such a policy leaves the answer unknown. */
static void f_deny_logging(struct fx *x)
{
    struct fact_bool *f = &x->m->logging.policy_denies;
    if (x->vdom_tree) {
        fact_unknown(f, "the policies and log settings of the VDOMs (config vdom) are not read");
        return;
    }
    struct fact_lines silent = {0};
    const struct cfg_node *unsure = NULL, *il = x->implicit_log;
    bool closed = f_policy_denies(x, &silent, &unsure);
    bool implicit_on = il && sv_eq_cstr(tk(il, 2), "enable");
    if (silent.n) {
        fact_set(f, FACT_OFF, NULL);
        f->ev = silent;
        f->why = arena_printf(x->a, "%d deny polic%s traffic without logging (logtraffic disable)",
                              silent.n, silent.n == 1 ? "y drops" : "ies drop");
    } else if (!implicit_on && !closed) {
        static const char off[] = "traffic no policy accepts meets the implicit deny, which is "
                                  "not logged (fwpolicy-implicit-log is disable by default)";
        if (il)
            fact_set(f, FACT_OFF, il);
        else
            fact_default(f, FACT_OFF, NULL);
        f->why = il ? "traffic no policy accepts meets the implicit deny, which is not logged "
                      "(fwpolicy-implicit-log disable)"
                    : off;
        fact_lines_add(&f->ev, x->fw_policy);
    } else if (unsure) {
        fact_unknown(f, "a deny policy does not set 'logtraffic all', and whether it logs "
                        "with its default is not established");
        fact_lines_add(&f->ev, unsure);
    } else {
        fact_set(f, FACT_ON, il);
        f->why = closed ? "the policy table ends in a logged deny of everything"
                        : "the implicit deny logs (fwpolicy-implicit-log enable) and every deny "
                          "policy logs all traffic";
    }
}

/* ------------------------------------------------------------ receive path */

/*
 * What listens on a FortiGate whatever the interfaces' allowaccess says, one
 * row each: the block, and the statement ("set <name>", with <value> when
 * given) that turns it on; without one, any entry (edit) inside the block
 * does (a BGP neighbour, an OSPF area, an IPsec gateway, a DHCP server).
 */
struct f_listener {
    const char *block, *name, *value;
};

static const struct f_listener f_listeners_rows[] = {
    {"router bgp", NULL, NULL},
    {"router ospf", NULL, NULL},
    {"router ospf6", NULL, NULL},
    {"router rip", NULL, NULL},
    {"router ripng", NULL, NULL},
    {"router isis", NULL, NULL},
    {"router multicast", NULL, NULL},
    {"vpn ipsec phase1", NULL, NULL},
    {"vpn ipsec phase1-interface", NULL, NULL},
    {"system gre-tunnel", NULL, NULL},
    {"system dns-server", NULL, NULL},
    {"system dhcp server", NULL, NULL},
    {"vpn ssl settings", "source-interface", NULL},
    {"vpn l2tp", "status", "enable"},
    {"vpn pptp", "status", "enable"},
    {"system ntp", "server-mode", "enable"},
    {"web-proxy explicit", "status", "enable"},
    {"system ha", "hbdev", NULL},
};

/* An "edit" entry anywhere inside n. */
static const struct cfg_node *f_any_entry(const struct cfg_node *n)
{
    for (const struct cfg_node *c = n->child; c; c = c->next) {
        if (!active(c))
            continue;
        if (sv_eq_cstr(tk(c, 0), "edit"))
            return c;
        const struct cfg_node *in = f_any_entry(c);
        if (in)
            return in;
    }
    return NULL;
}

/* The statement or entry of top-level block n that makes a service
 * listen, or NULL. */
static const struct cfg_node *f_listener_in(const struct cfg_node *n)
{
    struct sv what = sv_after_tokens(cfg_text(n), 1);
    for (size_t i = 0; i < ARRAY_SIZE(f_listeners_rows); i++) {
        const struct f_listener *l = &f_listeners_rows[i];
        if (!sv_eq_cstr(what, l->block))
            continue;
        if (!l->name)
            return f_any_entry(n);
        const struct cfg_node *s = fset(n, l->name);
        return s && (!l->value || sv_eq_cstr(sv_unquote(tk(s, 2)), l->value)) ? s : NULL;
    }
    return NULL;
}

/* The first local-in policy entry and the first listener, from the
 * top-level blocks. */
static void f_receive_blocks(struct fx *x, const struct cfg_node **local_in,
                             const struct cfg_node **listener)
{
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        if (!active(n) || !sv_starts_with_word(cfg_text(n), "config"))
            continue;
        struct sv what = sv_after_tokens(cfg_text(n), 1);
        if (!*local_in && sv_starts_with(what, "firewall local-in-policy"))
            *local_in = f_any_entry(n);
        if (!*listener)
            *listener = f_listener_in(n);
    }
}

/*
 * CPP-RECEIVE-FILTER. Interface allowaccess opens the administrative
 * services to the device, and without local-in policies nothing else
 * restricts traffic to it (FortiOS Administration Guide, "Local-in
 * policy"); an administrator's trusted hosts only limit who may log in.
 * So an administrative service allowed on an interface, with an
 * administrator that has no trusted host (the factory admin has none) and
 * no local-in policy, answers any source: OFF. With the interfaces shown,
 * none allowing anything and no routing protocol, VPN or other listener,
 * nothing addressed to the device is accepted: ON. Local-in policies are
 * not read; without the interfaces their factory allowaccess is not known.
 */
static void f_receive_path(struct fx *x)
{
    struct fact_bool *f = &x->m->cpp.receive_filter;
    const struct cfg_node *local_in = NULL, *listener = NULL;
    const struct cfg_node *admin_svc = x->https_ev  ? x->https_ev
                                       : x->http_ev ? x->http_ev
                                       : x->ssh_ev  ? x->ssh_ev
                                                    : x->telnet_ev;
    f_receive_blocks(x, &local_in, &listener);
    bool open_admin = x->open_admin || !x->saw_admin;
    if (x->vdom_tree) {
        fact_unknown(f, "the VDOMs' interfaces and policies (config vdom) are not read");
    } else if (local_in) {
        fact_unknown(f, "local-in policies (config firewall local-in-policy) are not read");
        fact_lines_add(&f->ev, local_in);
    } else if (admin_svc && open_admin) {
        fact_set(f, FACT_OFF, admin_svc);
        fact_lines_add(&f->ev, x->open_admin);
        struct sv ifname =
            admin_svc->parent ? sv_unquote(tk(admin_svc->parent, 1)) : tk(admin_svc, 0);
        struct sv admin = x->open_admin ? sv_unquote(tk(x->open_admin, 1)) : sv_from_cstr("admin");
        struct sv what = sv_after_tokens(cfg_text(admin_svc), 2);
        f->why = arena_printf(x->a,
                              "%.*s allows administrative access (%.*s), administrator '%.*s' "
                              "has no trusted host%s and no local-in policy restricts traffic to "
                              "the device: any source reaches it",
                              (int)ifname.n, ifname.p, (int)what.n, what.p, (int)admin.n, admin.p,
                              x->open_admin ? "" : " (the factory account)");
    } else if (!x->saw_interfaces) {
        fact_unknown(f, "no system interface configuration: the ports keep the model's factory "
                        "allowaccess");
    } else if (x->access_ev || listener) {
        fact_unknown(f, "services listen (interface allowaccess, routing or VPN) and no local-in "
                        "policy says from where they are reached");
        fact_lines_add(&f->ev, x->access_ev ? x->access_ev : listener);
    } else {
        fact_default(f, FACT_ON,
                     "no interface allows access to the device (allowaccess) and no "
                     "routing protocol, VPN or other service listens: nothing "
                     "addressed to it is accepted");
    }
}

/* ------------------------------------------------------------ OSPF */

/* Does key chain `name` (config router key-chain) use HMAC-SHA-256 or
 * stronger on every key? The per-key algorithm came with FortiOS 7.0.1
 * (RFC 5709, "OSPF HMAC-SHA authentication", FortiOS 7.0 new features);
 * before it OSPF keys were MD5 only. */
static bool f_keychain_strong(struct fx *x, struct sv name)
{
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        if (!active(n) || !sv_eq_cstr(sv_after_tokens(cfg_text(n), 1), "router key-chain"))
            continue;
        for (const struct cfg_node *e = n->child; e; e = e->next) {
            const struct cfg_node *keys =
                active(e) && sv_eq(sv_unquote(tk(e, 1)), name) ? fconfig(e, "key") : NULL;
            size_t strong = 0, total = 0;
            for (const struct cfg_node *k = keys ? keys->child : NULL; k; k = k->next) {
                struct sv alg = active(k) ? fval(k, "algorithm") : sv_make(NULL, 0);
                total++;
                strong += sv_eq_cstr(alg, "hmac-sha256") || sv_eq_cstr(alg, "hmac-sha384") ||
                          sv_eq_cstr(alg, "hmac-sha512");
            }
            if (keys)
                return total && strong == total;
        }
    }
    return false;
}

/* One adjacency setting ("set authentication none|text|md5|message-digest"
 * of an ospf-interface or an area, none when absent): OFF unless it is
 * message-digest over an HMAC-SHA-2 key chain. *why says what is weak. */
static enum fact_state f_ospf_auth(struct fx *x, const struct cfg_node *e, const char **why)
{
    struct sv a = fval(e, "authentication");
    if (!a.p || sv_eq_cstr(a, "none")) {
        *why = "no authentication (none by default)";
        return FACT_OFF;
    }
    if (sv_eq_cstr(a, "text")) {
        *why = "cleartext authentication";
        return FACT_OFF;
    }
    struct sv chain = fval(e, "md5-keychain");
    if (sv_eq_cstr(a, "message-digest") && chain.p && f_keychain_strong(x, chain))
        return FACT_ON;
    *why = "MD5 keys, or a key chain without HMAC-SHA-256 or stronger";
    return FACT_OFF;
}

/* A router-id, or an area, interface or network entry. */
static bool f_ospf_running(const struct cfg_node *n)
{
    static const char *const lists[] = {"area", "ospf-interface", "network"};
    for (size_t i = 0; i < ARRAY_SIZE(lists); i++) {
        const struct cfg_node *l = fconfig(n, lists[i]);
        if (l && l->child)
            return true;
    }
    return fset(n, "router-id") != NULL;
}

/* "config router ospf": one instance, judged on its ospf-interface entries,
 * else on its areas' authentication. */
static void f_ospf(struct fx *x, const struct cfg_node *n)
{
    const struct cfg_node *areas = fconfig(n, "area"), *ifs = fconfig(n, "ospf-interface");
    if (!f_ospf_running(n))
        return; /* the block shown with defaults only: OSPF is not running */
    struct device_model *m = x->m;
    struct igp_instance *g = MODEL_PUSH(x->a, m->igps, m->nigps);
    g->proto = "ospf";
    g->name = "";
    g->node = n;
    const struct cfg_node *list = ifs && ifs->child ? ifs : areas;
    size_t judged = 0;
    for (const struct cfg_node *e = list ? list->child : NULL; e; e = e->next) {
        const char *why = NULL;
        if (!active(e) || !sv_eq_cstr(tk(e, 0), "edit"))
            continue;
        judged++;
        if (f_ospf_auth(x, e, &why) == FACT_OFF) {
            fact_set(&g->auth, FACT_OFF, fset(e, "authentication") ? fset(e, "authentication") : e);
            g->auth.why = why;
            return;
        }
        fact_lines_add(&g->auth.ev, fset(e, "authentication"));
    }
    if (judged)
        g->auth.state = FACT_ON;
    else
        fact_default(&g->auth, FACT_OFF, "no area or interface sets authentication");
}

/* ------------------------------------------------------------ finish */

/* The REST API: an api-user (token) is served by the administrative web
 * server, so over whatever the interfaces allow of http and https. */
static void f_rest_api(struct fx *x)
{
    struct device_model *m = x->m;
    if (!x->api_user)
        return;
    const struct cfg_node *on = x->http_ev ? x->http_ev : x->https_ev;
    struct mgmt_service *s = model_add_service(x->a, m, x->http_ev ? "rest" : "rest-https",
                                               x->http_ev != NULL, on ? FACT_ON : FACT_OFF, on);
    fact_lines_add(&s->state.ev, x->api_user);
    if (!on && x->saw_interfaces)
        fact_default(&s->state, FACT_OFF, "no interface allows http or https");
    else if (!on)
        fact_unknown(&s->state, "no system interface configuration shows where it listens");
}

/* What the interfaces' allowaccess opens: telnet, SSH, the web GUI and the
 * REST API. With the interfaces shown, a service none allows listens
 * nowhere; without them, it is not known. */
static void f_listeners(struct fx *x)
{
    struct device_model *m = x->m;
    if (x->telnet_ev) {
        fact_set(&m->telnet_server, FACT_ON, x->telnet_ev);
        m->telnet_server.ev = x->telnet_all;
        model_add_service(x->a, m, "telnet", true, FACT_ON, x->telnet_ev)->state.ev = x->telnet_all;
    } else if (m->telnet_server.state == FACT_UNKNOWN) {
        if (x->saw_interfaces)
            fact_default(&m->telnet_server, FACT_OFF, "no interface allows telnet");
        else
            fact_unknown(&m->telnet_server, "no system interface configuration");
    }
    if (x->ssh_ev) {
        fact_set(&m->ssh.enabled, FACT_ON, x->ssh_ev);
        fact_lines_add(&m->ssh.ev, x->ssh_ev);
    } else if (x->saw_interfaces) {
        fact_default(&m->ssh.enabled, FACT_OFF, "no interface allows ssh");
    } else {
        fact_unknown(&m->ssh.enabled, "no system interface configuration");
    }
    if (x->http_ev) {
        struct mgmt_service *h = model_add_service(x->a, m, "http", true, FACT_ON, x->http_ev);
        h->port = x->http_port;
        h->state.ev = x->http_all;
    }
    if (x->https_ev)
        model_add_service(x->a, m, "https", false, FACT_ON, x->https_ev)->port = x->https_port;
    f_rest_api(x);
    f_api_paths(x);
    if (!x->http_ev && x->saw_interfaces)
        fact_default(&model_add_service(x->a, m, "http", true, FACT_OFF, NULL)->state, FACT_OFF,
                     "no interface allows http");
    if (!x->https_ev && x->saw_interfaces)
        fact_default(&model_add_service(x->a, m, "https", false, FACT_OFF, NULL)->state, FACT_OFF,
                     "no interface allows https");
    else if (!x->https_ev)
        m->tls.service_unknown = "no system interface configuration: the ports keep the model's "
                                 "factory allowaccess, which may open HTTPS administration";
}

/* Which key the ENC secrets use: the administrator's own under
 * private-data-encryption, else the one built into FortiOS (disabled by
 * default). */
static void f_secret_key(struct fx *x)
{
    struct fact_bool *f = &x->m->legacy.secret_encryption;
    for (const struct cfg_node *n = x->t->first; n && x->private_enc; n = n->next)
        if (active(n) && sv_eq_cstr(sv_after_tokens(cfg_text(n), 1), "system global"))
            fact_set(f, FACT_ON, fset(n, "private-data-encryption"));
    if (!x->private_enc)
        fact_default(f, FACT_OFF,
                     "ENC secrets use the key built into FortiOS (private-data-encryption is off)");
}

/* Without "config system admin" the factory administrator remains: "admin",
 * on the super_admin profile, with no password (FortiOS Administration
 * Guide, "Default administrator password"; 6.2.1 and later ask for one at
 * the first login, which the configuration would then show). A VDOM tree
 * (config global) keeps its administrators one level down, not read. */
static void f_factory_admin(struct fx *x)
{
    struct device_model *m = x->m;
    if (x->saw_admin || x->vdom_tree)
        return;
    struct account *ac = MODEL_PUSH(x->a, m->accounts, m->naccounts);
    ac->name = "admin";
    ac->role = "super_admin";
    ac->privilege = 15;
    ac->blank_password = true;
    ac->factory = true;
}

/* The factory administrator has no trusted hosts: a way in from any
 * source wherever the interfaces allow an administrative protocol (the
 * first such allowaccess line stands for it). */
static void f_factory_admin_path(struct fx *x)
{
    const struct cfg_node *on = x->ssh_ev     ? x->ssh_ev
                                : x->https_ev ? x->https_ev
                                : x->http_ev  ? x->http_ev
                                              : x->telnet_ev;
    if (x->m->naccounts == 1 && x->m->accounts[0].factory)
        model_add_mgmt_path(x->a, x->m, "admin (factory account)", NULL, on);
}

static void finish(struct fx *x)
{
    struct device_model *m = x->m;
    static const char not_read[] = "not read for FortiOS";
    f_factory_admin(x);
    f_factory_admin_path(x);
    f_listeners(x);
    if (m->ssh.port <= 0)
        m->ssh.port = 22;
    /* admin-ssh-v1 (SSH v1 compatibility) is disable by default in every
     * release that has it (FortiOS 6.4 CLI reference, config system global;
     * an opt-in since the 3.0 administration guide) */
    if (m->ssh.v1_allowed.state == FACT_UNKNOWN && m->ssh.v1_allowed.ev.n == 0 &&
        !x->saw_interfaces) {
        fact_unknown(&m->ssh.v1_allowed,
                     "no system interface configuration shows whether SSH administration is on "
                     "(the ports keep the model's factory defaults); SSH v1 compatibility is off "
                     "by default where it is");
    } else if (m->ssh.v1_allowed.state == FACT_UNKNOWN && m->ssh.v1_allowed.ev.n == 0) {
        fact_default(&m->ssh.v1_allowed, FACT_OFF,
                     "no admin-ssh-v1 setting: SSH v1 compatibility is off by default");
        fact_lines_add(&m->ssh.v1_allowed.ev, x->ssh_ev);
    }
    if (m->ssh.weak_ciphers.state == FACT_UNKNOWN && m->ssh.weak_ciphers.ev.n == 0)
        fact_unknown(&m->ssh.weak_ciphers,
                     "no strong-crypto setting: default is release-dependent");
    if (m->ssh.weak_macs.state == FACT_UNKNOWN && m->ssh.weak_macs.ev.n == 0)
        fact_unknown(&m->ssh.weak_macs, "no strong-crypto setting: default is release-dependent");
    fact_unknown(&m->ssh.root_login, "FortiOS has no root login");

    if (x->snmp_sysinfo_off && x->snmp_sysinfo_node)
        fact_set(&m->snmp.enabled, FACT_OFF, x->snmp_sysinfo_node);
    else if (x->snmp_sysinfo_node && (m->snmp.ncommunities || m->snmp.nusers))
        fact_set(&m->snmp.enabled, FACT_ON, x->snmp_sysinfo_node);
    else if (m->snmp.ncommunities || m->snmp.nusers)
        fact_set(&m->snmp.enabled, FACT_ON,
                 m->snmp.ncommunities ? m->snmp.communities[0].node : m->snmp.users[0].node);
    else
        fact_default(&m->snmp.enabled, FACT_OFF, "no SNMP communities or users");
    for (size_t i = 0; i < m->snmp.ncommunities; i++)
        model_add_mgmt_path(x->a, m, "snmp", m->snmp.communities[i].acl_name,
                            m->snmp.communities[i].node);

    struct aaa_facts *aaa = &m->aaa;
    if (x->remote_auth_node) {
        fact_set(&aaa->central_login, FACT_ON, x->remote_auth_node);
        fact_lines_add(&aaa->ev, x->remote_auth_node);
    } else {
        fact_default(&aaa->central_login, FACT_OFF, "no administrator uses remote-auth");
    }
    fact_unknown(&aaa->local_fallback, not_read);
    f_accounting(x);
    fortios_authz(x, x->remote_auth_node);
    fortios_outbound(x);
    /* admintimeout: idle minutes for administrators, 5 by default (FortiOS
     * CLI reference, config system global); an unreadable value stays -2 */
    if (m->ssh.idle_timeout_seconds == -1)
        m->ssh.idle_timeout_seconds = 300;
    else if (m->ssh.idle_timeout_seconds == -2)
        m->ssh.idle_timeout_seconds = -1;

    if (m->ntp.auth_enabled.state == FACT_UNKNOWN && !m->ntp.auth_enabled.why)
        fact_unknown(&m->ntp.auth_enabled, "no system ntp configuration");
    f_log_levels(x);
    f_log_events(x);
    f_deny_logging(x);
    fact_unknown(&m->copp, "local-in policies are not read");
    f_receive_path(x);
    fact_default(&m->console_auth, FACT_ON,
                 "the FortiGate console always asks for an administrator login");
    fact_unknown(&m->mgmt_vrf, not_read);
    f_secret_key(x);
    if (m->legacy.dhcp_server.state == FACT_UNKNOWN)
        fact_default(&m->legacy.dhcp_server, FACT_OFF, "no system dhcp server entry");
    fact_unknown(&m->legacy.password_policy, not_read);
}

/* The pre-login banner's text: the buffer of the replacement message
 * "pre_admin-disclaimer-text" (config system replacemsg admin), quoted on
 * one line or spanning several. */
static void f_banner_text(struct fx *x)
{
    struct banner *b = NULL;
    for (size_t i = 0; i < x->m->nbanners && !b; i++)
        if (!strcmp(x->m->banners[i].kind, "pre-login"))
            b = &x->m->banners[i];
    for (const struct cfg_node *n = x->t->first; b && n; n = n->next) {
        struct sv what = sv_after_tokens(cfg_text(n), 1);
        if (!active(n) || !sv_starts_with(what, "system replacemsg admin ") ||
            !sv_eq_cstr(sv_unquote(sv_token(what, 3)), "pre_admin-disclaimer-text"))
            continue;
        const struct cfg_node *s = fset(n, "buffer");
        if (s && (s->flags & CFG_BANNER) && s->body)
            b->text = sv_make(s->body, s->body_len);
        else if (s)
            b->text = sv_unquote(sv_after_tokens(cfg_text(s), 2));
    }
}

/* "#config-version=FGVM64-6.4.4-FW-build1803-201209:opmode=0:..." */
static void f_version(struct fx *x)
{
    static const char key[] = "#config-version=";
    const char *b = x->t->buf;
    size_t len = x->t->len < 1024 ? x->t->len : 1024;
    for (size_t i = 0; i + sizeof(key) < len; i++) {
        if (b[i] != '#' || memcmp(b + i, key, sizeof(key) - 1) != 0)
            continue;
        const char *p = b + i + sizeof(key) - 1, *end = b + len;
        const char *dash = memchr(p, '-', (size_t)(end - p));
        if (!dash)
            return;
        x->m->platform = model_strdup(x->a, sv_make(p, (size_t)(dash - p)));
        const char *v = dash + 1, *e = v;
        while (e < end && *e != '-' && *e != ':' && *e != '\n')
            e++;
        x->m->os_version = model_strdup(x->a, sv_make(v, (size_t)(e - v)));
        return;
    }
}

/* "set private-data-encryption enable" in config system global: read
 * before any secret, whatever the order of the blocks. */
static bool f_private_enc(const struct cfg_tree *t)
{
    for (const struct cfg_node *n = t->first; n; n = n->next)
        if (active(n) && sv_eq_cstr(sv_after_tokens(cfg_text(n), 1), "system global") &&
            fis(n, "private-data-encryption", "enable"))
            return true;
    return false;
}

void model_extract_fortios(const struct cfg_tree *t, struct device_model *m)
{
    struct fx *x = arena_alloc(t->arena, sizeof(*x));
    x->t = t;
    x->a = t->arena;
    x->m = m;
    x->http_port = x->https_port = -1;
    m->dialect = t->dialect;
    f_version(x);
    x->private_enc = f_private_enc(t);
    x->plx = plx_new(t->arena);
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (!active(n) || !sv_starts_with_word(cfg_text(n), "config"))
            continue;
        struct sv what = sv_after_tokens(cfg_text(n), 1);
        if (sv_eq_cstr(what, "global") || sv_eq_cstr(what, "vdom"))
            x->vdom_tree = true;
        m->coverage.statements++;
        if (f_block(x, n))
            m->coverage.understood++;
    }
    finish(x);
    f_bgp_summaries(x);
    f_banner_text(x);
    model_fortios_log_time(x->a, m, t);
}
