/*
 * extract_fortios_policy.c - FortiOS prefix lists and route-maps, read into
 * the shared store of extract_plist.c, and the inbound filters a BGP
 * neighbour binds per family, for what they do (RTG-BGP-BOGONS).
 *
 * "config router prefix-list" / "prefix-list6": each "edit NAME" holds
 * "config rule" entries with "set action permit|deny" (permit when unset),
 * "set prefix A.B.C.D M.M.M.M" or "P/LEN" ("set prefix6 X::/LEN"), "set ge"
 * and "set le"; the rules are tried from the top and a route none matches
 * is denied (FortiOS 6.0 CLI reference, router prefix-list:
 * https://docs.fortinet.com/document/fortigate/6.0.0/cli-reference/498606).
 * A list whose rule IDs do not rise down the list is not judged, so the
 * top-down order and the ID order agree wherever one is.
 * "config router route-map": rules in ascending rule ID, action permit when
 * unset, the match-* settings of a rule must all hold (FortiOS 7.6
 * administration guide, route maps:
 * https://docs.fortinet.com/document/fortigate/7.6.6/administration-guide/535228),
 * and the default rule applied last denies every route (FortiOS 5.2 CLI
 * reference, router route-map). match-ip-address names an access list or
 * a prefix list; an access list is not read, so such a rule is maybe.
 * A neighbour binds route-map-in / prefix-list-in / distribute-list-in for
 * IPv4 routes and the same names ending in 6 for IPv6 (config router bgp,
 * config neighbor).
 */
#include "model/extract_rtg.h"

#include <string.h>

static bool factive(const struct cfg_node *n)
{
    return !(n->flags & CFG_INACTIVE);
}

/* The "config rule" block of an edit entry, or NULL. */
static const struct cfg_node *rules_of(const struct cfg_node *e)
{
    for (const struct cfg_node *c = e->child; c; c = c->next)
        if (factive(c) && model_tok_is(c, 0, "config") && model_tok_is(c, 1, "rule"))
            return c;
    return NULL;
}

/* ------------------------------------------------------------ prefix lists */

struct fp_rule {
    bool permit, bad, has_prefix;
    long ge, le;
    struct prefix_range r;
};

static void fp_prefix(struct fp_rule *f, const struct cfg_node *s, uint8_t fam)
{
    struct sv a = sv_unquote(model_tok(s, 2)), m = sv_unquote(model_tok(s, 3));
    bool ok = m.n ? ip_prefix_from_mask(a, m, false, &f->r.p)
                  : ip_prefix_parse(a, &f->r.p) && memchr(a.p, '/', a.n);
    f->has_prefix = true;
    f->bad |= !ok || f->r.p.af != fam; /* "any" and the like: not read */
}

/* One rule's settings; false when it cannot be read. */
static bool fp_rule(const struct cfg_node *e, uint8_t fam, struct fp_rule *f)
{
    memset(f, 0, sizeof(*f));
    f->permit = true;
    f->ge = f->le = -1;
    for (const struct cfg_node *s = e->child; s; s = s->next) {
        if (!factive(s) || !model_tok_is(s, 0, "set"))
            continue;
        struct sv w = model_tok(s, 1);
        if (sv_eq_cstr(w, "action"))
            f->permit = !model_tok_is(s, 2, "deny");
        else if (sv_eq_cstr(w, fam == 4 ? "prefix" : "prefix6"))
            fp_prefix(f, s, fam);
        else if (sv_eq_cstr(w, "ge"))
            f->ge = model_sv_long(model_tok(s, 2), -1);
        else if (sv_eq_cstr(w, "le"))
            f->le = model_sv_long(model_tok(s, 2), -1);
    }
    long max = fam == 4 ? 32 : 128, len = f->r.p.len;
    if (f->ge == 0 && len > 0) /* below the prefix length: a 0 that stands for unset */
        f->ge = -1;
    if (f->le == 0 && len > 0)
        f->le = -1;
    if (f->ge == 0 && f->le < 0)
        return false; /* "ge 0" on a /0 alone: unset or all lengths, not told apart */
    if (f->bad || !f->has_prefix || (f->ge >= 0 && (f->ge < len || f->ge > max)) ||
        (f->le >= 0 && (f->le < len || f->le > max)) || (f->ge >= 0 && f->le >= 0 && f->ge > f->le))
        return false;
    f->r.ge = (uint8_t)(f->ge < 0 ? 0 : f->ge);
    f->r.le = (uint8_t)(f->le < 0 ? (f->ge >= 0 ? max : 0) : f->le);
    return true;
}

