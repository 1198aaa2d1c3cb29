#!/usr/bin/env bash
# 'tsaudit serve' with real HTTP requests on a loopback port: pages, JSON API,
# read-only methods, security headers, and a bounded load of concurrent
# requests after which it still answers.
set -u
bin=${TSAUDIT_BIN:?}
src=${TSAUDIT_SRC:?}
out=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$out"; }
trap cleanup EXIT
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $1"; fi; }

common=(--profile "$src/examples/profile.yaml" --attest "$src/examples/attestations.yaml"
        --as-of 2026-11-29 --no-progress --quiet --fail-on never --db "$out/h.db")
"$bin" scan "$src/examples/estate" "${common[@]}"
mkdir -p "$out/estate2" && cp -r "$src/examples/estate/." "$out/estate2/" && rm -rf "$out/estate2/access"
"$bin" scan "$out/estate2" "${common[@]}"

# start_serve DB NAME [OPTION...]: serve DB in the background; sets pid and url.
start_serve() {
  local db=$1 name=$2
  shift 2
  "$bin" serve --db "$db" --listen 127.0.0.1:0 "$@" > "$out/$name.out" 2> "$out/$name.err" &
  pid=$!
  url=
  for _ in $(seq 1 100); do
    url=$(grep -o 'http://127.0.0.1:[0-9]*' "$out/$name.out" 2>/dev/null | head -1)
    [ -n "$url" ] && break
    sleep 0.1
  done
}
start_serve "$out/h.db" serve
check "serve prints its address" "[ -n '$url' ]"
[ -n "$url" ] || { echo "$passed passed, $failed failed"; exit 1; }

get() { curl -s -o "$out/body" -D "$out/headers" -w '%{http_code}' --max-time 20 "$@"; }
# status CODE WHAT CURL-ARGS...: one request answered with CODE.
status() { local want=$1 what=$2; shift 2; code=$(get "$@"); check "$what ($want)" "[ '$code' = $want ]"; }

status 200 "runs page 200" "$url/"
check "runs page lists both runs" "grep -q 'href=\"/runs/1\"' '$out/body' && grep -q 'href=\"/runs/2\"' '$out/body'"
check "CSP header" "grep -qi '^content-security-policy: default-src .none.' '$out/headers'"
check "CSP has no unsafe-inline" "! grep -qi 'unsafe-inline' '$out/headers'"
check "nosniff header" "grep -qi '^x-content-type-options: nosniff' '$out/headers'"
check "frame denial" "grep -qi '^x-frame-options: deny' '$out/headers'"
dev=$(grep -o 'href="/devices?path=[^"]*"' "$out/body" | head -1 | sed 's/^href="//; s/"$//')

status 200 "run page 200" "$url/runs/2"
check "run page is the HTML report" "grep -q 'Example Telecom Ltd' '$out/body' && grep -q '<svg' '$out/body'"
code=$(get "$url/trends")
check "trends page 200 with charts" "[ '$code' = 200 ] && grep -q 'id=\"chart-failures\"' '$out/body'"
code=$(get "$url$dev")
check "device history 200" "[ '$code' = 200 ] && grep -q 'Device history' '$out/body'"
check "device page: current findings with failing since" "grep -q 'id=\"findings\"' '$out/body' && grep -q 'class=\"since-run\"' '$out/body'"
check "device page: breadcrumbs back to the overview" "grep -q '<nav class=\"crumbs\"[^>]*><a href=\"/\">Overview</a>' '$out/body'"
code=$(get "$url/diff?a=1&b=2")
check "diff page 200 with its sections" "[ '$code' = 200 ] && grep -q 'id=\"new-failures\"' '$out/body' && grep -q 'id=\"by-device\"' '$out/body'"
check "diff page lists the removed devices" "grep -c 'href=\"/devices?path=access/' '$out/body' | grep -qv '^0$'"
check "runs page offers the comparison" "get '$url/' >/dev/null && grep -q 'action=\"/diff\"' '$out/body'"
status 404 "diff of an unknown run 404" "$url/diff?a=1&b=999"
check "... as a page leading back" "grep -q '<a href=\"/\">Overview</a>' '$out/body' && grep -qi '^content-type: text/html' '$out/headers'"
code=$(get "$url/measures")
check "measures page 200 with failing since" "[ '$code' = 200 ] && grep -q 'id=\"measures\"' '$out/body' && grep -q 'class=\"since-run\"' '$out/body'"
code=$(get "$url/trends")
check "trends page has a verdicts chart with date labels" "grep -q 'id=\"chart-verdicts\"' '$out/body' && grep -q 'class=\"date\"[^>]*>20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]<' '$out/body'"
for page in / /trends /measures "$dev" "/diff?a=1&b=2" /nothing-here; do
  get "$url$page" > /dev/null
  check "$page links back to the overview" "grep -q '<header>.*<a href=\"/\">Overview</a>' '$out/body'"
