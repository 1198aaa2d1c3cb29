/*
 * catalog.c - the measure catalogue: the built-in editions (embedded YAML,
 * an edition may be an overlay on a base edition) plus an optional
 * provider-maintained override file, merged into one sorted, read-only
 * struct catalog in the run arena.
 *
 * Merge rules: a measure or section entry whose id/number already exists
 * changes only the fields it gives (lists replace, notes append, a tierN
 * deadline replaces that tier's deadline whole); a new one must give at
 * least what a measure needs (section, title, kind) or a section (title).
 * A measure's deadline for a tier is its own when given, else its section's.
 */
#include "compliance/catalog_data.h"
#include "compliance/compliance_int.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SECTION 99
#define MAX_SERIAL 99
#define MAX_LIST 200 /* regulations, tags, note measure lists */
#define MAX_NOTES 2000
#define MAX_BASE_DEPTH 4

static const char *const kind_names[MEASURE_KIND_COUNT] = {"automated", "hybrid", "attestation"};

const char *measure_kind_name(enum measure_kind k)
{
    return (unsigned)k < MEASURE_KIND_COUNT ? kind_names[k] : "?";
}

bool measure_kind_from_name(const char *s, enum measure_kind *out)
{
    for (int i = 0; i < MEASURE_KIND_COUNT; i++)
        if (s && strcmp(s, kind_names[i]) == 0) {
            *out = (enum measure_kind)i;
            return true;
        }
    return false;
}

bool measure_id_parse(const char *s, int *section, int *serial)
{
    if (!s || s[0] != 'M')
        return false;
    const char *p = s + 1;
    int sec = 0, nd = 0;
    while (*p >= '0' && *p <= '9' && nd < 3) {
        sec = sec * 10 + (*p - '0');
        p++;
        nd++;
    }
    if (nd == 0 || nd > 2 || (nd == 2 && s[1] == '0') || sec < 1 || *p != '.')
        return false;
    p++;
    if (!(p[0] >= '0' && p[0] <= '9' && p[1] >= '0' && p[1] <= '9') || p[2] != '\0')
        return false;
    int ser = (p[0] - '0') * 10 + (p[1] - '0');
    if (ser < 1)
        return false;
    if (section)
        *section = sec;
    if (serial)
        *serial = ser;
    return true;
}

int regulation_number(const char *paragraph)
{
    int v = 0, nd = 0;
    for (const char *p = paragraph; p && *p >= '0' && *p <= '9' && nd < 4; p++, nd++)
        v = v * 10 + (*p - '0');
    return nd && nd < 4 ? v : 0;
}

const char *const *catalog_editions(void)
{
    static const char *const editions[] = {"2022", "2026", NULL};
    return editions;
}

/* ------------------------------------------------------------ the builder */

struct mbuild {
    struct measure m;
    bool has_deadline[COMPLIANCE_TIERS];
    bool has_title, has_summary, has_kind;
    const char *file; /* where it was first defined, for late errors */
    unsigned long line, col;
    unsigned seen_gen; /* file generation that last listed it (duplicates) */
    unsigned long seen_line;
    size_t capnotes;
};

struct sbuild {
    int number;
    const char *title;
    struct deadline dl[COMPLIANCE_TIERS];
    bool has_dl[COMPLIANCE_TIERS];
    unsigned seen_gen;
    unsigned long seen_line;
};

struct cbuild {
    struct arena *a;
    int16_t index[MAX_SECTION + 1][MAX_SERIAL + 1]; /* measure slot + 1, 0 = none */
    struct mbuild *m;
    size_t nm, capm;
    struct sbuild *s[MAX_SECTION + 1];
    struct edition_note *notes;
    size_t nnotes, capnotes;
    const char *edition, *version, *title, *status;
    unsigned gen; /* bumps per file */
    unsigned long errors;
};

