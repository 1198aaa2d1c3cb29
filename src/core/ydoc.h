/*
 * ydoc.h - YAML input files (libyaml's document loader) with positions, so
 * every loader reports "file:line:column: error: field 'x': message" the same
 * way and never crashes on malformed or wrongly typed input.
 */
#ifndef TSAUDIT_CORE_YDOC_H
#define TSAUDIT_CORE_YDOC_H

#include "core/core.h"

#include <yaml.h>

/*
 * Aliases let a small file name the same node any number of times (a
 * "billion laughs" document of a megabyte can stand for gigabytes of text).
 * Every node a loader is handed through ydoc_node() or ydoc_get() is
 * charged to the document: its text plus a fixed cost per node. Past
 * YDOC_MAX_EXPANDED one error names the file and the line where it
 * happened, and from then on no node is handed out (loaders see NULL) and
 * no further diagnostic is printed for the file, though errors still count.
 * Every YAML input (profile, attestations, catalogue, rules, framework)
 * reads through here, so they share the one limit.
 */
#define YDOC_MAX_EXPANDED (64u << 20)

struct ydoc {
    yaml_document_t doc;
    const char *path;
    struct arena *arena; /* strings handed out live here */
    bool loaded;
    int errors;
    size_t expanded; /* charged so far (see above) */
    bool exhausted;  /* the limit was hit */
};

/* Load the first YAML document of data (path names it in diagnostics; a
 * warning says so when more documents follow). 0, or -1 after a diagnostic. */
int ydoc_load(struct ydoc *d, struct arena *a, const char *path, const char *data, size_t len);
/* Read and load a file (size-capped). */
int ydoc_load_file(struct ydoc *d, struct arena *a, const char *path);
void ydoc_free(struct ydoc *d);

yaml_node_t *ydoc_root(struct ydoc *d);
/* Node id, charged to the document's expansion limit; NULL once it is spent. */
yaml_node_t *ydoc_node(struct ydoc *d, int id);
/* Value of key in a mapping node, or NULL. */
yaml_node_t *ydoc_get(struct ydoc *d, const yaml_node_t *map, const char *key);
bool ydoc_is_null(const yaml_node_t *n);
const char *ydoc_type_name(const yaml_node_t *n);

/* "file:line:column: LEVEL: field 'field': message" (field may be NULL). Errors are counted. */
void ydoc_diag(struct ydoc *d, enum diag_level level, const yaml_node_t *n, const char *field,
               const char *fmt, ...) TS_PRINTF(5, 6);

/* Typed scalars; each reports a diagnostic naming field and returns false/NULL on a mismatch. */
const char *ydoc_str(struct ydoc *d, const yaml_node_t *n, const char *field);
bool ydoc_long(struct ydoc *d, const yaml_node_t *n, const char *field, long min, long max,
               long *out);
bool ydoc_bool(struct ydoc *d, const yaml_node_t *n, const char *field, bool *out);
/* A list of strings (a single scalar is accepted as a one-element list). */
const char **ydoc_str_list(struct ydoc *d, const yaml_node_t *n, const char *field, size_t max,
                           size_t *count);
/* Warn about keys of map not in the NULL-terminated allowed list. */
void ydoc_check_keys(struct ydoc *d, const yaml_node_t *map, const char *field,
                     const char *const *allowed);

#endif
