/*
 * extract_cisco_roles.c - NX-OS and EOS user roles as they bear on outbound
 * sessions (aaa.outbound_cmds, MGMT-OUTBOUND): whether a user's roles let
 * it run the ssh and telnet commands.
 *
 * EOS (checks.md MGMT-OUTBOUND: roles deny ssh/telnet/bash for non-admin
 * roles): a role's numbered rules are tried in ascending order and the first
 * whose mode and command pattern match decides; roles bind only when
 * 'aaa authorization commands all default local' is configured. Only rules
 * the configuration shows are relied on: a user is denied when its role
 * denies ssh, telnet and bash (whose Linux shell has its own clients)
 * ahead of any rule permitting them, and open when a rule permits one of
 * them first; network-operator and unlisted defaults are not judged.
 *
 * Cisco Nexus 9000 Series NX-OS Security Configuration Guide, "Configuring
 * User Accounts and RBAC"
 * (https://cisco.com/c/en/us/td/docs/dcn/nx-os/nexus9000/104x/configuration/security/cisco-nexus-9000-series-nx-os-security-configuration-guide-release-104x/m-configuring-user-accounts-and-rbac.html):
 * network-admin (vdc-admin) has every right; an account without an
 * administrator role runs only show, exit, end and configure terminal
 * unless its roles' rules permit more; a role's rules apply from the
 * highest number down, and a command permitted by any of a user's roles
 * runs. network-operator may be given non-show commands such as telnet, so
 * it is left undecided, as is a user no role names (network-operator by
 * default) and a rule granting read-write to everything.
 */
#include "model/extract_cisco.h"

#include <limits.h>

#define CR_MAX_RE 512    /* longest command pattern compiled */
#define CR_MAX_RULES 256 /* rules per role (the NX-OS limit) */

enum cr_kind {
    CR_DENIED,  /* neither ssh nor telnet runs */
    CR_ADMIN,   /* an administrator's role: runs them */
    CR_OPEN,    /* a role of its own that permits one of them */
    CR_UNKNOWN, /* not judged */
};

/* Whether command pattern re matches the command line cmd from its start
 * (and, with whole, to its end); -1 when not judged. */
static int cr_match(struct sv re, const char *cmd, bool whole)
{
    char buf[CR_MAX_RE + 8];
    if (re.n == 0 || re.n > CR_MAX_RE)
        return -1;
    memcpy(buf, "^(?:", 4);
    memcpy(buf + 4, re.p, re.n);
    memcpy(buf + 4 + re.n, whole ? ")$" : ")", whole ? 3 : 2);
    return cfg_regex_match_once(buf, sv_from_cstr(cmd));
}

static int cr_matches(struct sv re, const char *cmd)
{
    return cr_match(re, cmd, false);
}

static int cr_matches_whole(struct sv re, const char *cmd)
{
    return cr_match(re, cmd, true);
}

/* What the rule r says of cmd: 1 permits, 0 denies, -1 does not apply,
 * -2 applies in a way not judged. */
static int cr_rule(const struct cfg_node *r, const char *cmd)
{
    struct sv act = model_tok(r, 2), what = model_tok(r, 3);
    bool permit = sv_eq_cstr(act, "permit");
    if (!permit && !sv_eq_cstr(act, "deny"))
        return -1;
    if (sv_eq_cstr(what, "command")) {
        struct sv rest = sv_after_tokens(cfg_text(r), 4);
        int m = cr_matches(rest, cmd);
        return m < 0 ? -2 : m ? permit : -1;
    }
    if (sv_eq_cstr(what, "read-write") && model_tok(r, 4).n == 0)
        return permit ? -2 : 0; /* every operation */
    if (sv_eq_cstr(what, "read") || sv_eq_cstr(what, "read-write"))
        return -1; /* reading, or a feature's commands */
    return -2;
}

/* A role defined by "role name R": the first applying rule, highest number
 * first, decides each command; none applying leaves it denied. */