static struct mbuild *measure_slot(struct cbuild *b, int sec, int ser, bool create)
{
    int16_t k = b->index[sec][ser];
    if (k)
        return &b->m[k - 1];
    if (!create)
        return NULL;
    if (b->nm == b->capm) {
        size_t nc = b->capm ? b->capm * 2 : 512;
        b->m = arena_grow(b->a, b->m, b->capm, nc, sizeof(*b->m));
        b->capm = nc;
    }
    struct mbuild *mb = &b->m[b->nm++];
    memset(mb, 0, sizeof(*mb));
    b->index[sec][ser] = (int16_t)b->nm;
    mb->m.section = sec;
    mb->m.serial = ser;
    return mb;
}

static void default_deadline(struct deadline *d, int tier)
{
    memset(d, 0, sizeof(*d));
    d->applies = tier != 3;
    if (tier == 3)
        d->note = "Tier 3 providers are not expected to follow the measures as such";
}

static struct sbuild *section_slot(struct cbuild *b, int number, bool create)
{
    if (b->s[number] || !create)
        return b->s[number];
    struct sbuild *s = arena_alloc(b->a, sizeof(*s));
    s->number = number;
    for (int t = 0; t < COMPLIANCE_TIERS; t++)
        default_deadline(&s->dl[t], t + 1);
    b->s[number] = s;
    return s;
}

/* ------------------------------------------------------------- one layer */

struct layer {
    struct cbuild *b;
    struct cydoc *d;
    const char *origin; /* edition name, or the override path */
    bool builtin;
};

static void unknown_field(struct layer *l, yaml_node_t *k, const char *key, const char *where)
{
    cy_diag(l->d, DIAG_WARNING, k, key, "unknown field in %s, ignored", where);
}

static bool parse_deadline(struct layer *l, yaml_node_t *n, const char *field, int tier,
                           struct deadline *out)
{
    struct cydoc *d = l->d;
    struct deadline dl;
    default_deadline(&dl, tier);
    dl.applies = true;
    dl.note = NULL;
    struct cy_map_iter it;
    if (!cy_map_begin(d, n, field, &it))
        return false;
    int before = d->y.errors;
    const char *key;
    yaml_node_t *k, *v, *verified_node = NULL, *date_all_node = NULL;
    bool has_date = false;
    while (cy_map_next(d, &it, &key, &k, &v)) {
        if (strcmp(key, "applies") == 0)
            cy_bool(d, v, key, &dl.applies);
        else if (strcmp(key, "date") == 0)
            has_date = cy_date(d, v, key, true, &dl.date, &dl.known);
        else if (strcmp(key, "date_all") == 0) {
            date_all_node = v;
            cy_date(d, v, key, true, &dl.date_all, &dl.all_known);
        } else if (strcmp(key, "verified") == 0) {
            verified_node = v;
            cy_bool(d, v, key, &dl.verified);
        } else if (strcmp(key, "trigger") == 0) {
            const char *t = cy_str(d, v, key);
            if (t && strcmp(t, "contract") != 0)
                cy_diag(d, DIAG_ERROR, v, key, "expected 'contract', found '%.40s'", t);
            else
                dl.trigger = t;
        } else if (strcmp(key, "source") == 0)
            dl.source = cy_str(d, v, key);
        else if (strcmp(key, "note") == 0)
            dl.note = cy_str(d, v, key);
        else
            unknown_field(l, k, key, "a deadline");
    }
    if (d->y.errors != before)
        return false;
    if (dl.applies && !has_date) {
        /* No date given: unknown, and so never verified. */
        dl.known = false;
    }
    if (dl.verified && dl.applies && !dl.known) {
        cy_diag(d, DIAG_ERROR, verified_node ? verified_node : n, "verified",
                "an unknown date cannot be verified");
        return false;
    }
    if (date_all_node && !dl.trigger) {
        cy_diag(d, DIAG_ERROR, date_all_node, "date_all",
                "only contract-based deadlines (trigger: contract) have date_all");
        return false;
    }
    if (dl.known && dl.all_known && dl.date_all < dl.date) {
        cy_diag(d, DIAG_ERROR, date_all_node, "date_all", "is earlier than date");
        return false;
    }
    if (!dl.applies)
        dl.known = dl.all_known = dl.verified = false;
    *out = dl;
    return true;
}

