/*
 * parsers.h - the per-dialect-family parsers behind cfg_parse() (internal to
 * the ingest layer). Each fills t from t->buf, reporting problems with
 * cfg_diag(), and returns the number of error diagnostics it added.
 */
#ifndef TSAUDIT_INGEST_PARSERS_H
#define TSAUDIT_INGEST_PARSERS_H

#include "ingest/ingest.h"

/* IOS, IOS-XE, NX-OS, IOS-XR, ASA, EOS: indentation, banners, `!` comments. */
int parse_cisco(struct cfg_tree *t);
/* Junos brace and set forms (the same tree for both). */
int parse_junos(struct cfg_tree *t);
/* SR OS classic CLI, MD-CLI braces and flat /configure lines. */
int parse_sros(struct cfg_tree *t);
/* Huawei VRP: `#` separated views, indentation, `return`. */
int parse_vrp(struct cfg_tree *t);
/* FortiOS: config/edit/set/next/end. */
int parse_fortios(struct cfg_tree *t);

#endif
