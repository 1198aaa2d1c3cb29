/*
 * extract_junos_filter.c - the Junos extractor's interfaces, firewall
 * filters and policy options, and the finishing steps that turn filter terms
 * into ACLs and judge the routing engine's (lo0) protection.
 */
#include "model/extract_junos.h"

static void j_lo0_list(struct jx *x, const struct model_path *l, size_t k);

/* ------------------------------------------------------------ interfaces */

/* family inet|inet6 ... from i (after the family name). */
static void j_if_family_stmt(struct jx *x, struct interface *f, const struct model_path *l,
                             size_t i)
{
    size_t k;
    if (model_path_eq(l, i, "address") && i + 1 < l->n) {
        f->has_ip = true;
    } else if (model_path_eq(l, i, "rpf-check")) {
        if (f->urpf.is_default)
            fact_set(&f->urpf, FACT_ON, model_path_own(l, i));
    } else if (model_path_eq(l, i, "no-redirects")) {
        fact_set(&f->redirects, FACT_OFF, l->node);
    } else if (model_path_match(l, i, "filter input", &k) && k < l->n) {
        if (!f->acl_in)
            f->acl_in = dup_unq(x, l->tok[k]);
    } else if (model_path_match(l, i, "filter input-list", &k) && k < l->n) {
        if (!f->acl_in)
            f->acl_in = dup_unq(x, l->tok[k]);
    } else if (model_path_match(l, i, "filter output", &k) && k < l->n) {
        if (!f->acl_out)
            f->acl_out = dup_unq(x, l->tok[k]);
    }
}

/* Each family has its own lo0 filter: one on inet6 leaves IPv4 to the
 * routing engine unfiltered. */
static void j_if_lo0_filter(struct jx *x, const struct model_path *l, size_t i, bool inet6)
{
    size_t k = 0;
    struct sv in = sv_make(NULL, 0);
    if (model_path_match(l, i, "filter input", &k) ||
        model_path_match(l, i, "filter input-list", &k))
        in = model_path_tok(l, k);
    if (!in.p)
        return;
    if (!inet6)
        j_lo0_list(x, l, k);
    const char **slot = inet6 ? &x->lo0_filter6 : &x->lo0_filter;
    const struct cfg_node **at = inet6 ? &x->lo0_filter6_node : &x->lo0_filter_node;
    if (!*slot) {
        *slot = dup_unq(x, in);
        *at = l->node;
    }
}

/* interfaces I [unit N] family F ... (i: "family") */
static void j_if_family(struct jx *x, struct interface *f, const struct model_path *l, size_t i)
{
    bool inet6 = sv_eq_cstr(l->tok[i + 1], "inet6");
    bool inet = sv_eq_cstr(l->tok[i + 1], "inet") || inet6;
    i += 2;
    if (!inet)
        return;
    j_if_family_stmt(x, f, l, i);
    if (f->is_loopback && sv_eq_cstr(l->tok[1], "lo0"))
        j_if_lo0_filter(x, l, i, inet6);
}

/* Statements of an interface the extractor does not read. */
static bool j_if_skipped(const struct model_path *l)
{
    return l->n < 2 || sv_eq_cstr(l->tok[1], "interface-range") || sv_starts_with(l->tok[1], "<") ||
           sv_eq_cstr(l->tok[1], "traceoptions") || sv_eq_cstr(l->tok[1], "apply-groups");
}

/* A statement of an interface or its unit from i. */
static void j_if_stmt(struct jx *x, struct interface *f, const struct model_path *l, size_t i)
{
    size_t k;
    if (model_path_eq(l, i, "description") && i + 1 < l->n && !f->description) {
        f->description = dup_unq(x, l->tok[i + 1]);
    } else if (model_path_match(l, i, "tunnel destination", &k) && k < l->n) {
        f->tunnel_dest = model_strdup(x->a, l->tok[k]);
    } else if (model_path_eq(l, i, "family") && i + 1 < l->n) {
        j_if_family(x, f, l, i);
    } else if (model_path_eq(l, i, "proxy-arp")) {
        fact_set(&f->proxy_arp, FACT_ON, l->node);
    } else if (model_path_eq(l, i, "targeted-broadcast")) {
        fact_set(&f->directed_broadcast, FACT_ON, l->node);
    }
}

