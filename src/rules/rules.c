/*
 * rules.c - the YAML rule language: loading and validating rules, and
 * evaluating their conditions over a device's config tree.
 *
 * Every condition evaluates to one of four outcomes: true, false, not
 * applicable (nothing it talks about is configured) or needs context (the
 * profile lacks a field it compares against). all/any/none combine them; the
 * rule's verdict is the outcome of its condition. Each false outcome carries
 * the statements that made it false, which become the evidence lines.
 */
#include "rules/rules.h"

#include "core/ydoc.h"

#include <dirent.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define RULES_MAX_PER_FILE 10000
#define RULES_MAX_DEPTH 32 /* nesting of all/any/none */
#define RULES_MAX_EVIDENCE 20

enum rcond_kind {
    RC_ALL,
    RC_ANY,
    RC_NONE,
    RC_EXISTS,
    RC_ABSENT,
    RC_EVERY,
    RC_COUNT,
    RC_VALUE,
    RC_IN_RANGES
};

enum cmp_op { OP_LT, OP_LE, OP_EQ, OP_NE, OP_GE, OP_GT };
static const char *const op_names[] = {"lt", "le", "eq", "ne", "ge", "gt"};
static const char *const op_symbols[] = {"<", "<=", "==", "!=", ">=", ">"};

/* Which statements a condition looks at. */
struct rselect {
    struct cfg_regex *match; /* statement text */
    const char *match_src;
    const char *path;         /* hierarchical path instead of (or before) match */
    struct cfg_regex *within; /* an ancestor must match */
    const char *within_src;
    bool top; /* top-level statements only */
};

struct rcond {
    enum rcond_kind kind;
    struct rselect sel;
    struct rcond **subs; /* all/any/none */
    size_t nsubs;
    struct cfg_regex *require; /* every: a child must match */
    const char *require_src;
    struct cfg_regex *children; /* every: all children must match */
    const char *children_src;
    enum cmp_op op;
    long number;               /* count/value: literal to compare with */
    const char *profile_field; /* value: profile number; in_ranges: profile list */
    bool outside;              /* in_ranges: values must lie OUTSIDE the ranges */
    int capture;               /* capture group for value/in_ranges */
};

struct rule {
    struct check_def def; /* first, so the registry's pointer is the rule */
    struct rcond *cond;
    struct rcond *applies_if;
    unsigned dialects; /* bit per enum dialect; 0 = every dialect */
    const char **measures;
    const char *remediation_text;
};

enum outcome { OUT_TRUE, OUT_FALSE, OUT_NA, OUT_CONTEXT };

/* ------------------------------------------------------------- evaluation */

struct eval {
    const struct check_ctx *ctx;
    struct check_result *r;
    const char *why;     /* first reason for a false outcome */
    const char *context; /* missing profile field */
    size_t nevidence;
};

static void add_evidence(struct eval *e, const struct cfg_node *n)
{
    if (e->nevidence >= RULES_MAX_EVIDENCE)
        return;
    for (uint32_t i = 0; i < e->r->nevidence; i++)
        if (e->r->evidence[i].line == n->line)
            return;
    check_evidence_node(e->ctx, e->r, n);
    e->nevidence++;
}

static void add_evidence_all(struct eval *e, struct cfg_node **nodes, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add_evidence(e, nodes[i]);
}

static bool has_ancestor(const struct cfg_node *n, const struct cfg_regex *re)
{
    for (const struct cfg_node *p = n->parent; p; p = p->parent)
        if (cfg_regex_match(re, cfg_text(p), NULL, 0))
            return true;
    return false;
}

/* The statements a selector picks, in file order. */
static struct cfg_node **select_nodes(const struct eval *e, const struct rselect *s, size_t *n)
{
    const struct cfg_tree *t = e->ctx->tree;
    struct arena *a = e->ctx->arena;
    struct cfg_node **base;
    size_t nbase;
    if (s->path) {
        base = cfg_path_all(t, NULL, s->path, &nbase);
        if (s->match) {
            /* path then match: statements below the path's nodes */
            struct cfg_node **acc = NULL;
            size_t nacc = 0, cap = 0;
            for (size_t i = 0; i < nbase; i++) {
                size_t k;
                struct cfg_node **sub = cfg_find(t, base[i], s->match, CFG_Q_ANY_DEPTH, &k);
                for (size_t j = 0; j < k; j++) {
                    if (nacc == cap) {
                        size_t nc = cap ? cap * 2 : 16;
                        acc = arena_grow(a, acc, nacc, nc, sizeof(*acc));
                        cap = nc;
                    }
                    acc[nacc++] = sub[j];
                }
            }
            base = acc;
            nbase = nacc;
        }
    } else {
        base = cfg_find(t, NULL, s->match, s->top ? 0 : CFG_Q_ANY_DEPTH, &nbase);
    }
    if (!s->within) {
        *n = nbase;
        return base;
    }
    size_t k = 0;
    for (size_t i = 0; i < nbase; i++)
        if (has_ancestor(base[i], s->within))
            base[k++] = base[i];
    *n = k;
    return base;
}

static const char *describe_select(struct arena *a, const struct rselect *s)
{
    if (s->path && s->match)
        return arena_printf(a, "'%s' below path '%s'", s->match_src, s->path);
    if (s->path)
        return arena_printf(a, "path '%s'", s->path);
    if (s->within)
        return arena_printf(a, "'%s' within '%s'", s->match_src, s->within_src);
    return arena_printf(a, "'%s'", s->match_src);
}

