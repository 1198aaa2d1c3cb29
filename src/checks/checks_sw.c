/*
 * checks_sw.c - software, integrity and configuration management checks
 * (SW-*, checks.md section 16): where the configuration is archived and
 * how, and where the device boots from and whether it checks its image.
 */
#include "checks/checks_int.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------ SW-CONFIG-BACKUP */

static const char *trigger_text(enum archive_trigger t)
{
    switch (t) {
    case ARCHIVE_ON_CHANGE:
        return "on every change";
    case ARCHIVE_PERIODIC:
        return "on a timer";
    case ARCHIVE_MANUAL:
        return "only when asked";
    default:
        return "at times the configuration does not say";
    }
}

static const char *archive_where(const struct config_archive *a)
{
    return a->host ? a->host : "local storage";
}

struct backup_judgement {
    struct reasons bad, unknown, unapproved;
    unsigned secure, local;
};

/* One remote archive: cleartext, never sent, or of unknown transport. */
static void judge_archive(const struct check_ctx *ctx, struct check_result *r,
                          const struct config_archive *a, struct backup_judgement *j)
{
    uint32_t line = a->node ? a->node->line : 0;
    if (!a->scheme) {
        reasons_add(&j->unknown, "the transport to %s (line %u) is not given", archive_where(a),
                    line);
    } else if (!a->encrypted) {
        reasons_add(&j->bad, "archived to %s over cleartext %s (line %u)", archive_where(a),
                    a->scheme, line);
    } else if (a->trigger == ARCHIVE_MANUAL) {
        reasons_add(&j->bad, "the archive to %s (line %u) is written only when asked", a->host,
                    line);
    } else if (a->trigger == ARCHIVE_TRIGGER_UNKNOWN) {
        reasons_add(&j->unknown,
                    "the archive to %s (line %u) is written at times the configuration does not "
                    "say",
                    archive_where(a), line);
    } else {
        j->secure++;
    }
    ev_node(ctx, r, a->node);
    if (a->trigger_node)
        ev_node(ctx, r, a->trigger_node);
}

/* Encrypted archives against approved.backup_destinations. */
static void judge_destinations(const struct check_ctx *ctx, const struct device_model *m,
                               struct backup_judgement *j)
{
    const struct prefix_set *ok = &ctx->profile->backup_destinations;
    for (size_t i = 0; i < m->software.narchives; i++) {
        const struct config_archive *a = &m->software.archives[i];
        if (!a->remote || !a->encrypted || a->trigger == ARCHIVE_MANUAL)
            continue;
        uint32_t line = a->node ? a->node->line : 0;
        if (!a->addr.af)
            reasons_add(&j->unknown, "the archive server '%s' (line %u) is a name, not an address",
                        a->host ? a->host : "?", line);
        else if (!pset_contains(ok, &a->addr))
            reasons_add(&j->unapproved, "%s (line %u) is not in approved.backup_destinations",
                        a->host, line);
    }
}

/* The ASA and FortiOS have no statement that archives the configuration on
 * change (checks.md gives none): only collection off the device meets the
 * check, which the provider states with policy.offbox_collection. */
static bool backup_offbox_only(const struct check_ctx *ctx, struct check_result *r)
{
    enum dialect d = ctx->model->dialect;
    const struct profile *pr = ctx->profile;
    if (d != DIALECT_CISCO_ASA && d != DIALECT_FORTINET_FORTIOS)
        return false;
    if (pr->has_offbox_collection && pr->offbox_collection)
        check_set(ctx, r, VERDICT_PASS,
                  "%s archives nothing itself; its configuration is collected off the device "
                  "(policy.offbox_collection)",
                  dialect_def(d)->display);
    else
        check_set(ctx, r, VERDICT_FAIL,
                  "%s has no statement that archives the configuration on change, so only "
                  "collection off the device meets this; if RANCID, Oxidized or a management "
                  "platform keeps it, say so with policy.offbox_collection: true",
                  dialect_def(d)->display);
    return true;
}

/* The device archives to no server. Collection off the device over SSH
 * (RANCID, Oxidized) also meets the check (checks.md) but no configuration
 * shows it: the provider says so with policy.offbox_collection. */
static void judge_no_archive(const struct check_ctx *ctx, struct check_result *r, size_t local)
{
    const struct profile *pr = ctx->profile;
    if (pr->has_offbox_collection && pr->offbox_collection) {
        check_set(ctx, r, VERDICT_PASS,
                  "the device archives to no server; its configuration is collected off the "
                  "device (policy.offbox_collection)");
        return;
    }
    check_set(ctx, r, VERDICT_FAIL,
              "the device sends its configuration to no server%s; if it is collected off the "
              "device over SSH (RANCID, Oxidized), say so with policy.offbox_collection: true",
              local ? " (it keeps local copies only)" : "");
}

