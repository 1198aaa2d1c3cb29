/*
 * manifest.h - the inputs a report names so that it can be re-created and
 * verified (report_run's inputs, checks digest and devices digest).
 */
#ifndef TSAUDIT_CLI_MANIFEST_H
#define TSAUDIT_CLI_MANIFEST_H

#include "report/report.h"

#define MANIFEST_MAX_INPUTS 72

struct manifest {
    struct report_input inputs[MANIFEST_MAX_INPUTS];
    size_t n;
};

/* Hash each named file (NULL names are skipped). */
void manifest_build(struct manifest *m, const char *profile, const char *attest,
                    const char *const *rules, size_t nrules, const char *framework,
                    const char *catalog);
/* SHA-256 of a file's bytes, or of a rules folder as the rules loader
 * reads it (each .yaml and .yml file's name and bytes, in name order).
 * False, and out empty, when it cannot be read. */
bool manifest_hash_path(const char *path, char out[65]);
/* SHA-256 over the registered checks' ids and titles, in registry order. */
void manifest_checks_digest(char out[65], size_t *count);
/* Fold one device's path and content hash into the devices digest. */
void manifest_add_device(struct sha256_stream *s, const char *path, const char *content_hash);

#endif