static bool compare(long a, enum cmp_op op, long b)
{
    switch (op) {
    case OP_LT:
        return a < b;
    case OP_LE:
        return a <= b;
    case OP_EQ:
        return a == b;
    case OP_NE:
        return a != b;
    case OP_GE:
        return a >= b;
    case OP_GT:
        return a > b;
    }
    return false;
}

static void set_why(struct eval *e, const char *why)
{
    if (!e->why)
        e->why = why;
}

/* A profile number by field name; false when the profile lacks it. */
static bool profile_number(const struct profile *p, const char *field, long *out)
{
    if (!strcmp(field, "policy.idle_timeout_minutes") && p->has_idle_timeout) {
        *out = p->idle_timeout_minutes;
        return true;
    }
    if (!strcmp(field, "provider.tier") && p->tier) {
        *out = p->tier;
        return true;
    }
    return false;
}

static const struct prefix_set *profile_prefixes(const struct profile *p, const char *field)
{
    static const struct {
        const char *name;
        size_t off;
    } map[] = {
        {"networks.paw", offsetof(struct profile, paw)},
        {"networks.management", offsetof(struct profile, management)},
        {"networks.corporate", offsetof(struct profile, corporate)},
        {"approved.ntp", offsetof(struct profile, ntp)},
        {"approved.syslog", offsetof(struct profile, syslog)},
        {"approved.aaa", offsetof(struct profile, aaa)},
        {"approved.snmp_managers", offsetof(struct profile, snmp_managers)},
        {"approved.tunnels", offsetof(struct profile, tunnels)},
        {"own.prefixes", offsetof(struct profile, own_prefixes)},
    };
    for (size_t i = 0; i < ARRAY_SIZE(map); i++)
        if (!strcmp(field, map[i].name)) {
            const struct prefix_set *s = (const struct prefix_set *)((const char *)p + map[i].off);
            return s->present ? s : NULL;
        }
    return NULL;
}

/* Is field an address list the profile format has (whatever this profile holds)? */
static bool prefix_field_known(const char *field)
{
    static const char *const names[] = {
        "networks.paw",           "networks.management", "networks.corporate",
        "approved.ntp",           "approved.syslog",     "approved.aaa",
        "approved.snmp_managers", "approved.tunnels",    "own.prefixes"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (!strcmp(field, names[i]))
            return true;
    return false;
}

static enum outcome eval_cond(struct eval *e, const struct rcond *c);

static enum outcome eval_combine(struct eval *e, const struct rcond *c)
{
    size_t count[OUT_CONTEXT + 1] = {0};
    for (size_t i = 0; i < c->nsubs; i++)
        count[eval_cond(e, c->subs[i])]++;
    size_t ntrue = count[OUT_TRUE], nfalse = count[OUT_FALSE], nctx = count[OUT_CONTEXT];
    switch (c->kind) {
    case RC_ALL:
        if (nfalse)
            return OUT_FALSE;
        if (nctx)
            return OUT_CONTEXT;
        return ntrue ? OUT_TRUE : OUT_NA;
    case RC_ANY:
        if (ntrue)
            return OUT_TRUE;
        if (nctx)
            return OUT_CONTEXT;
        return nfalse ? OUT_FALSE : OUT_NA;
    case RC_NONE:
        if (ntrue) {
            set_why(e, "a condition listed under 'none' holds");
            return OUT_FALSE;
        }
        if (nctx)
            return OUT_CONTEXT;
        return nfalse ? OUT_TRUE : OUT_NA;
    default:
        BUG("not a combination");
    }
}

/* Records a missing profile field (the first one) and says so. */
static enum outcome needs_context(struct eval *e, const char *field)
{
    if (!e->context)
        e->context = field;
    return OUT_CONTEXT;
}

static enum outcome eval_exists(struct eval *e, const struct rcond *c)
{
    struct arena *a = e->ctx->arena;
    size_t n;
    select_nodes(e, &c->sel, &n);
    if (n)
        return OUT_TRUE;
    set_why(e, arena_printf(a, "no statement matches %s", describe_select(a, &c->sel)));
    return OUT_FALSE;
}

static enum outcome eval_absent(struct eval *e, const struct rcond *c)
{
    struct arena *a = e->ctx->arena;
    size_t n;
    struct cfg_node **nodes = select_nodes(e, &c->sel, &n);
    if (!n)
        return OUT_TRUE;
    add_evidence_all(e, nodes, n);
    set_why(e, arena_printf(a, "%zu statement%s match%s %s, which must be absent", n,
                            n == 1 ? "" : "s", n == 1 ? "es" : "", describe_select(a, &c->sel)));
    return OUT_FALSE;
}

/* every: does statement n have an active child matching 'require' and
 * only (active) children matching 'children'? Offending children are
 * evidence. */
static bool every_holds(struct eval *e, const struct rcond *c, const struct cfg_node *n)
{
    bool ok = true;
    if (c->require) {
        ok = false;
        for (const struct cfg_node *ch = n->child; ch && !ok; ch = ch->next)
            ok = !(ch->flags & CFG_INACTIVE) && cfg_regex_match(c->require, cfg_text(ch), NULL, 0);
    }
    if (!c->children)
        return ok;
    for (const struct cfg_node *ch = n->child; ch; ch = ch->next) {
        if (ch->flags & CFG_INACTIVE)
            continue;
        if (!cfg_regex_match(c->children, cfg_text(ch), NULL, 0)) {
            ok = false;
            add_evidence(e, ch);
        }
    }
    return ok;
}

static enum outcome eval_every(struct eval *e, const struct rcond *c)
{
    struct arena *a = e->ctx->arena;
    size_t n;
    struct cfg_node **nodes = select_nodes(e, &c->sel, &n);
    if (!n)
        return OUT_NA;
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        if (!every_holds(e, c, nodes[i])) {
            bad++;
            add_evidence(e, nodes[i]);
        }
    }
    if (!bad)
        return OUT_TRUE;
    if (c->require)
        set_why(e, arena_printf(a, "%zu of %zu statements matching %s lack a child matching '%s'",
                                bad, n, describe_select(a, &c->sel), c->require_src));
    else
        set_why(e,
                arena_printf(a, "%zu of %zu statements matching %s have children not matching '%s'",
                             bad, n, describe_select(a, &c->sel), c->children_src));
    return OUT_FALSE;
}

