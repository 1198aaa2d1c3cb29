/*
 * init.c - 'tsaudit init': start a provider's files in a folder: a
 * commented profile for the tier, an attestations file listing (commented
 * out) every measure of the tier that no device check evidences, with its
 * title and deadline, and a .tsaudit.yaml that points scan at both. Nothing
 * is overwritten: if any of the three exists, nothing is written.
 */
#include "cli/cli.h"
#include "compliance/compliance.h"

#include <getopt.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *init_usage =
    "usage: tsaudit init [--tier 1|2|3] [--code 2022|2026] [DIR]\n"
    "\n"
    "Write the files a provider starts from into DIR (default: the current folder):\n"
    "  profile.yaml       the provider profile, every key commented with its use\n"
    "  attestations.yaml  the tier's measures that no configuration can show,\n"
    "                     commented out, with their titles and deadlines\n"
    "  .tsaudit.yaml      defaults for 'tsaudit scan' (profile, attestations, gate)\n"
    "Existing files are never overwritten: if one exists, nothing is written.\n"
    "\n"
    "Exit status: 0 written, 2 bad usage or a file already there.\n";

/* The profile template: every key, commented, with what reads it. */
static void write_profile(FILE *f, int tier, const char *code, const char *today)
{
    fprintf(f,
            "# Provider profile for tsaudit (docs/profile.md lists every key).\n"
            "# Checks that need a key that is not set say needs_context and name it.\n"
            "# Uncomment a section and its keys to set them.\n"
            "provider:\n"
            "  name: \"Your Company Ltd\"\n"
            "  tier: %d\n"
            "assessment:\n"
            "  as_of: %s                # the date deadlines are judged on\n"
            "  code: \"%s\"\n",
            tier, today, code);
    fputs("# networks:\n"
          "#   paw: [10.0.10.0/24]            # privileged access workstations / jump hosts\n"
          "#   management: [10.0.0.0/16]      # out-of-band and management networks\n"
          "#   corporate: [172.16.0.0/12]     # office IT: never in a management allow-list\n"
          "#   infrastructure: [192.0.2.0/24] # core loopbacks and links\n"
          "#   customer: [198.51.100.0/24]    # space routed to customers\n"
          "# approved:\n"
          "#   ntp: [10.0.1.1, 10.0.1.2]\n"
          "#   syslog: [10.0.2.1, 10.0.2.2]\n"
          "#   aaa: [10.0.3.1, 10.0.3.2]\n"
          "#   snmp_managers: [10.0.4.0/24]\n"
          "#   flow_collectors: [10.0.6.1]\n"
          "#   rpki_caches: [10.0.7.1, 10.0.7.2]\n"
          "#   backup_destinations: [10.0.8.1]\n"
          "#   tunnels: []                    # expected tunnel endpoints\n"
          "#   mgmt_ports: [22, 830]\n"
          "# accounts:\n"
          "#   breakglass: [emergency]        # the one local fallback account\n"
          "#   allowed: []                    # other local accounts tolerated\n"
          "# own:\n"
          "#   prefixes: [192.0.2.0/22]\n"
          "#   asns: [64500]\n"
          "# interfaces:\n"
          "#   external_description: \"^(EXT|PEER|TRANSIT|CUST)\"\n"
          "#   customer_description: \"^CUST\"\n"
          "#   management: \"(?i)^(mgmt|management|fxp0|em0)\"\n"
          "# policy:\n"
          "#   idle_timeout_minutes: 10\n"
          "#   banner_regex: \"(?i)authori[sz]ed\"\n"
          "#   password_min_length: 15\n"
          "#   log_severity_min: informational\n"
          "#   offbox_collection: true        # RANCID/Oxidized collects configs over SSH\n"
          "#   dhcp_on_device: false          # no device here serves DHCP (SVC-LEGACY)\n"
          "#   webui_allowed: false           # no device here needs a web UI (MGMT-WEB)\n"
          "# software:                          # docs/software.md\n"
          "#   releases: releases-local.yaml    # your own end-of-maintenance dates\n"
          "#   approved: [\"17.9\", \"22.4\"]       # approved release trains\n"
          "#   advisories: [advisories/vendor.json]  # CSAF 2.0 or YAML advisories\n"
          "# golden:                            # intended configurations, by device name\n"
          "#   - match: \"edge-*\"\n"
          "#     template: golden/edge.cfg\n",
          f);
}

