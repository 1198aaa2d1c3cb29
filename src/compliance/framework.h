/*
 * framework.h - the per-requirement view of another framework (an
 * operator's baseline, the NCSC CAF, CIS...) loaded with framework_load()
 * (rules/rules.h), in the same shape as the Code's per-measure view so that
 * every report can render it.
 */
#ifndef TSAUDIT_COMPLIANCE_FRAMEWORK_H
#define TSAUDIT_COMPLIANCE_FRAMEWORK_H

#include "compliance/compliance.h"
#include "rules/rules.h"

/*
 * Give each requirement a status from the verdicts of its checks over the
 * devices (devs[i].verdicts[j] is the verdict of checks_all()[j]): any fail
 * (or fleet fail) -> not_met; otherwise any unknown or needs_context ->
 * partial; otherwise any pass -> met; only not_applicable -> not_applicable;
 * no checks -> attestation_required. Requirements have no deadlines. The
 * result (and the synthetic measures it points to) live in a.
 */
void framework_evaluate(const struct framework *fw, const struct device_summary *devs, size_t ndevs,
                        const struct fleet_finding *ff, size_t nff, int32_t as_of, struct arena *a,
                        struct compliance_result *out);

#endif
