/*
 * scan.c - 'tsaudit scan': the whole pipeline for an estate.
 *
 *   files -> (workers) read, detect, parse, model, checks, waivers
 *         -> (main thread, in file order) writers and store, then free
 *   summaries -> fleet checks -> compliance -> writers' estate-wide parts
 *
 * Workers take devices from a shared counter; the main thread emits them in
 * order, so output is identical whatever --jobs is. At most `window` devices
 * are held in memory at once, which keeps memory flat as the estate grows:
 * after a device is reported only its small summary is kept.
 */
#include "cli/cli.h"
#include "cli/config.h"
#include "cli/filter.h"
#include "cli/githistory.h"
#include "cli/manifest.h"
#include "cli/since_attach.h"
#include "assess/assess.h"
#include "report/report.h"
#include "compliance/framework.h"
#include "store/store.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_OUTPUTS 16
#define MAX_RULE_FILES 64
#define MAX_INVENTORIES 16
#define MAX_EXCLUDES 64

struct scan_options {
    const char *profile_path, *attest_path, *catalog_path, *db_path, *framework_path;
    const char *code;
    int tier;
    int32_t as_of;
    bool has_as_of;
    enum severity fail_on; /* SEV_COUNT = never */
    enum dialect vendor;
    int jobs;
    size_t max_file_size; /* 0 = file_read_all's default (64 MiB) */
    bool show_secrets, quiet, no_progress, json_compact;
    enum report_junit_unknown junit_unknown;
    bool require_coverage; /* exit 1 when a device was not audited */
    const char *inventories[MAX_INVENTORIES];
    size_t ninventories;
    char *excludes[MAX_EXCLUDES];
    size_t nexcludes;
    const char *format; /* for stdout when no -o */
    const char *outputs[MAX_OUTPUTS];
    enum report_format output_formats[MAX_OUTPUTS];
    size_t noutputs;
    bool format_given;      /* --format was on the command line */
    bool stdout_taken;      /* -o - (or /dev/stdout): no terminal summary besides */
    bool format_used;       /* --format named an extension-less -o, not stdout's */
    const char *output_dir; /* --output-dir: every format, one base name */
    char dir_paths[REPORT_FORMAT_COUNT][PATH_MAX];
    const char *rules[MAX_RULE_FILES];
    size_t nrules;
    const char *git, *since, *until; /* --git REPO: walk its history first */
    const char *cache_dir;           /* --cache DIR: results of earlier runs */
    const char *sarif_base;          /* --sarif-base PATH: SARIF URIs relative to it */
    struct cli_filter filter;        /* what the outputs list */
    size_t sarif_max_results;        /* 0 = no cap */
    const char *help_base_url;       /* --help-base-url URL: SARIF helpUri */
};

/* One device in flight: its assessment, its bytes and its diagnostics,
 * printed when it is emitted so that stderr is in file order. */
struct slot {
    struct device_assessment dev;
    char *data;
    struct buf diags;
    bool from_cache; /* the result came from the cache: nothing to keep */
    bool keyed;      /* key holds the device's cache key (taken before parsing) */
    size_t len;      /* of data */
    char key[65];
};

struct outputs {
    struct report_writer *w[MAX_OUTPUTS + 1];
    size_t n;
    struct store_run *store;
    bool failed;
};

/* What the workers and the emitting thread share during the device pass. */
struct device_pass {
    const struct walk_list *files;
    const struct scan_options *opt;
    struct reading_sources reading; /* --vendor, profile devices:, inventories */
    struct assess_options assess;
    struct slot *slots; /* one per window position */
    /* emitting thread only */
    struct outputs *out;
    struct report_totals *totals;
    struct sha256_stream *devices_digest;
    struct device_summary *sums;
    struct arena *run_arena;
    struct result_cache *cache; /* NULL: --cache not given or not usable */
    const struct report_run *run;
    size_t cache_hits; /* devices reported from the cache */
    /* Per file, the first pass's cache key when the cache had the file: the
     * second pass takes the result without reading or hashing it again. */
    struct hit_key {
        char key[65];
        bool hit;
    } * hits;
    bool input_error, show_progress;
};

static const char *scan_usage =
    "usage: tsaudit scan [options] PATH...\n"
    "\n"
    "Audit configuration files and folders (RANCID/Oxidized trees, git checkouts,\n"
    "plain folders) against the Telecommunications Security Code of Practice.\n"
    "\n"
    "options:\n"
    "  --profile FILE       provider profile (YAML): tier, networks, approved servers\n"
    "  --attest FILE        attestations and waivers (YAML)\n"
    "  --catalog FILE       add to or override the built-in catalogue of measures\n"
    "  --tier 1|2|3         override the profile's tier\n"
    "  --as-of YYYY-MM-DD   assessment date for deadlines (default: today)\n"
    "  --code 2022|2026     edition of the Code of Practice (default: newest)\n"
    "  --format F           format written to stdout: text (the terminal summary,\n"
    "                       the default), json, sarif, csv, junit, html, oscal\n"
    "  -o FILE              write a report; repeatable; format from the extension:\n"
    "                       .json .sarif (.sarif.json) .csv .xml (.junit) .html (.htm)\n"
    "                       .oscal.json .txt; -o x.csv also writes x.measures.csv\n"
    "                       (one row per measure); --format csv on stdout writes the\n"
    "                       device x check table only\n"
    "  --db FILE            record the run in a SQLite history\n"
    "  --fail-on LEVEL      exit 1 if a check failed at or above LEVEL:\n"
    "                       low, medium, high (default), critical, never\n"
    "  --vendor DIALECT     force a dialect instead of detecting it\n"
    "  --jobs N             worker threads (default: all cores; 1 = one thread)\n"
    "  --max-file-size N    skip (with an error) config files over N bytes\n"
    "                       (default 67108864, 64 MiB)\n"
    "  --rules PATH         user rules (a YAML file or a folder of them); repeatable\n"
    "  --framework FILE     report a framework's requirements (YAML mapping of\n"
    "                       requirement ids to checks and rules) instead of the\n"
    "                       Code's measures\n"
    "  --show-secrets       do not redact secrets in outputs\n"
    "  --json-compact       JSON report: each check's text and remediation once, in\n"
    "                       a top-level 'checks' object, not in every result\n"
    "  --quiet              no terminal summary on stdout\n"
    "  --no-progress        no progress bar\n"
    "  --inventory FILE     what devices are: a RANCID or Oxidized router.db, a\n"
    "                       Nornir hosts.yaml or an Ansible inventory; repeatable\n"
    "                       (the router.db of a RANCID tree is read by itself)\n"
    "  --exclude GLOB       skip files and folders whose path relative to the\n"
    "                       scanned folder matches GLOB; repeatable\n"
    "  --output-dir DIR     write every format as DIR/report.EXT (json, sarif, csv,\n"
    "                       xml, html, oscal.json, txt)\n"
    "  --sarif-base PATH    SARIF locations relative to PATH (default: the root of\n"
    "                       the git repository holding the scanned folder, if any)\n"
    "  --sarif-max-results N  SARIF keeps the N most severe results (default 20000,\n"
    "                       under code scanning's 25,000 per run; 0 = all) and\n"
    "                       says in a notification what it left out\n"
    "  --help-base-url URL  where docs/checks.md is published: SARIF rules get\n"
    "                       helpUri URL#<check id> (or URL with {id} replaced)\n"
    "  --junit-unknown AS   JUnit shows unknown and needs_context verdicts as\n"
    "                       skipped (the default), failure or error\n"
    "  --checks ID,...      list only these checks' results (globs: 'RTG-*')\n"
    "  --skip-checks ID,... leave these checks' results out of the lists\n"
    "  --severity-min S     list only checks of severity S or above\n"
    "  --status V,...       list only these verdicts (fail, unknown, ...)\n"
    "  --hide-passes        leave passes out of the lists\n"
    "                       (these five shorten what the outputs list and what\n"
    "                       --fail-on gates; totals and measures count everything)\n"
    "  --config FILE        defaults for these options from FILE's 'scan:' section\n"
    "                       (default: .tsaudit.yaml in the current folder, if any;\n"
    "                       the command line wins); --no-config reads none\n"
    "  --require-coverage   exit 1 when a device was not audited (unsupported\n"
    "                       platform or unknown dialect; all are listed in the reports)\n"
    "  --git REPO           first walk REPO's git history into --db: when each\n"
    "                       check's verdict changed on each device, by which commit\n"
    "                       (see 'tsaudit since'); PATH defaults to REPO's work tree\n"
    "  --since DATE|REV     with --git: start from the newest commit before DATE\n"
    "                       (YYYY-MM-DD) or from REV (default: the first commit)\n"
    "  --until REV          with --git: end at REV (default: HEAD)\n"
    "  --cache DIR          keep each device's results in DIR and re-audit only the\n"
    "                       configurations that changed since (same reports)\n"
    "\n"
    "Exit status: 0 done and nothing failed at or above --fail-on; 1 a check failed\n"
    "at or above --fail-on; 2 bad usage or an input could not be read or parsed\n"
    "(the rest of the run still completes and is reported); 3 internal error.\n";

