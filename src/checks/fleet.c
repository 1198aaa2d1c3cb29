/*
 * fleet.c - checks across the estate (scope CHECK_FLEET). Each device leaves
 * salted fingerprints of its reusable secrets in its summary; after every
 * device is read, checks_fleet_evaluate() finds the fingerprints that occur
 * on more than one device. Only fingerprints are kept: the secret values
 * never leave the device arena.
 */
#include "checks/checks_int.h"

#include <stdlib.h>
#include <string.h>

/* Fingerprints kept per device (a device with more is truncated). */
#define FLEET_MAX_FPS_PER_DEVICE 4096

struct fp_builder {
    struct secret_fp *v;
    size_t n, cap;
    size_t redacted;
    const char *salt;
};

/*
 * Cisco type 7 is a fixed-key XOR encoding: the same password encodes
 * differently depending on the two-digit offset chosen when it was stored.
 * Decoding it (in memory only) lets the comparison see through that.
 */
static bool cisco7_decode(struct sv in, char *out, size_t cap, size_t *outn)
{
    static const char key[] = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";
    const size_t klen = sizeof(key) - 1;
    if (in.n < 4 || (in.n & 1) || in.n / 2 > cap)
        return false;
    if (in.p[0] < '0' || in.p[0] > '9' || in.p[1] < '0' || in.p[1] > '9')
        return false;
    size_t seed = (size_t)(in.p[0] - '0') * 10 + (size_t)(in.p[1] - '0');
    size_t n = 0;
    for (size_t i = 2; i + 1 < in.n; i += 2) {
        unsigned v = 0;
        for (size_t j = 0; j < 2; j++) {
            char c = in.p[i + j];
            unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                         : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                         : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                                                : 16u;
            if (d > 15)
                return false;
            v = v * 16 + d;
        }
        out[n++] = (char)(v ^ (unsigned char)key[(seed + (i - 2) / 2) % klen]);
    }
    *outn = n;
    return true;
}

static void wipe(void *p, size_t n)
{
    volatile unsigned char *v = p;
    while (n--)
        *v++ = 0;
}

static void fp_add(struct fp_builder *b, uint8_t kind, const struct secret *s)
{
    if (s->type == SECRET_NONE)
        return;
    if (s->type == SECRET_REDACTED) {
        b->redacted++;
        return;
    }
    struct sv v = sv_trim(sv_unquote(sv_trim(s->value)));
    if (!v.p || !v.n)
        return;
    if (b->n >= FLEET_MAX_FPS_PER_DEVICE)
        return;
    /* Compare reversible values by what they hide: type 7 and cleartext
     * copies of one password are the same secret. */
    char plain[256];
    size_t plen = 0;
    if (s->type == SECRET_CISCO7 && cisco7_decode(v, plain, sizeof(plain), &plen))
        v = sv_make(plain, plen);
    /* sha256(salt NUL kind NUL value): the kind keeps an SNMP community from
     * matching an identical word used as a routing key. */
    struct buf in;
    buf_init(&in, 0);
    buf_adds(&in, b->salt ? b->salt : "");
    buf_addc(&in, '\0');
    buf_adds(&in, fleet_kind_name(kind));
    buf_addc(&in, '\0');
    buf_add(&in, v.p, v.n);
    uint8_t md[32];
    sha256(in.data, in.len, md);
    wipe(in.data, in.len);
    buf_free(&in);
    wipe(plain, sizeof(plain));
    uint8_t fp[sizeof(b->v->fp)];
    memcpy(fp, md, sizeof(fp));
    for (size_t i = 0; i < b->n; i++)
        if (!memcmp(b->v[i].fp, fp, sizeof(fp)) && b->v[i].kind == kind)
            return; /* the same value twice on one device is one fingerprint */
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
    }
    struct secret_fp *f = &b->v[b->n++];
    f->kind = kind;
    memcpy(f->fp, fp, sizeof(f->fp));
    f->line = s->node ? s->node->line : 0;
}

