/*
 * advisory.c - security advisories for SW-VULN-FEATURE: the readers of the
 * provider's advisory files (profile software.advisories).
 *
 * Two forms. CSAF 2.0 JSON, as Cisco, Juniper, Nokia and Huawei publish it:
 * the product tree names products and their versions, each vulnerability
 * says which of them are known affected and which fixed, with its CVE. CSAF
 * has no field for the configuration that exposes a vulnerability, so the
 * statements come from a note titled "tsaudit feature" in the vulnerability
 * (one regular expression a line) or from a YAML entry naming the advisory
 * or CVE. The YAML form says everything in one entry:
 *
 *   advisories:
 *     - id: cisco-sa-iosxe-webui-privesc-j22SaA4z
 *       cve: CVE-2023-20198
 *       platform: cisco-ios
 *       affected: ["16.12", "17.3", "17.6", "17.9"]
 *       fixed: ["17.9.4a"]
 *       feature: ["^ip http server$", "^ip http secure-server$"]
 *
 * Reading files is not check logic: this file only turns them into struct
 * advisory. A broken file or entry is one "file:line: error: ..." line and
 * is skipped; the run goes on.
 */
#include "checks/checks_int.h"
#include "core/ydoc.h"

#include <jansson.h>
#include <string.h>
#include <strings.h>

#define ADVISORY_MAX_ITEMS 100000u
#define ADVISORY_MAX_DEPTH 32

static void regex_release(void *re)
{
    cfg_regex_free(re);
}

/* Compile one feature pattern into a; false (after err is filled) when bad. */
static bool add_feature(struct advisory *a, struct arena *arena, const char *src, char *err,
                        size_t errn)
{
    if (a->nfeatures == ADVISORY_MAX_FEATURES) {
        snprintf(err, errn, "more than %d feature statements", ADVISORY_MAX_FEATURES);
        return false;
    }
    char why[200];
    struct cfg_regex *re = cfg_regex_compile(src, why, sizeof(why));
    if (!re) {
        snprintf(err, errn, "feature '%.80s' is not a valid regular expression (%s)", src, why);
        return false;
    }
    arena_on_free(arena, regex_release, re);
    a->feature_src[a->nfeatures] = arena_strdup(arena, src);
    a->feature[a->nfeatures++] = re;
    return true;
}

static struct advisory *push(struct advisory_set *set, struct arena *arena)
{
    if (set->n % 16 == 0)
        set->v = arena_grow(arena, set->v, set->n, set->n + 16, sizeof(*set->v));
    struct advisory *a = &set->v[set->n++];
    memset(a, 0, sizeof(*a));
    return a;
}

/* ------------------------------------------------------------------ CSAF */

/* The dialect a vendor's product name stands for (first match wins). */
static enum dialect product_dialect(const char *name)
{
    static const struct {
        const char *word;
        enum dialect d;
    } words[] = {
        {"IOS XR", DIALECT_CISCO_IOSXR},     {"IOS-XR", DIALECT_CISCO_IOSXR},
        {"NX-OS", DIALECT_CISCO_NXOS},       {"Adaptive Security Appliance", DIALECT_CISCO_ASA},
        {"ASA Software", DIALECT_CISCO_ASA}, {"IOS XE", DIALECT_CISCO_IOS},
        {"IOS-XE", DIALECT_CISCO_IOS},       {"Cisco IOS", DIALECT_CISCO_IOS},
        {"Junos", DIALECT_JUNIPER_JUNOS},    {"Arista EOS", DIALECT_ARISTA_EOS},
        {"SR OS", DIALECT_NOKIA_SROS},       {"SR-OS", DIALECT_NOKIA_SROS},
        {"VRP", DIALECT_HUAWEI_VRP},         {"FortiOS", DIALECT_FORTINET_FORTIOS},
    };
    for (size_t i = 0; name && i < ARRAY_SIZE(words); i++)
        if (str_icontains(name, words[i].word))
            return words[i].d;
    return DIALECT_UNKNOWN;
}

/* One product of the tree: its id, platform and version. */
struct csaf_product {
    const char *id;
    enum dialect d;
    const char *version;
};

struct csaf {
    const char *path;
    struct arena *arena;
    struct csaf_product *p;
    size_t n;
    int errors;
};

