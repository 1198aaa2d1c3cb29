/*
 * stmt_index.c - the first-word index of the extractors' statement tables
 * (see extract.h): rows chained per hash slot in table order, so that a
 * statement is compared with the few rows that can match it.
 */
#include "model/extract.h"

#include <string.h>

static size_t slot_of(const char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 16777619u;
    }
    return h & (STMT_INDEX_SLOTS - 1);
}

void stmt_index_build(struct stmt_index *ix, const void *rows, size_t nrows, size_t row_size)
{
    if (nrows > STMT_INDEX_MAX_ROWS)
        BUG("statement table of %zu rows is longer than %u", nrows, STMT_INDEX_MAX_ROWS);
    memset(ix, 0, sizeof(*ix));
    for (size_t i = nrows; i-- > 0;) {
        const char *path = *(const char *const *)(const void *)((const char *)rows + i * row_size);
        size_t n = strcspn(path, " ");
        size_t slot = slot_of(path, n);
        ix->next[i] = ix->head[slot];
        ix->head[slot] = (uint16_t)(i + 1);
    }
}

size_t stmt_index_first(const struct stmt_index *ix, struct sv w)
{
    return w.n ? ix->head[slot_of(w.p, w.n)] : 0;
}

size_t stmt_index_next(const struct stmt_index *ix, size_t cand)
{
    return ix->next[cand - 1];
}
