/*
 * extract_fortios_rtg.c - routing-security facts of FortiOS for struct
 * rtg_facts: whether BGP neighbour changes are logged ("set
 * log-neighbour-changes" under config router bgp). checks.md gives no
 * FortiOS default, so an absent setting is unknown.
 */
#include "model/extract_rtg.h"

void frtg_bgp(struct device_model *m, const struct cfg_node *bgp)
{
    struct fact_bool *f = &m->rtg.bgp_log;
    for (const struct cfg_node *c = bgp->child; c; c = c->next) {
        struct sv s = cfg_text(c);
        if ((c->flags & CFG_INACTIVE) || !sv_starts_with_word(s, "set log-neighbour-changes"))
            continue;
        struct sv v = sv_token(s, 2);
        fact_set(f, v.p && sv_eq_cstr(v, "disable") ? FACT_OFF : FACT_ON, c);
        return;
    }
    fact_unknown(f, "no 'set log-neighbour-changes' and checks.md gives no FortiOS default; "
                    "'show full-configuration router bgp' tells");
}
