/*
 * json.c - model_print_json(): the security model of one device as JSON
 * (`tsaudit facts`). Prints every field of struct device_model for any
 * dialect, each fact with its state, whether it is the platform default,
 * the reason when unknown, and the line numbers of the statements that
 * prove it. Secrets print as "<redacted:TYPE>" unless show_secrets. Strings
 * are escaped per RFC 8259; control characters become escapes and bytes
 * that are not valid UTF-8 become U+FFFD.
 */
#include "model/extract.h"

#include <string.h>

#define JW_MAX_DEPTH 32

struct jw {
    FILE *f;
    int depth;
    bool first[JW_MAX_DEPTH];
    bool show_secrets;
};

/* Length of a valid UTF-8 sequence at p (1-4), or 0 if invalid. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned min;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    unsigned cp = c & (len == 2 ? 0x1f : len == 3 ? 0x0f : 0x07);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

static void jw_escape(FILE *f, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    fputc('"', f);
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c == '"' || c == '\\') {
            fputc('\\', f);
            fputc((int)c, f);
            i++;
        } else if (c < 0x20 || c == 0x7f) {
            switch (c) {
            case '\n':
                fputs("\\n", f);
                break;
            case '\r':
                fputs("\\r", f);
                break;
            case '\t':
                fputs("\\t", f);
                break;
            case '\b':
                fputs("\\b", f);
                break;
            case '\f':
                fputs("\\f", f);
                break;
            default:
                fprintf(f, "\\u%04x", c);
                break;
            }
            i++;
        } else if (c < 0x80) {
            fputc((int)c, f);
            i++;
        } else {
            size_t l = utf8_len(p + i, n - i);
            if (l == 0) {
                fputs("\\ufffd", f);
                i++;
            } else {
                fwrite(p + i, 1, l, f);
                i += l;
            }
        }
    }
    fputc('"', f);
}

static void jw_indent(struct jw *w)
{
    fputc('\n', w->f);
    for (int i = 0; i < w->depth; i++)
        fputs("  ", w->f);
}

/* Separator and key before a value. */
static void jw_key(struct jw *w, const char *key)
{
    if (w->depth > 0) {
        if (!w->first[w->depth])
            fputc(',', w->f);
        w->first[w->depth] = false;
        jw_indent(w);
    }
    if (key) {
        jw_escape(w->f, key, strlen(key));
        fputs(": ", w->f);
    }
}

static void jw_open(struct jw *w, const char *key, char c)
{
    jw_key(w, key);
    fputc(c, w->f);
    if (w->depth + 1 < JW_MAX_DEPTH)
        w->depth++;
    w->first[w->depth] = true;
}

static void jw_close(struct jw *w, char c)
{
    bool empty = w->first[w->depth];
    if (w->depth > 0)
        w->depth--;
    if (!empty)
        jw_indent(w);
    fputc(c, w->f);
}

static void jw_str(struct jw *w, const char *key, const char *s)
{
    jw_key(w, key);
    if (s)
        jw_escape(w->f, s, strlen(s));
    else
        fputs("null", w->f);
}

static void jw_sv(struct jw *w, const char *key, struct sv s)
{
    jw_key(w, key);
    if (s.p)
        jw_escape(w->f, s.p, s.n);
    else
        fputs("null", w->f);
}

static void jw_long(struct jw *w, const char *key, long v)
{
    jw_key(w, key);
    fprintf(w->f, "%ld", v);
}

static void jw_bool(struct jw *w, const char *key, bool v)
{
    jw_key(w, key);
    fputs(v ? "true" : "false", w->f);
}

static void jw_line(struct jw *w, const char *key, const struct cfg_node *n)
{
    jw_key(w, key);
    if (n)
        fprintf(w->f, "%u", n->line);
    else
        fputs("null", w->f);
}

/* ------------------------------------------------------------ values */

static const char *state_name(enum fact_state s)
{
    return s == FACT_ON ? "on" : s == FACT_OFF ? "off" : "unknown";
}

static void jw_lines(struct jw *w, const char *key, const struct fact_lines *l)
{
    jw_key(w, key);
    fputc('[', w->f);
    for (uint8_t i = 0; i < l->n; i++)
        fprintf(w->f, "%s%u", i ? ", " : "", l->nodes[i]->line);
    fputc(']', w->f);
}

static void jw_fact(struct jw *w, const char *key, const struct fact_bool *f)
{
    jw_open(w, key, '{');
    jw_str(w, "state", state_name(f->state));
    jw_bool(w, "default", f->is_default);
    jw_str(w, "why", f->why);
    jw_lines(w, "lines", &f->ev);
    jw_close(w, '}');
}

/* A syslog threshold: its level name ("off", or null when unknown). */
static void jw_log_level(struct jw *w, const char *key, const struct log_level *l)
{
    jw_open(w, key, '{');
    jw_str(w, "level", l->known ? log_level_name(l->level) : NULL);
    if (!l->known && l->level < 7)
        jw_str(w, "at_most", log_level_name(l->level));
    jw_bool(w, "default", l->is_default);
    jw_str(w, "why", l->why);
    jw_lines(w, "lines", &l->ev);
    jw_close(w, '}');
}