static enum outcome eval_count(struct eval *e, const struct rcond *c)
{
    struct arena *a = e->ctx->arena;
    size_t n;
    struct cfg_node **nodes = select_nodes(e, &c->sel, &n);
    if (compare((long)n, c->op, c->number))
        return OUT_TRUE;
    add_evidence_all(e, nodes, n);
    set_why(e, arena_printf(a, "%zu statements match %s; expected %s %ld", n,
                            describe_select(a, &c->sel), op_symbols[c->op], c->number));
    return OUT_FALSE;
}

/* Why a value condition is false: bad values against the limit. */
static const char *value_why(struct arena *a, const struct rcond *c, size_t bad, long limit)
{
    const char *pf = c->profile_field;
    return arena_printf(a, "%zu value%s captured from %s %s not %s %ld%s%s%s", bad,
                        bad == 1 ? "" : "s", describe_select(a, &c->sel), bad == 1 ? "is" : "are",
                        op_symbols[c->op], limit, pf ? " (" : "", pf ? pf : "", pf ? ")" : "");
}

static enum outcome eval_value(struct eval *e, const struct rcond *c)
{
    struct arena *a = e->ctx->arena;
    long limit = c->number;
    if (c->profile_field && !profile_number(e->ctx->profile, c->profile_field, &limit))
        return needs_context(e, c->profile_field);
    size_t n;
    struct cfg_node **nodes = select_nodes(e, &c->sel, &n);
    if (!n)
        return OUT_NA;
    size_t bad = 0, seen = 0;
    for (size_t i = 0; i < n; i++) {
        struct sv caps[10];
        if (!cfg_regex_match(c->sel.match, cfg_text(nodes[i]), caps, ARRAY_SIZE(caps)))
            continue;
        long v;
        struct sv cap = caps[c->capture];
        seen++;
        if (!cap.p || !sv_to_long(cap, &v) || !compare(v, c->op, limit)) {
            bad++;
            add_evidence(e, nodes[i]);
        }
    }
    if (!seen)
        return OUT_NA;
    if (!bad)
        return OUT_TRUE;
    set_why(e, value_why(a, c, bad, limit));
    return OUT_FALSE;
}

/* in_ranges: the address statement n captures, -1 when it captures none
 * (or not an address), else whether it offends (outside the ranges, or
 * with 'outside' inside or overlapping them). */
static int range_offends(const struct rcond *c, const struct prefix_set *set,
                         const struct cfg_node *n)
{
    struct sv caps[10];
    if (!cfg_regex_match(c->sel.match, cfg_text(n), caps, ARRAY_SIZE(caps)))
        return -1;
    struct sv cap = caps[c->capture];
    if (!cap.p)
        return -1;
    struct ip_prefix p;
    if (sv_eq_cstr(cap, "any") || sv_eq_cstr(cap, "all"))
        ip_prefix_parse(SV_LIT("0.0.0.0/0"), &p);
    else if (!ip_prefix_parse(cap, &p))
        return -1;
    bool inside = false, overlap = false;
    for (size_t k = 0; k < set->n; k++) {
        inside |= ip_prefix_contains(&set->v[k], &p);
        overlap |= ip_prefix_overlaps(&set->v[k], &p);
    }
    return c->outside ? overlap : !inside;
}

static enum outcome eval_in_ranges(struct eval *e, const struct rcond *c)
{
    struct arena *a = e->ctx->arena;
    const struct prefix_set *set = profile_prefixes(e->ctx->profile, c->profile_field);
    if (!set)
        return needs_context(e, c->profile_field);
    size_t n;
    struct cfg_node **nodes = select_nodes(e, &c->sel, &n);
    if (!n)
        return OUT_NA;
    size_t bad = 0, seen = 0;
    for (size_t i = 0; i < n; i++) {
        int offends = range_offends(c, set, nodes[i]);
        if (offends < 0)
            continue;
        seen++;
        if (offends) {
            bad++;
            add_evidence(e, nodes[i]);
        }
    }
    if (!seen)
        return OUT_NA;
    if (!bad)
        return OUT_TRUE;
    set_why(e, arena_printf(a, "%zu address%s captured from %s %s %s %s", bad, bad == 1 ? "" : "es",
                            describe_select(a, &c->sel), bad == 1 ? "is" : "are",
                            c->outside ? "inside or overlapping" : "outside", c->profile_field));
    return OUT_FALSE;
}

