/*
 * tu_ingest.h - helpers shared by the ingest unit tests (test_ingest_*.c):
 * parse a string or a file into a tree, reach nodes by pre-order index or by
 * text, assert a node's fields, and compare two trees as sets of paths.
 * Header-only (static inline) so that it needs no build change; include it
 * after testutil.h.
 */
#ifndef TSAUDIT_TU_INGEST_H
#define TSAUDIT_TU_INGEST_H

#include "testutil.h"

#include "ingest/ingest.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ parsing */

/* A parsed configuration: the tree points into buf (an owned copy). */
struct tu_parsed {
    struct arena a;
    struct cfg_tree t;
    char *buf;
    int errors; /* what the parse returned: error diagnostics */
};

/*
 * Parse a copy of [text, text + len) into p as dialect d with form (both
 * detected from the content when d is DIALECT_UNKNOWN) and limits (NULL =
 * the defaults). path names the input in diagnostics.
 */
static inline void tu_parse_into(struct tu_parsed *p, const char *path, const char *text,
                                 size_t len, enum dialect d, enum dialect_form form,
                                 const struct cfg_limits *limits)
{
    memset(p, 0, sizeof(*p));
    p->buf = malloc(len + 1);
    assert_non_null(p->buf);
    memcpy(p->buf, text, len);
    p->buf[len] = 0;
    arena_init(&p->a);
    if (d == DIALECT_UNKNOWN) {
        struct detect_result det = {0};
        detect_dialect(p->buf, len, &det);
        d = det.dialect;
        form = det.form;
    }
    cfg_tree_init(&p->t, &p->a, path, p->buf, len, d, form);
    if (limits)
        p->t.limits = *limits;
    p->errors = cfg_parse(&p->t);
}

/* tu_parse_into() with the name "test.cfg", the default form and limits. */
static inline void tu_parse_text(struct tu_parsed *p, const char *text, size_t len, enum dialect d)
{
    tu_parse_into(p, "test.cfg", text, len, d, FORM_DEFAULT, NULL);
}

/* Parse tests/fixtures/<rel> (rel like "ingest/ios_crlf.cfg"). */
static inline void tu_parse_fixture(struct tu_parsed *p, const char *rel, enum dialect d)
{
    char path[512];
    size_t len = 0;
    snprintf(path, sizeof(path), "tests/fixtures/%s", rel);
    char *data = tu_read(path, &len);
    tu_parse_into(p, rel, data, len, d, FORM_DEFAULT, NULL);
    free(data);
}

/* Free what tu_parse_into() allocated (not p itself). */
static inline void tu_parsed_release(struct tu_parsed *p)
{
    arena_free(&p->a);
    free(p->buf);
    p->buf = NULL;
}

/* Heap-allocated variants, with diagnostics silenced; free with tu_parsed_free(). */
static inline struct tu_parsed *tu_parse(enum dialect d, const char *text, size_t len,
                                         enum dialect_form form, const struct cfg_limits *limits)
{
    struct tu_parsed *p = calloc(1, sizeof(*p));
    assert_non_null(p);
    diag_set_quiet(true);
    tu_parse_into(p, "test.cfg", text, len, d, form, limits);
    return p;
}

static inline struct tu_parsed *tu_parse_str(enum dialect d, const char *text)
{
    return tu_parse(d, text, strlen(text), FORM_DEFAULT, NULL);
}

/* A file by its path as given (absolute, or relative to the working folder). */
static inline struct tu_parsed *tu_parse_path(enum dialect d, const char *path,
                                              enum dialect_form form)
{
    char *data = NULL;
    size_t len = 0;
    if (file_read_all(path, 0, false, &data, &len) != 0)
        fail_msg("cannot read %s", path);
    struct tu_parsed *p = tu_parse(d, data, len, form, NULL);
    free(data);
    return p;
}

