#!/usr/bin/env bash
# hostile_output.sh - what configurations say cannot break out of any report.
#
# Scans an estate whose hostnames, banners, descriptions and file names hold
# HTML/script markup (</textarea>, </script>), spreadsheet formulas (= + - @),
# control characters (ESC, BEL, NUL-free C0) and invalid UTF-8, through the
# real 'tsaudit scan', writing every format. Then:
#   JSON, SARIF, OSCAL  parse with Python's strict json over strict UTF-8
#   JUnit XML           parses with xmllint
#   CSV                 parses with Python's csv; no cell starts with = + - @
#   HTML                no planted markup appears raw; in headless Chromium
#                       (when available) no planted script runs and no
#                       element is injected (tests/browser/report.test.mjs)
#   text (stdout)       no control character from a config reaches the terminal
set -uo pipefail
BIN=${TSAUDIT_BIN:-build/tsaudit}
SRC=${TSAUDIT_SRC:-.}
BUILD=${TSAUDIT_BUILD:-$SRC/build}
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

est=$work/estate
mkdir -p "$est"
# Cisco IOS: markup in the hostname, a banner closing </textarea> and
# </script>, formulas and control characters in descriptions.
printf '%s\n' \
  'version 15.2' \
  'hostname evil<script>window.__pwned=1</script>' \
  'banner motd ^C' \
  '</textarea></script><script>window.__pwned=2</script>' \
  "=cmd|' /C calc'!A0" \
  '^C' \
  'interface GigabitEthernet0/1' \
  ' description </textarea></script><script>window.__pwned=3</script>' \
  ' ip address 192.0.2.1 255.255.255.0' \
  'interface GigabitEthernet0/2' \
  ' description =HYPERLINK("http://example.invalid/x","click")' \
  'interface GigabitEthernet0/3' \
  " description @SUM(1+1) -2+3 +cmd|' /C calc'!A0" \
  'snmp-server community public RO' \
  'line vty 0 4' \
  ' transport input telnet' \
  'end' >"$est/evil-ios.cfg"
printf 'interface GigabitEthernet0/4\n description bell\a esc\033[31mred\033[0m del\177 bad\xff\xfe utf8 \xc3\x28 surrogate \xed\xa0\x80\n' \
  >>"$est/evil-ios.cfg"
# Junos: a formula host name and a control character in a description.
printf '%s\n' \
  'system {' \
  '    host-name "=1+2";' \
  '    login {' \
  '        message "</textarea><script>window.__pwned=4</script>";' \
  '    }' \
  '}' \
  'interfaces {' \
  '    ge-0/0/0 {' \
  "        description \"-cmd|' /C calc'!A0 \033]0;title\007\";" \
  '    }' \
  '}' >"$est/evil-junos.conf"
# A file name holding markup and starting like a formula.
cp "$SRC/tests/fixtures/checks/cisco-ios/bad.cfg" "$est/=cmd|calc<b>x.cfg"
# An unreadable (binary) file so diagnostics reach the reports too.
printf 'hostname <script>\0\n' >"$est/+binary.cfg"

out=$work/out
mkdir -p "$out"
timeout 120 "$BIN" scan --no-progress --fail-on never --jobs 2 \
  -o "$out/r.json" -o "$out/r.sarif" -o "$out/r.oscal.json" -o "$out/r.xml" \
  -o "$out/r.csv" -o "$out/r.html" "$est" >"$out/stdout.txt" 2>"$out/stderr.txt"
rc=$?
[ $rc -eq 124 ] && fail "scan: no result within 120s"
grep -qE 'Sanitizer|runtime error' "$out/stderr.txt" && fail "scan: sanitizer report"
[ $rc -eq 2 ] || fail "scan: exit $rc, expected 2 (the binary file is an input error)"
for f in r.json r.sarif r.oscal.json r.xml r.csv r.html; do
  [ -s "$out/$f" ] || fail "scan: $f not written"
done

python3 - "$out" <<'EOF' || failures=$((failures + 1))
import csv, io, json, sys
out = sys.argv[1]
bad = []
def raw(name):
    with open(f"{out}/{name}", "rb") as f:
        return f.read()
def text(name):
    try:
        return raw(name).decode("utf-8", "strict")
    except UnicodeDecodeError as e:
        bad.append(f"{name}: not valid UTF-8: {e}")
        return raw(name).decode("utf-8", "replace")
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            yield k
            yield from walk(x)
    elif isinstance(v, list):
        for x in v:
            yield from walk(x)
    elif isinstance(v, str):
        yield v

for name in ("r.json", "r.sarif", "r.oscal.json"):
    s = text(name)
    try:
        doc = json.loads(s, strict=True)  # raw control characters rejected
    except ValueError as e:
        bad.append(f"{name}: strict JSON parse failed: {e}")
        continue
    for v in walk(doc):
        for ch in v:
            if ord(ch) < 0x20 and ch not in "\t\n\r" or ch == "\x7f":
                bad.append(f"{name}: control character U+{ord(ch):04X} in a value: {v[:60]!r}")
                break
            if 0xD800 <= ord(ch) <= 0xDFFF:
                bad.append(f"{name}: lone surrogate in a value: {v[:60]!r}")
                break
    if "evil" not in s or "pwned" not in s:
        bad.append(f"{name}: the hostile device is missing")

