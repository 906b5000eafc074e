from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS220"
CONFIG = None


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [\"*\"]\n"), [8], id="wildcard-verbs"),
    pytest.param(role("  - apiGroups: [apps]\n    resources: [\"*\"]\n    verbs: [get]\n", "Role"), [8], id="wildcard-resources-in-role"),
    pytest.param(role("  - apiGroups: [\"*\"]\n    resources: [\"*\"]\n    verbs: [\"*\"]\n"), [7], id="wildcard-both"),
    pytest.param(role("  - {apiGroups: [\"\"], resources: [pods], verbs: [get]}\n  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [\"*\"]\n"), [9], id="second-rule")
]

QUIET = [
    pytest.param(role("  - apiGroups: [\"*\"]\n    resources: [pods]\n    verbs: [get, list]\n"), id="wildcard-api-group-only"),
    pytest.param(role("  - nonResourceURLs: [\"*\"]\n    verbs: [get]\n"), id="non-resource-urls"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [get, list, watch]\n"), id="explicit"),
    pytest.param("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: r}\ndata: {rules: \"*\"}\n", id="not-a-role"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [\"*\"]  # k8slint: ignore=CKV_K8S_49\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
