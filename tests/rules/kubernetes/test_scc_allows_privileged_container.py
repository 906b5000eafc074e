from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS165"
ON = {"rules": {RULE: "on"}}


def scc(body: str, api: str = "security.openshift.io/v1") -> str:
    return f"apiVersion: {api}\nkind: SecurityContextConstraints\nmetadata: {{name: agents}}\n{body}runAsUser: {{type: RunAsAny}}\n"


FIRES = [
    pytest.param(scc("allowPrivilegedContainer: true\n"), [4], id="true"),
    pytest.param(scc("allowHostNetwork: false\nallowPrivilegedContainer: true\n"), [5], id="among-other-fields"),
    pytest.param(scc("allowPrivilegedContainer: True\n"), [4], id="capitalised-true"),
]

QUIET = [
    pytest.param(scc("allowPrivilegedContainer: false\n"), id="false"),
    pytest.param(scc(""), id="unset"),
    pytest.param(scc("allowPrivilegedContainer: \"true\"\n"), id="string-true-is-a-type-error"),
    pytest.param(scc("allowPrivilegedContainer: true\n", api="example.com/v1"), id="other-group"),
    pytest.param(scc("allowPrivilegedContainer: true  # k8slint: ignore=scc-deny-privileged-container\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)


def test_off_by_default():
    quiet(RULE, scc("allowPrivilegedContainer: true\n"))
