/*
 * tree.c - the config tree every parser builds: node allocation with limits,
 * parse diagnostics and the dispatch to the parser of each dialect family.
 */
#include "ingest/ingest.h"
#include "ingest/parsers.h"

#include <stdlib.h>
#include <string.h>

const struct cfg_limits cfg_default_limits = {
    .max_line_len = 64 * 1024,
    .max_depth = 256,
    .max_nodes = 2000000,
    .max_diags = 100,
};

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

/* The parser of each dialect family (core/dialect.h), one row each. */
static int (*const parsers[FAMILY_COUNT])(struct cfg_tree *) = {
    [FAMILY_CISCO] = parse_cisco, [FAMILY_JUNOS] = parse_junos,     [FAMILY_SROS] = parse_sros,
    [FAMILY_VRP] = parse_vrp,     [FAMILY_FORTIOS] = parse_fortios, [FAMILY_CLOUD] = parse_json,
};

int cfg_parse(struct cfg_tree *t)
{
    uint32_t lines = 0;
    for (size_t i = 0; i < t->len; i++)
        lines += t->buf[i] == '\n';
    t->line_count = lines + (t->len && t->buf[t->len - 1] != '\n');
    int (*parse)(struct cfg_tree *) = parsers[dialect_def(t->dialect)->family];
    if (parse)
        return parse(t);
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

/* ------------------------------------------------ (parent, text) index */

static struct cfg_node cfg_index_tombstone;

static uint64_t cfg_index_hash(const struct cfg_node *parent, const char *p, size_t n)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)(uintptr_t)parent;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211ull;
    }
    /* Final avalanche (MurmurHash3 fmix64) so the low bits used for the
     * slot depend on every input byte and on the parent. */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 33);
}

static bool cfg_index_same(const struct cfg_node *s, const struct cfg_node *parent, const char *p,
                           size_t n)
{
    return s->parent == parent && s->len == n && memcmp(s->text, p, n) == 0;
}

struct cfg_node *cfg_index_find(const struct cfg_index *ix, const struct cfg_node *parent,
                                const char *p, size_t n)
{
    if (!ix->cap)
        return NULL;
    size_t mask = ix->cap - 1;
    for (size_t i = cfg_index_hash(parent, p, n) & mask;; i = (i + 1) & mask) {
        struct cfg_node *s = ix->slot[i];
        if (!s)
            return NULL;
        if (s != &cfg_index_tombstone && cfg_index_same(s, parent, p, n))
            return s;
    }
}

static void cfg_index_grow(struct cfg_index *ix)
{
    struct cfg_index old = *ix;
    ix->cap = old.cap ? old.cap * 2 : 1024;
    ix->slot = xcalloc(ix->cap, sizeof(*ix->slot));
    ix->used = 0;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slot[i] && old.slot[i] != &cfg_index_tombstone)
            cfg_index_put(ix, old.slot[i]);
    free(old.slot);
}

void cfg_index_put(struct cfg_index *ix, struct cfg_node *node)
{
    if ((ix->used + 1) * 2 >= ix->cap)
        cfg_index_grow(ix);
    size_t mask = ix->cap - 1;
    size_t tomb = SIZE_MAX;
    for (size_t i = cfg_index_hash(node->parent, node->text, node->len) & mask;;
         i = (i + 1) & mask) {
        struct cfg_node *s = ix->slot[i];
        if (!s) {
            ix->slot[tomb != SIZE_MAX ? tomb : i] = node;
            if (tomb == SIZE_MAX)
                ix->used++;
            return;
        }
        if (s == &cfg_index_tombstone) {
            if (tomb == SIZE_MAX)
                tomb = i;
        } else if (cfg_index_same(s, node->parent, node->text, node->len)) {
            ix->slot[i] = node;
            return;
        }
    }
}

void cfg_index_remove(struct cfg_index *ix, const struct cfg_node *node)
{
    if (!ix->cap)
        return;
    size_t mask = ix->cap - 1;
    for (size_t i = cfg_index_hash(node->parent, node->text, node->len) & mask;;
         i = (i + 1) & mask) {
        struct cfg_node *s = ix->slot[i];
        if (!s)
            return;
        if (s == node) {
            ix->slot[i] = &cfg_index_tombstone;
            return;
        }
    }
}

