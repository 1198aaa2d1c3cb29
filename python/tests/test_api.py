"""The Python API: results, facts, profiles, errors with file:line, reports,
threads, and the pytest fixture."""

import json
import threading
from pathlib import Path

import pytest

import tsaudit

IOS = """version 17.3
hostname edge1
!
enable secret 5 $1$abcd$0123456789abcdefghijkl
username admin privilege 15 password 7 0822455D0A16
service password-encryption
ip ssh version 2
snmp-server community public RO
!
line vty 0 4
 transport input telnet ssh
!
end
"""


def test_audit_text_gives_every_check(src):
    dev = tsaudit.audit_text(IOS, dialect="cisco-ios")
    assert dev.dialect == "cisco-ios"
    assert dev.hostname == "edge1"
    assert dev.status == "ok"
    ids = [r.check for r in dev.results]
    assert len(ids) == len(set(ids)) > 30
    telnet = dev.result("MGMT-TELNET")
    assert telnet.verdict == "fail" and telnet.failed
    assert telnet.severity == "high"
    assert any("transport input telnet" in e.text for e in telnet.evidence)
    assert 11 in [e.line for e in telnet.evidence]
    assert telnet.measures and all(m.startswith("M") for m in telnet.measures)
    assert all(r.verdict in tsaudit.VERDICTS for r in dev.results)
    assert "MGMT-TELNET: fail (high)" in str(telnet)


def test_detection_and_forced_dialect():
    assert tsaudit.audit_text(IOS).dialect == "cisco-ios"
    with pytest.raises(tsaudit.InputError, match="unknown dialect"):
        tsaudit.audit_text(IOS, dialect="cisco-iso")


def test_secrets_are_redacted_unless_asked():
    dev = tsaudit.audit_text(IOS, dialect="cisco-ios")
    text = json.dumps(dev.to_dict()) + json.dumps(dev.facts)
    assert "0822455D0A16" not in text and "community public" not in text
    assert "<redacted:" in text
    shown = tsaudit.audit_text(IOS, dialect="cisco-ios", show_secrets=True)
    assert "0822455D0A16" in json.dumps(shown.to_dict())
    assert "community public" in json.dumps(shown.to_dict())


def test_facts_are_the_model():
    facts = tsaudit.audit_text(IOS, dialect="cisco-ios").facts
    assert facts["hostname"] == "edge1"
    assert isinstance(facts["snmp"], dict)


def test_hostname_names_a_device_without_one():
    dev = tsaudit.audit_text("interface Loopback0\n ip address 10.0.0.1 255.255.255.255\n",
                             dialect="cisco-ios", hostname="lab-r9")
    assert dev.hostname == "lab-r9"


def test_text_tsaudit_does_not_audit_says_so():
    dev = tsaudit.audit_text("just some words\nnothing more\n")
    assert dev.status == "not_audited"
    assert dev.results == []


def test_profile_changes_verdicts(src):
    needs = tsaudit.audit_text(IOS, dialect="cisco-ios")
    with_profile = tsaudit.audit_text(IOS, dialect="cisco-ios",
                                      profile=src / "examples" / "profile.yaml")
    a = {r.check: r.verdict for r in needs.results}
    b = {r.check: r.verdict for r in with_profile.results}
    assert "needs_context" in a.values()
    assert sum(v == "needs_context" for v in b.values()) < sum(v == "needs_context" for v in a.values())


def test_profile_from_dict_and_file(src):
    p = tsaudit.Profile.from_dict({"provider": {"name": "X", "tier": 2},
                                   "networks": {"paw": ["10.255.10.0/24"]}})
    dev = tsaudit.audit_text(IOS, dialect="cisco-ios", profile=p)
    assert dev.results
    q = tsaudit.Profile.from_file(src / "examples" / "profile.yaml")
    assert "profile.yaml" in repr(q)


def test_profile_errors_carry_file_and_line(tmp_path):
    bad = tmp_path / "profile.yaml"
    bad.write_text("provider:\n  name: X\n  tier: 9\n")
    with pytest.raises(tsaudit.ProfileError) as e:
        tsaudit.Profile.from_file(bad)
    d = e.value.diagnostics[0]
    assert d.file == str(bad) and d.line == 3 and d.level == "error"
    assert f"{bad}:3" in str(e.value)
    with pytest.raises(tsaudit.ProfileError, match="tier"):
        tsaudit.Profile.from_dict({"provider": {"tier": "seven"}})


def test_unreadable_file_raises_with_its_diagnostic(tmp_path):
    missing = tmp_path / "nope.cfg"
    with pytest.raises(tsaudit.InputError) as e:
        tsaudit.audit_file(missing)
    assert str(missing) in str(e.value)
    dev = tsaudit.audit_file(missing, strict=False)
    assert dev.status == "unreadable"


