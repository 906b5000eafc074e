from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS218"
ON = {"rules": {RULE: "on"}}


def np(spec: str) -> str:
    return f"apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {{name: api}}\nspec:\n  podSelector: {{}}\n{spec}"


FIRES = [
    pytest.param(np("  ingress:\n    - {}\n"), [7], id="allow-all-ingress"),
    pytest.param(np("  egress:\n    - {}\n"), [7], id="allow-all-egress"),
    pytest.param(np("  ingress:\n    - from: [{podSelector: {}}]\n    - from: []\n"), [8], id="empty-peer-list"),
]

QUIET = [
    pytest.param(np("  ingress:\n    - from: [{podSelector: {matchLabels: {app: web}}}]\n"), id="named-peer"),
    pytest.param(np("  ingress:\n    - ports: [{port: 8080}]\n"), id="ports-only"),
    pytest.param(np("  policyTypes: [Ingress]\n"), id="default-deny"),
    pytest.param(np("  egress:\n    - {}  # k8slint: ignore=allow-all-network-policy\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=ON)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=ON)
