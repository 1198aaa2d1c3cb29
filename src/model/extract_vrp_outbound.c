/*
 * extract_vrp_outbound.c - VRP command levels as they bear on outbound
 * sessions (aaa.outbound_cmds, MGMT-OUTBOUND): whether the local users who
 * log in to the CLI may run the telnet and stelnet client commands.
 *
 * Huawei S7700/S9700 Configuration Guide - Basic Configuration, "Setting
 * Command Levels"
 * (https://support.huawei.com/enterprise/en/doc/EDOC1000178308/9ebf1bac/setting-command-levels):
 * a user runs the commands at or below its level (0-15); telnet and
 * stelnet, which reach other devices, sit at the visit level 0 unless
 * "command-privilege level" raises them; levels 3 to 15 are the
 * management level. So a CLI user below level 3 that reaches either
 * command is an operator who can open onward sessions; one at level 3 or
 * more is an administrator, which site policy decides; one below both
 * commands' levels cannot open them.
 */
#include "model/extract.h"

#include <string.h>

struct vo_state {
    int level[2]; /* telnet, stelnet: the command level (0 unless raised) */
    const struct cfg_node *level_node[2];
    /* the lowest level a longer command line of either command is given
     * ("command-privilege level 1 view user telnet ipv6"), and its line */
    int sub_level[2];
    const struct cfg_node *sub_node[2];
    const struct cfg_node *pw_line; /* a user-interface logging in without AAA */
};

/* "command-privilege level L view user|shell telnet|stelnet": the command
 * itself, or a longer command line of it (an option such as "ipv6"), whose
 * level is kept apart: which of the two governs that form is not read. */
static void vo_command_level(struct vo_state *s, const struct cfg_node *n)
{
    static const char *const cmds[2] = {"telnet", "stelnet"};
    if (!sv_eq_cstr(model_tok(n, 1), "level") || !sv_eq_cstr(model_tok(n, 3), "view"))
        return;
    int lv = (int)model_sv_long(model_tok(n, 2), 0);
    for (int c = 0; c < 2; c++) {
        if (!sv_eq_cstr(model_tok(n, 5), cmds[c]))
            continue;
        if (!model_tok(n, 6).n) {
            s->level[c] = lv;
            s->level_node[c] = n;
        } else if (!s->sub_node[c] || lv < s->sub_level[c]) {
            s->sub_level[c] = lv;
            s->sub_node[c] = n;
        }
    }
}

static void vo_scan(const struct cfg_tree *t, struct vo_state *s)
{
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (n->flags & CFG_INACTIVE)
            continue;
        struct sv w = model_tok(n, 0);
        if (sv_eq_cstr(w, "command-privilege"))
            vo_command_level(s, n);
        if (!sv_eq_cstr(w, "user-interface"))
            continue;
        for (const struct cfg_node *c = n->child; c; c = c->next)
            if (!(c->flags & CFG_INACTIVE) && sv_eq_cstr(model_tok(c, 0), "authentication-mode") &&
                (sv_eq_cstr(model_tok(c, 1), "password") || sv_eq_cstr(model_tok(c, 1), "none")))
                s->pw_line = c;
    }
}

/* The "local-user U service-type ..." statement of user u naming a CLI
 * access type (telnet, ssh, terminal), or NULL. */
static const struct cfg_node *vo_cli_user(const struct cfg_tree *t, struct sv u)
{
    for (const struct cfg_node *n = t->first; n; n = n->next) {
        if (!sv_eq_cstr(model_tok(n, 0), "aaa"))
            continue;
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (!sv_eq_cstr(model_tok(c, 0), "local-user") || !sv_eq(model_tok(c, 1), u) ||
                !sv_eq_cstr(model_tok(c, 2), "service-type"))
                continue;
            for (size_t i = 3; model_tok(c, i).n; i++) {
                struct sv ty = model_tok(c, i);
                if (sv_eq_cstr(ty, "telnet") || sv_eq_cstr(ty, "ssh") || sv_eq_cstr(ty, "terminal"))
                    return c;
            }
        }
    }
    return NULL;
}

