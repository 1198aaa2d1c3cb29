/*
 * compliance_int.h - helpers shared inside the compliance layer: iteration
 * and typed values over core/ydoc.h with the caps this layer needs (size,
 * entries, length of a value), reporting every
 * problem as "file:line:column: error: field 'x': ...".
 */
#ifndef TSAUDIT_COMPLIANCE_INT_H
#define TSAUDIT_COMPLIANCE_INT_H

#include "compliance/compliance.h"
#include "core/ydoc.h"

#define CY_MAX_BYTES (8u << 20) /* a catalogue or attestation file */
#define CY_MAX_STRING 8192u     /* one scalar */
#define CY_MAX_ITEMS 20000u     /* one sequence or mapping */

/* Alias expansion is bounded by core/ydoc.h for every YAML input. */
struct cydoc {
    struct ydoc y; /* y.errors counts the errors reported on this file */
};

/* Parse data; a syntax error is reported (with its position) and returns -1. */
int cy_open(struct cydoc *d, struct arena *a, const char *path, const char *data, size_t len);
void cy_close(struct cydoc *d);
yaml_node_t *cy_root(struct cydoc *d);
/* The value of key in a mapping, or NULL. */
yaml_node_t *cy_get(struct cydoc *d, yaml_node_t *map, const char *key);

void cy_diag(struct cydoc *d, enum diag_level level, const yaml_node_t *n, const char *field,
             const char *fmt, ...) TS_PRINTF(5, 6);

struct cy_map_iter {
    yaml_node_pair_t *p, *end;
};
/* Iterate a mapping (an error naming field when n is not one). */
bool cy_map_begin(struct cydoc *d, yaml_node_t *map, const char *field, struct cy_map_iter *it);
bool cy_map_next(struct cydoc *d, struct cy_map_iter *it, const char **key, yaml_node_t **knode,
                 yaml_node_t **value);

struct cy_seq_iter {
    yaml_node_item_t *p, *end;
};
bool cy_seq_begin(struct cydoc *d, yaml_node_t *seq, const char *field, struct cy_seq_iter *it);
bool cy_seq_next(struct cydoc *d, struct cy_seq_iter *it, yaml_node_t **item);

/* A non-empty string (arena copy) or NULL after an error. */
const char *cy_str(struct cydoc *d, yaml_node_t *n, const char *field);
bool cy_bool(struct cydoc *d, yaml_node_t *n, const char *field, bool *out);
bool cy_int(struct cydoc *d, yaml_node_t *n, const char *field, long lo, long hi, long *out);
/* "YYYY-MM-DD"; when allow_unknown, "unknown" gives *known = false. */
bool cy_date(struct cydoc *d, yaml_node_t *n, const char *field, bool allow_unknown, int32_t *out,
             bool *known);
/* A list of strings (or one string); false when any item was bad. */
bool cy_str_list(struct cydoc *d, yaml_node_t *n, const char *field, size_t max, const char ***out,
                 size_t *nout);

/* Shell-style glob (*, ?, [..]) over a whole string. */
bool compliance_glob(const char *pattern, const char *s);

#endif