#define OPTIONS_HELP (-1)
#define OPTIONS_BAD (-2)

#define BAD(...) return (cli_usage_error("scan", __VA_ARGS__), OPTIONS_BAD)

/* An unknown --vendor: the nearest dialect name and the list of them all. */
static void bad_vendor(const char *given)
{
    const char *names[DIALECT_COUNT];
    size_t n = 0;
    for (int d = 0; d < DIALECT_COUNT; d++)
        if (d != DIALECT_UNKNOWN)
            names[n++] = dialect_name(d);
    const char *near = cli_nearest(given, names, n);
    cli_usage_error("scan", "unknown dialect '%s'%s%s%s; --vendor takes one of: %s", given,
                    near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "",
                    dialect_name_list());
}

/*
 * The format of each -o: from the extension, else (no extension, "-" or
 * /dev/stdout) from --format; "-" and /dev/stdout take standard output
 * from the terminal summary. --output-dir adds DIR/report.EXT for every
 * format. 0, or -1 after a usage error.
 */
static int resolve_outputs(struct scan_options *o)
{
    enum report_format given = REPORT_TEXT;
    report_format_from_name(o->format, &given);
    for (size_t i = 0; i < o->noutputs; i++) {
        const char *p = o->outputs[i];
        bool to_stdout = !strcmp(p, "-") || !strcmp(p, "/dev/stdout");
        if (to_stdout) {
            o->outputs[i] = "-";
            o->output_formats[i] = given;
            o->stdout_taken = true;
        } else if (!report_format_from_path(p, &o->output_formats[i])) {
            if (!o->format_given)
                return cli_usage_error("scan",
                                       "cannot tell the format of '%s' from its extension: "
                                       "add --format F or name it .json, .sarif, .csv, .xml, "
                                       ".html, .oscal.json or .txt",
                                       p),
                       -1;
            o->output_formats[i] = given;
            o->format_used = true;
        }
    }
    if (!o->output_dir)
        return 0;
    static const char *const ext[REPORT_FORMAT_COUNT] = {
        [REPORT_TEXT] = "txt",        [REPORT_JSON] = "json", [REPORT_SARIF] = "sarif",
        [REPORT_CSV] = "csv",         [REPORT_JUNIT] = "xml", [REPORT_HTML] = "html",
        [REPORT_OSCAL] = "oscal.json"};
    for (int f = 0; f < REPORT_FORMAT_COUNT; f++) {
        if (!ext[f])
            continue;
        if (o->noutputs == MAX_OUTPUTS)
            return cli_usage_error("scan", "at most %d outputs with --output-dir", MAX_OUTPUTS), -1;
        snprintf(o->dir_paths[f], sizeof(o->dir_paths[f]), "%s/report.%s", o->output_dir, ext[f]);
        o->outputs[o->noutputs] = o->dir_paths[f];
        o->output_formats[o->noutputs++] = (enum report_format)f;
    }
    return 0;
}

/* The getopt values of scan's options (kept stable: cli_bad_option() reads them). */
enum scan_option {
    OPT_PROFILE = 256,
    OPT_ATTEST,
    OPT_CATALOG,
    OPT_TIER,
    OPT_AS_OF,
    OPT_CODE,
    OPT_FORMAT,
    OPT_DB,
    OPT_FAIL_ON,
    OPT_VENDOR,
    OPT_JOBS,
    OPT_RULES,
    OPT_SHOW_SECRETS,
    OPT_QUIET,
    OPT_NO_PROGRESS,
    OPT_REQUIRE_COVERAGE,
    OPT_INVENTORY,
    OPT_EXCLUDE,
    OPT_FRAMEWORK,
    OPT_JSON_COMPACT,
    OPT_MAX_FILE_SIZE,
    OPT_GIT,
    OPT_SINCE,
    OPT_UNTIL,
    OPT_CACHE,
    OPT_SARIF_BASE,
    OPT_OUTPUT_DIR,
    OPT_JUNIT_UNKNOWN,
    OPT_SARIF_MAX,
    OPT_HELP_BASE_URL,
    OPT_CHECKS,
    OPT_SKIP_CHECKS,
    OPT_SEVERITY_MIN,
    OPT_STATUS,
    OPT_HIDE_PASSES,
    OPT_HELP
};

/* An option's handler: 0, OPTIONS_BAD after a usage error, or OPTIONS_HELP. */
typedef int opt_fn(struct scan_options *o, char *arg, int val);

static int opt_tier(struct scan_options *o, char *arg, int val)
{
    (void)val;
    if (strcmp(arg, "1") && strcmp(arg, "2") && strcmp(arg, "3"))
        BAD("--tier takes 1, 2 or 3, not '%s'", arg);
    o->tier = arg[0] - '0';
    return 0;
}

static int opt_as_of(struct scan_options *o, char *arg, int val)
{
    (void)val;
    if (!date_parse(arg, &o->as_of))
        BAD("--as-of takes a date YYYY-MM-DD, not '%s'", arg);
    o->has_as_of = true;
    return 0;
}

static int opt_code(struct scan_options *o, char *arg, int val)
{
    (void)val;
    if (strcmp(arg, "2022") && strcmp(arg, "2026"))
        BAD("--code takes 2022 or 2026, not '%s'", arg);
    o->code = arg;
    return 0;
}

static int opt_format(struct scan_options *o, char *arg, int val)
{
    (void)val;
    enum report_format f;
    if (!report_format_from_name(arg, &f))
        BAD("unknown format '%s'", arg);
    o->format = arg;
    o->format_given = true;
    return 0;
}

static int opt_output(struct scan_options *o, char *arg, int val)
{
    (void)val;
    if (o->noutputs == MAX_OUTPUTS)
        BAD("at most %d -o outputs", MAX_OUTPUTS);
    o->outputs[o->noutputs++] = arg; /* format: resolve_outputs() */
    return 0;
}

