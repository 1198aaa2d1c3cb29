/*
 * ingest.h - from bytes to the config tree: dialects, detection, the common
 * tree every parser builds, and the query API over it.
 *
 * One tree shape for every dialect: a node is one configuration statement
 * with its text (a view into the file buffer), its original line number, its
 * depth, parent and children. Inactive statements stay in the tree, flagged.
 * Sits above core; model, checks and user rules read trees through this API.
 */
#ifndef TSAUDIT_INGEST_H
#define TSAUDIT_INGEST_H

#include "core/core.h"
#include "core/dialect.h"

/* ---------------------------------------------------------------- dialects */

/* enum dialect, enum dialect_form and their names: core/dialect.h. */

/* -------------------------------------------------------------- detection */

/* One reading of a file: a dialect, or a platform not audited. */
struct detect_reading {
    enum dialect dialect;
    enum platform platform;
    int score;          /* sum of the marker weights seen */
    const char *signal; /* its strongest marker (static storage) */
    uint32_t line;      /* line of that marker, 0 for whole-file shapes */
};

#define DETECT_MAX_READINGS 3

struct detect_result {
    /* The answer: a dialect; or DIALECT_UNKNOWN with a platform
     * (recognised, not audited: "unsupported:<platform>"); or neither. */
    enum dialect dialect;
    enum dialect_form form;
    enum platform platform;
    /* Human-readable signal used, e.g. "RANCID-CONTENT-TYPE header" or
     * "'!! IOS XR Configuration' header" (static storage). */
    const char *signal;
    uint32_t line; /* line of the deciding signal, 0 if none */
    /* What decided: "content", "RANCID-CONTENT-TYPE header", "collector
     * metadata", "--vendor", or an inventory (set by the caller). */
    const char *source;
    /* The best-scoring readings of the content, best first (for
     * `detect --explain` and for the candidates of an unknown). */
    struct detect_reading readings[DETECT_MAX_READINGS];
    size_t nreadings;
    bool ambiguous; /* unknown because readings[0] and [1] compete */
};

/*
 * Decide the dialect of a configuration from its content. Honours
 * `!RANCID-CONTENT-TYPE:` headers and Oxidized metadata; says
 * DIALECT_UNKNOWN (with a signal explaining why, and the platform when one
 * not audited is recognised) rather than guessing: a dialect is named only
 * on a marker specific to it, and when two readings compete the answer is
 * unknown with both as candidates. Reads at most the first 256 KiB. Never
 * fails.
 */
void detect_dialect(const char *buf, size_t len, struct detect_result *out);

/*
 * A result named from outside the content (--vendor, an inventory): the
 * dialect d (its form from the content) or, with d unknown, the platform p.
 * source and signal say who named it (static or longer-lived storage).
 */
void detect_named(enum dialect d, enum platform p, const char *buf, size_t len, const char *source,
                  const char *signal, struct detect_result *out);

/* "cisco-ios", "unsupported:h3c-comware" or "unknown" for a result. */
const char *detect_label(const struct detect_result *r, char *out, size_t cap);
/* One sentence saying why a result is not a dialect tsaudit audits
 * ("unsupported platform H3C / HPE Comware: 'irf' statements, line 12";
 * "dialect unknown: huawei-vrp and unsupported:h3c-comware compete"), or
 * what decided a dialect. Writes into out (cap bytes) and returns it. */
const char *detect_reason(const struct detect_result *r, char *out, size_t cap);

/* The reading a RANCID device type names (rancid.types.base names such as
 * "cisco", "cisco-xr", "h3c", "foundry"); false for a type not known. */
bool detect_rancid_type(const char *type, size_t n, enum dialect *d, enum platform *p);
/*
 * A JSON document's cloud provider from its shape (member names such as
 * "SecurityGroups", kinds such as "compute#firewall", Terraform's
 * "format_version" with "terraform_version"). True with *out filled when
 * the content is a JSON export of a supported kind; false otherwise (other
 * JSON is left to the other markers).
 */
bool detect_cloud_json(const char *buf, size_t len, struct detect_result *out);
/* ------------------------------------------------------------ inventories */

/* What an inventory says one device is. */
struct inventory_entry {
    const char *name;   /* device name: matched against file base names */
    const char *type;   /* the inventory's word for the platform, as written */
    const char *scope;  /* the folder its names apply under (NULL: anywhere) */
    const char *source; /* "path:line" of the entry */
    enum dialect dialect;
    enum platform platform; /* with dialect unknown: a platform not audited */
    bool down;              /* RANCID state other than 'up': not collected */
};

struct inventory {
    struct arena *arena; /* entries and their strings */
    struct inventory_entry *items;
    size_t n, cap;
    /* inventory_index(): entry numbers sorted by name (case-insensitive),
     * then by number; used while norder == n. */
    uint32_t *order;
    size_t norder;
};

