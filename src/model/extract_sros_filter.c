/*
 * extract_sros_filter.c - SR OS IP filters ("filter ip-filter N" in the
 * classic CLI, "filter ip-filter NAME" in MD-CLI and flat form) as ACLs, so
 * that the interface filter checks read them like any other dialect's.
 *
 * An entry's source and destination come from src-ip/dst-ip (a prefix, an
 * address and a mask, or an ip-prefix-list, left unresolved); any other
 * match condition (protocol, ports, fragment, options...) narrows it; the
 * action is accept/forward (permit) or drop. An entry with no action does
 * nothing. default-action forward makes unmatched packets pass (the
 * default is drop).
 */
#include "model/extract_edge.h"

#include <string.h>

#define SFILT_MAX 8192

struct sfent {
    struct sv filter, id;
    const struct cfg_node *node;
    bool permit, has_action, narrow;
    struct sv addr[2], mask[2]; /* [0] source, [1] destination */
    bool list[2];
    const struct cfg_node *action_node;
};

struct sfilt_filter {
    struct sv name;
    bool forward;
    const struct cfg_node *node;
};

struct sfilt {
    struct sfent *ents;
    size_t nents;
    struct sfilt_filter *filters;
    size_t nfilters;
    struct model_nmap ent_map, filter_map;
};

static bool eq(const struct model_path *l, size_t i, const char *w)
{
    return model_path_eq(l, i, w);
}

static struct sfilt_filter *filter_of(struct arena *a, struct sfilt *st, struct sv name,
                                      const struct cfg_node *n)
{
    size_t at = model_nmap_get(&st->filter_map, name, sv_make(NULL, 0));
    if (at != SIZE_MAX)
        return &st->filters[at];
    if (st->nfilters >= SFILT_MAX)
        return NULL;
    model_nmap_put(a, &st->filter_map, name, sv_make(NULL, 0), st->nfilters);
    struct sfilt_filter *f = MODEL_PUSH(a, st->filters, st->nfilters);
    f->name = name;
    f->node = n;
    return f;
}

static struct sfent *entry_of(struct arena *a, struct sfilt *st, struct sv filter, struct sv id,
                              const struct cfg_node *n)
{
    size_t at = model_nmap_get(&st->ent_map, filter, id);
    if (at != SIZE_MAX)
        return &st->ents[at];
    if (st->nents >= SFILT_MAX)
        return NULL;
    model_nmap_put(a, &st->ent_map, filter, id, st->nents);
    struct sfent *e = MODEL_PUSH(a, st->ents, st->nents);
    e->filter = filter;
    e->id = id;
    e->node = n;
    return e;
}

/* "src-ip|dst-ip ..." at k: a prefix, "address X", "mask M", "ip-prefix-list N". */
static void match_addr(struct sfent *e, const struct model_path *l, size_t k, int end)
{
    if (eq(l, k + 1, "address") && k + 2 < l->n)
        e->addr[end] = l->tok[k + 2];
    else if (eq(l, k + 1, "mask") && k + 2 < l->n)
        e->mask[end] = l->tok[k + 2];
    else if (eq(l, k + 1, "ip-prefix-list") || eq(l, k + 1, "ipv6-prefix-list"))
        e->list[end] = true;
    else if (k + 1 < l->n) {
        e->addr[end] = l->tok[k + 1];
        if (k + 2 < l->n && !eq(l, k + 2, "create"))
            e->mask[end] = l->tok[k + 2]; /* classic "src-ip 10.0.0.0 255.0.0.0" */
    }
}

static void entry_line(struct sfent *e, const struct model_path *l, size_t k)
{
    if (eq(l, k, "create"))
        k++;
    if (eq(l, k, "action")) {
        if (k + 1 >= l->n)
            return;
        e->has_action = true;
        e->permit = !eq(l, k + 1, "drop");
        e->action_node = l->node;
        return;
    }
    if (!eq(l, k, "match"))
        return; /* description, log, filter-sample, ... */
    k++;
    if (eq(l, k, "protocol") || eq(l, k, "next-header")) {
        e->narrow = true;
        k += 2;
    }
    if (k >= l->n)
        return;
    if (eq(l, k, "src-ip"))
        match_addr(e, l, k, 0);
    else if (eq(l, k, "dst-ip"))
        match_addr(e, l, k, 1);
    else
        e->narrow = true;
}

void sfilt_line(struct arena *a, struct sfilt **stp, const struct model_path *l, size_t i)
{
    size_t k = i + 1;
    if (!(eq(l, k, "ip-filter") || eq(l, k, "ipv6-filter")) || k + 1 >= l->n)
        return;
    if (!*stp) {
        *stp = arena_alloc(a, sizeof(**stp));
        memset(*stp, 0, sizeof(**stp));
    }
    struct sfilt *st = *stp;
    struct sv name = sv_unquote(l->tok[k + 1]);
    struct sfilt_filter *f = filter_of(a, st, name, model_path_own(l, k + 1));
    if (!f)
        return;
    k += 2;
    if (eq(l, k, "create"))
        k++;
    if (eq(l, k, "default-action") && k + 1 < l->n) {
        f->forward = eq(l, k + 1, "forward") || eq(l, k + 1, "accept");
        return;
    }
    if (!eq(l, k, "entry") || k + 1 >= l->n)
        return;
    struct sfent *e = entry_of(a, st, name, l->tok[k + 1], model_path_own(l, k + 1));
    if (e)
        entry_line(e, l, k + 2);
}

/* One end of an entry into (any, p, unresolved). */
static void end_addr(const struct sfent *s, int end, bool *any, struct ip_prefix *p,
                     bool *unresolved)
{
    if (s->list[end]) {
        *unresolved = true;
        return;
    }
    if (!s->addr[end].p) {
        *any = true;
        return;
    }
    struct sv addr = sv_unquote(s->addr[end]);
    bool ok = s->mask[end].p ? ip_prefix_from_mask(addr, sv_unquote(s->mask[end]), false, p)
                             : ip_prefix_parse(addr, p);
    if (!ok) {
        memset(p, 0, sizeof(*p));
        *unresolved = true;
    } else if (ip_prefix_is_any(p)) {
        *any = true;
    }
}

void sfilt_finish(struct arena *a, struct device_model *m, struct sfilt *st)
{
    if (!st)
        return;
    size_t base = m->nacls;
    for (size_t i = 0; i < st->nfilters; i++) {
        const struct sfilt_filter *f = &st->filters[i];
        struct acl *acl = model_add_acl(a, m, model_strdup(a, f->name), f->node);
        acl->default_permit = f->forward;
    }
    for (size_t j = 0; j < st->nents; j++) {
        const struct sfent *s = &st->ents[j];
        size_t fi = model_nmap_get(&st->filter_map, s->filter, sv_make(NULL, 0));
        if (fi == SIZE_MAX || !s->has_action)
            continue; /* an entry without an action does nothing */
        struct acl *acl = &m->acls[base + fi];
        struct acl_entry *e =
            model_acl_add_entry(a, acl, s->action_node ? s->action_node : s->node);
        e->permit = s->permit;
        end_addr(s, 0, &e->src_any, &e->src, &e->unresolved);
        end_addr(s, 1, &e->dst_any, &e->dst, &e->dst_unresolved);
        e->matches_all = !s->narrow;
    }
}