static void jw_secret_value(struct jw *w, const char *key, enum secret_type type, struct sv v)
{
    if (type == SECRET_NONE) {
        jw_str(w, key, NULL);
    } else if (w->show_secrets && v.p) {
        jw_sv(w, key, v);
    } else {
        jw_key(w, key);
        fprintf(w->f, "\"<redacted:%s>\"", secret_type_name(type));
    }
}

static void jw_secret(struct jw *w, const char *key, const struct secret *s)
{
    jw_open(w, key, '{');
    jw_str(w, "type", secret_type_name(s->type));
    jw_secret_value(w, "value", s->type, s->value);
    jw_line(w, "line", s->type == SECRET_NONE && !s->node ? NULL : s->node);
    jw_close(w, '}');
}

static void jw_strings(struct jw *w, const char *key, const char *const *v, size_t n)
{
    jw_open(w, key, '[');
    for (size_t i = 0; i < n; i++)
        jw_str(w, NULL, v[i]);
    jw_close(w, ']');
}

static void jw_prefix(struct jw *w, const char *key, const struct ip_prefix *p)
{
    if (!p->af) {
        jw_str(w, key, NULL);
        return;
    }
    char buf[64];
    jw_str(w, key, ip_prefix_format(p, buf, sizeof(buf)));
}

