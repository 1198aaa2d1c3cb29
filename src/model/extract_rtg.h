/*
 * extract_rtg.h - internal to the model layer: the routing-security facts
 * of struct rtg_facts (BGP neighbour logging, LDP authentication, MPLS TTL
 * propagation at the edge, first-hop redundancy authentication, routing key
 * lifetimes, RPKI). Each family extractor calls its hooks below; the shared
 * helpers (lifetime dates, FHRP groups, keys) live in extract_rtg.c.
 */
#ifndef TSAUDIT_MODEL_EXTRACT_RTG_H
#define TSAUDIT_MODEL_EXTRACT_RTG_H

#include "model/extract.h"

/* Add a first-hop redundancy group (auth RTG_AUTH_NONE until set). */
struct fhrp_group *rtg_add_fhrp(struct arena *a, struct device_model *m, const char *proto,
                                struct sv ifname, struct sv group, const struct cfg_node *n);
/* The group with this protocol, interface and number, or a new one. */
struct fhrp_group *rtg_fhrp(struct arena *a, struct device_model *m, const char *proto,
                            struct sv ifname, struct sv group, const struct cfg_node *n);
/* Add one key of a chain (lifetimes RTG_LIFE_NONE until set). */
struct rtg_key *rtg_add_key(struct arena *a, struct device_model *m, struct sv chain, struct sv id,
                            const struct cfg_node *n);
/* The key of this chain and id, or a new one. */
struct rtg_key *rtg_key(struct arena *a, struct device_model *m, struct sv chain, struct sv id,
                        const struct cfg_node *n);
/* A key chain whose lifetimes this extractor does not read: one key, RTG_LIFE_UNREAD. */
void rtg_unread_chain(struct arena *a, struct device_model *m, struct sv chain,
                      const struct cfg_node *n, const char *why);

/*
 * Chains whose keys carry only a start (Junos start-time, SR OS begin-time):
 * a key is used from its start until the next key of its chain starts, which
 * is its lifetime; the newest stays in use until a successor is added
 * (RTG_LIFE_OPEN). A key with no start is RTG_LIFE_UNREAD when it has a why,
 * RTG_LIFE_NONE otherwise.
 */
void rtg_settle_start_times(struct device_model *m);

/*
 * Days from 1970-01-01 of a calendar date, or INT32_MIN when it is not one.
 * month is 1..12.
 */
long rtg_days(long year, long month, long day);
/* The day of a date written year first, "2026-01-01" or "2026/01/01", with
 * anything after it ignored ("2026-1-1.00:00", "2026/01/01,00:00:00");
 * INT32_MIN when it is not one. */
long rtg_ymd_day(struct sv v);
/* Month number from an English name or its first three letters (any case), 0 if none. */
int rtg_month(struct sv w);
/*
 * A Cisco-style lifetime "hh:mm:ss Month dd yyyy|dd Month yyyy  (end)" with
 * end one of: the same date form, "infinite", "duration SECONDS"; tokens of s
 * from i on ("local" skipped). Returns the span in days (rounded up), or
 * RTG_LIFE_INFINITE, or RTG_LIFE_UNREAD.
 */
long rtg_cisco_lifetime(struct sv s, size_t i);

/* The MPLS edge role (pe_why, pe_node) from a VRF with a route distinguisher,
 * an L2VPN service or, failing both, the first active eBGP neighbour. */
void rtg_settle_edge(struct device_model *m, const struct cfg_node *vrf,
                     const struct cfg_node *l2vpn);

/* Family hooks. */
struct cx;
void cx_extract_rtg(struct cx *x);
struct jrtg;
void jrtg_line(struct arena *a, struct device_model *m, struct jrtg **st,
               const struct model_path *l);
void jrtg_finish(struct arena *a, struct device_model *m, struct jrtg *st);
struct srtg;
void srtg_line(struct arena *a, struct device_model *m, struct srtg **st,
               const struct model_path *l, size_t i);
void srtg_finish(struct arena *a, struct device_model *m, struct srtg *st);
void vrtg_extract(const struct cfg_tree *t, struct device_model *m);
/* VRP: the algorithm an IGP "[area-|domain-]authentication-mode" statement n
 * names, kept on g when weaker than what g has. */
void vrtg_igp_alg(const struct cfg_tree *t, const struct cfg_node *n, struct igp_instance *g);
void frtg_bgp(struct device_model *m, const struct cfg_node *bgp);
/* FortiOS: a "config router prefix-list|prefix-list6|access-list|
 * access-list6|route-map" block into p; whether it was one. */
bool fpol_block(struct plx *p, const struct cfg_node *n, struct sv what);
/* FortiOS: a neighbour's inbound filters per family into b; the statement
 * naming the one that stands for them all (route-map-in first), or NULL. */
const struct cfg_node *fpol_bind(const struct cfg_node *e, struct plx_bind *b);
/* VRP: a top-level "ip ip-prefix", "ip ipv6-prefix" or "route-policy"
 * statement into p; whether it was one (extract_vrp_policy.c). *last_index
 * carries the index an unnumbered prefix-list entry follows. */
bool vpol_read(struct plx *p, const struct cfg_node *n, long *last_index);
/* VRP: one "peer X <kind> NAME import" of family fam (4 or 6) into b. */
void vpol_import(struct plx_bind *b, struct sv kind, struct sv name, int fam);
/* VRP: a family-wide "filter-policy ... import" (BGP view or a unicast
 * family view, fam 4 or 6) filters the routes of every peer of the family
 * in that VPN (vrf, empty for the public network). */
struct vpol_wide {
    struct sv vrf;
    int fam;
    const struct cfg_node *node;
};
/* VRP: when statement n is such a filter-policy, appended to (*w, *n); whether it was one. */
bool vpol_wide(struct arena *a, struct vpol_wide **w, size_t *n, const struct cfg_node *c,
               struct sv vrf, int fam);
/* VRP: nb's in_summary (nothing without an in_policy) from the peer's import
 * filters per family, its own where it has any for the family, its group's
 * (NULL: none) otherwise. Where the group's filters of other kinds or a
 * family-wide filter of nb's VPN (w[nw]) apply too, what the peer's accept
 * is undecided, and in_also names those (without an in_policy, only the
 * family-wide filters are named and no summary is made). */
void vpol_summary(struct arena *a, struct plx *p, const struct plx_bind *own,
                  const struct plx_bind *group, const struct vpol_wide *w, size_t nw,
                  struct bgp_neighbor *nb);

#endif
