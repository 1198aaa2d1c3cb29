#!/usr/bin/env python3
"""A --json-compact report says the same as the full one.

Usage: json_compact.py FULL.json COMPACT.json SCHEMA.json

Both validate against the report schema; the compact one has a top-level
"checks" object, and every full result is rebuilt exactly from the compact
result and its check's entry (remediation: the result's own, else the
check's for the device's dialect, else the one for any platform). Prints the
two sizes.
"""
import json
import os
import sys

import jsonschema


def rebuild(result, check, dialect):
    rem = result.get("remediation", check["remediation"].get(dialect, check["remediation"].get("")))
    out = {"check": result["check"], "title": check["title"], "category": check["category"],
           "verdict": result["verdict"], "severity": check["severity"],
           "message": result["message"], "evidence": result["evidence"],
           "remediation": rem, "measures": check["measures"]}
    if "anchor" in result:
        out["anchor"] = result["anchor"]
    if "waiver" in result:
        out["waiver"] = result["waiver"]
    return out


def main():
    full_path, compact_path, schema_path = sys.argv[1:4]
    schema = json.load(open(schema_path))
    full, compact = json.load(open(full_path)), json.load(open(compact_path))
    for name, doc in (("full", full), ("compact", compact)):
        jsonschema.Draft202012Validator(schema).validate(doc)
    assert "checks" not in full and "checks" in compact, "only the compact report has checks"
    bad = 0
    for df, dc in zip(full["devices"], compact["devices"], strict=True):
        for rf, rc in zip(df["results"], dc["results"], strict=True):
            if rebuild(rc, compact["checks"][rc["check"]], df["dialect"]) != rf:
                bad += 1
                if bad <= 3:
                    print("differs:", df["relpath"], rf["check"], file=sys.stderr)
    print("json_compact: %d bytes full, %d compact, %d results differ"
          % (os.path.getsize(full_path), os.path.getsize(compact_path), bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
