/*
 * extract_rtg.c - helpers shared by the extractors' routing-security hooks
 * (extract_*_rtg.c): first-hop redundancy groups, routing keys and the
 * calendar arithmetic of key lifetimes. Nothing here looks at one vendor's
 * statements except the Cisco lifetime form, which IOS, IOS XR and NX-OS
 * share.
 */
#include "model/extract_rtg.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#define RTG_MAX_ITEMS 200000 /* cap on FHRP groups and keys */

const char *rtg_auth_name(enum rtg_auth a)
{
    switch (a) {
    case RTG_AUTH_NONE:
        return "none";
    case RTG_AUTH_TEXT:
        return "text";
    case RTG_AUTH_MD5:
        return "md5";
    case RTG_AUTH_UNSUPPORTED:
        return "unsupported";
    case RTG_AUTH_UNKNOWN:
        break;
    }
    return "unknown";
}

struct fhrp_group *rtg_add_fhrp(struct arena *a, struct device_model *m, const char *proto,
                                struct sv ifname, struct sv group, const struct cfg_node *n)
{
    if (m->rtg.nfhrp >= RTG_MAX_ITEMS)
        return NULL;
    struct fhrp_group *g = MODEL_PUSH(a, m->rtg.fhrp, m->rtg.nfhrp);
    g->proto = proto;
    g->ifname = ifname.n ? model_strdup_unquoted(a, ifname) : NULL;
    g->group = group.n ? model_strdup_unquoted(a, group) : NULL;
    g->auth = RTG_AUTH_NONE;
    g->node = n;
    return g;
}

static bool cstr_is_sv(const char *c, struct sv s)
{
    struct sv u = sv_unquote(s);
    if (!c)
        return u.n == 0;
    return strlen(c) == u.n && memcmp(c, u.p, u.n) == 0;
}

struct fhrp_group *rtg_fhrp(struct arena *a, struct device_model *m, const char *proto,
                            struct sv ifname, struct sv group, const struct cfg_node *n)
{
    /* groups of one interface are added together: search backwards, a few at most */
    for (size_t i = m->rtg.nfhrp; i-- > 0 && i + 64 >= m->rtg.nfhrp;) {
        struct fhrp_group *g = &m->rtg.fhrp[i];
        if (strcmp(g->proto, proto) == 0 && cstr_is_sv(g->ifname, ifname) &&
            cstr_is_sv(g->group, group))
            return g;
    }
    return rtg_add_fhrp(a, m, proto, ifname, group, n);
}

struct rtg_key *rtg_add_key(struct arena *a, struct device_model *m, struct sv chain, struct sv id,
                            const struct cfg_node *n)
{
    if (m->rtg.nkeys >= RTG_MAX_ITEMS)
        return NULL;
    struct rtg_key *k = MODEL_PUSH(a, m->rtg.keys, m->rtg.nkeys);
    k->chain = chain.n ? model_strdup_unquoted(a, chain) : NULL;
    k->id = id.n ? model_strdup_unquoted(a, id) : NULL;
    k->send_days = k->accept_days = RTG_LIFE_NONE;
    k->since_day = INT32_MIN;
    k->node = n;
    return k;
}

struct rtg_key *rtg_key(struct arena *a, struct device_model *m, struct sv chain, struct sv id,
                        const struct cfg_node *n)
{
    for (size_t i = m->rtg.nkeys; i-- > 0 && i + 256 >= m->rtg.nkeys;) {
        struct rtg_key *k = &m->rtg.keys[i];
        if (cstr_is_sv(k->chain, chain) && cstr_is_sv(k->id, id))
            return k;
    }
    return rtg_add_key(a, m, chain, id, n);
}

void rtg_unread_chain(struct arena *a, struct device_model *m, struct sv chain,
                      const struct cfg_node *n, const char *why)
{
    for (size_t i = 0; i < m->rtg.nkeys; i++)
        if (cstr_is_sv(m->rtg.keys[i].chain, chain))
            return;
    struct rtg_key *k = rtg_add_key(a, m, chain, sv_make("", 0), n);
    if (k) {
        k->send_days = k->accept_days = RTG_LIFE_UNREAD;
        k->why = why;
    }
}

void rtg_settle_start_times(struct device_model *m)
{
    if (m->rtg.nkeys >= 4096)
        return; /* the pairwise search below is quadratic */
    for (size_t i = 0; i < m->rtg.nkeys; i++) {
        struct rtg_key *k = &m->rtg.keys[i];
        if (k->since_day == INT32_MIN) {
            k->send_days = k->accept_days = k->why ? RTG_LIFE_UNREAD : RTG_LIFE_NONE;
            continue;
        }
        long next = INT32_MAX;
        for (size_t j = 0; j < m->rtg.nkeys; j++) {
            const struct rtg_key *o = &m->rtg.keys[j];
            if (j != i && o->chain && k->chain && strcmp(o->chain, k->chain) == 0 &&
                o->since_day != INT32_MIN && o->since_day > k->since_day && o->since_day < next)
                next = o->since_day;
        }
        k->send_days = k->accept_days = next == INT32_MAX ? RTG_LIFE_OPEN : next - k->since_day;
    }
}