/* "interfaces interface-range R member X | member-range A to B | disable". */
static void j_if_range(struct jx *x, const struct model_path *l)
{
    if (l->n < 4 || !jsmall(x->nrmembers) || !jsmall(x->nrdisabled))
        return;
    struct sv range = sv_unquote(l->tok[2]);
    if (model_path_eq(l, 3, "disable") && l->n == 4) {
        *MODEL_PUSH(x->a, x->rdisabled, x->nrdisabled) = range;
    } else if (model_path_eq(l, 3, "member") && l->n == 5) {
        *MODEL_PUSH(x->a, x->rmembers, x->nrmembers) =
            (struct jrange_member){range, sv_unquote(l->tok[4]), sv_make("", 0)};
    } else if (model_path_eq(l, 3, "member-range") && l->n == 7 && model_path_eq(l, 5, "to")) {
        *MODEL_PUSH(x->a, x->rmembers, x->nrmembers) =
            (struct jrange_member){range, sv_unquote(l->tok[4]), sv_unquote(l->tok[6])};
    }
}

void j_interfaces(struct jx *x, const struct model_path *l)
{
    if (l->n >= 2 && sv_eq_cstr(l->tok[1], "interface-range"))
        j_if_range(x, l);
    if (j_if_skipped(l))
        return;
    struct interface *f = j_iface(x, l->tok[1], l->own[1]);
    if (!f)
        return;
    size_t i = 2;
    if (model_path_eq(l, i, "description") && i + 1 < l->n) {
        f->description = dup_unq(x, l->tok[i + 1]);
        return;
    }
    if ((model_path_eq(l, i, "disable") || model_path_eq(l, i, "shutdown")) && i + 1 == l->n) {
        f->shutdown = true;
        return;
    }
    if (model_path_eq(l, i, "unit") && i + 1 < l->n)
        i += 2;
    j_if_stmt(x, f, l, i);
}

/* A port name's last number and the text before it ("ge-0/0/" and 12 for
 * "ge-0/0/12"); -1 when the name does not end in digits after a '/'. */
static long port_tail(struct sv n, struct sv *head)
{
    size_t i = n.n;
    while (i > 0 && n.p[i - 1] >= '0' && n.p[i - 1] <= '9')
        i--;
    if (i == n.n || i == 0 || n.p[i - 1] != '/' || n.n - i > 4)
        return -1;
    *head = sv_make(n.p, i);
    return model_sv_long(sv_make(n.p + i, n.n - i), -1);
}

/* Does a "member" pattern cover the port? Junos writes "*" for any run and
 * "[a-b]" for a range of numbers (Junos interface-range member). */
static bool member_glob(struct sv pat, struct sv name)
{
    size_t i = 0, j = 0;
    while (i < pat.n) {
        char c = pat.p[i];
        if (c == '*') {
            for (size_t k = name.n; k + 1 > j; k--)
                if (member_glob(sv_make(pat.p + i + 1, pat.n - i - 1),
                                sv_make(name.p + k, name.n - k)))
                    return true;
            return false;
        }
        if (c == '[') {
            const char *end = memchr(pat.p + i, ']', pat.n - i);
            const char *dash = end ? memchr(pat.p + i, '-', (size_t)(end - pat.p) - i) : NULL;
            size_t d = j;
            while (d < name.n && name.p[d] >= '0' && name.p[d] <= '9')
                d++;
            if (!dash || d == j)
                return false;
            long lo = model_sv_long(sv_make(pat.p + i + 1, (size_t)(dash - pat.p) - i - 1), -1);
            long hi = model_sv_long(sv_make(dash + 1, (size_t)(end - dash) - 1), -1);
            long v = model_sv_long(sv_make(name.p + j, d - j), -1);
            if (lo < 0 || v < lo || v > hi)
                return false;
            i = (size_t)(end - pat.p) + 1;
            j = d;
            continue;
        }
        if (j >= name.n || name.p[j] != c)
            return false;
        i++;
        j++;
    }
    return j == name.n;
}

