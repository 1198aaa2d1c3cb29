/*
 * extract_sros_outbound.c - the SR OS extractor's judgement of outbound
 * sessions from the CLI (aaa.outbound_cmds, MGMT-OUTBOUND): whether every
 * local user with CLI access is held by profiles that deny the ssh and
 * telnet commands, or some user is held only by profiles that let them
 * run.
 *
 * Nokia 7750 SR System Management Guide, "Profiles": a user's console
 * profiles (up to eight) hold numbered entries, each a command match string
 * with a permit or deny action, and a default-action for commands no entry
 * matches; a user given no profile falls under the profile named "default".
 * The first matching entry decides; default-action none (the default) hands
 * the command to the user's next profile and, after the last, denies it
 * (Nokia 7705 SAR System Management Guide, "Profile Management Commands",
 * https://infocenter.nokia.com/public/7705SAR234R1A/topic/com.nokia.system-mgmt-guide/profile-management-commands.html).
 * checks.md MGMT-OUTBOUND (SROS): profiles deny ssh/telnet
 * ("entry ... match "ssh" action deny").
 *
 * The judgement is kept strict so that it holds whatever order the profiles
 * are tried in: no profile of the user may let either command run. A
 * profile that lets its user edit "configure system security" (where the
 * profiles are) can undo its own denies, so it decides nothing.
 */
#include "model/extract_sros.h"

#include <string.h>

static const struct sprofile *so_profile(const struct sx *x, struct sv name)
{
    for (size_t i = 0; i < x->nprofiles; i++)
        if (sv_eq(x->profiles[i].name, name))
            return &x->profiles[i];
    return NULL;
}

/* Whether profile pf keeps the command cmd from running: an entry matching
 * exactly the command word denies it and no entry permits it or a session
 * it starts ("ssh 192.0.2.1"); else a default-action of deny-all, or of
 * none (also the default), which hands the command to the next profile
 * and after the last one denies it. */
static bool so_denies(const struct sprofile *pf, const char *cmd, const struct cfg_node **ev)
{
    const struct sentry *deny = NULL;
    for (size_t j = 0; j < pf->nentries; j++) {
        const struct sentry *e = &pf->entries[j];
        struct sv m = e->match;
        while (m.n && m.p[m.n - 1] == ' ')
            m.n--;
        if (!sv_starts_with_word(m, cmd))
            continue;
        if (!e->deny)
            return false;
        if (sv_eq_cstr(m, cmd))
            deny = e;
    }
    if (deny) {
        *ev = deny->node;
        return true;
    }
    if (pf->deny_all && !pf->permit_all) {
        *ev = pf->default_node;
        return true;
    }
    return !pf->default_node || pf->none_default;
}

/* Whether profile pf lets its user edit the profiles ("configure system
 * security"), and so undo its own denies: the first entry whose match
 * string covers that command, or a part of it, decides; a deny of only a
 * part of it is passed over; with no such entry, default-action permit-all
 * lets it run. */
static bool so_edits_profiles(const struct sprofile *pf)
{
    static const struct sv cmd = {"configure system security", 25};
    for (size_t j = 0; j < pf->nentries; j++) {
        const struct sentry *e = &pf->entries[j];
        struct sv m = e->match;
        while (m.n && m.p[m.n - 1] == ' ')
            m.n--;
        bool whole = m.n && m.n <= cmd.n && memcmp(cmd.p, m.p, m.n) == 0 &&
                     (m.n == cmd.n || cmd.p[m.n] == ' ');
        bool part = m.n > cmd.n && sv_starts_with(m, "configure system security ");
        if (!whole && !part)
            continue;
        if (!e->deny)
            return true;
        if (whole)
            return false;
    }
    return pf->permit_all && !pf->deny_all;
}

/* Whether profile pf (NULL: the built-in one of that name, known only for
 * "administrative") lets the command cmd run: no entry denies it or a
 * session it starts, and an entry or a default-action of permit-all permits
 * it. */
