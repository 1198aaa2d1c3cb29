/*
 * fuzz_scan_one.c - the whole per-device pipeline on one buffer, as 'tsaudit
 * scan' runs it: detect, parse, extract the model, run every check
 * (built-in and a few user rules), apply waivers, fingerprint secrets and
 * print the model as JSON.
 *
 * The first byte chooses the dialect (its value modulo 10: 0 = detect from
 * the content, 1..9 = forced, so every dialect's extractor sees every
 * input) and, with its high bit, tight parser limits; the rest is the file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compliance/compliance.h"
#include "rules/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A profile with every field the checks compare against. */
static const char fuzz_profile_yaml[] =
    "provider: {name: Fuzz, tier: 1}\n"
    "networks:\n"
    "  paw: [10.9.0.0/24, 2001:db8:9::/48]\n"
    "  management: [10.0.0.0/8]\n"
    "  corporate: [172.16.0.0/12]\n"
    "approved:\n"
    "  ntp: [10.1.1.1]\n"
    "  syslog: [10.1.1.2]\n"
    "  aaa: [10.1.1.3]\n"
    "  snmp_managers: [10.1.2.0/24]\n"
    "  tunnels: [192.0.2.0/24]\n"
    "  mgmt_ports: [22, 830]\n"
    "accounts: {breakglass: [emergency], allowed: [svc]}\n"
    "own: {prefixes: [198.51.100.0/22], asns: [64500]}\n"
    "interfaces: {external_description: \"^(EXT|PEER)\"}\n"
    "policy: {idle_timeout_minutes: 10, banner_regex: \"(?i)authori[sz]ed\"}\n"
    "devices:\n"
    "  - {match: \"lab-*\", exclude: true}\n";

/* User rules exercising every condition kind over the fuzzed tree. */
static const char fuzz_rules_yaml[] =
    "rules:\n"
    "  - id: FUZZ-EXISTS\n"
    "    title: t\n"
    "    severity: low\n"
    "    condition: {exists: {match: '^(logging|syslog|set system syslog) ', top: true}}\n"
    "  - id: FUZZ-EVERY\n"
    "    title: t\n"
    "    severity: low\n"
    "    condition:\n"
    "      every: {match: '^(interface|port|edit) ', require: '(shutdown|description|set)'}\n"
    "  - id: FUZZ-COUNT\n"
    "    title: t\n"
    "    severity: low\n"
    "    condition: {count: {match: '(ntp|server)', ge: 2}}\n"
    "  - id: FUZZ-VALUE\n"
    "    title: t\n"
    "    severity: low\n"
    "    condition:\n"
    "      value: {match: 'timeout (\\d+)', capture: 1, le: 10}\n"
    "  - id: FUZZ-RANGES\n"
    "    title: t\n"
    "    severity: low\n"
    "    applies_if: {exists: {match: 'host'}}\n"
    "    condition:\n"
    "      all:\n"
    "        - in_ranges: {match: 'host (\\d+\\.\\d+\\.\\d+\\.\\d+)', profile: approved.syslog}\n"
    "        - none: [{absent: {path: 'line vty 0 4'}}]\n"
    "        - any: [{exists: {match: 'x', within: '^(system|config)'}}]\n";

static struct arena fuzz_run_arena;
static struct profile fuzz_profile;
static FILE *fuzz_null;

static void fuzz_init(void)
{
    diag_set_quiet(true);
    arena_init(&fuzz_run_arena);
    if (profile_load_buffer(&fuzz_profile, &fuzz_run_arena, "profile.yaml", fuzz_profile_yaml,
                            sizeof(fuzz_profile_yaml) - 1) != 0)
        abort();
    size_t loaded = 0;
    if (rules_load_buffer(&fuzz_run_arena, "rules.yaml", fuzz_rules_yaml,
                          sizeof(fuzz_rules_yaml) - 1, true, &loaded) != 0 ||
        loaded != 5)
        abort();
    fuzz_null = fopen("/dev/null", "w");
    if (!fuzz_null)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fuzz_null)
        fuzz_init();
    if (size < 1)
        return 0;
    enum dialect forced = (enum dialect)(data[0] % DIALECT_COUNT);
    bool tight = (data[0] & 0x80) != 0;
    size -= 1;
    char *buf = malloc(size ? size : 1);
    if (size)
        memcpy(buf, data + 1, size);

    struct arena a;
    arena_init(&a);
    struct detect_result det = {0};
    if (forced != DIALECT_UNKNOWN) {
        det.dialect = forced;
        det.form = detect_form(forced, buf, size);
    } else {
        detect_dialect(buf, size, &det);
    }
    struct cfg_tree *t = arena_alloc(&a, sizeof(*t));
    cfg_tree_init(t, &a, "fuzz.cfg", buf, size, det.dialect, det.form);
    if (tight) {
        t->limits.max_line_len = 256;
        t->limits.max_depth = 8;
        t->limits.max_nodes = 300;
        t->limits.max_diags = 5;
    }
    cfg_parse(t);
    if (t->dialect != DIALECT_UNKNOWN) {
        struct device_result r;
        memset(&r, 0, sizeof(r));
        r.file = r.relpath = "fuzz.cfg";
        r.dialect = t->dialect;
        r.form = t->form;
        r.partial = t->partial;
        struct device_model *m = arena_alloc(&a, sizeof(*m));
        model_extract(t, m);
        r.hostname = m->hostname ? m->hostname : "fuzz";
        struct check_ctx ctx = {.tree = t, .model = m, .profile = &fuzz_profile, .arena = &a};
        checks_run_device(&ctx, &r);
        size_t nchecks;
        checks_all(&nchecks);
        if (r.nresults != nchecks)
            abort();
        for (size_t i = 0; i < r.nresults; i++) {
            const struct check_result *c = &r.results[i];
            if ((unsigned)c->verdict >= VERDICT_COUNT)
                abort();
            for (uint32_t k = 0; k < c->nevidence; k++)
                if (c->evidence[k].line > t->line_count + 1)
                    abort(); /* evidence names a line of this file */
        }
        waivers_apply(NULL, 20000, &r);
        struct device_summary sum;
        memset(&sum, 0, sizeof(sum));
        checks_device_fingerprints(m, "salt", &sum);
        free(sum.fps);
        model_print_json(m, t, false, fuzz_null);
    }
    arena_free(&a);
    free(buf);
    return 0;
}
