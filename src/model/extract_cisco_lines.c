/*
 * extract_cisco_lines.c - console/vty/aux lines (IOS, XR line templates
 * and vty pools, ASA), their transports, timeouts and filters.
 */
#include <string.h>
#include "model/extract_cisco.h"

/* ------------------------------------------------------------ lines */

/* Apply "transport input|output ..." words to a line. */
static void line_transport(struct cx *x, struct mgmt_line *l, struct sv s, const struct cfg_node *c)
{
    (void)x;
    bool input = tk_is(s, 1, "input");
    bool telnet = false, ssh = false, other = false, none = false;
    size_t nt = sv_token_count(s);
    for (size_t i = 2; i < nt; i++) {
        struct sv w = tk(s, i);
        if (sv_eq_cstr(w, "all")) {
            telnet = ssh = other = true;
        } else if (sv_eq_cstr(w, "none")) {
            none = true;
        } else if (sv_eq_cstr(w, "telnet")) {
            telnet = true;
        } else if (sv_eq_cstr(w, "ssh")) {
            ssh = true;
        } else {
            other = true; /* pad, rlogin, lat, mop, udptn, v120, ... */
        }
    }
    if (none)
        telnet = ssh = other = false;
    if (input) {
        fact_set(&l->telnet_in, telnet ? FACT_ON : FACT_OFF, c);
        fact_set(&l->ssh_in, ssh ? FACT_ON : FACT_OFF, c);
        l->transport_node = c;
    } else if (tk_is(s, 1, "output")) {
        /* Outbound ssh makes a jump host as much as telnet does. */
        fact_set(&l->any_out, (telnet || ssh || other) ? FACT_ON : FACT_OFF, c);
    }
}

static bool xr_template_used(const struct cx *x, struct sv name)
{
    for (size_t i = 0; i < x->nxr_templates_used; i++)
        if (sv_same(x->xr_templates_used[i], name))
            return true;
    return false;
}

/* "login", "login local", "login authentication LIST" on the console line. */
static void console_login(struct cx *x, struct sv cs, const struct cfg_node *c)
{
    if (tk_is(cs, 1, "authentication")) {
        x->con_login = c;
        x->con_list = tk(cs, 2);
    } else if (tk_is(cs, 1, "local")) {
        x->con_login_local = c;
    } else if (sv_token_count(cs) == 1) {
        x->con_login_password = c;
    }
}

/* Statements inside a line: the line, the statement, its text without "no"
 * and whether it had one. A handler returns false when the statement is not
 * its after all. */
typedef bool cx_line_fn(struct cx *x, struct mgmt_line *l, const struct cfg_node *c, struct sv cs,
                        bool neg);

static bool line_transport_stmt(struct cx *x, struct mgmt_line *l, const struct cfg_node *c,
                                struct sv cs, bool neg)
{
    line_transport(x, l, cs, c);
    return true;
}

/* exec-timeout MIN [SEC]; the "no" form restores the default (NX-OS 0, else 10 minutes) */
static bool line_exec_timeout(struct cx *x, struct mgmt_line *l, const struct cfg_node *c,
                              struct sv cs, bool neg)
{
    long mins = model_sv_long(tk(cs, 1), -1), secs = model_sv_long(tk(cs, 2), 0);
    if (neg) {
        mins = x->d == DIALECT_CISCO_NXOS ? 0 : 10;
        secs = 0;
    }
    if (mins >= 0) {
        l->timeout_seconds = mins * 60 + (secs > 0 ? secs : 0);
        l->timeout_node = c;
        l->timeout_is_default = false;
    }
    return true;
}

/* IOS/NX-OS: access-class X in [vrf-also]; XR: access-class ingress X */
static bool line_access_class(struct cx *x, struct mgmt_line *l, const struct cfg_node *c,
                              struct sv cs, bool neg)
{
    struct sv a = tk(cs, 1), b = tk(cs, 2);
    if (sv_eq_cstr(a, "ingress"))
        l->acl_in = dup(x, b);
    else if (sv_eq_cstr(b, "in") || b.n == 0)
        l->acl_in = dup(x, a);
    return true;
}

/* NX-OS: ip access-class NAME in; EOS-style ip access-group NAME in */
static bool line_ip_access_class(struct cx *x, struct mgmt_line *l, const struct cfg_node *c,
                                 struct sv cs, bool neg)
{
    struct sv a = tk(cs, 2), b = tk(cs, 3);
    if (a.n && (sv_eq_cstr(b, "in") || b.n == 0))
        l->acl_in = dup(x, a);
    return true;
}

