from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS225"
CONFIG = {"rules": {RULE: "on"}}


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [nodes, nodes/proxy]\n    verbs: [get, list]\n"), [7], id="get-proxy"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [nodes/proxy]\n    verbs: [create]\n"), [7], id="create-proxy"),
    pytest.param(role("  - {apiGroups: [\"\"], resources: [pods], verbs: [get]}\n  - apiGroups: [\"\"]\n    resources: [nodes/proxy]\n    verbs: [\"*\"]\n"), [8], id="second-rule")
]

QUIET = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [nodes, nodes/metrics, nodes/stats]\n    verbs: [get]\n"), id="metrics"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [services/proxy]\n    verbs: [get]\n"), id="services-proxy"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [nodes/proxy]\n    verbs: []\n"), id="no-verbs"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [nodes/proxy]  # k8slint: ignore=KS225\n    verbs: [get]\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