static void eval_config_backup(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    if (backup_offbox_only(ctx, r))
        return;
    struct backup_judgement j = {0};
    reasons_init(&j.bad);
    reasons_init(&j.unknown);
    reasons_init(&j.unapproved);
    size_t remote = 0;
    for (size_t i = 0; i < m->software.narchives; i++) {
        const struct config_archive *a = &m->software.archives[i];
        if (a->remote) {
            remote++;
            judge_archive(ctx, r, a, &j);
        } else {
            j.local++;
            ev_node(ctx, r, a->node);
        }
    }
    if (j.secure && ctx->profile->backup_destinations.present)
        judge_destinations(ctx, m, &j);
    const char *bad = reasons_done(ctx, &j.bad), *unknown = reasons_done(ctx, &j.unknown);
    const char *unapproved = reasons_done(ctx, &j.unapproved);
    if (*bad || *unapproved)
        check_set(ctx, r, VERDICT_FAIL, "configuration archive: %s%s%s", bad,
                  *bad && *unapproved ? "; " : "", unapproved);
    else if (!remote)
        judge_no_archive(ctx, r, j.local);
    else if (*unknown)
        check_set(ctx, r, VERDICT_UNKNOWN, "configuration archive: %s", unknown);
    else if (!ctx->profile->backup_destinations.present)
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "%u encrypted configuration archive%s; needs approved.backup_destinations in the "
                  "profile to judge the servers",
                  j.secure, j.secure == 1 ? "" : "s");
    else
        check_set(ctx, r, VERDICT_PASS,
                  "the configuration is archived %s over an encrypted channel to approved "
                  "servers",
                  trigger_text(m->software.archives[0].trigger));
}

/* ---------------------------------------------------- SW-IMAGE-INTEGRITY */

/* A boot image loaded over the network: fail with every such statement. */
static bool network_boot(const struct check_ctx *ctx, struct check_result *r)
{
    const struct software_facts *s = &ctx->model->software;
    struct reasons rs;
    reasons_init(&rs);
    for (size_t i = 0; i < s->nboots; i++)
        if (s->boots[i].remote) {
            reasons_add(&rs, "%s (line %u)", s->boots[i].scheme,
                        s->boots[i].node ? s->boots[i].node->line : 0);
            ev_node(ctx, r, s->boots[i].node);
        }
    if (!rs.n) {
        reasons_done(ctx, &rs);
        return false;
    }
    check_set(ctx, r, VERDICT_FAIL, "the device loads its software image over the network: %s",
              reasons_done(ctx, &rs));
    return true;
}

static void boot_evidence(const struct check_ctx *ctx, struct check_result *r)
{
    const struct software_facts *s = &ctx->model->software;
    for (size_t i = 0; i < s->nboots; i++)
        ev_node(ctx, r, s->boots[i].node);
}

static void integrity_ios(const struct check_ctx *ctx, struct check_result *r)
{
    const struct software_facts *s = &ctx->model->software;
    check_evidence_fact(ctx, r, &s->image_protect.ev);
    check_evidence_fact(ctx, r, &s->config_protect.ev);
    if (s->image_protect.state == FACT_ON)
        check_set(ctx, r, VERDICT_PASS,
                  "boots from local storage and keeps a secured copy of the image (secure "
                  "boot-image)%s; compare the image with the vendor's hash: verify /sha512 IMAGE",
                  s->config_protect.state == FACT_ON ? " and of the configuration" : "");
    else if (s->image_protect.state == FACT_OFF)
        check_set(ctx, r, VERDICT_FAIL, "secure boot-image is switched off");
    else
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "no network boot, but secure boot-image (resilient configuration) is not "
                  "configured and not every platform has it; the image hash needs an "
                  "operational check: verify /sha512 IMAGE (IOS XE: show platform integrity)");
}

