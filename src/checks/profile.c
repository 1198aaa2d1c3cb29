/*
 * profile.c - the provider profile (INTERFACES.md "Provider profile"): a
 * small YAML file read with libyaml's document loader into struct profile.
 *
 * The loader is strict about types and forgiving about everything else: a
 * value of the wrong type is an error naming the field path
 * ("networks.paw[2]"), an unknown key is a warning, and neither stops the
 * rest of the file from loading. Every list has a cap; the file itself has a
 * size cap. Nothing here is fatal.
 */
#include "checks/checks.h"
#include "core/ydoc.h"

#include <fnmatch.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#define PROFILE_MAX_FILE (16u * 1024 * 1024)
#define PROFILE_MAX_LIST 100000u
#define PROFILE_MAX_PATH 256

struct pctx {
    struct profile *p;
    struct arena *arena;
    struct ydoc y;             /* the document, its path and its error count */
    struct sha256_stream data; /* the files the profile names (data_digest) */
    unsigned ndata;
};

/* ------------------------------------------------------------ diagnostics */

/* "file:line:column: error: field 'x': ..." through core/ydoc.h, as every
 * YAML loader reports. */
static void TS_PRINTF(5, 6) pdiag(struct pctx *c, enum diag_level level, const yaml_node_t *n,
                                  const char *field, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    ydoc_diag(&c->y, level, n, field && *field ? field : NULL, "%s", msg);
}

/* ---------------------------------------------------------------- helpers */

static yaml_node_t *node_at(struct pctx *c, int id)
{
    return ydoc_node(&c->y, id);
}

static const char *scalar_str(struct pctx *c, const yaml_node_t *n, const char *field)
{
    return ydoc_str(&c->y, n, field);
}

static bool scalar_long(struct pctx *c, const yaml_node_t *n, const char *field, long min, long max,
                        long *out)
{
    return ydoc_long(&c->y, n, field, min, max, out);
}

static bool scalar_bool(struct pctx *c, const yaml_node_t *n, const char *field, bool *out)
{
    return ydoc_bool(&c->y, n, field, out);
}

/* The items of a sequence value; false (after an error) if it is not one. */
static bool seq_items(struct pctx *c, const yaml_node_t *n, const char *field,
                      yaml_node_item_t **items, size_t *count)
{
    if (n->type != YAML_SEQUENCE_NODE) {
        pdiag(c, DIAG_ERROR, n, field, "expected a list, found %s", ydoc_type_name(n));
        return false;
    }
    size_t k = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (k > PROFILE_MAX_LIST) {
        pdiag(c, DIAG_ERROR, n, field, "list has %zu items; only the first %u are read", k,
              PROFILE_MAX_LIST);
        k = PROFILE_MAX_LIST;
    }
    *items = n->data.sequence.items.start;
    *count = k;
    return true;
}

static void item_field(char *out, size_t outn, const char *field, size_t i)
{
    snprintf(out, outn, "%s[%zu]", field, i);
}

static void load_prefixes(struct pctx *c, const yaml_node_t *n, const char *field,
                          struct prefix_set *set)
{
    yaml_node_item_t *items;
    size_t k;
    if (!seq_items(c, n, field, &items, &k))
        return;
    set->v = k ? arena_alloc(c->arena, k * sizeof(*set->v)) : NULL;
    set->n = 0;
    set->present = true;
    for (size_t i = 0; i < k; i++) {
        char f[PROFILE_MAX_PATH];
        yaml_node_t *it = node_at(c, items[i]);
        item_field(f, sizeof(f), field, i);
        if (!it)
            continue;
        if (it->type != YAML_SCALAR_NODE) {
            pdiag(c, DIAG_ERROR, it, f, "expected an address or CIDR prefix, found %s",
                  ydoc_type_name(it));
            continue;
        }
        struct sv s = sv_trim(sv_make((const char *)it->data.scalar.value, it->data.scalar.length));
        struct ip_prefix pfx;
        if (!ip_prefix_parse(s, &pfx) || !pfx.af || memchr(s.p, ' ', s.n)) {
            pdiag(c, DIAG_ERROR, it, f, "not a CIDR prefix");
            continue;
        }
        set->v[set->n++] = pfx;
    }
}