void inventory_init(struct inventory *inv, struct arena *a);
/*
 * Load an inventory file: RANCID router.db ("name;type;state", RANCID 2
 * "name:type:state"), Oxidized router.db-style ("name:model"), Nornir
 * SimpleInventory hosts.yaml ("platform"), or an Ansible inventory in YAML or
 * INI ("ansible_network_os", from the host or its groups). scope (may be
 * NULL) is the folder whose files the names apply to. Entries whose type
 * tsaudit does not know are left out with a warning. 0, or -1 after a
 * diagnostic.
 */
int inventory_load(struct inventory *inv, const char *path, const char *scope);
/* The same from memory (path names the format by its extension and is
 * used in diagnostics). */
int inventory_load_buffer(struct inventory *inv, const char *path, const char *data, size_t len,
                          const char *scope);
/* Load the router.db of a RANCID or Oxidized tree: root/router.db and
 * root/GROUP/router.db, each scoped to its folder. Returns how many. */
int inventory_discover(struct inventory *inv, const char *root);
/* Sort the entries by name once all inventories are loaded, so that
 * inventory_find() is a binary search instead of a walk (estates with tens of
 * thousands of devices). Optional: an inventory changed since is walked. */
void inventory_index(struct inventory *inv);
/* The entry for a configuration file (by base name, with or without its
 * extension, ignoring case, within the entry's scope), or NULL. */
const struct inventory_entry *inventory_find(const struct inventory *inv, const char *path);
/* A platform name as Netmiko/Nornir, Ansible, Oxidized or RANCID write it
 * ("cisco_xr", "cisco.ios.ios", "comware", "foundry"): its reading. */
bool inventory_platform_name(const char *name, size_t n, enum dialect *d, enum platform *p);

/* The form (brace/set, classic/MD-CLI/flat) for a known dialect. */
enum dialect_form detect_form(enum dialect d, const char *buf, size_t len);

/* ------------------------------------------------------------------- tree */

enum cfg_node_flag {
    CFG_INACTIVE = 1u << 0, /* Junos inactive:/deactivate; counts as absent */
    CFG_IMPLIED = 1u << 1,  /* container created by a set/flat path, no line of its own */
    CFG_BANNER = 1u << 2,   /* statement holding a multi-line body (banner, PEM, ...) */
    CFG_PROTECT = 1u << 3,  /* Junos protect: annotation (informational) */
};

struct cfg_node {
    const char *text; /* statement text, trimmed, NOT NUL-terminated */
    uint32_t len;
    uint32_t line;     /* 1-based line in the file of this statement */
    uint32_t end_line; /* last line of a multi-line body (banner), else == line */
    uint16_t depth;    /* 0 for top-level statements */
    uint16_t flags;    /* enum cfg_node_flag */
    const char *body;  /* CFG_BANNER: the body text between delimiters (view) */
    uint32_t body_len;
    uint32_t nchildren;
    struct cfg_node *parent; /* NULL for top level (not the root sentinel) */
    struct cfg_node *child;  /* first child */
    struct cfg_node *last;   /* last child */
    struct cfg_node *next;   /* next sibling */
};

/* A parse diagnostic kept with the device (also printed via diag_report). */
struct cfg_diag {
    enum diag_level level;
    uint32_t line;
    const char *msg; /* arena */
};

/* Limits on untrusted input; hitting one gives a diagnostic and marks the tree partial. */
struct cfg_limits {
    size_t max_line_len; /* default 64 KiB */
    uint32_t max_depth;  /* default 256 */
    uint32_t max_nodes;  /* default 2,000,000 */
    uint32_t max_diags;  /* default 100; further ones only counted */
};
extern const struct cfg_limits cfg_default_limits;

struct cfg_tree {
    struct arena *arena; /* owns nodes and diagnostics (not the buffer) */
    const char *path;    /* for diagnostics */
    const char *buf;     /* the file content (owned by the caller) */
    size_t len;
    enum dialect dialect;
    enum dialect_form form;
    struct cfg_limits limits;
    struct cfg_node *first; /* first top-level statement */
    struct cfg_node *last;
    uint32_t ntop;
    uint32_t node_count;
    uint32_t line_count;
    struct cfg_diag *diags;
    uint32_t ndiags, diags_cap;
    uint32_t diags_dropped;
    bool partial;     /* a limit was hit or the input was malformed */
    uint32_t nerrors; /* error diagnostics, including those not kept */
    /* Lines of statements that a later `delete` (Junos set form, SR OS flat)
     * removed from the tree (arena; in removal order, may repeat). A deleted
     * statement is absent: it is not in the tree at all. */
    uint32_t *removed_lines;
    uint32_t nremoved, removed_cap;
};

void cfg_tree_init(struct cfg_tree *t, struct arena *a, const char *path, const char *buf,
                   size_t len, enum dialect d, enum dialect_form form);

/*
 * Append a statement as the last child of parent (NULL = top level). text
 * must point into t->buf (or arena memory that outlives the tree). Returns
 * NULL, with a diagnostic and t->partial set, when a limit is hit.
 */