static void jw_hosts(struct jw *w, const char *key, const struct host_ref *h, size_t n)
{
    jw_open(w, key, '[');
    for (size_t i = 0; i < n; i++) {
        jw_open(w, NULL, '{');
        jw_str(w, "host", h[i].host);
        jw_prefix(w, "address", &h[i].addr);
        jw_bool(w, "keyed", h[i].keyed);
        jw_bool(w, "tls", h[i].tls);
        jw_str(w, "vrf", h[i].vrf);
        jw_line(w, "line", h[i].node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

/* ------------------------------------------------------------ sections */

static void print_ssh(struct jw *w, const struct ssh_facts *s)
{
    jw_open(w, "ssh", '{');
    jw_fact(w, "enabled", &s->enabled);
    jw_fact(w, "v1_allowed", &s->v1_allowed);
    jw_long(w, "port", s->port);
    jw_strings(w, "ciphers", s->ciphers, s->nciphers);
    jw_strings(w, "macs", s->macs, s->nmacs);
    jw_strings(w, "kex", s->kex, s->nkex);
    jw_lines(w, "algorithm_lines", &s->algo_ev);
    jw_fact(w, "weak_ciphers", &s->weak_ciphers);
    jw_fact(w, "weak_macs", &s->weak_macs);
    jw_fact(w, "root_login", &s->root_login);
    jw_long(w, "idle_timeout_seconds", s->idle_timeout_seconds);
    jw_lines(w, "lines", &s->ev);
    jw_close(w, '}');
}

static void print_services(struct jw *w, const struct device_model *m)
{
    jw_open(w, "services", '[');
    for (size_t i = 0; i < m->nservices; i++) {
        const struct mgmt_service *s = &m->services[i];
        jw_open(w, NULL, '{');
        jw_str(w, "name", s->name);
        jw_bool(w, "cleartext", s->cleartext);
        jw_long(w, "port", s->port);
        jw_str(w, "acl", s->acl_name);
        jw_str(w, "vrf", s->vrf);
        jw_fact(w, "state", &s->state);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_open(w, "onbox", '[');
    for (size_t i = 0; i < m->nonbox; i++) {
        const struct onbox_item *o = &m->onbox[i];
        jw_open(w, NULL, '{');
        jw_str(w, "kind", o->kind);
        jw_str(w, "name", o->name);
        jw_bool(w, "risky", o->risky);
        jw_line(w, "line", o->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

static const char *line_kind_name(enum line_kind k)
{
    switch (k) {
    case LINE_VTY:
        return "vty";
    case LINE_CONSOLE:
        return "console";
    case LINE_AUX:
        return "aux";
    default:
        return "other";
    }
}

static void print_lines(struct jw *w, const struct device_model *m)
{
    jw_open(w, "lines", '[');
    for (size_t i = 0; i < m->nlines; i++) {
        const struct mgmt_line *l = &m->lines[i];
        jw_open(w, NULL, '{');
        jw_str(w, "name", l->name);
        jw_str(w, "kind", line_kind_name(l->kind));
        jw_fact(w, "telnet_in", &l->telnet_in);
        jw_fact(w, "ssh_in", &l->ssh_in);
        jw_fact(w, "outbound", &l->any_out);
        jw_fact(w, "login_disabled", &l->login_disabled);
        jw_long(w, "timeout_seconds", l->timeout_seconds);
        jw_bool(w, "timeout_is_default", l->timeout_is_default);
        jw_line(w, "timeout_line", l->timeout_node);
        jw_str(w, "acl_in", l->acl_in);
        jw_bool(w, "acl_defined", l->acl != NULL);
        jw_line(w, "transport_line", l->transport_node);
        jw_line(w, "line", l->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

static void print_acls(struct jw *w, const struct device_model *m)
{
    jw_open(w, "acls", '[');
    for (size_t i = 0; i < m->nacls; i++) {
        const struct acl *a = &m->acls[i];
        jw_open(w, NULL, '{');
        jw_str(w, "name", a->name);
        jw_line(w, "line", a->node);
        jw_bool(w, "default_permit", a->default_permit);
        jw_open(w, "entries", '[');
        for (size_t j = 0; j < a->n; j++) {
            const struct acl_entry *e = &a->entries[j];
            jw_open(w, NULL, '{');
            jw_str(w, "action", e->permit ? "permit" : "deny");
            if (e->src_any)
                jw_str(w, "source", "any");
            else if (e->unresolved)
                jw_str(w, "source", NULL);
            else
                jw_prefix(w, "source", &e->src);
            jw_bool(w, "unresolved", e->unresolved);
            if (e->dst_any)
                jw_str(w, "destination", "any");
            else if (e->dst.af)
                jw_prefix(w, "destination", &e->dst);
            else
                jw_str(w, "destination", NULL);
            jw_bool(w, "destination_unresolved", e->dst_unresolved);
            jw_bool(w, "matches_all", e->matches_all);
            jw_bool(w, "not_mgmt", e->not_mgmt);
            jw_bool(w, "log", e->log);
            jw_line(w, "line", e->node);
            jw_close(w, '}');
        }
        jw_close(w, ']');
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_open(w, "mgmt_paths", '[');
    for (size_t i = 0; i < m->nmgmt_paths; i++) {
        const struct mgmt_path *p = &m->mgmt_paths[i];
        jw_open(w, NULL, '{');
        jw_str(w, "service", p->service);
        jw_str(w, "acl", p->acl_name);
        jw_bool(w, "acl_undefined", p->acl_undefined);
        jw_line(w, "line", p->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

static const char *aaa_proto_name(enum aaa_proto p)
{
    switch (p) {
    case AAA_TACACS:
        return "tacacs+";
    case AAA_RADIUS:
        return "radius";
    case AAA_LDAP:
        return "ldap";
    default:
        return "other";
    }
}

static void print_aaa(struct jw *w, const struct device_model *m)
{
    const struct aaa_facts *a = &m->aaa;
    jw_open(w, "aaa", '{');
    jw_fact(w, "central_login", &a->central_login);
    jw_fact(w, "local_fallback", &a->local_fallback);
    jw_fact(w, "accounting_exec", &a->accounting_exec);
    jw_fact(w, "accounting_commands", &a->accounting_cmds);
    jw_fact(w, "authorization_commands", &a->authz_cmds);
    jw_fact(w, "outbound_commands", &a->outbound_cmds);
    jw_open(w, "servers", '[');
    for (size_t i = 0; i < a->nservers; i++) {
        const struct aaa_server *s = &a->servers[i];
        jw_open(w, NULL, '{');
        jw_str(w, "protocol", aaa_proto_name(s->proto));
        jw_str(w, "host", s->host);
        jw_prefix(w, "address", &s->addr);
        jw_secret(w, "key", &s->key);
        jw_line(w, "line", s->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_lines(w, "lines", &a->ev);
    jw_close(w, '}');

    jw_open(w, "accounts", '[');
    for (size_t i = 0; i < m->naccounts; i++) {
        const struct account *ac = &m->accounts[i];
        jw_open(w, NULL, '{');
        jw_str(w, "name", ac->name);
        jw_long(w, "privilege", ac->privilege);
        jw_str(w, "role", ac->role);
        jw_secret(w, "secret", &ac->secret);
        jw_bool(w, "ssh_key", ac->has_ssh_key);
        jw_bool(w, "blank_password", ac->blank_password);
        jw_bool(w, "factory", ac->factory);
        jw_line(w, "line", ac->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_secret(w, "enable", &m->enable);
    jw_open(w, "other_secrets", '[');
    for (size_t i = 0; i < m->nother_secrets; i++) {
        jw_open(w, NULL, '{');
        jw_str(w, "kind", m->other_secret_kinds ? m->other_secret_kinds[i] : NULL);
        jw_str(w, "type", secret_type_name(m->other_secrets[i].type));
        jw_secret_value(w, "value", m->other_secrets[i].type, m->other_secrets[i].value);
        jw_line(w, "line", m->other_secrets[i].node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

static void print_snmp_ntp_log(struct jw *w, const struct device_model *m)
{
    const struct snmp_facts *s = &m->snmp;
    jw_open(w, "snmp", '{');
    jw_fact(w, "enabled", &s->enabled);
    jw_open(w, "communities", '[');
    for (size_t i = 0; i < s->ncommunities; i++) {
        const struct snmp_community *c = &s->communities[i];
        jw_open(w, NULL, '{');
        jw_str(w, "type", secret_type_name(c->name.type));
        jw_secret_value(w, "name", c->name.type, c->name.value);
        jw_bool(w, "write", c->write);
        jw_str(w, "acl", c->acl_name);
        jw_bool(w, "acl_defined", c->acl != NULL);
        jw_line(w, "line", c->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_open(w, "users", '[');
    for (size_t i = 0; i < s->nusers; i++) {
        const struct snmp_user *u = &s->users[i];
        jw_open(w, NULL, '{');
        jw_str(w, "name", u->name);
        jw_str(w, "auth", u->auth);
        jw_str(w, "priv", u->priv);
        jw_str(w, "acl", u->acl_name);
        jw_line(w, "line", u->node);
        jw_lines(w, "protocol_lines", &u->ev);
        jw_str(w, "role", u->role);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_strings(w, "trap_hosts", s->trap_hosts, s->ntrap_hosts);
    jw_lines(w, "v3_write_groups", &s->v3_write);
    jw_close(w, '}');

    jw_open(w, "ntp", '{');
    jw_hosts(w, "servers", m->ntp.servers, m->ntp.nservers);
    jw_fact(w, "authentication", &m->ntp.auth_enabled);
    jw_lines(w, "lines", &m->ntp.ev);
    jw_close(w, '}');

    const struct logging_facts *l = &m->logging;
    jw_open(w, "logging", '{');
    jw_hosts(w, "hosts", l->hosts, l->nhosts);
    jw_fact(w, "login_events", &l->login_events);
    jw_fact(w, "config_changes", &l->config_changes);
    jw_fact(w, "suppressed", &l->suppressed);
    jw_fact(w, "policy_denies", &l->policy_denies);
    jw_str(w, "trap_level", l->trap_level);
    jw_lines(w, "lines", &l->ev);
    jw_log_level(w, "remote_level", &l->remote_level);
    jw_log_level(w, "console_level", &l->console_level);
    jw_line(w, "ntp_unlisted_servers_line", m->ntp_unlisted);
    jw_open(w, "sources", '[');
    for (size_t i = 0; i < m->nmgmt_sources; i++) {
        const struct mgmt_source *src = &m->mgmt_sources[i];
        jw_open(w, NULL, '{');
        jw_str(w, "service", src->service);
        jw_str(w, "interface", src->ifname);
        jw_str(w, "address", src->addr);
        jw_str(w, "vrf", src->vrf);
        jw_bool(w, "by_design", src->by_design);
        jw_str(w, "note", src->note);
        jw_line(w, "line", src->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

/* Routing security (struct rtg_facts): BGP logging, MPLS/LDP, FHRP, keys, RPKI. */
static void print_rtg(struct jw *w, const struct device_model *m)
{
    const struct rtg_facts *r = &m->rtg;
    jw_open(w, "routing_security", '{');
    jw_fact(w, "bgp_log_neighbor_changes", &r->bgp_log);
    jw_line(w, "mpls_line", r->mpls_node);
    jw_line(w, "ldp_line", r->ldp_node);
    jw_fact(w, "ldp_auth", &r->ldp_auth);
    jw_str(w, "mpls_edge", r->pe_why);
    jw_line(w, "mpls_edge_line", r->pe_node);
    jw_fact(w, "ttl_propagate", &r->ttl_propagate);
    jw_open(w, "fhrp", '[');
    for (size_t i = 0; i < r->nfhrp; i++) {
        const struct fhrp_group *g = &r->fhrp[i];
        jw_open(w, NULL, '{');
        jw_str(w, "protocol", g->proto);
        jw_str(w, "interface", g->ifname);
        jw_str(w, "group", g->group);
        jw_str(w, "auth", rtg_auth_name(g->auth));
        jw_str(w, "why", g->why);
        jw_line(w, "line", g->node);
        jw_line(w, "auth_line", g->auth_node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_open(w, "keys", '[');
    for (size_t i = 0; i < r->nkeys; i++) {
        const struct rtg_key *k = &r->keys[i];
        jw_open(w, NULL, '{');
        jw_str(w, "chain", k->chain);
        jw_str(w, "id", k->id);
        jw_long(w, "send_days", k->send_days);
        jw_long(w, "accept_days", k->accept_days);
        jw_long(w, "since_day", k->since_day);
        jw_str(w, "why", k->why);
        jw_line(w, "line", k->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_hosts(w, "rpki_caches", r->rpki_caches, r->nrpki_caches);
    jw_fact(w, "rov_reject_invalid", &r->rov_reject);
    jw_close(w, '}');
}

static void print_routing(struct jw *w, const struct device_model *m)
{
    const struct bgp_facts *b = &m->bgp;
    jw_open(w, "bgp", '{');
    jw_bool(w, "configured", b->configured);
    jw_long(w, "local_as", b->local_as);
    jw_line(w, "line", b->node);
    jw_open(w, "neighbors", '[');
    for (size_t i = 0; i < b->nneighbors; i++) {
        const struct bgp_neighbor *nb = &b->neighbors[i];
        jw_open(w, NULL, '{');
        jw_str(w, "address", nb->addr);
        jw_str(w, "vrf", nb->vrf);
        jw_str(w, "group", nb->group);
        jw_long(w, "remote_as", nb->remote_as);
        jw_bool(w, "ebgp", nb->ebgp);
        jw_bool(w, "shutdown", nb->shutdown);
        jw_fact(w, "auth", &nb->auth);
        jw_str(w, "auth_type", secret_type_name(nb->auth_type));
        jw_secret(w, "key", &nb->key);
        jw_fact(w, "gtsm", &nb->gtsm);
        jw_fact(w, "max_prefix", &nb->max_prefix);
        jw_str(w, "in_policy", nb->in_policy);
        jw_str(w, "out_policy", nb->out_policy);
        jw_line(w, "line", nb->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');

    jw_open(w, "igps", '[');
    for (size_t i = 0; i < m->nigps; i++) {
        const struct igp_instance *g = &m->igps[i];
        jw_open(w, NULL, '{');
        jw_str(w, "protocol", g->proto);
        jw_str(w, "name", g->name);
        jw_fact(w, "auth", &g->auth);
        jw_line(w, "line", g->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

static void print_interfaces(struct jw *w, const struct device_model *m)
{
    jw_open(w, "interfaces", '[');
    for (size_t i = 0; i < m->ninterfaces; i++) {
        const struct interface *f = &m->interfaces[i];
        jw_open(w, NULL, '{');
        jw_str(w, "name", f->name);
        jw_str(w, "description", f->description);
        jw_bool(w, "shutdown", f->shutdown);
        jw_bool(w, "loopback", f->is_loopback);
        jw_bool(w, "tunnel", f->is_tunnel);
        jw_bool(w, "management", f->is_mgmt);
        jw_bool(w, "has_ip", f->has_ip);
        jw_fact(w, "urpf", &f->urpf);
        jw_str(w, "acl_in", f->acl_in);
        jw_str(w, "acl_out", f->acl_out);
        jw_str(w, "acl6_in", f->acl6_in);
        jw_open(w, "addresses", '[');
        for (size_t k = 0; k < f->naddrs; k++)
            jw_prefix(w, NULL, &f->addrs[k]);
        jw_close(w, ']');
        jw_bool(w, "address_learned", f->addr_unwritten);
        jw_fact(w, "proxy_arp", &f->proxy_arp);
        jw_fact(w, "redirects", &f->redirects);
        jw_fact(w, "unreachables", &f->unreachables);
        jw_fact(w, "directed_broadcast", &f->directed_broadcast);
        jw_fact(w, "discovery", &f->discovery);
        jw_str(w, "tunnel_destination", f->tunnel_dest);
        jw_line(w, "tunnel_destination_line", f->tunnel_dest_node);
        jw_str(w, "tunnel_mode", f->tunnel_mode);
        jw_str(w, "vrf", m->ports.iface_vrf ? m->ports.iface_vrf[i] : NULL);
        jw_line(w, "line", f->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');

    jw_open(w, "security_zones", '[');
    for (size_t i = 0; i < m->nzones; i++) {
        const struct security_zone *z = &m->zones[i];
        jw_open(w, NULL, '{');
        jw_str(w, "name", z->name);
        jw_fact(w, "self_traffic_denied", &z->self_denied);
        jw_open(w, "interfaces", '[');
        for (size_t j = 0; j < z->nmembers; j++) {
            jw_open(w, NULL, '{');
            jw_str(w, "name", z->members[j].name);
            jw_str(w, "admitted", z->members[j].admitted);
            jw_line(w, "admitted_line", z->members[j].admit_node);
            jw_line(w, "line", z->members[j].node);
            jw_close(w, '}');
        }
        jw_close(w, ']');
        jw_line(w, "line", z->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');

    jw_open(w, "mirrors", '[');
    for (size_t i = 0; i < m->nmirrors; i++) {
        const struct mirror_session *s = &m->mirrors[i];
        jw_open(w, NULL, '{');
        jw_str(w, "kind", s->kind);
        jw_str(w, "destination", s->destination);
        jw_bool(w, "remote", s->remote);
        jw_line(w, "line", s->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');

    jw_open(w, "ipsec", '[');
    for (size_t i = 0; i < m->nipsec; i++) {
        const struct ipsec_policy *p = &m->ipsec[i];
        jw_open(w, NULL, '{');
        jw_str(w, "name", p->name);
        jw_str(w, "encryption", p->encryption);
        jw_str(w, "integrity", p->integrity);
        jw_str(w, "dh_group", p->dh_group);
        jw_bool(w, "weak", p->weak);
        jw_str(w, "unknown", p->unknown);
        jw_line(w, "line", p->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');

    jw_open(w, "vpn_peers", '[');
    for (size_t i = 0; i < m->nvpn_peers; i++) {
        const struct vpn_peer *p = &m->vpn_peers[i];
        jw_open(w, NULL, '{');
        jw_str(w, "name", p->name);
        jw_str(w, "peer", p->peer);
        jw_line(w, "line", p->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');

    jw_open(w, "banners", '[');
    for (size_t i = 0; i < m->nbanners; i++) {
        const struct banner *b = &m->banners[i];
        jw_open(w, NULL, '{');
        jw_str(w, "kind", b->kind);
        jw_sv(w, "text", b->text);
        jw_line(w, "line", b->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
}

/* Physical ports left unused and not shut (DATA-UNUSED-INTERFACES). */
static void print_ports(struct jw *w, const struct port_facts *p)
{
    jw_open(w, "ports", '{');
    jw_bool(w, "judged", p->judged);
    jw_long(w, "physical", (long)p->nphysical);
    jw_str(w, "unlisted", p->unlisted);
    jw_open(w, "idle", '[');
    for (size_t i = 0; i < p->nidle; i++) {
        const struct idle_port *ip = &p->idle[i];
        jw_open(w, NULL, '{');
        jw_str(w, "name", ip->name);
        jw_str(w, "up", state_name(ip->up));
        jw_str(w, "why", ip->why);
        jw_line(w, "line", ip->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

static void print_legacy(struct jw *w, const struct legacy_facts *l)
{
    jw_open(w, "legacy", '{');
    jw_fact(w, "small_servers", &l->small_servers);
    jw_fact(w, "finger", &l->finger);
    jw_fact(w, "bootp_server", &l->bootp_server);
    jw_fact(w, "dhcp_server", &l->dhcp_server);
    jw_fact(w, "pad", &l->pad);
    jw_fact(w, "source_route", &l->source_route);
    jw_fact(w, "identd", &l->identd);
    jw_fact(w, "http_client_insecure", &l->http_client_insecure);
    jw_fact(w, "ip_domain_lookup", &l->ip_domain_lookup);
    jw_fact(w, "gratuitous_arps", &l->gratuitous_arps);
    jw_fact(w, "config_service", &l->config_service);
    jw_fact(w, "mop", &l->mop);
    jw_fact(w, "directed_broadcast", &l->directed_broadcast);
    jw_fact(w, "proxy_arp", &l->proxy_arp);
    jw_fact(w, "redirects", &l->redirects);
    jw_fact(w, "smart_install", &l->smart_install);
    jw_fact(w, "discovery", &l->discovery);
    jw_fact(w, "service_password_encryption", &l->service_password_encryption);
    jw_fact(w, "secret_encryption", &l->secret_encryption);
    jw_fact(w, "password_policy", &l->password_policy);
    jw_close(w, '}');
}

/* A number with its statement: {"value": N, "default": b, "line": L}. */
static void jw_access_num(struct jw *w, const char *key, const struct access_num *v)
{
    jw_open(w, key, '{');
    jw_long(w, "value", v->value);
    jw_bool(w, "default", v->is_default);
    jw_line(w, "line", v->node);
    jw_close(w, '}');
}

/* Session limits, auto-configuration, lockout and password policy. */
/* Flow export: collectors, the interfaces that sample (by their lines). */
static void print_flow(struct jw *w, const struct flow_facts *f)
{
    if (!f->read)
        return;
    jw_open(w, "flow", '{');
    jw_hosts(w, "collectors", f->collectors, f->ncollectors);
    jw_open(w, "sampling_interfaces", '[');
    for (size_t i = 0; i < f->napplied; i++)
        jw_line(w, NULL, f->applied[i]);
    jw_close(w, ']');
    jw_line(w, "all_interfaces", f->all_interfaces);
    jw_close(w, '}');
}

static void print_access(struct jw *w, const struct access_facts *a)
{
    jw_open(w, "access", '{');
    jw_fact(w, "ztp", &a->ztp);
    jw_access_num(w, "max_sessions", &a->max_sessions);
    jw_bool(w, "max_sessions_from_lines", a->max_sessions_from_lines);
    jw_access_num(w, "session_rate", &a->session_rate);
    jw_str(w, "sessions_why", a->sessions_why);
    /* lockout_seconds: 0 = the session is only cut, -2 = until cleared */
    jw_access_num(w, "lockout_attempts", &a->lockout_attempts);
    jw_access_num(w, "lockout_seconds", &a->lockout_seconds);
    jw_str(w, "lockout_why", a->lockout_why);
    jw_access_num(w, "password_min_length", &a->pwd_min_length);
    jw_fact(w, "password_complexity", &a->pwd_complexity);
    jw_str(w, "password_why", a->pwd_why);
    jw_close(w, '}');
}

/* "coverage": {"statements": N, "understood": M}, or null when not measured. */
static void print_coverage(struct jw *w, const struct device_model *m)
{
    if (!m->coverage.statements) {
        jw_str(w, "coverage", NULL);
        return;
    }
    jw_open(w, "coverage", '{');
    jw_long(w, "statements", (long)m->coverage.statements);
    jw_long(w, "understood", (long)m->coverage.understood);
    jw_close(w, '}');
}

static void print_cloud_rule(struct jw *w, const struct cloud_rule *r)
{
    jw_open(w, NULL, '{');
    jw_long(w, "group", (long)r->group);
    jw_str(w, "name", r->name);
    jw_str(w, "direction", r->ingress ? "ingress" : "egress");
    jw_str(w, "action", r->allow ? "allow" : "deny");
    jw_long(w, "priority", r->priority);
    jw_long(w, "protocol", r->proto);
    jw_long(w, "port_from", r->port_lo);
    jw_long(w, "port_to", r->port_hi);
    jw_bool(w, "provider_default", r->provider_default);
    jw_bool(w, "disabled", r->disabled);
    jw_bool(w, "logged", r->log);
    jw_open(w, "peers", '[');
    for (size_t k = 0; k < r->npeers; k++) {
        const struct cloud_peer *p = &r->peers[k];
        jw_open(w, NULL, '{');
        jw_bool(w, "any", p->any);
        jw_prefix(w, "prefix", &p->addr);
        jw_str(w, "ref", p->ref);
        jw_line(w, "line", p->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_line(w, "line", r->node);
    jw_close(w, '}');
}

/* The cloud part (cloud exports only): groups, rules, networks. */
static void print_cloud(struct jw *w, const struct cloud_facts *c)
{
    if (!c->present)
        return;
    jw_open(w, "cloud", '{');
    jw_str(w, "account", c->account);
    jw_open(w, "groups", '[');
    for (size_t i = 0; i < c->ngroups; i++) {
        const struct cloud_group *g = &c->groups[i];
        jw_open(w, NULL, '{');
        jw_str(w, "kind", cloud_group_kind_name(g->kind));
        jw_str(w, "provider", g->provider);
        jw_str(w, "id", g->id);
        jw_str(w, "name", g->name);
        jw_str(w, "network", g->network);
        jw_bool(w, "default", g->is_default);
        jw_strings(w, "tags", g->tags, g->ntags);
        jw_strings(w, "attached", g->attached, g->nattached);
        jw_line(w, "line", g->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_open(w, "rules", '[');
    for (size_t i = 0; i < c->nrules; i++)
        print_cloud_rule(w, &c->rules[i]);
    jw_close(w, ']');
    jw_open(w, "networks", '[');
    for (size_t i = 0; i < c->nnetworks; i++) {
        const struct cloud_network *n = &c->networks[i];
        jw_open(w, NULL, '{');
        jw_str(w, "kind", n->kind);
        jw_str(w, "id", n->id);
        jw_str(w, "name", n->name);
        jw_fact(w, "flow_logs", &n->flow_logs);
        jw_line(w, "line", n->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_close(w, '}');
}

static const char *archive_trigger_name(enum archive_trigger t)
{
    static const char *const names[] = {"manual", "on-change", "periodic", "unknown"};
    return (unsigned)t < ARRAY_SIZE(names) ? names[t] : "unknown";
}

/* Release line, archives (scheme and server only) and boot images. */
static void print_software(struct jw *w, const struct device_model *m)
{
    const struct software_facts *s = &m->software;
    jw_open(w, "software", '{');
    jw_long(w, "release_line", (long)s->release_line);
    jw_open(w, "archives", '[');
    for (size_t i = 0; i < s->narchives; i++) {
        const struct config_archive *a = &s->archives[i];
        jw_open(w, NULL, '{');
        jw_str(w, "scheme", a->scheme);
        jw_str(w, "host", a->host);
        jw_bool(w, "remote", a->remote);
        jw_bool(w, "encrypted", a->encrypted);
        jw_str(w, "trigger", archive_trigger_name(a->trigger));
        jw_line(w, "line", a->node);
        jw_line(w, "trigger_line", a->trigger_node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_open(w, "boot_images", '[');
    for (size_t i = 0; i < s->nboots; i++) {
        jw_open(w, NULL, '{');
        jw_str(w, "scheme", s->boots[i].scheme);
        jw_bool(w, "remote", s->boots[i].remote);
        jw_line(w, "line", s->boots[i].node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_fact(w, "image_protect", &s->image_protect);
    jw_fact(w, "config_protect", &s->config_protect);
    jw_close(w, '}');
}

/* Control plane: ICMP behaviour, receive filter, TCP keepalives. */
static void print_cpp(struct jw *w, const struct cpp_facts *c)
{
    jw_open(w, "control_plane", '{');
    jw_fact(w, "tcp_keepalives_in", &c->keepalive_in);
    jw_fact(w, "tcp_keepalives_out", &c->keepalive_out);
    jw_fact(w, "unreachables_rate_limit", &c->unreach_rate_limit);
    jw_long(w, "null0_route_line", c->null0_route ? (long)c->null0_route->line : -1);
    jw_fact(w, "filter_reject", &c->filter_reject);
    jw_fact(w, "mask_reply", &c->mask_reply);
    jw_fact(w, "router_discovery", &c->router_discovery);
    jw_fact(w, "source_quench", &c->source_quench);
    jw_fact(w, "receive_filter", &c->receive_filter);
    jw_str(w, "receive_filter_name", c->receive_filter_name);
    jw_long(w, "receive_open_terms", (long)c->receive_open_terms);
    jw_lines(w, "receive_open_lines", &c->receive_open_ev);
    jw_close(w, '}');
}

/* SSH key exchange and host keys, TLS, link encryption, time service. */
static void print_crypto_time(struct jw *w, const struct device_model *m)
{
    const struct log_time_facts *lt = &m->log_time;
    jw_open(w, "log_timestamps", '{');
    jw_fact(w, "datetime", &lt->datetime);
    jw_fact(w, "subsecond", &lt->subsecond);
    jw_bool(w, "no_subsecond_form", lt->no_subsecond_form);
    jw_fact(w, "zone", &lt->zone);
    jw_str(w, "clock_zone", lt->clock_zone);
    jw_line(w, "clock_line", lt->clock_node);
    jw_close(w, '}');

    const struct ntp_serve_facts *ns = &m->ntp_serve;
    jw_open(w, "ntp_service", '{');
    jw_bool(w, "configured", ns->configured);
    jw_fact(w, "serves", &ns->serves);
    jw_fact(w, "open", &ns->open);
    jw_open(w, "access", '[');
    for (size_t i = 0; i < ns->naccess; i++) {
        jw_open(w, NULL, '{');
        jw_str(w, "kind", ns->access[i].kind);
        jw_str(w, "acl", ns->access[i].acl_name);
        jw_line(w, "line", ns->access[i].node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_strings(w, "interfaces", ns->interfaces, ns->ninterfaces);
    jw_close(w, '}');

    const struct ssh_hostkey_facts *hk = &m->ssh_hostkey;
    jw_open(w, "ssh_host_keys", '{');
    jw_strings(w, "algorithms", hk->algos, hk->nalgos);
    jw_strings(w, "refused", hk->off, hk->noff);
    jw_long(w, "dh_min_bits", hk->dh_min_bits);
    jw_long(w, "rsa_bits", hk->rsa_bits);
    jw_line(w, "rsa_line", hk->rsa_node);
    jw_line(w, "dsa_line", hk->dsa_node);
    jw_lines(w, "lines", &hk->ev);
    jw_close(w, '}');

    const struct tls_facts *t = &m->tls;
    jw_open(w, "tls", '{');
    jw_long(w, "min_version", t->min_version);
    jw_line(w, "version_line", t->version_node);
    jw_str(w, "weak_cipher", t->weak_cipher);
    jw_line(w, "cipher_line", t->cipher_node);
    jw_fact(w, "ca_certificate", &t->ca_cert);
    jw_str(w, "not_read", t->not_read);
    jw_str(w, "service_unknown", t->service_unknown);
    jw_close(w, '}');

    const struct link_crypto_facts *lc = &m->link_crypto;
    jw_open(w, "link_encryption", '{');
    jw_open(w, "links", '[');
    for (size_t i = 0; i < lc->nlinks; i++) {
        const struct link_crypto *lk = &lc->links[i];
        jw_open(w, NULL, '{');
        jw_str(w, "interface", lk->ifname);
        jw_str(w, "kind", lk->kind);
        jw_str(w, "policy", lk->policy);
        jw_str(w, "suite", lk->suite);
        jw_fact(w, "strong", &lk->strong);
        jw_line(w, "line", lk->node);
        jw_close(w, '}');
    }
    jw_close(w, ']');
    jw_str(w, "not_read", lc->not_read);
    jw_close(w, '}');
}

void model_print_json(const struct device_model *m, const struct cfg_tree *t, bool show_secrets,
                      FILE *out)
{
    struct jw w;
    memset(&w, 0, sizeof(w));
    w.f = out;
    w.show_secrets = show_secrets;
    jw_open(&w, NULL, '{');
    jw_str(&w, "file", t ? t->path : NULL);
    jw_str(&w, "dialect", dialect_name(m->dialect));
    if (t)
        jw_str(&w, "form", dialect_form_name(t->form));
    jw_bool(&w, "partial", t ? t->partial : false);
    jw_long(&w, "parse_errors", t ? (long)t->nerrors : 0);
    jw_str(&w, "hostname", m->hostname);
    jw_line(&w, "hostname_line", m->hostname_node);
    jw_str(&w, "os_version", m->os_version);
    jw_str(&w, "platform", m->platform);
    print_software(&w, m);
    print_coverage(&w, m);
    jw_fact(&w, "telnet_server", &m->telnet_server);
    print_ssh(&w, &m->ssh);
    print_services(&w, m);
    print_lines(&w, m);
    print_acls(&w, m);
    jw_fact(&w, "mgmt_vrf", &m->mgmt_vrf);
    print_aaa(&w, m);
    print_snmp_ntp_log(&w, m);
    print_routing(&w, m);
    print_rtg(&w, m);
    print_interfaces(&w, m);
    print_legacy(&w, &m->legacy);
    jw_fact(&w, "copp", &m->copp);
    print_cpp(&w, &m->cpp);
    print_cloud(&w, &m->cloud);
    print_ports(&w, &m->ports);
    print_access(&w, &m->access);
    print_flow(&w, &m->flow);
    print_crypto_time(&w, m);
    jw_close(&w, '}');
    fputc('\n', out);
}
