"""The examples of examples/python: the template test passes on the shipped
template and fails when the template lets telnet in; the Nornir example maps
platforms to dialects and audits a host's configuration (its Nornir part
needs Nornir and devices, so only its tsaudit part runs here)."""

import importlib.util
import shutil

import tsaudit


def test_template_example_passes_then_fails(pytester, src):
    ex = src / "examples" / "python"
    shutil.copy(ex / "test_branch_templates.py", pytester.path)
    shutil.copytree(ex / "templates", pytester.path / "templates")
    pytester.runpytest_inprocess().assert_outcomes(passed=3)

    tmpl = pytester.path / "templates" / "branch-ios.cfg.tmpl"
    tmpl.write_text(tmpl.read_text().replace("transport input ssh", "transport input telnet ssh"))
    res = pytester.runpytest_inprocess()
    res.assert_outcomes(failed=3)
    res.stdout.fnmatch_lines(["*MGMT-TELNET [[]high[]] fail*", "*transport input telnet ssh*"])


def load_nornir_example(src):
    spec = importlib.util.spec_from_file_location(
        "nornir_audit", src / "examples" / "python" / "nornir_audit.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_nornir_example_audits_by_platform(src):
    mod = load_nornir_example(src)
    assert mod.dialect_for_platform("iosxr") == "cisco-iosxr"
    assert mod.dialect_for_platform("junos") == "juniper-junos"
    assert mod.dialect_for_platform("cisco_asa") == "cisco-asa"
    assert mod.dialect_for_platform("linux") is None
    assert set(mod.PLATFORM_DIALECTS.values()) <= set(tsaudit.DIALECTS)
    text = (src / "examples" / "estate" / "core" / "lon-cr1").read_text()
    dev = mod.audit_config("lon-cr1", "iosxr", text)
    assert dev.dialect == "cisco-iosxr" and dev.status == "ok"
    # The platform decides the dialect even where detection would not.
    forced = mod.audit_config("x", "ios", "hostname x\nline vty 0 4\n transport input telnet\n")
    assert forced.dialect == "cisco-ios"
    assert [r.check for r in mod.failures(forced, "high")].count("MGMT-TELNET") == 1
