/*
 * extract.h - helpers shared by the model extractors (internal to the model
 * layer): growing model arrays in the device arena, copying views, secret
 * classification for every vendor's storage formats, algorithm strength
 * judgements, and the small "add one X to the model" builders.
 *
 * Contract: everything allocates from the arena given (the tree's arena in
 * practice) and never fails; nothing here prints. Additive changes only.
 */
#ifndef TSAUDIT_MODEL_EXTRACT_H
#define TSAUDIT_MODEL_EXTRACT_H

#include "model/model.h"

/* -------------------------------------------------------------- arrays */

/*
 * Model arrays carry only a count; their capacity is implicit (at least 4,
 * then the next power of two). model_grow() returns storage for n+1 items,
 * reallocating in the arena when n has reached the capacity.
 */
void *model_grow(struct arena *a, void *arr, size_t n, size_t elem);

/* Append one zeroed element to a model array and return a pointer to it:
 *   struct acl *x = MODEL_PUSH(a, m->acls, m->nacls); */
#define MODEL_PUSH(a, arr, n)                                                                      \
    ((arr) = model_grow((a), (void *)(arr), (n), sizeof(*(arr))), &(arr)[(n)++])

/* ------------------------------------------------------------- strings */

/* NUL-terminated arena copy of a view; NULL when s.p is NULL. Quotes are kept. */
const char *model_strdup(struct arena *a, struct sv s);
/* Same, with one level of surrounding double quotes removed. */
const char *model_strdup_unquoted(struct arena *a, struct sv s);
/* Token i of a node's text (empty view when absent). */
struct sv model_tok(const struct cfg_node *n, size_t i);
/* Is token i of the statement the word w? */
bool model_tok_is(const struct cfg_node *n, size_t i, const char *w);
/* Case-insensitive equality of a view and a C string. */
bool model_sv_ieq(struct sv a, const char *s);
/* Does the view contain the C string (case-insensitive)? */
bool model_sv_icontains(struct sv a, const char *needle);
/* Only decimal digits (and at least one)? */
bool model_sv_is_digits(struct sv s);
/* Parse a decimal number; dflt when the view is not one. */
long model_sv_long(struct sv s, long dflt);
/* Parse an address or prefix ("a.b.c.d", "x::y", "a.b.c.d/len"); af=0 when not one. */
struct ip_prefix model_parse_addr(struct sv s);

/* ------------------------------------------------------------- secrets */

/* Did the collector remove the value (RANCID "<removed>", Oxidized
 * "<secret hidden>", "<configuration removed>", "<redacted>", ...)? */
bool secret_is_redacted(struct sv value);

/* Classify a value by its own shape only: "$1$" md5-crypt, "$5$", "$6$",
 * "$8$"/"$9$" (Junos unless cisco is set: Cisco type 8/9 hashes), "$y$"/"$2" other
 * hash, collector redaction. SECRET_NONE when the shape says nothing. */
enum secret_type secret_classify_shape(struct sv value, bool cisco);

/*
 * Cisco-family secrets (IOS, IOS-XE, NX-OS, IOS-XR, ASA, EOS). type_token is
 * the storage-type word written before the value ("0", "5", "6", "7", "8",
 * "9", "10", "sha512", "encrypted", "pbkdf2", "nt-encrypted") or an empty
 * view when the value follows the keyword directly; value is the stored
 * text. Redacted values win; an empty value gives SECRET_NONE.
 */
enum secret_type secret_classify_cisco(struct sv type_token, struct sv value);

/* Junos: "$9$" reversible, "$8$" AES, "$1$/$5$/$6$" crypt, else plaintext. */
enum secret_type secret_classify_junos(struct sv value);

/* Huawei VRP: mode is the word before the value ("cipher",
 * "irreversible-cipher", "simple", "plain", or empty); "%^%#", "%@%@",
 * "%$%$" envelopes are reversible cipher text unless mode says irreversible. */
enum secret_type secret_classify_vrp(struct sv mode, struct sv value);

/* Nokia SR OS: suffix is the word after the value ("hash", "hash2", or
 * empty). MD-CLI values without a suffix are classified by shape. */
enum secret_type secret_classify_sros(struct sv value, struct sv suffix);

/* FortiOS: "ENC <base64>" reversible; otherwise plaintext (or redacted). */
enum secret_type secret_classify_fortios(struct sv value);

/* Build a secret (value is kept as a view for fingerprints only). */
struct secret model_secret(enum secret_type type, struct sv value, const struct cfg_node *n);

