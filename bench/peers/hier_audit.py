#!/usr/bin/env python3
"""hier_audit.py - the ten IOS-family checks written with hier_config (v3).

Usage: hier_audit.py [--quiet] [--list FILE] PATH...
Parses each file with hier_config.get_hconfig(platform, text), the platform
being CISCO_IOS, CISCO_XR, CISCO_NXOS or ARISTA_EOS from the capture's
header (ASA has no driver of its own and uses CISCO_IOS), and
answers every check through the HConfig tree (get_children, get_child,
children, all_children).  Prints one line of verdicts per file and the total
time.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from hier_config import Platform, get_hconfig  # noqa: E402

import common  # noqa: E402
from common import FAIL, NA, PASS  # noqa: E402


PLATFORM = {"ios": Platform.CISCO_IOS, "asa": Platform.CISCO_IOS, "eos": Platform.ARISTA_EOS,
            "iosxr": Platform.CISCO_XR, "nxos": Platform.CISCO_NXOS}


def audit(text):
    hc = get_hconfig(PLATFORM[common.sniff(text)], text)
    r = {}

    vtys = list(hc.get_children(startswith="line vty"))
    if not vtys:
        r["telnet_vty"] = NA
    else:
        r["telnet_vty"] = PASS
        for vty in vtys:
            ti = [c.text for c in vty.get_children(startswith="transport input")]
            if not ti or any(common.TELNET.search(t) for t in ti):
                r["telnet_vty"] = FAIL

    r["ssh_v2"] = PASS if hc.get_child(equals="ip ssh version 2") else FAIL
    r["http_server"] = FAIL if hc.get_child(equals="ip http server") else PASS

    comms = list(hc.get_children(startswith="snmp-server community "))
    if not comms:
        r["snmp_acl"] = NA
    else:
        r["snmp_acl"] = PASS if all(common.snmp_has_acl(c.text) for c in comms) else FAIL

    r["type7"] = FAIL if any(common.TYPE7.search(c.text) for c in hc.all_children()) else PASS

    if not hc.get_child(re_search=r"^ntp (?:server|peer) "):
        r["ntp_auth"] = NA
    else:
        ok = hc.get_child(equals="ntp authenticate") and hc.get_child(startswith="ntp authentication-key ")
        r["ntp_auth"] = PASS if ok else FAIL

    r["syslog"] = PASS if hc.get_child(re_search=common.SYSLOG.pattern) else FAIL

    verdict = None
    for bgp in hc.get_children(startswith="router bgp "):
        lines = [c.text for c in bgp.all_children() if c.text.startswith("neighbor ")]
        v = common.bgp_verdict(lines)
        if v == FAIL or verdict is None:
            verdict = v if v else verdict
    r["bgp_auth"] = verdict or NA

    external = 0
    r["urpf_ext"] = PASS
    for intf in hc.get_children(startswith="interface "):
        desc = intf.get_child(startswith="description ")
        if desc is None or not common.EXT_DESC.match(desc.text[12:]):
            continue
        external += 1
        if intf.get_child(startswith=common.URPF) is None:
            r["urpf_ext"] = FAIL
    if external == 0:
        r["urpf_ext"] = NA

    r["banner"] = PASS if hc.get_child(re_search=r"^banner (?:login|motd)") else FAIL
    return r


if __name__ == "__main__":
    sys.exit(common.main("hier_config", audit))
