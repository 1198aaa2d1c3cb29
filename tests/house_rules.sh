#!/usr/bin/env bash
# The house rules (scripts/house-rules): clang-format, banned functions,
# function and file size limits, layering. Also checks that the rules can
# fail: a banned call and an upward include in a scratch copy are caught.
set -u
src=${TSAUDIT_SRC:?}
"$src/scripts/house-rules" || exit 1

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$src" ls-files -z | (cd "$src" && xargs -0 cp --parents -t "$tmp") 2>/dev/null
git -C "$tmp" init -q && git -C "$tmp" add -A >/dev/null 2>&1
printf '#include "report/report.h"\nint house_rules_probe(const char *s);\nint house_rules_probe(const char *s)\n{\n    return atoi(s);\n}\n' > "$tmp/src/core/probe.c"
git -C "$tmp" add src/core/probe.c
out=$("$tmp/scripts/house-rules" 2>&1)
rc=$?
fail=0
[ $rc -eq 1 ] || { echo "FAIL: house-rules exited $rc on a tree that breaks the rules"; fail=1; }
grep -q 'src/core/probe.c:5: banned function atoi()' <<<"$out" || { echo "FAIL: banned atoi() not caught"; fail=1; }
grep -q 'src/core/probe.c:1: layer core includes report/' <<<"$out" || { echo "FAIL: upward include not caught"; fail=1; }
[ $fail -eq 0 ] && echo "house rules hold, and catch a banned call and an upward include"
exit $fail