/*
 * Fingerprint kinds. The first entries are the model's own secret slots; the
 * others are the kinds extractors give other_secrets entries ("bgp-key",
 * "ospf-key", ...); anything else is a "shared-key".
 */
static const char *const kinds[] = {
    "shared-key", "enable-secret", "local-user-secret", "snmp-community", "bgp-key",
    "ospf-key",   "isis-key",      "tacacs-key",        "radius-key",     "ntp-key",
    "key-chain",  "ipsec-psk",     "snmp-auth",         "snmp-priv",      "ldp-key",
    "vrrp-key",   "hsrp-key",      "eigrp-key",         "rip-key",        "ldap-key",
    "wpa-psk",    "ppp-secret",    "url-password",
};

const char *fleet_kind_name(unsigned kind)
{
    return kind < ARRAY_SIZE(kinds) ? kinds[kind] : kinds[0];
}

static uint8_t kind_index(const char *k)
{
    for (size_t i = 1; k && i < ARRAY_SIZE(kinds); i++)
        if (!strcmp(k, kinds[i]))
            return (uint8_t)i;
    return 0;
}

void checks_device_fingerprints(const struct device_model *m, const char *run_salt,
                                struct device_summary *s)
{
    struct fp_builder b = {.salt = run_salt};
    fp_add(&b, kind_index("enable-secret"), &m->enable);
    for (size_t i = 0; i < m->naccounts; i++)
        fp_add(&b, kind_index("local-user-secret"), &m->accounts[i].secret);
    for (size_t i = 0; i < m->snmp.ncommunities; i++)
        fp_add(&b, kind_index("snmp-community"), &m->snmp.communities[i].name);
    for (size_t i = 0; i < m->aaa.nservers; i++)
        fp_add(&b, kind_index(m->aaa.servers[i].proto == AAA_RADIUS ? "radius-key" : "tacacs-key"),
               &m->aaa.servers[i].key);
    for (size_t i = 0; i < m->bgp.nneighbors; i++)
        fp_add(&b, kind_index("bgp-key"), &m->bgp.neighbors[i].key);
    for (size_t i = 0; i < m->nother_secrets; i++)
        fp_add(&b, kind_index(m->other_secret_kinds ? m->other_secret_kinds[i] : NULL),
               &m->other_secrets[i]);
    /* Summaries live for the whole run: keep exactly what is used. */
    if (b.n && b.n < b.cap)
        b.v = xrealloc(b.v, b.n * sizeof(*b.v));
    s->fps = b.v;
    s->nfps = (uint32_t)b.n;
    s->nredacted = (uint32_t)b.redacted;
}

/* ------------------------------------------------------------ evaluation */

struct fp_ref {
    const struct secret_fp *fp;
    size_t dev;
};

static int fp_ref_cmp(const void *a, const void *b)
{
    const struct fp_ref *x = a, *y = b;
    int c = memcmp(x->fp->fp, y->fp->fp, sizeof(x->fp->fp));
    if (c)
        return c;
    if (x->fp->kind != y->fp->kind)
        return x->fp->kind < y->fp->kind ? -1 : 1;
    return x->dev < y->dev ? -1 : x->dev > y->dev;
}

const char *fleet_device_name(const struct device_summary *d)
{
    if (d->relpath && *d->relpath)
        return d->relpath;
    if (d->file && *d->file)
        return d->file;
    if (d->hostname && *d->hostname)
        return d->hostname;
    return "?";
}

static bool usable(const struct device_summary *d)
{
    return !d->excluded && !d->unreadable && !d->not_audited;
}

/*
 * A secret held by several devices: its kind and, per device (distinct,
 * in scan order), the index and the line. Built once from every
 * fingerprint of the usable devices.
 */
struct reuse_group {
    uint8_t kind;
    size_t *dev;
    uint32_t *line;
    size_t n;
};

