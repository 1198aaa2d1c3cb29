/*
 * ydoc.c - see ydoc.h.
 */
#include "core/ydoc.h"

#include <stdlib.h>
#include <string.h>

#define YDOC_MAX_FILE (16u * 1024 * 1024)

void ydoc_diag(struct ydoc *d, enum diag_level level, const yaml_node_t *n, const char *field,
               const char *fmt, ...)
{
    char msg[512], where[1100];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (level == DIAG_ERROR)
        d->errors++;
    if (d->exhausted)
        return; /* what follows the expansion error is its echo */
    unsigned long line = n ? (unsigned long)n->start_mark.line + 1 : 0;
    unsigned long col = n ? (unsigned long)n->start_mark.column + 1 : 0;
    /* diag_report prints "path:line: level:"; passing "file:line" as the path
     * and the column as the line yields "file:line:column: level:". */
    if (line) {
        snprintf(where, sizeof(where), "%s:%lu", d->path, line);
        if (field)
            diag_report(level, where, (uint32_t)col, "field '%s': %s", field, msg);
        else
            diag_report(level, where, (uint32_t)col, "%s", msg);
    } else if (field) {
        diag_report(level, d->path, 0, "field '%s': %s", field, msg);
    } else {
        diag_report(level, d->path, 0, "%s", msg);
    }
}

int ydoc_load(struct ydoc *d, struct arena *a, const char *path, const char *data, size_t len)
{
    memset(d, 0, sizeof(*d));
    d->path = path;
    d->arena = a;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser)) {
        diag_report(DIAG_ERROR, path, 0, "cannot initialise the YAML parser");
        d->errors++;
        return -1;
    }
    yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
    if (!yaml_parser_load(&parser, &d->doc)) {
        char where[1100];
        snprintf(where, sizeof(where), "%s:%lu", path, (unsigned long)parser.problem_mark.line + 1);
        diag_report(DIAG_ERROR, where, (uint32_t)parser.problem_mark.column + 1,
                    "malformed YAML: %s%s%s", parser.problem ? parser.problem : "syntax error",
                    parser.context ? " " : "", parser.context ? parser.context : "");
        d->errors++;
        yaml_parser_delete(&parser);
        return -1;
    }
    d->loaded = true;
    /* Only the first document is read; say so if there are more. */
    yaml_document_t more;
    if (yaml_document_get_root_node(&d->doc) && yaml_parser_load(&parser, &more)) {
        yaml_node_t *r2 = yaml_document_get_root_node(&more);
        if (r2) {
            char where[1100];
            snprintf(where, sizeof(where), "%s:%lu", path, (unsigned long)r2->start_mark.line + 1);
            diag_report(DIAG_WARNING, where, (uint32_t)r2->start_mark.column + 1,
                        "only the first YAML document is read");
        }
        yaml_document_delete(&more);
    }
    yaml_parser_delete(&parser);
    return 0;
}

int ydoc_load_file(struct ydoc *d, struct arena *a, const char *path)
{
    char *data;
    size_t len;
    memset(d, 0, sizeof(*d));
    d->path = path;
    d->arena = a;
    if (file_read_all(path, YDOC_MAX_FILE, true, &data, &len) != 0) {
        d->errors++;
        return -1;
    }
    int rc = ydoc_load(d, a, path, data, len);
    free(data);
    return rc;
}

void ydoc_free(struct ydoc *d)
{
    if (d->loaded)
        yaml_document_delete(&d->doc);
    d->loaded = false;
}

yaml_node_t *ydoc_root(struct ydoc *d)
{
    return d->loaded ? yaml_document_get_root_node(&d->doc) : NULL;
}

yaml_node_t *ydoc_node(struct ydoc *d, int id)
{
    yaml_node_t *n = d->loaded && !d->exhausted ? yaml_document_get_node(&d->doc, id) : NULL;
    if (!n)
        return NULL;
    /* A node's text, or a fixed cost and a little per entry of a list or mapping. */
    switch (n->type) {
    case YAML_SCALAR_NODE:
        d->expanded += n->data.scalar.length + 8;
        break;
    case YAML_SEQUENCE_NODE:
        d->expanded += 32 + 8 * (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
        break;
    default:
        d->expanded += 32 + 8 * (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    }
    if (d->expanded <= YDOC_MAX_EXPANDED)
        return n;
    ydoc_diag(d, DIAG_ERROR, n, NULL,
              "aliases repeat this node until the document passes %u MiB; the rest of it is "
              "not read",
              YDOC_MAX_EXPANDED >> 20);
    d->exhausted = true;
    return NULL;
}

yaml_node_t *ydoc_get(struct ydoc *d, const yaml_node_t *map, const char *key)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return NULL;
    size_t klen = strlen(key);
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = ydoc_node(d, p->key);
        if (k && k->type == YAML_SCALAR_NODE && k->data.scalar.length == klen &&
            memcmp(k->data.scalar.value, key, klen) == 0)
            return ydoc_node(d, p->value);
    }
    return NULL;
}

