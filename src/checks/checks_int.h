/*
 * checks_int.h - internal to the checks layer: the per-family tables that
 * registry.c assembles, and small helpers the check functions share
 * (profile look-ups, evidence from model objects, list membership).
 */
#ifndef TSAUDIT_CHECKS_INT_H
#define TSAUDIT_CHECKS_INT_H

#include "checks/checks.h"

#include <stddef.h>
#include <stdlib.h>
#include <strings.h>

/* One family of built-in checks: a const table in its own file. */
struct check_family {
    const struct check_def *defs;
    size_t n;
};

extern const struct check_family checks_family_mgmt;
extern const struct check_family checks_family_aaa;
extern const struct check_family checks_family_cred;
extern const struct check_family checks_family_crypto;
extern const struct check_family checks_family_snmp;
extern const struct check_family checks_family_time_log;
extern const struct check_family checks_family_time;
extern const struct check_family checks_family_crypto_more;
extern const struct check_family checks_family_routing;
extern const struct check_family checks_family_data;
extern const struct check_family checks_family_data_edge;
extern const struct check_family checks_family_svc;
extern const struct check_family checks_family_cloud;
extern const struct check_family checks_family_sw;
extern const struct check_family checks_family_routing_sec;
extern const struct check_family checks_family_logging;
extern const struct check_family checks_family_cpp;
extern const struct check_family checks_family_access;
extern const struct check_family checks_family_edge;

/*
 * On a cloud export: evaluate c with its cloud meaning (router checks that
 * carry over, such as MGMT-PAW-SOURCES), or mark a router-only check not
 * applicable; returns false when c should run its own evaluation (CLOUD-*
 * checks, user rules, fleet checks) or the device is not a cloud export.
 */
bool checks_cloud_eval(const struct check_def *c, const struct check_ctx *ctx,
                       struct check_result *r);
/* The remediation of a router check with a cloud meaning on a cloud dialect
 * (the CLI command or Terraform change), or NULL. */
const char *checks_cloud_remediation(const struct check_def *c, enum dialect d);

/* Row i of the anchor table (anchors.c): its check id, dialect mask (1u <<
 * enum dialect) and section paths; NULL past the last row. */
const char *check_anchor_row(size_t i, uint32_t *dialects, const char **sections);

/* Measure lists are NULL-terminated arrays; this keeps the rows short. */
#define MEASURES(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ------------------------------------------------------------- helpers */

/* Is the address/prefix inside any prefix of the set? */
bool pset_contains(const struct prefix_set *s, const struct ip_prefix *p);
/* Does the prefix share any address with a prefix of the set? */
bool pset_overlaps(const struct prefix_set *s, const struct ip_prefix *p);
/* Case-sensitive membership in a string set. */
bool sset_contains(const struct string_set *s, const char *v);
/* Add a node as evidence if it is not NULL. */
void ev_node(const struct check_ctx *ctx, struct check_result *r, const struct cfg_node *n);
/* The device's name for messages: hostname or "this device". */
const char *dev_name(const struct check_ctx *ctx);
/* A host reference's address if it is one (af != 0); names have af 0. */
bool host_addr(const char *host, struct ip_prefix *out);
/* Case-insensitive substring test on C strings (NULL-safe). */
bool str_icontains(const char *hay, const char *needle);
/* Case-insensitive equality (NULL-safe). */
bool str_ieq(const char *a, const char *b);
/* A cleartext password identical to its account's name ("admin"/"admin"). */
bool account_password_is_name(const struct account *a);
/* Zero-initialised fact the extractor never touched (no state, no why, no lines). */
bool fact_untouched(const struct fact_bool *f);
/* Whether any remote management service (SSH, telnet, or a service the
 * extractor listed) is on: ON if one is, OFF if all are known off, else
 * UNKNOWN. */