/* Does one member or member-range statement cover the port? */
static bool range_covers(const struct jrange_member *r, struct sv name)
{
    if (!r->last.n) {
        size_t stars = 0; /* each '*' multiplies the matching work */
        for (size_t i = 0; i < r->first.n; i++)
            stars += r->first.p[i] == '*';
        return stars <= 3 && member_glob(r->first, name);
    }
    struct sv h1, h2, hn;
    long a = port_tail(r->first, &h1), b = port_tail(r->last, &h2), v = port_tail(name, &hn);
    return a >= 0 && b >= a && v >= a && v <= b && sv_eq(h1, h2) && sv_eq(h1, hn);
}

void jx_finish_ranges(struct jx *x)
{
    for (size_t i = 0; i < x->m->ninterfaces && x->nrdisabled; i++) {
        struct interface *f = &x->m->interfaces[i];
        struct sv name = sv_from_cstr(f->name);
        for (size_t k = 0; k < x->nrmembers && !f->shutdown; k++)
            for (size_t d = 0; d < x->nrdisabled && !f->shutdown; d++)
                if (sv_eq(x->rmembers[k].range, x->rdisabled[d]) &&
                    range_covers(&x->rmembers[k], name))
                    f->shutdown = true;
    }
}

/* ------------------------------------------------------------ firewall */

/* Protocols and ports that carry routing, ICMP or time traffic, never a
 * management session (for acl_entry.not_mgmt on receive filters). */
