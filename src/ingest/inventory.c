/*
 * inventory.c - what the operator's inventories say a device is: RANCID's
 * router.db (name;type;state), Oxidized's router.db-style source (name:model),
 * Nornir SimpleInventory hosts.yaml (platform) and Ansible inventories, YAML
 * or INI (ansible_network_os). Each entry names a reading (a dialect or a
 * platform not audited) by device name; a RANCID device whose state is not
 * 'up' is marked down (scan excludes it). The names each tool uses for a
 * platform are one table (below).
 */
#define _GNU_SOURCE /* memrchr */
#include "ingest/ingest.h"
#include "core/ydoc.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define INVENTORY_MAX_ENTRIES 1000000

/* Platform names of Netmiko/Nornir, Ansible (last part of the collection
 * name), Oxidized models and NAPALM, and what they read as. */
struct platform_alias {
    const char *name;
    unsigned dialect; /* enum dialect, or DIALECT_UNKNOWN with platform */
    enum platform platform;
};

#define D(x) DIALECT_##x, PLATFORM_NONE
#define U(x) DIALECT_UNKNOWN, PLATFORM_##x

static const struct platform_alias aliases[] = {
    {"ios", D(CISCO_IOS)},
    {"cisco_ios", D(CISCO_IOS)},
    {"cisco_xe", D(CISCO_IOS)},
    {"iosxe", D(CISCO_IOS)},
    {"ios-xe", D(CISCO_IOS)},
    {"nxos", D(CISCO_NXOS)},
    {"cisco_nxos", D(CISCO_NXOS)},
    {"nxos_ssh", D(CISCO_NXOS)},
    {"iosxr", D(CISCO_IOSXR)},
    {"cisco_xr", D(CISCO_IOSXR)},
    {"ios-xr", D(CISCO_IOSXR)},
    {"asa", D(CISCO_ASA)},
    {"cisco_asa", D(CISCO_ASA)},
    {"eos", D(ARISTA_EOS)},
    {"arista_eos", D(ARISTA_EOS)},
    {"junos", D(JUNIPER_JUNOS)},
    {"juniper", D(JUNIPER_JUNOS)},
    {"juniper_junos", D(JUNIPER_JUNOS)},
    {"sros", D(NOKIA_SROS)},
    {"nokia_sros", D(NOKIA_SROS)},
    {"timos", D(NOKIA_SROS)},
    {"alcatel_sros", D(NOKIA_SROS)},
    {"vrp", D(HUAWEI_VRP)},
    {"huawei", D(HUAWEI_VRP)},
    {"huawei_vrpv8", D(HUAWEI_VRP)},
    {"ce", D(HUAWEI_VRP)},
    {"fortios", D(FORTINET_FORTIOS)},
    {"fortinet", D(FORTINET_FORTIOS)},
    {"comware", U(H3C_COMWARE)},
    {"hp_comware", U(H3C_COMWARE)},
    {"hpe_comware", U(H3C_COMWARE)},
    {"h3c", U(H3C_COMWARE)},
    {"aoscx", U(ARUBA_AOSCX)},
    {"aruba_aoscx", U(ARUBA_AOSCX)},
    {"arubaoss", U(HPE_PROCURVE)},
    {"procurve", U(HPE_PROCURVE)},
    {"hp_procurve", U(HPE_PROCURVE)},
    {"vyos", U(VYOS)},
    {"vyatta", U(VYOS)},
    {"routeros", U(MIKROTIK)},
    {"mikrotik_routeros", U(MIKROTIK)},
    {"ironware", U(RUCKUS_FASTIRON)},
    {"ruckus_fastiron", U(RUCKUS_FASTIRON)},
    {"brocade_fastiron", U(RUCKUS_FASTIRON)},
    {"icx", U(RUCKUS_FASTIRON)},
    {"exos", U(EXTREME_EXOS)},
    {"xos", U(EXTREME_EXOS)},
    {"extreme_exos", U(EXTREME_EXOS)},
    {"slxos", U(EXTREME_SLX)},
    {"extreme_slx", U(EXTREME_SLX)},
    {"extreme_netiron", U(EXTREME_SLX)},
    {"netiron", U(EXTREME_SLX)},
    {"os10", U(DELL_OS10)},
    {"dellos10", U(DELL_OS10)},
    {"dell_os10", U(DELL_OS10)},
    {"ftos", U(DELL_OS9)},
    {"dnos9", U(DELL_OS9)},
    {"dellos9", U(DELL_OS9)},
    {"dell_force10", U(DELL_OS9)},
    {"aireos", U(CISCO_AIREOS)},
    {"cisco_wlc", U(CISCO_AIREOS)},
    {"saos", U(CIENA_SAOS)},
    {"ciena_saos", U(CIENA_SAOS)},
    {"adva", U(ADVA)},
    {"adva_fsp150f2", U(ADVA)},
    {"rad_etx", U(RAD)},
    {"srl", U(NOKIA_SRLINUX)},
    {"nokia_srl", U(NOKIA_SRLINUX)},
    {"srlinux", U(NOKIA_SRLINUX)},
    {"panos", U(PANOS)},
    {"paloalto_panos", U(PANOS)},
    {"gaiaos", U(CHECKPOINT_GAIA)},
    {"checkpoint_gaia", U(CHECKPOINT_GAIA)},
    {"tmos", U(F5_BIGIP)},
    {"f5_tmsh", U(F5_BIGIP)},
    {"f5_ltm", U(F5_BIGIP)},
    {"bigip", U(F5_BIGIP)},
    {"netscaler", U(NETSCALER)},
    {"screenos", U(SCREENOS)},
    {"juniper_screenos", U(SCREENOS)},
    {"edgeos", U(EDGEOS)},
    {"ubiquiti_edge", U(EDGEOS)},
    {"ubiquiti_edgerouter", U(EDGEOS)},
    {"mrv", U(MRV)},
    {"mrvlx", U(MRV)},
    {"mrv_optiswitch", U(MRV)},
    {"perle", U(PERLE)},
    {"fsos", U(FSOS)},
    {"awplus", U(ALLIED_TELESIS)},
    {"allied_telesis_awplus", U(ALLIED_TELESIS)},
    {"efos", U(EFOS)},
    {"catos", U(CISCO_CATOS)},
    {"cumulus", U(CUMULUS)},
    {"cumulus_linux", U(CUMULUS)},
    {"acos", U(A10_ACOS)},
    {"a10", U(A10_ACOS)},
};

