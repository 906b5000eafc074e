from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS222"
CONFIG = None


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods, pods/exec]\n    verbs: [get, create]\n", "Role"), [8], id="exec"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods/attach]\n    verbs: [create]\n"), [7], id="attach"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods/exec, pods/attach]\n    verbs: [\"*\"]\n"), [7], id="both-wildcard-verb")
]

QUIET = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods, pods/log]\n    verbs: [get]\n"), id="logs"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods/exec]\n    verbs: [list]\n"), id="exec-list-only"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods/portforward]\n    verbs: [create]\n"), id="port-forward"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods/exec]  # k8slint: ignore=KSV053\n    verbs: [create]\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