/* CSAF errors name the file; jansson keeps no position for a value. */
static void csaf_error(struct csaf *c, const char *msg)
{
    diag_report(DIAG_ERROR, c->path, 1, "%s", msg);
    c->errors++;
}

static const char *jstr(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

static void csaf_add_product(struct csaf *c, const json_t *prod, const char *name,
                             const char *version)
{
    const char *id = jstr(prod, "product_id");
    if (!id || c->n >= ADVISORY_MAX_ITEMS)
        return;
    if (!name)
        name = jstr(prod, "name");
    if (!version) { /* "Cisco IOS XE Software 17.9.1": the last word */
        const char *full = jstr(prod, "name");
        const char *sp = full ? strrchr(full, ' ') : NULL;
        if (sp && (sp[1] >= '0' && sp[1] <= '9'))
            version = sp + 1;
    }
    if (c->n % 64 == 0)
        c->p = arena_grow(c->arena, c->p, c->n, c->n + 64, sizeof(*c->p));
    c->p[c->n++] = (struct csaf_product){arena_strdup(c->arena, id), product_dialect(name),
                                         version ? arena_strdup(c->arena, version) : NULL};
}

/* Branches: vendor > product_name > product_version > product. */
static void csaf_branches(struct csaf *c, const json_t *branches, const char *name,
                          const char *version, unsigned depth)
{
    size_t i;
    const json_t *b;
    if (!json_is_array(branches) || depth > ADVISORY_MAX_DEPTH)
        return;
    json_array_foreach(branches, i, b)
    {
        const char *cat = jstr(b, "category"), *bname = jstr(b, "name");
        const char *n = name, *v = version;
        if (cat && bname && !strcmp(cat, "product_name"))
            n = bname;
        else if (cat && bname && !strcmp(cat, "product_version"))
            v = bname;
        const json_t *prod = json_object_get(b, "product");
        if (json_is_object(prod))
            csaf_add_product(c, prod, n, v);
        csaf_branches(c, json_object_get(b, "branches"), n, v, depth + 1);
    }
}

static const struct csaf_product *csaf_find(const struct csaf *c, const char *id)
{
    for (size_t i = 0; id && i < c->n; i++)
        if (!strcmp(c->p[i].id, id))
            return &c->p[i];
    return NULL;
}

/* Append the versions of the listed product ids on dialect d to *out. */
static void csaf_versions(const struct csaf *c, const json_t *ids, enum dialect d,
                          const char ***out, size_t *n)
{
    size_t i;
    const json_t *id;
    if (!json_is_array(ids))
        return;
    json_array_foreach(ids, i, id)
    {
        const struct csaf_product *p = csaf_find(c, json_string_value(id));
        if (!p || p->d != d || !p->version)
            continue;
        *out = arena_grow(c->arena, *out, *n, *n + 1, sizeof(**out));
        (*out)[(*n)++] = p->version;
    }
}

/* The statements of a "tsaudit feature" note, one pattern a line. */
static void csaf_features(struct csaf *c, const json_t *vuln, struct advisory *a)
{
    size_t i;
    const json_t *note;
    json_array_foreach(json_object_get(vuln, "notes"), i, note)
    {
        const char *title = jstr(note, "title"), *text = jstr(note, "text");
        if (!title || !text || strcasecmp(title, "tsaudit feature"))
            continue;
        for (const char *p = text; *p;) {
            const char *e = strchr(p, '\n');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            char *line = arena_strndup(c->arena, p, len);
            char err[300];
            if (*line && !add_feature(a, c->arena, line, err, sizeof(err)))
                csaf_error(c, err);
            p += len + (e ? 1 : 0);
        }
    }
}

/* One advisory per platform among the vulnerability's affected products. */
static void csaf_vulnerability(struct csaf *c, struct advisory_set *set, const json_t *vuln,
                               const char *doc_id, const char *title)
{
    const json_t *st = json_object_get(vuln, "product_status");
    bool seen[DIALECT_COUNT] = {0};
    size_t i;
    const json_t *id;
    static const char *const affected_keys[] = {"known_affected", "first_affected",
                                                "last_affected"};
    for (size_t k = 0; k < ARRAY_SIZE(affected_keys); k++)
        json_array_foreach(json_object_get(st, affected_keys[k]), i, id)
        {
            const struct csaf_product *p = csaf_find(c, json_string_value(id));
            if (p && p->d != DIALECT_UNKNOWN)
                seen[p->d] = true;
        }
    for (int d = 0; d < DIALECT_COUNT; d++) {
        if (!seen[d])
            continue;
        struct advisory *a = push(set, c->arena);
        a->id = doc_id;
        a->cve = jstr(vuln, "cve") ? arena_strdup(c->arena, jstr(vuln, "cve")) : NULL;
        a->title = title;
        a->dialect = (enum dialect)d;
        a->file = c->path;
        a->line = 1;
        for (size_t k = 0; k < ARRAY_SIZE(affected_keys); k++)
            csaf_versions(c, json_object_get(st, affected_keys[k]), a->dialect, &a->affected,
                          &a->naffected);
        csaf_versions(c, json_object_get(st, "fixed"), a->dialect, &a->fixed, &a->nfixed);
        csaf_versions(c, json_object_get(st, "first_fixed"), a->dialect, &a->fixed, &a->nfixed);
        csaf_features(c, vuln, a);
        /* No release and no statement to match: nothing a device could be
         * judged by, so it is not kept. */
        if (!a->naffected && !a->nfeatures)
            set->n--;
    }
}

static int csaf_load(struct advisory_set *set, struct arena *arena, const char *path,
                     const char *data, size_t len)
{
    json_error_t jerr;
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root) {
        diag_report(DIAG_ERROR, path, (uint32_t)(jerr.line > 0 ? jerr.line : 1),
                    "not a CSAF document: %s", jerr.text);
        return 1;
    }
    struct csaf c = {.path = arena_strdup(arena, path), .arena = arena};
    const json_t *doc = json_object_get(root, "document");
    const json_t *vulns = json_object_get(root, "vulnerabilities");
    const char *csaf_version = jstr(doc, "csaf_version");
    if (!json_is_object(doc) || !csaf_version || strncmp(csaf_version, "2.", 2))
        csaf_error(&c, "not a CSAF 2.x document (no document.csaf_version 2.x)");
    else if (!json_is_array(vulns))
        csaf_error(&c, "a CSAF advisory needs a list of vulnerabilities");
    if (c.errors) {
        json_decref(root);
        return c.errors;
    }
    const json_t *tracking = json_object_get(doc, "tracking");
    const char *doc_id = jstr(tracking, "id") ? arena_strdup(arena, jstr(tracking, "id")) : NULL;
    const char *title = jstr(doc, "title") ? arena_strdup(arena, jstr(doc, "title")) : NULL;
    const json_t *tree = json_object_get(root, "product_tree");
    csaf_branches(&c, json_object_get(tree, "branches"), NULL, NULL, 0);
    size_t i;
    const json_t *fp;
    json_array_foreach(json_object_get(tree, "full_product_names"), i, fp)
        csaf_add_product(&c, fp, NULL, NULL);
    size_t before = set->n;
    const json_t *vuln;
    json_array_foreach(vulns, i, vuln)
    {
        if (i >= ADVISORY_MAX_ITEMS)
            break;
        csaf_vulnerability(&c, set, vuln, doc_id ? doc_id : c.path, title);
    }
    if (set->n == before)
        csaf_error(&c, "no vulnerability names an affected product of a platform tsaudit reads");
    json_decref(root);
    return c.errors;
}

