/*
 * log_facts.c - syslog severity thresholds shared by the extractors
 * (struct log_level in model.h): the level words of every dialect mapped
 * to the syslog scale, and the set/default/unknown builders.
 */
#include "model/extract.h"

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
