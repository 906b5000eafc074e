from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS190"
CONFIG = {"rules": {RULE: "on"}}


def role(rules: str, kind: str = "ClusterRole", ns: str = "shop") -> str:
    nsl = f"  namespace: {ns}\n" if kind == "Role" else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{nsl}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [get, update, patch]\n", "Role"), [8], id="update-patch"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods, configmaps]\n    verbs: [create]\n"), [7], id="create"),
    pytest.param(role("  - apiGroups: [\"*\"]\n    resources: [configmaps]\n    verbs: [\"*\"]\n"), [7], id="wildcard-verb"),
]

QUIET = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [get, list, watch]\n"), id="near-miss-read-only"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    resourceNames: [leader-lock]\n    verbs: [get, update]\n"), id="resource-names"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets]\n    verbs: [update]\n"), id="other-resource"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [configmaps]  # k8slint: ignore=KSV049\n    verbs: [update]\n"), id="suppressed"),
]


def test_off_by_default():
    quiet(RULE, role("  - apiGroups: [\"\"]\n    resources: [configmaps]\n    verbs: [create]\n"))


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)

