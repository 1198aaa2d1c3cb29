#!/usr/bin/env bash
# Browser test of the HTML report: builds reports, opens them in headless
# Debian Chromium through playwright-core and runs tests/browser/report.test.mjs
# (filters, drill-down, no console errors, planted markup does not run).
# Screenshots go to $TSAUDIT_BUILD/browser/.
#
# Reports tested: the hostile fixture estate written by the report writers'
# unit test program (always), and examples/estate through `tsaudit scan`
# once the scan command produces an HTML report.
set -euo pipefail
SRC=${TSAUDIT_SRC:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${TSAUDIT_BUILD:-$SRC/build}
BIN=${TSAUDIT_BIN:-$BUILD/tsaudit}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
OUT=$BUILD/browser
mkdir -p "$OUT"

if ! command -v node >/dev/null || [ ! -x "$CHROMIUM" ]; then
    echo "browser.sh: SKIP: node or $CHROMIUM missing (scripts/bootstrap --test installs them)"
    exit 0
fi

# playwright-core, only when missing (node_modules is not committed).
if [ ! -d "$SRC/tests/browser/node_modules/playwright-core" ]; then
    (cd "$SRC/tests/browser" && npm install --no-audit --no-fund --loglevel=error)
fi

# 1. The fixture estate with hostile text, from the writers' test program.
WRITER_TEST=$BUILD/test_report_writers
if [ ! -x "$WRITER_TEST" ]; then
    echo "browser.sh: $WRITER_TEST is not built" >&2
    exit 1
fi
rm -rf "$OUT/fixture"
TSAUDIT_SRC=$SRC TSAUDIT_REPORT_OUT=$OUT/fixture "$WRITER_TEST" >"$OUT/fixture.log" 2>&1 || {
    cat "$OUT/fixture.log" >&2
    exit 1
}
cp "$OUT/fixture/report.html" "$OUT/fixture.html"
node "$SRC/tests/browser/report.test.mjs" "$OUT/fixture.html" "$OUT" --hostile

# 2. The example estate through the real scan, when the scan can write HTML.
rc=0
"$BIN" scan --profile "$SRC/examples/profile.yaml" --attest "$SRC/examples/attestations.yaml" \
    --no-progress -o "$OUT/estate.html" "$SRC/examples/estate" >"$OUT/scan.log" 2>&1 || rc=$?
if [ -s "$OUT/estate.html" ] && [ "$rc" -le 2 ]; then
    node "$SRC/tests/browser/report.test.mjs" "$OUT/estate.html" "$OUT"
else
    echo "browser.sh: note: tsaudit scan did not write an HTML report yet (exit $rc); tested the fixture report only"
fi
echo "browser.sh: screenshots in $OUT"
