#!/usr/bin/env bash
# labelled.sh - tsaudit's verdicts against the hand-labelled real configurations
# of tests/labelled/ (labels written from checks.md and vendor documentation by
# two independent readings, never from tsaudit's output). Fails on any
# disagreement not listed in tests/labelled/known-disagreements.tsv, and on a
# listed one that no longer occurs. See docs/accuracy.md.
set -u
BIN=${TSAUDIT_BIN:?TSAUDIT_BIN must name the tsaudit binary}
SRC=${TSAUDIT_SRC:-.}
exec python3 "$SRC/tests/tools/labels.py" score "$BIN" ${TSAUDIT_CORPUS:+--corpus "$TSAUDIT_CORPUS"}