struct cfg_node *cfg_node_add(struct cfg_tree *t, struct cfg_node *parent, const char *text,
                              size_t len, uint32_t line, unsigned flags);

/* Record a parse diagnostic (printed and kept, capped). Marks partial for errors. */
void cfg_diag(struct cfg_tree *t, enum diag_level level, uint32_t line, const char *fmt, ...)
    TS_PRINTF(4, 5);

/* Error diagnostics recorded so far (kept or only counted). */
static inline uint32_t cfg_error_count(const struct cfg_tree *t)
{
    return t->nerrors;
}

/*
 * Parse t->buf according to t->dialect/t->form into t. Never fails hard:
 * malformed input yields diagnostics and a partial tree. Returns the number
 * of error diagnostics.
 */
int cfg_parse(struct cfg_tree *t);

/*
 * A file whose only line ends are CRs (no LF anywhere) is rewritten in place
 * with LFs so that its lines are lines; returns true when it did so. A lone
 * CR inside a LF or CRLF file stays a character of its statement, so line
 * numbers always agree with grep and editors.
 */
bool cfg_fix_cr_only(char *buf, size_t len);

/* Convenience: detect (unless forced != DIALECT_UNKNOWN) then parse. */
int cfg_parse_buffer(struct cfg_tree *t, struct arena *a, const char *path, const char *buf,
                     size_t len, enum dialect forced);

static inline struct sv cfg_text(const struct cfg_node *n)
{
    return sv_make(n->text, n->len);
}

/* Depth-first pre-order successor of n within the whole tree (NULL at end). */
struct cfg_node *cfg_next_preorder(const struct cfg_tree *t, const struct cfg_node *n);

/* Print the tree: "line<TAB>indent text" per node (text form) or JSON. */
void cfg_tree_print_text(const struct cfg_tree *t, FILE *out);
void cfg_tree_print_json(const struct cfg_tree *t, FILE *out);

/* ----------------------------------------------------------------- queries */

/*
 * Queries in the spirit of ciscoconfparse, for every dialect. Regexes are
 * PCRE2 (JIT when available), matched against a node's text. Results are
 * arrays of node pointers allocated from the tree's arena; *n gets the count.
 * Inactive nodes are skipped unless CFG_Q_INACTIVE is given.
 */
enum cfg_query_flag {
    CFG_Q_ANY_DEPTH = 1u << 0, /* search the whole subtree, not only direct children */
    CFG_Q_INACTIVE = 1u << 1,  /* include inactive statements */
};

struct cfg_regex; /* compiled pattern; thread-safe to share for matching */

/* Compile; on error returns NULL and writes "offset N: message" into err. */
struct cfg_regex *cfg_regex_compile(const char *pattern, char *err, size_t errlen);
void cfg_regex_free(struct cfg_regex *re);
/* Match against text; if caps != NULL fill up to ncaps capture views (0 = whole match). */
bool cfg_regex_match(const struct cfg_regex *re, struct sv text, struct sv *caps, size_t ncaps);
/* Compile pattern, match text once and free it: 1 match, 0 none, -1 when the
 * pattern does not compile (a device's own pattern, judged once). */
int cfg_regex_match_once(const char *pattern, struct sv text);

/* Statements under scope (NULL = top level) whose text matches re. */
struct cfg_node **cfg_find(const struct cfg_tree *t, const struct cfg_node *scope,
                           const struct cfg_regex *re, unsigned flags, size_t *n);
/* Parents (at any depth unless scoped) matching parent_re that have (want_child)
 * or lack (!want_child) a direct child matching child_re. */
struct cfg_node **cfg_find_parents(const struct cfg_tree *t, const struct cfg_regex *parent_re,
                                   const struct cfg_regex *child_re, bool want_child,
                                   unsigned flags, size_t *n);

/*
 * Fast word-prefix lookups for extractors (no regex): children of scope
 * (NULL = top level) whose text starts with the words of prefix.
 * cfg_child() returns the first active one, cfg_children() all of them.
 */
struct cfg_node *cfg_child(const struct cfg_tree *t, const struct cfg_node *scope,
                           const char *prefix);
struct cfg_node **cfg_children(const struct cfg_tree *t, const struct cfg_node *scope,
                               const char *prefix, size_t *n);

/*
 * Path lookup for hierarchical dialects: "system services ssh" walks down
 * from scope matching the path's tokens against node texts; a node may
 * consume several tokens ("unit 0"). Returns the deepest node reached by the
 * whole path, or NULL. cfg_path_all() returns every match (e.g. for lists).
 */
struct cfg_node *cfg_path(const struct cfg_tree *t, const struct cfg_node *scope, const char *path);
struct cfg_node **cfg_path_all(const struct cfg_tree *t, const struct cfg_node *scope,
                               const char *path, size_t *n);

#endif