done
code=$(get "$url/runs/2")
check "the stored run carries the dashboard's bar" "[ '$code' = 200 ] && grep -q 'id=\"dashboard-bar\"' '$out/body' && grep -q '<a href=\"/\">Overview</a>' '$out/body'"
check "its own policy admits the bar's stylesheet by hash only" "grep -q \"style-src 'sha256-[^']*' 'sha256-[^']*'; script-src\" '$out/body' && ! grep -qi unsafe-inline '$out/body'"

code=$(get "$url/api/runs")
check "api/runs is JSON with two runs" "[ '$code' = 200 ] && python3 -c \"import json;assert len(json.load(open('$out/body')))==2\""
check "api content type" "grep -qi '^content-type: application/json' '$out/headers'"
get "$url/trends" > /dev/null && cp "$out/body" "$out/trends.html"
code=$(get "$url/api/runs/1")
check "trends: run 1's fail, pass and unknown totals are its report's" "python3 - '$out/trends.html' '$out/body' <<'PY'
import collections, json, re, sys
page = open(sys.argv[1]).read()
chart = page[page.index('id=\"chart-verdicts\"'):]
chart = chart[:chart.index('</svg>')]
shown = {k: int(v) for k, v in re.findall(r'\(run 1\): (fail|pass|unknown) (\d+)</title>', chart)}
counts = collections.Counter(r['verdict'] for d in json.load(open(sys.argv[2]))['devices'] for r in d['results'])
assert shown == {k: counts[k] for k in ('fail', 'pass', 'unknown')}, (shown, counts)
PY"
check "api/runs/1 is the JSON report" "[ '$code' = 200 ] && python3 -c \"import json;d=json.load(open('$out/body'));assert len(d['devices'])==14\""
code=$(get "$url/api/diff?a=1&b=2")
check "api/diff" "[ '$code' = 200 ] && python3 -c \"import json;d=json.load(open('$out/body'));assert d['a']==1 and d['b']==2 and len(d['devices_removed'])==3\""
"$bin" diff --db "$out/h.db" --format json 1 2 > "$out/cli-diff.json" 2>/dev/null
check "api/diff lists what 'tsaudit diff' lists, in the same order" "python3 - '$out/cli-diff.json' '$out/body' <<'PY'
import json, sys
cli, api = (json.load(open(f)) for f in sys.argv[1:3])
def key(e):
    return (e.get('device'), e.get('check') or e.get('measure') or e.get('dialect') or e.get('item'),
            e.get('from'), e.get('to'))
for k in ('devices_added', 'devices_removed', 'new_failures', 'fixed', 'still_failing', 'measures_changed'):
    assert [key(e) for e in cli[k]] == [key(e) for e in api[k]], k
assert len(api['measures_changed']) >= 2 and len(api['still_failing']) > 100
PY"
status 404 "unknown run 404" "$url/api/runs/999"
status 404 "unknown page 404" "$url/nothing-here"
for m in POST PUT DELETE PATCH; do
  code=$(get -X $m --data 'x=1' "$url/api/runs")
  check "$m refused with 405" "[ '$code' = 405 ] && grep -qi '^allow: GET, HEAD' '$out/headers'"
