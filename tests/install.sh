#!/usr/bin/env bash
# install.sh - 'cmake --install' puts the programme, its library, the manual
# page and the bash and zsh completions in place, the installed programme
# runs, and the bash completion completes commands, options and check ids.
set -u
BIN=${TSAUDIT_BIN:?TSAUDIT_BIN must name the tsaudit binary}
SRC=${TSAUDIT_SRC:-.}
BUILD=${TSAUDIT_BUILD:-$(dirname "$BIN")}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
check() { # NAME COMMAND...
    local name=$1
    shift
    if "$@"; then :; else echo "FAIL: $name"; fail=1; fi
}

DESTDIR="$TMP/root" cmake --install "$BUILD" --prefix /usr/local >"$TMP/install.log" 2>&1
check "cmake --install succeeds" [ $? -eq 0 ]
P="$TMP/root/usr/local"
for f in bin/tsaudit share/man/man1/tsaudit.1 share/bash-completion/completions/tsaudit \
    share/zsh/site-functions/_tsaudit; do
    check "installed: $f" [ -e "$P/$f" ]
done
ls "$P"/lib*/libtsaudit.so.* >/dev/null 2>&1
check "installed: the library" [ $? -eq 0 ]
"$P/bin/tsaudit" --version >"$TMP/version.txt" 2>&1
check "the installed programme runs" grep -q "tsaudit" "$TMP/version.txt"
if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 man -l "$P/share/man/man1/tsaudit.1" 2>/dev/null | grep -q "verify"
    check "the manual page renders" [ $? -eq 0 ]
fi

# Bash completion, driven as bash drives it, against the built programme.
complete_words() { # WORD...
    bash -c '
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _tsaudit; printf "%s\n" "${COMPREPLY[@]}"' _ "$P/share/bash-completion/completions/tsaudit" "$@"
}
mkdir -p "$TMP/path"
ln -s "$BIN" "$TMP/path/tsaudit"
export PATH="$TMP/path:$PATH"
check "bash: 'tsaudit sc' completes scan" bash -c "$(declare -f complete_words); P='$P' complete_words tsaudit sc | grep -qx scan"
check "bash: 'tsaudit scan --pro' completes --profile" bash -c "$(declare -f complete_words); P='$P' complete_words tsaudit scan --pro | grep -qx -- --profile"
check "bash: 'tsaudit explain MGMT-TEL' completes the check id" bash -c "$(declare -f complete_words); P='$P' complete_words tsaudit explain MGMT-TEL | grep -qx MGMT-TELNET"
check "bash: 'tsaudit scan --fail-on h' completes high" bash -c "$(declare -f complete_words); P='$P' complete_words tsaudit scan --fail-on h | grep -qx high"

[ $fail -eq 0 ] && echo "install: 1 passed, 0 failed" || echo "install: 0 passed, 1 failed"
exit $fail