/* Record a shared secret in m->other_secrets with its kind ("bgp-key",
 * "ntp-key", "tacacs-key", "radius-key", "ospf-key", "isis-key",
 * "key-chain", "ipsec-psk", "snmp-auth", "snmp-priv", ...). Ignores NONE. */
void model_add_secret(struct arena *a, struct device_model *m, const char *kind, struct secret s);

/* ----------------------------------------------------------- algorithms */

/* SSH algorithms judged weak: CBC modes, 3DES, arcfour, blowfish, cast;
 * MD5 and SHA1-96 / SHA1 MACs; DH group1/group14-sha1/gex-sha1 KEX. */
bool model_ssh_cipher_is_weak(struct sv name);
bool model_ssh_mac_is_weak(struct sv name);
bool model_ssh_kex_is_weak(struct sv name);
/* Settle f from an SSH algorithm list read from the configuration: on with
 * weak_ev when is_weak() holds for a name, else off with ev. */
void model_ssh_list_weak(struct fact_bool *f, const char *const *names, size_t n,
                         bool (*is_weak)(struct sv), struct fact_lines ev,
                         struct fact_lines weak_ev);
/* IPsec/IKE: DES, 3DES, NULL encryption; MD5, SHA1 integrity; DH group < 14
 * (and groups 22-24, which are 1024/2048-bit with small subgroups). */
bool model_ipsec_enc_is_weak(struct sv name);
bool model_ipsec_integ_is_weak(struct sv name);
bool model_ipsec_group_is_weak(struct sv group);

/* ------------------------------------------------------------ builders */

struct acl *model_add_acl(struct arena *a, struct device_model *m, const char *name,
                          const struct cfg_node *n);
struct acl_entry *model_acl_add_entry(struct arena *a, struct acl *acl, const struct cfg_node *n);
struct mgmt_path *model_add_mgmt_path(struct arena *a, struct device_model *m, const char *service,
                                      const char *acl_name, const struct cfg_node *n);
/* A service whose state is set from node n (ON unless state says otherwise). */
struct mgmt_service *model_add_service(struct arena *a, struct device_model *m, const char *name,
                                       bool cleartext, enum fact_state state,
                                       const struct cfg_node *n);
/* The service with this name (and vrf, NULL = any), or NULL. */
struct mgmt_service *model_find_service(struct device_model *m, const char *name, const char *vrf);
struct onbox_item *model_add_onbox(struct arena *a, struct device_model *m, const char *kind,
                                   const char *name, bool risky, const struct cfg_node *n);
/* A fixed source for a management protocol (LOG-SOURCE); ifname or addr may
 * be empty views. One per node and service. */
struct mgmt_source *model_add_source(struct arena *a, struct device_model *m, const char *service,
                                     struct sv ifname, struct sv addr, const struct cfg_node *n);
struct host_ref *model_add_host(struct arena *a, struct host_ref **arr, size_t *n, struct sv host,
                                const struct cfg_node *node);
struct banner *model_add_banner(struct arena *a, struct device_model *m, const char *kind,
                                const struct cfg_node *n);
/* CDP/LLDP enabled on an interface runs on the device even when no global
 * statement turns it on (IOS XR per-interface cdp, SR OS per-port LLDP):
 * sets the global fact on, with that line, unless a statement set it;
 * returns whether it did. */
bool model_discovery_from_interfaces(struct device_model *m);
struct interface *model_add_interface(struct arena *a, struct device_model *m, struct sv name,
                                      const struct cfg_node *n);

/* ---------------------------------------------------------- name index */

/*
 * An open-addressing index from up to three names (views, compared with one
 * level of quotes stripped) to a position in a model array, so that configs
 * with tens of thousands of interfaces or neighbours stay linear. Grows in
 * the arena (old tables are abandoned there). Zero-initialise before use.
 * The two-key forms use an empty third key.
 */
struct model_nmap_ent {
    struct sv k1, k2, k3;
    size_t idx; /* position + 1; 0 = empty slot */
};

struct model_nmap {
    struct model_nmap_ent *slots;
    size_t cap, n;
};

/* Position stored for the keys, or SIZE_MAX. */
size_t model_nmap_get3(const struct model_nmap *h, struct sv k1, struct sv k2, struct sv k3);
size_t model_nmap_get(const struct model_nmap *h, struct sv k1, struct sv k2);
/* Store a position for the keys (the views must outlive the index). */
void model_nmap_put3(struct arena *a, struct model_nmap *h, struct sv k1, struct sv k2,
                     struct sv k3, size_t idx);