done

# DNS rebinding: a name that resolves here but is not this server's is refused,
# on pages and on the API; the API refuses other sites' pages.
port=${url##*:}
for h in "evil.example.com:$port" "evil.example.com" "127.0.0.1:1" "[::1]:$port"; do
  status 403 "Host '$h' refused on the API" -H "Host: $h" "$url/api/runs"
  status 403 "Host '$h' refused on pages" -H "Host: $h" "$url/"
  check "the refusal names --allow-host" "grep -q -- --allow-host '$out/body'"
done
for h in "localhost:$port" "127.0.0.1:$port" "LOCALHOST"; do
  status 200 "Host '$h' answered" -H "Host: $h" "$url/api/runs"
done
status 403 "cross-origin API request refused" -H "Origin: http://evil.example.com" "$url/api/runs"
status 200 "same-origin API request answered" -H "Origin: http://127.0.0.1:$port" "$url/api/runs"
status 403 "API fetched by another site refused" -H "Sec-Fetch-Site: cross-site" "$url/api/diff?a=1&b=2"
status 200 "a link from another site still opens the runs page" -H "Sec-Fetch-Site: cross-site" "$url/"

# A bounded load: 400 requests, 200 at a time, over several pages.
seq 1 400 | sed "s|.*|$url/api/runs|; 0~3s|api/runs|trends|; 0~7s|trends|runs/1|" > "$out/urls"
start=$(date +%s)
xargs -P 200 -n 1 curl -s -o /dev/null -w '%{http_code}\n' --max-time 60 < "$out/urls" > "$out/codes"
ok=$(grep -c '^200$' "$out/codes")
check "400 concurrent requests all answered 200 (got $ok)" "[ '$ok' = 400 ]"
status 200 "still up after the load" "$url/api/runs"
# The only diagnostic expected is the one for the unknown run asked for above.
check "serve wrote no other errors" "! grep -v \"no complete run '999'\" '$out/serve.err' | grep -q ."
echo "load: 400 requests, 200 concurrent, in $(( $(date +%s) - start )) s"

# Connection exhaustion: 1,100 idle sockets do not lock others out, and a
# request whose headers drip in a byte at a time is cut off (deadline 10 s;
# the bound here is generous, the time is reported).
python3 - "${url##*:}" > "$out/exhaust" 2>&1 <<'PY'
import resource, socket, sys, time, urllib.request
port = int(sys.argv[1])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
if hard != resource.RLIM_INFINITY and hard < 2048:
    print("idle: skipped (descriptor limit %d)" % hard)
else:
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(1100)]
    r = urllib.request.urlopen("http://127.0.0.1:%d/api/runs" % port, timeout=30)
    print("idle: answered %d with 1100 idle connections open" % r.status)
    for s in idle:
        s.close()
s = socket.create_connection(("127.0.0.1", port))
t = time.time()
s.sendall(b"GET / HTTP/1.1\r\n")
closed = None
while closed is None and time.time() - t < 60:
    try:
        s.sendall(b"X")
        s.settimeout(2)
        if s.recv(100) == b"":
            closed = time.time() - t
    except socket.timeout:
        pass
    except OSError:
        closed = time.time() - t
print("drip: closed after %s s" % (round(closed, 1) if closed else "never (60)"))
sys.exit(0 if closed else 1)
PY
check "slow header drip cut off and idle sockets do not block ($(tr '\n' ';' < "$out/exhaust"))" \
  "grep -q '^drip: closed' '$out/exhaust' && ! grep -q 'Error\|Traceback' '$out/exhaust'"
status 200 "still up after the exhaustion attempts" "$url/api/runs"
kill "$pid"; wait "$pid" 2>/dev/null; pid=

