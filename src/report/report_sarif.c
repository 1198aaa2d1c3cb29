/*
 * report_sarif.c - SARIF 2.1.0 for code-scanning dashboards. Results (fail,
 * and waived as suppressed) stream per device; tool.driver with one rule per
 * check, the SCANROOT base and the invocation come at the end (JSON member
 * order does not matter to SARIF consumers). Locations are relative to the
 * scan root so the same estate scanned elsewhere matches up;
 * partialFingerprints hash the check, the path and the redacted evidence,
 * never a secret.
 */
#include "report/report_int.h"

#include <ctype.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

/* A result held back while --sarif-max-results may still drop it. */
struct kept {
    char *text;
    size_t len, seq;
    enum severity sev;
};

struct sarif_state {
    size_t nresults;
    /* With a cap: the most severe results so far (a heap whose root is the
     * least severe, latest one), and what was left out per severity. */
    struct kept *kept;
    size_t nkept, seq;
    size_t dropped[SEV_COUNT];
    struct rpt_map fingerprints; /* given so far: a repeat gets a counter */
    FILE *problems;              /* notifications for unreadable and partial files */
    char *problems_text;         /* ... its memory (open_memstream) */
    size_t problems_len;
    size_t nproblems, nunreadable;
    struct rpt_map names; /* device name -> index into relpaths (for fleet locations) */
    char **relpaths;
    size_t nrel, caprel;
};

static const char *level_of(enum severity s)
{
    if (s >= SEV_HIGH)
        return "error";
    if (s == SEV_MEDIUM)
        return "warning";
    return "note";
}

static int sarif_open(struct report_writer *w)
{
    struct sarif_state *st = xcalloc(1, sizeof(*st));
    rpt_map_init(&st->names);
    rpt_map_init(&st->fingerprints);
    st->problems = open_memstream(&st->problems_text, &st->problems_len);
    if (!st->problems)
        BUG("out of memory for the SARIF notifications");
    w->state = st;
    fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
          "\"runs\":[{\"results\":[",
          w->f);
    return 0;
}

static void sarif_release(struct report_writer *w)
{
    struct sarif_state *st = w->state;
    if (!st)
        return;
    rpt_map_free(&st->names);
    rpt_map_free(&st->fingerprints);
    for (size_t i = 0; i < st->nkept; i++)
        free(st->kept[i].text);
    free(st->kept);
    if (st->problems)
        fclose(st->problems);
    free(st->problems_text);
    for (size_t i = 0; i < st->nrel; i++)
        free(st->relpaths[i]);
    free(st->relpaths);
}

/* SRCROOT (the repository root or --sarif-base) or SCANROOT (the scanned folder). */
static const char *base_id(const struct report_writer *w)
{
    return w->run->sarif_base ? "SRCROOT" : "SCANROOT";
}

static void artifact(const struct report_writer *w, FILE *f, const char *relpath)
{
    if (relpath[0] == '/') {
        fputs("{\"uri\":\"file://", f);
        rpt_uri_path(f, relpath);
        fputs("\"}", f);
        return;
    }
    fputs("{\"uri\":\"", f);
    rpt_uri_path(f, relpath);
    fprintf(f, "\",\"uriBaseId\":\"%s\"}", base_id(w));
}

/* The file's path relative to SRCROOT or SCANROOT (see scan_root_uri);
 * absolute when it lies outside SRCROOT. out holds PATH_MAX bytes. */
static const char *artifact_path(const struct report_writer *w, const struct device_result *d,
                                 char *out)
{
    const char *p = d->file ? d->file : "";
    const char *base = w->run->sarif_base;
    if (base && realpath(p, out)) {
        size_t n = strlen(base);
        if (n == 1 && base[0] == '/')
            return out + 1;
        if (!strncmp(out, base, n) && out[n] == '/')
            return out + n + 1;
        return out;
    }
    if (w->run->nscan_roots == 1 && d->relpath && *d->relpath)
        p = d->relpath;
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    return p;
}