static bool proto_not_mgmt(struct sv p)
{
    static const char *const names[] = {"ospf", "icmp", "icmp6", "icmpv6", "vrrp",
                                        "pim",  "igmp", "rsvp",  "89",     "1",
                                        "58",   "112",  "103",   "2",      "46"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (sv_eq_cstr(p, names[i]))
            return true;
    return false;
}

static bool port_not_mgmt(struct sv p)
{
    static const char *const names[] = {"bgp",  "179",  "ldp",  "646",  "ntp",  "123", "bfd",
                                        "3784", "3785", "4784", "6784", "msdp", "639"};
    for (size_t i = 0; i < ARRAY_SIZE(names); i++)
        if (sv_eq_cstr(p, names[i]))
            return true;
    return false;
}

/* The filter names of lo0's family inet input or input-list statement
 * (tokens from k; brace form lists them in one statement, set form one per
 * line). */
static void j_lo0_list(struct jx *x, const struct model_path *l, size_t k)
{
    for (; k < l->n && x->nlo0_list < JX_LO0_LIST; k++) {
        struct sv name = sv_unquote(l->tok[k]);
        bool seen = false;
        for (size_t i = 0; i < x->nlo0_list && !seen; i++)
            seen = sv_same(x->lo0_list[i], name);
        if (!seen)
            x->lo0_list[x->nlo0_list++] = name;
    }
}

/* "from destination-address|destination-prefix-list X [except]" at k. */
static bool j_term_dst(struct jx *x, struct jterm *tm, const struct model_path *l, size_t k)
{
    struct sv w = l->tok[k];
    if ((!sv_eq_cstr(w, "destination-address") && !sv_eq_cstr(w, "destination-prefix-list")) ||
        k + 1 >= l->n)
        return false;
    if (!jcap(tm->ndst))
        return true;
    struct jsrc *d = MODEL_PUSH(x->a, tm->dst, tm->ndst);
    d->addr = l->tok[k + 1];
    d->is_list = sv_eq_cstr(w, "destination-prefix-list");
    d->except = model_path_eq(l, k + 2, "except");
    d->node = l->node;
    return true;
}

/* from source-address|address|source-prefix-list|prefix-list V [except]
 * (k: "from"; list: a prefix list) */
static void j_term_src(struct jx *x, struct jterm *tm, const struct model_path *l, size_t k,
                       bool list)
{
    struct sv v = l->tok[k + 2];
    bool except = model_path_eq(l, k + 3, "except");
    if (!jcap(tm->nsrc))
        return;
    struct jsrc *s = MODEL_PUSH(x->a, tm->src, tm->nsrc);
    s->addr = v;
    s->is_list = list;
    s->except = except;
    s->node = l->node;
}

/* from protocol|next-header, port|destination-port|source-port, icmp-type|icmp6-type
 * (w: the match, k: "from") */
static void j_term_kinds(struct jterm *tm, const struct model_path *l, size_t k, struct sv w)
{
    if ((sv_eq_cstr(w, "protocol") || sv_eq_cstr(w, "next-header")) && k + 2 < l->n) {
        tm->has_proto = true;
        for (size_t j = k + 2; j < l->n; j++)
            tm->proto_other |= !proto_not_mgmt(l->tok[j]);
    } else if ((sv_eq_cstr(w, "port") || sv_eq_cstr(w, "destination-port") ||
                sv_eq_cstr(w, "source-port")) &&
               k + 2 < l->n) {
        tm->has_port = true;
        for (size_t j = k + 2; j < l->n; j++)
            tm->port_other |= !port_not_mgmt(l->tok[j]);
    } else if (sv_eq_cstr(w, "icmp-type") || sv_eq_cstr(w, "icmp6-type")) {
        tm->has_proto = true;
        for (size_t j = k + 2; j < l->n; j++)
            tm->mask_request |= sv_eq_cstr(l->tok[j], "mask-request");
    }
}

/* "term T from ..." (k: "from") */
static void j_term_from(struct jx *x, struct jterm *tm, const struct model_path *l, size_t k)
{
    struct sv w = l->tok[k + 1];
    tm->has_from = true;
    bool list = sv_eq_cstr(w, "source-prefix-list") || sv_eq_cstr(w, "prefix-list");
    bool addr = sv_eq_cstr(w, "source-address") || sv_eq_cstr(w, "address");
    /* "address"/"prefix-list" match either end: narrower than a source */
    if (!sv_eq_cstr(w, "source-address") && !sv_eq_cstr(w, "source-prefix-list") &&
        !sv_eq_cstr(w, "destination-address") && !sv_eq_cstr(w, "destination-prefix-list"))
        tm->other = true;
    if ((list || addr) && k + 2 < l->n) {
        j_term_src(x, tm, l, k, list);
    } else if (j_term_dst(x, tm, l, k + 1)) {
        /* a destination, read by j_term_dst */
    } else if (sv_eq_cstr(w, "ttl-except") && model_path_eq(l, k + 2, "255")) {
        tm->ttl_except_255 = true;
        tm->other = true;
    } else {
        j_term_kinds(tm, l, k, w);
    }
}

/* "term T then ..." (k: "then") */
static void j_term_then(struct jterm *tm, const struct model_path *l, size_t k)
{
    struct sv w = l->tok[k + 1];
    if (sv_eq_cstr(w, "accept")) {
        tm->action = 1;
        tm->action_node = l->node;
    } else if (sv_eq_cstr(w, "discard") || sv_eq_cstr(w, "reject")) {
        tm->action = 2;
        tm->action_node = l->node;
        tm->reject = sv_eq_cstr(w, "reject");
    } else if (sv_eq_cstr(w, "next") && tm->action == 0) {
        tm->action = 3;
    } else if (sv_eq_cstr(w, "syslog") || sv_eq_cstr(w, "log")) {
        tm->log = true; /* LOG-ACL-DENY */
    }
}

static void j_filter_term(struct jx *x, const struct model_path *l, size_t fi)
{
    /* fi: index of the filter name; "<name> term <t> from|then ..." */
    size_t k;
    if (!model_path_match(l, fi + 1, "term", &k) || k >= l->n)
        return;
    struct jterm *tm = j_term(x, l->tok[fi], l->tok[k], model_path_own(l, k));
    if (!tm)
        return;
    k++;
    if (model_path_eq(l, k, "from") && k + 1 < l->n)
        j_term_from(x, tm, l, k);
    else if (model_path_eq(l, k, "then") && k + 1 < l->n)
        j_term_then(tm, l, k);
}

void j_firewall(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 1, "family * filter", &k) && k < l->n)
        j_filter_term(x, l, k);
    else if (model_path_match(l, 1, "filter", &k) && k < l->n)
        j_filter_term(x, l, k);
}