enum fact_state remote_management_state(const struct device_model *m);
/* The fact's reason for being unknown, or a generic one naming the dialect. */
const char *fact_why(const struct check_ctx *ctx, const struct fact_bool *f);
/*
 * A fact the extractor judged whole, with its reason as the message: ON
 * passes, OFF fails, unknown says "cannot tell whether <what>: <why>".
 */
void judge_by_why(const struct check_ctx *ctx, struct check_result *r, const struct fact_bool *f,
                  const char *what);
/*
 * The common shape of a yes/no check: the fact in state `bad` fails with
 * fail_msg, the other known state passes with pass_msg, unknown says
 * "cannot tell whether <what>: <why>". Evidence is the fact's lines.
 */
void judge_fact(const struct check_ctx *ctx, struct check_result *r, const struct fact_bool *f,
                enum fact_state bad, const char *fail_msg, const char *pass_msg, const char *what);
/* A short list of reasons for a message: "a; b; c; and 4 more". */
struct reasons {
    struct buf b;
    unsigned n, shown;
};
void reasons_init(struct reasons *rs);
void reasons_add(struct reasons *rs, const char *fmt, ...) TS_PRINTF(2, 3);
/* The joined text (arena copy) and release of the buffer. */
const char *reasons_done(const struct check_ctx *ctx, struct reasons *rs);
/* BGP sessions whose kind the configuration does not give (bgp.unclassified)
 * keep an eBGP check from passing: sets unknown, naming them, and returns
 * true when there are any. */
bool bgp_unclassified(const struct check_ctx *ctx, struct check_result *r);
/* The end of a check that gathered offences (bad) and open questions
 * (unknown): fail with "<fail_what>: <offences>", else unknown with "cannot
 * tell: <questions>"; both lists are released either way. True when it set
 * the verdict; false leaves the rest (pass, needs_context) to the caller. */
bool judge_reasons(const struct check_ctx *ctx, struct check_result *r, struct reasons *bad,
                   struct reasons *unknown, const char *fail_what);

/*
 * Judge the permit entries of an access list against allowed source sets:
 * an entry permitting any source, a source overlapping `forbidden`, or a
 * source outside every `allowed` set is an offence (evidence added, reason
 * "label: entry at line N permits ..."). Entries the model could not resolve
 * (object groups, names) are counted in *unresolved.
 */
unsigned acl_judge_sources(const struct check_ctx *ctx, struct check_result *r,
                           const struct acl *acl, const char *label,
                           const struct prefix_set *allowed_a, const struct prefix_set *allowed_b,
                           const struct prefix_set *forbidden, struct reasons *rs,
                           unsigned *unresolved);
/* Active interfaces whose description matches interfaces.external_description
 * (the profile regex must be set). */
size_t external_interfaces(const struct check_ctx *ctx, const struct interface ***out);
/* The date a check judges against: ctx->as_of, the profile's
 * assessment.as_of, or today (checks_sw.c). */
int32_t check_as_of(const struct check_ctx *ctx);
/* A bogon: space that must never arrive from outside as a packet source
 * nor be accepted from a BGP peer. */
struct bogon {
    struct ip_prefix prefix;
    const char *source; /* "RFC 1918", or "approved.bgp_bogons" */
    const char *what;   /* "private use", ... */
};
/* The built-in table (data/bogons.txt), parsed once per process. */
const struct bogon *bogons_builtin(size_t *n);
/* The list the checks judge against: the profile's approved.bgp_bogons when
 * it has the key (an arena copy), else the built-in table. */
size_t bogons_for(const struct check_ctx *ctx, const struct bogon **out);
/* SVC-ONBOX-SCRIPTS shares the on-box judgement with MGMT-ONBOX-SHELL. */
void check_eval_onbox_scripts(const struct check_ctx *ctx, struct check_result *r);
/* The evaluation of the fleet check on one device alone. */
void check_eval_cred_unique_local(const struct check_ctx *ctx, struct check_result *r);
/* Its verdict for a device scanned with others (ctx->fleet set), from fleet.c. */
void fleet_device_result(const struct check_ctx *ctx, struct check_result *r);

#endif
