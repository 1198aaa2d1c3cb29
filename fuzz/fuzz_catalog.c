/*
 * fuzz_catalog.c - a provider catalogue file (--catalog) applied over the
 * built-in edition: any input must end in a catalogue or diagnostics, never
 * a crash, and the result must stay sorted and consistent.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compliance/compliance.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(true);
    struct arena a;
    arena_init(&a);
    struct catalog *c = NULL;
    /* The first byte picks the edition, the rest is the file. */
    const char *edition = size && (data[0] & 1) ? "2022" : "2026";
    catalog_load_buffer(&c, &a, edition, "fuzz.yaml", size ? (const char *)data + 1 : "",
                        size ? size - 1 : 0);
    if (c) {
        for (size_t i = 0; i < catalog_count(c); i++) {
            const struct measure *m = catalog_measure(c, i);
            if (catalog_find(c, m->id) != m || !m->title || !m->section_title)
                abort();
            if (i && (m[-1].section > m->section ||
                      (m[-1].section == m->section && m[-1].serial >= m->serial)))
                abort();
        }
        struct compliance_result r;
        compliance_evaluate_checks(c, NULL, 2, 20000, NULL, 0, NULL, 0, NULL, 0, &a, &r);
        if (r.totals.total != catalog_count(c))
            abort();
    }
    arena_free(&a);
    return 0;
}