void j_policy_options(struct jx *x, const struct model_path *l)
{
    size_t k;
    if (model_path_match(l, 1, "prefix-list", &k) && k + 1 < l->n) {
        struct sv v = l->tok[k + 1];
        if (sv_eq_cstr(v, "apply-path"))
            return;
        if (!jcap(x->nplists))
            return;
        size_t head = model_nmap_get(&x->plist_map, l->tok[k], sv_make(NULL, 0));
        size_t idx = x->nplists;
        struct jplist *p = MODEL_PUSH(x->a, x->plists, x->nplists);
        p->name = l->tok[k];
        p->addr = v;
        p->node = l->node;
        if (head == SIZE_MAX) {
            model_nmap_put(x->a, &x->plist_map, l->tok[k], sv_make(NULL, 0), idx);
            p->tail = idx + 1;
        } else {
            x->plists[x->plists[head].tail - 1].next = idx + 1;
            x->plists[head].tail = idx + 1;
        }
    }
}

/* The prefixes a term's destination conditions name (prefix lists
 * expanded); false when one cannot be read or is an "except". */
static bool term_dst_prefixes(struct jx *x, const struct jterm *tm, struct ip_prefix *out,
                              size_t cap, size_t *n)
{
    *n = 0;
    for (size_t j = 0; j < tm->ndst; j++) {
        const struct jsrc *d = &tm->dst[j];
        if (d->except)
            return false;
        if (!d->is_list) {
            struct ip_prefix p = model_parse_addr(sv_unquote(d->addr));
            if (!p.af || *n >= cap)
                return false;
            out[(*n)++] = p;
            continue;
        }
        size_t q = model_nmap_get(&x->plist_map, d->addr, sv_make(NULL, 0));
        if (q == SIZE_MAX)
            return false;
        for (; q != SIZE_MAX; q = x->plists[q].next ? x->plists[q].next - 1 : SIZE_MAX) {
            struct ip_prefix p = model_parse_addr(sv_unquote(x->plists[q].addr));
            if (!p.af || *n >= cap)
                return false;
            out[(*n)++] = p;
        }
    }
    return true;
}

/*
 * The destination and "matches every packet" of the entries [first, n) a
 * term made: with several destinations each source entry is repeated once
 * per destination, so every entry names one.
 */
static void term_destinations(struct jx *x, const struct jterm *tm, struct acl *acl, size_t first)
{
    bool all = !tm->other && !tm->has_proto && !tm->has_port;
    size_t last = acl->n;
    for (size_t j = first; j < last; j++) {
        acl->entries[j].matches_all = all;
        acl->entries[j].dst_any = tm->ndst == 0;
    }
    if (tm->ndst == 0)
        return;
    struct ip_prefix d[32];
    size_t nd;
    if (!term_dst_prefixes(x, tm, d, ARRAY_SIZE(d), &nd) || nd == 0) {
        for (size_t j = first; j < last; j++)
            acl->entries[j].dst_unresolved = true;
        return;
    }
    for (size_t k = 1; k < nd; k++)
        for (size_t j = first; j < last && jcap(acl->n); j++) {
            struct acl_entry copy = acl->entries[j];
            struct acl_entry *e = model_acl_add_entry(x->a, acl, copy.node);
            *e = copy;
            e->dst = d[k];
        }
    for (size_t j = first; j < last; j++)
        acl->entries[j].dst = d[0];
}

