/*
 * prefix.c - IPv4/IPv6 prefixes: parsing (CIDR, netmask, wildcard) and
 * containment, for resolving access lists against the profile's ranges.
 */
#include "core/core.h"

#include <arpa/inet.h>
#include <string.h>

static bool copy_cstr(struct sv s, char *out, size_t n)
{
    if (s.n == 0 || s.n >= n)
        return false;
    memcpy(out, s.p, s.n);
    out[s.n] = 0;
    return true;
}

static void apply_len(struct ip_prefix *p)
{
    unsigned bits = p->af == 4 ? 32 : 128;
    for (unsigned i = p->len; i < bits; i++)
        p->addr[i / 8] &= (uint8_t) ~(0x80u >> (i % 8));
}

static bool parse_addr(struct sv s, struct ip_prefix *out)
{
    char tmp[64];
    if (!copy_cstr(s, tmp, sizeof(tmp)))
        return false;
    memset(out, 0, sizeof(*out));
    if (inet_pton(AF_INET, tmp, out->addr) == 1) {
        out->af = 4;
        out->len = 32;
        return true;
    }
    if (inet_pton(AF_INET6, tmp, out->addr) == 1) {
        out->af = 6;
        out->len = 128;
        return true;
    }
    return false;
}

bool ip_prefix_parse(struct sv s, struct ip_prefix *out)
{
    s = sv_trim(s);
    const char *slash = memchr(s.p, '/', s.n);
    if (!slash) {
        /* "addr mask" form */
        struct sv a = sv_token(s, 0), m = sv_token(s, 1);
        if (m.n)
            return ip_prefix_from_mask(a, m, false, out);
        return parse_addr(s, out);
    }
    struct sv a = sv_make(s.p, (size_t)(slash - s.p));
    struct sv l = sv_make(slash + 1, s.n - (size_t)(slash - s.p) - 1);
    long len;
    if (!parse_addr(a, out))
        return false;
    if (!sv_to_long(l, &len)) {
        /* "a.b.c.d/255.255.255.0" */
        struct ip_prefix m;
        if (out->af == 4 && parse_addr(l, &m) && m.af == 4)
            return ip_prefix_from_mask(a, l, false, out);
        out->af = 0;
        return false;
    }
    if (len < 0 || len > (out->af == 4 ? 32 : 128)) {
        out->af = 0;
        return false;
    }
    out->len = (uint8_t)len;
    apply_len(out);
    return true;
}

bool ip_prefix_from_mask(struct sv addr, struct sv mask, bool wildcard, struct ip_prefix *out)
{
    struct ip_prefix m;
    if (!parse_addr(addr, out) || out->af != 4 || !parse_addr(mask, &m) || m.af != 4) {
        out->af = 0;
        return false;
    }
    uint32_t v = (uint32_t)m.addr[0] << 24 | (uint32_t)m.addr[1] << 16 | (uint32_t)m.addr[2] << 8 |
                 m.addr[3];
    if (wildcard)
        v = ~v;
    /* Count leading ones; a non-contiguous mask is approximated by its
     * leading run, which can only widen the prefix (the safe direction). */
    unsigned len = 0;
    while (len < 32 && (v & (0x80000000u >> len)))
        len++;
    out->len = (uint8_t)len;
    apply_len(out);
    return true;
}

bool ip_prefix_contains(const struct ip_prefix *outer, const struct ip_prefix *inner)
{
    if (outer->af != inner->af || outer->af == 0 || outer->len > inner->len)
        return false;
    for (unsigned i = 0; i < outer->len; i++) {
        uint8_t bit = (uint8_t)(0x80u >> (i % 8));
        if ((outer->addr[i / 8] & bit) != (inner->addr[i / 8] & bit))
            return false;
    }
    return true;
}

bool ip_prefix_overlaps(const struct ip_prefix *a, const struct ip_prefix *b)
{
    return ip_prefix_contains(a, b) || ip_prefix_contains(b, a);
}

bool ip_prefix_is_any(const struct ip_prefix *p)
{
    return p->af != 0 && p->len == 0;
}

const char *ip_prefix_format(const struct ip_prefix *p, char *buf, size_t n)
{
    char a[INET6_ADDRSTRLEN];
    if (p->af == 4)
        inet_ntop(AF_INET, p->addr, a, sizeof(a));
    else if (p->af == 6)
        inet_ntop(AF_INET6, p->addr, a, sizeof(a));
    else
        snprintf(a, sizeof(a), "?");
    snprintf(buf, n, "%s/%u", a, p->len);
    return buf;
}