#undef D
#undef U

bool inventory_platform_name(const char *name, size_t n, enum dialect *d, enum platform *p)
{
    /* Ansible names a module by collection: "cisco.ios.ios" -> "ios". */
    const char *dot = memrchr(name, '.', n);
    if (dot) {
        n -= (size_t)(dot + 1 - name);
        name = dot + 1;
    }
    for (size_t i = 0; i < ARRAY_SIZE(aliases); i++)
        if (strlen(aliases[i].name) == n && strncasecmp(aliases[i].name, name, n) == 0) {
            *d = (enum dialect)aliases[i].dialect;
            *p = aliases[i].platform;
            return true;
        }
    return detect_rancid_type(name, n, d, p);
}

void inventory_init(struct inventory *inv, struct arena *a)
{
    memset(inv, 0, sizeof(*inv));
    inv->arena = a;
}

/* Add an entry for name naming type (an inventory's own word for it). */
static void add_entry(struct inventory *inv, const char *name, size_t nn, const char *type,
                      size_t tn, bool down, const char *scope, const char *source)
{
    enum dialect d;
    enum platform p;
    if (!nn || memchr(name, '\0', nn) || memchr(type, '\0', tn))
        return; /* not a name (file_read_all refuses NULs; a buffer may hold them) */
    if (!inventory_platform_name(type, tn, &d, &p)) {
        diag_report(DIAG_WARNING, source, 0,
                    "device '%.*s': type '%.*s' is not one tsaudit knows; its content decides",
                    (int)nn, name, (int)tn, type);
        if (!down)
            return;
        d = DIALECT_UNKNOWN;
        p = PLATFORM_NONE;
    }
    if (inv->n == INVENTORY_MAX_ENTRIES)
        return;
    if (inv->n == inv->cap) {
        size_t nc = inv->cap ? inv->cap * 2 : 64;
        inv->items = arena_grow(inv->arena, inv->items, inv->n, nc, sizeof(*inv->items));
        inv->cap = nc;
    }
    struct inventory_entry *e = &inv->items[inv->n++];
    e->name = arena_strndup(inv->arena, name, nn);
    e->type = arena_strndup(inv->arena, type, tn);
    e->dialect = d;
    e->platform = d == DIALECT_UNKNOWN ? p : PLATFORM_NONE;
    e->down = down;
    e->scope = scope;
    e->source = source;
}

