#!/usr/bin/env python3
"""ccp2_audit.py - the ten IOS-family checks written with ciscoconfparse2.

Usage: ccp2_audit.py [--quiet] [--list FILE] PATH...
Parses each file with ciscoconfparse2.CiscoConfParse (syntax ios, iosxr,
nxos or asa, picked from the capture's header) and
answers every check through its tree API (find_objects, children,
all_children).  Prints one line of verdicts per file and the total time.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ciscoconfparse2 import CiscoConfParse  # noqa: E402

import common  # noqa: E402
from common import FAIL, NA, PASS  # noqa: E402


SYNTAX = {"ios": "ios", "eos": "ios", "iosxr": "iosxr", "nxos": "nxos", "asa": "asa"}


def audit(text):
    parse = CiscoConfParse(text.split("\n"), syntax=SYNTAX[common.sniff(text)], loguru=False)
    r = {}

    vtys = parse.find_objects(r"^line vty")
    if not vtys:
        r["telnet_vty"] = NA
    else:
        r["telnet_vty"] = PASS
        for vty in vtys:
            ti = [c.text.strip() for c in vty.children if c.text.strip().startswith("transport input")]
            if not ti or any(common.TELNET.search(t) for t in ti):
                r["telnet_vty"] = FAIL

    r["ssh_v2"] = PASS if parse.find_objects(r"^ip ssh version 2\s*$") else FAIL
    r["http_server"] = FAIL if parse.find_objects(r"^ip http server\s*$") else PASS

    comms = parse.find_objects(r"^snmp-server community ")
    if not comms:
        r["snmp_acl"] = NA
    else:
        r["snmp_acl"] = PASS if all(common.snmp_has_acl(c.text.strip()) for c in comms) else FAIL

    r["type7"] = FAIL if parse.find_objects(common.TYPE7.pattern) else PASS

    if not parse.find_objects(r"^ntp (?:server|peer) "):
        r["ntp_auth"] = NA
    else:
        ok = parse.find_objects(r"^ntp authenticate\s*$") and parse.find_objects(r"^ntp authentication-key ")
        r["ntp_auth"] = PASS if ok else FAIL

    r["syslog"] = PASS if parse.find_objects(common.SYSLOG.pattern) else FAIL

    verdict = None
    for bgp in parse.find_objects(r"^router bgp "):
        lines = [c.text.strip() for c in bgp.all_children if c.text.strip().startswith("neighbor ")]
        v = common.bgp_verdict(lines)
        if v == FAIL or verdict is None:
            verdict = v if v else verdict
    r["bgp_auth"] = verdict or NA

    external = 0
    r["urpf_ext"] = PASS
    for intf in parse.find_objects(r"^interface "):
        desc = [c.text.strip()[12:] for c in intf.children if c.text.strip().startswith("description ")]
        if not desc or not common.EXT_DESC.match(desc[0]):
            continue
        external += 1
        if not any(c.text.strip().startswith(common.URPF) for c in intf.children):
            r["urpf_ext"] = FAIL
    if external == 0:
        r["urpf_ext"] = NA

    r["banner"] = PASS if parse.find_objects(r"^banner (?:login|motd)") else FAIL
    return r


if __name__ == "__main__":
    sys.exit(common.main("ciscoconfparse2", audit))