static void fp_list(struct plx *p, const struct cfg_node *e, uint8_t fam)
{
    struct sv name = sv_unquote(model_tok(e, 1));
    const struct cfg_node *rules = rules_of(e);
    long last = -1;
    for (const struct cfg_node *r = rules ? rules->child : NULL; r; r = r->next) {
        if (!factive(r) || !model_tok_is(r, 0, "edit"))
            continue;
        long id = model_sv_long(model_tok(r, 1), -1);
        struct fp_rule f;
        bool ok = fp_rule(r, fam, &f) && id > last;
        last = id > last ? id : last;
        plx_entry(p, name, fam, id, f.permit, ok ? &f.r : NULL, r);
    }
}

/* ------------------------------------------------------------ route-maps */

static void fp_map_rule(struct plx *p, struct sv map, const struct cfg_node *r)
{
    bool permit = true;
    for (const struct cfg_node *s = r->child; s; s = s->next)
        if (factive(s) && model_tok_is(s, 0, "set") && model_tok_is(s, 1, "action"))
            permit = !model_tok_is(s, 2, "deny");
    struct plx_clause *c = plx_clause(p, map, model_sv_long(model_tok(r, 1), 0), permit, r);
    for (const struct cfg_node *s = r->child; s; s = s->next) {
        struct sv w = model_tok(s, 1);
        if (!factive(s) || !model_tok_is(s, 0, "set") || !sv_starts_with(w, "match-"))
            continue;
        if (sv_eq_cstr(w, "match-ip-address"))
            plx_match_list(c, sv_unquote(model_tok(s, 2)), 4);
        else if (sv_eq_cstr(w, "match-ip6-address"))
            plx_match_list(c, sv_unquote(model_tok(s, 2)), 6);
        else
            plx_match_other(c); /* community, AS path, next hop, ...: not decided */
    }
}

static void fp_route_map(struct plx *p, const struct cfg_node *e)
{
    const struct cfg_node *rules = rules_of(e);
    for (const struct cfg_node *r = rules ? rules->child : NULL; r; r = r->next)
        if (factive(r) && model_tok_is(r, 0, "edit"))
            fp_map_rule(p, sv_unquote(model_tok(e, 1)), r);
}

bool fpol_block(struct plx *p, const struct cfg_node *n, struct sv what)
{
    bool pl4 = sv_eq_cstr(what, "router prefix-list"),
         pl6 = sv_eq_cstr(what, "router prefix-list6");
    bool acl = sv_eq_cstr(what, "router access-list") || sv_eq_cstr(what, "router access-list6");
    bool rm = sv_eq_cstr(what, "router route-map");
    if (!pl4 && !pl6 && !acl && !rm)
        return false;
    for (const struct cfg_node *e = n->child; e; e = e->next) {
        if (!factive(e) || !model_tok_is(e, 0, "edit"))
            continue;
        if (acl)
            plx_other_list(p, sv_unquote(model_tok(e, 1)));
        else if (rm)
            fp_route_map(p, e);
        else
            fp_list(p, e, pl4 ? 4 : 6);
    }
    return true;
}

/* ------------------------------------------------------------ neighbours */

static const char *const bind_keys[2][3] = {
    {"route-map-in", "prefix-list-in", "distribute-list-in"},
    {"route-map-in6", "prefix-list-in6", "distribute-list-in6"},
};

const struct cfg_node *fpol_bind(const struct cfg_node *e, struct plx_bind *b)
{
    const struct cfg_node *first = NULL;
    memset(b, 0, sizeof(*b));
    for (const struct cfg_node *s = e->child; s; s = s->next) {
        if (!factive(s) || !model_tok_is(s, 0, "set"))
            continue;
        for (int f = 0; f < 2; f++)
            for (int k = 0; k < 3; k++) {
                if (!model_tok_is(s, 1, bind_keys[f][k]))
                    continue;
                struct sv v = sv_unquote(model_tok(s, 2));
                if (k == 0)
                    b->map[f] = v;
                else if (k == 1)
                    b->list[f] = v;
                else
                    b->unknown[f] = true; /* an access list: not read */
                if (!first || (f == 0 && k == 0))
                    first = s;
            }
    }
    b->node = first;
    return first;
}