static bool line_ipv6_access_class(struct cx *x, struct mgmt_line *l, const struct cfg_node *c,
                                   struct sv cs, bool neg)
{
    struct sv a = tk(cs, 2), b = tk(cs, 3);
    if (a.n && (sv_eq_cstr(b, "in") || b.n == 0) && l->kind == LINE_VTY)
        model_add_mgmt_path(x->a, x->m, "vty-ipv6", dup(x, a), c);
    return true;
}

/* IOS "authorization commands LEVEL LIST", XR "authorization commands LIST" */
static bool line_authorization(struct cx *x, struct mgmt_line *l, const struct cfg_node *c,
                               struct sv cs, bool neg)
{
    *MODEL_PUSH(x->a, x->line_authz, x->nline_authz) = tk(cs, sv_token_count(cs) - 1);
    return true;
}

/* no exec */
static bool line_no_exec(struct cx *x, struct mgmt_line *l, const struct cfg_node *c, struct sv cs,
                         bool neg)
{
    fact_set(&l->login_disabled, FACT_ON, c);
    return true;
}

static bool line_login(struct cx *x, struct mgmt_line *l, const struct cfg_node *c, struct sv cs,
                       bool neg)
{
    if (l->kind != LINE_CONSOLE)
        return false;
    console_login(x, cs, c);
    return true;
}

static bool line_password(struct cx *x, struct mgmt_line *l, const struct cfg_node *c, struct sv cs,
                          bool neg)
{
    model_add_secret(x->a, x->m, "line-password", cx_cisco_secret(x, cs, 1, c, NULL));
    return true;
}

struct line_row {
    struct cx_key key;
    cx_line_fn *fn;
};

static const struct line_row line_rows[] = {
    {{"transport", 0, CX_POS, CX_WORDS}, line_transport_stmt},
    {{"exec-timeout", 0, CX_BOTH, CX_WORDS}, line_exec_timeout},
    {{"access-class", 0, CX_POS, CX_WORDS}, line_access_class},
    {{"ip access-class", 0, CX_POS, CX_WORDS}, line_ip_access_class},
    {{"ip access-group", 0, CX_POS, CX_WORDS}, line_ip_access_class},
    {{"ipv6 access-class", 0, CX_POS, CX_WORDS}, line_ipv6_access_class},
    {{"authorization commands", 0, CX_POS, CX_WORDS}, line_authorization},
    {{"exec", 0, CX_NO, CX_WHOLE}, line_no_exec},
    {{"login", 0, CX_POS, CX_WORDS}, line_login},
    {{"password", 0, CX_POS, CX_WORDS}, line_password},
};

static void line_stmt(struct cx *x, struct mgmt_line *l, const struct cfg_node *c)
{
    bool neg;
    struct sv cs = stmt(c, &neg);
    CX_KEY_EACH(i, line_rows, x, cs, neg)
    if (line_rows[i].fn(x, l, c, cs, neg))
        return;
}

/* The kind of line named by the word after "line" (XR templates and the
 * default template are vty lines, settled by vty-pool at the end). */
static const struct {
    const char *word;
    unsigned dialects; /* 0 = every dialect */
    enum line_kind kind;
} line_kinds[] = {
    {"vty", 0, LINE_VTY}, {"con", 0, LINE_CONSOLE},     {"console", 0, LINE_CONSOLE},
    {"aux", 0, LINE_AUX}, {"default", CX_XR, LINE_VTY}, {"template", CX_XR, LINE_VTY},
};

static enum line_kind line_kind_of(const struct cx *x, struct sv kind)
{
    for (size_t i = 0; i < ARRAY_SIZE(line_kinds); i++)
        if (sv_eq_cstr(kind, line_kinds[i].word) &&
            (!line_kinds[i].dialects || (line_kinds[i].dialects & DIALECT_BIT(x->d))))
            return line_kinds[i].kind;
    return LINE_OTHER;
}

/* The idle timeout where a line sets none: 10 minutes on IOS and IOS XR,
 * none (0) on NX-OS; not known for the others. */
static const struct {
    enum dialect d;
    long seconds;
} line_timeout_defaults[] = {
    {DIALECT_CISCO_IOS, 600},
    {DIALECT_CISCO_IOSXR, 600},
    {DIALECT_CISCO_NXOS, 0},
};

static void line_defaults(struct cx *x, struct mgmt_line *l)
{
    if (l->login_disabled.state == FACT_UNKNOWN)
        fact_default(&l->login_disabled, FACT_OFF, "exec is enabled on a line unless 'no exec'");
    if (l->kind == LINE_CONSOLE) {
        if (l->telnet_in.state == FACT_UNKNOWN)
            fact_default(&l->telnet_in, FACT_OFF, "the console is a serial port");
        if (l->ssh_in.state == FACT_UNKNOWN)
            fact_default(&l->ssh_in, FACT_OFF, "the console is a serial port");
    }
    if (l->timeout_seconds >= 0)
        return;
    for (size_t i = 0; i < ARRAY_SIZE(line_timeout_defaults); i++)
        if (line_timeout_defaults[i].d == x->d) {
            l->timeout_seconds = line_timeout_defaults[i].seconds;
            l->timeout_is_default = true;
        }
}

