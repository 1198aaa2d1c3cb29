/*
 * measures.c - 'tsaudit measures': the Code's measures for a tier on a date,
 * with each measure's deadline (and whether a source backs it), the checks
 * that evidence it and a status from the attestations alone (no devices are
 * scanned here; 'tsaudit scan' gives the full status). Text, JSON or CSV.
 */
#include "cli/cli.h"
#include "compliance/compliance.h"

#include <stdlib.h>
#include <string.h>

static void measures_usage(FILE *out)
{
    fprintf(out, "usage: tsaudit measures [options]\n\n"
                 "List the Code of Practice measures with their section, regulations, kind,\n"
                 "deadline for the tier (with its source and whether it is verified), the\n"
                 "checks that evidence them, and a status.\n\n"
                 "No devices are scanned by this command: the status comes from the\n"
                 "attestations (--attest) alone, and measures that checks evidence show\n"
                 "which checks map to them; run 'tsaudit scan' for the status over devices.\n\n"
                 "  --tier 1|2|3        provider tier (default: the profile's; none = deadlines\n"
                 "                      not assessed). Tier 3 is guidance only: not_applicable\n"
                 "  --as-of YYYY-MM-DD  assessment date (default: the profile's, else today)\n"
                 "  --code 2022|2026    edition of the Code (default: the profile's, else newest)\n"
                 "  --section N         only measures of section N (1-21)\n"
                 "  --status S          only measures with status S: met, not_met, partial,\n"
                 "                      attestation_required, not_yet_due, not_applicable,\n"
                 "                      or 'overdue'\n"
                 "  --unverified        only measures whose deadline for the tier is unknown\n"
                 "                      or not backed by a cited source\n"
                 "  --catalog FILE      provider catalogue file adding or overriding measures\n"
                 "  --profile FILE      provider profile (tier, assessment date, edition)\n"
                 "  --attest FILE       attestations and waivers\n"
                 "  --format text|json|csv   output format (default: text)\n"
                 "  -h, --help          show this help\n\n"
                 "Exit status: 0 done, 2 bad usage or an input file with errors.\n");
}

