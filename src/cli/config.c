/*
 * config.c - defaults for a command from a YAML file: `--config FILE`, or
 * `.tsaudit.yaml` in the current folder (unless `--no-config`). The file
 * maps a command to its options by their long names:
 *
 *   scan:
 *     profile: profile.yaml
 *     fail-on: high
 *     skip-checks: [SW-CONFIG-DRIFT]
 *     exclude: [lab]
 *
 * and becomes command-line arguments placed before the ones given, so the
 * command line wins for single values and adds to repeatable ones, and every
 * value is checked by the same option parser. Paths are relative to the
 * file's folder. A list repeats its option; true turns a flag on.
 */
#include "cli/cli.h"
#include "cli/config.h"
#include "core/ydoc.h"

#include <getopt.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#define CONFIG_DEFAULT ".tsaudit.yaml"
#define CONFIG_MAX_ARGS 512

/* Options whose values are paths (resolved against the file's folder). */
static const char *const path_options[] = {
    "profile",    "attest", "catalog", "rules", "framework", "db",
    "output-dir", "cache",  "output",  "git",   "inventory", "sarif-base",
};

static bool is_path_option(const char *name)
{
    for (size_t i = 0; i < ARRAY_SIZE(path_options); i++)
        if (!strcmp(path_options[i], name))
            return true;
    return false;
}

static const struct option *find_option(const struct option *opts, const char *name)
{
    for (const struct option *o = opts; o->name; o++)
        if (!strcmp(o->name, name))
            return o;
    return NULL;
}

struct builder {
    struct cli_config *cfg;
    struct ydoc y;
    const char *dir; /* the file's folder, "" for the current one */
};

static int add_arg(struct builder *b, const char *s)
{
    struct cli_config *c = b->cfg;
    if (c->argc + 1 >= CONFIG_MAX_ARGS) {
        diag_report(DIAG_ERROR, b->y.path, 0, "more than %d options", CONFIG_MAX_ARGS / 2);
        return -1;
    }
    c->argv[c->argc++] = (char *)s;
    return 0;
}

/* One scalar value of option o ("--name value", or "--name" for a flag). */
static int add_value(struct builder *b, const struct option *o, const yaml_node_t *v,
                     const char *field)
{
    struct buf flag;
    buf_init(&flag, 0);
    buf_printf(&flag, "--%s", o->name);
    const char *opt = arena_strdup(b->y.arena, buf_cstr(&flag));
    buf_free(&flag);
    if (o->has_arg == no_argument) {
        bool on;
        if (!ydoc_bool(&b->y, v, field, &on))
            return -1;
        return on ? add_arg(b, opt) : 0;
    }
    const char *s = ydoc_str(&b->y, v, field);
    if (!s)
        return -1;
    if (is_path_option(o->name) && *b->dir && s[0] != '/' && strcmp(s, "-"))
        s = arena_printf(b->y.arena, "%s/%s", b->dir, s);
    if (add_arg(b, opt) != 0)
        return -1;
    return add_arg(b, s);
}

static int add_option(struct builder *b, const struct option *o, const yaml_node_t *v,
                      const char *field)
{
    if (v->type != YAML_SEQUENCE_NODE)
        return add_value(b, o, v, field);
    int rc = 0;
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *n = ydoc_node(&b->y, *it);
        if (n && add_value(b, o, n, field) != 0)
            rc = -1;
    }
    return rc;
}

/* The options of cmd's section, in file order. */
static int add_section(struct builder *b, const yaml_node_t *sec, const char *cmd,
                       const struct option *opts)
{
    if (sec->type != YAML_MAPPING_NODE) {
        ydoc_diag(&b->y, DIAG_ERROR, sec, cmd, "expected a mapping of %s options", cmd);
        return -1;
    }
    int rc = 0;
    for (yaml_node_pair_t *p = sec->data.mapping.pairs.start; p < sec->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = ydoc_node(&b->y, p->key), *v = ydoc_node(&b->y, p->value);
        const char *name = k ? ydoc_str(&b->y, k, cmd) : NULL;
        if (!name || !v) {
            rc = -1;
            continue;
        }
        const char *field = arena_printf(b->y.arena, "%s.%s", cmd, name);
        const struct option *o = find_option(opts, name);
        if (!o || !strcmp(name, "help")) {
            ydoc_diag(&b->y, DIAG_ERROR, k, field, "not an option of 'tsaudit %s'", cmd);
            rc = -1;
        } else if (add_option(b, o, v, field) != 0) {
            rc = -1;
        }
    }
    return rc;
}

/* Which file, and the arguments without --config/--no-config. */
static const char *pick_file(struct cli_config *c, const char *cmd, int argc, char **argv, int *bad)
{
    const char *file = NULL;
    bool none = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--")) {
            for (; i < argc; i++)
                c->rest[c->nrest++] = argv[i];
            break;
        }
        if (!strcmp(argv[i], "--no-config")) {
            none = true;
        } else if (!strcmp(argv[i], "--config") || !strncmp(argv[i], "--config=", 9)) {
            file = argv[i][8] == '=' ? argv[i] + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (!file)
                *bad = cli_usage_error(cmd, "--config needs a FILE");
        } else {
            c->rest[c->nrest++] = argv[i];
        }
    }
    if (none || *bad)
        return NULL;
    if (file)
        return file;
    return access(CONFIG_DEFAULT, F_OK) == 0 ? CONFIG_DEFAULT : NULL;
}

static int load_file(struct builder *b, const char *file, const char *cmd,
                     const struct option *opts)
{
    if (ydoc_load_file(&b->y, &b->cfg->arena, file) != 0)
        return -1;
    const char *slash = strrchr(file, '/');
    b->dir = slash ? arena_printf(&b->cfg->arena, "%.*s", (int)(slash - file), file) : "";
    yaml_node_t *root = ydoc_root(&b->y);
    int rc = 0;
    if (root && root->type != YAML_MAPPING_NODE) {
        ydoc_diag(&b->y, DIAG_ERROR, root, NULL, "expected a mapping of commands (scan: ...)");
        rc = -1;
    } else if (root) {
        yaml_node_t *sec = ydoc_get(&b->y, root, cmd);
        if (sec && !ydoc_is_null(sec))
            rc = add_section(b, sec, cmd, opts);
    }
    if (b->y.errors)
        rc = -1;
    ydoc_free(&b->y);
    return rc;
}

int cli_config_expand(struct cli_config *c, const char *cmd, int argc, char **argv,
                      const struct option *opts)
{
    memset(c, 0, sizeof(*c));
    arena_init(&c->arena);
    c->rest = arena_alloc(&c->arena, (size_t)(argc + 1) * sizeof(char *));
    c->argv = arena_alloc(&c->arena, (size_t)(argc + CONFIG_MAX_ARGS + 1) * sizeof(char *));
    int bad = 0;
    const char *file = pick_file(c, cmd, argc, argv, &bad);
    c->argv[c->argc++] = argv[0];
    if (bad)
        return -1;
    if (file) {
        struct builder b = {.cfg = c};
        if (load_file(&b, file, cmd, opts) != 0) {
            fprintf(stderr, "tsaudit %s: the configuration file %s has errors; nothing was run\n",
                    cmd, file);
            return -1;
        }
        c->file = arena_strdup(&c->arena, file);
    }
    for (size_t i = 0; i < c->nrest; i++)
        c->argv[c->argc++] = c->rest[i];
    c->argv[c->argc] = NULL;
    return 0;
}

void cli_config_free(struct cli_config *c)
{
    arena_free(&c->arena);
}