static inline struct tu_parsed *tu_parse_file(enum dialect d, const char *path)
{
    return tu_parse_path(d, path, FORM_DEFAULT);
}

static inline void tu_parsed_free(struct tu_parsed *p)
{
    tu_parsed_release(p);
    free(p);
}

/* -------------------------------------------------------------- nodes */

/* The i-th node in pre-order (0-based), or NULL when there are fewer. */
static inline struct cfg_node *tu_nth(const struct cfg_tree *t, size_t i)
{
    struct cfg_node *n = t->first;
    while (n && i--)
        n = cfg_next_preorder(t, n);
    return n;
}

/* The i-th node in pre-order; fails the test when there are fewer. */
static inline struct cfg_node *tu_node(const struct cfg_tree *t, size_t i)
{
    struct cfg_node *n = tu_nth(t, i);
    if (!n)
        fail_msg("no node #%zu", i);
    return n;
}

static inline size_t tu_count_nodes(const struct cfg_tree *t)
{
    size_t k = 0;
    for (const struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n))
        k++;
    return k;
}

/* The first node (pre-order) whose text is exactly text, or NULL. */
static inline struct cfg_node *tu_find(const struct cfg_tree *t, const char *text)
{
    for (struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n))
        if (sv_eq_cstr(cfg_text(n), text))
            return n;
    return NULL;
}

static inline void tu_assert_node(const struct cfg_node *n, const char *text, uint32_t line,
                                  unsigned depth)
{
    assert_non_null(n);
    if (!sv_eq_cstr(cfg_text(n), text))
        fail_msg("expected '%s', got '%.*s'", text, (int)n->len, n->text);
    assert_int_equal(n->line, line);
    assert_int_equal(n->depth, depth);
}

/* The node with text child exists and its parent's text is parent. */
static inline void tu_assert_parent(const struct cfg_tree *t, const char *child, const char *parent)
{
    struct cfg_node *c = tu_find(t, child);
    if (!c)
        fail_msg("no node '%s'", child);
    if (!c->parent || !sv_eq_cstr(cfg_text(c->parent), parent))
        fail_msg("'%s' is not below '%s'", child, parent);
}

static inline bool tu_has_diag_at(const struct cfg_tree *t, enum diag_level level, uint32_t line)
{
    for (uint32_t i = 0; i < t->ndiags; i++)
        if (t->diags[i].level == level && t->diags[i].line == line)
            return true;
    return false;
}

/* One expected node of tu_check_nodes(). */
struct tu_expect {
    uint32_t line;
    uint16_t depth;
    const char *text;
};

/* The tree is exactly these n nodes in pre-order, with consistent parents. */
static inline void tu_check_nodes(const struct cfg_tree *t, const struct tu_expect *e, size_t n)
{
    assert_int_equal(tu_count_nodes(t), n);
    for (size_t i = 0; i < n; i++) {
        const struct cfg_node *node = tu_node(t, i);
        if (!sv_eq_cstr(cfg_text(node), e[i].text))
            fail_msg("node %zu: text '%.*s', expected '%s'", i, (int)node->len, node->text,
                     e[i].text);
        assert_int_equal(node->line, e[i].line);
        assert_int_equal(node->depth, e[i].depth);
        if (node->depth == 0)
            assert_null(node->parent);
        else
            assert_int_equal(node->parent->depth + 1, node->depth);
    }
}

/* A multi-line node's body is exactly s. */
static inline bool tu_body_is(const struct cfg_node *n, const char *s)
{
    return n->body && n->body_len == strlen(s) && memcmp(n->body, s, n->body_len) == 0;
}

/* --------------------------------------------- trees as sets of paths */

/* A sorted set of path strings (each node as its texts from the top). */
struct tu_paths {
    char **v;
    size_t n, cap;
};

