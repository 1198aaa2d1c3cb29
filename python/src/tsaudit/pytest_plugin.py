"""pytest plugin: fail a test when a configuration violates tsaudit's checks.

Installed with the package and loaded by pytest automatically. It adds one
fixture, ``tsaudit_check``::

    def test_branch_template(tsaudit_check):
        config = render("branch.j2", site="lon")
        tsaudit_check(config, dialect="cisco-ios", checks=["MGMT-TELNET", "SNMP-V1V2"])

``tsaudit_check(text, dialect=None, checks=None, min_severity="low",
profile=None, allow_unknown=True)`` audits the text and fails the test
(``pytest.fail``) listing every failed result at or above ``min_severity``
among ``checks`` (all checks when None), each with its message and the
configuration lines behind it. It returns the :class:`tsaudit.DeviceResult`
for further assertions. ``allow_unknown=False`` also fails on checks the
configuration cannot decide. Command-line option ``--tsaudit-profile FILE``
sets the default profile.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Optional

import pytest

import tsaudit

_SEVERITIES = ["info", "low", "medium", "high", "critical"]


def pytest_addoption(parser: Any) -> None:
    group = parser.getgroup("tsaudit")
    group.addoption("--tsaudit-profile", default=None, metavar="FILE",
                    help="provider profile for the tsaudit_check fixture")


def _explain(dev: tsaudit.DeviceResult, bad: list) -> str:
    lines = [f"{dev.hostname or dev.file} ({dev.dialect}): {len(bad)} check(s) violated"]
    for r in bad:
        lines.append(f"  {r.check} [{r.severity}] {r.verdict}: {r.message}")
        for e in r.evidence:
            lines.append(f"      line {e.line}: {e.text}")
    return "\n".join(lines)


@pytest.fixture
def tsaudit_check(request: Any) -> Callable[..., tsaudit.DeviceResult]:
    """Audit a rendered configuration and fail the test on violations."""
    default_profile = request.config.getoption("--tsaudit-profile")

    def check(text: str, dialect: Optional[str] = None, checks: Optional[Iterable[str]] = None,
              min_severity: str = "low", profile: Any = None,
              allow_unknown: bool = True) -> tsaudit.DeviceResult:
        dev = tsaudit.audit_text(text, dialect=dialect, profile=profile or default_profile)
        if dev.status in ("unreadable", "not_audited"):
            pytest.fail(f"tsaudit could not audit the configuration: {dev.status}", pytrace=False)
        wanted = set(checks) if checks is not None else None
        if wanted is not None:
            unknown_ids = wanted - {r.check for r in dev.results}
            if unknown_ids:
                raise ValueError(f"no such check: {', '.join(sorted(unknown_ids))}")
        floor = _SEVERITIES.index(min_severity)
        bad_verdicts = {"fail"} if allow_unknown else {"fail", "unknown"}
        bad = [r for r in dev.results
               if (wanted is None or r.check in wanted) and r.verdict in bad_verdicts
               and _SEVERITIES.index(r.severity) >= floor]
        if bad:
            pytest.fail(_explain(dev, bad), pytrace=False)
        return dev

    return check