void model_nmap_put(struct arena *a, struct model_nmap *h, struct sv k1, struct sv k2, size_t idx);

/* ------------------------------------------------------ statement paths */

/*
 * Brace dialects (Junos, SR OS) read a statement together with the tokens of
 * every statement enclosing it: "system services ssh root-login deny".
 */
#define MODEL_PATH_MAX_TOK 128   /* tokens in one full statement path */
#define MODEL_PATH_MAX_DEPTH 256 /* nesting followed by the walk */

struct model_path {
    struct sv tok[MODEL_PATH_MAX_TOK];
    const struct cfg_node *own[MODEL_PATH_MAX_TOK]; /* the node each token came from */
    size_t n;
    const struct cfg_node *node; /* the statement itself (evidence) */
};

/* Append one token (dropped when the path is full). */
void model_path_add(struct model_path *l, struct sv tok, const struct cfg_node *own);

/*
 * The next token of a statement's text from p (before end): a quoted string
 * stays whole with its quotes, anything else runs to white space. Returns
 * the position after the token and sets *tok, or NULL when only white space
 * is left.
 */
const char *model_path_token(const char *p, const char *end, struct sv *tok);

/* A token without brace and list punctuation: trailing ';' '{' '}' ']' (not
 * on a quoted string), leading '[' '{' '}'. May return an empty view. */
struct sv model_path_strip(struct sv tok);

/* Is token i the word w? */
bool model_path_eq(const struct model_path *l, size_t i, const char *w);
/* Do the blank-separated words match the tokens from i on ("*" = any token)?
 * On success *next (when not NULL) is the index after them. */
bool model_path_match(const struct model_path *l, size_t i, const char *words, size_t *next);
/* Token i, or an empty view past the end. */
struct sv model_path_tok(const struct model_path *l, size_t i);
/* The node token i came from; the statement itself past the end. */
const struct cfg_node *model_path_own(const struct model_path *l, size_t i);

/*
 * The walk's buffers (one statement path and a depth stack), allocated in
 * the arena on the first walk and shared by every walk of one device.
 */
struct model_walk {
    struct model_path *path;
    size_t *base;
};

/*
 * Pre-order walk from first: push appends a node's tokens to the path and
 * returns true when the node is inactive (its subtree is skipped); visit is
 * called once per active statement that added tokens, with its full path.
 * With siblings, first's following siblings are walked too. Nodes flagged
 * CFG_INACTIVE are skipped with their subtrees; nesting deeper than
 * MODEL_PATH_MAX_DEPTH is not followed.
 */
void model_path_walk(struct arena *a, struct model_walk *w, const struct cfg_node *first,
                     bool siblings, bool (*push)(struct model_path *, const struct cfg_node *),
                     void (*visit)(void *, const struct model_path *), void *ctx);

/*
 * A push for model_path_walk over Junos and SR OS text (curly, set, flat,
 * classic and MD-CLI forms): a statement's tokens without brace punctuation,
 * comments, a leading "set" or the "/" of "/configure"; "inactive:" and
 * "deactivate" mark the statement inactive.
 */
bool model_brace_push(struct model_path *l, const struct cfg_node *nd);

/* One term (Junos) or entry (SR OS) of a policy-statement, or the policy's
 * own clauses (level: Junos from/then outside terms, SR OS default-action,
 * ordered after every term), as the BGP policy judges need it. */
struct policy_term {
    struct sv policy, name;
    long num; /* SR OS entry number; Junos: order of appearance */
    bool level;
    bool from_any, from_prefix, from_direct, from_bgp_only;
    bool from_invalid; /* the RPKI-invalid state */
    bool from_other;   /* a condition other than that and "protocol bgp" */
    bool accepts, nexts, rejects;
    bool next_policy;  /* "then next policy" / SR OS next-policy: the rest is skipped */
    bool from_unread;  /* a condition neither "protocol bgp" nor a prefix match */
    bool rf_unread;    /* a route-filter the model does not read (through, own action) */
    bool own_action;   /* a route-filter or prefix-list-filter with an action of its own */
    struct rp_list rf; /* the route-filters as a list, longest prefix first */
    size_t rf_cap;
    struct sv lists[RP_MAX_LISTS]; /* named prefix lists, their match in list_type */
    uint8_t list_type[RP_MAX_LISTS], nlists;
    bool lists_over;                    /* more named lists than are kept */
    const struct cfg_node *node;        /* the first from clause, or the reject */
    const struct cfg_node *cond_node;   /* the first from clause with a condition */
    const struct cfg_node *accept_node; /* the first accept */
};