static void rule_eval(const struct check_ctx *ctx, struct check_result *r)
{
    const struct rule *rule = (const struct rule *)r->check;
    if (rule->dialects && !(rule->dialects & (1u << ctx->tree->dialect))) {
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "the rule does not cover %s",
                  dialect_name(ctx->tree->dialect));
        return;
    }
    struct eval e = {.ctx = ctx, .r = r};
    if (rule->applies_if) {
        struct eval pre = {.ctx = ctx, .r = r, .nevidence = RULES_MAX_EVIDENCE};
        enum outcome o = eval_cond(&pre, rule->applies_if);
        if (o == OUT_CONTEXT) {
            check_set(ctx, r, VERDICT_NEEDS_CONTEXT, "needs %s in the profile", pre.context);
            return;
        }
        if (o != OUT_TRUE) {
            check_set(ctx, r, VERDICT_NOT_APPLICABLE, "the rule's applies_if does not hold");
            return;
        }
    }
    switch (eval_cond(&e, rule->cond)) {
    case OUT_TRUE:
        check_set(ctx, r, VERDICT_PASS, "the rule's condition holds");
        break;
    case OUT_FALSE:
        check_set(ctx, r, VERDICT_FAIL, "%s", e.why ? e.why : "the rule's condition does not hold");
        r->remediation = rule->remediation_text;
        break;
    case OUT_NA:
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "nothing the rule examines is configured");
        break;
    case OUT_CONTEXT:
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT, "needs %s in the profile", e.context);
        break;
    }
}

/* ---------------------------------------------------------------- loading */

struct loader {
    struct ydoc *d;
    struct arena *a;
    const char *file;
    char context[256]; /* profile fields the rule being loaded reads */
};

static void note_context(struct loader *l, const char *field)
{
    if (strstr(l->context, field))
        return;
    size_t n = strlen(l->context);
    snprintf(l->context + n, sizeof(l->context) - n, "%s%s", n ? ", " : "", field);
}

static void free_regex(void *re)
{
    cfg_regex_free(re);
}

static struct cfg_regex *compile(struct loader *l, const yaml_node_t *n, const char *field,
                                 const char **src)
{
    const char *s = ydoc_str(l->d, n, field);
    if (!s)
        return NULL;
    char err[256];
    struct cfg_regex *re = cfg_regex_compile(s, err, sizeof(err));
    if (!re) {
        ydoc_diag(l->d, DIAG_ERROR, n, field, "bad regular expression: %s", err);
        return NULL;
    }
    arena_on_free(l->a, free_regex, re);
    if (src)
        *src = s;
    return re;
}

static bool parse_select(struct loader *l, const yaml_node_t *n, const char *field,
                         struct rselect *s, bool need_match)
{
    char sub[300];
    if (!n || n->type != YAML_MAPPING_NODE) {
        ydoc_diag(l->d, DIAG_ERROR, n, field, "expected a mapping with 'match' or 'path'");
        return false;
    }
    yaml_node_t *m = ydoc_get(l->d, n, "match"), *p = ydoc_get(l->d, n, "path"),
                *w = ydoc_get(l->d, n, "within"), *t = ydoc_get(l->d, n, "top");
    bool ok = true;
    if (m) {
        snprintf(sub, sizeof(sub), "%s.match", field);
        s->match = compile(l, m, sub, &s->match_src);
        ok &= s->match != NULL;
    }
    if (p) {
        snprintf(sub, sizeof(sub), "%s.path", field);
        s->path = ydoc_str(l->d, p, sub);
        ok &= s->path != NULL;
    }
    if (w) {
        snprintf(sub, sizeof(sub), "%s.within", field);
        s->within = compile(l, w, sub, &s->within_src);
        ok &= s->within != NULL;
    }
    if (t) {
        snprintf(sub, sizeof(sub), "%s.top", field);
        ok &= ydoc_bool(l->d, t, sub, &s->top);
    }
    if (ok && !m && !p) {
        ydoc_diag(l->d, DIAG_ERROR, n, field, "needs 'match' (a regex) or 'path'");
        return false;
    }
    if (ok && need_match && !m) {
        ydoc_diag(l->d, DIAG_ERROR, n, field, "needs 'match' with a capture group");
        return false;
    }
    return ok;
}

static bool parse_op(struct loader *l, const yaml_node_t *map, const char *field, struct rcond *c)
{
    char sub[300];
    for (size_t i = 0; i < ARRAY_SIZE(op_names); i++) {
        yaml_node_t *v = ydoc_get(l->d, map, op_names[i]);
        if (!v)
            continue;
        c->op = (enum cmp_op)i;
        snprintf(sub, sizeof(sub), "%s.%s", field, op_names[i]);
        if (v->type == YAML_SCALAR_NODE &&
            !strncmp((const char *)v->data.scalar.value, "profile.", 8)) {
            c->profile_field = arena_strndup(l->a, (const char *)v->data.scalar.value + 8,
                                             v->data.scalar.length - 8);
            long dummy;
            struct profile probe;
            profile_init_empty(&probe);
            probe.has_idle_timeout = true;
            probe.tier = 1;
            if (!profile_number(&probe, c->profile_field, &dummy)) {
                ydoc_diag(l->d, DIAG_ERROR, v, sub,
                          "unknown profile number '%s' (known: policy.idle_timeout_minutes, "
                          "provider.tier)",
                          c->profile_field);
                return false;
            }
            note_context(l, c->profile_field);
            return true;
        }
        return ydoc_long(l->d, v, sub, -1000000000L, 1000000000L, &c->number);
    }
    ydoc_diag(l->d, DIAG_ERROR, map, field,
              "needs a comparison: one of lt, le, eq, ne, ge, gt (a number or profile.FIELD)");
    return false;
}

static struct rcond *parse_cond(struct loader *l, const yaml_node_t *n, const char *field,
                                int depth);

/* all, any, none: a non-empty list of conditions, each parsed (and each
 * error reported) even after one fails. */
