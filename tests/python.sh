#!/usr/bin/env bash
# python.sh - the Python package, as a user gets it: build a wheel of python/
# with pip (scikit-build-core builds libtsaudit with CMake), install it into a
# fresh virtual environment with pytest from PyPI, and run python/tests:
# the API, and for every file of the shared corpus and of the check fixtures
# the package's results against the JSON report of the tsaudit binary.
#
# Needs python3 with venv (scripts/bootstrap --test) and PyPI. Without
# either the test fails and says why: it never passes without running.
# Env: TSAUDIT_BIN, TSAUDIT_SRC, TSAUDIT_BUILD (CTest), TSAUDIT_CORPUS (optional).
set -euo pipefail

BIN=${TSAUDIT_BIN:?TSAUDIT_BIN must name the tsaudit binary}
SRC=$(cd "${TSAUDIT_SRC:-.}" && pwd)
BUILD=${TSAUDIT_BUILD:-$SRC/build}
PY=${PYTHON:-python3}
VENV="$BUILD/python-venv"
WHEELS="$BUILD/python-wheels"

fail() {
    echo "python.sh: FAIL: $*" >&2
    exit 1
}

"$PY" -c 'import venv, ensurepip' 2>/dev/null ||
    fail "$PY has no venv/ensurepip (Debian: apt-get install python3-venv; scripts/bootstrap --test)"
rm -rf "$VENV" "$WHEELS"
"$PY" -m venv "$VENV" || fail "cannot create a virtual environment with $PY"
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check --no-input)

# The wheel: CMake's build folder is kept between runs so that a rebuild
# only compiles what changed.
echo "python.sh: building the wheel (pip wheel ./python)"
"${PIP[@]}" wheel --quiet --no-deps -w "$WHEELS" -C "build-dir=$BUILD/python-wheel-build" \
    "$SRC/python" || fail "pip wheel ./python failed (is PyPI reachable for scikit-build-core?)"
wheel=$(ls "$WHEELS"/tsaudit-*.whl 2>/dev/null | head -1)
[ -n "$wheel" ] || fail "pip wheel wrote no wheel"
"${PIP[@]}" install --quiet "$wheel" "pytest>=7" ||
    fail "cannot install the wheel and pytest (is PyPI reachable?)"

# The installed package, not the source tree, is what the tests import.
cd "$BUILD"
"$VENV/bin/python" -c 'import tsaudit, sys; print("python.sh: tsaudit", tsaudit.__version__, "from", tsaudit.__file__)'
# The README's first example, as a user runs it from the repository root.
first=$(cd "$SRC" && env -u TSAUDIT_LIBRARY "$VENV/bin/python" -c \
    "import tsaudit; print(tsaudit.audit_text(open('examples/estate/core/lon-cr1').read()).results[0])") ||
    fail "the first example of docs/python.md failed"
case "$first" in
    MGMT-TELNET:\ *) echo "python.sh: $first" ;;
    *) fail "the first example printed '$first', not the first check's result" ;;
esac
env -u TSAUDIT_LIBRARY TSAUDIT_BIN="$BIN" TSAUDIT_SRC="$SRC" \
    "$VENV/bin/python" -m pytest -q -p no:cacheprovider "$SRC/python/tests" "$@"
