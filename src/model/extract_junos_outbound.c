/*
 * extract_junos_outbound.c - the Junos extractor's judgement of outbound
 * sessions from the CLI (aaa.outbound_cmds, MGMT-OUTBOUND): whether the
 * login classes of the local users let them run the ssh and telnet
 * operational commands.
 *
 * Juniper, "Login Classes Overview" (Junos OS User Access and
 * Authentication guide,
 * https://www.juniper.net/documentation/us/en/software/junos/user-access/topics/topic-map/junos-os-login-class.html):
 * the predefined classes hold fixed permission flags (operator: clear,
 * network, reset, trace, view; read-only: view; super-user: all;
 * unauthorized: none), the "network" flag is what runs ping, ssh, telnet
 * and traceroute, the "shell" flag runs 'start shell' (whose Unix shell has
 * its own ssh and telnet), as does "maintenance" (a local shell and su
 * root), and a class's allow-commands / deny-commands regular expressions
 * add or remove operational commands on top of its flags. A class that may
 * edit the login classes ("all" or "admin-control" permissions, or
 * allow-configuration) can delete its own deny-commands, so it counts as
 * an administrator's whatever its patterns deny.
 */
#include "model/extract_junos.h"

#define JO_MAX_RE 512 /* longest command pattern compiled */

/* What a login class lets its users do with ssh and telnet. */
enum jo_class {
    JO_DENIED,  /* neither command runs */
    JO_ADMIN,   /* all permissions: an administrator's class that runs them */
    JO_OPEN,    /* a class short of all permissions that runs them */
    JO_UNKNOWN, /* not defined here, or its patterns are not judged */
};

/* Whether pattern re matches the command line cmd; -1 when it cannot be
 * compiled or is too long to judge. */
static int jo_re_matches(struct sv re, const char *cmd)
{
    char buf[JO_MAX_RE + 1];
    if (re.n == 0 || re.n > JO_MAX_RE)
        return -1;
    memcpy(buf, re.p, re.n);
    buf[re.n] = '\0';
    return cfg_regex_match_once(buf, sv_from_cstr(cmd));
}

/* Whether some pattern of the list matches the command line cmd; -1 when
 * not judged. */
static int jo_any(const struct sv *res, size_t n, const char *cmd)
{
    if (n > JX_CLASS_RES)
        return -1;
    for (size_t i = 0; i < n; i++) {
        int m = jo_re_matches(res[i], cmd);
        if (m != 0)
            return m;
    }
    return 0;
}

/* Whether a class reaches a command: 1 its flag or allow-commands grants it
 * and deny-commands does not take it away, 0 not, -1 not judged (a pattern
 * not compiled, or both lists naming it). */
static int jo_reaches(const struct jclass *c, bool flag, const char *cmd)
{
    int allow = jo_any(c->allow_re, c->nallow_re, cmd);
    int deny = jo_any(c->deny_re, c->ndeny_re, cmd);
    if (allow < 0 || deny < 0 || (allow == 1 && deny == 1))
        return -1;
    return (flag || allow == 1) && deny == 0;
}

/* A class defined under system login class: ssh and telnet run with the
 * 'network' flag, and also from the shell that 'start shell' opens with
 * the 'shell' flag. */
static enum jo_class jo_defined(const struct jclass *c, const struct cfg_node **ev)
{
    int ssh = jo_reaches(c, c->perm_network, "ssh 192.0.2.1");
    int telnet = jo_reaches(c, c->perm_network, "telnet 192.0.2.1");
    int shell = jo_reaches(c, c->perm_shell, "start shell");
    *ev = c->perm_node ? c->perm_node : c->node;
    if (ssh < 0 || telnet < 0 || shell < 0)
        return JO_UNKNOWN;
    if (!ssh && !telnet && !shell) {
        if (c->deny_node && !c->perm_admin)
            *ev = c->deny_node;
        return c->perm_admin ? JO_ADMIN : JO_DENIED; /* may delete its own denies */
    }
    if (!c->perm_network && !c->perm_shell && c->allow_node)
        *ev = c->allow_node;
    return c->perm_admin ? JO_ADMIN : JO_OPEN;
}

static enum jo_class jo_class_of(const struct jx *x, const char *cls, const struct cfg_node **ev)
{
    for (size_t j = 0; j < x->nclasses; j++)
        if (sv_eq_cstr(sv_unquote(x->classes[j].name), cls))
            return jo_defined(&x->classes[j], ev);
    if (strcmp(cls, "super-user") == 0 || strcmp(cls, "superuser") == 0)
        return JO_ADMIN;
    if (strcmp(cls, "operator") == 0)
        return JO_OPEN;
    if (strcmp(cls, "read-only") == 0 || strcmp(cls, "unauthorized") == 0)
        return JO_DENIED;
    return JO_UNKNOWN;
}

/* Accounts of each kind, named for the reason. */
struct jo_tally {
    struct buf open, admin, unknown;
    size_t nopen, nadmin, nunknown, ndenied;
    struct fact_lines open_ev, other_ev;
};