static bool parse_combination(struct loader *l, struct rcond *c, const yaml_node_t *v,
                              const char *sub, int depth)
{
    if (!v || v->type != YAML_SEQUENCE_NODE ||
        v->data.sequence.items.top == v->data.sequence.items.start) {
        ydoc_diag(l->d, DIAG_ERROR, v, sub, "expected a non-empty list of conditions");
        return false;
    }
    size_t cnt = (size_t)(v->data.sequence.items.top - v->data.sequence.items.start);
    c->subs = arena_alloc(l->a, cnt * sizeof(*c->subs));
    bool ok = true;
    for (size_t i = 0; i < cnt; i++) {
        char item[320];
        snprintf(item, sizeof(item), "%s[%zu]", sub, i);
        struct rcond *s =
            parse_cond(l, ydoc_node(l->d, v->data.sequence.items.start[i]), item, depth + 1);
        if (!s)
            ok = false;
        else
            c->subs[c->nsubs++] = s;
    }
    return ok;
}

/* exists, absent: a selector alone. */
static bool parse_presence(struct loader *l, struct rcond *c, const yaml_node_t *v, const char *sub,
                           int depth)
{
    (void)depth;
    return parse_select(l, v, sub, &c->sel, false);
}

static bool parse_every(struct loader *l, struct rcond *c, const yaml_node_t *v, const char *sub,
                        int depth)
{
    (void)depth;
    if (!parse_select(l, v, sub, &c->sel, false))
        return false;
    yaml_node_t *req = ydoc_get(l->d, v, "require"), *ch = ydoc_get(l->d, v, "children");
    char f2[320];
    if (req) {
        snprintf(f2, sizeof(f2), "%s.require", sub);
        if (!(c->require = compile(l, req, f2, &c->require_src)))
            return false;
    }
    if (ch) {
        snprintf(f2, sizeof(f2), "%s.children", sub);
        if (!(c->children = compile(l, ch, f2, &c->children_src)))
            return false;
    }
    if (!req && !ch) {
        ydoc_diag(l->d, DIAG_ERROR, v, sub, "needs 'require' or 'children' (a regex)");
        return false;
    }
    return true;
}

static bool parse_count(struct loader *l, struct rcond *c, const yaml_node_t *v, const char *sub,
                        int depth)
{
    (void)depth;
    if (!parse_select(l, v, sub, &c->sel, false) || !parse_op(l, v, sub, c))
        return false;
    if (c->profile_field) {
        ydoc_diag(l->d, DIAG_ERROR, v, sub, "count compares with a number, not a profile field");
        return false;
    }
    return true;
}

/* value, in_ranges: a selector with a capture group, and which group. */
static bool parse_capture(struct loader *l, struct rcond *c, const yaml_node_t *v, const char *sub)
{
    if (!parse_select(l, v, sub, &c->sel, true))
        return false;
    long cap = 1;
    yaml_node_t *capn = ydoc_get(l->d, v, "capture");
    char f2[320];
    snprintf(f2, sizeof(f2), "%s.capture", sub);
    if (capn && !ydoc_long(l->d, capn, f2, 0, 9, &cap))
        return false;
    c->capture = (int)cap;
    return true;
}

static bool parse_value(struct loader *l, struct rcond *c, const yaml_node_t *v, const char *sub,
                        int depth)
{
    (void)depth;
    return parse_capture(l, c, v, sub) && parse_op(l, v, sub, c);
}

static bool parse_in_ranges(struct loader *l, struct rcond *c, const yaml_node_t *v,
                            const char *sub, int depth)
{
    (void)depth;
    if (!parse_capture(l, c, v, sub))
        return false;
    yaml_node_t *pf = ydoc_get(l->d, v, "profile"), *out = ydoc_get(l->d, v, "outside");
    char f2[320];
    snprintf(f2, sizeof(f2), "%s.profile", sub);
    if (!pf) {
        ydoc_diag(l->d, DIAG_ERROR, v, sub, "needs 'profile' (e.g. networks.paw)");
        return false;
    }
    if (!(c->profile_field = ydoc_str(l->d, pf, f2)))
        return false;
    if (!prefix_field_known(c->profile_field)) {
        ydoc_diag(l->d, DIAG_ERROR, pf, f2, "unknown profile address list '%s'", c->profile_field);
        return false;
    }
    note_context(l, c->profile_field);
    snprintf(f2, sizeof(f2), "%s.outside", sub);
    if (out && !ydoc_bool(l->d, out, f2, &c->outside))
        return false;
    return true;
}

/*
 * The condition kinds, one row each (in enum rcond_kind order): the YAML
 * key, the keys its mapping may hold (NULL: a list, not a mapping), how it
 * is read and how it is evaluated.
 */
#define SELECT_KEYS "match", "path", "within", "top"
#define OP_KEYS "lt", "le", "eq", "ne", "ge", "gt"
static const char *const presence_keys[] = {SELECT_KEYS, NULL};
static const char *const every_keys[] = {SELECT_KEYS, "require", "children", NULL};
static const char *const count_keys[] = {SELECT_KEYS, OP_KEYS, NULL};
static const char *const value_keys[] = {SELECT_KEYS, "capture", OP_KEYS, NULL};
static const char *const range_keys[] = {SELECT_KEYS, "capture", "profile", "outside", NULL};
#undef SELECT_KEYS
#undef OP_KEYS

