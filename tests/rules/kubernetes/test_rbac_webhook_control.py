from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS226"
CONFIG = {"rules": {RULE: "on"}}


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [admissionregistration.k8s.io]\n    resources: [mutatingwebhookconfigurations]\n    verbs: [create, patch]\n"), [7], id="mutating"),
    pytest.param(role("  - apiGroups: [admissionregistration.k8s.io]\n    resources: [validatingwebhookconfigurations]\n    verbs: [\"*\"]\n"), [7], id="validating-wildcard"),
    pytest.param(role("  - apiGroups: [admissionregistration.k8s.io]\n    resources: [validatingwebhookconfigurations, mutatingwebhookconfigurations]\n    verbs: [delete]\n"), [7], id="both")
]

QUIET = [
    pytest.param(role("  - apiGroups: [admissionregistration.k8s.io]\n    resources: [mutatingwebhookconfigurations]\n    resourceNames: [injector]\n    verbs: [patch]\n"), id="own-webhook"),
    pytest.param(role("  - apiGroups: [admissionregistration.k8s.io]\n    resources: [mutatingwebhookconfigurations]\n    verbs: [get, list, watch]\n"), id="read-only"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [patch]\n"), id="other-resource"),
    pytest.param(role("  - apiGroups: [admissionregistration.k8s.io]\n    resources: [mutatingwebhookconfigurations]  # k8slint: ignore=KS226\n    verbs: [patch]\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
