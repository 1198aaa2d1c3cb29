/*
 * tu_model.h - helpers shared by the model unit tests (test_model_*.c):
 * parse a fixture file or a string and extract its device model, find the
 * line a text appears on, test whether evidence holds a line, and look up
 * accounts, neighbours, interfaces, services and lines by name.
 * Header-only (static inline) so that it needs no build change; include it
 * after testutil.h.
 */
#ifndef TSAUDIT_TU_MODEL_H
#define TSAUDIT_TU_MODEL_H

#include "testutil.h"

#include "model/model.h"

#include <stdlib.h>
#include <string.h>

/* One parsed and extracted device; the tree and the model point into buf. */
struct tu_dev {
    struct arena a;
    struct cfg_tree t;
    struct device_model m;
    char *buf;
    size_t len;
    int errors; /* what the parse returned: error diagnostics */
};

/* Parse buf (owned, len bytes, NUL-terminated) as dialect d and extract. */
static inline struct tu_dev *tu_model_from(char *buf, size_t len, const char *path, enum dialect d)
{
    struct tu_dev *dv = calloc(1, sizeof(*dv));
    assert_non_null(dv);
    arena_init(&dv->a);
    dv->buf = buf;
    dv->len = len;
    diag_set_quiet(true);
    dv->errors = cfg_parse_buffer(&dv->t, &dv->a, path, dv->buf, dv->len, d);
    model_extract(&dv->t, &dv->m);
    return dv;
}

/* A fixture file (path relative to the source tree). */
static inline struct tu_dev *tu_model_load(const char *rel, enum dialect d)
{
    size_t len;
    char *buf = tu_read(rel, &len);
    return tu_model_from(buf, len, rel, d);
}

/* A configuration given as a string (named "inline.cfg" in diagnostics). */
static inline struct tu_dev *tu_model_load_text(const char *text, enum dialect d)
{
    size_t len = strlen(text);
    char *buf = malloc(len + 1);
    assert_non_null(buf);
    memcpy(buf, text, len + 1);
    return tu_model_from(buf, len, "inline.cfg", d);
}

static inline void tu_model_unload(struct tu_dev *dv)
{
    arena_free(&dv->a);
    free(dv->buf);
    free(dv);
}

/* 1-based line of the first line containing needle (0 if none). */
static inline uint32_t tu_line_of(const struct tu_dev *dv, const char *needle)
{
    uint32_t line = 1;
    size_t nl = strlen(needle);
    for (size_t i = 0; i + nl <= dv->len; i++) {
        if (memcmp(dv->buf + i, needle, nl) == 0)
            return line;
        if (dv->buf[i] == '\n')
            line++;
    }
    return 0;
}

/* Does the evidence hold a statement on this line? */
static inline bool tu_has_line(const struct fact_lines *l, uint32_t line)
{
    for (uint8_t i = 0; i < l->n; i++)
        if (l->nodes[i]->line == line)
            return true;
    return false;
}

/* Lookups by name; NULL when absent. */
static inline const struct account *tu_find_account(const struct device_model *m, const char *name)
{
    for (size_t i = 0; i < m->naccounts; i++)
        if (strcmp(m->accounts[i].name, name) == 0)
            return &m->accounts[i];
    return NULL;
}

static inline const struct bgp_neighbor *tu_find_nbr(const struct device_model *m, const char *addr)
{
    for (size_t i = 0; i < m->bgp.nneighbors; i++)
        if (strcmp(m->bgp.neighbors[i].addr, addr) == 0)
            return &m->bgp.neighbors[i];
    return NULL;
}

static inline const struct interface *tu_find_if(const struct device_model *m, const char *name)
{
    for (size_t i = 0; i < m->ninterfaces; i++)
        if (strcmp(m->interfaces[i].name, name) == 0)
            return &m->interfaces[i];
    return NULL;
}

/* The first service with this name. */
static inline const struct mgmt_service *tu_find_svc(const struct device_model *m, const char *name)
{
    for (size_t i = 0; i < m->nservices; i++)
        if (strcmp(m->services[i].name, name) == 0)
            return &m->services[i];
    return NULL;
}

static inline const struct mgmt_line *tu_find_line(const struct device_model *m, const char *name)
{
    for (size_t i = 0; i < m->nlines; i++)
        if (strcmp(m->lines[i].name, name) == 0)
            return &m->lines[i];
    return NULL;
}

/* Shared secrets (m->other_secrets) of this kind. */
static inline size_t tu_count_secrets(const struct device_model *m, const char *kind)
{
    size_t n = 0;
    for (size_t i = 0; i < m->nother_secrets; i++)
        n += strcmp(m->other_secret_kinds[i], kind) == 0;
    return n;
}

/* Two models of one device (e.g. its brace and set forms) agree on a fact:
 * state, default-ness and whether there is evidence (lines differ). */
static inline void tu_same_fact(const struct fact_bool *a, const struct fact_bool *b)
{
    assert_int_equal(a->state, b->state);
    assert_int_equal(a->is_default, b->is_default);
    assert_int_equal(a->ev.n > 0, b->ev.n > 0);
}

/* Both NULL or equal strings. */
static inline void tu_same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_true(a == b);
    else
        assert_string_equal(a, b);
}

/* What a neighbour's inbound policy does with the routes of pfx whose
 * length lies in [ge, le]. */
static inline enum policy_verdict tu_range_in(const struct bgp_neighbor *nb, const char *pfx,
                                              int ge, int le)
{
    struct prefix_range r = {.ge = (uint8_t)ge, .le = (uint8_t)le};
    assert_true(ip_prefix_parse(sv_from_cstr(pfx), &r.p));
    struct ip_prefix w;
    const struct cfg_node *at[2];
    return model_policy_range(&nb->in_summary, &r, &w, at);
}

#endif