static int opt_fail_on(struct scan_options *o, char *arg, int val)
{
    (void)val;
    if (strcmp(arg, "never") == 0)
        o->fail_on = SEV_COUNT;
    else if (!severity_from_name(arg, &o->fail_on) || o->fail_on == SEV_INFO)
        BAD("--fail-on takes low, medium, high, critical or "
            "never, not '%s'",
            arg);
    return 0;
}

static int opt_vendor(struct scan_options *o, char *arg, int val)
{
    (void)val;
    if (!dialect_from_name(arg, &o->vendor))
        return (bad_vendor(arg), OPTIONS_BAD);
    return 0;
}

static int opt_jobs(struct scan_options *o, char *arg, int val)
{
    (void)val;
    long v;
    if (!sv_to_long(sv_from_cstr(arg), &v) || v < 1 || v > 256)
        BAD("--jobs takes a number from 1 to 256");
    o->jobs = (int)v;
    return 0;
}

static int opt_rules(struct scan_options *o, char *arg, int val)
{
    (void)val;
    if (o->nrules == MAX_RULE_FILES)
        BAD("at most %d --rules files", MAX_RULE_FILES);
    o->rules[o->nrules++] = arg;
    return 0;
}

static int opt_max_file_size(struct scan_options *o, char *arg, int val)
{
    (void)val;
    long v;
    if (!sv_to_long(sv_from_cstr(arg), &v) || v < 1 || v > (1L << 32))
        BAD("--max-file-size takes a number of bytes from 1 to 4294967296");
    o->max_file_size = (size_t)v;
    return 0;
}

static int opt_inventory(struct scan_options *o, char *arg, int val)
{
    (void)val;
    if (o->ninventories == MAX_INVENTORIES)
        BAD("at most %d --inventory files", MAX_INVENTORIES);
    o->inventories[o->ninventories++] = arg;
    return 0;
}

static int opt_exclude(struct scan_options *o, char *arg, int val)
{
    (void)val;
    if (o->nexcludes == MAX_EXCLUDES)
        BAD("at most %d --exclude patterns", MAX_EXCLUDES);
    o->excludes[o->nexcludes++] = arg;
    return 0;
}

static int opt_sarif_max(struct scan_options *o, char *arg, int val)
{
    (void)val;
    long v;
    if (!sv_to_long(sv_from_cstr(arg), &v) || v < 0 || v > 10000000)
        BAD("--sarif-max-results takes a number from 0 (no cap) to 10000000");
    o->sarif_max_results = (size_t)v;
    return 0;
}

static int opt_help_base_url(struct scan_options *o, char *arg, int val)
{
    (void)val;
    const char *why = report_help_url_error(arg);
    if (why)
        BAD("--help-base-url %s", why);
    o->help_base_url = arg;
    return 0;
}

static int opt_junit_unknown(struct scan_options *o, char *arg, int val)
{
    (void)val;
    if (!strcmp(arg, "skipped"))
        o->junit_unknown = REPORT_JUNIT_UNKNOWN_SKIPPED;
    else if (!strcmp(arg, "failure"))
        o->junit_unknown = REPORT_JUNIT_UNKNOWN_FAILURE;
    else if (!strcmp(arg, "error"))
        o->junit_unknown = REPORT_JUNIT_UNKNOWN_ERROR;
    else
        BAD("--junit-unknown takes skipped, failure or error, not '%s'", arg);
    return 0;
}

/* --checks, --skip-checks, --severity-min, --status, --hide-passes */
static int opt_filter(struct scan_options *o, char *arg, int val)
{
    if (cli_filter_option(&o->filter, val - OPT_CHECKS + CLI_FILTER_CHECKS, arg))
        return OPTIONS_BAD;
    return 0;
}

static int opt_help(struct scan_options *o, char *arg, int val)
{
    (void)o, (void)arg, (void)val;
    fputs(scan_usage, stdout);
    return OPTIONS_HELP;
}

/*
 * The options of scan, one row each, in the order getopt_long() and the
 * config file see them: long name, getopt value, short name, whether it
 * takes a value, and either its handler or the field it sets (a string for
 * an option with a value, true for one without).
 */
struct scan_opt {
    const char *name;
    int val;
    char short_name;
    int has_arg;
    opt_fn *fn;
    size_t field; /* offsetof(struct scan_options, ...) when fn is NULL */
};
#define ARG required_argument
#define NOARG no_argument
#define SET(name, val, has_arg, member)                                                            \
    {                                                                                              \
        name, val, 0, has_arg, NULL, offsetof(struct scan_options, member)                         \
    }
static const struct scan_opt scan_opts[] = {
    SET("profile", OPT_PROFILE, ARG, profile_path),
    SET("attest", OPT_ATTEST, ARG, attest_path),
    SET("catalog", OPT_CATALOG, ARG, catalog_path),
    {"tier", OPT_TIER, 0, ARG, opt_tier, 0},
    {"as-of", OPT_AS_OF, 0, ARG, opt_as_of, 0},
    {"code", OPT_CODE, 0, ARG, opt_code, 0},
    {"format", OPT_FORMAT, 0, ARG, opt_format, 0},
    {"output", 'o', 'o', ARG, opt_output, 0},
    SET("db", OPT_DB, ARG, db_path),
    {"fail-on", OPT_FAIL_ON, 0, ARG, opt_fail_on, 0},
    {"vendor", OPT_VENDOR, 0, ARG, opt_vendor, 0},
    {"jobs", OPT_JOBS, 'j', ARG, opt_jobs, 0},
    {"rules", OPT_RULES, 0, ARG, opt_rules, 0},
    SET("framework", OPT_FRAMEWORK, ARG, framework_path),
    {"max-file-size", OPT_MAX_FILE_SIZE, 0, ARG, opt_max_file_size, 0},
    SET("show-secrets", OPT_SHOW_SECRETS, NOARG, show_secrets),
    SET("json-compact", OPT_JSON_COMPACT, NOARG, json_compact),
    SET("quiet", OPT_QUIET, NOARG, quiet),
    SET("no-progress", OPT_NO_PROGRESS, NOARG, no_progress),
    SET("require-coverage", OPT_REQUIRE_COVERAGE, NOARG, require_coverage),
    {"inventory", OPT_INVENTORY, 0, ARG, opt_inventory, 0},
    {"exclude", OPT_EXCLUDE, 0, ARG, opt_exclude, 0},
    SET("git", OPT_GIT, ARG, git),
    SET("since", OPT_SINCE, ARG, since),
    SET("until", OPT_UNTIL, ARG, until),
    SET("cache", OPT_CACHE, ARG, cache_dir),
    SET("sarif-base", OPT_SARIF_BASE, ARG, sarif_base),
    SET("output-dir", OPT_OUTPUT_DIR, ARG, output_dir),
    {"junit-unknown", OPT_JUNIT_UNKNOWN, 0, ARG, opt_junit_unknown, 0},
    {"sarif-max-results", OPT_SARIF_MAX, 0, ARG, opt_sarif_max, 0},
    {"help-base-url", OPT_HELP_BASE_URL, 0, ARG, opt_help_base_url, 0},
    {"checks", OPT_CHECKS, 0, ARG, opt_filter, 0},
    {"skip-checks", OPT_SKIP_CHECKS, 0, ARG, opt_filter, 0},
    {"severity-min", OPT_SEVERITY_MIN, 0, ARG, opt_filter, 0},
    {"status", OPT_STATUS, 0, ARG, opt_filter, 0},
    {"hide-passes", OPT_HIDE_PASSES, 0, NOARG, opt_filter, 0},
    {"help", OPT_HELP, 'h', NOARG, opt_help, 0},
};
#undef SET
#undef ARG
#undef NOARG

