from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS223"
CONFIG = {"rules": {RULE: "on"}}


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods]\n    verbs: [create, delete]\n", "Role"), [8], id="create-pods"),
    pytest.param(role("  - apiGroups: [apps]\n    resources: [deployments, statefulsets]\n    verbs: [\"*\"]\n"), [7], id="wildcard-on-workloads"),
    pytest.param(role("  - apiGroups: [batch]\n    resources: [jobs]\n    verbs: [create]\n"), [7], id="jobs")
]

QUIET = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods]\n    verbs: [get, list, watch]\n"), id="read-only"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [services]\n    verbs: [create]\n"), id="create-services"),
    pytest.param(role("  - apiGroups: [example.com]\n    resources: [jobs]\n    verbs: [create]\n"), id="crd-named-jobs"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods/eviction]\n    verbs: [create]\n"), id="eviction-subresource"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods]  # k8slint: ignore=KS223\n    verbs: [create]\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
