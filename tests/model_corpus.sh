#!/usr/bin/env bash
# model_corpus.sh - `tsaudit facts` over every file of the shared corpus for
# the dialects with a model extractor (one run per folder, the files read as
# that folder's dialect): no crash or sanitizer report, only the documented
# exit statuses (0, or 2 for files with parse errors), well-formed JSON with
# one object per file, and no secret value printed without --show-secrets.
# When a folder's run fails, its files are run one by one to name the
# culprit. Skips (exit 0) when the corpus is not present.
set -uo pipefail
src=${TSAUDIT_SRC:-$(cd "$(dirname "$0")/.." && pwd)}
corpus=${TSAUDIT_CORPUS:-$src/../shared/corpus}
bin=${TSAUDIT_BIN:-}

fail() { echo "model_corpus: $*" >&2; exit 1; }

if [ ! -d "$corpus" ]; then
    echo "model_corpus: no corpus at $corpus, skipped"
    exit 0
fi
[ -n "$bin" ] && [ -x "$bin" ] || fail "TSAUDIT_BIN is not an executable tsaudit"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

# Did a run crash, report a sanitizer finding, or exit other than 0/2?
broken() { # rc errfile
    [ "$1" -ge 128 ] && return 0
    grep -q -e Sanitizer -e 'runtime error' "$2" && return 0
    [ "$1" -ne 0 ] && [ "$1" -ne 2 ] && return 0
    return 1
}

start=$SECONDS
files=0
bad=0
for d in cisco-ios cisco-nxos cisco-iosxr cisco-asa arista-eos juniper-junos nokia-sros huawei-vrp; do
    [ -d "$corpus/$d" ] || continue
    list=()
    for f in "$corpus/$d"/*; do
        [ -f "$f" ] && list+=("$f")
    done
    [ "${#list[@]}" -gt 0 ] || continue
    files=$((files + ${#list[@]}))
    printf '%s\n' "${list[@]}" >"$tmp/$d.names"
    "$bin" facts --vendor "$d" "${list[@]}" >"$tmp/$d.json" 2>"$tmp/$d.err"
    rc=$?
    if broken "$rc" "$tmp/$d.err"; then
        echo "model_corpus: $d: the folder run failed (exit $rc); per file:" >&2
        for f in "${list[@]}"; do
            "$bin" facts --vendor "$d" "$f" >/dev/null 2>"$tmp/one.err"
            r=$?
            if broken "$r" "$tmp/one.err"; then
                echo "model_corpus: $f: exit $r" >&2
                head -20 "$tmp/one.err" >&2
                bad=$((bad + 1))
            fi
        done
        [ "$bad" -gt 0 ] || bad=1 # fails only in a batch: still a failure
        rm -f "$tmp/$d.json"
    fi
done
[ "$files" -gt 0 ] || fail "no corpus files found under $corpus"
[ "$bad" -eq 0 ] || fail "$bad file(s) failed"

# One JSON object per file, in order; no "value" of a secret printed as written.
if command -v python3 >/dev/null 2>&1; then
    python3 - "$tmp" <<'PY' || fail "JSON output check failed"
import json, os, sys
d = sys.argv[1]
bad = 0
def secrets(o, path):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == "value" and isinstance(v, str) and not v.startswith("<redacted:"):
                yield path + "." + k
            else:
                yield from secrets(v, path + "." + k)
    elif isinstance(o, list):
        for i, v in enumerate(o):
            yield from secrets(v, "%s[%d]" % (path, i))
for name in sorted(os.listdir(d)):
    if not name.endswith(".json"):
        continue
    folder = name[:-5]
    names = open(os.path.join(d, folder + ".names")).read().split("\n")[:-1]
    try:
        with open(os.path.join(d, name), encoding="utf-8") as f:
            doc = json.load(f)
    except Exception as e:
        print("model_corpus: %s: bad JSON: %s" % (folder, e), file=sys.stderr)
        bad += 1
        continue
    docs = doc if len(names) > 1 else [doc]
    if len(docs) != len(names):
        print("model_corpus: %s: %d objects for %d files" % (folder, len(docs), len(names)),
              file=sys.stderr)
        bad += 1
        continue
    for src, obj in zip(names, docs):
        if not isinstance(obj, dict) or obj.get("file") != src:
            print("model_corpus: %s: no facts object" % src, file=sys.stderr)
            bad += 1
            continue
        for p in secrets(obj, "$"):
            print("model_corpus: %s: secret printed at %s" % (src, p), file=sys.stderr)
            bad += 1
            break
sys.exit(1 if bad else 0)
PY
fi
echo "model_corpus: $files files in $((SECONDS - start)) s"
