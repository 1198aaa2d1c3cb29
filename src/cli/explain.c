/*
 * explain.c - 'tsaudit explain ID': a check (title, severity, rationale, the
 * measures it evidences, the profile context it needs, remediation per
 * dialect) or a Code measure (summary, section, regulations, kind, deadline
 * per tier with source and verification, edition notes, its checks). All of
 * it comes from the check table and the catalogue, nothing is restated here.
 */
#include "cli/cli.h"
#include "compliance/compliance.h"
#include "rules/rules.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

static void explain_usage(FILE *out)
{
    fprintf(
        out,
        "usage: tsaudit explain [options] ID\n\n"
        "Explain a check (e.g. MGMT-TELNET) or a Code of Practice measure (e.g. M11.14).\n\n"
        "For a check: title, category, severity, rationale, the measures it evidences,\n"
        "the profile fields it needs and the remediation for each dialect.\n"
        "For a measure: its summary, section, regulations, assessment kind, deadline\n"
        "for each tier with its source and whether it is verified, notes from the\n"
        "editions and the checks that evidence it.\n\n"
        "  --code 2022|2026   edition of the Code (default: newest)\n"
        "  --catalog FILE     provider catalogue file adding or overriding measures\n"
        "  --rules PATH       user rules (file or folder) to explain beside the built-in checks\n"
        "  -h, --help         show this help\n\n"
        "Exit status: 0 done, 2 unknown ID, bad usage or a catalogue file with errors.\n");
}

static void print_deadline(const struct deadline *d, int tier)
{
    char a[11], b[11];
    printf("  tier %d: ", tier);
    if (!d->applies) {
        printf("does not apply%s%s\n", d->note ? ": " : "", cli_term(d->note));
        return;
    }
    if (!d->known)
        printf("unknown");
    else {
        date_format(d->date, a);
        if (d->trigger && d->all_known) {
            date_format(d->date_all, b);
            printf("new contracts from %s, all contracts from %s", a, b);
        } else
            printf("%s%s", a, d->trigger ? " (new contracts)" : "");
    }
    printf(" [%s]", d->verified ? "verified" : "unverified");
    if (d->source)
        printf(" source: %s", cli_term(d->source));
    putchar('\n');
    if (d->note)
        printf("          note: %s\n", cli_term(d->note));
}

static int explain_measure(const struct catalog *c, const struct measure *m, struct arena *a)
{
    printf("%s  %s\n", cli_term(m->id), cli_term(m->title));
    if (m->summary && strcmp(m->summary, m->title) != 0)
        printf("  %s\n", cli_term(m->summary));
    printf("\nCode of Practice edition %s, section %d: %s\n", cli_term(c->edition), m->section,
           cli_term(m->section_title));
    printf("Assessment: %s\n", measure_kind_name(m->kind));
    printf("Regulations (SI 2022/933):");
    if (!m->nregulations)
        printf(" none recorded");
    for (size_t i = 0; i < m->nregulations; i++)
        printf("%s %s", i ? ";" : "", cli_term(m->regulations[i]));
    putchar('\n');
    if (m->mapping_note)
        printf("  mapping note: %s\n", cli_term(m->mapping_note));
    if (m->ntags) {
        printf("Scope tags:");
        for (size_t i = 0; i < m->ntags; i++)
            printf(" %s", cli_term(m->tags[i]));
        putchar('\n');
    }
    printf("Deadlines:\n");
    for (int t = 1; t <= COMPLIANCE_TIERS; t++)
        print_deadline(&m->deadlines[t - 1], t);
    for (size_t i = 0; i < m->nnotes; i++) {
        const struct edition_note *n = &m->notes[i];
        printf("Edition %s note [%s]: %s", cli_term(n->edition),
               n->verified ? "verified" : "unverified", cli_term(n->text));
        if (n->source)
            printf(" (source: %s)", cli_term(n->source));
        putchar('\n');
    }
    size_t n;
    const struct check_def *const *all = checks_all(&n);
    const struct check_def **mine;
    size_t k = compliance_checks_for(m, all, n, a, &mine);
    printf("Checks evidencing it:%s\n", k ? "" : " none (assessed by attestation)");
    for (size_t i = 0; i < k; i++)
        printf("  %-24s %s\n", cli_term(mine[i]->id), cli_term(mine[i]->title));
    if (m->origin && strcmp(m->origin, "2022") != 0 && strcmp(m->origin, "2026") != 0)
        printf("Last changed by: %s\n", cli_term(m->origin));
    return EXIT_OK;
}

