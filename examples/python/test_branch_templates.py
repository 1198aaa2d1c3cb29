"""Example: fail a test when a rendered configuration template violates a
tsaudit check, with the ``tsaudit_check`` fixture of tsaudit's pytest plugin
(loaded automatically once the package is installed).

    pip install ./python pytest
    pytest examples/python/test_branch_templates.py

Each site's configuration is rendered from templates/branch-ios.cfg.tmpl
(string.Template here; Jinja2 works the same way) and audited in process.
A failed check fails the test, naming the check and the rendered lines.
"""

from pathlib import Path
from string import Template

import pytest

TEMPLATE = Template((Path(__file__).parent / "templates" / "branch-ios.cfg.tmpl").read_text())

# The checks every branch router must pass whatever its site.
BASELINE = ["MGMT-TELNET", "MGMT-SSH-V2", "MGMT-WEB", "MGMT-IDLE-TIMEOUT", "CRED-PLAINTEXT"]


@pytest.mark.parametrize("site", ["lon-br1", "man-br2", "gla-br3"])
def test_branch_router_meets_the_baseline(tsaudit_check, site):
    config = TEMPLATE.substitute(hostname=site)
    dev = tsaudit_check(config, dialect="cisco-ios", checks=BASELINE)
    assert dev.hostname == site
