/*
 * extract_ct.h - internal to the model layer: the working state of the
 * cryptography and time-service facts (SSH key exchange, TLS, link
 * encryption, the NTP service, log time stamps) that the Junos and SR OS
 * extractors hand every statement path to (extract_time.c).
 */
#ifndef TSAUDIT_MODEL_EXTRACT_CT_H
#define TSAUDIT_MODEL_EXTRACT_CT_H

#include "model/extract.h"

#define CT_MAX_ITEMS 200000 /* cap on any list kept here */
#define CT_MAX_LO0 8        /* filters of one lo0 input-list followed */

/* One term of a Junos firewall filter, as far as NTP requests care. */
struct ct_term {
    struct sv filter, name;
    const struct cfg_node *node, *action_node;
    bool src;       /* a source or either-direction address/prefix-list condition */
    bool proto;     /* a protocol condition ... */
    bool proto_udp; /* ... that includes UDP */
    bool port;      /* a port condition ... */
    bool port_ntp;  /* ... that includes 123 */
    bool other;     /* any other match condition (the term may not see NTP) */
    int action;     /* 0 none (accept), 1 accept, 2 discard/reject, 3 next term */
};

/* A Junos MACsec connectivity association and its cipher suite. */
struct ct_ca {
    struct sv name, suite;
    const struct cfg_node *suite_node;
};

struct ct_state {
    struct ct_ca *cas;
    size_t ncas;
    struct ct_term *terms;
    size_t nterms;
    struct model_nmap term_map;
    struct sv lo0[CT_MAX_LO0]; /* lo0 family inet input filters, in order */
    size_t nlo0;
    const struct cfg_node *lo0_node;
    const struct cfg_node *ntp_node;   /* system ntp / system time ntp */
    const struct cfg_node *ntp_server; /* SR OS ntp-server: answers clients */
    const struct cfg_node *cpm_filter; /* SR OS cpm-filter ip-filter */
};

#endif