s = text("r.csv")
rows = list(csv.reader(io.StringIO(s, newline=""), strict=True))
if len(rows) < 2:
    bad.append("r.csv: no rows")
for r in rows:
    for cell in r:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
            bad.append(f"r.csv: cell starts like a formula: {cell[:60]!r}")
if "pwned" not in s and "evil" not in s:
    bad.append("r.csv: the hostile device is missing")

h = text("r.html")
for needle in ("<script>window.__pwned", "</textarea></script>", "<b>x", "\x1b"):
    if needle in h:
        bad.append(f"r.html: planted text appears raw: {needle!r}")
if "pwned" not in h:
    bad.append("r.html: the hostile device is missing")

t = raw("stdout.txt")
for c in t:
    if (c < 0x20 and c not in (9, 10)) or c == 0x7f:
        bad.append(f"stdout: control character 0x{c:02x} reached the terminal")
        break

for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
if command -v xmllint >/dev/null; then
  xmllint --noout "$out/r.xml" 2>"$out/xmllint.txt" || {
    fail "r.xml: xmllint: $(head -n 2 "$out/xmllint.txt")"
  }
else
  echo "skip XML parse: xmllint missing (scripts/bootstrap --test installs libxml2-utils)"
fi
# Control characters stay out of the diagnostics (terminal escapes).
if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$out/stderr.txt"; then
  fail "stderr: control character in a diagnostic"
fi

# Every other text output: host names, file names, rule text and stored runs
# reach the terminal without a control character, and one record stays one
# line. A host name that sets the terminal title and clears the screen, a
# file name with a line end and an escape, a rule whose title and remediation
# hold escapes; through detect, parse, checks, explain, history and diff.
est2=$work/estate2
mkdir -p "$est2"
{
  printf 'version 15.2\nhostname r1\033]0;pwned\007\033[2J\302\233m\342\200\256evil\n'
  printf 'line vty 0 4\n transport input telnet\nend\n'
} >"$est2/$(printf 'two\nlines\033[2J.cfg')"
cp "$est2"/two* "$est2/plain.cfg"
cat >"$work/evil-rules.yaml" <<'YAML'
rules:
  - id: EVIL-TITLE
    title: "clear \e[2J title \e]0;pwned\a next\nline"
    severity: low
    category: "cat \e[31m"
    rationale: "why \e[5m"
    remediation: "fix \e[2J\nsecond line"
    condition: {exists: {match: '^hostname'}}
YAML
term_out() { # NAME COMMAND...: stdout of a command into $out/term-NAME
  local name=$1
  shift
  timeout 60 "$@" >"$out/term-$name" 2>>"$out/term-stderr" || true
}
term_out detect "$BIN" detect "$est2"
term_out parse "$BIN" parse "$est2/plain.cfg"
term_out checks "$BIN" checks --rules "$work/evil-rules.yaml"
term_out explain "$BIN" explain --rules "$work/evil-rules.yaml" EVIL-TITLE
"$BIN" scan --no-progress --quiet --fail-on never --db "$out/h.db" "$est2" >/dev/null 2>&1
rm "$est2/plain.cfg"
"$BIN" scan --no-progress --quiet --fail-on never --db "$out/h.db" "$est2" >/dev/null 2>&1
term_out history "$BIN" history --db "$out/h.db"
term_out diff "$BIN" diff --db "$out/h.db"
python3 - "$out" <<'EOF2' || failures=$((failures + 1))
import sys
out = sys.argv[1]
bad = []
for name in ("detect", "parse", "checks", "explain", "history", "diff"):
    data = open(f"{out}/term-{name}", "rb").read()
    if not data:
        bad.append(f"{name}: no output")
    text = data.decode("utf-8", "replace")
    for ch in text:
        o = ord(ch)
        if (o < 0x20 and ch not in "\t\n") or 0x7f <= o < 0xa0 or 0x202a <= o <= 0x202e:
            bad.append(f"{name}: control character U+{o:04X} reached the terminal")
            break
lines = open(f"{out}/term-detect", "rb").read().splitlines()
if len(lines) != 2:
    bad.append(f"detect: {len(lines)} lines for 2 files (a file name split its line)")
for name, want in (("diff", b"r1"), ("checks", b"EVIL-TITLE"), ("history", b"\n")):
    if want not in open(f"{out}/term-{name}", "rb").read():
        bad.append(f"{name}: expected {want!r} in the output")
for b in bad:
    print("FAIL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
EOF2
if LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$out/term-stderr"; then
  fail "stderr of the other commands: control character in a diagnostic"
fi

# In a real browser: nothing planted runs or becomes an element.
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if command -v node >/dev/null && [ -x "$CHROMIUM" ] &&
  [ -d "$SRC/tests/browser/node_modules/playwright-core" ]; then
  mkdir -p "$BUILD/browser"
  node "$SRC/tests/browser/report.test.mjs" "$out/r.html" "$BUILD/browser" --hostile \
    >"$out/browser.txt" 2>&1 || {
    fail "browser: $(grep -i 'fail\|error' "$out/browser.txt" | head -n 5)"
  }
else
  echo "skip browser check: node, $CHROMIUM or playwright-core missing (tests/browser.sh installs it)"
fi

if [ $failures -ne 0 ]; then
  echo "hostile_output: $failures failure(s)" >&2
  exit 1
fi
echo "hostile_output: all outputs safe"
