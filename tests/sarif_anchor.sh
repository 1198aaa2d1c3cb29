#!/usr/bin/env bash
# sarif_anchor.sh - a failed check without evidence (a missing setting) is
# located in SARIF at the section its setting belongs in: the region is the
# line of the nearest enclosing section the configuration has (Junos brace
# and set forms, SR OS, VRP, FortiOS), or line 1 when it belongs at top
# level (IOS global statements), with a location message saying so and a
# tsauditAnchor property, never a snippet. The anchor is not evidence: the
# JSON report cites no line for it (it has an "anchor" of its own) and the
# fingerprint does not move when the section does. Results read back from --cache keep their anchors, and
# the file validates against both SARIF schemas.
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cfg=$out/cfg
mkdir -p "$cfg"

cat > "$cfg/junos.conf" <<'CFG'
## Last commit: 2026-11-01 10:00:00 UTC by admin
version 21.4R3;
system {
    host-name edge1;
    services {
        ssh {
            protocol-version v2;
        }
    }
    syslog {
        file messages {
            any notice;
        }
    }
}
interfaces {
    lo0 {
        unit 0 {
            family inet {
                address 192.0.2.1/32;
            }
        }
    }
}
CFG
cat > "$cfg/junos-set.conf" <<'CFG'
set version 21.4R3
set system host-name edge2
set system services ssh protocol-version v2
set interfaces lo0 unit 0 family inet address 192.0.2.2/32
CFG
cat > "$cfg/ios.cfg" <<'CFG'
!
version 15.2
hostname core1
!
ip ssh version 2
!
line vty 0 4
 transport input ssh
!
end
CFG
cat > "$cfg/sros.cfg" <<'CFG'
# TiMOS-B-20.10.R1 both/x86_64 Nokia 7750 SR
configure
    system
        name "pe1"
        security
            ssh
                preserve-key
            exit
        exit
    exit
exit all
CFG
cat > "$cfg/vrp.cfg" <<'CFG'
!Software Version V800R021C00SPC100
#
sysname agg1
#
aaa
 local-user admin privilege level 3
#
user-interface vty 0 4
 authentication-mode aaa
 protocol inbound ssh
#
return
CFG
cat > "$cfg/forti.conf" <<'CFG'
#config-version=FG100F-7.2.5-FW-build1517-230606:opmode=0:vdom=0:user=admin
config system global
    set hostname "fw1"
end
config system ntp
    set ntpsync enable
end
CFG

