from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS250"
CONFIG = {"rules": {RULE: "on"}}


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [rolebindings]\n    verbs: [create, update]\n", "Role"), [8], id="rolebindings"),
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles, clusterrolebindings]\n    verbs: [\"*\"]\n"), [7], id="cluster-rbac-wildcard-verb"),
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [roles]\n    verbs: [delete]\n"), [7], id="delete-roles")
]

QUIET = [
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [rolebindings]\n    verbs: [get, list]\n"), id="read-only"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [create]\n"), id="other-resource"),
    pytest.param(role("  - apiGroups: [example.com]\n    resources: [roles]\n    verbs: [create]\n"), id="crd-named-roles"),
    pytest.param(role("  - apiGroups: [\"*\"]\n    resources: [\"*\"]\n    verbs: [create]\n"), id="wildcard-resource-left-to-KS220"),
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [roles]  # k8slint: ignore=KSV050\n    verbs: [delete]\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
