/*
 * report_text.c - the terminal summary: devices, verdicts by severity,
 * measures by status (overdue first), top failing checks, fleet findings
 * and the --fail-on gate line. Nothing is written per device (the scan
 * prints progress itself); everything comes at report_finish(). ANSI colour
 * only when run->color.
 */
#include "report/report_int.h"

enum colour { C_OFF, C_BOLD, C_DIM, C_RED, C_YELLOW, C_GREEN, C_CYAN, C_MAGENTA };

static const char *paint(const struct report_writer *w, enum colour c)
{
    static const char *const codes[] = {"\033[0m",  "\033[1m",  "\033[2m",  "\033[31m",
                                        "\033[33m", "\033[32m", "\033[36m", "\033[35m"};
    return w->run->color ? codes[c] : "";
}

static enum colour severity_colour(enum severity s)
{
    switch (s) {
    case SEV_CRITICAL:
        return C_MAGENTA;
    case SEV_HIGH:
        return C_RED;
    case SEV_MEDIUM:
        return C_YELLOW;
    default:
        return C_CYAN;
    }
}

/* How many items a list shows: a few on the terminal, every one in a file
 * (-o report.txt), where nothing should be left to "and N more". */
static size_t list_cap(const struct report_writer *w, size_t terminal)
{
    return w->af.tmp ? SIZE_MAX : terminal;
}

static int text_open(struct report_writer *w)
{
    return 0;
}

static int text_device(struct report_writer *w, const struct device_result *d)
{
    return 0;
}

static void label(struct report_writer *w, const char *l)
{
    fprintf(w->f, "%s%-10s%s", paint(w, C_BOLD), l, paint(w, C_OFF));
}

static void write_measures(struct report_writer *w, const struct compliance_result *cr)
{
    FILE *f = w->f;
    const struct status_counts *c = &cr->totals;
    label(w, "Measures");
    if (cr->tier)
        fprintf(f, "%zu for tier %d: ", c->total, cr->tier);
    else
        fprintf(f, "%zu (tier not set: deadlines unknown): ", c->total);
    fprintf(f, "%s%zu met%s, ", paint(w, C_GREEN), c->by_status[MEASURE_MET], paint(w, C_OFF));
    fprintf(f, "%s%zu not met%s", c->by_status[MEASURE_NOT_MET] ? paint(w, C_RED) : "",
            c->by_status[MEASURE_NOT_MET], c->by_status[MEASURE_NOT_MET] ? paint(w, C_OFF) : "");
    fprintf(f, ", %zu partly met, %zu need attestation, %zu not yet due, %zu not applicable",
            c->by_status[MEASURE_PARTIAL], c->by_status[MEASURE_ATTESTATION_REQUIRED],
            c->by_status[MEASURE_NOT_YET_DUE], c->by_status[MEASURE_NOT_APPLICABLE]);
    if (c->overdue)
        fprintf(f, "; %s%zu overdue%s", paint(w, C_RED), c->overdue, paint(w, C_OFF));
    fputc('\n', f);
    /* Overdue first, then the other measures that are not met. */
    size_t shown = 0, more = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < cr->n; i++) {
            const struct measure_status *s = &cr->v[i];
            bool want = pass == 0 ? s->overdue
                                  : (!s->overdue && (s->status == MEASURE_NOT_MET ||
                                                     s->status == MEASURE_PARTIAL));
            if (!want)
                continue;
            if (shown >= list_cap(w, 12)) {
                more++;
                continue;
            }
            char d[11];
            fprintf(f, "  %s%-8s%s %-20s %-10s ", s->overdue ? paint(w, C_RED) : paint(w, C_YELLOW),
                    s->measure->id, paint(w, C_OFF), measure_status_name(s->status),
                    s->overdue ? "OVERDUE" : (s->due_known ? rpt_date(s->due, d) : "due ?"));
            term_cstr(f, s->measure->title);
            if (s->nfail)
                fprintf(f, " %s[%zu failed]%s", paint(w, C_DIM), s->nfail, paint(w, C_OFF));
            fputc('\n', f);
            shown++;
        }
    if (more)
        fprintf(f, "  ... and %zu more (see the JSON or HTML report)\n", more);
    if (cr->ndue_next) {
        label(w, "Due next");
        for (size_t i = 0; i < cr->ndue_next; i++) {
            char d[11];
            fprintf(f, "%s%s: %zu measure%s%s", i ? ", " : "", rpt_date(cr->due_next[i].date, d),
                    cr->due_next[i].nmeasures, cr->due_next[i].nmeasures == 1 ? "" : "s",
                    cr->due_next[i].verified ? "" : " (unverified)");
        }
        fputc('\n', f);
    }
    if (cr->nexpired_waivers || cr->nexpired_attestations) {
        label(w, "Expired");
        fprintf(f, "%zu waiver%s, %zu attestation%s no longer count\n", cr->nexpired_waivers,
                cr->nexpired_waivers == 1 ? "" : "s", cr->nexpired_attestations,
                cr->nexpired_attestations == 1 ? "" : "s");
    }
    for (size_t i = 0; i < cr->warnings.n; i++) {
        label(w, i ? "" : "Warnings");
        term_cstr(f, cr->warnings.v[i]);
        fputc('\n', f);
    }
}