/* deadlines: {tier1: {...}, tier2: {...}, tier3: {...}} */
static void parse_deadlines(struct layer *l, yaml_node_t *n, struct deadline *dl, bool *has)
{
    struct cy_map_iter it;
    if (!cy_map_begin(l->d, n, "deadlines", &it))
        return;
    const char *key;
    yaml_node_t *k, *v;
    while (cy_map_next(l->d, &it, &key, &k, &v)) {
        int tier = 0;
        if (strlen(key) == 5 && strncmp(key, "tier", 4) == 0 && key[4] >= '1' &&
            key[4] <= '0' + COMPLIANCE_TIERS)
            tier = key[4] - '0';
        if (!tier) {
            cy_diag(l->d, DIAG_ERROR, k, key, "expected tier1, tier2 or tier3");
            continue;
        }
        struct deadline one;
        if (parse_deadline(l, v, key, tier, &one)) {
            dl[tier - 1] = one;
            has[tier - 1] = true;
        }
    }
}

static bool parse_note(struct layer *l, yaml_node_t *n, struct edition_note *out)
{
    struct cydoc *d = l->d;
    memset(out, 0, sizeof(*out));
    out->edition = l->origin;
    struct cy_map_iter it;
    if (!cy_map_begin(d, n, "notes", &it))
        return false;
    int before = d->y.errors;
    const char *key;
    yaml_node_t *k, *v;
    while (cy_map_next(d, &it, &key, &k, &v)) {
        if (strcmp(key, "topic") == 0)
            out->topic = cy_str(d, v, key);
        else if (strcmp(key, "text") == 0)
            out->text = cy_str(d, v, key);
        else if (strcmp(key, "when") == 0)
            out->when = cy_str(d, v, key);
        else if (strcmp(key, "verified") == 0)
            cy_bool(d, v, key, &out->verified);
        else if (strcmp(key, "source") == 0)
            out->source = cy_str(d, v, key);
        else if (strcmp(key, "measures") == 0) {
            if (cy_str_list(d, v, key, MAX_LIST, &out->measures, &out->nmeasures))
                for (size_t i = 0; i < out->nmeasures; i++)
                    if (!measure_id_parse(out->measures[i], NULL, NULL))
                        cy_diag(d, DIAG_ERROR, v, key, "'%.40s' is not a measure id",
                                out->measures[i]);
        } else
            unknown_field(l, k, key, "a note");
    }
    if (!out->text && d->y.errors == before)
        cy_diag(d, DIAG_ERROR, n, "text", "a note needs a text");
    return d->y.errors == before;
}

static void add_note(struct cbuild *b, struct edition_note **v, size_t *n, size_t *cap,
                     const struct edition_note *note)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 4;
        *v = arena_grow(b->a, *v, *cap, nc, sizeof(**v));
        *cap = nc;
    }
    (*v)[(*n)++] = *note;
}

static void parse_notes_into(struct layer *l, yaml_node_t *n, struct edition_note **v, size_t *cnt,
                             size_t *cap)
{
    struct cy_seq_iter it;
    if (!cy_seq_begin(l->d, n, "notes", &it))
        return;
    yaml_node_t *item;
    while (cy_seq_next(l->d, &it, &item)) {
        struct edition_note note;
        if (*cnt >= MAX_NOTES) {
            cy_diag(l->d, DIAG_ERROR, item, "notes", "more than %d notes", MAX_NOTES);
            return;
        }
        if (parse_note(l, item, &note))
            add_note(l->b, v, cnt, cap, &note);
    }
}

/* The value node of key in a mapping, or NULL. */
static yaml_node_t *map_get(struct cydoc *d, yaml_node_t *map, const char *key)
{
    return cy_get(d, map, key);
}

