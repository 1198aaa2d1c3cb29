/*
 * json_out.h - JSON string output for commands that print small JSON
 * documents of their own (history, diff, ...), with the same escaping the
 * JSON report uses: control characters escaped, invalid UTF-8 replaced by
 * U+FFFD, and <, >, & escaped so the text is also safe inside HTML.
 */
#ifndef TSAUDIT_JSON_OUT_H
#define TSAUDIT_JSON_OUT_H

#include <stddef.h>
#include <stdio.h>

/* A quoted JSON string for s, or null when s is NULL. */
void json_out_str(FILE *f, const char *s);
/* The same for n bytes at s (not NUL-terminated). */
void json_out_strn(FILE *f, const char *s, size_t n);

#endif
