/*
 * detect.c - 'tsaudit detect PATH... [--format text|json] [--vendor D]
 * [--explain]': the reading (a dialect, unsupported:<platform> or unknown),
 * form and deciding signal of every config file found under the given files
 * and folders. Text output is one "path<TAB>reading<TAB>form<TAB>signal"
 * line per file (--explain adds indented lines); JSON is an array of
 * objects. Exit 2 when a path or file could not be read (the other files
 * are still reported).
 */
#include "cli/cli.h"
#include "checks/checks.h"
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

#define DETECT_READ_LIMIT (64u * 1024u * 1024u)

static void detect_usage(FILE *out)
{
    fprintf(
        out,
        "usage: tsaudit detect PATH... [--format text|json] [--vendor DIALECT] [--explain]\n"
        "                      [--inventory FILE] [--profile FILE] [--exclude GLOB]\n\n"
        "Print what each configuration file found under PATH (files or folders,\n"
        "searched recursively) is, with the signal that decided it: a dialect\n"
        "tsaudit audits, unsupported:PLATFORM for a platform it recognises but does\n"
        "not audit (scan lists such devices as not audited), or unknown.\n\n"
        "  --format text|json  output format (default: text, one line per file:\n"
        "                      path, reading, form, signal separated by tabs)\n"
        "  --vendor DIALECT    do not detect: report DIALECT for every file\n"
        "  --explain           also say what decided (content, header, --vendor,\n"
        "                      profile, inventory), why, and the readings that scored\n"
        "  --inventory FILE    what devices are: RANCID or Oxidized router.db, Nornir\n"
        "                      hosts.yaml or an Ansible inventory; repeatable (the\n"
        "                      router.db of a RANCID tree given as PATH is read by itself)\n"
        "  --profile FILE      the provider profile's devices: rules (dialect, exclude)\n"
        "  --exclude GLOB      skip paths (relative to PATH) matching GLOB; repeatable\n"
        "  -h, --help          show this help\n\n"
        "Dialects: %s;\n'unknown' when no marker specific to one is found, or when two compete.\n"
        "Exit status: 0 done, 2 bad usage or a file could not be read.\n",
        dialect_name_list());
}

/* Length of the valid UTF-8 sequence at s (1-4), or 0. */
static size_t utf8_len(const unsigned char *s)
{
    size_t len = s[0] < 0x80                    ? 1
                 : s[0] >= 0xc2 && s[0] <= 0xdf ? 2
                 : s[0] >= 0xe0 && s[0] <= 0xef ? 3
                 : s[0] >= 0xf0 && s[0] <= 0xf4 ? 4
                                                : 0;
    uint32_t cp = len == 1   ? s[0]
                  : len == 2 ? s[0] & 0x1fu
                  : len == 3 ? s[0] & 0x0fu
                             : s[0] & 0x07u;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

/* A JSON string; bytes that are not UTF-8 become U+FFFD. */
static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t len = utf8_len(p);
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\u%04x", *p);
        else if (len == 0)
            fputs("\\ufffd", out);
        else
            fwrite(p, 1, len, out);
        p += len ? len : 1;
    }
    fputc('"', out);
}

/* "path<TAB>reading<TAB>form<TAB>signal", and with --explain the reason,
 * what decided and the readings that scored. */
static void print_text(const char *path, const struct detect_result *r, bool explain,
                       const char *excluded)
{
    char label[DIALECT_LABEL_MAX], why[768];
    printf("%s\t%s\t%s\t%s\n", cli_term(path),
           excluded ? "excluded" : detect_label(r, label, sizeof(label)),
           dialect_form_name(r->form), cli_term(excluded ? excluded : r->signal));
    if (!explain)
        return;
    printf("  decided by: %s\n  %s\n", cli_term(r->source ? r->source : "content"),
           cli_term(excluded ? excluded : detect_reason(r, why, sizeof(why))));
    for (size_t i = 0; i < r->nreadings; i++) {
        const struct detect_reading *x = &r->readings[i];
        printf("  reading %zu: %s, score %d, strongest marker %s", i + 1,
               dialect_label(x->dialect, x->platform, label, sizeof(label)), x->score,
               cli_term(x->signal));
        if (x->line)
            printf(" (line %u)", x->line);
        putchar('\n');
    }
}

