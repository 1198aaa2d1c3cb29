#!/usr/bin/env bash
# hostile_yaml.sh - broken YAML inputs (profile, attestations, catalogue,
# rules, framework) give "file:line:column: error: field 'x': ..." and exit
# status 2, never a crash. Table-driven: tests/hostile/yaml/cases.tsv lists
# option, file, expected exit status and the exact prefix one diagnostic
# line must start with. Also: a folder or a missing file where a YAML file
# is expected.
set -uo pipefail
BIN=${TSAUDIT_BIN:-build/tsaudit}
SRC=${TSAUDIT_SRC:-.}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
GOOD=$(cd "$SRC" && pwd)/tests/fixtures/checks/cisco-ios/good.cfg
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
cd "$SRC/tests/hostile/yaml" || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 cases=0

# check OPTION FILE EXIT PREFIX
check() {
  local opt=$1 file=$2 want=$3 prefix=$4
  cases=$((cases + 1))
  # --fail-on never: the exit status speaks of the inputs alone, not of
  # what the checks find on the device.
  timeout 30 "$BIN" scan --quiet --no-progress --fail-on never "$opt" "$file" "$GOOD" >/dev/null \
    2>"$work/err"
  local rc=$?
  if grep -qE 'Sanitizer|runtime error' "$work/err"; then
    echo "FAIL: $opt $file: sanitizer report" >&2
    head -n 10 "$work/err" >&2
    failures=$((failures + 1))
  elif [ $rc -ne "$want" ]; then
    echo "FAIL: $opt $file: exit $rc, expected $want" >&2
    failures=$((failures + 1))
  elif ! PREFIX=$prefix python3 -c '
import os, sys
p = os.environ["PREFIX"]
sys.exit(0 if any(l.startswith(p) for l in open(sys.argv[1], errors="replace")) else 1)' "$work/err"; then
    echo "FAIL: $opt $file: no diagnostic starting with: $prefix" >&2
    head -n 3 "$work/err" >&2
    failures=$((failures + 1))
  fi
}

while IFS=$'\t' read -r opt file want prefix; do
  case $opt in '#'* | '') continue ;; esac
  [ -f "$file" ] || { echo "FAIL: cases.tsv names a missing file $file" >&2; failures=$((failures + 1)); continue; }
  check "$opt" "$file" "$want" "$prefix"
done <cases.tsv

# Every file in the folder is in the table.
for f in *.yaml; do
  grep -qP "\t\Q$f\E\t" cases.tsv || { echo "FAIL: $f is not in cases.tsv" >&2; failures=$((failures + 1)); }
done

# A folder, or nothing, where a file is expected.
mkdir -p "$work/dir.yaml"
for opt in --profile --attest --catalog --framework; do
  check "$opt" "$work/dir.yaml" 2 "$work/dir.yaml: error: "
  check "$opt" "$work/missing.yaml" 2 "$work/missing.yaml: error: cannot open"
done
check --rules "$work/missing.yaml" 2 "$work/missing.yaml: error: "

# Alias bombs: 1.3 MB files whose aliases name a 1 MB string 80,000 times (80 GB
# if copied). Every loader stops at the one limit of the YAML layer with an
# error at the repeated node's line, and the scan completes. Without that
# limit the process would grow until it dies: cap it so the test fails fast.
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
big = '"' + 'x' * (1 << 20) + '"'
value = '"' + 'x' * 8000 + '"'  # the attestation and catalogue loaders cap a value at 8 KiB
aliases = ', '.join(['*s'] * 80000)
reqs = ''.join('  - {id: R%d, title: *s}\n' % i for i in range(2, 10000))
ids = [(a, 'M%d.%02d' % (a, b)) for a in range(1, 100) for b in range(1, 100)]
files = {
    'bomb-profile.yaml': 'provider:\n  name: &s %s\napproved:\n  onbox_apps: [%s]\n'
                         % (big, aliases),
    'bomb-rules.yaml': 'rules:\n  - id: BOMB-1\n    title: &s %s\n    severity: low\n'
                       '    measures: [%s]\n    condition: {exists: {match: x}}\n'
                       % (big, aliases),
    'bomb-framework.yaml': 'framework: {id: BOMB, title: x}\nrequirements:\n'
                           '  - {id: R1, title: &s %s}\n%s' % (big, reqs),
    'bomb-attest.yaml': 'attestations:\n  - &s {measure: M1.01, status: implemented, '
                        'evidence: %s}\n' % value + '  - *s\n' * 19000,
    'bomb-catalog.yaml': 'measures:\n  - {id: M1.01, section: 1, kind: automated, title: &s %s}\n' % value
                         + ''.join('  - {id: %s, section: %d, kind: automated, title: *s}\n' % (i, a)
                                   for a, i in ids[1:]),
}
for name, text in files.items():
    open(f'{w}/{name}', 'w').write(text)
PY
if grep -q __asan_init "$BIN" 2>/dev/null; then
  export ASAN_OPTIONS="$ASAN_OPTIONS:rss_limit_mb=2000"
else
  ulimit -v 4000000 2>/dev/null || true
fi
check --profile "$work/bomb-profile.yaml" 2 "$work/bomb-profile.yaml:2:9: error: aliases repeat"
check --attest "$work/bomb-attest.yaml" 2 "$work/bomb-attest.yaml:2:56: error: aliases repeat"
check --rules "$work/bomb-rules.yaml" 2 "$work/bomb-rules.yaml:3:12: error: aliases repeat"
check --framework "$work/bomb-framework.yaml" 2 "$work/bomb-framework.yaml:3:21: error: aliases repeat"
check --catalog "$work/bomb-catalog.yaml" 2 "$work/bomb-catalog.yaml:2:53: error: aliases repeat"

if [ $failures -ne 0 ]; then
  echo "hostile_yaml: $failures of $cases cases failed" >&2
  exit 1
fi
echo "hostile_yaml: $cases cases passed"