start_serve "$out/h.db" allow --allow-host dash.example.net,Other.Example
status 200 "--allow-host name answered" -H "Host: dash.example.net:${url##*:}" "$url/api/runs"
status 200 "--allow-host names are case-insensitive" -H "Host: other.example" "$url/"
status 403 "other names still refused" -H "Host: evil.example.com" "$url/"
kill "$pid"; wait "$pid" 2>/dev/null; pid=
"$bin" serve --db "$out/h.db" --allow-host 'bad host:80' > /dev/null 2> "$out/err"
check "a bad --allow-host is a usage error (exit 2)" "[ $? = 2 ] && grep -q allow-host '$out/err'"

# A run recorded with user rules and a framework, served by a process that
# loads neither: the rules' checks and the requirements render from what the
# run recorded, and the server stays up.
"$bin" scan "$src/examples/estate" --rules "$src/examples/rules" \
  --framework "$src/examples/frameworks/acme-baseline.yaml" --as-of 2026-11-29 \
  --no-progress --quiet --fail-on never --db "$out/rules.db"
start_serve "$out/rules.db" serve2
code=$(get "$url/api/runs/1")
check "api/runs/1 of a run with rules and a framework" "[ '$code' = 200 ] && python3 -c \"
import json
d = json.load(open('$out/body'))
r = [x for dev in d['devices'] for x in dev['results'] if x['check'] == 'ACME-SYSLOG-APPROVED']
assert r and 'not defined' not in r[0]['title'] and r[0]['remediation'], r[:1]
assert [m['id'] for m in d['measures']][:1] == ['NHB-1.1'], d['measures'][:1]
\""
code=$(get "$url/runs/1")
check "the same run as HTML" "[ '$code' = 200 ] && grep -q 'ACME-SYSLOG-APPROVED' '$out/body'"
status 200 "still up after rendering it" "$url/api/runs"
check "no BUG on stderr" "! grep -q BUG '$out/serve2.err'"
kill "$pid"; wait "$pid" 2>/dev/null; pid=

# Host names and paths from configurations reach the pages cleaned as in the
# HTML report: valid UTF-8, no escape character, no markup.
mkdir -p "$out/evil"
printf 'version 15.2\nhostname ev\033[2Jil\377<b>x</b>\nend\n' > "$out/evil/$(printf 'r\033]0;t\007\376.cfg')"
"$bin" scan "$out/evil" --no-progress --quiet --fail-on never --db "$out/evil.db" 2>/dev/null
# The same file walked from a repository whose author and subject carry
# markup and escapes: the commit that began each failure reaches the pages.
git init -q "$out/evil" && git -C "$out/evil" add -A &&
  GIT_AUTHOR_NAME=$(printf '<img src=x>\033[2J') GIT_AUTHOR_EMAIL=e@example.net GIT_COMMITTER_NAME=c \
  GIT_COMMITTER_EMAIL=c@example.net git -C "$out/evil" commit -q -m "$(printf 'fix \033]0;t\007<script>alert(1)</script>')"
"$bin" scan --git "$out/evil" --db "$out/evil.db" --quiet --fail-on never > /dev/null 2>&1
start_serve "$out/evil.db" serve3
clean_page() { python3 -c "
import sys
b = open('$out/body', 'rb').read()
b.decode('utf-8')
assert b'\x1b' not in b and b'\x07' not in b and b'<b>x' not in b, b[:200]
assert b'<script' not in b and b'<img' not in b, b[:200]
"; }
status 200 "runs page of a hostile host name" "$url/"
check "runs page is clean UTF-8 without escapes or markup" clean_page
dev=$(grep -o 'href="/devices?path=[^"]*"' "$out/body" | head -1 | sed 's/^href="//; s/"$//')
status 200 "device page of a hostile path" "$url$dev"
check "device page is clean" clean_page
check "... and names the walked commit" "grep -q 'class=\"since-commit\"' '$out/body' && grep -q '&lt;script&gt;' '$out/body'"
for page in /trends /measures; do
  status 200 "$page with a hostile host name" "$url$page"
  check "$page is clean" clean_page
done
kill "$pid"; wait "$pid" 2>/dev/null; pid=
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
