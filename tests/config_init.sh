#!/usr/bin/env bash
# config_init.sh - `tsaudit init` writes a profile, attestations and a
# .tsaudit.yaml that a scan in that folder then reads (and never overwrites);
# .tsaudit.yaml / --config give scan its defaults, the command line wins,
# paths are relative to the file, and a bad file stops the run with exit 2.
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

mkdir "$out/new"
"$bin" init --tier 1 "$out/new" >"$out/init.txt"; rc=$?
check "init writes three files (exit $rc)" "[ $rc -eq 0 ] && [ -f '$out/new/profile.yaml' ] && [ -f '$out/new/attestations.yaml' ] && [ -f '$out/new/.tsaudit.yaml' ]"
check "the attestations list commented measures of the tier" "grep -q '^  # - measure: M' '$out/new/attestations.yaml'"
cp "$out/new/profile.yaml" "$out/profile.before"
"$bin" init "$out/new" 2>"$out/err"; rc=$?
check "init never overwrites (exit $rc)" "[ $rc -eq 2 ] && grep -q 'exists; nothing was written' '$out/err' && cmp -s '$out/profile.before' '$out/new/profile.yaml'"
(cd "$out/new" && "$bin" scan --no-progress -o r.json "$estate" >../scan.txt 2>../scan.err); rc=$?
check "a scan in the folder reads .tsaudit.yaml and the written files (exit $rc)" "[ $rc -eq 1 ] && ! grep -q 'warning\|error' '$out/scan.err' && grep -q 'tier 1' '$out/scan.txt'"

mkdir -p "$out/cfg/sub"
printf 'scan:\n  profile: %s\n  fail-on: never\n  skip-checks: [MGMT-TELNET, "CRED-*"]\n  output: r.json\n' "$src/examples/profile.yaml" >"$out/cfg/sub/c.yaml"
(cd "$out/cfg" && "$bin" scan --no-progress --quiet --config sub/c.yaml "$estate"); rc=$?
check "--config: paths relative to the file, options applied (exit $rc)" "[ $rc -eq 0 ] && grep -q '\"listed\":\"--skip-checks MGMT-TELNET,CRED-\*\"' '$out/cfg/sub/r.json'"
(cd "$out/cfg" && "$bin" scan --no-progress --quiet --config sub/c.yaml --fail-on low "$estate"); rc=$?
check "the command line wins over the file (exit $rc)" "[ $rc -eq 1 ]"
printf 'scan:\n  profil: x\n' >"$out/cfg/.tsaudit.yaml"
(cd "$out/cfg" && "$bin" scan --no-progress "$estate" 2>"$out/err"); rc=$?
check "an unknown key stops the run (exit $rc)" "[ $rc -eq 2 ] && grep -q \".tsaudit.yaml:2:3: error: field 'scan.profil': not an option\" '$out/err'"
(cd "$out/cfg" && "$bin" scan --no-progress --quiet --no-config "$estate" 2>"$out/err"); rc=$?
check "--no-config ignores .tsaudit.yaml (exit $rc)" "[ $rc -eq 1 ] && [ ! -s '$out/err' ]"

echo "config_init: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