static void parse_measure(struct layer *l, yaml_node_t *n)
{
    struct cydoc *d = l->d;
    struct cbuild *b = l->b;
    if (n->type != YAML_MAPPING_NODE) {
        cy_diag(d, DIAG_ERROR, n, "measures", "each measure is a mapping with an id");
        return;
    }
    yaml_node_t *idn = map_get(d, n, "id");
    if (!idn) {
        cy_diag(d, DIAG_ERROR, n, "id", "a measure needs an id");
        return;
    }
    const char *id = cy_str(d, idn, "id");
    int sec, ser;
    if (!id)
        return;
    if (!measure_id_parse(id, &sec, &ser)) {
        cy_diag(d, DIAG_ERROR, idn, "id", "'%.40s' is not a measure id (M<section>.<nn>)", id);
        return;
    }
    struct mbuild *mb = measure_slot(b, sec, ser, false);
    bool is_new = mb == NULL;
    if (mb && mb->seen_gen == b->gen) {
        cy_diag(d, DIAG_ERROR, idn, "id", "%s is listed twice (first at line %lu)", id,
                mb->seen_line);
        return;
    }
    /* Parse into a scratch copy; commit only when the entry is clean. */
    struct mbuild tmp;
    if (mb)
        tmp = *mb;
    else {
        memset(&tmp, 0, sizeof(tmp));
        tmp.m.section = sec;
        tmp.m.serial = ser;
        tmp.file = d->y.path;
        tmp.line = n->start_mark.line + 1;
        tmp.col = n->start_mark.column + 1;
    }
    tmp.m.id = id;
    int before = d->y.errors;
    struct cy_map_iter it;
    cy_map_begin(d, n, "measures", &it);
    const char *key;
    yaml_node_t *k, *v;
    bool has_section = !is_new;
    while (cy_map_next(d, &it, &key, &k, &v)) {
        if (strcmp(key, "id") == 0)
            continue;
        if (strcmp(key, "section") == 0) {
            long s;
            if (cy_int(d, v, key, 1, MAX_SECTION, &s)) {
                if (s != sec)
                    cy_diag(d, DIAG_ERROR, v, key, "%s belongs to section %d, not %ld", id, sec, s);
                has_section = true;
            }
        } else if (strcmp(key, "title") == 0) {
            const char *t = cy_str(d, v, key);
            if (t) {
                tmp.m.title = t;
                tmp.has_title = true;
            }
        } else if (strcmp(key, "summary") == 0) {
            const char *t = cy_str(d, v, key);
            if (t) {
                tmp.m.summary = t;
                tmp.has_summary = true;
            }
        } else if (strcmp(key, "regulations") == 0) {
            if (cy_str_list(d, v, key, MAX_LIST, &tmp.m.regulations, &tmp.m.nregulations))
                for (size_t i = 0; i < tmp.m.nregulations; i++)
                    if (!regulation_number(tmp.m.regulations[i]))
                        cy_diag(d, DIAG_ERROR, v, key,
                                "'%.40s' does not start with a regulation number",
                                tmp.m.regulations[i]);
        } else if (strcmp(key, "mapping_note") == 0)
            tmp.m.mapping_note = cy_str(d, v, key);
        else if (strcmp(key, "tags") == 0)
            cy_str_list(d, v, key, MAX_LIST, &tmp.m.tags, &tmp.m.ntags);
        else if (strcmp(key, "kind") == 0) {
            const char *s = cy_str(d, v, key);
            if (s && !measure_kind_from_name(s, &tmp.m.kind))
                cy_diag(d, DIAG_ERROR, v, key,
                        "expected automated, hybrid or attestation, found '%.40s'", s);
            else if (s)
                tmp.has_kind = true;
        } else if (strcmp(key, "deadlines") == 0)
            parse_deadlines(l, v, tmp.m.deadlines, tmp.has_deadline);
        else if (strcmp(key, "notes") == 0) {
            /* Copy-on-append: the old array may be shared with nothing else,
             * but growing in the arena abandons it safely either way. */
            parse_notes_into(l, v, &tmp.m.notes, &tmp.m.nnotes, &tmp.capnotes);
        } else
            unknown_field(l, k, key, "a measure");
    }
    if (d->y.errors != before)
        return;
    if (is_new) {
        if (!has_section) {
            cy_diag(d, DIAG_ERROR, n, "section", "required for a new measure (%s)", id);
            return;
        }
        if (!tmp.has_title) {
            cy_diag(d, DIAG_ERROR, n, "title", "required for a new measure (%s)", id);
            return;
        }
        if (!tmp.has_kind) {
            cy_diag(d, DIAG_ERROR, n, "kind", "required for a new measure (%s)", id);
            return;
        }
        mb = measure_slot(b, sec, ser, true);
    }
    tmp.seen_gen = b->gen;
    tmp.seen_line = n->start_mark.line + 1;
    tmp.m.origin = l->origin;
    *mb = tmp;
}

