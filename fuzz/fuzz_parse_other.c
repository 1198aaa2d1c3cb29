/*
 * fuzz_parse_other.c - the Huawei VRP and FortiOS parsers with queries and
 * printing. The first byte picks the dialect (lowest bit) and tight limits
 * (high bit); the rest is the configuration.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The same harness body as fuzz_parse_cisco.c: parse a private copy with a forced
 * dialect (optionally under tight limits), check the tree's structural
 * promises, run a few queries and print the tree. */
static struct cfg_regex *fuzz_re_parent, *fuzz_re_child;
static FILE *fuzz_null;

static void fuzz_check_tree(const struct cfg_tree *t)
{
    uint32_t count = 0;
    for (const struct cfg_node *n = t->first; n; n = cfg_next_preorder(t, n)) {
        count++;
        if (n->text < t->buf || n->text + n->len > t->buf + t->len)
            abort(); /* zero-copy views must stay inside the buffer */
        if (n->parent ? n->depth != n->parent->depth + 1 : n->depth != 0)
            abort();
        if (n->depth >= t->limits.max_depth || n->end_line < n->line)
            abort();
        if (!(n->flags & CFG_IMPLIED) && (n->line == 0 || n->line > t->line_count))
            abort();
        if (n->body && (n->body < t->buf || n->body + n->body_len > t->buf + t->len))
            abort();
    }
    /* node_count goes one past the cap when the cap is reported */
    uint32_t want = t->node_count > t->limits.max_nodes ? t->limits.max_nodes : t->node_count;
    if (count != want)
        abort();
}

static void fuzz_parse(const uint8_t *data, size_t size, enum dialect d, bool tight)
{
    diag_set_quiet(true);
    if (!fuzz_null) {
        fuzz_null = fopen("/dev/null", "w");
        fuzz_re_parent = cfg_regex_compile("^(interface|config|edit|line) ", NULL, 0);
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
    cfg_tree_init(&t, &a, "fuzz", buf, size, d, detect_form(d, buf, size));
    if (tight) {
        t.limits.max_line_len = 256;
        t.limits.max_depth = 8;
        t.limits.max_nodes = 200;
        t.limits.max_diags = 5;
    }
    cfg_parse(&t);
    fuzz_check_tree(&t);
    size_t n = 0;
    cfg_find(&t, NULL, fuzz_re_child, CFG_Q_ANY_DEPTH | CFG_Q_INACTIVE, &n);
    cfg_find_parents(&t, fuzz_re_parent, fuzz_re_child, false, 0, &n);
    cfg_children(&t, NULL, "interface", &n);
    if (t.first)
        (void)cfg_child(&t, t.first, "description");
    cfg_path_all(&t, NULL, "config system global", &n);
    (void)cfg_path(&t, NULL, "line vty 0 4 transport input");
    cfg_tree_print_text(&t, fuzz_null);
    cfg_tree_print_json(&t, fuzz_null);
    arena_free(&a);
    free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    enum dialect d = (data[0] & 1) ? DIALECT_FORTINET_FORTIOS : DIALECT_HUAWEI_VRP;
    fuzz_parse(data + 1, size - 1, d, (data[0] & 0x80) != 0);
    return 0;
}
