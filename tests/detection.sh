#!/usr/bin/env bash
# detection.sh - the honesty of `tsaudit detect`, and the figures
# docs/detection.md states.
#
# 1. Every configuration under tests/fixtures/detect/unsupported/PLATFORM/
#    (written for this test from each vendor's documentation) must be read as
#    unsupported:PLATFORM: never as a supported dialect, never as another
#    platform.
# 2. Every configuration under tests/fixtures/detect/supported/DIALECT/ (full
#    configurations without their usual banner or frame) must be DIALECT.
# 3. The check fixtures tests/fixtures/checks/DIALECT/ (short, dialect forced
#    by a comment) must be DIALECT or unknown: no other detector may claim them.
# 4. Over the shared corpus (../shared/corpus, MANIFEST.tsv): no file of the
#    `other` folder may be read as a supported dialect, and the measured
#    figures must be the ones docs/detection.md states (so the document is
#    kept true: when detection changes, the figures there change with it).
# Env: TSAUDIT_BIN (the binary), TSAUDIT_SRC (repo root), TSAUDIT_CORPUS (optional).
set -u

BIN=${TSAUDIT_BIN:?TSAUDIT_BIN must name the tsaudit binary}
SRC=${TSAUDIT_SRC:-.}
FIX=$SRC/tests/fixtures/detect
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0

# expect DIR PATTERN-KIND: each file's reading against the folder name.
check_folder() { # ROOT MODE(unsupported|supported|fixture)
    local root=$1 mode=$2 dir name got n=0 bad=0
    for dir in "$root"/*/; do
        name=$(basename "$dir")
        "$BIN" detect "$dir" >"$TMP/out" 2>"$TMP/err" || {
            echo "FAIL: tsaudit detect $dir exited $?"
            cat "$TMP/err"
            fail=1
        }
        while IFS=$'\t' read -r path got _form signal; do
            n=$((n + 1))
            case $mode in
            unsupported) [ "$got" = "unsupported:$name" ] && continue ;;
            supported) [ "$got" = "$name" ] && continue ;;
            fixture) [ "$got" = "$name" ] || [ "$got" = unknown ] && continue ;;
            esac
            bad=$((bad + 1))
            echo "FAIL: ${path#"$SRC"/} read as $got ($signal), expected ${mode}: $name"
        done <"$TMP/out"
    done
    echo "$mode: $((n - bad)) of $n files as expected"
    [ "$n" -gt 0 ] || { echo "FAIL: no files under $root"; fail=1; }
    [ "$bad" -eq 0 ] || fail=1
}

check_folder "$FIX/unsupported" unsupported
check_folder "$FIX/supported" supported
check_folder "$SRC/tests/fixtures/checks" fixture

# Every platform of the table has a fixture.
"$BIN" detect --help >/dev/null || fail=1
nplat=$(find "$FIX/unsupported" -mindepth 1 -maxdepth 1 -type d | wc -l)
[ "$nplat" -ge 25 ] || { echo "FAIL: only $nplat platforms have fixtures"; fail=1; }

# ------------------------------------------------------------------ corpus
CORPUS=${TSAUDIT_CORPUS:-$SRC/../shared/corpus}
if [ ! -f "$CORPUS/MANIFEST.tsv" ]; then
    echo "corpus not found: figures not checked"
    exit $fail
fi
CORPUS=$(cd "$CORPUS" && pwd)
"$BIN" detect "$CORPUS" --format json >"$TMP/corpus.json" 2>"$TMP/err" || {
    echo "FAIL: tsaudit detect over the corpus exited $?"
    exit 1
}
python3 - "$TMP/corpus.json" "$CORPUS" "$SRC/docs/detection.md" <<'EOF' || fail=1
import csv, json, sys
report, corpus, doc = sys.argv[1:]
got = {d["path"][len(corpus) + 1:]: d["dialect"] for d in json.load(open(report))}
rows = list(csv.DictReader(open(corpus + "/MANIFEST.tsv"), delimiter="\t"))
other = [r for r in rows if r["vendor"] == "other"]
claimed = [r["file"] for r in other if not (got.get(r["file"], "unknown") == "unknown"
                                          or got[r["file"]].startswith("unsupported:"))]
named = sum(1 for r in other if got.get(r["file"], "").startswith("unsupported:"))
def agree(kind):
    rs = [r for r in rows if r["vendor"] != "other" and r["kind"] == kind]
    return sum(1 for r in rs if got.get(r["file"]) == r["vendor"]), len(rs)
full_ok, full_n = agree("full")
frag_ok, frag_n = agree("fragment")
figures = {
    "other-audited": f"{len(claimed)} of {len(other)}",
    "other-named": f"{named} of {len(other)}",
    "full-correct": f"{full_ok} of {full_n}",
    "fragment-correct": f"{frag_ok} of {frag_n}",
}
for f in claimed:
    print(f"FAIL: {f} (another platform) read as {got[f]}")
text = open(doc, encoding="utf-8").read()
bad = bool(claimed)
for key, value in figures.items():
    line = f"<!-- {key} -->"
    print(f"{key}: {value}")
    if f"| {value} | {line}" not in text:
        print(f"FAIL: docs/detection.md does not state {key} = {value} (the row ending '{line}')")
        bad = True
sys.exit(1 if bad else 0)
EOF
if [ $fail -ne 0 ]; then
    echo "detection: FAILED"
    exit 1
fi
echo "detection: ok"