static bool so_permits(const struct sprofile *pf, struct sv name, const char *cmd)
{
    if (!pf)
        return sv_eq_cstr(name, "administrative"); /* permit-all built in */
    bool permit = pf->permit_all && !pf->deny_all;
    for (size_t j = 0; j < pf->nentries; j++) {
        const struct sentry *e = &pf->entries[j];
        if (!sv_starts_with_word(e->match, cmd))
            continue;
        if (e->deny)
            return false;
        permit = true;
    }
    return permit;
}

/* How user u's profiles treat ssh and telnet: 1 every profile denies both,
 * -1 every profile permits one of them, 0 not decided. The deciding
 * statements are added to ev. */
static int so_user(const struct sx *x, const struct suser *u, struct fact_lines *ev)
{
    static const struct sv dflt = {"default", 7};
    size_t n = u->nprof ? u->nprof : 1, denied = 0, open = 0;
    for (size_t i = 0; i < n; i++) {
        struct sv name = u->nprof ? u->prof[i] : dflt;
        const struct sprofile *pf = so_profile(x, name);
        const struct cfg_node *ssh = NULL, *telnet = NULL;
        if (pf && so_denies(pf, "ssh", &ssh) && so_denies(pf, "telnet", &telnet) &&
            !so_edits_profiles(pf)) {
            fact_lines_add(ev, ssh);
            fact_lines_add(ev, telnet);
            denied++;
        } else if (so_permits(pf, name, "ssh") || so_permits(pf, name, "telnet")) {
            if (pf)
                fact_lines_add(ev, pf->default_node);
            open++;
        }
    }
    fact_lines_add(ev, u->member_node);
    return denied == n ? 1 : open == n ? -1 : 0;
}

/* A user held only by profiles that let ssh or telnet run: aaa.outbound_cmds
 * on, naming the user. */
static void so_open(struct sx *x, const struct suser *u, struct fact_lines ev)
{
    struct fact_bool *f = &x->m->aaa.outbound_cmds;
    f->state = FACT_ON;
    f->ev = ev;
    f->why = arena_printf(x->a,
                          "user %s is held only by profiles that let the ssh or telnet command "
                          "run (the administrative profile permits every command)",
                          x->m->accounts[u->acct].name);
}

const struct sprofile *sx_self_editing_profile(const struct sx *x)
{
    for (size_t i = 0; i < x->nprofiles; i++) {
        const struct sprofile *pf = &x->profiles[i];
        const struct cfg_node *ssh = NULL, *telnet = NULL;
        if (so_denies(pf, "ssh", &ssh) && so_denies(pf, "telnet", &telnet) && so_edits_profiles(pf))
            return pf;
    }
    return NULL;
}

bool sx_users_outbound(struct sx *x)
{
    struct fact_lines ev = {0};
    size_t users = 0, denied = 0;
    for (size_t i = 0; i < x->nusers; i++) {
        const struct suser *u = &x->users[i];
        if (!u->console)
            continue; /* no CLI: SNMP, FTP or NETCONF access only */
        struct fact_lines uev = {0};
        int k = so_user(x, u, &uev);
        if (k < 0) {
            so_open(x, u, uev);
            return true;
        }
        users++;
        denied += k == 1;
        for (uint8_t j = 0; j < uev.n; j++)
            fact_lines_add(&ev, uev.nodes[j]);
    }
    /* users of the authentication servers take a template's profile */
    if (users == 0 || denied < users || x->order_central || x->nusers >= SX_MAX_SMALL)
        return false;
    struct fact_bool *f = &x->m->aaa.outbound_cmds;
    f->state = FACT_OFF;
    f->ev = ev;
    f->why = arena_printf(x->a,
                          "every local user with console access (%zu) has only profiles under "
                          "which the ssh and telnet commands are denied",
                          users);
    return true;
}