/* JSON string; libyaml only hands out valid UTF-8, which passes through. */
static void jstr(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static void jdate(FILE *f, bool known, int32_t d)
{
    char b[11];
    if (!known) {
        fputs("null", f);
        return;
    }
    date_format(d, b);
    fprintf(f, "\"%s\"", b);
}

static void csv_field(FILE *f, const char *s)
{
    s = s ? s : "";
    bool quote =
        strpbrk(s, ",\"\r\n") != NULL || s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
    if (!quote) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')
        fputc('\'', f); /* keep spreadsheets from evaluating it */
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

enum out_format { OUT_TEXT, OUT_JSON, OUT_CSV };

struct measures_opts {
    int tier; /* -1 = not given */
    bool has_as_of;
    int32_t as_of;
    const char *code, *catalog, *profile, *attest;
    int section; /* 0 = all */
    bool has_status, only_overdue, unverified;
    enum measure_status_kind status;
    enum out_format format;
};

static bool selected(const struct measures_opts *o, const struct measure_status *ms)
{
    if (o->section && ms->measure->section != o->section)
        return false;
    if (o->only_overdue && !ms->overdue)
        return false;
    if (o->has_status && ms->status != o->status)
        return false;
    if (o->unverified && (!ms->applies || (ms->due_known && ms->deadline_verified)))
        return false;
    return true;
}

static void text_deadline(FILE *f, const struct measure_status *ms, int tier)
{
    char d[11];
    if (!ms->applies)
        fputs("guidance only", f);
    else if (tier < 1)
        fputs("no tier", f);
    else if (!ms->due_known)
        fputs("due unknown", f);
    else {
        date_format(ms->due, d);
        fprintf(f, "due %s%s", d, ms->deadline_verified ? "" : " (unverified)");
    }
}

static void print_text(FILE *f, const struct catalog *c, const struct compliance_result *r,
                       const struct measures_opts *o)
{
    char d[11];
    date_format(r->as_of, d);
    fprintf(f, "%s, edition %s (version %s)%s%s\n",
            cli_term(c->title ? c->title : "Code of Practice"), cli_term(c->edition),
            cli_term(c->version ? c->version : "?"), c->status ? ": " : "", cli_term(c->status));
    if (r->tier >= 1)
        fprintf(f, "Tier %d, as of %s. Status from attestations only (no devices scanned).\n\n",
                r->tier, d);
    else
        fprintf(f,
                "No tier given (deadlines not assessed), as of %s. Status from attestations "
                "only (no devices scanned).\n\n",
                d);
    int section = 0;
    size_t shown = 0;
    for (size_t i = 0; i < r->n; i++) {
        const struct measure_status *ms = &r->v[i];
        if (!selected(o, ms))
            continue;
        const struct measure *m = ms->measure;
        if (m->section != section) {
            section = m->section;
            fprintf(f, "%sSection %d: %s\n", shown ? "\n" : "", section,
                    cli_term(m->section_title));
        }
        shown++;
        fprintf(f, "  %-7s %-20s %-11s ", cli_term(m->id), measure_status_name(ms->status),
                measure_kind_name(m->kind));
        text_deadline(f, ms, r->tier);
        if (ms->overdue)
            fputs("  OVERDUE", f);
        fprintf(f, "\n          %s\n", cli_term(m->title));
        if (ms->nchecks) {
            fputs("          checks:", f);
            for (size_t k = 0; k < ms->nchecks; k++)
                fprintf(f, " %s", cli_term(ms->checks[k]->id));
            fputc('\n', f);
        }
        fprintf(f, "          %s\n", cli_term(ms->reason));
    }
    fprintf(f, "\n%zu of %zu measures shown.", shown, r->n);
    fprintf(f, " Totals:");
    for (int s = 0; s < MEASURE_STATUS_COUNT; s++)
        fprintf(f, " %s %zu%s", measure_status_name((enum measure_status_kind)s),
                r->totals.by_status[s], s + 1 < MEASURE_STATUS_COUNT ? "," : "");
    fprintf(f, "; overdue %zu.\n", r->totals.overdue);
    if (r->tier >= 1 && r->unknown_deadlines)
        fprintf(f,
                "%zu measures have no known deadline for tier %d (not retrieved from the "
                "Code; see 'tsaudit measures --unverified').\n",
                r->unknown_deadlines, r->tier);
    for (size_t i = 0; i < r->ndue_next; i++) {
        date_format(r->due_next[i].date, d);
        fprintf(f, "%s %s: %zu measure%s%s\n", i ? "        " : "Due next", d,
                r->due_next[i].nmeasures, r->due_next[i].nmeasures == 1 ? "" : "s",
                r->due_next[i].verified ? "" : " (unverified)");
    }
    for (size_t i = 0; i < r->nexpired_attestations; i++) {
        const struct attestation *x = r->expired_attestations[i];
        date_format(x->expires, d);
        fprintf(f, "Expired attestation: %s (%s, expired %s) no longer counts\n",
                cli_term(x->measure), attest_status_name(x->status), d);
    }
    for (size_t i = 0; i < r->nexpired_waivers; i++) {
        const struct waiver *w = r->expired_waivers[i];
        fprintf(f, "Expired waiver: %s on %s (expired %s) no longer applies\n", cli_term(w->check),
                cli_term(w->devices), cli_term(w->expires_text));
    }
    bool filtered = o->section || o->has_status || o->only_overdue || o->unverified;
    if (c->nnotes && !filtered) {
        fprintf(f, "\nAbout edition %s:\n", cli_term(c->edition));
        for (size_t i = 0; i < c->nnotes; i++) {
            const struct edition_note *n = &c->notes[i];
            fprintf(f, "  - [%s] %s%s%s%s\n", n->verified ? "verified" : "unverified",
                    cli_term(n->text), n->when ? " (" : "", cli_term(n->when), n->when ? ")" : "");
        }
    }
}

static void json_strings(FILE *f, const char **v, size_t n)
{
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fputc(',', f);
        jstr(f, v[i]);
    }
    fputc(']', f);
}

static void json_attestation(FILE *f, const struct attestation *x, bool expired)
{
    if (!x) {
        fputs("null", f);
        return;
    }
    fputs("{\"status\":", f);
    jstr(f, attest_status_name(x->status));
    fputs(",\"owner\":", f);
    jstr(f, x->owner);
    fputs(",\"evidence\":", f);
    jstr(f, x->evidence);
    fputs(",\"date\":", f);
    jdate(f, x->has_date, x->date);
    fputs(",\"expires\":", f);
    jdate(f, x->has_expires, x->expires);
    fprintf(f, ",\"expired\":%s}", expired ? "true" : "false");
}

static void print_json(FILE *f, const struct catalog *c, const struct compliance_result *r,
                       const struct measures_opts *o)
{
    fputs("{\"edition\":", f);
    jstr(f, c->edition);
    fputs(",\"version\":", f);
    jstr(f, c->version);
    fputs(",\"tier\":", f);
    if (r->tier >= 1)
        fprintf(f, "%d", r->tier);
    else
        fputs("null", f);
    fputs(",\"as_of\":", f);
    jdate(f, true, r->as_of);
    fputs(",\"devices_scanned\":0,\"measures\":[", f);
    bool first = true;
    for (size_t i = 0; i < r->n; i++) {
        const struct measure_status *ms = &r->v[i];
        if (!selected(o, ms))
            continue;
        const struct measure *m = ms->measure;
        fputs(first ? "\n{" : ",\n{", f);
        first = false;
        fputs("\"id\":", f);
        jstr(f, m->id);
        fprintf(f, ",\"section\":%d,\"section_title\":", m->section);
        jstr(f, m->section_title);
        fputs(",\"title\":", f);
        jstr(f, m->title);
        fputs(",\"regulations\":", f);
        json_strings(f, m->regulations, m->nregulations);
        fputs(",\"tags\":", f);
        json_strings(f, m->tags, m->ntags);
        fputs(",\"kind\":", f);
        jstr(f, measure_kind_name(m->kind));
        fprintf(f, ",\"applies\":%s,\"due\":", ms->applies ? "true" : "false");
        jdate(f, ms->due_known, ms->due);
        fputs(",\"due_all\":", f);
        jdate(f, ms->due_all_known, ms->due_all);
        fputs(",\"deadline_trigger\":", f);
        jstr(f, ms->deadline_trigger);
        fprintf(f, ",\"deadline_verified\":%s,\"deadline_source\":",
                ms->deadline_verified ? "true" : "false");
        jstr(f, ms->deadline_source);
        fputs(",\"status\":", f);
        jstr(f, measure_status_name(ms->status));
        fputs(",\"assessed\":", f);
        jstr(f, measure_status_name(ms->assessed));
        fprintf(f, ",\"overdue\":%s,\"checks\":[", ms->overdue ? "true" : "false");
        for (size_t k = 0; k < ms->nchecks; k++) {
            if (k)
                fputc(',', f);
            jstr(f, ms->checks[k]->id);
        }
        fputs("],\"attestation\":", f);
        if (ms->attestation)
            json_attestation(f, ms->attestation, false);
        else
            json_attestation(f, ms->expired_attestation, true);
        fputs(",\"reason\":", f);
        jstr(f, ms->reason);
        fputc('}', f);
    }
    fputs("\n],\"summary\":{", f);
    for (int s = 0; s < MEASURE_STATUS_COUNT; s++)
        fprintf(f, "\"%s\":%zu,", measure_status_name((enum measure_status_kind)s),
                r->totals.by_status[s]);
    fprintf(f, "\"overdue\":%zu,\"unknown_deadlines\":%zu},\"due_next\":[", r->totals.overdue,
            r->unknown_deadlines);
    for (size_t i = 0; i < r->ndue_next; i++) {
        fputs(i ? ",{\"date\":" : "{\"date\":", f);
        jdate(f, true, r->due_next[i].date);
        fprintf(f, ",\"measures\":%zu,\"verified\":%s}", r->due_next[i].nmeasures,
                r->due_next[i].verified ? "true" : "false");
    }
    fputs("],\"notes\":[", f);
    for (size_t i = 0; i < c->nnotes; i++) {
        const struct edition_note *n = &c->notes[i];
        fputs(i ? ",{\"topic\":" : "{\"topic\":", f);
        jstr(f, n->topic);
        fputs(",\"text\":", f);
        jstr(f, n->text);
        fputs(",\"when\":", f);
        jstr(f, n->when);
        fprintf(f, ",\"verified\":%s,\"source\":", n->verified ? "true" : "false");
        jstr(f, n->source);
        fputs(",\"measures\":", f);
        json_strings(f, n->measures, n->nmeasures);
        fputc('}', f);
    }
    fputs("]}\n", f);
}

static void print_csv(FILE *f, const struct compliance_result *r, const struct measures_opts *o)
{
    fputs("id,section,title,kind,status,overdue,due,deadline_verified,checks,attestation,reason\n",
          f);
    for (size_t i = 0; i < r->n; i++) {
        const struct measure_status *ms = &r->v[i];
        if (!selected(o, ms))
            continue;
        char d[11] = "";
        if (ms->due_known)
            date_format(ms->due, d);
        fprintf(f, "%s,%d,", ms->measure->id, ms->measure->section);
        csv_field(f, ms->measure->title);
        fprintf(f, ",%s,%s,%s,%s,%s,", measure_kind_name(ms->measure->kind),
                measure_status_name(ms->status), ms->overdue ? "yes" : "no",
                ms->applies ? (ms->due_known ? d : "unknown") : "n/a",
                ms->deadline_verified ? "yes" : "no");
        struct buf b;
        buf_init(&b, 0);
        for (size_t k = 0; k < ms->nchecks; k++)
            buf_printf(&b, "%s%s", k ? " " : "", ms->checks[k]->id);
        csv_field(f, buf_cstr(&b));
        buf_free(&b);
        fputc(',', f);
        fputs(ms->attestation           ? attest_status_name(ms->attestation->status)
              : ms->expired_attestation ? "expired"
                                        : "",
              f);
        fputc(',', f);
        csv_field(f, ms->reason);
        fputc('\n', f);
    }
}

static int parse_args(int argc, char **argv, struct measures_opts *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool takes = strcmp(a, "--tier") == 0 || strcmp(a, "--as-of") == 0 ||
                     strcmp(a, "--code") == 0 || strcmp(a, "--section") == 0 ||
                     strcmp(a, "--status") == 0 || strcmp(a, "--catalog") == 0 ||
                     strcmp(a, "--profile") == 0 || strcmp(a, "--attest") == 0 ||
                     strcmp(a, "--format") == 0;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            measures_usage(stdout);
            return 1;
        }
        if (strcmp(a, "--unverified") == 0) {
            o->unverified = true;
            continue;
        }
        if (!takes)
            return cli_usage_error("measures", "unknown option '%s'", a);
        if (!v)
            return cli_usage_error("measures", "%s needs a value", a);
        i++;
        long n;
        if (strcmp(a, "--tier") == 0) {
            if (!sv_to_long(sv_from_cstr(v), &n) || n < 1 || n > 3)
                return cli_usage_error("measures", "--tier must be 1, 2 or 3, not '%s'", v);
            o->tier = (int)n;
        } else if (strcmp(a, "--as-of") == 0) {
            if (!date_parse(v, &o->as_of))
                return cli_usage_error("measures", "--as-of needs a date YYYY-MM-DD, not '%s'", v);
            o->has_as_of = true;
        } else if (strcmp(a, "--code") == 0) {
            bool ok = false;
            for (const char *const *e = catalog_editions(); *e; e++)
                ok |= strcmp(*e, v) == 0;
            if (!ok)
                return cli_usage_error("measures", "--code must be 2022 or 2026, not '%s'", v);
            o->code = v;
        } else if (strcmp(a, "--section") == 0) {
            if (!sv_to_long(sv_from_cstr(v), &n) || n < 1 || n > 99)
                return cli_usage_error("measures", "--section needs a section number, not '%s'", v);
            o->section = (int)n;
        } else if (strcmp(a, "--status") == 0) {
            if (strcmp(v, "overdue") == 0)
                o->only_overdue = true;
            else if (measure_status_from_name(v, &o->status))
                o->has_status = true;
            else
                return cli_usage_error("measures", "unknown status '%s'", v);
        } else if (strcmp(a, "--catalog") == 0)
            o->catalog = v;
        else if (strcmp(a, "--profile") == 0)
            o->profile = v;
        else if (strcmp(a, "--attest") == 0)
            o->attest = v;
        else if (strcmp(a, "--format") == 0) {
            if (strcmp(v, "text") == 0)
                o->format = OUT_TEXT;
            else if (strcmp(v, "json") == 0)
                o->format = OUT_JSON;
            else if (strcmp(v, "csv") == 0)
                o->format = OUT_CSV;
            else
                return cli_usage_error("measures", "--format must be text, json or csv, not '%s'",
                                       v);
        }
    }
    return 0;
}