static void load_strings(struct pctx *c, const yaml_node_t *n, const char *field,
                         struct string_set *set)
{
    yaml_node_item_t *items;
    size_t k;
    if (!seq_items(c, n, field, &items, &k))
        return;
    set->v = k ? arena_alloc(c->arena, k * sizeof(*set->v)) : NULL;
    set->n = 0;
    set->present = true;
    for (size_t i = 0; i < k; i++) {
        char f[PROFILE_MAX_PATH];
        yaml_node_t *it = node_at(c, items[i]);
        item_field(f, sizeof(f), field, i);
        if (!it)
            continue;
        const char *s = scalar_str(c, it, f);
        if (!s)
            continue;
        if (!*s) {
            pdiag(c, DIAG_ERROR, it, f, "empty name");
            continue;
        }
        set->v[set->n++] = s;
    }
}

static void load_longs(struct pctx *c, const yaml_node_t *n, const char *field, long min, long max,
                       long **out, size_t *nout, bool *present)
{
    yaml_node_item_t *items;
    size_t k;
    if (!seq_items(c, n, field, &items, &k))
        return;
    *out = k ? arena_alloc(c->arena, k * sizeof(**out)) : NULL;
    *nout = 0;
    if (present)
        *present = true;
    for (size_t i = 0; i < k; i++) {
        char f[PROFILE_MAX_PATH];
        yaml_node_t *it = node_at(c, items[i]);
        item_field(f, sizeof(f), field, i);
        long v;
        if (it && scalar_long(c, it, f, min, max, &v))
            (*out)[(*nout)++] = v;
    }
}

static void regex_release(void *re)
{
    cfg_regex_free(re);
}

static struct cfg_regex *load_regex(struct pctx *c, const yaml_node_t *n, const char *field,
                                    const char **src)
{
    const char *s = scalar_str(c, n, field);
    if (!s)
        return NULL;
    char err[256];
    struct cfg_regex *re = cfg_regex_compile(s, err, sizeof(err));
    if (!re) {
        pdiag(c, DIAG_ERROR, n, field, "not a valid regular expression (%s)", err);
        return NULL;
    }
    arena_on_free(c->arena, regex_release, re);
    *src = s;
    return re;
}

/* ------------------------------------------------------------- sections */

/*
 * Each section is a mapping of known keys. One callback per section gets
 * every (key, value) pair and returns false for a key it does not know.
 */
typedef bool (*key_fn)(struct pctx *c, const char *section, const char *key, const yaml_node_t *v,
                       const char *field);

static bool k_provider(struct pctx *c, const char *section, const char *key, const yaml_node_t *v,
                       const char *field)
{
    (void)section;
    long t;
    if (!strcmp(key, "name")) {
        const char *s = scalar_str(c, v, field);
        if (s)
            c->p->provider_name = s;
    } else if (!strcmp(key, "tier")) {
        if (scalar_long(c, v, field, 1, 3, &t))
            c->p->tier = (int)t;
    } else {
        return false;
    }
    return true;
}

static bool k_assessment(struct pctx *c, const char *section, const char *key, const yaml_node_t *v,
                         const char *field)
{
    (void)section;
    if (!strcmp(key, "as_of")) {
        const char *s = scalar_str(c, v, field);
        int32_t d;
        if (s && date_parse(s, &d)) {
            c->p->as_of = d;
            c->p->has_as_of = true;
        } else if (s) {
            pdiag(c, DIAG_ERROR, v, field, "not a date (YYYY-MM-DD)");
        }
    } else if (!strcmp(key, "code")) {
        const char *s = scalar_str(c, v, field);
        if (s && (!strcmp(s, "2022") || !strcmp(s, "2026")))
            c->p->code = s;
        else if (s)
            pdiag(c, DIAG_ERROR, v, field, "unknown edition of the Code (expected 2022 or 2026)");
    } else {
        return false;
    }
    return true;
}

/*
 * The keys of the list and policy sections, one row each: the section and
 * key, the kind of value, where it goes in struct profile and the flag that
 * says the profile set it.
 */
enum key_kind {
    KEY_PREFIXES, /* struct prefix_set */
    KEY_STRINGS,  /* struct string_set */
    KEY_PORTS,    /* long list at off, count at aux, bool at has */
    KEY_ASNS,     /* long list at off, count at aux */
    KEY_LONG,     /* long in [min, max] */
    KEY_BOOL,
    KEY_REGEX,  /* struct cfg_regex * at off, its text at aux */
    KEY_LEVEL,  /* syslog level by name or number, as a long */
    KEY_CHOICE, /* const char * from choices ("1.2|1.3") */
};

