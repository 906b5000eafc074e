from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS243"
CONFIG = {"rules": {RULE: "on"}}


def role(rules: str, kind: str = "ClusterRole", extra: str = "") -> str:
    ns = "  namespace: shop\n" if kind in ("Role", "RoleBinding") else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}{extra}rules:\n{rules}"


FIRES = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods]\n    verbs: [list, deletecollection]\n", "Role"), [9], id="pods"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [secrets, configmaps]\n    verbs: [deletecollection]\n"), [8], id="secrets"),
    pytest.param(role("  - apiGroups: [\"*\"]\n    resources: [\"*\"]\n    verbs: [deletecollection]\n"), [8], id="wildcard-resources")
]

QUIET = [
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods]\n    verbs: [list, delete]\n"), id="delete-one"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [events]\n    verbs: [deletecollection]\n"), id="events"),
    pytest.param(role("  - apiGroups: [serving.knative.dev]\n    resources: [\"*\"]\n    verbs: [deletecollection]\n"), id="other-api-group"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods]\n    verbs: [\"*\"]\n"), id="wildcard-verb-left-to-KS220"),
    pytest.param(role("  - apiGroups: [\"\"]\n    resources: [pods]\n    verbs: [deletecollection]  # k8slint: ignore=KS243\n"), id="suppressed")
]


@pytest.mark.parametrize("src, lines", FIRES)
def test_fires(src, lines):
    fires(RULE, src, lines=lines, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)
