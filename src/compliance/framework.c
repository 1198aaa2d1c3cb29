/*
 * framework.c - evaluation of a user framework into the same result shape
 * as the Code's measures (see framework.h for the rules).
 */
#include "compliance/framework.h"

#include <string.h>

static bool fleet_names(const struct fleet_finding *f, const struct device_summary *devs,
                        size_t i_dev)
{
    const struct device_summary *d = &devs[i_dev];
    for (size_t i = 0; i < f->ndevices; i++) {
        if (f->dev_index ? f->dev_index[i] == i_dev
                         : !strcmp(f->devices[i], d->hostname) || !strcmp(f->devices[i], d->file))
            return true;
    }
    return false;
}

static void add_finding(struct measure_status *st, struct arena *a, const char *device,
                        const char *check, enum verdict v, bool fleet)
{
    st->total_findings++;
    if (st->nfindings >= COMPLIANCE_MAX_FINDINGS)
        return;
    if (!st->findings)
        st->findings = arena_alloc(a, COMPLIANCE_MAX_FINDINGS * sizeof(*st->findings));
    st->findings[st->nfindings++] =
        (struct measure_finding){.device = device, .check = check, .verdict = v, .fleet = fleet};
}

static void evaluate_req(const struct framework_req *req, struct measure_status *st,
                         const struct device_summary *devs, size_t ndevs,
                         const struct fleet_finding *ff, size_t nff, struct arena *a)
{
    st->checks = arena_alloc(a, (req->nchecks ? req->nchecks : 1) * sizeof(*st->checks));
    for (size_t k = 0; k < req->nchecks; k++) {
        const struct check_def *c = check_find(req->checks[k]);
        if (c)
            st->checks[st->nchecks++] = c;
    }
    for (size_t i = 0; i < ndevs; i++) {
        const struct device_summary *d = &devs[i];
        if (d->excluded || d->unreadable || d->not_audited)
            continue;
        bool any = false;
        for (size_t k = 0; k < st->nchecks; k++) {
            const struct check_def *c = st->checks[k];
            size_t ci = check_index(c);
            enum verdict v =
                ci < d->nverdicts ? (enum verdict)d->verdicts[ci] : VERDICT_NOT_APPLICABLE;
            if (c->scope == CHECK_FLEET)
                for (size_t f = 0; f < nff; f++)
                    if (ff[f].check == c && ff[f].verdict == VERDICT_FAIL &&
                        fleet_names(&ff[f], devs, i))
                        v = VERDICT_FAIL;
            const char *name = d->relpath && *d->relpath ? d->relpath : d->file;
            switch (v) {
            case VERDICT_PASS:
                st->npass++;
                any = true;
                break;
            case VERDICT_FAIL:
                st->nfail++;
                any = true;
                add_finding(st, a, name, c->id, v, c->scope == CHECK_FLEET);
                break;
            case VERDICT_WAIVED:
                st->nwaived++;
                any = true;
                add_finding(st, a, name, c->id, v, false);
                break;
            case VERDICT_UNKNOWN:
                st->nunknown++;
                any = true;
                add_finding(st, a, name, c->id, v, false);
                break;
            case VERDICT_NEEDS_CONTEXT:
                st->nneeds_context++;
                any = true;
                add_finding(st, a, name, c->id, v, false);
                break;
            case VERDICT_NOT_APPLICABLE:
            case VERDICT_COUNT:
                st->nnot_applicable++;
                break;
            }
        }
        st->ndevices += any;
    }
    if (!st->nchecks) {
        st->status = MEASURE_ATTESTATION_REQUIRED;
        st->reason = "no check is mapped to this requirement";
    } else if (st->nfail) {
        st->status = MEASURE_NOT_MET;
        st->reason = "a mapped check failed on at least one device";
    } else if (st->nunknown || st->nneeds_context) {
        st->status = MEASURE_PARTIAL;
        st->reason = "some verdicts are unknown or need profile context";
    } else if (st->npass || st->nwaived) {
        st->status = MEASURE_MET;
        st->reason = st->nwaived ? "met, with waived failures" : "every device passes";
    } else {
        st->status = MEASURE_NOT_APPLICABLE;
        st->reason = "no device uses what the mapped checks examine";
    }
    st->assessed = st->status;
    st->applies = true;
    st->kind_used = st->nchecks ? MEASURE_AUTOMATED : MEASURE_ATTESTATION;
}

void framework_evaluate(const struct framework *fw, const struct device_summary *devs, size_t ndevs,
                        const struct fleet_finding *ff, size_t nff, int32_t as_of, struct arena *a,
                        struct compliance_result *out)
{
    memset(out, 0, sizeof(*out));
    out->edition = fw->id;
    out->as_of = as_of;
    out->n = fw->nreqs;
    out->v = arena_alloc(a, (fw->nreqs ? fw->nreqs : 1) * sizeof(*out->v));
    struct measure *ms = arena_alloc(a, (fw->nreqs ? fw->nreqs : 1) * sizeof(*ms));

    /* Sections in order of first appearance; requirements without one share "-". */
    const char **titles = arena_alloc(a, (fw->nreqs + 1) * sizeof(*titles));
    size_t nsections = 0;
    for (size_t i = 0; i < fw->nreqs; i++) {
        const struct framework_req *r = &fw->reqs[i];
        const char *sec = r->section ? r->section : "-";
        size_t s;
        for (s = 0; s < nsections; s++)
            if (!strcmp(titles[s], sec))
                break;
        if (s == nsections)
            titles[nsections++] = sec;
        struct measure *m = &ms[i];
        m->id = r->id;
        m->section = (int)s + 1;
        m->serial = (int)i + 1;
        m->section_title = sec;
        m->title = m->summary = r->title ? r->title : r->id;
        m->kind = r->nchecks ? MEASURE_AUTOMATED : MEASURE_ATTESTATION;
        m->origin = fw->path;
        for (int t = 0; t < COMPLIANCE_TIERS; t++)
            m->deadlines[t].applies = true;
        struct measure_status *st = &out->v[i];
        st->measure = m;
        evaluate_req(r, st, devs, ndevs, ff, nff, a);
        out->totals.total++;
        out->totals.by_status[st->status]++;
    }
    out->sections = arena_alloc(a, (nsections ? nsections : 1) * sizeof(*out->sections));
    out->nsections = nsections;
    for (size_t s = 0; s < nsections; s++) {
        out->sections[s].section = (int)s + 1;
        out->sections[s].title = titles[s];
    }
    for (size_t i = 0; i < fw->nreqs; i++) {
        struct section_counts *sc = &out->sections[ms[i].section - 1];
        sc->counts.total++;
        sc->counts.by_status[out->v[i].status]++;
    }
    for (size_t i = 0; i < ndevs; i++)
        out->ndevices += !devs[i].excluded && !devs[i].unreadable && !devs[i].not_audited;
    out->unknown_deadlines = fw->nreqs;
}