static void fingerprint(struct report_writer *w, const struct device_result *d,
                        const struct check_result *r, char out[65])
{
    struct buf b;
    buf_init(&b, 0);
    buf_printf(&b, "%s\x1f%s", r->check ? r->check->id : "", d->relpath ? d->relpath : "");
    for (uint32_t i = 0; i < r->nevidence && i < RPT_MAX_EVIDENCE; i++) {
        /* The redacted text: a hash of a raw line would let a weak secret be guessed. */
        struct buf red;
        buf_init(&red, 0);
        rpt_redact(&red, r->evidence[i].text, r->evidence[i].len);
        char h[65];
        sha256_hex(red.data ? red.data : "", red.len, h);
        buf_free(&red);
        buf_printf(&b, "\x1f%s", h);
    }
    sha256_hex(b.data, b.len, out);
    buf_free(&b);
}

/* A location: the file, and the evidence line with its (cleaned) text.
 * Related locations carry an id. */
static void evidence_location(struct report_writer *w, FILE *f, const struct device_result *d,
                              const char *rel, const struct evidence *e, uint32_t id)
{
    fputc('{', f);
    if (id)
        fprintf(f, "\"id\":%u,", (unsigned)id);
    fputs("\"physicalLocation\":{\"artifactLocation\":", f);
    artifact(w, f, rel);
    if (e && e->line >= 1) {
        fprintf(f, ",\"region\":{\"startLine\":%u,\"snippet\":{\"text\":", (unsigned)e->line);
        rpt_json_cstr(f, rpt_clean(w, 0, d, e->text, e->len, true));
        fputs("}}", f);
    }
    fputs("}}", f);
}

/*
 * A failed check without evidence: the line of the section its setting
 * belongs in (check_anchor()), said to be that and not an offending line, or
 * line 1 when it belongs at top level. No snippet: the line is not the
 * finding. Without an anchor (results from an older history), the file.
 */
static void anchor_location(struct report_writer *w, FILE *f, const char *rel,
                            const struct check_result *r)
{
    fputs("{\"physicalLocation\":{\"artifactLocation\":", f);
    artifact(w, f, rel);
    if (!r->anchor_line) {
        fputs("}}", f);
        return;
    }
    fprintf(f, ",\"region\":{\"startLine\":%u}},\"message\":{\"text\":", (unsigned)r->anchor_line);
    struct buf m;
    buf_init(&m, 0);
    if (r->anchor_section)
        buf_printf(&m, "the setting belongs in this section (%s)", r->anchor_section);
    else
        buf_adds(&m, "setting absent; belongs at top level");
    rpt_json_str(f, m.data, m.len);
    buf_free(&m);
    fputs("},\"properties\":{\"tsauditAnchor\":", f);
    rpt_json_cstr(f, r->anchor_section ? "section" : "top-level");
    fputs("}}", f);
}

/*
 * partialFingerprints: the hash, unique within the file (code scanning
 * merges results that share one): a repeat gets "/2", "/3", ... in order,
 * which is stable across runs of the same estate.
 */
static void write_fingerprint(struct report_writer *w, const char fp[65])
{
    struct sarif_state *st = w->state;
    char key[33];
    snprintf(key, sizeof(key), "%.32s", fp);
    size_t *seen = rpt_map_get(&st->fingerprints, key);
    if ((*seen)++)
        fprintf(w->f, ",\"partialFingerprints\":{\"tsauditFinding/v1\":\"%s/%zu\"}", key, *seen);
    else
        fprintf(w->f, ",\"partialFingerprints\":{\"tsauditFinding/v1\":\"%s\"}", key);
}

/* An unreadable or partly parsed file becomes a tool execution notification. */
static void note_problem(struct report_writer *w, const struct device_result *d, const char *rel)
{
    struct sarif_state *st = w->state;
    if (!d->unreadable && !d->partial)
        return;
    st->nunreadable += d->unreadable;
    FILE *f = st->problems;
    fprintf(f, "%s\"level\":\"%s\",\"descriptor\":{\"id\":\"%s\"},\"message\":{\"text\":",
            st->nproblems++ ? ",\n{" : "\n{", d->unreadable ? "error" : "warning",
            d->unreadable ? "unreadable" : "partial");
    const char *why =
        d->ndiags && d->diags[0].msg ? d->diags[0].msg : "could not be read or parsed";
    struct buf m;
    buf_init(&m, 0);
    buf_printf(&m, "%s %s: %s", rel, d->unreadable ? "not read" : "partly parsed",
               rpt_clean_cstr(w, 1, d, why, true));
    rpt_json_str(f, m.data, m.len);
    buf_free(&m);
    fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":", f);
    artifact(w, f, rel);
    fputs("}}]}", f);
}

