#!/usr/bin/env bash
# inventory.sh - what the operator's inventories say a device is, and
# --exclude, end to end (tests/fixtures/inventory/):
#
# - a RANCID tree: router.db types an IOS skeleton that detection alone
#   calls unknown as `cisco`, and the scan audits it as cisco-ios; a device
#   marked `down` is excluded, with router.db's line as the reason; an `h3c`
#   device is listed as not audited; the exit status is 0 (--fail-on never);
# - Oxidized router.db-style (name:model), Nornir hosts.yaml and Ansible YAML
#   and INI inventories given with --inventory name the same three devices;
# - an inventory that contradicts the content warns, naming both readings;
# - --exclude GLOB matches paths relative to the scanned folder;
# - the profile's devices: rules give a dialect or exclude, before inventories.
# Env: TSAUDIT_BIN (the binary), TSAUDIT_SRC (repo root).
set -u

BIN=${TSAUDIT_BIN:?TSAUDIT_BIN must name the tsaudit binary}
SRC=${TSAUDIT_SRC:-.}
FIX=$SRC/tests/fixtures/inventory
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail=0
bad() {
    echo "FAIL: $*"
    fail=1
}

# expect_reading OUTPUT-FILE FILE-SUFFIX READING
expect_reading() {
    local got
    got=$(awk -F'\t' -v f="$2" 'index($1, f) && substr($1, length($1) - length(f) + 1) == f { print $2 }' "$1")
    [ "$got" = "$3" ] || bad "$2: read as '${got:-nothing}', expected $3 ($1)"
}

# ------------------------------------------------------------- RANCID tree
"$BIN" detect --explain "$FIX/rancid" >"$TMP/rancid.txt" 2>"$TMP/rancid.err" || bad "detect rancid exited $?"
expect_reading "$TMP/rancid.txt" configs/amb1.example.net cisco-ios
expect_reading "$TMP/rancid.txt" configs/pe1.example.net cisco-iosxr
expect_reading "$TMP/rancid.txt" configs/sw7.example.net unsupported:h3c-comware
expect_reading "$TMP/rancid.txt" configs/old-rtr.example.net excluded
grep -q 'decided by: inventory' "$TMP/rancid.txt" || bad "detect --explain does not name the inventory"
# Without its router.db the IOS skeleton is not IOS.
"$BIN" detect "$FIX/rancid/core/configs/amb1.example.net" >"$TMP/alone.txt"
expect_reading "$TMP/alone.txt" amb1.example.net unknown

"$BIN" scan "$FIX/rancid" --quiet --fail-on never -o "$TMP/rancid.json" 2>"$TMP/scan.err"
rc=$?
[ $rc -eq 0 ] || bad "scan of the RANCID tree exited $rc, expected 0"
python3 - "$TMP/rancid.json" <<'EOF' || fail=1
import json, sys
r = json.load(open(sys.argv[1]))
dev = {d["relpath"]: d for d in r["devices"]}
def need(cond, msg):
    if not cond:
        print("FAIL:", msg)
        sys.exit(1)
amb = dev["core/configs/amb1.example.net"]
need(amb["dialect"] == "cisco-ios" and amb["results"], "amb1 not audited as cisco-ios")
old = dev["core/configs/old-rtr.example.net"]
need(old["excluded"] and "down" in old.get("excluded_reason", "") and "router.db:5" in old["excluded_reason"],
     "old-rtr not excluded as down with router.db's line")
sw7 = dev["core/configs/sw7.example.net"]
need(sw7.get("not_audited", {}).get("reading") == "unsupported:h3c-comware", "sw7 not listed as unsupported")
cov = r["summary"]["coverage"]
need(cov["text"].startswith("2 of 3 devices audited; 1 not audited: 1 H3C / HPE Comware"), cov["text"])
EOF