void jx_finish_acls(struct jx *x)
{
    struct model_nmap filters = {0};
    for (size_t i = 0; i < x->nterms; i++) {
        const struct jterm *tm = &x->terms[i];
        size_t at = model_nmap_get(&filters, tm->filter, sv_make(NULL, 0));
        struct acl *acl;
        if (at != SIZE_MAX) {
            acl = &x->m->acls[at];
        } else {
            acl = model_add_acl(x->a, x->m, dup_unq(x, tm->filter), tm->node);
            model_nmap_put(x->a, &filters, tm->filter, sv_make(NULL, 0), x->m->nacls - 1);
        }
        if (tm->action == 3)
            continue; /* "next term": not a decision */
        bool permit = tm->action != 2;
        const struct cfg_node *ev = tm->action_node ? tm->action_node : tm->node;
        /* tcp/udp with only routing ports, or only routing/ICMP protocols */
        bool ports_routing = tm->has_port && !tm->port_other;
        bool not_mgmt = (tm->has_proto && !tm->proto_other) || ports_routing;
        size_t first = acl->n;
        if (tm->nsrc == 0) {
            struct acl_entry *e = model_acl_add_entry(x->a, acl, ev);
            e->permit = permit;
            e->src_any = true;
            e->not_mgmt = not_mgmt;
            e->log = tm->log;
            term_destinations(x, tm, acl, first);
            continue;
        }
        /* except entries first: they carve holes in the term's match */
        for (int pass = 0; pass < 2; pass++) {
            for (size_t j = 0; j < tm->nsrc; j++) {
                const struct jsrc *s = &tm->src[j];
                if (s->except != (pass == 0))
                    continue;
                bool p = s->except ? !permit : permit;
                if (!s->is_list) {
                    jx_acl_add_prefix(x, acl, s->addr, p, s->node);
                    continue;
                }
                bool any = false;
                size_t q = model_nmap_get(&x->plist_map, s->addr, sv_make(NULL, 0));
                for (; q != SIZE_MAX && x->acl_budget && jcap(acl->n);
                     q = x->plists[q].next ? x->plists[q].next - 1 : SIZE_MAX) {
                    jx_acl_add_prefix(x, acl, x->plists[q].addr, p, s->node);
                    x->acl_budget--;
                    any = true;
                }
                if (!any) {
                    struct acl_entry *e = model_acl_add_entry(x->a, acl, s->node);
                    e->permit = p;
                    e->unresolved = true;
                }
            }
        }
        for (size_t j = first; j < acl->n; j++) {
            acl->entries[j].not_mgmt = not_mgmt;
            acl->entries[j].log = tm->log;
        }
        term_destinations(x, tm, acl, first);
    }
}

/* ------------------------------------------------------------ control plane */

/* Is the filter applied to lo0 or as an interface input/output filter? */
static bool filter_applied(const struct jx *x, struct sv name)
{
    name = sv_unquote(name);
    if ((x->lo0_filter && sv_eq_cstr(name, x->lo0_filter)) ||
        (x->lo0_filter6 && sv_eq_cstr(name, x->lo0_filter6)))
        return true;
    for (size_t i = 0; i < x->m->ninterfaces; i++) {
        const struct interface *f = &x->m->interfaces[i];
        if ((f->acl_in && sv_eq_cstr(name, f->acl_in)) ||
            (f->acl_out && sv_eq_cstr(name, f->acl_out)))
            return true;
    }
    return false;
}

/* Firewall terms that answer with "reject" (an ICMP unreachable, checks.md
 * CPP-ICMP-UNREACH: JUNI-RT-000170 wants discard), and the lo0 term that
 * drops ICMP mask requests (JUNI-RT-000180). */
static void finish_cpp_filters(struct jx *x)
{
    struct cpp_facts *cp = &x->m->cpp;
    bool applied = false;
    const struct cfg_node *mask_drop = NULL;
    for (size_t i = 0; i < x->nterms; i++) {
        const struct jterm *tm = &x->terms[i];
        if (!filter_applied(x, tm->filter))
            continue;
        applied = true;
        if (tm->reject) {
            if (cp->filter_reject.state != FACT_ON)
                fact_set(&cp->filter_reject, FACT_ON, tm->action_node);
            else
                fact_lines_add(&cp->filter_reject.ev, tm->action_node);
        }
        if (tm->mask_request && tm->action == 2 && x->lo0_filter &&
            sv_eq_cstr(sv_unquote(tm->filter), x->lo0_filter) && !mask_drop)
            mask_drop = tm->action_node;
    }
    if (applied && cp->filter_reject.state == FACT_UNKNOWN)
        fact_default(&cp->filter_reject, FACT_OFF, "no applied filter term rejects");
    if (mask_drop)
        fact_set(&cp->mask_reply, FACT_OFF, mask_drop);
    else
        fact_unknown(&cp->mask_reply, x->lo0_filter
                                          ? "the lo0 input filter has no term discarding "
                                            "icmp-type mask-request"
                                          : "no lo0 input filter discards icmp-type mask-request");
}