static int explain_check(const struct catalog *c, const struct check_def *d)
{
    printf("%s  %s\n", cli_term(d->id), cli_term(d->title));
    printf("\nCategory: %s\nSeverity: %s\nScope: %s\n", cli_term(d->category ? d->category : "-"),
           severity_name(d->severity),
           d->scope == CHECK_FLEET ? "fleet (across devices)" : "per device");
    if (d->source && strcmp(d->source, "builtin") != 0)
        printf("Defined in: %s\n", cli_term(d->source));
    if (d->rationale)
        printf("\nWhy: %s\n", cli_term(d->rationale));
    printf("\nMeasures evidenced:");
    if (!d->measures || !d->measures[0])
        printf(" none\n");
    else
        putchar('\n');
    for (const char *const *p = d->measures; p && *p; p++) {
        const struct measure *m = catalog_find(c, *p);
        printf("  %-7s %s\n", cli_term(*p),
               m ? cli_term(m->title) : "(not in this edition of the catalogue)");
    }
    printf("\nProfile context needed: %s\n", cli_term(d->context ? d->context : "none"));
    bool any = false;
    for (int i = 0; i < DIALECT_COUNT; i++) {
        if (!d->remediation[i])
            continue;
        if (!any)
            printf("\nRemediation:\n");
        any = true;
        printf("  %s:\n", i == DIALECT_UNKNOWN ? "any platform" : dialect_name(i));
        /* Config snippets span lines: indent every one. */
        for (const char *p = d->remediation[i]; *p;) {
            const char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            fputs("    ", stdout);
            term_write(stdout, p, n);
            putchar('\n');
            p += n + (e != NULL);
        }
    }
    if (!any)
        printf("\nRemediation: none recorded\n");
    return EXIT_OK;
}

/*
 * The id as the tables spell it: upper case, and a measure's serial with two
 * digits ("m2.3" -> "M2.03"). Writes into out.
 */
static const char *canonical_id(const char *id, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = id; *p && n + 1 < cap; p++)
        out[n++] = (char)toupper((unsigned char)*p);
    out[n] = '\0';
    int sec, ser, used = 0;
    if (out[0] == 'M' && sscanf(out, "M%d.%d%n", &sec, &ser, &used) == 2 && used == (int)n &&
        sec > 0 && sec < 100 && ser > 0 && ser < 100 && isdigit((unsigned char)out[1]))
        snprintf(out, cap, "M%d.%02d", sec, ser);
    return out;
}

/* Say the id is unknown, suggesting the nearest check or measure id. */
static int unknown_id(const struct catalog *c, const char *id, const char *canon, struct arena *a)
{
    size_t nchecks;
    const struct check_def *const *all = checks_all(&nchecks);
    const char **names = arena_alloc(a, (nchecks + c->nmeasures + 1) * sizeof(*names));
    size_t n = 0;
    for (size_t i = 0; i < nchecks; i++)
        names[n++] = all[i]->id;
    for (size_t i = 0; i < c->nmeasures; i++)
        names[n++] = c->measures[i].id;
    const char *near = cli_nearest(canon, names, n);
    if (measure_id_parse(canon, NULL, NULL))
        fprintf(stderr, "tsaudit explain: %s is not a measure of edition %s of the Code",
                cli_term(id), cli_term(c->edition));
    else
        fprintf(stderr, "tsaudit explain: no check or measure '%s'", cli_term(id));
    if (near)
        fprintf(stderr, "; did you mean %s?\n", cli_term(near));
    else
        fprintf(stderr, " (see 'tsaudit checks' and 'tsaudit measures')\n");
    return EXIT_INPUT;
}

int cmd_explain(int argc, char **argv)
{
    const char *id = NULL, *code = NULL, *catalog = NULL;
    const char *rules[64];
    size_t nrules = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            explain_usage(stdout);
            return EXIT_OK;
        }
        if (strcmp(a, "--code") == 0 || strcmp(a, "--catalog") == 0) {
            if (i + 1 >= argc)
                return cli_usage_error("explain", "%s needs a value", a);
            if (a[2] == 'c' && a[3] == 'o')
                code = argv[++i];
            else
                catalog = argv[++i];
            continue;
        }
        if (strcmp(a, "--rules") == 0) {
            if (i + 1 >= argc)
                return cli_usage_error("explain", "%s needs a value", a);
            if (nrules == ARRAY_SIZE(rules))
                return cli_usage_error("explain", "at most %zu --rules", ARRAY_SIZE(rules));
            rules[nrules++] = argv[++i];
            continue;
        }
        if (a[0] == '-' && a[1])
            return cli_usage_error("explain", "unknown option '%s'", a);
        if (id)
            return cli_usage_error("explain", "one ID at a time ('%s' and '%s')", id, a);
        id = a;
    }
    if (!id)
        return cli_usage_error("explain", "which check or measure? e.g. MGMT-TELNET or M11.14");
    if (code) {
        bool ok = false;
        for (const char *const *e = catalog_editions(); *e; e++)
            ok |= strcmp(*e, code) == 0;
        if (!ok)
            return cli_usage_error("explain", "--code must be 2022 or 2026, not '%s'", code);
    }
    struct arena a;
    arena_init(&a);
    struct catalog *c = NULL;
    int bad = catalog_load(&c, &a, code, catalog) != 0;
    for (size_t i = 0; i < nrules; i++)
        bad |= rules_load_path(&a, rules[i]) != 0;
    if (!c) {
        arena_free(&a);
        return EXIT_INPUT;
    }
    int rc;
    char canon[80];
    canonical_id(id, canon, sizeof(canon));
    const struct measure *m = catalog_find(c, id);
    if (!m)
        m = catalog_find(c, canon);
    const struct check_def *d = m ? NULL : check_find(id);
    if (!m && !d)
        d = check_find(canon);
    if (m)
        rc = explain_measure(c, m, &a);
    else if (d)
        rc = explain_check(c, d);
    else
        rc = unknown_id(c, id, canon, &a);
    if (bad && rc == EXIT_OK)
        rc = EXIT_INPUT;
    arena_free(&a);
    return rc;
}