static const struct rcond_type {
    const char *name;
    const char *const *keys;
    bool (*parse)(struct loader *l, struct rcond *c, const yaml_node_t *v, const char *sub,
                  int depth);
    enum outcome (*eval)(struct eval *e, const struct rcond *c);
} rcond_types[] = {
    [RC_ALL] = {"all", NULL, parse_combination, eval_combine},
    [RC_ANY] = {"any", NULL, parse_combination, eval_combine},
    [RC_NONE] = {"none", NULL, parse_combination, eval_combine},
    [RC_EXISTS] = {"exists", presence_keys, parse_presence, eval_exists},
    [RC_ABSENT] = {"absent", presence_keys, parse_presence, eval_absent},
    [RC_EVERY] = {"every", every_keys, parse_every, eval_every},
    [RC_COUNT] = {"count", count_keys, parse_count, eval_count},
    [RC_VALUE] = {"value", value_keys, parse_value, eval_value},
    [RC_IN_RANGES] = {"in_ranges", range_keys, parse_in_ranges, eval_in_ranges},
};

static enum outcome eval_cond(struct eval *e, const struct rcond *c)
{
    if ((size_t)c->kind >= ARRAY_SIZE(rcond_types))
        BUG("unknown condition kind %d", (int)c->kind);
    return rcond_types[c->kind].eval(e, c);
}

static struct rcond *parse_cond(struct loader *l, const yaml_node_t *n, const char *field,
                                int depth)
{
    if (depth > RULES_MAX_DEPTH) {
        ydoc_diag(l->d, DIAG_ERROR, n, field, "conditions nested deeper than %d", RULES_MAX_DEPTH);
        return NULL;
    }
    if (!n || n->type != YAML_MAPPING_NODE ||
        n->data.mapping.pairs.top - n->data.mapping.pairs.start != 1) {
        ydoc_diag(l->d, DIAG_ERROR, n, field,
                  "expected a mapping with exactly one of all, any, none, exists, absent, every, "
                  "count, value, in_ranges");
        return NULL;
    }
    yaml_node_pair_t *pair = n->data.mapping.pairs.start;
    yaml_node_t *k = ydoc_node(l->d, pair->key), *v = ydoc_node(l->d, pair->value);
    const char *key = k && k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : "";
    struct rcond *c = arena_alloc(l->a, sizeof(*c));
    size_t kind;
    for (kind = 0; kind < ARRAY_SIZE(rcond_types); kind++)
        if (!strcmp(key, rcond_types[kind].name))
            break;
    if (kind == ARRAY_SIZE(rcond_types)) {
        ydoc_diag(l->d, DIAG_ERROR, k, field, "unknown condition '%s'", key);
        return NULL;
    }
    const struct rcond_type *t = &rcond_types[kind];
    c->kind = (enum rcond_kind)kind;
    char sub[300];
    snprintf(sub, sizeof(sub), "%s.%s", field, key);
    if (t->keys)
        ydoc_check_keys(l->d, v, sub, t->keys);
    return t->parse(l, c, v, sub, depth) ? c : NULL;
}

static bool valid_rule_id(const char *id)
{
    size_t n = strlen(id);
    if (n < 2 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        char ch = id[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
              ch == '.' || (ch >= 'a' && ch <= 'z')))
            return false;
    }
    return true;
}

static struct rule *parse_rule(struct loader *l, const yaml_node_t *n, const char *field)
{
    static const char *const keys[] = {"id",        "title",      "severity",  "category",
                                       "dialects",  "measures",   "rationale", "remediation",
                                       "condition", "applies_if", NULL};
    if (!n || n->type != YAML_MAPPING_NODE) {
        ydoc_diag(l->d, DIAG_ERROR, n, field, "expected a mapping (a rule)");
        return NULL;
    }
    ydoc_check_keys(l->d, n, field, keys);
    struct rule *r = arena_alloc(l->a, sizeof(*r));
    int before = l->d->errors;
    l->context[0] = 0;
    char sub[300];
    const char *id = NULL;
    yaml_node_t *v;

    snprintf(sub, sizeof(sub), "%s.id", field);
    if (!(v = ydoc_get(l->d, n, "id")))
        ydoc_diag(l->d, DIAG_ERROR, n, sub, "missing");
    else if ((id = ydoc_str(l->d, v, sub)) && !valid_rule_id(id))
        ydoc_diag(l->d, DIAG_ERROR, v, sub,
                  "'%s' is not a valid id (2-64 letters, digits, '-', '_', '.')", id);
    r->def.id = id;

    snprintf(sub, sizeof(sub), "%s.title", field);
    if (!(v = ydoc_get(l->d, n, "title")))
        ydoc_diag(l->d, DIAG_ERROR, n, sub, "missing");
    else
        r->def.title = ydoc_str(l->d, v, sub);

    r->def.severity = SEV_MEDIUM;
    snprintf(sub, sizeof(sub), "%s.severity", field);
    if ((v = ydoc_get(l->d, n, "severity"))) {
        const char *s = ydoc_str(l->d, v, sub);
        if (s && !severity_from_name(s, &r->def.severity))
            ydoc_diag(l->d, DIAG_ERROR, v, sub,
                      "'%s' is not one of info, low, medium, high, critical", s);
    }
    snprintf(sub, sizeof(sub), "%s.category", field);
    r->def.category = (v = ydoc_get(l->d, n, "category")) ? ydoc_str(l->d, v, sub) : "User rules";
    snprintf(sub, sizeof(sub), "%s.rationale", field);
    r->def.rationale = (v = ydoc_get(l->d, n, "rationale")) ? ydoc_str(l->d, v, sub) : "";

