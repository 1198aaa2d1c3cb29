/*
 * yaml_util.c - see compliance_int.h: the compliance layer's walk over
 * core/ydoc.h documents, with caps and typed values.
 */
#include "compliance/compliance_int.h"

#include <fnmatch.h>
#include <string.h>

int cy_open(struct cydoc *d, struct arena *a, const char *path, const char *data, size_t len)
{
    memset(d, 0, sizeof(*d));
    path = path ? path : "-";
    if (len > CY_MAX_BYTES) {
        d->y.path = path;
        d->y.arena = a;
        diag_report(DIAG_ERROR, path, 0, "file is larger than %u bytes", CY_MAX_BYTES);
        d->y.errors++;
        return -1;
    }
    return ydoc_load(&d->y, a, path, data, len);
}

void cy_close(struct cydoc *d)
{
    ydoc_free(&d->y);
}

yaml_node_t *cy_root(struct cydoc *d)
{
    return ydoc_root(&d->y);
}

yaml_node_t *cy_get(struct cydoc *d, yaml_node_t *map, const char *key)
{
    return ydoc_get(&d->y, map, key);
}

void cy_diag(struct cydoc *d, enum diag_level level, const yaml_node_t *n, const char *field,
             const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    ydoc_diag(&d->y, level, n, field, "%s", msg);
}

bool cy_map_begin(struct cydoc *d, yaml_node_t *map, const char *field, struct cy_map_iter *it)
{
    it->p = it->end = NULL;
    if (!map)
        return false;
    if (map->type != YAML_MAPPING_NODE) {
        cy_diag(d, DIAG_ERROR, map, field, "expected a mapping, found %s", ydoc_type_name(map));
        return false;
    }
    size_t n = (size_t)(map->data.mapping.pairs.top - map->data.mapping.pairs.start);
    if (n > CY_MAX_ITEMS) {
        cy_diag(d, DIAG_ERROR, map, field, "more than %u entries", CY_MAX_ITEMS);
        return false;
    }
    it->p = map->data.mapping.pairs.start;
    it->end = map->data.mapping.pairs.top;
    return true;
}

bool cy_map_next(struct cydoc *d, struct cy_map_iter *it, const char **key, yaml_node_t **knode,
                 yaml_node_t **value)
{
    while (it->p && it->p < it->end) {
        yaml_node_pair_t *pair = it->p++;
        yaml_node_t *k = ydoc_node(&d->y, pair->key);
        yaml_node_t *v = ydoc_node(&d->y, pair->value);
        if (!k || !v)
            return false;
        if (k->type != YAML_SCALAR_NODE ||
            memchr(k->data.scalar.value, '\0', k->data.scalar.length)) {
            cy_diag(d, DIAG_ERROR, k, NULL, "keys must be plain words, found %s",
                    ydoc_type_name(k));
            continue;
        }
        *key = (const char *)k->data.scalar.value;
        *knode = k;
        *value = v;
        return true;
    }
    return false;
}

bool cy_seq_begin(struct cydoc *d, yaml_node_t *seq, const char *field, struct cy_seq_iter *it)
{
    it->p = it->end = NULL;
    if (!seq)
        return false;
    if (seq->type != YAML_SEQUENCE_NODE) {
        cy_diag(d, DIAG_ERROR, seq, field, "expected a list, found %s", ydoc_type_name(seq));
        return false;
    }
    size_t n = (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
    if (n > CY_MAX_ITEMS) {
        cy_diag(d, DIAG_ERROR, seq, field, "more than %u entries", CY_MAX_ITEMS);
        return false;
    }
    it->p = seq->data.sequence.items.start;
    it->end = seq->data.sequence.items.top;
    return true;
}

bool cy_seq_next(struct cydoc *d, struct cy_seq_iter *it, yaml_node_t **item)
{
    if (!it->p || it->p >= it->end)
        return false;
    yaml_node_t *n = ydoc_node(&d->y, *it->p++);
    if (!n)
        return false;
    *item = n;
    return true;
}

/* The scalar text of n, or NULL with an error naming the field. */
static const char *scalar(struct cydoc *d, yaml_node_t *n, const char *field)
{
    if (!n || n->type != YAML_SCALAR_NODE) {
        cy_diag(d, DIAG_ERROR, n, field, "expected a value, found %s", ydoc_type_name(n));
        return NULL;
    }
    const char *s = (const char *)n->data.scalar.value;
    size_t len = n->data.scalar.length;
    if (len > CY_MAX_STRING) {
        cy_diag(d, DIAG_ERROR, n, field, "value longer than %u characters", CY_MAX_STRING);
        return NULL;
    }
    if (memchr(s, '\0', len)) {
        cy_diag(d, DIAG_ERROR, n, field, "value contains a NUL character");
        return NULL;
    }
    return s;
}

const char *cy_str(struct cydoc *d, yaml_node_t *n, const char *field)
{
    if (n && ydoc_is_null(n)) {
        cy_diag(d, DIAG_ERROR, n, field, "a value is required");
        return NULL;
    }
    const char *s = scalar(d, n, field);
    if (!s)
        return NULL;
    return arena_strndup(d->y.arena, s, n->data.scalar.length);
}

bool cy_bool(struct cydoc *d, yaml_node_t *n, const char *field, bool *out)
{
    if (!scalar(d, n, field))
        return false;
    return ydoc_bool(&d->y, n, field, out);
}

bool cy_int(struct cydoc *d, yaml_node_t *n, const char *field, long lo, long hi, long *out)
{
    if (!scalar(d, n, field))
        return false;
    return ydoc_long(&d->y, n, field, lo, hi, out);
}

bool cy_date(struct cydoc *d, yaml_node_t *n, const char *field, bool allow_unknown, int32_t *out,
             bool *known)
{
    const char *s = scalar(d, n, field);
    if (!s)
        return false;
    if (allow_unknown && strcmp(s, "unknown") == 0) {
        *known = false;
        *out = 0;
        return true;
    }
    int32_t v;
    if (!date_parse(s, &v)) {
        cy_diag(d, DIAG_ERROR, n, field, "expected a date YYYY-MM-DD%s, found '%.40s'",
                allow_unknown ? " or 'unknown'" : "", s);
        return false;
    }
    *out = v;
    if (known)
        *known = true;
    return true;
}

bool cy_str_list(struct cydoc *d, yaml_node_t *n, const char *field, size_t max, const char ***out,
                 size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (n && n->type == YAML_SCALAR_NODE) {
        const char *s = cy_str(d, n, field);
        if (!s)
            return false;
        const char **v = arena_alloc(d->y.arena, sizeof(*v));
        v[0] = s;
        *out = v;
        *nout = 1;
        return true;
    }
    struct cy_seq_iter it;
    if (!cy_seq_begin(d, n, field, &it))
        return false;
    size_t cnt = (size_t)(it.end - it.p);
    if (cnt > max) {
        cy_diag(d, DIAG_ERROR, n, field, "more than %zu entries", max);
        return false;
    }
    const char **v = arena_alloc(d->y.arena, (cnt ? cnt : 1) * sizeof(*v));
    size_t k = 0;
    yaml_node_t *item;
    bool ok = true;
    while (cy_seq_next(d, &it, &item)) {
        const char *s = cy_str(d, item, field);
        if (!s) {
            ok = false;
            continue;
        }
        v[k++] = s;
    }
    *out = v;
    *nout = k;
    return ok;
}

bool compliance_glob(const char *pattern, const char *s)
{
    return pattern && s && fnmatch(pattern, s, 0) == 0;
}