static void eval_image_integrity(const struct check_ctx *ctx, struct check_result *r)
{
    enum dialect d = ctx->model->dialect;
    /* FortiOS has the feature (signed firmware from local flash; how an
     * unsigned image is treated is a security level set in the BIOS, FortiOS
     * 7.2 new features, "Verifying and accepting signed AV and IPS
     * packages"), and auto-install loads only from USB: nothing in the
     * configuration decides it. */
    if (d == DIALECT_FORTINET_FORTIOS) {
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "FortiOS boots its firmware from local flash and the configuration names no "
                  "network boot source, but whether unsigned images are refused is a BIOS "
                  "security level, not a configuration setting (op: get system status, and the "
                  "image's hash against Fortinet's value)");
        return;
    }
    if (network_boot(ctx, r))
        return;
    boot_evidence(ctx, r);
    switch (d) {
    case DIALECT_CISCO_IOS:
        integrity_ios(ctx, r);
        break;
    case DIALECT_CISCO_ASA:
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "no network boot; the image hash needs an operational check: verify /sha-512 "
                  "disk0:/IMAGE against the vendor's value");
        break;
    case DIALECT_CISCO_IOSXR:
    case DIALECT_CISCO_NXOS:
    case DIALECT_ARISTA_EOS:
        check_set(ctx, r, VERDICT_PASS,
                  "no network boot, and the platform verifies signed images at boot by default "
                  "(secure boot); compare the image hash with the vendor's value as an "
                  "operational check");
        break;
    case DIALECT_JUNIPER_JUNOS:
        check_set(ctx, r, VERDICT_PASS,
                  "Junos enforces verified exec (veriexec) by default, so only signed software "
                  "runs; confirm with show system software");
        break;
    case DIALECT_NOKIA_SROS:
        if (ctx->model->software.nboots)
            check_set(ctx, r, VERDICT_PASS, "the boot options name a local image");
        else
            check_set(ctx, r, VERDICT_UNKNOWN,
                      "the boot options file (BOF), which names the image, is not part of this "
                      "configuration: show bof");
        break;
    default:
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "the startup software is not part of the configuration: display startup");
        break;
    }
}

/* -------------------------------------------------- SW-SUPPORTED-RELEASE */

int32_t check_as_of(const struct check_ctx *ctx)
{
    if (ctx->as_of)
        return ctx->as_of;
    if (ctx->profile && ctx->profile->has_as_of)
        return ctx->profile->as_of;
    return date_today();
}

/* Where each dialect names its release, and the command that shows it. */
static const char *const release_where[DIALECT_COUNT] = {
    [DIALECT_CISCO_IOS] = "no 'version' line (show version)",
    [DIALECT_CISCO_NXOS] = "no 'version' line (show version)",
    [DIALECT_CISCO_ASA] = "no 'ASA Version' line (show version)",
    [DIALECT_CISCO_IOSXR] = "no '!! IOS XR Configuration' header (show version)",
    [DIALECT_ARISTA_EOS] = "no '! device: ... EOS-' header (show version)",
    [DIALECT_JUNIPER_JUNOS] = "no 'version' statement (show version)",
    [DIALECT_NOKIA_SROS] = "no '# TiMOS-' header (show version)",
    [DIALECT_HUAWEI_VRP] = "no '!Software Version' header (display version)",
    [DIALECT_FORTINET_FORTIOS] = "no '#config-version=' header (get system status)",
};

/* The release as the tables name it: SR OS "TiMOS-B-20.10.R3" is 20.10.R3. */
static const char *release_key(const struct device_model *m)
{
    const char *v = m->os_version;
    if (v && m->dialect == DIALECT_NOKIA_SROS && !strncmp(v, "TiMOS-", 6) && v[6] && v[7] == '-')
        return v + 8;
    return v;
}

static bool release_approved(const struct profile *p, const char *release)
{
    for (size_t i = 0; i < p->approved_releases.n; i++)
        if (release_in_train(release, p->approved_releases.v[i]))
            return true;
    return false;
}

/* A row that only bounds the end: the train had ended by that day (a
 * vendor list read then, or the vendor's policy). From that day the release
 * is unsupported; before it, when support ended is not known. */
static void supported_bound(const struct check_ctx *ctx, struct check_result *r, const char *rel,
                            const struct release_row *row, const char *by)
{
    const char *what = row->milestone ? row->milestone : "end of support";
    if (row->end <= check_as_of(ctx))
        check_set(ctx, r, VERDICT_FAIL,
                  "release %s is past its vendor's %s: its train had ended by %s (%s)", rel, what,
                  by, row->source);
    else
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "release %s: its train had reached its vendor's %s by %s, after the assessment "
                  "date; the day it did is not given (%s)",
                  rel, what, by, row->source);
}

