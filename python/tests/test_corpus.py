"""The package says what the command says.

For every file of the shared corpus and of the check fixtures, the device
assessed alone by tsaudit.audit_file() equals that device in the JSON report
of 'tsaudit scan' over the folder: every field but the name it was given by,
every result but those of fleet-scope checks (CRED-UNIQUE-PER-DEVICE: whether
a secret is reused depends on the other devices scanned, which a device
assessed alone does not have), and the counts less those results. For a
device scanned alone by the command, it is equal in every result, fleet
checks included. tsaudit.scan() gives the command's whole report, fleet
findings and measures included."""

import os

import pytest

import tsaudit
from conftest import cli_scan

# The file name a device is known by depends on how it was found (a scan
# root and the path below it, or the path given).
NAMING = ("file", "relpath")


FLEET = {c["check"] for c in tsaudit.checks() if c["scope"] == "fleet"}


def device_view(d: dict, alone: bool = True) -> dict:
    """What a device assessed alone shares with the same device in an estate."""
    out = {k: v for k, v in d.items() if k not in NAMING}
    if alone and "results" in out:
        out["results"] = [r for r in out["results"] if r["check"] not in FLEET]
        counts = dict.fromkeys(out.get("counts", {}), 0)
        for r in out["results"]:
            counts[r["verdict"]] += 1
        out["counts"] = counts
    return out


def assert_same_devices(report: dict, name: str) -> int:
    assert report["devices"], f"{name}: the scan found no devices"
    assert FLEET == {"CRED-UNIQUE-PER-DEVICE"}, FLEET
    ctx = tsaudit.Context()
    mismatches = []
    for d in report["devices"]:
        mine = ctx.audit_file(d["file"], strict=False).to_dict()
        if device_view(mine) != device_view(d):
            diff = [k for k in set(mine) | set(d)
                    if k not in NAMING and mine.get(k) != d.get(k)]
            mismatches.append(f"{d['file']}: {', '.join(sorted(diff))}")
    assert not mismatches, f"{len(mismatches)} devices differ:\n" + "\n".join(mismatches[:20])
    return len(report["devices"])


def test_every_corpus_file_matches_the_cli(tsaudit_bin, corpus):
    report = cli_scan(tsaudit_bin, [corpus])
    files = sum(1 for root, dirs, names in os.walk(corpus)
                for n in names if not n.startswith(".") and n not in ("MANIFEST.tsv", "README.md"))
    n = assert_same_devices(report, "corpus")
    # Every file the scan was given is one device of the comparison.
    assert n >= files - 5, f"only {n} devices for {files} corpus files"


def test_a_device_scanned_alone_matches_in_every_result(tsaudit_bin, src, corpus):
    files = [src / "examples" / "estate" / "core" / "lon-cr1"]
    for dialect_dir in sorted(p for p in corpus.iterdir() if p.is_dir()):
        files += sorted(p for p in dialect_dir.iterdir() if p.is_file())[:3]
    ctx = tsaudit.Context()
    checked = 0
    for f in files:
        cli = cli_scan(tsaudit_bin, [f])["devices"][0]
        mine = ctx.audit_file(f, strict=False).to_dict()
        cred = [r for r in cli.get("results", ()) if r["check"] in FLEET]
        if cred and cred[0]["verdict"] != "unknown":
            # Scanned alone, the command compares the device with no other:
            # the library assessing one device leaves reuse to the estate.
            mine_cred = [r for r in mine["results"] if r["check"] in FLEET]
            assert mine_cred[0]["verdict"] in ("unknown", cred[0]["verdict"]), f
        assert device_view(mine) == device_view(cli), f
        checked += 1
    assert checked > 20


def test_every_check_fixture_matches_the_cli(tsaudit_bin, src):
    report = cli_scan(tsaudit_bin, [src / "tests" / "fixtures" / "checks"])
    assert assert_same_devices(report, "fixtures") > 50


def test_scan_of_the_corpus_equals_the_cli_report(tsaudit_bin, corpus, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    cli = cli_scan(tsaudit_bin, [corpus])
    mine = tsaudit.scan([str(corpus)], jobs=2)
    assert mine.status == 2 or mine.status == 0
    assert mine.to_dict() == cli
    assert len(mine.devices) == len(cli["devices"]) > 1000


def test_scan_equals_the_cli_report(tsaudit_bin, src, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    est = src / "examples" / "estate"
    prof, att = src / "examples" / "profile.yaml", src / "examples" / "attestations.yaml"
    cli = cli_scan(tsaudit_bin, [est], "--profile", str(prof), "--attest", str(att))
    mine = tsaudit.scan([str(est)], profile=str(prof), attestations=str(att), jobs=2)
    assert mine.status == 0
    assert mine.to_dict() == cli
    assert mine.fleet == cli["fleet"] and mine.measures == cli["measures"]
