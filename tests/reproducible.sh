#!/usr/bin/env bash
# reproducible.sh - the same inputs and SOURCE_DATE_EPOCH give the same bytes
# in every report format, whatever --jobs; without SOURCE_DATE_EPOCH two runs
# differ (their run ids), which shows the comparison can fail.
set -u
BIN=${TSAUDIT_BIN:?TSAUDIT_BIN must name the tsaudit binary}
SRC=${TSAUDIT_SRC:-.}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0

run() { # DIR JOBS
    mkdir -p "$1"
    local args=()
    for ext in json sarif csv xml html oscal.json txt; do args+=(-o "$1/report.$ext"); done
    "$BIN" scan "$SRC/examples/estate" --profile "$SRC/examples/profile.yaml" \
        --attest "$SRC/examples/attestations.yaml" --jobs "$2" --quiet --fail-on never \
        "${args[@]}" 2>"$1/stderr"
    echo $? >"$1/rc"
}

SOURCE_DATE_EPOCH=1764979200 run "$TMP/a" 1
SOURCE_DATE_EPOCH=1764979200 run "$TMP/b" 2
run "$TMP/c" 1
run "$TMP/d" 1

n=0
for f in "$TMP"/a/*; do
    name=$(basename "$f")
    n=$((n + 1))
    if ! cmp -s "$f" "$TMP/b/$name"; then
        echo "FAIL: $name differs between two runs with the same SOURCE_DATE_EPOCH"
        diff <(tr ',' '\n' <"$f") <(tr ',' '\n' <"$TMP/b/$name") | head -5
        fail=1
    fi
done
[ "$n" -ge 9 ] || { echo "FAIL: expected every format (and the stderr/rc files), got $n files"; fail=1; }
grep -q '"started":"2025-12-06T00:00:00Z"' "$TMP/a/report.json" ||
    { echo "FAIL: the JSON report's start time is not SOURCE_DATE_EPOCH"; fail=1; }
if cmp -s "$TMP/c/report.json" "$TMP/d/report.json"; then
    echo "FAIL: two runs without SOURCE_DATE_EPOCH have identical JSON (same run id?)"
    fail=1
fi
# tsaudit verify: the report holds on the same folder, not after a change.
cp -r "$SRC/examples/estate" "$TMP/estate"
(cd "$SRC" && "$BIN" scan "$TMP/estate" --profile examples/profile.yaml \
    --attest examples/attestations.yaml --quiet --fail-on never -o "$TMP/v.json")
(cd "$SRC" && "$BIN" verify "$TMP/v.json" "$TMP/estate") >"$TMP/verify.out"
rc=$?
[ $rc -eq 0 ] && grep -q "the report holds: 14 devices" "$TMP/verify.out" ||
    { echo "FAIL: verify of an unchanged folder exited $rc"; cat "$TMP/verify.out"; fail=1; }
printf 'line vty 5 15\n transport input telnet\n' >>"$TMP/estate/access/gla-ar1"
(cd "$SRC" && "$BIN" verify "$TMP/v.json" "$TMP/estate") >"$TMP/verify.out"
rc=$?
[ $rc -eq 1 ] && grep -q "access/gla-ar1: the configuration has changed" "$TMP/verify.out" ||
    { echo "FAIL: verify after a change exited $rc"; cat "$TMP/verify.out"; fail=1; }
echo '{"tool":' >"$TMP/bad.json"
"$BIN" verify "$TMP/bad.json" "$TMP/estate" 2>"$TMP/verify.err"
rc=$?
[ $rc -eq 2 ] && grep -q "bad.json:.*error" "$TMP/verify.err" ||
    { echo "FAIL: verify of a truncated report exited $rc"; cat "$TMP/verify.err"; fail=1; }

[ $fail -eq 0 ] && echo "reproducible: 1 passed, 0 failed" || echo "reproducible: 0 passed, 1 failed"
exit $fail
