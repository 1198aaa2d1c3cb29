/*
 * device.c - reading an assessed device (tsaudit.h): its results, its JSON
 * object and its facts, rendered on first use by the code the reports and
 * 'tsaudit facts' use, so they say exactly what those say.
 */
#include "api/api_int.h"

#include <stdlib.h>
#include <string.h>

/* Text from the configuration, made safe as the writers make it, copied
 * into the device's arena. */
static const char *clean(struct tsa_device *d, struct buf *scratch, const char *text, size_t len,
                         bool config_text)
{
    if (!text)
        return "";
    const char *s = config_text ? report_clean(&d->ctx->run, &d->a.result, text, len, scratch)
                                : report_scrub(&d->ctx->run, &d->a.result, text, len, scratch);
    return arena_strdup(&d->a.arena, s);
}

/* Fill d->results (once): the results with their text cleaned. */
static void render_results(struct tsa_device *d)
{
    if (d->results)
        return;
    const struct device_result *r = &d->a.result;
    d->results = xcalloc(r->nresults ? r->nresults : 1, sizeof(*d->results));
    struct buf scratch;
    buf_init(&scratch, 0);
    for (size_t i = 0; i < r->nresults; i++) {
        const struct check_result *cr = &r->results[i];
        struct tsa_result *o = &d->results[i];
        const char *rem =
            cr->remediation ? cr->remediation : report_remediation(cr->check, r->dialect);
        o->check = cr->check ? cr->check->id : "unknown";
        o->verdict = verdict_name(cr->verdict);
        o->severity = severity_name(cr->check ? cr->check->severity : SEV_INFO);
        o->message = clean(d, &scratch, cr->message, cr->message ? strlen(cr->message) : 0, false);
        o->remediation = rem ? rem : "";
        o->nevidence = cr->nevidence;
    }
    d->hostname = clean(d, &scratch, r->hostname, r->hostname ? strlen(r->hostname) : 0, false);
    buf_free(&scratch);
}

const char *tsa_device_hostname(const struct tsa_device *cd)
{
    struct tsa_device *d = (struct tsa_device *)cd;
    render_results(d);
    return d->hostname;
}

size_t tsa_device_result_count(const struct tsa_device *d)
{
    return d ? d->a.result.nresults : 0;
}

int tsa_device_result(const struct tsa_device *cd, size_t i, struct tsa_result *out)
{
    struct tsa_device *d = (struct tsa_device *)cd;
    if (!d || !out || i >= d->a.result.nresults)
        return -1;
    render_results(d);
    *out = d->results[i];
    return 0;
}

int tsa_device_evidence(const struct tsa_device *cd, size_t i, size_t j, unsigned *line,
                        const char **text)
{
    struct tsa_device *d = (struct tsa_device *)cd;
    if (!d || i >= d->a.result.nresults || j >= d->a.result.results[i].nevidence)
        return -1;
    const struct evidence *e = &d->a.result.results[i].evidence[j];
    struct buf scratch;
    buf_init(&scratch, 0);
    if (line)
        *line = e->line;
    if (text)
        *text = clean(d, &scratch, e->text, e->len, true);
    buf_free(&scratch);
    return 0;
}

/* Render into a memory stream with fn; returns the text (malloc'd). */
static char *render(struct tsa_device *d, size_t *len,
                    void (*fn)(struct tsa_device *d, FILE *f, size_t *skip))
{
    char *s = NULL;
    size_t n = 0, skip = 0;
    FILE *m = open_memstream(&s, &n);
    if (!m)
        BUG("out of memory");
    fn(d, m, &skip);
    if (fclose(m) != 0)
        BUG("out of memory");
    if (skip > n)
        skip = n;
    memmove(s, s + skip, n - skip + 1);
    *len = n - skip;
    return s;
}

/* The JSON writer's device object: the writer's head is skipped. */
static void json_with(struct tsa_device *d, FILE *f, size_t *skip, const struct report_run *run)
{
    struct report_writer *w = report_open_stream(REPORT_JSON, f, d->name, run);
    if (!w)
        BUG("cannot open a JSON writer on memory");
    fflush(f);
    *skip = (size_t)ftell(f);
    report_device(w, &d->a.result);
    fflush(f);
    report_abort(w);
}

static void json_fn(struct tsa_device *d, FILE *f, size_t *skip)
{
    json_with(d, f, skip, &d->ctx->run);
}

static void compact_fn(struct tsa_device *d, FILE *f, size_t *skip)
{
    json_with(d, f, skip, &d->ctx->run_compact);
}

static void facts_fn(struct tsa_device *d, FILE *f, size_t *skip)
{
    if (d->a.model)
        model_print_json(d->a.model, d->a.tree, d->ctx->run.show_secrets, f);
    else
        fputs("null", f);
}

