#!/usr/bin/env bash
# hostile.sh - 'tsaudit scan' over hostile inputs: empty and binary files,
# invalid UTF-8, CR-only and mixed line ends, a 1 MB line, 100,000-deep braces
# (Junos, SR OS MD-CLI) and deep indentation, unterminated banners and braces,
# truncated files, too many statements and diagnostics, a folder of 100,000
# files, symlink loops, unreadable and vanishing files.
#
# Each hostile file sits in a folder beside a good configuration. The scan
# must: finish within its timeout, not crash (the sanitizer build aborts on
# any memory error, undefined behaviour or leak), print a one-line
# diagnostic "path[:line]: error: ..." naming the hostile file, still check
# the good file, mark the hostile device partial or unreadable in the JSON
# report, and exit 2. Large fixtures are generated here, never committed.
set -uo pipefail
BIN=${TSAUDIT_BIN:-build/tsaudit}
SRC=${TSAUDIT_SRC:-.}
GOOD=$SRC/tests/fixtures/checks/cisco-ios/good.cfg
JUNOS=$SRC/tests/fixtures/checks/juniper-junos/good.conf
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
work=$(mktemp -d)
trap 'chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# A folder with the good file and room for a hostile one.
newcase() {
  dir=$work/$1
  mkdir -p "$dir"
  cp "$GOOD" "$dir/good.cfg"
}

# Check one finished scan: $1 case name, $2 the hostile file (as the scan
# names it), $3 expected state (partial|unreadable|clean), $4 expected exit,
# $5 seconds allowed. Runs "$BIN scan ... "${args[@]}".
scan_case() {
  local name=$1 bad=$2 state=$3 want=$4 limit=$5
  local err=$work/$name.err json=$work/$name.json
  local start=$SECONDS
  timeout "$limit" "$BIN" scan --quiet --no-progress --jobs 2 -o "$json" "${args[@]}" \
    >"$work/$name.out" 2>"$err"
  local rc=$?
  local took=$((SECONDS - start))
  if [ $rc -eq 124 ]; then
    fail "$name: no result within ${limit}s (hang?)"
    return
  fi
  if grep -qE 'Sanitizer|runtime error|==[0-9]+==' "$err"; then
    fail "$name: sanitizer report"
    head -n 20 "$err" >&2
    return
  fi
  if [ $rc -ne "$want" ]; then
    fail "$name: exit $rc, expected $want"
    head -n 5 "$err" >&2
  fi
  # Every diagnostic is one line: path[:line]: level: message.
  if grep -vqE '^.+(:[0-9]+)?: (error|warning|note): .+$' "$err"; then
    fail "$name: stderr line not in diagnostic form"
    grep -vE '^.+(:[0-9]+)?: (error|warning|note): .+$' "$err" | head -n 3 >&2
  fi
  if [ "$state" != clean ]; then
    if ! grep -qF -- "$bad" "$err" ||
      ! grep -F -- "$bad" "$err" | grep -E '^.+(:[0-9]+)?: error: ' >/dev/null; then
      fail "$name: no error diagnostic naming $bad"
      head -n 3 "$err" >&2
    fi
  elif grep -q ': error: ' "$err"; then
    fail "$name: unexpected error"
    head -n 3 "$err" >&2
  fi
  python3 - "$json" "$bad" "$state" "$name" <<'EOF' || failures=$((failures + 1))
import json, sys
path, bad, state, name = sys.argv[1:]
try:
    with open(path, encoding="utf-8") as f:
        rep = json.load(f)
except Exception as e:
    sys.exit(f"FAIL: {name}: report unreadable: {e}")
devs = {d["file"]: d for d in rep["devices"]}
good = [d for f, d in devs.items() if f.endswith("/good.cfg")]
if not good or not good[0]["results"] or good[0]["partial"] or good[0]["unreadable"]:
    sys.exit(f"FAIL: {name}: the good file beside the hostile one was not checked")
if state != "clean" and bad in devs:
    d = devs[bad]
    if not d.get(state):
        sys.exit(f"FAIL: {name}: {bad} not marked {state}")
elif state == "clean":
    d = devs.get(bad)
    if d is None or d["partial"] or d["unreadable"] or not d["results"]:
        sys.exit(f"FAIL: {name}: {bad} was not checked as a whole")
EOF
  echo "ok   $name (${took}s, exit $rc)"
}

gen() { python3 -c "$1"; }

# ----------------------------------------------------------- file content
newcase empty
: >"$dir/empty.cfg"
args=("$dir"); scan_case empty "$dir/empty.cfg" unreadable 2 60

newcase nul
printf 'hostname nul\n\0\0\0binary\n' >"$dir/nul.cfg"
args=("$dir"); scan_case nul "$dir/nul.cfg" unreadable 2 60

# Invalid UTF-8 is data, not an error: the device is checked and every
# output stays valid (tests/output_safety.sh validates them).
newcase utf8
printf 'version 15.2\nhostname u\xff\xfe8\ninterface Gi0/1\n description \xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80\n' >"$dir/utf8.cfg"
args=("$dir"); scan_case invalid-utf8 "$dir/utf8.cfg" clean 1 60

