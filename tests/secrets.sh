#!/usr/bin/env bash
# Secrets planted in every dialect never appear in any output: every report
# format, the history database, facts, history and diff. With --show-secrets
# they do (so this test can fail).
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
fx="$src/tests/fixtures/secrets"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fail=0

"$bin" scan "$fx" --profile "$src/examples/profile.yaml" --as-of 2026-11-29 --no-progress \
  --fail-on never --db "$out/h.db" \
  -o "$out/r.json" -o "$out/r.sarif" -o "$out/r.csv" -o "$out/r.xml" -o "$out/r.html" \
  -o "$out/r.oscal.json" -o "$out/r.txt" > "$out/stdout.txt" 2> "$out/stderr.txt"
rc=$?
if [ $rc -ne 0 ]; then
  echo "scan exited $rc (expected 0):"; cat "$out/stderr.txt"; fail=1
fi
"$bin" scan "$fx" --profile "$src/examples/profile.yaml" --as-of 2026-11-29 --no-progress \
  --fail-on never --db "$out/h.db" --format json > "$out/stdout.json" 2>/dev/null
for f in "$fx"/*.cfg "$fx"/*.conf; do
  "$bin" facts "$f" >> "$out/facts.json" 2>/dev/null
done
"$bin" history --db "$out/h.db" --format json > "$out/history.json"
"$bin" diff --db "$out/h.db" --format json > "$out/diff.json"
sqlite3 "$out/h.db" .dump > "$out/db.sql"

for f in r.json r.sarif r.csv r.xml r.html r.oscal.json r.txt stdout.txt stdout.json facts.json \
         history.json diff.json db.sql; do
  if [ ! -s "$out/$f" ]; then
    echo "missing or empty output: $f"; fail=1; continue
  fi
  leaks=$(grep -F -o -f "$src/tests/fixtures/secrets-planted.txt" "$out/$f" | sort -u)
  if [ -n "$leaks" ]; then
    echo "secrets leaked into $f:"; echo "$leaks" | sed 's/^/  /'; fail=1
  fi
done
grep -q 'redacted:' "$out/r.json" || { echo "no redaction marker in the JSON report"; fail=1; }

# The control: asked for, the secrets are shown.
"$bin" scan "$fx" --show-secrets --fail-on never --no-progress --format json \
  > "$out/shown.json" 2>/dev/null
grep -q -F -f "$src/tests/fixtures/secrets-planted.txt" "$out/shown.json" || {
  echo "--show-secrets showed no planted secret: the test would not notice a leak"; fail=1; }

if [ $fail -ne 0 ]; then echo "0 passed, 1 failed"; exit 1; fi
echo "secrets: no planted secret in 13 outputs over 10 dialect fixtures"
