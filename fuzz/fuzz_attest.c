/*
 * fuzz_attest.c - attestation and waiver files: any input loads or yields
 * diagnostics, and the loaded entries can be evaluated and applied.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compliance/compliance.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void noop(const struct check_ctx *ctx, struct check_result *r)
{
    (void)ctx;
    (void)r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(true);
    struct arena a;
    arena_init(&a);
    struct attestations at;
    attest_load_buffer(&at, &a, "fuzz.yaml", (const char *)data, size);
    for (size_t i = 0; i < at.n; i++)
        if (!at.v[i].measure || !measure_id_parse(at.v[i].measure, NULL, NULL))
            abort();
    for (size_t i = 0; i < at.nwaivers; i++)
        if (!at.waivers[i].check || !at.waivers[i].devices || !at.waivers[i].expires_text)
            abort();
    /* Apply the waivers to a device with one failing result per waiver. */
    static const char *const none[] = {NULL};
    size_t n = at.nwaivers < 64 ? at.nwaivers : 64;
    struct check_def *defs = calloc(n ? n : 1, sizeof(*defs));
    struct check_result *res = calloc(n ? n : 1, sizeof(*res));
    for (size_t i = 0; i < n; i++) {
        defs[i] = (struct check_def){
            .id = at.waivers[i].check, .title = "f", .measures = none, .eval = noop};
        res[i] = (struct check_result){.check = &defs[i], .verdict = VERDICT_FAIL};
    }
    struct device_result d = {
        .file = "/x/cpe-1", .relpath = "cpe-1", .hostname = "cpe-1", .results = res, .nresults = n};
    waivers_apply(&at, 20000, &d);
    for (size_t i = 0; i < n; i++)
        if (res[i].verdict == VERDICT_WAIVED && (!res[i].waiver || !res[i].waiver_expires))
            abort();
    /* The built-in catalogue is the same for every input: load it once. */
    static struct arena ca;
    static struct catalog *c;
    static bool loaded;
    if (!loaded) {
        arena_init(&ca);
        if (catalog_load(&c, &ca, "2022", NULL) != 0)
            c = NULL;
        loaded = true;
    }
    if (c) {
        struct compliance_result r;
        compliance_evaluate_checks(c, &at, 1, 20000, NULL, 0, NULL, 0, NULL, 0, &a, &r);
    }
    free(defs);
    free(res);
    arena_free(&a);
    return 0;
}
