/*
 * api_int.h - what libtsaudit's files share; never installed. The objects
 * behind the opaque types of tsaudit.h.
 */
#ifndef TSAUDIT_API_INT_H
#define TSAUDIT_API_INT_H

#include "api/tsaudit.h"
#include "assess/assess.h"
#include "cli/cli.h"
#include "report/report.h"
#include "rules/rules.h"

#include <pthread.h>

/* A JSON writer kept open on a memory stream: writers escape the text of
 * each check once, so one reused per thread renders devices much faster
 * than a new one per device. */
struct json_slot {
    FILE *f;
    char *buf;
    size_t len;
    struct report_writer *w;
    bool busy;
};
#define API_JSON_SLOTS 8

struct tsa_context {
    struct arena arena; /* profile, attestations, their texts */
    struct profile profile;
    char *profile_file;       /* the profile's file (malloc'd), NULL: none or text */
    const char *profile_text; /* the profile's text when it came as text */
    size_t profile_len;
    struct attestations attest;
    bool has_attest;
    const char *attest_file;
    int32_t as_of;
    bool has_as_of;
    int tier;                      /* 0: the profile's */
    struct report_run run;         /* what the writers need to render one device */
    struct report_run run_compact; /* the same for compact results */
    char *checks_json;             /* tsa_checks_json()'s last answer */
    struct buf errors;
    pthread_mutex_t lock;                      /* guards slots[].busy */
    struct json_slot slots[2][API_JSON_SLOTS]; /* [compact] */
};

struct tsa_device {
    const struct tsa_context *ctx;
    char *name;
    struct device_assessment a;
    char *data; /* the configuration's bytes (the assessment's views point here) */
    struct buf diags;
    char *json, *compact, *facts; /* rendered on first use */
    size_t json_len, compact_len, facts_len;
    struct tsa_result *results; /* rendered on first use, strings in a.arena */
    const char *hostname;       /* cleaned */
};

/* The JSON of a device (malloc'd), with a pooled writer when one is free. */
char *api_device_json(struct tsa_device *d, bool compact, size_t *len);
/* Close the context's pooled writers. */
void api_json_slots_free(struct tsa_context *c);

#endif
