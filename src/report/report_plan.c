/*
 * report_plan.c - the fix-once plan as text (`tsaudit plan`, `--format plan`,
 * `-o FILE.plan.txt`): one numbered action per remediation, ranked by
 * severity and then by the devices it closes, with the devices and the
 * commands to type. Nothing is written per device; the plan is filled by
 * report.c as devices stream past.
 */
#include "report/report_int.h"

#include <stdlib.h>

static int plan_open(struct report_writer *w)
{
    return 0;
}

static int plan_device(struct report_writer *w, const struct device_result *d)
{
    return 0;
}

static void write_names(FILE *f, const struct rpt_plan_group *g)
{
    fputs("   devices:", f);
    for (size_t i = 0; i < g->nnames; i++) {
        fputs(i ? ", " : " ", f);
        term_cstr(f, g->names[i]);
    }
    fputc('\n', f);
}

/* The remediation, indented, one line of the snippet a line. */
static void write_snippet(FILE *f, const char *text)
{
    if (!text || !*text) {
        fputs("   remediation: none recorded for this platform; see `tsaudit explain`\n", f);
        return;
    }
    fputs("   type:\n", f);
    const char *s = text;
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        char *line = xstrndup(s, n);
        fputs("     ", f);
        term_cstr(f, line);
        fputc('\n', f);
        free(line);
        s += n + (nl != NULL);
    }
}

static int plan_finish(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    struct rpt_plan *p = w->tally.plan;
    struct rpt_plan_group **ranked = rpt_plan_rank(p);
    size_t devices = w->tally.parsed + w->tally.partial;
    fprintf(f,
            "Fix-once plan: %zu action%s close%s %zu failed result%s on %zu audited device%s\n"
            "(one action per check and remediation; ranked by severity, then devices closed)\n",
            p->n, p->n == 1 ? "" : "s", p->n == 1 ? "s" : "", p->findings,
            p->findings == 1 ? "" : "s", devices, devices == 1 ? "" : "s");
    for (size_t i = 0; i < p->n; i++) {
        const struct rpt_plan_group *g = ranked[i];
        fprintf(f, "\n%zu. [%s] %s on %s: closes %zu failure%s (%zu evidence line%s)\n", i + 1,
                severity_name(g->check->severity), g->check->id, dialect_name(g->dialect),
                g->devices, g->devices == 1 ? "" : "s", g->evidence_lines,
                g->evidence_lines == 1 ? "" : "s");
        fputs("   ", f);
        term_cstr(f, g->check->title);
        fputc('\n', f);
        write_names(f, g);
        write_snippet(f, g->remediation);
    }
    size_t fleet = 0;
    for (size_t i = 0; i < e->nff; i++)
        fleet += e->ff[i].verdict == VERDICT_FAIL;
    if (fleet)
        fprintf(f,
                "\n%zu estate-wide finding%s (credentials shared between devices) %s not in the "
                "plan: each needs a new secret on every device that shares it.\n",
                fleet, fleet == 1 ? "" : "s", fleet == 1 ? "is" : "are");
    free(ranked);
    return 0;
}

const struct report_ops report_ops_plan = {
    .name = "plan",
    .open = plan_open,
    .device = plan_device,
    .finish = plan_finish,
};
