"""KS187 rbac-service-status-update (off by default)."""
from __future__ import annotations

import pytest

from linter.testing import fires, quiet

RULE = "KS187"
CONFIG = {"rules": {RULE: "on"}}


def role(rules: str, kind: str = "ClusterRole") -> str:
    ns = "  namespace: shop\n" if kind == "Role" else ""
    return f"apiVersion: rbac.authorization.k8s.io/v1\nkind: {kind}\nmetadata:\n  name: r\n{ns}rules:\n{rules}"


FIRES = [
    pytest.param(role('  - apiGroups: [""]\n    resources: [services/status]\n    verbs: [update]\n'), [7], [17], id="update"),
    pytest.param(role('  - apiGroups: [""]\n    resources:\n      - services\n      - services/status\n    verbs: [get, patch]\n',
                      "Role"), [10], [9], id="patch-in-role-block-list"),
    pytest.param(role('  - apiGroups: [apps]\n    resources: [deployments]\n    verbs: [get]\n'
                      '  - apiGroups: ["", events.k8s.io]\n    resources: [services/status]\n    verbs: [patch, update]\n'),
                 [10], [17], id="second-rule-several-groups"),
]

QUIET = [
    pytest.param(role('  - apiGroups: [""]\n    resources: [services/status]\n    verbs: [get, list, watch]\n'), id="read-only"),
    pytest.param(role('  - apiGroups: [""]\n    resources: [services]\n    verbs: [update, patch]\n'), id="near-miss-services-not-status"),
    pytest.param(role('  - apiGroups: [example.com]\n    resources: [services/status]\n    verbs: [update]\n'), id="other-api-group"),
    pytest.param(role('  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n'), id="wildcards-are-ks220s"),
    pytest.param(role('  - apiGroups: [""]\n    resources: [services/status]  # k8slint: ignore=CKV2_K8S_4 -- MetalLB\n'
                      '    verbs: [update]\n'), id="suppressed-by-checkov-id"),
    pytest.param(role('  - just-a-string\n  - apiGroups: 3\n'), id="bad-input"),
]


@pytest.mark.parametrize("src, lines, columns", FIRES)
def test_fires(src, lines, columns):
    fires(RULE, src, lines=lines, columns=columns, config=CONFIG)


@pytest.mark.parametrize("src", QUIET)
def test_quiet(src):
    quiet(RULE, src, config=CONFIG)


def test_off_by_default():
    quiet(RULE, role('  - apiGroups: [""]\n    resources: [services/status]\n    verbs: [update]\n'))