/* ------------------------------------------------------------------ YAML */

static const char *const entry_keys[] = {"id",       "cve",   "title",   "platform",
                                         "affected", "fixed", "feature", NULL};

/* A string or a list of strings. */
static const char **str_list(struct ydoc *y, const yaml_node_t *entry, const char *key,
                             const char *field, size_t *n)
{
    *n = 0;
    yaml_node_t *v = ydoc_get(y, entry, key);
    char f[96];
    snprintf(f, sizeof(f), "%s.%s", field, key);
    return v ? ydoc_str_list(y, v, f, 10000, n) : NULL;
}

static bool yaml_features(struct ydoc *y, struct arena *arena, const yaml_node_t *entry,
                          const char *field, struct advisory *a)
{
    size_t n;
    const char **f = str_list(y, entry, "feature", field, &n);
    for (size_t i = 0; i < n; i++) {
        char err[300];
        if (!add_feature(a, arena, f[i], err, sizeof(err))) {
            ydoc_diag(y, DIAG_ERROR, ydoc_get(y, entry, "feature"), field, "%s", err);
            return false;
        }
    }
    return true;
}

/* A whole advisory, or an entry adding statements to a CSAF one. */
static bool yaml_complete(struct ydoc *y, const yaml_node_t *e, const char *field,
                          const struct advisory *a, bool plat)
{
    bool statements_only = !plat && !a->naffected;
    if (!statements_only && (!plat || !a->naffected)) {
        ydoc_diag(y, DIAG_ERROR, e, field,
                  "an advisory needs 'platform' and 'affected' (or only 'feature', to add "
                  "statements to a CSAF advisory of that id or CVE)");
        return false;
    }
    if (statements_only && !a->nfeatures) {
        ydoc_diag(y, DIAG_ERROR, e, field, "an entry without 'platform' adds 'feature' only");
        return false;
    }
    return true;
}