static void jo_name(struct buf *b, size_t *n, const char *user, const char *cls)
{
    if (*n < 4)
        buf_printf(b, "%s%s (class %s)", *n ? ", " : "", user, cls);
    else if (*n == 4)
        buf_adds(b, ", ...");
    (*n)++;
}

static void jo_tally_users(const struct jx *x, struct jo_tally *t)
{
    const struct device_model *m = x->m;
    for (size_t i = 0; i < m->naccounts; i++) {
        const char *cls = x->acct_class[i];
        const char *user = m->accounts[i].name;
        if (!cls)
            continue;
        const struct cfg_node *ev = NULL;
        enum jo_class k = jo_class_of(x, cls, &ev);
        fact_lines_add(k == JO_OPEN ? &t->open_ev : &t->other_ev, x->acct_class_node[i]);
        if (ev)
            fact_lines_add(k == JO_OPEN ? &t->open_ev : &t->other_ev, ev);
        if (k == JO_OPEN)
            jo_name(&t->open, &t->nopen, user, cls);
        else if (k == JO_ADMIN)
            jo_name(&t->admin, &t->nadmin, user, cls);
        else if (k == JO_UNKNOWN)
            jo_name(&t->unknown, &t->nunknown, user, cls);
        else
            t->ndenied++;
    }
}

/* "root-login deny-password" still lets root in with a key (the fact above
 * counts it as off): whether root has one. */
static bool jo_root_key(const struct jx *x)
{
    if (!x->ssh_root_node)
        return false;
    struct sv t = cfg_text(x->ssh_root_node);
    size_t n = sv_token_count(t);
    if (n == 0 || !sv_eq_cstr(sv_unquote(sv_token(t, n - 1)), "deny-password"))
        return false;
    for (size_t i = 0; i < x->m->naccounts; i++)
        if (strcmp(x->m->accounts[i].name, "root") == 0 && x->m->accounts[i].has_ssh_key)
            return true;
    return false;
}

/* The reason for an unknown: administrators, undecided classes, root over
 * SSH, or users the authentication server maps. */
static const char *jo_unknown_why(struct jx *x, struct jo_tally *t)
{
    const struct device_model *m = x->m;
    struct buf b;
    buf_init(&b, 0);
    if (t->nadmin)
        buf_printf(&b,
                   "%s may run ssh and telnet with every permission, or may edit the login "
                   "classes and so delete their own deny-commands (whether administrators may "
                   "open onward sessions is site policy)",
                   buf_cstr(&t->admin));
    if (t->nunknown)
        buf_printf(&b, "%sthe login class of %s is not judged here", b.len ? "; " : "",
                   buf_cstr(&t->unknown));
    if (m->ssh.root_login.state != FACT_OFF || jo_root_key(x))
        buf_printf(&b, "%sroot, which runs every command, may log in over SSH", b.len ? "; " : "");
    if (m->aaa.central_login.state == FACT_ON)
        buf_printf(&b,
                   "%susers of the authentication servers take the class of the local user the "
                   "server names (the 'remote' template by default), and the server may add "
                   "commands (Juniper-Allow-Commands)",
                   b.len ? "; " : "");
    const char *why = b.len ? arena_printf(x->a, "%s", buf_cstr(&b)) : NULL;
    buf_free(&b);
    return why;
}

void jx_finish_outbound(struct jx *x)
{
    struct fact_bool *f = &x->m->aaa.outbound_cmds;
    struct jo_tally t = {0};
    buf_init(&t.open, 0);
    buf_init(&t.admin, 0);
    buf_init(&t.unknown, 0);
    jo_tally_users(x, &t);
    if (x->wild_login_node && (t.nopen || t.nadmin || t.nunknown || t.ndenied)) {
        f->ev = t.nopen ? t.open_ev : t.other_ev;
        fact_lines_add(&f->ev, x->wild_login_node);
        fact_unknown(f, "an applied configuration group sets login classes or users through a "
                        "wildcard path (<*>), which is not expanded here, so the classes read "
                        "may not be the ones in force");
    } else if (t.nopen) {
        f->state = FACT_ON;
        f->ev = t.open_ev;
        f->why = arena_printf(x->a,
                              "%s may run ssh or telnet: the login class grants them (the "
                              "'network' permission, the Unix shell of the 'shell' or "
                              "'maintenance' permission, or allow-commands) and may not edit the "
                              "login classes, so it is not an administrator's",
                              buf_cstr(&t.open));
    } else if (t.nadmin || t.nunknown || t.ndenied) {
        const char *why = jo_unknown_why(x, &t);
        f->ev = t.other_ev;
        if (why) {
            fact_unknown(f, why);
        } else {
            f->state = FACT_OFF;
            f->why = "the login class of every local user keeps it from ssh, telnet and the "
                     "Unix shell";
        }
    }
    buf_free(&t.open);
    buf_free(&t.admin);
    buf_free(&t.unknown);
}
