/*
 * fuzz_framework.c - the framework loader (--framework): any YAML input
 * loads or yields diagnostics, never crashes; what loads names only known
 * checks, and evaluating it over a small synthetic estate keeps the
 * totals consistent.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "compliance/framework.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(true);
    struct arena a;
    arena_init(&a);
    struct framework fw;
    memset(&fw, 0, sizeof(fw));
    if (framework_load_buffer(&fw, &a, "fuzz.yaml", (const char *)data, size) == 0) {
        for (size_t i = 0; i < fw.nreqs; i++) {
            const struct framework_req *r = &fw.reqs[i];
            if (!r->id)
                abort();
            for (size_t k = 0; k < r->nchecks; k++)
                if (!r->checks[k] || !check_find(r->checks[k]))
                    abort();
        }
        /* Two devices: one with every check failed, one with every check passed. */
        size_t nchecks;
        checks_all(&nchecks);
        uint8_t *fail = calloc(nchecks ? nchecks : 1, 1);
        uint8_t *pass = calloc(nchecks ? nchecks : 1, 1);
        if (!fail || !pass)
            abort();
        memset(fail, VERDICT_FAIL, nchecks);
        memset(pass, VERDICT_PASS, nchecks);
        struct device_summary devs[2];
        memset(devs, 0, sizeof(devs));
        devs[0].file = devs[0].relpath = devs[0].hostname = (char *)"a";
        devs[0].verdicts = fail;
        devs[0].nverdicts = nchecks;
        devs[1].file = devs[1].relpath = devs[1].hostname = (char *)"b";
        devs[1].verdicts = pass;
        devs[1].nverdicts = nchecks;
        struct compliance_result cr;
        framework_evaluate(&fw, devs, 2, NULL, 0, 20000, &a, &cr);
        if (cr.totals.total != fw.nreqs)
            abort();
        free(fail);
        free(pass);
    }
    arena_free(&a);
    return 0;
}