bool ydoc_is_null(const yaml_node_t *n)
{
    if (!n)
        return true;
    if (n->type != YAML_SCALAR_NODE || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
        return false;
    const char *v = (const char *)n->data.scalar.value;
    size_t len = n->data.scalar.length;
    return len == 0 || (len == 1 && v[0] == '~') ||
           (len == 4 &&
            (!strncmp(v, "null", 4) || !strncmp(v, "Null", 4) || !strncmp(v, "NULL", 4)));
}

const char *ydoc_type_name(const yaml_node_t *n)
{
    if (!n)
        return "nothing";
    switch (n->type) {
    case YAML_SCALAR_NODE:
        return "a scalar";
    case YAML_SEQUENCE_NODE:
        return "a list";
    case YAML_MAPPING_NODE:
        return "a mapping";
    default:
        return "nothing";
    }
}

const char *ydoc_str(struct ydoc *d, const yaml_node_t *n, const char *field)
{
    if (!n || n->type != YAML_SCALAR_NODE) {
        ydoc_diag(d, DIAG_ERROR, n, field, "expected a string, found %s", ydoc_type_name(n));
        return NULL;
    }
    const char *v = (const char *)n->data.scalar.value;
    size_t len = n->data.scalar.length;
    if (memchr(v, '\0', len)) {
        ydoc_diag(d, DIAG_ERROR, n, field, "contains a NUL character");
        return NULL;
    }
    return arena_strndup(d->arena, v, len);
}

bool ydoc_long(struct ydoc *d, const yaml_node_t *n, const char *field, long min, long max,
               long *out)
{
    if (!n || n->type != YAML_SCALAR_NODE) {
        ydoc_diag(d, DIAG_ERROR, n, field, "expected a number, found %s", ydoc_type_name(n));
        return false;
    }
    long v;
    if (!sv_to_long(sv_trim(sv_make((const char *)n->data.scalar.value, n->data.scalar.length)),
                    &v)) {
        ydoc_diag(d, DIAG_ERROR, n, field, "not a whole number");
        return false;
    }
    if (v < min || v > max) {
        ydoc_diag(d, DIAG_ERROR, n, field, "%ld is out of range (%ld to %ld)", v, min, max);
        return false;
    }
    *out = v;
    return true;
}

bool ydoc_bool(struct ydoc *d, const yaml_node_t *n, const char *field, bool *out)
{
    static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes",
                                      "YES",  "on",   "On",   "ON"};
    static const char *const no[] = {"false", "False", "FALSE", "no", "No",
                                     "NO",    "off",   "Off",   "OFF"};
    if (n && n->type == YAML_SCALAR_NODE) {
        for (size_t i = 0; i < ARRAY_SIZE(yes); i++)
            if (n->data.scalar.length == strlen(yes[i]) &&
                !memcmp(n->data.scalar.value, yes[i], n->data.scalar.length)) {
                *out = true;
                return true;
            }
        for (size_t i = 0; i < ARRAY_SIZE(no); i++)
            if (n->data.scalar.length == strlen(no[i]) &&
                !memcmp(n->data.scalar.value, no[i], n->data.scalar.length)) {
                *out = false;
                return true;
            }
    }
    ydoc_diag(d, DIAG_ERROR, n, field, "expected true or false, found %s",
              n && n->type == YAML_SCALAR_NODE ? "another value" : ydoc_type_name(n));
    return false;
}

const char **ydoc_str_list(struct ydoc *d, const yaml_node_t *n, const char *field, size_t max,
                           size_t *count)
{
    *count = 0;
    if (!n)
        return NULL;
    if (n->type == YAML_SCALAR_NODE) {
        const char **v = arena_alloc(d->arena, sizeof(*v));
        v[0] = ydoc_str(d, n, field);
        *count = v[0] ? 1 : 0;
        return v;
    }
    if (n->type != YAML_SEQUENCE_NODE) {
        ydoc_diag(d, DIAG_ERROR, n, field, "expected a list, found %s", ydoc_type_name(n));
        return NULL;
    }
    size_t total = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (total > max) {
        ydoc_diag(d, DIAG_ERROR, n, field, "more than %zu items", max);
        total = max;
    }
    const char **v = arena_alloc(d->arena, (total ? total : 1) * sizeof(*v));
    for (size_t i = 0; i < total; i++) {
        char sub[256];
        snprintf(sub, sizeof(sub), "%s[%zu]", field, i);
        const char *s = ydoc_str(d, ydoc_node(d, n->data.sequence.items.start[i]), sub);
        if (s)
            v[(*count)++] = s;
    }
    return v;
}

void ydoc_check_keys(struct ydoc *d, const yaml_node_t *map, const char *field,
                     const char *const *allowed)
{
    if (!map || map->type != YAML_MAPPING_NODE)
        return;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = ydoc_node(d, p->key);
        if (!k || k->type != YAML_SCALAR_NODE)
            continue;
        bool ok = false;
        for (size_t i = 0; allowed[i] && !ok; i++)
            ok = k->data.scalar.length == strlen(allowed[i]) &&
                 !memcmp(k->data.scalar.value, allowed[i], k->data.scalar.length);
        if (!ok) {
            char sub[300];
            snprintf(sub, sizeof(sub), "%s%s%.*s", field ? field : "", field ? "." : "",
                     (int)(k->data.scalar.length > 100 ? 100 : k->data.scalar.length),
                     (const char *)k->data.scalar.value);
            ydoc_diag(d, DIAG_WARNING, k, sub, "unknown key, ignored");
        }
    }
}
