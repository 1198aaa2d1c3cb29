#!/usr/bin/env bash
# cli_outputs.sh - where reports go: '-o -' and '-o /dev/stdout' write the
# --format to standard output instead of the terminal summary; an
# extension-less -o takes --format (and without it is a usage error);
# --output-dir writes every format with one base name.
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failed=0
bad() { failed=1; echo "FAIL: $*"; }
estate=$src/examples/estate
scan() { "$bin" scan "$estate" --fail-on never --no-progress "$@"; }

scan -o - --format json > "$out/a.json" 2>/dev/null
python3 -c "import json,sys; json.load(open(sys.argv[1]))" "$out/a.json" || bad "-o - --format json is JSON alone"
scan -o /dev/stdout --format sarif > "$out/a.sarif" 2>/dev/null
python3 -c "import json,sys; assert json.load(open(sys.argv[1]))['version']=='2.1.0'" "$out/a.sarif" ||
  bad "-o /dev/stdout --format sarif is SARIF alone"
scan -o "$out/noext" > /dev/null 2> "$out/err"
[ $? -eq 2 ] && grep -q "cannot tell the format of '$out/noext' from its extension: add --format" "$out/err" ||
  bad "an extension-less -o without --format is a usage error"
scan -o "$out/noext" --format junit > "$out/summary.txt" 2>/dev/null
head -1 "$out/noext" | grep -q '<?xml' || bad "an extension-less -o takes --format"
grep -q '^Gate' "$out/summary.txt" || bad "the terminal summary still goes to stdout"
mkdir -p "$out/all"
scan --quiet --output-dir "$out/all" 2>/dev/null
for f in report.json report.sarif report.csv report.xml report.html report.oscal.json report.txt; do
  [ -s "$out/all/$f" ] || bad "--output-dir wrote no $f"
done
scan --quiet --output-dir "$out/missing" 2> "$out/err"
[ $? -eq 2 ] && grep -q "cannot write: folder '$out/missing' does not exist" "$out/err" ||
  bad "--output-dir with a missing folder stops at once"
[ "$failed" -eq 0 ] && echo "cli_outputs: passed"
exit "$failed"