/* Heap order: a before b when a should go first (less severe, or as severe
 * and later in the scan). */
static bool kept_before(const struct kept *a, const struct kept *b)
{
    return a->sev < b->sev || (a->sev == b->sev && a->seq > b->seq);
}

static void kept_sift_down(struct kept *h, size_t n, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && kept_before(&h[l], &h[m]))
            m = l;
        if (r < n && kept_before(&h[r], &h[m]))
            m = r;
        if (m == i)
            return;
        struct kept t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
    }
}

/* Keep a result under the cap, or drop it (or the least severe kept one). */
static void keep_result(struct report_writer *w, struct kept k)
{
    struct sarif_state *st = w->state;
    size_t cap = w->run->sarif_max_results;
    if (!st->kept)
        st->kept = xcalloc(cap, sizeof(*st->kept));
    if (st->nkept < cap) {
        size_t i = st->nkept++;
        st->kept[i] = k;
        while (i && kept_before(&st->kept[i], &st->kept[(i - 1) / 2])) {
            struct kept t = st->kept[i];
            st->kept[i] = st->kept[(i - 1) / 2];
            st->kept[(i - 1) / 2] = t;
            i = (i - 1) / 2;
        }
        return;
    }
    struct kept *root = &st->kept[0];
    if (!kept_before(root, &k)) {
        st->dropped[k.sev]++;
        free(k.text);
        return;
    }
    st->dropped[root->sev]++;
    free(root->text);
    *root = k;
    kept_sift_down(st->kept, st->nkept, 0);
}

