#!/usr/bin/env bash
# End to end through 'tsaudit scan': the example estate, exit statuses and
# --fail-on, --jobs giving identical output, bad inputs that cost nothing
# else, rules and frameworks, and history/diff over two recorded runs.
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
out=$(mktemp -d)
trap 'chmod -R u+rwx "$out" 2>/dev/null; rm -rf "$out"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
check() { if eval "$2"; then ok; else bad "$1"; fi; }

common=(--profile "$src/examples/profile.yaml" --attest "$src/examples/attestations.yaml"
        --as-of 2026-11-29 --no-progress)

# 1. The example estate: findings at high exit 1; --fail-on never exits 0.
"$bin" scan "$src/examples/estate" "${common[@]}" -o "$out/a.json" > "$out/a.txt" 2> "$out/a.err"
check "example estate exits 1 with high findings (got $?)" "[ $? -eq 1 ]"
check "terminal summary names the provider" "grep -q 'Example Telecom Ltd' '$out/a.txt'"
check "no diagnostics on the example estate" "[ ! -s '$out/a.err' ]"
"$bin" scan "$src/examples/estate" "${common[@]}" --fail-on never --quiet
check "--fail-on never exits 0" "[ $? -eq 0 ]"
"$bin" scan "$src/examples/estate" "${common[@]}" --fail-on critical --quiet
rc=$?
crit=$(python3 -c "import json;d=json.load(open('$out/a.json'));print(d['summary']['fail_by_severity'].get('critical',0) if isinstance(d['summary'].get('fail_by_severity'),dict) else 0)" 2>/dev/null || echo 0)
if [ "$crit" = 0 ]; then check "--fail-on critical exits 0 without critical fails" "[ $rc -eq 0 ]"; fi

# 2. Every device is in the JSON with a result per check, and measures are there.
python3 - "$out/a.json" <<'PY' || bad "JSON report shape"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["devices"]) == 14, len(d["devices"])
n = {len(x["results"]) for x in d["devices"]}
assert len(n) == 1 and n.pop() >= 56, n
assert len(d["measures"]) == 258, len(d["measures"])
verdicts = {r["verdict"] for x in d["devices"] for r in x["results"]}
assert {"pass", "fail"} <= verdicts, verdicts
PY
[ $? -eq 0 ] && ok

# 3. --jobs 1 and --jobs 2 give the same bytes apart from the run's identity and times.
norm() { python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
for k in ('id','started','finished'): d['run'].pop(k,None)
print(json.dumps(d,sort_keys=True))" "$1"; }
"$bin" scan "$src/examples/estate" "${common[@]}" --jobs 1 --quiet -o "$out/j1.json"
"$bin" scan "$src/examples/estate" "${common[@]}" --jobs 2 --quiet -o "$out/j2.json"
check "--jobs 1 and --jobs 2 give identical reports" "[ \"\$(norm $out/j1.json)\" = \"\$(norm $out/j2.json)\" ]"
# Per-device diagnostics are printed in file order, whatever --jobs is: a
# folder of unreadable, empty, unknown and malformed files, read with 1 and
# 8 jobs, gives the same stderr byte for byte.
mkdir -p "$out/diags"
for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
    case $i in
    0[1-3]) : > "$out/diags/$i-empty.cfg" ;;
    0[4-6]) printf 'no dialect here %s\n' "$i" > "$out/diags/$i-unknown.cfg" ;;
    *) printf 'system {\n  host-name r%s;\n  services { ssh;\n' "$i" > "$out/diags/$i-junos.conf" ;;
    esac
done
"$bin" scan "$out/diags" "${common[@]}" --jobs 1 --quiet --fail-on never 2> "$out/d1.err"
"$bin" scan "$out/diags" "${common[@]}" --jobs 8 --quiet --fail-on never 2> "$out/d8.err"
check "diagnostics were printed" "[ \$(wc -l < '$out/d1.err') -ge 6 ]"
check "stderr is the same with --jobs 1 and --jobs 8" "cmp -s '$out/d1.err' '$out/d8.err'"

# 4. Bad input: one-line diagnostics, the other files still reported, exit 2.
mkdir -p "$out/mixed"
cp "$src/examples/estate/core/"* "$out/mixed/"
printf 'hostname bin\n\0\0\0binary\n' > "$out/mixed/binary.cfg"
printf 'interface Gi0/1\n description unreadable\n' > "$out/mixed/unreadable.cfg"
chmod 000 "$out/mixed/unreadable.cfg"
printf 'banner login ^C\nno end to this banner\n' > "$out/mixed/banner.cfg"
"$bin" scan "$out/mixed" "$out/does-not-exist" --fail-on never --no-progress \
  -o "$out/m.json" > /dev/null 2> "$out/m.err"
rc=$?
check "bad inputs give exit 2 (got $rc)" "[ $rc -eq 2 ]"
check "binary file diagnosed" "grep -q 'binary.cfg:.*error:.*binary' '$out/m.err'"
check "missing path diagnosed" "grep -q 'does-not-exist: error:' '$out/m.err'"
if [ "$(id -u)" != 0 ]; then
  check "unreadable file diagnosed" "grep -q 'unreadable.cfg: error:' '$out/m.err'"
fi
check "diagnostics are one line each with path and error" \
  "! grep -v -E '^[^ ]+(:[0-9]+)*: (error|warning|note): ' '$out/m.err' | grep -q ."
