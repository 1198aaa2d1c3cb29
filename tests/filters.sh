#!/usr/bin/env bash
# filters.sh - --checks, --skip-checks, --severity-min, --status and
# --hide-passes shorten what the reports list and what --fail-on gates, while
# the totals and the measures still count every result (and say so); the text
# report in a file is complete.
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }
estate=$src/examples/estate
profile=$src/examples/profile.yaml
scan() { "$bin" scan --no-progress --profile "$profile" --as-of 2026-11-29 "$@" "$estate"; }

scan --quiet -o "$out/all.json" -o "$out/all.sarif" -o "$out/all.csv"
scan --checks 'mgmt-*,CRED-ENABLE' --skip-checks MGMT-TELNET --status fail,unknown \
  -o "$out/f.json" -o "$out/f.sarif" -o "$out/f.csv" -o "$out/f.xml" -o "$out/f.html" \
  -o "$out/f.oscal.json" >"$out/f.txt"

python3 - "$out" <<'PY' || failed=$((failed + 1))
import csv, json, sys
out = sys.argv[1]
a, f = json.load(open(out + "/all.json")), json.load(open(out + "/f.json"))
def results(d):
    return [(dev["file"], r["check"], r["verdict"]) for dev in d["devices"] for r in dev.get("results", [])]
ra, rf = results(a), results(f)
want = [x for x in ra if (x[1].startswith("MGMT-") or x[1] == "CRED-ENABLE")
        and x[1] != "MGMT-TELNET" and x[2] in ("fail", "unknown")]
assert rf == want, "JSON lists exactly the chosen results (%d, want %d)" % (len(rf), len(want))
assert want, "the example estate has results to list"
assert f["run"]["listed"].startswith("--checks MGMT-*,CRED-ENABLE"), f["run"]["listed"]
assert a["run"]["listed"] is None
for k in ("summary", "measures"):
    if k in a:
        assert a[k] == f[k], k + " is the same with and without the filter"
sa, sf = json.load(open(out + "/all.sarif")), json.load(open(out + "/f.sarif"))
ids = {r["ruleId"] for r in sf["runs"][0]["results"]}
assert ids and all(i.startswith("MGMT-") or i == "CRED-ENABLE" for i in ids), ids
assert "MGMT-TELNET" not in ids
assert len(sf["runs"][0]["results"]) < len(sa["runs"][0]["results"])
rows = list(csv.DictReader(open(out + "/f.csv")))
assert rows and all(r.get("verdict") in ("fail", "unknown") for r in rows if r.get("check")), "csv"
print("filters: JSON, SARIF and CSV list the chosen results; totals unchanged")
PY
check "the summary says what is listed" "grep -q '^Listed *only --checks MGMT-\*,CRED-ENABLE' '$out/f.txt'"
check "JUnit lists only the chosen checks" "! grep -q 'name=\"MGMT-TELNET\"' '$out/f.xml' && grep -q 'name=\"MGMT-' '$out/f.xml'"

# The gate follows what is listed: leaving out every failing check passes.
fails=$(python3 -c "
import json; d=json.load(open('$out/all.json'))
print(','.join(sorted({r['check'] for dev in d['devices'] for r in dev.get('results', []) if r['verdict']=='fail'} | {x['check'] for x in d.get('fleet', []) if x.get('verdict')=='fail'})))")
scan --quiet --skip-checks "$fails" --fail-on low; rc=$?
check "skipping every failing check passes the gate (exit $rc)" "[ $rc -eq 0 ]"
scan --quiet --fail-on low; rc=$?
check "without the filter the gate fails (exit $rc)" "[ $rc -eq 1 ]"
scan --quiet --hide-passes -o "$out/h.json"
check "--hide-passes lists no pass" "! grep -q '\"verdict\":\"pass\"' '$out/h.json'"

# --sarif-max-results keeps the most severe results and says what it left out.
scan --quiet --sarif-max-results 10 -o "$out/cap.sarif"
python3 - "$out" <<'PY' || failed=$((failed + 1))
import json, sys
out = sys.argv[1]
rank = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}
full = [r for r in json.load(open(out + "/all.sarif"))["runs"][0]["results"]
        if not r["properties"].get("fleet")]
run = json.load(open(out + "/cap.sarif"))["runs"][0]
kept = [r for r in run["results"] if not r["properties"].get("fleet")]
assert len(kept) == 10 < len(full), (len(kept), len(full))
worst_dropped = sorted(rank[r["properties"]["severity"]] for r in full)[-11]
assert all(rank[r["properties"]["severity"]] >= worst_dropped for r in kept), "kept the most severe"
notes = [n for n in run["invocations"][0].get("toolExecutionNotifications", [])
         if n["descriptor"]["id"] == "results-capped"]
assert notes and ("%d results over" % (len(full) - 10)) in notes[0]["message"]["text"], notes
print("filters: the SARIF cap keeps the 10 most severe results and says what it left out")
PY

# The text report in a file lists everything; the terminal shortens lists.
scan --quiet -o "$out/full.txt"
scan >"$out/term.txt"
check "the text file has no 'and N more'" "! grep -q ' more' '$out/full.txt' && grep -q 'and [0-9]* more' '$out/term.txt'"

echo "filters: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