static enum cr_kind cr_defined(const struct cfg_node *role, const struct cfg_node **ev)
{
    bool open = false;
    for (int c = 0; c < 2; c++) {
        const char *cmd = c ? "telnet 192.0.2.1" : "ssh 192.0.2.1";
        const struct cfg_node *decider = NULL;
        long best = -1;
        int verdict = 0;
        size_t seen = 0;
        for (const struct cfg_node *r = role->child; r && seen < CR_MAX_RULES; r = r->next) {
            if (!sv_eq_cstr(model_tok(r, 0), "rule"))
                continue;
            seen++;
            long num = model_sv_long(model_tok(r, 1), -1);
            int v = cr_rule(r, cmd);
            if (num <= best || v == -1)
                continue;
            best = num;
            verdict = v;
            decider = r;
        }
        if (verdict == -2 || seen >= CR_MAX_RULES)
            return CR_UNKNOWN;
        if (decider && (verdict == 1 || !open))
            *ev = decider;
        open |= verdict == 1;
    }
    return open ? CR_OPEN : CR_DENIED;
}

/* The top-level "username" lines and role blocks, read once, and the EOS
 * AAA statements that bind the roles. */
struct cr_nodes {
    const struct cfg_node **users, **roles;
    size_t nusers, nroles;
    bool eos;
    bool bind; /* the roles bind commands (NX-OS always, EOS with authz_local) */
    const struct cfg_node *authz_local; /* aaa authorization commands all default local */
    const struct cfg_node *root;        /* aaa root secret|nopassword */
    const struct cfg_node *console;     /* aaa authorization console */
    struct sv default_role;             /* aaa authorization policy local default-role R */
};

/* EOS "aaa ..." statements that bear on roles. */
static void cr_eos_aaa(struct cr_nodes *c, const struct cfg_node *n)
{
    struct sv t = cfg_text(n);
    if (sv_eq_cstr(t, "aaa authorization commands all default local"))
        c->authz_local = n;
    else if (sv_eq_cstr(t, "aaa authorization console"))
        c->console = n;
    else if (sv_starts_with(t, "aaa root secret") || sv_starts_with(t, "aaa root nopassword"))
        c->root = n;
    else if (sv_starts_with(t, "aaa authorization policy local default-role "))
        c->default_role = model_tok(n, 5);
}

/* EOS rule patterns are read as matching from the start of the command
 * line; whether EOS also requires the pattern to reach the end of the line
 * is not settled here, so a deny counts only when its pattern leaves
 * everything after the command word open ("ssh.*"), and a permit that
 * could match a line starting with the word decides nothing unless it
 * plainly matches a usual form of the command. */
#define CR_ALTS 16 /* top-level alternatives read in one pattern */

/* The top-level alternatives of pattern re (split at '|' outside groups,
 * classes and escapes); 0 when there are more than CR_ALTS. */
static size_t cr_alts(struct sv re, struct sv *out)
{
    size_t n = 0, start = 0;
    int depth = 0;
    bool cls = false;
    for (size_t i = 0; i <= re.n; i++) {
        char ch = i < re.n ? re.p[i] : '|';
        if (i < re.n && ch == '\\') {
            i++;
            continue;
        }
        if (cls) {
            cls = ch != ']';
            continue;
        }
        cls = ch == '[';
        depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
        if (ch != '|' || depth != 0)
            continue;
        if (n == CR_ALTS)
            return 0;
        out[n++] = (struct sv){re.p + start, i - start};
        start = i + 1;
    }
    return start == re.n + 1 ? n : 0; /* 0 too when a group is left open */
}

/* Whether alternative a could match a line that starts with the words w:
 * its literal beginning (up to the first operator, less a character a
 * quantifier makes optional) agrees with w followed by a space. */