#define NSCAN_OPTS (sizeof(scan_opts) / sizeof(scan_opts[0]))

/* getopt_long()'s view of scan_opts[]: the long options and the short ones
 * ("o:hj:" as letters, ':' after those taking a value). Built once. */
static struct option scan_longopts[NSCAN_OPTS + 1];
static char scan_shortopts[2 * NSCAN_OPTS + 1];

static void scan_getopt_tables(void)
{
    if (scan_longopts[0].name)
        return;
    size_t ns = 0;
    for (size_t i = 0; i < NSCAN_OPTS; i++) {
        const struct scan_opt *r = &scan_opts[i];
        scan_longopts[i] = (struct option){r->name, r->has_arg, NULL, r->val};
        if (!r->short_name)
            continue;
        scan_shortopts[ns++] = r->short_name;
        if (r->has_arg == required_argument)
            scan_shortopts[ns++] = ':';
    }
}

/* The row of getopt_long()'s answer c, by getopt value or short name. */
static const struct scan_opt *scan_opt_find(int c)
{
    for (size_t i = 0; i < NSCAN_OPTS; i++)
        if (scan_opts[i].val == c || scan_opts[i].short_name == c)
            return &scan_opts[i];
    return NULL;
}

/* One option with its value (optarg): its handler, or the field it sets. */
static int scan_opt_apply(const struct scan_opt *r, struct scan_options *o, char *arg)
{
    if (r->fn)
        return r->fn(o, arg, r->val);
    char *field = (char *)o + r->field;
    if (r->has_arg == no_argument)
        *(bool *)field = true;
    else
        *(const char **)field = arg;
    return 0;
}

/* What one option alone cannot tell: the combinations, and a PATH. */
static int check_combinations(struct scan_options *o, int argc)
{
    if ((o->since || o->until) && !o->git)
        BAD("--since and --until go with --git");
    if (o->git && !o->db_path)
        BAD("--git needs --db FILE: the verdict history is recorded there");
    if (optind >= argc && !o->git)
        BAD("no PATH to scan");
    if (resolve_outputs(o) != 0)
        return OPTIONS_BAD;
    return optind;
}

/* Returns the index of the first PATH, OPTIONS_HELP or OPTIONS_BAD. */
static int parse_options(int argc, char **argv, struct scan_options *o)
{
    memset(o, 0, sizeof(*o));
    o->fail_on = SEV_HIGH;
    o->format = "text";
    o->sarif_max_results = 20000; /* under code scanning's 25,000 results per run */
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    o->jobs = ncpu > 0 ? (int)ncpu : 1;
    scan_getopt_tables();
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, scan_shortopts, scan_longopts, NULL)) != -1) {
        const struct scan_opt *r = scan_opt_find(c);
        if (!r)
            return (cli_bad_option("scan", argc, argv, scan_shortopts, scan_longopts), OPTIONS_BAD);
        int rc = scan_opt_apply(r, o, optarg);
        if (rc != 0)
            return rc;
    }
    return check_combinations(o, argc);
}

/* ------------------------------------------------------------ one device */

/*
 * Move a reported device's summary into the run arena: exact sizes, no
 * per-allocation overhead, and no small long-lived blocks left between the
 * large short-lived ones of the next devices. Main thread only.
 */
static void keep_summary(struct arena *a, struct device_summary *sum)
{
    /* One block: fingerprints (16-byte records) first, then the verdicts
     * and the hostname. */
    const char *host = sum->hostname ? sum->hostname : "";
    size_t nfp = (size_t)sum->nfps * sizeof(*sum->fps), hl = strlen(host) + 1;
    uint8_t *block = arena_alloc(a, nfp + sum->nverdicts + hl);
    if (nfp)
        memcpy(block, sum->fps, nfp);
    if (sum->nverdicts)
        memcpy(block + nfp, sum->verdicts, sum->nverdicts);
    memcpy(block + nfp + sum->nverdicts, host, hl);
    free(sum->fps);
    free(sum->verdicts);
    free(sum->hostname);
    sum->fps = nfp ? (struct secret_fp *)(void *)block : NULL;
    sum->verdicts = block + nfp;
    sum->hostname = (char *)block + nfp + sum->nverdicts;
}

/* The --inventory files, then the router.db of each scanned RANCID or
 * Oxidized tree. 0, or -1 when a file could not be read. */
static int load_inventories(const struct scan_options *o, char *const *roots, size_t nroots,
                            struct arena *a, struct inventory *inv)
{
    int rc = 0;
    inventory_init(inv, a);
    for (size_t i = 0; i < o->ninventories; i++)
        if (inventory_load(inv, o->inventories[i], NULL) != 0)
            rc = -1;
    for (size_t i = 0; i < nroots; i++)
        inventory_discover(inv, roots[i]);
    inventory_index(inv);
    return rc;
}

/* What a device is: --vendor, the profile's devices: rules, inventories,
 * else its content (device_assess's read_as). */
static bool scan_reading(const void *arg, const char *path, const char *relpath, const char *data,
                         size_t len, struct detect_result *det, char *why, size_t cap)
{
    return cli_reading(arg, path, relpath, data, len, det, why, cap);
}

/* The cache's key for a device: the SHA-256 of its bytes and of what decides
 * how it is read (content, --vendor, a profile rule or an inventory entry). */
static bool cache_key(const struct device_pass *dp, const char *path, const char *relpath,
                      const char *data, size_t len, char out[65])
{
    char how[1024];
    if (!cli_reading_key(&dp->reading, path, relpath, how, sizeof(how)))
        return false;
    struct sha256_stream st;
    sha256_begin(&st);
    sha256_add(&st, data, len);
    sha256_add(&st, "\x1f", 1);
    sha256_add(&st, how, strlen(how));
    sha256_end(&st, out);
    return true;
}

/* The result stored under s->key, restored as the device's assessment;
 * its reuse finding (CRED-UNIQUE-PER-DEVICE) is decided again from this
 * run's estate, citing the secrets' lines the cache kept cleaned. */
static bool restore(struct device_pass *dp, const struct assess_options *o,
                    const struct walk_entry *f, struct slot *s)
{
    device_assess_begin(f->path, f->relpath, &s->dev);
    bool hit = o->fingerprints_only ? result_cache_get_summary(dp->cache, s->key, &s->dev)
                                    : result_cache_get(dp->cache, s->key, &s->dev);
    if (!hit) {
        device_assessment_free(&s->dev);
        return false;
    }
    if (o->fleet)
        checks_refresh_fleet(o->fleet, s->dev.tree, &s->dev.arena, o->profile, &s->dev.result);
    if (!o->fingerprints_only)
        device_assess_restored(o, &s->dev);
    s->from_cache = true;
    return true;
}

/* The device's result from the cache when its bytes were audited before,
 * read the same way, under the same settings. */
static bool from_cache(struct device_pass *dp, const struct assess_options *o,
                       const struct walk_entry *f, struct slot *s, size_t len)
{
    s->len = len;
    s->keyed = dp->cache && cache_key(dp, f->path, f->relpath, s->data, len, s->key);
    return s->keyed && restore(dp, o, f, s);
}

/* The second pass: the result the first pass found in the cache for this
 * file, by the key it computed, without reading or hashing the file again. */
