#!/usr/bin/env bash
# cache.sh - scan --cache DIR: a warm re-scan gives byte-identical reports,
# re-audits only the changed files, keeps no secret in the cache, misses when
# the profile changes, and ignores a cache file that is not one.
set -u
BIN=${TSAUDIT_BIN:?TSAUDIT_BIN must name the tsaudit binary}
SRC=${TSAUDIT_SRC:-.}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
check() { # NAME COMMAND...
    local name=$1
    shift
    if "$@"; then :; else echo "FAIL: $name"; fail=1; fi
}
export SOURCE_DATE_EPOCH=1764979200
cp -r "$SRC/examples/estate" "$TMP/estate"
scan() { # OUT.json [options...]
    local out=$1
    shift
    "$BIN" scan "$TMP/estate" --profile "$SRC/examples/profile.yaml" \
        --attest "$SRC/examples/attestations.yaml" --no-progress --fail-on never \
        -o "$out" -o "${out%.json}.html" -o "${out%.json}.sarif" "$@" >/dev/null 2>"${out%.json}.err"
}

scan "$TMP/nocache.json"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["devices"]))' "$TMP/nocache.json")
scan "$TMP/cold.json" --cache "$TMP/c"
check "cold: every device audited" grep -q "cache: 0 of $n devices from the cache" "$TMP/cold.err"
scan "$TMP/warm.json" --cache "$TMP/c" --jobs 2
# Every device from the cache, those that share a secret too: their reuse
# finding is decided again from this run's estate.
share=$(python3 -c 'import json,sys; print(sum(1 for d in json.load(open(sys.argv[1]))["devices"] for r in d.get("results", []) if r["check"] == "CRED-UNIQUE-PER-DEVICE" and r["verdict"] == "fail"))' "$TMP/nocache.json")
check "the example estate has devices that share a secret" [ "$share" -gt 0 ]
check "warm: every device from the cache" grep -q "cache: $n of $n devices from the cache" "$TMP/warm.err"
grep -v "^cache: " "$TMP/warm.err" >"$TMP/warm.err2"
check "warm: the same diagnostics as without the cache" cmp -s "$TMP/nocache.err" "$TMP/warm.err2"
for ext in json html sarif; do
    check "warm $ext identical to a scan without the cache" cmp -s "$TMP/nocache.$ext" "$TMP/warm.$ext"
done

# One device changes: only it is audited again, and the reports are those of a fresh scan.
printf 'line vty 5 15\n transport input telnet\n' >>"$TMP/estate/access/man-as3"
scan "$TMP/changed.json" --cache "$TMP/c"
check "changed: the changed device audited afresh" grep -q "cache: $((n - 1)) of $n devices from the cache" "$TMP/changed.err"
scan "$TMP/fresh.json"
check "changed: JSON identical to a fresh scan" cmp -s "$TMP/fresh.json" "$TMP/changed.json"

# Another profile is another key: nothing is reused.
sed 's/idle_timeout_minutes: 10/idle_timeout_minutes: 5/' "$SRC/examples/profile.yaml" >"$TMP/p2.yaml"
"$BIN" scan "$TMP/estate" --profile "$TMP/p2.yaml" --cache "$TMP/c" --quiet --fail-on never \
    2>"$TMP/p2.err"
check "another profile: no hits" grep -q "cache: 0 of $n devices from the cache" "$TMP/p2.err"

# No secret is ever written to the cache, and warm reports redact as cold ones do.
"$BIN" scan "$SRC/tests/fixtures/secrets" --profile "$SRC/examples/profile.yaml" --quiet \
    --fail-on never --cache "$TMP/s" -o "$TMP/s1.json" 2>/dev/null
"$BIN" scan "$SRC/tests/fixtures/secrets" --profile "$SRC/examples/profile.yaml" --quiet \
    --fail-on never --cache "$TMP/s" -o "$TMP/s2.json" 2>"$TMP/s2.err"
check "secrets: warm run used the cache" grep -q "devices from the cache" "$TMP/s2.err"
sqlite3 "$TMP/s/results.sqlite" .dump >"$TMP/s.sql"
check "secrets: the cache holds results" grep -q "INSERT INTO cache_records" "$TMP/s.sql"
while IFS= read -r secret; do
    [ -n "$secret" ] || continue
    for f in "$TMP/s.sql" "$TMP/s/results.sqlite" "$TMP/s2.json"; do
        if grep -aqF -- "$secret" "$f"; then
            echo "FAIL: planted secret ${secret:0:6}... found in $(basename "$f")"
            fail=1
        fi
    done
done <"$SRC/tests/fixtures/secrets-planted.txt"
check "secrets: warm JSON identical to cold" cmp -s "$TMP/s1.json" "$TMP/s2.json"
"$BIN" scan "$TMP/estate" --cache "$TMP/c" --show-secrets --quiet --fail-on never 2>"$TMP/ss.err"
check "--show-secrets does not use the cache, and says so" grep -q "not used with --show-secrets" "$TMP/ss.err"

# A file that is not a cache: a note, and the scan completes with the same reports.
mkdir -p "$TMP/bad"
head -c 4096 /dev/urandom >"$TMP/bad/results.sqlite"
scan "$TMP/badcache.json" --cache "$TMP/bad"
check "bad cache: a note" grep -q "not a usable result cache" "$TMP/badcache.err"
check "bad cache: reports as without it" cmp -s "$TMP/fresh.json" "$TMP/badcache.json"

[ $fail -eq 0 ] && echo "cache: 1 passed, 0 failed" || echo "cache: 0 passed, 1 failed"
exit $fail