check "good devices still reported" \
  "python3 -c \"import json;d=json.load(open('$out/m.json'));assert sum(1 for x in d['devices'] if not x['unreadable'])>=2\""
chmod 644 "$out/mixed/unreadable.cfg"

# 5. Usage errors exit 2; version and help exit 0.
"$bin" scan --tier 7 "$src/examples/estate" 2> /dev/null
check "bad --tier exits 2" "[ $? -eq 2 ]"
"$bin" scan 2> /dev/null
check "no PATH exits 2" "[ $? -eq 2 ]"
"$bin" scan -o "$out/report.unknownext" "$src/examples/estate" 2> /dev/null
check "unknown -o extension exits 2" "[ $? -eq 2 ]"
"$bin" version | grep -q '^tsaudit [0-9]'
check "version prints" "[ $? -eq 0 ]"
for c in scan detect parse facts checks measures explain history diff serve; do
  "$bin" $c --help > "$out/help.txt" 2>&1
  check "$c --help exits 0" "[ $? -eq 0 ] && grep -q usage '$out/help.txt'"
done

# 6. An output that cannot be written: clear error, nothing half-written.
mkdir -p "$out/ro" && chmod 555 "$out/ro"
if [ "$(id -u)" != 0 ]; then
  "$bin" scan "$src/examples/estate" --quiet --fail-on never -o "$out/ro/r.json" 2> "$out/ro.err"
  check "read-only output gives an error" "[ $? -ne 0 ] && grep -q 'r.json: error:' '$out/ro.err'"
  check "no partial file left" "[ -z \"\$(ls -A $out/ro)\" ]"
fi

# 7. Rules and a framework from examples/: they load and run on the estate.
"$bin" scan "$src/examples/estate" "${common[@]}" --rules "$src/examples/rules" \
  --framework "$src/examples/frameworks/acme-baseline.yaml" --fail-on never --quiet \
  -o "$out/fw.json" 2> "$out/fw.err"
check "rules and framework run without error" "[ $? -eq 0 ] && [ ! -s '$out/fw.err' ]"
python3 - "$out/fw.json" <<'PY' || bad "framework view in the JSON report"
import json, sys
d = json.load(open(sys.argv[1]))
ids = [m["id"] for m in d["measures"]]
assert ids[0] == "NHB-1.1" and "NHB-5.1" in ids, ids[:5]
rules = {r["check"] for x in d["devices"] for r in x["results"]}
assert "ACME-VTY-SSH-ONLY" in rules and "ACME-JUNOS-NO-TELNET" in rules
st = {m["id"]: m["status"] for m in d["measures"]}
assert st["NHB-5.1"] == "attestation_required", st
PY
[ $? -eq 0 ] && ok
printf 'rules:\n  - id: BROKEN\n    title: x\n    condition: {exists: {match: "(unclosed"}}\n' > "$out/bad-rules.yaml"
"$bin" scan "$src/examples/estate" --rules "$out/bad-rules.yaml" --quiet --fail-on never 2> "$out/br.err"
check "a broken rule exits 2" "[ $? -eq 2 ]"
check "a broken rule names file:line:column and field" \
  "grep -q \"bad-rules.yaml:4:[0-9]*: error: field 'rules\\[0\\].condition.exists.match'\" '$out/br.err'"

# The example rules and framework over the whole shared corpus: no rule or
# framework error (unsupported corpus files are diagnosed, which is expected).
corpus=${TSAUDIT_CORPUS:-$src/../shared/corpus}
if [ -d "$corpus" ]; then
  "$bin" scan "$corpus" --rules "$src/examples/rules" --profile "$src/examples/profile.yaml" \
    --framework "$src/examples/frameworks/acme-baseline.yaml" --fail-on never --quiet \
    --no-progress -o "$out/corpus-rules.json" 2> "$out/corpus-rules.err"
  check "example rules over the corpus give no rule errors" \
    "! grep -E 'examples/(rules|frameworks)|Sanitizer|runtime error' '$out/corpus-rules.err' | grep -q ."
  check "example rules give verdicts on corpus devices" \
    "python3 -c \"import json;d=json.load(open('$out/corpus-rules.json'));v={r['verdict'] for x in d['devices'] for r in x['results'] if r['check'].startswith('ACME-')};assert {'pass','fail'}<=v, v\""
else
  echo "note: shared corpus not found; example rules not run over it"
fi

# 8. History: two runs, then history and diff.
"$bin" scan "$src/examples/estate" "${common[@]}" --fail-on never --quiet --db "$out/h.db"
mkdir -p "$out/estate2" && cp -r "$src/examples/estate/." "$out/estate2/"
rm -f "$out/estate2/core/"*
"$bin" scan "$out/estate2" "${common[@]}" --fail-on never --quiet --db "$out/h.db"
"$bin" history --db "$out/h.db" > "$out/hist.txt"
check "history lists two runs" "[ \$(grep -c '^[0-9]' '$out/hist.txt') -eq 2 ]"
"$bin" diff --db "$out/h.db" --format json > "$out/diff.json"
python3 - "$out/diff.json" <<'PY' || bad "diff names the removed devices"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["devices_removed"]) == 2, d["devices_removed"]
assert all(x["device"].startswith("core/") for x in d["devices_removed"])
PY
[ $? -eq 0 ] && ok

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
