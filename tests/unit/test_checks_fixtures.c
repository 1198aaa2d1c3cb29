/*
 * test_checks_fixtures.c - table-driven check tests: every file under
 * tests/fixtures/checks/<dialect>/ is one device. Comment lines in the file
 * ('!', '#' or '//' followed by a directive) say what to expect:
 *
 *   ! dialect: cisco-ios            forced dialect (required)
 *   ! profile: none                 profile file under tests/fixtures/checks/
 *                                   (default: profile.yaml; "none" = empty)
 *   ! expect MGMT-TELNET fail 12,14 verdict, and lines that must be among the
 *                                   evidence (optional, comma separated)
 *   ! expect-none MGMT-WEB          the result must carry no evidence
 *   ! expect ID pass -- no failing form: reason
 *                                   a pass where the dialect has no setting
 *                                   that could fail the check (e.g. the
 *                                   platform only speaks SSH 2): the reason
 *                                   is for readers and tests/tools/
 *                                   fixture_coverage.py
 *   ! expect ID fail -- no passing form: reason
 *                                   the mirror: a fail (or needs_context)
 *                                   where the configuration of the dialect
 *                                   cannot show the passing state (op data
 *                                   or site context decides it)
 *   ! pending-expect ID verdict [lines] -- reason
 *                                   the right answer, not met yet because a
 *                                   fact is missing from the model: reported
 *                                   (with the reason) instead of failing
 *   ! same-verdicts-as: other.conf  every check gives the same verdict as on
 *                                   that file (same folder), e.g. Junos set form
 *   ! pending: reason               the file is skipped, reason printed
 *
 * A format without comments (the JSON of cloud exports) keeps its directives
 * in a sidecar file named after it with ".expect" added (aws/sg-open.json
 * and aws/sg-open.json.expect); the line numbers are the JSON file's.
 *
 * Adding a case is adding a file. Each file is one cmocka test; a failing
 * expectation names the file, the check, the verdict and the message.
 */
#include "testutil.h"

#include "checks/checks.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FIXTURE_DIR "tests/fixtures/checks"
#define MAX_FIXTURES 2048
#define MAX_LINES_PER_EXPECT 32

struct expect {
    char id[64];
    enum verdict verdict;
    uint32_t lines[MAX_LINES_PER_EXPECT];
    size_t nlines;
    bool no_evidence;
    bool verdict_set;
    char pending[200]; /* pending-expect: why it is not met yet */
    uint32_t at;       /* line of the directive */
};

struct fixture {
    char rel[512]; /* path relative to the source root */
    char dir[512];
};

struct loaded {
    struct arena arena;
    struct cfg_tree tree;
    struct device_model model;
    struct profile profile;
    struct device_result result;
    char *buf;
};

/*
 * The model layer references the family extractors weakly (they land one by
 * one), so a static link only pulls in those something names. Name every
 * extractor the tree has; a fixture whose dialect has none is skipped.
 */
void (*volatile const fixture_extractors[])(const struct cfg_tree *, struct device_model *) = {
    model_extract_cisco, model_extract_junos,   model_extract_vrp,
    model_extract_sros,  model_extract_fortios,
};

/* --------------------------------------------------------------- parsing */

/* The directive text after a comment marker, or NULL. */
static const char *directive(const char *line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    if (line[0] == '!' || line[0] == '#')
        line++;
    else if (line[0] == '/' && line[1] == '/')
        line += 2;
    else
        return NULL;
    while (*line == ' ' || *line == '\t')
        line++;
    static const char *const words[] = {"expect ",  "expect-none ",      "pending-expect ",
                                        "dialect:", "same-verdicts-as:", "profile:",
                                        "pending:"};
    for (size_t i = 0; i < ARRAY_SIZE(words); i++)
        if (!strncmp(line, words[i], strlen(words[i])))
            return line;
    return NULL;
}

struct header {
    enum dialect dialect;
    bool has_dialect;
    char profile[256];
    char same_as[256];
    char pending[256];
    struct expect *ex;
    size_t nex;
};