static bool from_first_pass(struct device_pass *dp, size_t index, const struct walk_entry *f,
                            struct slot *s)
{
    if (!dp->hits || !dp->hits[index].hit)
        return false;
    memcpy(s->key, dp->hits[index].key, sizeof(s->key));
    s->data = NULL;
    s->len = 0;
    s->keyed = restore(dp, &dp->assess, f, s);
    return s->keyed;
}

/* Read one file and assess it into its slot. Any thread. */
static void device_work(void *ctx, size_t index, size_t slot)
{
    struct device_pass *dp = ctx;
    const struct walk_entry *f = &dp->files->items[index];
    struct slot *s = &dp->slots[slot];
    size_t len = 0;
    diag_capture_begin(&s->diags);
    s->from_cache = s->keyed = false;
    if (from_first_pass(dp, index, f, s))
        ;
    else if (file_read_all(f->path, dp->opt->max_file_size, true, &s->data, &len) != 0)
        device_assess_unreadable(&dp->assess, f->path, f->relpath, &s->dev);
    else if (!from_cache(dp, &dp->assess, f, s, len))
        device_assess(&dp->assess, f->path, f->relpath, s->data, len, &s->dev);
    diag_capture_end();
}

static void totals_add(struct report_totals *t, const struct device_result *r,
                       const struct report_filter *filter);
static void progress(size_t done, size_t total);

/* Report one assessed device to every writer and the store, keep its
 * summary and free the rest. The calling thread, in file order. */
static void device_emit(void *ctx, size_t index, size_t slot)
{
    struct device_pass *dp = ctx;
    struct slot *s = &dp->slots[slot];
    const struct device_result *r = &s->dev.result;
    dp->cache_hits += s->from_cache;
    if (s->keyed && !s->from_cache) {
        struct cache_input in = {s->data, s->len, s->diags.data, s->diags.len};
        result_cache_put(dp->cache, dp->run, s->key, r, &s->dev.summary, &in);
    }
    diag_flush(&s->diags);
    if (r->unreadable || r->partial)
        dp->input_error = true;
    totals_add(dp->totals, r, &dp->run->filter);
    manifest_add_device(dp->devices_digest, r->relpath ? r->relpath : r->file, r->content_hash);
    for (size_t k = 0; k < dp->out->n; k++)
        if (report_device(dp->out->w[k], r) != 0)
            dp->out->failed = true;
    if (dp->out->store && store_run_device(dp->out->store, r) != 0)
        dp->out->failed = true;
    dp->sums[index] = s->dev.summary;
    keep_summary(dp->run_arena, &dp->sums[index]);
    device_assessment_free(&s->dev);
    free(s->data);
    s->data = NULL;
    size_t n = dp->files->n;
    if (dp->show_progress && (index % 64 == 63 || index + 1 == n))
        progress(index + 1, n);
}

/* Every device through the pool: --jobs workers, emitted in file order with
 * at most four devices per worker in memory. */
static void device_pass_run(struct device_pass *dp)
{
    size_t n = dp->files->n;
    int jobs = dp->opt->jobs;
    if ((size_t)jobs > n)
        jobs = n ? (int)n : 1;
    size_t window = (size_t)jobs * 4;
    dp->slots = xcalloc(window, sizeof(*dp->slots));
    for (size_t i = 0; i < window; i++)
        buf_init(&dp->slots[i].diags, 0);
    static const struct ordered_pool_ops ops = {.work = device_work, .emit = device_emit};
    ordered_pool_run(n, jobs, window, &ops, dp);
    for (size_t i = 0; i < window; i++)
        buf_free(&dp->slots[i].diags);
    free(dp->slots);
}

/*
 * The first pass: every file's secret fingerprints, so that each device's
 * CRED-UNIQUE-PER-DEVICE result is decided when the device is reported.
 * Its diagnostics are the second pass's and are neither printed nor
 * counted here.
 */
struct fingerprint_pass {
    struct device_pass *dp;
    struct assess_options assess;
    struct slot *slots;
    struct device_summary *sums; /* one per file */
};

static void fingerprint_work(void *ctx, size_t index, size_t slot)
{
    struct fingerprint_pass *fp = ctx;
    const struct walk_entry *f = &fp->dp->files->items[index];
    struct slot *s = &fp->slots[slot];
    size_t len = 0;
    diag_set_thread_silent(true);
    s->from_cache = s->keyed = false;
    if (file_read_all(f->path, fp->dp->opt->max_file_size, true, &s->data, &len) != 0)
        device_assess_unreadable(&fp->assess, f->path, f->relpath, &s->dev);
    else if (!from_cache(fp->dp, &fp->assess, f, s, len))
        device_assess(&fp->assess, f->path, f->relpath, s->data, len, &s->dev);
    if (fp->dp->hits && s->from_cache) {
        memcpy(fp->dp->hits[index].key, s->key, sizeof(s->key));
        fp->dp->hits[index].hit = true;
    }
    diag_set_thread_silent(false);
}

static void fingerprint_emit(void *ctx, size_t index, size_t slot)
{
    struct fingerprint_pass *fp = ctx;
    struct slot *s = &fp->slots[slot];
    const struct device_result *r = &s->dev.result;
    struct device_summary *sum = &fp->sums[index];
    *sum = s->dev.summary;
    sum->excluded = r->excluded;
    sum->unreadable = r->unreadable;
    sum->not_audited = r->not_audited != NULL;
    device_assessment_free(&s->dev);
    free(s->data);
    s->data = NULL;
}

/* Run the first pass and build the estate's reuse view (sums: one per file). */
static struct fleet_view *fingerprint_pass_run(struct device_pass *dp, struct device_summary *sums)
{
    size_t n = dp->files->n;
    int jobs = dp->opt->jobs;
    if ((size_t)jobs > n)
        jobs = n ? (int)n : 1;
    size_t window = (size_t)jobs * 4;
    struct fingerprint_pass fp = {.dp = dp, .assess = dp->assess, .sums = sums};
    fp.assess.fingerprints_only = true;
    fp.assess.summary = false;
    fp.assess.attest = NULL;
    fp.slots = xcalloc(window, sizeof(*fp.slots));
    static const struct ordered_pool_ops ops = {.work = fingerprint_work, .emit = fingerprint_emit};
    ordered_pool_run(n, jobs, window, &ops, &fp);
    free(fp.slots);
    return fleet_view_build(sums, n);
}

/* ------------------------------------------------------------- the run */

static int cmp_fleet(const void *a, const void *b)
{
    const struct fleet_finding *x = a, *y = b;
    int c = strcmp(x->ndevices ? x->devices[0] : "", y->ndevices ? y->devices[0] : "");
    if (c)
        return c;
    if (x->ndevices && y->ndevices && x->lines[0] != y->lines[0])
        return x->lines[0] < y->lines[0] ? -1 : 1;
    return strcmp(x->message ? x->message : "", y->message ? y->message : "");
}

static void totals_add(struct report_totals *t, const struct device_result *r,
                       const struct report_filter *filter)
{
    t->devices++;
    if (r->unreadable)
        t->devices_unreadable++;
    if (r->partial)
        t->devices_partial++;
    if (r->excluded)
        t->devices_excluded++;
    if (r->not_audited)
        t->devices_not_audited++;
    for (size_t i = 0; i < r->nresults; i++) {
        const struct check_result *c = &r->results[i];
        t->by_verdict[c->verdict]++;
        if (c->verdict == VERDICT_FAIL) {
            t->fail_by_severity[c->check->severity]++;
            if (report_filter_result(filter, c))
                t->listed_fail_by_severity[c->check->severity]++;
            if (i < t->ncheck)
                t->fail_by_check[i]++;
        }
    }
}

