#!/usr/bin/env bash
# sarif_help.sh - SARIF rules link to their documentation: docs/checks.md
# has a heading of its own for every built-in check (so checks.md#<id in
# lower case> resolves) and no stale one; with --help-base-url every
# built-in rule's helpUri is that URL plus the anchor (or the URL with {id}
# replaced), user rules get none, and without the option there is no
# helpUri at all (tsaudit knows no published address of its own). A URL
# that is not absolute, holds a space or already has a fragment is a usage
# error. The reports validate against both SARIF schemas.
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
est=$src/examples/estate
rules=$src/examples/rules

"$bin" checks --format json > "$out/checks.json" || { echo "FAIL: checks --format json"; exit 1; }
"$bin" checks --format markdown > "$out/checks.md" || { echo "FAIL: checks --format markdown"; exit 1; }
scan() { "$bin" scan "$est" --rules "$rules" --fail-on never --quiet --no-progress "$@" 2>"$out/err"; }
base=https://docs.example.net/tsaudit/checks.md
mkdir -p "$out/with" "$out/tmpl" "$out/without"
scan --help-base-url "$base" -o "$out/with/report.sarif" || { echo "FAIL: scan: $(cat "$out/err")"; exit 1; }
scan --help-base-url 'https://docs.example.net/checks/{id}.html' -o "$out/tmpl/report.sarif" ||
  { echo "FAIL: scan {id}: $(cat "$out/err")"; exit 1; }
scan -o "$out/without/report.sarif" || { echo "FAIL: scan without: $(cat "$out/err")"; exit 1; }
for d in with tmpl without; do
  python3 "$src/tests/tools/report_validate.py" "$out/$d" >/dev/null || { echo "FAIL: $d does not validate"; exit 1; }
done

status=0
for url in docs/checks.md 'https://docs.example.net/a b.md' 'https://docs.example.net/checks.md#top' ':no-scheme' 'https:'; do
  "$bin" scan "$est" --quiet --no-progress --help-base-url "$url" -o "$out/bad.sarif" 2>"$out/err"
  rc=$?
  if [ "$rc" -ne 2 ] || ! grep -q -- "--help-base-url" "$out/err"; then
    echo "FAIL: --help-base-url '$url': exit $rc, $(cat "$out/err")"
    status=1
  fi
done

python3 - "$out" "$src/docs/checks.md" "$base" <<'PY' || status=1
import json, os, re, sys
out, doc, base = sys.argv[1:4]
bad = []
def check(ok, what):
    if not ok:
        bad.append(what)
builtin = [c["id"] for c in json.load(open(os.path.join(out, "checks.json"))) if c["source"] == "builtin"]
headings = re.findall(r"^## (\S+)$", open(doc).read(), re.M)
check(sorted(headings) == sorted(builtin),
      "docs/checks.md headings vs checks: missing %s, stale %s (regenerate: tsaudit checks "
      "--format markdown > docs/checks.md)" % (sorted(set(builtin) - set(headings)),
                                               sorted(set(headings) - set(builtin))))
gen = re.findall(r"^## (\S+)$", open(os.path.join(out, "checks.md")).read(), re.M)
check(gen == builtin, "checks --format markdown: one heading per check, in order")
def rules(name):
    return json.load(open(os.path.join(out, name, "report.sarif")))["runs"][0]["tool"]["driver"]["rules"]
w = rules("with")
user = [r for r in w if r["id"] not in builtin]
check(user, "the example rules are loaded")
check(all("helpUri" not in r for r in user), "user rules have no helpUri")
for r in w:
    if r["id"] in builtin:
        # GitHub's anchor for "## MGMT-TELNET" is "mgmt-telnet".
        check(r.get("helpUri") == base + "#" + r["id"].lower(), "%s: helpUri %r" % (r["id"], r.get("helpUri")))
for r in rules("tmpl"):
    if r["id"] in builtin:
        check(r.get("helpUri") == "https://docs.example.net/checks/%s.html" % r["id"].lower(),
              "{id}: %s helpUri %r" % (r["id"], r.get("helpUri")))
check(all("helpUri" not in r for r in rules("without")), "no helpUri without --help-base-url")
for x in bad[:20]:
    print("FAIL:", x)
sys.exit(1 if bad else 0)
PY
[ "$status" -eq 0 ] && echo "sarif_help: passed"
exit "$status"
