/*
 * testutil.h - small helpers for the cmocka unit tests (core layer only, so
 * every test can link it).
 */
#ifndef TSAUDIT_TESTUTIL_H
#define TSAUDIT_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/core.h"

/* Absolute path of a file in the source tree (TSAUDIT_SRC or "."), in a static buffer. */
const char *tu_src(const char *relpath);
/* Read a source-tree file; aborts the test if missing. Caller frees. */
char *tu_read(const char *relpath, size_t *len);
/* The shared corpus folder (TSAUDIT_CORPUS or $TSAUDIT_SRC/../shared/corpus), NULL if absent. */
const char *tu_corpus_dir(void);

#endif
