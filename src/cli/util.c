/*
 * util.c - helpers shared by the subcommands: usage errors, naming the
 * option a user actually gave with the nearest real one, and checking that
 * an output can be written before any work is done.
 */
#include "cli/cli.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    char msg[1024]; /* arguments are quoted in it: cleaned for the terminal */
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    fprintf(stderr, "tsaudit %s: %s (see 'tsaudit %s --help')\n", cmd, cli_term(msg), cmd);
    return EXIT_INPUT;
}

/* Case-insensitive edit distance, capped at 64 characters a side. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return 64;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

const char *cli_nearest(const char *word, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1, wl = strlen(word);
    for (size_t i = 0; i < n; i++) {
        if (!names[i])
            continue;
        size_t d = edit_distance(word, names[i]);
        if (d < best_d) {
            best_d = d;
            best = names[i];
        }
    }
    /* Close enough to be a slip of the keyboard, not a different word. */
    size_t limit = wl < 6 ? 2 : wl / 3 + 1;
    return best && best_d <= limit ? best : NULL;
}

/* The word on the command line that holds the short option c. */
static const char *word_with_short(int argc, char **argv, int c)
{
    for (int i = 1; i < argc; i++)
        if (argv[i][0] == '-' && argv[i][1] && argv[i][1] != '-' && strchr(argv[i] + 1, c))
            return argv[i];
    return NULL;
}

int cli_bad_option(const char *cmd, int argc, char **argv, const char *shortopts,
                   const struct option *longopts)
{
    /* A known option without its value. */
    const char *last = optind > 0 && optind <= argc ? argv[optind - 1] : "";
    bool was_long = strncmp(last, "--", 2) == 0;
    for (const struct option *o = longopts; was_long && optopt && o->name; o++)
        if (o->val == optopt && o->has_arg == required_argument)
            return cli_usage_error(cmd, "--%s needs a value", o->name);
    const char *s = optopt > 0 && optopt < 256 ? strchr(shortopts, optopt) : NULL;
    if (!was_long && s && s[1] == ':')
        return cli_usage_error(cmd, "-%c needs a value", optopt);
    const char *given = optopt ? word_with_short(argc, argv, optopt) : argv[optind - 1];
    if (!given)
        given = argv[optind - 1];
    /* Suggest among the long names, comparing without dashes or a value. */
    char bare[72];
    const char *p = given;
    while (*p == '-')
        p++;
    snprintf(bare, sizeof(bare), "%.*s", (int)strcspn(p, "="), p);
    const char *names[128];
    size_t n = 0;
    for (const struct option *o = longopts; o->name && n < ARRAY_SIZE(names); o++)
        names[n++] = o->name;
    const char *near = cli_nearest(bare, names, n);
    if (near)
        return cli_usage_error(cmd, "unknown option '%s'; did you mean '--%s'?", given, near);
    return cli_usage_error(cmd, "unknown option '%s'", given);
}

int cli_check_output(const char *path)
{
    if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0)
        return 0;
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof(dir), ".");
    else if (slash == path)
        snprintf(dir, sizeof(dir), "/");
    else
        snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
    struct stat st;
    if (stat(dir, &st) != 0) {
        diag_report(DIAG_ERROR, path, 0, "cannot write: folder '%s' %s", dir,
                    errno == ENOENT ? "does not exist" : strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        diag_report(DIAG_ERROR, path, 0, "cannot write: '%s' is not a folder", dir);
        return -1;
    }
    if (access(dir, W_OK | X_OK) != 0) {
        diag_report(DIAG_ERROR, path, 0, "cannot write: folder '%s' is not writable", dir);
        return -1;
    }
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        diag_report(DIAG_ERROR, path, 0, "cannot write: it is a folder");
        return -1;
    }
    return 0;
}

const char *cli_term(const char *s)
{
    static struct buf slots[CLI_TERM_SLOTS]; /* zeroed: empty, no limit */
    static unsigned next;
    return term_clean(&slots[next++ % CLI_TERM_SLOTS], s);
}
