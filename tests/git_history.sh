#!/usr/bin/env bash
# git_history.sh - `scan --git` walks a repository's history (libgit2) and
# `tsaudit since` names the commit that introduced a failure and the one
# that fixed it. The repository is built here with the git command: four
# commits, telnet enabled on one device in the second and removed in the
# fourth.
set -u
BIN=${TSAUDIT_BIN:?TSAUDIT_BIN must name the tsaudit binary}
SRC=${TSAUDIT_SRC:-.}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
check() { # NAME COMMAND...
    local name=$1
    shift
    if "$@"; then :; else echo "FAIL: $name"; fail=1; fi
}
commit() { # AUTHOR MESSAGE
    git -C "$TMP/repo" add -A >/dev/null &&
        GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$1@example.net" GIT_COMMITTER_NAME=oxidized \
            GIT_COMMITTER_EMAIL=oxidized@example.net git -C "$TMP/repo" commit -q -m "$2" &&
        git -C "$TMP/repo" rev-parse HEAD
}
walk() { # extra scan options...
    "$BIN" scan --git "$TMP/repo" --db "$TMP/h.db" --profile "$SRC/examples/profile.yaml" \
        --quiet --fail-on never "$@" 2>"$TMP/walk.err"
}

mkdir -p "$TMP/repo/edge"
git init -q "$TMP/repo"
cp "$SRC/examples/estate/edge/lon-pe1" "$TMP/repo/edge/lon-pe1"
cp "$SRC/examples/estate/core/lon-cr1" "$TMP/repo/edge/lon-cr1"
printf 'lon-pe1;cisco;up\n' >"$TMP/repo/router.db"
c1=$(commit alice "initial import")
sed -i 's/^ transport input ssh$/ transport input telnet ssh/' "$TMP/repo/edge/lon-pe1"
c2=$(commit bob "allow telnet for the vendor engineer")
echo "! comment" >>"$TMP/repo/edge/lon-cr1"
c3=$(commit carol "comment on lon-cr1")

walk
check "scan --git exits 0" [ $? -eq 0 ]
"$BIN" since edge/lon-pe1 --db "$TMP/h.db" >"$TMP/since.txt"
check "since exits 1 while a check fails" [ $? -eq 1 ]
check "MGMT-TELNET fails since the second commit, by bob" \
    grep -A1 -q "^MGMT-TELNET fails since" "$TMP/since.txt"
check "the commit named is the second" \
    grep -A1 "^MGMT-TELNET fails since" "$TMP/since.txt" | grep -q "${c2:0:12}.*bob <bob@example.net>.*allow telnet"
"$BIN" since edge/lon-pe1 MGMT-TELNET --db "$TMP/h.db" >"$TMP/timeline.txt"
check "timeline: first seen passing at the first commit" grep -q "^(new) -> pass at ${c1:0:12}" "$TMP/timeline.txt"
check "timeline: pass -> fail at the second commit" grep -q "^pass -> fail at ${c2:0:12}" "$TMP/timeline.txt"
check "the third commit changed nothing for lon-pe1" bash -c "! grep -q '${c3:0:12}' '$TMP/timeline.txt'"
"$BIN" since edge/lon-pe1 M11.32 --db "$TMP/h.db" | grep -q "^MGMT-TELNET fails since"
check "a measure lists the failing checks that evidence it" [ $? -eq 0 ]

# The fix closes the finding with its commit as evidence.
sed -i 's/^ transport input telnet ssh$/ transport input ssh/' "$TMP/repo/edge/lon-pe1"
c4=$(commit dave "remove telnet again")
walk
"$BIN" since edge/lon-pe1 MGMT-TELNET --db "$TMP/h.db" >"$TMP/timeline.txt"
check "since exits 0 once fixed" [ $? -eq 0 ]
check "timeline: fail -> pass at the fourth commit, by dave" \
    grep -q "^fail -> pass at ${c4:0:12}.*dave" "$TMP/timeline.txt"
"$BIN" since edge/lon-pe1 --db "$TMP/h.db" | grep -q "^MGMT-TELNET"
check "MGMT-TELNET no longer listed as failing" [ $? -ne 0 ]

# --since REV starts from that commit's tree; router.db is never a device.
walk --since "$c2"
"$BIN" since edge/lon-pe1 MGMT-TELNET --db "$TMP/h.db" >"$TMP/timeline.txt"
check "--since REV: first seen failing at the baseline" grep -q "^(new) -> fail at ${c2:0:12}" "$TMP/timeline.txt"
"$BIN" since router.db --db "$TMP/h.db" >/dev/null 2>&1
check "router.db is not a device" [ $? -eq 2 ]

# A bare repository (as Oxidized keeps one): history recorded, no reports.
git clone -q --bare "$TMP/repo" "$TMP/bare.git"
"$BIN" scan --git "$TMP/bare.git" --db "$TMP/bare.db" --quiet 2>"$TMP/bare.err"
check "bare repository walks" [ $? -eq 0 ]
check "bare repository: says reports are not written" grep -q "bare repository" "$TMP/bare.err"
"$BIN" since edge/lon-pe1 --db "$TMP/bare.db" >/dev/null
check "bare repository: history readable" [ $? -le 1 ]

# Mistakes: not a repository, --since without --git, an unknown revision.
"$BIN" scan --git "$TMP" --db "$TMP/x.db" --quiet 2>"$TMP/err"
check "not a repository exits 2" [ $? -eq 2 ]
check "not a repository is said" grep -q "not a git repository" "$TMP/err"
"$BIN" scan "$TMP/repo" --since 2026-01-01 --quiet 2>/dev/null
check "--since without --git exits 2" [ $? -eq 2 ]
walk --since no-such-rev
check "an unknown --since exits 2" [ $? -eq 2 ]

[ $fail -eq 0 ] && echo "git_history: 1 passed, 0 failed" || echo "git_history: 0 passed, 1 failed"
exit $fail
