#!/usr/bin/env bash
# 'tsaudit serve' in headless Chromium: two recorded runs, then the trends
# page, the runs page and a stored run (tests/browser/serve.test.mjs).
set -u
SRC=${TSAUDIT_SRC:?}
BIN=${TSAUDIT_BIN:?}
BUILD=${TSAUDIT_BUILD:-$SRC/build}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null || [ ! -x "$CHROMIUM" ]; then
  echo "browser_serve.sh: SKIP: node or $CHROMIUM missing (scripts/bootstrap --test installs them)"
  exit 0
fi
if [ ! -d "$SRC/tests/browser/node_modules/playwright-core" ]; then
  (cd "$SRC/tests/browser" && npm install --no-audit --no-fund --loglevel=error) || exit 1
fi
out=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$out"' EXIT
common=(--profile "$SRC/examples/profile.yaml" --attest "$SRC/examples/attestations.yaml"
        --as-of 2026-11-29 --no-progress --quiet --fail-on never --db "$out/h.db")
"$BIN" scan "$SRC/examples/estate" "${common[@]}" || exit 1
mkdir -p "$out/estate2" && cp -r "$SRC/examples/estate/." "$out/estate2/" && rm -rf "$out/estate2/dc"
"$BIN" scan "$out/estate2" "${common[@]}" || exit 1
"$BIN" serve --db "$out/h.db" --listen 127.0.0.1:0 > "$out/serve.out" 2>&1 &
pid=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$out/serve.out" 2>/dev/null | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "serve did not start"; cat "$out/serve.out"; exit 1; }
node "$SRC/tests/browser/serve.test.mjs" "$url" "$BUILD/browser"