bool cx_h_line(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct device_model *m = x->m;
    if (!cap_ok(m->nlines))
        return true;
    struct mgmt_line *l = MODEL_PUSH(x->a, m->lines, m->nlines);
    l->name = dup(x, sv_after_tokens(s, 1));
    if (!l->name)
        l->name = "line";
    l->node = n;
    l->timeout_seconds = -1;
    l->kind = line_kind_of(x, tk(s, 1));
    if (l->kind == LINE_CONSOLE)
        x->con_line = n;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c))
            line_stmt(x, l, c);
    line_defaults(x, l);
    return true;
}

/* XR "vty-pool NAME FIRST LAST [line-template T]". */
bool cx_h_vty_pool(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    x->vty_pool_node = n;
    size_t nt = sv_token_count(s);
    for (size_t i = 4; i + 1 < nt; i++)
        if (tk_is(s, i, "line-template"))
            *MODEL_PUSH(x->a, x->xr_templates_used, x->nxr_templates_used) = tk(s, i + 1);
    return true;
}

/* ASA "passwd SECRET": the Telnet/SSH line password. */
bool cx_h_passwd(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    model_add_secret(x->a, x->m, "line-password", cx_cisco_secret(x, s, 1, n, NULL));
    return true;
}

/* The login list a console line uses: the one it names, else "default". */
static const struct cx_login_list *console_list(const struct cx *x)
{
    struct sv want = x->con_login ? x->con_list : SV_LIT("default");
    for (size_t i = 0; i < x->nlogin_lists; i++)
        if (sv_eq(x->login_lists[i].name, want))
            return &x->login_lists[i];
    return NULL;
}

/* IOS: the console's login, from its line and the AAA login lists. A list
 * of the "line" method alone asks for the shared line password, as a bare
 * "login" does. */
static void ios_console(struct cx *x, struct fact_bool *f)
{
    if (x->aaa_new_model) {
        const struct cx_login_list *l = console_list(x);
        if (l) {
            bool weak = l->none_only || l->line_only;
            fact_set(f, weak ? FACT_OFF : FACT_ON, l->node);
            fact_lines_add(&f->ev, x->con_login);
            if (l->none_only)
                f->why = "the console's login list accepts anyone (method none)";
            else if (l->line_only)
                f->why = "the console's login list asks only for the shared line password "
                         "(method line)";
            return;
        }
        fact_set(f, FACT_OFF, x->con_login ? x->con_login : x->aaa_new_model);
        f->why = "the console's login list is not defined: no AAA authentication applies";
    } else if (x->con_login_local) {
        fact_set(f, FACT_ON, x->con_login_local);
    } else if (x->con_login_password) {
        fact_set(f, FACT_OFF, x->con_login_password);
        f->why = "the console asks only for a shared line password ('login'), not an "
                 "authentication list";
    } else {
        fact_default(f, FACT_OFF,
                     "no 'aaa new-model' and no login on 'line con 0': the console "
                     "asks for no credentials");
        fact_lines_add(&f->ev, x->con_line);
    }
}

/* IOS XR: the console always asks for a login; its list (its own or the
 * default one) offers group, local and line methods, no "none", and with no
 * list the local database is asked (Cisco IOS XR System Security Command
 * Reference, aaa authentication). A list of the line method alone asks only
 * for the shared line password. */
static void xr_console(struct cx *x, struct fact_bool *f)
{
    const struct cx_login_list *l = console_list(x);
    if (l && l->line_only) {
        fact_set(f, FACT_OFF, l->node);
        fact_lines_add(&f->ev, x->con_login);
        f->why = "the console's login list asks only for the shared line password (method line)";
        return;
    }
    fact_default(f, FACT_ON,
                 "the IOS XR console always asks for a login (the default "
                 "login list is the local database)");
}

