#!/usr/bin/env python3
"""Validate the reports tsaudit wrote into a folder.

usage: report_validate.py DIR [--require FORMAT ...]

Looks for report.json, report.sarif, report.oscal.json, report.xml,
report.csv (+ report.measures.csv) and report.html in DIR (any that exist;
all of them with --require all) and checks each one:

  JSON   docs/report.schema.json (draft 2020-12) and internal consistency
  SARIF  the OASIS SARIF 2.1.0 schema
  OSCAL  the NIST OSCAL 1.1.3 assessment-results schema
  JUnit  well-formed, and the Ant JUnit.xsd via xmllint
  CSV    a strict RFC 4180 reader: CRLF, equal column counts, no formula cells
  HTML   parses; one inline script; no event-handler attributes, no external
         resources, a Content-Security-Policy

Schemas come from $TSAUDIT_SCHEMAS or $TSAUDIT_SRC/../shared/schemas.
Exit status 0 when everything checked is valid, 1 otherwise.
"""
import csv
import html.parser
import io
import json
import os
import re
import subprocess
import sys

import jsonschema

SRC = os.environ.get("TSAUDIT_SRC") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
SCHEMAS = os.environ.get("TSAUDIT_SCHEMAS") or os.path.join(SRC, "..", "shared", "schemas")

errors = []
HAVE_SCHEMAS = os.path.isdir(SCHEMAS)


def fail(fmt, *args):
    errors.append(fmt % args)
    print("report_validate: " + (fmt % args), file=sys.stderr)


def load(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        fail("%s: not valid UTF-8: %s", path, e)
        text = data.decode("utf-8", errors="replace")
    return text


def schema_errors(validator, doc, name, limit=10):
    n = 0
    for err in validator.iter_errors(doc):
        n += 1
        if n <= limit:
            where = "/".join(str(p) for p in err.absolute_path)
            fail("%s: schema: at /%s: %s", name, where, err.message[:300])
    return n


def check_json(path):
    doc = json.loads(load(path))
    with open(os.path.join(SRC, "docs", "report.schema.json")) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    schema_errors(jsonschema.Draft202012Validator(schema), doc, path)
    s = doc["summary"]
    if s["devices"]["total"] != len(doc["devices"]):
        fail("%s: summary.devices.total %d != %d devices", path, s["devices"]["total"],
             len(doc["devices"]))
    for v, n in s["verdicts"].items():
        got = sum(d["counts"][v] for d in doc["devices"] if not d["excluded"] and not d["unreadable"])
        if got != n:
            fail("%s: summary.verdicts.%s %d != sum over devices %d", path, v, n, got)
    for d in doc["devices"]:
        if len(d["results"]) != sum(d["counts"].values()):
            fail("%s: %s: counts do not add up to the results", path, d["file"])
    if doc["measures"]:
        total = s["measures"]["total"]
        if total != len(doc["measures"]):
            fail("%s: summary.measures.total %d != %d measures", path, total, len(doc["measures"]))
        by = {}
        for m in doc["measures"]:
            by[m["status"]] = by.get(m["status"], 0) + 1
        for k, n in by.items():
            if s["measures"][k] != n:
                fail("%s: summary.measures.%s %d != %d", path, k, s["measures"][k], n)


def check_sarif(path):
    doc = json.loads(load(path))
    # The OASIS schema and the one code-scanning services fetch (schemastore).
    for name in ("sarif-schema-2.1.0.json", "sarif-2.1.0.schemastore.json"):
        if HAVE_SCHEMAS and os.path.exists(os.path.join(SCHEMAS, name)):
            with open(os.path.join(SCHEMAS, name)) as f:
                schema = json.load(f)
            cls = jsonschema.validators.validator_for(schema)
            schema_errors(cls(schema), doc, path)
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    if len(set(ids)) != len(ids):
        fail("%s: duplicate rule ids", path)
    # helpUri has "format": "uri" in both schemas: an absolute URI (RFC 3986,
    # a scheme first), which jsonschema does not check by itself.
    for r in rules:
        if "helpUri" in r and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s\"<>\\^`{|}]+$", r["helpUri"]):
            fail("%s: %s helpUri %r is not an absolute URI", path, r["id"], r["helpUri"])
    for r in run["results"]:
        if "ruleIndex" in r and ids[r["ruleIndex"]] != r["ruleId"]:
            fail("%s: ruleIndex %d is %s, not %s", path, r["ruleIndex"], ids[r["ruleIndex"]],
                 r["ruleId"])
        for loc in r.get("locations", []):
            art = loc["physicalLocation"]["artifactLocation"]
            if art.get("uriBaseId") not in (None, "SCANROOT", "SRCROOT"):
                fail("%s: unexpected uriBaseId %s", path, art.get("uriBaseId"))
            if art.get("uriBaseId") and (art["uri"].startswith("/") or ":" in art["uri"].split("/")[0]):
                fail("%s: uri %s is not relative", path, art["uri"])
    for name, b in run["originalUriBaseIds"].items():
        base = b["uri"]
        if not base.startswith("file://") or not base.endswith("/"):
            fail("%s: %s %s must be an absolute file URI ending in /", path, name, base)


