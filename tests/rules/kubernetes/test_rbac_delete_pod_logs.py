from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS188"
CONFIG = None


def role(rules: str, kind: str = "ClusterRole", ns: str = "shop") -> str:
    nsl = f"  namespace: {ns}\n" if kind == "Role" else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{nsl}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods, pods/log]\n    verbs: [get, delete]\n", "Role"), [8], id="delete-in-role"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods/log]\n    verbs: [deletecollection]\n"), [7], id="deletecollection-in-cluster-role"),
    pytest.param(role("  - apiGroups: [\"*\"]\n    resources: [pods/log]\n    verbs: [\"*\"]\n"), [7], id="wildcard-verb-and-group"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods]\n    verbs: [get]\n  - apiGroups: [\"\"]\n    resources: [pods/log]\n    verbs: [delete]\n"), [10], id="second-rule"),
]

QUIET = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods, pods/log]\n    verbs: [get, list]\n"), id="read-logs"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods, pods/exec]\n    verbs: [delete]\n"), id="near-miss-delete-pods-not-logs"),
    pytest.param(role("  - apiGroups: [logging.example.io]\n    resources: [pods/log]\n    verbs: [delete]\n"), id="other-api-group"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods/log]  # k8slint: ignore=KSV042\n    verbs: [delete]\n"), id="suppressed"),
    pytest.param("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: r}\nrules: 3\n", id="not-a-role"),
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)