static void eval_supported_release(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct profile *p = ctx->profile;
    const char *rel = release_key(m);
    if (!rel || !*rel) {
        const char *where = release_where[m->dialect];
        check_set(ctx, r, VERDICT_UNKNOWN, "the configuration does not name its release: %s",
                  where ? where : "no release header");
        return;
    }
    if (m->software.release_line)
        check_evidence_line(ctx, r, m->software.release_line);
    bool unapproved = p->approved_releases.present && !release_approved(p, rel);
    const struct release_row *row =
        release_lookup(p->has_releases ? &p->releases : NULL, m->dialect, rel);
    char end[11];
    if (row)
        date_format(row->end, end);
    if (row && row->end_bound && !unapproved) {
        supported_bound(ctx, r, rel, row, end);
        return;
    }
    if (row && !row->end_bound && row->end < check_as_of(ctx))
        check_set(ctx, r, VERDICT_FAIL,
                  "release %s is past the end of its vendor's maintenance (%s %s; %s)%s", rel,
                  row->milestone ? row->milestone : "end of software maintenance", end, row->source,
                  unapproved ? ", and not in software.approved" : "");
    else if (unapproved)
        check_set(ctx, r, VERDICT_FAIL, "release %s is not in software.approved", rel);
    else if (!row)
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "no support data for %s %s: add its train to a software.releases file",
                  dialect_def(m->dialect)->display, rel);
    else
        check_set(ctx, r, VERDICT_PASS, "release %s is maintained until %s (%s)%s", rel, end,
                  row->source, p->approved_releases.present ? " and is approved" : "");
}

/* ------------------------------------------------------- SW-VULN-FEATURE */

enum vhit { VHIT_NO, VHIT_MAYBE, VHIT_YES };

/* Is release r at or after f on f's maintenance line (r and f equal up to
 * f's last number, and r's number there at least f's): "22.4R3-S4" after
 * "22.4R3-S3", "17.9.5" after "17.9.4a". */
static bool release_at_or_after(const char *r, const char *f)
{
    size_t e = strlen(f);
    while (e && !isdigit((unsigned char)f[e - 1]))
        e--;
    size_t k = e;
    while (k && isdigit((unsigned char)f[k - 1]))
        k--;
    if (e == 0 || strncmp(r, f, k) != 0 || !isdigit((unsigned char)r[k]))
        return false;
    char *rest;
    long rv = strtol(r + k, &rest, 10), fv = strtol(f + k, NULL, 10);
    if (rv != fv)
        return rv > fv;
    return strcmp(rest, f + e) >= 0;
}

/* Does release r fall under an affected entry: yes, no, or maybe (the
 * configuration names the train only, and the entry is one release of it). */
static enum vhit release_hit(const char *r, const char *a)
{
    if (strpbrk(a, "*?["))
        return fnmatch(a, r, 0) == 0 ? VHIT_YES : VHIT_NO;
    if (release_in_train(r, a))
        return VHIT_YES;
    return release_in_train(a, r) ? VHIT_MAYBE : VHIT_NO;
}

static enum vhit advisory_hit(const struct advisory *a, const char *r)
{
    enum vhit h = VHIT_NO;
    for (size_t i = 0; i < a->naffected; i++) {
        enum vhit x = release_hit(r, a->affected[i]);
        h = x > h ? x : h;
    }
    for (size_t i = 0; h != VHIT_NO && i < a->nfixed; i++) {
        if (!strcmp(r, a->fixed[i]) || release_at_or_after(r, a->fixed[i]))
            return VHIT_NO;
        if (release_in_train(a->fixed[i], r))
            h = VHIT_MAYBE; /* a fix exists within the train the configuration names */
    }
    return h;
}

/* The statements of an advisory: its own, else those a YAML entry with the
 * same id or CVE adds. */
static const struct advisory *advisory_features(const struct advisory_set *s,
                                                const struct advisory *a)
{
    if (a->nfeatures)
        return a;
    for (size_t i = 0; i < s->n; i++) {
        const struct advisory *o = &s->v[i];
        if (o->naffected || !o->nfeatures)
            continue;
        if ((o->id && a->id && !strcmp(o->id, a->id)) ||
            (o->cve && a->cve && !strcmp(o->cve, a->cve)))
            return o;
    }
    return NULL;
}

/* Every active statement's path: its parents' texts and its own, one space
 * apart, without braces, semicolons or a leading "set". */
struct stmt_paths {
    const struct cfg_node **node;
    struct sv *path;
    size_t n;
};

static struct sv node_clean(const struct cfg_node *n)
{
    struct sv s = sv_trim(cfg_text(n));
    while (s.n && (s.p[s.n - 1] == '{' || s.p[s.n - 1] == ';' || s.p[s.n - 1] == ' '))
        s.n--;
    if (!n->parent && sv_starts_with_word(s, "set"))
        s = sv_trim(sv_after_tokens(s, 1));
    if (!n->parent && s.n && s.p[0] == '/')
        s = sv_make(s.p + 1, s.n - 1);
    return s;
}