/* Take a free slot of the context's pool, or NULL when all are busy. */
static struct json_slot *slot_take(struct tsa_context *c, bool compact)
{
    struct json_slot *s = NULL;
    pthread_mutex_lock(&c->lock);
    for (size_t i = 0; i < API_JSON_SLOTS && !s; i++)
        if (!c->slots[compact][i].busy) {
            s = &c->slots[compact][i];
            s->busy = true;
        }
    pthread_mutex_unlock(&c->lock);
    return s;
}

static void slot_give(struct tsa_context *c, struct json_slot *s)
{
    pthread_mutex_lock(&c->lock);
    s->busy = false;
    pthread_mutex_unlock(&c->lock);
}

char *api_device_json(struct tsa_device *d, bool compact, size_t *len)
{
    struct tsa_context *c = (struct tsa_context *)d->ctx;
    struct json_slot *s = slot_take(c, compact);
    if (!s)
        return render(d, len, compact ? compact_fn : json_fn);
    if (!s->w) {
        s->f = open_memstream(&s->buf, &s->len);
        if (!s->f)
            BUG("out of memory");
        s->w =
            report_open_stream(REPORT_JSON, s->f, "<memory>", compact ? &c->run_compact : &c->run);
        if (!s->w)
            BUG("cannot open a JSON writer on memory");
    }
    /* Each device overwrites the last from the start of the stream. */
    fseek(s->f, 0, SEEK_SET);
    report_device(s->w, &d->a.result);
    fflush(s->f);
    size_t n = (size_t)ftell(s->f), skip = 0;
    while (skip < n && s->buf[skip] != '{')
        skip++; /* the head, or the separator from the previous device */
    char *out = xmalloc(n - skip + 1);
    memcpy(out, s->buf + skip, n - skip);
    out[n - skip] = '\0';
    *len = n - skip;
    slot_give(c, s);
    return out;
}

void api_json_slots_free(struct tsa_context *c)
{
    for (size_t i = 0; i < 2 * API_JSON_SLOTS; i++) {
        struct json_slot *s = &c->slots[i / API_JSON_SLOTS][i % API_JSON_SLOTS];
        if (s->w)
            report_abort(s->w);
        if (s->f)
            fclose(s->f);
        free(s->buf);
        memset(s, 0, sizeof(*s));
    }
}

const char *tsa_device_json(struct tsa_device *d, size_t *len)
{
    if (!d)
        return NULL;
    if (!d->json)
        d->json = api_device_json(d, false, &d->json_len);
    if (len)
        *len = d->json_len;
    return d->json;
}

const char *tsa_device_results_json(struct tsa_device *d, size_t *len)
{
    if (!d)
        return NULL;
    if (!d->compact)
        d->compact = api_device_json(d, true, &d->compact_len);
    if (len)
        *len = d->compact_len;
    return d->compact;
}

/* One check of the table: its text, and its remediation for every dialect. */
static void check_json(FILE *f, const struct check_def *c)
{
    fputs("{\"check\":", f);
    json_write_cstr(f, c->id);
    fputs(",\"title\":", f);
    json_write_cstr(f, c->title);
    fputs(",\"category\":", f);
    json_write_cstr(f, c->category);
    fputs(",\"severity\":", f);
    json_write_cstr(f, severity_name(c->severity));
    fputs(",\"scope\":", f);
    json_write_cstr(f, c->scope == CHECK_FLEET ? "fleet" : "device");
    fputs(",\"source\":", f);
    json_write_cstr(f, c->source ? c->source : "builtin");
    fputs(",\"measures\":[", f);
    for (size_t i = 0; c->measures && c->measures[i]; i++) {
        fputs(i ? "," : "", f);
        json_write_cstr(f, c->measures[i]);
    }
    fputs("],\"remediation\":{", f);
    for (int dl = 0; dl < DIALECT_COUNT; dl++) {
        fputs(dl ? "," : "", f);
        json_write_cstr(f, dialect_name((enum dialect)dl));
        fputc(':', f);
        json_write_cstr(f, report_remediation(c, (enum dialect)dl));
    }
    fputs("}}", f);
}

const char *tsa_checks_json(struct tsa_context *c, size_t *len)
{
    if (!c)
        return NULL;
    size_t n, m = 0;
    const struct check_def *const *all = checks_all(&n);
    char *s = NULL;
    FILE *f = open_memstream(&s, &m);
    if (!f)
        BUG("out of memory");
    fputc('[', f);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? ",\n" : "\n", f);
        check_json(f, all[i]);
    }
    fputs("]\n", f);
    if (fclose(f) != 0)
        BUG("out of memory");
    free(c->checks_json);
    c->checks_json = s;
    if (len)
        *len = m;
    return s;
}

const char *tsa_device_facts_json(struct tsa_device *d, size_t *len)
{
    if (!d)
        return NULL;
    if (!d->facts)
        d->facts = render(d, &d->facts_len, facts_fn);
    if (len)
        *len = d->facts_len;
    return d->facts;
}
