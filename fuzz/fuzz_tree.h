/*
 * fuzz_tree.h - the harness shared by the parser fuzz targets: parse a
 * private copy of the input with a forced dialect and form (optionally under
 * tight limits), check every structural promise of the tree, then run a few
 * queries and both printers over it. Any broken promise aborts, which
 * libFuzzer reports as a crash. Header-only: each target is one file.
 */
#ifndef TSAUDIT_FUZZ_TREE_H
#define TSAUDIT_FUZZ_TREE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Links, depths, counts, texts and bodies inside the buffer, a line for
 * every statement, inactive parents making inactive children. */
static void fuzz_check_tree(const struct cfg_tree *t)
{
    uint32_t seen = 0;
    for (const struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n)) {
        /* Zero-copy views must stay inside the buffer (cloud exports build
         * their JSON-path texts in the arena instead). */
        if (!dialect_is_cloud(t->dialect) &&
            (n->text < t->buf || n->text + n->len > t->buf + t->len))
            abort();
        if (n->body && (n->body < t->buf || n->body + n->body_len > t->buf + t->len))
            abort();
        if (n->depth != (n->parent ? n->parent->depth + 1u : 0u) || n->depth >= t->limits.max_depth)
            abort();
        if (n->end_line < n->line || (!(n->flags & CFG_IMPLIED) && n->line == 0))
            abort();
        if (t->len && n->line > t->line_count + 1)
            abort();
        uint32_t kids = 0;
        const struct cfg_node *last = NULL;
        for (const struct cfg_node *c = n->child; c; c = c->next) {
            if (c->parent != n)
                abort();
            kids++;
            last = c;
        }
        if (kids != n->nchildren || last != n->last)
            abort();
        if (n->parent && (n->parent->flags & CFG_INACTIVE) && !(n->flags & CFG_INACTIVE))
            abort();
        if (++seen > t->node_count)
            abort();
    }
    /* Without errors (so no limit hit) the count is exact, deletes included. */
    if (!t->partial && seen != t->node_count)
        abort();
}

static struct cfg_regex *fuzz_re_parent, *fuzz_re_child;
static FILE *fuzz_null;

static void fuzz_parse_tree(const uint8_t *data, size_t size, enum dialect d,
                            enum dialect_form form, bool tight)
{
    diag_set_quiet(true);
    if (!fuzz_null) {
        fuzz_null = fopen("/dev/null", "w");
        fuzz_re_parent = cfg_regex_compile("^(interface|config|edit|line|system) ", NULL, 0);
        fuzz_re_child = cfg_regex_compile("(shutdown|set|transport input (\\S+))", NULL, 0);
        if (!fuzz_null || !fuzz_re_parent || !fuzz_re_child)
            abort();
    }
    char *buf = malloc(size ? size : 1);
    if (size)
        memcpy(buf, data, size);
    struct arena a;
    arena_init(&a);
    struct cfg_tree t;
    cfg_tree_init(&t, &a, "fuzz", buf, size, d, form);
    if (tight) {
        t.limits.max_line_len = 256;
        t.limits.max_depth = 8;
        t.limits.max_nodes = 200;
        t.limits.max_diags = 5;
    }
    int errors = cfg_parse(&t);
    if (errors < 0 || (errors > 0 && !t.partial))
        abort();
    fuzz_check_tree(&t);
    size_t n = 0;
    cfg_find(&t, NULL, fuzz_re_child, CFG_Q_ANY_DEPTH | CFG_Q_INACTIVE, &n);
    cfg_find_parents(&t, fuzz_re_parent, fuzz_re_child, false, 0, &n);
    cfg_children(&t, NULL, "interface", &n);
    if (t.first)
        (void)cfg_child(&t, t.first, "description");
    cfg_path_all(&t, NULL, "config system global", &n);
    (void)cfg_path(&t, NULL, "system services ssh");
    (void)cfg_path(&t, NULL, "line vty 0 4 transport input");
    cfg_tree_print_text(&t, fuzz_null);
    cfg_tree_print_json(&t, fuzz_null);
    arena_free(&a);
    free(buf);
}

#endif
