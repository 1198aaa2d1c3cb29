#!/usr/bin/env bash
# fuzz_short.sh - a short libFuzzer run of every fuzz target under
# AddressSanitizer and UndefinedBehaviorSanitizer (scripts/fuzz), when clang
# and its libFuzzer runtime are installed (scripts/bootstrap --test installs
# clang and libclang-rt-14-dev); otherwise it says why and skips. Seconds per
# target: TSAUDIT_FUZZ_SHORT_SECONDS (default 10: about 2 minutes for the 12
# targets, and about 2 for the build in its own folder $TSAUDIT_BUILD/fuzz).
# Findings go to a temporary folder; a crash fails the test and the crashing
# input is copied to $TSAUDIT_BUILD/fuzz-short/.
set -uo pipefail
SRC=${TSAUDIT_SRC:-.}
BUILD=${TSAUDIT_BUILD:-$SRC/build}
seconds=${TSAUDIT_FUZZ_SHORT_SECONDS:-10}

if ! command -v clang >/dev/null 2>&1; then
  echo "fuzz_short: SKIP: clang is not installed"
  exit 0
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '#include <stddef.h>\n#include <stdint.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' \
  >"$probe/p.c"
if ! clang -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" 2>"$probe/err"; then
  echo "fuzz_short: SKIP: clang cannot link libFuzzer ($(head -n 1 "$probe/err"))"
  exit 0
fi

findings=$probe/findings
TSAUDIT_FUZZ_FINDINGS=$findings TSAUDIT_FUZZ_BUILD=$BUILD/fuzz \
  "$SRC/scripts/fuzz" "$seconds"
rc=$?
if [ $rc -ne 0 ]; then
  mkdir -p "$BUILD/fuzz-short"
  find "$findings" -maxdepth 2 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' -o -name '*.log' \) -exec cp {} "$BUILD/fuzz-short/" \;
  echo "fuzz_short: FAILED; inputs and logs in $BUILD/fuzz-short/" >&2
  exit 1
fi
echo "fuzz_short: every target ran ${seconds}s without a crash"
