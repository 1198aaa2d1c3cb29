#!/usr/bin/env bash
# corpus_unknowns.sh - every check that is `unknown` on more than half of one
# dialect's devices in the shared corpus has its reason in docs/accuracy.md
# (the configuration genuinely cannot tell, or a gap named as one), so no
# check quietly stops deciding on a platform. Skipped without the corpus.
set -u
BIN=${TSAUDIT_BIN:?}
SRC=${TSAUDIT_SRC:?}
CORPUS=${TSAUDIT_CORPUS:-$SRC/../shared/corpus}
if [ ! -f "$CORPUS/MANIFEST.tsv" ]; then
    echo "corpus not found, skipped"
    exit 0
fi
python3 "$SRC/scripts/corpus-verdicts" "$CORPUS" --tsaudit "$BIN" \
    --profile "$SRC/tests/labelled/profile.yaml" --unknowns "$SRC/docs/accuracy.md"