/* The console fact of the Cisco-family platforms (checks.md MGMT-CONSOLE-AUX). */
static void cx_finish_console(struct cx *x)
{
    struct fact_bool *f = &x->m->console_auth;
    switch (x->d) {
    case DIALECT_CISCO_IOS:
        ios_console(x, f);
        break;
    case DIALECT_CISCO_IOSXR:
        xr_console(x, f);
        break;
    case DIALECT_CISCO_ASA:
        if (x->aaa_serial_console)
            fact_set(f, FACT_ON, x->aaa_serial_console);
        else
            fact_default(f, FACT_OFF,
                         "no 'aaa authentication serial console': the console "
                         "asks only for the enable password");
        break;
    case DIALECT_CISCO_NXOS:
    case DIALECT_ARISTA_EOS: {
        /* both an explicit console login list and a console timeout */
        const struct cfg_node *tmo = x->d == DIALECT_ARISTA_EOS ? x->eos_console_timeout : NULL;
        if (x->d == DIALECT_CISCO_NXOS)
            for (size_t i = 0; i < x->m->nlines; i++)
                if (x->m->lines[i].kind == LINE_CONSOLE && x->m->lines[i].timeout_node &&
                    x->m->lines[i].timeout_seconds > 0)
                    tmo = x->m->lines[i].timeout_node;
        if (x->aaa_login_console && tmo) {
            fact_set(f, FACT_ON, x->aaa_login_console);
            fact_lines_add(&f->ev, tmo);
        } else {
            fact_default(f, FACT_OFF,
                         !x->aaa_login_console ? "no 'aaa authentication login console' list"
                                               : "no console idle timeout");
            fact_lines_add(&f->ev, x->aaa_login_console);
        }
        break;
    }
    default:
        break;
    }
}

/* Settle line transport facts that depend on global services. */
void cx_finish_lines(struct cx *x)
{
    struct device_model *m = x->m;
    cx_finish_console(x);
    for (size_t i = 0; i < m->nlines; i++) {
        struct mgmt_line *l = &m->lines[i];
        if (x->d == DIALECT_CISCO_IOSXR && starts(cfg_text(l->node), "line template")) {
            struct sv name = tk(cfg_text(l->node), 2);
            if (!xr_template_used(x, name))
                l->kind = LINE_OTHER;
        }
        if (l->kind == LINE_CONSOLE)
            continue;
        /* no exec session on the line: nothing to start an outbound session from */
        if (l->login_disabled.state == FACT_ON && !l->login_disabled.is_default &&
            l->any_out.state == FACT_UNKNOWN && !l->any_out.why && l->any_out.ev.n == 0)
            fact_set(&l->any_out, FACT_OFF, l->login_disabled.ev.nodes[0]);
        switch (x->d) {
        case DIALECT_CISCO_NXOS:
            /* NX-OS vty transport is the feature state */
            l->telnet_in = m->telnet_server;
            l->ssh_in = m->ssh.enabled;
            if (l->any_out.state == FACT_UNKNOWN && !l->any_out.why)
                fact_unknown(&l->any_out, "NX-OS has no line-level outbound transport setting");
            break;
        case DIALECT_CISCO_IOSXR:
            if (m->telnet_server.state == FACT_OFF) {
                l->telnet_in = m->telnet_server;
            } else if (l->telnet_in.state == FACT_ON) {
                fact_lines_add(&l->telnet_in.ev,
                               m->telnet_server.ev.n ? m->telnet_server.ev.nodes[0] : NULL);
            } else if (l->telnet_in.state == FACT_UNKNOWN) {
                fact_unknown(&l->telnet_in, "telnet server on, no 'transport input' on this "
                                            "line: the default is release-dependent");
            }
            if (m->ssh.enabled.state == FACT_OFF)
                l->ssh_in = m->ssh.enabled;
            else if (l->ssh_in.state == FACT_UNKNOWN)
                fact_unknown(&l->ssh_in, "no 'transport input' on this line: the default is "
                                         "release-dependent");
            if (l->any_out.state == FACT_UNKNOWN && l->kind != LINE_OTHER)
                fact_default(&l->any_out, FACT_ON,
                             "no 'transport output' on this line: outbound telnet and ssh "
                             "are allowed unless it is none");
            break;
        default:
            /* IOS 12.x vty lines default to "transport input all" (Cisco IOS
             * Terminal Services Command Reference, Release 12.x) */
            if (l->telnet_in.state == FACT_UNKNOWN && !l->telnet_in.why && cx_ios_12_or_older(x))
                fact_default(&l->telnet_in, FACT_ON,
                             "no 'transport input' on this line: IOS 12.x and older accept "
                             "every transport (telnet included) by default");
            if (l->telnet_in.state == FACT_UNKNOWN && !l->telnet_in.why)
                fact_unknown(&l->telnet_in, "no 'transport input' on this line: the default "
                                            "(telnet or none) is release-dependent");
            if (l->ssh_in.state == FACT_UNKNOWN && !l->ssh_in.why)
                fact_unknown(&l->ssh_in, "no 'transport input' on this line: the default is "
                                         "release-dependent");
            if (l->any_out.state != FACT_UNKNOWN || l->any_out.why)
                break;
            if (x->d == DIALECT_CISCO_IOS)
                fact_default(&l->any_out, FACT_ON,
                             "no 'transport output' on this line: IOS lines open outbound "
                             "telnet sessions by default");
            else
                fact_unknown(&l->any_out, "no 'transport output' on this line: the default is "
                                          "release-dependent");
            break;
        }
    }
}
