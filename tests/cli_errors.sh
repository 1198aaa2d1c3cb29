#!/usr/bin/env bash
# cli_errors.sh - mistakes on the command line and in the files it names stop
# early with exit status 2 and a message that says what to do; nothing is
# written. One case per mistake: the command, the exit status expected, and
# a fixed string the stderr must contain.
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
out=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$out"; }
trap cleanup EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }
estate=$src/examples/estate
profile=$src/examples/profile.yaml
attest=$src/examples/attestations.yaml

# expect NAME STATUS TEXT -- COMMAND...: the status, the text on stderr, and
# no report in $out/r (every case writes its outputs there).
expect() {
  local name=$1 want=$2 text=$3
  shift 4
  rm -rf "$out/r" && mkdir -p "$out/r"
  "$@" >"$out/stdout" 2>"$out/stderr"
  local rc=$?
  if [ "$rc" -ne "$want" ]; then
    bad "$name: exit $rc, expected $want"; sed 's/^/  | /' "$out/stderr" | head -5
  elif [ -n "$text" ] && ! grep -qF -- "$text" "$out/stderr"; then
    bad "$name: stderr lacks: $text"; sed 's/^/  | /' "$out/stderr" | head -5
  elif [ "$want" -eq 2 ] && [ -n "$(ls -A "$out/r")" ]; then
    bad "$name: wrote $(ls "$out/r")"
  elif [ "$want" -eq 2 ] && grep -q 'Gate' "$out/stdout"; then
    bad "$name: printed a gate line"
  else
    ok
  fi
}
scan() { "$bin" scan --no-progress -o "$out/r/report.json" -o "$out/r/report.html" "$@"; }

# Inputs that shape the run.
expect "missing profile" 2 "nope.yaml: error: cannot open" -- scan "$estate" --profile "$out/nope.yaml"
expect "missing profile says nothing was written" 2 "no report was written" -- \
  scan "$estate" --profile "$out/nope.yaml"
expect "--checks naming no check" 2 "--checks: no check matches 'NOPE-*'" -- \
  scan "$estate" --checks 'NOPE-*'
expect "--status with an unknown verdict" 2 "--status takes verdicts" -- scan "$estate" --status broken
expect "--severity-min with an unknown level" 2 "--severity-min takes info, low" -- \
  scan "$estate" --severity-min huge
expect "missing attestations" 2 "nope.yaml: error: cannot open" -- scan "$estate" --attest "$out/nope.yaml"
expect "missing rules" 2 "nope.yaml: error: " -- scan "$estate" --rules "$out/nope.yaml"
printf 'provider:\n  name: x\n  tier: [1\n' > "$out/broken.yaml"
expect "profile with a YAML error" 2 "broken.yaml:4:1: error: malformed YAML" -- \
  scan "$estate" --profile "$out/broken.yaml"
mkdir -p "$out/unreadable" && printf 'provider:\n  tier: 2\n' > "$out/unreadable/p.yaml"
chmod 000 "$out/unreadable/p.yaml"
if ! cat "$out/unreadable/p.yaml" >/dev/null 2>&1; then # not when run as root
  expect "unreadable profile" 2 "p.yaml: error: cannot open" -- scan "$estate" --profile "$out/unreadable/p.yaml"
fi
expect "attestations given as the profile" 2 \
  "this looks like an attestations file, not a provider profile (give it to --attest)" -- \
  scan "$estate" --profile "$attest"
expect "profile given as the attestations" 2 \
  "this looks like a provider profile, not an attestations file (give it to --profile)" -- \
  scan "$estate" --attest "$profile"

# Where the reports go.
expect "output folder missing" 2 "$out/r/no/such/x.html: error: cannot write: folder '$out/r/no/such' does not exist" -- \
  scan "$estate" -o "$out/r/no/such/x.html"
expect "history folder missing" 2 "folder '$out/r/nodb' does not exist" -- scan "$estate" --db "$out/r/nodb/h.db"
mkdir -p "$out/dir.json"
expect "output is a folder" 2 "$out/dir.json: error: cannot write: it is a folder" -- scan "$estate" -o "$out/dir.json"

