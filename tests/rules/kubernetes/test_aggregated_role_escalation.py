from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS244"
CONFIG = None


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [get, update]\n", extra="  labels: {rbac.authorization.k8s.io/aggregate-to-view: \"true\"}\n"), [9], id="view-secrets-update"),
    pytest.param(role("  - apiGroups: [rbac.authorization.k8s.io]\n    resources: [rolebindings]\n    verbs: [create]\n", extra="  labels:\n    rbac.authorization.k8s.io/aggregate-to-edit: \"true\"\n"), [10], id="edit-rolebindings"),
    pytest.param(role("  - apiGroups: [\"*\"]\n    resources: [\"*\"]\n    verbs: [\"*\"]\n", extra="  labels: {rbac.authorization.k8s.io/aggregate-to-admin: \"true\"}\n"), [9], id="admin-wildcards")
]

QUIET = [
    pytest.param(role("  - apiGroups: [example.com]\n    resources: [widgets]\n    verbs: [\"*\"]\n", extra="  labels: {rbac.authorization.k8s.io/aggregate-to-edit: \"true\"}\n"), id="own-crd"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [get, list]\n", extra="  labels: {rbac.authorization.k8s.io/aggregate-to-admin: \"true\"}\n"), id="read-only"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [update]\n", extra="  labels: {rbac.authorization.k8s.io/aggregate-to-view: \"false\"}\n"), id="label-false"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [update]\n"), id="not-aggregated"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [update]  # k8slint: ignore=aggregate-to-admin-escalation\n", extra="  labels: {rbac.authorization.k8s.io/aggregate-to-view: \"true\"}\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
