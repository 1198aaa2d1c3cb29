/*
 * registry.c - compliance_evaluate() over the run's check table. Kept apart
 * from evaluate.c so that the evaluation itself depends only on the check
 * definitions it is given.
 */
#include "compliance/compliance.h"

void compliance_evaluate(const struct catalog *c, const struct attestations *at, int tier,
                         int32_t as_of, const struct device_summary *devs, size_t ndevs,
                         const struct fleet_finding *ff, size_t nff, struct arena *a,
                         struct compliance_result *out)
{
    size_t n = 0;
    const struct check_def *const *checks = checks_all(&n);
    compliance_evaluate_checks(c, at, tier, as_of, checks, n, devs, ndevs, ff, nff, a, out);
}
