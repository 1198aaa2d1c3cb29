/*
 * evaluate.c - a status per measure for a tier on an assessment date, from
 * check verdicts (per device and fleet-wide), attestations and waivers.
 * The rules are written down in docs/compliance.md; this file is their only
 * implementation.
 */
#include "compliance/compliance_int.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DUE_NEXT 5
#define NO_EVIDENCE MEASURE_STATUS_COUNT /* internal: the checks saw nothing */

static const char *const status_names[MEASURE_STATUS_COUNT] = {
    "met", "not_met", "partial", "attestation_required", "not_yet_due", "not_applicable"};

const char *measure_status_name(enum measure_status_kind s)
{
    return (unsigned)s < MEASURE_STATUS_COUNT ? status_names[s] : "?";
}

bool measure_status_from_name(const char *s, enum measure_status_kind *out)
{
    for (int i = 0; i < MEASURE_STATUS_COUNT; i++)
        if (s && strcmp(s, status_names[i]) == 0) {
            *out = (enum measure_status_kind)i;
            return true;
        }
    return false;
}

size_t compliance_checks_for(const struct measure *m, const struct check_def *const *checks,
                             size_t nchecks, struct arena *a, const struct check_def ***out)
{
    size_t n = 0;
    for (size_t j = 0; j < nchecks; j++)
        for (const char *const *p = checks[j]->measures; p && *p; p++)
            if (strcmp(*p, m->id) == 0) {
                n++;
                break;
            }
    const struct check_def **v = arena_alloc(a, (n ? n : 1) * sizeof(*v));
    size_t k = 0;
    for (size_t j = 0; j < nchecks; j++)
        for (const char *const *p = checks[j]->measures; p && *p; p++)
            if (strcmp(*p, m->id) == 0) {
                v[k++] = checks[j];
                break;
            }
    *out = v;
    return n;
}

static bool device_counts(const struct device_summary *d)
{
    return !d->excluded && !d->unreadable && !d->not_audited;
}

/* A device's identity in findings: its path relative to the scanned folder
 * (hostnames repeat across an estate; paths do not). */
static const char *device_name(const struct device_summary *d)
{
    return d->relpath && d->relpath[0] ? d->relpath : d->file;
}

static void add_finding(struct measure_status *ms, struct arena *a, const char *device,
                        const char *check, enum verdict v, bool fleet)
{
    ms->total_findings++;
    if (ms->nfindings >= COMPLIANCE_MAX_FINDINGS)
        return;
    if (!ms->findings)
        ms->findings = arena_alloc(a, COMPLIANCE_MAX_FINDINGS * sizeof(*ms->findings));
    ms->findings[ms->nfindings++] = (struct measure_finding){device, check, v, fleet};
}

static void count_verdict(struct measure_status *ms, struct arena *a, const char *device,
                          const char *check, enum verdict v, bool fleet)
{
    switch (v) {
    case VERDICT_PASS:
        ms->npass++;
        return;
    case VERDICT_NOT_APPLICABLE:
        ms->nnot_applicable++;
        return;
    case VERDICT_FAIL:
        ms->nfail++;
        break;
    case VERDICT_WAIVED:
        ms->nwaived++;
        break;
    case VERDICT_UNKNOWN:
        ms->nunknown++;
        break;
    case VERDICT_NEEDS_CONTEXT:
        ms->nneeds_context++;
        break;
    default:
        return;
    }
    add_finding(ms, a, device, check, v, fleet);
}

/*
 * Which device of devs each fleet finding names: fmap[f][k] is the index of
 * ff[f].devices[k] in devs (its dev_index, else matched on relative path, then
 * file), or SIZE_MAX.
 */
struct name_ix {
    const char *name;
    size_t i;
};

static int cmp_name_ix(const void *a, const void *b)
{
    const struct name_ix *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->i > y->i) - (x->i < y->i);
}

