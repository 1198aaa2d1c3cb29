/*
 * extract_cisco_acl.c - access lists (numbered, named, IPv4/IPv6, ASA
 * object names) and their bindings by access-group.
 */
#include "model/extract_cisco.h"

/* ------------------------------------------------------------ ACLs */

struct acl *cx_find_or_add_acl(struct cx *x, struct sv name, const struct cfg_node *n)
{
    struct device_model *m = x->m;
    name = sv_unquote(name);
    uint64_t h = hash_sv(HASH_SEED, name);
    size_t it = 0, pos;
    while ((pos = cx_ix_next(&x->acl_ix, h, &it)) != SIZE_MAX)
        if (sv_eq_cstr(name, m->acls[pos].name))
            return &m->acls[pos];
    if (!cap_ok(m->nacls))
        return NULL;
    struct acl *acl = model_add_acl(x->a, m, dup(x, name), n);
    cx_ix_add(x->a, &x->acl_ix, h, m->nacls - 1);
    return acl;
}

/* ASA "name ADDR NAME": a host alias ACL entries may use. */
bool cx_h_asa_name(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (!tk(s, 2).n || !cap_ok(x->nasa_names))
        return false;
    x->asa_name = model_grow(x->a, x->asa_name, x->nasa_names, sizeof(struct sv));
    x->asa_addr = model_grow(x->a, x->asa_addr, x->nasa_names, sizeof(struct sv));
    x->asa_addr[x->nasa_names] = tk(s, 1);
    x->asa_name[x->nasa_names] = tk(s, 2);
    cx_ix_add(x->a, &x->name_ix, hash_sv(HASH_SEED, tk(s, 2)), x->nasa_names++);
    return true;
}

/* A source at token i of s: any / host X / X mask / X/len / object-group ...
 * mask_is_wildcard: IOS/NX-OS/XR/EOS wildcard masks; ASA netmasks. */
/* ASA: an address for a "name" alias, or the token itself. */
struct sv cx_asa_alias(const struct cx *x, struct sv a)
{
    if (!x->nasa_names)
        return a;
    size_t it = 0, pos;
    uint64_t h = hash_sv(HASH_SEED, a);
    while ((pos = cx_ix_next(&x->name_ix, h, &it)) != SIZE_MAX)
        if (sv_same(x->asa_name[pos], a))
            return x->asa_addr[pos];
    return a;
}

/*
 * An address at token i of s into (any, p, unresolved): any / host X /
 * X mask / X/len / object-group NAME ... Returns the index after it.
 * Wildcard masks on IOS, NX-OS, XR and EOS; netmasks on the ASA.
 */
static size_t acl_addr(struct cx *x, struct sv s, size_t i, bool standard, bool *any,
                       struct ip_prefix *p, bool *unresolved)
{
    struct sv a = tk(s, i), b = tk(s, i + 1);
    if (x->nasa_names) {
        a = cx_asa_alias(x, a);
        b = cx_asa_alias(x, b);
    }
    if (model_sv_ieq(a, "any") || model_sv_ieq(a, "any4") || model_sv_ieq(a, "any6")) {
        *any = true;
        return i + 1;
    }
    if (model_sv_ieq(a, "host")) {
        *p = model_parse_addr(b);
        *unresolved = p->af == 0;
        return i + 2;
    }
    if (model_sv_ieq(a, "object-group") || model_sv_ieq(a, "object") ||
        model_sv_ieq(a, "addrgroup") || model_sv_ieq(a, "net-group") ||
        model_sv_ieq(a, "interface") || model_sv_ieq(a, "source-group") || a.n == 0) {
        *unresolved = true;
        return a.n ? i + 2 : i;
    }
    if (memchr(a.p, '/', a.n)) {
        *p = model_parse_addr(a);
        *unresolved = p->af == 0;
        if (!*unresolved && ip_prefix_is_any(p))
            *any = true;
        return i + 1;
    }
    if (cx_sv_is_dotted(a) && cx_sv_is_dotted(b)) {
        bool wildcard = x->d != DIALECT_CISCO_ASA;
        if (!ip_prefix_from_mask(a, b, wildcard, p)) {
            memset(p, 0, sizeof(*p));
            *unresolved = true;
        } else if (ip_prefix_is_any(p)) {
            *any = true;
        }
        return i + 2;
    }
    if (cx_sv_is_addrish(a) && (standard || !cx_sv_is_dotted(b))) {
        *p = model_parse_addr(a); /* a bare address is one host */
        *unresolved = p->af == 0;
        return i + 1;
    }
    *unresolved = true;
    return i + 1;
}

/* Port operators after an address: "eq X", "range X Y", ... (index after). */
static size_t skip_ports(struct sv s, size_t i, bool *ports)
{
    if (tk_is(s, i, "eq") || tk_is(s, i, "neq") || tk_is(s, i, "lt") || tk_is(s, i, "gt")) {
        *ports = true;
        return i + 2;
    }
    if (tk_is(s, i, "range")) {
        *ports = true;
        return i + 3;
    }
    return i;
}

/* Words after the addresses that do not narrow what the entry matches. */
static bool only_logging_from(struct sv s, size_t i)
{
    for (struct sv w = tk(s, i); w.n; w = tk(s, ++i))
        if (!model_sv_ieq(w, "log") && !model_sv_ieq(w, "log-input") &&
            !model_sv_ieq(w, "counter") && !model_sv_ieq(w, "count") && !tk_is(s, i - 1, "log") &&
            !tk_is(s, i - 1, "counter"))
            return false;
    return true;
}