def test_scan_writes_the_cli_formats(src, tmp_path):
    outs = [tmp_path / n for n in ("r.html", "r.sarif", "r.csv", "r.xml", "r.oscal.json")]
    est = tsaudit.scan([src / "examples" / "estate"], profile=src / "examples" / "profile.yaml",
                       attestations=src / "examples" / "attestations.yaml", jobs=1,
                       outputs=outs)
    assert est.status == 0
    for o in outs:
        assert o.stat().st_size > 1000, o
    assert json.loads((tmp_path / "r.sarif").read_text())["version"] == "2.1.0"
    assert len(est.devices) >= 5
    assert est.fleet, "the example estate shares secrets between devices"
    assert {"id", "status"} <= set(est.measures[0])
    lon = est.device("lon-cr1")
    assert lon.dialect == "cisco-iosxr"


def test_scan_reports_bad_inputs_and_goes_on(src, tmp_path):
    (tmp_path / "empty.cfg").write_text("")
    est = tsaudit.scan([tmp_path, src / "examples" / "estate" / "core"])
    assert est.status == 2
    assert any(d.file.endswith("empty.cfg") for d in est.diagnostics)
    assert any(d.dialect == "cisco-iosxr" for d in est.devices)


def test_threads_share_a_context(src):
    ctx = tsaudit.Context(profile=src / "examples" / "profile.yaml")
    files = sorted(p for p in (src / "examples" / "estate").rglob("*") if p.is_file()
                   and p.name != "router.db")
    expected = {str(f): ctx.audit_file(f, strict=False).to_dict() for f in files}
    got, errors = {}, []

    def work(part):
        try:
            for f in part:
                got[str(f)] = ctx.audit_file(f, strict=False).to_dict()
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(files[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and got == expected


def test_pytest_fixture_fails_a_bad_template(pytester):
    pytester.makepyfile(test_template="""
        GOOD = "hostname r1\\nip ssh version 2\\nline vty 0 4\\n transport input ssh\\n"
        BAD = "hostname r1\\nline vty 0 4\\n transport input telnet\\n"

        def test_good(tsaudit_check):
            tsaudit_check(GOOD, dialect="cisco-ios", checks=["MGMT-TELNET"])

        def test_bad(tsaudit_check):
            tsaudit_check(BAD, dialect="cisco-ios", checks=["MGMT-TELNET"])
    """)
    res = pytester.runpytest_inprocess()
    res.assert_outcomes(passed=1, failed=1)
    res.stdout.fnmatch_lines(["*MGMT-TELNET*fail*", "*line 3: transport input telnet*"])


def test_c_accessors_agree_with_the_json(src):
    """The typed C accessors (struct tsa_result, evidence) say what the JSON says."""
    import ctypes
    from tsaudit import _lib
    L = _lib.lib
    ctx = tsaudit.Context(profile=src / "examples" / "profile.yaml")
    files = sorted(p for p in (src / "examples" / "estate").rglob("*")
                   if p.is_file() and p.name != "router.db")
    assert len(files) >= 10
    for f in files:
        dev = L.tsa_assess_file(ctx._ctx, str(f).encode(), None)
        check_accessors(L, _lib, dev, ctypes)


def check_accessors(L, _lib, dev, ctypes):
    try:
        full = json.loads(_lib.text_of(L.tsa_device_json, dev))
        assert L.tsa_device_dialect(dev).decode() == full["dialect"]
        assert L.tsa_device_hostname(dev).decode() == full["hostname"]
        n = L.tsa_device_result_count(dev)
        assert n == len(full["results"])
        for i, want in enumerate(full["results"]):
            r = _lib.Result()
            assert L.tsa_device_result(dev, i, ctypes.byref(r)) == 0
            got = (r.check.decode(), r.verdict.decode(), r.severity.decode(), r.message.decode())
            assert got == (want["check"], want["verdict"], want["severity"], want["message"])
            assert (r.remediation.decode() or None) == want["remediation"]
            assert r.nevidence == len(want["evidence"])
            for j, e in enumerate(want["evidence"]):
                line, text = ctypes.c_uint(), ctypes.c_char_p()
                assert L.tsa_device_evidence(dev, i, j, ctypes.byref(line), ctypes.byref(text)) == 0
                assert (line.value, text.value.decode()) == (e["line"], e["text"])
        assert L.tsa_device_result(dev, n, ctypes.byref(_lib.Result())) == -1
    finally:
        L.tsa_device_free(dev)