# What to scan.
mkdir -p "$out/empty"
expect "empty folder" 2 "no configuration files found" -- scan "$out/empty"
expect "missing folder" 2 "does-not-exist: error: " -- scan "$out/does-not-exist"

# Options.
expect "single-dash long option" 2 "unknown option '-profile'; did you mean '--profile'?" -- \
  scan -profile "$profile" "$estate"
expect "misspelt long option" 2 "unknown option '--atest'; did you mean '--attest'?" -- \
  scan --atest "$attest" "$estate"
expect "option without its value" 2 "--profile needs a value" -- scan "$estate" --profile
expect "unknown vendor lists the valid ones" 2 \
  "unknown dialect 'cisco-ioss' (did you mean 'cisco-ios'?); --vendor takes one of: cisco-ios, cisco-nxos" -- \
  scan --vendor cisco-ioss "$estate"
expect "unknown command" 2 "unknown command 'scna'; did you mean 'scan'?" -- "$bin" scna "$estate"
expect "history: misspelt option" 2 "unknown option '--dbb'; did you mean '--db'?" -- "$bin" history --dbb x

# explain: any case, short measure serials, nearest id.
expect "explain lower case check" 0 "" -- "$bin" explain mgmt-telnet
grep -q '^MGMT-TELNET ' "$out/stdout" || bad "explain mgmt-telnet explains MGMT-TELNET"
expect "explain M2.3" 0 "" -- "$bin" explain m2.3
grep -q '^M2.03 ' "$out/stdout" || bad "explain m2.3 explains M2.03"
expect "explain suggests the nearest id" 2 "no check or measure 'MGMT-TELNT'; did you mean MGMT-TELNET?" -- \
  "$bin" explain MGMT-TELNT

# Warnings that do not stop the run, and are listed in the report.
cat > "$out/att.yaml" <<'YAML'
attestations:
  - measure: M99.01
    status: implemented
    date: 2026-01-01
waivers:
  - check: NOPE-CHECK
    devices: "*"
    reason: no such check
    expires: 2027-01-01
  - check: MGMT-TELNET
    devices: "nomatch-*"
    reason: matches nothing
    expires: 2027-01-01
YAML
expect "attestation for an unknown measure warns" 0 \
  "att.yaml:2: warning: attestation for M99.01, which is not a measure of edition 2026 of the Code" -- \
  scan "$estate" --attest "$out/att.yaml" --fail-on never --quiet
grep -qF "att.yaml:6: warning: waiver for unknown check NOPE-CHECK" "$out/stderr" ||
  bad "waiver for an unknown check warns"
grep -qF "att.yaml:10: warning: waiver for MGMT-TELNET matched no device ('nomatch-*')" "$out/stderr" ||
  bad "waiver matching no device warns"
python3 -c "
import json,sys
w=json.load(open(sys.argv[1]))['summary']['input_warnings']
assert len(w)==3 and 'NOPE-CHECK' in w[1], w" "$out/r/report.json" || bad "JSON lists the warnings"
grep -q 'NOPE-CHECK' "$out/r/report.html" || bad "HTML lists the warnings"

# serve: a busy port and a non-loopback address.
"$bin" scan "$estate" --quiet --no-progress --fail-on never --db "$out/h.db"
port=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
python3 -c '
import socket,sys,time
s=socket.socket();s.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)
s.bind(("127.0.0.1",int(sys.argv[1])));s.listen();sys.stdout.write("ready\n");sys.stdout.flush()
time.sleep(600)' "$port" > "$out/holder.out" &
pid=$!
for _ in $(seq 1 100); do grep -q ready "$out/holder.out" && break; sleep 0.1; done
expect "serve on a busy port" 2 "127.0.0.1:$port is already in use" -- \
  "$bin" serve --db "$out/h.db" --listen "127.0.0.1:$port"
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=

"$bin" serve --db "$out/h.db" --listen 0.0.0.0:0 > "$out/serve.out" 2> "$out/serve.err" &
pid=$!
for _ in $(seq 1 100); do grep -q 'http://' "$out/serve.out" && break; sleep 0.1; done
grep -qF "warning: listening on 0.0.0.0:0, beyond this machine; the dashboard has no login" "$out/serve.err" ||
  bad "serve on a non-loopback address warns that there is no login"
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=

echo "cli_errors: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
