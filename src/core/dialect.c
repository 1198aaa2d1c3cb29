/*
 * dialect.c - the dialect and platform tables (see dialect.h) and the
 * lookups every layer uses for their names.
 */
#include "core/dialect.h"
#include "core/core.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* One row per dialect; the order is enum dialect's. */
static const struct dialect_def dialect_defs[DIALECT_COUNT] = {
    [DIALECT_UNKNOWN] = {"unknown", "unknown", FAMILY_NONE},
    [DIALECT_CISCO_IOS] = {"cisco-ios", "Cisco IOS / IOS-XE", FAMILY_CISCO},
    [DIALECT_CISCO_NXOS] = {"cisco-nxos", "Cisco NX-OS", FAMILY_CISCO},
    [DIALECT_CISCO_IOSXR] = {"cisco-iosxr", "Cisco IOS XR", FAMILY_CISCO},
    [DIALECT_CISCO_ASA] = {"cisco-asa", "Cisco ASA", FAMILY_CISCO},
    [DIALECT_ARISTA_EOS] = {"arista-eos", "Arista EOS", FAMILY_CISCO},
    [DIALECT_JUNIPER_JUNOS] = {"juniper-junos", "Juniper Junos", FAMILY_JUNOS},
    [DIALECT_NOKIA_SROS] = {"nokia-sros", "Nokia SR OS", FAMILY_SROS},
    [DIALECT_HUAWEI_VRP] = {"huawei-vrp", "Huawei VRP", FAMILY_VRP},
    [DIALECT_FORTINET_FORTIOS] = {"fortinet-fortios", "Fortinet FortiOS", FAMILY_FORTIOS},
    [DIALECT_AWS] = {"aws", "Amazon Web Services (AWS CLI JSON)", FAMILY_CLOUD},
    [DIALECT_AZURE] = {"azure", "Microsoft Azure (Azure CLI JSON)", FAMILY_CLOUD},
    [DIALECT_GCP] = {"gcp", "Google Cloud (gcloud JSON)", FAMILY_CLOUD},
    [DIALECT_TERRAFORM] = {"terraform", "Terraform (terraform show -json)", FAMILY_CLOUD},
};

/* One row per platform recognised but not audited; the order is enum platform's. */
static const struct platform_def platform_defs[PLATFORM_COUNT] = {
    [PLATFORM_NONE] = {"none", "none"},
    [PLATFORM_H3C_COMWARE] = {"h3c-comware", "H3C / HPE Comware"},
    [PLATFORM_ARUBA_AOSCX] = {"aruba-aoscx", "Aruba AOS-CX"},
    [PLATFORM_HPE_PROCURVE] = {"hpe-procurve", "HPE ProCurve / AOS-Switch"},
    [PLATFORM_VYOS] = {"vyos", "VyOS"},
    [PLATFORM_MIKROTIK] = {"mikrotik-routeros", "MikroTik RouterOS"},
    [PLATFORM_RUCKUS_FASTIRON] = {"ruckus-fastiron", "Ruckus / Brocade FastIron"},
    [PLATFORM_EXTREME_EXOS] = {"extreme-exos", "Extreme EXOS"},
    [PLATFORM_EXTREME_SLX] = {"extreme-netiron-slx", "Extreme NetIron / SLX-OS"},
    [PLATFORM_DELL_OS10] = {"dell-os10", "Dell EMC OS10"},
    [PLATFORM_DELL_OS9] = {"dell-os9", "Dell OS9 / Force10 FTOS"},
    [PLATFORM_CISCO_AIREOS] = {"cisco-aireos", "Cisco AireOS wireless controller"},
    [PLATFORM_CIENA_SAOS] = {"ciena-saos", "Ciena SAOS"},
    [PLATFORM_ADVA] = {"adva", "ADVA FSP 150"},
    [PLATFORM_RAD] = {"rad", "RAD ETX"},
    [PLATFORM_NOKIA_SRLINUX] = {"nokia-srlinux", "Nokia SR Linux"},
    [PLATFORM_PANOS] = {"paloalto-panos", "Palo Alto PAN-OS"},
    [PLATFORM_CHECKPOINT_GAIA] = {"checkpoint-gaia", "Check Point Gaia"},
    [PLATFORM_F5_BIGIP] = {"f5-bigip", "F5 BIG-IP"},
    [PLATFORM_NETSCALER] = {"citrix-netscaler", "Citrix NetScaler (ADC)"},
    [PLATFORM_SCREENOS] = {"juniper-screenos", "Juniper ScreenOS"},
    [PLATFORM_EDGEOS] = {"ubiquiti-edgeos", "Ubiquiti EdgeOS"},
    [PLATFORM_MRV] = {"mrv", "MRV OptiSwitch / LX"},
    [PLATFORM_PERLE] = {"perle", "Perle"},
    [PLATFORM_FSOS] = {"fs-fsos", "FS FSOS"},
    [PLATFORM_ALLIED_TELESIS] = {"allied-telesis", "Allied Telesis AlliedWare"},
    [PLATFORM_CISCO_CATOS] = {"cisco-catos", "Cisco CatOS"},
    [PLATFORM_CUMULUS] = {"cumulus", "Cumulus Linux"},
    [PLATFORM_FRR] = {"frr", "FRRouting"},
    [PLATFORM_A10_ACOS] = {"a10-acos", "A10 ACOS"},
    [PLATFORM_EFOS] = {"broadcom-efos", "Broadcom EFOS / FASTPATH"},
    [PLATFORM_OTHER] = {"other", "another platform named by a collector header"},
};