/* Which profile fields would turn needs_context verdicts into real ones. */
static void write_context(struct report_writer *w)
{
    const struct report_tally *t = &w->tally;
    size_t ncheck = 0;
    const struct check_def *const *all = rpt_checks(w, &ncheck);
    const char *fields[16];
    size_t counts[16], nf = 0, total = 0;
    for (size_t i = 0; i < t->ncheck && i < ncheck; i++) {
        if (!t->context_by_check[i])
            continue;
        total += t->context_by_check[i];
        const char *fld = all[i]->context ? all[i]->context : "(unnamed)";
        size_t k = 0;
        while (k < nf && strcmp(fields[k], fld))
            k++;
        if (k == nf && nf < ARRAY_SIZE(fields)) {
            fields[nf] = fld;
            counts[nf++] = 0;
        }
        if (k < nf)
            counts[k] += t->context_by_check[i];
    }
    if (!total)
        return;
    /* Most needed first. */
    for (size_t a = 0; a < nf; a++)
        for (size_t b = a + 1; b < nf; b++)
            if (counts[b] > counts[a]) {
                size_t c = counts[a];
                const char *x = fields[a];
                counts[a] = counts[b], fields[a] = fields[b];
                counts[b] = c, fields[b] = x;
            }
    label(w, "Context");
    fprintf(w->f, "%zu results need profile fields: ", total);
    for (size_t k = 0; k < nf && k < 5; k++) {
        fputs(k ? "; " : "", w->f);
        term_cstr(w->f, fields[k]);
        fprintf(w->f, " (%zu)", counts[k]);
    }
    if (nf > 5)
        fputs("; ...", w->f);
    fputc('\n', w->f);
}

static void write_top(struct report_writer *w)
{
    const struct report_tally *t = &w->tally;
    size_t ncheck = 0;
    const struct check_def *const *all = rpt_checks(w, &ncheck);
    bool *done = xcalloc(t->ncheck ? t->ncheck : 1, 1);
    bool header = false;
    for (size_t k = 0; k < list_cap(w, 8); k++) {
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < t->ncheck && i < ncheck; i++) {
            if (done[i] || !t->fail_by_check[i] || !report_filter_check(&w->run->filter, all[i]))
                continue;
            if (best == SIZE_MAX || all[i]->severity > all[best]->severity ||
                (all[i]->severity == all[best]->severity &&
                 t->fail_by_check[i] > t->fail_by_check[best]))
                best = i;
        }
        if (best == SIZE_MAX)
            break;
        done[best] = true;
        if (!header) {
            fprintf(w->f, "%sTop failing checks%s\n", paint(w, C_BOLD), paint(w, C_OFF));
            header = true;
        }
        const struct check_def *c = all[best];
        fprintf(w->f, "  %s%-8s%s %4zu device%s  %-24s ", paint(w, severity_colour(c->severity)),
                severity_name(c->severity), paint(w, C_OFF), t->fail_by_check[best],
                t->fail_by_check[best] == 1 ? " " : "s", c->id);
        term_cstr(w->f, c->title);
        fputc('\n', w->f);
    }
    free(done);
}

static void device_line(struct report_writer *w, const char *what, const struct rpt_unaudited *u)
{
    label(w, "");
    fputs(what, w->f);
    term_cstr(w->f, u->device);
    fputs(" - ", w->f);
    term_cstr(w->f, u->reason);
    fputc('\n', w->f);
}

/* The coverage sentence and every device not audited or excluded, with why. */
static void write_coverage(struct report_writer *w)
{
    const struct report_tally *t = &w->tally;
    struct buf b;
    buf_init(&b, 0);
    label(w, "Coverage");
    bool gap = rpt_audited(t) < t->devices - t->excluded;
    fprintf(w->f, "%s%s%s\n", gap ? paint(w, C_YELLOW) : "", rpt_coverage(t, &b),
            gap ? paint(w, C_OFF) : "");
    buf_free(&b);
    for (size_t i = 0; i < t->not_audited; i++)
        device_line(w, "not audited: ", &t->unaudited[i]);
    for (size_t i = 0; i < t->nexcluded_list; i++)
        device_line(w, "excluded: ", &t->excluded_list[i]);
}