static void parse_section(struct layer *l, yaml_node_t *n)
{
    struct cydoc *d = l->d;
    if (n->type != YAML_MAPPING_NODE) {
        cy_diag(d, DIAG_ERROR, n, "sections", "each section is a mapping with a number");
        return;
    }
    yaml_node_t *numn = map_get(d, n, "number");
    long num;
    if (!numn) {
        cy_diag(d, DIAG_ERROR, n, "number", "a section needs a number");
        return;
    }
    if (!cy_int(d, numn, "number", 1, MAX_SECTION, &num))
        return;
    struct sbuild *s = section_slot(l->b, (int)num, false);
    bool is_new = s == NULL;
    if (s && s->seen_gen == l->b->gen) {
        cy_diag(d, DIAG_ERROR, numn, "number", "section %ld is listed twice (first at line %lu)",
                num, s->seen_line);
        return;
    }
    struct sbuild tmp;
    if (s)
        tmp = *s;
    else {
        memset(&tmp, 0, sizeof(tmp));
        tmp.number = (int)num;
        for (int t = 0; t < COMPLIANCE_TIERS; t++)
            default_deadline(&tmp.dl[t], t + 1);
    }
    int before = d->y.errors;
    struct cy_map_iter it;
    cy_map_begin(d, n, "sections", &it);
    const char *key;
    yaml_node_t *k, *v;
    while (cy_map_next(d, &it, &key, &k, &v)) {
        if (strcmp(key, "number") == 0)
            continue;
        if (strcmp(key, "title") == 0)
            tmp.title = cy_str(d, v, key);
        else if (strcmp(key, "deadlines") == 0)
            parse_deadlines(l, v, tmp.dl, tmp.has_dl);
        else
            unknown_field(l, k, key, "a section");
    }
    if (d->y.errors != before)
        return;
    if (is_new && !tmp.title) {
        cy_diag(d, DIAG_ERROR, n, "title", "required for a new section (%ld)", num);
        return;
    }
    tmp.seen_gen = l->b->gen;
    tmp.seen_line = n->start_mark.line + 1;
    s = section_slot(l->b, (int)num, true);
    *s = tmp;
}

static void parse_sources(struct layer *l, yaml_node_t *n)
{
    struct cy_map_iter it;
    if (!cy_map_begin(l->d, n, "sources", &it))
        return;
    const char *key;
    yaml_node_t *k, *v;
    while (cy_map_next(l->d, &it, &key, &k, &v))
        cy_str(l->d, v, key);
}

/* Apply one parsed file (its base, if any, was applied before). */
static void apply_doc(struct layer *l, yaml_node_t *root)
{
    struct cydoc *d = l->d;
    struct cbuild *b = l->b;
    b->gen++;
    struct cy_map_iter it;
    if (!cy_map_begin(d, root, NULL, &it))
        return;
    const char *key;
    yaml_node_t *k, *v;
    while (cy_map_next(d, &it, &key, &k, &v)) {
        if (strcmp(key, "edition") == 0) {
            const char *e = cy_str(d, v, key);
            if (!e)
                continue;
            if (l->builtin)
                b->edition = e;
            else if (b->edition && strcmp(e, b->edition) != 0)
                cy_diag(d, DIAG_WARNING, v, key,
                        "the file is for edition %s but edition %s is being assessed", e,
                        b->edition);
        } else if (strcmp(key, "version") == 0) {
            const char *s = cy_str(d, v, key);
            if (s && l->builtin)
                b->version = s;
        } else if (strcmp(key, "title") == 0) {
            const char *s = cy_str(d, v, key);
            if (s && l->builtin)
                b->title = s;
        } else if (strcmp(key, "status") == 0) {
            const char *s = cy_str(d, v, key);
            if (s && l->builtin)
                b->status = s;
        } else if (strcmp(key, "base") == 0) {
            if (!l->builtin)
                cy_diag(
                    d, DIAG_WARNING, v, key,
                    "ignored in an override file (it applies to the edition chosen with --code)");
        } else if (strcmp(key, "sources") == 0)
            parse_sources(l, v);
        else if (strcmp(key, "notes") == 0)
            parse_notes_into(l, v, &b->notes, &b->nnotes, &b->capnotes);
        else if (strcmp(key, "sections") == 0) {
            struct cy_seq_iter si;
            yaml_node_t *item;
            if (cy_seq_begin(d, v, key, &si))
                while (cy_seq_next(d, &si, &item))
                    parse_section(l, item);
        } else if (strcmp(key, "measures") == 0) {
            struct cy_seq_iter si;
            yaml_node_t *item;
            if (cy_seq_begin(d, v, key, &si))
                while (cy_seq_next(d, &si, &item))
                    parse_measure(l, item);
        } else
            unknown_field(l, k, key, "the catalogue");
    }
}