/* One commented entry per measure of the tier that no check evidences. */
static void write_attestations(FILE *f, const struct catalog *cat, int tier)
{
    size_t nchecks;
    const struct check_def *const *checks = checks_all(&nchecks);
    struct arena a;
    arena_init(&a);
    fprintf(f,
            "# Attestations for the measures no device configuration can show, for tier %d\n"
            "# (Code %s). Uncomment an entry when its evidence exists; status is one of\n"
            "# implemented, partial, not_implemented, not_applicable.\n"
            "attestations:\n",
            tier, cat->edition);
    int section = 0;
    for (size_t i = 0; i < cat->nmeasures; i++) {
        const struct measure *m = &cat->measures[i];
        const struct deadline *dl = &m->deadlines[tier - 1];
        const struct check_def **mapped;
        if (!dl->applies || compliance_checks_for(m, checks, nchecks, &a, &mapped) > 0)
            continue;
        if (m->section != section) {
            section = m->section;
            fprintf(f, "  # %d. %s\n", section, m->section_title ? m->section_title : "");
        }
        char d[11] = "unknown";
        if (dl->known)
            date_format(dl->date, d);
        fprintf(f,
                "  # - measure: %s      # %s (due %s)\n"
                "  #   status: implemented\n"
                "  #   evidence: \"\"\n"
                "  #   owner: \"\"\n"
                "  #   date: YYYY-MM-DD\n"
                "  #   expires: YYYY-MM-DD\n",
                m->id, m->title, d);
    }
    fputs("waivers: []\n", f);
    arena_free(&a);
}

static void write_config(FILE *f)
{
    fputs("# Defaults for 'tsaudit scan' run in this folder (the command line wins).\n"
          "scan:\n"
          "  profile: profile.yaml\n"
          "  attest: attestations.yaml\n"
          "  fail-on: high\n"
          "  # output-dir: out\n"
          "  # skip-checks: []\n",
          f);
}

static int write_one(const char *dir, const char *name, void (*fill)(FILE *, const void *),
                     const void *arg)
{
    char path[PATH_MAX];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    struct atomic_file af;
    if (atomic_file_open(&af, path) != 0)
        return -1;
    fill(af.f, arg);
    if (ferror(af.f)) {
        atomic_file_abort(&af);
        return -1;
    }
    if (atomic_file_commit(&af) != 0)
        return -1;
    printf("wrote %s\n", cli_term(path));
    return 0;
}

struct init_args {
    int tier;
    const char *code, *today;
    const struct catalog *cat;
};

static void fill_profile(FILE *f, const void *p)
{
    const struct init_args *a = p;
    write_profile(f, a->tier, a->code, a->today);
}

static void fill_attest(FILE *f, const void *p)
{
    const struct init_args *a = p;
    write_attestations(f, a->cat, a->tier);
}

static void fill_config(FILE *f, const void *p)
{
    (void)p;
    write_config(f);
}

/* 0 to go on, 1 after --help, -1 after a usage error. */
static int parse_init(int argc, char **argv, struct init_args *a, const char **dir)
{
    static const struct option opts[] = {
        {"tier", required_argument, NULL, 't'},
        {"code", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(init_usage, stdout);
            return 1;
        }
        if (c == 't' && optarg[0] >= '1' && optarg[0] <= '3' && !optarg[1])
            a->tier = optarg[0] - '0';
        else if (c == 'c' && (!strcmp(optarg, "2022") || !strcmp(optarg, "2026")))
            a->code = optarg;
        else if (c == 't' || c == 'c')
            return (cli_usage_error("init", "--%s takes %s, not '%s'", c == 't' ? "tier" : "code",
                                    c == 't' ? "1, 2 or 3" : "2022 or 2026", optarg),
                    -1);
        else
            return (cli_bad_option("init", argc, argv, "h", opts), -1);
    }
    if (argc - optind > 1)
        return (cli_usage_error("init", "one folder at most"), -1);
    *dir = optind < argc ? argv[optind] : ".";
    return 0;
}

int cmd_init(int argc, char **argv)
{
    struct init_args a = {.tier = 2, .code = "2026"};
    const char *dir;
    int rc = parse_init(argc, argv, &a, &dir);
    if (rc)
        return rc > 0 ? EXIT_OK : EXIT_INPUT;
    static const char *const names[] = {"profile.yaml", "attestations.yaml", ".tsaudit.yaml"};
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return cli_usage_error("init", "%s is not a folder", cli_term(dir));
    for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
        if (access(path, F_OK) == 0)
            return cli_usage_error("init", "%s exists; nothing was written", cli_term(path));
    }
    struct arena arena;
    arena_init(&arena);
    struct catalog *cat = NULL;
    if (catalog_load(&cat, &arena, a.code, NULL) != 0 || !cat) {
        arena_free(&arena);
        return EXIT_INPUT;
    }
    char today[11];
    date_format(date_today(), today);
    a.today = today;
    a.cat = cat;
    void (*const fills[])(FILE *, const void *) = {fill_profile, fill_attest, fill_config};
    rc = EXIT_OK;
    for (size_t i = 0; i < ARRAY_SIZE(names) && rc == EXIT_OK; i++)
        if (write_one(dir, names[i], fills[i], &a) != 0)
            rc = EXIT_INTERNAL;
    arena_free(&arena);
    return rc;
}
