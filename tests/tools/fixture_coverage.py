#!/usr/bin/env python3
"""Which check x dialect pairs have a passing and a failing fixture.

Reads the `expect` directives in tests/fixtures/checks/<dialect>/* and the
check ids from `tsaudit checks --format json`, and prints one line per pair
that lacks a pass or a fail fixture (with what it has instead), then totals.
Pairs across the two families are left out: a "Public cloud" check on a
router dialect, and on a cloud dialect a router check that no cloud fixture
expects anything of (docs/cloud.md: those are not applicable there).

A side the configuration of a dialect cannot show is declared on a fixture
of the pair, with the reason: `-- no failing form: WHY` on a passing
fixture (the pair counts as "pass only"), `-- no passing form: WHY` on a
failing or needs_context fixture (the pair counts as "fail only"). Such
pairs are listed with their reasons under --all, never counted as covered.

    tests/tools/fixture_coverage.py BUILD/tsaudit [--all]
"""
import json
import os
import re
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
FIX = os.path.join(ROOT, "tests", "fixtures", "checks")
DIRECTIVE = re.compile(r"^\s*(?:!|#|//)\s*(expect|pending-expect)\s+(\S+)\s+(\S+)(.*)")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: fixture_coverage.py TSAUDIT [--all]")
    show_all = "--all" in sys.argv[2:]
    out = subprocess.run([sys.argv[1], "checks", "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    data = json.loads(out)
    rows = data["checks"] if isinstance(data, dict) else data
    checks = [c["id"] for c in rows]
    cloud_checks = {c["id"] for c in rows if c.get("category") == "Public cloud"}
    dialects = sorted(d for d in os.listdir(FIX) if os.path.isdir(os.path.join(FIX, d)))
    seen = {}
    why = {}
    for d in dialects:
        for name in sorted(os.listdir(os.path.join(FIX, d))):
            with open(os.path.join(FIX, d, name), encoding="utf-8", errors="replace") as f:
                for line in f:
                    m = DIRECTIVE.match(line)
                    if m:
                        kind = "pending" if m.group(1) == "pending-expect" else m.group(3)
                        if kind == "pass" and "-- no failing form:" in m.group(4):
                            kind = "pass-only"
                        elif kind in ("fail", "needs_context") and "-- no passing form:" in m.group(4):
                            seen.setdefault((m.group(2), d), set()).add(kind)
                            kind = "fail-only"
                            why.setdefault((m.group(2), d), m.group(4).split("form:", 1)[1].strip())
                        seen.setdefault((m.group(2), d), set()).add(kind)
    cloud_dialects = {"aws", "azure", "gcp", "terraform"}
    # Router checks with a cloud meaning: a cloud fixture expects a verdict of them.
    carried = {c for (c, d), got in seen.items()
               if d in cloud_dialects and c not in cloud_checks and got - {"not_applicable"}}
    full = na = unknown = passonly = failonly = family = 0
    gaps = []
    for c in checks:
        for d in dialects:
            got = seen.get((c, d), set())
            if (c in cloud_checks and d not in cloud_dialects) or (
                    d in cloud_dialects and c not in cloud_checks and c not in carried):
                family += 1
                continue
            if {"pass", "fail"} <= got:
                full += 1
            elif "pass-only" in got:
                passonly += 1
            elif "fail-only" in got:
                failonly += 1
            elif "not_applicable" in got:
                na += 1
            elif "unknown" in got and not got & {"pass", "fail"}:
                unknown += 1
            else:
                gaps.append((c, d, got))
            if show_all:
                note = f"  ({why[(c, d)]})" if (c, d) in why else ""
                print(f"{c:28} {d:14} {','.join(sorted(got)) or '-'}{note}")
    if not show_all:
        for c, d, got in gaps:
            print(f"{c:28} {d:14} has {','.join(sorted(got)) or 'nothing'}")
    total = len(checks) * len(dialects)
    print(f"pairs {total}: pass+fail {full}, not_applicable {na}, unknown only {unknown}, "
          f"pass only (no failing form) {passonly}, fail only (no passing form) {failonly}, "
          f"other family {family}, gaps {len(gaps)}")


if __name__ == "__main__":
    main()