static const struct catalog_blob *find_blob(const char *edition)
{
    char name[64];
    snprintf(name, sizeof(name), "code-%s.yaml", edition);
    for (size_t i = 0; i < catalog_nblobs; i++)
        if (strcmp(catalog_blobs[i].name, name) == 0)
            return &catalog_blobs[i];
    return NULL;
}

static int apply_edition(struct cbuild *b, const char *edition, int depth)
{
    const struct catalog_blob *blob = find_blob(edition);
    if (!blob || depth > MAX_BASE_DEPTH) {
        diag_report(DIAG_ERROR, NULL, 0, "unknown catalogue edition '%s' (built in: 2022, 2026)",
                    edition);
        return -1;
    }
    struct cydoc d;
    char *path = arena_printf(b->a, "<built-in>/%s", blob->name);
    if (cy_open(&d, b->a, path, (const char *)blob->data, blob->len) != 0)
        return -1;
    yaml_node_t *root = cy_root(&d);
    yaml_node_t *base = map_get(&d, root, "base");
    int rc = 0;
    if (base && base->type == YAML_SCALAR_NODE)
        rc = apply_edition(b, (const char *)base->data.scalar.value, depth + 1);
    if (rc == 0) {
        struct layer l = {b, &d, arena_strdup(b->a, edition), true};
        apply_doc(&l, root);
        if (d.y.errors)
            rc = -1;
    }
    cy_close(&d);
    return rc;
}

static int apply_override(struct cbuild *b, const char *path, const char *data, size_t len)
{
    struct cydoc d;
    if (cy_open(&d, b->a, path, data, len) != 0)
        return -1;
    yaml_node_t *root = cy_root(&d);
    if (root) {
        struct layer l = {b, &d, arena_strdup(b->a, path), false};
        apply_doc(&l, root);
    }
    int rc = d.y.errors ? -1 : 0;
    cy_close(&d);
    return rc;
}

/* ------------------------------------------------------------- finishing */

static int cmp_measure(const void *a, const void *b)
{
    const struct measure *x = a, *y = b;
    if (x->section != y->section)
        return x->section < y->section ? -1 : 1;
    return (x->serial > y->serial) - (x->serial < y->serial);
}

static int finish(struct cbuild *b, struct catalog *c)
{
    int rc = 0;
    c->edition = b->edition;
    c->version = b->version;
    c->title = b->title;
    c->status = b->status;
    c->notes = b->notes;
    c->nnotes = b->nnotes;
    size_t nsec = 0;
    for (int i = 1; i <= MAX_SECTION; i++)
        nsec += b->s[i] != NULL;
    c->sections = arena_alloc(b->a, (nsec ? nsec : 1) * sizeof(*c->sections));
    for (int i = 1; i <= MAX_SECTION; i++)
        if (b->s[i])
            c->sections[c->nsections++] =
                (struct catalog_section){.number = i, .title = b->s[i]->title};
    c->measures = arena_alloc(b->a, (b->nm ? b->nm : 1) * sizeof(*c->measures));
    for (size_t i = 0; i < b->nm; i++) {
        struct mbuild *mb = &b->m[i];
        struct sbuild *s = b->s[mb->m.section];
        if (!s) {
            char *where = arena_printf(b->a, "%s:%lu:%lu", mb->file, mb->line, mb->col);
            diag_report(DIAG_ERROR, where, 0,
                        "field 'section': %s is in section %d, which the catalogue does not have "
                        "(add it under sections)",
                        mb->m.id, mb->m.section);
            rc = -1;
            continue;
        }
        struct measure m = mb->m;
        m.section_title = s->title;
        if (!m.summary)
            m.summary = m.title;
        if (!m.title)
            m.title = m.summary;
        for (int t = 0; t < COMPLIANCE_TIERS; t++)
            if (!mb->has_deadline[t])
                m.deadlines[t] = s->dl[t];
        c->measures[c->nmeasures++] = m;
    }
    qsort(c->measures, c->nmeasures, sizeof(*c->measures), cmp_measure);
    for (size_t i = 0; i < c->nmeasures; i++) {
        struct catalog_section *cs =
            (struct catalog_section *)catalog_find_section(c, c->measures[i].section);
        if (cs)
            cs->nmeasures++;
    }
    return rc;
}