/* One JSON object; --explain adds the source, the reason and the readings. */
static void print_json(const char *path, const struct detect_result *r, bool explain,
                       const char *excluded)
{
    char label[DIALECT_LABEL_MAX], why[768];
    fputs("{\"path\":", stdout);
    json_string(stdout, path);
    printf(",\"dialect\":\"%s\",\"form\":\"%s\",\"signal\":",
           excluded ? "excluded" : detect_label(r, label, sizeof(label)),
           dialect_form_name(r->form));
    json_string(stdout, excluded ? excluded : r->signal ? r->signal : "");
    printf(",\"line\":%u", r->line);
    if (explain) {
        fputs(",\"source\":", stdout);
        json_string(stdout, r->source ? r->source : "content");
        fputs(",\"reason\":", stdout);
        json_string(stdout, excluded ? excluded : detect_reason(r, why, sizeof(why)));
        printf(",\"ambiguous\":%s,\"readings\":[", r->ambiguous ? "true" : "false");
        for (size_t i = 0; i < r->nreadings; i++) {
            const struct detect_reading *x = &r->readings[i];
            printf("%s{\"reading\":\"%s\",\"score\":%d,\"signal\":", i ? "," : "",
                   dialect_label(x->dialect, x->platform, label, sizeof(label)), x->score);
            json_string(stdout, x->signal ? x->signal : "");
            printf(",\"line\":%u}", x->line);
        }
        putchar(']');
    }
    putchar('}');
}

/* The profile, inventories and --exclude patterns given, in order, and the
 * router.db of every folder scanned. Returns the number of inputs that
 * could not be read. */
static int load_sources(const char *more[][2], size_t nmore, char **paths, size_t npaths,
                        struct arena *a, struct profile *profile, struct inventory *inv,
                        struct walk_options *wopt, char **excludes)
{
    int errors = 0;
    profile_init_empty(profile);
    inventory_init(inv, a);
    for (size_t i = 0; i < nmore; i++) {
        const char *opt = more[i][0], *v = more[i][1];
        if (strcmp(opt, "--profile") == 0)
            errors += profile_load(profile, a, v) != 0;
        else if (strcmp(opt, "--inventory") == 0)
            errors += inventory_load(inv, v, NULL) != 0;
        else
            excludes[wopt->nexclude++] = (char *)v;
    }
    wopt->exclude = excludes;
    for (size_t i = 0; i < npaths; i++)
        inventory_discover(inv, paths[i]);
    return errors;
}

struct detect_opts {
    bool json, explain;
    const char *more[64][2]; /* --inventory, --profile and --exclude, in order */
    size_t nmore;
    enum dialect forced;
    char **paths; /* argc + 1 slots */
    size_t npaths;
};

/* The value of "--opt VALUE" or "--opt=VALUE" at argv[*i], or NULL. */
static const char *opt_value(int argc, char **argv, int *i, size_t optlen)
{
    const char *a = argv[*i];
    if (a[optlen] == '=')
        return a + optlen + 1;
    return *i + 1 < argc ? argv[++*i] : NULL;
}