static size_t reuse_groups(const struct device_summary *devs, size_t n, struct reuse_group **out)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        if (usable(&devs[i]))
            total += devs[i].nfps;
    struct fp_ref *refs = xcalloc(total ? total : 1, sizeof(*refs));
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (usable(&devs[i]))
            for (size_t j = 0; j < devs[i].nfps; j++)
                refs[k++] = (struct fp_ref){&devs[i].fps[j], i};
    qsort(refs, k, sizeof(*refs), fp_ref_cmp);
    struct reuse_group *g = NULL;
    size_t ng = 0, cap = 0;
    for (size_t a = 0; a < k;) {
        size_t b = a + 1;
        while (b < k && !memcmp(refs[b].fp->fp, refs[a].fp->fp, sizeof(refs[a].fp->fp)) &&
               refs[b].fp->kind == refs[a].fp->kind)
            b++;
        size_t ndev = 0;
        for (size_t i = a; i < b; i++)
            ndev += i == a || refs[i].dev != refs[i - 1].dev;
        if (ndev > 1) {
            if (ng == cap) {
                cap = cap ? cap * 2 : 8;
                g = xrealloc(g, cap * sizeof(*g));
            }
            struct reuse_group *x = &g[ng++];
            x->kind = refs[a].fp->kind;
            x->dev = xcalloc(ndev, sizeof(*x->dev));
            x->line = xcalloc(ndev, sizeof(*x->line));
            x->n = 0;
            for (size_t i = a; i < b; i++)
                if (i == a || refs[i].dev != refs[i - 1].dev) {
                    x->dev[x->n] = refs[i].dev;
                    x->line[x->n++] = refs[i].fp->line;
                }
        }
        a = b;
    }
    free(refs);
    *out = g;
    return ng;
}

static void reuse_groups_free(struct reuse_group *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(g[i].dev);
        free(g[i].line);
    }
    free(g);
}

/* One pair (or, for a large group, every device) holding secrets of one kind. */
struct pair_rec {
    size_t a, b; /* device indices, a < b; b == SIZE_MAX for a whole group */
    uint8_t kind;
    uint32_t la, lb;
    const struct reuse_group *group; /* the whole group, when b == SIZE_MAX */
};

static int pair_cmp(const void *x_, const void *y_)
{
    const struct pair_rec *x = x_, *y = y_;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->la != y->la)
        return x->la < y->la ? -1 : 1;
    return (x->lb > y->lb) - (x->lb < y->lb);
}

static size_t pairs_of(const struct reuse_group *g, size_t ng, struct pair_rec **out)
{
    struct pair_rec *p = NULL;
    size_t np = 0, cap = 0;
    for (size_t i = 0; i < ng; i++) {
        bool whole = g[i].n > FLEET_MAX_PAIR_DEVICES;
        size_t add = whole ? 1 : g[i].n * (g[i].n - 1) / 2;
        if (np + add > cap) {
            cap = (np + add) * 2;
            p = xrealloc(p, cap * sizeof(*p));
        }
        if (whole) {
            p[np++] = (struct pair_rec){g[i].dev[0], SIZE_MAX, g[i].kind, g[i].line[0], 0, &g[i]};
            continue;
        }
        for (size_t x = 0; x < g[i].n; x++)
            for (size_t y = x + 1; y < g[i].n; y++)
                p[np++] = (struct pair_rec){g[i].dev[x],  g[i].dev[y],  g[i].kind,
                                            g[i].line[x], g[i].line[y], NULL};
    }
    if (np > 1)
        qsort(p, np, sizeof(*p), pair_cmp);
    *out = p;
    return np;
}

/* The fingerprint of a finding: the check, the kind and the devices' paths. */
static void finding_fingerprint(struct fleet_finding *x)
{
    struct buf b;
    buf_init(&b, 0);
    buf_printf(&b, "%s\x1f%s", x->check ? x->check->id : "", x->kind);
    for (size_t i = 0; i < x->ndevices; i++)
        buf_printf(&b, "\x1f%s", x->devices[i]);
    char hex[65];
    sha256_hex(b.data, b.len, hex);
    buf_free(&b);
    memcpy(x->fingerprint, hex, 32);
    x->fingerprint[32] = 0;
}