static struct sv next_field(struct sv *rest, char delim)
{
    const char *e = memchr(rest->p, delim, rest->n);
    struct sv f = sv_make(rest->p, e ? (size_t)(e - rest->p) : rest->n);
    *rest = e ? sv_make(e + 1, rest->n - f.n - 1) : sv_make(rest->p + rest->n, 0);
    return sv_trim(f);
}

/* One line of a router.db: RANCID 3 "name;type;state[;comment]", RANCID 2
 * "name:type:state", or Oxidized "name:model[:...]" (no state). */
static void router_db_line(struct inventory *inv, struct sv line, const char *scope,
                           const char *where)
{
    char delim = memchr(line.p, ';', line.n) ? ';' : ':';
    struct sv rest = line;
    struct sv name = next_field(&rest, delim), type = next_field(&rest, delim);
    struct sv state = next_field(&rest, delim);
    if (!name.n || !type.n) {
        diag_report(DIAG_WARNING, where, 0, "not 'name;type;state' or 'name:model': ignored");
        return;
    }
    bool rancid_state = sv_eq_cstr(state, "up") || sv_eq_cstr(state, "down") || delim == ';';
    bool down = rancid_state && state.n && !sv_eq_cstr(state, "up");
    add_entry(inv, name.p, name.n, type.p, type.n, down, scope, where);
}

static int load_router_db(struct inventory *inv, const char *path, const char *data, size_t len,
                          const char *scope)
{
    const char *p = data, *end = data + len;
    for (uint32_t lineno = 1; p < end; lineno++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        struct sv line = sv_trim(sv_make(p, nl ? (size_t)(nl - p) : (size_t)(end - p)));
        p = nl ? nl + 1 : end;
        if (!line.n || line.p[0] == '#')
            continue;
        router_db_line(inv, line, scope, arena_printf(inv->arena, "%s:%u", path, lineno));
    }
    return 0;
}

/* ---------------------------------------------------------------- Ansible */

/* The scalar value of key in mapping m (m may be NULL or not a mapping). */
static const char *map_scalar(struct ydoc *d, const yaml_node_t *m, const char *key)
{
    const yaml_node_t *v = m && m->type == YAML_MAPPING_NODE ? ydoc_get(d, m, key) : NULL;
    return v && v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : NULL;
}

/* The hosts of one Ansible group: their own network OS, else the group's. */
static void ansible_yaml_hosts(struct inventory *inv, struct ydoc *d, const yaml_node_t *hosts,
                               const char *os, const char *scope)
{
    if (!hosts || hosts->type != YAML_MAPPING_NODE)
        return;
    for (yaml_node_pair_t *pr = hosts->data.mapping.pairs.start; pr < hosts->data.mapping.pairs.top;
         pr++) {
        yaml_node_t *k = ydoc_node(d, pr->key);
        const char *hos = map_scalar(d, ydoc_node(d, pr->value), "ansible_network_os");
        if (!hos)
            hos = os;
        if (k && k->type == YAML_SCALAR_NODE && hos)
            add_entry(inv, (const char *)k->data.scalar.value, k->data.scalar.length, hos,
                      strlen(hos), false, scope,
                      arena_printf(inv->arena, "%s:%zu", d->path, k->start_mark.line + 1));
    }
}

/* A group of an Ansible YAML inventory: its hosts (with their own vars),
 * then its children, each inheriting network_os. */
static void ansible_yaml_group(struct inventory *inv, struct ydoc *d, const yaml_node_t *g,
                               const char *os, const char *scope, int depth)
{
    if (!g || g->type != YAML_MAPPING_NODE || depth > 32)
        return;
    const char *gos = map_scalar(d, ydoc_get(d, g, "vars"), "ansible_network_os");
    if (gos)
        os = gos;
    ansible_yaml_hosts(inv, d, ydoc_get(d, g, "hosts"), os, scope);
    const yaml_node_t *children = ydoc_get(d, g, "children");
    if (children && children->type == YAML_MAPPING_NODE)
        for (yaml_node_pair_t *pr = children->data.mapping.pairs.start;
             pr < children->data.mapping.pairs.top; pr++)
            ansible_yaml_group(inv, d, ydoc_node(d, pr->value), os, scope, depth + 1);
}