int cmd_measures(int argc, char **argv)
{
    struct measures_opts o = {.tier = -1};
    int rc = parse_args(argc, argv, &o);
    if (rc == 1)
        return EXIT_OK;
    if (rc)
        return rc;

    struct arena a;
    arena_init(&a);
    int status = EXIT_OK;
    struct profile prof;
    profile_init_empty(&prof);
    if (o.profile && profile_load(&prof, &a, o.profile) != 0)
        status = EXIT_INPUT;
    int tier = o.tier >= 1 ? o.tier : prof.tier;
    int32_t as_of = o.has_as_of ? o.as_of : prof.has_as_of ? prof.as_of : date_today();
    const char *code = o.code ? o.code : prof.code;

    struct catalog *c = NULL;
    if (catalog_load(&c, &a, code, o.catalog) != 0)
        status = EXIT_INPUT;
    if (!c) {
        arena_free(&a);
        return EXIT_INPUT;
    }
    struct attestations at;
    attest_init_empty(&at);
    if (o.attest && attest_load(&at, &a, o.attest) != 0)
        status = EXIT_INPUT;
    for (size_t i = 0; i < at.n; i++)
        if (!catalog_find(c, at.v[i].measure))
            diag_report(DIAG_WARNING, at.v[i].file, at.v[i].line,
                        "attestation for %s, which edition %s does not have", at.v[i].measure,
                        c->edition);

    struct compliance_result r;
    compliance_evaluate(c, &at, tier, as_of, NULL, 0, NULL, 0, &a, &r);
    switch (o.format) {
    case OUT_TEXT:
        print_text(stdout, c, &r, &o);
        break;
    case OUT_JSON:
        print_json(stdout, c, &r, &o);
        break;
    case OUT_CSV:
        print_csv(stdout, &r, &o);
        break;
    }
    if (fflush(stdout) != 0)
        status = EXIT_INTERNAL;
    arena_free(&a);
    return status;
}