/* The entry's source, destination and whether it matches every packet
 * between them, from token i (after the protocol for extended entries). */
static void acl_match(struct cx *x, struct acl_entry *e, struct sv s, size_t i, bool standard,
                      bool all_protocols)
{
    i = acl_addr(x, s, i, standard, &e->src_any, &e->src, &e->unresolved);
    if (standard) {
        e->dst_any = true;
        e->matches_all = only_logging_from(s, i);
        return;
    }
    bool ports = false;
    i = skip_ports(s, i, &ports);
    i = acl_addr(x, s, i, false, &e->dst_any, &e->dst, &e->dst_unresolved);
    i = skip_ports(s, i, &ports);
    e->matches_all = all_protocols && !ports && only_logging_from(s, i);
}

static bool is_action(struct sv w)
{
    return sv_eq_cstr(w, "permit") || sv_eq_cstr(w, "deny");
}

/*
 * One ACL entry from "[seq|sequence N] permit|deny [proto] src ..." starting
 * at token i. standard: no protocol word. Remarks and other statements are
 * ignored.
 */
static void acl_entry_from(struct cx *x, struct acl *acl, struct sv s, size_t i, bool standard,
                           const struct cfg_node *n)
{
    if (!acl || !cap_ok(acl->n))
        return;
    if (tk_is(s, i, "sequence"))
        i += 2;
    else if (model_sv_is_digits(tk(s, i)))
        i++;
    if (tk_is(s, i, "line") && model_sv_is_digits(tk(s, i + 1)))
        i += 2; /* ASA "line N" */
    struct sv act = tk(s, i);
    if (!is_action(act))
        return;
    struct acl_entry *e = model_acl_add_entry(x->a, acl, n);
    e->permit = sv_eq_cstr(act, "permit");
    for (size_t j = i + 1; j < sv_token_count(s) && !e->log; j++)
        e->log = tk_is(s, j, "log") || tk_is(s, j, "log-input"); /* LOG-ACL-DENY */
    i++;
    struct sv w = tk(s, i);
    if (!standard) {
        /* standard-looking entries in an ACL not declared standard */
        if (model_sv_ieq(w, "any") || model_sv_ieq(w, "host") || memchr(w.p, '/', w.n) ||
            (cx_sv_is_dotted(w) && (tk(s, i + 1).n == 0 || cx_sv_is_dotted(tk(s, i + 1)) ||
                                    sv_eq_cstr(tk(s, i + 1), "log")))) {
            standard = true;
        }
    }
    bool all_protocols =
        standard || model_sv_ieq(w, "ip") || model_sv_ieq(w, "ipv4") || model_sv_ieq(w, "ipv6");
    e->icmp_or_routing = !standard && model_proto_icmp_or_routing(w);
    if (!standard) {
        /* skip the protocol: a word, a number, or ASA object-group/object NAME */
        if (model_sv_ieq(w, "object-group") || model_sv_ieq(w, "object"))
            i += 2;
        else
            i += 1;
    }
    acl_match(x, e, s, i, standard, all_protocols);
}

/* "ip|ipv4|ipv6 access-list [standard|extended|resequence...] NAME" */
bool cx_h_ip_access_list(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    size_t k = 2; /* after "access-list" */
    bool standard = false;
    struct sv kind = tk(s, k);
    if (sv_eq_cstr(kind, "standard")) {
        standard = true;
        k++;
    } else if (sv_eq_cstr(kind, "extended") || sv_eq_cstr(kind, "role-based")) {
        k++;
    } else if (sv_eq_cstr(kind, "resequence") || sv_eq_cstr(kind, "logging") ||
               sv_eq_cstr(kind, "log-update") || sv_eq_cstr(kind, "match-local-traffic")) {
        return true;
    }
    struct sv name = tk(s, k);
    if (name.n == 0)
        return true;
    struct acl *acl = cx_find_or_add_acl(x, name, n);
    if (!acl)
        return true;
    for (const struct cfg_node *c = n->child; c; c = c->next)
        if (active(c))
            acl_entry_from(x, acl, cfg_text(c), 0, standard, c);
    return true;
}

/* IOS "access-list N ..." (numbered) and ASA "access-list NAME [extended|standard] ...". */
bool cx_h_access_list(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct sv name = tk(s, 1);
    if (name.n == 0)
        return true;
    size_t i = 2;
    bool standard = false;
    if (x->d == DIALECT_CISCO_ASA) {
        struct sv kind = tk(s, 2);
        if (sv_eq_cstr(kind, "standard")) {
            standard = true;
            i = 3;
        } else if (sv_eq_cstr(kind, "extended")) {
            i = 3;
        } else if (sv_eq_cstr(kind, "line")) {
            if (sv_eq_cstr(tk(s, 4), "standard"))
                standard = true;
            i = 4 + (sv_eq_cstr(tk(s, 4), "standard") || sv_eq_cstr(tk(s, 4), "extended"));
        } else if (!is_action(kind)) {
            return true; /* remark, webtype, ethertype, ... */
        }
    } else {
        long num = model_sv_long(name, -1);
        if (num < 0)
            return true;
        standard = (num >= 1 && num <= 99) || (num >= 1300 && num <= 1999);
        if (sv_eq_cstr(tk(s, 2), "dynamic"))
            i = 4;
    }
    if (!is_action(tk(s, i)))
        return true;
    struct acl *acl = cx_find_or_add_acl(x, name, n);
    if (!acl)
        return true;
    acl_entry_from(x, acl, s, i, standard, n);
    return true;
}
