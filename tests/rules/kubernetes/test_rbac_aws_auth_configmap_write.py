from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS191"
CONFIG = None


def role(rules: str, kind: str = "ClusterRole", ns: str = "shop") -> str:
    nsl = f"  namespace: {ns}\n" if kind == "Role" else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{nsl}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    resourceNames: [aws-auth]\n    verbs: [get, update, patch]\n"), [8], id="named-aws-auth"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    resourceNames: [aws-auth]\n    verbs: [\"*\"]\n", "Role", "kube-system"), [9], id="named-wildcard-verb"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [get, update]\n", "Role", "kube-system"), [8], id="every-configmap-of-kube-system"),
]

QUIET = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    resourceNames: [aws-auth]\n    verbs: [get, list]\n"), id="near-miss-read-only"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [update]\n", "Role", "shop"), id="role-outside-kube-system"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    resourceNames: [coredns]\n    verbs: [update]\n", "Role", "kube-system"), id="other-configmap-in-kube-system"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    resourceNames: [aws-auth]  # k8slint: ignore=KSV115\n    verbs: [update]\n"), id="suppressed"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)