static const struct cfg_node *first_ebgp(const struct device_model *m)
{
    for (size_t i = 0; i < m->bgp.nneighbors; i++)
        if (m->bgp.neighbors[i].ebgp && !m->bgp.neighbors[i].shutdown)
            return m->bgp.neighbors[i].node;
    return NULL;
}

void rtg_settle_edge(struct device_model *m, const struct cfg_node *vrf,
                     const struct cfg_node *l2vpn)
{
    struct rtg_facts *r = &m->rtg;
    const struct cfg_node *eb = first_ebgp(m);
    if (vrf) {
        r->pe_why = "MPLS with a customer VRF/VPRN (L3VPN edge)";
        r->pe_node = vrf;
    } else if (l2vpn) {
        r->pe_why = "MPLS with pseudowires/L2VPN services (L2VPN edge)";
        r->pe_node = l2vpn;
    } else if (eb) {
        r->pe_why = "MPLS with eBGP sessions (edge towards other networks)";
        r->pe_node = eb;
    }
}

/* ------------------------------------------------------------ calendar */

long rtg_days(long year, long month, long day)
{
    if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
        return INT32_MIN;
    /* days from civil (proleptic Gregorian), H. Hinnant's algorithm */
    long y = year - (month <= 2);
    long era = y / 400;
    long yoe = y - era * 400;
    long mp = (month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long rtg_ymd_day(struct sv v)
{
    v = sv_unquote(v);
    long f[3] = {0, 0, 0};
    size_t k = 0, digits = 0;
    for (size_t i = 0; i < v.n && k < 3 && digits < 5; i++) {
        char c = v.p[i];
        if (c >= '0' && c <= '9') {
            f[k] = f[k] * 10 + (c - '0');
            digits++;
        } else if ((c == '-' || c == '/') && digits && k < 2) {
            k++;
            digits = 0;
        } else {
            break;
        }
    }
    return k == 2 && digits ? rtg_days(f[0], f[1], f[2]) : INT32_MIN;
}

int rtg_month(struct sv w)
{
    static const char *const names[12] = {"january",   "february", "march",    "april",
                                          "may",       "june",     "july",     "august",
                                          "september", "october",  "november", "december"};
    if (w.n < 3)
        return 0;
    for (int i = 0; i < 12; i++) {
        size_t len = strlen(names[i]);
        if (w.n > len)
            continue;
        bool same = true;
        for (size_t j = 0; j < w.n && same; j++)
            same = tolower((unsigned char)w.p[j]) == names[i][j];
        if (same)
            return i + 1;
    }
    return 0;
}

static struct sv tok(struct sv s, size_t i)
{
    struct sv t = sv_token(s, i);
    return t.p ? t : sv_make("", 0);
}

/* "hh:mm:ss Month dd yyyy" or "hh:mm:ss dd Month yyyy" from token *i; days or INT32_MIN. */
static long cisco_date(struct sv s, size_t *i)
{
    struct sv t = tok(s, *i), a = tok(s, *i + 1), b = tok(s, *i + 2), y = tok(s, *i + 3);
    if (!memchr(t.p, ':', t.n))
        return INT32_MIN;
    int mon = rtg_month(a);
    long day = model_sv_long(mon ? b : a, -1);
    if (!mon)
        mon = rtg_month(b);
    long d = rtg_days(model_sv_long(y, -1), mon, day);
    if (d != INT32_MIN)
        *i += 4;
    return d;
}

long rtg_cisco_lifetime(struct sv s, size_t i)
{
    if (sv_eq_cstr(tok(s, i), "local"))
        i++;
    long start = cisco_date(s, &i);
    if (start == INT32_MIN)
        return RTG_LIFE_UNREAD;
    struct sv e = tok(s, i);
    if (sv_eq_cstr(e, "infinite"))
        return RTG_LIFE_INFINITE;
    if (sv_eq_cstr(e, "duration")) {
        long secs = model_sv_long(tok(s, i + 1), -1);
        return secs < 0 ? RTG_LIFE_UNREAD : (secs + 86399) / 86400;
    }
    long end = cisco_date(s, &i);
    if (end == INT32_MIN || end < start)
        return RTG_LIFE_UNREAD;
    return end - start;
}
