#!/usr/bin/env bash
# sarif_ci.sh - SARIF as code scanning takes it, from a scan of the shared
# corpus run at the root of a git repository: every result has one primary
# location relative to that root with a line (the evidence, or for a
# missing setting the section it belongs in; other evidence in relatedLocations),
# fingerprints are unique, unreadable and unsupported files are tool
# execution notifications and executionSuccessful says whether every file
# was read; the file validates against both SARIF schemas. --sarif-base
# picks another root.
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
corpus=${TSAUDIT_CORPUS:-$src/../shared/corpus}
schemas=${TSAUDIT_SCHEMAS:-$src/../shared/schemas}
[ -d "$corpus" ] || { echo "sarif_ci: SKIP: no corpus at $corpus"; exit 0; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

repo=$out/repo
mkdir -p "$repo/network"
if command -v git >/dev/null; then git init -q "$repo"; else mkdir "$repo/.git"; fi
cp -r "$corpus/." "$repo/network/configs/"
printf 'hostname broken\n\0\0binary\n' > "$repo/network/configs/zz-binary.cfg"
cd "$repo/network" || exit 1
"$bin" scan configs --fail-on never --quiet --no-progress -o "$out/r.sarif" 2>/dev/null
rc=$?
[ "$rc" -eq 2 ] || { echo "FAIL: scan exit $rc, expected 2 (one unreadable file)"; exit 1; }
"$bin" scan configs/cisco-ios --sarif-base configs --fail-on never --quiet --no-progress \
  -o "$out/base.sarif" 2>/dev/null

python3 - "$out/r.sarif" "$out/base.sarif" "$schemas" <<'PY'
import json, os, sys
import jsonschema
path, base_path, schemas = sys.argv[1:4]
bad = []
def check(ok, what):
    if not ok:
        bad.append(what)
d = json.load(open(path))
run = d["runs"][0]
results = run["results"]
check(len(results) > 1000, "a corpus scan gives results (%d)" % len(results))
check(run["originalUriBaseIds"].get("SRCROOT", {}).get("uri", "").endswith("/repo/"),
      "SRCROOT is the repository root: %s" % run["originalUriBaseIds"])
for r in results:
    locs = r.get("locations", [])
    if len(locs) != 1:
        check(False, "%s: %d primary locations" % (r["ruleId"], len(locs)))
        break
    uri = locs[0]["physicalLocation"]["artifactLocation"]["uri"]
    if not uri.startswith("network/configs/"):
        check(False, "location %s is not relative to the repository root" % uri)
        break
    # Evidence, or the section a missing setting belongs in: always a line.
    if "startLine" not in locs[0]["physicalLocation"].get("region", {}):
        check(False, "%s on %s: primary location without a line" % (r["ruleId"], uri))
        break
    for rel in r.get("relatedLocations", []):
        if "id" not in rel:
            check(False, "related location without an id")
fps = [r["partialFingerprints"]["tsauditFinding/v1"] for r in results]
check(len(fps) == len(set(fps)), "partialFingerprints unique (%d repeats)" % (len(fps) - len(set(fps))))
check(any(r.get("relatedLocations") for r in results), "extra evidence goes to relatedLocations")
inv = run["invocations"][0]
kinds = {n["descriptor"]["id"] for n in inv.get("toolExecutionNotifications", [])}
check({"unreadable", "not-audited"} <= kinds, "notifications for unreadable and unsupported files: %s" % kinds)
check(inv["executionSuccessful"] is False, "executionSuccessful is false with an unreadable file")
for name in ("sarif-schema-2.1.0.json", "sarif-2.1.0.schemastore.json"):
    with open(os.path.join(schemas, name)) as f:
        schema = json.load(f)
    errs = list(jsonschema.validators.validator_for(schema)(schema).iter_errors(d))
    check(not errs, "%s: %s" % (name, errs[0].message[:300] if errs else ""))
b = json.load(open(base_path))["runs"][0]
uris = {l["physicalLocation"]["artifactLocation"]["uri"] for r in b["results"] for l in r["locations"]}
check(uris and all(u.startswith("cisco-ios/") for u in uris), "--sarif-base: %s" % sorted(uris)[:3])
check(b["invocations"][0]["executionSuccessful"] is True, "executionSuccessful when every file was read")
for x in bad:
    print("FAIL:", x)
sys.exit(1 if bad else 0)
PY
status=$?
[ "$status" -eq 0 ] && echo "sarif_ci: passed"
exit "$status"
