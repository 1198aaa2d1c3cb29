/*
 * detect_cloud.c - which public cloud export a JSON file is, from its shape.
 *
 * The exports tsaudit reads are JSON documents whose member names and type
 * strings say what they are: the AWS CLI's "SecurityGroups", "NetworkAcls",
 * "FlowLogs" and "Vpcs" lists, Azure's "Microsoft.Network/..." resource
 * types, gcloud's "compute#firewall" / "compute#subnetwork" kinds and
 * Terraform's "format_version" with "terraform_version". One table row per
 * marker. The markers are looked for in the first 256 KiB without parsing,
 * so that a truncated or malformed export is still recognised and its parse
 * error reported against the right dialect.
 */
#define _GNU_SOURCE /* memmem */
#include "ingest/ingest.h"

#include <string.h>

#define CLOUD_DETECT_BYTES (256u * 1024u)

struct cloud_marker {
    enum dialect dialect;
    const char *key;  /* a quoted member name or string value, as it appears */
    const char *also; /* a second marker that must be present too, or NULL */
    const char *signal;
};

/* First match wins: Terraform plans and states quote provider types of every
 * cloud, so they come first. */
static const struct cloud_marker cloud_markers[] = {
    {DIALECT_TERRAFORM, "\"terraform_version\"", "\"format_version\"",
     "'format_version' and 'terraform_version' (terraform show -json)"},
    {DIALECT_AZURE, "\"Microsoft.Network/networkSecurityGroups\"", NULL,
     "'Microsoft.Network/networkSecurityGroups' resources (az network nsg list)"},
    {DIALECT_AZURE, "\"Microsoft.Network/networkWatchers/flowLogs\"", NULL,
     "'Microsoft.Network/networkWatchers/flowLogs' resources (az network watcher flow-log list)"},
    {DIALECT_GCP, "\"compute#firewall\"", NULL,
     "'compute#firewall' kind (gcloud compute firewall-rules list)"},
    {DIALECT_GCP, "\"compute#subnetwork\"", NULL,
     "'compute#subnetwork' kind (gcloud compute networks subnets list)"},
    {DIALECT_AWS, "\"SecurityGroups\"", NULL,
     "'SecurityGroups' list (aws ec2 describe-security-groups)"},
    {DIALECT_AWS, "\"NetworkAcls\"", NULL, "'NetworkAcls' list (aws ec2 describe-network-acls)"},
    {DIALECT_AWS, "\"FlowLogs\"", NULL, "'FlowLogs' list (aws ec2 describe-flow-logs)"},
    {DIALECT_AWS, "\"Vpcs\"", NULL, "'Vpcs' list (aws ec2 describe-vpcs)"},
};

/* 1-based line of position p in buf. */
static uint32_t line_at(const char *buf, const char *p)
{
    uint32_t line = 1;
    for (const char *q = buf; q < p; q++)
        line += *q == '\n';
    return line;
}

/* Does the content start (after a UTF-8 byte order mark and white space)
 * with a JSON object or array? */
static bool starts_json(const char *buf, size_t n)
{
    size_t i = n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
        i++;
    return i < n && (buf[i] == '{' || buf[i] == '[');
}

bool detect_cloud_json(const char *buf, size_t len, struct detect_result *out)
{
    size_t n = len < CLOUD_DETECT_BYTES ? len : CLOUD_DETECT_BYTES;
    if (!starts_json(buf, n))
        return false;
    for (size_t k = 0; k < ARRAY_SIZE(cloud_markers); k++) {
        const struct cloud_marker *m = &cloud_markers[k];
        const char *hit = memmem(buf, n, m->key, strlen(m->key));
        if (!hit || (m->also && !memmem(buf, n, m->also, strlen(m->also))))
            continue;
        out->dialect = m->dialect;
        out->form = FORM_DEFAULT;
        out->signal = m->signal;
        out->line = line_at(buf, hit);
        out->readings[0] = (struct detect_reading){
            .dialect = m->dialect, .score = 200, .signal = m->signal, .line = out->line};
        out->nreadings = 1;
        return true;
    }
    return false;
}