/* Append a statement's cleaned text with runs of white space as one space. */
static void path_add(struct buf *b, struct sv s)
{
    for (size_t i = 0; i < s.n; i++) {
        bool space = s.p[i] == ' ' || s.p[i] == '\t';
        if (space && (!b->len || b->data[b->len - 1] == ' '))
            continue;
        buf_addc(b, space ? ' ' : s.p[i]);
    }
    while (b->len && b->data[b->len - 1] == ' ')
        b->len--;
}

static void build_paths(const struct cfg_tree *t, struct arena *a, struct stmt_paths *sp)
{
    sp->node = arena_alloc(a, (t->node_count + 1) * sizeof(*sp->node));
    sp->path = arena_alloc(a, (t->node_count + 1) * sizeof(*sp->path));
    struct buf b;
    buf_init(&b, 1u << 20);
    for (const struct cfg_node *n = t->first; n && sp->n <= t->node_count;
         n = cfg_next_preorder(t, n)) {
        if (n->flags & (CFG_INACTIVE | CFG_BANNER))
            continue;
        const struct cfg_node *chain[64];
        size_t depth = 0;
        for (const struct cfg_node *p = n; p && depth < ARRAY_SIZE(chain); p = p->parent)
            chain[depth++] = p;
        buf_reset(&b);
        while (depth--) {
            if (b.len)
                buf_addc(&b, ' ');
            path_add(&b, node_clean(chain[depth]));
        }
        sp->node[sp->n] = n;
        sp->path[sp->n++] = sv_make(arena_strndup(a, buf_cstr(&b), b.len), b.len);
    }
    buf_free(&b);
}

/* The first statement that turns the advisory's feature on, or NULL. */
static const struct cfg_node *feature_on(const struct check_ctx *ctx, struct stmt_paths *sp,
                                         const struct advisory *f)
{
    if (!sp->node)
        build_paths(ctx->tree, ctx->arena, sp);
    for (size_t i = 0; i < sp->n; i++)
        for (size_t k = 0; k < f->nfeatures; k++)
            if (cfg_regex_match(f->feature[k], sp->path[i], NULL, 0))
                return sp->node[i];
    return NULL;
}

struct vuln_judgement {
    struct reasons fail, unknown, note;
    size_t platform; /* advisories about this platform */
};

/* "CVE-2023-20198 (cisco-sa-...)", or whichever of the two it has. */
static const char *adv_label(const struct check_ctx *ctx, const struct advisory *a)
{
    if (a->cve && a->id && strcmp(a->cve, a->id))
        return arena_printf(ctx->arena, "%s (%s)", a->cve, a->id);
    return a->cve ? a->cve : a->id;
}

static void judge_advisory(const struct check_ctx *ctx, struct check_result *r,
                           const struct advisory *a, const char *rel, struct stmt_paths *sp,
                           struct vuln_judgement *j)
{
    enum vhit hit = advisory_hit(a, rel);
    if (hit == VHIT_NO)
        return;
    const struct advisory *f = advisory_features(&ctx->profile->advisories, a);
    if (!f) {
        reasons_add(&j->unknown,
                    "%s: release %s is affected, but no configuration statement is known "
                    "for its feature",
                    adv_label(ctx, a), rel);
        return;
    }
    const struct cfg_node *on = feature_on(ctx, sp, f);
    if (!on) {
        reasons_add(&j->note, "%s: release %s %s affected, the feature is not configured",
                    adv_label(ctx, a), rel, hit == VHIT_YES ? "is" : "may be");
        return;
    }
    ev_node(ctx, r, on);
    if (hit == VHIT_YES)
        reasons_add(&j->fail, "%s: release %s is affected and the feature is on (line %u)",
                    adv_label(ctx, a), rel, on->line);
    else
        reasons_add(&j->unknown,
                    "%s: the feature is on (line %u) and part of train %s is affected; "
                    "the configuration does not name the exact release (show version)",
                    adv_label(ctx, a), on->line, rel);
}

/* The verdicts before any advisory is weighed: no advisories, none about
 * this platform, or no release to weigh them against. True when set. */
