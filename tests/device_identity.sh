#!/usr/bin/env bash
# device_identity.sh - a device is known by its path relative to the scanned
# folder in every output, so two devices with the same hostname in different
# folders never collide: JSON devices and measure findings, fleet findings
# and their messages, HTML anchors and the links to them, JUnit testcases,
# SARIF locations, CSV rows, OSCAL subjects and the history the dashboard
# reads.
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0

# The same router backed up under two sites (same hostname, same secrets),
# beside two other devices.
mkdir -p "$out/estate/site1" "$out/estate/site2"
cp "$src/examples/estate/core/lon-cr1" "$out/estate/site1/r1.cfg"
cp "$src/examples/estate/core/lon-cr1" "$out/estate/site2/r1.cfg"
cp "$src/examples/estate/access/"* "$out/estate/"
cd "$out" || exit 1
"$bin" scan estate --profile "$src/examples/profile.yaml" --as-of 2026-11-29 --fail-on never \
  --quiet --no-progress -o r.json -o r.html -o r.sarif -o r.xml -o r.csv -o r.oscal.json --db h.db ||
  { echo "FAIL: scan exited $?"; exit 1; }

python3 - <<'PY' || failed=1
import csv, json, re, sqlite3, sys
from xml.etree import ElementTree as ET
bad = []
def check(ok, what):
    if not ok:
        bad.append(what)
paths = {"site1/r1.cfg", "site2/r1.cfg"}

d = json.load(open("r.json"))
devs = {x["relpath"]: x["hostname"] for x in d["devices"]}
check(paths <= devs.keys(), "JSON devices by relative path: %s" % sorted(devs))
check(devs.get("site1/r1.cfg") == devs.get("site2/r1.cfg") == "lon-cr1", "both hostnames lon-cr1")
names = {f["device"] for m in d["measures"] for f in m.get("findings", [])}
check(paths <= names, "measure findings name both paths")
check("lon-cr1" not in names, "measure findings never use the shared hostname")
shared = [f for f in d["fleet"] if {x["name"] for x in f["devices"]} == paths]
check(shared, "a fleet finding names both paths")
check(all("site1/r1.cfg (lon-cr1) line" in f["message"] for f in shared),
      "fleet messages give the path with the hostname beside it")

html = open("r.html").read()
# Each device is a data block the page renders on demand; its id is the anchor.
ids = re.findall(r'<script type="application/json" class="dd" id="([^"]+)"', html)
check(len(ids) == len(set(ids)) == len(d["devices"]), "HTML device anchors unique")
check({"d/site1/r1.cfg", "d/site2/r1.cfg"} <= set(ids), "HTML anchors from the paths: %s" % ids)
for target in set(re.findall(r'href="#device=([^"]+)"', html)):
    check(target in ids, "HTML link to a missing device anchor %s" % target)

cases = [(c.get("classname"), c.get("name")) for c in ET.parse("r.xml").iter("testcase")]
check(len(cases) == len(set(cases)), "JUnit testcases unique")
check(any("site1/r1.cfg" in (c or "") for c, _ in cases) and
      any("site2/r1.cfg" in (c or "") for c, _ in cases), "JUnit names both paths")

s = json.load(open("r.sarif"))
uris = {l["physicalLocation"]["artifactLocation"]["uri"]
        for r in s["runs"][0]["results"] for l in r.get("locations", [])}
check(any(u.endswith("site1/r1.cfg") for u in uris) and any(u.endswith("site2/r1.cfg") for u in uris),
      "SARIF locates both files")

rows = list(csv.DictReader(open("r.csv")))
key = "relpath" if rows and "relpath" in rows[0] else "file"
files = {r[key] for r in rows if r.get("hostname") == "lon-cr1"}
check(len(files) == 2, "CSV rows of the two devices are told apart: %s" % files)

o = json.load(open("r.oscal.json"))
subj = [s.get("title", "") for s in o["assessment-results"]["results"][0].get("subjects", [])] \
    if "subjects" in o["assessment-results"]["results"][0] else []
obs = json.dumps(o)
check("site1/r1.cfg" in obs and "site2/r1.cfg" in obs, "OSCAL names both paths")

db = sqlite3.connect("h.db")
rel = [r[0] for r in db.execute("SELECT relpath FROM devices")]
check(len(rel) == len(set(rel)) and paths <= set(rel), "history keys devices by path: %s" % rel)
fleet = " ".join(r[0] or "" for r in db.execute("SELECT devices FROM fleet"))
check("site1/r1.cfg" in fleet and "site2/r1.cfg" in fleet, "history fleet findings name paths")

for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY

# The dashboard's device pages, one per path.
"$bin" serve --db h.db --listen 127.0.0.1:0 > serve.out 2> serve.err &
pid=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' serve.out 2>/dev/null | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -n "$url" ]; then
  curl -s --max-time 20 "$url/" > runs.html
  for p in site1/r1.cfg site2/r1.cfg; do
    grep -q -e "href=\"/devices?path=$p\"" -e "href=\"/devices?path=${p//\//%2F}\"" runs.html || { echo "FAIL: dashboard links $p"; failed=1; }
    curl -s --max-time 20 "$url/devices?path=${p//\//%2F}" | grep -q "lon-cr1" ||
      { echo "FAIL: dashboard device page for $p"; failed=1; }
  done
else
  echo "FAIL: serve did not start"; failed=1
fi
kill "$pid" 2>/dev/null
wait "$pid" 2>/dev/null

# JUnit: undecided checks are skipped by default and errors with --junit-unknown error.
grep -q '<skipped message="unknown: ' r.xml || { echo "FAIL: unknown is skipped by default"; failed=1; }
"$bin" scan estate --as-of 2026-11-29 --fail-on never --quiet --no-progress --junit-unknown error -o u.xml
grep -q '<error type="needs_context"' u.xml && grep -q '<error type="unknown"' u.xml &&
  ! grep -qE '<skipped message="(unknown|needs_context): ' u.xml ||
  { echo "FAIL: --junit-unknown error makes needs_context an error"; failed=1; }

[ "$failed" -eq 0 ] && echo "device_identity: passed"
exit "$failed"
