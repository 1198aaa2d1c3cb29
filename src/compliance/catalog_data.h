/*
 * catalog_data.h - the catalogue files built into the binary (generated from
 * the YAML files in data/catalog by embed.cmake). Internal to the compliance layer.
 */
#ifndef TSAUDIT_CATALOG_DATA_H
#define TSAUDIT_CATALOG_DATA_H

#include <stddef.h>

struct catalog_blob {
    const char *name;          /* file name, e.g. "code-2022.yaml" */
    const unsigned char *data; /* NUL-terminated */
    size_t len;                /* without the NUL */
};

extern const struct catalog_blob catalog_blobs[];
extern const size_t catalog_nblobs;

#endif