static bool vuln_settled(const struct check_ctx *ctx, struct check_result *r, size_t platform,
                         const char *rel)
{
    const struct device_model *m = ctx->model;
    const struct advisory_set *s = &ctx->profile->advisories;
    const char *name = dialect_def(m->dialect)->display;
    if (!s->present)
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  "needs software.advisories in the profile (CSAF or YAML advisory files)");
    else if (!s->n)
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "no advisory could be read from software.advisories; %s cannot be judged", name);
    else if (!platform)
        check_set(ctx, r, VERDICT_PASS, "none of the loaded advisories (%zu) concerns %s", s->n,
                  name);
    else if (!rel || !*rel)
        check_set(ctx, r, VERDICT_UNKNOWN,
                  "%zu advisor%s concern%s %s, but the configuration does not name its "
                  "release: %s",
                  platform, platform == 1 ? "y" : "ies", platform == 1 ? "s" : "", name,
                  release_where[m->dialect] ? release_where[m->dialect] : "no release header");
    else
        return false;
    return true;
}

static void eval_vuln_feature(const struct check_ctx *ctx, struct check_result *r)
{
    const struct device_model *m = ctx->model;
    const struct advisory_set *s = &ctx->profile->advisories;
    struct vuln_judgement j = {0};
    for (size_t i = 0; i < s->n; i++)
        j.platform += s->v[i].naffected && s->v[i].dialect == m->dialect;
    const char *rel = release_key(m);
    if (vuln_settled(ctx, r, j.platform, rel))
        return;
    if (m->software.release_line)
        check_evidence_line(ctx, r, m->software.release_line);
    reasons_init(&j.fail);
    reasons_init(&j.unknown);
    reasons_init(&j.note);
    struct stmt_paths sp = {0};
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].naffected && s->v[i].dialect == m->dialect)
            judge_advisory(ctx, r, &s->v[i], rel, &sp, &j);
    const char *fail = reasons_done(ctx, &j.fail), *unknown = reasons_done(ctx, &j.unknown);
    const char *note = reasons_done(ctx, &j.note);
    if (*fail)
        check_set(ctx, r, VERDICT_FAIL, "%s", fail);
    else if (*unknown)
        check_set(ctx, r, VERDICT_UNKNOWN, "%s", unknown);
    else if (*note)
        check_set(ctx, r, VERDICT_PASS, "no affected feature is configured: %s", note);
    else
        check_set(ctx, r, VERDICT_PASS, "no advisory for %s (%zu loaded) affects release %s",
                  dialect_def(m->dialect)->display, j.platform, rel);
}

/* ------------------------------------------------------- SW-CONFIG-DRIFT */

/* Lines every capture has and no template should be held to: the release,
 * collector banners and block ends. */
static bool drift_ignored(struct sv p)
{
    static const char *const words[] = {"version",     "end",         "exit", "return",
                                        "Building",    "Current",     "!",    "#",
                                        "ASA Version", "set version", NULL};
    for (size_t i = 0; words[i]; i++)
        if (sv_starts_with_word(p, words[i]))
            return true;
    return p.n == 0 || p.p[0] == '!' || p.p[0] == '#';
}

struct path_ref {
    struct sv path;
    const struct cfg_node *node;
};

static int path_ref_cmp(const void *x, const void *y)
{
    const struct path_ref *a = x, *b = y;
    int c = memcmp(a->path.p, b->path.p, a->path.n < b->path.n ? a->path.n : b->path.n);
    if (c)
        return c;
    return a->path.n < b->path.n ? -1 : a->path.n > b->path.n;
}

/* The statements of a tree as sorted references, the ignored ones left out. */
static struct path_ref *sorted_refs(struct arena *a, const struct stmt_paths *sp, size_t *n)
{
    struct path_ref *v = arena_alloc(a, (sp->n + 1) * sizeof(*v));
    *n = 0;
    for (size_t i = 0; i < sp->n; i++)
        if (!drift_ignored(sp->path[i]))
            v[(*n)++] = (struct path_ref){sp->path[i], sp->node[i]};
    qsort(v, *n, sizeof(*v), path_ref_cmp);
    return v;
}

struct drift {
    struct reasons missing, extra;
    unsigned nmissing, nextra;
};

/* Template against device: a multiset difference of statement paths, so
 * order within a block does not matter and a secret differs as a whole. */