static bool cr_alt_could_start(struct sv a, const char *w)
{
    size_t i = a.n && a.p[0] == '^', lit = 0, wn = strlen(w);
    for (; i < a.n && !strchr("\\.^$*+?()[]{}|", a.p[i]); i++)
        lit++;
    if (lit && i < a.n && strchr("*?{", a.p[i]))
        lit--;
    const char *p = a.p + (a.n && a.p[0] == '^');
    for (size_t k = 0; k < lit && k <= wn; k++) {
        char want = k < wn ? w[k] : ' ';
        if (p[k] != want)
            return false;
    }
    return true;
}

static bool cr_could_start(struct sv re, const char *w)
{
    struct sv alts[CR_ALTS];
    size_t n = cr_alts(re, alts);
    if (n == 0)
        return true;
    for (size_t i = 0; i < n; i++)
        if (cr_alt_could_start(alts[i], w))
            return true;
    return false;
}

/* Whether tail leaves the rest of the line open. */
static bool cr_open_tail(struct sv t)
{
    static const char *const tails[] = {".*", " .*", "( .*)?", "\\s.*", "(\\s.*)?"};
    if (t.n && t.p[t.n - 1] == '$')
        t.n--;
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
        if (sv_eq_cstr(t, tails[i]))
            return true;
    return false;
}

/* Whether group "(a|b|...)" at the start of alternative a names word w and
 * is followed by an open tail. */
static bool cr_group_covers(struct sv a, const char *w)
{
    const char *close = memchr(a.p, ')', a.n);
    if (!a.n || a.p[0] != '(' || !close)
        return false;
    struct sv inner = {a.p + 1, (size_t)(close - a.p - 1)};
    struct sv tail = {close + 1, a.n - (size_t)(close + 1 - a.p)};
    if (memchr(inner.p, '(', inner.n) || !cr_open_tail(tail))
        return false;
    struct sv alts[CR_ALTS];
    size_t n = cr_alts(inner, alts);
    for (size_t i = 0; i < n; i++)
        if (sv_eq_cstr(alts[i], w))
            return true;
    return false;
}

/* Whether pattern re matches every line that starts with word w: some
 * alternative is ".*", "w.*" (or "w .*", ...) or "(...|w|...).*". */
static bool cr_covers(struct sv re, const char *w)
{
    struct sv alts[CR_ALTS];
    size_t n = cr_alts(re, alts), wn = strlen(w);
    for (size_t i = 0; i < n; i++) {
        struct sv a = alts[i];
        if (a.n && a.p[0] == '^') {
            a.p++;
            a.n--;
        }
        if (cr_open_tail(a) && a.p[0] == '.')
            return true;
        if (a.n > wn && memcmp(a.p, w, wn) == 0 && cr_open_tail((struct sv){a.p + wn, a.n - wn}))
            return true;
        if (cr_group_covers(a, w))
            return true;
    }
    return false;
}

/* Whether pattern re matches the whole of some usual form of command w. */
static int cr_permits_form(struct sv re, const char *w)
{
    static const char *const tails[] = {"", " 192.0.2.1", " -l backup 192.0.2.1",
                                        " vrf MGMT 192.0.2.1", " 2001:db8::1"};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
        char cmd[64];
        snprintf(cmd, sizeof cmd, "%s%s", w, tails[i]);
        int m = cr_matches_whole(re, cmd);
        if (m != 0)
            return m;
    }
    return 0;
}

/* One EOS rule: its sequence number, action, mode ("" for every mode) and
 * command pattern; false when it is not a command rule. */
struct cr_eos_rule {
    long seq;
    struct sv act, mode, re;
};

static bool cr_eos_rule(const struct cfg_node *r, struct cr_eos_rule *o)
{
    o->seq = model_sv_long(model_tok(r, 0), -1);
    o->act = model_tok(r, 1);
    o->mode = (struct sv){0};
    size_t k = 2;
    if (sv_eq_cstr(model_tok(r, 2), "mode")) {
        o->mode = model_tok(r, 3);
        k = 4;
    }
    o->re = sv_after_tokens(cfg_text(r), k + 1);
    return o->seq >= 0 && sv_eq_cstr(model_tok(r, k), "command");
}

