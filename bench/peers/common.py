"""common.py - shared harness for the peer audit scripts.

Both peer scripts evaluate the same ten IOS-family checks; this module holds
what is library-independent: the check list, the regular expressions, file
discovery, reading, per-file output and timing.  The scripts themselves do
all configuration parsing and tree navigation through their library.
"""

import argparse
import os
import re
import sys
import time

CHECKS = [
    "telnet_vty",   # 1 telnet allowed on a VTY (transport input telnet/all, or absent)
    "ssh_v2",       # 2 `ip ssh version 2` present
    "http_server",  # 3 `ip http server` enabled
    "snmp_acl",     # 4 every SNMP community has an ACL
    "type7",        # 5 no type 7 passwords/keys
    "ntp_auth",     # 6 NTP authentication configured
    "syslog",       # 7 remote syslog host configured
    "bgp_auth",     # 8 every BGP neighbour has a password
    "urpf_ext",     # 9 uRPF on every external interface
    "banner",       # 10 login banner present
]

PASS, FAIL, NA = "pass", "fail", "n/a"

EXT_DESC = re.compile(r"^(EXT|PEER|TRANSIT|CUST)")
TYPE7 = re.compile(r"\b(?:password|secret|key|key-string) 7 \S+")
TELNET = re.compile(r"\b(?:telnet|all)\b")
# snmp-server community NAME [view V] [RO|RW] [ipv6 ACL6] [ACL]
SNMP_COMMUNITY = re.compile(
    r"^snmp-server community \S+(?: view \S+)?(?: (?:RO|RW|ro|rw))?(?: ipv6 \S+)?(?: (\S+))?\s*$")
SYSLOG = re.compile(r"^logging\s+(?:host\s+\S+|\d+\.\d+\.\d+\.\d+)")
NEI_REMOTE = re.compile(r"^neighbor (\S+) remote-as ")
NEI_GROUP = re.compile(r"^neighbor (\S+) peer-group (\S+)\s*$")
NEI_PASSWORD = re.compile(r"^neighbor (\S+) password ")
URPF = "ip verify unicast source reachable-via"


def snmp_has_acl(line):
    m = SNMP_COMMUNITY.match(line)
    return bool(m and m.group(1))


def bgp_verdict(neighbor_lines):
    """neighbor_lines: stripped `neighbor ...` statements of one BGP process."""
    remote, group_of, has_pw = set(), {}, set()
    for t in neighbor_lines:
        m = NEI_REMOTE.match(t)
        if m:
            remote.add(m.group(1))
        m = NEI_GROUP.match(t)
        if m:
            group_of[m.group(1)] = m.group(2)
            remote.add(m.group(1))
        m = NEI_PASSWORD.match(t)
        if m:
            has_pw.add(m.group(1))
    groups = set(group_of.values())
    peers = [n for n in remote if n not in groups]
    if not peers:
        return None
    for n in peers:
        if n not in has_pw and group_of.get(n) not in has_pw:
            return FAIL
    return PASS


def sniff(text):
    """Which IOS-family dialect a capture is, from its first lines, so each
    library can use its own driver for it: ios, iosxr, nxos, asa or eos."""
    head = text[:600]
    if "!! IOS XR Configuration" in head:
        return "iosxr"
    if "!Command: show running-config" in head or "\nfeature " in text[:4000]:
        return "nxos"
    if "! device: " in head:
        return "eos"
    if "ASA Version" in head or head.startswith(": Saved"):
        return "asa"
    return "ios"


def list_files(paths, listfile):
    out = []
    if listfile:
        with open(listfile) as f:
            out.extend(line.rstrip("\n") for line in f if line.strip())
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name in ("router.db", "MANIFEST.tsv") or name.startswith("."):
                        continue
                    out.append(os.path.join(root, name))
        else:
            out.append(p)
    return out


def read_text(path):
    with open(path, "rb") as f:
        data = f.read()
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n")


def main(name, audit):
    ap = argparse.ArgumentParser(description="%s: ten IOS-family security checks over config files" % name)
    ap.add_argument("paths", nargs="*", help="files or folders (walked recursively)")
    ap.add_argument("--list", help="file holding one path per line")
    ap.add_argument("--quiet", action="store_true", help="print only the summary")
    args = ap.parse_args()
    files = list_files(args.paths, args.list)
    totals = {c: {PASS: 0, FAIL: 0, NA: 0, "error": 0} for c in CHECKS}
    nbytes = 0
    errors = 0
    out = sys.stdout
    if not args.quiet:
        out.write("file\t" + "\t".join(CHECKS) + "\n")
    t0 = time.perf_counter()
    for path in files:
        try:
            text = read_text(path)
            nbytes += len(text)
            res = audit(text)
        except Exception as e:  # a peer failing on one file must not stop the run
            errors += 1
            res = {c: "error" for c in CHECKS}
            sys.stderr.write("%s: %s: %s\n" % (name, path, e))
        for c in CHECKS:
            totals[c][res[c]] += 1
        if not args.quiet:
            out.write(path + "\t" + "\t".join(res[c] for c in CHECKS) + "\n")
    dt = time.perf_counter() - t0
    out.write("# %s: %d files, %.1f MB, %d errors, %.3f s, %.1f files/s, %.2f MB/s\n" % (
        name, len(files), nbytes / 1e6, errors, dt, len(files) / dt if dt else 0.0, nbytes / 1e6 / dt if dt else 0.0))
    for c in CHECKS:
        t = totals[c]
        out.write("# %-12s pass %6d  fail %6d  n/a %6d  error %d\n" % (c, t[PASS], t[FAIL], t[NA], t["error"]))
    return 0
