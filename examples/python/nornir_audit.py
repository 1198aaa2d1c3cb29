#!/usr/bin/env python3
"""nornir_audit.py - audit every host's running configuration with tsaudit,
as a Nornir task.

    python nornir_audit.py --config nornir.yaml [--profile profile.yaml]
                           [--fail-on high] [--filter-role core]

Each host's running configuration is fetched with NAPALM (napalm_get's
"config" getter; nornir_napalm) and handed to tsaudit.audit_text() in
process, with the dialect taken from the host's Nornir ``platform``
(NAPALM or Netmiko driver names: ios, iosxr, nxos, eos, junos, sros,
cisco_asa, huawei_vrp, fortios, ...). A host whose platform has no tsaudit
dialect is audited with the dialect detected from its configuration. The
task fails for a host with a failed check at or above --fail-on, and the
summary lists every such failure with its configuration lines.

--offline DIR reads DIR/<host name> instead of connecting (saved
configurations, e.g. an Oxidized or RANCID folder), which is also how to
try the example without devices.

Needs: pip install nornir nornir_napalm nornir_utils ./python
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Optional

import tsaudit

# Nornir platform names (NAPALM drivers and Netmiko device types) -> tsaudit dialects.
PLATFORM_DIALECTS = {
    "ios": "cisco-ios", "cisco_ios": "cisco-ios", "cisco_xe": "cisco-ios", "iosxe": "cisco-ios",
    "iosxr": "cisco-iosxr", "iosxr_netconf": "cisco-iosxr", "cisco_xr": "cisco-iosxr",
    "nxos": "cisco-nxos", "nxos_ssh": "cisco-nxos", "cisco_nxos": "cisco-nxos",
    "asa": "cisco-asa", "cisco_asa": "cisco-asa",
    "eos": "arista-eos", "arista_eos": "arista-eos",
    "junos": "juniper-junos", "juniper_junos": "juniper-junos", "juniper": "juniper-junos",
    "sros": "nokia-sros", "nokia_sros": "nokia-sros",
    "huawei": "huawei-vrp", "huawei_vrp": "huawei-vrp", "ce": "huawei-vrp", "vrp": "huawei-vrp",
    "fortios": "fortinet-fortios", "fortinet": "fortinet-fortios",
}
SEVERITIES = ["info", "low", "medium", "high", "critical"]


def dialect_for_platform(platform: Optional[str]) -> Optional[str]:
    """The tsaudit dialect of a Nornir platform name; None: detect it."""
    return PLATFORM_DIALECTS.get((platform or "").lower())


def audit_config(name: str, platform: Optional[str], config: str,
                 profile: Optional[tsaudit.Profile] = None) -> tsaudit.DeviceResult:
    """Audit one host's configuration text (the part of the task that needs no Nornir)."""
    return tsaudit.audit_text(config, dialect=dialect_for_platform(platform), hostname=name,
                              profile=profile)


def failures(dev: tsaudit.DeviceResult, fail_on: str) -> list:
    return dev.failures(min_severity=fail_on)


def tsaudit_task(task: Any, profile: Optional[tsaudit.Profile] = None, fail_on: str = "high",
                 offline: Optional[Path] = None) -> Any:
    """Nornir task: fetch the running configuration, audit it, fail on findings."""
    from nornir.core.task import Result

    host = task.host
    if offline is not None:
        config = (offline / host.name).read_text(errors="replace")
    else:
        from nornir_napalm.plugins.tasks import napalm_get

        got = task.run(task=napalm_get, getters=["config"], retrieve="running")
        config = got.result["config"]["running"]
    dev = audit_config(host.name, host.platform, config, profile)
    bad = failures(dev, fail_on)
    lines = [f"{dev.hostname} ({dev.dialect}, {dev.status}): "
             f"{dev.counts.get('fail', 0)} failed, {dev.counts.get('pass', 0)} passed"]
    for r in bad:
        where = ", ".join(str(e.line) for e in r.evidence)
        lines.append(f"  {r.check} [{r.severity}] {r.message}" + (f" (lines {where})" if where else ""))
    return Result(host=host, result="\n".join(lines), failed=bool(bad) or dev.status != "ok",
                  changed=False, tsaudit=dev)


def main(argv: Optional[list] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--config", default="nornir.yaml", help="Nornir configuration file")
    ap.add_argument("--profile", help="tsaudit provider profile (YAML)")
    ap.add_argument("--fail-on", default="high", choices=SEVERITIES[1:])
    ap.add_argument("--offline", type=Path, help="read DIR/<host> instead of connecting")
    ap.add_argument("--filter-role", help="only hosts whose data has this 'role'")
    args = ap.parse_args(argv)

    from nornir import InitNornir
    from nornir_utils.plugins.functions import print_result

    nr = InitNornir(config_file=args.config)
    if args.filter_role:
        nr = nr.filter(role=args.filter_role)
    profile = tsaudit.Profile.from_file(args.profile) if args.profile else None
    res = nr.run(task=tsaudit_task, profile=profile, fail_on=args.fail_on, offline=args.offline)
    print_result(res)
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