    snprintf(sub, sizeof(sub), "%s.dialects", field);
    if ((v = ydoc_get(l->d, n, "dialects"))) {
        size_t nd;
        const char **ds = ydoc_str_list(l->d, v, sub, DIALECT_COUNT, &nd);
        for (size_t i = 0; i < nd; i++) {
            enum dialect d;
            if (!dialect_from_name(ds[i], &d))
                ydoc_diag(l->d, DIAG_ERROR, v, sub, "unknown dialect '%s'", ds[i]);
            else
                r->dialects |= 1u << d;
        }
    }
    snprintf(sub, sizeof(sub), "%s.measures", field);
    size_t nm = 0;
    const char **ms = NULL;
    if ((v = ydoc_get(l->d, n, "measures")))
        ms = ydoc_str_list(l->d, v, sub, 64, &nm);
    r->measures = arena_alloc(l->a, (nm + 1) * sizeof(*r->measures));
    for (size_t i = 0; i < nm; i++)
        r->measures[i] = ms[i];
    r->def.measures = r->measures;

    snprintf(sub, sizeof(sub), "%s.remediation", field);
    if ((v = ydoc_get(l->d, n, "remediation"))) {
        if (v->type == YAML_MAPPING_NODE) {
            for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top;
                 p++) {
                yaml_node_t *k = ydoc_node(l->d, p->key);
                const char *dn = ydoc_str(l->d, k, sub);
                enum dialect d;
                if (!dn)
                    continue;
                if (!strcmp(dn, "default"))
                    d = DIALECT_UNKNOWN;
                else if (!dialect_from_name(dn, &d)) {
                    ydoc_diag(l->d, DIAG_ERROR, k, sub, "unknown dialect '%s'", dn);
                    continue;
                }
                r->def.remediation[d] = ydoc_str(l->d, ydoc_node(l->d, p->value), sub);
            }
        } else {
            r->def.remediation[DIALECT_UNKNOWN] = ydoc_str(l->d, v, sub);
        }
        r->remediation_text = r->def.remediation[DIALECT_UNKNOWN];
    }

    snprintf(sub, sizeof(sub), "%s.condition", field);
    if (!(v = ydoc_get(l->d, n, "condition")))
        ydoc_diag(l->d, DIAG_ERROR, n, sub, "missing");
    else
        r->cond = parse_cond(l, v, sub, 0);
    snprintf(sub, sizeof(sub), "%s.applies_if", field);
    if ((v = ydoc_get(l->d, n, "applies_if")))
        r->applies_if = parse_cond(l, v, sub, 0);

    if (l->d->errors != before || !r->cond || !r->def.id)
        return NULL;
    r->def.scope = CHECK_DEVICE;
    r->def.eval = rule_eval;
    r->def.source = l->file;
    r->def.context = l->context[0] ? arena_strdup(l->a, l->context) : NULL;
    return r;
}

int rules_load_buffer(struct arena *a, const char *name, const char *data, size_t len,
                      bool register_rules, size_t *nloaded)
{
    struct ydoc d;
    size_t loaded = 0;
    if (nloaded)
        *nloaded = 0;
    const char *file = arena_strdup(a, name);
    if (ydoc_load(&d, a, file, data, len) != 0)
        return d.errors ? d.errors : 1;
    struct loader l = {.d = &d, .a = a, .file = file};
    yaml_node_t *root = ydoc_root(&d);
    yaml_node_t *list = root ? ydoc_get(&d, root, "rules") : NULL;
    if (!list || list->type != YAML_SEQUENCE_NODE) {
        ydoc_diag(&d, DIAG_ERROR, root, "rules", "expected a top-level 'rules:' list");
        int e = d.errors;
        ydoc_free(&d);
        return e;
    }
    static const char *const top[] = {"rules", NULL};
    ydoc_check_keys(&d, root, NULL, top);
    size_t cnt = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
    if (cnt > RULES_MAX_PER_FILE) {
        ydoc_diag(&d, DIAG_ERROR, list, "rules", "more than %d rules; the rest are ignored",
                  RULES_MAX_PER_FILE);
        cnt = RULES_MAX_PER_FILE;
    }
    for (size_t i = 0; i < cnt; i++) {
        char field[64];
        snprintf(field, sizeof(field), "rules[%zu]", i);
        struct rule *r = parse_rule(&l, ydoc_node(&d, list->data.sequence.items.start[i]), field);
        if (!r)
            continue;
        if (register_rules) {
            size_t before;
            checks_all(&before);
            checks_register(&r->def);
            size_t after;
            checks_all(&after);
            if (after == before) {
                d.errors++; /* the registry said why (duplicate id) */
                continue;
            }
        }
        loaded++;
    }
    if (nloaded)
        *nloaded = loaded;
    int e = d.errors;
    ydoc_free(&d);
    return e;
}

static int load_file(struct arena *a, const char *path)
{
    char *data;
    size_t len;
    if (file_read_all(path, 16u * 1024 * 1024, true, &data, &len) != 0)
        return 1;
    int e = rules_load_buffer(a, path, data, len, true, NULL);
    free(data);
    return e;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

int rules_folder_files(struct arena *a, const char *path, char ***out, size_t *count)
{
    *out = NULL;
    *count = 0;
    DIR *dir = opendir(path);
    if (!dir)
        return -1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.' ||
            (fnmatch("*.yaml", e->d_name, 0) && fnmatch("*.yml", e->d_name, 0)))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = xrealloc(names, cap * sizeof(*names));
        }
        names[n++] = arena_printf(a, "%s/%s", path, e->d_name);
    }
    closedir(dir);
    if (n)
        qsort(names, n, sizeof(*names), cmp_str);
    *out = names;
    *count = n;
    return 0;
}

