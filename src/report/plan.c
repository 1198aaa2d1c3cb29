/*
 * plan.c - the fix-once plan: every failed result grouped by the remediation
 * that closes it (the same check and the same remediation text, which is
 * fixed per check and dialect), ranked so that the first action closes the
 * most severe failures on the most devices. Writers that show a plan (the
 * `plan` format, JSON) get one filled as devices stream past.
 */
#include "report/report_int.h"

#include <stdlib.h>
#include <string.h>

struct plan_bucket { /* the groups of one check (one per remediation text) */
    size_t *idx;
    size_t n, cap;
};

void rpt_plan_init(struct rpt_plan *p, size_t ncheck, size_t name_cap)
{
    memset(p, 0, sizeof(*p));
    p->ncheck = ncheck;
    p->name_cap = name_cap;
    p->buckets = xcalloc(ncheck ? ncheck : 1, sizeof(*p->buckets));
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static struct rpt_plan_group *group_for(struct rpt_plan *p, size_t ci, const struct check_result *r,
                                        enum dialect dialect)
{
    struct plan_bucket *b = &p->buckets[ci];
    for (size_t i = 0; i < b->n; i++) {
        struct rpt_plan_group *g = &p->groups[b->idx[i]];
        if (g->dialect == dialect && same_text(g->remediation, r->remediation))
            return g;
    }
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->groups = xrealloc(p->groups, p->cap * sizeof(*p->groups));
    }
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 4;
        b->idx = xrealloc(b->idx, b->cap * sizeof(*b->idx));
    }
    b->idx[b->n++] = p->n;
    struct rpt_plan_group *g = &p->groups[p->n++];
    memset(g, 0, sizeof(*g));
    g->check = r->check;
    g->dialect = dialect;
    g->remediation = r->remediation ? xstrdup(r->remediation) : NULL;
    return g;
}

void rpt_plan_add(struct rpt_plan *p, const struct device_result *d,
                  const struct report_filter *filter)
{
    const char *name = d->relpath && *d->relpath ? d->relpath : d->file ? d->file : "?";
    for (size_t i = 0; i < d->nresults && i < p->ncheck; i++) {
        const struct check_result *r = &d->results[i];
        if (r->verdict != VERDICT_FAIL || !r->check || !report_filter_result(filter, r))
            continue;
        struct rpt_plan_group *g = group_for(p, i, r, d->dialect);
        g->devices++;
        g->evidence_lines += r->nevidence;
        p->findings++;
        if (g->nnames == p->name_cap)
            continue;
        if (g->nnames == g->capnames) {
            g->capnames = g->capnames ? g->capnames * 2 : 8;
            g->names = xrealloc(g->names, g->capnames * sizeof(*g->names));
        }
        g->names[g->nnames++] = xstrdup(name);
    }
}

static int cmp_group(const void *a, const void *b)
{
    const struct rpt_plan_group *x = *(const struct rpt_plan_group *const *)a;
    const struct rpt_plan_group *y = *(const struct rpt_plan_group *const *)b;
    if (x->check->severity != y->check->severity)
        return x->check->severity > y->check->severity ? -1 : 1;
    if (x->devices != y->devices)
        return x->devices > y->devices ? -1 : 1;
    int c = strcmp(x->check->id, y->check->id);
    return c ? c : (int)x->dialect - (int)y->dialect;
}

struct rpt_plan_group **rpt_plan_rank(struct rpt_plan *p)
{
    struct rpt_plan_group **out = xcalloc(p->n ? p->n : 1, sizeof(*out));
    for (size_t i = 0; i < p->n; i++)
        out[i] = &p->groups[i];
    if (p->n > 1)
        qsort(out, p->n, sizeof(*out), cmp_group);
    return out;
}

void rpt_plan_free(struct rpt_plan *p)
{
    for (size_t i = 0; i < p->n; i++) {
        for (size_t k = 0; k < p->groups[i].nnames; k++)
            free(p->groups[i].names[k]);
        free(p->groups[i].names);
        free(p->groups[i].remediation);
    }
    for (size_t i = 0; i < p->ncheck; i++)
        free(p->buckets[i].idx);
    free(p->buckets);
    free(p->groups);
    memset(p, 0, sizeof(*p));
}