void cfg_index_free(struct cfg_index *ix)
{
    free(ix->slot);
    ix->slot = NULL;
    ix->cap = ix->used = 0;
}

struct cfg_node *cfg_index_add(struct cfg_tree *t, struct cfg_index *ix, bool *depth_reported,
                               struct cfg_node *parent, const char *text, size_t len, uint32_t line,
                               unsigned flags)
{
    uint32_t depth = parent ? parent->depth + 1u : 0;
    if (depth >= t->limits.max_depth) {
        if (!*depth_reported)
            cfg_diag(t, DIAG_ERROR, line,
                     "nesting deeper than %u levels; deeper statements ignored",
                     t->limits.max_depth);
        *depth_reported = true;
        t->partial = true;
        return NULL;
    }
    struct cfg_node *n = cfg_node_add(t, parent, text, len, line, flags);
    if (n)
        cfg_index_put(ix, n);
    return n;
}

struct cfg_node *cfg_index_leaf(struct cfg_tree *t, struct cfg_index *ix, bool *depth_reported,
                                struct cfg_node *parent, struct cfg_node *found, const char *text,
                                size_t len, uint32_t line)
{
    if (found && (found->flags & CFG_IMPLIED)) {
        /* An earlier line created it as a container: now it has a line of its own. */
        found->flags &= (uint16_t)~CFG_IMPLIED;
        found->text = text;
        found->line = found->end_line = line;
        return found;
    }
    return cfg_index_add(t, ix, depth_reported, parent, text, len, line, 0);
}

void cfg_close_block(struct cfg_tree *t, struct cfg_node **parent, uint32_t *skip, uint32_t line)
{
    if (*skip)
        (*skip)--;
    else if (*parent)
        *parent = (*parent)->parent;
    else
        cfg_diag(t, DIAG_ERROR, line, "'}' without a matching '{'");
}

void cfg_report_unclosed(struct cfg_tree *t, const struct cfg_node *parent, uint32_t skip,
                         uint32_t skip_line)
{
    if (!parent && !skip)
        return;
    uint32_t open_line = skip_line;
    uint32_t nopen = skip;
    for (const struct cfg_node *n = parent; n; n = n->parent) {
        open_line = n->line;
        nopen++;
    }
    cfg_diag(t, DIAG_ERROR, open_line, "'{' is never closed (%u blocks open at end of file)",
             nopen);
}

static void cfg_note_removed(struct cfg_tree *t, uint32_t line)
{
    if (t->nremoved == t->removed_cap) {
        uint32_t cap = t->removed_cap ? t->removed_cap * 2 : 16;
        t->removed_lines =
            arena_grow(t->arena, t->removed_lines, t->nremoved, cap, sizeof(*t->removed_lines));
        t->removed_cap = cap;
    }
    t->removed_lines[t->nremoved++] = line;
}

void cfg_subtree_unlink(struct cfg_tree *t, struct cfg_index *ix, struct cfg_node *n)
{
    struct cfg_node *parent = n->parent;
    struct cfg_node **link = parent ? &parent->child : &t->first;
    struct cfg_node *prev = NULL;
    while (*link && *link != n) {
        prev = *link;
        link = &(*link)->next;
    }
    if (!*link)
        return;
    *link = n->next;
    if (parent) {
        if (parent->last == n)
            parent->last = prev;
        parent->nchildren--;
    } else {
        if (t->last == n)
            t->last = prev;
        t->ntop--;
    }
    /* Drop every node of the subtree from the index and the counts. */
    struct cfg_node *c = n;
    for (;;) {
        cfg_index_remove(ix, c);
        if (t->node_count)
            t->node_count--;
        if (!(c->flags & CFG_IMPLIED))
            cfg_note_removed(t, c->line);
        if (c->child) {
            c = c->child;
            continue;
        }
        while (c != n && !c->next)
            c = c->parent;
        if (c == n)
            break;
        c = c->next;
    }
    n->next = NULL;
    n->flags |= CFG_DETACHED;
}
