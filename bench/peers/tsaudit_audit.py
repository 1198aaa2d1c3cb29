#!/usr/bin/env python3
"""tsaudit_audit.py - the ten IOS-family checks answered by the tsaudit Python
package (the C core in process), through the same harness as the peers.

Usage: tsaudit_audit.py [--quiet] [--list FILE] PATH...
Each file's text is handed to tsaudit.audit_text() (dialect detected, every
built-in check run, results turned into Python objects); the ten verdicts
the harness counts are read from the results of the matching checks.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import tsaudit  # noqa: E402

import common  # noqa: E402
from common import FAIL, NA, PASS  # noqa: E402

# The harness's check -> the tsaudit check that decides it.
CHECK_OF = {
    "telnet_vty": "MGMT-TELNET",
    "ssh_v2": "MGMT-SSH-V2",
    "http_server": "MGMT-WEB",
    "snmp_acl": "SNMP-ACL",
    "type7": "CRED-PLAINTEXT",
    "ntp_auth": "TIME-NTP-AUTH",
    "syslog": "LOG-REMOTE-SYSLOG",
    "bgp_auth": "RTG-BGP-AUTH",
    "urpf_ext": "DATA-URPF",
    "banner": "BANNER-LOGIN",
}
VERDICT = {"pass": PASS, "fail": FAIL}

PROFILE = tsaudit.Profile.from_file(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "profile.yaml"))
CONTEXT = tsaudit.Context(profile=PROFILE)


def audit(text):
    dev = CONTEXT.audit_text(text)
    by_id = {r.check: r.verdict for r in dev.results}
    return {c: VERDICT.get(by_id.get(t), NA) for c, t in CHECK_OF.items()}


if __name__ == "__main__":
    sys.exit(common.main("tsaudit-python", audit))
