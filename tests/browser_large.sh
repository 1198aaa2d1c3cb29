#!/usr/bin/env bash
# The HTML report of a 20,000-device estate in headless Chromium: the summary
# must be visible within a generous bound (the time is printed; see
# docs/performance.md), the device list must hold every device and a device
# must render on demand. The estate: 250 devices from bench/gen-estate, each
# placed in 80 folders (hard links), so 20,000 files.
set -euo pipefail
SRC=${TSAUDIT_SRC:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${TSAUDIT_BUILD:-$SRC/build}
BIN=${TSAUDIT_BIN:-$BUILD/tsaudit}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
DEVICES=${TSAUDIT_LARGE_DEVICES:-20000}
if ! command -v node >/dev/null || [ ! -x "$CHROMIUM" ]; then
  echo "browser_large.sh: SKIP: node or $CHROMIUM missing (scripts/bootstrap --test installs them)"
  exit 0
fi
if [ ! -d "$SRC/tests/browser/node_modules/playwright-core" ]; then
  (cd "$SRC/tests/browser" && npm install --no-audit --no-fund --loglevel=error)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$SRC/bench/gen-estate" --count 250 --seed large --out "$work/gen" >/dev/null
mapfile -t files < <(find "$work/gen" -type f ! -name router.db | sort)
copies=$(( (DEVICES + ${#files[@]} - 1) / ${#files[@]} ))
n=0
for ((c = 0; c < copies && n < DEVICES; c++)); do
  mkdir -p "$work/estate/part$c"
  for f in "${files[@]}"; do
    [ $n -lt "$DEVICES" ] || break
    ln "$f" "$work/estate/part$c/$(basename "$f")"
    n=$((n + 1))
  done
done
start=$(date +%s)
rc=0
"$BIN" scan "$work/estate" --profile "$SRC/examples/profile.yaml" --no-progress --quiet \
  --fail-on never --jobs 2 -o "$work/report.html" 2>/dev/null || rc=$?
[ $rc -le 2 ] && [ -s "$work/report.html" ] || { echo "scan failed (exit $rc)"; exit 1; }
size=$(stat -c %s "$work/report.html")
echo "browser_large: $n devices scanned in $(( $(date +%s) - start )) s;" \
  "HTML report $((size / 1000000)) MB, $((size / n)) bytes per device"
node "$SRC/tests/browser/large.test.mjs" "$work/report.html" "$n" 60