scan() { "$bin" scan --fail-on never --quiet --no-progress --profile "$src/tests/labelled/profile.yaml" "$@" 2>"$out/err"; }
mkdir -p "$out/rep"
scan "$cfg" -o "$out/rep/report.sarif" -o "$out/rep/report.json" || { echo "FAIL: scan: $(cat "$out/err")"; exit 1; }
# Both SARIF schemas, and the JSON report's.
python3 "$src/tests/tools/report_validate.py" "$out/rep" || { echo "FAIL: the reports do not validate"; exit 1; }
# The same configurations with the Junos system section two lines further down.
mkdir -p "$out/moved"
cp "$cfg"/* "$out/moved/"
{ printf '## moved\n## down\n'; cat "$cfg/junos.conf"; } > "$out/moved/junos.conf"
scan "$out/moved" -o "$out/moved.sarif" || { echo "FAIL: scan moved"; exit 1; }
# Through the result cache: the first run fills it, the second reads it back.
scan "$cfg" --cache "$out/cache" -o "$out/c1.sarif" && scan "$cfg" --cache "$out/cache" -o "$out/c2.sarif" ||
  { echo "FAIL: cached scans: $(cat "$out/err")"; exit 1; }

python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
bad = []
def check(ok, what):
    if not ok:
        bad.append(what)
def results(name):
    return json.load(open(os.path.join(out, name)))["runs"][0]["results"]
def key(r):
    return (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"])
res = results("rep/report.sarif")
by = {key(r): r for r in res}
check(len(res) > 40, "the fixtures fail checks (%d results)" % len(res))
for r in res:
    loc = r["locations"][0]
    if "startLine" not in loc["physicalLocation"].get("region", {}):
        check(False, "%s %s: primary location without a line" % key(r))
# (file, check): the line and section of the anchor; None: top level.
want = {
    ("junos.conf", "AAA-ROOT-REMOTE"): (6, "system services ssh"),
    ("junos.conf", "LOG-REMOTE-SYSLOG"): (10, "system syslog"),
    ("junos.conf", "AAA-LOCKOUT"): (3, "system"),
    ("junos.conf", "MGMT-ACCESS-ACL"): (19, "interfaces lo0 unit 0 family inet"),
    ("junos-set.conf", "MGMT-SESSION-LIMIT"): (3, "system services ssh"),
    ("junos-set.conf", "AAA-CENTRAL"): (2, "system"),
    ("sros.cfg", "CRYPTO-SSH-CIPHERS"): (6, "configure system security ssh"),
    ("sros.cfg", "AAA-SERVERS-APPROVED"): (5, "configure system security"),
    ("sros.cfg", "LOG-REMOTE-SYSLOG"): (2, "configure"),
    ("vrp.cfg", "AAA-ACCOUNTING"): (5, "aaa"),
    ("forti.conf", "AAA-LOCKOUT"): (2, "config system global"),
    ("forti.conf", "TIME-NTP-SOURCES"): (5, "config system ntp"),
    ("ios.cfg", "AAA-CENTRAL"): (1, None),
    ("vrp.cfg", "LOG-REMOTE-SYSLOG"): (1, None),
}
for k, (line, section) in want.items():
    r = by.get(k)
    if not r:
        check(False, "%s %s: no result" % k)
        continue
    loc = r["locations"][0]
    region = loc["physicalLocation"].get("region", {})
    check(region.get("startLine") == line, "%s %s: line %s, want %d" % (k + (region.get("startLine"), line)))
    check("snippet" not in region, "%s %s: an anchor has no snippet" % k)
    text = loc.get("message", {}).get("text", "")
    kind = loc.get("properties", {}).get("tsauditAnchor")
    if section:
        check(text == "the setting belongs in this section (%s)" % section and kind == "section",
              "%s %s: message %r, property %r" % (k + (text, kind)))
    else:
        check(text == "setting absent; belongs at top level" and kind == "top-level",
              "%s %s: message %r, property %r" % (k + (text, kind)))
# Evidence keeps its own location: no anchor message on it.
for r in res:
    loc = r["locations"][0]
    if "snippet" in loc["physicalLocation"].get("region", {}):
        check("message" not in loc and "properties" not in loc, "%s %s: evidence marked as an anchor" % key(r))
# The JSON report cites no evidence line for an anchored result.
dev = {os.path.basename(d["file"]): d for d in json.load(open(os.path.join(out, "rep/report.json")))["devices"]}
jr = {x["check"]: x for x in dev["junos.conf"]["results"]}
check(jr["AAA-ROOT-REMOTE"]["verdict"] == "fail" and jr["AAA-ROOT-REMOTE"]["evidence"] == [],
      "JSON: the anchor is not evidence: %s" % jr["AAA-ROOT-REMOTE"]["evidence"])
# ... it is the result's "anchor", on fails without evidence only.
check(jr["AAA-ROOT-REMOTE"].get("anchor") == {"line": 6, "section": "system services ssh"},
      "JSON anchor: %s" % jr["AAA-ROOT-REMOTE"].get("anchor"))
ir = {x["check"]: x for x in dev["ios.cfg"]["results"]}
check(ir["AAA-CENTRAL"].get("anchor") == {"line": 1, "section": None},
      "JSON top-level anchor: %s" % ir["AAA-CENTRAL"].get("anchor"))
for d in dev.values():
    for x in d["results"]:
        if "anchor" in x and (x["verdict"] not in ("fail", "waived") or x["evidence"]):
            check(False, "%s %s: anchor on a %s with %d evidence lines"
                  % (d["file"], x["check"], x["verdict"], len(x["evidence"])))
# Moving the section moves the line, not the fingerprint.
moved = {key(r): r for r in results("moved.sarif")}
m = moved[("junos.conf", "AAA-ROOT-REMOTE")]
check(m["locations"][0]["physicalLocation"].get("region", {}).get("startLine") == 8, "moved: line %s" % m["locations"][0])
check(m["partialFingerprints"] == by[("junos.conf", "AAA-ROOT-REMOTE")]["partialFingerprints"],
      "the fingerprint does not depend on the anchor line")
# Anchors survive the result cache.
c1 = [r["locations"] for r in results("c1.sarif")]
c2 = [r["locations"] for r in results("c2.sarif")]
check(c1 == c2 and c1, "cached results keep their locations")
for x in bad:
    print("FAIL:", x)
sys.exit(1 if bad else 0)
PY
status=$?
[ "$status" -eq 0 ] && echo "sarif_anchor: passed"
exit "$status"