int rules_load_path(struct arena *a, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        diag_report(DIAG_ERROR, path, 0, "cannot read rules: no such file or folder");
        return 1;
    }
    if (!S_ISDIR(st.st_mode))
        return load_file(a, path);
    char **names;
    size_t n;
    if (rules_folder_files(a, path, &names, &n) != 0) {
        diag_report(DIAG_ERROR, path, 0, "cannot open the rules folder");
        return 1;
    }
    int errors = 0;
    for (size_t i = 0; i < n; i++)
        errors += load_file(a, names[i]);
    free(names);
    if (n == 0)
        diag_report(DIAG_WARNING, path, 0, "no *.yaml rule files in the folder");
    return errors;
}

/* -------------------------------------------------------------- frameworks */

int framework_load_buffer(struct framework *fw, struct arena *a, const char *name, const char *data,
                          size_t len)
{
    struct ydoc d;
    memset(fw, 0, sizeof(*fw));
    fw->path = arena_strdup(a, name);
    if (ydoc_load(&d, a, fw->path, data, len) != 0)
        return -1;
    yaml_node_t *root = ydoc_root(&d), *v;
    static const char *const top[] = {"framework", "requirements", NULL};
    static const char *const head[] = {"id", "title", "version", NULL};
    static const char *const reqkeys[] = {"id", "title", "section", "checks", NULL};
    ydoc_check_keys(&d, root, NULL, top);
    yaml_node_t *meta = ydoc_get(&d, root, "framework");
    if (!meta || meta->type != YAML_MAPPING_NODE) {
        ydoc_diag(&d, DIAG_ERROR, meta ? meta : root, "framework",
                  "expected a mapping with id and title");
    } else {
        ydoc_check_keys(&d, meta, "framework", head);
        if (!(v = ydoc_get(&d, meta, "id")))
            ydoc_diag(&d, DIAG_ERROR, meta, "framework.id", "missing");
        else
            fw->id = ydoc_str(&d, v, "framework.id");
        if ((v = ydoc_get(&d, meta, "title")))
            fw->title = ydoc_str(&d, v, "framework.title");
        if ((v = ydoc_get(&d, meta, "version")))
            fw->version = ydoc_str(&d, v, "framework.version");
    }
    yaml_node_t *list = ydoc_get(&d, root, "requirements");
    if (!list || list->type != YAML_SEQUENCE_NODE) {
        ydoc_diag(&d, DIAG_ERROR, list ? list : root, "requirements", "expected a list");
    } else {
        size_t cnt = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
        if (cnt > RULES_MAX_PER_FILE) {
            ydoc_diag(&d, DIAG_ERROR, list, "requirements", "more than %d requirements",
                      RULES_MAX_PER_FILE);
            cnt = RULES_MAX_PER_FILE;
        }
        fw->reqs = arena_alloc(a, (cnt ? cnt : 1) * sizeof(*fw->reqs));
        for (size_t i = 0; i < cnt; i++) {
            yaml_node_t *r = ydoc_node(&d, list->data.sequence.items.start[i]);
            char field[96];
            snprintf(field, sizeof(field), "requirements[%zu]", i);
            if (!r || r->type != YAML_MAPPING_NODE) {
                ydoc_diag(&d, DIAG_ERROR, r, field, "expected a mapping (a requirement)");
                continue;
            }
            ydoc_check_keys(&d, r, field, reqkeys);
            struct framework_req *q = &fw->reqs[fw->nreqs];
            memset(q, 0, sizeof(*q));
            q->line = (uint32_t)r->start_mark.line + 1;
            char sub[128];
            snprintf(sub, sizeof(sub), "%s.id", field);
            if (!(v = ydoc_get(&d, r, "id")) || !(q->id = ydoc_str(&d, v, sub))) {
                if (!v)
                    ydoc_diag(&d, DIAG_ERROR, r, sub, "missing");
                continue;
            }
            bool dup = false;
            for (size_t k = 0; k < fw->nreqs && !dup; k++)
                dup = !strcmp(fw->reqs[k].id, q->id);
            if (dup) {
                ydoc_diag(&d, DIAG_ERROR, v, sub, "requirement '%s' is listed twice", q->id);
                continue;
            }
            snprintf(sub, sizeof(sub), "%s.title", field);
            if ((v = ydoc_get(&d, r, "title")))
                q->title = ydoc_str(&d, v, sub);
            snprintf(sub, sizeof(sub), "%s.section", field);
            if ((v = ydoc_get(&d, r, "section")))
                q->section = ydoc_str(&d, v, sub);
            snprintf(sub, sizeof(sub), "%s.checks", field);
            if ((v = ydoc_get(&d, r, "checks"))) {
                q->checks = ydoc_str_list(&d, v, sub, 1000, &q->nchecks);
                for (size_t k = 0; k < q->nchecks; k++)
                    if (!check_find(q->checks[k]))
                        ydoc_diag(&d, DIAG_ERROR, v, sub,
                                  "'%s' is neither a built-in check nor a loaded rule",
                                  q->checks[k]);
            }
            fw->nreqs++;
        }
    }
    int errors = d.errors;
    ydoc_free(&d);
    return errors ? -1 : 0;
}

int framework_load(struct framework *fw, struct arena *a, const char *path)
{
    char *data;
    size_t len;
    memset(fw, 0, sizeof(*fw));
    if (file_read_all(path, 16u * 1024 * 1024, true, &data, &len) != 0)
        return -1;
    int rc = framework_load_buffer(fw, a, path, data, len);
    free(data);
    return rc;
}