struct policy_terms {
    bool sros;
    bool overflow;          /* more terms than are kept: none is judged */
    bool group_policies;    /* Junos groups define policies, not read here */
    bool origin_validation; /* SR OS: enable-origin-validation somewhere */
    bool group_lists;       /* Junos groups define prefix lists, not read here */
    struct arena *arena;
    struct policy_term *terms;
    size_t n;
    struct pt_plist *plists; /* prefix lists by name, as written */
    size_t nplists;
};

/* How a named list is matched: Junos prefix-list and SR OS exact entries
 * (PL_EXACT), Junos prefix-list-filter orlonger / longer, or unread. */
enum { PL_EXACT, PL_ORLONGER, PL_LONGER, PL_UNREAD };

/* A Junos or SR OS prefix list: its prefixes, each matched exactly, or
 * unread (apply-path, SR OS longer / through / range entries). */
struct pt_plist {
    struct sv name;
    struct ip_prefix *v;
    size_t n, cap;
    bool unread;
};

/* The import chain as a route policy (one "if" per term, then the default
 * import policy's accept) for model_policy_range, or NULL when a term is
 * beyond what it can say (extract_policy_build.c). */
struct route_policy *model_policy_build(struct arena *a, const struct policy_terms *pt,
                                        const char *chain);

/*
 * Named prefix lists and clause maps written as objects of their own (VRP
 * ip ip-prefix / route-policy, FortiOS router prefix-list / route-map),
 * collected while the configuration is read, and the route policy of a
 * session's per-family inbound filters (extract_plist.c).
 */
struct plx;
struct plx_clause;
/* Insert a prefix-list entry in sequence order (equal numbers keep the
 * order they came in); the entries and their numbers grow together. */
void plx_insert(struct arena *a, struct rp_entry **e, long **seqs, size_t *n, long seq,
                struct rp_entry entry);
struct plx *plx_new(struct arena *a);
/* An entry of list name (family 4 or 6) at position seq; r NULL (or of the
 * other family) when it does not parse, which leaves the list unjudged. */
void plx_entry(struct plx *p, struct sv name, uint8_t fam, long seq, bool permit,
               const struct prefix_range *r, const struct cfg_node *n);
/* A list of another kind (an access list) with this name: a clause that
 * names it is not decided. */
void plx_other_list(struct plx *p, struct sv name);
/* The clause of map at seq (the same one when entered again); its
 * conditions: one prefix list, and others the model does not decide. */
struct plx_clause *plx_clause(struct plx *p, struct sv map, long seq, bool permit,
                              const struct cfg_node *n);
void plx_match_list(struct plx_clause *c, struct sv list, uint8_t fam);
void plx_match_other(struct plx_clause *c);
/* A clause whose effect on acceptance is not read (VRP goto next-node). */
void plx_action_unknown(struct plx_clause *c);

/* A session's inbound filters per family ([0] IPv4, [1] IPv6): a map, a
 * prefix list, both or neither, or one not read. */
struct plx_bind {
    struct sv map[2], list[2];
    bool unknown[2]; /* a filter of a kind the model does not read */
    /* another filter applies to the family too and is not combined with
     * these: a route they accept may still be turned away by it */
    bool also[2];
    const char *name;
    const struct cfg_node *node;
};
/* What they do, as the summary RTG-BGP-BOGONS reads. */
void plx_summary(struct plx *p, const struct plx_bind *b, struct policy_summary *s);

/* The policy terms of a Junos or SR OS device with BGP neighbours, read in
 * one walk (extract_policy_terms.c); empty for other devices. */
void model_policy_terms(const struct cfg_tree *t, const struct device_model *m,
                        struct policy_terms *pt);
/* The terms of one policy in evaluation order into order[cap], policy-level
 * ones included only when level; their number, or SIZE_MAX when more than
 * cap. */
size_t model_policy_order(const struct policy_terms *pt, struct sv name, bool level,
                          const struct policy_term **order, size_t cap);

/* RTG-RPKI-ROV: whether the import policies reject RPKI-invalid routes
 * (rtg.rov_reject), once the family extractor has read BGP (extract_rov.c). */
void model_extract_rov(const struct cfg_tree *t, struct device_model *m,
                       const struct policy_terms *pt);

/* What each eBGP session's export and import chains do, Junos and SR OS
 * (bgp_neighbor in_summary/out_summary; extract_bgp_policy.c). */
void model_extract_bgp_policies(const struct cfg_tree *t, struct device_model *m,
                                const struct policy_terms *pt);

