from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS224"
CONFIG = None


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [get, bind, escalate]\n"), [8], id="bind-and-escalate"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [users, groups]\n    verbs: [impersonate]\n"), [8], id="impersonate"),
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [roles]\n    verbs: [bind]\n", "Role"), [9], id="bind-in-role")
]

QUIET = [
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    resourceNames: [view]\n    verbs: [bind]\n"), id="scoped-by-resource-names"),
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [rolebindings]\n    verbs: [create]\n"), id="create-bindings"),
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [clusterroles]\n    verbs: [\"*\"]\n"), id="wildcard-verb-left-to-KS220"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [users]\n    verbs: [impersonate]  # k8slint: ignore=KSV043\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