static void trim_copy(char *out, size_t n, const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    snprintf(out, n, "%s", s);
    size_t l = strlen(out);
    while (l && (out[l - 1] == ' ' || out[l - 1] == '\t' || out[l - 1] == '\r' ||
                 out[l - 1] == '*' || out[l - 1] == '/'))
        out[--l] = '\0';
}

static void parse_header(const char *rel, const char *buf, struct header *h)
{
    memset(h, 0, sizeof(*h));
    snprintf(h->profile, sizeof(h->profile), "profile.yaml");
    h->ex = xcalloc(256, sizeof(*h->ex));
    uint32_t lineno = 0;
    for (const char *p = buf; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char line[1024];
        snprintf(line, sizeof(line), "%.*s", (int)(len < 1023 ? len : 1023), p);
        lineno++;
        p = e ? e + 1 : p + len;
        const char *d = directive(line);
        if (!d)
            continue;
        if (!strncmp(d, "dialect:", 8)) {
            char name[64];
            trim_copy(name, sizeof(name), d + 8);
            if (!dialect_from_name(name, &h->dialect))
                fail_msg("%s:%u: unknown dialect '%s'", rel, lineno, name);
            h->has_dialect = true;
        } else if (!strncmp(d, "profile:", 8)) {
            trim_copy(h->profile, sizeof(h->profile), d + 8);
        } else if (!strncmp(d, "same-verdicts-as:", 17)) {
            trim_copy(h->same_as, sizeof(h->same_as), d + 17);
        } else if (!strncmp(d, "pending:", 8)) {
            trim_copy(h->pending, sizeof(h->pending), d + 8);
        } else {
            bool none = !strncmp(d, "expect-none ", 12);
            bool pend = !strncmp(d, "pending-expect ", 15);
            if (h->nex == 256)
                fail_msg("%s: too many expectations", rel);
            struct expect *x = &h->ex[h->nex++];
            x->at = lineno;
            x->no_evidence = none;
            char rest[512];
            trim_copy(rest, sizeof(rest), d + (none ? 12 : pend ? 15 : 7));
            char *why = strstr(rest, " -- ");
            if (pend && !why)
                fail_msg("%s:%u: pending-expect needs ' -- reason'", rel, lineno);
            if (why) {
                if (pend)
                    snprintf(x->pending, sizeof(x->pending), "%s", why + 4);
                *why = '\0';
            }
            char *save = NULL;
            char *tok = strtok_r(rest, " \t", &save);
            if (!tok)
                fail_msg("%s:%u: expect needs a check id", rel, lineno);
            snprintf(x->id, sizeof(x->id), "%s", tok);
            if (!check_find(x->id))
                fail_msg("%s:%u: no check '%s'", rel, lineno, x->id);
            if (none)
                continue;
            tok = strtok_r(NULL, " \t", &save);
            if (!tok || !verdict_from_name(tok, &x->verdict))
                fail_msg("%s:%u: expect %s needs a verdict", rel, lineno, x->id);
            x->verdict_set = true;
            tok = strtok_r(NULL, " \t", &save);
            while (tok && *tok) {
                char *lsave = NULL;
                for (char *l = strtok_r(tok, ",", &lsave); l; l = strtok_r(NULL, ",", &lsave)) {
                    if (x->nlines == MAX_LINES_PER_EXPECT)
                        fail_msg("%s:%u: too many lines", rel, lineno);
                    x->lines[x->nlines++] = (uint32_t)strtoul(l, NULL, 10);
                }
                tok = strtok_r(NULL, " \t", &save);
            }
        }
    }
}

/* ------------------------------------------------------------- running */