static bool drift_template(const struct check_ctx *ctx, struct check_result *r,
                           const struct golden_rule *g, const struct stmt_paths *dev,
                           struct drift *d)
{
    if (!g->template_text)
        return false;
    struct cfg_tree tt;
    cfg_parse_buffer(&tt, ctx->arena, g->template_path, g->template_text, g->template_len,
                     ctx->model->dialect);
    struct stmt_paths tp = {0};
    build_paths(&tt, ctx->arena, &tp);
    size_t nd, nt, i = 0, k = 0;
    struct path_ref *dv = sorted_refs(ctx->arena, dev, &nd);
    struct path_ref *tv = sorted_refs(ctx->arena, &tp, &nt);
    while (i < nd || k < nt) {
        int c = i == nd ? 1 : k == nt ? -1 : path_ref_cmp(&dv[i], &tv[k]);
        if (c == 0) {
            i++, k++;
        } else if (c < 0) {
            d->nextra++;
            reasons_add(&d->extra, "line %u", dv[i].node->line);
            ev_node(ctx, r, dv[i++].node);
        } else {
            d->nmissing++;
            reasons_add(&d->missing, "template line %u", tv[k++].node->line);
        }
    }
    return true;
}

static void drift_patterns(const struct check_ctx *ctx, struct check_result *r,
                           const struct golden_rule *g, const struct stmt_paths *dev,
                           struct drift *d)
{
    for (size_t k = 0; k < g->nrequire; k++) {
        bool found = false;
        for (size_t i = 0; i < dev->n && !found; i++)
            found = cfg_regex_match(g->require[k], dev->path[i], NULL, 0);
        if (!found) {
            d->nmissing++;
            reasons_add(&d->missing, "required /%s/", g->require_src[k]);
        }
    }
    for (size_t k = 0; k < g->nforbid; k++)
        for (size_t i = 0; i < dev->n; i++)
            if (cfg_regex_match(g->forbid[k], dev->path[i], NULL, 0)) {
                d->nextra++;
                reasons_add(&d->extra, "line %u forbidden by /%s/", dev->node[i]->line,
                            g->forbid_src[k]);
                ev_node(ctx, r, dev->node[i]);
            }
}

static void eval_config_drift(const struct check_ctx *ctx, struct check_result *r)
{
    const struct profile *p = ctx->profile;
    const char *file = ctx->tree ? ctx->tree->path : NULL;
    const struct golden_rule *g = profile_golden_rule(p, ctx->model->hostname, file);
    if (!g) {
        check_set(ctx, r, VERDICT_NEEDS_CONTEXT,
                  p->has_golden ? "no golden rule in the profile (golden:) matches %s"
                                : "needs golden: in the profile (a template or required and "
                                  "forbidden lines for %s)",
                  dev_name(ctx));
        return;
    }
    struct stmt_paths dev = {0};
    build_paths(ctx->tree, ctx->arena, &dev);
    struct drift d;
    reasons_init(&d.missing);
    reasons_init(&d.extra);
    d.nmissing = d.nextra = 0;
    bool read = !g->template_path || drift_template(ctx, r, g, &dev, &d);
    drift_patterns(ctx, r, g, &dev, &d);
    const char *missing = reasons_done(ctx, &d.missing), *extra = reasons_done(ctx, &d.extra);
    const char *what = g->template_path ? g->template_path : "the golden rule";
    if (d.nmissing || d.nextra)
        check_set(
            ctx, r, VERDICT_FAIL, "drift from %s (golden '%s'): %s%s%s", what, g->match,
            d.nmissing ? arena_printf(ctx->arena, "%u missing (%s)", d.nmissing, missing) : "",
            d.nmissing && d.nextra ? "; " : "",
            d.nextra ? arena_printf(ctx->arena, "%u not intended (%s)", d.nextra, extra) : "");
    else if (!read)
        check_set(ctx, r, VERDICT_UNKNOWN, "the golden template %s could not be read", what);
    else
        check_set(ctx, r, VERDICT_PASS, "matches %s (golden '%s')", what, g->match);
}

/* ------------------------------------------------------------------ rows */

