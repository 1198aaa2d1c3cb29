#!/usr/bin/env bash
# CRED-UNIQUE-PER-DEVICE is a verdict on every device in every per-device
# output: fail on the two devices that share credentials (naming the other
# by its path and the kind of secret), pass on the third. Both sharing
# devices have the same hostname, so only the path tells them apart. Each
# pair of devices and kind of secret is one estate finding whose fingerprint
# does not change from one run (and salt) to the next.
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0

est="$out/estate"
mkdir -p "$est/site-a" "$est/site-b"
cp "$src/tests/fixtures/checks/cisco-ios/good.cfg" "$est/site-a/r1.cfg"
cp "$src/tests/fixtures/checks/cisco-ios/good.cfg" "$est/site-b/r1.cfg"
cp "$src/tests/fixtures/checks/cisco-ios/bad.cfg" "$est/site-b/r2.cfg"

for run in 1 2; do
  "$bin" scan "$est" --profile "$src/tests/fixtures/checks/profile.yaml" --as-of 2026-11-29 \
    --no-progress --fail-on never --quiet \
    -o "$out/r$run.json" -o "$out/r$run.sarif" -o "$out/r$run.csv" -o "$out/r$run.xml" \
    -o "$out/r$run.html" 2> "$out/stderr$run.txt"
  rc=$?
  if [ $rc -ne 0 ]; then
    echo "scan $run exited $rc:"; cat "$out/stderr$run.txt"; fail=1
  fi
done

python3 - "$out" <<'EOF' || fail=1
import csv, json, sys, xml.etree.ElementTree as ET
out = sys.argv[1]
ID = "CRED-UNIQUE-PER-DEVICE"
want = {"site-a/r1.cfg": ("fail", "site-b/r1.cfg"), "site-b/r1.cfg": ("fail", "site-a/r1.cfg"),
        "site-b/r2.cfg": ("pass", None)}
bad = []

def expect(fmt, dev, verdict, message):
    v, other = want[dev]
    if verdict != v:
        bad.append(f"{fmt}: {dev}: {ID} is {verdict}, expected {v}")
    if other and (other not in message or "local-user-secret" not in message):
        bad.append(f"{fmt}: {dev}: message does not name {other} and the kind: {message}")

# JSON: per-device results and the estate findings.
r = json.load(open(f"{out}/r1.json"))
seen = set()
for d in r["devices"]:
    for x in d["results"]:
        if x["check"] == ID:
            expect("json", d["relpath"], x["verdict"], x["message"])
            seen.add(d["relpath"])
if seen != set(want):
    bad.append(f"json: {ID} results for {sorted(seen)}")
fps = [f["fingerprint"] for f in r["fleet"]]
if not fps or len(set(fps)) != len(fps):
    bad.append(f"json: estate findings without distinct fingerprints: {fps}")
for f in r["fleet"]:
    names = [x["name"] for x in f["devices"]]
    if names != ["site-a/r1.cfg", "site-b/r1.cfg"] or not f.get("kind"):
        bad.append(f"json: estate finding is not one pair named by path: {f}")
r2 = json.load(open(f"{out}/r2.json"))
if [f["fingerprint"] for f in r2["fleet"]] != fps:
    bad.append("json: estate fingerprints changed between two runs")

# CSV: one device row each.
rows = [row for row in csv.reader(open(f"{out}/r1.csv")) if row and row[0] == "device"]
head = next(csv.reader(open(f"{out}/r1.csv")))
col = {name: i for i, name in enumerate(head)}
got = {row[col["file"]]: row for row in rows if row[col["check"]] == ID}
for dev in want:
    row = got.get(dev)
    if not row:
        bad.append(f"csv: no {ID} row for {dev}")
    else:
        expect("csv", dev, row[col["verdict"]], row[col["message"]])

# JUnit: a test case in each device's suite, failing on the sharing devices.
suites = [s for s in ET.parse(f"{out}/r1.xml").getroot() if s.get("name") not in ("fleet", "measures")]
verdicts = []
for s in suites:
    for tc in s.findall("testcase"):
        if tc.get("name") == ID:
            f = tc.find("failure")
            verdicts.append("fail" if f is not None else "pass")
            if f is not None and "r1.cfg" not in f.get("message", ""):
                bad.append(f"junit: failure message names no device: {f.get('message')}")
if sorted(verdicts) != ["fail", "fail", "pass"]:
    bad.append(f"junit: {ID} test cases {verdicts}")

# SARIF: a result for each sharing device, at its own file, and pair results.
s = json.load(open(f"{out}/r1.sarif"))
per_device, pairs = [], []
for res in s["runs"][0]["results"]:
    if res["ruleId"] != ID:
        continue
    # One primary location; a pair's other device is a related location.
    uris = [l["physicalLocation"]["artifactLocation"]["uri"]
            for l in res["locations"] + res.get("relatedLocations", [])]
    (pairs if res.get("properties", {}).get("fleet") else per_device).append(
        (uris, res["partialFingerprints"]["tsauditFinding/v1"]))
if sorted(u[0] for u, _ in per_device) != ["site-a/r1.cfg", "site-b/r1.cfg"]:
    bad.append(f"sarif: per-device results at {per_device}")
if not pairs or any(sorted(u) != ["site-a/r1.cfg", "site-b/r1.cfg"] for u, _ in pairs):
    bad.append(f"sarif: pair results at {pairs}")
if len({fp for _, fp in pairs}) != len(pairs):
    bad.append("sarif: two pair results share a fingerprint")

# HTML: the sharing devices' messages name each other.
html = open(f"{out}/r1.html").read()
for other in ("site-a/r1.cfg", "site-b/r1.cfg"):
    if f"local-user-secret (line 26) with {other}" not in html:
        bad.append(f"html: no per-device message naming {other}")

for b in bad:
    print(b)
sys.exit(1 if bad else 0)
EOF

exit $fail