/*
 * The account with this name (one level of quotes stripped), found through
 * idx, or a new one (privilege -1, defined at n) added to m and idx while
 * m->naccounts is below cap; NULL when the cap is reached.
 */
struct account *model_account_indexed(struct arena *a, struct device_model *m,
                                      struct model_nmap *idx, struct sv name,
                                      const struct cfg_node *n, size_t cap);

/*
 * Run by model_extract() after the family extractor: resolve ACL names
 * (mgmt paths, lines, SNMP communities) to their definitions and set
 * acl_undefined. Extractors need not call it.
 */
void model_resolve_refs(struct device_model *m);

/*
 * Run by model_extract() after the family extractor: the physical ports
 * left unused and not shut (m->ports, extract_ports.c).
 */
void model_extract_ports(const struct cfg_tree *t, struct device_model *m);

/* ------------------------------------------------------ statement tables */

/*
 * An extractor's top-level statements are dispatched through a table: one
 * row per statement, whose first member is the statement's leading words
 * ("router bgp"), followed by what the extractor needs (dialects, whether
 * the negated form applies, the handler). A stmt_index, built once per
 * table, yields the rows whose first word hashes like a statement's first
 * word, in table order; the extractor tests the whole path, the dialect and
 * the negation on those few rows only.
 */
#define STMT_INDEX_SLOTS 256u /* power of two */
#define STMT_INDEX_MAX_ROWS 1024u

struct stmt_index {
    uint16_t head[STMT_INDEX_SLOTS]; /* first row + 1 of each slot, 0 = none */
    uint16_t next[STMT_INDEX_MAX_ROWS];
};

/* Index nrows rows of row_size bytes, each starting with a `const char *`
 * path. BUG()s when the table is longer than STMT_INDEX_MAX_ROWS. */
void stmt_index_build(struct stmt_index *ix, const void *rows, size_t nrows, size_t row_size);

/* The first candidate row for a statement whose first word is w, as
 * row + 1 (0 = none); stmt_index_next() gives the following one. */
size_t stmt_index_first(const struct stmt_index *ix, struct sv w);
size_t stmt_index_next(const struct stmt_index *ix, size_t cand);

/* ------------------------------------ cryptography and time service */

/*
 * Log time stamps, the NTP service, SSH key exchange, TLS and link
 * encryption for the extractors outside the Cisco family (extract_time.c):
 * Junos and SR OS hand over every statement path (applied groups included)
 * with a state of their own (NULL at first) and call the finish step once;
 * VRP and FortiOS read their top-level statements in one call.
 */
struct ct_state;
void model_ct_junos_line(struct ct_state **st, struct arena *a, struct device_model *m,
                         const struct model_path *l);
void model_ct_junos_finish(struct ct_state *st, struct device_model *m);
/* i: the index after "configure" in the path. */
void model_ct_sros_line(struct ct_state **st, struct arena *a, struct device_model *m,
                        const struct model_path *l, size_t i);
void model_ct_sros_finish(struct ct_state *st, struct device_model *m);
void model_vrp_log_time(struct arena *a, struct device_model *m, const struct cfg_tree *t);
/* VRP: the applied cpu-defend policy as the receive filter (extract_vrp_cpp.c). */
void model_vrp_receive_filter(struct arena *a, struct device_model *m, const struct cfg_tree *t);
/* VRP: whether the CLI users' levels reach the telnet and stelnet commands
 * (aaa.outbound_cmds; extract_vrp_outbound.c). After the AAA facts. */
void model_vrp_outbound(struct arena *a, struct device_model *m, const struct cfg_tree *t);
void model_fortios_log_time(struct arena *a, struct device_model *m, const struct cfg_tree *t);
/* Does a clock zone name ("UTC", "GMT", "Etc/UTC", ...) mean UTC? */
bool model_zone_is_utc(struct sv zone);

/* One bit per dialect for the dialect masks of statement tables. */
#define DIALECT_BIT(d) (1u << (unsigned)(d))

/* ------------------------------------------------------------ access */

/*
 * The access facts (struct access_facts, extract_access.c). Junos and SR OS
 * hand every statement path of their walk to model_access_path();
 * model_extract() calls model_extract_access() after the family extractor:
 * it reads the Cisco family, VRP and FortiOS and settles the defaults.
 */
void model_access_path(struct device_model *m, const struct model_path *l);
void model_extract_access(const struct cfg_tree *t, struct device_model *m);
/* mgmt_vrf where the family extractor leaves it (extract_access_oob.c). */
void model_access_oob(const struct cfg_tree *t, struct device_model *m);

#endif