# Python's re has no \p{..}: the OSCAL schema's token patterns use \p{L} and \p{N}.
def _unicode_classes(obj):
    if isinstance(obj, dict):
        return {k: _unicode_classes(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_unicode_classes(v) for v in obj]
    if isinstance(obj, str):
        return obj.replace("\\p{L}", "[^\\W\\d_]").replace("\\p{N}", "\\d")
    return obj


def check_oscal(path):
    doc = json.loads(load(path))
    if HAVE_SCHEMAS:
        with open(os.path.join(SCHEMAS, "oscal_assessment-results_schema.json")) as f:
            schema = json.load(f)
        schema = _unicode_classes(schema)
        fc = jsonschema.Draft7Validator.FORMAT_CHECKER
        schema_errors(jsonschema.Draft7Validator(schema, format_checker=fc), doc, path)
    ar = doc["assessment-results"]
    href = ar["import-ap"]["href"]
    plans = {r["uuid"] for r in ar.get("back-matter", {}).get("resources", [])}
    if not href.startswith("#") or href[1:] not in plans:
        fail("%s: import-ap %s names no back-matter resource (a dangling link)", path, href)
    res = ar["results"][0]
    uuids = [o["uuid"] for o in res.get("observations", [])]
    if len(set(uuids)) != len(uuids):
        fail("%s: duplicate observation uuids", path)
    known = set(uuids)
    for fnd in res.get("findings", []):
        for ro in fnd.get("related-observations", []):
            if ro["observation-uuid"] not in known:
                fail("%s: finding %s points at a missing observation", path, fnd["target"]["target-id"])
    for u in uuids:
        if u[14] not in "45":
            fail("%s: uuid %s is not version 4/5", path, u)


def check_junit(path):
    text = load(path)
    import xml.dom.minidom
    try:
        xml.dom.minidom.parseString(text.encode("utf-8"))
    except Exception as e:  # noqa: BLE001
        fail("%s: not well-formed XML: %s", path, e)
        return
    if not HAVE_SCHEMAS:
        return
    xsd = os.path.join(SCHEMAS, "JUnit.xsd")
    try:
        p = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True,
                           text=True)
    except FileNotFoundError:
        fail("xmllint is missing (scripts/bootstrap --test installs libxml2-utils)")
        return
    if p.returncode != 0:
        fail("%s: JUnit.xsd: %s", path, p.stderr.strip()[:2000])