/* The exec-mode (or every-mode) rule of role with the lowest sequence number
 * above after. */
static const struct cfg_node *cr_eos_next(const struct cfg_node *role, long after,
                                          struct cr_eos_rule *o)
{
    const struct cfg_node *best = NULL;
    struct cr_eos_rule cur;
    for (const struct cfg_node *r = role->child; r; r = r->next) {
        if (!cr_eos_rule(r, &cur) || cur.seq <= after || (best && cur.seq >= o->seq))
            continue;
        if (cur.mode.n && !sv_eq_cstr(cur.mode, "exec"))
            continue; /* another mode's commands */
        best = r;
        *o = cur;
    }
    return best;
}

/* What role does with command word w: CR_DENIED when a rule covering every
 * form of it denies it before anything could permit it, CR_OPEN when a rule
 * permits a usual form first, CR_UNKNOWN otherwise. */
static enum cr_kind cr_eos_word(const struct cfg_node *role, const char *w,
                                const struct cfg_node **ev)
{
    bool partial = false; /* a deny of some of its forms was passed */
    struct cr_eos_rule o = {0};
    size_t seen = 0;
    for (const struct cfg_node *r = cr_eos_next(role, -1, &o); r && seen < CR_MAX_RULES;
         r = cr_eos_next(role, o.seq, &o), seen++) {
        if (o.re.n == 0 || o.re.n > CR_MAX_RE)
            return CR_UNKNOWN;
        if (!cr_could_start(o.re, w))
            continue;
        *ev = r;
        if (sv_eq_cstr(o.act, "deny") && cr_covers(o.re, w))
            return CR_DENIED;
        if (sv_eq_cstr(o.act, "deny")) {
            partial = true;
            continue;
        }
        bool permit = sv_eq_cstr(o.act, "permit");
        return permit && !partial && cr_permits_form(o.re, w) == 1 ? CR_OPEN : CR_UNKNOWN;
    }
    return CR_UNKNOWN; /* the end of the role is not relied on */
}

/* Whether role permits, in configuration mode, a command that edits roles,
 * users or AAA or runs programs of its own (then it can undo its denies). */
static const struct cfg_node *cr_eos_configures(const struct cfg_node *role)
{
    static const char *const cmds[] = {"role",          "username",         "aaa",
                                       "no role",       "no username",      "no aaa",
                                       "default role",  "default username", "default aaa",
                                       "event-handler", "daemon",           "schedule"};
    struct cr_eos_rule o;
    for (const struct cfg_node *r = role->child; r; r = r->next) {
        if (!cr_eos_rule(r, &o) || !sv_eq_cstr(o.act, "permit") || sv_eq_cstr(o.mode, "exec"))
            continue;
        for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
            if (cr_could_start(o.re, cmds[i]))
                return r;
    }
    return NULL;
}

/* An EOS role block: a role that may reconfigure itself is an
 * administrator's; otherwise each of ssh, telnet and bash is judged. */
static enum cr_kind cr_eos_defined(const struct cfg_node *role, const struct cfg_node **ev)
{
    static const char *const words[3] = {"ssh", "telnet", "bash"};
    const struct cfg_node *cfg = cr_eos_configures(role);
    if (cfg) {
        *ev = cfg;
        return CR_ADMIN;
    }
    size_t denied = 0;
    for (int c = 0; c < 3; c++) {
        const struct cfg_node *r = NULL;
        enum cr_kind k = cr_eos_word(role, words[c], &r);
        if (k == CR_OPEN) {
            *ev = r;
            return CR_OPEN;
        }
        if (k == CR_DENIED) {
            *ev = r;
            denied++;
        }
    }
    return denied == 3 ? CR_DENIED : CR_UNKNOWN;
}

