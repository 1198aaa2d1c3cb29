#!/usr/bin/env bash
# storage_faults.sh - reports (-o, stdout) and the history database (--db)
# on storage that fails: a path under a regular file (ENOTDIR), /dev/full
# (ENOSPC), a file-size limit (ulimit -f, SIGXFSZ ignored so writes fail with
# EFBIG; works as root, where a read-only folder would not stop writes) and a
# full tmpfs when this user may mount one. Each run must exit non-zero with
# an error line naming the file, leave no temporary beside the target, leave
# an earlier report untouched, and leave the history with no complete-looking
# partial run (a run row whose 'finished' is set).
set -uo pipefail
BIN=${TSAUDIT_BIN:-build/tsaudit}
SRC=${TSAUDIT_SRC:-.}
EST=$SRC/examples/estate
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
work=$(mktemp -d)
mounted=""
cleanup() {
  [ -n "$mounted" ] && umount "$mounted" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# run NAME FSIZE_KB ARGS... : scan with an optional file-size limit (0 = none).
run() {
  local name=$1 fsize=$2
  shift 2
  (
    [ "$fsize" != 0 ] && ulimit -f "$fsize"
    trap '' XFSZ
    exec timeout 120 "$BIN" scan --quiet --no-progress --jobs 2 "$@" "$EST"
  ) >"$work/$name.out" 2>"$work/$name.err"
  rc=$?
  if grep -qE 'Sanitizer|runtime error' "$work/$name.err"; then
    fail "$name: sanitizer report"
    head -n 10 "$work/$name.err" >&2
  fi
}

# expect_failed NAME TARGET : non-zero exit, an error line naming TARGET,
# and nothing but what was there before beside it.
expect_failed() {
  local name=$1 target=$2
  [ "$rc" -ne 0 ] || fail "$name: exit 0 although the write failed"
  [ "$rc" -ne 124 ] || fail "$name: hang"
  grep -qF -- "$target: error: " "$work/$name.err" ||
    fail "$name: no error line naming $target: $(head -n 2 "$work/$name.err")"
  local leftovers
  leftovers=$(find "$(dirname "$target")" -maxdepth 1 -name "$(basename "$target")*" \
    ! -name "$(basename "$target")" ! -name '*-journal' ! -name '*-wal' ! -name '*-shm' 2>/dev/null)
  [ -z "$leftovers" ] || fail "$name: left beside the target: $leftovers"
}

# complete_runs DB : number of runs recorded as finished.
complete_runs() {
  python3 - "$1" <<'EOF'
import sqlite3, sys
try:
    db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity"
    has = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'runs'").fetchone()[0]
    print(db.execute("SELECT count(*) FROM runs WHERE finished IS NOT NULL").fetchone()[0] if has else 0)
except sqlite3.Error as e:
    print(f"error: {e}")
EOF
}

# ------------------------------------------------------------ reports (-o)
touch "$work/plain"
run enotdir 0 -o "$work/plain/report.json"
expect_failed enotdir "$work/plain/report.json"
[ -f "$work/plain" ] && [ ! -s "$work/plain" ] || fail "enotdir: the regular file changed"

mkdir -p "$work/efbig"
run efbig-fresh 16 -o "$work/efbig/report.html"
expect_failed efbig-fresh "$work/efbig/report.html"
[ -e "$work/efbig/report.html" ] && fail "efbig-fresh: a partial report.html was left"

# An earlier complete report survives a failed rewrite byte for byte.
run efbig-first 0 -o "$work/efbig/keep.json"
[ -s "$work/efbig/keep.json" ] || fail "efbig-first: the unlimited run wrote no report"
before=$(sha256sum <"$work/efbig/keep.json")
run efbig-again 16 -o "$work/efbig/keep.json"
expect_failed efbig-again "$work/efbig/keep.json"
[ "$(sha256sum <"$work/efbig/keep.json")" = "$before" ] ||
  fail "efbig-again: the earlier report was changed"

# Several outputs, one of which fails: the failure is reported, the others complete.
run mixed 0 -o "$work/efbig/ok.csv" -o "$work/plain/bad.sarif"
expect_failed mixed "$work/plain/bad.sarif"
# An output that cannot be written stops the run before anything is written.
[ "$rc" -eq 2 ] || fail "mixed: exit $rc, expected 2 (stopped before scanning)"
[ ! -e "$work/efbig/ok.csv" ] || fail "mixed: a report was written although another cannot be"

# stdout on a full device.
(exec timeout 120 "$BIN" scan --no-progress --format json "$EST" >/dev/full) 2>"$work/full.err"
rc=$?
[ $rc -ne 0 ] && [ $rc -ne 124 ] || fail "stdout /dev/full: exit $rc"
grep -q 'error: ' "$work/full.err" || fail "stdout /dev/full: no error line"

# ----------------------------------------------------- history (--db)
run db-enotdir 0 --db "$work/plain/history.db"
expect_failed db-enotdir "$work/plain/history.db"

run db-devfull 0 --db /dev/full
[ "$rc" -ne 0 ] || fail "db-devfull: exit 0"
grep -qF '/dev/full: error: ' "$work/db-devfull.err" || fail "db-devfull: no error naming /dev/full"

mkdir -p "$work/db"
run db-efbig-fresh 8 --db "$work/db/fresh.db"
expect_failed db-efbig-fresh "$work/db/fresh.db"
n=$(complete_runs "$work/db/fresh.db")
[ "$n" = 0 ] || fail "db-efbig-fresh: complete runs: $n"

# One complete run, then a run that cannot grow the database.
run db-first 0 --db "$work/db/h.db"
[ "$(complete_runs "$work/db/h.db")" = 1 ] || fail "db-first: no complete run recorded"
n0=$(complete_runs "$work/db/h.db")
# Writes past 64 KiB fail (RLIMIT_FSIZE limits the offset of any write), so the
# run's pages cannot reach the write-ahead log or the database.
size_kb=64
run db-efbig "$size_kb" --db "$work/db/h.db"
expect_failed db-efbig "$work/db/h.db"
n=$(complete_runs "$work/db/h.db")
[ "$n" = "$n0" ] || fail "db-efbig: complete runs went from $n0 to $n"
listed=$(timeout 60 "$BIN" history --db "$work/db/h.db" --format json 2>/dev/null |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d if isinstance(d, list) else d.get("runs", [])))')
[ "$listed" = "$n0" ] || fail "db-efbig: 'tsaudit history' lists $listed runs, expected $n0"