static inline void tu_paths_add(struct tu_paths *ps, const char *s)
{
    if (ps->n == ps->cap) {
        ps->cap = ps->cap ? ps->cap * 2 : 256;
        ps->v = realloc(ps->v, ps->cap * sizeof(*ps->v));
        assert_non_null(ps->v);
    }
    ps->v[ps->n] = strdup(s);
    assert_non_null(ps->v[ps->n]);
    ps->n++;
}

static inline int tu_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and drop duplicates (call once all paths are added). */
static inline void tu_paths_sort_unique(struct tu_paths *ps)
{
    if (ps->n)
        qsort(ps->v, ps->n, sizeof(*ps->v), tu_cmp_str);
    size_t w = 0;
    for (size_t i = 0; i < ps->n; i++) {
        if (w && strcmp(ps->v[w - 1], ps->v[i]) == 0) {
            free(ps->v[i]);
            continue;
        }
        ps->v[w++] = ps->v[i];
    }
    ps->n = w;
}

static inline void tu_paths_free(struct tu_paths *ps)
{
    for (size_t i = 0; i < ps->n; i++)
        free(ps->v[i]);
    free(ps->v);
    memset(ps, 0, sizeof(*ps));
}

static inline bool tu_paths_contain(const struct tu_paths *ps, const char *s)
{
    return ps->n && bsearch(&s, ps->v, ps->n, sizeof(*ps->v), tu_cmp_str) != NULL;
}

/* Paths of a missing from b, except those starting with skip (or NULL); the
 * first five are printed with what. */
static inline size_t tu_paths_missing(const struct tu_paths *a, const struct tu_paths *b,
                                      const char *skip, const char *what)
{
    size_t missing = 0;
    for (size_t i = 0; i < a->n; i++) {
        if (skip && strncmp(a->v[i], skip, strlen(skip)) == 0)
            continue;
        if (!tu_paths_contain(b, a->v[i]) && missing++ < 5)
            print_message("%s: only in one form: %s\n", what, a->v[i]);
    }
    return missing;
}

/* ------------------------------------------------------- the corpus */

/*
 * The files of the shared corpus folder sub ("juniper-junos", ...) as full
 * paths, sorted, hidden files left out; NULL (after saying the test is
 * skipped) when the corpus is not there. Free with tu_corpus_files_free().
 */
static inline char **tu_corpus_files(const char *sub, size_t *n)
{
    *n = 0;
    const char *corpus = tu_corpus_dir();
    if (!corpus) {
        print_message("shared corpus not found; skipped\n");
        return NULL;
    }
    char dir[4096];
    snprintf(dir, sizeof(dir), "%s/%s", corpus, sub);
    DIR *d = opendir(dir);
    assert_non_null(d);
    char **v = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            v = realloc(v, cap * sizeof(*v));
            assert_non_null(v);
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        v[*n] = malloc(len);
        assert_non_null(v[*n]);
        snprintf(v[*n], len, "%s/%s", dir, e->d_name);
        (*n)++;
    }
    closedir(d);
    if (*n)
        qsort(v, *n, sizeof(*v), tu_cmp_str);
    return v ? v : calloc(1, sizeof(*v));
}

static inline void tu_corpus_files_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* The file name part of a path. */
static inline const char *tu_base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* True when every node of a non-empty tree was written out (brace form): no
 * node implied by a flat or set line. */
static inline bool tu_brace_only(const struct cfg_tree *t)
{
    if (!t->first)
        return false;
    for (struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n))
        if (n->flags & CFG_IMPLIED)
            return false;
    return true;
}

/* Append the texts of n and its ancestors, from the top, separated by blanks. */
static inline void tu_append_path(struct buf *b, const struct cfg_node *n)
{
    const struct cfg_node *chain[300];
    size_t k = 0;
    for (; n && k < 300; n = n->parent)
        chain[k++] = n;
    while (k--) {
        buf_add(b, chain[k]->text, chain[k]->len);
        if (k)
            buf_addc(b, ' ');
    }
}

#endif
