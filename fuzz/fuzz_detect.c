/*
 * fuzz_detect.c - dialect and form detection on arbitrary bytes, then the
 * whole detect-and-parse path with the dialect that detection chose.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(true);
    /* a private copy: parsers must not read past size, ASan checks it */
    char *buf = malloc(size ? size : 1);
    if (size)
        memcpy(buf, data, size);
    struct detect_result r;
    detect_dialect(buf, size, &r);
    if ((unsigned)r.dialect >= DIALECT_COUNT || !r.signal)
        abort();
    for (unsigned d = 0; d < DIALECT_COUNT; d++)
        (void)detect_form((enum dialect)d, buf, size);
    struct arena a;
    arena_init(&a);
    struct cfg_tree t;
    cfg_parse_buffer(&t, &a, "fuzz", buf, size, DIALECT_UNKNOWN);
    if (t.dialect != r.dialect)
        abort(); /* detection must be deterministic */
    arena_free(&a);
    free(buf);
    return 0;
}