static void cr_collect(struct cx *x, struct cr_nodes *c)
{
    c->eos = x->d == DIALECT_ARISTA_EOS;
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        struct sv w = model_tok(n, 0);
        if (sv_eq_cstr(w, "username") && c->nusers < CX_MAX_ITEMS)
            *MODEL_PUSH(x->a, c->users, c->nusers) = n;
        else if (sv_eq_cstr(w, "role") && (c->eos || sv_eq_cstr(model_tok(n, 1), "name")) &&
                 c->nroles < CX_MAX_ITEMS)
            *MODEL_PUSH(x->a, c->roles, c->nroles) = n;
        else if (c->eos && sv_eq_cstr(w, "aaa"))
            cr_eos_aaa(c, n);
    }
}

static const struct cfg_node *cr_role_block(const struct cr_nodes *c, struct sv name)
{
    for (size_t i = 0; i < c->nroles; i++)
        if (sv_eq(model_tok(c->roles[i], c->eos ? 1 : 2), name))
            return c->roles[i];
    return NULL;
}

static enum cr_kind cr_role(const struct cr_nodes *x, struct sv name, const struct cfg_node **ev)
{
    if (sv_eq_cstr(name, "network-admin") || sv_eq_cstr(name, "vdc-admin") ||
        sv_eq_cstr(name, "priv-15"))
        return CR_ADMIN;
    const struct cfg_node *b = cr_role_block(x, name);
    if (!b || sv_starts_with(name, "priv-") || sv_eq_cstr(name, "network-operator"))
        return CR_UNKNOWN; /* built in (network-operator, ...) or not shown */
    *ev = b;
    return x->eos ? cr_eos_defined(b, ev) : cr_defined(b, ev);
}

/* The roles of user u (every "username U ... role R" line): the strongest
 * wins, since a command any role permits runs. */
static enum cr_kind cr_user(const struct cr_nodes *x, struct sv user, struct fact_lines *ev)
{
    bool admin = false, open = false, unknown = false, any = false;
    for (size_t u = 0; u < x->nusers; u++) {
        const struct cfg_node *n = x->users[u];
        if (!sv_eq(model_tok(n, 1), user))
            continue;
        for (size_t i = 2; model_tok(n, i).n; i++) {
            if (x->eos && sv_eq_cstr(model_tok(n, i), "shell")) {
                /* a Linux login shell: no command authorisation applies */
                struct sv sh = model_tok(n, i + 1);
                bool bash = sv_eq_cstr(sh, "/bin/bash") || sv_eq_cstr(sh, "/bin/sh");
                open |= bash;
                unknown |= !bash;
                fact_lines_add(ev, n);
                continue;
            }
            if (!sv_eq_cstr(model_tok(n, i), "role") || !model_tok(n, i + 1).n)
                continue;
            const struct cfg_node *rev = NULL;
            enum cr_kind k = cr_role(x, model_tok(n, i + 1), &rev);
            if (!x->bind && k != CR_ADMIN)
                k = CR_UNKNOWN;
            any = true;
            admin |= k == CR_ADMIN;
            open |= k == CR_OPEN;
            unknown |= k == CR_UNKNOWN;
            fact_lines_add(ev, n);
            fact_lines_add(ev, rev);
        }
    }
    if (!any && x->eos && !admin && !open) {
        /* no role: the default role applies */
        const struct cfg_node *rev = NULL;
        enum cr_kind k = x->default_role.n ? cr_role(x, x->default_role, &rev) : CR_UNKNOWN;
        if (!x->bind && k != CR_ADMIN)
            k = CR_UNKNOWN;
        fact_lines_add(ev, rev);
        any = true;
        admin |= k == CR_ADMIN;
        open |= k == CR_OPEN;
        unknown |= k == CR_UNKNOWN;
    }
    return admin ? CR_ADMIN : open ? CR_OPEN : (unknown || !any) ? CR_UNKNOWN : CR_DENIED;
}