def check_csv_file(path, first_header):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    # Every record ends with CRLF; a bare LF may only appear inside a quoted cell.
    if not text.endswith("\r\n"):
        fail("%s: does not end with CRLF", path)
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True, doublequote=True))
    if not rows or rows[0][0] != first_header:
        fail("%s: unexpected header %s", path, rows[0] if rows else None)
        return rows
    width = len(rows[0])
    for i, r in enumerate(rows):
        if len(r) != width:
            fail("%s: row %d has %d cells, header has %d", path, i + 1, len(r), width)
        for c in r:
            if c and c[0] in "=+-@\t\r":
                fail("%s: row %d: cell starts like a formula: %r", path, i + 1, c[:40])
    # Outside quotes, line ends are CRLF only.
    inq = False
    for i, ch in enumerate(text):
        if ch == '"':
            inq = not inq
        elif ch == "\n" and not inq and (i == 0 or text[i - 1] != "\r"):
            fail("%s: bare LF outside a quoted cell at byte %d", path, i)
            break
    return rows


def check_csv(path):
    check_csv_file(path, "scope")
    side = path[:-4] + ".measures.csv"
    if os.path.exists(side):
        check_csv_file(side, "id")


class _Html(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts = []
        self.in_script = None
        self.csp = None
        self.bad = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k, v in attrs:
            if k.startswith("on"):
                self.bad.append("event handler attribute %s on <%s>" % (k, tag))
            if k in ("src", "srcset", "background", "poster", "data"):
                self.bad.append("external resource %s=%r on <%s>" % (k, v, tag))
            if k == "href" and v and not v.startswith("#"):
                self.bad.append("link %r on <%s>" % (v, tag))
        if tag in ("link", "img", "iframe", "object", "embed", "base", "form", "textarea"):
            self.bad.append("element <%s>" % tag)
        if tag == "meta" and a.get("http-equiv", "").lower() == "content-security-policy":
            self.csp = a.get("content")
        if tag == "script":
            self.in_script = a
            self.scripts.append([a, ""])

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = None

    def handle_data(self, data):
        if self.in_script is not None:
            self.scripts[-1][1] += data


def check_html(path):
    text = load(path)
    p = _Html()
    p.feed(text)
    p.close()
    for b in p.bad:
        fail("%s: %s", path, b)
    if not p.csp or "default-src 'none'" not in p.csp:
        fail("%s: no strict Content-Security-Policy", path)
    runnable = [s for s in p.scripts if s[0].get("type") in (None, "", "text/javascript", "module")]
    if len(runnable) != 1:
        fail("%s: %d executable scripts, expected exactly 1", path, len(runnable))
    if "__pwned" in "".join(s[1] for s in runnable):
        fail("%s: config text reached an executable script", path)
    # The CSP hash must match the script, or the page would not work.
    if runnable and p.csp:
        import base64
        import hashlib
        h = base64.b64encode(hashlib.sha256(runnable[0][1].encode("utf-8")).digest()).decode()
        if ("'sha256-%s'" % h) not in p.csp:
            fail("%s: the CSP does not allow the inline script (hash mismatch)", path)


CHECKS = [
    ("report.json", check_json),
    ("report.sarif", check_sarif),
    ("report.oscal.json", check_oscal),
    ("report.xml", check_junit),
    ("report.csv", check_csv),
    ("report.html", check_html),
]


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = argv[1]
    if not HAVE_SCHEMAS:
        print("report_validate: note: no schema folder at %s (set TSAUDIT_SCHEMAS); "
              "SARIF, OSCAL and JUnit checked for structure only" % SCHEMAS, file=sys.stderr)
    require = "--require" in argv
    seen = 0
    for name, fn in CHECKS:
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            if require:
                fail("%s is missing", path)
            continue
        seen += 1
        try:
            fn(path)
        except Exception as e:  # noqa: BLE001
            fail("%s: %s: %s", path, type(e).__name__, e)
    if not seen:
        fail("no reports found in %s", folder)
    if errors:
        print("report_validate: %d problem(s)" % len(errors), file=sys.stderr)
        return 1
    print("report_validate: %d report(s) valid" % seen)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
