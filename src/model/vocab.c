/*
 * vocab.c - the model's typed vocabulary: one row per management service
 * kind with the properties checks test (web, API, cleartext file transfer,
 * TLS, default port), and one per kind of on-box item (shell or hosted
 * application, or script). The enums are in model.h; a kind's row is found
 * by index, a name's kind by a short scan done once per recorded item.
 */
#include "model/model.h"

#include <string.h>

static const struct svc_kind_info kinds[SVC_KIND_COUNT] = {
    [SVC_UNKNOWN] = {"service", 0, -1},
    [SVC_TELNET] = {"telnet", 0, 23},
    [SVC_SSH_ROTARY] = {"ssh-rotary", 0, -1},
    [SVC_HTTP] = {"http", SVCP_WEB, 80},
    [SVC_HTTPS] = {"https", SVCP_WEB | SVCP_TLS, 443},
    [SVC_NETCONF] = {"netconf", SVCP_API, 830},
    [SVC_RESTCONF] = {"restconf", SVCP_API | SVCP_TLS, 443},
    [SVC_REST] = {"rest", SVCP_API, -1},
    [SVC_REST_HTTPS] = {"rest-https", SVCP_API | SVCP_TLS, -1},
    [SVC_GNMI] = {"gnmi", SVCP_API | SVCP_TLS | SVCP_GRPC, 9339},
    [SVC_GRPC] = {"grpc", SVCP_API | SVCP_TLS | SVCP_GRPC, 57400},
    [SVC_GRPC_TLS] = {"grpc-tls", SVCP_API | SVCP_TLS, -1},
    [SVC_EAPI] = {"eapi", SVCP_API | SVCP_TLS, 443},
    [SVC_NXAPI] = {"nxapi", SVCP_API | SVCP_TLS, 443},
    [SVC_XML_AGENT] = {"xml-agent", SVCP_API, 38751},
    [SVC_XML_AGENT_TLS] = {"xml-agent-tls", SVCP_API | SVCP_TLS, -1},
    [SVC_XML_AGENT_TTY] = {"xml-agent-tty", SVCP_API, -1},
    [SVC_FTP_SERVER] = {"ftp-server", SVCP_FILE_XFER, 21},
    [SVC_TFTP_SERVER] = {"tftp-server", SVCP_FILE_XFER, 69},
    [SVC_SCP_SERVER] = {"scp-server", 0, 22},
    [SVC_SFTP_SERVER] = {"sftp-server", 0, -1},
    [SVC_FINGER] = {"finger", 0, -1},
    [SVC_RLOGIN] = {"rlogin", 0, -1},
    [SVC_RSH] = {"rsh", SVCP_FILE_XFER, -1},
    [SVC_XR_HTTP] = {"http-server", SVCP_API | SVCP_TLS, 80},
};

const struct svc_kind_info *svc_info(enum svc_kind k)
{
    return (unsigned)k < SVC_KIND_COUNT ? &kinds[k] : &kinds[SVC_UNKNOWN];
}

enum svc_kind svc_kind_of(const char *name)
{
    for (int k = SVC_UNKNOWN + 1; name && k < SVC_KIND_COUNT; k++)
        if (strcmp(kinds[k].name, name) == 0)
            return (enum svc_kind)k;
    return SVC_UNKNOWN;
}

static const struct onbox_kind_info onbox_kinds[ONBOX_KIND_COUNT] = {
    [ONBOX_UNKNOWN] = {"item", 0},
    [ONBOX_GUESTSHELL] = {"guestshell", ONBOXP_HOSTED},
    [ONBOX_BASH] = {"bash", ONBOXP_HOSTED | ONBOXP_LINUX_SHELL},
    [ONBOX_SHELL] = {"shell", ONBOXP_HOSTED | ONBOXP_LINUX_SHELL},
    [ONBOX_APP_HOSTING] = {"app-hosting", ONBOXP_HOSTED},
    [ONBOX_PYTHON] = {"python", ONBOXP_HOSTED},
    [ONBOX_DAEMON] = {"daemon", ONBOXP_HOSTED},
    [ONBOX_EXTENSION] = {"extension", ONBOXP_HOSTED},
    [ONBOX_EEM] = {"eem", 0},
    [ONBOX_KRON] = {"kron", 0},
    [ONBOX_EVENT_HANDLER] = {"event-handler", 0},
    [ONBOX_SCHEDULER] = {"scheduler", 0},
    [ONBOX_CRON] = {"cron", 0},
    [ONBOX_OPS_ASSISTANT] = {"ops-assistant", 0},
    [ONBOX_JUNOS_OP_SCRIPT] = {"junos-op-script", 0},
    [ONBOX_JUNOS_COMMIT_SCRIPT] = {"junos-commit-script", 0},
    [ONBOX_JUNOS_EVENT_SCRIPT] = {"junos-event-script", 0},
    [ONBOX_FORTI_STITCH] = {"automation-stitch", 0},
    [ONBOX_FORTI_AUTO_SCRIPT] = {"auto-script", 0},
};

const struct onbox_kind_info *onbox_info(enum onbox_kind k)
{
    return (unsigned)k < ONBOX_KIND_COUNT ? &onbox_kinds[k] : &onbox_kinds[ONBOX_UNKNOWN];
}

enum onbox_kind onbox_kind_of(const char *name)
{
    for (int k = ONBOX_UNKNOWN + 1; name && k < ONBOX_KIND_COUNT; k++)
        if (strcmp(onbox_kinds[k].name, name) == 0)
            return (enum onbox_kind)k;
    return ONBOX_UNKNOWN;
}
