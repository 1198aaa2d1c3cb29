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

static const char *summary_name(const struct device_summary *d)
{
    if (d->hostname && *d->hostname)
        return d->hostname;
    if (d->file)
        return d->file;
    return "?";
}

static bool usable(const struct device_summary *d)
{
    return !d->excluded && !d->unreadable && !d->not_audited;
}

size_t checks_fleet_evaluate(const struct device_summary *devs, size_t n,
                             struct fleet_finding **out)
{
    size_t nall;
    const struct check_def *const *all = checks_all(&nall);
    const struct check_def *unique = check_find("CRED-UNIQUE-PER-DEVICE");
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

    bool *involved = xcalloc(n ? n : 1, sizeof(*involved));
    struct fleet_finding *f = NULL;
    size_t nf = 0, capf = 0;
    for (size_t a = 0; a < k;) {
        size_t b = a + 1;
        while (b < k && !memcmp(refs[b].fp->fp, refs[a].fp->fp, sizeof(refs[a].fp->fp)) &&
               refs[b].fp->kind == refs[a].fp->kind)
            b++;
        /* Distinct devices in the run [a, b): refs are sorted by device within it. */
        size_t ndev = 0;
        for (size_t i = a; i < b; i++)
            if (i == a || refs[i].dev != refs[i - 1].dev)
                ndev++;
        if (ndev > 1) {
            if (nf == capf) {
                capf = capf ? capf * 2 : 8;
                f = xrealloc(f, capf * sizeof(*f));
            }
            struct fleet_finding *x = &f[nf++];
            memset(x, 0, sizeof(*x));
            x->check = unique;
            x->verdict = VERDICT_FAIL;
            x->devices = xcalloc(ndev, sizeof(*x->devices));
            x->lines = xcalloc(ndev, sizeof(*x->lines));
            for (size_t i = a; i < b; i++) {
                if (i != a && refs[i].dev == refs[i - 1].dev)
                    continue;
                x->devices[x->ndevices] = xstrdup(summary_name(&devs[refs[i].dev]));
                x->lines[x->ndevices] = refs[i].fp->line;
                x->ndevices++;
                involved[refs[i].dev] = true;
            }
            struct buf msg;
            buf_init(&msg, 4096);
            buf_printf(&msg,
                       "the same %s is used on %zu devices:", fleet_kind_name(refs[a].fp->kind),
                       ndev);
            for (size_t i = 0; i < x->ndevices; i++)
                buf_printf(&msg, "%s %s line %u", i ? "," : "", x->devices[i], x->lines[i]);
            x->message = xstrdup(buf_cstr(&msg));
            buf_free(&msg);
        }
        a = b;
    }

    /* Per-device verdicts for every fleet-scope check. */
    for (size_t c = 0; c < nall; c++) {
        if (all[c]->scope != CHECK_FLEET || all[c] != unique)
            continue;
        for (size_t i = 0; i < n; i++) {
            const struct device_summary *d = &devs[i];
            if (!d->verdicts || d->nverdicts <= c || !usable(d))
                continue;
            enum verdict v;
            if (involved[i])
                v = VERDICT_FAIL;
            else if (d->nfps)
                v = VERDICT_PASS;
            else if (d->nredacted)
                v = VERDICT_UNKNOWN;
            else
                v = VERDICT_NOT_APPLICABLE;
            d->verdicts[c] = (uint8_t)v;
        }
    }
    free(involved);
    free(refs);
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
        free(f[i].message);
    }
    free(f);
}
