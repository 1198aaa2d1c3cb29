/*
 * manifest.c - what a report says it was made from: the SHA-256 of every
 * file that shaped the run besides the configurations (profile,
 * attestations, rules, framework, catalogue override) and of the check set.
 * The configurations' own hashes are each device's content hash; the scan
 * folds them into the run's devices digest as it streams them.
 */
#include "cli/manifest.h"

#include "checks/checks.h"
#include "rules/rules.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Fold a regular file's bytes into s; false when it cannot be read. Quiet:
 * the loaders read the same files and report their errors. */
static bool hash_file(struct sha256_stream *s, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        sha256_add(s, chunk, n);
    bool ok = !ferror(f);
    fclose(f);
    return ok;
}

/* A folder of rules as the rules loader reads it: each file's name and bytes. */
static bool hash_folder(struct sha256_stream *s, const char *path)
{
    struct arena a;
    arena_init(&a);
    char **files;
    size_t n;
    bool ok = rules_folder_files(&a, path, &files, &n) == 0;
    for (size_t i = 0; ok && i < n; i++) {
        const char *name = strrchr(files[i], '/') + 1;
        sha256_add(s, name, strlen(name) + 1);
        ok = hash_file(s, files[i]);
    }
    free(files);
    arena_free(&a);
    return ok;
}

bool manifest_hash_path(const char *path, char out[65])
{
    struct stat st;
    struct sha256_stream s;
    out[0] = '\0';
    if (stat(path, &st) != 0)
        return false;
    sha256_begin(&s);
    bool ok = S_ISDIR(st.st_mode) ? hash_folder(&s, path) : hash_file(&s, path);
    char hex[65];
    sha256_end(&s, hex);
    if (ok)
        memcpy(out, hex, sizeof(hex));
    return ok;
}

static void add_input(struct manifest *m, const char *role, const char *path)
{
    if (!path || m->n == MANIFEST_MAX_INPUTS)
        return;
    struct report_input *in = &m->inputs[m->n++];
    in->role = role;
    in->path = path;
    manifest_hash_path(path, in->sha256);
}

void manifest_build(struct manifest *m, const char *profile, const char *attest,
                    const char *const *rules, size_t nrules, const char *framework,
                    const char *catalog)
{
    m->n = 0;
    add_input(m, "profile", profile);
    add_input(m, "attestations", attest);
    for (size_t i = 0; i < nrules; i++)
        add_input(m, "rules", rules[i]);
    add_input(m, "framework", framework);
    add_input(m, "catalog", catalog);
}

void manifest_checks_digest(char out[65], size_t *count)
{
    size_t n;
    const struct check_def *const *all = checks_all(&n);
    struct sha256_stream s;
    sha256_begin(&s);
    for (size_t i = 0; i < n; i++) {
        sha256_add(&s, all[i]->id, strlen(all[i]->id));
        sha256_add(&s, "\x1f", 1);
        if (all[i]->title)
            sha256_add(&s, all[i]->title, strlen(all[i]->title));
        sha256_add(&s, "\n", 1);
    }
    sha256_end(&s, out);
    *count = n;
}

void manifest_add_device(struct sha256_stream *s, const char *path, const char *content_hash)
{
    if (path)
        sha256_add(s, path, strlen(path));
    sha256_add(s, "\x1f", 1);
    if (content_hash)
        sha256_add(s, content_hash, strlen(content_hash));
    sha256_add(s, "\n", 1);
}
