/*
 * log_facts.c - syslog severity thresholds shared by the extractors
 * (struct log_level in model.h): the level words of every dialect mapped
 * to the syslog scale, and the set/default/unknown builders; the fixed
 * sources of management protocols (LOG-SOURCE).
 */
#include "model/extract.h"

#include <string.h>

void log_level_set(struct log_level *l, int level, const struct cfg_node *n)
{
    l->known = true;
    l->level = level;
    l->is_default = false;
    l->why = NULL;
    fact_lines_add(&l->ev, n);
}

void log_level_default(struct log_level *l, int level, const char *note)
{
    l->known = true;
    l->level = level;
    l->is_default = true;
    l->why = note;
}

void log_level_unknown(struct log_level *l, const char *why)
{
    l->known = false;
    l->level = 7; /* no bound yet */
    l->is_default = false;
    l->why = why;
}

static const char *const level_names[8] = {"emergencies",   "alerts",   "critical",
                                           "errors",        "warnings", "notifications",
                                           "informational", "debugging"};

/* Other spellings of the same eight levels: Junos, SR OS, VRP, FortiOS, EOS. */
static const char *const level_alt[][8] = {
    {"emergency", "alert", "crit", "error", "warning", "notice", "info", "debug"},
    {"emerg", "alerts", "critical", "err", "warn", "notification", "information", "any"},
};

int log_level_parse(struct sv w)
{
    w = sv_unquote(w);
    if (w.n == 1 && w.p[0] >= '0' && w.p[0] <= '7')
        return w.p[0] - '0';
    for (int i = 0; i < 8; i++) {
        if (model_sv_ieq(w, level_names[i]))
            return i;
        for (size_t k = 0; k < ARRAY_SIZE(level_alt); k++)
            if (model_sv_ieq(w, level_alt[k][i]))
                return i;
    }
    return -1;
}

const char *log_level_name(int level)
{
    if (level >= 0 && level < 8)
        return level_names[level];
    return "off";
}

#define MAX_SOURCES 4096

struct mgmt_source *model_add_source(struct arena *a, struct device_model *m, const char *service,
                                     struct sv ifname, struct sv addr, const struct cfg_node *n)
{
    for (size_t i = 0; i < m->nmgmt_sources; i++)
        if (m->mgmt_sources[i].node == n && n && strcmp(m->mgmt_sources[i].service, service) == 0)
            return &m->mgmt_sources[i];
    if (m->nmgmt_sources >= MAX_SOURCES)
        return NULL;
    struct mgmt_source *s = MODEL_PUSH(a, m->mgmt_sources, m->nmgmt_sources);
    s->service = service;
    s->ifname = ifname.n ? model_strdup_unquoted(a, ifname) : NULL;
    s->addr = addr.n ? model_strdup_unquoted(a, addr) : NULL;
    s->node = n;
    return s;
}