# ------------------------------------------------------------ full tmpfs
mnt=$work/mnt
mkdir -p "$mnt"
if mount -t tmpfs -o size=96k tmpfs "$mnt" 2>/dev/null; then
  mounted=$mnt
  run tmpfs-report 0 -o "$mnt/report.html"
  expect_failed tmpfs-report "$mnt/report.html"
  [ -e "$mnt/report.html" ] && fail "tmpfs-report: a partial report was left"
  run tmpfs-db 0 --db "$mnt/h.db"
  expect_failed tmpfs-db "$mnt/h.db"
  n=$(complete_runs "$mnt/h.db")
  case $n in 0 | error:*) ;; *) fail "tmpfs-db: complete runs: $n" ;; esac
  umount "$mnt" && mounted=""
else
  echo "skip full tmpfs: cannot mount tmpfs here (not root, or no CAP_SYS_ADMIN); ulimit -f and /dev/full cover ENOSPC/EFBIG"
fi

# A history whose folder this user cannot write (a WAL database needs its
# -shm file even to be read): history, diff and serve read it read-only. As
# root, permissions do not stop writes, so the readers run as nobody.
as_reader() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
if [ "$(id -u)" != 0 ] || command -v setpriv >/dev/null; then
  ro=$work/ro
  mkdir -p "$ro"
  for i in 1 2; do
    timeout 120 "$BIN" scan --quiet --no-progress --fail-on never --db "$ro/h.db" "$EST" >/dev/null 2>&1
  done
  chmod 755 "$work"
  # The reader runs a copy of the programme and its library in the scratch
  # folder: the checkout may sit below a folder that nobody cannot enter.
  mkdir -p "$work/bin"
  cp "$BIN" "$work/bin/tsaudit"
  lib=$(ldd "$BIN" | awk '/libtsaudit/ { print $3 }')
  [ -n "$lib" ] && cp "$lib" "$work/bin/"
  chmod -R a+rX "$work/bin"
  export LD_LIBRARY_PATH="$work/bin${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  chmod 555 "$ro"
  chmod 444 "$ro/h.db"
  as_reader "$work/bin/tsaudit" history --db "$ro/h.db" >"$work/ro-history.out" 2>"$work/ro-history.err"
  rc=$?
  [ $rc -eq 0 ] || fail "read-only history: exit $rc: $(head -n 2 "$work/ro-history.err")"
  [ "$(grep -c '^[0-9]' "$work/ro-history.out")" = 2 ] || fail "read-only history: not both runs listed"
  as_reader "$work/bin/tsaudit" diff --db "$ro/h.db" >"$work/ro-diff.out" 2>"$work/ro-diff.err" ||
    fail "read-only diff: $(head -n 2 "$work/ro-diff.err")"
  # Unreadable: says why, not "not a tsaudit history database".
  chmod 000 "$ro/h.db"
  as_reader "$work/bin/tsaudit" history --db "$ro/h.db" >/dev/null 2>"$work/ro-denied.err" &&
    fail "unreadable history: exit 0"
  grep -q "h.db: error: cannot read the history database: Permission denied" "$work/ro-denied.err" ||
    fail "unreadable history: $(head -n 2 "$work/ro-denied.err")"
  chmod 755 "$ro"
  unset LD_LIBRARY_PATH
else
  echo "skip read-only history: running as root without setpriv"
fi

# Another program's SQLite database is never written; a tsaudit database is
# recognised and an empty file becomes one.
python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute('CREATE TABLE customers (id, name)'); c.commit()
" "$work/foreign.db"
cp "$work/foreign.db" "$work/foreign.before"
timeout 120 "$BIN" scan --quiet --no-progress --fail-on never --db "$work/foreign.db" "$EST" \
  >/dev/null 2>"$work/foreign.err"
rc=$?
[ $rc -eq 3 ] || [ $rc -eq 2 ] || fail "foreign --db: exit $rc"
grep -q "foreign.db: error: not a tsaudit history database: it holds other tables (customers)" \
  "$work/foreign.err" || fail "foreign --db: $(head -n 2 "$work/foreign.err")"
cmp -s "$work/foreign.db" "$work/foreign.before" || fail "foreign --db: the database was changed"
"$BIN" history --db "$work/foreign.db" >/dev/null 2>"$work/foreign-read.err" &&
  fail "foreign history: exit 0"
grep -q "not a tsaudit history database" "$work/foreign-read.err" || fail "foreign history: no error"

if [ $failures -ne 0 ]; then
  echo "storage_faults: $failures failure(s)" >&2
  exit 1
fi
echo "storage_faults: all cases passed"