static int text_finish(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    const struct report_run *run = w->run;
    const struct report_tally *t = &w->tally;
    char d[11];
    fprintf(f, "%stsaudit %s%s", paint(w, C_BOLD), run->tool_version ? run->tool_version : "",
            paint(w, C_OFF));
    if (run->provider_name) {
        fputs(" - ", f);
        term_cstr(f, run->provider_name);
    }
    if (run->tier)
        fprintf(f, ", tier %d", run->tier);
    else
        fputs(", tier not set", f);
    if (run->code_edition)
        fprintf(f, ", Code %s", run->code_edition);
    fprintf(f, ", as of %s\n", rpt_date(run->as_of, d));

    label(w, "Devices");
    fprintf(f, "%zu: %zu parsed, %s%zu partial%s, %s%zu unreadable%s, %zu excluded\n", t->devices,
            t->parsed, t->partial ? paint(w, C_YELLOW) : "", t->partial,
            t->partial ? paint(w, C_OFF) : "", t->unreadable ? paint(w, C_RED) : "", t->unreadable,
            t->unreadable ? paint(w, C_OFF) : "", t->excluded);

    if (t->nproblem_files) {
        label(w, "");
        fputs("unreadable or partial: ", f);
        for (size_t i = 0; i < t->nproblem_files; i++) {
            fputs(i ? ", " : "", f);
            term_cstr(f, t->problem_files[i]);
        }
        if (t->unreadable + t->partial > t->nproblem_files)
            fprintf(f, " and %zu more", t->unreadable + t->partial - t->nproblem_files);
        fputc('\n', f);
    }

    write_coverage(w);

    label(w, "Checks");
    fprintf(f,
            "%s%zu pass%s, %s%zu fail%s, %zu waived, %zu not applicable, %zu unknown, %zu needs "
            "context\n",
            paint(w, C_GREEN), t->by_verdict[VERDICT_PASS], paint(w, C_OFF),
            t->by_verdict[VERDICT_FAIL] ? paint(w, C_RED) : "", t->by_verdict[VERDICT_FAIL],
            t->by_verdict[VERDICT_FAIL] ? paint(w, C_OFF) : "", t->by_verdict[VERDICT_WAIVED],
            t->by_verdict[VERDICT_NOT_APPLICABLE], t->by_verdict[VERDICT_UNKNOWN],
            t->by_verdict[VERDICT_NEEDS_CONTEXT]);

    label(w, "Failures");
    for (int s = SEV_CRITICAL; s >= SEV_INFO; s--)
        fprintf(f, "%s%s%s %zu%s", s == SEV_CRITICAL ? "" : ", ",
                paint(w, severity_colour((enum severity)s)), severity_name((enum severity)s),
                t->fail_by_severity[s], paint(w, C_OFF));
    fputc('\n', f);

    if (report_filter_active(&run->filter)) {
        struct buf b;
        buf_init(&b, 0);
        report_filter_describe(&run->filter, &b);
        label(w, "Listed");
        fputs("only ", f);
        term_cstr(f, buf_cstr(&b));
        fputs(" (the reports list these; the counts above and the measures count "
              "every result)\n",
              f);
        buf_free(&b);
    }

    write_context(w);
    if (e->cr)
        write_measures(w, e->cr);
    write_top(w);

    if (e->nff) {
        fprintf(f,
                "%sFleet%s (findings across devices; each device's failure is counted once, in "
                "its own results above)\n",
                paint(w, C_BOLD), paint(w, C_OFF));
        size_t cap = list_cap(w, 10);
        for (size_t i = 0; i < e->nff && i < cap; i++) {
            const struct fleet_finding *x = &e->ff[i];
            fprintf(f, "  %-8s %-24s %zu devices: ", verdict_name(x->verdict),
                    x->check ? x->check->id : "?", x->ndevices);
            term_cstr(f, x->message);
            fputc('\n', f);
        }
        if (e->nff > cap)
            fprintf(f, "  ... and %zu more\n", e->nff - cap);
    }

    label(w, "Gate");
    if (run->fail_on >= SEV_COUNT) {
        fputs("--fail-on never: the exit status does not depend on findings\n", f);
    } else {
        size_t n = 0;
        for (int s = run->fail_on; s < SEV_COUNT; s++)
            n += t->listed_fail_by_severity[s];
        /* Fleet findings group failures every device involved already
         * counts in its own results: counted once, there. */
        if (n)
            fprintf(f, "%sFAIL%s --fail-on %s: %zu failed check%s at or above %s\n",
                    paint(w, C_RED), paint(w, C_OFF), severity_name(run->fail_on), n,
                    n == 1 ? "" : "s", severity_name(run->fail_on));
        else
            fprintf(f, "%sPASS%s --fail-on %s: no failed check at or above %s\n", paint(w, C_GREEN),
                    paint(w, C_OFF), severity_name(run->fail_on), severity_name(run->fail_on));
    }
    return ferror(f) ? -1 : 0;
}

const struct report_ops report_ops_text = {
    .name = "text",
    .open = text_open,
    .device = text_device,
    .finish = text_finish,
};
