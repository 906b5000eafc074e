from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS169"
ON = {"rules": {RULE: "on"}}


def cm(meta: str) -> str:
    return f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n{meta}data: {{a: b}}\n"


FIRES = [
    pytest.param(cm("  annotations: {note: x}\n"), [5], ON, id="no-email"),
    pytest.param(cm(""), [3], ON, id="no-annotations"),
    pytest.param(cm("  annotations: {email: payments}\n"), [5], ON, id="not-an-address"),
    pytest.param(cm("  annotations: {email: a@b.c}\n"), [5], {"rules": {RULE: {"key": "team", "value": ".+"}}}, id="configured-key"),
]

QUIET = [
    pytest.param(cm("  annotations: {email: payments@example.com}\n"), ON, id="valid-address"),
    pytest.param(cm(""), None, id="off-by-default"),
    pytest.param(cm("  annotations: {team: payments}\n"), {"rules": {RULE: {"key": "team", "value": "[a-z]+"}}}, id="configured-match"),
    pytest.param(cm("  annotations: {email: payments}  # k8slint: ignore=required-annotation-email\n"), ON, id="suppressed"),
]


@pytest.mark.parametrize("src, lines, config", FIRES)
def test_fires(src, lines, config):
    fires(RULE, src, lines=lines, config=config)


@pytest.mark.parametrize("src, config", QUIET)
def test_quiet(src, config):
    quiet(RULE, src, config=config)
