#!/usr/bin/env bash
# plan.sh - the fix-once plan (`tsaudit plan`, the JSON report's `plan`):
# every failed result is in exactly one action, actions are ranked by
# severity and then by devices closed, and one change to three copies of a
# device is one action closing three failures.
set -u
BIN=${TSAUDIT_BIN:?TSAUDIT_BIN must name the tsaudit binary}
SRC=${TSAUDIT_SRC:-.}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0

# Three IOS access switches that share a template, and the example estate.
mkdir -p "$TMP/estate/tmpl"
cp -r "$SRC/examples/estate/." "$TMP/estate/"
for i in 1 2 3; do
    sed "s/^hostname man-as3/hostname tmpl-as$i/" "$SRC/examples/estate/access/man-as3" \
        >"$TMP/estate/tmpl/tmpl-as$i"
done

"$BIN" plan "$TMP/estate" --profile "$SRC/examples/profile.yaml" -o "$TMP/r.json" \
    >"$TMP/plan.txt" 2>"$TMP/plan.err"
rc=$?
[ $rc -eq 0 ] || { echo "FAIL: tsaudit plan exited $rc"; cat "$TMP/plan.err"; fail=1; }
grep -q "^Fix-once plan: [0-9]* actions close [0-9]* failed results on [0-9]* audited devices" \
    "$TMP/plan.txt" || { echo "FAIL: no plan headline"; head -3 "$TMP/plan.txt"; fail=1; }

python3 - "$TMP/r.json" "$TMP/plan.txt" <<'PY' || fail=1
import json, re, sys
d = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
fails = {}
for dev in d["devices"]:
    for r in dev.get("results", []):
        if r["verdict"] == "fail":
            key = (r["check"], dev["dialect"])
            fails[key] = fails.get(key, 0) + 1
plan = d["plan"]
assert sum(a["devices_closed"] for a in plan) == sum(fails.values()), "every failure in one action"
assert {(a["check"], a["dialect"]): a["devices_closed"] for a in plan} == fails
sev = {"critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0}
keys = [(-sev[a["severity"]], -a["devices_closed"]) for a in plan]
assert keys == sorted(keys), "ranked by severity, then devices closed"
tel = [a for a in plan if a["check"] == "MGMT-TELNET" and a["dialect"] == "cisco-ios"]
assert tel and tel[0]["devices_closed"] >= 3, tel
assert set(tel[0]["devices"]) >= {"tmpl/tmpl-as1", "tmpl/tmpl-as2", "tmpl/tmpl-as3"}, tel
n = len(re.findall(r"^\d+\. \[", text, re.M))
assert n == len(plan), (n, len(plan))
assert f"[high] MGMT-TELNET on cisco-ios: closes {tel[0]['devices_closed']} failures" in text
assert "transport input ssh" in text
PY
[ $fail -eq 0 ] && echo "plan: 1 passed, 0 failed" || echo "plan: 0 passed, 1 failed"
exit $fail