static void finding_devices(struct fleet_finding *x, const struct device_summary *devs,
                            const struct pair_rec *p)
{
    size_t n = p->b == SIZE_MAX ? p->group->n : 2;
    x->devices = xcalloc(n, sizeof(*x->devices));
    x->lines = xcalloc(n, sizeof(*x->lines));
    x->dev_index = xcalloc(n, sizeof(*x->dev_index));
    for (size_t i = 0; i < n; i++) {
        size_t d = p->b == SIZE_MAX ? p->group->dev[i] : i ? p->b : p->a;
        x->dev_index[i] = d;
        x->lines[i] = p->b == SIZE_MAX ? p->group->line[i] : i ? p->lb : p->la;
        x->devices[i] = xstrdup(fleet_device_name(&devs[d]));
    }
    x->ndevices = n;
}

/* "core/a.cfg (lon-cr1) line 55": the path, the hostname beside it unless
 * it is the path, and the line. */
static void message_device(struct buf *msg, const char *sep, const struct fleet_finding *x,
                           const struct device_summary *devs, size_t i)
{
    const char *host = devs[x->dev_index[i]].hostname;
    bool show = host && *host && strcmp(host, x->devices[i]) != 0;
    buf_printf(msg, "%s%s%s%s%s line %u", sep, x->devices[i], show ? " (" : "", show ? host : "",
               show ? ")" : "", x->lines[i]);
}

/* One finding from the records [a, b) of one pair (or group) and kind. */
static void finding_from(struct fleet_finding *x, const struct device_summary *devs,
                         const struct pair_rec *p, size_t count)
{
    memset(x, 0, sizeof(*x));
    x->check = check_find("CRED-UNIQUE-PER-DEVICE");
    x->verdict = VERDICT_FAIL;
    x->kind = fleet_kind_name(p->kind);
    finding_devices(x, devs, p);
    struct buf msg;
    buf_init(&msg, 256);
    if (count > 1)
        buf_printf(&msg, "%zu secrets of kind %s are the same on", count, x->kind);
    else
        buf_printf(&msg, "the same %s is used on", x->kind);
    if (x->ndevices == 2) {
        message_device(&msg, " ", x, devs, 0);
        message_device(&msg, " and ", x, devs, 1);
    } else {
        buf_printf(&msg, " %zu devices:", x->ndevices);
        for (size_t i = 0; i < x->ndevices; i++)
            message_device(&msg, i ? ", " : " ", x, devs, i);
    }
    x->message = xstrdup(buf_cstr(&msg));
    buf_free(&msg);
    finding_fingerprint(x);
}

/*
 * A device's verdict from what the estate shows: fail when a secret of it
 * is on another device, pass when it has secrets none of which is,
 * unknown when the collector removed all of them, else not_applicable.
 */
static enum verdict device_verdict(const struct device_summary *d, bool involved)
{
    if (involved)
        return VERDICT_FAIL;
    if (d->nfps)
        return VERDICT_PASS;
    return d->nredacted ? VERDICT_UNKNOWN : VERDICT_NOT_APPLICABLE;
}

size_t checks_fleet_evaluate(const struct device_summary *devs, size_t n,
                             struct fleet_finding **out)
{
    struct reuse_group *g;
    size_t ng = reuse_groups(devs, n, &g);
    struct pair_rec *p;
    size_t np = pairs_of(g, ng, &p);

    bool *involved = xcalloc(n ? n : 1, sizeof(*involved));
    for (size_t i = 0; i < ng; i++)
        for (size_t k = 0; k < g[i].n; k++)
            involved[g[i].dev[k]] = true;
    struct fleet_finding *f = xcalloc(np ? np : 1, sizeof(*f));
    size_t nf = 0;
    for (size_t a = 0; a < np;) {
        size_t b = a + 1;
        while (b < np && p[b].a == p[a].a && p[b].b == p[a].b && p[b].kind == p[a].kind &&
               p[a].b != SIZE_MAX)
            b++;
        finding_from(&f[nf++], devs, &p[a], b - a);
        a = b;
    }