static void run_device(const char *rel, enum dialect d, const char *profile_name, struct loaded *L)
{
    size_t len;
    memset(L, 0, sizeof(*L));
    L->buf = tu_read(rel, &len);
    arena_init(&L->arena);
    diag_set_quiet(true);
    cfg_parse_buffer(&L->tree, &L->arena, rel, L->buf, len, d);
    model_extract(&L->tree, &L->model);
    profile_init_empty(&L->profile);
    if (strcmp(profile_name, "none") != 0) {
        char prel[512];
        snprintf(prel, sizeof(prel), "%s/%s", FIXTURE_DIR, profile_name);
        if (profile_load(&L->profile, &L->arena, tu_src(prel)) != 0)
            fail_msg("%s: profile %s did not load cleanly", rel, prel);
    }
    diag_set_quiet(false);
    struct check_ctx ctx = {
        .tree = &L->tree, .model = &L->model, .profile = &L->profile, .arena = &L->arena};
    checks_run_device(&ctx, &L->result);
}

static void unload(struct loaded *L)
{
    arena_free(&L->arena);
    free(L->buf);
}

static const struct check_result *result_for(const struct loaded *L, const char *id)
{
    const struct check_def *c = check_find(id);
    return c ? &L->result.results[check_index(c)] : NULL;
}

static void describe_evidence(const struct check_result *r, char *out, size_t n)
{
    size_t k = 0;
    out[0] = '\0';
    for (uint32_t i = 0; i < r->nevidence && k + 12 < n; i++)
        k += (size_t)snprintf(out + k, n - k, "%s%u", i ? "," : "", r->evidence[i].line);
}

/* The directives of a fixture: its sidecar "<file>.expect" when there is one. */
static char *read_directives(const char *rel)
{
    char side[600];
    struct stat st;
    size_t len;
    snprintf(side, sizeof(side), "%s.expect", rel);
    return tu_read(stat(tu_src(side), &st) == 0 ? side : rel, &len);
}

static bool is_sidecar(const char *name)
{
    size_t n = strlen(name);
    return n > 7 && !strcmp(name + n - 7, ".expect");
}

static void test_fixture(void **state)
{
    const struct fixture *fx = *state;
    char *raw = read_directives(fx->rel);
    struct header h;
    parse_header(fx->rel, raw, &h);
    free(raw);
    if (h.pending[0]) {
        print_message("[  SKIP    ] %s: pending: %s\n", fx->rel, h.pending);
        free(h.ex);
        skip();
    }
    if (!h.has_dialect)
        fail_msg("%s: needs a 'dialect:' directive", fx->rel);
    if (h.nex == 0 && !h.same_as[0])
        fail_msg("%s: no expectations", fx->rel);

    struct loaded L;
    run_device(fx->rel, h.dialect, h.profile, &L);
    const char *why = L.model.ssh.enabled.why;
    if (why && strstr(why, "no model extractor")) {
        print_message("[  SKIP    ] %s: no %s extractor in this build\n", fx->rel,
                      dialect_name(h.dialect));
        unload(&L);
        free(h.ex);
        skip();
    }
    unsigned failures = 0;
    for (size_t i = 0; i < h.nex; i++) {
        const struct expect *x = &h.ex[i];
        const struct check_result *r = result_for(&L, x->id);
        char ev[256];
        describe_evidence(r, ev, sizeof(ev));
        if (x->pending[0]) {
            bool met = r->verdict == x->verdict;
            for (size_t j = 0; met && j < x->nlines; j++) {
                bool found = false;
                for (uint32_t k = 0; k < r->nevidence; k++)
                    found |= r->evidence[k].line == x->lines[j];
                met = found;
            }
            print_message("[ PENDING  ] %s:%u: %s %s: %s%s%s\n", fx->rel, x->at, x->id,
                          verdict_name(x->verdict),
                          met ? "now met, make it a plain 'expect'" : "not met yet: ",
                          met ? "" : x->pending, met ? "" : "");
            continue;
        }
        if (x->verdict_set && r->verdict != x->verdict) {
            print_error("%s:%u: %s: expected %s, got %s (%s) [evidence %s]\n", fx->rel, x->at,
                        x->id, verdict_name(x->verdict), verdict_name(r->verdict), r->message, ev);
            failures++;
            continue;
        }
        if (x->no_evidence && r->nevidence) {
            print_error("%s:%u: %s: expected no evidence, got %s\n", fx->rel, x->at, x->id, ev);
            failures++;
        }
        for (size_t j = 0; j < x->nlines; j++) {
            bool found = false;
            for (uint32_t k = 0; k < r->nevidence; k++)
                if (r->evidence[k].line == x->lines[j])
                    found = true;
            if (!found) {
                print_error("%s:%u: %s: line %u not in the evidence [%s] (%s)\n", fx->rel, x->at,
                            x->id, x->lines[j], ev, r->message);
                failures++;
            }
        }
        /* Contract checks every result must meet. */
        if (r->verdict == VERDICT_FAIL && !r->remediation) {
            print_error("%s: %s: a fail without remediation\n", fx->rel, x->id);
            failures++;
        }
        /* needs_context names the profile field it lacks ("networks.paw"), or
         * says the profile has no field for the site policy it needs. */
        if (r->verdict == VERDICT_NEEDS_CONTEXT && !strstr(r->message, ".") &&
            !strstr(r->message, "profile")) {
            print_error("%s: %s: needs_context must say what the profile lacks (%s)\n", fx->rel,
                        x->id, r->message);
            failures++;
        }
    }
    if (h.same_as[0]) {
        char orel[1024];
        snprintf(orel, sizeof(orel), "%s/%s", fx->dir, h.same_as);
        char *oraw = read_directives(orel);
        struct header oh;
        parse_header(orel, oraw, &oh);
        free(oraw);
        struct loaded O;
        run_device(orel, oh.has_dialect ? oh.dialect : h.dialect, oh.profile, &O);
        for (size_t i = 0; i < L.result.nresults && i < O.result.nresults; i++) {
            const struct check_result *a = &L.result.results[i], *b = &O.result.results[i];
            if (a->verdict != b->verdict) {
                print_error("%s: %s: %s here but %s in %s (%s | %s)\n", fx->rel, a->check->id,
                            verdict_name(a->verdict), verdict_name(b->verdict), h.same_as,
                            a->message, b->message);
                failures++;
            }
        }
        unload(&O);
        free(oh.ex);
    }
    unload(&L);
    free(h.ex);
    if (failures)
        fail_msg("%s: %u expectation(s) not met", fx->rel, failures);
}