static const struct check_def defs[] = {
    {
        .id = "SW-CONFIG-DRIFT",
        .source = "builtin",
        .title = "Running configuration matches the approved intended (golden) configuration",
        .category = "Configuration management",
        .severity = SEV_HIGH,
        .rationale = "The device should not be the source of truth: an unapproved change to "
                     "users, ACLs, routing or logging is how an intruder persists, and the Code "
                     "asks for regular collection and comparison with the intended state.",
        .measures = MEASURES("M16.16", "M10.49", "M10.53", "M11.01", "M17.01"),
        .context = "golden",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Push the intended configuration again, or approve the change "
                                    "and update the golden template.",
            },
        .eval = eval_config_drift,
    },
    {
        .id = "SW-SUPPORTED-RELEASE",
        .source = "builtin",
        .title = "Running an approved, vendor-supported software release",
        .category = "Software/patching",
        .severity = SEV_HIGH,
        .rationale = "A release past its vendor's maintenance gets no fixes for newly found "
                     "vulnerabilities; the exploitation seen against telecoms networks used "
                     "publicly known ones.",
        .measures = MEASURES("M10.51", "M10.52", "M8.08", "M4.03", "M4.04", "M14.01"),
        .context = "software.releases, software.approved",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Upgrade to a release train the vendor still maintains and "
                                    "that the provider has approved.",
            },
        .eval = eval_supported_release,
    },
    {
        .id = "SW-VULN-FEATURE",
        .source = "builtin",
        .title = "Features tied to actively-exploited CVEs are off, or the release is fixed",
        .category = "Software/patching",
        .severity = SEV_HIGH,
        .rationale = "Exposure to a published vulnerability is the conjunction of an affected "
                     "release and the vulnerable feature switched on (the IOS XE web UI, Smart "
                     "Install); either fixing the release or turning the feature off closes it.",
        .measures = MEASURES("M10.52", "M8.08", "M10.50"),
        .context = "software.advisories",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Upgrade to a release the advisory lists as fixed, or turn "
                                    "off the feature it names until then.",
                [DIALECT_CISCO_IOS] = "no ip http server\nno ip http secure-server  (or "
                                      "upgrade to a fixed release)",
            },
        .eval = eval_vuln_feature,
    },
    {
        .id = "SW-IMAGE-INTEGRITY",
        .source = "builtin",
        .title = "Image and boot integrity protections enabled; boot from local storage only",
        .category = "Software/patching (integrity)",
        .severity = SEV_MEDIUM,
        .rationale = "An image loaded over the network at boot can be substituted on the way; "
                     "images should come from local storage and be checked against the "
                     "vendor's published hashes.",
        .measures = MEASURES("M10.49", "M15.04", "M10.53"),
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Boot from local storage only and verify the image hash "
                                    "against the vendor's published value.",
                [DIALECT_CISCO_IOS] = "no boot system tftp IMAGE SERVER\nboot system "
                                      "flash:IMAGE\nsecure boot-image\nsecure boot-config",
                [DIALECT_CISCO_ASA] = "no boot system tftp://SERVER/IMAGE\nboot system "
                                      "disk0:/IMAGE",
                [DIALECT_CISCO_NXOS] = "boot nxos bootflash:/IMAGE",
                [DIALECT_NOKIA_SROS] = "bof primary-image cf3:/IMAGE-FOLDER",
                [DIALECT_HUAWEI_VRP] = "startup system-software cfcard:/IMAGE.cc",
            },
        .eval = eval_image_integrity,
    },
    {
        .id = "SW-CONFIG-BACKUP",
        .source = "builtin",
        .title = "Configuration archived on change over an encrypted channel",
        .category = "Configuration management",
        .severity = SEV_MEDIUM,
        .rationale = "Restorable backups are a Code requirement, and configurations carry "
                     "secrets: they must not travel over FTP, TFTP or HTTP.",
        .measures = MEASURES("M5.03", "M16.16"),
        .context = "approved.backup_destinations",
        .remediation =
            {
                [DIALECT_UNKNOWN] = "Archive the configuration on every change to an approved "
                                    "server over SCP, SFTP or HTTPS, or collect it off the "
                                    "device over SSH.",
                [DIALECT_CISCO_IOS] = "archive\n path scp://USER@SERVER/PATH/$h-\n write-memory",
                [DIALECT_CISCO_IOSXR] = "configuration commit auto-save\n filename "
                                        "sftp://USER@SERVER/PATH/",
                [DIALECT_CISCO_NXOS] = "scheduler job name backup\n copy running-config "
                                       "scp://USER@SERVER/PATH/ vrf management\nend-job\n"
                                       "scheduler schedule name daily\n job name backup\n "
                                       "time daily 02:00",
                [DIALECT_JUNIPER_JUNOS] =
                    "set system archival configuration transfer-on-commit\nset system "
                    "archival configuration archive-sites \"scp://USER@SERVER/PATH\"",
                [DIALECT_NOKIA_SROS] = "configure system rollback rollback-location "
                                       "\"cf3:/rollback/config\" (and collect it off the "
                                       "device over SCP)",
                [DIALECT_HUAWEI_VRP] = "set save-configuration backup-to-server server SERVER "
                                       "transport-type sftp user USER password cipher ...\nset "
                                       "save-configuration delay 5",
            },
        .eval = eval_config_backup,
    },
};

const struct check_family checks_family_sw = {defs, ARRAY_SIZE(defs)};