newcase cronly
printf 'version 15.2\rhostname cr\rinterface Gi1\r shutdown\rend\r' >"$dir/cronly.cfg"
args=("$dir"); scan_case cr-only "$dir/cronly.cfg" clean 1 60
grep -q 'cronly.cfg: note: line ends are CR only' "$work/cr-only.err" ||
  fail "cr-only: no note about CR line ends"

newcase mixed
printf 'version 15.2\r\nhostname mixed\ninterface Gi1\r shutdown\n\r\n\rend\r\n' >"$dir/mixed.cfg"
args=("$dir"); scan_case mixed-line-ends "$dir/mixed.cfg" clean 1 60

newcase longline
gen "open('$dir/long.cfg','w').write('version 15.2\nhostname long\ninterface Gi1\n description ' + 'A' * 1048576 + '\nend\n')"
args=("$dir"); scan_case long-line "$dir/long.cfg" partial 2 60
grep -q 'long.cfg:4: error: line of [0-9]* bytes exceeds' "$work/long-line.err" ||
  fail "long-line: diagnostic does not name line 4"

newcase junos-deep
gen "open('$dir/deep.conf','w').write('system {\n' + 'a {\n' * 100000 + 'host-name x;\n' + '}\n' * 100001)"
args=("$dir"); scan_case junos-deep-braces "$dir/deep.conf" partial 2 90

newcase sros-deep
gen "open('$dir/deep.cfg','w').write('# TiMOS-B-23.10.R1\nconfigure {\n' + 'a {\n' * 100000 + 'b c\n' + '}\n' * 100001)"
args=("$dir"); scan_case sros-mdcli-deep-braces "$dir/deep.cfg" partial 2 90

# 100,000-deep indentation would need 5 GB of spaces; 3,000 levels (4.5 MB)
# go far past the depth limit, and one line is indented 100,000 columns.
newcase indent
gen "open('$dir/indent.cfg','w').write('version 15.2\nhostname indent\n' + ''.join(' ' * i + 'x%d\n' % i for i in range(3000)) + ' ' * 100000 + 'deep\n')"
args=("$dir"); scan_case deep-indentation "$dir/indent.cfg" partial 2 90
grep -q 'nesting deeper than 256 levels' "$work/deep-indentation.err" ||
  fail "deep-indentation: no depth diagnostic"

newcase banner
printf 'version 15.2\nhostname b\nbanner motd ^C\nAuthorised access only\nline vty 0 4\n transport input ssh\n' >"$dir/banner.cfg"
args=("$dir"); scan_case unterminated-banner "$dir/banner.cfg" partial 2 60
grep -q 'banner.cfg:3: error: unterminated banner' "$work/unterminated-banner.err" ||
  fail "unterminated-banner: diagnostic does not name the banner line"

newcase braces
printf 'system {\n    host-name t;\n    services {\n        ssh;\n' >"$dir/braces.conf"
args=("$dir"); scan_case unterminated-braces "$dir/braces.conf" partial 2 60

newcase truncated
head -c "$(($(wc -c <"$JUNOS") / 2))" "$JUNOS" >"$dir/truncated.conf"
args=("$dir"); scan_case truncated "$dir/truncated.conf" partial 2 60

# More than 100 diagnostics: the first 100 are shown, the rest counted.
newcase diags
gen "open('$dir/diags.conf','w').write('system {\n    host-name x;\n' + '    }\n    }\n' * 300)"
args=("$dir"); scan_case many-diagnostics "$dir/diags.conf" partial 2 60
grep -q 'more than 100 diagnostics' "$work/many-diagnostics.err" ||
  fail "many-diagnostics: no cap diagnostic"
[ "$(grep -c 'diags.conf:[0-9]*: error:' "$work/many-diagnostics.err")" -le 101 ] ||
  fail "many-diagnostics: more than the cap printed"

# More statements than the 2,000,000 cap.
newcase statements
gen "open('$dir/many.cfg','w').write('version 15.2\nhostname many\n' + 'x\n' * 2000100)"
args=("$dir"); scan_case statement-cap "$dir/many.cfg" partial 2 180
grep -q 'many.cfg:2000001: error: more than 2000000 statements' "$work/statement-cap.err" ||
  fail "statement-cap: no cap diagnostic"

# File size cap, made small with --max-file-size.
newcase size
cp "$JUNOS" "$dir/big.conf"
args=(--max-file-size 6000 "$dir"); scan_case file-size-cap "$dir/big.conf" unreadable 2 60
grep -q 'big.conf: error: file is [0-9]* bytes, over the 6000-byte limit' "$work/file-size-cap.err" ||
  fail "file-size-cap: no size diagnostic"

# ------------------------------------------------------------ file system
newcase loop
ln -s . "$dir/loop"
ln -s "$dir" "$dir/up"
ln -s self "$dir/self"
args=("$dir"); scan_case symlink-loop "$dir/self" unreadable 2 60
grep -q 'self: error: cannot read: Too many levels of symbolic links' "$work/symlink-loop.err" ||
  fail "symlink-loop: no ELOOP diagnostic"
[ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['devices']))" "$work/symlink-loop.json")" = 1 ] ||
  fail "symlink-loop: the good file was not scanned exactly once"

# A dangling link stands for a file deleted between listing and reading.
newcase dangling
ln -s "$dir/gone.cfg" "$dir/gone-link.cfg"
args=("$dir"); scan_case dangling-link "$dir/gone-link.cfg" unreadable 2 60

# Unreadable: a FIFO named as input (reading it would block for ever; root
# can read a chmod 000 file, a FIFO stops everyone), and a mode-000 file
# when not running as root.
newcase fifo
mkfifo "$dir/pipe.cfg"
args=("$dir/good.cfg" "$dir/pipe.cfg"); scan_case fifo "$dir/pipe.cfg" unreadable 2 30
if [ "$(id -u)" -ne 0 ]; then
  newcase mode000
  cp "$GOOD" "$dir/locked.cfg"
  chmod 000 "$dir/locked.cfg"
  args=("$dir"); scan_case unreadable-file "$dir/locked.cfg" unreadable 2 60
else
  echo "skip unreadable-file (mode 000): running as root, which reads it anyway; the FIFO case covers it"
fi

# A file deleted during the scan: --jobs 1 and a slow first file keep the
# worker busy; once the report's temporary exists (the walk is over), the
# last file is deleted before the worker gets to it.
newcase vanish
gen "open('$dir/aaa-slow.cfg','w').write('version 15.2\nhostname slow\n' + ''.join('interface Gi0/%d\n description x\n shutdown\n' % i for i in range(100000)))"
cp "$GOOD" "$dir/zzz-vanish.cfg"
(
  timeout 120 "$BIN" scan --quiet --no-progress --jobs 1 -o "$work/vanish.json" "$dir" \
    >/dev/null 2>"$work/vanish.err"
  echo $? >"$work/vanish.rc"
) &
pid=$!
for _ in $(seq 1 3000); do
  compgen -G "$work/vanish.json.tmp*" >/dev/null && break
  [ -f "$work/vanish.rc" ] && break
  sleep 0.01
done
rm -f "$dir/zzz-vanish.cfg"
wait $pid
if [ "$(cat "$work/vanish.rc")" = 124 ]; then
  fail "vanish: hang"
elif grep -q 'zzz-vanish.cfg: error: cannot open: No such file' "$work/vanish.err"; then
  [ "$(cat "$work/vanish.rc")" = 2 ] || fail "vanish: exit $(cat "$work/vanish.rc"), expected 2"
  grep -qE 'Sanitizer|runtime error' "$work/vanish.err" && fail "vanish: sanitizer report"
  python3 -c "
import json, sys
d = {x['file'].rsplit('/', 1)[1]: x for x in json.load(open(sys.argv[1]))['devices']}
assert d['zzz-vanish.cfg']['unreadable'] and d['good.cfg']['results'], 'vanish: wrong report'
" "$work/vanish.json" || fail "vanish: report"
  echo "ok   vanish (deleted after the walk)"
else
  fail "vanish: the file was read before it could be deleted (slow file too fast?)"
  head -n 3 "$work/vanish.err" >&2
fi

# A folder of 100,000 small files: walked, read and checked in bounded time
# and memory (only a window of devices is held at once).
big=$work/many-files
mkdir -p "$big"
cp "$GOOD" "$big/good.cfg"
python3 - "$big" <<'EOF'
import os, sys
d = sys.argv[1]
for i in range(100000):
    with open(os.path.join(d, "f%06d.cfg" % i), "w") as f:
        f.write("hostname f%d\n" % i)
EOF
start=$SECONDS
# --fail-on never: the exit status is about the files, not about what the
# checks find on good.cfg.
timeout 240 "$BIN" scan --quiet --no-progress --fail-on never -o "$work/many.json" "$big" \
  >/dev/null 2>"$work/many.err"
rc=$?
took=$((SECONDS - start))
if [ $rc -eq 124 ]; then
  fail "many-files: no result within 240s"
else
  # A file of one 'hostname' line names no dialect: not audited, listed
  # with its reason, and not an error.
  [ $rc -eq 0 ] || fail "many-files: exit $rc, expected 0"
  grep -qE 'Sanitizer|runtime error' "$work/many.err" && fail "many-files: sanitizer report"
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); d=r['devices']; assert len(d) == 100001 and any(x['file'].endswith('/good.cfg') and x['results'] for x in d); c=r['summary']['coverage']; assert r['summary']['devices']['not_audited'] == 100000 and len(c['not_audited']) == 100000 and c['not_audited_by'] == {'unknown': 100000}" "$work/many.json" ||
    fail "many-files: good.cfg missing from the report, or the 100,000 unknown files not listed as not audited"
  echo "ok   many-files (${took}s, exit $rc)"
fi

if [ $failures -ne 0 ]; then
  echo "hostile: $failures failure(s)" >&2
  exit 1
fi
echo "hostile: all cases passed"