const struct dialect_def *dialect_def(enum dialect d)
{
    return &dialect_defs[(unsigned)d < DIALECT_COUNT ? d : DIALECT_UNKNOWN];
}

const char *dialect_name(enum dialect d)
{
    return dialect_def(d)->name;
}

bool dialect_from_name(const char *name, enum dialect *out)
{
    for (unsigned i = 1; i < DIALECT_COUNT; i++)
        if (strcmp(name, dialect_defs[i].name) == 0) {
            *out = (enum dialect)i;
            return true;
        }
    *out = DIALECT_UNKNOWN;
    return false;
}

bool dialect_is_cisco_family(enum dialect d)
{
    return dialect_def(d)->family == FAMILY_CISCO;
}

bool dialect_is_cloud(enum dialect d)
{
    return dialect_def(d)->family == FAMILY_CLOUD;
}

static char name_list[512];
static pthread_once_t name_list_once = PTHREAD_ONCE_INIT;

static void build_name_list(void)
{
    size_t used = 0;
    for (unsigned i = 1; i < DIALECT_COUNT && used < sizeof(name_list); i++)
        used += (size_t)snprintf(name_list + used, sizeof(name_list) - used, "%s%s",
                                 i > 1 ? ", " : "", dialect_defs[i].name);
}

const char *dialect_name_list(void)
{
    pthread_once(&name_list_once, build_name_list);
    return name_list;
}

const char *dialect_form_name(enum dialect_form f)
{
    switch (f) {
    case FORM_DEFAULT:
        return "default";
    case FORM_JUNOS_BRACE:
        return "brace";
    case FORM_JUNOS_SET:
        return "set";
    case FORM_SROS_CLASSIC:
        return "classic";
    case FORM_SROS_MDCLI:
        return "md-cli";
    case FORM_SROS_MDCLI_FLAT:
        return "md-cli-flat";
    }
    return "default";
}

const struct platform_def *platform_def(enum platform p)
{
    return &platform_defs[(unsigned)p < PLATFORM_COUNT ? p : PLATFORM_NONE];
}

bool platform_from_name(const char *name, enum platform *out)
{
    for (unsigned i = 1; i < PLATFORM_COUNT; i++)
        if (strcmp(name, platform_defs[i].name) == 0) {
            *out = (enum platform)i;
            return true;
        }
    *out = PLATFORM_NONE;
    return false;
}

const char *dialect_label(enum dialect d, enum platform p, char *out, size_t cap)
{
    if (d != DIALECT_UNKNOWN)
        snprintf(out, cap, "%s", dialect_name(d));
    else if (p != PLATFORM_NONE)
        snprintf(out, cap, "unsupported:%s", platform_def(p)->name);
    else
        snprintf(out, cap, "unknown");
    return out;
}