    /* Per-device verdicts for the fleet-scope check. */
    const struct check_def *unique = check_find("CRED-UNIQUE-PER-DEVICE");
    size_t c = unique ? check_index(unique) : SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        const struct device_summary *d = &devs[i];
        if (d->verdicts && c < d->nverdicts && usable(d))
            d->verdicts[c] = (uint8_t)device_verdict(d, involved[i]);
    }
    free(involved);
    free(p);
    reuse_groups_free(g, ng);
    *out = f;
    return nf;
}

void fleet_findings_free(struct fleet_finding *f, size_t n)
{
    for (size_t i = 0; f && i < n; i++) {
        for (size_t j = 0; j < f[i].ndevices; j++)
            free(f[i].devices[j]);
        free(f[i].devices);
        free(f[i].lines);
        free(f[i].dev_index);
        free(f[i].message);
    }
    free(f);
}

/* ------------------------------------------------------------------ view */

/* A device's place in a reuse group. */
struct fleet_member {
    size_t group;
    uint32_t line; /* where the device holds the secret */
};

struct fleet_view {
    const struct device_summary *devs;
    size_t *by_file; /* device indices sorted by file path */
    size_t n, nusable;
    struct reuse_group *groups;
    size_t ngroups;
    size_t *first; /* per device: its entries in member[] are [first[i], first[i + 1]) */
    struct fleet_member *member; /* per device, by line (groups are in salted order) */
};

/* qsort has no context argument: the summaries being sorted, one build at a time. */
static _Thread_local const struct device_summary *sort_devs;

static const char *file_of(const struct device_summary *d)
{
    return d->file ? d->file : "";
}

static int by_file_cmp(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(file_of(&sort_devs[x]), file_of(&sort_devs[y]));
    return c ? c : (x > y) - (x < y);
}

