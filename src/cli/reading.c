/*
 * reading.c - what one configuration file is, from the strongest source
 * that says: --vendor, the profile's `devices:` rules, an inventory (RANCID or
 * Oxidized router.db, Nornir, Ansible), then the file's own content. Shared
 * by `scan` and `detect`, so `detect --explain` says exactly what a scan
 * will do with the file.
 */
#include "cli/cli.h"

#include <strings.h>
#include "checks/checks.h"

#include <string.h>

/* A source named the reading: warn when the content clearly says otherwise. */
static void check_contradiction(const char *path, const char *buf, size_t len,
                                const struct detect_result *named)
{
    struct detect_result content;
    detect_dialect(buf, len, &content);
    if (content.dialect == DIALECT_UNKNOWN && content.platform == PLATFORM_NONE)
        return;
    if (content.dialect == named->dialect && content.platform == named->platform)
        return;
    char a[DIALECT_LABEL_MAX], b[DIALECT_LABEL_MAX];
    diag_report(DIAG_WARNING, path, content.line,
                "%s (%s) says %s, the content reads as %s (%s); using %s", named->source,
                named->signal, detect_label(named, a, sizeof(a)),
                detect_label(&content, b, sizeof(b)), content.signal, named->source);
}

static void named_reading(const struct reading_sources *s, const char *path, const char *buf,
                          size_t len, enum dialect d, enum platform p, const char *source,
                          const char *signal, struct detect_result *out)
{
    detect_named(d, p, buf, len, source, signal, out);
    if (s->warn_contradictions)
        check_contradiction(path, buf, len, out);
}

/*
 * The dialect an inventory entry names. RANCID's type "cisco" covers the ASA
 * as well as IOS (as its RANCID-CONTENT-TYPE header does): when the content
 * reads as an ASA, it is one, never an IOS device with ASA statements.
 */
static enum dialect inventory_dialect(const struct inventory_entry *e, const char *buf, size_t len)
{
    if (e->dialect != DIALECT_CISCO_IOS || !e->type || strcasecmp(e->type, "cisco") != 0)
        return e->dialect;
    struct detect_result c;
    detect_dialect(buf, len, &c);
    return c.dialect == DIALECT_CISCO_ASA ? DIALECT_CISCO_ASA : e->dialect;
}

bool cli_reading(const struct reading_sources *s, const char *path, const char *relpath,
                 const char *buf, size_t len, struct detect_result *out, char *why, size_t cap)
{
    why[0] = '\0';
    if (s->vendor != DIALECT_UNKNOWN) {
        detect_named(s->vendor, PLATFORM_NONE, buf, len, "--vendor", "forced by --vendor", out);
        return true;
    }
    const struct profile_device_rule *rule =
        s->profile ? profile_device_rule(s->profile, NULL, relpath ? relpath : path) : NULL;
    if (rule && rule->exclude) {
        snprintf(why, cap, "excluded by the profile (devices: match '%s')", rule->match);
        detect_named(DIALECT_UNKNOWN, PLATFORM_NONE, buf, len, "profile devices", rule->match, out);
        return false;
    }
    if (rule && (rule->dialect != DIALECT_UNKNOWN || rule->platform != PLATFORM_NONE)) {
        named_reading(s, path, buf, len, rule->dialect, rule->platform, "profile devices",
                      rule->match, out);
        return true;
    }
    const struct inventory_entry *e = s->inventory ? inventory_find(s->inventory, path) : NULL;
    if (e && e->down) {
        snprintf(why, cap, "marked down in the inventory (%s)", e->source);
        detect_named(e->dialect, e->platform, buf, len, "inventory", e->source, out);
        return false;
    }
    if (e) {
        named_reading(s, path, buf, len, inventory_dialect(e, buf, len), e->platform, "inventory",
                      e->source, out);
        return true;
    }
    detect_dialect(buf, len, out);
    return true;
}

bool cli_reading_key(const struct reading_sources *s, const char *path, const char *relpath,
                     char *out, size_t cap)
{
    if (s->vendor != DIALECT_UNKNOWN) {
        snprintf(out, cap, "vendor:%s", dialect_name(s->vendor));
        return true;
    }
    const struct profile_device_rule *rule =
        s->profile ? profile_device_rule(s->profile, NULL, relpath ? relpath : path) : NULL;
    if (rule) {
        if (rule->exclude)
            return false;
        snprintf(out, cap, "profile:%d:%d:%s", (int)rule->dialect, (int)rule->platform,
                 rule->match);
        return true;
    }
    const struct inventory_entry *e = s->inventory ? inventory_find(s->inventory, path) : NULL;
    if (e) {
        if (e->down)
            return false;
        /* The entry's source names its line: a changed inventory is another key. */
        snprintf(out, cap, "inventory:%d:%d:%s:%s", (int)e->dialect, (int)e->platform,
                 e->type ? e->type : "", e->source ? e->source : "");
        return true;
    }
    snprintf(out, cap, "content");
    return true;
}