/* Nornir SimpleInventory hosts.yaml: name -> {platform: ...}. */
static void nornir_hosts(struct inventory *inv, struct ydoc *d, const yaml_node_t *root,
                         const char *scope)
{
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top;
         pr++) {
        yaml_node_t *k = ydoc_node(d, pr->key), *h = ydoc_node(d, pr->value);
        const yaml_node_t *pl =
            h && h->type == YAML_MAPPING_NODE ? ydoc_get(d, h, "platform") : NULL;
        if (!k || k->type != YAML_SCALAR_NODE || !pl || pl->type != YAML_SCALAR_NODE)
            continue;
        add_entry(inv, (const char *)k->data.scalar.value, k->data.scalar.length,
                  (const char *)pl->data.scalar.value, pl->data.scalar.length, false, scope,
                  arena_printf(inv->arena, "%s:%zu", d->path, k->start_mark.line + 1));
    }
}

/* An Ansible YAML inventory may list its groups at the top, without 'all'. */
static bool ansible_groups(struct ydoc *d, const yaml_node_t *root)
{
    for (yaml_node_pair_t *pr = root->data.mapping.pairs.start; pr < root->data.mapping.pairs.top;
         pr++) {
        yaml_node_t *g = ydoc_node(d, pr->value);
        if (g && g->type == YAML_MAPPING_NODE &&
            (ydoc_get(d, g, "hosts") || ydoc_get(d, g, "children")))
            return true;
    }
    return false;
}

static int load_yaml(struct inventory *inv, const char *path, const char *data, size_t len,
                     const char *scope)
{
    struct ydoc d;
    if (ydoc_load(&d, inv->arena, path, data, len) != 0)
        return -1;
    yaml_node_t *root = ydoc_root(&d);
    if (root && root->type == YAML_MAPPING_NODE) {
        const yaml_node_t *all = ydoc_get(&d, root, "all");
        if (all)
            ansible_yaml_group(inv, &d, all, NULL, scope, 0);
        else if (ansible_groups(&d, root))
            for (yaml_node_pair_t *pr = root->data.mapping.pairs.start;
                 pr < root->data.mapping.pairs.top; pr++)
                ansible_yaml_group(inv, &d, ydoc_node(&d, pr->value), NULL, scope, 0);
        else
            nornir_hosts(inv, &d, root, scope);
    } else {
        diag_report(DIAG_ERROR, path, 0, "an inventory must be a YAML mapping");
    }
    int rc = d.errors ? -1 : 0;
    ydoc_free(&d);
    return rc;
}

/* An Ansible INI inventory: [group], [group:vars] and [group:children]
 * sections; ansible_network_os from the host line, else from the vars of its
 * group or of a parent group. */
struct ini_group {
    struct sv name, os, parent;
};

static int load_ansible_ini(struct inventory *inv, const char *path, const char *data, size_t len,
                            const char *scope);

/* Does the file look like an Ansible INI inventory (a [section] first)? */
static bool looks_ini(const char *data, size_t len)
{
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        struct sv line = sv_trim(sv_make(p, nl ? (size_t)(nl - p) : (size_t)(end - p)));
        p = nl ? nl + 1 : end;
        if (!line.n || line.p[0] == '#' || line.p[0] == ';')
            continue;
        return line.p[0] == '[';
    }
    return false;
}

int inventory_load(struct inventory *inv, const char *path, const char *scope)
{
    char *data;
    size_t len;
    if (file_read_all(path, 64u * 1024 * 1024, true, &data, &len) != 0)
        return -1;
    int rc = inventory_load_buffer(inv, path, data, len, scope);
    free(data);
    return rc;
}

int inventory_load_buffer(struct inventory *inv, const char *path, const char *data, size_t len,
                          const char *scope)
{
    size_t pl = strlen(path);
    bool yaml = (pl > 5 && strcmp(path + pl - 5, ".yaml") == 0) ||
                (pl > 4 && strcmp(path + pl - 4, ".yml") == 0) ||
                (len >= 3 && memcmp(data, "---", 3) == 0);
    int rc;
    if (yaml)
        rc = load_yaml(inv, path, data, len, scope);
    else if (looks_ini(data, len))
        rc = load_ansible_ini(inv, path, data, len, scope);
    else
        rc = load_router_db(inv, path, data, len, scope);
    return rc;
}

