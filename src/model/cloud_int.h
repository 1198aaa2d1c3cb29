/*
 * cloud_int.h - internal to the cloud extractor (model_extract_cloud and
 * its per-provider readers, one file each): reading the JSON tree that
 * parse_json builds, and adding groups, rules, peers, networks and flow
 * logs to the model.
 *
 * The tree: every object member and array element is a node whose text is
 * its JSON path, with " = <json>" after it for a scalar. Helpers here turn a
 * node back into its member name and decoded value (jansson decodes the
 * value text), so readers walk exports by member name.
 */
#ifndef TSAUDIT_MODEL_CLOUD_INT_H
#define TSAUDIT_MODEL_CLOUD_INT_H

#include "model/extract.h"

/* ----------------------------------------------------------- JSON tree */

/* The member name of n; an empty view for an array element. */
struct sv cj_key(const struct cfg_node *n);
/* Is n the member named key? */
bool cj_is(const struct cfg_node *n, const char *key);
/* The member named key of object node obj (obj NULL = the top level), or NULL. */
const struct cfg_node *cj_get(const struct cfg_tree *t, const struct cfg_node *obj,
                              const char *key);
/* n's value as text: a string decoded, a number or boolean as written;
 * NULL for null, containers and undecodable (cut) values. Arena copy. */
const char *cj_text(struct arena *a, const struct cfg_node *n);
/* The member's value as text (cj_text of cj_get), or NULL. */
const char *cj_str(const struct cfg_tree *t, const struct cfg_node *obj, const char *key);
/* A number (or a string holding one); false when it is neither. */
bool cj_long(const struct cfg_tree *t, const struct cfg_node *obj, const char *key, long *out);
/* A boolean member: 1 true, 0 false, -1 absent or not a boolean. */
int cj_bool(const struct cfg_tree *t, const struct cfg_node *obj, const char *key);
/* Is n an object or array (no " = value")? */
bool cj_container(const struct cfg_node *n);

/* -------------------------------------------------------------- builders */

/* The reader's state for one export file. */
struct cloud_ctx {
    const struct cfg_tree *t;
    struct device_model *m;
    struct arena *a;
    /* Flow logs read so far, resolved against the networks at the end. */
    struct cloud_flow_log {
        const char *target; /* resource id or Terraform address it logs */
        bool enabled;
        const struct cfg_node *node;
    } * logs;
    size_t nlogs;
    struct model_nmap network_ix; /* networks by id */
    struct model_nmap log_ix;     /* flow logs by lower-cased target (the first of each) */
};

struct cloud_group *cloud_add_group(struct cloud_ctx *c, enum cloud_group_kind kind,
                                    const char *provider, const char *id, const char *name,
                                    const struct cfg_node *node);
/* The group of this kind with this id or name, or NULL. */
struct cloud_group *cloud_find_group(struct cloud_ctx *c, enum cloud_group_kind kind,
                                     const char *id_or_name);
struct cloud_rule *cloud_add_rule(struct cloud_ctx *c, const struct cloud_group *g, bool ingress,
                                  bool allow, const struct cfg_node *node);
/* A peer from text as written: "0.0.0.0/0", "::/0", "*", "Internet", "Any"
 * are any; an address or prefix is one; anything else is a reference. */
void cloud_rule_peer(struct cloud_ctx *c, struct cloud_rule *r, const char *text,
                     const struct cfg_node *node);
/* Protocol by name or number ("tcp", "6", "-1", "all", "*", "Tcp", "icmp"...). */
int cloud_proto(const char *s);
/* Port range from text: "22", "8000-8080", "*" or NULL (= every port). False if unreadable. */
bool cloud_ports(const char *s, long *lo, long *hi);
void cloud_add_tag(struct cloud_ctx *c, struct cloud_group *g, const char *tag);
void cloud_add_attached(struct cloud_ctx *c, struct cloud_group *g, const char *what);
struct cloud_network *cloud_add_network(struct cloud_ctx *c, const char *kind, const char *id,
                                        const char *name, const struct cfg_node *node);
struct cloud_network *cloud_find_network(struct cloud_ctx *c, const char *id);
void cloud_add_flow_log(struct cloud_ctx *c, const char *target, bool enabled,
                        const struct cfg_node *node);
/* The last path segment of a URL or resource id ("…/networks/default" -> "default"). */
const char *cloud_basename(struct cloud_ctx *c, const char *s);

/* Member names of an NSG rule: the Azure CLI's camelCase, azurerm's snake_case. */
struct azure_rule_keys {
    const char *name, *priority, *direction, *access, *protocol;
    const char *src, *srcs, *dst, *dsts, *port, *ports;
};
extern const struct azure_rule_keys azure_cli_keys;
/* One NSG rule object into rules of g (one per destination port range). */
void cloud_read_azure_rule(struct cloud_ctx *c, struct cloud_group *g,
                           const struct azure_rule_keys *k, const struct cfg_node *obj,
                           bool is_default);

/* Member names of a VPC firewall rule: gcloud's camelCase, google's snake_case. */
struct gcp_rule_keys {
    const char *name, *network, *direction, *priority, *disabled;
    const char *src_ranges, *dst_ranges, *src_tags, *src_accounts, *target_tags, *target_accounts;
    const char *allowed, *denied, *protocol, *ports, *log;
};
extern const struct gcp_rule_keys gcp_cli_keys;
/* One firewall rule object into a group (the rule) and its rules. */
struct cloud_group *cloud_read_gcp_firewall(struct cloud_ctx *c, const struct gcp_rule_keys *k,
                                            const struct cfg_node *obj);

/* Per-provider readers: each reads the documents of its export kinds. */
void cloud_read_aws(struct cloud_ctx *c);
void cloud_read_azure(struct cloud_ctx *c);
void cloud_read_gcp(struct cloud_ctx *c);
void cloud_read_terraform(struct cloud_ctx *c);

#endif
