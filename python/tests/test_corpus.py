"""The package says what the command says: for every file of the shared corpus,
of the check fixtures and of the example estate, the device assessed by
tsaudit.audit_file() equals that device in 'tsaudit scan's JSON report
(everything but the file name it was given by); and tsaudit.scan() gives
the command's whole report."""

import os

import pytest

import tsaudit
from conftest import cli_scan

# The file name a device is known by depends on how it was found (a scan
# root and the path below it, or the path given).
NAMING = ("file", "relpath")


def device_view(d: dict) -> dict:
    return {k: v for k, v in d.items() if k not in NAMING}


def assert_same_devices(report: dict, name: str) -> int:
    assert report["devices"], f"{name}: the scan found no devices"
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


def test_every_check_fixture_matches_the_cli(tsaudit_bin, src):
    report = cli_scan(tsaudit_bin, [src / "tests" / "fixtures" / "checks"])
    assert assert_same_devices(report, "fixtures") > 50


def test_scan_equals_the_cli_report(tsaudit_bin, src, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    est = src / "examples" / "estate"
    prof, att = src / "examples" / "profile.yaml", src / "examples" / "attestations.yaml"
    cli = cli_scan(tsaudit_bin, [est], "--profile", str(prof), "--attest", str(att))
    mine = tsaudit.scan([str(est)], profile=str(prof), attestations=str(att), jobs=2)
    assert mine.status == 0
    assert mine.to_dict() == cli
    assert mine.fleet == cli["fleet"] and mine.measures == cli["measures"]