/* One option at argv[*i]: -1 to go on, else the exit status to return. */
static int detect_option(int argc, char **argv, int *i, struct detect_opts *o)
{
    const char *a = argv[*i], *v;
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
        detect_usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(a, "--explain") == 0) {
        o->explain = true;
    } else if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0) {
        v = opt_value(argc, argv, i, 8);
        if (!v || (strcmp(v, "text") != 0 && strcmp(v, "json") != 0))
            return cli_usage_error("detect", "--format takes 'text' or 'json'");
        o->json = strcmp(v, "json") == 0;
    } else if (strcmp(a, "--vendor") == 0 || strncmp(a, "--vendor=", 9) == 0) {
        v = opt_value(argc, argv, i, 8);
        if (!v || !dialect_from_name(v, &o->forced))
            return cli_usage_error("detect", "--vendor takes one of: %s", dialect_name_list());
    } else if (strcmp(a, "--inventory") == 0 || strcmp(a, "--profile") == 0 ||
               strcmp(a, "--exclude") == 0) {
        if (*i + 1 >= argc || o->nmore == ARRAY_SIZE(o->more))
            return cli_usage_error("detect", "%s takes a value (at most %zu in all)", a,
                                   ARRAY_SIZE(o->more));
        o->more[o->nmore][0] = a;
        o->more[o->nmore++][1] = argv[++*i];
    } else {
        return cli_usage_error("detect", "unknown option '%s'", a);
    }
    return -1;
}

/* -1 to go on, else the exit status to return. */
static int parse_detect_args(int argc, char **argv, struct detect_opts *o)
{
    bool only_paths = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_paths || a[0] != '-' || a[1] == '\0') {
            o->paths[o->npaths++] = argv[i];
        } else if (strcmp(a, "--") == 0) {
            only_paths = true;
        } else {
            int rc = detect_option(argc, argv, &i, o);
            if (rc >= 0)
                return rc;
        }
    }
    return o->npaths ? -1 : cli_usage_error("detect", "no PATH given");
}

/* Print every file's reading; returns the number of files not read. */
static int detect_files(const struct walk_list *list, const struct reading_sources *src,
                        const struct detect_opts *o)
{
    int errors = 0;
    size_t shown = 0;
    if (o->json)
        fputs("[", stdout);
    for (size_t i = 0; i < list->n; i++) {
        const char *path = list->items[i].path;
        char *data = NULL, why[512];
        size_t len = 0;
        if (file_read_all(path, DETECT_READ_LIMIT, true, &data, &len) != 0) {
            errors++;
            continue;
        }
        cfg_fix_cr_only(data, len);
        struct detect_result r;
        const char *excluded = NULL;
        if (!cli_reading(src, path, list->items[i].relpath, data, len, &r, why, sizeof(why)))
            excluded = why;
        free(data);
        if (o->json) {
            fputs(shown ? ",\n" : "\n", stdout);
            print_json(path, &r, o->explain, excluded);
        } else {
            print_text(path, &r, o->explain, excluded);
        }
        shown++;
    }
    if (o->json)
        fputs(shown ? "\n]\n" : "]\n", stdout);
    return errors;
}

int cmd_detect(int argc, char **argv)
{
    struct detect_opts o = {.forced = DIALECT_UNKNOWN};
    o.paths = xcalloc((size_t)argc + 1, sizeof(*o.paths));
    int rc = parse_detect_args(argc, argv, &o);
    if (rc >= 0) {
        free(o.paths);
        return rc;
    }
    struct arena arena;
    arena_init(&arena);
    struct profile profile;
    struct inventory inv;
    char *excludes[ARRAY_SIZE(o.more)];
    struct walk_options wopt = {.max_file_size = DETECT_READ_LIMIT};
    int errors =
        load_sources(o.more, o.nmore, o.paths, o.npaths, &arena, &profile, &inv, &wopt, excludes);
    struct reading_sources src = {
        .vendor = o.forced, .profile = &profile, .inventory = &inv, .warn_contradictions = true};
    struct walk_list list = {0};
    errors += walk_paths(o.paths, o.npaths, &wopt, &list);
    free(o.paths);
    errors += detect_files(&list, &src, &o);
    walk_list_free(&list);
    arena_free(&arena);
    if (fflush(stdout) != 0)
        return EXIT_INTERNAL;
    return errors ? EXIT_INPUT : EXIT_OK;
}