static void progress(size_t done, size_t total)
{
    int width = 30;
    int filled = total ? (int)((double)done / (double)total * width) : width;
    fprintf(stderr, "\r[%.*s%*s] %zu/%zu devices", filled, "##############################",
            width - filled, "", done, total);
    if (done == total)
        fputc('\n', stderr);
}

/*
 * SOURCE_DATE_EPOCH (reproducible-builds.org): when it holds a whole number
 * of seconds, every timestamp of the run is that moment and the run id is
 * derived from the run's inputs, so the same inputs give the same bytes in
 * every report. Returns false when it is unset or not a number.
 */
static bool source_date_epoch(time_t *out)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s)
        return false;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < 0)
        return false;
    *out = (time_t)v;
    return true;
}

static void iso_now(char *out, size_t n)
{
    time_t now;
    if (!source_date_epoch(&now))
        now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A uuid-shaped id (version 4 nibble, RFC 4122 variant) from a seed: the
 * seed and the clock and process, or under SOURCE_DATE_EPOCH the seed
 * alone (it names the run's inputs). */
static void make_run_id(char *out, size_t n, const char *seed)
{
    char hex[65];
    struct buf b;
    buf_init(&b, 0);
    time_t sde;
    if (source_date_epoch(&sde)) {
        buf_printf(&b, "%s", seed);
    } else {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        buf_printf(&b, "%s-%lld-%ld-%ld", seed, (long long)ts.tv_sec, ts.tv_nsec, (long)getpid());
    }
    sha256_hex(buf_cstr(&b), b.len, hex);
    buf_free(&b);
    snprintf(out, n, "%.8s-%.4s-4%.3s-%c%.3s-%.12s", hex, hex + 8, hex + 13, "89ab"[hex[16] % 4],
             hex + 17, hex + 20);
}

/*
 * --cache: the run key is the digest of everything besides a configuration's
 * bytes that shapes its results (tool version, check set, profile, rules and
 * inventories, --vendor); the run then salts fingerprints with the cache's
 * own salt so cached and fresh devices compare. NULL: no cache.
 */
static struct result_cache *open_cache(const struct scan_options *o, const struct report_run *run,
                                       const struct manifest *m, const struct profile *p,
                                       char salt[65])
{
    if (!o->cache_dir)
        return NULL;
    if (o->show_secrets) {
        diag_report(DIAG_NOTE, o->cache_dir, 0,
                    "the result cache is not used with --show-secrets (it never holds secrets)");
        return NULL;
    }
    struct sha256_stream s;
    sha256_begin(&s);
    sha256_add(&s, TSAUDIT_VERSION, strlen(TSAUDIT_VERSION));
    sha256_add(&s, run->checks_digest, strlen(run->checks_digest));
    sha256_add(&s, dialect_name(o->vendor), strlen(dialect_name(o->vendor)));
    /* Software support is judged at the assessment date, and against the
     * files the profile names (advisories, release tables, templates). */
    sha256_add(&s, &run->as_of, sizeof(run->as_of));
    sha256_add(&s, p->data_digest, strlen(p->data_digest));
    for (size_t i = 0; i < m->n; i++) {
        /* Waivers are applied afresh; the catalogue and a framework act
         * after the devices: only the profile and rules shape a result. */
        if (strcmp(m->inputs[i].role, "profile") && strcmp(m->inputs[i].role, "rules"))
            continue;
        sha256_add(&s, m->inputs[i].role, strlen(m->inputs[i].role));
        sha256_add(&s, m->inputs[i].sha256, strlen(m->inputs[i].sha256));
    }
    for (size_t i = 0; i < o->ninventories; i++) {
        char h[65];
        manifest_hash_path(o->inventories[i], h);
        sha256_add(&s, h, strlen(h));
    }
    char key[65];
    sha256_end(&s, key);
    return result_cache_open(o->cache_dir, key, salt);
}

/* --git: walk the repository's history into the database before the scan. */
static int scan_git_history(const struct scan_options *opt, const struct profile *profile,
                            char **workdir)
{
    struct git_walk_options g = {
        .repo = opt->git,
        .since = opt->since,
        .until = opt->until,
        .db_path = opt->db_path,
        .profile = profile,
        .vendor = opt->vendor,
        .max_file_size = opt->max_file_size ? opt->max_file_size : 64u << 20,
    };
    struct git_walk_result res;
    int rc = git_history_walk(&g, &res);
    if (rc == 0 && !opt->quiet)
        fprintf(stderr, "history: %zu commits, %zu file versions audited, %zu devices\n",
                res.commits, res.versions, res.devices);
    *workdir = res.workdir;
    return rc;
}

/*
 * The folder SARIF locations are relative to: --sarif-base, else the root
 * of the git repository holding the first scanned path (code scanning
 * resolves a location against the repository root and ignores
 * originalUriBaseIds), else NULL (relative to the scanned folder). Absolute.
 */
static const char *sarif_base_for(const struct scan_options *o, char *const *roots, size_t nroots,
                                  char *out, size_t cap)
{
    char dir[PATH_MAX];
    if (o->sarif_base)
        return realpath(o->sarif_base, out) ? out : NULL;
    if (!nroots || !realpath(roots[0], dir))
        return NULL;
    struct stat st;
    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
        *strrchr(dir, '/') = '\0';
    for (;;) {
        char git[PATH_MAX + 8];
        snprintf(git, sizeof(git), "%s/.git", dir[0] ? dir : "");
        if (access(git, F_OK) == 0) {
            snprintf(out, cap, "%s", dir[0] ? dir : "/");
            return out;
        }
        char *slash = strrchr(dir, '/');
        if (!slash || !dir[0])
            return NULL;
        *slash = '\0';
    }
}

/* Stop before anything is written: one line saying so, exit 2. */
static int stop_early(struct arena *run_arena, struct walk_list *files)
{
    fprintf(stderr, "tsaudit scan: stopped before scanning; no report was written\n");
    if (files)
        walk_list_free(files);
    arena_free(run_arena);
    return EXIT_INPUT;
}

/* The inputs that shape the whole run. */
struct run_inputs {
    struct profile profile;
    struct framework framework;
    bool have_framework, have_attest;
    struct attestations attest;
    struct catalog *catalog; /* NULL: the edition is unknown */
};

/* Load the profile, rules, framework, attestations and catalogue; 0, or -1
 * when one of them had an error (reported). */
static int load_run_inputs(const struct scan_options *opt, struct arena *a, struct run_inputs *in)
{
    int rc = 0;
    memset(in, 0, sizeof(*in));
    profile_init_empty(&in->profile);
    if (opt->profile_path && profile_load(&in->profile, a, opt->profile_path) != 0)
        rc = -1;
    for (size_t i = 0; i < opt->nrules; i++)
        if (rules_load_path(a, opt->rules[i]) != 0)
            rc = -1;
    if (opt->framework_path) {
        if (framework_load(&in->framework, a, opt->framework_path) != 0)
            rc = -1;
        else
            in->have_framework = true;
    }
    if (opt->attest_path) {
        if (attest_load(&in->attest, a, opt->attest_path) != 0)
            rc = -1;
        in->have_attest = true;
    }
    const char *edition = opt->code ? opt->code : in->profile.code;
    if (catalog_load(&in->catalog, a, edition, opt->catalog_path) != 0)
        rc = -1;
    return rc;
}

/* The catalogue is identified by its edition and, when overridden, the
 * digest of the override file. */
static void catalog_identity(const struct scan_options *opt, const struct catalog *catalog,
                             char *out, size_t cap)
{
    snprintf(out, cap, "builtin-%s", catalog->edition);
    char *data;
    size_t len;
    if (opt->catalog_path && file_read_all(opt->catalog_path, 0, false, &data, &len) == 0) {
        char hex[65];
        sha256_hex(data, len, hex);
        snprintf(out, cap, "%s", hex);
        free(data);
    }
}

/* The run's identity: when it started and what it read. */
static void run_identity(const char *started, const struct profile *profile,
                         const char *catalog_digest, const struct scan_options *opt,
                         char *const *roots, size_t nroots, char *out, size_t cap)
{
    struct buf seed;
    buf_init(&seed, 0);
    buf_printf(&seed, "%s\x1f%s\x1f%s\x1f%s", started, profile->digest, catalog_digest,
               opt->attest_path ? opt->attest_path : "");
    for (size_t i = 0; i < nroots; i++)
        buf_printf(&seed, "\x1f%s", roots[i]);
    make_run_id(out, cap, buf_cstr(&seed));
    buf_free(&seed);
}

/* --fail-on: a listed device failure at or above the level, as the terminal
 * summary's gate line counts (a fleet finding groups failures the devices
 * involved already have in their own results). */
static bool gate_fails(enum severity fail_on, const struct report_totals *totals)
{
    if (fail_on >= SEV_COUNT)
        return false;
    for (int sev = fail_on; sev < SEV_COUNT; sev++)
        if (totals->listed_fail_by_severity[sev])
            return true;
    return false;
}

/* What one run holds from phase to phase (scan_run()). */
struct scan_state {
    struct scan_options opt;
    struct arena run_arena;
    struct run_inputs in;
    struct attestations *attest; /* &in.attest, or NULL without --attest */
    int tier;
    int32_t as_of;
    char **roots, *workdir[1]; /* workdir: --git's work tree, when PATH is not given */
    size_t nroots;
    struct walk_list files;
    struct inventory inventory;
    bool input_error;
    /* what the writers are told about the run */
    char catalog_digest[80], started[32], finished[32], run_id[40], sarif_base[PATH_MAX];
    struct report_run run;
    struct manifest manifest;
    struct sha256_stream devices_digest;
    struct outputs out;
    /* the device pass's results */
    struct report_totals totals;
    struct device_summary *sums, *fp_sums;
    struct fleet_view *fleet;
};

/* An output that cannot be written is known before any work: 0, or -1
 * after saying so. */
static int check_outputs(const struct scan_options *opt)
{
    for (size_t i = 0; i < opt->noutputs; i++)
        if (cli_check_output(opt->outputs[i]) != 0)
            return -1;
    if (opt->db_path && cli_check_output(opt->db_path) != 0)
        return -1;
    return 0;
}

/* The inputs that shape the whole run, and the tier and date they give.
 * A run with a broken profile, attestations, rules, framework or catalogue
 * would report verdicts and statuses that are not the provider's: -1 stops
 * it before anything is written. */
static int scan_load_inputs(struct scan_state *s)
{
    if (load_run_inputs(&s->opt, &s->run_arena, &s->in) != 0)
        s->input_error = true;
    s->attest = s->in.have_attest ? &s->in.attest : NULL;
    if (s->input_error || !s->in.catalog || cli_filter_finish(&s->opt.filter) != 0)
        return -1;
    s->tier = s->opt.tier ? s->opt.tier : s->in.profile.tier;
    s->as_of = s->opt.has_as_of          ? s->opt.as_of
               : s->in.profile.has_as_of ? s->in.profile.as_of
                                         : date_today();
    return 0;
}

/*
 * The folders and files to report on: the PATHs, or with --git and no PATH
 * the repository's work tree, after walking its history into --db. True
 * when the run ends here (a bare repository: history only), with *rc.
 */
static bool scan_roots(struct scan_state *s, int argc, char **argv, int first, int *rc)
{
    s->roots = argv + first;
    s->nroots = (size_t)(argc - first);
    if (s->opt.git && scan_git_history(&s->opt, &s->in.profile, &s->workdir[0]) != 0)
        s->input_error = true;
    if (!s->opt.git || s->nroots)
        return false;
    if (!s->workdir[0]) {
        diag_report(DIAG_NOTE, s->opt.git, 0,
                    "a bare repository has no work tree to report on: history recorded in "
                    "%s, reports not written",
                    s->opt.db_path);
        arena_free(&s->run_arena);
        *rc = s->input_error ? EXIT_INPUT : EXIT_OK;
        return true;
    }
    s->roots = s->workdir;
    s->nroots = 1;
    return false;
}

/* The files under the roots, less --exclude, and the inventories; -1 when
 * there is nothing to scan (the run stops). */
static int scan_files(struct scan_state *s)
{
    struct walk_options wopt = {.exclude = s->opt.excludes, .nexclude = s->opt.nexcludes};
    if (walk_paths(s->roots, s->nroots, &wopt, &s->files) != 0)
        s->input_error = true;
    size_t excluded = s->files.excluded;
    if (excluded)
        diag_report(DIAG_NOTE, NULL, 0, "--exclude: %zu file%s or folder%s skipped", excluded,
                    excluded == 1 ? "" : "s", excluded == 1 ? "" : "s");
    if (load_inventories(&s->opt, s->roots, s->nroots, &s->run_arena, &s->inventory) != 0)
        s->input_error = true;
    if (s->files.n == 0) {
        /* walk_paths() said why when it failed; an empty run is no pass. */
        if (!s->input_error)
            fprintf(stderr, "tsaudit scan: no configuration files to scan\n");
        return -1;
    }
    return 0;
}

/* The run's metadata for the writers and the store: identity, inputs,
 * settings. */
static void scan_describe(struct scan_state *s)
{
    const struct scan_options *opt = &s->opt;
    catalog_identity(opt, s->in.catalog, s->catalog_digest, sizeof(s->catalog_digest));
    iso_now(s->started, sizeof(s->started));
    run_identity(s->started, &s->in.profile, s->catalog_digest, opt, s->roots, s->nroots, s->run_id,
                 sizeof(s->run_id));
    s->run = (struct report_run){
        .tool_version = TSAUDIT_VERSION,
        .started = s->started,
        .as_of = s->as_of,
        .tier = s->tier,
        .code_edition = s->in.catalog->edition,
        .provider_name = s->in.profile.provider_name,
        .profile_path = opt->profile_path,
        .profile_digest = s->in.profile.digest,
        .catalog_digest = s->catalog_digest,
        .scan_roots = s->roots,
        .sarif_base =
            sarif_base_for(opt, s->roots, s->nroots, s->sarif_base, sizeof(s->sarif_base)),
        .nscan_roots = s->nroots,
        .show_secrets = opt->show_secrets,
        .json_compact = opt->json_compact,
        .color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR"),
        .fail_on = opt->fail_on,
        .junit_unknown = opt->junit_unknown,
        .filter = opt->filter.f,
        .sarif_max_results = opt->sarif_max_results,
        .help_base_url = opt->help_base_url,
    };
    snprintf(s->run.run_id, sizeof(s->run.run_id), "%s", s->run_id);
    manifest_build(&s->manifest, opt->profile_path, opt->attest_path, opt->rules, opt->nrules,
                   opt->framework_path, opt->catalog_path);
    s->run.inputs = s->manifest.inputs;
    s->run.ninputs = s->manifest.n;
    manifest_checks_digest(s->run.checks_digest, &s->run.nchecks);
    sha256_begin(&s->devices_digest);
}

/* Every -o, stdout's --format (the terminal summary by default; --quiet
 * drops it) and the --db history. One that cannot open marks the run
 * failed; the others still run. */
static void scan_open_outputs(struct scan_state *s)
{
    const struct scan_options *opt = &s->opt;
    struct outputs *out = &s->out;
    since_attach(&s->run, opt->db_path, &s->files, &s->run_arena);
    for (size_t i = 0; i < opt->noutputs; i++) {
        struct report_writer *w = report_open(opt->output_formats[i], opt->outputs[i], &s->run);
        if (!w) {
            out->failed = true;
            continue;
        }
        out->w[out->n++] = w;
    }
    enum report_format stdout_format = REPORT_TEXT;
    if (!opt->format_used)
        report_format_from_name(opt->format, &stdout_format);
    if (!opt->stdout_taken && !(opt->quiet && stdout_format == REPORT_TEXT)) {
        struct report_writer *w = report_open(stdout_format, "-", &s->run);
        if (w)
            out->w[out->n++] = w;
        else
            out->failed = true;
    }
    if (opt->db_path) {
        out->store = store_run_begin(opt->db_path, &s->run, &s->in.profile);
        if (!out->store)
            out->failed = true;
    }
}

/* The devices: the fingerprint pass for the estate's credential reuse,
 * then the pass that assesses and reports each one (from --cache where it
 * can). */
static void scan_devices(struct scan_state *s)
{
    const struct scan_options *opt = &s->opt;
    size_t nchecks, nfiles = s->files.n;
    checks_all(&nchecks);
    char salt[65];
    sha256_hex(s->run_id, strlen(s->run_id), salt);
    struct result_cache *cache = open_cache(opt, &s->run, &s->manifest, &s->in.profile, salt);
    s->sums = xcalloc(nfiles ? nfiles : 1, sizeof(*s->sums));
    s->totals = (struct report_totals){.ncheck = nchecks};
    s->totals.fail_by_check = xcalloc(nchecks ? nchecks : 1, sizeof(size_t));
    struct device_pass dp = {
        .files = &s->files,
        .opt = opt,
        .reading = {.vendor = opt->vendor,
                    .profile = &s->in.profile,
                    .inventory = &s->inventory,
                    .warn_contradictions = true},
        .assess = {.vendor = opt->vendor,
                   .read_as = scan_reading,
                   .profile = &s->in.profile,
                   .attest = s->attest,
                   .as_of = s->as_of,
                   .salt = salt,
                   .summary = true},
        .out = &s->out,
        .totals = &s->totals,
        .devices_digest = &s->devices_digest,
        .sums = s->sums,
        .run_arena = &s->run_arena,
        .show_progress = !opt->no_progress && !opt->quiet && isatty(STDERR_FILENO) && nfiles >= 50,
    };
    dp.assess.read_as_arg = &dp.reading;
    dp.cache = cache;
    dp.run = &s->run;
    s->fp_sums = xcalloc(nfiles ? nfiles : 1, sizeof(*s->fp_sums));
    dp.hits = cache ? xcalloc(nfiles ? nfiles : 1, sizeof(*dp.hits)) : NULL;
    s->fleet = fingerprint_pass_run(&dp, s->fp_sums);
    dp.assess.fleet = s->fleet;
    device_pass_run(&dp);
    free(dp.hits);
    if (dp.input_error)
        s->input_error = true;
    if (cache) {
        result_cache_close(cache);
        fprintf(stderr, "cache: %zu of %zu devices from the cache\n", dp.cache_hits, nfiles);
    }
}

/* After the last device: the fleet checks, the measures (or the
 * framework's requirements), and the writers' and store's estate-wide
 * parts. */
static void scan_estate(struct scan_state *s)
{
    size_t n = s->files.n;
    struct fleet_finding *ff = NULL;
    size_t nff = checks_fleet_evaluate(s->sums, n, &ff);
    /* Fingerprints are salted per run: order findings by what they say. */
    if (nff > 1)
        qsort(ff, nff, sizeof(*ff), cmp_fleet);
    /* The devices' own results already count each reuse (CRED-UNIQUE-PER-DEVICE
     * fails on every device involved): the findings are not counted again. */
    struct compliance_result cr;
    if (s->in.have_framework)
        framework_evaluate(&s->in.framework, s->sums, n, ff, nff, s->as_of, &s->run_arena, &cr);
    else
        compliance_evaluate(s->in.catalog, s->attest, s->tier, s->as_of, s->sums, n, ff, nff,
                            &s->run_arena, &cr);

    attest_check_usage(s->attest, s->in.catalog, s->sums, n, &s->run_arena, &cr.warnings);

    iso_now(s->finished, sizeof(s->finished));
    s->run.finished = s->finished;
    sha256_end(&s->devices_digest, s->run.devices_digest);
    for (size_t k = 0; k < s->out.n; k++)
        if (report_finish(s->out.w[k], ff, nff, &cr, &s->totals) != 0)
            s->out.failed = true;
    if (s->out.store && store_run_finish(s->out.store, ff, nff, &cr, &s->totals) != 0)
        s->out.failed = true;
    fleet_findings_free(ff, nff);
}

/* The exit status: --fail-on, --require-coverage, input errors, then
 * outputs that failed, each overriding the one before. */
static int scan_exit_status(const struct scan_state *s)
{
    int rc = EXIT_OK;
    if (gate_fails(s->opt.fail_on, &s->totals))
        rc = EXIT_FINDINGS;
    size_t not_audited = s->totals.devices_not_audited;
    if (s->opt.require_coverage && not_audited) {
        diag_report(DIAG_NOTE, NULL, 0, "--require-coverage: %zu device%s not audited", not_audited,
                    not_audited == 1 ? "" : "s");
        rc = EXIT_FINDINGS;
    }
    if (s->input_error || diag_error_count() > 0)
        rc = EXIT_INPUT;
    if (s->out.failed)
        rc = EXIT_INTERNAL;
    return rc;
}

static void scan_state_free(struct scan_state *s)
{
    fleet_view_free(s->fleet);
    for (size_t i = 0; i < s->files.n; i++)
        free(s->fp_sums[i].fps);
    free(s->fp_sums);
    free(s->sums);
    free(s->totals.fail_by_check);
    walk_list_free(&s->files);
    free(s->workdir[0]);
    arena_free(&s->run_arena);
}

static int scan_run(int argc, char **argv)
{
    struct scan_state s = {0};
    int first = parse_options(argc, argv, &s.opt);
    if (first == OPTIONS_HELP)
        return EXIT_OK;
    if (first < 0)
        return EXIT_INPUT;
    if (check_outputs(&s.opt) != 0)
        return EXIT_INPUT;

    arena_init(&s.run_arena);
    if (scan_load_inputs(&s) != 0)
        return stop_early(&s.run_arena, NULL);
    int rc;
    if (scan_roots(&s, argc, argv, first, &rc))
        return rc;
    if (scan_files(&s) != 0)
        return stop_early(&s.run_arena, &s.files);

    scan_describe(&s);
    scan_open_outputs(&s);
    scan_devices(&s);
    scan_estate(&s);
    rc = scan_exit_status(&s);
    scan_state_free(&s);
    return rc;
}

int cmd_scan(int argc, char **argv)
{
    struct cli_config cfg;
    scan_getopt_tables();
    int rc = cli_config_expand(&cfg, "scan", argc, argv, scan_longopts) != 0
                 ? EXIT_INPUT
                 : scan_run(cfg.argc, cfg.argv);
    cli_config_free(&cfg);
    return rc;
}
