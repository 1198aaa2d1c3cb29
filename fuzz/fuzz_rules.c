/*
 * fuzz_rules.c - the user rules loader (--rules): any YAML input loads or
 * yields diagnostics, never crashes, and never claims to have loaded more
 * rules than it was given. Rules are not registered, so every input starts
 * from the same registry.
 */
#include <stdint.h>
#include <stdlib.h>

#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(true);
    struct arena a;
    arena_init(&a);
    size_t loaded = 0;
    int errors = rules_load_buffer(&a, "fuzz.yaml", (const char *)data, size, false, &loaded);
    if (errors < 0)
        abort();
    /* Every loaded rule is a list item, and a list item takes at least 2 bytes. */
    if (loaded > size / 2 + 1)
        abort();
    arena_free(&a);
    return 0;
}