size_t fleet_view_index(const struct fleet_view *v, const char *path)
{
    size_t lo = 0, hi = v->n;
    while (path && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(file_of(&v->devs[v->by_file[mid]]), path) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (path && lo < v->n && !strcmp(file_of(&v->devs[v->by_file[lo]]), path))
        return v->by_file[lo];
    return SIZE_MAX;
}

/* Groups come out in the order of their salted fingerprints, which differs
 * from run to run: order them by what they are (kind, then the devices that
 * share, in file order) so messages list the same reuse the same way. */
static int group_cmp(const void *a, const void *b)
{
    const struct reuse_group *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    for (size_t k = 0; k < x->n && k < y->n; k++)
        if (x->dev[k] != y->dev[k])
            return x->dev[k] < y->dev[k] ? -1 : 1;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    return 0;
}

static int member_cmp(const void *a, const void *b)
{
    const struct fleet_member *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return (x->group > y->group) - (x->group < y->group);
}

struct fleet_view *fleet_view_build(const struct device_summary *devs, size_t n)
{
    struct fleet_view *v = xcalloc(1, sizeof(*v));
    v->devs = devs;
    v->n = n;
    v->by_file = xcalloc(n ? n : 1, sizeof(*v->by_file));
    for (size_t i = 0; i < n; i++)
        v->by_file[i] = i;
    sort_devs = devs;
    qsort(v->by_file, n, sizeof(*v->by_file), by_file_cmp);
    sort_devs = NULL;
    for (size_t i = 0; i < n; i++)
        v->nusable += usable(&devs[i]);
    v->ngroups = reuse_groups(devs, n, &v->groups);
    if (v->ngroups > 1)
        qsort(v->groups, v->ngroups, sizeof(*v->groups), group_cmp);
    v->first = xcalloc(n + 1, sizeof(*v->first));
    for (size_t g = 0; g < v->ngroups; g++)
        for (size_t k = 0; k < v->groups[g].n; k++)
            v->first[v->groups[g].dev[k] + 1]++;
    for (size_t i = 0; i < n; i++)
        v->first[i + 1] += v->first[i];
    v->member = xcalloc(v->first[n] ? v->first[n] : 1, sizeof(*v->member));
    size_t *fill = xcalloc(n ? n : 1, sizeof(*fill));
    for (size_t g = 0; g < v->ngroups; g++)
        for (size_t k = 0; k < v->groups[g].n; k++) {
            size_t d = v->groups[g].dev[k];
            v->member[v->first[d] + fill[d]++] = (struct fleet_member){g, v->groups[g].line[k]};
        }
    free(fill);
    /* Messages list a device's shared secrets in the order of its lines. */
    for (size_t i = 0; i < n; i++)
        if (v->first[i + 1] - v->first[i] > 1)
            qsort(v->member + v->first[i], v->first[i + 1] - v->first[i], sizeof(*v->member),
                  member_cmp);
    return v;
}

void fleet_view_free(struct fleet_view *v)
{
    if (!v)
        return;
    reuse_groups_free(v->groups, v->ngroups);
    free(v->by_file);
    free(v->first);
    free(v->member);
    free(v);
}

/* "kind (line L) with a, b and N more" for one group as seen from device d. */
static void describe_share(struct buf *b, const struct fleet_view *v, const struct fleet_member *mb,
                           size_t d)
{
    enum { SHOWN = 5 };
    const struct reuse_group *g = &v->groups[mb->group];
    size_t shown = 0;
    buf_printf(b, "%s (line %u) with ", fleet_kind_name(g->kind), mb->line);
    for (size_t k = 0; k < g->n; k++) {
        if (g->dev[k] == d)
            continue;
        if (shown == SHOWN) {
            buf_printf(b, " and %zu more", g->n - 1 - SHOWN);
            break;
        }
        buf_printf(b, "%s%s", shown++ ? ", " : "", fleet_device_name(&v->devs[g->dev[k]]));
    }
}

/* CRED-UNIQUE-PER-DEVICE for a device scanned with others. */
void fleet_device_result(const struct check_ctx *ctx, struct check_result *r)
{
    const struct fleet_view *v = ctx->fleet;
    size_t d = fleet_view_index(v, ctx->tree ? ctx->tree->path : NULL);
    if (d == SIZE_MAX) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the device was not in the estate's first reading, so reuse was not compared");
        return;
    }
    const struct device_summary *s = &v->devs[d];
    size_t nshared = v->first[d + 1] - v->first[d];
    if (nshared) {
        struct buf b;
        buf_init(&b, 256);
        for (size_t k = v->first[d]; k < v->first[d + 1]; k++) {
            if (k > v->first[d])
                buf_adds(&b, "; ");
            describe_share(&b, v, &v->member[k], d);
            if (v->member[k].line)
                check_evidence_line(ctx, r, v->member[k].line);
        }
        check_set(ctx, r, VERDICT_FAIL, "%zu secret%s also on other scanned devices: %s", nshared,
                  nshared == 1 ? " is" : "s are", buf_cstr(&b));
        buf_free(&b);
        return;
    }
    size_t others = v->nusable ? v->nusable - 1 : 0;
    switch (device_verdict(s, false)) {
    case VERDICT_PASS:
        check_set(ctx, r, VERDICT_PASS,
                  "none of its %u secrets is used on any of the %zu other scanned devices",
                  (unsigned)s->nfps, others);
        break;
    case VERDICT_UNKNOWN:
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "every secret (%u) was removed by the collector, so reuse cannot be checked",
                  (unsigned)s->nredacted);
        break;
    default:
        check_set(ctx, r, VERDICT_NOT_APPLICABLE, "no reusable secrets in the configuration");
        break;
    }
}

void checks_refresh_fleet(const struct fleet_view *v, const struct cfg_tree *t, struct arena *a,
                          const struct profile *p, struct device_result *d)
{
    struct check_ctx ctx = {.tree = t, .profile = p, .arena = a, .fleet = v};
    for (size_t k = 0; k < d->nresults; k++) {
        struct check_result *r = &d->results[k];
        if (!r->check || r->check->eval != check_eval_cred_unique_local)
            continue;
        r->evidence = NULL;
        r->nevidence = 0;
        fleet_device_result(&ctx, r);
    }
}
