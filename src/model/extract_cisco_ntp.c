/*
 * extract_cisco_ntp.c - NTP servers, authentication keys and trust.
 */
#include "model/extract_cisco.h"

/* ------------------------------------------------------------ NTP */

static void ntp_server(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    struct ntp_facts *ntp = &x->m->ntp;
    struct sv vrf = sv_make("", 0);
    if (tk_is(s, i, "vrf")) {
        vrf = tk(s, i + 1);
        i += 2;
    }
    struct sv host = tk(s, i);
    if (host.n == 0 || !cap_ok(ntp->nservers))
        return;
    struct host_ref *h = model_add_host(x->a, &ntp->servers, &ntp->nservers, host, n);
    size_t nt = sv_token_count(s);
    for (size_t j = i + 1; j < nt; j++) {
        if (tk_is(s, j, "key") && tk(s, j + 1).n)
            h->keyed = true;
        else if ((tk_is(s, j, "use-vrf") || tk_is(s, j, "vrf")) && tk(s, j + 1).n)
            vrf = tk(s, j + 1);
    }
    h->vrf = dup(x, vrf);
}

static void ntp_key(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    /* authentication-key N md5|sha1|... [T] VALUE [T]; i is the keyword */
    struct sv a = tk(s, i + 3), b = tk(s, i + 4), c = tk(s, i + 5);
    struct sv type = sv_make("", 0), value = a;
    if ((model_sv_is_digits(a) && a.n == 1 && b.n) ||
        ((sv_eq_cstr(a, "encrypted") || sv_eq_cstr(a, "clear")) && b.n)) {
        type = a;
        value = b;
    } else if (model_sv_is_digits(b) && b.n == 1) {
        type = b;
    }
    (void)c;
    enum secret_type ty;
    if (sv_eq_cstr(type, "encrypted"))
        ty = secret_is_redacted(value) ? SECRET_REDACTED : SECRET_CISCO7;
    else if (sv_eq_cstr(type, "clear"))
        ty = secret_is_redacted(value) ? SECRET_REDACTED : SECRET_PLAINTEXT;
    else
        ty = secret_classify_cisco(type, value);
    model_add_secret(x->a, x->m, "ntp-key", model_secret(ty, sv_unquote(value), n));
    if (!x->ntp_key)
        x->ntp_key = n;
}

/* One NTP statement without its "ntp" word (flat or inside the XR block). */
static void ntp_stmt(struct cx *x, struct sv s, size_t i, const struct cfg_node *n, bool neg)
{
    struct sv w = tk(s, i);
    if (neg)
        return;
    if (sv_eq_cstr(w, "server") || sv_eq_cstr(w, "peer")) {
        ntp_server(x, s, i + 1, n);
    } else if (sv_eq_cstr(w, "authenticate")) {
        x->ntp_auth = n;
    } else if (sv_eq_cstr(w, "trusted-key")) {
        x->ntp_trusted = n;
    } else if (sv_eq_cstr(w, "authentication-key")) {
        ntp_key(x, s, i, n);
    }
}

bool cx_h_ntp(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    if (sv_token_count(s) == 1 && n->child) {
        x->ntp_block = n;
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (!active(c))
                continue;
            bool cneg;
            struct sv cs = stmt(c, &cneg);
            ntp_stmt(x, cs, 0, c, cneg);
        }
        return true;
    }
    ntp_stmt(x, s, 1, n, neg);
    return true;
}