/* "key=value" in a host line or vars section: the value of key, or {0}. */
static struct sv ini_value(struct sv line, const char *key)
{
    size_t kn = strlen(key);
    for (size_t i = 0; i + kn < line.n; i++)
        if ((i == 0 || line.p[i - 1] == ' ' || line.p[i - 1] == '\t') &&
            memcmp(line.p + i, key, kn) == 0 && line.p[i + kn] == '=') {
            struct sv v = sv_make(line.p + i + kn + 1, line.n - i - kn - 1);
            size_t e = 0;
            while (e < v.n && v.p[e] != ' ' && v.p[e] != '\t')
                e++;
            v.n = e;
            if (v.n >= 2 && (v.p[0] == '"' || v.p[0] == '\''))
                v = sv_make(v.p + 1, v.n - 2);
            return v;
        }
    return sv_make(NULL, 0);
}

static struct ini_group *ini_group(struct ini_group **g, size_t *n, struct sv name)
{
    for (size_t i = 0; i < *n; i++)
        if (sv_eq(name, (*g)[i].name))
            return &(*g)[i];
    *g = xrealloc(*g, (*n + 1) * sizeof(**g));
    memset(&(*g)[*n], 0, sizeof(**g));
    (*g)[*n].name = name;
    return &(*g)[(*n)++];
}

/* The network OS a group gives its hosts: its own vars, else a parent's. */
static struct sv ini_group_os(struct ini_group *g, size_t n, struct sv name, int depth)
{
    for (size_t i = 0; i < n && depth < 32; i++)
        if (sv_eq(name, g[i].name)) {
            if (g[i].os.n)
                return g[i].os;
            if (g[i].parent.n)
                return ini_group_os(g, n, g[i].parent, depth + 1);
        }
    return sv_make(NULL, 0);
}

struct ini_state {
    struct inventory *inv;
    const char *path, *scope;
    struct ini_group *g;
    size_t ng;
    struct sv section, kind; /* [section] or [section:kind] */
};

/* One line of an INI inventory: pass 0 reads groups' vars and children,
 * pass 1 the host lines. */
static void ini_line(struct ini_state *st, struct sv line, uint32_t lineno, int pass)
{
    if (line.p[0] == '[' && line.p[line.n - 1] == ']') {
        struct sv inner = sv_make(line.p + 1, line.n - 2);
        const char *colon = memchr(inner.p, ':', inner.n);
        st->section = colon ? sv_make(inner.p, (size_t)(colon - inner.p)) : inner;
        st->kind = colon ? sv_make(colon + 1, inner.n - st->section.n - 1) : sv_make(NULL, 0);
        return;
    }
    if (pass == 0 && sv_eq_cstr(st->kind, "vars")) {
        struct sv v = ini_value(line, "ansible_network_os");
        if (v.n)
            ini_group(&st->g, &st->ng, st->section)->os = v;
    } else if (pass == 0 && sv_eq_cstr(st->kind, "children")) {
        ini_group(&st->g, &st->ng, line)->parent = st->section;
    } else if (pass == 1 && !st->kind.n) {
        struct sv rest = line, name = next_field(&rest, ' ');
        struct sv os = ini_value(line, "ansible_network_os");
        if (!os.n)
            os = ini_group_os(st->g, st->ng, st->section, 0);
        if (os.n)
            add_entry(st->inv, name.p, name.n, os.p, os.n, false, st->scope,
                      arena_printf(st->inv->arena, "%s:%u", st->path, lineno));
    }
}

/* Two passes: the groups (vars and children), then the host lines. */
static int load_ansible_ini(struct inventory *inv, const char *path, const char *data, size_t len,
                            const char *scope)
{
    struct ini_state st = {.inv = inv, .path = path, .scope = scope};
    for (int pass = 0; pass < 2; pass++) {
        st.section = sv_make("ungrouped", 9);
        st.kind = sv_make(NULL, 0);
        const char *p = data, *end = data + len;
        for (uint32_t lineno = 1; p < end; lineno++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            struct sv line = sv_trim(sv_make(p, nl ? (size_t)(nl - p) : (size_t)(end - p)));
            p = nl ? nl + 1 : end;
            if (line.n && line.p[0] != '#' && line.p[0] != ';')
                ini_line(&st, line, lineno, pass);
        }
    }
    free(st.g);
    return 0;
}

/* ---------------------------------------------------------------- lookup */

