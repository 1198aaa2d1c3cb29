/*
 * fuzz_parse_sros.c - the SR OS parser (classic CLI, MD-CLI braces, flat
 * lines): any input gives a tree, with diagnostics when malformed, and the
 * tree is well formed (links, depths, counts, texts inside the buffer, a
 * line for every node).
 * The first byte picks the form and whether tight limits apply.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/parsers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_tree(const struct cfg_tree *t)
{
    uint32_t seen = 0;
    for (const struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n)) {
        if (n->text < t->buf || n->text + n->len > t->buf + t->len)
            abort();
        if (n->line < 1 || n->end_line < n->line || (n->line > t->line_count + 1 && t->len))
            abort();
        if (n->depth != (n->parent ? n->parent->depth + 1u : 0u) || n->depth >= t->limits.max_depth)
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
        if ((n->parent && (n->parent->flags & CFG_INACTIVE)) && !(n->flags & CFG_INACTIVE))
            abort();
        if (++seen > t->node_count)
            abort();
    }
    /* Without errors (so no limit hit), the count is exact, deletes included. */
    if (!t->partial && seen != t->node_count)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(true);
    enum dialect_form forms[] = {FORM_DEFAULT, FORM_SROS_CLASSIC, FORM_SROS_MDCLI,
                                 FORM_SROS_MDCLI_FLAT};
    uint8_t mode = size ? data[0] : 0;
    const char *buf = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;
    struct arena a;
    arena_init(&a);
    struct cfg_tree t;
    cfg_tree_init(&t, &a, "fuzz.cfg", buf, len, DIALECT_NOKIA_SROS, forms[mode % 4]);
    if (mode & 0x80) {
        t.limits.max_depth = 8;
        t.limits.max_nodes = 64;
        t.limits.max_line_len = 80;
        t.limits.max_diags = 4;
    }
    uint32_t lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += buf[i] == '\n';
    t.line_count = lines + 1;
    int errors = parse_sros(&t);
    if (errors < 0 || (errors > 0 && !t.partial))
        abort();
    check_tree(&t);
    arena_free(&a);
    return 0;
}
