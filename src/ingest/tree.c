/*
 * tree.c - the config tree every parser builds: node allocation with limits,
 * parse diagnostics, dialect names and the dispatch to the dialect parsers.
 */
#include "ingest/ingest.h"
#include "ingest/parsers.h"

#include <string.h>

const struct cfg_limits cfg_default_limits = {
    .max_line_len = 64 * 1024,
    .max_depth = 256,
    .max_nodes = 2000000,
    .max_diags = 100,
};

static const char *const dialect_names[DIALECT_COUNT] = {
    [DIALECT_UNKNOWN] = "unknown",
    [DIALECT_CISCO_IOS] = "cisco-ios",
    [DIALECT_CISCO_NXOS] = "cisco-nxos",
    [DIALECT_CISCO_IOSXR] = "cisco-iosxr",
    [DIALECT_CISCO_ASA] = "cisco-asa",
    [DIALECT_ARISTA_EOS] = "arista-eos",
    [DIALECT_JUNIPER_JUNOS] = "juniper-junos",
    [DIALECT_NOKIA_SROS] = "nokia-sros",
    [DIALECT_HUAWEI_VRP] = "huawei-vrp",
    [DIALECT_FORTINET_FORTIOS] = "fortinet-fortios",
};

const char *dialect_name(enum dialect d)
{
    return (unsigned)d < DIALECT_COUNT ? dialect_names[d] : "unknown";
}

bool dialect_from_name(const char *name, enum dialect *out)
{
    for (unsigned i = 1; i < DIALECT_COUNT; i++)
        if (strcmp(name, dialect_names[i]) == 0) {
            *out = (enum dialect)i;
            return true;
        }
    *out = DIALECT_UNKNOWN;
    return false;
}

bool dialect_is_cisco_family(enum dialect d)
{
    return d == DIALECT_CISCO_IOS || d == DIALECT_CISCO_NXOS || d == DIALECT_CISCO_IOSXR ||
           d == DIALECT_CISCO_ASA || d == DIALECT_ARISTA_EOS;
}

const char *dialect_form_name(enum dialect_form f)
{
    switch (f) {
    case FORM_DEFAULT:
        return "default";
    case FORM_JUNOS_BRACE:
        return "brace";
    case FORM_JUNOS_SET:
        return "set";
    case FORM_SROS_CLASSIC:
        return "classic";
    case FORM_SROS_MDCLI:
        return "md-cli";
    case FORM_SROS_MDCLI_FLAT:
        return "md-cli-flat";
    }
    return "default";
}

void cfg_tree_init(struct cfg_tree *t, struct arena *a, const char *path, const char *buf,
                   size_t len, enum dialect d, enum dialect_form form)
{
    memset(t, 0, sizeof(*t));
    t->arena = a;
    t->path = path;
    t->buf = buf;
    t->len = len;
    t->dialect = d;
    t->form = form;
    t->limits = cfg_default_limits;
}

void cfg_diag(struct cfg_tree *t, enum diag_level level, uint32_t line, const char *fmt, ...)
{
    if (level == DIAG_ERROR) {
        t->partial = true;
        t->nerrors++;
    }
    if (t->ndiags >= t->limits.max_diags) {
        if (t->diags_dropped++ == 0)
            diag_report(DIAG_WARNING, t->path, line,
                        "more than %u diagnostics; the rest are counted, not shown",
                        t->limits.max_diags);
        diag_count(level);
        return;
    }
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag_report(level, t->path, line, "%s", msg);
    if (t->ndiags == t->diags_cap) {
        uint32_t cap = t->diags_cap ? t->diags_cap * 2 : 8;
        t->diags = arena_grow(t->arena, t->diags, t->ndiags, cap, sizeof(*t->diags));
        t->diags_cap = cap;
    }
    t->diags[t->ndiags].level = level;
    t->diags[t->ndiags].line = line;
    t->diags[t->ndiags].msg = arena_strdup(t->arena, msg);
    t->ndiags++;
}

struct cfg_node *cfg_node_add(struct cfg_tree *t, struct cfg_node *parent, const char *text,
                              size_t len, uint32_t line, unsigned flags)
{
    if (t->node_count >= t->limits.max_nodes) {
        if (t->node_count == t->limits.max_nodes) {
            cfg_diag(t, DIAG_ERROR, line, "more than %u statements; the rest are ignored",
                     t->limits.max_nodes);
            t->node_count++; /* report once */
        }
        return NULL;
    }
    uint32_t depth = parent ? parent->depth + 1u : 0;
    if (depth >= t->limits.max_depth) {
        cfg_diag(t, DIAG_ERROR, line, "nesting deeper than %u levels; statement ignored",
                 t->limits.max_depth);
        return NULL;
    }
    struct cfg_node *n = arena_alloc(t->arena, sizeof(*n));
    n->text = text;
    n->len = (uint32_t)(len > UINT32_MAX ? UINT32_MAX : len);
    n->line = n->end_line = line;
    n->depth = (uint16_t)depth;
    n->flags = (uint16_t)flags;
    n->parent = parent;
    if (parent) {
        if (parent->last)
            parent->last->next = n;
        else
            parent->child = n;
        parent->last = n;
        parent->nchildren++;
        if (parent->flags & CFG_INACTIVE)
            n->flags |= CFG_INACTIVE;
    } else {
        if (t->last)
            t->last->next = n;
        else
            t->first = n;
        t->last = n;
        t->ntop++;
    }
    t->node_count++;
    return n;
}

struct cfg_node *cfg_next_preorder(const struct cfg_tree *t, const struct cfg_node *n)
{
    (void)t;
    if (n->child)
        return n->child;
    while (n) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

int cfg_parse(struct cfg_tree *t)
{
    uint32_t lines = 0;
    for (size_t i = 0; i < t->len; i++)
        lines += t->buf[i] == '\n';
    t->line_count = lines + (t->len && t->buf[t->len - 1] != '\n');
    switch (t->dialect) {
    case DIALECT_CISCO_IOS:
    case DIALECT_CISCO_NXOS:
    case DIALECT_CISCO_IOSXR:
    case DIALECT_CISCO_ASA:
    case DIALECT_ARISTA_EOS:
        return parse_cisco(t);
    case DIALECT_JUNIPER_JUNOS:
        return parse_junos(t);
    case DIALECT_NOKIA_SROS:
        return parse_sros(t);
    case DIALECT_HUAWEI_VRP:
        return parse_vrp(t);
    case DIALECT_FORTINET_FORTIOS:
        return parse_fortios(t);
    case DIALECT_UNKNOWN:
    case DIALECT_COUNT:
        break;
    }
    cfg_diag(t, DIAG_ERROR, 0, "dialect not recognised; use --vendor to name it");
    return 1;
}

bool cfg_fix_cr_only(char *buf, size_t len)
{
    if (!len || memchr(buf, '\n', len) || !memchr(buf, '\r', len))
        return false;
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\r')
            buf[i] = '\n';
    return true;
}

int cfg_parse_buffer(struct cfg_tree *t, struct arena *a, const char *path, const char *buf,
                     size_t len, enum dialect forced)
{
    struct detect_result det = {0};
    if (forced != DIALECT_UNKNOWN) {
        det.dialect = forced;
        det.form = detect_form(forced, buf, len);
    } else {
        detect_dialect(buf, len, &det);
    }
    cfg_tree_init(t, a, path, buf, len, det.dialect, det.form);
    return cfg_parse(t);
}