int inventory_discover(struct inventory *inv, const char *root)
{
    struct stat sb;
    if (stat(root, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return 0;
    int found = 0;
    char *top = arena_printf(inv->arena, "%s/router.db", root);
    if (stat(top, &sb) == 0 && S_ISREG(sb.st_mode) && inventory_load(inv, top, root) == 0)
        found++;
    DIR *dir = opendir(root);
    if (!dir)
        return found;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char *group = arena_printf(inv->arena, "%s/%s", root, de->d_name);
        char *db = arena_printf(inv->arena, "%s/router.db", group);
        if (stat(db, &sb) == 0 && S_ISREG(sb.st_mode) && inventory_load(inv, db, group) == 0)
            found++;
    }
    closedir(dir);
    return found;
}

/* Does an inventory name match a file's base name (with or without its
 * extension), ignoring case as RANCID and DNS do? */
static bool name_matches(const char *name, const char *base)
{
    size_t n = strlen(name), b = strlen(base);
    if (b < n || strncasecmp(name, base, n) != 0)
        return false;
    return b == n || base[n] == '.';
}

static bool in_scope(const struct inventory_entry *e, const char *path)
{
    size_t sl = e->scope ? strlen(e->scope) : 0;
    return !sl || (strncmp(path, e->scope, sl) == 0 && path[sl] == '/');
}

/* Names ordered case-insensitively, then by length; equal names by number. */
static int name_cmp(const char *a, size_t an, const char *b, size_t bn)
{
    int c = strncasecmp(a, b, an < bn ? an : bn);
    return c ? c : (an > bn) - (an < bn);
}

struct order_key {
    const char *name;
    size_t len;
    uint32_t at;
};

static int order_cmp(const void *x, const void *y)
{
    const struct order_key *a = x, *b = y;
    int c = name_cmp(a->name, a->len, b->name, b->len);
    return c ? c : (a->at > b->at) - (a->at < b->at);
}

void inventory_index(struct inventory *inv)
{
    if (!inv || !inv->n || inv->n > UINT32_MAX)
        return;
    struct order_key *keys = xcalloc(inv->n, sizeof(*keys));
    for (size_t i = 0; i < inv->n; i++)
        keys[i] = (struct order_key){inv->items[i].name, strlen(inv->items[i].name), (uint32_t)i};
    qsort(keys, inv->n, sizeof(*keys), order_cmp);
    inv->order = arena_alloc(inv->arena, inv->n * sizeof(*inv->order));
    for (size_t i = 0; i < inv->n; i++)
        inv->order[i] = keys[i].at;
    free(keys);
    inv->norder = inv->n;
}

/* The lowest-numbered entry named key[0..kn) whose scope holds path, or n. */
static size_t indexed_first(const struct inventory *inv, const char *key, size_t kn,
                            const char *path)
{
    size_t lo = 0, hi = inv->norder;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *nm = inv->items[inv->order[mid]].name;
        if (name_cmp(nm, strlen(nm), key, kn) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < inv->norder; lo++) {
        const struct inventory_entry *e = &inv->items[inv->order[lo]];
        if (name_cmp(e->name, strlen(e->name), key, kn) != 0)
            break;
        if (in_scope(e, path))
            return inv->order[lo];
    }
    return inv->n;
}

/* name_matches() through the index: the whole base name and each of its
 * prefixes ending before a dot are the names that can match. */
static const struct inventory_entry *find_indexed(const struct inventory *inv, const char *base,
                                                  const char *path)
{
    size_t best = inv->n, bn = strlen(base);
    for (size_t k = 1; k <= bn; k++) {
        if (k < bn && base[k] != '.')
            continue;
        size_t at = indexed_first(inv, base, k, path);
        if (at < best)
            best = at;
    }
    return best < inv->n ? &inv->items[best] : NULL;
}

const struct inventory_entry *inventory_find(const struct inventory *inv, const char *path)
{
    if (!inv || !path)
        return NULL;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (inv->order && inv->norder == inv->n)
        return find_indexed(inv, base, path);
    for (size_t i = 0; i < inv->n; i++) {
        const struct inventory_entry *e = &inv->items[i];
        size_t sl = e->scope ? strlen(e->scope) : 0;
        if (sl && (strncmp(path, e->scope, sl) != 0 || path[sl] != '/'))
            continue;
        if (name_matches(e->name, base))
            return e;
    }
    return NULL;
}