static int cmp_kept_seq(const void *a, const void *b)
{
    const struct kept *x = a, *y = b;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* The kept results in scan order, and a notification of what the cap left out. */
static void write_kept(struct report_writer *w)
{
    struct sarif_state *st = w->state;
    if (st->nkept) /* qsort() takes no NULL array, even empty */
        qsort(st->kept, st->nkept, sizeof(*st->kept), cmp_kept_seq);
    for (size_t i = 0; i < st->nkept; i++) {
        fputs(st->nresults++ ? ",\n" : "\n", w->f);
        fwrite(st->kept[i].text, 1, st->kept[i].len, w->f);
        free(st->kept[i].text);
    }
    st->nkept = 0;
    size_t n = 0;
    for (int s = 0; s < SEV_COUNT; s++)
        n += st->dropped[s];
    if (!n)
        return;
    fprintf(st->problems,
            "%s\"level\":\"warning\",\"descriptor\":{\"id\":\"results-capped\"},"
            "\"message\":{\"text\":\"%zu results over --sarif-max-results %zu left out, the "
            "least severe first (critical %zu, high %zu, medium %zu, low %zu, info %zu); the "
            "JSON report lists them all\"}}",
            st->nproblems++ ? ",\n{" : "\n{", n, w->run->sarif_max_results,
            st->dropped[SEV_CRITICAL], st->dropped[SEV_HIGH], st->dropped[SEV_MEDIUM],
            st->dropped[SEV_LOW], st->dropped[SEV_INFO]);
}

static void write_result(struct report_writer *w, const struct device_result *d, const char *rel,
                         const struct check_result *r, size_t i);

static int sarif_device(struct report_writer *w, const struct device_result *d)
{
    struct sarif_state *st = w->state;
    char resolved[PATH_MAX];
    const char *rel = artifact_path(w, d, resolved);
    note_problem(w, d, rel);
    size_t *idx = rpt_map_get(&st->names, rpt_device_name(d));
    if (st->nrel == st->caprel) {
        st->caprel = st->caprel ? st->caprel * 2 : 64;
        st->relpaths = xrealloc(st->relpaths, st->caprel * sizeof(char *));
    }
    st->relpaths[st->nrel] = xstrdup(rel);
    *idx = st->nrel++;

    for (size_t i = 0; i < d->nresults; i++) {
        const struct check_result *r = &d->results[i];
        if ((r->verdict != VERDICT_FAIL && r->verdict != VERDICT_WAIVED) ||
            !report_filter_result(&w->run->filter, r))
            continue;
        if (!r->check)
            continue;
        if (!w->run->sarif_max_results) {
            fputs(st->nresults++ ? ",\n" : "\n", w->f);
            write_result(w, d, rel, r, i);
            continue;
        }
        /* Held back: written by write_kept() if it stays under the cap. */
        struct kept k = {.seq = st->seq++, .sev = r->check->severity};
        FILE *real = w->f;
        w->f = open_memstream(&k.text, &k.len);
        if (!w->f)
            BUG("out of memory for a SARIF result");
        write_result(w, d, rel, r, i);
        fclose(w->f);
        w->f = real;
        keep_result(w, k);
    }
    return 0;
}

/* One result object (no separator), to w->f. */
static void write_result(struct report_writer *w, const struct device_result *d, const char *rel,
                         const struct check_result *r, size_t i)
{
    FILE *f = w->f;
    const struct check_def *c = r->check;
    fputc('{', f);
    fputs("\"ruleId\":", f);
    rpt_json_cstr(f, c->id);
    fprintf(f, ",\"ruleIndex\":%zu,\"level\":\"%s\",\"kind\":\"fail\",\"message\":{\"text\":", i,
            level_of(c->severity));
    struct buf m;
    buf_init(&m, 0);
    buf_printf(&m, "%s: %s", rpt_clean_cstr(w, 1, d, d->hostname ? d->hostname : rel, false),
               rpt_clean_cstr(w, 0, d, r->message ? r->message : c->title, false));
    rpt_json_str(f, m.data, m.len);
    buf_free(&m);
    fputs("},\"locations\":[", f);
    if (r->nevidence)
        evidence_location(w, f, d, rel, &r->evidence[0], 0);
    else
        anchor_location(w, f, rel, r);
    fputc(']', f);
    /* One primary location; the other evidence lines are related. */
    uint32_t nrel = r->nevidence < 10 ? r->nevidence : 10;
    for (uint32_t k = 1; k < nrel; k++) {
        fputs(k == 1 ? ",\"relatedLocations\":[" : ",", f);
        evidence_location(w, f, d, rel, &r->evidence[k], k);
    }
    if (nrel > 1)
        fputc(']', f);
    char fp[65];
    fingerprint(w, d, r, fp);
    write_fingerprint(w, fp);
    fputs(",\"properties\":{\"dialect\":", f);
    rpt_json_cstr(f, dialect_name(d->dialect));
    fputs(",\"hostname\":", f);
    rpt_json_cstr(f, rpt_clean_cstr(w, 0, d, d->hostname, false));
    fputs(",\"severity\":", f);
    rpt_json_cstr(f, severity_name(c->severity));
    fputs("}", f);
    if (r->verdict == VERDICT_WAIVED) {
        fputs(",\"suppressions\":[{\"kind\":\"external\",\"status\":\"accepted\","
              "\"justification\":",
              f);
        struct buf j;
        buf_init(&j, 0);
        buf_printf(&j, "%s%s%s", r->waiver ? r->waiver : "waived",
                   r->waiver_expires ? "; expires " : "",
                   r->waiver_expires ? r->waiver_expires : "");
        rpt_json_str(f, j.data, j.len);
        buf_free(&j);
        fputs("}]", f);
    }
    fputs("}", f);
}

const char *report_help_url_error(const char *url)
{
    const char *p = url;
    if (!isalpha((unsigned char)*p))
        return "must be an absolute URI, starting with its scheme (https://...)";
    while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
        p++;
    if (*p != ':' || !p[1])
        return "must be an absolute URI, starting with its scheme (https://...)";
    bool placeholder = strstr(url, "{id}") != NULL;
    for (p = url; *p; p++) {
        if (!strncmp(p, "{id}", 4)) {
            p += 3;
            continue;
        }
        if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f || strchr("\"<>\\^`{|}", *p))
            return "holds a character a URI cannot (percent-encode it)";
        if (*p == '#' && !placeholder)
            return "has a fragment already: tsaudit adds #<check id> (or put {id} where it goes)";
    }
    return NULL;
}

/* helpUri: the check's heading in docs/checks.md as published at
 * --help-base-url. Built-in checks only: user rules are not documented there. */