static bool yaml_entry(struct ydoc *y, struct arena *arena, const yaml_node_t *e, const char *field,
                       struct advisory *a)
{
    if (e->type != YAML_MAPPING_NODE) {
        ydoc_diag(y, DIAG_ERROR, e, field, "expected a mapping, found %s", ydoc_type_name(e));
        return false;
    }
    ydoc_check_keys(y, e, field, entry_keys);
    yaml_node_t *id = ydoc_get(y, e, "id"), *cve = ydoc_get(y, e, "cve");
    yaml_node_t *title = ydoc_get(y, e, "title"), *plat = ydoc_get(y, e, "platform");
    a->id = id ? ydoc_str(y, id, field) : NULL;
    a->cve = cve ? ydoc_str(y, cve, field) : NULL;
    a->title = title ? ydoc_str(y, title, field) : NULL;
    a->line = (uint32_t)e->start_mark.line + 1;
    if (!a->id && !a->cve) {
        ydoc_diag(y, DIAG_ERROR, e, field, "an advisory needs 'id' or 'cve'");
        return false;
    }
    const char *p = plat ? ydoc_str(y, plat, field) : NULL;
    if (p && !dialect_from_name(p, &a->dialect)) {
        ydoc_diag(y, DIAG_ERROR, plat, field, "'%s' is not a dialect (%s)", p, dialect_name_list());
        return false;
    }
    a->affected = str_list(y, e, "affected", field, &a->naffected);
    a->fixed = str_list(y, e, "fixed", field, &a->nfixed);
    return yaml_features(y, arena, e, field, a) && yaml_complete(y, e, field, a, plat != NULL);
}

static int yaml_load(struct advisory_set *set, struct arena *arena, const char *path,
                     const char *data, size_t len)
{
    struct ydoc y;
    if (ydoc_load(&y, arena, path, data, len) != 0)
        return 1;
    yaml_node_t *root = ydoc_root(&y);
    yaml_node_t *list =
        root && root->type == YAML_MAPPING_NODE ? ydoc_get(&y, root, "advisories") : root;
    if (!list || list->type != YAML_SEQUENCE_NODE) {
        ydoc_diag(&y, DIAG_ERROR, list ? list : root, "advisories",
                  "expected a list of advisories");
        ydoc_free(&y);
        return y.errors ? y.errors : 1;
    }
    const char *file = arena_strdup(arena, path);
    size_t k = (size_t)(list->data.sequence.items.top - list->data.sequence.items.start);
    for (size_t i = 0; i < k && i < ADVISORY_MAX_ITEMS; i++) {
        char field[48];
        snprintf(field, sizeof(field), "advisories[%zu]", i);
        yaml_node_t *e = ydoc_node(&y, list->data.sequence.items.start[i]);
        struct advisory *a = e ? push(set, arena) : NULL;
        if (!a)
            continue;
        a->file = file;
        if (!yaml_entry(&y, arena, e, field, a))
            set->n--; /* the entry is skipped */
    }
    ydoc_free(&y);
    return y.errors;
}

int advisory_load(struct advisory_set *set, struct arena *arena, const char *path, const char *data,
                  size_t len)
{
    set->present = true;
    size_t i = 0;
    while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i < len && data[i] == '{')
        return csaf_load(set, arena, path, data, len);
    return yaml_load(set, arena, path, data, len);
}
