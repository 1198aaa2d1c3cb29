#!/usr/bin/env bash
# Browser test of the HTML report: builds reports, opens them in headless
# Debian Chromium through playwright-core and runs tests/browser/report.test.mjs
# (filters, drill-down, no console errors, planted markup does not run).
# Screenshots go to $TSAUDIT_BUILD/browser/.
#
# Reports tested: the hostile fixture estate written by the report writers'
# unit test program (always), examples/estate through `tsaudit scan` (with
# its attestations), and a report written with a small git history (--git,
# --db) so that failures carry the date and commit they began with.
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
    node "$SRC/tests/browser/report.test.mjs" "$OUT/estate.html" "$OUT" --attested
else
    echo "browser.sh: note: tsaudit scan did not write an HTML report yet (exit $rc); tested the fixture report only"
fi
# 3. A report written with history: a small git repository in which telnet
#    is switched on in the second commit; `scan --git --db` walks it, and the
#    report dates each failure (MGMT-TELNET by the second commit).
if command -v git >/dev/null; then
    H=$OUT/history
    rm -rf "$H"
    mkdir -p "$H/repo/edge"
    git init -q "$H/repo"
    cp "$SRC/examples/estate/edge/lon-pe1" "$H/repo/edge/lon-pe1"
    cp "$SRC/examples/estate/core/lon-cr1" "$H/repo/edge/lon-cr1"
    hcommit() { # DATE MESSAGE
        git -C "$H/repo" add -A &&
            GIT_AUTHOR_NAME=ops GIT_AUTHOR_EMAIL=ops@example.net GIT_COMMITTER_NAME=ops \
                GIT_COMMITTER_EMAIL=ops@example.net GIT_AUTHOR_DATE="$1" GIT_COMMITTER_DATE="$1" \
                git -C "$H/repo" commit -q -m "$2" && git -C "$H/repo" rev-parse HEAD
    }
    hcommit 2026-01-05T10:00:00Z "initial import" >/dev/null
    sed -i 's/^ transport input ssh$/ transport input telnet ssh/' "$H/repo/edge/lon-pe1"
    c2=$(hcommit 2026-02-10T10:00:00Z "allow telnet")
    "$BIN" scan --git "$H/repo" --db "$H/h.db" --profile "$SRC/examples/profile.yaml" \
        --no-progress --fail-on never -o "$OUT/history.html" >"$OUT/history.log" 2>&1 || {
        cat "$OUT/history.log" >&2
        exit 1
    }
    node "$SRC/tests/browser/report.test.mjs" "$OUT/history.html" "$OUT" \
        "--history=edge/lon-pe1,MGMT-TELNET,$c2"
fi
# 4. The same estate scanned twice into one database: the second report dates
#    each failure by the run it began in.
rm -f "$OUT/runs.db"
for n in 1 2; do
    "$BIN" scan --db "$OUT/runs.db" --profile "$SRC/examples/profile.yaml" --no-progress \
        --fail-on never -o "$OUT/runs$n.html" "$SRC/examples/estate" >"$OUT/runs.log" 2>&1 || {
        cat "$OUT/runs.log" >&2
        exit 1
    }
done
node "$SRC/tests/browser/report.test.mjs" "$OUT/runs2.html" "$OUT" "--history=access/lee-ag1,MGMT-TELNET,-"
echo "browser.sh: screenshots in $OUT"
