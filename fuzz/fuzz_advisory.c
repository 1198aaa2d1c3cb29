/*
 * fuzz_advisory.c - the software data readers: CSAF 2.0 JSON or YAML
 * advisories (advisory_load) and release-support tables
 * (release_table_load). Any input loads or yields diagnostics, never
 * crashes, and what loaded keeps the readers' promises (an advisory names
 * an id or CVE, has a platform and affected releases or only statements,
 * every statement compiled; a release row has a dialect, train and source).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_advisories(const struct advisory_set *s)
{
    for (size_t i = 0; i < s->n; i++) {
        const struct advisory *a = &s->v[i];
        if ((!a->id && !a->cve) || a->nfeatures > ADVISORY_MAX_FEATURES)
            abort();
        if (a->naffected && a->dialect == DIALECT_UNKNOWN)
            abort();
        if (!a->naffected && !a->nfeatures)
            abort();
        for (size_t k = 0; k < a->naffected; k++)
            (void)release_in_train("17.9.4a", a->affected[k]);
        for (size_t k = 0; k < a->nfeatures; k++)
            (void)cfg_regex_match(a->feature[k], (struct sv){"ip http server", 14}, NULL, 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(true);
    struct arena a;
    arena_init(&a);
    /* byte 0 bit 0: release table, else advisories */
    bool releases = size && (data[0] & 1);
    const char *text = size ? (const char *)data + 1 : "";
    size_t len = size ? size - 1 : 0;
    if (releases) {
        struct release_table t;
        release_table_load(&t, &a, "fuzz.yaml", text, len);
        for (size_t i = 0; i < t.n; i++)
            if (!t.v[i].train || !t.v[i].source || t.v[i].dialect == DIALECT_UNKNOWN)
                abort();
        (void)release_lookup(&t, DIALECT_CISCO_IOS, "17.9");
    } else {
        struct advisory_set s = {0};
        advisory_load(&s, &a, "fuzz.json", text, len);
        check_advisories(&s);
    }
    arena_free(&a);
    return 0;
}
