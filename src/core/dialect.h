/*
 * dialect.h - the dialects tsaudit audits and the platforms it recognises
 * but does not audit: one table row each, visible to every layer.
 *
 * A dialect row names the dialect (the stable id scripts, the history and
 * the reports use), says how people call it and which family of parser and
 * extractor reads it. Detection (ingest) scores markers per dialect; the
 * parser and extractor tables of ingest and model are indexed by family; a
 * check's remediation texts are indexed by dialect. Adding a dialect of an
 * existing family is one row here plus its detection markers; a new family
 * adds one row to the parser table (ingest/tree.c) and one to the extractor
 * table (model/model.c).
 *
 * A platform row names something tsaudit can tell apart but cannot read
 * (H3C Comware, Aruba AOS-CX, PAN-OS, ...). A device of such a platform is
 * listed as not audited, "unsupported:<name>", never audited as a dialect.
 */
#ifndef TSAUDIT_CORE_DIALECT_H
#define TSAUDIT_CORE_DIALECT_H

#include <stdbool.h>
#include <stddef.h>

enum dialect {
    DIALECT_UNKNOWN = 0,
    DIALECT_CISCO_IOS,
    DIALECT_CISCO_NXOS,
    DIALECT_CISCO_IOSXR,
    DIALECT_CISCO_ASA,
    DIALECT_ARISTA_EOS,
    DIALECT_JUNIPER_JUNOS,
    DIALECT_NOKIA_SROS,
    DIALECT_HUAWEI_VRP,
    DIALECT_FORTINET_FORTIOS,
    DIALECT_AWS,       /* aws ec2 describe-security-groups / -network-acls / -flow-logs / -vpcs */
    DIALECT_AZURE,     /* az network nsg list, az network watcher flow-log list */
    DIALECT_GCP,       /* gcloud compute firewall-rules / networks subnets list --format=json */
    DIALECT_TERRAFORM, /* terraform show -json (plan or state) */
    DIALECT_COUNT
};

/* The parser and extractor family a dialect is read with. */
enum dialect_family {
    FAMILY_NONE = 0,
    FAMILY_CISCO,   /* indented, '!'-separated: IOS, NX-OS, IOS-XR, ASA, EOS */
    FAMILY_JUNOS,   /* braces or set commands */
    FAMILY_SROS,    /* classic CLI with exit, MD-CLI braces or flat paths */
    FAMILY_VRP,     /* '#'-separated views */
    FAMILY_FORTIOS, /* config/edit/next/end blocks */
    FAMILY_CLOUD,   /* public cloud network-security exports (JSON) */
    FAMILY_COUNT
};

struct dialect_def {
    const char *name;    /* stable id: "cisco-ios"; never reused */
    const char *display; /* for people: "Cisco IOS / IOS-XE" */
    enum dialect_family family;
};

/* The row of d; the DIALECT_UNKNOWN row ("unknown") for anything out of range. */
const struct dialect_def *dialect_def(enum dialect d);
/* "cisco-ios", ... ; "unknown" for DIALECT_UNKNOWN. */
const char *dialect_name(enum dialect d);
/* Inverse of dialect_name(); DIALECT_UNKNOWN (and false) for unknown names. */
bool dialect_from_name(const char *name, enum dialect *out);
/* Cisco-like indented dialects (IOS, NX-OS, IOS-XR, ASA, EOS). */
bool dialect_is_cisco_family(enum dialect d);
/* Public cloud exports (AWS, Azure, Google Cloud, Terraform JSON). */
bool dialect_is_cloud(enum dialect d);
/* The supported dialect names, comma-separated, for help and error text. */
const char *dialect_name_list(void);

/* Sub-format within a dialect; parsers need it, reports show it. */
enum dialect_form {
    FORM_DEFAULT = 0,
    FORM_JUNOS_BRACE,
    FORM_JUNOS_SET,
    FORM_SROS_CLASSIC,
    FORM_SROS_MDCLI,      /* configure { ... } braces */
    FORM_SROS_MDCLI_FLAT, /* /configure ... one leaf per line */
};
const char *dialect_form_name(enum dialect_form f);

/* ------------------------------------------------------------- platforms */

enum platform {
    PLATFORM_NONE = 0,
    PLATFORM_H3C_COMWARE,
    PLATFORM_ARUBA_AOSCX,
    PLATFORM_HPE_PROCURVE,
    PLATFORM_VYOS,
    PLATFORM_MIKROTIK,
    PLATFORM_RUCKUS_FASTIRON,
    PLATFORM_EXTREME_EXOS,
    PLATFORM_EXTREME_SLX,
    PLATFORM_DELL_OS10,
    PLATFORM_DELL_OS9,
    PLATFORM_CISCO_AIREOS,
    PLATFORM_CIENA_SAOS,
    PLATFORM_ADVA,
    PLATFORM_RAD,
    PLATFORM_NOKIA_SRLINUX,
    PLATFORM_PANOS,
    PLATFORM_CHECKPOINT_GAIA,
    PLATFORM_F5_BIGIP,
    PLATFORM_NETSCALER,
    PLATFORM_SCREENOS,
    PLATFORM_EDGEOS,
    PLATFORM_MRV,
    PLATFORM_PERLE,
    PLATFORM_FSOS,
    PLATFORM_ALLIED_TELESIS,
    PLATFORM_CISCO_CATOS,
    PLATFORM_CUMULUS,
    PLATFORM_FRR,
    PLATFORM_A10_ACOS,
    PLATFORM_EFOS,
    PLATFORM_OTHER, /* a collector header names a platform not in this table */
    PLATFORM_COUNT
};

struct platform_def {
    const char *name;    /* stable id: "h3c-comware" (shown as unsupported:NAME) */
    const char *display; /* "H3C / HPE Comware" */
};

/* The row of p (PLATFORM_NONE: name "none"). */
const struct platform_def *platform_def(enum platform p);
/* Inverse of the name; false for unknown names. */
bool platform_from_name(const char *name, enum platform *out);

/*
 * What a device was read as, in one word: the dialect name, or
 * "unsupported:<platform>" when a platform is set, or "unknown". out needs
 * at most DIALECT_LABEL_MAX bytes.
 */
#define DIALECT_LABEL_MAX 64
const char *dialect_label(enum dialect d, enum platform p, char *out, size_t cap);

#endif