static void write_help_uri(const struct report_writer *w, FILE *f, const struct check_def *c)
{
    const char *base = w->run->help_base_url;
    if (!base || (c->source && strcmp(c->source, "builtin") != 0))
        return;
    struct buf id, uri;
    buf_init(&id, 0);
    buf_init(&uri, 0);
    for (const char *p = c->id; *p; p++)
        buf_addc(&id, (char)tolower((unsigned char)*p));
    const char *at = strstr(base, "{id}");
    if (at)
        buf_printf(&uri, "%.*s%s%s", (int)(at - base), base, id.data, at + 4);
    else
        buf_printf(&uri, "%s#%s", base, id.data);
    fputs(",\"helpUri\":", f);
    rpt_json_str(f, uri.data, uri.len);
    buf_free(&id);
    buf_free(&uri);
}

static void md_escape(struct buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (strchr("\\`*_{}[]<>#|", *s))
            buf_addc(b, '\\');
        buf_addc(b, *s);
    }
}

/* name: the id in PascalCase, as SARIF suggests for rule names. */
static void write_rule_name(FILE *f, const char *id)
{
    struct buf name;
    buf_init(&name, 0);
    bool up = true;
    for (const char *p = id; *p; p++) {
        if (*p == '-' || *p == '_' || *p == '.') {
            up = true;
            continue;
        }
        buf_addc(&name, up ? (char)toupper((unsigned char)*p) : (char)tolower((unsigned char)*p));
        up = false;
    }
    fputs(",\"name\":", f);
    rpt_json_str(f, name.data ? name.data : "", name.len);
    buf_free(&name);
}

/* help: the rationale, the measures and every dialect's remediation, as
 * text and as Markdown. */
static void write_rule_help(FILE *f, const struct check_def *c)
{
    fputs(",\"help\":{\"text\":", f);
    struct buf t, md;
    buf_init(&t, 0);
    buf_init(&md, 0);
    buf_printf(&t, "%s", c->rationale ? c->rationale : (c->title ? c->title : c->id));
    buf_adds(&md, "**");
    md_escape(&md, c->title ? c->title : c->id);
    buf_adds(&md, "**\n\n");
    md_escape(&md, c->rationale ? c->rationale : "");
    if (c->measures && c->measures[0]) {
        buf_adds(&t, "\nCode of Practice measures:");
        buf_adds(&md, "\n\nCode of Practice measures:");
        for (size_t k = 0; c->measures[k]; k++) {
            buf_printf(&t, " %s", c->measures[k]);
            buf_printf(&md, " `%s`", c->measures[k]);
        }
    }
    bool any = false;
    for (int d = 0; d < DIALECT_COUNT; d++) {
        if (!c->remediation[d])
            continue;
        if (!any) {
            buf_adds(&t, "\nRemediation:");
            buf_adds(&md, "\n\n### Remediation\n");
            any = true;
        }
        const char *dn = d == DIALECT_UNKNOWN ? "any" : dialect_name((enum dialect)d);
        buf_printf(&t, "\n%s: %s", dn, c->remediation[d]);
        buf_printf(&md, "\n**%s**\n\n```\n%s\n```\n", dn, c->remediation[d]);
    }
    rpt_json_str(f, t.data ? t.data : "", t.len);
    fputs(",\"markdown\":", f);
    rpt_json_str(f, md.data ? md.data : "", md.len);
    fputc('}', f);
    buf_free(&t);
    buf_free(&md);
}

static void write_rule(const struct report_writer *w, const struct check_def *c, size_t i)
{
    FILE *f = w->f;
    fputs(i ? ",\n{" : "\n{", f);
    fputs("\"id\":", f);
    rpt_json_cstr(f, c->id);
    write_help_uri(w, f, c);
    write_rule_name(f, c->id);
    fputs(",\"shortDescription\":{\"text\":", f);
    rpt_json_cstr(f, c->title ? c->title : c->id);
    fputs("},\"fullDescription\":{\"text\":", f);
    rpt_json_cstr(f, c->rationale ? c->rationale : (c->title ? c->title : c->id));
    fputc('}', f);
    write_rule_help(f, c);
    fprintf(f,
            ",\"defaultConfiguration\":{\"level\":\"%s\"},\"properties\":{\"tags\":[\"security\"",
            level_of(c->severity));
    if (c->category) {
        fputc(',', f);
        rpt_json_cstr(f, c->category);
    }
    fputs("],\"category\":", f);
    rpt_json_cstr(f, c->category);
    fprintf(f,
            ",\"severity\":\"%s\",\"security-severity\":\"%s\",\"precision\":\"high\","
            "\"scope\":\"%s\",\"measures\":[",
            severity_name(c->severity), rpt_security_severity(c->severity),
            c->scope == CHECK_FLEET ? "fleet" : "device");
    for (size_t k = 0; c->measures && c->measures[k]; k++) {
        if (k)
            fputc(',', f);
        rpt_json_cstr(f, c->measures[k]);
    }
    fputs("]}}", f);
}