# RANCID types ASA firewalls "cisco" too: the content decides between the two,
# silently, and an IOS device under "cisco" stays IOS.
mkdir -p "$TMP/rtree/fw/configs"
cp "$SRC/examples/estate/security/lon-fw1" "$TMP/rtree/fw/configs/lon-fw1"
cp "$SRC/examples/estate/edge/lon-pe1" "$TMP/rtree/fw/configs/lon-pe1"
printf 'lon-fw1;cisco;up\nlon-pe1;cisco;up\n' >"$TMP/rtree/fw/router.db"
"$BIN" detect "$TMP/rtree" >"$TMP/rtree.txt" 2>"$TMP/rtree.err"
expect_reading "$TMP/rtree.txt" configs/lon-fw1 cisco-asa
expect_reading "$TMP/rtree.txt" configs/lon-pe1 cisco-ios
grep -q "contradict\|says cisco-ios" "$TMP/rtree.err" && bad "an ASA typed 'cisco' warns: $(cat "$TMP/rtree.err")"

# ----------------------------------------------- --inventory, four formats
for inv in oxidized/router.db nornir/hosts.yaml ansible/inventory.yml ansible/hosts.ini; do
    if [ "$inv" = oxidized/router.db ]; then dir=$FIX/oxidized/configs a=edge1 b=edge3 c=edge2; else dir=$FIX/configs a=r1.cfg b=r2.cfg c=sw3.cfg; fi
    "$BIN" detect --inventory "$FIX/$inv" "$dir" >"$TMP/inv.txt" 2>"$TMP/inv.err" || bad "$inv: detect exited $?"
    expect_reading "$TMP/inv.txt" "/$a" cisco-ios
    expect_reading "$TMP/inv.txt" "/$b" juniper-junos
    expect_reading "$TMP/inv.txt" "/$c" unsupported:h3c-comware
    grep -q "$inv" "$TMP/inv.txt" || bad "$inv: the entry's file:line is not the signal"
done

# ---------------------------------------- contradiction, --exclude, profile
mkdir -p "$TMP/tree/g/configs" "$TMP/tree/lab" "$TMP/tree/ext"
printf 'x.example.net;cisco;up\n' >"$TMP/tree/g/router.db"
cp "$FIX/oxidized/configs/edge3" "$TMP/tree/g/configs/x.example.net"
cp "$FIX/oxidized/configs/edge3" "$TMP/tree/lab/y.cfg"
cp "$FIX/rancid/core/configs/amb1.example.net" "$TMP/tree/ext/z.cfg"
cp "$FIX/rancid/core/configs/amb1.example.net" "$TMP/tree/ext/gone.cfg"
cat >"$TMP/profile.yaml" <<'EOF'
devices:
  - match: "ext/gone.cfg"
    exclude: true
  - match: "ext/*"
    dialect: cisco-ios
EOF
"$BIN" scan "$TMP/tree" --quiet --fail-on never --exclude 'lab/*' --profile "$TMP/profile.yaml" \
    -o "$TMP/tree.json" 2>"$TMP/tree.err"
rc=$?
[ $rc -eq 0 ] || bad "scan with --exclude and a profile exited $rc"
grep -q 'warning: .*says cisco-ios, the content reads as juniper-junos' "$TMP/tree.err" ||
    bad "no warning naming both readings when router.db contradicts the content"
python3 - "$TMP/tree.json" <<'EOF' || fail=1
import json, sys
dev = {d["relpath"]: d for d in json.load(open(sys.argv[1]))["devices"]}
ok = ("lab/y.cfg" not in dev and dev["ext/z.cfg"]["dialect"] == "cisco-ios"
      and dev["ext/z.cfg"]["results"] and dev["ext/gone.cfg"]["excluded"]
      and "profile" in dev["ext/gone.cfg"]["excluded_reason"])
if not ok:
    print("FAIL: --exclude 'lab/*' or the profile's devices: rules not applied:", sorted(dev))
    sys.exit(1)
EOF

[ $fail -eq 0 ] && echo "inventory: ok" || echo "inventory: FAILED"
exit $fail