/* Accept terms that name no source and are not limited to ICMP or routing
 * protocols (checks.md CPP-RECEIVE-FILTER: "accept terms must name sources"). */
static bool term_open(const struct jterm *tm)
{
    return tm->action == 1 && tm->nsrc == 0 &&
           !(tm->has_proto && !tm->proto_other && !tm->has_port);
}

/* One filter's terms in order; *accept_all gets the first term that accepts
 * everything still unmatched. Returns the number of terms. */
static size_t receive_terms(struct jx *x, struct sv filter, const struct jterm **accept_all)
{
    struct cpp_facts *cp = &x->m->cpp;
    size_t n = 0;
    for (size_t i = 0; i < x->nterms; i++) {
        const struct jterm *tm = &x->terms[i];
        if (!sv_same(sv_unquote(tm->filter), filter))
            continue;
        n++;
        if (*accept_all)
            continue; /* never reached */
        if (tm->action == 1 && !tm->has_from) {
            *accept_all = tm;
        } else if (term_open(tm)) {
            cp->receive_open_terms++;
            fact_lines_add(&cp->receive_open_ev, tm->action_node ? tm->action_node : tm->node);
        }
    }
    return n;
}

/* The routing-engine filter (JUNI-RT-000130): lo0's family inet input
 * filters, read in order; the implicit final discard counts as the drop. */
static void finish_cpp_receive(struct jx *x)
{
    struct cpp_facts *cp = &x->m->cpp;
    if (!x->lo0_filter) {
        fact_default(&cp->receive_filter, FACT_OFF,
                     x->lo0_filter6 ? "lo0 filters inet6 only: IPv4 traffic to the routing "
                                      "engine is not filtered"
                                    : "no lo0 input filter: the routing engine accepts all "
                                      "traffic");
        fact_lines_add(&cp->receive_filter.ev, x->lo0_filter6_node);
        return;
    }
    cp->receive_filter_name = x->lo0_filter;
    const struct jterm *accept_all = NULL;
    size_t nterms = 0;
    for (size_t i = 0; i < x->nlo0_list; i++)
        nterms += receive_terms(x, x->lo0_list[i], &accept_all);
    if (nterms == 0) {
        fact_unknown(&cp->receive_filter, "the lo0 input filter is not defined in this file");
        fact_lines_add(&cp->receive_filter.ev, x->lo0_filter_node);
    } else if (accept_all) {
        fact_set(&cp->receive_filter, FACT_OFF, accept_all->action_node);
        cp->receive_filter.why = "a term without match conditions accepts everything not "
                                 "matched before it";
    } else {
        fact_set(&cp->receive_filter, FACT_ON, x->lo0_filter_node);
    }
}

void jx_finish_cpp(struct jx *x)
{
    struct device_model *m = x->m;
    struct cpp_facts *cp = &m->cpp;
    /* "system no-redirects" also covers interfaces read before it */
    for (size_t i = 0; x->no_redirects_node && i < m->ninterfaces; i++)
        if (m->interfaces[i].redirects.is_default)
            fact_set(&m->interfaces[i].redirects, FACT_OFF, x->no_redirects_node);
    if (cp->source_quench.state == FACT_UNKNOWN)
        fact_default(&cp->source_quench, FACT_ON,
                     "Junos acts on ICMP source quench unless 'system internet-options "
                     "no-source-quench'");
    if (cp->router_discovery.state == FACT_UNKNOWN)
        fact_default(&cp->router_discovery, FACT_OFF, "no 'protocols router-discovery'");
    finish_cpp_filters(x);
    finish_cpp_receive(x);
}