static int load(struct catalog **out, struct arena *a, const char *edition,
                const char *override_name, const char *data, size_t len, bool from_file)
{
    *out = NULL;
    const char *const *eds = catalog_editions();
    if (!edition) {
        size_t n = 0;
        while (eds[n])
            n++;
        edition = eds[n - 1];
    }
    bool known = false;
    for (size_t i = 0; eds[i]; i++)
        known |= strcmp(eds[i], edition) == 0;
    if (!known) {
        diag_report(DIAG_ERROR, NULL, 0, "unknown Code edition '%s' (built in: 2022, 2026)",
                    edition);
        return -1;
    }
    struct cbuild *b = xcalloc(1, sizeof(*b));
    b->a = a;
    int rc = apply_edition(b, edition, 0);
    if (rc != 0) {
        free(b);
        return -1;
    }
    char *filedata = NULL;
    if (override_name && from_file) {
        if (file_read_all(override_name, CY_MAX_BYTES, true, &filedata, &len) != 0)
            rc = -1;
        else
            data = filedata;
    }
    if (override_name && data && apply_override(b, override_name, data, len) != 0)
        rc = -1;
    free(filedata);
    struct catalog *c = arena_alloc(a, sizeof(*c));
    if (finish(b, c) != 0)
        rc = -1;
    c->override_path = override_name ? arena_strdup(a, override_name) : NULL;
    free(b);
    *out = c;
    return rc;
}

int catalog_load(struct catalog **out, struct arena *a, const char *edition,
                 const char *override_path)
{
    return load(out, a, edition, override_path, NULL, 0, true);
}

int catalog_load_buffer(struct catalog **out, struct arena *a, const char *edition,
                        const char *override_name, const char *data, size_t len)
{
    return load(out, a, edition, override_name ? override_name : "<override>", data, len, false);
}

/* -------------------------------------------------------------- accessors */

size_t catalog_count(const struct catalog *c)
{
    return c ? c->nmeasures : 0;
}

const struct measure *catalog_measure(const struct catalog *c, size_t i)
{
    return c && i < c->nmeasures ? &c->measures[i] : NULL;
}

const struct measure *catalog_find(const struct catalog *c, const char *id)
{
    int sec, ser;
    if (!c || !measure_id_parse(id, &sec, &ser))
        return NULL;
    size_t lo = 0, hi = c->nmeasures;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct measure *m = &c->measures[mid];
        int cmp =
            m->section != sec ? (m->section < sec ? -1 : 1) : (m->serial > ser) - (m->serial < ser);
        if (cmp == 0)
            return m;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

size_t catalog_index(const struct catalog *c, const struct measure *m)
{
    if (!c || m < c->measures || m >= c->measures + c->nmeasures)
        BUG("measure not in this catalogue");
    return (size_t)(m - c->measures);
}

size_t catalog_section_count(const struct catalog *c)
{
    return c ? c->nsections : 0;
}

const struct catalog_section *catalog_section(const struct catalog *c, size_t i)
{
    return c && i < c->nsections ? &c->sections[i] : NULL;
}

const struct catalog_section *catalog_find_section(const struct catalog *c, int number)
{
    for (size_t i = 0; c && i < c->nsections; i++)
        if (c->sections[i].number == number)
            return &c->sections[i];
    return NULL;
}