/* A fleet finding's locations: its first device primary, up to 19 others related. */
static void fleet_locations(struct report_writer *w, const struct fleet_finding *x)
{
    struct sarif_state *st = w->state;
    FILE *f = w->f;
    size_t nloc = 0;
    for (size_t k = 0; k < x->ndevices && nloc < 20; k++) {
        /* Devices are reported in scan order: dev_index is the writer's too. */
        size_t *idx = x->dev_index ? NULL : rpt_map_find(&st->names, x->devices[k]);
        size_t at = x->dev_index ? x->dev_index[k] : idx ? *idx : SIZE_MAX;
        if (at >= st->nrel)
            continue;
        /* The first device is the primary location, the others related. */
        fputs(nloc == 0 ? "{" : nloc == 1 ? "],\"relatedLocations\":[{" : ",{", f);
        if (nloc)
            fprintf(f, "\"id\":%zu,", nloc);
        nloc++;
        fputs("\"physicalLocation\":{\"artifactLocation\":", f);
        artifact(w, f, st->relpaths[at]);
        if (x->lines && x->lines[k] >= 1)
            fprintf(f, ",\"region\":{\"startLine\":%u}", (unsigned)x->lines[k]);
        fputs("}}", f);
    }
}

/* The finding's own fingerprint, else a hash of the check and its devices. */
static void fleet_fingerprint(const struct fleet_finding *x, char fp[65])
{
    if (x->fingerprint[0]) {
        snprintf(fp, 65, "%s", x->fingerprint);
        return;
    }
    struct buf b;
    buf_init(&b, 0);
    buf_adds(&b, x->check->id);
    for (size_t k = 0; k < x->ndevices; k++)
        buf_printf(&b, "\x1f%s", x->devices[k]);
    sha256_hex(b.data, b.len, fp);
    buf_free(&b);
}

static void fleet_results(struct report_writer *w, const struct report_estate *e)
{
    struct sarif_state *st = w->state;
    FILE *f = w->f;
    size_t ncheck = 0;
    const struct check_def *const *all = rpt_checks(w, &ncheck);
    for (size_t i = 0; i < e->nff; i++) {
        const struct fleet_finding *x = &e->ff[i];
        if (!x->check || (x->verdict != VERDICT_FAIL && x->verdict != VERDICT_WAIVED))
            continue;
        fputs(st->nresults++ ? ",\n{" : "\n{", f);
        fputs("\"ruleId\":", f);
        rpt_json_cstr(f, x->check->id);
        for (size_t k = 0; k < ncheck; k++)
            if (all[k] == x->check)
                fprintf(f, ",\"ruleIndex\":%zu", k);
        fprintf(f, ",\"level\":\"%s\",\"message\":{\"text\":", level_of(x->check->severity));
        rpt_json_cstr(f, x->message ? x->message : x->check->title);
        fputs("},\"locations\":[", f);
        fleet_locations(w, x);
        char fp[65];
        fleet_fingerprint(x, fp);
        fputc(']', f);
        write_fingerprint(w, fp);
        fputs(",\"properties\":{\"fleet\":true,\"devices\":[", f);
        for (size_t k = 0; k < x->ndevices; k++) {
            if (k)
                fputc(',', f);
            rpt_json_cstr(f, x->devices[k]);
        }
        fputs("]}}", f);
    }
}

