"""Shared fixtures of the package's tests: the repository, the CLI binary the
results are compared with, the shared corpus.

TSAUDIT_SRC (the repository root; default: this file's ../..), TSAUDIT_BIN
(the tsaudit binary; default: build/tsaudit), TSAUDIT_CORPUS (default:
../shared/corpus beside the repository) are set by CTest (tests/python.sh).
"""

import json
import os
import subprocess
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

SRC = Path(os.environ.get("TSAUDIT_SRC") or Path(__file__).resolve().parents[2])


@pytest.fixture(scope="session")
def src() -> Path:
    return SRC


@pytest.fixture(scope="session")
def tsaudit_bin() -> str:
    b = os.environ.get("TSAUDIT_BIN") or str(SRC / "build" / "tsaudit")
    if not os.access(b, os.X_OK):
        pytest.fail(f"no tsaudit binary at {b} (set TSAUDIT_BIN)")
    return b


@pytest.fixture(scope="session")
def corpus() -> Path:
    c = Path(os.environ.get("TSAUDIT_CORPUS") or SRC.parent / "shared" / "corpus")
    if not (c / "MANIFEST.tsv").is_file():
        pytest.skip(f"corpus not found at {c}")
    return c


def cli_scan(binary: str, paths, *args) -> dict:
    """The JSON report of 'tsaudit scan' (stdout), whatever its exit status."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    p = subprocess.run([binary, "scan", "--format", "json", "--quiet", "--no-progress",
                        "--fail-on", "never", *args, "--", *map(str, paths)],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, check=False)
    assert p.returncode in (0, 2), p.stderr.decode(errors="replace")[-2000:]
    return json.loads(p.stdout)
