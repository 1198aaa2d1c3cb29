/*
 * parsers.h - the per-dialect-family parsers behind cfg_parse() (internal to
 * the ingest layer). Each fills t from t->buf, reporting problems with
 * cfg_diag(), and returns the number of error diagnostics it added. Below
 * them, the helpers the Junos set-form and SR OS flat parsers share
 * (implemented in tree.c).
 */
#ifndef TSAUDIT_INGEST_PARSERS_H
#define TSAUDIT_INGEST_PARSERS_H

#include "ingest/ingest.h"

#include <string.h>

/* IOS, IOS-XE, NX-OS, IOS-XR, ASA, EOS: indentation, banners, `!` comments. */
int parse_cisco(struct cfg_tree *t);
/* Junos brace and set forms (the same tree for both). */
int parse_junos(struct cfg_tree *t);
/* SR OS classic CLI, MD-CLI braces and flat /configure lines. */
int parse_sros(struct cfg_tree *t);
/* Huawei VRP: `#` separated views, indentation, `return`. */
int parse_vrp(struct cfg_tree *t);
/* FortiOS: config/edit/set/next/end. */
int parse_fortios(struct cfg_tree *t);
/* Cloud JSON exports (jansson): one node per object member or array element,
 * its text the JSON path ("$.SecurityGroups[0].GroupId = \"sg-1\""). */
int parse_json(struct cfg_tree *t);

/* ------------------------------------------- shared by the set/flat parsers */

/* A blank inside a line: space, tab, CR, form feed, vertical tab. */
static inline bool cfg_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* [p, e) without blanks and newlines at either end. */
static inline struct sv cfg_trim(const char *p, const char *e)
{
    while (p < e && (cfg_blank(*p) || *p == '\n'))
        p++;
    while (e > p && (cfg_blank(e[-1]) || e[-1] == '\n'))
        e--;
    return sv_make(p, (size_t)(e - p));
}

/* End of the line starting at p: its '\n', or end. */
static inline const char *cfg_eol(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return nl ? nl : end;
}

/*
 * Private node flag on the root of a subtree removed by cfg_subtree_unlink()
 * (never visible through the tree: the subtree is no longer linked in).
 */
#define CFG_DETACHED (1u << 15)

/*
 * An open-addressing hash from (parent, text) to the newest node with that
 * text under that parent, so set-form and flat lines find the containers
 * they pass through in O(1) even when one container holds hundreds of
 * thousands of statements. Zero-initialise; release with cfg_index_free().
 */
struct cfg_index {
    struct cfg_node **slot;
    size_t cap, used;
};

/* The newest node under parent whose text is exactly [p, p+n), or NULL. */
struct cfg_node *cfg_index_find(const struct cfg_index *ix, const struct cfg_node *parent,
                                const char *p, size_t n);
/* Insert, or replace the node with the same (parent, text): the newest wins. */
void cfg_index_put(struct cfg_index *ix, struct cfg_node *node);
/* Drop node itself (not another node with the same text) from the index. */
void cfg_index_remove(struct cfg_index *ix, const struct cfg_node *node);
void cfg_index_free(struct cfg_index *ix);

/*
 * cfg_node_add() and cfg_index_put(), with the depth limit reported once per
 * file (through *depth_reported) instead of once per statement. NULL when a
 * limit was hit (reported, tree marked partial).
 */
struct cfg_node *cfg_index_add(struct cfg_tree *t, struct cfg_index *ix, bool *depth_reported,
                               struct cfg_node *parent, const char *text, size_t len, uint32_t line,
                               unsigned flags);

/*
 * The leaf of a set/flat line: when found (the cfg_index_find() result for
 * this text) is a container an earlier line created CFG_IMPLIED, it becomes
 * explicit and takes this line and text; otherwise a new node is added.
 */
struct cfg_node *cfg_index_leaf(struct cfg_tree *t, struct cfg_index *ix, bool *depth_reported,
                                struct cfg_node *parent, struct cfg_node *found, const char *text,
                                size_t len, uint32_t line);

/*
 * A `}` in a brace parse: closes the innermost ignored block when *skip is
 * non-zero, else the open block *parent; with neither, an error at line.
 */
void cfg_close_block(struct cfg_tree *t, struct cfg_node **parent, uint32_t *skip, uint32_t line);

/*
 * End of a brace parse: when blocks are still open (parent is the innermost
 * open node, skip the number of open blocks whose contents were ignored,
 * skip_line the line of the outermost of those), one error at the line of
 * the outermost open block.
 */
void cfg_report_unclosed(struct cfg_tree *t, const struct cfg_node *parent, uint32_t skip,
                         uint32_t skip_line);

/*
 * Remove the subtree at n from the tree (a `delete`): unlink it from its
 * parent, drop all its nodes from ix and from t->node_count, record the
 * lines of its non-implied statements in t->removed_lines and mark n
 * CFG_DETACHED. The nodes stay allocated in the arena.
 */
void cfg_subtree_unlink(struct cfg_tree *t, struct cfg_index *ix, struct cfg_node *n);

#endif
