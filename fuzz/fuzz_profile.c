/*
 * fuzz_profile.c - the provider profile loader: any input loads or yields
 * diagnostics, never crashes, and what loaded keeps the loader's promises
 * (prefixes valid, ports in range, device rules complete, regexes usable).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checks/checks.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_set_prefixes(const struct prefix_set *s)
{
    if (s->n && !s->present)
        abort();
    for (size_t i = 0; i < s->n; i++)
        if ((s->v[i].af != 4 && s->v[i].af != 6) || s->v[i].len > (s->v[i].af == 4 ? 32 : 128))
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diag_set_quiet(true);
    struct arena a;
    arena_init(&a);
    struct profile p;
    profile_load_buffer(&p, &a, "fuzz.yaml", (const char *)data, size);
    if (strlen(p.digest) != 64)
        abort();
    const struct prefix_set *sets[] = {&p.paw,           &p.management, &p.corporate,
                                       &p.ntp,           &p.syslog,     &p.aaa,
                                       &p.snmp_managers, &p.tunnels,    &p.own_prefixes};
    for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++)
        check_set_prefixes(sets[i]);
    for (size_t i = 0; i < p.nmgmt_ports; i++)
        if (p.mgmt_ports[i] < 1 || p.mgmt_ports[i] > 65535)
            abort();
    if (p.tier < 0 || p.tier > 3)
        abort();
    for (size_t i = 0; i < p.ndevices; i++)
        if (!p.devices[i].match || p.devices[i].tier < 0 || p.devices[i].tier > 3)
            abort();
    (void)profile_device_rule(&p, "edge-1", "estate/edge-1.cfg");
    if (p.banner_regex)
        (void)cfg_regex_match(p.banner_regex, (struct sv){"Authorised only", 15}, NULL, 0);
    if (p.external_description)
        (void)cfg_regex_match(p.external_description, (struct sv){"PEER: x", 7}, NULL, 0);
    arena_free(&a);
    return 0;
}
