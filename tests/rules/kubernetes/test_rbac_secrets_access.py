from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS221"
CONFIG = {"rules": {RULE: "on"}}


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [get, list]\n"), [7], id="read-secrets"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [\"*\"]\n    verbs: [watch]\n", "Role"), [8], id="wildcard-resources"),
    pytest.param(role("  - apiGroups: [\"*\"]\n    resources: [secrets, configmaps]\n    verbs: [\"*\"]\n"), [7], id="wildcard-verbs-and-groups")
]

QUIET = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets]\n    resourceNames: [db]\n    verbs: [get]\n"), id="resource-names"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [create, delete]\n"), id="write-only"),
    pytest.param(role("  - apiGroups: [example.com]\n    resources: [secrets]\n    verbs: [get]\n"), id="other-api-group"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets]  # k8slint: ignore=access-to-secrets\n    verbs: [get]\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