#define NO_FLAG ((size_t)-1)
struct key_row {
    const char *section, *key;
    enum key_kind kind;
    size_t off, has, aux;
    long min, max;
    const char *choices;
};

#define F(field) offsetof(struct profile, field)
#define ROW_SET(sec, k, kind, field)                                                               \
    {                                                                                              \
        sec, k, kind, F(field), NO_FLAG, NO_FLAG, 0, 0, NULL                                       \
    }
#define ROW_REGEX(sec, k, field)                                                                   \
    {                                                                                              \
        sec, k, KEY_REGEX, F(field), NO_FLAG, F(field##_src), 0, 0, NULL                           \
    }
#define ROW_LONG(k, field, lo, hi)                                                                 \
    {                                                                                              \
        "policy", k, KEY_LONG, F(field), F(has_##field), NO_FLAG, lo, hi, NULL                     \
    }
#define ROW_BOOL(k, field)                                                                         \
    {                                                                                              \
        "policy", k, KEY_BOOL, F(field), F(has_##field), NO_FLAG, 0, 0, NULL                       \
    }

static const struct key_row key_rows[] = {
    ROW_SET("networks", "paw", KEY_PREFIXES, paw),
    ROW_SET("networks", "management", KEY_PREFIXES, management),
    ROW_SET("networks", "corporate", KEY_PREFIXES, corporate),
    ROW_SET("networks", "infrastructure", KEY_PREFIXES, infrastructure),
    ROW_SET("networks", "customer", KEY_PREFIXES, customer),
    ROW_SET("approved", "ntp", KEY_PREFIXES, ntp),
    ROW_SET("approved", "syslog", KEY_PREFIXES, syslog),
    ROW_SET("approved", "aaa", KEY_PREFIXES, aaa),
    ROW_SET("approved", "snmp_managers", KEY_PREFIXES, snmp_managers),
    ROW_SET("approved", "tunnels", KEY_PREFIXES, tunnels),
    ROW_SET("approved", "flow_collectors", KEY_PREFIXES, flow_collectors),
    ROW_SET("approved", "rpki_caches", KEY_PREFIXES, rpki_caches),
    ROW_SET("approved", "backup_destinations", KEY_PREFIXES, backup_destinations),
    ROW_SET("approved", "bgp_bogons", KEY_PREFIXES, bgp_bogons),
    {"approved", "mgmt_ports", KEY_PORTS, F(mgmt_ports), F(has_mgmt_ports), F(nmgmt_ports), 1,
     65535, NULL},
    ROW_SET("approved", "onbox_apps", KEY_STRINGS, onbox_apps),
    ROW_SET("approved", "mirrors", KEY_STRINGS, mirrors),
    ROW_SET("cloud", "management_groups", KEY_STRINGS, cloud_mgmt_groups),
    ROW_SET("accounts", "breakglass", KEY_STRINGS, breakglass),
    ROW_SET("accounts", "allowed", KEY_STRINGS, allowed_accounts),
    ROW_SET("own", "prefixes", KEY_PREFIXES, own_prefixes),
    {"own", "asns", KEY_ASNS, F(own_asns), NO_FLAG, F(nown_asns), 1, 4294967295L, NULL},
    ROW_REGEX("interfaces", "external_description", external_description),
    ROW_REGEX("interfaces", "management", management_interfaces),
    ROW_REGEX("interfaces", "customer_description", customer_description),
    ROW_REGEX("interfaces", "encrypt_description", encrypt_description),
    {"policy", "idle_timeout_minutes", KEY_LONG, F(idle_timeout_minutes), F(has_idle_timeout),
     NO_FLAG, 1, 1440, NULL},
    ROW_REGEX("policy", "banner_regex", banner_regex),
    ROW_LONG("max_sessions", max_sessions, 1, 1000),
    ROW_BOOL("oob_required", oob_required),
    ROW_BOOL("webui_allowed", webui_allowed),
    ROW_BOOL("offbox_collection", offbox_collection),
    ROW_BOOL("dhcp_on_device", dhcp_on_device),
    ROW_LONG("lockout_attempts", lockout_attempts, 1, 100),
    ROW_LONG("lockout_minutes", lockout_minutes, 1, 10080),
    ROW_LONG("password_min_length", password_min_length, 1, 128),
    ROW_LONG("ssh_min_rsa_bits", ssh_min_rsa_bits, 1024, 16384),
    ROW_LONG("ssh_min_dh_group", ssh_min_dh_group, 1, 32),
    {"policy", "tls_min", KEY_CHOICE, F(tls_min), F(has_tls_min), NO_FLAG, 0, 0, "1.2|1.3"},
    {"policy", "log_severity_min", KEY_LEVEL, F(log_severity_min), F(has_log_severity_min), NO_FLAG,
     0, 7, NULL},
    ROW_BOOL("log_tls_required", log_tls_required),
    ROW_LONG("bgp_max_prefix_len_v4", bgp_max_prefix_len_v4, 8, 32),
    ROW_LONG("bgp_max_prefix_len_v6", bgp_max_prefix_len_v6, 16, 128),
    ROW_LONG("key_lifetime_days", key_lifetime_days, 1, 3650),
};

static const char *const syslog_levels[] = {
    "emergencies", "alerts",        "critical",      "errors",
    "warnings",    "notifications", "informational", "debugging",
};

const char *syslog_level_name(long level)
{
    if (level < 0 || level >= (long)ARRAY_SIZE(syslog_levels))
        return "?";
    return syslog_levels[level];
}

/* A syslog level by its name, a common short form or its number. */
static bool load_level(struct pctx *c, const yaml_node_t *v, const char *field, long *out)
{
    static const char *const short_names[] = {"emerg",   "alert",  "crit", "err",
                                              "warning", "notice", "info", "debug"};
    const char *s = scalar_str(c, v, field);
    if (!s)
        return false;
    for (long i = 0; i < (long)ARRAY_SIZE(syslog_levels); i++)
        if (!strcasecmp(s, syslog_levels[i]) || !strcasecmp(s, short_names[i]) ||
            (s[0] == '0' + i && !s[1])) {
            *out = i;
            return true;
        }
    pdiag(c, DIAG_ERROR, v, field, "not a syslog level (emergencies..debugging or 0-7)");
    return false;
}

static bool load_choice(struct pctx *c, const yaml_node_t *v, const char *field,
                        const char *choices, const char **out)
{
    const char *s = scalar_str(c, v, field);
    if (!s)
        return false;
    size_t n = strlen(s);
    for (const char *p = choices; n && p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && !memcmp(p, s, n)) {
            *out = s;
            return true;
        }
        p = bar ? bar + 1 : NULL;
    }
    pdiag(c, DIAG_ERROR, v, field, "expected one of %s", choices);
    return false;
}

/* Load one value as its row says; true when the profile now holds it. */
static bool load_row(struct pctx *c, const struct key_row *r, const yaml_node_t *v,
                     const char *field)
{
    char *base = (char *)c->p;
    void *at = base + r->off;
    switch (r->kind) {
    case KEY_PREFIXES:
        load_prefixes(c, v, field, at);
        return false; /* present is set inside the set */
    case KEY_STRINGS:
        load_strings(c, v, field, at);
        return false;
    case KEY_PORTS:
    case KEY_ASNS:
        load_longs(c, v, field, r->min, r->max, at, (size_t *)(base + r->aux),
                   r->has == NO_FLAG ? NULL : (bool *)(base + r->has));
        return false;
    case KEY_LONG:
        return scalar_long(c, v, field, r->min, r->max, at);
    case KEY_BOOL:
        return scalar_bool(c, v, field, at);
    case KEY_REGEX: {
        struct cfg_regex *re = load_regex(c, v, field, (const char **)(base + r->aux));
        if (re)
            *(struct cfg_regex **)at = re;
        return false;
    }
    case KEY_LEVEL:
        return load_level(c, v, field, at);
    case KEY_CHOICE:
        return load_choice(c, v, field, r->choices, at);
    }
    return false;
}

/* The row for section.key, or NULL. */
static const struct key_row *find_row(const char *section, const char *key)
{
    for (size_t i = 0; i < ARRAY_SIZE(key_rows); i++)
        if (!strcmp(key_rows[i].section, section) && !strcmp(key_rows[i].key, key))
            return &key_rows[i];
    return NULL;
}

/* The section handler for every table-driven section. */
static bool k_table(struct pctx *c, const char *section, const char *key, const yaml_node_t *v,
                    const char *field)
{
    const struct key_row *r = find_row(section, key);
    if (!r)
        return false;
    if (load_row(c, r, v, field) && r->has != NO_FLAG)
        *(bool *)((char *)c->p + r->has) = true;
    return true;
}

/* ------------------------------------------------------------ software */

/* A file named in the profile: as written when absolute, else relative to
 * the profile's own folder. */
static const char *profile_relative(struct pctx *c, const char *name)
{
    const char *slash = strrchr(c->y.path, '/');
    if (name[0] == '/' || !slash)
        return name;
    return arena_printf(c->arena, "%.*s/%s", (int)(slash - c->y.path), c->y.path, name);
}

/* Read a file the profile names (relative to it), adding its path and bytes
 * to the profile's data digest. 0, or -1 after a diagnostic. */
static int read_data_file(struct pctx *c, const char *path, char **data, size_t *len)
{
    if (file_read_all(path, PROFILE_MAX_FILE, true, data, len) != 0)
        return -1;
    if (!c->ndata++) /* the stream holds memory until sha256_end() */
        sha256_begin(&c->data);
    sha256_add(&c->data, path, strlen(path) + 1);
    sha256_add(&c->data, *data, *len);
    return 0;
}

/* software.releases: a release-support table of the built-in shape. Its
 * errors are the table's own (reported with its positions); the profile
 * still loads. */
static void load_releases(struct pctx *c, const yaml_node_t *v, const char *field)
{
    const char *name = scalar_str(c, v, field);
    if (!name)
        return;
    const char *path = profile_relative(c, name);
    char *data;
    size_t len;
    if (read_data_file(c, path, &data, &len) != 0)
        return;
    release_table_load(&c->p->releases, c->arena, path, data, len);
    c->p->has_releases = true;
    free(data);
}

/* software.advisories: CSAF or YAML advisory files; each reports its own
 * errors and the profile still loads. */
static void load_advisories(struct pctx *c, const yaml_node_t *v, const char *field)
{
    struct string_set files = {0};
    load_strings(c, v, field, &files);
    c->p->advisories.present = true;
    for (size_t i = 0; i < files.n; i++) {
        const char *path = profile_relative(c, files.v[i]);
        char *data;
        size_t len;
        if (read_data_file(c, path, &data, &len) != 0)
            continue;
        advisory_load(&c->p->advisories, c->arena, path, data, len);
        free(data);
    }
}

static bool k_software(struct pctx *c, const char *section, const char *key, const yaml_node_t *v,
                       const char *field)
{
    (void)section;
    if (!strcmp(key, "releases"))
        load_releases(c, v, field);
    else if (!strcmp(key, "approved"))
        load_strings(c, v, field, &c->p->approved_releases);
    else if (!strcmp(key, "advisories"))
        load_advisories(c, v, field);
    else
        return false;
    return true;
}

/* Walk a mapping, calling fn for each key; unknown keys are warnings. */
static void walk_mapping(struct pctx *c, const yaml_node_t *n, const char *section, key_fn fn)
{
    if (n->type != YAML_MAPPING_NODE) {
        pdiag(c, DIAG_ERROR, n, section, "expected a mapping, found %s", ydoc_type_name(n));
        return;
    }
    for (yaml_node_pair_t *pr = n->data.mapping.pairs.start; pr < n->data.mapping.pairs.top; pr++) {
        yaml_node_t *kn = node_at(c, pr->key);
        yaml_node_t *vn = node_at(c, pr->value);
        if (!kn || !vn)
            continue;
        if (kn->type != YAML_SCALAR_NODE) {
            pdiag(c, DIAG_ERROR, kn, section, "keys must be plain names");
            continue;
        }
        char key[64];
        size_t kl = kn->data.scalar.length;
        if (kl >= sizeof(key) || memchr(kn->data.scalar.value, '\0', kl)) {
            pdiag(c, DIAG_WARNING, kn, section, "unknown key ignored");
            continue;
        }
        memcpy(key, kn->data.scalar.value, kl);
        key[kl] = '\0';
        char field[PROFILE_MAX_PATH];
        if (section && *section)
            snprintf(field, sizeof(field), "%s.%s", section, key);
        else
            snprintf(field, sizeof(field), "%s", key);
        if (ydoc_is_null(vn)) {
            pdiag(c, DIAG_WARNING, vn, field, "no value; treated as not set");
            continue;
        }
        if (!fn(c, section, key, vn, field))
            pdiag(c, DIAG_WARNING, kn, field, "unknown key ignored");
    }
}

static void load_devices(struct pctx *c, const yaml_node_t *n, const char *field)
{
    yaml_node_item_t *items;
    size_t k;
    if (!seq_items(c, n, field, &items, &k))
        return;
    struct profile_device_rule *rules = k ? arena_alloc(c->arena, k * sizeof(*rules)) : NULL;
    size_t nr = 0;
    for (size_t i = 0; i < k; i++) {
        char f[PROFILE_MAX_PATH];
        yaml_node_t *it = node_at(c, items[i]);
        item_field(f, sizeof(f), field, i);
        if (!it)
            continue;
        if (it->type != YAML_MAPPING_NODE) {
            pdiag(c, DIAG_ERROR, it, f, "expected a mapping with 'match', found %s",
                  ydoc_type_name(it));
            continue;
        }
        struct profile_device_rule r = {0};
        bool bad = false;
        for (yaml_node_pair_t *pr = it->data.mapping.pairs.start; pr < it->data.mapping.pairs.top;
             pr++) {
            yaml_node_t *kn = node_at(c, pr->key);
            yaml_node_t *vn = node_at(c, pr->value);
            if (!kn || !vn)
                continue;
            char kf[PROFILE_MAX_PATH + 64];
            if (kn->type != YAML_SCALAR_NODE) {
                pdiag(c, DIAG_ERROR, kn, f, "keys must be plain names");
                bad = true;
                continue;
            }
            struct sv key = sv_make((const char *)kn->data.scalar.value, kn->data.scalar.length);
            snprintf(kf, sizeof(kf), "%s.%.*s", f, (int)(key.n > 64 ? 64 : key.n), key.p);
            if (sv_eq_cstr(key, "match")) {
                const char *s = scalar_str(c, vn, kf);
                if (s && *s)
                    r.match = s;
                else if (s)
                    pdiag(c, DIAG_ERROR, vn, kf, "empty pattern");
                if (!s || !*s)
                    bad = true;
            } else if (sv_eq_cstr(key, "exclude")) {
                if (!scalar_bool(c, vn, kf, &r.exclude))
                    bad = true;
            } else if (sv_eq_cstr(key, "dialect")) {
                const char *s = scalar_str(c, vn, kf);
                if (!s || !(dialect_from_name(s, &r.dialect) ||
                            platform_from_name(strncmp(s, "unsupported:", 12) ? s : s + 12,
                                               &r.platform))) {
                    if (s)
                        pdiag(c, DIAG_ERROR, vn, kf,
                              "'%s' is neither a dialect (%s) nor a platform", s,
                              dialect_name_list());
                    bad = true;
                }
            } else if (sv_eq_cstr(key, "tier")) {
                long t;
                if (scalar_long(c, vn, kf, 1, 3, &t))
                    r.tier = (int)t;
                else
                    bad = true;
            } else {
                pdiag(c, DIAG_WARNING, kn, kf, "unknown key ignored");
            }
        }
        if (!r.match) {
            if (!bad)
                pdiag(c, DIAG_ERROR, it, f, "a device rule needs 'match'");
            continue;
        }
        if (bad)
            continue;
        rules[nr++] = r;
    }
    c->p->devices = rules;
    c->p->ndevices = nr;
}

/* ---------------------------------------------------------------- golden */

static void golden_template(struct pctx *c, const yaml_node_t *v, const char *field,
                            struct golden_rule *g)
{
    const char *name = scalar_str(c, v, field);
    if (!name)
        return;
    g->template_path = profile_relative(c, name);
    char *data;
    size_t len;
    if (read_data_file(c, g->template_path, &data, &len) != 0)
        return; /* reported; the check says the template could not be read */
    g->template_text = arena_strndup(c->arena, data, len);
    g->template_len = len;
    free(data);
}

/* require/forbid: one pattern or a list of them. */
static size_t golden_patterns(struct pctx *c, const yaml_node_t *v, const char *field,
                              struct cfg_regex ***re, const char ***src)
{
    yaml_node_item_t *items = NULL;
    size_t k = 1;
    if (v->type != YAML_SCALAR_NODE && !seq_items(c, v, field, &items, &k))
        return 0;
    *re = arena_alloc(c->arena, (k ? k : 1) * sizeof(**re));
    *src = arena_alloc(c->arena, (k ? k : 1) * sizeof(**src));
    size_t n = 0;
    for (size_t i = 0; i < k; i++) {
        char f[PROFILE_MAX_PATH];
        item_field(f, sizeof(f), field, i);
        const yaml_node_t *it = items ? node_at(c, items[i]) : v;
        struct cfg_regex *r = it ? load_regex(c, it, items ? f : field, &(*src)[n]) : NULL;
        if (r)
            (*re)[n++] = r;
    }
    return n;
}

static bool golden_key(struct pctx *c, struct sv key, const yaml_node_t *vn, const char *kf,
                       struct golden_rule *g)
{
    if (sv_eq_cstr(key, "match")) {
        const char *s = scalar_str(c, vn, kf);
        g->match = s && *s ? s : NULL;
    } else if (sv_eq_cstr(key, "template")) {
        golden_template(c, vn, kf, g);
    } else if (sv_eq_cstr(key, "require")) {
        g->nrequire = golden_patterns(c, vn, kf, &g->require, &g->require_src);
    } else if (sv_eq_cstr(key, "forbid")) {
        g->nforbid = golden_patterns(c, vn, kf, &g->forbid, &g->forbid_src);
    } else {
        return false;
    }
    return true;
}

static bool golden_rule_load(struct pctx *c, const yaml_node_t *it, const char *f,
                             struct golden_rule *g)
{
    if (it->type != YAML_MAPPING_NODE) {
        pdiag(c, DIAG_ERROR, it, f, "expected a mapping with 'match', found %s",
              ydoc_type_name(it));
        return false;
    }
    memset(g, 0, sizeof(*g));
    g->line = (uint32_t)it->start_mark.line + 1;
    for (yaml_node_pair_t *pr = it->data.mapping.pairs.start; pr < it->data.mapping.pairs.top;
         pr++) {
        yaml_node_t *kn = node_at(c, pr->key), *vn = node_at(c, pr->value);
        if (!kn || !vn || kn->type != YAML_SCALAR_NODE)
            continue;
        struct sv key = sv_make((const char *)kn->data.scalar.value, kn->data.scalar.length);
        char kf[PROFILE_MAX_PATH + 64];
        snprintf(kf, sizeof(kf), "%s.%.*s", f, (int)(key.n > 64 ? 64 : key.n), key.p);
        if (!golden_key(c, key, vn, kf, g))
            pdiag(c, DIAG_WARNING, kn, kf, "unknown key ignored");
    }
    if (!g->match)
        pdiag(c, DIAG_ERROR, it, f, "a golden rule needs 'match'");
    else if (!g->template_path && !g->nrequire && !g->nforbid)
        pdiag(c, DIAG_ERROR, it, f, "a golden rule needs 'template', 'require' or 'forbid'");
    else
        return true;
    return false;
}

static void load_golden(struct pctx *c, const yaml_node_t *n, const char *field)
{
    yaml_node_item_t *items;
    size_t k;
    if (!seq_items(c, n, field, &items, &k))
        return;
    c->p->golden = k ? arena_alloc(c->arena, k * sizeof(*c->p->golden)) : NULL;
    c->p->has_golden = true;
    for (size_t i = 0; i < k; i++) {
        char f[PROFILE_MAX_PATH];
        yaml_node_t *it = node_at(c, items[i]);
        item_field(f, sizeof(f), field, i);
        if (it && golden_rule_load(c, it, f, &c->p->golden[c->p->ngolden]))
            c->p->ngolden++;
    }
}

static void load_root(struct pctx *c, const yaml_node_t *root)
{
    static const struct {
        const char *name;
        key_fn fn;
    } sections[] = {
        {"provider", k_provider}, {"assessment", k_assessment}, {"networks", k_table},
        {"approved", k_table},    {"accounts", k_table},        {"own", k_table},
        {"interfaces", k_table},  {"policy", k_table},          {"cloud", k_table},
        {"software", k_software},
    };
    if (root->type != YAML_MAPPING_NODE) {
        pdiag(c, DIAG_ERROR, root, NULL, "a profile is a mapping of sections, found %s",
              ydoc_type_name(root));
        return;
    }
    int said_attest = 0;
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top;
         pr++) {
        yaml_node_t *kn = node_at(c, pr->key);
        yaml_node_t *vn = node_at(c, pr->value);
        if (!kn || !vn)
            continue;
        if (kn->type != YAML_SCALAR_NODE) {
            pdiag(c, DIAG_ERROR, kn, NULL, "section names must be plain names");
            continue;
        }
        struct sv key = sv_make((const char *)kn->data.scalar.value, kn->data.scalar.length);
        char field[80];
        snprintf(field, sizeof(field), "%.*s", (int)(key.n > 64 ? 64 : key.n), key.p);
        if (ydoc_is_null(vn)) {
            pdiag(c, DIAG_WARNING, vn, field, "no value; treated as not set");
            continue;
        }
        bool known = false;
        if (sv_eq_cstr(key, "devices")) {
            load_devices(c, vn, "devices");
            known = true;
        } else if (sv_eq_cstr(key, "golden")) {
            load_golden(c, vn, "golden");
            known = true;
        }
        for (size_t i = 0; !known && i < ARRAY_SIZE(sections); i++) {
            if (sv_eq_cstr(key, sections[i].name)) {
                walk_mapping(c, vn, sections[i].name, sections[i].fn);
                known = true;
            }
        }
        bool attest_key = sv_eq_cstr(key, "attestations") || sv_eq_cstr(key, "waivers");
        if (!known && attest_key && !said_attest++)
            pdiag(c, DIAG_ERROR, kn, field,
                  "this looks like an attestations file, not a provider profile "
                  "(give it to --attest)");
        else if (!known && !attest_key)
            pdiag(c, DIAG_WARNING, kn, field, "unknown section ignored");
    }
}

/* ------------------------------------------------------------------ API */

void profile_init_empty(struct profile *p)
{
    memset(p, 0, sizeof(*p));
    p->digest[0] = '\0';
    /* The catalogue's default thresholds (checks.md section 0). */
    p->lockout_attempts = 3;
    p->lockout_minutes = 15;
    p->password_min_length = 15;
    p->ssh_min_rsa_bits = 3072;
    p->ssh_min_dh_group = 16;
    p->tls_min = "1.2";
    p->log_severity_min = 6;
    p->bgp_max_prefix_len_v4 = 24;
    p->bgp_max_prefix_len_v6 = 48;
    p->key_lifetime_days = 180;
}

int profile_load_buffer(struct profile *p, struct arena *arena, const char *path, const char *data,
                        size_t len)
{
    struct pctx c = {.p = p, .arena = arena};
    path = path ? path : "profile";
    profile_init_empty(p);
    p->path = arena_strdup(arena, path);
    sha256_hex(data, len, p->digest);
    if (len > PROFILE_MAX_FILE) {
        diag_report(DIAG_ERROR, path, 0, "profile larger than %u bytes", PROFILE_MAX_FILE);
        return -1;
    }
    if (ydoc_load(&c.y, arena, p->path, data, len) != 0)
        return -1;
    yaml_node_t *root = ydoc_root(&c.y);
    if (!root)
        diag_report(DIAG_WARNING, p->path, 0, "the profile is empty");
    else
        load_root(&c, root);
    ydoc_free(&c.y);
    if (c.ndata)
        sha256_end(&c.data, p->data_digest);
    return c.y.errors ? -1 : 0;
}

int profile_load(struct profile *p, struct arena *arena, const char *path)
{
    char *data;
    size_t len;
    profile_init_empty(p);
    if (file_read_all(path, PROFILE_MAX_FILE, true, &data, &len) < 0) {
        p->path = arena_strdup(arena, path);
        return -1;
    }
    int rc = profile_load_buffer(p, arena, path, data, len);
    free(data);
    return rc;
}

/* Does a profile glob name this device (hostname, file name or path)? */
static bool glob_names(const char *m, const char *hostname, const char *file)
{
    const char *base = NULL;
    if (file) {
        base = strrchr(file, '/');
        base = base ? base + 1 : file;
    }
    if (hostname && *hostname && fnmatch(m, hostname, 0) == 0)
        return true;
    return base && (fnmatch(m, base, 0) == 0 || fnmatch(m, file, 0) == 0);
}

const struct golden_rule *profile_golden_rule(const struct profile *p, const char *hostname,
                                              const char *file)
{
    for (size_t i = 0; p && i < p->ngolden; i++)
        if (glob_names(p->golden[i].match, hostname, file))
            return &p->golden[i];
    return NULL;
}

const struct profile_device_rule *profile_device_rule(const struct profile *p, const char *hostname,
                                                      const char *file)
{
    for (size_t i = 0; p && i < p->ndevices; i++)
        if (glob_names(p->devices[i].match, hostname, file))
            return &p->devices[i];
    return NULL;
}