static size_t **map_fleet(const struct device_summary *devs, size_t ndevs,
                          const struct fleet_finding *ff, size_t nff, struct arena *a)
{
    if (!nff)
        return NULL;
    struct name_ix *ix = xcalloc(2 * ndevs + 1, sizeof(*ix));
    size_t n = 0;
    for (size_t i = 0; i < ndevs; i++) {
        if (!device_counts(&devs[i]))
            continue;
        if (devs[i].relpath && devs[i].relpath[0])
            ix[n++] = (struct name_ix){devs[i].relpath, i};
        if (devs[i].file)
            ix[n++] = (struct name_ix){devs[i].file, i};
    }
    qsort(ix, n, sizeof(*ix), cmp_name_ix);
    size_t **fmap = arena_alloc(a, nff * sizeof(*fmap));
    for (size_t f = 0; f < nff; f++) {
        fmap[f] = arena_alloc(a, (ff[f].ndevices ? ff[f].ndevices : 1) * sizeof(**fmap));
        for (size_t k = 0; k < ff[f].ndevices; k++) {
            fmap[f][k] = SIZE_MAX;
            if (ff[f].dev_index) { /* the fleet check names its devices by index */
                if (ff[f].dev_index[k] < ndevs && device_counts(&devs[ff[f].dev_index[k]]))
                    fmap[f][k] = ff[f].dev_index[k];
                continue;
            }
            const char *name = ff[f].devices[k];
            size_t lo = 0, hi = n;
            while (name && lo < hi) { /* first entry with this name */
                size_t mid = lo + (hi - lo) / 2;
                if (strcmp(ix[mid].name, name) < 0)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (name && lo < n && strcmp(ix[lo].name, name) == 0)
                fmap[f][k] = ix[lo].i;
        }
    }
    free(ix);
    return fmap;
}

struct eval_input {
    const struct check_def *const *checks;
    size_t nchecks;
    const struct attestations *at;
    int32_t as_of;
    const struct device_summary *devs;
    size_t ndevs;
    const struct fleet_finding *ff;
    size_t nff;
    size_t **fmap;
    uint8_t *override; /* scratch, ndevs */
    bool *seen;        /* scratch, ndevs */
};

#define NO_OVERRIDE 0xff

/* A fail of a fleet-decided check is waived here: its verdict was written
 * after waivers_apply() saw the device. */
static enum verdict fleet_waived(const struct eval_input *in, const struct check_def *c,
                                 enum verdict v, const char *host, const char *file)
{
    if (v == VERDICT_FAIL && waiver_find(in->at, c->id, host, file, in->as_of))
        return VERDICT_WAIVED;
    return v;
}

/* The configuration side of a measure: its mapped checks over every device. */
static int technical_status(struct measure_status *ms, const struct eval_input *in, struct arena *a)
{
    memset(in->seen, 0, in->ndevs * sizeof(*in->seen));
    for (size_t k = 0; k < ms->nchecks; k++) {
        const struct check_def *c = ms->checks[k];
        size_t j = 0;
        while (j < in->nchecks && in->checks[j] != c)
            j++;
        /* Fleet findings name devices: a named device fails that check. */
        bool any_override = false;
        if (c->scope == CHECK_FLEET) {
            for (size_t f = 0; f < in->nff; f++) {
                const struct fleet_finding *x = &in->ff[f];
                if (x->check != c)
                    continue;
                for (size_t t = 0; t < x->ndevices; t++) {
                    size_t i = in->fmap[f][t];
                    if (i != SIZE_MAX) {
                        if (!any_override)
                            memset(in->override, NO_OVERRIDE, in->ndevs);
                        any_override = true;
                        in->override[i] = (uint8_t)x->verdict;
                        continue;
                    }
                    /* A device the summaries do not hold: count it as named. */
                    count_verdict(ms, a, x->devices[t], c->id,
                                  fleet_waived(in, c, x->verdict, x->devices[t], x->devices[t]),
                                  true);
                }
            }
        }
        for (size_t i = 0; i < in->ndevs; i++) {
            const struct device_summary *d = &in->devs[i];
            if (!device_counts(d))
                continue;
            bool fleet = any_override && in->override[i] != NO_OVERRIDE;
            enum verdict v;
            if (fleet)
                v = (enum verdict)in->override[i];
            else if (j < in->nchecks && d->verdicts && j < d->nverdicts)
                v = (enum verdict)d->verdicts[j];
            else
                continue;
            if (v >= VERDICT_COUNT)
                continue;
            if (c->scope == CHECK_FLEET)
                v = fleet_waived(in, c, v, d->hostname, d->file);
            in->seen[i] = true;
            count_verdict(ms, a, device_name(d), c->id, v, fleet || c->scope == CHECK_FLEET);
        }
    }
    for (size_t i = 0; i < in->ndevs; i++)
        ms->ndevices += in->seen[i];
    if (ms->nfail)
        return MEASURE_NOT_MET;
    if (ms->nunknown || ms->nneeds_context)
        return MEASURE_PARTIAL;
    if (ms->npass || ms->nwaived)
        return MEASURE_MET;
    if (ms->nnot_applicable)
        return MEASURE_NOT_APPLICABLE;
    return NO_EVIDENCE;
}

static enum measure_status_kind from_attestation(const struct attestation *x)
{
    if (!x)
        return MEASURE_ATTESTATION_REQUIRED;
    switch (x->status) {
    case ATTEST_IMPLEMENTED:
        return MEASURE_MET;
    case ATTEST_PARTIAL:
        return MEASURE_PARTIAL;
    case ATTEST_NOT_IMPLEMENTED:
        return MEASURE_NOT_MET;
    case ATTEST_NOT_APPLICABLE:
    default:
        return MEASURE_NOT_APPLICABLE;
    }
}

/* Both halves of a hybrid measure must hold. */
static enum measure_status_kind combine(int tech, enum measure_status_kind att)
{
    if (att == MEASURE_NOT_APPLICABLE)
        return MEASURE_NOT_APPLICABLE;
    if (tech == NO_EVIDENCE || tech == MEASURE_NOT_APPLICABLE)
        return att;
    if (tech == MEASURE_NOT_MET || att == MEASURE_NOT_MET)
        return MEASURE_NOT_MET;
    if (att == MEASURE_ATTESTATION_REQUIRED)
        return MEASURE_ATTESTATION_REQUIRED;
    if (tech == MEASURE_MET && att == MEASURE_MET)
        return MEASURE_MET;
    return MEASURE_PARTIAL;
}

static void append(struct buf *b, const char *fmt, ...) TS_PRINTF(2, 3);
static void append(struct buf *b, const char *fmt, ...)
{
    va_list ap;
    if (b->len)
        buf_adds(b, "; ");
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

static void technical_reason(struct buf *b, const struct measure_status *ms, int tech)
{
    if (!ms->nchecks)
        return;
    if (tech == NO_EVIDENCE) {
        append(b, "%zu mapped check%s, no device evidence", ms->nchecks,
               ms->nchecks == 1 ? "" : "s");
        return;
    }
    if (ms->nfail)
        append(b, "%zu failed result%s on mapped checks", ms->nfail, ms->nfail == 1 ? "" : "s");
    if (ms->nunknown || ms->nneeds_context)
        append(b, "%zu result%s undecided (unknown or needs_context)",
               ms->nunknown + ms->nneeds_context,
               ms->nunknown + ms->nneeds_context == 1 ? "" : "s");
    if (ms->nwaived)
        append(b, "%zu failed result%s waived", ms->nwaived, ms->nwaived == 1 ? "" : "s");
    if (tech == MEASURE_MET && !ms->nwaived)
        append(b, "every device passes the %zu mapped check%s", ms->nchecks,
               ms->nchecks == 1 ? "" : "s");
    else if (tech == MEASURE_MET)
        append(b, "met with waivers");
    if (tech == MEASURE_NOT_APPLICABLE)
        append(b, "mapped checks not applicable on any device");
}

static void attestation_reason(struct buf *b, const struct measure_status *ms)
{
    char d1[11];
    if (ms->attestation) {
        const struct attestation *x = ms->attestation;
        if (x->has_date) {
            date_format(x->date, d1);
            append(b, "attested %s on %s", attest_status_name(x->status), d1);
        } else
            append(b, "attested %s", attest_status_name(x->status));
    } else if (ms->expired_attestation) {
        date_format(ms->expired_attestation->expires, d1);
        append(b, "attestation expired on %s", d1);
    } else
        append(b, "no current attestation");
}

static void evaluate_one(struct measure_status *ms, const struct measure *m, int tier,
                         const struct eval_input *in, struct arena *a)
{
    const struct attestations *at = in->at;
    int32_t as_of = in->as_of;
    ms->measure = m;
    ms->nchecks = compliance_checks_for(m, in->checks, in->nchecks, a, &ms->checks);
    int tech = technical_status(ms, in, a);
    ms->attestation = attest_current(at, m->id, as_of, &ms->expired_attestation);
    enum measure_status_kind att = from_attestation(ms->attestation);

    enum measure_kind kind = m->kind;
    if (kind == MEASURE_ATTESTATION && ms->nchecks)
        kind = MEASURE_HYBRID; /* checks evidence it after all: both must hold */
    else if (kind != MEASURE_ATTESTATION && !ms->nchecks)
        kind = MEASURE_ATTESTATION; /* nothing in the check table shows it */
    ms->kind_used = kind;

    enum measure_status_kind st;
    struct buf reason;
    buf_init(&reason, 1024);
    switch (kind) {
    case MEASURE_AUTOMATED:
        if (att == MEASURE_NOT_APPLICABLE)
            st = MEASURE_NOT_APPLICABLE;
        else if (tech == NO_EVIDENCE)
            st = ms->attestation ? att : MEASURE_ATTESTATION_REQUIRED;
        else
            st = (enum measure_status_kind)tech;
        technical_reason(&reason, ms, tech);
        if (ms->attestation || tech == NO_EVIDENCE)
            attestation_reason(&reason, ms);
        break;
    case MEASURE_HYBRID:
        st = combine(tech, att);
        technical_reason(&reason, ms, tech);
        attestation_reason(&reason, ms);
        break;
    case MEASURE_ATTESTATION:
    default:
        st = att;
        attestation_reason(&reason, ms);
        break;
    }
    if (kind != m->kind)
        append(&reason, "assessed as %s (catalogue says %s)", measure_kind_name(kind),
               measure_kind_name(m->kind));
    ms->assessed = st;

    /* The tier's deadline. */
    struct deadline none = {.applies = true};
    const struct deadline *dl =
        tier >= 1 && tier <= COMPLIANCE_TIERS ? &m->deadlines[tier - 1] : &none;
    ms->applies = dl->applies;
    ms->due_known = dl->applies && dl->known;
    ms->due = dl->date;
    ms->due_all_known = dl->applies && dl->all_known;
    ms->due_all = dl->date_all;
    ms->deadline_source = dl->source;
    ms->deadline_verified = dl->verified;
    ms->deadline_trigger = dl->trigger;
    char d1[11];
    if (!dl->applies) {
        ms->status = MEASURE_NOT_APPLICABLE;
        append(&reason, "tier %d: the Code is guidance only, not expected as such; would be %s",
               tier, measure_status_name(st));
    } else if (ms->due_known && as_of < dl->date) {
        ms->status = MEASURE_NOT_YET_DUE;
        date_format(dl->date, d1);
        append(&reason, "not yet due (due %s%s); would be %s", d1,
               dl->trigger ? " for new contracts" : "", measure_status_name(st));
    } else {
        ms->status = st;
        if (ms->due_known) {
            bool short_of = st == MEASURE_NOT_MET || st == MEASURE_PARTIAL ||
                            st == MEASURE_ATTESTATION_REQUIRED;
            ms->overdue = short_of;
            if (short_of) {
                date_format(dl->date, d1);
                append(&reason, "overdue since %s%s", d1, dl->trigger ? " (new contracts)" : "");
            }
        } else if (tier >= 1 && tier <= COMPLIANCE_TIERS)
            append(&reason, "deadline for tier %d unknown", tier);
        else
            append(&reason, "no tier set: deadlines not assessed");
    }
    ms->reason = arena_strdup(a, buf_cstr(&reason));
    buf_free(&reason);
}

static void count_into(struct status_counts *c, const struct measure_status *ms)
{
    c->total++;
    c->by_status[ms->status]++;
    c->overdue += ms->overdue;
}

static int cmp_due(const void *a, const void *b)
{
    const struct due_date *x = a, *y = b;
    return (x->date > y->date) - (x->date < y->date);
}

static void add_due(struct due_date *v, size_t *n, size_t cap, int32_t date, bool verified,
                    const char *id)
{
    for (size_t i = 0; i < *n; i++)
        if (v[i].date == date) {
            v[i].nmeasures++;
            v[i].verified &= verified;
            return;
        }
    if (*n < cap)
        v[(*n)++] = (struct due_date){date, 1, verified, id};
}

void compliance_evaluate_checks(const struct catalog *c, const struct attestations *at, int tier,
                                int32_t as_of, const struct check_def *const *checks,
                                size_t nchecks, const struct device_summary *devs, size_t ndevs,
                                const struct fleet_finding *ff, size_t nff, struct arena *a,
                                struct compliance_result *out)
{
    memset(out, 0, sizeof(*out));
    out->edition = c->edition;
    out->tier = tier;
    out->as_of = as_of;
    out->n = c->nmeasures;
    out->v = arena_alloc(a, (c->nmeasures ? c->nmeasures : 1) * sizeof(*out->v));
    for (size_t i = 0; i < ndevs; i++)
        out->ndevices += device_counts(&devs[i]);

    out->sections = arena_alloc(a, (c->nsections ? c->nsections : 1) * sizeof(*out->sections));
    out->nsections = c->nsections;
    for (size_t s = 0; s < c->nsections; s++) {
        out->sections[s].section = c->sections[s].number;
        out->sections[s].title = c->sections[s].title;
    }
    struct regulation_counts regs[100];
    bool reg_used[100] = {false};
    memset(regs, 0, sizeof(regs));

    struct eval_input in = {
        checks, nchecks, at, as_of, devs, ndevs, ff, nff, map_fleet(devs, ndevs, ff, nff, a),
        NULL,   NULL};
    in.override = xcalloc(ndevs + 1, sizeof(*in.override));
    in.seen = xcalloc(ndevs + 1, sizeof(*in.seen));

    /* Due dates: collect every distinct future date (bounded by 2 per measure). */
    size_t cap_due = 2 * c->nmeasures + 1;
    struct due_date *due = xcalloc(cap_due, sizeof(*due));
    size_t ndue = 0;

    for (size_t i = 0; i < c->nmeasures; i++) {
        struct measure_status *ms = &out->v[i];
        const struct measure *m = &c->measures[i];
        evaluate_one(ms, m, tier, &in, a);
        count_into(&out->totals, ms);
        for (size_t s = 0; s < out->nsections; s++)
            if (out->sections[s].section == m->section)
                count_into(&out->sections[s].counts, ms);
        bool seen[100] = {false};
        for (size_t r = 0; r < m->nregulations; r++) {
            int reg = regulation_number(m->regulations[r]);
            if (reg <= 0 || reg >= 100 || seen[reg])
                continue;
            seen[reg] = true;
            reg_used[reg] = true;
            regs[reg].regulation = reg;
            count_into(&regs[reg].counts, ms);
        }
        if (ms->applies && !ms->due_known)
            out->unknown_deadlines++;
        if (ms->due_known && ms->due > as_of)
            add_due(due, &ndue, cap_due, ms->due, ms->deadline_verified, m->id);
        if (ms->due_all_known && ms->due_all > as_of && (!ms->due_known || ms->due_all != ms->due))
            add_due(due, &ndue, cap_due, ms->due_all, ms->deadline_verified, m->id);
    }
    size_t nregs = 0;
    for (int r = 0; r < 100; r++)
        nregs += reg_used[r];
    out->regulations = arena_alloc(a, (nregs ? nregs : 1) * sizeof(*out->regulations));
    for (int r = 0; r < 100; r++)
        if (reg_used[r])
            out->regulations[out->nregulations++] = regs[r];

    free(in.override);
    free(in.seen);
    qsort(due, ndue, sizeof(*due), cmp_due);
    out->ndue_next = ndue < MAX_DUE_NEXT ? ndue : MAX_DUE_NEXT;
    out->due_next = arena_alloc(a, (out->ndue_next ? out->ndue_next : 1) * sizeof(*due));
    memcpy(out->due_next, due, out->ndue_next * sizeof(*due));
    free(due);

    if (at) {
        out->expired_waivers = arena_alloc(a, (at->nwaivers ? at->nwaivers : 1) * sizeof(void *));
        for (size_t w = 0; w < at->nwaivers; w++)
            if (!waiver_current(&at->waivers[w], as_of))
                out->expired_waivers[out->nexpired_waivers++] = &at->waivers[w];
        out->expired_attestations = arena_alloc(a, (at->n ? at->n : 1) * sizeof(void *));
        for (size_t k = 0; k < at->n; k++)
            if (at->v[k].has_expires && at->v[k].expires < as_of)
                out->expired_attestations[out->nexpired_attestations++] = &at->v[k];
    }
}