/* ------------------------------------------------------------ discovery */

static int cmp_fixture(const void *a, const void *b)
{
    return strcmp(((const struct fixture *)a)->rel, ((const struct fixture *)b)->rel);
}

static size_t find_fixtures(struct fixture *out, size_t cap)
{
    size_t n = 0;
    DIR *top = opendir(tu_src(FIXTURE_DIR));
    if (!top)
        return 0;
    struct dirent *de;
    while ((de = readdir(top)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char sub[512];
        snprintf(sub, sizeof(sub), "%s/%s", FIXTURE_DIR, de->d_name);
        struct stat st;
        if (stat(tu_src(sub), &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        DIR *d = opendir(tu_src(sub));
        if (!d)
            continue;
        struct dirent *fe;
        while ((fe = readdir(d)) != NULL && n < cap) {
            if (fe->d_name[0] == '.' || is_sidecar(fe->d_name))
                continue;
            snprintf(out[n].rel, sizeof(out[n].rel), "%s/%s", sub, fe->d_name);
            snprintf(out[n].dir, sizeof(out[n].dir), "%s", sub);
            n++;
        }
        closedir(d);
    }
    closedir(top);
    qsort(out, n, sizeof(*out), cmp_fixture);
    return n;
}

int main(void)
{
    static struct fixture fx[MAX_FIXTURES];
    size_t n = find_fixtures(fx, MAX_FIXTURES);
    if (n == 0) {
        fprintf(stderr, "no fixtures under %s\n", tu_src(FIXTURE_DIR));
        return 1;
    }
    struct CMUnitTest *tests = xcalloc(n, sizeof(*tests));
    for (size_t i = 0; i < n; i++) {
        tests[i].name = fx[i].rel + strlen(FIXTURE_DIR) + 1;
        tests[i].test_func = test_fixture;
        tests[i].initial_state = &fx[i];
    }
    int rc = _cmocka_run_group_tests("checks fixtures", tests, n, NULL, NULL);
    free(tests);
    return rc;
}
