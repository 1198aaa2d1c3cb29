/*
 * extract_cisco_crypto.c - SSH host keys and key-exchange limits (IOS "ip
 * ssh server algorithm hostkey" and "ip ssh dh min size", IOS XR "ssh
 * server algorithms host-key", NX-OS "ssh key", EOS "hostkey server" under
 * management ssh) for CRYPTO-SSH-KEX-HOSTKEY.
 */
#include "model/extract_cisco.h"

static void hostkey_list(struct cx *x, struct sv s, size_t i, const struct cfg_node *n)
{
    struct ssh_hostkey_facts *hk = &x->m->ssh_hostkey;
    hk->nalgos = 0; /* the last statement sets the list */
    for (size_t nt = sv_token_count(s); i < nt; i++)
        cx_add_unique_str(x, &hk->algos, &hk->nalgos, tk(s, i));
    fact_lines_add(&hk->ev, n);
}

/* IOS: ip ssh server algorithm hostkey A...; ip ssh dh min size N */
bool cx_h_ip_ssh_crypto(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct ssh_hostkey_facts *hk = &x->m->ssh_hostkey;
    cx_ssh_configured(x, n);
    if (neg)
        return true;
    if (starts(s, "ip ssh server algorithm hostkey"))
        hostkey_list(x, s, 5, n);
    else if (starts(s, "ip ssh dh min size")) {
        hk->dh_min_bits = model_sv_long(tk(s, 5), 0);
        hk->dh_min_node = n;
    }
    return true;
}

/* IOS XR: ssh server algorithms host-key A... */
bool cx_h_xr_ssh_hostkey(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    cx_ssh_configured(x, n);
    if (!neg)
        hostkey_list(x, s, 4, n);
    return true;
}

/* NX-OS: ssh key rsa N [force] | ssh key dsa [force] | ssh key ecdsa N */
bool cx_h_nxos_ssh_key(struct cx *x, const struct cfg_node *n, struct sv s, bool neg)
{
    struct ssh_hostkey_facts *hk = &x->m->ssh_hostkey;
    if (neg)
        return true;
    if (tk_is(s, 2, "rsa")) {
        /* without a length the size is the release default: left unknown */
        hk->rsa_bits = model_sv_long(tk(s, 3), 0);
        hk->rsa_node = n;
    } else if (tk_is(s, 2, "dsa")) {
        hk->dsa_node = n;
    }
    fact_lines_add(&hk->ev, n);
    return true;
}

/* EOS: the "hostkey server ..." line of management ssh blocks. */
static void eos_hostkeys(struct cx *x)
{
    for (const struct cfg_node *n = x->t->first; n; n = n->next) {
        bool neg;
        struct sv s = stmt(n, &neg);
        if (!active(n) || neg || !starts(s, "management ssh"))
            continue;
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            struct sv t = stmt(c, &neg);
            /* "hostkey server cert FILE" names a certificate, not the algorithms */
            if (active(c) && !neg && starts(t, "hostkey server") &&
                !starts(t, "hostkey server cert"))
                hostkey_list(x, t, 2, c);
        }
    }
}

void cx_finish_ssh_hostkey(struct cx *x)
{
    if (x->d == DIALECT_ARISTA_EOS)
        eos_hostkeys(x);
}