struct vo_tally {
    const char *open, *admin, *unknown;
    size_t users;
    int max_level; /* the highest level of a CLI user shown */
    struct fact_lines open_ev, ev;
};

static void vo_users(struct device_model *m, const struct cfg_tree *t, const struct vo_state *s,
                     struct vo_tally *y)
{
    for (size_t i = 0; i < m->naccounts && i < 4096; i++) {
        const struct account *ac = &m->accounts[i];
        const struct cfg_node *cli = vo_cli_user(t, sv_from_cstr(ac->name));
        if (!cli)
            continue; /* FTP, HTTP, PPP, ... only: no CLI */
        y->users++;
        int lv = ac->privilege;
        y->max_level = lv > y->max_level ? lv : y->max_level;
        bool reach = lv >= s->level[0] || lv >= s->level[1];
        struct fact_lines *ev = reach && lv >= 0 && lv < 3 ? &y->open_ev : &y->ev;
        fact_lines_add(ev, ac->node);
        fact_lines_add(ev, cli);
        if (lv < 0)
            y->unknown = y->unknown ? y->unknown : ac->name;
        else if (reach && lv < 3)
            y->open = y->open ? y->open : ac->name;
        else if (reach)
            y->admin = y->admin ? y->admin : ac->name;
    }
}

/* Why the device is no pass, NULL when nothing stands in the way. */
static const char *vo_undecided(struct arena *a, const struct device_model *m,
                                const struct vo_state *s, const struct vo_tally *y)
{
    if (y->admin)
        return arena_printf(a,
                            "user %s is at the management level (3-15) and runs telnet and "
                            "stelnet (whether administrators may open onward sessions is site "
                            "policy)",
                            y->admin);
    if (y->unknown)
        return arena_printf(a, "user %s has no privilege level shown", y->unknown);
    for (int c = 0; c < 2; c++)
        if (s->sub_node[c] && s->sub_level[c] < s->level[c] && s->sub_level[c] <= y->max_level)
            return arena_printf(a,
                                "a longer form of %s is given level %d, below the command's own "
                                "level %d and within a CLI user's reach; which of the two levels "
                                "that form needs is not judged here",
                                c ? "stelnet" : "telnet", s->sub_level[c], s->level[c]);
    if (s->pw_line)
        return "a user-interface logs in without AAA (authentication-mode password or none), "
               "at a level the local users do not show";
    if (m->aaa.central_login.state == FACT_ON)
        return "users of the HWTACACS/RADIUS servers take the level the server gives";
    return NULL;
}

void model_vrp_outbound(struct arena *a, struct device_model *m, const struct cfg_tree *t)
{
    struct vo_state s = {0};
    struct vo_tally y = {.max_level = -1};
    struct fact_bool *f = &m->aaa.outbound_cmds;
    if (m->aaa.authz_cmds.state == FACT_ON)
        return; /* HWTACACS command authorisation decides */
    vo_scan(t, &s);
    vo_users(m, t, &s, &y);
    if (y.users == 0)
        return;
    if (y.open) {
        f->state = FACT_ON;
        f->ev = y.open_ev;
        fact_lines_add(&f->ev, s.level_node[0]);
        f->why = arena_printf(a,
                              "user %s logs in to the CLI below the management level yet at or "
                              "above the level of telnet or stelnet (0, the visit level, unless "
                              "command-privilege raises them)",
                              y.open);
        return;
    }
    const char *why = vo_undecided(a, m, &s, &y);
    f->ev = y.ev;
    fact_lines_add(&f->ev, s.level_node[0]);
    fact_lines_add(&f->ev, s.level_node[1]);
    if (why) {
        fact_lines_add(&f->ev, s.sub_node[0]);
        fact_lines_add(&f->ev, s.sub_node[1]);
        fact_unknown(f, why);
        return;
    }
    f->state = FACT_OFF;
    f->why = "every CLI user's level is below the levels command-privilege gives telnet and "
             "stelnet";
}
