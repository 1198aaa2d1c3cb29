#!/usr/bin/env bash
# 'tsaudit serve' in headless Chromium (tests/browser/serve.test.mjs).
# Two dashboards: one over two recorded runs of the example estate (the
# second without the dc folder and with telnet allowed on edge/lon-pe1),
# one over a small git repository walked with scan --git, whose commits
# carry fixed dates (telnet allowed on edge/lon-pe1 in the second, by bob),
# and one over a bare clone of it (a walk and no run).
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
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; rm -rf "$out"' EXIT
common=(--profile "$SRC/examples/profile.yaml" --attest "$SRC/examples/attestations.yaml"
        --as-of 2026-11-29 --no-progress --quiet --fail-on never)
"$BIN" scan "$SRC/examples/estate" "${common[@]}" --db "$out/h.db" || exit 1
mkdir -p "$out/estate2" && cp -r "$SRC/examples/estate/." "$out/estate2/" && rm -rf "$out/estate2/dc"
sed -i 's/^ transport input ssh$/ transport input telnet ssh/' "$out/estate2/edge/lon-pe1"
"$BIN" scan "$out/estate2" "${common[@]}" --db "$out/h.db" || exit 1

# commit AUTHOR DATE MESSAGE: commit everything with that author and date.
repo=$out/repo
commit() {
  git -C "$repo" add -A >/dev/null &&
    GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$1@example.net" GIT_AUTHOR_DATE="$2" \
      GIT_COMMITTER_NAME=oxidized GIT_COMMITTER_EMAIL=oxidized@example.net GIT_COMMITTER_DATE="$2" \
      git -C "$repo" commit -q -m "$3" && git -C "$repo" rev-parse HEAD
}
mkdir -p "$repo/edge" && git init -q "$repo"
cp "$SRC/examples/estate/edge/lon-pe1" "$SRC/examples/estate/core/lon-cr1" "$repo/edge/"
c1=$(commit alice 2025-01-15T09:00:00Z "initial import") || exit 1
sed -i 's/^ transport input ssh$/ transport input telnet ssh/' "$repo/edge/lon-pe1"
c2=$(commit bob 2025-03-02T14:30:00Z "allow telnet <b>for the vendor</b>") || exit 1
"$BIN" scan --git "$repo" "${common[@]}" --db "$out/g.db" || exit 1
# A bare clone, as Oxidized keeps one: history recorded, no run.
git clone -q --bare "$repo" "$out/bare.git" || exit 1
"$BIN" scan --git "$out/bare.git" --profile "$SRC/examples/profile.yaml" --quiet --db "$out/b.db" 2>/dev/null || exit 1

# serve DB NAME: start a dashboard over DB; sets url to its address.
serve() {
  "$BIN" serve --db "$1" --listen 127.0.0.1:0 > "$out/$2.out" 2>&1 &
  pids+=($!)
  url=
  for _ in $(seq 1 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$out/$2.out" 2>/dev/null | head -1)
    [ -n "$url" ] && return 0
    sleep 0.1
  done
  echo "serve did not start"
  cat "$out/$2.out"
  return 1
}
serve "$out/h.db" runs || exit 1
runs_url=$url
serve "$out/g.db" git || exit 1
git_url=$url
serve "$out/b.db" bare || exit 1
bare_url=$url
node "$SRC/tests/browser/serve.test.mjs" "$runs_url" "$BUILD/browser" "$git_url" "$c1" "$c2" "$bare_url"