static void cr_name(struct buf *b, size_t *n, const char *name)
{
    if (*n < 4)
        buf_printf(b, "%s%s", *n ? ", " : "", name);
    else if (*n == 4)
        buf_adds(b, ", ...");
    (*n)++;
}

/* Why a device whose users are all denied (or not judged) is not a pass. */
static const char *cr_undecided(struct cx *x, const struct cr_nodes *c, struct buf *other,
                                size_t nother)
{
    if (nother)
        return arena_printf(x->a, "the roles of %s are %s%s", buf_cstr(other),
                            c->eos ? "an administrator's (network-admin, or a role permitted to "
                                     "change roles, users or AAA in configuration mode), built "
                                     "in, or not shown to deny every form of ssh, telnet and "
                                     "bash (a deny such as 'ssh.*') before a rule that could "
                                     "permit one"
                                   : "an administrator's (network-admin), built in or not "
                                     "judged here",
                            c->bind ? ""
                                    : " (EOS roles bind commands only with 'aaa authorization "
                                      "commands all default local')");
    if (!c->eos)
        return "every user shown is denied them, but NX-OS keeps its admin account, whose "
               "network-admin role runs every command";
    if (c->root)
        return "every user shown is denied them, but root may log in (aaa root) with a bash "
               "shell";
    if (x->m->aaa.central_login.state == FACT_ON)
        return "every local user is denied them, but users of the authentication servers take "
               "the role the server names";
    return NULL;
}

void cx_finish_outbound_roles(struct cx *x)
{
    struct device_model *m = x->m;
    if ((x->d != DIALECT_CISCO_NXOS && x->d != DIALECT_ARISTA_EOS) || m->naccounts == 0)
        return;
    struct buf open, other;
    buf_init(&open, 0);
    buf_init(&other, 0);
    size_t nopen = 0, nother = 0;
    struct fact_lines open_ev = {0}, ev = {0};
    struct cr_nodes c = {0};
    cr_collect(x, &c);
    c.bind = !c.eos || c.authz_local;
    for (size_t i = 0; i < m->naccounts; i++) {
        struct fact_lines uev = {0};
        enum cr_kind k = cr_user(&c, sv_from_cstr(m->accounts[i].name), &uev);
        struct fact_lines *dst = k == CR_OPEN ? &open_ev : &ev;
        for (uint8_t j = 0; j < uev.n; j++)
            fact_lines_add(dst, uev.nodes[j]);
        if (k == CR_OPEN)
            cr_name(&open, &nopen, m->accounts[i].name);
        else if (k != CR_DENIED)
            cr_name(&other, &nother, m->accounts[i].name);
    }
    struct fact_bool *f = &m->aaa.outbound_cmds;
    const char *why = nopen ? NULL : cr_undecided(x, &c, &other, nother);
    if (nopen) {
        f->state = FACT_ON;
        f->ev = open_ev;
        f->why = arena_printf(x->a,
                              "%s may run ssh or telnet: a role of its own permits the command "
                              "(or a Linux login shell has it) and no administrator role is held",
                              buf_cstr(&open));
    } else if (why) {
        f->ev = ev;
        fact_unknown(f, why);
    } else {
        f->state = FACT_OFF;
        f->ev = ev;
        fact_lines_add(&f->ev, c.authz_local);
        f->why = c.console || !c.eos
                     ? "every local user's role denies ssh, telnet and bash ahead of any rule "
                       "permitting them, and 'aaa authorization commands all default local' "
                       "binds the roles"
                     : "every local user's role denies ssh, telnet and bash ahead of any rule "
                       "permitting them, and 'aaa authorization commands all default local' "
                       "binds the roles (on the console too only with 'aaa authorization "
                       "console', which is not set)";
    }
    buf_free(&open);
    buf_free(&other);
}
