#!/usr/bin/env bash
# corpus.sh - detection and parsing over the shared corpus of real configs.
#
# 1. One `tsaudit detect CORPUS --format json` call, compared with the
#    `vendor` column of MANIFEST.tsv: disagreements are listed; the test fails
#    when fewer than 99% of `kind=full` files agree, or when any file of the
#    `other` folder (PAN-OS, F5, Cumulus, ...) is detected as a supported dialect.
# 2. the line-invariant oracle (tests/tools/parse_invariant.c) on every file detected as a supported
#    dialect, on the parser fixtures of tests/fixtures/{ingest,junos,sros} and
#    on the saved fuzz inputs of the parsers read as each parser family:
#    every line holds as many nodes as statements begin on it (one for a
#    statement line; several for Junos `a; b;` or `x { y; }` lines; none for
#    blank, comment, closing and prompt lines, lines inside a multi-line body
#    and lines a later `delete` removed; see docs/parsing.md). Any violation,
#    in any dialect, fails the test. A generated Junos file nested deeper than
#    the depth limit must fail the check (it loses statements), which shows
#    the check can fail.
# Env: TSAUDIT_BIN (the binary), TSAUDIT_SRC (repo root), TSAUDIT_CORPUS (optional).
set -u

BIN=${TSAUDIT_BIN:?TSAUDIT_BIN must name the tsaudit binary}
SRC=${TSAUDIT_SRC:-.}
INVARIANT=${TSAUDIT_BUILD:-$SRC/build}/parse_invariant
CORPUS=${TSAUDIT_CORPUS:-$SRC/../shared/corpus}

if [ ! -d "$CORPUS" ] || [ ! -f "$CORPUS/MANIFEST.tsv" ]; then
    echo "corpus not found, skipped"
    exit 0
fi
CORPUS=$(cd "$CORPUS" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0

# ------------------------------------------------------------------ detect
"$BIN" detect "$CORPUS" --format json >"$TMP/detect.json" 2>"$TMP/detect.err"
rc=$?
if [ $rc -ne 0 ]; then
    echo "FAIL: tsaudit detect exited $rc"
    cat "$TMP/detect.err"
    exit 1
fi
# One object per line: {"path":"...","dialect":"...","form":"...","signal":"...","line":N}
sed -n 's/^{"path":"\([^"]*\)","dialect":"\([^"]*\)","form":"\([^"]*\)","signal":"\(.*\)","line":[0-9]*},\{0,1\}$/\1\t\2\t\3\t\4/p' \
    "$TMP/detect.json" | sed "s#^$CORPUS/##" >"$TMP/detected.tsv"

awk -F'\t' -v out="$TMP/summary" '
    NR == FNR { got[$1] = $2; sig[$1] = $4; next }
    FNR == 1 { next }   # manifest header
    {
        file = $1; vendor = $2; kind = $8
        want = vendor == "other" ? "unknown" : vendor
        have = (file in got) ? got[file] : "(missing)"
        total[kind]++
        # a platform not audited may be named (unsupported:NAME) or not (unknown)
        if (have == want || (vendor == "other" && have ~ /^unsupported:/)) { agree[kind]++ }
        else {
            printf "disagree\t%s\t%s\tmanifest=%s\tdetected=%s\t%s\n", kind, file, vendor, have, sig[file]
            if (vendor == "other" && have != "(missing)") wrong_other++
        }
    }
    END {
        printf "%d %d %d %d %d\n", agree["full"], total["full"], agree["fragment"], total["fragment"], wrong_other > out
    }' "$TMP/detected.tsv" "$CORPUS/MANIFEST.tsv" >"$TMP/disagree.txt"

read -r full_ok full_n frag_ok frag_n wrong_other <"$TMP/summary"
grep -P '^disagree\tfull\t' "$TMP/disagree.txt" | cut -f2- | sed 's/^/  /'
nfrag=$(grep -cP '^disagree\tfragment\t' "$TMP/disagree.txt")
echo "detect: full files $full_ok/$full_n agree; fragments $frag_ok/$frag_n agree" \
     "($nfrag fragment disagreements, mostly 'unknown' for marker-less snippets)"
grep -P '^disagree\tfragment\t' "$TMP/disagree.txt" | grep -v 'detected=unknown' | cut -f2- | sed 's/^/  /'
if [ "$full_n" -eq 0 ] || [ $((full_ok * 100)) -lt $((full_n * 99)) ]; then
    echo "FAIL: agreement on full files below 99%"
    fail=1
fi
if [ "${wrong_other:-0}" -ne 0 ]; then
    echo "FAIL: $wrong_other file(s) of other platforms detected as a supported dialect"
    fail=1
fi

# ------------------------------------------------------------------- parse
checked=0
bad=0
check_one() { # FILE LABEL [--vendor D]
    local file=$1 label=$2
    shift 2
    checked=$((checked + 1))
    "$INVARIANT" "$@" "$file" >/dev/null 2>"$TMP/parse.err"
    local rc=$?
    if [ $rc -ne 0 ] && { [ $rc -ge 3 ] || grep -q 'invariant' "$TMP/parse.err"; }; then
        bad=$((bad + 1))
        echo "FAIL: $label, exit $rc:"
        grep 'invariant\|Sanitizer\|runtime error' "$TMP/parse.err" | head -n 5 | sed 's/^/  /'
    fi
    if grep -q 'Sanitizer\|runtime error' "$TMP/parse.err"; then
        echo "FAIL: sanitizer report for $label"
        head -n 20 "$TMP/parse.err"
        fail=1
    fi
}
while IFS=$'\t' read -r file dialect form signal; do
    case $dialect in unknown | unsupported:*) continue ;; esac
    check_one "$CORPUS/$file" "$file ($dialect)"
done <"$TMP/detected.tsv"
for f in "$SRC"/tests/fixtures/ingest/* "$SRC"/tests/fixtures/junos/* "$SRC"/tests/fixtures/sros/*; do
    [ -f "$f" ] || continue
    check_one "$f" "fixture ${f#"$SRC"/}"
done
# The saved fuzz inputs of the parsers (malformed on purpose), each read as
# every parser family: the check must hold there too (lines with an error
# diagnostic are excused) and nothing may crash.
for f in "$SRC"/fuzz/corpus/parse_*/* "$SRC"/fuzz/corpus/detect/*; do
    [ -f "$f" ] || continue
    for v in cisco-ios juniper-junos nokia-sros huawei-vrp fortinet-fortios; do
        check_one "$f" "fuzz input ${f#"$SRC"/} as $v" --vendor "$v"
    done
done
echo "parse: $checked files checked; invariant violations in $bad"
[ $bad -eq 0 ] || fail=1

# The check must be able to fail: statements nested beyond the depth limit
# are dropped (with one diagnostic at the first of them), so their lines are
# not nodes.
awk 'BEGIN { for (i = 0; i < 300; i++) printf "a%d {\n", i; for (i = 0; i < 300; i++) print "}" }' \
    >"$TMP/deep.conf"
"$INVARIANT" --vendor juniper-junos "$TMP/deep.conf" >/dev/null 2>"$TMP/deep.err"
if [ $? -ne 2 ] || ! grep -q ':258: error: invariant: line is not a node' "$TMP/deep.err"; then
    echo "FAIL: parse_invariant did not report the statements lost beyond the depth limit"
    head -n 5 "$TMP/deep.err" | sed 's/^/  /'
    fail=1
fi

if [ $fail -ne 0 ]; then
    echo "corpus: FAILED"
    exit 1
fi
echo "corpus: ok"
exit 0
