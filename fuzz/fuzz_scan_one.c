/*
 * fuzz_scan_one.c - the whole per-device pipeline on one buffer, as 'tsaudit
 * scan' runs it: detect, parse, extract the model, run every check
 * (built-in and a few user rules), apply waivers, fingerprint secrets (one
 * call: device_assess(), the pipeline every command shares) and
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

#include "assess/assess.h"
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

    /* The scan's per-device pipeline, as 'tsaudit scan' runs it. */
    struct cfg_limits tight_limits = cfg_default_limits;
    tight_limits.max_line_len = 256;
    tight_limits.max_depth = 8;
    tight_limits.max_nodes = 300;
    tight_limits.max_diags = 5;
    struct assess_options o = {.vendor = forced,
                               .profile = &fuzz_profile,
                               .as_of = 20000,
                               .salt = "salt",
                               .limits = tight ? &tight_limits : NULL};
    struct device_assessment d;
    device_assess(&o, "fuzz.cfg", "fuzz.cfg", buf, size, &d);
    const struct device_result *r = &d.result;
    if (d.model && !r->excluded) {
        size_t nchecks;
        checks_all(&nchecks);
        if (r->nresults != nchecks)
            abort();
        for (size_t i = 0; i < r->nresults; i++) {
            const struct check_result *c = &r->results[i];
            if ((unsigned)c->verdict >= VERDICT_COUNT)
                abort();
            for (uint32_t k = 0; k < c->nevidence; k++)
                if (c->evidence[k].line > d.tree->line_count + 1)
                    abort(); /* evidence names a line of this file */
        }
    }
    if (d.model)
        model_print_json(d.model, d.tree, false, fuzz_null);
    free(d.summary.fps);
    device_assessment_free(&d);
    free(buf);
    return 0;
}
