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
    int tier;              /* 0: the profile's */
    struct report_run run; /* what the writers need to render one device */
    struct buf errors;
};

struct tsa_device {
    const struct tsa_context *ctx;
    char *name;
    struct device_assessment a;
    char *data; /* the configuration's bytes (the assessment's views point here) */
    struct buf diags;
    char *json, *facts; /* rendered on first use */
    size_t json_len, facts_len;
    struct tsa_result *results; /* rendered on first use, strings in a.arena */
    const char *hostname;       /* cleaned */
};

#endif