static void scan_root_uri(struct report_writer *w)
{
    FILE *f = w->f;
    char resolved[PATH_MAX];
    /* Several roots: relpaths are relative to each, so the base is the working folder. */
    const char *root = w->run->nscan_roots == 1 ? w->run->scan_roots[0] : ".";
    if (w->run->sarif_base)
        root = w->run->sarif_base;
    struct stat sb;
    if (!realpath(root, resolved)) {
        if (!getcwd(resolved, sizeof(resolved)))
            snprintf(resolved, sizeof(resolved), "/");
    } else if (stat(resolved, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
        /* A single file argument: its folder is the root (relpath is its name). */
        char *slash = strrchr(resolved, '/');
        if (slash)
            slash[slash == resolved ? 1 : 0] = 0;
    }
    fputs("\"file://", f);
    rpt_uri_path(f, resolved);
    if (resolved[0] && resolved[strlen(resolved) - 1] != '/')
        fputc('/', f);
    fputc('"', f);
}

/* One warning per device not audited (unsupported platform or unknown
 * dialect), so a code-scanning view says which files were not looked at. */
static void not_audited_notifications(struct report_writer *w)
{
    FILE *f = w->f;
    struct sarif_state *st = w->state;
    const struct report_tally *t = &w->tally;
    for (size_t i = 0; i < t->not_audited; i++) {
        const struct rpt_unaudited *u = &t->unaudited[i];
        fputs(i || st->nproblems ? ",\n{" : "\n{", f);
        fputs(
            "\"level\":\"warning\",\"descriptor\":{\"id\":\"not-audited\"},\"message\":{\"text\":",
            f);
        struct buf b;
        buf_init(&b, 0);
        buf_printf(&b, "%s not audited: %s", u->device, u->reason);
        rpt_json_str(f, b.data, b.len);
        buf_free(&b);
        fputs("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":", f);
        size_t *idx = rpt_map_find(&st->names, u->device);
        artifact(w, f, idx && *idx < st->nrel ? st->relpaths[*idx] : u->device);
        fputs("}}],\"properties\":{\"reading\":", f);
        rpt_json_cstr(f, u->label);
        fputs("}}", f);
    }
}

static int sarif_finish(struct report_writer *w, const struct report_estate *e)
{
    FILE *f = w->f;
    const struct report_run *run = w->run;
    write_kept(w);
    fleet_results(w, e);
    fputs("\n],\n\"tool\":{\"driver\":{\"name\":\"tsaudit\",\"version\":", f);
    rpt_json_cstr(f, run->tool_version ? run->tool_version : "0");
    fputs(",\"semanticVersion\":", f);
    rpt_json_cstr(f, run->tool_version ? run->tool_version : "0.0.0");
    fputs(",\"informationUri\":\"https://www.gov.uk/government/publications/"
          "telecommunications-security-code-of-practice\",\"rules\":[",
          f);
    size_t ncheck = 0;
    const struct check_def *const *all = rpt_checks(w, &ncheck);
    for (size_t i = 0; i < ncheck; i++)
        write_rule(w, all[i], i);
    fprintf(f, "]}},\n\"originalUriBaseIds\":{\"%s\":{\"uri\":", base_id(w));
    scan_root_uri(w);
    /* Not successful when a file could not be read: its findings are missing. */
    struct sarif_state *st = w->state;
    fprintf(f, "}},\n\"invocations\":[{\"executionSuccessful\":%s",
            st->nunreadable ? "false" : "true");
    if (run->started) {
        fputs(",\"startTimeUtc\":", f);
        rpt_json_cstr(f, run->started);
    }
    if (run->finished) {
        fputs(",\"endTimeUtc\":", f);
        rpt_json_cstr(f, run->finished);
    }
    if (st->nproblems || w->tally.not_audited) {
        fputs(",\"toolExecutionNotifications\":[", f);
        fflush(st->problems);
        fwrite(st->problems_text, 1, st->problems_len, f);
        not_audited_notifications(w);
        fputc(']', f);
    }
    fputs("}],\"automationDetails\":{\"id\":", f);
    struct buf id;
    buf_init(&id, 0);
    buf_printf(&id, "tsaudit/%s", run->run_id);
    rpt_json_str(f, id.data, id.len);
    buf_free(&id);
    char d[11];
    fputs("},\"properties\":{\"tier\":", f);
    if (run->tier)
        fprintf(f, "%d", run->tier);
    else
        fputs("null", f);
    fputs(",\"codeEdition\":", f);
    rpt_json_cstr(f, run->code_edition);
    fputs(",\"provider\":", f);
    rpt_json_cstr(f, run->provider_name);
    fprintf(f, ",\"asOf\":\"%s\"}}]}\n", rpt_date(run->as_of, d));
    return ferror(f) ? -1 : 0;
}

const struct report_ops report_ops_sarif = {
    .name = "sarif",
    .open = sarif_open,
    .device = sarif_device,
    .finish = sarif_finish,
    .release = sarif_release,
};
